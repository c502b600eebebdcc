//! One language's search index as static files: the terms of every record (see `tokenize`)
//! inverted into posting lists, spread over shards by a hash of the term so that a query
//! downloads only the shards of its own terms, and the records' display text in chunks of a few
//! records, so that a query downloads only the records it shows. The byte formats are described
//! in `themes/default/README.md` ("Search"); the client is `assets/search.js`.
//!
//! Deterministic: terms are written sorted, records in the order given, and the folder's name is
//! a hash of every byte in it, so a static host's cache cannot mix two builds.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::tokenize::{Term, analyze};

/// A shard aims at about this many bytes; their number is a power of two.
const SHARD_TARGET: usize = 32 * 1024;
/// A chunk of records' display text aims at about this many bytes.
const CHUNK_TARGET: usize = 16 * 1024;
/// Records analyzed by one task before its terms are merged.
const DOCS_PER_TASK: usize = 64;

/// A record as the index sees it, in one language.
#[derive(Debug, Clone, Default)]
pub struct SearchDoc {
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
    /// `render::search` gives summary, body, the collection's text fields, term names).
    pub text: String,
}

/// The files of one language's index, ready for the sink.
#[derive(Debug, Clone, Default)]
pub struct LanguageIndex {
    /// The folder of the files, relative to the output root: `search/zh/0123456789abcdef/`.
    pub folder: String,
    pub docs: usize,
    /// Number of term shards (`t/0.bin` …), a power of two.
    pub shards: usize,
    /// Records per chunk of display text (`d/0.json` …).
    pub chunk: usize,
    /// `(path relative to the output root, bytes)`.
    pub files: Vec<(String, Vec<u8>)>,
}

impl LanguageIndex {
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|(_, bytes)| bytes.len()).sum()
    }
}

/// What the index keeps of one term in one record.
#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    /// Occurrences.
    count: u32,
    /// Position of the first occurrence (the title comes first, at position 0).
    first: u32,
    /// The title's length in positions when the term is in the title, else 0.
    title: u32,
}

type Partial = FxHashMap<Term, Vec<Posting>>;

/// Builds the index of `docs` for language `lang`, in parallel.
pub fn build(lang: &str, docs: &[SearchDoc]) -> LanguageIndex {
    let partials: Vec<Partial> = docs
        .par_chunks(DOCS_PER_TASK)
        .enumerate()
        .map(|(task, chunk)| invert(task * DOCS_PER_TASK, chunk))
        .collect();
    let postings: usize = partials
        .iter()
        .flat_map(|p| p.values())
        .map(Vec::len)
        .sum();
    let mut terms: Vec<(String, &Term)> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    for partial in &partials {
        for term in partial.keys() {
            if seen.insert(term) {
                terms.push((term.text(), term));
            }
        }
    }
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // About four bytes a posting, and the terms themselves.
    let estimate = postings * 4 + terms.iter().map(|(t, _)| t.len() + 4).sum::<usize>();
    let shards = estimate.div_ceil(SHARD_TARGET).max(1).next_power_of_two();
    let mut by_shard: Vec<Vec<(&str, &Term)>> = vec![Vec::new(); shards];
    for (text, term) in &terms {
        by_shard[shard_of(text, shards)].push((text, term));
    }
    let shard_bytes: Vec<Vec<u8>> = by_shard
        .par_iter()
        .map(|terms| encode_shard(terms, &partials))
        .collect();
    drop(partials);

    let rows: Vec<String> = docs.par_iter().map(doc_row).collect();
    let average = rows.iter().map(String::len).sum::<usize>() / rows.len().max(1);
    let chunk = (CHUNK_TARGET / average.max(1)).max(1);
    let chunks: Vec<Vec<u8>> = rows
        .chunks(chunk)
        .map(|rows| format!("[{}]", rows.join(",")).into_bytes())
        .collect();

    let mut files: Vec<(String, Vec<u8>)> = Vec::with_capacity(shards + chunks.len());
    files.extend(
        shard_bytes
            .into_iter()
            .enumerate()
            .map(|(i, bytes)| (format!("t/{i}.bin"), bytes)),
    );
    files.extend(
        chunks
            .into_iter()
            .enumerate()
            .map(|(i, bytes)| (format!("d/{i}.json"), bytes)),
    );
    let mut version = Fnv64::new();
    version.write(format!("{shards} {chunk} {}", docs.len()).as_bytes());
    for (path, bytes) in &files {
        version.write(path.as_bytes());
        version.write(bytes);
    }
    let folder = format!("search/{lang}/{:016x}/", version.0);
    for (path, _) in &mut files {
        *path = format!("{folder}{path}");
    }
    LanguageIndex {
        folder,
        docs: docs.len(),
        shards,
        chunk,
        files,
    }
}

/// The postings of `docs`, numbered from `first_doc`.
fn invert(first_doc: usize, docs: &[SearchDoc]) -> Partial {
    let mut partial = Partial::default();
    let mut doc_terms: FxHashMap<Term, Posting> = FxHashMap::default();
    for (i, doc) in docs.iter().enumerate() {
        let id = (first_doc + i) as u32;
        let mut add = |term: Term, position: u32, title: u32| {
            doc_terms
                .entry(term)
                .and_modify(|p| p.count += 1)
                .or_insert(Posting {
                    doc: id,
                    count: 1,
                    first: position,
                    title,
                });
        };
        // The title's length is known only once it is analyzed; it is filled in below.
        let title_length = analyze(&doc.title, 0, |term, position| add(term, position, 1));
        analyze(&doc.text, title_length, |term, position| {
            add(term, position, 0)
        });
        for (term, mut posting) in doc_terms.drain() {
            if posting.title > 0 {
                posting.title = title_length;
            }
            partial.entry(term).or_default().push(posting);
        }
    }
    partial
}

/// Which shard holds `term`: FNV-1a of its UTF-8 bytes (the client computes the same).
pub fn shard_of(term: &str, shards: usize) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in term.as_bytes() {
        hash ^= u32::from(*byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize & (shards - 1)
}

/// A shard: for each term, sorted by its UTF-8 bytes, `len term count size postings`, where
/// `size` is the postings' length in bytes and each posting is `doc-delta (count<<1 | in-title)
/// [title-length if in title] [first-position unless the term is one character]`, all LEB128.
fn encode_shard(terms: &[(&str, &Term)], partials: &[Partial]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut postings = Vec::new();
    for (text, term) in terms {
        postings.clear();
        let mut count = 0u64;
        let mut previous = 0u32;
        for list in partials.iter().filter_map(|p| p.get(*term)) {
            for posting in list {
                count += 1;
                write_varint(&mut postings, u64::from(posting.doc - previous));
                previous = posting.doc;
                let in_title = u64::from(posting.title > 0);
                write_varint(&mut postings, u64::from(posting.count) << 1 | in_title);
                if posting.title > 0 {
                    write_varint(&mut postings, u64::from(posting.title));
                }
                if term.has_position() {
                    write_varint(&mut postings, u64::from(posting.first));
                }
            }
        }
        write_varint(&mut out, text.len() as u64);
        out.extend_from_slice(text.as_bytes());
        write_varint(&mut out, count);
        write_varint(&mut out, postings.len() as u64);
        out.extend_from_slice(&postings);
    }
    out
}

fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A record's display row: `[url, title, collection, region, date, date_display, lang_tag,
/// text]`.
fn doc_row(doc: &SearchDoc) -> String {
    let row = [
        &doc.url,
        &doc.title,
        &doc.collection,
        &doc.region,
        &doc.date,
        &doc.date_display,
        &doc.lang_tag,
        &doc.text,
    ];
    serde_json::to_string(&row).unwrap_or_else(|_| "[]".into())
}

/// FNV-1a, 64 bits: the folder's version, not a security measure.
struct Fnv64(u64);

impl Fnv64 {
    fn new() -> Fnv64 {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, text: &str) -> SearchDoc {
        SearchDoc {
            url: format!("/{title}/"),
            title: title.into(),
            text: text.into(),
            ..SearchDoc::default()
        }
    }

    /// Decodes a shard into `term → [(doc, count, title, first)]`.
    fn decode(bytes: &[u8]) -> Vec<(String, Vec<(u64, u64, u64, u64)>)> {
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
                let title = if flags & 1 == 1 { read(bytes, &mut at) } else { 0 };
                let first = if text.chars().count() > 1 { read(bytes, &mut at) } else { 0 };
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
        assert!(shard.0.starts_with("search/zh/") && shard.0.ends_with("/t/0.bin"));
        let terms = decode(&shard.1);
        let find = |t: &str| terms.iter().find(|(text, _)| text == t).unwrap().1.clone();
        // 延边: title of doc 0 (length 2) at 0, three times in all.
        assert_eq!(find("延边"), vec![(0, 3, 2, 0)]);
        assert_eq!(find("축제"), vec![(1, 2, 2, 0)]);
        // A single character records no position.
        assert_eq!(find("大"), vec![(0, 1, 0, 0)]);
        // Terms are sorted by their bytes.
        let texts: Vec<&String> = terms.iter().map(|(t, _)| t).collect();
        let mut sorted = texts.clone();
        sorted.sort();
        assert_eq!(texts, sorted);
    }

    #[test]
    fn the_same_docs_give_the_same_bytes_and_folder() {
        let docs: Vec<SearchDoc> = (0..300)
            .map(|i| doc(&format!("项目{i}"), &format!("第{i}个项目，연변 {i}번째 사업")))
            .collect();
        let a = build("ko", &docs);
        let b = build("ko", &docs);
        assert_eq!(a.files, b.files);
        assert_eq!(a.folder, b.folder);
        let mut changed = docs.clone();
        changed[7].text.push('。');
        assert_ne!(build("ko", &changed).folder, a.folder);
    }

    #[test]
    fn display_rows_are_chunked() {
        let docs: Vec<SearchDoc> = (0..50).map(|i| doc(&i.to_string(), &"字".repeat(2000))).collect();
        let index = build("zh", &docs);
        let chunks: Vec<&(String, Vec<u8>)> =
            index.files.iter().filter(|(p, _)| p.contains("/d/")).collect();
        assert_eq!(chunks.len(), docs.len().div_ceil(index.chunk));
        let first: Vec<Vec<String>> = serde_json::from_slice(&chunks[0].1).unwrap();
        assert_eq!(first.len(), index.chunk);
        assert_eq!(first[0][1], "0");
    }

    #[test]
    fn no_docs_give_one_empty_shard() {
        let index = build("zh", &[]);
        assert_eq!(index.shards, 1);
        assert_eq!(index.files.len(), 1);
        assert!(index.files[0].1.is_empty());
    }

    #[test]
    fn shards_match_the_client_hash() {
        // FNV-1a of "延边" (e5 bb b6 e8 be b9), as search.js computes it.
        assert_eq!(shard_of("延边", 1 << 31), 0xe19a_5b26 & ((1 << 31) - 1));
    }
}
