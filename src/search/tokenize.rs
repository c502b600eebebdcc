//! The analyzer of the search index, after Lucene's CJK analyzer: Han, Hangul and Kana text is
//! cut into overlapping character bigrams (`연변조선족` → 연변 변조 조선 선족), plus every single
//! character so that a one-character query finds something; letters and digits make whole,
//! lowercased words. Everything else separates. It does not segment words: the same bigrams
//! come out of a query and of a record, whatever the word boundaries.
//!
//! `themes/default/static/assets/search.js` holds the same rules for queries; the cases in
//! `tests/search/tokens.tsv` are checked against both.

/// The longest word kept, in characters: a longer run of letters (a pasted hash, a URL without
/// separators) is cut there, so no term grows without bound.
pub const MAX_WORD: usize = 32;

/// What the index holds: a character, a pair of neighbouring characters, or a word (borrowed
/// from the analyzer for the length of the call).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term<'a> {
    Char(char),
    Pair(char, char),
    Word(&'a str),
}

#[cfg(test)]
impl Term<'_> {
    /// The term as the client looks it up.
    pub fn text(&self) -> String {
        match self {
            Term::Char(c) => c.to_string(),
            Term::Pair(a, b) => [*a, *b].iter().collect(),
            Term::Word(w) => w.to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Han,
    Hangul,
    Kana,
    Word,
}

fn script(c: char) -> Option<Script> {
    match c as u32 {
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF => {
            Some(Script::Han)
        }
        0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3131..=0x318E => Some(Script::Hangul),
        0x3041..=0x3096 | 0x30A1..=0x30FA | 0x30FC => Some(Script::Kana),
        0x30..=0x39 | 0x61..=0x7A => Some(Script::Word),
        // Latin letters with accents, Greek and Cyrillic letters (after lowercasing).
        0xDF..=0xF6 | 0xF8..=0x24F | 0x3AC..=0x3CE | 0x430..=0x45F => Some(Script::Word),
        _ => None,
    }
}

/// Full-width Latin letters and digits as ASCII (`Ａ１` → `a1`), letters lowercased (only where
/// lowercasing gives one character, as in the client).
pub fn normalize(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // Han and Hangul have no case; most of the text is theirs.
    if matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7A3) {
        return c;
    }
    if c == 'ς' {
        return 'σ';
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Cuts `text` into terms, calling `emit(term, position)` for each occurrence. A position counts
/// characters of Han, Hangul and Kana and whole words, from `position` on; the position after the
/// text is returned, so that the fields of a record follow one another. A pair is at the
/// position of its first character.
pub fn analyze(text: &str, mut position: u32, mut emit: impl FnMut(Term<'_>, u32)) -> u32 {
    let mut previous: Option<(char, Script)> = None;
    let mut word = String::new();
    let mut word_chars = 0;
    for raw in text.chars() {
        let c = normalize(raw);
        let script = script(c);
        if script != Some(Script::Word) && !word.is_empty() {
            emit(Term::Word(&word), position);
            position += 1;
            word.clear();
            word_chars = 0;
        }
        match script {
            Some(Script::Word) => {
                previous = None;
                if word_chars < MAX_WORD {
                    word.push(c);
                    word_chars += 1;
                }
            }
            Some(cjk) => {
                emit(Term::Char(c), position);
                if let Some((before, before_script)) = previous
                    && before_script == cjk
                {
                    emit(Term::Pair(before, c), position - 1);
                }
                previous = Some((c, cjk));
                position += 1;
            }
            None => previous = None,
        }
    }
    if !word.is_empty() {
        emit(Term::Word(&word), position);
        position += 1;
    }
    position
}

/// `analyze` as a list of `(term text, position)`, for tests.
#[cfg(test)]
pub fn terms(text: &str) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    analyze(text, 0, |term, position| out.push((term.text(), position)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` gives `expected`: terms as `term@position`, space-separated, in emitted order.
    fn check(text: &str, expected: &str) {
        let got: Vec<String> = terms(text)
            .into_iter()
            .map(|(t, p)| format!("{t}@{p}"))
            .collect();
        assert_eq!(got.join(" "), expected, "analyzing {text:?}");
    }

    #[test]
    fn han_gives_characters_and_pairs() {
        check("延边州", "延@0 边@1 延边@0 州@2 边州@1");
    }

    #[test]
    fn hangul_gives_characters_and_pairs() {
        check("축제", "축@0 제@1 축제@0");
    }

    #[test]
    fn latin_words_are_whole_and_lowercase() {
        check("Hello, WORLD", "hello@0 world@1");
        check("Ｅ站 ２０２３", "e@0 站@1 2023@2");
    }

    #[test]
    fn digits_are_words_between_characters() {
        check("2023年", "2023@0 年@1");
    }

    #[test]
    fn punctuation_and_scripts_break_pairs() {
        check("党建，引领", "党@0 建@1 党建@0 引@2 领@3 引领@2");
        check("延边연변", "延@0 边@1 延边@0 연@2 변@3 연변@2");
    }

    #[test]
    fn long_words_are_cut() {
        let long = "a".repeat(100);
        assert_eq!(terms(&long), vec![("a".repeat(MAX_WORD), 0)]);
    }

    /// The cases shared with the client script (`search.js`), which the Node harness checks
    /// against the script: one line per case, `text<TAB>terms`.
    #[test]
    fn shared_cases() {
        let cases = include_str!("../../tests/search/tokens.tsv");
        let mut checked = 0;
        for line in cases.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (text, expected) = line.split_once('\t').expect("text<TAB>terms");
            check(text, expected);
            checked += 1;
        }
        assert!(checked >= 10);
    }
}
