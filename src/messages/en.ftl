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

hygiene-mojibake-replacement = garbled text: the character � stands for characters that were lost when the text was converted
hygiene-mojibake-replacement-encoded = garbled text: `{ $text }` is the lost-character mark � saved with the wrong encoding
hygiene-mojibake-question = garbled text: `{ $text }` between Chinese characters stands for characters lost in a conversion
hygiene-mojibake-encoding = garbled text: `{ $text }` looks like `{ $recovered }` read with the wrong encoding
hygiene-mojibake-hint = copy this passage again from the original document, or retype it; when copying from a file, open it as UTF-8. If `?` is a question mark, write the full-width `？`
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

## translations command

## new and init

## schema command

## Command line
