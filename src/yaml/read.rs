//! Reading typed values out of a [`Node`] tree while collecting diagnostics: the one place that
//! knows how to say "expected a date, found a list" at the value's own line and column.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::{Key, Node, Pos, Value};
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::localized::Localized;
use crate::messages::{Message, msg};
use crate::source::SourceFile;

/// Reads values from one source file, adding `line_offset` (the front-matter fence) to every
/// position, and pushing a diagnostic for every value of the wrong shape.
pub struct Reader<'a> {
    pub file: &'a SourceFile,
    pub diagnostics: &'a mut Diagnostics,
}

impl<'a> Reader<'a> {
    pub fn new(file: &'a SourceFile, diagnostics: &'a mut Diagnostics) -> Self {
        Reader { file, diagnostics }
    }

    pub fn location(&self, pos: Pos, width: usize) -> Location {
        self.file.location(pos.line, pos.column, width)
    }

    /// The location of a whole value: for a scalar, the scalar as written on its line.
    pub fn value_location(&self, node: &Node) -> Location {
        let line = self.file.line(node.pos.line);
        let rest: String = line
            .chars()
            .skip(node.pos.column.saturating_sub(1))
            .collect();
        let width = match &node.value {
            Value::Map(_) | Value::Seq(_) => 1,
            _ => rest.trim_end().chars().count().max(1),
        };
        self.location(node.pos, width)
    }

    pub fn key_location(&self, key: &Key) -> Location {
        self.location(key.pos, key.name.chars().count())
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Reports `node` as having the wrong kind of value.
    pub fn wrong_type(&mut self, node: &Node, field: &str, expected: Message, hint: Message) {
        let diagnostic = Diagnostic::error(
            "E-wrong-type",
            msg!(
                "wrong-type",
                field = field,
                expected = expected,
                found = node.kind_name()
            ),
        )
        .at(self.value_location(node))
        .hint(hint);
        self.push(diagnostic);
    }

    pub fn map<'n>(&mut self, node: &'n Node, field: &str) -> Option<&'n [(Key, Node)]> {
        match node.as_map() {
            Some(entries) => Some(entries),
            None => {
                self.wrong_type(
                    node,
                    field,
                    msg!("expected-mapping"),
                    msg!("hint-write-mapping"),
                );
                None
            }
        }
    }

    /// Text; numbers and booleans are accepted as written (a title may be `2024`).
    pub fn text(&mut self, node: &Node, field: &str) -> Option<String> {
        match node.scalar_text() {
            Some(text) => Some(text),
            None => {
                self.wrong_type(node, field, msg!("value-text"), msg!("hint-write-text"));
                None
            }
        }
    }

    pub fn bool(&mut self, node: &Node, field: &str) -> Option<bool> {
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.wrong_type(
                    node,
                    field,
                    msg!("expected-true-or-false"),
                    msg!("hint-write-true-or-false"),
                );
                None
            }
        }
    }

    pub fn int(&mut self, node: &Node, field: &str) -> Option<i64> {
        match node.value {
            Value::Int(i) => Some(i),
            _ => {
                self.wrong_type(
                    node,
                    field,
                    msg!("value-whole-number"),
                    msg!("hint-write-whole-number"),
                );
                None
            }
        }
    }

    pub fn number(&mut self, node: &Node, field: &str) -> Option<f64> {
        match node.value {
            Value::Int(i) => Some(i as f64),
            Value::Float(f) if f.is_finite() => Some(f),
            _ => {
                self.wrong_type(node, field, msg!("value-number"), msg!("hint-write-number"));
                None
            }
        }
    }

    /// A calendar date written `YYYY-MM-DD`; impossible dates (2021-02-30) are refused.
    pub fn date(&mut self, node: &Node, field: &str) -> Option<Date> {
        let Some(text) = node.as_str() else {
            self.wrong_type(node, field, msg!("expected-date"), msg!("hint-write-date"));
            return None;
        };
        let text = text.trim();
        let well_formed = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        let parsed = well_formed.then(|| text.parse::<Date>().ok()).flatten();
        if parsed.is_none() {
            let message = if well_formed {
                msg!("bad-date-not-real", field = field, text = text)
            } else {
                msg!("bad-date-format", field = field, text = text)
            };
            let diagnostic = Diagnostic::error("E-bad-date", message)
                .at(self.value_location(node))
                .hint(msg!("bad-date-hint"));
            self.push(diagnostic);
        }
        parsed
    }

    pub fn string_list(&mut self, node: &Node, field: &str) -> Vec<(String, Pos)> {
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| self.text(item, field).map(|t| (t, item.pos)))
                .collect(),
            Value::Str(s) => vec![(s.clone(), node.pos)],
            Value::Null => Vec::new(),
            _ => {
                self.wrong_type(node, field, msg!("value-list"), msg!("hint-write-list"));
                Vec::new()
            }
        }
    }

    /// A language map `{zh: …, ko: …}` whose keys are all declared languages, or `None` when
    /// `node` is not such a map (then it is a plain value of the file's own language).
    pub fn language_map<'n>(
        &mut self,
        node: &'n Node,
        languages: &[String],
    ) -> Option<BTreeMap<String, &'n Node>> {
        let entries = node.as_map()?;
        if entries.is_empty() || !entries.iter().all(|(k, _)| languages.contains(&k.name)) {
            return None;
        }
        Some(entries.iter().map(|(k, v)| (k.name.clone(), v)).collect())
    }

    /// A translatable text: plain text belongs to `lang` (the file's language), a language map
    /// (`{zh: …, ko: …}`) to the languages it names. Null is no text.
    pub fn localized_text(
        &mut self,
        node: &Node,
        field: &str,
        languages: &[String],
        lang: &str,
    ) -> Localized<String> {
        let mut localized = Localized::new();
        if let Some(map) = self.language_map(node, languages) {
            for (code, value) in map {
                if let Some(text) = self.text(value, field) {
                    localized.set(&code, text);
                }
            }
        } else if node.as_map().is_some() {
            self.not_a_language_map(node, field, languages);
        } else if !node.is_null()
            && let Some(text) = self.text(node, field)
        {
            localized.set(lang, text);
        }
        localized
    }

    /// Reports a mapping where text or a language map was expected.
    pub fn not_a_language_map(&mut self, node: &Node, field: &str, languages: &[String]) {
        let keys: Vec<&str> = node
            .as_map()
            .unwrap_or_default()
            .iter()
            .map(|(k, _)| k.name.as_str())
            .collect();
        let example: Vec<String> = languages.iter().map(|c| format!("{c}: …")).collect();
        let diagnostic = Diagnostic::error(
            "E-wrong-type",
            msg!("not-a-language-map", field = field, keys = keys.join(", ")),
        )
        .at(self.value_location(node))
        .hint(msg!(
            "not-a-language-map-hint",
            example = example.join(", ")
        ));
        self.push(diagnostic);
    }

    /// Reports keys of `entries` that are not in `known`, suggesting the closest known name.
    pub fn unknown_keys(&mut self, entries: &[(Key, Node)], known: &[&str], what: Message) {
        for (key, _) in entries {
            if known.contains(&key.name.as_str()) {
                continue;
            }
            let mut diagnostic = Diagnostic::error(
                "E-unknown-field",
                msg!("unknown-field", field = &key.name, what = what.clone()),
            )
            .at(self.key_location(key));
            diagnostic = match closest(&key.name, known) {
                Some(near) => diagnostic.hint(msg!("did-you-mean", name = near)),
                None => {
                    diagnostic.hint(msg!("unknown-field-hint-allowed", names = known.join(", ")))
                }
            };
            self.push(diagnostic);
        }
    }

    /// Reports a required key that is missing, at the mapping's first line.
    pub fn missing(&mut self, node: &Node, field: &str, what: Message, hint: Message) {
        let location = self.location(node.pos, 1);
        self.push(
            Diagnostic::error(
                "E-missing-field",
                msg!("missing-field", what = what, field = field),
            )
            .at(location)
            .hint(hint),
        );
    }
}

/// The known name nearest to `name` by edit distance, if it is near enough to be a typo.
pub fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (edit_distance(name, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.chars().count() / 3))
        .min()
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j] + 1).min(row[j + 1] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse;

    fn read_with<T>(text: &str, f: impl FnOnce(&mut Reader, &Node) -> T) -> (T, Vec<Diagnostic>) {
        let file = SourceFile::new("a.yaml".into(), text.to_string());
        let node = parse(text).unwrap();
        let mut diagnostics = Diagnostics::default();
        let value = f(&mut Reader::new(&file, &mut diagnostics), &node);
        (value, diagnostics.iter().cloned().collect())
    }

    #[test]
    fn impossible_dates_point_at_the_value() {
        let (date, diags) = read_with("date: 2021-02-30\n", |r, n| {
            r.date(n.get("date").unwrap(), "date")
        });
        assert!(date.is_none());
        assert_eq!(diags[0].code, "E-bad-date");
        let loc = diags[0].location.as_ref().unwrap();
        assert_eq!((loc.line, loc.column, loc.width), (1, 7, 10));
        let (date, _) = read_with("date: 2024-02-29\n", |r, n| {
            r.date(n.get("date").unwrap(), "date")
        });
        assert_eq!(date.unwrap().to_string(), "2024-02-29");
        let (_, diags) = read_with("date: 2024-2-9\n", |r, n| {
            r.date(n.get("date").unwrap(), "date")
        });
        assert!(
            diags[0]
                .message_text(crate::messages::UiLang::En)
                .contains("YYYY-MM-DD")
        );
    }

    #[test]
    fn unknown_keys_suggest_the_nearest_field() {
        let (_, diags) = read_with("regoin: a\nxyzzy: b\ntitle: c\n", |r, n| {
            r.unknown_keys(
                n.as_map().unwrap(),
                &["title", "region", "tags"],
                msg!("what-this-record"),
            )
        });
        assert_eq!(diags.len(), 2);
        assert_eq!(
            diags[0].hint_text(crate::messages::UiLang::En).as_deref(),
            Some("did you mean `region`?")
        );
        assert!(
            diags[1]
                .hint_text(crate::messages::UiLang::En)
                .as_deref()
                .unwrap()
                .contains("title, region, tags")
        );
    }

    #[test]
    fn language_maps_need_declared_codes() {
        let langs = vec!["zh".to_string(), "ko".to_string()];
        let (is_map, _) = read_with("a: {zh: 培训, ko: 양성}\n", |r, n| {
            r.language_map(n.get("a").unwrap(), &langs).is_some()
        });
        assert!(is_map);
        let (is_map, _) = read_with("a: {name: x}\n", |r, n| {
            r.language_map(n.get("a").unwrap(), &langs).is_some()
        });
        assert!(!is_map);
    }

    #[test]
    fn localized_text_takes_plain_text_or_a_language_map() {
        let langs = vec!["zh".to_string(), "ko".to_string()];
        let (text, diags) = read_with(
            "a: 延吉\nb: {zh: 培训, ko: 양성}\nc: {zh: x, en: y}\n",
            |r, n| {
                let a = r.localized_text(n.get("a").unwrap(), "a", &langs, "ko");
                let b = r.localized_text(n.get("b").unwrap(), "b", &langs, "zh");
                let c = r.localized_text(n.get("c").unwrap(), "c", &langs, "zh");
                (a, b, c)
            },
        );
        assert_eq!(text.0.exact("ko").map(String::as_str), Some("延吉"));
        assert_eq!(text.1.exact("ko").map(String::as_str), Some("양성"));
        assert!(text.2.is_empty());
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0]
                .message_text(crate::messages::UiLang::En)
                .contains("zh, en"),
            "{:?}",
            diags[0].message
        );
        assert_eq!(diags[0].location.as_ref().unwrap().line, 3);
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("regoin", "region"), 2);
        assert_eq!(closest("tag", &["tags", "title"]), Some("tags"));
        assert_eq!(closest("completely", &["tags"]), None);
    }
}
