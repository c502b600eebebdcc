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

## translations command

## new and init

## schema command

## Command line
