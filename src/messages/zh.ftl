# showcase 的中文提示。每一条都以代码使用的 id 命名（`msg!("id", name = value)`）；
# `{ $name }` 是代码传入的值。各语言文件的 id 和值须一致（有测试检查）。
# 语法：https://projectfluent.org/

## Reports

label-error = 错误
label-warning = 警告
label-help = 提示

summary-counts = { $errors } 个错误，{ $warnings } 个警告


## Files and folders

cannot-read-folder = 无法读取这个文件夹：{ $detail }
symlink-folder = 这是指向文件夹的链接（快捷方式），不会读取其中内容
symlink-folder-hint = 请把那个文件夹移动或复制到这里，不要用链接
symlink-outside = 这个链接指向网站文件夹以外的地方
symlink-outside-hint = 请把文件复制到网站里，不要用链接：只有网站文件夹里的文件才会发布
unknown-file-language = 文件名里的 `{ $lang }` 不是本网站的语言
unknown-file-language-hint = 文件请命名为 `<id>.<lang>.md`，语言用以下之一：{ $codes }；或者在 site.yaml 的 `languages` 里加上这种语言
unknown-folder = `{ $folder }` 不是本网站的栏目，里面的文件不会被使用
unknown-folder-hint = 请在 site.yaml 的 `collections` 下声明 `{ $folder }`，或把文件移到以下栏目之一：{ $collections }
ignored-file = 这个文件不是记录，不会发布
ignored-file-hint = 记录文件名为 `<id>.<lang>.md` 或 `<id>.yaml`；图片请放进记录的文件夹（与 `<id>/index.zh.md` 放在一起），或放在 static/ 下
ignored-bundle-markdown = 这个 Markdown 文件在记录的文件夹里，但不是这条记录的 `index.<lang>.md`，不会发布
ignored-bundle-markdown-hint = 记录的文件夹里放 `index.zh.md`、`index.ko.md` 和图片；如果这是另一条记录，请把它放到栏目文件夹里
missing-terms-file = 词条文件 { $path } 不存在
missing-terms-file-hint = 请新建这个文件，每个词条写一行 `id: {"{"}zh: 名称, ko: 이름{"}"}`；或者从这个分类里删掉 `terms:`，允许随意填写词条
cannot-read-file = 无法读取这个文件：{ $detail }
binary-file = 这是二进制文件，不是文本文件
binary-file-hint = 请把它保存为 UTF-8 文本，或把它移出 content/（图片应放在记录的文件夹里或 static/ 下）
not-utf8 = 这个文件不是 UTF-8 编码的文本
not-utf8-hint = 请把文件保存为 UTF-8 编码；用 GBK 或 EUC-KR 保存的文件需要转换（大多数编辑器的“另存为”里可以选择编码）
empty-file = 这个文件是空的
empty-file-hint = 请写上记录的开头信息和正文，或删掉这个文件

## site.yaml

no-site-yaml = { $folder } 里没有 { $file }
no-site-yaml-hint = 请在网站文件夹（放着 site.yaml 和 content/ 的那个文件夹）里运行 showcase，或用 --root DIR 指明网站文件夹
site-yaml-not-yaml = site.yaml 的 YAML 格式有误：{ $problem }
what-site-yaml = site.yaml
site-title-missing-hint = 请加上 `title: {"{"}zh: …, ko: …{"}"}`
site-collections-missing-hint = 请至少声明一个栏目，例如 `projects:`，并写上它的 `name` 和 `fields`
bad-base-url = `base_url` 不是可用的网址：`{ $url }`
bad-base-url-hint = 请写完整的网址，例如 https://example.org/showcase/；也可以写 /，表示放在任何域名的根目录
bad-missing-translation = `missing_translation` 只能是 `fallback` 或 `omit`
bad-missing-translation-hint = fallback：显示默认语言的文字，并标明尚未翻译；omit：不显示这条记录
site-languages-missing-hint = 请加上 `languages:`，每种语言写一行 `- {"{"}code: zh, tag: zh-Hans, name: 中文{"}"}`；第一种是默认语言
expected-language-list = 语言列表
hint-write-language-list = 每种语言写一行 `- {"{"}code: zh, tag: zh-Hans, name: 中文{"}"}`
what-a-language = 语言设置
what-this-language = 这种语言
language-code-missing-hint = 请加上 `code: ko`：文件名里用的语言简称
bad-language-code = 语言代码 `{ $code }` 只能由小写字母、数字或 `-` 组成
bad-language-code-hint = 请用简短的代码，例如 `zh` 或 `ko`
language-declared-twice = 语言 `{ $code }` 声明了两次
language-declared-twice-hint = 每种语言只声明一次
bad-paginate = `paginate` 至少要是 1
bad-paginate-hint = 请写每个列表页显示多少条记录，例如 12
what-taxonomy = 分类
what-collection = 栏目
what-a-taxonomy = 分类设置
what-a-collection = 栏目设置
route-name-not-slug = { $what }名称 `{ $name }` 只能由小写字母、数字或 `-` 组成
route-name-not-slug-hint = 这个名称会出现在网址里；请写成 `projects` 这样的形式，显示给读者的名称写在 `name:` 下面
route-name-reserved = { $what }名称 `{ $name }` 已被生成器自己使用
route-name-reserved-hint = 请换一个名称；以下名称已被占用：{ $names }
collection-name-taken = 栏目 `{ $name }` 与某个语言或分类重名
collection-name-taken-hint = 请给这个栏目换个名称：它会出现在网址里
bad-extra = `extra` 只能是 `allow` 或 `deny`
bad-extra-hint = `extra: allow` 表示记录里可以写栏目设置中没有声明的字段
bad-sort = `sort` 应写 `date`、`weight` 或 `title`，后面跟 `asc` 或 `desc`
bad-sort-hint = 例如 `sort: date desc`（最新的在前）或 `sort: weight asc`
field-built-in = 字段 `{ $name }` 是内置字段，不能重新声明
field-built-in-hint = 每条记录都已有 title、date、summary、updated、draft、featured、weight、slug、related、source 以及各个分类字段；请换一个名称
what-a-field-definition = 字段定义
what-field = 字段 `{ $name }`
field-type-missing-hint = 请加上 `type: text`（或 string、markdown、int、number、date、bool、enum、list、image、gallery、metrics、link、ref）
unknown-type = 字段类型 `{ $name }` 不存在
unknown-type-hint-list = 可用的类型有：{ $names }
what-enum-field = 选项字段 `{ $name }`
enum-values-missing-hint = 请列出可选的值：`values: [planned, ongoing, completed]`
label-not-a-value = `{ $value }` 不是 `{ $field }` 的可选值
the-values-are = 可选的值有：{ $values }

## Fields and YAML

# What a value is (used inside other sentences).
value-nothing = 空值
value-true-false = 是非值（true/false）
value-whole-number = 整数
value-number = 数字
value-text = 文字
value-list = 列表
value-mapping = 一组 `key: value` 行

wrong-type = `{ $field }` 应该是{ $expected }，但这里写的是{ $found }
expected-mapping = 一组 `key: value` 行
hint-write-mapping = 每行写一个 `key: value`，并缩进写在这个字段下面
hint-write-text = 把文字写在冒号后面的同一行；如果文字里有 `: `，请加引号
expected-true-or-false = true 或 false
hint-write-true-or-false = 请写 `true` 或 `false`
hint-write-whole-number = 只写数字，例如 `12`
hint-write-number = 只写数字，例如 `21652` 或 `3.5`，不要加单位或千位逗号
expected-date = 日期，例如 2023-05-01
hint-write-date = 日期请写成 YYYY-MM-DD 的格式
hint-write-list = 各项写成 `[a, b]`，或每项一行写成 `- item`

bad-date-not-real = `{ $field }` 不是一个真实存在的日期：{ $text }
bad-date-format = `{ $field }` 应该写成 YYYY-MM-DD 格式的日期，而不是 `{ $text }`
bad-date-hint = 日期请写成 YYYY-MM-DD，例如 2023-05-01，并确认那个月有这一天

not-a-language-map = `{ $field }` 写成了以 { $keys } 为键的一组内容，但这些键并不都是网站声明的语言
not-a-language-map-hint = 直接写文字，或每种语言各写一个：`{"{"}{ $example }{"}"}`

unknown-field = 字段 `{ $field }` 不属于{ $what }
did-you-mean = 是不是要写 `{ $name }`？
unknown-field-hint-allowed = 这里可以写的字段有：{ $names }
missing-field = { $what }缺少必填字段 `{ $field }`
what-this-record = 这条记录

yaml-key-twice = `{ $key }` 写了两次
yaml-a-key-twice = 有一个字段写了两次
# The YAML parser's own words (English).
yaml-parser-says = { $detail }
yaml-hint-repeated-key = 每个字段只能写一次；请删掉重复的那个，或把两处合并
yaml-hint-tab = 请用空格缩进，不要用 Tab 键
yaml-hint-indentation = 请检查缩进；文字里有 `: ` 时要加引号，例如 `title: "延吉：红心物业"`
yaml-hint-other = 请检查这一行：每个字段写成 `name: value`，列表写成 `[a, b]` 或多行 `- item`；文字里有 `: `，或以 `[`、`{"{"}`、`*`、`@` 开头时，要加引号
what-collection-named = 栏目 `{ $name }`
what-source = `source`
what-a-key-figure = 关键数据
what-this-key-figure = 这项关键数据
what-a-gallery-picture = 图集图片
what-this-gallery-picture = 这张图集图片
what-an-introduction = 栏目介绍
hint-write-items = 每项写一行 `- {"{"}…{"}"}`，每项都包含 { $parts }
parts-metrics = label、value 和 unit
parts-gallery = src、caption 和 credit
metric-value-missing-hint = 请加上 `value: 21652`（只写数字，不加逗号）
metric-label-missing-hint = 请加上 `label: {"{"}zh: 培训干部, ko: 간부양성{"}"}`
gallery-src-missing-hint = 请加上 `src: photo.jpg`（记录文件夹里或 static/ 下的文件）
bad-enum = `{ $value }` 不是 `{ $field }` 的可选值
bad-enum-hint-did-you-mean = 是不是要写 `{ $name }`？可选的值有：{ $values }
bad-enum-hint-allowed = 可选的值有：{ $values }
toml-front-matter = 这段开头信息是 TOML 格式（`+++`），showcase 只认 YAML 格式
toml-front-matter-hint = 请把字段按 YAML 格式写在两行 `---` 之间
unclosed-front-matter = 开头信息以 `---` 开始，但没有结束
unclosed-front-matter-hint = 请在最后一个字段之后、正文之前，加一行只有 `---` 的行
front-matter-not-yaml = 开头信息的 YAML 格式有误：{ $problem }
record-not-yaml = 这条记录的 YAML 格式有误：{ $problem }
terms-file-not-yaml = 这个词条文件的 YAML 格式有误：{ $problem }
no-front-matter = 这条记录没有开头信息（front matter）
no-front-matter-hint = 文件开头先写一行 `---`，然后写各字段（至少要有 `title:`；默认语言还要有 `date:`），最后再写一行 `---`
body-in-front-matter = Markdown 记录的正文要写在开头信息下面，不能写在 `body:` 里
body-in-front-matter-hint = 请把正文移到结束的 `---` 下面，并删掉 `body:`

## Records and references

related-draft = `{ $id }` 是草稿，所以不会列为相关记录
related-draft-hint = 删掉它的 `draft: true` 后就会列出（用 --drafts 生成时也会列出）
duplicate-record = 记录 `{ $collection }/{ $id }` 在同一种语言里写了两次
duplicate-record-hint = { $path } 已经是这条记录；请删掉两个文件中的一个，或给这个文件换一个 id
orphan-translation = 这是 `{ $collection }/{ $id }` 的译文，但没有这个 id 的 { $lang } 记录
orphan-translation-hint = 请新建 { $path }（共用字段如日期、地区、数据写在那里），或把这个文件改名，对应一条已有的记录
record-also-yaml = 这条记录另外还有一个 YAML 文件，而 YAML 文件已包含所有语言
record-also-yaml-hint = 请把这种语言的文字写进 { $path }，写成 `{"{"}{ $lang }: …{"}"}` 的形式；或删掉那个 YAML 文件
record-no-title = 这条记录缺少必填字段 `title`
record-no-title-hint = 请在开头信息里加上 `title: …`
record-no-date = 这条记录缺少必填字段 `date`
record-no-date-hint = 请加上 `date: 2023-05-01`（报道或完成的日期）
record-missing-required = 这条记录缺少字段 `{ $field }`，栏目 `{ $collection }` 要求必须填写
record-missing-required-hint = 请加上 `{ $field }:`（{ $kind }）
translation-shared-field = `{ $field }` 是各语言共用的字段，只能写在 { $lang } 文件里
translation-shared-field-hint = 请删掉这一行；如果要翻译标签或图片说明，请写在 { $path } 里，写成 `{"{"}{ $default_lang }: …, { $lang }: …{"}"}`
untranslated-title = 这份 { $lang } 译文没有 `title`，将显示 { $default_lang } 的标题
untranslated-title-hint = 请用这种语言加上 `title: …`
bad-slug = `slug` 只能由小写字母、数字或 `-` 组成，不能写成 `{ $slug }`
bad-slug-hint = 可以写成 `{ $slug }`
missing-image-bundle-or-static = 图片 `{ $path }` 在记录的文件夹里和 static/ 下都找不到
missing-image-static = 图片 `{ $path }` 在 static/ 下找不到
missing-image-hint = 请检查文件名拼写和所在文件夹；网站服务器上的文件名区分大小写
unknown-term = `{ $term }` 不是 `{ $taxonomy }` 里的词条
unknown-term-hint-did-you-mean = 是不是要写 `{ $name }`？词条在这个分类的词条文件里声明
unknown-term-hint-list = 请用以下词条之一：{ $terms }；或者把 `{ $term }` 加到这个分类的词条文件里
duplicate-slug = 记录 `{ $first }` 和 `{ $second }` 都会发布到 { $url }
duplicate-slug-hint = 请给其中一条换一个 `slug:`
unknown-record = 记录 `{ $id }` 不存在
unknown-record-hint = 请写一条已有记录的 `collection/id`，例如 `cases/liyuan-cun`
unsafe-picture-path = 图片路径 `{ $path }` 必须是网站内的相对路径
unsafe-picture-path-hint = 请写记录文件夹里的文件名（`cover.jpg`）或 static/ 下的路径（`images/cover.jpg`），不要用 `..` 或以 `/` 开头
picture-path-backslash = 图片路径 `{ $path }` 用了 `\`；记录里的路径在任何系统上都用 `/` 分隔
picture-path-backslash-hint = 请写成 `{ $path }`
bad-term-id = 词条 id `{ $id }` 只能由小写字母、数字或 `-` 组成
bad-term-id-hint = id 会出现在网址和记录里；显示给读者的名称写在值里：`yanji: {"{"}zh: 延吉市, ko: 연길시{"}"}`

## Markdown and links

link-to-draft = 链接 `{ $target }` 指向的是草稿，草稿不会发布
link-to-draft-hint = 请发布那篇草稿（删掉 `draft: true`），或删掉这个链接；用 `--drafts` 生成时会包含草稿
link-to-nothing = 链接 `{ $target }` 指向的记录不存在
link-to-nothing-hint = 请写一条已有记录的 `@/collection/id.md`，例如 `@/cases/liyuan-cun.md`
markdown-missing-image = 图片 `{ $target }` 不存在
markdown-missing-image-hint = 请把文件放进记录的文件夹，或写 static/ 下的路径
photo-in-html = HTML 中写的照片 `{ $url }` 只发布缩放后的副本，不发布原文件，页面上这里会显示不出来
photo-in-html-hint = 请改用 Markdown 写法 `![图片说明]({ $url })`（链接写作 `[文字]({ $url })`），showcase 会用合适的尺寸；或在 site.yaml 中设置 `images: {"{"}keep_original: true{"}"}`，同时发布原文件

## Themes and templates

theme-cannot-read = 无法读取主题文件 { $path }
theme-not-text = 主题文件 { $path } 不是 UTF-8 文本
theme-template-error = 模板 { $path } 有错误
theme-bad-strings = 界面文字文件 { $path } 应该是一行一个 `key: text` 的简单列表：{ $problem }
theme-strings-yaml = { $problem }（第 { $line } 行）
theme-strings-not-map = 应该是一行一个 `key: text`
theme-strings-not-text = 第 { $line } 行的 `{ $key }` 不是文字
theme-missing = 主题“{ $name }”不存在：没有文件夹 { $path }
render-template-failed = 无法用模板 { $template } 生成页面 { $page }

## check

check-template-error = 模板错误：{ $detail }
check-template-cause = { $detail }
check-theme-hint = site.yaml 里的 `theme:` 是站点 themes/ 下的文件夹名；内置主题 `default` 不需要文件夹
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

hygiene-mojibake-replacement = 乱码：字符 � 表示这里有文字在转换时丢失了
hygiene-mojibake-replacement-encoded = 乱码：`{ $text }` 是按错误编码保存的乱码符号 �
hygiene-mojibake-question = 乱码：汉字之间的 `{ $text }` 是转换时丢失的文字
hygiene-mojibake-encoding = 乱码：`{ $text }` 像是用错误编码打开的“{ $recovered }”
hygiene-mojibake-hint = 请从原始文件重新复制这段文字，或者重新输入；从文件复制时请用 UTF-8 编码打开
hygiene-mojibake-question-hint = 请从原始文件重新复制这段文字，或者重新输入；如果 `?` 本来是问号，请写成全角问号“？”
hygiene-traditional = 简体中文里出现了繁体字“{ $found }”
hygiene-traditional-hint = 请把“{ $found }”改成“{ $expected }”{ $count ->
        [1] {""}
       *[other] ；这一行共有 { $count } 个繁体字
    }
hygiene-simplified = 繁体中文里出现了简体字“{ $found }”
hygiene-simplified-hint = 请把“{ $found }”改成“{ $expected }”{ $count ->
        [1] {""}
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

check-translation-stale = 这篇 { $lang } 译文是按 { $default } 原文（{ $source }）的旧版本翻译的，原文后来改过
check-translation-stale-hint = 对照 { $source } 更新译文，然后运行 `showcase translations --stamp { $record }`，记下译文已与原文一致
check-translation-missing = 这条记录还没有 { $lang } 译文
check-translation-missing-hint = `showcase new { $collection } { $id } --to { $lang }` 会写出一个 { $lang } 文件，列出需要翻译的字段
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
translations-stamp-no-translation-hint = `showcase new { $collection } { $id } --to { $lang }` 可以写出一个
translations-stamp-none = `{ $record }` 没有可以记录的译文文件
translations-stamp-no-front-matter = { $file } 没有前置字段（`---` 行之间的部分），无法写入 `translated_from`
translations-stamp-read = 无法读取 { $file }：{ $error }
translations-stamp-write = 无法写入 { $file }：{ $error }

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
init-done = 已在 { $path } 新建网站（{ $files } 个文件）。下一步：showcase serve --root { $path } --open 预览，showcase check --root { $path } 检查，showcase build --root { $path } 生成。

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
        [aliases] 页面的旧地址，如 /projects/old-name/，由重定向继续可用
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

label-caused-by = 原因
cli-bad-base-url = --base-url { $url } 不是可用的网址；请写完整的网址，例如 https://example.org/showcase/，或者写 /
build-progress = 正在生成
build-summary = 已生成 { $pages } 个页面（{ $per_lang }），{ $files } 个文件，{ $mib } MiB，{ $counts }，用时 { $seconds } 秒 → { $output }
build-failed = 生成失败：{ $counts }。之前生成的网站保持原样，没有改动。
build-previous-output-kept = 之前生成的网站保持原样，没有改动。
output-foreign = 输出文件夹 { $path } 不是空的，也不是 showcase 生成的；为避免覆盖，不予替换
output-foreign-hint = 请用 --output 指定一个空的或新的文件夹，或把那个文件夹里的文件移走；showcase 只替换带有 .showcase-output 标记文件的文件夹
output-overlaps = 输出文件夹 { $path } 会包含或覆盖网站自己的文件
output-overlaps-hint = 请把网站生成到单独的文件夹，例如 output/；它不能是网站文件夹本身，也不能在 content/、static/ 或 themes/ 里面
output-escapes = 拒绝写入 { $path }：它会落在输出文件夹之外
output-cannot-write = 无法写入 { $path }

## serve command

serve-listening = 网站预览地址：{ $url }
serve-not-local = 正在监听 { $bind }：局域网中的其他电脑也能看到这个预览。如只想在本机预览，请使用 --bind 127.0.0.1。
serve-watching = 正在监视 site.yaml、content/、static/ 和主题的改动。按 Ctrl-C 停止。
serve-stopped = 已停止。
serve-store-hint = serve 把预览的页面放在网站的这个文件夹里，停止时会删除。请让网站文件夹可写（或移走名为 .showcase 的文件），然后重新启动 serve。
serve-built = 已生成，用时 { $millis } 毫秒：{ $files } 个文件，{ $counts }。
serve-previewed = 已更新修改的记录（{ $changed } 个页面），用时 { $millis } 毫秒；网站其余部分随后更新。
serve-rebuilt = 已重新生成，用时 { $millis } 毫秒：{ $changed } 个文件有变化，{ $counts }。
serve-failed = 网站有错误（{ $counts }）；改正之前，预览继续显示上一个正确的版本。
serve-last-good-kept = 改正之前，预览继续显示上一个正确的版本。
serve-overlay-heading = showcase：网站有错误
serve-port-taken = 端口 { $port } 已被占用，改用端口 { $used }。
serve-cannot-listen = 无法在 { $address } 上监听
serve-cannot-listen-hint = 请用 --port 换一个端口，或者关闭占用这个端口的程序
serve-watch-limit = 无法监视 { $folder } 的改动：已达到系统允许监视的文件夹数量上限
serve-watch-limit-hint = 请提高上限，例如 `sudo sysctl fs.inotify.max_user_watches=524288`，然后重新启动 serve；在此之前，改动不会自动生效
serve-watch-failed = 无法监视 { $folder } 的改动
serve-cannot-open = 无法打开浏览器；请自己打开 { $url }。

# URL policy (issue 14)
unsafe-url-script = `{ $url }` 会在访问者的浏览器里运行程序（`{ $scheme }:`）
unsafe-url-script-hint = 发布的网页不能带脚本链接：请链接到网页（`https://…`）、记录（`@/cases/liyuan-cun.md`）或网站里的文件（`/files/report.pdf`）
unsafe-url-data = `{ $url }` 是 `data:` 地址，把整个文件写进了网页
unsafe-url-data-hint = 请把文件存进记录的文件夹（或 static/ 下），然后写文件名，例如 `photo.jpg`
unsafe-url-file = `{ $url }` 指向你自己电脑上的文件，访问者打不开
unsafe-url-file-hint = 请把文件复制到记录的文件夹或 static/files/ 里，再写文件名（`report.pdf`）或路径（`/files/report.pdf`）
unsafe-url-scheme = 链接 `{ $url }` 以 `{ $scheme }:` 开头，发布的网页不能使用这种地址
unsafe-url-scheme-hint = 请写以 `https://`、`http://`、`mailto:` 或 `tel:` 开头的地址，或者网站里的网页、文件
unsafe-url-not-a-file = `{ $url }`（`{ $scheme }:`）不是图片或文件的地址
unsafe-url-not-a-file-hint = 请写记录文件夹里的文件名（`photo.jpg`）或 static/ 下的路径（`/images/photo.jpg`）
external-resource = `{ $url }` 要从别的网站（{ $host }）加载，而本网站不能从外部加载任何内容
link-without-scheme = `{ $url }` 不是完整的网址（前面缺少 `https://`，或冒号写成了全角），会变成指向本网站里一个不存在的网页
link-without-scheme-hint = 请写完整的地址：`{ $meant }`
external-resource-hint = 请把文件存进记录的文件夹或 static/ 下，再写文件名；单位信任的服务器（如内网图片服务器）可以写进 site.yaml 的 `allowed_hosts:`
# Hidden characters (issue 14): control characters, noncharacters, bidi controls, invisible
# characters in ids. `$char` is a code point with its name, such as `U+0007 (BELL)`.

control-char = 文本中有看不见的控制字符 { $char }
control-char-hint = 这个字符谁也看不见，却会破坏页面、订阅源和搜索；它多半是从别的程序（文字处理软件、PDF、网页）里一起复制过来的：请把它删掉，例如把它前后的文字重新输入一遍
control-char-escape = `{ $escape }` 会写入看不见的控制字符 { $char }
control-char-escape-hint = 请删掉 `{ $escape }`：它写入的是谁也看不见的字符，会破坏页面、订阅源和搜索
control-char-more = { $count ->
        [one] 这个文件里还有 1 个看不见的控制字符
       *[other] 这个文件里还有 { $count } 个看不见的控制字符
    }
noncharacter = 文本中的 { $char } 不是一个字符
noncharacter-hint = 它显示为空白或方框，还会破坏订阅源；它多半是从别的程序里一起复制过来的：请把它删掉
bidi-control = 隐藏的文字方向控制符 { $char }：这段文字显示出来的顺序和实际写的不一样
bidi-control-escape = `{ $escape }` 会写入隐藏的文字方向控制符 { $char }：文字显示出来的顺序和实际写的不一样
bidi-control-hint = 这个看不见的字符会让它后面的文字颠倒或移位显示，读者看到的和文件里写的不是一回事（所谓“特洛伊源码”手法）；中文和朝鲜文从来不需要它：请把它删掉，除非你有意在写阿拉伯文或希伯来文
bidi-control-more = { $count ->
        [one] 这个文件里还有 1 个隐藏的文字方向控制符
       *[other] 这个文件里还有 { $count } 个隐藏的文字方向控制符
    }
yaml-unpaired-surrogate = `{ $escape }` 只是半个字符（不成对的代理项），不是一个字符
yaml-hint-surrogate = 请直接写出这个字符；U+FFFF 以外的字符也可以写成 `\UXXXXXXXX`（八位）或成对的 `\ud83d\ude00`；如果这个转义是误粘贴进来的，请删掉
invisible-in-id = { $what } `{ $id }` 里有看不见的字符 { $char }
invisible-in-id-hint = 带有看不见字符的名称，看起来和不带它的名称一模一样，实际上却是另一个名称：可能出现两条看起来相同的记录或词条，指向它的链接也会失效；请不带这个字符重新输入名称
id-kind-record = 记录名（文件名或文件夹名）
id-kind-slug = 网址名（slug）
id-kind-term = 词条
id-kind-reference = 引用的记录
# Photos (issue 15)

what-booklet-settings = `booklet`（汇编）设置
bad-booklet-max-records = `max_records`（每册最多记录数）必须是 1 到 { $most } 之间的整数
bad-booklet-max-records-hint = 这是汇编每一册最多收录的记录数；200 条一册，每册几兆字节，可以印成一本
bad-booklet-by = `by`（分册方式）只能是 `year` 或 `collection`
bad-booklet-by-hint = `by: year` 按连续的年份分册；`by: collection` 每个栏目一册
what-images-settings = `images` 设置
bad-image-quality = `quality`（质量）必须是 1 到 100 之间的整数
bad-image-quality-hint = 80 在清晰度和文件大小之间比较平衡；想更清晰写 90，想更小写 70
bad-image-format = showcase 不能以 `{ $format }` 格式发布图片
bad-image-format-hint = 请写 `formats: [webp, jpeg]`：能看 WebP 的浏览器用 WebP，其他浏览器用 JPEG（透明图片用 PNG）
no-image-formats = `formats` 里没有写任何格式
bad-image-width = 无法生成 { $width } 像素宽的图片
no-image-widths = `widths` 里没有写任何宽度
image-widths-hint = 请写以像素为单位的宽度，从 16 到 8192，例如 `widths: [480, 960, 1600, 2400]`
image-problem-at-use = 图片 `{ $file }` 无法发布：{ $problem }
photo-gps = 这张照片里记录了拍摄地点（GPS 位置）
photo-gps-hint = 发布到网站上的图片不带位置（showcase 已删除），但你电脑里的这个文件仍然带着；如果不希望位置随文件流传，请在手机或电脑的相册里删除位置信息后再把文件发给别人
cover-too-small = 封面 `{ $file }` 只有 { $width }×{ $height } 像素
cover-too-small-hint = 封面在记录页上和聊天软件的链接预览里显示得很大；请换一张至少 { $width } 像素宽的图片，才能显示清晰
build-photos = { $photos } 张照片：新生成 { $encoded } 个图片文件，{ $cached } 个取自缓存
build-pdfs = 汇编 PDF { $pdfs } 个：新排版 { $made } 个，{ $cached } 个取自缓存（{ $mib } MiB）
build-photos-progress = 照片
# end of photos (issue 15)

# SVG safety (issue 14)

bad-svg = 此 SVG 文件无法按 XML 读取：{ $reason }
bad-svg-hint = 浏览器无法显示损坏的 SVG，因此不会发布它；请在绘图软件中打开并重新导出为 SVG，或另存为 PNG
svg-sanitized = 发布时已删除此 SVG 中可能运行脚本或从站外加载内容的部分：{ $removed }（共 { $count } 处）
svg-sanitized-hint = 这些内容若随网站发布，会在网站页面上运行或从其他服务器加载；发布的副本只保留图形本身。要消除此警告，请在绘图软件中重新导出不含脚本、交互和链接的 SVG（或另存为 PNG）并替换此文件
svg-removed-list = { $first }、{ $rest }
svg-removed-script = 脚本（<script>）
svg-removed-event-handler = 事件处理属性（onload、onclick 等）
svg-removed-script-address = 会运行脚本的地址（javascript: 等）
svg-removed-outside-reference = 指向其他文件或网站的链接和引用
svg-removed-foreign-content = 嵌入的网页内容（<foreignObject>、HTML）
svg-removed-animation = 会更改链接或事件处理的动画
svg-removed-style = 从文件外加载的样式（@import、url(…)）
svg-removed-doctype = DOCTYPE 中的实体声明
svg-removed-instruction = 处理指令（如 <?xml-stylesheet?>）
## images: what is wrong with a picture file (issue 15)

image-truncated = 此文件不是完整的图片：文件在图片结束之前就断了
image-truncated-hint = 可能是复制或上传时中断了：请从原来的地方再复制一次这张照片
image-corrupt = 此图片文件已损坏，无法读取（{ $detail }）
image-corrupt-hint = 请用看图软件打开它：如果也打不开，请从原来的地方重新获取这张照片；如果能打开，请重新另存为 JPEG 或 PNG
image-not-an-image = 此文件不是图片
image-not-an-image-hint = 它可能是改了图片名字的文档、文本或压缩包；请使用照片本身（JPEG、PNG、WebP、TIFF 或 BMP），而不是包含照片的文件
image-unsupported = 这张图片是 { $format } 格式，网页不能在所有地方显示，showcase 也不读取这种格式
image-unsupported-heic-hint = 请在手机或电脑上把它另存为或导出为 JPEG（iPhone 上选择 设置 → 相机 → 格式 → 兼容性最佳，以后拍的照片就是 JPEG）。showcase 读取 JPEG、PNG、WebP、TIFF 和 BMP；GIF 和 SVG 按原样发布
image-unsupported-psd-hint = 这是 Photoshop 文档，不是网页用的图片：请在 Photoshop 中另存一份 JPEG（照片）或 PNG（绘图和截图）
image-unsupported-raw-hint = 这是相机的 RAW 原始文件：请用相机配套软件或照片软件（Lightroom、照片、darktable 等）导出为 JPEG
image-unsupported-hint = 请在制作它的软件中把这张 { $format } 图片另存为或导出为 JPEG（照片）或 PNG（绘图和截图）；showcase 读取 JPEG、PNG、WebP、TIFF 和 BMP，GIF 和 SVG 按原样发布
image-wrong-extension = 此文件其实是 { $actual } 图片，但文件名表示它是另一种文件
image-wrong-extension-hint = 浏览器和服务器按文件名判断文件类型：请把文件名的扩展名改为 .{ $extension }（它是 { $actual } 图片），并在内容中引用它的地方改用新名字
image-too-large = 这张图片有 { $width } × { $height } 像素（{ $megapixels } 百万像素）；showcase 最多读取 1 亿像素（100 百万像素）的图片
image-too-large-hint = 网页不需要这么大的图片：请导出一张较小的（例如最长边 4000 像素），改用那个文件
image-metadata-left = 此 { $format } 文件不能按原样发布：showcase 无法删除其中的隐私信息（例如拍摄地点）
image-metadata-left-hint = 请去掉 `keep_original: true`，让 showcase 发布不含这些信息的重新编码副本；或者把图片重新另存为 JPEG 或 PNG，改用那个文件
image-metadata-left-as-is-hint = GIF 和动图按原样发布，而这个文件带有 showcase 无法去除的元数据：请在制作它的软件中关闭 XMP（或“保存元数据”）后重新保存，或另存为静态 JPEG 或 PNG

## aliases and moved pages (issue 17)

alias-other-site = `{ $alias }` 是另一个网站（{ $host }）的地址，不是本站的
alias-other-site-hint = 别名是本记录页面在本站的旧地址；请写出它的路径，如 /projects/old-name/
alias-not-a-path = `{ $alias }` 不是页面地址
alias-not-a-path-hint = 旧地址请写成以 / 开头的路径，如 /projects/old-name/，也可以从浏览器地址栏粘贴完整地址（https://…）
alias-bad-character = `{ $alias }` 含有 { $character }，本站的地址不能含有它
alias-bad-character-hint = 请从浏览器地址栏重新复制旧地址；路径中没有空格、引号或 ..
alias-not-a-page = `{ $alias }` 是文件地址，不是页面地址，重定向页面无法代替它
alias-not-a-page-hint = 别名是页面的旧地址（以 / 或 .html 结尾）；移动过的文件请放在 static/ 下它原来的路径
alias-host-unknown = `{ $alias }` 被当作本站的地址 { $path }，但 site.yaml 没有写明本站在哪个主机上，无法判断 { $host } 是不是本站
alias-host-unknown-hint = 如果这是别的网站的链接（比如聊天中转发的文章），请删掉它；如果是本站的旧地址，请只写路径（{ $path }），或在 site.yaml 的 `base_url` 中写上本站的完整地址（https://…/）
alias-home = `{ $alias }` 是首页，不能指向一条记录
alias-home-hint = 请删除这个别名
alias-taken-by-record = `{ $alias }` 是记录 { $record } 的页面地址
alias-taken-by-alias = 记录 { $record } 已经把 `{ $alias }` 用作别名
alias-taken-by-site = `{ $alias }` 位于本站自己的列表、分类、年份、搜索或汇编页面所在之处
alias-taken-hint = 别名只能是本站没有任何页面使用的地址：请在这里删除它，或在最先使用它的地方删除
url-gone-moved = { $count ->
       *[other] 以前发布的 { $count } 个地址已不存在（{ $urls }）：这条记录的页面现在位于 { $now }
    }
url-gone-moved-hint = 以前分享出去的链接（聊天中、印好的二维码上）仍指向旧地址；要让它们继续可用，请在这个文件的头部信息中加上这一行：{ $line }
url-gone-removed = { $count ->
       *[other] 以前发布的 { $count } 个地址已不存在（{ $urls }）：它们所属的记录 { $record } 已不再发布
    }
url-gone-removed-hint = 如果现在由另一条记录介绍这项内容，请在那条记录中加上 `aliases: [{ $alias }]`；否则访问旧地址的人会看到“页面未找到”

## publish command (issue 17)

what-publish = publish
publish-check-failed = 没有发布任何内容：网站有问题（{ $counts }）。publish 会先做 `showcase check --strict` 的检查，警告也需要改正
publish-no-target = 没有指定发布到哪里
publish-no-target-hint = 用 --to 指定发布目标（一个文件夹，或 sftp://用户@主机/路径），或在 site.yaml 中设置一次：`publish: {"{"}to: /var/www/showcase{"}"}`
publish-unknown-target = `{ $target }` 不是 showcase 可以发布到的位置
publish-unknown-target-hint = 发布目标可以是文件夹（网站服务器的文件夹、挂载的共享文件夹），也可以是 SFTP 地址：sftp://用户@主机[:端口]/路径
publish-target-in-site = { $target } 位于网站文件夹或其输出文件夹之内
publish-target-in-site-hint = 请发布到网站之外的文件夹：网站服务器的文件夹或挂载的共享文件夹
publish-foreign = { $target } 中有不是 showcase 放进去的文件
publish-foreign-hint = 请发布到一个空文件夹；如果这些文件是网站的旧副本，请先清空该文件夹。showcase 把它发布的文件记录在 { $file } 中，只改动这些文件
publish-bad-manifest = { $target } 中的已发布文件清单（{ $file }）无法读取
publish-bad-manifest-hint = 它被修改过，或是由别的程序写的；如果该文件夹中只有本网站，请清空后重新发布
publish-target-failed = 发布到 { $target } 失败
publish-target-failed-hint = 请检查发布目标的地址、网络连接和权限，然后再次运行 showcase publish
publish-gone = 没有发布任何内容：{ $count ->
       *[other] 发布目标上的 { $count } 个地址将会消失：{ $urls }
    }
publish-gone-hint = 访问者可能从聊天记录或印好的二维码中得到这些地址：请按上面的警告加上 `aliases:` 行，让它们通往页面的新位置；如果这些页面确实要删除，请加上 --allow-gone 再发布
publish-cannot-read-output = 无法读取输出文件夹 { $path }
publish-nothing = { $target } 上已经是这个网站的最新内容，无需发布
publish-plan = { $target }：新增 { $added } 个，更改 { $changed } 个，删除 { $removed } 个（需发送 { $mib } MiB{ $copied ->
        [0] {""}
       *[other] ，另有 { $copied } 个在目标上直接复制
    }）
publish-dry-run = 试运行：{ $target } 上没有任何改动
publish-interrupted = 发布到 { $target } 的过程没有完成就中断了
publish-interrupted-hint = 那里的网站可能一半是旧的、一半是新的：请再次运行 showcase publish，它会完成这次没做完的部分
publish-done = 已发布到 { $target }，用时 { $seconds } 秒：写入 { $files } 个文件（{ $mib } MiB），删除 { $removed } 个。

## Command-line help (`showcase --help`, `showcase build --help`, …)
# 命令行帮助，id 由 clap 的名称组成（见 en.ftl 的说明和 src/cli.rs）。

cli-about = 中文 / 朝鲜文双语展示网站的静态网站生成器
cli-help-about = 显示本帮助，或指定子命令的帮助
cli-arg-lang = 提示信息的语言：`zh`（中文）、`ko`（조선어）或 `en`。默认：按 LC_ALL、LC_MESSAGES 或 LANG 决定（zh_* 为中文，ko_* 为朝鲜文），否则为英文
cli-arg-help = 显示帮助
cli-arg-version = 显示版本
cli-arg-root = 网站文件夹（放着 site.yaml 的那个文件夹）
cli-build-about = 把网站生成到输出文件夹（只有生成成功时才替换之前生成的网站）
cli-build-arg-output = 网站写到哪个文件夹，代替 site.yaml 里的 `output_dir`
cli-build-arg-base_url = 网站将要发布的网址，代替 site.yaml 里的 `base_url`
cli-build-arg-drafts = 同时发布标有 `draft: true` 的记录
cli-build-arg-timings = 显示生成的各个阶段用了多长时间、生成后的内存峰值，以及完成的工作量（模板和 Markdown 的渲染次数）
cli-serve-about = 在内存中生成网站，在这台电脑上提供预览；保存文件时重新生成，并刷新已打开的页面
cli-serve-arg-bind = 监听的地址。127.0.0.1 只有这台电脑能连接；用其他地址时，别的电脑也能看到预览
cli-serve-arg-port = 端口（0：任意空闲端口）。端口被占用时，改用下一个空闲端口
cli-serve-arg-open = 网站可以预览后，在浏览器中打开
cli-serve-arg-drafts = 同时显示标有 `draft: true` 的记录
cli-serve-arg-timings = 每次生成后，显示各个阶段用了多长时间（加载、准备、渲染、替换）
cli-check-about = 检查整个网站，不写入任何文件：列出所有问题，并给出文件、行号和提示
cli-check-arg-format = `text` 给人看，`json` 给 CI 用（问题的数组；见 README）
cli-check-arg-strict = 有警告时也算失败（退出码 1）
cli-check-arg-drafts = 按 --drafts 生成的情况检查：草稿会发布，所以指向草稿的链接没有问题
cli-translations-about = 显示每条记录翻译成各语言的进度，或记下（--stamp）译文已与原文一致
cli-translations-arg-format = `text`：给人看的表格；`json`：同样的内容，供脚本使用（README.md，“Translations”）
cli-translations-arg-stamp = 记下这条记录（`<collection>/<id>`，如 `projects/hongxin-wuye`）的译文已与当前原文一致：在译文的开头信息里写入 `translated_from: <digest>`
cli-translations-arg-to = 与 --stamp 一起用：只记这种语言的译文（如 `ko`）。默认：这条记录的所有译文文件
cli-new-about = 按栏目设置写出新记录的框架；加上 `--to` 时写出待翻译的译文文件
cli-new-arg-collection = 栏目，即 site.yaml 中 `collections:` 下的名称（如 projects）
cli-new-arg-id = 记录的 id，也就是文件名，如 `hongxin-wuye` 或 `梨园村`
cli-new-arg-to = 为已有的记录写出这种内容语言（如 `ko`）的待翻译文件，而不是默认语言的新记录。（`--lang` 选择的是提示信息的语言。）
cli-init-about = 在空文件夹里新建网站：site.yaml、三个栏目，每个栏目一条示例记录
cli-init-arg-dir = 新建网站的文件夹；必须是空的，或者还不存在
cli-schema-about = 为每个栏目写出 JSON Schema，供编辑器在输入时检查 YAML
cli-schema-arg-out = schema 文件写到哪里。默认：网站文件夹里的 `.showcase/schema/`
cli-booklet-about = 生成印刷版汇编：每个分册的每种语言各一个 A4 PDF 文件
cli-booklet-arg-volume = 只生成这个分册（用文件名中的分册名：`all`、`2019-2021`、`cases`）
cli-booklet-arg-output = PDF 文件写到哪里。默认：网站文件夹中的 `print/`
cli-booklet-arg-base_url = 网站发布的网址，用于二维码，代替 site.yaml 中的 `base_url`
cli-publish-about = 检查并生成网站，然后让发布目标（文件夹或 SFTP 服务器）与新的输出完全一致，只发送有变化的部分
cli-publish-arg-to = 发布到哪里，代替 site.yaml 中的 `publish: {"{"}to: …{"}"}`：一个文件夹（网站服务器的文件夹、挂载的共享文件夹），或 sftp://用户@主机[:端口]/路径。密码不写在这里：它从 SHOWCASE_SFTP_PASSWORD 读取
cli-publish-arg-dry_run = 列出将要新增、更改和删除的文件，不改动发布目标上的任何东西
cli-publish-arg-allow_gone = 即使发布目标上已有的记录页面会消失（其地址将无处可去）也照样发布；不加此项时，publish 会拒绝并说明用哪些 `aliases:` 保留它们

# clap's own words in the help: its headings, and the words before default and possible values.
cli-heading-usage = 用法
cli-heading-commands = 命令
cli-heading-arguments = 参数
cli-heading-options = 选项
cli-default = 默认
cli-possible-values = 可选值
cli-bad-lang = `{ $lang }` 不是可用的提示语言；请用 zh、ko 或 en

## 开始指南：单独运行 `showcase` 时显示（src/commands/guide.rs）

start-guide =
    showcase 用来制作中文 / 朝鲜文双语展示网站，要在命令窗口里使用：
    Windows：在 showcase.exe 所在文件夹的地址栏里输入 cmd，按回车；
    Linux：在文件夹里点右键，选“在终端中打开”，并把下面的 showcase 写成 ./showcase。

      showcase init 我的网站                   新建网站，放在“我的网站”文件夹里
      showcase serve --root 我的网站 --open    在浏览器里预览；保存文件后页面自动更新（按 Ctrl+C 停止）
      showcase check --root 我的网站           检查全部记录，指出每个问题所在的文件和行
      showcase build --root 我的网站           生成网站，写进“我的网站/output”文件夹
      showcase publish --root 我的网站         发布到网站服务器（先在 site.yaml 里写好 publish:）

    记录写在“我的网站/content”文件夹里，每条记录每种语言一个 .md 文件。
    帮助：showcase --help（朝鲜文：加 --lang ko），以及下载包里的《使用说明.md》。
start-guide-press-enter = 按回车键关闭本窗口

## publish over SFTP

sftp-url-not-sftp = { $url } 不是 SFTP 地址
sftp-url-no-user = 地址 { $url } 没有写明用哪个用户名登录
sftp-url-no-host = 地址 { $url } 没有写服务器名称
sftp-url-no-path = 地址 { $url } 没有写网站在服务器上的文件夹
sftp-url-bad-port = 地址 { $url } 中的端口“{ $port }”不是有效的端口号（1 到 65535）
sftp-url-bad-escape = 地址 { $url } 中有一个 %，但后面跟的不是有效的字符编码
sftp-url-hint = 地址的写法是 sftp://用户名@服务器/文件夹；如果服务器不用 22 端口，就写成 sftp://用户名@服务器:端口/文件夹。用户名、服务器、端口和网站文件夹（例如 /var/www/site）可以向网站空间服务商询问
sftp-url-password = 地址 { $url } 里含有密码；showcase 不接受写在命令行里的密码，因为别人和命令历史记录都能看到它
sftp-url-password-hint = 请从地址中删去“:密码”这一部分，然后改用 SSH 密钥登录（推荐），或者把密码放在环境变量 SHOWCASE_SFTP_PASSWORD 里
sftp-cannot-connect = 无法连接到 { $server }
sftp-cannot-connect-hint = 请检查地址中的服务器名称和端口，并确认这台电脑已经联网；如果必须通过 VPN 才能访问这台服务器，请先打开 VPN
sftp-known-hosts-unreadable = 无法读取已知服务器列表 { $path }
sftp-unknown-host = 这台电脑还不认识服务器 { $server }，因此没有向它发送任何内容。它的密钥指纹是 { $fingerprint }
sftp-unknown-host-hint = 请向网站空间服务商索取这台服务器的密钥指纹，核对是否一致。如果一致，请用 `{ $command }` 连接一次，在 ssh 询问时回答“yes”；或者把下面这一行加到 { $known_hosts } 中：
    { $line }
sftp-host-key-changed = 警告：{ $server } 的密钥与 { $known_hosts }（第 { $line } 行）中记录的不一致。可能有人在拦截这次连接，也可能是服务器重装过。没有向它发送任何内容
sftp-host-key-changed-hint = 查明原因之前请不要发布：请向网站空间服务商确认服务器的密钥是否换过（它现在的指纹是 { $fingerprint }）。只有对方确认之后，才删除 { $known_hosts } 的第 { $line } 行，再用 ssh 连接一次，记下新的密钥
sftp-host-key-revoked = { $server } 的密钥在 { $known_hosts }（第 { $line } 行）中被标记为已吊销，因此没有向它发送任何内容
sftp-host-key-revoked-hint = 已吊销的密钥绝不能再信任：请向网站空间服务商询问服务器现在的密钥
sftp-auth-failed = { $server } 不允许 { $user } 登录。已尝试：{ $tried }
sftp-auth-failed-hint = 请检查地址中的用户名。要用密钥登录，需要网站空间服务商（或服务器管理员）把你的公钥（密钥旁边的 .pub 文件）加到这个用户的授权密钥里；设有密码短语的密钥，要先用 ssh-add 加入 SSH 代理。要用密码登录，请把密码放在环境变量 SHOWCASE_SFTP_PASSWORD 里
sftp-tried-list = { $first }；{ $rest }
sftp-tried-agent = { $count ->
        [0] SSH 代理（里面没有密钥）
       *[other] SSH 代理中的 { $count } 个密钥（被拒绝）
    }
sftp-tried-agent-unavailable = SSH 代理（没有响应：{ $reason }）
sftp-tried-key = 密钥 { $path }（被拒绝）
sftp-tried-key-encrypted = 密钥 { $path }（已跳过：它设有密码短语，请用 ssh-add 把它加入 SSH 代理）
sftp-tried-key-unreadable = 密钥 { $path }（无法读取：{ $reason }）
sftp-tried-password = 环境变量 SHOWCASE_SFTP_PASSWORD 中的密码（被拒绝）
sftp-tried-nothing = 无：没有正在运行的 SSH 代理，~/.ssh 里没有密钥（id_ed25519、id_ecdsa 或 id_rsa），也没有设置 SHOWCASE_SFTP_PASSWORD
sftp-no-sftp = { $server } 允许 showcase 登录，但没有提供 SFTP
sftp-no-sftp-hint = 请让网站空间服务商为这个用户开通 SFTP（有的服务商只在另一个端口上或为另一个用户提供 SFTP）

## The printed compilation (issue 18)

print-font-unreadable = 无法读取这个字体文件：{ $detail }
print-font-not-a-font = 这个文件不是 showcase 能读取的字体（OpenType .otf、TrueType .ttf 或字体集 .ttc）
print-font-hint = `booklet.fonts` 列出的字体文件路径相对于网站文件夹，例如 fonts/NotoSerifCJKsc-Regular.otf
print-no-cjk-font = 没有找到适用于 `{ $lang }` 的字体：PDF 需要中文和朝鲜文（CJK）字体，而本机没有安装
print-site-fonts-lack = `booklet.fonts` 中的字体都不包含 `{ $lang }` 的文字
print-no-cjk-font-hint = 请安装 Noto CJK 字体（Debian 或 Ubuntu：sudo apt install fonts-noto-cjk），或在 site.yaml 的 `booklet: {"{"}fonts: [...]{"}"}` 中指定字体文件
print-no-cjk-font-hint-windows = showcase 使用 Windows 自带的微软雅黑、宋体和 Malgun Gothic（C:\Windows\Fonts）；如果缺朝鲜文字体，请在“设置 → 应用 → 可选功能”中添加“韩语补充字体”，或在 site.yaml 的 `booklet: {"{"}fonts: [...]{"}"}` 中指定字体文件
print-image-unreadable = 这张图片无法印入 PDF：{ $detail }
print-no-qr = PDF 中没有二维码：网站地址 { $base } 没有主机名，二维码无法指向网页
print-no-qr-hint = 请把 site.yaml 中的 `base_url` 设为网站发布后的完整地址（https://example.org/showcase/），或用 --base-url 指定
print-failed = 无法生成 PDF：{ $detail }
print-template-error = 印刷模板有错误：{ $detail }
print-template-warning = 印刷模板：{ $detail }
print-no-packages-hint = showcase 不下载任何东西：请把模板导入的文件放进主题的 print/ 文件夹
booklet-unknown-volume = 没有分册 `{ $key }`；现有分册：{ $keys }
booklet-cannot-write = 无法写入 { $path }：{ $reason }
booklet-wrote = { $path }：{ $pages } 页，{ $kib } KiB
booklet-summary = 已写入 { $files } 个 PDF 文件，共 { $pages } 页，{ $mib } MiB，{ $counts }，用时 { $seconds } 秒 → { $output }
booklet-failed = 有错误的分册没有生成 PDF：{ $counts }。
