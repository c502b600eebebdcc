//! Translation status (SPEC §3.3, §5): for every record and every language other than the
//! default, whether its translation is complete, partial (some translatable fields fall back to
//! the default language), stale (the source changed after the translation was stamped) or
//! missing. It works on the loaded [`Content`] and [`SiteConfig`], before the model is
//! assembled, so `check` and `showcase translations` share it; it does no IO (the command reads
//! and writes files, see `stamp`).

pub mod digest;
pub mod stamp;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::config::SiteConfig;
use crate::content::pairing::Pairing;
use crate::content::{Content, RawRecord, RecordFormat, pair};
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::messages::{Message, msg};
use digest::{SourcePart, source_parts};

/// The status of one record in one translation language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    /// Every translatable field the source sets is translated.
    Complete,
    /// Some translatable fields are not translated: the default language's text is shown there.
    Partial,
    /// The translation's `translated_from:` names an older version of the source. (Whether it
    /// is also partial is in [`RecordStatus::untranslated`].)
    Stale,
    /// No translation file and no value in this language in the default-language file.
    Missing,
}

impl State {
    /// The name used in `--format json`.
    pub fn key(self) -> &'static str {
        match self {
            State::Complete => "complete",
            State::Partial => "partial",
            State::Stale => "stale",
            State::Missing => "missing",
        }
    }
}

/// One record in one translation language.
#[derive(Debug, Clone)]
pub struct RecordStatus {
    pub collection: String,
    pub id: String,
    /// The record's title in the default language, to recognize it by.
    pub title: String,
    /// The translation language.
    pub lang: String,
    pub state: State,
    /// The translatable fields the source sets and this language does not (they fall back), in
    /// digest order: `title`, `summary`, the collection's fields by name, `body`.
    pub untranslated: Vec<String>,
    /// The default-language file (for YAML records, the one file of every language).
    pub source: PathBuf,
    pub format: RecordFormat,
    /// The translation file, for Markdown records that have one.
    pub translation: Option<PathBuf>,
    /// The current digest of the source's translatable text.
    pub digest: String,
    /// What the translation's `translated_from:` says, if it has one.
    pub translated_from: Option<String>,
    source_start: Location,
    translation_start: Option<Location>,
    translated_from_at: Option<Location>,
}

impl RecordStatus {
    /// `collection/id`, as `--stamp` takes it.
    pub fn record(&self) -> String {
        format!("{}/{}", self.collection, self.id)
    }
}

/// The status of every record in every translation language.
#[derive(Debug, Clone)]
pub struct Report {
    pub default_lang: String,
    /// The translation languages, in site.yaml order (empty for a site of one language).
    pub languages: Vec<String>,
    /// By collection (in site.yaml order), record id, then language.
    pub records: Vec<RecordStatus>,
}

/// Counts of one language, or of one collection in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: usize,
    pub complete: usize,
    pub partial: usize,
    pub stale: usize,
    pub missing: usize,
}

impl Tally {
    fn add(&mut self, state: State) {
        self.total += 1;
        match state {
            State::Complete => self.complete += 1,
            State::Partial => self.partial += 1,
            State::Stale => self.stale += 1,
            State::Missing => self.missing += 1,
        }
    }

    /// The share of complete translations in whole percent, rounded down so that 100 means
    /// every one; 100 when there is nothing to translate.
    pub fn percent(&self) -> usize {
        (self.complete * 100).checked_div(self.total).unwrap_or(100)
    }
}

impl Report {
    /// Each translation language with its counts, in site.yaml order.
    pub fn by_language(&self) -> Vec<(String, Tally)> {
        self.languages
            .iter()
            .map(|lang| {
                let mut tally = Tally::default();
                for status in self.records.iter().filter(|s| &s.lang == lang) {
                    tally.add(status.state);
                }
                (lang.clone(), tally)
            })
            .collect()
    }

    /// Each collection and translation language that has records, with its counts.
    pub fn by_collection(&self) -> Vec<(String, String, Tally)> {
        let mut out: Vec<(String, String, Tally)> = Vec::new();
        for status in &self.records {
            let found = out
                .iter_mut()
                .find(|(c, l, _)| *c == status.collection && *l == status.lang);
            match found {
                Some((_, _, tally)) => tally.add(status.state),
                None => {
                    let mut tally = Tally::default();
                    tally.add(status.state);
                    out.push((status.collection.clone(), status.lang.clone(), tally));
                }
            }
        }
        let lang_order = |lang: &str| self.languages.iter().position(|l| l == lang);
        let collection_order: Vec<&str> =
            self.records.iter().map(|s| s.collection.as_str()).collect();
        let first = |c: &str| collection_order.iter().position(|x| *x == c);
        out.sort_by_key(|(c, l, _)| (first(c), lang_order(l)));
        out
    }
}

/// A record's default-language file and its translation files, as the model pairs them.
pub(crate) struct RecordFiles<'a> {
    pub source: &'a RawRecord,
    /// Translation language → its file (Markdown records only).
    pub translations: BTreeMap<&'a str, &'a RawRecord>,
}

/// Every record whose default-language file was read, by collection (site.yaml order) and id,
/// as `pairing` pairs them (its problems are reported by whoever made it).
pub(crate) fn record_files<'a>(content: &'a Content, pairing: &Pairing) -> Vec<RecordFiles<'a>> {
    pairing
        .records
        .iter()
        .filter_map(|paired| {
            let source = &*content.records[paired.source?];
            let translations = paired
                .translations
                .iter()
                .map(|&i| (content.records[i].lang.as_str(), &*content.records[i]))
                .collect();
            Some(RecordFiles {
                source,
                translations,
            })
        })
        .collect()
}

/// The status of every record in every translation language. A translation file that could
/// not be read (its error is reported by loading) is left out of the report.
pub fn status(config: &SiteConfig, content: &Content) -> Report {
    status_of(config, content, &pair(config, content))
}

/// [`status`] of files already paired (`showcase translations` reports the pairing's errors).
pub fn status_of(config: &SiteConfig, content: &Content, pairing: &Pairing) -> Report {
    let default_lang = config.default_lang();
    let languages: Vec<String> = config.lang_codes().into_iter().skip(1).collect();
    let mut records = Vec::new();
    for files in record_files(content, pairing) {
        let source = files.source;
        let Some(schema) = config.collection(&source.collection) else {
            continue;
        };
        let parts = source_parts(&source.fields, default_lang, schema);
        let digest = digest::digest(&parts);
        let title = source
            .fields
            .title
            .exact(default_lang)
            .cloned()
            .unwrap_or_default();
        for lang in &languages {
            let unreadable = content.unparsed.contains(&(
                source.collection.clone(),
                source.id.clone(),
                lang.clone(),
            ));
            if unreadable {
                continue;
            }
            let translation = files.translations.get(lang.as_str()).copied();
            let untranslated: Vec<String> = parts
                .iter()
                .filter(|(name, part)| !is_translated(name, part, source, translation, lang))
                .map(|(name, _)| name.clone())
                .collect();
            let translated_from = translation.and_then(|t| t.fields.translated_from.clone());
            let state = if translation.is_none() && untranslated.len() == parts.len() {
                State::Missing
            } else if translated_from
                .as_deref()
                .is_some_and(|recorded| !digest::matches(recorded, &digest))
            {
                State::Stale
            } else if untranslated.is_empty() {
                State::Complete
            } else {
                State::Partial
            };
            records.push(RecordStatus {
                collection: source.collection.clone(),
                id: source.id.clone(),
                title: title.clone(),
                lang: lang.clone(),
                state,
                untranslated,
                source: source.path.clone(),
                format: source.format,
                translation: translation.map(|t| t.path.clone()),
                digest: digest.clone(),
                translated_from,
                source_start: source.start.clone(),
                translation_start: translation.map(|t| t.start.clone()),
                translated_from_at: translation.and_then(|t| {
                    t.fields
                        .keys
                        .iter()
                        .find(|(k, _)| k == "translated_from")
                        .map(|(_, at)| at.clone())
                }),
            });
        }
    }
    Report {
        default_lang: default_lang.to_string(),
        languages,
        records,
    }
}

/// Whether `lang` has its own value of a source part: in the translation file, or as a
/// language-map value (`{zh: …, ko: …}`) in the default-language file.
fn is_translated(
    name: &str,
    part: &SourcePart,
    source: &RawRecord,
    translation: Option<&RawRecord>,
    lang: &str,
) -> bool {
    let has = |file: &RawRecord| -> bool {
        let fields = &file.fields;
        let text = |value: Option<&str>| value.is_some_and(|v| !v.trim().is_empty());
        match (name, part) {
            ("title", _) => text(fields.title.exact(lang).map(String::as_str)),
            ("summary", _) => text(fields.summary.exact(lang).map(String::as_str)),
            ("body", _) => text(fields.body.exact(lang).map(|b| &*b.value)),
            (name, _) => match fields.custom.get(name) {
                Some(
                    crate::content::fields::FieldValue::Text(v)
                    | crate::content::fields::FieldValue::Markdown(v),
                ) => text(v.exact(lang).map(String::as_str)),
                Some(crate::content::fields::FieldValue::List(v)) => {
                    v.exact(lang).is_some_and(|items| !items.is_empty())
                }
                _ => false,
            },
        }
    };
    translation.is_some_and(has) || has(source)
}

/// The translation problems `showcase check` reports, all warnings: `W-stale-translation`,
/// `W-missing-translation` and `W-partial-translation`.
pub fn diagnostics(config: &SiteConfig, content: &Content) -> Diagnostics {
    diagnostics_of(&status(config, content))
}

/// The diagnostics of a report already computed.
pub fn diagnostics_of(report: &Report) -> Diagnostics {
    let default_lang = report.default_lang.as_str();
    let mut out = Diagnostics::default();
    for status in &report.records {
        let lang = status.lang.as_str();
        let record = status.record();
        let yaml = status.format == RecordFormat::Yaml;
        match status.state {
            State::Complete | State::Partial => {}
            State::Stale => {
                let at = status
                    .translated_from_at
                    .clone()
                    .or_else(|| status.translation_start.clone());
                out.push(
                    Diagnostic::warning(
                        "W-stale-translation",
                        msg!(
                            "check-translation-stale",
                            lang = lang,
                            default = default_lang,
                            source = &status.source
                        ),
                    )
                    .at_opt(at)
                    .hint(msg!(
                        "check-translation-stale-hint",
                        source = &status.source,
                        record = &record
                    )),
                );
            }
            State::Missing => {
                let hint = if yaml {
                    msg!(
                        "check-translation-missing-yaml-hint",
                        lang = lang,
                        default = default_lang
                    )
                } else {
                    msg!(
                        "check-translation-missing-hint",
                        collection = &status.collection,
                        id = &status.id,
                        lang = lang
                    )
                };
                out.push(
                    Diagnostic::warning(
                        "W-missing-translation",
                        msg!("check-translation-missing", lang = lang),
                    )
                    .at(status.source_start.clone())
                    .hint(hint),
                );
            }
        }
        if status.state != State::Missing && !status.untranslated.is_empty() {
            let fields = status
                .untranslated
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let hint = if yaml {
                msg!(
                    "check-translation-partial-yaml-hint",
                    lang = lang,
                    default = default_lang
                )
            } else if status.translation.is_none() {
                // Only language maps of the default-language file are translated so far.
                msg!(
                    "check-translation-missing-hint",
                    collection = &status.collection,
                    id = &status.id,
                    lang = lang
                )
            } else {
                msg!(
                    "check-translation-partial-hint",
                    lang = lang,
                    default = default_lang,
                    source = &status.source
                )
            };
            let at = status
                .translation_start
                .clone()
                .unwrap_or_else(|| status.source_start.clone());
            out.push(
                Diagnostic::warning(
                    "W-partial-translation",
                    msg!(
                        "check-translation-partial",
                        lang = lang,
                        default = default_lang,
                        fields = fields
                    ),
                )
                .at(at)
                .hint(hint),
            );
        }
    }
    out
}

/// A translation file `--stamp` writes, and the digest it records there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StampTarget {
    pub file: PathBuf,
    pub digest: String,
}

/// Why `--stamp` refuses: a message and, where there is advice, a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StampRefusal {
    pub message: Message,
    pub hint: Option<Message>,
}

impl StampRefusal {
    fn new(message: Message, hint: Option<Message>) -> StampRefusal {
        StampRefusal { message, hint }
    }
}

/// The translation files of `record` (`collection/id`) to stamp with its current digest: the
/// one in `to`, or every one it has. YAML records are refused: their translations are language
/// maps beside the source text, in the same file, so there is nothing to stamp and nothing can
/// go stale unseen. A record whose source or translation file has errors is refused too: its
/// digest would not be that of what the translator sees.
pub fn stamp_plan(
    config: &SiteConfig,
    content: &Content,
    record: &str,
    to: Option<&str>,
) -> Result<Vec<StampTarget>, StampRefusal> {
    let default_lang = config.default_lang();
    let bad_record = || {
        StampRefusal::new(
            msg!("translations-stamp-bad-record", record = record),
            Some(msg!("translations-stamp-bad-record-hint")),
        )
    };
    let (collection, id) = record
        .trim_matches('/')
        .split_once('/')
        .ok_or_else(bad_record)?;
    if id.is_empty() || id.contains('/') {
        return Err(bad_record());
    }
    let Some(schema) = config.collection(collection) else {
        let collections: Vec<&str> = config.collections.iter().map(|c| c.key.as_str()).collect();
        return Err(StampRefusal::new(
            msg!(
                "translations-stamp-unknown-collection",
                collection = collection
            ),
            Some(msg!(
                "translations-stamp-unknown-collection-hint",
                collections = collections.join(", ")
            )),
        ));
    };
    let unreadable = |lang: &str| {
        content
            .unparsed
            .contains(&(collection.to_string(), id.to_string(), lang.to_string()))
    };
    let broken = |what: String| {
        StampRefusal::new(
            msg!("translations-stamp-broken", file = what),
            Some(msg!("translations-stamp-broken-hint")),
        )
    };
    if unreadable(default_lang) {
        return Err(broken(format!("{collection}/{id}.{default_lang}")));
    }
    let pairing = pair(config, content);
    let all = record_files(content, &pairing);
    let Some(files) = all
        .iter()
        .find(|f| f.source.collection == collection && f.source.id == id)
    else {
        return Err(StampRefusal::new(
            msg!("translations-stamp-unknown-record", record = record),
            Some(msg!(
                "translations-stamp-unknown-record-hint",
                lang = default_lang
            )),
        ));
    };
    if files.source.format == RecordFormat::Yaml {
        return Err(StampRefusal::new(
            msg!("translations-stamp-yaml", file = &files.source.path),
            Some(msg!("translations-stamp-yaml-hint")),
        ));
    }
    let languages: Vec<String> = config.lang_codes().into_iter().skip(1).collect();
    let no_translation = |lang: &str| {
        StampRefusal::new(
            msg!(
                "translations-stamp-no-translation",
                record = record,
                lang = lang
            ),
            Some(msg!(
                "translations-stamp-no-translation-hint",
                collection = collection,
                id = id,
                lang = lang
            )),
        )
    };
    let chosen: Vec<&str> = match to {
        Some(lang) if languages.iter().any(|l| l == lang) => {
            if unreadable(lang) {
                return Err(broken(format!("{collection}/{id}.{lang}")));
            }
            if !files.translations.contains_key(lang) {
                return Err(no_translation(lang));
            }
            vec![lang]
        }
        Some(lang) => {
            return Err(StampRefusal::new(
                msg!("translations-stamp-bad-lang", lang = lang),
                Some(msg!(
                    "translations-stamp-bad-lang-hint",
                    langs = languages.join(", ")
                )),
            ));
        }
        None => {
            if let Some(lang) = languages.iter().find(|l| unreadable(l)) {
                return Err(broken(format!("{collection}/{id}.{lang}")));
            }
            if files.translations.is_empty() {
                let hint = languages.first().map(|lang| {
                    msg!(
                        "translations-stamp-no-translation-hint",
                        collection = collection,
                        id = id,
                        lang = lang
                    )
                });
                return Err(StampRefusal::new(
                    msg!("translations-stamp-none", record = record),
                    hint,
                ));
            }
            files.translations.keys().copied().collect()
        }
    };
    let digest = digest::digest(&source_parts(&files.source.fields, default_lang, schema));
    Ok(chosen
        .into_iter()
        .filter_map(|lang| files.translations.get(lang))
        .map(|file| StampTarget {
            file: file.path.clone(),
            digest: digest.clone(),
        })
        .collect())
}

#[cfg(test)]
mod tests;
