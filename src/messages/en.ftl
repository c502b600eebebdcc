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
init-done = Created a new site in { $path } ({ $files } files). Next: cd { $path }, then showcase build (or showcase serve to preview).

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
