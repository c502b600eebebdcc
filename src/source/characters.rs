//! Characters that hide or break text (issue 14): control characters, noncharacters,
//! bidirectional controls and zero-width characters. This module knows which code points they
//! are and what they are called, scans a file's raw text for them (`E-control-char`,
//! `W-bidi-control`), checks ids, slugs and terms (`E-invisible-in-id`) and shows them as
//! `<U+XXXX>` in reports. Escapes in YAML double-quoted text are found by `yaml::escapes`, which
//! asks [`class`] about what they write; unpaired surrogates are refused by the YAML parser.

use std::borrow::Cow;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::messages::msg;

use super::SourceFile;

/// How a character hides or breaks text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// C0 controls other than tab, line feed and carriage return; DEL; C1 controls. An error
    /// anywhere: no text needs them, and they break pages, feeds (XML 1.0 forbids most) and the
    /// terminal.
    Control,
    /// U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, …):
    /// never meant to be exchanged; an error like a control character.
    Noncharacter,
    /// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder the
    /// text around them when shown. A warning in text. The marks U+200E, U+200F and U+061C are
    /// legitimate in right-to-left text and left alone there (they are [`Class::Invisible`]).
    Bidi,
    /// Characters that show as nothing: zero-width space, joiners, word joiner, BOM, soft
    /// hyphen, direction marks, invisible operators, Hangul fillers, tag characters. Legitimate
    /// in text (joiners shape emoji and some scripts; a zero-width space marks a line-break
    /// opportunity), so left alone there; an error in ids, slugs and terms.
    Invisible,
}

/// The class of `c`, or `None` for an ordinary character (tab, line feed and carriage return
/// are ordinary).
pub fn class(c: char) -> Option<Class> {
    match c {
        '\t' | '\n' | '\r' => None,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Some(Class::Control),
        '\u{fdd0}'..='\u{fdef}' => Some(Class::Noncharacter),
        _ if (c as u32) & 0xfffe == 0xfffe => Some(Class::Noncharacter),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some(Class::Bidi),
        '\u{ad}'
        | '\u{34f}'
        | '\u{61c}'
        | '\u{115f}'
        | '\u{1160}'
        | '\u{180e}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2060}'..='\u{2064}'
        | '\u{206a}'..='\u{206f}'
        | '\u{3164}'
        | '\u{feff}'
        | '\u{ffa0}'
        | '\u{e0000}'..='\u{e007f}' => Some(Class::Invisible),
        _ => None,
    }
}

/// Whether `c` is an error wherever it is written (a control character or a noncharacter).
pub fn is_forbidden(c: char) -> bool {
    matches!(class(c), Some(Class::Control | Class::Noncharacter))
}

/// `U+0007 (BELL)`: the code point and, where we know it, its name.
pub fn describe(c: char) -> String {
    match name(c) {
        Some(name) => format!("U+{:04X} ({name})", c as u32),
        None => format!("U+{:04X}", c as u32),
    }
}

/// The Unicode name (or, for C0 and C1 controls, the ISO 6429 name) of the characters we report.
fn name(c: char) -> Option<&'static str> {
    const C0: [&str; 32] = [
        "NULL",
        "START OF HEADING",
        "START OF TEXT",
        "END OF TEXT",
        "END OF TRANSMISSION",
        "ENQUIRY",
        "ACKNOWLEDGE",
        "BELL",
        "BACKSPACE",
        "CHARACTER TABULATION",
        "LINE FEED",
        "LINE TABULATION",
        "FORM FEED",
        "CARRIAGE RETURN",
        "SHIFT OUT",
        "SHIFT IN",
        "DATA LINK ESCAPE",
        "DEVICE CONTROL ONE",
        "DEVICE CONTROL TWO",
        "DEVICE CONTROL THREE",
        "DEVICE CONTROL FOUR",
        "NEGATIVE ACKNOWLEDGE",
        "SYNCHRONOUS IDLE",
        "END OF TRANSMISSION BLOCK",
        "CANCEL",
        "END OF MEDIUM",
        "SUBSTITUTE",
        "ESCAPE",
        "FILE SEPARATOR",
        "GROUP SEPARATOR",
        "RECORD SEPARATOR",
        "UNIT SEPARATOR",
    ];
    const C1: [&str; 32] = [
        "PADDING CHARACTER",
        "HIGH OCTET PRESET",
        "BREAK PERMITTED HERE",
        "NO BREAK HERE",
        "INDEX",
        "NEXT LINE",
        "START OF SELECTED AREA",
        "END OF SELECTED AREA",
        "CHARACTER TABULATION SET",
        "CHARACTER TABULATION WITH JUSTIFICATION",
        "LINE TABULATION SET",
        "PARTIAL LINE FORWARD",
        "PARTIAL LINE BACKWARD",
        "REVERSE LINE FEED",
        "SINGLE SHIFT TWO",
        "SINGLE SHIFT THREE",
        "DEVICE CONTROL STRING",
        "PRIVATE USE ONE",
        "PRIVATE USE TWO",
        "SET TRANSMIT STATE",
        "CANCEL CHARACTER",
        "MESSAGE WAITING",
        "START OF GUARDED AREA",
        "END OF GUARDED AREA",
        "START OF STRING",
        "SINGLE GRAPHIC CHARACTER INTRODUCER",
        "SINGLE CHARACTER INTRODUCER",
        "CONTROL SEQUENCE INTRODUCER",
        "STRING TERMINATOR",
        "OPERATING SYSTEM COMMAND",
        "PRIVACY MESSAGE",
        "APPLICATION PROGRAM COMMAND",
    ];
    let code = c as u32;
    Some(match c {
        '\0'..='\u{1f}' => C0[code as usize],
        '\u{7f}' => "DELETE",
        '\u{80}'..='\u{9f}' => C1[(code - 0x80) as usize],
        '\u{ad}' => "SOFT HYPHEN",
        '\u{34f}' => "COMBINING GRAPHEME JOINER",
        '\u{61c}' => "ARABIC LETTER MARK",
        '\u{115f}' => "HANGUL CHOSEONG FILLER",
        '\u{1160}' => "HANGUL JUNGSEONG FILLER",
        '\u{180e}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{200b}' => "ZERO WIDTH SPACE",
        '\u{200c}' => "ZERO WIDTH NON-JOINER",
        '\u{200d}' => "ZERO WIDTH JOINER",
        '\u{200e}' => "LEFT-TO-RIGHT MARK",
        '\u{200f}' => "RIGHT-TO-LEFT MARK",
        '\u{202a}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202b}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202c}' => "POP DIRECTIONAL FORMATTING",
        '\u{202d}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202e}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{3164}' => "HANGUL FILLER",
        '\u{feff}' => "ZERO WIDTH NO-BREAK SPACE",
        '\u{ffa0}' => "HALFWIDTH HANGUL FILLER",
        _ if class(c) == Some(Class::Noncharacter) => "NONCHARACTER",
        _ => return None,
    })
}

/// `text` with every character of a [`Class`] written as `<U+XXXX>`, so that a report shows
/// it instead of sending it to the terminal (where a control character can rewrite the screen
/// and a bidi control reorder the line). Tab and line feed stay; a carriage return is shown.
pub fn visible(text: &str) -> Cow<'_, str> {
    let shown = |c: char| c == '\r' || class(c).is_some();
    if !text.chars().any(shown) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if shown(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`visible`] for a line shown with a caret: also moves the 1-based character `column` and
/// the `width` (in characters) to where they fall in the shown line.
pub fn visible_line(line: &str, column: usize, width: usize) -> (Cow<'_, str>, usize, usize) {
    let shown = visible(line);
    if matches!(shown, Cow::Borrowed(_)) {
        return (shown, column, width);
    }
    let start = column.saturating_sub(1);
    let end = start + width;
    let (mut new_start, mut new_end) = (None, None);
    let mut at = 0;
    for (i, c) in line.chars().enumerate() {
        if i == start {
            new_start = Some(at);
        }
        if i == end {
            new_end = Some(at);
        }
        at += if c == '\r' || class(c).is_some() {
            format!("<U+{:04X}>", c as u32).len()
        } else {
            1
        };
    }
    let new_start = new_start.unwrap_or(at + start.saturating_sub(line.chars().count()));
    let new_end = new_end.unwrap_or(at.max(new_start)).max(new_start + 1);
    (shown, new_start + 1, new_end - new_start)
}

/// At most this many findings of one kind are listed for a file; the rest are counted.
const MAX_LISTED: usize = 10;

/// Whether byte `b` may start something [`scan`] reports: C0 controls other than tab, line
/// feed and carriage return, DEL, the lead bytes of U+0080–U+00BF (C1 controls),
/// U+2000–U+2FFF (bidi controls), U+F000–U+FFFF (noncharacters) and four-byte characters
/// (noncharacters of the other planes), and `&` (a character reference). Under 1% of the
/// bytes of Chinese and Korean records.
const SUSPECT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = !matches!(b, 0x09 | 0x0a | 0x0d);
        b += 1;
    }
    table[0x7f] = true;
    table[b'&' as usize] = true;
    table[0xc2] = true;
    table[0xe2] = true;
    table[0xef] = true;
    let mut b = 0xf0;
    while b <= 0xf4 {
        table[b] = true;
        b += 1;
    }
    table
};

/// Whether any byte of `chunk` is [`SUSPECT`], written so that the compiler checks many bytes
/// at once: most 32-byte runs of a record have none and are passed over whole.
fn any_suspect(chunk: &[u8]) -> bool {
    chunk.iter().fold(false, |any, &b| {
        any | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r'))
            | (b == 0x7f)
            | (b == b'&')
            | (b == 0xc2)
            | (b == 0xe2)
            | (b == 0xef)
            | (b >= 0xf0)
    })
}

/// Scans a file's raw text: a control character or noncharacter is `E-control-char`, a bidi
/// control `W-bidi-control`, each at its line and column; the same for a numeric character
/// reference that writes one (`&#7;`, `&#x202E;`), which Markdown and HTML decode (it is
/// looked for in the whole file: in a plain-text value it would be shown as written, but no
/// one writes it there by accident). Returns the file to parse: when it
/// holds control characters or noncharacters, a copy with each replaced by U+FFFD, so that the
/// YAML parser (which refuses most of them) reads the rest of the file and every other problem
/// is still reported, once, and the build fails on these errors anyway.
pub fn scan(file: SourceFile, diagnostics: &mut Diagnostics) -> SourceFile {
    let bytes = file.text.as_bytes();
    let reported = |c: char| {
        matches!(
            class(c),
            Some(Class::Control | Class::Noncharacter | Class::Bidi)
        )
    };
    let mut found: Vec<(usize, char, Option<&str>)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        const RUN: usize = 32;
        if i + RUN <= bytes.len() && !any_suspect(&bytes[i..i + RUN]) {
            i += RUN;
            continue;
        }
        // One run byte by byte; a character may end past it.
        let end = (i + RUN).min(bytes.len());
        while i < end {
            if !SUSPECT[bytes[i] as usize] {
                i += 1;
                continue;
            }
            if bytes[i] == b'&' {
                if let Some((c, reference)) = character_reference(&file.text[i..])
                    && reported(c)
                {
                    found.push((i, c, Some(reference)));
                }
                i += 1;
                continue;
            }
            // A suspect byte other than `&` is always the first byte of a character:
            // continuation bytes are 0x80–0xBF and none of them is suspect.
            let c = file.text[i..].chars().next().unwrap_or_default();
            if reported(c) {
                found.push((i, c, None));
            }
            i += c.len_utf8();
        }
    }
    if found.is_empty() {
        return file;
    }
    let raw_errors = found
        .iter()
        .filter(|(_, c, reference)| reference.is_none() && is_forbidden(*c))
        .count();
    let (mut errors, mut warnings) = (0, 0);
    for &(offset, c, reference) in &found {
        let bidi = class(c) == Some(Class::Bidi);
        let listed = if bidi { &mut warnings } else { &mut errors };
        *listed += 1;
        if *listed > MAX_LISTED {
            continue;
        }
        let (line, column) = file.position(offset);
        let width = reference.map_or(1, str::len);
        let location = file.location(line, column, width);
        diagnostics.push(character_diagnostic(c, reference, location));
    }
    for (count, bidi) in [(errors, false), (warnings, true)] {
        if count > MAX_LISTED {
            let more = (count - MAX_LISTED) as i64;
            let diagnostic = if bidi {
                Diagnostic::warning("W-bidi-control", msg!("bidi-control-more", count = more))
                    .hint(msg!("bidi-control-hint"))
            } else {
                Diagnostic::error("E-control-char", msg!("control-char-more", count = more))
                    .hint(msg!("control-char-hint"))
            };
            diagnostics.push(diagnostic.in_file(&file.path));
        }
    }
    if raw_errors == 0 {
        return file;
    }
    let text = file
        .text
        .chars()
        .map(|c| if is_forbidden(c) { '\u{fffd}' } else { c })
        .collect();
    SourceFile::with_shared_path(file.path, text)
}

/// The character a numeric character reference at the start of `text` writes (`&#7;`,
/// `&#x202E;`) and the reference as written. `&#0;` is left out: Markdown and HTML make it
/// U+FFFD.
fn character_reference(text: &str) -> Option<(char, &str)> {
    let rest = text.strip_prefix("&#")?;
    let (digits, radix, skip) = match rest.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, 16, 3),
        None => (rest, 10, 2),
    };
    let len = digits
        .bytes()
        .take_while(|b| b.is_ascii_hexdigit() && (radix == 16 || b.is_ascii_digit()))
        .count();
    if len == 0 || len > 7 || digits.as_bytes().get(len) != Some(&b';') {
        return None;
    }
    let code = u32::from_str_radix(&digits[..len], radix).ok()?;
    let c = char::from_u32(code).filter(|&c| c != '\0')?;
    Some((c, &text[..skip + len + 1]))
}

/// The diagnostic for character `c` written raw (`escape: None`) or by an escape (a YAML
/// escape such as `\a`, a character reference such as `&#7;`), at `location`. `c` must be of class Control, Noncharacter or Bidi.
pub fn character_diagnostic(c: char, escape: Option<&str>, location: Location) -> Diagnostic {
    let char = describe(c);
    match (class(c), escape) {
        (Some(Class::Bidi), None) => {
            Diagnostic::warning("W-bidi-control", msg!("bidi-control", char = char))
                .hint(msg!("bidi-control-hint"))
        }
        (Some(Class::Bidi), Some(escape)) => Diagnostic::warning(
            "W-bidi-control",
            msg!("bidi-control-escape", char = char, escape = escape),
        )
        .hint(msg!("bidi-control-hint")),
        (Some(Class::Noncharacter), None) => {
            Diagnostic::error("E-control-char", msg!("noncharacter", char = char))
                .hint(msg!("noncharacter-hint"))
        }
        (_, None) => Diagnostic::error("E-control-char", msg!("control-char", char = char))
            .hint(msg!("control-char-hint")),
        (_, Some(escape)) => Diagnostic::error(
            "E-control-char",
            msg!("control-char-escape", char = char, escape = escape),
        )
        .hint(msg!("control-char-escape-hint", escape = escape)),
    }
    .at(location)
}

/// What kind of name holds an invisible character, for the message.
#[derive(Debug, Clone, Copy)]
pub enum IdKind {
    /// A record's id: its file or folder name.
    Record,
    Slug,
    Term,
    /// A reference to a record (`related:`, a `ref` field).
    Reference,
}

/// `E-invisible-in-id` when `id` holds any character of a [`Class`]: two names that look the
/// same must not name two records or terms (SPEC §3.1 ids and slugs, §2 terms). `at` is where
/// the name is written (its value's place), or `None` for a file name; the caret is moved onto
/// the character when the name is written on that line as it is.
pub fn check_id(id: &str, kind: IdKind, at: Option<&Location>) -> Option<Diagnostic> {
    let c = id.chars().find(|&c| class(c).is_some())?;
    let what = match kind {
        IdKind::Record => msg!("id-kind-record"),
        IdKind::Slug => msg!("id-kind-slug"),
        IdKind::Term => msg!("id-kind-term"),
        IdKind::Reference => msg!("id-kind-reference"),
    };
    let diagnostic = Diagnostic::error(
        "E-invisible-in-id",
        msg!(
            "invisible-in-id",
            what = what,
            id = visible(id).into_owned(),
            char = describe(c)
        ),
    )
    .hint(msg!("invisible-in-id-hint"));
    Some(match at {
        Some(location) => {
            let mut location = location.clone();
            let from = location.column.saturating_sub(1);
            if let Some(index) = location.line_text.chars().skip(from).position(|x| x == c) {
                location.column = from + index + 1;
                location.width = 1;
            }
            diagnostic.at(location)
        }
        None => diagnostic,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::UiLang;

    fn scan_text(text: &str) -> (Vec<(String, usize, usize, String)>, String) {
        let mut diagnostics = Diagnostics::default();
        let file = scan(
            SourceFile::new("a.md".into(), text.to_string()),
            &mut diagnostics,
        );
        let found = diagnostics
            .iter()
            .map(|d| {
                let l = d.location.as_deref();
                (
                    d.code.to_string(),
                    l.map_or(0, |l| l.line),
                    l.map_or(0, |l| l.column),
                    d.message_text(UiLang::En),
                )
            })
            .collect();
        (found, file.text)
    }

    #[test]
    fn classes() {
        for c in [
            '\u{1}', '\u{7}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{80}', '\u{9f}',
        ] {
            assert_eq!(class(c), Some(Class::Control), "{c:?}");
        }
        for c in [
            '\u{fffe}',
            '\u{ffff}',
            '\u{fdd0}',
            '\u{1fffe}',
            '\u{10ffff}',
        ] {
            assert_eq!(class(c), Some(Class::Noncharacter), "{c:?}");
        }
        for c in ['\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}'] {
            assert_eq!(class(c), Some(Class::Bidi), "{c:?}");
        }
        for c in [
            '\u{200b}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}', '\u{200f}',
        ] {
            assert_eq!(class(c), Some(Class::Invisible), "{c:?}");
        }
        for c in [
            '\t', '\n', '\r', ' ', 'a', '延', '，', '“', '—', '\u{a0}', '\u{fffd}', '😀',
        ] {
            assert_eq!(class(c), None, "{c:?}");
        }
        assert_eq!(describe('\u{7}'), "U+0007 (BELL)");
        assert_eq!(describe('\u{85}'), "U+0085 (NEXT LINE)");
        assert_eq!(describe('\u{202e}'), "U+202E (RIGHT-TO-LEFT OVERRIDE)");
        assert_eq!(describe('\u{ffff}'), "U+FFFF (NONCHARACTER)");
        assert_eq!(describe('\u{e0041}'), "U+E0041");
    }

    #[test]
    fn finds_each_kind_at_its_column_after_chinese_text() {
        let (found, _) = scan_text(
            "---\ntitle: 延吉\u{7}市\n---\n\n正文“引号”，\u{85}和\u{ffff}\n物业\u{202e}党建\n",
        );
        let codes: Vec<(&str, usize, usize)> = found
            .iter()
            .map(|(code, line, column, _)| (code.as_str(), *line, *column))
            .collect();
        assert_eq!(
            codes,
            [
                ("E-control-char", 2, 10),
                ("E-control-char", 5, 8),
                ("E-control-char", 5, 10),
                ("W-bidi-control", 6, 3),
            ]
        );
        assert_eq!(
            found[0].3,
            "invisible control character U+0007 (BELL) in the text"
        );
        assert!(
            found[3].3.contains("U+202E (RIGHT-TO-LEFT OVERRIDE)"),
            "{}",
            found[3].3
        );
    }

    #[test]
    fn character_references_are_found_too() {
        let (found, out) = scan_text("正文&#x202E;反转&#7;和&#X1b;&#0;&#x41;&#12;x&#65\n");
        let places: Vec<(&str, usize, usize)> = found
            .iter()
            .map(|(code, line, column, _)| (code.as_str(), *line, *column))
            .collect();
        assert_eq!(
            places,
            [
                ("W-bidi-control", 1, 3),
                ("E-control-char", 1, 13),
                ("E-control-char", 1, 18),
                ("E-control-char", 1, 34),
            ]
        );
        assert_eq!(
            found[1].3,
            "`&#7;` writes the invisible control character U+0007 (BELL)"
        );
        assert!(out.contains("&#7;"), "references are not replaced: {out}");
    }

    /// The fast path skips 32-byte runs: a character anywhere, also one that straddles two
    /// runs, is found exactly once, at its column.
    #[test]
    fn the_fast_path_misses_nothing() {
        for hidden in ['\u{7}', '\u{9b}', '\u{202e}', '\u{ffff}', '\u{10fffe}'] {
            for prefix in ["a", "延", "，"] {
                for count in 0..40 {
                    let text = format!("{}{hidden}x\n", prefix.repeat(count));
                    let (found, _) = scan_text(&text);
                    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
                    assert_eq!((found[0].1, found[0].2), (1, count + 1), "{text:?}");
                }
            }
        }
        let (found, _) = scan_text(&format!("{}&#x202E;", "延".repeat(10)));
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn clean_text_is_passed_as_it_is() {
        let text = "---\ntitle: “延吉”—— 연길시\u{200b}\t😀\u{a0}，\r\n---\n";
        let (found, out) = scan_text(text);
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(out, text);
    }

    #[test]
    fn control_characters_are_replaced_for_the_parser() {
        let (found, out) = scan_text("a: x\u{7}y\nb: \u{202e}z\n");
        assert_eq!(found.len(), 2);
        assert_eq!(out, "a: x\u{fffd}y\nb: \u{202e}z\n");
    }

    #[test]
    fn many_findings_are_counted_after_the_first_ten() {
        let (found, _) = scan_text(&"\u{b}".repeat(25));
        assert_eq!(found.len(), MAX_LISTED + 1);
        assert_eq!(found[MAX_LISTED].1, 0, "the count names the file only");
        assert!(
            found[MAX_LISTED].3.contains("15"),
            "{}",
            found[MAX_LISTED].3
        );
    }

    #[test]
    fn visible_names_hidden_characters() {
        assert_eq!(visible("延吉"), "延吉");
        assert_eq!(
            visible("a\u{7}b\u{202e}c\u{200b}\r"),
            "a<U+0007>b<U+202E>c<U+200B><U+000D>"
        );
        assert_eq!(visible("a\tb\nc"), "a\tb\nc");
    }

    #[test]
    fn visible_line_moves_the_caret() {
        // "延吉" then RLO at column 3, then "党建".
        let (line, column, width) = visible_line("延吉\u{202e}党建", 3, 1);
        assert_eq!(line, "延吉<U+202E>党建");
        assert_eq!((column, width), (3, 8));
        let (_, column, width) = visible_line("\u{7}延吉\u{7}", 2, 2);
        assert_eq!((column, width), (9, 2));
        let (_, column, width) = visible_line("a\u{7}", 5, 1);
        assert!(column > 9 && width == 1, "{column} {width}");
    }

    #[test]
    fn ids_with_invisible_characters() {
        assert!(check_id("hongxin", IdKind::Record, None).is_none());
        assert!(check_id("梨园村", IdKind::Term, None).is_none());
        let d = check_id("党建\u{200b}品牌", IdKind::Term, None).unwrap();
        assert_eq!(d.code, "E-invisible-in-id");
        assert_eq!(
            d.message_text(UiLang::En),
            "the term `党建<U+200B>品牌` contains the invisible character U+200B (ZERO WIDTH SPACE)"
        );
        let at = Location {
            file: std::path::Path::new("a.md").into(),
            line: 3,
            column: 7,
            line_text: "tags: [党建\u{200b}品牌]".into(),
            width: 5,
        };
        let d = check_id("党建\u{200b}品牌", IdKind::Term, Some(&at)).unwrap();
        let l = d.location.unwrap();
        assert_eq!((l.column, l.width), (10, 1));
    }
}
