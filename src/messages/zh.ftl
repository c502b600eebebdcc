# showcase 的中文提示。每一条都以代码使用的 id 命名（`msg!("id", name = value)`）；
# `{ $name }` 是代码传入的值。各语言文件的 id 和值须一致（有测试检查）。
# 语法：https://projectfluent.org/

## Reports

label-error = 错误
label-warning = 警告
label-help = 提示

summary-counts = { $errors } 个错误，{ $warnings } 个警告

# Text that is not yet in the catalogs (being moved in).
untranslated = { $text }

## Files and folders

## site.yaml

## Fields and YAML

## Records and references

## Markdown and links

## Themes and templates

## check: text hygiene

hygiene-mojibake-replacement = 乱码：字符 � 表示这里有文字在转换时丢失了
hygiene-mojibake-replacement-encoded = 乱码：`{ $text }` 是按错误编码保存的乱码符号 �
hygiene-mojibake-question = 乱码：汉字之间的 `{ $text }` 是转换时丢失的文字
hygiene-mojibake-encoding = 乱码：`{ $text }` 像是用错误编码打开的“{ $recovered }”
hygiene-mojibake-hint = 请从原始文件重新复制这段文字，或者重新输入；从文件复制时请用 UTF-8 编码打开。如果 `?` 本来是问号，请写成全角问号“？”
hygiene-traditional = 简体中文里出现了繁体字“{ $found }”
hygiene-traditional-hint = 请把“{ $found }”改成“{ $expected }”{ $count ->
        [one] {""}
       *[other] ；这一行共有 { $count } 个繁体字
    }
hygiene-simplified = 繁体中文里出现了简体字“{ $found }”
hygiene-simplified-hint = 请把“{ $found }”改成“{ $expected }”{ $count ->
        [one] {""}
       *[other] ；这一行共有 { $count } 个简体字
    }
hygiene-literal-emphasis = `{ $text }` 会连同星号或下划线原样显示，加粗或斜体没有生效
hygiene-literal-emphasis-hint = 把标点移到符号外面（写成 `**真**，她`），或者在后一个符号后面加一个空格
hygiene-empty-alt = 这张图片没有文字说明：`{ $text }`
hygiene-empty-alt-hint = 在方括号里写上图片说明，例如 `![图片说明](photo.jpg)`：读屏软件会读出这段说明，图片打不开时也会显示它
hygiene-gallery-no-caption = 图集里的图片 `{ $src }` 没有图片说明
hygiene-gallery-no-caption-hint = 给这一项加上 `caption:`：说明显示在图片下方，也是读屏软件读出的内容
hygiene-long-title = 标题有 { $count } 个字，超过了 { $limit } 个字
hygiene-long-title-hint = 请把标题缩短到 { $limit } 个字以内：标题太长，在搜索结果、卡片和浏览器标签上会被截断。详细内容可以写在 `summary:` 或正文里

## check: translations

## translations command

## new and init

## schema command

## Command line
