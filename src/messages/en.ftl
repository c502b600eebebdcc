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

## check

check-template-error = template error: { $detail }
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

## check: translations

check-translation-stale = this { $lang } translation was made from an earlier version of the { $default } text ({ $source }), which has changed since
check-translation-stale-hint = bring the translation up to date with { $source }, then run `showcase translations --stamp { $record }` to record that it is
check-translation-missing = this record has no { $lang } translation
check-translation-missing-hint = `showcase new { $collection } { $id } --lang { $lang }` writes a { $lang } file that lists the fields to translate
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
translations-stamp-no-translation-hint = `showcase new { $collection } { $id } --lang { $lang }` writes one
translations-stamp-none = `{ $record }` has no translation file to stamp
translations-stamp-no-front-matter = { $file } has no front matter (`---` lines) to write `translated_from` into
translations-stamp-read = cannot read { $file }: { $error }
translations-stamp-write = cannot write { $file }: { $error }

## new and init

## schema command

## Command line
