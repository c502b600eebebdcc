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

## check

check-template-error = 模板错误：{ $detail }
check-template-error-hint = 请按上面指出的行修改模板；站点自己的主题（themes/<名称>/templates/）会逐个文件覆盖内置主题
check-summary-clean = 已检查 { $records } 条记录：没有发现问题。
check-summary = 已检查 { $records } 条记录：{ $counts }。
check-strict-failed = --strict：警告也视为不通过。

## Links to headings and to static files

link-no-heading = 链接指向标题 `#{ $anchor }`，但那个页面没有这个标题
link-no-heading-hint = 那个页面的标题有：{ $headings }
link-no-heading-hint-none = 那个页面没有标题；请去掉 `#…`，直接链接到页面
link-no-static-file = 链接 `{ $target }` 指向的文件不存在：没有 { $file }
link-no-static-file-hint = 请把文件放进 static/（链接 `/files/a.pdf` 对应 static/files/a.pdf），或改正路径

## check: text hygiene

## check: translations

check-translation-stale = 这篇 { $lang } 译文是按 { $default } 原文（{ $source }）的旧版本翻译的，原文后来改过
check-translation-stale-hint = 对照 { $source } 更新译文，然后运行 `showcase translations --stamp { $record }`，记下译文已与原文一致
check-translation-missing = 这条记录还没有 { $lang } 译文
check-translation-missing-hint = `showcase new { $collection } { $id } --lang { $lang }` 会写出一个 { $lang } 文件，列出需要翻译的字段
check-translation-missing-yaml-hint = 在这个文件里给各段文字加上 { $lang } 的值：`title: { "{" }{ $default }: …, { $lang }: …{ "}" }`，摘要、文字字段和正文也一样
check-translation-partial = 这篇 { $lang } 译文没有翻译 { $fields }，这些地方显示的是 { $default } 原文
check-translation-partial-hint = 在这个文件里翻译这些字段，或者在 { $source } 里写成 `{ "{" }{ $default }: …, { $lang }: …{ "}" }`
check-translation-partial-yaml-hint = 在这些字段的 { $default } 值旁边加上 { $lang } 的值：`{ "{" }{ $default }: …, { $lang }: …{ "}" }`

## translations command

translations-one-language = 这个站点只有一种语言（{ $lang }），没有需要翻译的内容。
translations-no-records = 这个站点还没有记录。
translations-header-record = 记录
translations-header-title = 标题
translations-header-lang = 语言
translations-header-status = 状态
translations-header-untranslated = 未翻译的字段
translations-state-complete = 已完成
translations-state-partial = 部分翻译
translations-state-stale = 原文已改
translations-state-missing = 未翻译
translations-by-language = 按语言
translations-by-collection = 按栏目
translations-tally = 已完成 { $complete }/{ $total }（{ $percent }%）：部分翻译 { $partial }，原文已改 { $stale }，未翻译 { $missing }
translations-errors = 有些文件有错误，它们的状态没有列出或不完整（{ $counts }）；运行 `showcase check` 查看。
translations-stamped = { $file }：translated_from: { $digest }
translations-stamp-bad-record = `{ $record }` 不是一条记录的名称
translations-stamp-bad-record-hint = 写栏目和 id：`--stamp projects/hongxin-wuye`
translations-stamp-unknown-collection = `{ $collection }` 不是这个站点的栏目
translations-stamp-unknown-collection-hint = 站点的栏目有：{ $collections }
translations-stamp-unknown-record = 没有 `{ $record }` 这条记录
translations-stamp-unknown-record-hint = `showcase translations` 列出所有记录；id 就是文件名去掉 `.{ $lang }.md`
translations-stamp-broken = { $file } 有错误，不能记录原文版本
translations-stamp-broken-hint = 运行 `showcase check` 查看错误，改好后再运行一次
translations-stamp-yaml = { $file } 在一个文件里包含所有语言，没有单独的译文文件可以记录
translations-stamp-yaml-hint = YAML 记录的译文就写在原文旁边（`{ "{" }zh: …, ko: …{ "}" }`），不会被报告为原文已改
translations-stamp-bad-lang = `{ $lang }` 不是这个站点的翻译语言
translations-stamp-bad-lang-hint = 翻译语言有：{ $langs }
translations-stamp-no-translation = `{ $record }` 没有 { $lang } 译文文件
translations-stamp-no-translation-hint = `showcase new { $collection } { $id } --lang { $lang }` 可以写出一个
translations-stamp-none = `{ $record }` 没有可以记录的译文文件
translations-stamp-no-front-matter = { $file } 没有前置字段（`---` 行之间的部分），无法写入 `translated_from`
translations-stamp-read = 无法读取 { $file }：{ $error }
translations-stamp-write = 无法写入 { $file }：{ $error }

## new and init

## schema command

## Command line
