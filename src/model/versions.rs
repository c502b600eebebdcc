//! What a record's pages in one language show of it, as a digest (issue 16): the values of the
//! language (or of the default language where the record falls back to it) and every shared
//! value, but not the text of its other languages. A saved Chinese title then leaves the
//! record's Korean page and booklet entry as they were.
//!
//! Conservative where it is simple to be: shared values go in whole (their `Debug` text,
//! locations included), so a change a page may not show still renders it again. A field that
//! is added to `Record` must be added here, or its pages go stale: the tests of
//! `render/reads/tests.rs` and the storm of `tests/serve.rs` compare every update with a
//! rendering from scratch.

use std::collections::BTreeMap;
use std::sync::Mutex;

use rustc_hash::FxHashMap;

use crate::content::fields::FieldValue;
use crate::digest::Digest;

use super::Record;

/// Each record's versions in its languages ([`of_language`]) by its [`Record::version`] (its
/// files, and where it is and what assembling gave it: all that `of_language` reads, with
/// site.yaml), kept by `serve` between saves: a save makes the digests of the records it
/// changed only (issue 16; at 10,000 records they were a tenth of a title save). Valid while
/// site.yaml is unchanged: [`VersionMemo::clear`] when it changes.
#[derive(Debug, Default)]
pub struct VersionMemo(Mutex<FxHashMap<u64, BTreeMap<String, u64>>>);

impl VersionMemo {
    /// What is kept, leaving it empty.
    pub fn take(&self) -> FxHashMap<u64, BTreeMap<String, u64>> {
        std::mem::take(&mut *self.lock())
    }

    /// Keeps the versions of the records of the site just assembled, and only those.
    pub fn keep_only<'a>(&self, records: impl Iterator<Item = (u64, &'a BTreeMap<String, u64>)>) {
        *self.lock() = records
            .map(|(version, in_languages)| (version, in_languages.clone()))
            .collect();
    }

    pub fn clear(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FxHashMap<u64, BTreeMap<String, u64>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The digest of `record` in `lang`, after `shared` (the digest of where it is and what
/// assembling gave it).
pub fn of_language(record: &Record, lang: &str, default_lang: &str, shared: u64) -> u64 {
    let mut digest = Digest::new();
    digest
        .add(&shared)
        .add(lang)
        .add(&record.title.get(lang, default_lang))
        .add(&record.summary.get(lang, default_lang))
        .add(
            &record
                .body
                .get(lang, default_lang)
                .map(|(body, lang)| (&*body.value, lang)),
        )
        .add(&record.date)
        .add(&record.updated)
        .add(&record.featured)
        .add(&record.weight)
        .add(&record.path)
        .add(
            &record
                .source
                .as_ref()
                .map(|source| (source.name.get(lang, default_lang), &source.url)),
        )
        .add_debug(&record.images);
    for (name, pictures) in &record.galleries {
        digest.add(name);
        for picture in pictures {
            digest
                .add_debug(&picture.image)
                .add(&picture.caption.get(lang, default_lang))
                .add(&picture.credit.get(lang, default_lang));
        }
    }
    for (name, value) in &record.fields {
        digest.add(name);
        match value {
            FieldValue::Text(value) | FieldValue::Markdown(value) => {
                digest.add(&value.get(lang, default_lang));
            }
            FieldValue::List(value) => {
                digest.add(&value.get(lang, default_lang));
            }
            FieldValue::Gallery(items) => {
                for item in items {
                    digest
                        .add_debug(&item.src)
                        .add(&item.caption.get(lang, default_lang))
                        .add(&item.credit.get(lang, default_lang));
                }
            }
            FieldValue::Metrics(metrics) => {
                for metric in metrics {
                    digest
                        .add(&metric.label.get(lang, default_lang))
                        .add(&metric.value.to_bits())
                        .add(&metric.unit.get(lang, default_lang));
                }
            }
            other => {
                digest.add_debug(other);
            }
        }
    }
    digest.finish()
}
