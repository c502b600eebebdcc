# showcase's messages in English. Every sentence showcase prints is here, named by an id the
# code uses (`msg!("id", name = value)`); `{ $name }` is a value the code passes. Keep ids and
# values the same in every language's file (a test checks). Syntax: https://projectfluent.org/

## Reports

label-error = error
label-warning = warning
label-help = help

summary-counts = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }


## Files and folders

cannot-read-folder = cannot read this folder: { $detail }
symlink-folder = this link to a folder is not followed
symlink-folder-hint = move or copy the folder here instead of linking it
symlink-outside = this link leads outside the site folder
symlink-outside-hint = copy the file into the site instead of linking to it: only files inside the site are published
unknown-file-language = `{ $lang }` in the file name is not a language of this site
unknown-file-language-hint = name the file `<id>.<lang>.md` with one of: { $codes }; or add the language to `languages` in site.yaml
unknown-folder = `{ $folder }` is not a collection of this site; its files are ignored
unknown-folder-hint = declare `{ $folder }` under `collections` in site.yaml, or move the files into one of: { $collections }
ignored-file = this file is not a record and is not published
ignored-file-hint = records are `<id>.<lang>.md` or `<id>.yaml`; put images inside a record's folder (`<id>/index.zh.md` beside them) or under static/
ignored-bundle-markdown = this Markdown file is inside a record's folder but is not its `index.<lang>.md`; it is not published
ignored-bundle-markdown-hint = a record's folder holds `index.zh.md`, `index.ko.md` and its pictures; make this file a record of its own in the collection folder
missing-terms-file = the terms file { $path } does not exist
missing-terms-file-hint = create it with one `id: {"{"}zh: 名称, ko: 이름{"}"}` line per term, or remove `terms:` from the taxonomy to allow free terms
cannot-read-file = cannot read this file: { $detail }
binary-file = this is a binary file, not text
binary-file-hint = save it as UTF-8 text, or move it out of content/ (images belong in a record's folder or static/)
not-utf8 = this file is not UTF-8 text
not-utf8-hint = save the file as UTF-8; files saved as GBK or EUC-KR must be converted (most editors offer "Save with encoding")
empty-file = this file is empty
empty-file-hint = write the record's front matter and text, or delete the file

## site.yaml

no-site-yaml = there is no { $file } in { $folder }
no-site-yaml-hint = run showcase in the site's folder (the one that holds site.yaml and content/), or name it with --root DIR
site-yaml-not-yaml = site.yaml is not valid YAML: { $problem }
what-site-yaml = site.yaml
site-title-missing-hint = add `title: {"{"}zh: …, ko: …{"}"}`
site-collections-missing-hint = declare at least one collection, such as `projects:` with its `name` and `fields`
bad-base-url = `base_url` is not a usable URL: `{ $url }`
bad-base-url-hint = write a full URL such as https://example.org/showcase/, or / for the root of any host
bad-missing-translation = `missing_translation` must be `fallback` or `omit`
bad-missing-translation-hint = fallback shows the default-language text marked as untranslated; omit leaves the record out
site-languages-missing-hint = add `languages:` with `- {"{"}code: zh, tag: zh-Hans, name: 中文{"}"}`; the first is the default language
expected-language-list = a list of languages
hint-write-language-list = write `- {"{"}code: zh, tag: zh-Hans, name: 中文{"}"}`, one per line
what-a-language = a language
what-this-language = this language
language-code-missing-hint = add `code: ko`: the short code used in file names
bad-language-code = language code `{ $code }` must be lowercase letters, digits or `-`
bad-language-code-hint = use a short code such as `zh` or `ko`
language-declared-twice = language `{ $code }` is declared twice
language-declared-twice-hint = declare each language once
bad-paginate = `paginate` must be at least 1
bad-paginate-hint = write how many records one list page shows, such as 12
what-taxonomy = taxonomy
what-collection = collection
what-a-taxonomy = a taxonomy
what-a-collection = a collection
route-name-not-slug = { $what } name `{ $name }` must be lowercase letters, digits or `-`
route-name-not-slug-hint = the name is used in URLs; write it like `projects` and put the display name under `name:`
route-name-reserved = { $what } name `{ $name }` is used by the generator itself
route-name-reserved-hint = choose another name; these are reserved: { $names }
collection-name-taken = collection `{ $name }` has the same name as a language or taxonomy
collection-name-taken-hint = give the collection another name: it is used in URLs
bad-extra = `extra` must be `allow` or `deny`
bad-extra-hint = `extra: allow` lets records carry fields the schema does not declare
bad-sort = `sort` must be `date`, `weight` or `title`, then `asc` or `desc`
bad-sort-hint = for example `sort: date desc` (newest first) or `sort: weight asc`
field-built-in = field `{ $name }` is built in and cannot be redeclared
field-built-in-hint = every record already has title, date, summary, updated, draft, featured, weight, slug, related, source and the taxonomies; choose another name
what-a-field-definition = a field definition
what-field = field `{ $name }`
field-type-missing-hint = add `type: text` (or string, markdown, int, number, date, bool, enum, list, image, gallery, metrics, link, ref)
unknown-type = unknown field type `{ $name }`
unknown-type-hint-list = the types are: { $names }
what-enum-field = enum field `{ $name }`
enum-values-missing-hint = list the allowed values: `values: [planned, ongoing, completed]`
label-not-a-value = `{ $value }` is not one of the values of `{ $field }`
the-values-are = the values are: { $values }

## Fields and YAML

# What a value is (used inside other sentences).
value-nothing = nothing
value-true-false = true/false
value-whole-number = a whole number
value-number = a number
value-text = text
value-list = a list
value-mapping = a mapping

wrong-type = `{ $field }` must be { $expected }, but here it is { $found }
expected-mapping = a mapping of `key: value` lines
hint-write-mapping = write one `key: value` per line, indented under this key
hint-write-text = write the text on the same line after the colon; quote it if it contains `: `
expected-true-or-false = true or false
hint-write-true-or-false = write `true` or `false`
hint-write-whole-number = write digits only, such as `12`
hint-write-number = write digits, such as `21652` or `3.5`, without units or commas
expected-date = a date such as 2023-05-01
hint-write-date = write the date as YYYY-MM-DD
hint-write-list = write the items as `[a, b]` or as `- item` lines

bad-date-not-real = `{ $field }` is not a real calendar date: { $text }
bad-date-format = `{ $field }` must be a date written YYYY-MM-DD, not `{ $text }`
bad-date-hint = write the date as YYYY-MM-DD, for example 2023-05-01, and check the day exists in that month

not-a-language-map = `{ $field }` is a mapping with keys { $keys }, which are not all declared languages
not-a-language-map-hint = write plain text, or one value per language: `{"{"}{ $example }{"}"}`

unknown-field = unknown field `{ $field }` in { $what }
did-you-mean = did you mean `{ $name }`?
unknown-field-hint-allowed = the fields allowed here are: { $names }
missing-field = { $what } has no `{ $field }`, which is required
what-this-record = this record

yaml-key-twice = `{ $key }` is written twice
yaml-a-key-twice = a key is written twice
# The YAML parser's own words (English).
yaml-parser-says = { $detail }
yaml-hint-repeated-key = each field may appear only once; delete or merge the repeated one
yaml-hint-tab = indent with spaces, not tabs
yaml-hint-indentation = check the indentation, and quote text that contains `: `, such as `title: "延吉：红心物业"`
yaml-hint-other = check this line: every field is `name: value`, lists are `[a, b]` or `- item` lines, and text containing `: ` or starting with `[`, `{"{"}`, `*` or `@` must be quoted
what-collection-named = collection `{ $name }`
what-source = `source`
what-a-key-figure = a key figure
what-this-key-figure = this key figure
what-a-gallery-picture = a gallery picture
what-this-gallery-picture = this gallery picture
what-an-introduction = an introduction
hint-write-items = write one `- {"{"}…{"}"}` line per item, each with { $parts }
parts-metrics = label, value and unit
parts-gallery = src, caption and credit
metric-value-missing-hint = add `value: 21652` (digits only, no commas)
metric-label-missing-hint = add `label: {"{"}zh: 培训干部, ko: 간부양성{"}"}`
gallery-src-missing-hint = add `src: photo.jpg` (a file in the record's folder or under static/)
bad-enum = `{ $value }` is not an allowed value of `{ $field }`
bad-enum-hint-did-you-mean = did you mean `{ $name }`? The allowed values are: { $values }
bad-enum-hint-allowed = the allowed values are: { $values }
toml-front-matter = this front matter is TOML (`+++`); showcase reads YAML
toml-front-matter-hint = write the fields as YAML between two `---` lines
unclosed-front-matter = the front matter starts with `---` but never ends
unclosed-front-matter-hint = add a line with only `---` after the last field, before the text
front-matter-not-yaml = the front matter is not valid YAML: { $problem }
record-not-yaml = this record is not valid YAML: { $problem }
terms-file-not-yaml = this terms file is not valid YAML: { $problem }
no-front-matter = this record has no front matter
no-front-matter-hint = start the file with `---`, the fields (at least `title:` and, in the default language, `date:`), and another `---`
body-in-front-matter = a Markdown record's text goes below the front matter, not in `body:`
body-in-front-matter-hint = move the text below the closing `---` and delete `body:`

## Records and references

related-draft = `{ $id }` is a draft, so it is not listed as related
related-draft-hint = it will be listed once its `draft: true` is removed (or when building with --drafts)
duplicate-record = record `{ $collection }/{ $id }` is written twice in the same language
duplicate-record-hint = { $path } already holds this record; delete one of the two files or give this one another id
orphan-translation = this is a translation of `{ $collection }/{ $id }`, but there is no { $lang } record with that id
orphan-translation-hint = create { $path }, which holds the shared fields (date, region, figures), or rename this file to match an existing record
record-also-yaml = this record is also written as a YAML file, which holds every language
record-also-yaml-hint = put this language's text into { $path } as `{"{"}{ $lang }: …{"}"}` values, or delete the YAML file
record-no-title = this record has no `title`, which is required
record-no-title-hint = add `title: …` to the front matter
record-no-date = this record has no `date`, which is required
record-no-date-hint = add `date: 2023-05-01` (the day the work was reported or completed)
record-missing-required = this record has no `{ $field }`, which collection `{ $collection }` requires
record-missing-required-hint = add `{ $field }:` ({ $kind })
translation-shared-field = `{ $field }` is shared by all languages and is set in the { $lang } file only
translation-shared-field-hint = delete this line; to translate labels or captions, write them in { $path } as `{"{"}{ $default_lang }: …, { $lang }: …{"}"}`
untranslated-title = this { $lang } translation has no `title`; the { $default_lang } title is shown
untranslated-title-hint = add `title: …` in this language
bad-slug = `slug` must be lowercase letters, digits or `-`, not `{ $slug }`
bad-slug-hint = write it like `{ $slug }`
missing-image-bundle-or-static = the picture `{ $path }` does not exist in the record's folder or under static/
missing-image-static = the picture `{ $path }` does not exist under static/
missing-image-hint = check the spelling and the folder; file names are case-sensitive on the web server
unknown-term = `{ $term }` is not a term of `{ $taxonomy }`
unknown-term-hint-did-you-mean = did you mean `{ $name }`? Terms are declared in the taxonomy's terms file
unknown-term-hint-list = use one of: { $terms }; or add `{ $term }` to the taxonomy's terms file
duplicate-slug = records `{ $first }` and `{ $second }` would both be published at { $url }
duplicate-slug-hint = give one of them another `slug:`
unknown-record = there is no record `{ $id }`
unknown-record-hint = write `collection/id`, such as `cases/liyuan-cun`, of a record that exists
unsafe-picture-path = the picture path `{ $path }` must be a relative path inside the site
unsafe-picture-path-hint = write a file name from the record's folder (`cover.jpg`) or a path under static/ (`images/cover.jpg`), without `..` or a leading `/`
picture-path-backslash = the picture path `{ $path }` is written with `\`; paths in records are written with `/` on every system
picture-path-backslash-hint = write `{ $path }`
bad-term-id = term id `{ $id }` must be lowercase letters, digits or `-`
bad-term-id-hint = the id is used in URLs and in records; put the display name in the value: `yanji: {"{"}zh: 延吉市, ko: 연길시{"}"}`

## Markdown and links

link-to-draft = the link `{ $target }` leads to a draft, which is not published
link-to-draft-hint = publish the draft (remove `draft: true`) or remove the link; `--drafts` builds include drafts
link-to-nothing = the link `{ $target }` leads to no record
link-to-nothing-hint = write `@/collection/id.md`, such as `@/cases/liyuan-cun.md`, for a record that exists
markdown-missing-image = the picture `{ $target }` does not exist
markdown-missing-image-hint = put the file in the record's folder (a bundle) or name a path under static/
photo-in-html = the HTML names the photo `{ $url }`, which is published only as resized copies, so the page would show nothing there
photo-in-html-hint = write it in Markdown, `![what it shows]({ $url })` (or `[text]({ $url })` for a link): showcase then uses the right size; or set `images: {"{"}keep_original: true{"}"}` in site.yaml to publish the file too

## Themes and templates

theme-cannot-read = cannot read the theme file { $path }
theme-not-text = the theme file { $path } is not UTF-8 text
theme-template-error = template error in { $path }
theme-bad-strings = the UI strings file { $path } is not a flat `key: text` map: { $problem }
theme-strings-yaml = { $problem } (line { $line })
theme-strings-not-map = expected `key: text` lines
theme-strings-not-text = `{ $key }` on line { $line } is not text
theme-missing = the theme "{ $name }" does not exist: there is no folder { $path }
render-template-failed = cannot render { $page } with template { $template }

## check

check-template-error = template error: { $detail }
check-template-cause = { $detail }
check-theme-hint = `theme:` in site.yaml names a folder under themes/ of the site; `default`, the built-in theme, needs no folder
check-template-error-hint = fix the template at the line shown above; a site theme overrides the built-in theme file by file (themes/<name>/templates/)
check-summary-clean = Checked { $records } records: no problems found.
check-summary = Checked { $records } records: { $counts }.
check-strict-failed = --strict: warnings count as failures.

## Links to headings and to static files

link-no-heading = the link leads to the heading `#{ $anchor }`, which that page does not have
link-no-heading-hint = the headings of that page are: { $headings }
link-no-heading-hint-none = that page has no headings; link to the page without `#…`
link-no-static-file = the link `{ $target }` leads to no file: there is no { $file }
link-no-static-file-hint = put the file under static/ (a link `/files/a.pdf` needs static/files/a.pdf), or correct the path

## check: text hygiene

hygiene-mojibake-replacement = garbled text: the character � stands for characters that were lost when the text was converted
hygiene-mojibake-replacement-encoded = garbled text: `{ $text }` is the lost-character mark � saved with the wrong encoding
hygiene-mojibake-question = garbled text: `{ $text }` between Chinese characters stands for characters lost in a conversion
hygiene-mojibake-encoding = garbled text: `{ $text }` looks like `{ $recovered }` read with the wrong encoding
hygiene-mojibake-hint = copy this passage again from the original document, or retype it; when copying from a file, open it as UTF-8
hygiene-mojibake-question-hint = copy this passage again from the original document, or retype it; if `?` is a question mark, write the full-width `？`
hygiene-traditional = Traditional character `{ $found }` in Simplified Chinese text
hygiene-traditional-hint = write `{ $expected }` instead of `{ $found }`{ $count ->
        [one] {""}
       *[other] ; this line has { $count } Traditional characters
    }
hygiene-simplified = Simplified character `{ $found }` in Traditional Chinese text
hygiene-simplified-hint = write `{ $expected }` instead of `{ $found }`{ $count ->
        [one] {""}
       *[other] ; this line has { $count } Simplified characters
    }
hygiene-literal-emphasis = `{ $text }` is shown with its stars or underscores: the bold or italic does not take effect
hygiene-literal-emphasis-hint = put the punctuation outside the markers (`**真**，她`), or add a space after the closing marker
hygiene-empty-alt = this picture has no description: `{ $text }`
hygiene-empty-alt-hint = describe the picture between the brackets, `![description](photo.jpg)`: screen readers read it aloud, and it shows when the picture cannot load
hygiene-gallery-no-caption = the gallery picture `{ $src }` has no caption
hygiene-gallery-no-caption-hint = add `caption:` to this item: it is shown under the picture and is its description for screen readers
hygiene-long-title = this title is { $count } characters long, more than { $limit }
hygiene-long-title-hint = shorten the title to { $limit } characters at most: long titles are cut off in search results, cards and browser tabs. Put the details in `summary:` or the text

## check: translations

check-translation-stale = this { $lang } translation was made from an earlier version of the { $default } text ({ $source }), which has changed since
check-translation-stale-hint = bring the translation up to date with { $source }, then run `showcase translations --stamp { $record }` to record that it is
check-translation-missing = this record has no { $lang } translation
check-translation-missing-hint = `showcase new { $collection } { $id } --to { $lang }` writes a { $lang } file that lists the fields to translate
check-translation-missing-yaml-hint = give the texts of this file { $lang } values as well: `title: { "{" }{ $default }: …, { $lang }: …{ "}" }`, and the same for the summary, the text fields and the body
check-translation-partial = this { $lang } translation does not translate { $fields }: the { $default } text is shown there
check-translation-partial-hint = translate these fields in this file, or write them in { $source } as `{ "{" }{ $default }: …, { $lang }: …{ "}" }`
check-translation-partial-yaml-hint = give these fields a { $lang } value beside the { $default } one: `{ "{" }{ $default }: …, { $lang }: …{ "}" }`

## translations command

translations-one-language = This site has one language ({ $lang }): there is nothing to translate.
translations-no-records = This site has no records yet.
translations-header-record = Record
translations-header-title = Title
translations-header-lang = Language
translations-header-status = Status
translations-header-untranslated = Not translated
translations-state-complete = complete
translations-state-partial = partial
translations-state-stale = stale
translations-state-missing = missing
translations-by-language = By language
translations-by-collection = By collection
translations-tally = { $complete }/{ $total } complete ({ $percent }%): { $partial } partial, { $stale } stale, { $missing } missing
translations-errors = Some files have errors, so their status is not shown or is incomplete ({ $counts }); `showcase check` shows them.
translations-stamped = { $file }: translated_from: { $digest }
translations-stamp-bad-record = `{ $record }` does not name a record
translations-stamp-bad-record-hint = write the collection and the id: `--stamp projects/hongxin-wuye`
translations-stamp-unknown-collection = `{ $collection }` is not a collection of this site
translations-stamp-unknown-collection-hint = the collections are: { $collections }
translations-stamp-unknown-record = there is no record `{ $record }`
translations-stamp-unknown-record-hint = `showcase translations` lists every record; the id is the file name without `.{ $lang }.md`
translations-stamp-broken = { $file } has errors, so it cannot be stamped
translations-stamp-broken-hint = `showcase check` shows them; fix them, then stamp again
translations-stamp-yaml = { $file } holds every language in one file, so there is no translation file to stamp
translations-stamp-yaml-hint = a YAML record's translations sit beside the original text (`{ "{" }zh: …, ko: …{ "}" }`) and are never reported stale
translations-stamp-bad-lang = `{ $lang }` is not a translation language of this site
translations-stamp-bad-lang-hint = the translation languages are: { $langs }
translations-stamp-no-translation = `{ $record }` has no { $lang } translation file
translations-stamp-no-translation-hint = `showcase new { $collection } { $id } --to { $lang }` writes one
translations-stamp-none = `{ $record }` has no translation file to stamp
translations-stamp-no-front-matter = { $file } has no front matter (`---` lines) to write `translated_from` into
translations-stamp-read = cannot read { $file }: { $error }
translations-stamp-write = cannot write { $file }: { $error }

## new and init

new-id-empty = the record id is empty
new-id-underscore = the record id `{ $id }` starts with `_`, which marks introductions (`_index`)
new-id-bad-char = the record id `{ $id }` contains `{ $char }`, which a record id cannot contain
new-id-hint = an id is the file name of the record: lowercase letters, digits and `-` (such as `hongxin-wuye`), or Chinese (such as `梨园村`, given a pinyin address); no spaces, dots or slashes
new-exists = { $path } already exists; it was left as it is
new-exists-hint = choose another id, or open the file and edit it
new-cannot-write = cannot write { $path }: { $reason }
new-unknown-collection = there is no collection `{ $collection }` in site.yaml
new-unknown-collection-hint = the collections are: { $known }
new-unknown-language = `{ $lang }` is not a language of this site
new-unknown-language-hint = the languages are: { $known } (add one under `languages:` in site.yaml)
new-record-exists = the record `{ $id }` already exists: { $path }
new-record-exists-hint = choose another id, or open that file and edit it; to translate it, add `--to ko`
new-no-source = there is no record `{ $id }` in `{ $collection }` to translate (its { $lang } file is missing)
new-no-source-hint = write the record first: showcase new { $collection } { $id }
new-yaml-source = { $path } is a YAML record: it holds every language in one file
new-yaml-source-hint = add the { $lang } text in that file as a language map, such as `title: {"{"}zh: …, { $lang }: …{"}"}`
new-placeholder-left = `{ $field }` still holds the placeholder { $mark }
new-placeholder-body = the text still holds the placeholder { $mark }
new-placeholder-fill-hint = write the real value here, and delete { $mark }
new-placeholder-translate-hint = replace the original text after { $mark } with its translation, and delete { $mark }
new-skeleton-head = New record `{ $id }` of { $collection } ({ $key }), written by showcase new.
new-skeleton-fill = Every value marked { $mark } must be written: until then build and check stop with an error at that line.
new-skeleton-optional = Lines starting with # are notes: remove the "# " to use a field; delete what you do not need.
new-optional-heading = Optional fields:
new-title = title
new-date = date, written like 2024-05-01
new-required = required
new-body = The text: background, what was done, results. Use Markdown; start a section with "## Heading".
new-type = { $ty ->
        [text] text (translated)
        [markdown] Markdown text (translated)
        [string] text (not translated)
        [int] whole number
        [number] number
        [date] date, like 2024-05-01
        [bool] true or false
        [enum] one of
        [list] list of short texts (translated)
        [image] picture: a file in the record's folder or under static/
        [gallery] pictures with caption and credit
        [metrics] key figures
        [link] web address
        [ref] id of a record or term
       *[other] { $ty }
    }
new-builtin-summary = summary; without it, the first sentences of the text
new-builtin-featured = show on the home page
new-builtin-weight = order in lists sorted by weight (smaller first)
new-builtin-updated = date of the last update, like 2024-05-01
new-builtin-slug = address of the page: lowercase letters, digits and -
new-builtin-related = related records, as collection/id
new-builtin-source = where the facts come from
new-builtin-draft = a draft: not published
new-taxonomy-closed = { $name }: an id from { $file }
new-taxonomy-free = { $name }: any words
new-stub-head = { $language } translation of { $key }/{ $id } (the original is { $source }), written by showcase new.
new-stub-translate = Replace the original text after each { $mark } with its translation and delete { $mark }: until then build and check stop with an error at that line.
new-stub-shared = Only the values to translate are here; dates, regions, figures and pictures come from the original.
new-stub-body = Translate the text below, then delete this line.
new-wrote = Wrote { $path }. Fill in the values marked { $mark }; showcase check shows where they are.
new-wrote-stub = Wrote { $path }. Translate the values marked { $mark }; showcase check shows where they are.
init-not-a-folder = { $path } is a file, not a folder
init-not-empty = { $path } is not empty; a new site is only created in an empty folder
init-not-empty-hint = name a new folder, such as: showcase init my-site
init-done = Created a new site in { $path } ({ $files } files). Next: showcase serve --root { $path } --open to preview it, showcase check --root { $path } and showcase build --root { $path }.

## schema command

schema-builtin = { $field ->
        [title] title (required)
        [date] date, YYYY-MM-DD (required)
        [summary] summary; without it, the first sentences of the text
        [updated] date of the last update, YYYY-MM-DD
        [draft] a draft: not published
        [featured] show on the home page
        [weight] order in lists sorted by weight (smaller first)
        [slug] address of the page: lowercase letters, digits and -
        [aliases] old addresses of the page, such as /projects/old-name/, kept working by redirects
        [related] related records, as collection/id
        [source] where the facts come from: name and url
        [body] the text, in Markdown (YAML records only)
        [translated_from] written by showcase translations --stamp
       *[other] { $field }
    }
schema-description = Records of the collection `{ $collection }` (showcase)
schema-cannot-write = cannot write { $path }: { $reason }
schema-wrote = Wrote { $path }
schema-hint = In VS Code with the YAML extension, map each file to its records in .vscode/settings.json under "yaml.schemas" (see the README, "Checking records in the editor").

## Command line

label-caused-by = caused by
cli-bad-base-url = --base-url { $url } is not a usable URL; write a full URL such as https://example.org/showcase/, or /
build-progress = Rendering
build-summary = Built { $pages } pages ({ $per_lang }), { $files } files, { $mib } MiB, { $counts } in { $seconds } s → { $output }
build-failed = Build failed: { $counts }. The previous output was left as it was.
build-previous-output-kept = The previous output was left as it was.
output-foreign = the output folder { $path } is not empty and was not made by showcase; refusing to replace it
output-foreign-hint = choose an empty or new folder with --output, or move that folder's files away; showcase only replaces folders that hold its .showcase-output marker
output-overlaps = the output folder { $path } would contain or overlap the site's own files
output-overlaps-hint = write the site to its own folder, such as output/, that is not the site folder and not inside content/, static/ or themes/
output-escapes = refusing to write { $path }: it would be outside the output folder
output-cannot-write = cannot write { $path }

## serve command

serve-listening = Serving the site at { $url }
serve-not-local = Listening on { $bind }: other computers on the network can see this preview. Use --bind 127.0.0.1 to keep it on this computer.
serve-watching = Watching site.yaml, content/, static/ and the theme for changes. Press Ctrl-C to stop.
serve-stopped = Stopped.
serve-store-hint = serve keeps the pages it shows in this folder of the site, and deletes them when it stops. Make the site folder writable (or move away a file named .showcase), then start serve again.
serve-built = Built in { $millis } ms: { $files } files, { $counts }.
serve-previewed = Updated the edited record ({ $changed ->
        [one] 1 page
       *[other] { $changed } pages
    }) in { $millis } ms; the rest of the site follows.
serve-rebuilt = Rebuilt in { $millis } ms: { $changed ->
        [one] 1 file
       *[other] { $changed } files
    } changed, { $counts }.
serve-failed = The site has errors ({ $counts }); the last good version stays served until they are fixed.
serve-last-good-kept = The last good version of the site stays served until this is fixed.
serve-overlay-heading = showcase: the site has errors
serve-port-taken = Port { $port } is taken; using port { $used } instead.
serve-cannot-listen = cannot listen on { $address }
serve-cannot-listen-hint = choose another port with --port, or stop the program that uses this one
serve-watch-limit = cannot watch { $folder } for changes: the system's limit of watched folders is reached
serve-watch-limit-hint = raise the limit, e.g. `sudo sysctl fs.inotify.max_user_watches=524288`, then start serve again; until then, changes are not picked up
serve-watch-failed = cannot watch { $folder } for changes
serve-cannot-open = Could not open a browser; open { $url } yourself.

# URL policy (issue 14)
unsafe-url-script = `{ $url }` would run a program (`{ $scheme }:`) in the visitor's browser
unsafe-url-script-hint = a published page carries no script links: link to a page (`https://…`), a record (`@/cases/liyuan-cun.md`) or a file of the site (`/files/report.pdf`)
unsafe-url-data = `{ $url }` is a `data:` address, a whole file written into the page
unsafe-url-data-hint = save the file into the record's folder (or under static/) and write its name, such as `photo.jpg`
unsafe-url-file = `{ $url }` points to a file on your own computer, which visitors cannot open
unsafe-url-file-hint = copy the file into the record's folder or into static/files/, and write its name (`report.pdf`) or its path (`/files/report.pdf`)
unsafe-url-scheme = the link `{ $url }` starts with `{ $scheme }:`, which a published page may not use
unsafe-url-scheme-hint = write an address that starts with `https://`, `http://`, `mailto:` or `tel:`, or a page or file of the site
unsafe-url-not-a-file = `{ $url }` (`{ $scheme }:`) is not the address of a picture or a file
unsafe-url-not-a-file-hint = write the name of a file in the record's folder (`photo.jpg`) or a path under static/ (`/images/photo.jpg`)
external-resource = `{ $url }` would be loaded from another site ({ $host }), and the site must load nothing from outside itself
link-without-scheme = `{ $url }` is not a whole address (no `https://` in front, or a full-width colon), so it would lead to a page of this site that does not exist
link-without-scheme-hint = write the whole address: `{ $meant }`
external-resource-hint = save the file into the record's folder or under static/ and write its name; a server your office trusts (an intranet picture server) can be listed under `allowed_hosts:` in site.yaml
# Hidden characters (issue 14): control characters, noncharacters, bidi controls, invisible
# characters in ids. `$char` is a code point with its name, such as `U+0007 (BELL)`.

control-char = invisible control character { $char } in the text
control-char-hint = nobody can see this character, but it breaks pages, feeds and search; it was most likely pasted in from another program (a word processor, a PDF, a web page): delete it, for example by retyping the text around it
control-char-escape = `{ $escape }` writes the invisible control character { $char }
control-char-escape-hint = delete `{ $escape }`: it writes a character nobody can see, which breaks pages, feeds and search
control-char-more = { $count ->
        [one] 1 more invisible control character in this file
       *[other] { $count } more invisible control characters in this file
    }
noncharacter = { $char } in the text is not a character
noncharacter-hint = it shows as nothing or as a box and breaks feeds; it was most likely pasted in from another program: delete it
bidi-control = hidden direction control { $char }: this text is shown in a different order than it is written
bidi-control-escape = `{ $escape }` writes the hidden direction control { $char }: the text is shown in a different order than it is written
bidi-control-hint = this invisible character makes the letters after it appear reversed or moved, so readers see something other than what the file says (the "Trojan Source" trick); Chinese and Korean text never needs it: delete it, unless you are writing Arabic or Hebrew on purpose
bidi-control-more = { $count ->
        [one] 1 more hidden direction control in this file
       *[other] { $count } more hidden direction controls in this file
    }
yaml-unpaired-surrogate = `{ $escape }` is half of a character (an unpaired surrogate), not a character
yaml-hint-surrogate = write the character itself; a character beyond U+FFFF may also be written `\UXXXXXXXX` (eight digits) or as a pair such as `\ud83d\ude00`; if the escape was pasted in by mistake, delete it
invisible-in-id = the { $what } `{ $id }` contains the invisible character { $char }
invisible-in-id-hint = a name with an invisible character looks like the same name without it, but is a different one: two records or terms that look the same could exist side by side, and links to it would fail; retype the name without it
id-kind-record = record name (its file or folder name)
id-kind-slug = slug
id-kind-term = term
id-kind-reference = record reference
# Photos (issue 15)

what-booklet-settings = the `booklet` settings
bad-booklet-max-records = `max_records` must be a whole number from 1 to { $most }
bad-booklet-max-records-hint = it is the most records one volume of the compilation holds; 200 makes volumes of a few megabytes that print as one book each
bad-booklet-by = `by` must be `year` or `collection`
bad-booklet-by-hint = `by: year` makes volumes of consecutive years; `by: collection` one volume per collection
what-images-settings = the `images` settings
bad-image-quality = `quality` must be a whole number from 1 to 100
bad-image-quality-hint = 80 is a good balance of sharpness and size; 90 for sharper pictures, 70 for smaller ones
bad-image-format = `{ $format }` is not a format showcase publishes pictures in
bad-image-format-hint = write `formats: [webp, jpeg]`: WebP for browsers that read it, JPEG (PNG for transparent pictures) for the others
no-image-formats = `formats` names no format
bad-image-width = a variant { $width } pixels wide is not possible
no-image-widths = `widths` names no width
image-widths-hint = write the widths in pixels, from 16 to 8192, such as `widths: [480, 960, 1600, 2400]`
image-problem-at-use = the picture `{ $file }` cannot be published: { $problem }
photo-gps = this photo holds the position where it was taken (GPS)
photo-gps-hint = the published pictures carry no position — showcase removes it — but this file on your computer still does; if it must not travel with the file, remove the location in the phone's or computer's photo app before sharing it elsewhere
cover-too-small = the cover `{ $file }` is only { $width }×{ $height } pixels
cover-too-small-hint = covers are shown large on the record page and in link previews of chat apps; use a picture at least { $width } pixels wide so they look sharp
build-photos = { $photos ->
        [one] one photo
       *[other] { $photos } photos
    }: { $encoded } pictures made, { $cached } from the cache
build-pdfs = { $pdfs ->
        [one] one booklet PDF
       *[other] { $pdfs } booklet PDFs
    }: { $made } set now, { $cached } from the cache ({ $mib } MiB)
build-photos-progress = Photos
# end of photos (issue 15)

# SVG safety (issue 14)

bad-svg = this SVG file cannot be read as XML: { $reason }
bad-svg-hint = a browser shows nothing of a broken SVG, so it is not published; open it in the drawing program and export it again as SVG, or save it as PNG
svg-sanitized = published without what could run a script or load from outside the site: { $removed } ({ $count ->
        [one] one place
       *[other] { $count } places
    })
svg-sanitized-hint = left in, these would run on the site's pages or load from other servers; the published copy is the drawing without them. To make this warning go away, export the SVG again without scripts, interactivity and links (or save it as PNG) and replace the file
svg-removed-list = { $first }, { $rest }
svg-removed-script = scripts (<script>)
svg-removed-event-handler = event handlers (onload, onclick, …)
svg-removed-script-address = addresses that run a script (javascript: and the like)
svg-removed-outside-reference = links and references to other files or sites
svg-removed-foreign-content = embedded web content (<foreignObject>, HTML)
svg-removed-animation = animations that change links or event handlers
svg-removed-style = styles that load from outside the file (@import, url(…))
svg-removed-doctype = entity declarations in the DOCTYPE
svg-removed-instruction = processing instructions such as <?xml-stylesheet?>
## images: what is wrong with a picture file (issue 15)

image-truncated = this file is not a whole picture: it ends before the picture does
image-truncated-hint = the copy or upload was probably cut off: copy the photo again from where it came from
image-corrupt = this picture file is damaged and cannot be read ({ $detail })
image-corrupt-hint = open it in a photo viewer: if it does not show there either, take the photo again from where it came from; if it does, save it again as JPEG or PNG
image-not-an-image = this file is not a picture
image-not-an-image-hint = it may be a document, a text or an archive with a picture's name; use the photo itself (JPEG, PNG, WebP, TIFF or BMP), not a file that contains it
image-unsupported = this picture is in { $format } format, which web pages cannot show everywhere and showcase does not read
image-unsupported-heic-hint = save or export it as JPEG, on the phone or on the computer (on an iPhone, Settings → Camera → Formats → Most Compatible makes new photos JPEG). showcase reads JPEG, PNG, WebP, TIFF and BMP; GIF and SVG are published as they are
image-unsupported-psd-hint = this is a Photoshop document, not a picture for the web: in Photoshop, save a copy as JPEG (photos) or PNG (drawings and screenshots)
image-unsupported-raw-hint = this is a camera's RAW file: export it as JPEG from the camera's software or a photo program (Lightroom, Photos, darktable…)
image-unsupported-hint = open it in the program that made it and save or export this { $format } picture as JPEG (photos) or PNG (drawings and screenshots); showcase reads JPEG, PNG, WebP, TIFF and BMP, and publishes GIF and SVG as they are
image-wrong-extension = this file is really a { $actual } picture, but its name says it is another kind of file
image-wrong-extension-hint = browsers and servers go by the name: rename the file so that it ends in .{ $extension } (it is a { $actual } picture), and write the new name where the content uses it
image-too-large = this picture is { $width } × { $height } pixels ({ $megapixels } megapixels); showcase reads pictures of at most 100 megapixels
image-too-large-hint = no page needs a picture this large: export it smaller (for example 4000 pixels on its longest side) and use that file instead
image-metadata-left = this { $format } file cannot be published as it is: showcase cannot remove the private information it carries (such as where the photo was taken)
image-metadata-left-hint = remove `keep_original: true` so that showcase publishes a re-encoded copy without it, or save the picture again as JPEG or PNG and use that file
image-metadata-left-as-is-hint = GIFs and animations are published as they are, and this one holds metadata showcase cannot remove: save it again without metadata (in the editor that made it, turn off XMP or “save metadata”), or save it as a still JPEG or PNG

## aliases and moved pages (issue 17)

alias-other-site = `{ $alias }` is an address of another site ({ $host }), not of this one
alias-other-site-hint = an alias is an old address of this record's page on this site; write its path, such as /projects/old-name/
alias-not-a-path = `{ $alias }` is not an address of a page
alias-not-a-path-hint = write the old address as a path starting with /, such as /projects/old-name/, or paste the whole address from the browser (https://…)
alias-bad-character = `{ $alias }` holds { $character }, which an address of this site cannot hold
alias-bad-character-hint = copy the old address again from the browser's address bar; paths have no spaces, quotes or ..
alias-not-a-page = `{ $alias }` is the address of a file, not of a page; a redirect page cannot stand in for it
alias-not-a-page-hint = an alias is the old address of a page (ending in / or .html); put a file that moved under static/ at its old path instead
alias-host-unknown = `{ $alias }` is taken as the address { $path } of this site, but site.yaml does not say which host the site is on, so it cannot tell whether { $host } is this site
alias-host-unknown-hint = if this is a link to another site (an article in a chat, say), remove it; if it is this site's old address, write only its path ({ $path }), or set `base_url` in site.yaml to the site's full address (https://…/)
alias-home = `{ $alias }` is the home page, which cannot lead to a record
alias-home-hint = remove this alias
alias-taken-by-record = `{ $alias }` is the address of the page of record { $record }
alias-taken-by-alias = record { $record } already gives `{ $alias }` as an alias
alias-taken-by-site = `{ $alias }` is where the site's own list, term, year, search or booklet pages are
alias-taken-hint = an alias may only be an address no page of the site has: remove it here, or where it is given first
url-gone-moved = { $count ->
        [one] the address { $urls } published before is gone: this record's page is now { $now }
       *[other] { $count } addresses published before are gone ({ $urls }): this record's pages are now { $now }
    }
url-gone-moved-hint = links shared before (in chats, on printed QR codes) lead to the old address; to keep them working, add this line to the front matter of this file: { $line }
url-gone-removed = { $count ->
        [one] the address { $urls } published before is gone: its record { $record } is no longer published
       *[other] { $count } addresses published before are gone ({ $urls }): their record { $record } is no longer published
    }
url-gone-removed-hint = if another record now tells its story, add `aliases: [{ $alias }]` to that record; otherwise visitors of the old address get the not-found page

## publish command (issue 17)

what-publish = publish
publish-check-failed = nothing was published: the site has problems ({ $counts }); publish runs what `showcase check --strict` runs, so fix the warnings too
publish-no-target = there is nowhere to publish to
publish-no-target-hint = name the target with --to (a folder, or sftp://user@host/path), or set it once in site.yaml: `publish: {"{"}to: /var/www/showcase{"}"}`
publish-unknown-target = `{ $target }` is not a place showcase can publish to
publish-unknown-target-hint = a target is a folder (the web server's folder, a mounted share) or an SFTP address: sftp://user@host[:port]/path
publish-target-in-site = { $target } is inside the site folder or its output
publish-target-in-site-hint = publish to a folder outside the site: the web server's folder or a mounted share
publish-foreign = { $target } holds files that showcase did not put there
publish-foreign-hint = publish to an empty folder; if these files are an old copy of the site, empty the folder first. showcase keeps the list of what it publishes in { $file } and changes only those files
publish-bad-manifest = the list of published files ({ $file }) in { $target } cannot be read
publish-bad-manifest-hint = it was edited or written by another program; if the folder holds only the site, empty it and publish again
publish-target-failed = publishing to { $target } failed
publish-target-failed-hint = check the address, the connection and the permissions of the target, then run showcase publish again
publish-gone = nothing was published: { $count ->
        [one] the address { $urls }, which the target has, would be gone
       *[other] { $count } addresses the target has would be gone: { $urls }
    }
publish-gone-hint = visitors may have these addresses from chats and printed QR codes: add the `aliases:` lines the warnings above give, so that they lead to the pages' new places; if the pages are meant to go, publish with --allow-gone
publish-cannot-read-output = cannot read the output folder { $path }
publish-nothing = { $target } already holds this site: nothing to publish
publish-plan = { $target }: { $added } to add, { $changed } to change, { $removed } to remove ({ $mib } MiB to send{ $copied ->
        [0] {""}
       *[other] , { $copied } files copied on the target
    })
publish-dry-run = dry run: nothing was changed on { $target }
publish-interrupted = publishing to { $target } stopped before it was done
publish-interrupted-hint = the site there may be half old, half new: run showcase publish again, which finishes what this one started
publish-done = Published to { $target } in { $seconds } s: { $files } files written ({ $mib } MiB), { $removed } removed.

## Command-line help (`showcase --help`, `showcase build --help`, …)
# The help of the command line, looked up by ids made from clap's names (src/cli.rs): `cli-about`
# and `cli-<subcommand>-about` for a command, `cli-<subcommand>-arg-<argument id>` for an
# argument, else `cli-arg-<argument id>` for one that several subcommands share (`root`, `lang`,
# clap's own `help` and `version`). The English texts are the doc comments of src/cli.rs (a test
# checks); what has no id here is printed as clap has it, in English.

cli-about = A static-site generator for bilingual (Chinese / Korean) showcase sites
cli-help-about = Print this message or the help of the given subcommand(s)
cli-arg-lang = The language of messages: `zh` (中文), `ko` (조선어) or `en`. Default: from LC_ALL, LC_MESSAGES or LANG (zh_* gives Chinese, ko_* Korean), else English
cli-arg-help = Print help
cli-arg-version = Print version
cli-arg-root = The site folder (the one with site.yaml)
cli-build-about = Build the site into the output folder (replacing the previous output only when the build succeeds)
cli-build-arg-output = Where to write the site, instead of `output_dir` of site.yaml
cli-build-arg-base_url = The URL the site will be published at, instead of `base_url` of site.yaml
cli-build-arg-drafts = Also publish records marked `draft: true`
cli-build-arg-timings = Print how long each phase of the build took, the peak memory after it, and the work done (template and Markdown renders)
cli-serve-about = Build the site into memory, serve it on this computer, and rebuild and reload open pages when a file is saved
cli-serve-arg-bind = The address to listen on. Only this computer can connect to 127.0.0.1; another address lets other computers see the preview
cli-serve-arg-port = The port (0: any free port). When it is taken, the next free one is used
cli-serve-arg-open = Open the site in the web browser once it is served
cli-serve-arg-drafts = Also show records marked `draft: true`
cli-serve-arg-timings = After each build, print how long each phase took (load, prepare, render, swap)
cli-check-about = Check the whole site without writing anything: every problem, with file, line and a hint
cli-check-arg-format = `text` for people, `json` for CI (an array of problems; see the README)
cli-check-arg-strict = Fail (exit 1) on warnings too
cli-check-arg-drafts = Check as for a build with --drafts: drafts are published, so links to them are fine
cli-translations-about = Show how far each record is translated into each language, or record (--stamp) that a translation matches its source
cli-translations-arg-format = `text`: a table for people; `json`: the same for scripts (README.md, "Translations")
cli-translations-arg-stamp = Record that the translations of this record (`<collection>/<id>`, e.g. `projects/hongxin-wuye`) match its current source: writes `translated_from: <digest>` into their front matter
cli-translations-arg-to = With --stamp: only the translation in this language (e.g. `ko`). Default: every translation file of the record
cli-new-about = Write a record skeleton from the collection's schema, or with `--to` a translation stub
cli-new-arg-collection = The collection, as named under `collections:` in site.yaml (e.g. projects)
cli-new-arg-id = The record's id: its file name, e.g. `hongxin-wuye` or `梨园村`
cli-new-arg-to = Write a translation stub in this content language (e.g. `ko`) for an existing record, instead of a new record in the default language. (`--lang` chooses the message language.)
cli-init-about = Create a new site in an empty folder: site.yaml, three collections, one example record each
cli-init-arg-dir = The folder to create the site in; it must be empty or not exist yet
cli-schema-about = Write a JSON Schema per collection, for editors that check YAML as you type
cli-schema-arg-out = Where to write the schema files. Default: `.showcase/schema/` in the site folder
cli-booklet-about = Write the printed compilation: every volume in every language as an A4 PDF
cli-booklet-arg-volume = Only this volume (its key, as in the file names: `all`, `2019-2021`, `cases`)
cli-booklet-arg-output = Where to write the PDF files. Default: `print/` in the site folder
cli-booklet-arg-base_url = The URL the site is published at, for the QR codes, instead of `base_url` of site.yaml
cli-publish-about = Check and build the site, then bring the target (a folder or an SFTP server) to exactly the new output, sending only what changed
cli-publish-arg-to = Where to publish, instead of `publish: {"{"}to: …{"}"}` of site.yaml: a folder (the web server's, a mounted share) or sftp://user@host[:port]/path. A password is never written here: it is read from SHOWCASE_SFTP_PASSWORD
cli-publish-arg-dry_run = Print what would be added, changed and removed, and change nothing on the target
cli-publish-arg-allow_gone = Publish even if record pages the target has would be gone (their addresses then lead nowhere); without it, publish refuses and says which `aliases:` keep them

# clap's own words in the help: its headings, and the words before default and possible values.
cli-heading-usage = Usage
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-default = default
cli-possible-values = possible values
cli-bad-lang = `{ $lang }` is not a message language; use zh, ko or en

## The start guide: what `showcase` alone prints (src/commands/guide.rs), in Chinese and Korean,
## then English when messages are in English

start-guide =
    showcase makes bilingual (Chinese / Korean) showcase sites. It runs in a command window:
    on Windows, type cmd in the address bar of the folder with showcase.exe and press Enter;
    on Linux, right-click in the folder and open a terminal, and type ./showcase for showcase.

      showcase init my-site                  create a new site in the folder my-site
      showcase serve --root my-site --open   preview it in the browser; pages reload when you save (Ctrl+C stops)
      showcase check --root my-site          check every record: each problem with its file and line
      showcase build --root my-site          build the site into my-site/output
      showcase publish --root my-site        publish it to the web server (set publish: in site.yaml first)

    Records are files under my-site/content, one .md file per record and language.
    Help: showcase --help (in Chinese: --lang zh, in Korean: --lang ko), and the guide in the download.
start-guide-press-enter = Press Enter to close this window

## publish over SFTP

sftp-url-not-sftp = { $url } is not an SFTP address
sftp-url-no-user = the address { $url } does not say which user to log in as
sftp-url-no-host = the address { $url } does not name a server
sftp-url-no-path = the address { $url } does not name the site's folder on the server
sftp-url-bad-port = the port “{ $port }” in { $url } is not a port number (1 to 65535)
sftp-url-bad-escape = the address { $url } has a % that is not followed by a valid character code
sftp-url-hint = write the address as sftp://user@server/folder, or sftp://user@server:port/folder when the server does not use port 22; your web host tells you the user, the server, the port and the site's folder (such as /var/www/site)
sftp-url-password = the address { $url } contains a password; showcase does not take passwords on the command line, where other people and the shell's history can see them
sftp-url-password-hint = remove “:password” from the address, then log in with an SSH key (recommended) or put the password in the environment variable SHOWCASE_SFTP_PASSWORD
sftp-cannot-connect = cannot connect to { $server }
sftp-cannot-connect-hint = check the server name and the port in the address, and that this computer is online; if the server can only be reached through a VPN, turn it on first
sftp-known-hosts-unreadable = cannot read the list of known servers { $path }
sftp-unknown-host = { $server } is not a server this computer knows yet, so nothing was sent to it. Its key fingerprint is { $fingerprint }
sftp-unknown-host-hint = ask your web host for the server's key fingerprint and check that it is the same. If it is, connect once with `{ $command }` and answer “yes” when ssh asks, or add this line to { $known_hosts }:
    { $line }
sftp-host-key-changed = WARNING: the key of { $server } is not the one recorded for it in { $known_hosts } (line { $line }). Someone may be intercepting the connection, or the server was reinstalled. Nothing was sent to it
sftp-host-key-changed-hint = do not publish until you know why: ask your web host whether the server's key has changed (it now shows { $fingerprint }). Only if they confirm it, delete line { $line } of { $known_hosts } and connect once with ssh to record the new key
sftp-host-key-revoked = the key of { $server } is marked as revoked in { $known_hosts } (line { $line }), so nothing was sent to it
sftp-host-key-revoked-hint = a revoked key must never be trusted again: ask your web host for the server's current key
sftp-auth-failed = { $server } did not let { $user } log in. Tried: { $tried }
sftp-auth-failed-hint = check the user name in the address. To log in with a key, your web host (or whoever runs the server) must add your public key (the .pub file beside it) to that user's authorized keys; a key protected by a passphrase must first be added to the SSH agent with ssh-add. To log in with a password, put it in the environment variable SHOWCASE_SFTP_PASSWORD
sftp-tried-list = { $first }; { $rest }
sftp-tried-agent = { $count ->
        [0] the SSH agent (it holds no keys)
        [one] the SSH agent's key (refused)
       *[other] the SSH agent's { $count } keys (all refused)
    }
sftp-tried-agent-unavailable = the SSH agent (it did not answer: { $reason })
sftp-tried-key = the key { $path } (refused)
sftp-tried-key-encrypted = the key { $path } (skipped: it is protected by a passphrase; add it to the SSH agent with ssh-add)
sftp-tried-key-unreadable = the key { $path } (cannot be read: { $reason })
sftp-tried-password = the password in SHOWCASE_SFTP_PASSWORD (refused)
sftp-tried-nothing = nothing: no SSH agent is running, ~/.ssh has no key (id_ed25519, id_ecdsa or id_rsa) and SHOWCASE_SFTP_PASSWORD is not set
sftp-no-sftp = { $server } let showcase log in but does not offer SFTP
sftp-no-sftp-hint = ask your web host to turn on SFTP for this user (some hosts offer it only on another port or for another user)

## The printed compilation (issue 18)

print-font-unreadable = cannot read this font file: { $detail }
print-font-not-a-font = this file is not a font showcase can read (OpenType .otf, TrueType .ttf or a collection .ttc)
print-font-hint = `booklet.fonts` names font files relative to the site folder, e.g. fonts/NotoSerifCJKsc-Regular.otf
print-no-cjk-font = no font for `{ $lang }` was found: the PDF needs a Chinese and Korean (CJK) font, and none is installed
print-site-fonts-lack = none of the fonts in `booklet.fonts` has the letters of `{ $lang }`
print-no-cjk-font-hint = install the Noto CJK fonts (on Debian or Ubuntu: sudo apt install fonts-noto-cjk), or name font files in site.yaml under `booklet: {"{"}fonts: [...]{"}"}`
print-no-cjk-font-hint-windows = showcase uses Windows' own Microsoft YaHei, SimSun and Malgun Gothic (C:\Windows\Fonts); if Korean is missing, add “Korean Supplemental Fonts” under Settings → Apps → Optional features, or name font files in site.yaml under `booklet: {"{"}fonts: [...]{"}"}`
print-image-unreadable = this picture cannot be printed: { $detail }
print-no-qr = the PDF has no QR codes: the base URL { $base } has no host, so a code could not lead to the page
print-no-qr-hint = set `base_url` in site.yaml to the whole address the site is published at (https://example.org/showcase/), or give it with --base-url
print-failed = the PDF could not be made: { $detail }
print-template-error = error in the print template: { $detail }
print-template-warning = the print template: { $detail }
print-no-packages-hint = showcase downloads nothing: put the files the template imports into the theme's print/ folder
booklet-unknown-volume = there is no volume `{ $key }`; the volumes are: { $keys }
booklet-cannot-write = cannot write { $path }: { $reason }
booklet-wrote = { $path }: { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }, { $kib } KiB
booklet-summary = Wrote { $files } PDF files, { $pages } pages, { $mib } MiB, { $counts } in { $seconds } s → { $output }
booklet-failed = No PDF was made for the volumes with errors: { $counts }.
