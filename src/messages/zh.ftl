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

## translations command

## new and init

## schema command

## Command line
