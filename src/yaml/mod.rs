//! YAML with positions (`read` turns nodes into typed values with diagnostics). `serde_saphyr` parses the text (rejecting duplicate keys and bounding
//! alias expansion), and we keep a small [`Node`] tree where every value and every key carries
//! its line and column, so that a wrong value is reported at its own line, not at line 1.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{DuplicateKeyPolicy, Options, Spanned};

use crate::messages::{Message, msg};

mod direct;
pub mod escapes;
pub mod read;
pub use read::Reader;

/// A 1-based line and column (in characters) inside the YAML text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

/// A mapping key with its own position (errors about unknown fields point at the key).
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub pos: Pos,
}

/// A YAML syntax error, at a position inside the YAML text.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// What is wrong: ours for a repeated key, else serde-saphyr's own (English) words.
    pub message: Message,
    pub pos: Pos,
    pub kind: SyntaxKind,
}

/// What went wrong, as far as the advice to the user differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxKind {
    RepeatedKey,
    Tab,
    Indentation,
    /// Half of a surrogate pair written as an escape (`"\ud800"`): not a character (issue 14).
    Surrogate,
    Other,
}

impl SyntaxError {
    /// How to fix it, in the words of someone editing front matter or a data file.
    pub fn hint(&self) -> Message {
        match self.kind {
            SyntaxKind::RepeatedKey => msg!("yaml-hint-repeated-key"),
            SyntaxKind::Tab => msg!("yaml-hint-tab"),
            SyntaxKind::Indentation => msg!("yaml-hint-indentation"),
            SyntaxKind::Surrogate => msg!("yaml-hint-surrogate"),
            SyntaxKind::Other => msg!("yaml-hint-other"),
        }
    }

    /// The diagnostic code: `E-control-char` for an unpaired surrogate (a hidden character
    /// problem, issue 14), else `E-yaml`.
    pub fn code(&self) -> &'static str {
        match self.kind {
            SyntaxKind::Surrogate => "E-control-char",
            _ => "E-yaml",
        }
    }
}

/// Parses one YAML document. An empty document is `Null`.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    if text.trim().is_empty() {
        return Ok(Node {
            value: Value::Null,
            pos: Pos { line: 1, column: 1 },
        });
    }
    if let Some(node) = direct::parse(text) {
        return Ok(node);
    }
    parse_with_serde(text)
}

/// The whole of YAML, through serde-saphyr (see `direct` for the common case).
fn parse_with_serde(text: &str) -> Result<Node, SyntaxError> {
    let mut options = Options::default();
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    options.with_snippet = false;
    serde_saphyr::from_str_with_options::<Node>(text, options).map_err(|err| {
        let pos = err
            .location()
            .map(|l| Pos {
                line: l.line() as usize,
                column: l.column() as usize,
            })
            .unwrap_or(Pos { line: 1, column: 1 });
        let (message, kind) = match &err {
            // serde-saphyr's text suggests a library option; the user repeated a field.
            serde_saphyr::Error::DuplicateMappingKey { key, .. } => {
                let message = match key {
                    Some(key) => msg!("yaml-key-twice", key = key),
                    None => msg!("yaml-a-key-twice"),
                };
                (message, SyntaxKind::RepeatedKey)
            }
            _ => {
                let message = plain_message(&err.without_snippet().to_string());
                let lower = message.to_lowercase();
                if lower.contains("surrogate") {
                    let (escape, pos) = surrogate_escape(text, pos);
                    let message = msg!("yaml-unpaired-surrogate", escape = escape);
                    return SyntaxError {
                        message,
                        pos,
                        kind: SyntaxKind::Surrogate,
                    };
                }
                let kind = if lower.contains("tab") {
                    SyntaxKind::Tab
                } else if lower.contains("indent") || lower.contains("mapping values") {
                    SyntaxKind::Indentation
                } else {
                    SyntaxKind::Other
                };
                (msg!("yaml-parser-says", detail = message), kind)
            }
        };
        SyntaxError { message, pos, kind }
    })
}

/// The first `\uD800`–`\uDFFF` escape at or after `pos` (the quoted text the parser refused)
/// and its own position; the parser names only where the text starts.
fn surrogate_escape(text: &str, pos: Pos) -> (String, Pos) {
    let lines = text
        .split('\n')
        .enumerate()
        .skip(pos.line.saturating_sub(1));
    for (index, line) in lines {
        let skip = if index + 1 == pos.line {
            pos.column.saturating_sub(1)
        } else {
            0
        };
        let chars: Vec<char> = line.chars().collect();
        let half_at = |at: usize| -> Option<u32> {
            let escape: String = chars.get(at..at + 6)?.iter().collect();
            let code = u32::from_str_radix(escape.strip_prefix("\\u")?, 16).ok()?;
            (0xd800..0xe000).contains(&code).then_some(code)
        };
        let mut at = skip;
        while at < chars.len() {
            match half_at(at) {
                // A whole pair is a character: look further.
                Some(high) if high < 0xdc00 && half_at(at + 6).is_some_and(|low| low >= 0xdc00) => {
                    at += 12;
                }
                Some(_) => {
                    let pos = Pos {
                        line: index + 1,
                        column: at + 1,
                    };
                    return (chars[at..at + 6].iter().collect(), pos);
                }
                None => at += 1,
            }
        }
    }
    ("\\u".to_string(), pos)
}

/// serde-saphyr appends "at line X column Y" to some messages; we show the position ourselves.
fn plain_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    let cut = first.find(" at line ").unwrap_or(first.len());
    first[..cut].trim_end_matches([',', ':']).to_string()
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[(Key, Node)]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(items) => Some(items),
            _ => None,
        }
    }

    /// The value under `key` when this node is a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map()?
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// A scalar shown as text: strings as they are, numbers and booleans as written.
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// A word for the kind of value, for messages ("expected text, found a list").
    pub fn kind_name(&self) -> Message {
        match self.value {
            Value::Null => msg!("value-nothing"),
            Value::Bool(_) => msg!("value-true-false"),
            Value::Int(_) => msg!("value-whole-number"),
            Value::Float(_) => msg!("value-number"),
            Value::Str(_) => msg!("value-text"),
            Value::Seq(_) => msg!("value-list"),
            Value::Map(_) => msg!("value-mapping"),
        }
    }

    /// Moves every position down by `lines`: front matter starts below its `---` fence.
    pub fn shift_lines(&mut self, lines: usize) {
        self.pos.line += lines;
        match &mut self.value {
            Value::Seq(items) => items.iter_mut().for_each(|n| n.shift_lines(lines)),
            Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
                k.pos.line += lines;
                v.shift_lines(lines);
            }),
            _ => {}
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Value>::deserialize(deserializer)?;
        Ok(Node {
            value: spanned.value,
            pos: Pos {
                line: spanned.referenced.line() as usize,
                column: spanned.referenced.column() as usize,
            },
        })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Node>()? {
            let name = key.scalar_text().unwrap_or_else(|| "?".to_string());
            let value = map.next_value::<Node>()?;
            entries.push((Key { name, pos: key.pos }, value));
        }
        Ok(Value::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values_carry_positions() {
        let node = parse("title: 延吉\nmetrics:\n  - {label: 培训, value: 21652}\n").unwrap();
        let map = node.as_map().unwrap();
        assert_eq!(map[0].0.name, "title");
        assert_eq!(map[0].0.pos, Pos { line: 1, column: 1 });
        assert_eq!(map[0].1.pos, Pos { line: 1, column: 8 });
        let metric = &node.get("metrics").unwrap().as_seq().unwrap()[0];
        assert_eq!(metric.get("value").unwrap().value, Value::Int(21652));
        assert_eq!(metric.get("value").unwrap().pos.line, 3);
    }

    #[test]
    fn scalars_keep_their_types() {
        let node = parse("a: 2021-02-30\nb: true\nc: 1.5\nd:\ne: '12'").unwrap();
        assert_eq!(node.get("a").unwrap().as_str(), Some("2021-02-30"));
        assert_eq!(node.get("b").unwrap().value, Value::Bool(true));
        assert_eq!(node.get("c").unwrap().value, Value::Float(1.5));
        assert!(node.get("d").unwrap().is_null());
        assert_eq!(node.get("e").unwrap().as_str(), Some("12"));
    }

    #[test]
    fn duplicate_keys_are_errors_at_the_second_key() {
        let err = parse("title: a\ndate: 2020-01-01\ntitle: b\n").unwrap_err();
        assert_eq!(err.pos.line, 3, "{err:?}");
        assert_eq!(
            err.message.text(crate::messages::UiLang::En),
            "`title` is written twice"
        );
        assert_eq!(err.kind, SyntaxKind::RepeatedKey);
        assert!(
            err.hint()
                .text(crate::messages::UiLang::En)
                .contains("only once")
        );
    }

    #[test]
    fn a_tab_gets_the_tab_advice() {
        let err = parse("a:\n\t- b\n").unwrap_err();
        assert_eq!(err.kind, SyntaxKind::Tab, "{err:?}");
    }

    #[test]
    fn syntax_errors_have_a_line() {
        let err = parse("title: [a, b\ndate: x\n").unwrap_err();
        assert!(err.pos.line >= 1, "{err:?}");
        let err = parse("a: 1\n b: 2\n").unwrap_err();
        assert_eq!(err.pos.line, 2, "{err:?}");
    }

    #[test]
    fn shifting_moves_every_position() {
        let mut node = parse("a:\n  - b: 1\n").unwrap();
        node.shift_lines(1);
        let inner = &node.get("a").unwrap().as_seq().unwrap()[0];
        assert_eq!(inner.get("b").unwrap().pos.line, 3);
        assert_eq!(inner.as_map().unwrap()[0].0.pos.line, 3);
    }

    #[test]
    fn an_unpaired_surrogate_is_a_hidden_character_error_at_its_escape() {
        let err = parse("a: \"延吉\\ud83d\\ude00 x\\ud800\"\n").unwrap_err();
        assert_eq!(err.kind, SyntaxKind::Surrogate, "{err:?}");
        assert_eq!(err.code(), "E-control-char");
        assert_eq!(
            err.pos,
            Pos {
                line: 1,
                column: 21
            }
        );
        assert_eq!(
            err.message.text(crate::messages::UiLang::En),
            "`\\ud800` is half of a character (an unpaired surrogate), not a character"
        );
        let err = parse("a: \"\\udc00\"\n").unwrap_err();
        assert_eq!((err.code(), err.pos.column), ("E-control-char", 5));
        assert_eq!(parse("a: [1\n").unwrap_err().code(), "E-yaml");
    }

    #[test]
    fn empty_text_is_null() {
        assert!(parse("  \n").unwrap().is_null());
    }
}
