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

## check: translations

## translations command

## new and init

new-id-empty = 记录 id 是空的
new-id-underscore = 记录 id `{ $id }` 以 `_` 开头，这是简介文件（`_index`）专用的
new-id-bad-char = 记录 id `{ $id }` 含有 `{ $char }`，记录 id 里不能有这个字符
new-id-hint = id 就是记录的文件名：小写字母、数字和 `-`（如 `hongxin-wuye`），或中文（如 `梨园村`，网址用拼音）；不能有空格、点或斜杠
new-exists = { $path } 已经存在，没有改动它
new-exists-hint = 换一个 id，或者直接打开这个文件修改
new-cannot-write = 无法写入 { $path }：{ $reason }
new-unknown-collection = site.yaml 中没有名为 `{ $collection }` 的栏目
new-unknown-collection-hint = 现有栏目：{ $known }
new-unknown-language = `{ $lang }` 不是本网站的语言
new-unknown-language-hint = 本网站的语言：{ $known }（可在 site.yaml 的 `languages:` 中添加）
new-record-exists = 记录 `{ $id }` 已经存在：{ $path }
new-record-exists-hint = 换一个 id，或者打开那个文件修改；要翻译它，加上 `--to ko`
new-no-source = `{ $collection }` 中没有可翻译的记录 `{ $id }`（缺少它的 { $lang } 文件）
new-no-source-hint = 先写原文：showcase new { $collection } { $id }
new-yaml-source = { $path } 是 YAML 记录，所有语言都写在这一个文件里
new-yaml-source-hint = 在该文件中用语言对照的写法添加 { $lang } 文字，如 `title: {"{"}zh: …, { $lang }: …{"}"}`
new-placeholder-left = `{ $field }` 还是占位内容 { $mark }
new-placeholder-body = 正文中还有占位内容 { $mark }
new-placeholder-fill-hint = 在这里写上实际内容，并删掉 { $mark }
new-placeholder-translate-hint = 把 { $mark } 后面的原文改成译文，并删掉 { $mark }
new-skeleton-head = { $collection }（{ $key }）的新记录 `{ $id }`，由 showcase new 生成。
new-skeleton-fill = 标有 { $mark } 的值都必须填写；填好之前，build 和 check 会在该行报错。
new-skeleton-optional = 以 # 开头的行是说明：去掉行首的“# ”即可启用该字段，不需要的可以删掉。
new-optional-heading = 以下字段可选：
new-title = 标题
new-date = 日期，格式如 2024-05-01
new-required = 必填
new-body = 正文：背景、主要做法、成效。用 Markdown 书写，以“## 小标题”开始一节。
new-type = { $ty ->
        [text] 文字（需翻译）
        [markdown] Markdown 文字（需翻译）
        [string] 文字（不翻译）
        [int] 整数
        [number] 数字
        [date] 日期，如 2024-05-01
        [bool] true 或 false
        [enum] 可选值
        [list] 短文字列表（需翻译）
        [image] 图片：记录文件夹或 static/ 下的文件
        [gallery] 图片组，可带说明和作者
        [metrics] 主要数据
        [link] 网址
        [ref] 记录或分类词的 id
       *[other] { $ty }
    }
new-builtin-summary = 摘要；不写则取正文开头几句
new-builtin-featured = 在首页推荐
new-builtin-weight = 按权重排序时的位置（小的在前）
new-builtin-updated = 最近更新日期，如 2024-05-01
new-builtin-slug = 网页地址：小写字母、数字和 -
new-builtin-related = 相关记录，写作 栏目/id
new-builtin-source = 材料来源
new-builtin-draft = 草稿：不发布
new-taxonomy-closed = { $name }：{ $file } 中的 id
new-taxonomy-free = { $name }：可自由填写
new-stub-head = { $key }/{ $id } 的{ $language }译文（原文是 { $source }），由 showcase new 生成。
new-stub-translate = 把每个 { $mark } 后面的原文改成译文，并删掉 { $mark }；改好之前，build 和 check 会在该行报错。
new-stub-shared = 这里只列出需要翻译的内容；日期、地区、数据和图片沿用原文。
new-stub-body = 请翻译下面的正文，然后删掉这一行。
new-wrote = 已生成 { $path }。请填写标有 { $mark } 的内容；showcase check 会指出它们的位置。
new-wrote-stub = 已生成 { $path }。请翻译标有 { $mark } 的内容；showcase check 会指出它们的位置。
init-not-a-folder = { $path } 是文件，不是文件夹
init-not-empty = { $path } 不是空文件夹；只能在空文件夹里新建网站
init-not-empty-hint = 换一个新文件夹名，如：showcase init my-site
init-done = 已在 { $path } 新建网站（{ $files } 个文件）。下一步：cd { $path }，再运行 showcase build（或用 showcase serve 预览）。

## schema command

schema-builtin = { $field ->
        [title] 标题（必填）
        [date] 日期，格式 YYYY-MM-DD（必填）
        [summary] 摘要；不写则取正文开头几句
        [updated] 最近更新日期，格式 YYYY-MM-DD
        [draft] 草稿：不发布
        [featured] 在首页推荐
        [weight] 按权重排序时的位置（小的在前）
        [slug] 网页地址：小写字母、数字和 -
        [related] 相关记录，写作 栏目/id
        [source] 材料来源：name 和 url
        [body] 正文，Markdown（仅用于 YAML 记录）
        [translated_from] 由 showcase translations --stamp 写入
       *[other] { $field }
    }
schema-description = 栏目 `{ $collection }` 的记录（showcase）
schema-cannot-write = 无法写入 { $path }：{ $reason }
schema-wrote = 已写入 { $path }
schema-hint = 在装有 YAML 扩展的 VS Code 中，在 .vscode/settings.json 的 "yaml.schemas" 里把每个文件对应到它的记录（见 README “在编辑器里检查记录”）。

## Command line
