//! What search indexes, per language: for every record shown in the language, its title, the
//! explicit summary, the body's visible text, the collection's text fields (text, markdown, list,
//! string and enum labels) and the names of its taxonomy terms, taken from what was rendered
//! once (cards, `RecordTexts`) rather than parsed again. `search::build` makes the files.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use rayon::prelude::*;

use super::Rendering;
use super::cards::Localizer;
use crate::content::fields::FieldValue;
use crate::output::{OutputError, Sink};
use crate::search::{self, FileBytes, LanguageIndex, Reusable, SearchDoc};

/// What pages and the build's report need of a language's index once its files are written.
#[derive(Clone)]
pub struct WrittenIndex {
    /// The manifest, relative to the output root: `search/zh/0123456789abcdef.json`.
    pub manifest: String,
    pub docs: usize,
    pub shards: usize,
    pub chunk: usize,
    pub bytes: usize,
    /// Every file's path, relative to the output root.
    pub paths: Vec<String>,
    /// A digest of the records it was made from: an index of records with the same digest is
    /// the same, and `serve` keeps it (issue 16).
    pub digest: u64,
    /// What the next index of the language can reuse of this one, when the sink it was
    /// written to is built on again (`serve`).
    pub reusable: Option<Arc<Reusable>>,
}

/// Builds every language's index and writes its files into `sink`, one language after the
/// other (each is built in parallel), so that only one language's files are in memory at once.
/// A language whose records are what `previous` was made from keeps its files
/// ([`Sink::keep`]) instead; another reuses what it can of the previous index of its language.
pub fn write_indexes(
    r: &Rendering,
    sink: &dyn Sink,
    previous: Option<&BTreeMap<String, WrittenIndex>>,
) -> Result<BTreeMap<String, WrittenIndex>, OutputError> {
    let mut written = BTreeMap::new();
    for language in &r.site.config.languages {
        let lang = language.code.as_str();
        let (positions, (docs, digests)): (Vec<usize>, (Vec<SearchDoc>, Vec<u64>)) =
            (0..r.site.records.len())
                .into_par_iter()
                .filter(|&i| r.site.records[i].is_in(lang))
                .map(|i| (i, doc(r, i, lang, None)))
                .unzip();
        let digest = search::digest(lang, &digests);
        let before = previous.and_then(|previous| previous.get(lang));
        let kept = before
            .filter(|before| before.digest == digest)
            .filter(|before| before.paths.iter().all(|path| sink.keep(path)));
        if let Some(kept) = kept {
            written.insert(lang.to_string(), kept.clone());
            continue;
        }
        let reuse = before.and_then(|before| before.reusable.as_deref());
        let previous_file = |path: &str| sink.has_previous(path);
        let keep = sink.incremental();
        // A record whose texts did not keep the body's text (`serve`) renders it again.
        let complete = |at: usize| {
            let index = positions[at];
            let body = super::bodies::body(r.site, &r.site.records[index], lang, r.counters);
            doc(r, index, lang, Some(body.text)).0
        };
        let all = search::Docs {
            docs: &docs,
            digests: &digests,
            complete: &complete,
        };
        let (index, reusable) = search::build_reusing(lang, &all, reuse, &previous_file, keep);
        r.counters
            .search_runs
            .fetch_add(index.inverted, Ordering::Relaxed);
        let bytes = index.bytes();
        let LanguageIndex {
            manifest,
            docs,
            shards,
            chunk,
            files,
            ..
        } = index;
        let paths = files.iter().map(|(path, _)| path.clone()).collect();
        files
            .into_par_iter()
            .try_for_each(|(path, bytes)| match bytes {
                FileBytes::New(bytes) => sink.put(&path, &bytes),
                FileBytes::Kept { from, .. } => sink.put_previous(&path, &from),
            })?;
        let summary = WrittenIndex {
            manifest,
            docs,
            shards,
            chunk,
            bytes,
            paths,
            digest,
            reusable: reusable.map(Arc::new),
        };
        written.insert(lang.to_string(), summary);
    }
    Ok(written)
}

/// Record `index` as the index sees it in `lang`, and its digest. The body's text is taken
/// from its texts or from `body` (rendered again); when neither has it, it is left out
/// ([`SearchDoc::left_out`]). The digest is the same either way.
fn doc<'r>(
    r: &'r Rendering,
    index: usize,
    lang: &str,
    body: Option<String>,
) -> (SearchDoc<'r>, u64) {
    let site = r.site;
    let record = &site.records[index];
    let card = r.card(index, lang);
    let texts = r.texts.records[index]
        .exact(lang)
        .expect("texts for each language the record is shown in");
    let l = Localizer { site, lang };
    // Only a summary the record writes: an automatic one repeats the body.
    let summary = record
        .summary
        .get(lang, site.default_lang())
        .map(|_| card.summary.as_str());
    let mut owned: Vec<String> = Vec::new();
    let mut field_texts: Vec<&str> = Vec::new();
    if let Some(schema) = site.config.collection(&record.collection) {
        for def in &schema.fields {
            let Some(value) = record.fields.get(&def.name) else {
                continue;
            };
            match value {
                FieldValue::Markdown(_) => {
                    if let Some(text) = texts.field_texts.get(&def.name) {
                        field_texts.push(text);
                    }
                }
                FieldValue::Text(_)
                | FieldValue::List(_)
                | FieldValue::String(_)
                | FieldValue::Enum(_) => {
                    let view = l.field(def, value, texts);
                    owned.push(view.text);
                    owned.extend(view.items);
                }
                _ => {}
            }
        }
    }
    for taxonomy in &site.taxonomies {
        owned.extend(
            l.term_links(record, &taxonomy.key)
                .into_iter()
                .map(|t| t.name),
        );
    }
    let regions: Vec<String> = l
        .field_terms(record, "region")
        .into_iter()
        .map(|t| t.name)
        .collect();
    // The body before the fields and terms: a snippet shows the first best match, and a
    // sentence reads better there than a list of field values.
    let mut lines: Vec<Cow<str>> = summary
        .map(Cow::Borrowed)
        .and_then(trimmed)
        .into_iter()
        .collect();
    let body_at = lines.len();
    lines.extend(
        field_texts
            .into_iter()
            .map(Cow::Borrowed)
            .chain(owned.into_iter().map(Cow::Owned))
            .filter_map(trimmed),
    );
    let mut doc = SearchDoc {
        url: card.url.clone(),
        title: card.title.clone(),
        collection: card.collection_name.clone(),
        region: regions.join("、"),
        date: card.date.clone(),
        date_display: card.date_display.clone(),
        lang_tag: if card.fallback {
            card.lang_tag.clone()
        } else {
            String::new()
        },
        lines,
        left_out: 0,
    };
    let digest = crate::digest::Digest::new()
        .add(&doc)
        .add(&(body_at, texts.text_digest, texts.text_len))
        .finish();
    let body = match body {
        Some(text) => trimmed(Cow::Owned(text)),
        None => trimmed(Cow::Borrowed(texts.body.text.as_str())),
    };
    match body {
        Some(body) => doc.lines.insert(body_at, body),
        None if texts.text_len > 0 => doc.left_out = texts.text_len + 1,
        None => {}
    }
    (doc, digest)
}

/// A line without the spaces around it, or None when nothing is left.
fn trimmed(line: Cow<'_, str>) -> Option<Cow<'_, str>> {
    let trimmed = match line {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
        Cow::Owned(text) if text.trim().len() == text.len() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(text.trim().to_string()),
    };
    (!trimmed.is_empty()).then_some(trimmed)
}
