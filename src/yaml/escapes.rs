//! Characters that a YAML escape writes into a value (issue 14): `"\u0000"`, `"\a"`, `"\x07"`,
//! `"\e"`, `"\u202E"` in double-quoted text are invisible in the file and in the value alike.
//! [`check`] walks a parsed tree and, for every key or text value that holds a control
//! character, noncharacter or bidi control, reads its double-quoted form in the file again to
//! report each escape at its own line and column. Characters written raw are left to
//! `source::characters::scan`, which sees the whole file.

use crate::diagnostics::Diagnostics;
use crate::source::SourceFile;
use crate::source::characters::{Class, character_diagnostic, class};

use super::{Node, Pos, Value};

/// Reports every escape in `node`'s keys and text values that writes a hidden character.
/// Positions in `node` must be the file's own (front matter already shifted).
pub fn check(file: &SourceFile, node: &Node, diagnostics: &mut Diagnostics) {
    match &node.value {
        Value::Str(text) => check_scalar(file, text, node.pos, diagnostics),
        Value::Seq(items) => items.iter().for_each(|n| check(file, n, diagnostics)),
        Value::Map(entries) => {
            for (key, value) in entries {
                check_scalar(file, &key.name, key.pos, diagnostics);
                check(file, value, diagnostics);
            }
        }
        _ => {}
    }
}

fn is_hidden(c: char) -> bool {
    matches!(
        class(c),
        Some(Class::Control | Class::Noncharacter | Class::Bidi)
    )
}

fn check_scalar(file: &SourceFile, text: &str, pos: Pos, diagnostics: &mut Diagnostics) {
    let Some(hidden) = text.chars().find(|&c| is_hidden(c)) else {
        return;
    };
    let mut reported = false;
    if let Some(start) = offset(file, pos) {
        for (offset, c, escape) in escapes(&file.text, start) {
            if is_hidden(c) {
                let (line, column) = file.position(offset);
                let location = file.location(line, column, escape.chars().count());
                diagnostics.push(character_diagnostic(c, Some(escape), location));
                reported = true;
            }
        }
    }
    // Not written by an escape and not in the file as it is: say so at the value, so that it
    // is never passed silently (the raw scan reports what the file holds).
    if !reported && !file.text.contains(hidden) {
        let location = file.location(pos.line, pos.column, 1);
        diagnostics.push(character_diagnostic(hidden, None, location));
    }
}

/// The byte offset of a 1-based line and character column in the file.
fn offset(file: &SourceFile, pos: Pos) -> Option<usize> {
    let range = file.line_range(pos.line)?;
    let line = &file.text[range.clone()];
    let within = line
        .char_indices()
        .nth(pos.column.checked_sub(1)?)
        .map(|(i, _)| i)?;
    Some(range.start + within)
}

/// The escapes of the double-quoted scalar that starts at byte `start` of `text`: each one's
/// byte offset, the character it writes and the escape as written. Nothing when the scalar
/// there is not double-quoted (only double-quoted YAML has escapes).
fn escapes(text: &str, start: usize) -> Vec<(usize, char, &str)> {
    let mut found = Vec::new();
    let Some(rest) = text.get(start..).and_then(|t| t.strip_prefix('"')) else {
        return found;
    };
    let base = start + 1;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => break,
            '\\' => {
                let Some((_, e)) = chars.next() else { break };
                let hex_digits = match e {
                    'x' => 2,
                    'u' => 4,
                    'U' => 8,
                    _ => 0,
                };
                let (written, end) = if hex_digits == 0 {
                    let written = match e {
                        '0' => '\0',
                        'a' => '\u{7}',
                        'b' => '\u{8}',
                        'v' => '\u{b}',
                        'f' => '\u{c}',
                        'e' => '\u{1b}',
                        'N' => '\u{85}',
                        // Tab, line breaks, quotes, spaces and the rest write ordinary text.
                        _ => continue,
                    };
                    (written, i + 1 + e.len_utf8())
                } else {
                    let digits_start = i + 2;
                    let Some(digits) = rest.get(digits_start..digits_start + hex_digits) else {
                        break;
                    };
                    let Ok(mut code) = u32::from_str_radix(digits, 16) else {
                        continue;
                    };
                    let mut end = digits_start + hex_digits;
                    for _ in 0..hex_digits.saturating_sub(1) {
                        chars.next();
                    }
                    // A surrogate pair written as two escapes (the parser refuses a lone half).
                    if (0xd800..0xdc00).contains(&code)
                        && let Some(low) = rest
                            .get(end..end + 6)
                            .and_then(|t| t.strip_prefix("\\u"))
                            .and_then(|d| u32::from_str_radix(d, 16).ok())
                            .filter(|low| (0xdc00..0xe000).contains(low))
                    {
                        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                        end += 6;
                        for _ in 0..6 {
                            chars.next();
                        }
                    }
                    chars.next();
                    let Some(written) = char::from_u32(code) else {
                        continue;
                    };
                    (written, end)
                };
                found.push((base + i, written, &rest[i..end]));
            }
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::UiLang;

    fn check_text(text: &str) -> Vec<(String, usize, usize, usize, String)> {
        let file = SourceFile::new("a.yaml".into(), text.to_string());
        let mut node = crate::yaml::parse(text).unwrap();
        node.shift_lines(0);
        let mut diagnostics = Diagnostics::default();
        check(&file, &node, &mut diagnostics);
        diagnostics
            .iter()
            .map(|d| {
                let l = d.location.as_deref().unwrap();
                (
                    d.code.to_string(),
                    l.line,
                    l.column,
                    l.width,
                    d.message_text(UiLang::En),
                )
            })
            .collect()
    }

    #[test]
    fn each_escape_is_found_at_its_column() {
        let found = check_text(
            "title: \"延吉\\u0000市\"\nb: [\"\\a\", \"x\\x07\\e\"]\nc: {\"k\\0\": \"\\U0000FFFF\"}\n",
        );
        let places: Vec<(&str, usize, usize, usize)> = found
            .iter()
            .map(|(code, line, column, width, _)| (code.as_str(), *line, *column, *width))
            .collect();
        assert_eq!(
            places,
            [
                ("E-control-char", 1, 11, 6),
                ("E-control-char", 2, 6, 2),
                ("E-control-char", 2, 13, 4),
                ("E-control-char", 2, 17, 2),
                ("E-control-char", 3, 7, 2),
                ("E-control-char", 3, 13, 10),
            ]
        );
        assert_eq!(
            found[0].4,
            "`\\u0000` writes the invisible control character U+0000 (NULL)"
        );
    }

    #[test]
    fn bidi_escapes_are_warnings_and_ordinary_escapes_pass() {
        let found = check_text("a: \"x\\u202Ey\"\nb: \"\\t\\n\\\"\\\\\\u00e9\\ud83d\\ude00\"\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0.as_str(), found[0].2), ("W-bidi-control", 6));
    }

    #[test]
    fn an_escape_on_a_continued_line() {
        let found = check_text("a: \"第一行\n  第二行\\a\"\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].1, found[0].2), (2, 6));
    }

    #[test]
    fn a_raw_character_is_left_to_the_scan() {
        let found = check_text("a: \"x\u{202e}y\"\nb: 'z\u{85}'\n");
        assert!(found.is_empty(), "{found:?}");
    }
}
