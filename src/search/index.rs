//! One language's search index as static files: the terms of every record (see `tokenize`)
//! inverted into posting lists, spread over shards by a hash of the term so that a query
//! downloads only the shards of its own terms, and the records' display text in chunks of a few
//! records, so that a query downloads only the records it shows. The byte formats are described
//! in `themes/default/README.md` ("Search"); the client is `assets/search.js`.
//!
//! Deterministic: terms are written sorted, records in the order given. Every file is named
//! after a hash of its bytes, and a manifest, named the same way, lists them (as Pagefind
//! does): a static host's cache cannot mix two builds, and a saved record changes the names
//! of the few files it changes only. Made from runs of records (see `runs`), which `serve`
//! keeps between saves with the display chunks and the shards.

use std::borrow::Cow;
use std::fmt::Write;
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64;

use super::runs::{self, Run, RunTerm, write_varint};
use crate::digest::Digest;

/// A shard aims at about this many bytes; their number is a power of two.
const SHARD_TARGET: usize = 32 * 1024;
/// A chunk of records' display text aims at about this many bytes.
const CHUNK_TARGET: usize = 16 * 1024;

/// A record as the index sees it, in one language.
#[derive(Debug, Clone, Default, Hash)]
pub struct SearchDoc<'a> {
    pub url: String,
    pub title: String,
    /// The collection's name in this language.
    pub collection: String,
    /// The names of the record's regions, joined with `、`.
    pub region: String,
    /// `2023-05-01`.
    pub date: String,
    /// `2023年5月1日`.
    pub date_display: String,
    /// The language tag of the text when it differs from the page's (an untranslated record),
    /// else empty.
    pub lang_tag: String,
    /// Everything else that is searched, one field or block a line (the caller chooses what:
    /// `render::search` gives summary, body, the collection's text fields, term names), each
    /// borrowed where the caller holds it already: at 10,000 records a copy of every body would
    /// be about 80 MB per language.
    pub lines: Vec<Cow<'a, str>>,
    /// How long the lines left out of `lines` are, each with its line break: `serve` does not
    /// keep bodies' text, and [`Docs::complete`] gives the record with them when its run or
    /// chunk is made again. 0 when nothing was left out.
    pub left_out: usize,
}

/// The records of a language's index, each with its digest (two records with the same give
/// the same index), and how to complete one that left lines out.
pub struct Docs<'d, 'a> {
    pub docs: &'d [SearchDoc<'a>],
    pub digests: &'d [u64],
    /// The record at a position of `docs`, with every line.
    pub complete: &'d (dyn Fn(usize) -> SearchDoc<'a> + Sync),
}

impl<'a> Docs<'_, 'a> {
    /// The records of `range`, with every line.
    fn full(&self, range: std::ops::Range<usize>) -> Cow<'_, [SearchDoc<'a>]> {
        let docs = &self.docs[range.clone()];
        if docs.iter().all(|doc| doc.left_out == 0) {
            return Cow::Borrowed(docs);
        }
        let full = range
            .zip(docs)
            .map(|(i, doc)| {
                if doc.left_out == 0 {
                    doc.clone()
                } else {
                    (self.complete)(i)
                }
            })
            .collect();
        Cow::Owned(full)
    }
}

impl SearchDoc<'_> {
    /// The lines as one text, as the display rows hold it.
    fn text(&self) -> String {
        self.lines.join("\n")
    }

    fn text_len(&self) -> usize {
        self.lines.iter().map(|line| line.len() + 1).sum::<usize>() + self.left_out
    }
}

/// The files of one language's index, ready for the sink.
#[derive(Debug, Clone, Default)]
pub struct LanguageIndex {
    /// The manifest, relative to the output root: `search/zh/0123456789abcdef.json`, which
    /// names the shards and chunks (each `search/zh/<hash of its bytes>.bin` or `.json`).
    pub manifest: String,
    pub docs: usize,
    /// Number of term shards, a power of two.
    pub shards: usize,
    /// Records per chunk of display text.
    pub chunk: usize,
    /// `(path relative to the output root, bytes)`.
    pub files: Vec<(String, FileBytes)>,
    /// Runs of records inverted for it (the others were reused).
    pub inverted: usize,
}

impl LanguageIndex {
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|(_, bytes)| bytes.len()).sum()
    }
}

/// A run of records aims at about this many: a saved record costs inverting its run again, and
/// each run brings its own copy of the terms it shares with the others to the merge.
const RUN_DOCS: u64 = 256;
/// No run is longer, whatever the records' URLs hash to.
const MAX_RUN: usize = 4 * RUN_DOCS as usize;

/// What an index was made of, kept by `serve` for the next index of the language (issue 16):
/// the runs of records inverted, and the display chunks written, each by a digest of its
/// records. The next index inverts only the runs whose records changed and takes the chunks
/// whose records did not from the files of this one.
#[derive(Default)]
pub struct Reusable {
    runs: FxHashMap<u64, Arc<Run>>,
    /// Shard digest (what the shard is made of) → the shard's path, the hash of its bytes
    /// and their length.
    shards: FxHashMap<u64, (String, u64, usize)>,
    /// Chunk digest → the chunk's path, the hash of its bytes and their length.
    chunks: FxHashMap<u64, (String, u64, usize)>,
}

/// A file's bytes: new, or those of the file `from` of the index that [`Reusable`] parts
/// came from, which the sink still has (and copies without reading them here).
#[derive(Debug, Clone)]
pub enum FileBytes {
    New(Vec<u8>),
    Kept { from: String, len: usize },
}

impl FileBytes {
    fn kept(from: &str, len: usize) -> FileBytes {
        FileBytes::Kept {
            from: from.to_string(),
            len,
        }
    }

    pub fn len(&self) -> usize {
        match self {
            FileBytes::New(bytes) => bytes.len(),
            FileBytes::Kept { len, .. } => *len,
        }
    }
}

/// A digest of each record as the index sees it, in parallel.
#[cfg(test)]
pub fn digests(docs: &[SearchDoc]) -> Vec<u64> {
    docs.par_iter()
        .map(|doc| Digest::new().add(doc).finish())
        .collect()
}

/// A digest of the index of `lang` made from records with these `digests`: two indexes with
/// the same are the same.
pub fn digest(lang: &str, digests: &[u64]) -> u64 {
    Digest::new().add(lang).add(digests).finish()
}

/// Builds the index of `docs` for language `lang`, from nothing.
#[cfg(test)]
pub fn build(lang: &str, docs: &[SearchDoc]) -> LanguageIndex {
    let digests = digests(docs);
    let docs = Docs {
        docs,
        digests: &digests,
        complete: &|i| panic!("record {i} is complete"),
    };
    build_reusing(lang, &docs, None, &|_| false, false).0
}

/// Builds the index of `all` records, taking what it can from `reuse`; `previous` tells
/// whether a file of the index `reuse` came from can still be copied. Returns, when asked to
/// `keep` it, what the next index can reuse of this one.
pub fn build_reusing(
    lang: &str,
    all: &Docs,
    reuse: Option<&Reusable>,
    previous: &(dyn Fn(&str) -> bool + Sync),
    keep: bool,
) -> (LanguageIndex, Option<Reusable>) {
    let (docs, digests) = (all.docs, all.digests);
    let bounds = run_bounds(docs);
    let run_digests: Vec<u64> = bounds
        .iter()
        .map(|run| Digest::new().add(&digests[run.clone()]).finish())
        .collect();
    let runs: Vec<(Arc<Run>, bool)> = bounds
        .par_iter()
        .zip(&run_digests)
        .map(
            |(run, digest)| match reuse.and_then(|r| r.runs.get(digest)) {
                Some(kept) => (kept.clone(), false),
                None => (Arc::new(runs::invert(&all.full(run.clone()))), true),
            },
        )
        .collect();
    let inverted = runs.iter().filter(|(_, new)| *new).count();
    let runs: Vec<Arc<Run>> = runs.into_iter().map(|(run, _)| run).collect();
    let starts: Vec<u32> = bounds.iter().map(|run| run.start as u32).collect();

    let estimate: usize = runs.iter().map(|run| run.shard_bytes()).sum();
    let shards = estimate.div_ceil(SHARD_TARGET).max(1).next_power_of_two();
    // What each shard is made of, when a next index may take it (`keep`) or this one may take
    // shards of the last (`reuse`): a saved record changes the shards of its own terms only.
    let shard_digests: Option<Vec<u64>> = (keep || reuse.is_some()).then(|| {
        let of_runs: Vec<_> = runs
            .par_iter()
            .map(|run| run.shard_digests(shards))
            .collect();
        (0..shards)
            .into_par_iter()
            .map(|shard| {
                let mut digest = Digest::new();
                digest.add(&(shard, shards));
                for (start, of_run) in starts.iter().zip(&of_runs) {
                    if of_run[shard] != 0 {
                        digest.add(&(start, of_run[shard]));
                    }
                }
                digest.finish()
            })
            .collect()
    });
    let shard_files: Vec<(FileBytes, u64)> = (0..shards)
        .into_par_iter()
        .map(|shard| {
            let digest = shard_digests.as_ref().map(|digests| digests[shard]);
            let kept = digest
                .and_then(|digest| reuse?.shards.get(&digest))
                .filter(|(path, ..)| previous(path));
            match kept {
                Some((from, hash, len)) => (FileBytes::kept(from, *len), *hash),
                None => {
                    let bytes = encode_shard(shard, shards, &runs, &starts);
                    let hash = xxh3_64(&bytes);
                    (FileBytes::New(bytes), hash)
                }
            }
        })
        .collect();
    // Not kept, the runs go before the display text is made: a build's peak memory is here.
    let runs = keep.then(|| run_digests.into_iter().zip(runs).collect());

    // Records per chunk, from their average size (a row is about its text).
    let text: usize = docs
        .iter()
        .map(|d| d.title.len() + d.text_len() + d.url.len())
        .sum();
    let chunk = (CHUNK_TARGET / (text / docs.len().max(1)).max(1)).max(1);
    // Each chunk with the digest of its records and the hash of its bytes.
    let chunk_files: Vec<(u64, FileBytes, u64)> = digests
        .par_chunks(chunk)
        .enumerate()
        .map(|(i, digests)| {
            let digest = Digest::new().add(digests).finish();
            let kept = reuse
                .and_then(|r| r.chunks.get(&digest))
                .filter(|(path, ..)| previous(path));
            match kept {
                Some((from, hash, len)) => (digest, FileBytes::kept(from, *len), *hash),
                None => {
                    let start = i * chunk;
                    let bytes = chunk_rows(&all.full(start..start + digests.len()));
                    let hash = xxh3_64(&bytes);
                    (digest, FileBytes::New(bytes), hash)
                }
            }
        })
        .collect();

    // Every file is named after its bytes, so a file that did not change keeps its address (a
    // save rewrites a few shards and chunks, and `publish` sends only those), and a host's
    // cache cannot serve an old file for a new one. The manifest lists them in order.
    let folder = format!("search/{lang}/");
    let name = |hash: u64, extension: &str| format!("{folder}{hash:016x}.{extension}");
    let mut manifest = String::with_capacity(32 + 16 * (shards + chunk_files.len()));
    manifest.push_str("{\"t\":\"");
    let mut files: Vec<(String, FileBytes)> = Vec::with_capacity(shards + chunk_files.len() + 1);
    let mut kept_shards = FxHashMap::default();
    for (i, (bytes, hash)) in shard_files.into_iter().enumerate() {
        let path = name(hash, "bin");
        if let Some(digests) = &shard_digests {
            kept_shards.insert(digests[i], (path.clone(), hash, bytes.len()));
        }
        let _ = write!(manifest, "{hash:016x}");
        files.push((path, bytes));
    }
    manifest.push_str("\",\"d\":\"");
    let mut kept_chunks = FxHashMap::default();
    for (digest, bytes, hash) in chunk_files {
        let path = name(hash, "json");
        if keep {
            kept_chunks.insert(digest, (path.clone(), hash, bytes.len()));
        }
        let _ = write!(manifest, "{hash:016x}");
        files.push((path, bytes));
    }
    manifest.push_str("\"}");
    let manifest_path = name(xxh3_64(manifest.as_bytes()), "json");
    files.push((manifest_path.clone(), FileBytes::New(manifest.into_bytes())));
    // Two shards or chunks with the same bytes are one file.
    let mut seen = rustc_hash::FxHashSet::default();
    files.retain(|(path, _)| seen.insert(path.clone()));
    let reusable = runs.map(|runs| Reusable {
        runs,
        shards: kept_shards,
        chunks: kept_chunks,
    });
    let index = LanguageIndex {
        manifest: manifest_path,
        docs: docs.len(),
        shards,
        chunk,
        files,
        inverted,
    };
    (index, reusable)
}

/// Where runs of records start and end. A run ends after a record whose URL hashes to one of
/// [`RUN_DOCS`] values, so runs depend on the records around them only: a record added,
/// removed or edited changes one run, and the others keep their digests.
fn run_bounds(docs: &[SearchDoc]) -> Vec<Range<usize>> {
    let mut bounds = Vec::new();
    let mut start = 0;
    for (i, doc) in docs.iter().enumerate() {
        let last = xxh3_64(doc.url.as_bytes()).is_multiple_of(RUN_DOCS) || i + 1 - start == MAX_RUN;
        if last || i + 1 == docs.len() {
            bounds.push(start..i + 1);
            start = i + 1;
        }
    }
    bounds
}

/// A shard: for each term, sorted by its UTF-8 bytes, `len term count size postings`, where
/// `size` is the postings' length in bytes and each posting is `doc-delta (count<<1 | in-title)
/// [title-length if in title] [first-position unless the term is one character]`, all LEB128.
/// The runs' postings are copied, only the record number of each run's first posting is
/// written again: the run numbers its records from its own first, at `starts`.
fn encode_shard(shard: usize, shards: usize, runs: &[Arc<Run>], starts: &[u32]) -> Vec<u8> {
    let mut terms: Vec<(&str, usize, &RunTerm)> = runs
        .iter()
        .enumerate()
        .flat_map(|(r, run)| {
            run.in_shard(shard, shards)
                .iter()
                .map(move |term| (run.text(term), r, term))
        })
        .collect();
    // Stable: the runs of a term stay in record order.
    terms.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = Vec::new();
    let mut postings = Vec::new();
    for same in terms.chunk_by(|a, b| a.0 == b.0) {
        postings.clear();
        let mut count = 0u64;
        let mut previous = 0u32;
        for &(_, r, term) in same {
            let first = starts[r] + term.first_doc;
            write_varint(&mut postings, u64::from(first - previous));
            postings.extend_from_slice(runs[r].postings_after_head(term));
            count += u64::from(term.count);
            previous = starts[r] + term.last_doc;
        }
        let text = same[0].0;
        write_varint(&mut out, text.len() as u64);
        out.extend_from_slice(text.as_bytes());
        write_varint(&mut out, count);
        write_varint(&mut out, postings.len() as u64);
        out.extend_from_slice(&postings);
    }
    out
}

/// A chunk of display rows: a JSON array of `[url, title, collection, region, date,
/// date_display, lang_tag, text]`, one per record.
fn chunk_rows(docs: &[SearchDoc]) -> Vec<u8> {
    let texts: Vec<String> = docs.iter().map(SearchDoc::text).collect();
    let rows: Vec<[&str; 8]> = docs
        .iter()
        .zip(&texts)
        .map(|(d, text)| {
            [
                &d.url,
                &d.title,
                &d.collection,
                &d.region,
                &d.date,
                &d.date_display,
                &d.lang_tag,
                text,
            ]
            .map(String::as_str)
        })
        .collect();
    serde_json::to_vec(&rows).unwrap_or_else(|_| b"[]".to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, text: &str) -> SearchDoc<'static> {
        SearchDoc {
            url: format!("/{title}/"),
            title: title.into(),
            lines: text
                .lines()
                .map(|line| Cow::Owned(line.to_string()))
                .collect(),
            ..SearchDoc::default()
        }
    }

    /// `(doc, count, title, first)`.
    type Decoded = (u64, u64, u64, u64);

    /// Decodes a shard into `term → [(doc, count, title, first)]`.
    fn decode(bytes: &[u8]) -> Vec<(String, Vec<Decoded>)> {
        fn read(bytes: &[u8], at: &mut usize) -> u64 {
            let mut value = 0u64;
            let mut shift = 0;
            loop {
                let byte = bytes[*at];
                *at += 1;
                value |= u64::from(byte & 0x7f) << shift;
                shift += 7;
                if byte < 0x80 {
                    return value;
                }
            }
        }
        let mut terms = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let len = read(bytes, &mut at) as usize;
            let text = String::from_utf8(bytes[at..at + len].to_vec()).unwrap();
            at += len;
            let count = read(bytes, &mut at);
            let _size = read(bytes, &mut at);
            let mut doc = 0;
            let mut list = Vec::new();
            for _ in 0..count {
                doc += read(bytes, &mut at);
                let flags = read(bytes, &mut at);
                let title = if flags & 1 == 1 {
                    read(bytes, &mut at)
                } else {
                    0
                };
                let first = if text.chars().count() > 1 {
                    read(bytes, &mut at)
                } else {
                    0
                };
                list.push((doc, flags >> 1, title, first));
            }
            terms.push((text, list));
        }
        terms
    }

    #[test]
    fn postings_hold_documents_counts_titles_and_first_positions() {
        let docs = [
            doc("延边", "延边州的延边大学"),
            doc("축제", "연변 문화축제"),
        ];
        let index = build("zh", &docs);
        assert_eq!(index.shards, 1);
        assert_eq!(index.docs, 2);
        let shard = &index.files[0];
        assert!(shard.0.starts_with("search/zh/") && shard.0.ends_with(".bin"));
        let terms = decode(new(&shard.1));
        let find = |t: &str| terms.iter().find(|(text, _)| text == t).unwrap().1.clone();
        // 延边: title of doc 0 (length 2) at 0, three times in all.
        assert_eq!(find("延边"), vec![(0, 3, 2, 0)]);
        assert_eq!(find("축제"), vec![(1, 2, 2, 0)]);
        // A term only in the text: its position counts from the text's start (延 边 州 的).
        assert_eq!(find("州的"), vec![(0, 1, 0, 2)]);
        // A single character records no position.
        assert_eq!(find("大"), vec![(0, 1, 0, 0)]);
        // Terms are sorted by their bytes.
        let texts: Vec<&String> = terms.iter().map(|(t, _)| t).collect();
        let mut sorted = texts.clone();
        sorted.sort();
        assert_eq!(texts, sorted);
    }

    #[test]
    fn the_same_docs_give_the_same_bytes_and_manifest() {
        let docs: Vec<SearchDoc> = (0..300)
            .map(|i| {
                doc(
                    &format!("项目{i}"),
                    &format!("第{i}个项目，연변 {i}번째 사업"),
                )
            })
            .collect();
        let a = build("ko", &docs);
        let b = build("ko", &docs);
        let none = Default::default();
        assert_eq!(contents(&a, &none), contents(&b, &none));
        assert_eq!(a.manifest, b.manifest);
        let mut changed = docs.clone();
        changed[7].lines.push("。".into());
        assert_ne!(build("ko", &changed).manifest, a.manifest);
    }

    /// The index of `docs`, complete, and what the next can reuse of it.
    fn first_index(docs: &[SearchDoc]) -> (LanguageIndex, Option<Reusable>) {
        let complete = |i: usize| panic!("record {i} is complete");
        let all = Docs {
            docs,
            digests: &digests(docs),
            complete: &complete,
        };
        build_reusing("zh", &all, None, &|_| false, true)
    }

    /// `docs` as `serve` gives them: their lines left out.
    fn left_out<'a>(docs: &[SearchDoc<'a>]) -> Vec<SearchDoc<'a>> {
        docs.iter()
            .map(|doc| SearchDoc {
                left_out: doc.text_len(),
                lines: Vec::new(),
                ..doc.clone()
            })
            .collect()
    }

    #[test]
    fn a_changed_title_completes_only_the_records_of_its_run_and_chunk() {
        let mut docs: Vec<SearchDoc> = (0..3000)
            .map(|i| doc(&format!("项目{i}"), &format!("第{i}个项目的正文")))
            .collect();
        let (index, reusable) = first_index(&docs);
        let paths: std::collections::HashSet<String> =
            index.files.iter().map(|(path, _)| path.clone()).collect();
        docs[1234].title = "新的标题".into();
        let light = left_out(&docs);
        let completed = std::sync::Mutex::new(Vec::new());
        let complete = |i: usize| {
            completed.lock().unwrap().push(i);
            docs[i].clone()
        };
        let again = Docs {
            docs: &light,
            digests: &digests(&docs),
            complete: &complete,
        };
        let previous = |path: &str| paths.contains(path);
        let (index, _) = build_reusing("zh", &again, reusable.as_ref(), &previous, true);
        assert_eq!(index.inverted, 1);
        let completed = completed.into_inner().unwrap();
        assert!(completed.contains(&1234));
        assert!(
            completed.len() <= MAX_RUN + index.chunk,
            "{} records completed",
            completed.len()
        );
        let fresh = build("zh", &docs);
        assert_eq!(index.manifest, fresh.manifest, "the same files");
    }

    #[test]
    fn display_rows_are_chunked() {
        let docs: Vec<SearchDoc> = (0..50)
            .map(|i| doc(&i.to_string(), &"字".repeat(2000)))
            .collect();
        let index = build("zh", &docs);
        let chunks: Vec<&(String, FileBytes)> = index
            .files
            .iter()
            .filter(|(p, _)| p.ends_with(".json") && *p != index.manifest)
            .collect();
        assert_eq!(chunks.len(), docs.len().div_ceil(index.chunk));
        let first: Vec<Vec<String>> = serde_json::from_slice(new(&chunks[0].1)).unwrap();
        assert_eq!(first.len(), index.chunk);
        assert_eq!(first[0][1], "0");
    }

    #[test]
    fn no_docs_give_one_empty_shard() {
        let index = build("zh", &[]);
        assert_eq!(index.shards, 1);
        assert_eq!(index.files.len(), 2, "the shard and the manifest");
        assert!(new(&index.files[0].1).is_empty());
    }

    /// The bytes of a file made anew.
    fn new(bytes: &FileBytes) -> &[u8] {
        match bytes {
            FileBytes::New(bytes) => bytes,
            FileBytes::Kept { from, .. } => panic!("{from} was kept"),
        }
    }

    /// The files of an index made from nothing, by path.
    fn files_of(index: &LanguageIndex) -> std::collections::HashMap<String, Vec<u8>> {
        index
            .files
            .iter()
            .map(|(path, bytes)| (path.clone(), new(bytes).to_vec()))
            .collect()
    }

    /// Each file's path, and its bytes (a kept file's from `previous`).
    fn contents(
        index: &LanguageIndex,
        previous: &std::collections::HashMap<String, Vec<u8>>,
    ) -> Vec<(String, Vec<u8>)> {
        index
            .files
            .iter()
            .map(|(path, bytes)| {
                let bytes = match bytes {
                    FileBytes::New(bytes) => bytes.clone(),
                    FileBytes::Kept { from, .. } => previous[from].clone(),
                };
                (path.clone(), bytes)
            })
            .collect()
    }

    #[test]
    fn an_index_made_again_reuses_the_runs_and_chunks_of_unchanged_records() {
        let mut docs: Vec<SearchDoc> = (0..3000)
            .map(|i| {
                doc(
                    &format!("项目{i}"),
                    &format!("第{i}个项目，연변 {i}번째 사업 word{i}"),
                )
            })
            .collect();
        let (first, reusable) = first_index(&docs);
        assert!(first.inverted > 4, "{} runs", first.inverted);
        let previous_files = files_of(&first);
        let previous = |path: &str| previous_files.contains_key(path);
        // A title changed, a record removed and one added: each changes one run.
        docs[10].title = "新的标题".into();
        docs.remove(1500);
        docs.insert(2500, doc("新项目", "新的内容"));
        // As `serve` gives them: the lines left out, given back by `complete` where needed
        // (the digests are made from the complete records, as `serve` makes them the same
        // either way).
        let light = left_out(&docs);
        let completed = std::sync::atomic::AtomicUsize::new(0);
        let complete = |i: usize| {
            completed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            docs[i].clone()
        };
        let again_docs = Docs {
            docs: &light,
            digests: &digests(&docs),
            complete: &complete,
        };
        let (again, _) = build_reusing("zh", &again_docs, reusable.as_ref(), &previous, true);
        // The records of the runs inverted again and of the chunks made again: those after
        // the removed record move to other chunks.
        let completed = completed.into_inner();
        assert!(
            completed > 0 && completed < docs.len(),
            "{completed} records completed"
        );
        let fresh = build("zh", &docs);
        assert!(
            again.inverted <= 3,
            "{} runs inverted again",
            again.inverted
        );
        assert_eq!(
            contents(&again, &previous_files),
            contents(&fresh, &previous_files)
        );
        assert_eq!(again.manifest, fresh.manifest);
        assert_ne!(again.manifest, first.manifest);
        let kept = again
            .files
            .iter()
            .filter(|(_, bytes)| matches!(bytes, FileBytes::Kept { .. }))
            .count();
        assert!(kept > 0, "chunks before the change are kept");
    }
    #[test]
    fn a_changed_title_merges_only_the_shards_of_its_terms_and_keeps_the_names_of_the_rest() {
        // Enough distinct words for many shards.
        let mut docs: Vec<SearchDoc> = (0..2000)
            .map(|i| {
                let words: Vec<String> = (0..40).map(|j| format!("w{i}x{j}")).collect();
                doc(&format!("项目{i}"), &words.join(" "))
            })
            .collect();
        let (first, reusable) = first_index(&docs);
        assert!(first.shards >= 16, "{} shards", first.shards);
        let previous_files = files_of(&first);
        let previous = |path: &str| previous_files.contains_key(path);
        // Longer than it was: the text's positions count from the text's own start, so a
        // title of another length moves no posting of the text's terms.
        docs[321].title = "边疆党建工程321".into();
        let all = Docs {
            docs: &docs,
            digests: &digests(&docs),
            complete: &|i| panic!("record {i} is complete"),
        };
        let (again, _) = build_reusing("zh", &all, reusable.as_ref(), &previous, true);
        let made: Vec<&String> = again
            .files
            .iter()
            .filter(|(path, bytes)| path.ends_with(".bin") && matches!(bytes, FileBytes::New(_)))
            .map(|(path, _)| path)
            .collect();
        // The shards of the old title's terms and the new one's (15: 项 目 项目 321, and
        // 边 疆 党 建 工 程 with their five pairs), not all of them.
        assert!(
            !made.is_empty() && made.len() <= 15,
            "{} of {} shards merged again",
            made.len(),
            again.shards
        );
        let fresh = build("zh", &docs);
        assert_eq!(
            contents(&again, &previous_files),
            contents(&fresh, &previous_files)
        );
        // What did not change kept its name: every file but the changed ones and the manifest.
        let renamed = again
            .files
            .iter()
            .filter(|(path, _)| !previous_files.contains_key(path))
            .count();
        assert!(renamed <= made.len() + 2, "{renamed} files with new names");
    }
}
