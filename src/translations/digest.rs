//! The digest of a record's translatable source text (SPEC §3.3): what `translated_from:`
//! records, so that a later change to the source shows the translation as stale. It is computed
//! from parsed values, never from the file's bytes, so reformatting the file (key order, quoting,
//! block or flow style, line endings, blank lines at the ends of the body) changes nothing.

use sha2::{Digest, Sha256};

use crate::config::CollectionSchema;
use crate::content::fields::{FieldValue, RecordFields};

/// How many hex characters of the SHA-256 are kept: 64 bits, plenty to tell versions of one
/// record apart, and short enough to read in a front matter.
pub const DIGEST_LEN: usize = 16;

/// One translatable part of a source record, in the default language.
#[derive(Debug, Clone, PartialEq)]
pub enum SourcePart {
    Text(String),
    List(Vec<String>),
}

/// The translatable parts a source record sets, in digest order: `title`, `summary`, the
/// collection's `text`, `markdown` and `list` fields by name, then `body`. Empty values are left
/// out: an empty field has nothing to translate.
pub fn source_parts(
    fields: &RecordFields,
    lang: &str,
    schema: &CollectionSchema,
) -> Vec<(String, SourcePart)> {
    let mut parts = Vec::new();
    let text = |parts: &mut Vec<(String, SourcePart)>, name: &str, value: Option<&str>| {
        if let Some(value) = value.map(normalize).filter(|v| !v.is_empty()) {
            parts.push((name.to_string(), SourcePart::Text(value)));
        }
    };
    text(
        &mut parts,
        "title",
        fields.title.exact(lang).map(String::as_str),
    );
    text(
        &mut parts,
        "summary",
        fields.summary.exact(lang).map(String::as_str),
    );
    // `custom` is a BTreeMap: by field name, whatever order site.yaml declares them in.
    for (name, value) in &fields.custom {
        let translatable = schema.field(name).is_some_and(|f| f.ty.is_translatable());
        if !translatable {
            continue;
        }
        match value {
            FieldValue::Text(v) | FieldValue::Markdown(v) => {
                text(&mut parts, name, v.exact(lang).map(String::as_str))
            }
            FieldValue::List(v) => {
                if let Some(items) = v.exact(lang).filter(|items| !items.is_empty()) {
                    let items = items.iter().map(|i| normalize(i)).collect();
                    parts.push((name.clone(), SourcePart::List(items)));
                }
            }
            _ => {}
        }
    }
    text(
        &mut parts,
        "body",
        fields.body.exact(lang).map(|b| &*b.value),
    );
    parts
}

/// The digest of a record's translatable parts: the first [`DIGEST_LEN`] hex characters of the
/// SHA-256 of a versioned, length-prefixed encoding of [`source_parts`] — so that no two
/// different sets of values encode alike.
pub fn digest(parts: &[(String, SourcePart)]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"showcase translated_from v1\n");
    for (name, part) in parts {
        match part {
            SourcePart::Text(text) => {
                hasher.update(format!("{name}={}:", text.len()));
                hasher.update(text.as_bytes());
            }
            SourcePart::List(items) => {
                hasher.update(format!("{name}[{}]", items.len()));
                for item in items {
                    hasher.update(format!("{}:", item.len()));
                    hasher.update(item.as_bytes());
                }
            }
        }
        hasher.update(b"\n");
    }
    let hash = hasher.finalize();
    let mut hex = String::with_capacity(DIGEST_LEN);
    for byte in hash.iter().take(DIGEST_LEN / 2) {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// Line endings as `\n` and no whitespace at either end: neither is a change of the text.
fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n").trim().to_string()
}

/// Whether a recorded `translated_from:` value names `digest` (spaces and case aside).
pub fn matches(recorded: &str, digest: &str) -> bool {
    recorded.trim().eq_ignore_ascii_case(digest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::fields::tests::test_config;
    use crate::diagnostics::Diagnostics;
    use crate::source::SourceFile;
    use crate::yaml::Reader;

    /// The digest of a Markdown record written as `text`.
    fn digest_of(text: &str) -> String {
        let config = test_config();
        let file = SourceFile::new("a.zh.md".into(), text.to_string());
        let split = crate::content::frontmatter::split(&file).unwrap();
        let mut d = Diagnostics::default();
        let mut fields = crate::content::fields::read_fields(
            &mut Reader::new(&file, &mut d),
            split.front.as_ref().unwrap(),
            "zh",
            &config.collections[0],
            &config,
        );
        assert!(!d.has_errors(), "{d:?}");
        fields.body = crate::localized::Localized::one(
            "zh",
            crate::content::fields::Located {
                value: split.body.into(),
                at: file.location(1, 1, 1),
            },
        );
        digest(&source_parts(&fields, "zh", &config.collections[0]))
    }

    const SOURCE: &str = "---\ntitle: 红心物业\ndate: 2022-03-15\nowner: 延边州委组织部\napproach: [一, 二]\n---\n\n物业领域建立党支部166个。\n";

    #[test]
    fn the_digest_is_sixteen_hex_characters_and_stable() {
        let d = digest_of(SOURCE);
        assert_eq!(d.len(), DIGEST_LEN);
        assert!(d.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(d, digest_of(SOURCE));
    }

    #[test]
    fn reformatting_the_source_keeps_the_digest() {
        let reformatted = "---\r\napproach:\r\n  - 一\r\n  - \"二\"\r\nowner: '延边州委组织部'\r\ndate: 2022-03-15\r\ntitle: \"红心物业\"\r\nregion: yanji\r\n---\r\n物业领域建立党支部166个。\r\n\r\n\r\n";
        assert_eq!(digest_of(SOURCE), digest_of(reformatted));
    }

    #[test]
    fn shared_fields_do_not_change_the_digest() {
        let other_date = SOURCE.replace("2022-03-15", "2023-01-01");
        assert_eq!(digest_of(SOURCE), digest_of(&other_date));
    }

    #[test]
    fn every_translatable_change_changes_the_digest() {
        let base = digest_of(SOURCE);
        for (from, to) in [
            ("红心物业", "红心物业服务"),
            ("延边州委组织部", "延边州委"),
            ("[一, 二]", "[一, 二, 三]"),
            ("166个。", "167个。"),
        ] {
            assert_ne!(base, digest_of(&SOURCE.replace(from, to)), "{from} → {to}");
        }
        // Moving text between fields is a change too.
        let a = digest_of("---\ntitle: ab\nowner: c\n---\n");
        let b = digest_of("---\ntitle: a\nowner: bc\n---\n");
        assert_ne!(a, b);
    }

    #[test]
    fn recorded_digests_match_whatever_their_case() {
        assert!(matches(" ABCdef0123456789 ", "abcdef0123456789"));
        assert!(!matches("abcdef012345678", "abcdef0123456789"));
    }
}
