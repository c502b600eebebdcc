//! The common case of front matter, built straight from the parser's events.
//!
//! `serde_saphyr` builds a [`Node`] through serde, asking for a span at every value; that is
//! half the cost of loading a site. Front matter is nearly always plain: mappings, lists,
//! quoted text, words and numbers. [`parse`] builds those documents from `granit_parser`
//! events (the parser `serde_saphyr` itself uses) and gives up — returning `None` — on
//! anything whose meaning `serde_saphyr` decides: errors, several documents, tags, anchors and
//! aliases, keys that are not scalars and repeated keys. The caller then parses the whole text
//! with `serde_saphyr`. Plain scalars that may be numbers, dates or the like are resolved by
//! `serde_saphyr` one at a time. So both paths give the same tree (a test compares them on
//! every YAML file of the sample site and the test fixtures, and on a generated corpus).

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, Span};

use super::{Key, Node, Pos, Value};

/// Builds the tree of a document `serde_saphyr` would build the same way, or `None`.
pub fn parse(text: &str) -> Option<Node> {
    // Open collections, each with a mapping's key that waits for its value.
    let mut stack: Vec<(Node, Option<Key>)> = Vec::new();
    let mut root = None;
    let mut documents = 0;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        let node = match event {
            Event::StreamStart | Event::DocumentEnd => continue,
            Event::StreamEnd => break,
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return None;
                }
                continue;
            }
            Event::Scalar(value, style, anchor, tag) => {
                if anchor != 0 || tag.is_some() {
                    return None;
                }
                Node {
                    value: scalar(&value, style)?,
                    pos: pos(&span),
                }
            }
            Event::SequenceStart(_, anchor, ref tag) | Event::MappingStart(_, anchor, ref tag) => {
                if anchor != 0 || tag.is_some() {
                    return None;
                }
                let value = match event {
                    Event::MappingStart(..) => Value::Map(Vec::new()),
                    _ => Value::Seq(Vec::new()),
                };
                let open = Node {
                    value,
                    pos: pos(&span),
                };
                stack.push((open, None));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => stack.pop()?.0,
            Event::Comment(..) => continue,
            _ => return None,
        };
        match stack.last_mut() {
            None => root = Some(node),
            Some((open, key)) => add(open, key, node)?,
        }
    }
    if !stack.is_empty() {
        return None;
    }
    Some(root.unwrap_or(Node {
        value: Value::Null,
        pos: Pos { line: 1, column: 1 },
    }))
}

/// Adds `node` to the open collection: an item, a mapping's key, or the value of `key`.
fn add(open: &mut Node, key: &mut Option<Key>, node: Node) -> Option<()> {
    match (&mut open.value, key.take()) {
        (Value::Seq(items), _) => items.push(node),
        (Value::Map(entries), Some(key)) => entries.push((key, node)),
        (Value::Map(entries), None) => {
            // Keys are shown as text; a key that is a list or mapping is left to serde.
            let name = node.scalar_text()?;
            if entries.iter().any(|(k, _)| k.name == name) {
                return None; // serde-saphyr reports the repeated key
            }
            *key = Some(Key {
                name,
                pos: node.pos,
            });
        }
        _ => return None,
    }
    Some(())
}

fn pos(span: &Span) -> Pos {
    Pos {
        line: span.start.line(),
        column: span.start.col() + 1,
    }
}

/// A scalar's value, or `None` when the document is better left to serde-saphyr.
///
/// Quoted and block scalars are text. A plain scalar that starts with a letter is null,
/// true/false (the YAML 1.1 spellings serde-saphyr accepts) or text. Every number, date or
/// special float starts with a digit, a sign, `.` or `~`: those scalars are resolved by
/// serde-saphyr on their own.
fn scalar(value: &str, style: ScalarStyle) -> Option<Value> {
    if style != ScalarStyle::Plain {
        return Some(Value::Str(value.to_string()));
    }
    let Some(first) = value.chars().next() else {
        return Some(Value::Null);
    };
    if !first.is_alphabetic() {
        return resolve_alone(value);
    }
    if !value.is_ascii() {
        return Some(Value::Str(value.to_string()));
    }
    let is = |words: &[&str]| words.iter().any(|w| value.eq_ignore_ascii_case(w));
    Some(if matches!(value, "null" | "Null" | "NULL") {
        Value::Null
    } else if is(&["true", "yes", "y", "on"]) {
        Value::Bool(true)
    } else if is(&["false", "no", "n", "off"]) {
        Value::Bool(false)
    } else {
        Value::Str(value.to_string())
    })
}

/// Resolves a plain scalar by parsing it as a document of its own. A plain scalar reads the same
/// on its own, except `---` and `...` (document markers) and a lone `-` (a list item): where
/// the result is not a scalar, `None` sends the whole document to serde-saphyr.
fn resolve_alone(value: &str) -> Option<Value> {
    if value.starts_with("---") || value.starts_with("...") {
        return None;
    }
    match serde_saphyr::from_str::<Value>(value).ok()? {
        Value::Seq(_) | Value::Map(_) => None,
        scalar => Some(scalar),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Both paths build the same tree wherever the direct one does not give up.
    fn assert_agrees(text: &str, origin: &str) -> bool {
        let Some(direct) = parse(text) else {
            return false;
        };
        let serde = super::super::parse_with_serde(text)
            .unwrap_or_else(|err| panic!("{origin}: serde-saphyr refuses what was built: {err:?}"));
        assert_eq!(direct, serde, "{origin}:\n{text}");
        true
    }

    #[test]
    fn agrees_with_serde_saphyr_on_every_kind_of_scalar() {
        let documents = [
            "title: \"延吉市\"\nsummary: '图们'\nregion: yanji\n",
            "a: 1\nb: -2\nc: +3\nd: 1.5\ne: 1e3\ni: 0x1F\nj: 0o17\n",
            "a: 012\nb: 1_000\nc: 1:30\nd: 2021-02-30\ne: 2024-10-25T10:00:00Z\nf: 99999999999999999999\n",
            "a: true\nb: True\nc: TRUE\nd: yes\ne: No\nf: on\ng: OFF\nh: y\ni: N\nj: tRuE\n",
            "a: null\nb: Null\nc: NULL\nd: ~\ne:\nf: nULL\ng: none\nh: inf\ni: nan\n",
            "b: +\nc: .\nf: 12 万元\ng: 3, 4\nh: -1-2\n",
            "延吉: 市\n1: a\n2.5: b\nyes: c\n",
            "metrics:\n  - {label: {zh: \"党员\", ko: \"당원\"}, value: 450, unit: {zh: 名}}\n  - [a, 1, true]\n",
            "tags: [rencai, 'x', \"y\", 12, ~]\nempty: []\nnone: {}\n",
            "body: |\n  第一行\n  第二行\nfolded: >\n  a\n  b\nplain: a\n  continued line\n",
            "# comment\nkey: value # trailing\n",
            "- a\n- b: 1\n  c: [2]\n",
            "",
            "just text",
        ];
        for text in documents {
            assert!(assert_agrees(text, "sample"), "gave up on:\n{text}");
        }
    }

    #[test]
    fn gives_up_where_serde_saphyr_decides() {
        for text in [
            "a: 1\na: 2\n",
            "a: &x 1\nb: *x\n",
            "a: !!str 12\n",
            "base: &b {x: 1}\nother:\n  <<: *b\n",
            "? [a, b]\n: c\n",
            "a: 1\n---\nb: 2\n",
            "a: [1, 2\n",
            "a: 1\n b: 2\n",
            "yes: 1\ntrue: 2\n",
            // serde-saphyr refuses non-finite floats; its message is kept.
            "f: .inf\n",
            "h: .nan\n",
            // A value read on its own would be a list item or a document marker.
            "a: -\n",
            "d: ---\n",
            "e: ...x\n",
            // A null key.
            "~: d\n",
        ] {
            assert!(parse(text).is_none(), "built:\n{text}");
        }
    }

    /// Every YAML text of the sample site and the fixtures (and of `SHOWCASE_YAML_DIFF_DIR`
    /// when set, e.g. a benchmark corpus).
    #[test]
    fn agrees_with_serde_saphyr_on_every_site_file() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut roots = vec![root.join("content"), root.join("tests/fixtures")];
        roots.extend(std::env::var_os("SHOWCASE_YAML_DIFF_DIR").map(Into::into));
        let (mut built, mut total) = (0, 0);
        for dir in roots {
            for entry in walkdir::WalkDir::new(&dir).into_iter().flatten() {
                let path = entry.path();
                let Ok(text) = std::fs::read_to_string(path) else {
                    continue;
                };
                let yaml = match path.extension().and_then(|e| e.to_str()) {
                    Some("yaml" | "yml") => text.as_str(),
                    Some("md") => match text.strip_prefix("---\n") {
                        Some(rest) => rest.split("\n---").next().unwrap_or(rest),
                        None => continue,
                    },
                    _ => continue,
                };
                total += 1;
                built += usize::from(assert_agrees(yaml, &path.display().to_string()));
            }
        }
        assert!(total > 50, "only {total} YAML texts found");
        assert!(built * 10 >= total * 9, "built {built} of {total} directly");
    }
}
