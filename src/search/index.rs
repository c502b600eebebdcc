//! One language's search index as static files: the terms of every record (see `tokenize`)
//! inverted into posting lists, spread over shards by a hash of the term so that a query
//! downloads only the shards of its own terms, and the records' display text in chunks of a few
//! records, so that a query downloads only the records it shows. The byte formats are described
//! in `themes/default/README.md` ("Search"); the client is `assets/search.js`.
//!
//! Deterministic: terms are written sorted, records in the order given, and the folder's name is
//! a hash of every byte in it, so a static host's cache cannot mix two builds.

use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};

use super::tokenize::{Term, analyze};

/// A shard aims at about this many bytes; their number is a power of two.
const SHARD_TARGET: usize = 32 * 1024;
/// A chunk of records' display text aims at about this many bytes.
const CHUNK_TARGET: usize = 16 * 1024;

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
    /// Position of the first occurrence (the title comes first, at position 0).
    first: u32,
    /// Occurrences (at most `u16::MAX` are counted).
    count: u16,
    /// The title's length in positions when the term is in the title, else 0.
    title: u16,
}

/// A term as a number: a character is its code point, a pair its two code points above
/// [`PAIR`], a word its number in the [`Partial`]'s word list above [`WORD`]. Hashing a number
/// is what makes counting every occurrence of every term cheap.
type Key = u64;
const PAIR: Key = 1 << 42;
const WORD: Key = 2 << 42;

/// A term's postings in a run of records, already encoded (see [`encode_shard`]), except that
/// the first posting's record number is absolute: the run does not know the previous one's.
struct Encoded {
    bytes: Vec<u8>,
    count: u32,
    first_doc: u32,
    last_doc: u32,
    /// Length of the first posting's record number in `bytes`.
    head: u8,
}

/// The postings of a run of records, in record order.
#[derive(Default)]
struct Partial {
    postings: FxHashMap<Key, Encoded>,
    words: Vec<Box<str>>,
}

impl Partial {
    fn text(&self, key: Key) -> String {
        let char_at = |shift: u32| char::from_u32(((key >> shift) & 0x1F_FFFF) as u32);
        if key >= WORD {
            self.words[(key - WORD) as usize].to_string()
        } else {
            [char_at(21).filter(|_| key >= PAIR), char_at(0)]
                .into_iter()
                .flatten()
                .collect()
        }
    }
}

/// Builds the index of `docs` for language `lang`, in parallel.
pub fn build(lang: &str, docs: &[SearchDoc]) -> LanguageIndex {
    // A few runs of records per thread: fewer partial lists to merge, still balanced.
    let per_task = docs
        .len()
        .div_ceil(rayon::current_num_threads() * 4)
        .max(16);
    let partials: Vec<Partial> = docs
        .par_chunks(per_task)
        .enumerate()
        .map(|(task, chunk)| invert(task * per_task, chunk))
        .collect();
    // Every term once, sorted by its text, with the partials that have it (in record order).
    let mut entries: Vec<(String, usize, Key)> = partials
        .iter()
        .enumerate()
        .flat_map(|(p, partial)| {
            partial
                .postings
                .keys()
                .map(move |&k| (partial.text(k), p, k))
        })
        .collect();
    entries.sort_unstable();
    let mut terms: Vec<(String, Vec<(usize, Key)>)> = Vec::new();
    for (text, p, key) in entries {
        match terms.last_mut() {
            Some((last, holders)) if *last == text => holders.push((p, key)),
            _ => terms.push((text, vec![(p, key)])),
        }
    }
    let estimate: usize = partials
        .iter()
        .flat_map(|p| p.postings.values())
        .map(|e| e.bytes.len())
        .sum::<usize>()
        + terms.iter().map(|(t, _)| t.len() + 4).sum::<usize>();
    let shards = estimate.div_ceil(SHARD_TARGET).max(1).next_power_of_two();
    let mut by_shard: Vec<Vec<usize>> = vec![Vec::new(); shards];
    for (i, (text, _)) in terms.iter().enumerate() {
        by_shard[shard_of(text, shards)].push(i);
    }
    let shard_bytes: Vec<Vec<u8>> = by_shard
        .par_iter()
        .map(|members| encode_shard(members.iter().map(|&i| &terms[i]), &partials))
        .collect();
    drop(partials);

    // Records per chunk, from their average size (a row is about its text).
    let text: usize = docs
        .iter()
        .map(|d| d.title.len() + d.text.len() + d.url.len())
        .sum();
    let chunk = (CHUNK_TARGET / (text / docs.len().max(1)).max(1)).max(1);
    let chunks: Vec<Vec<u8>> = docs.par_chunks(chunk).map(chunk_rows).collect();
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
    // The folder's name changes with any byte of any file: a host's cache cannot serve an old
    // shard with a new page. Not a security measure.
    let mut version = FxHasher::default();
    (shards, chunk, docs.len()).hash(&mut version);
    files.hash(&mut version);
    let folder = format!("search/{lang}/{:016x}/", version.finish());
    for (path, _) in &mut files {
        path.insert_str(0, &folder);
    }
    LanguageIndex {
        folder,
        docs: docs.len(),
        shards,
        chunk,
        files,
    }
}

/// The postings of `docs`, numbered from `first_doc`. Each record's occurrences are counted
/// in a small table of its own (it stays in the processor's cache), then each of its terms
/// gets one posting.
fn invert(first_doc: usize, docs: &[SearchDoc]) -> Partial {
    let mut record: FxHashMap<Key, Posting> = FxHashMap::default();
    let mut lists: FxHashMap<Key, Encoded> = FxHashMap::default();
    let mut words: Vec<Box<str>> = Vec::new();
    let mut word_keys: FxHashMap<Box<str>, Key> = FxHashMap::default();
    for (i, doc) in docs.iter().enumerate() {
        let id = (first_doc + i) as u32;
        let title_length = analyze(&doc.title, 0, |_, _| {});
        let title = u16::try_from(title_length).unwrap_or(u16::MAX);
        let mut add = |term: Term, position: u32| {
            let key = match term {
                Term::Char(c) => Key::from(c),
                Term::Pair(a, b) => PAIR | Key::from(a) << 21 | Key::from(b),
                Term::Word(word) => match word_keys.get(word) {
                    Some(&key) => key,
                    None => {
                        let key = WORD + words.len() as Key;
                        words.push(word.into());
                        word_keys.insert(word.into(), key);
                        key
                    }
                },
            };
            record
                .entry(key)
                .and_modify(|p| p.count = p.count.saturating_add(1))
                .or_insert(Posting {
                    first: position,
                    count: 1,
                    title: if position < title_length { title } else { 0 },
                });
        };
        let end = analyze(&doc.title, 0, &mut add);
        analyze(&doc.text, end, &mut add);
        for (key, posting) in record.drain() {
            let list = lists.entry(key).or_insert_with(|| Encoded {
                bytes: Vec::new(),
                count: 0,
                first_doc: id,
                last_doc: 0,
                head: 0,
            });
            let delta = if list.count == 0 {
                id
            } else {
                id - list.last_doc
            };
            let before = list.bytes.len();
            write_varint(&mut list.bytes, u64::from(delta));
            if list.count == 0 {
                list.head = (list.bytes.len() - before) as u8;
            }
            encode_posting(&mut list.bytes, &posting, key >= PAIR);
            list.count += 1;
            list.last_doc = id;
        }
    }
    Partial {
        postings: lists,
        words,
    }
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
fn encode_shard<'t>(
    terms: impl Iterator<Item = &'t (String, Vec<(usize, Key)>)>,
    partials: &[Partial],
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut postings = Vec::new();
    for (text, holders) in terms {
        postings.clear();
        let mut count = 0u64;
        let mut previous = 0u32;
        for &(p, key) in holders {
            let run = &partials[p].postings[&key];
            write_varint(&mut postings, u64::from(run.first_doc - previous));
            postings.extend_from_slice(&run.bytes[usize::from(run.head)..]);
            count += u64::from(run.count);
            previous = run.last_doc;
        }
        write_varint(&mut out, text.len() as u64);
        out.extend_from_slice(text.as_bytes());
        write_varint(&mut out, count);
        write_varint(&mut out, postings.len() as u64);
        out.extend_from_slice(&postings);
    }
    out
}

/// A posting after its record number: `(count<<1 | in-title) [title-length if in title]
/// [first-position if the term has one]`. One character answers only one-character queries,
/// where nothing is near, so it has no position.
fn encode_posting(out: &mut Vec<u8>, posting: &Posting, positioned: bool) {
    let in_title = u64::from(posting.title > 0);
    write_varint(out, u64::from(posting.count) << 1 | in_title);
    if posting.title > 0 {
        write_varint(out, u64::from(posting.title));
    }
    if positioned {
        write_varint(out, u64::from(posting.first));
    }
}

fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A chunk of display rows: a JSON array of `[url, title, collection, region, date,
/// date_display, lang_tag, text]`, one per record.
fn chunk_rows(docs: &[SearchDoc]) -> Vec<u8> {
    let rows: Vec<[&str; 8]> = docs
        .iter()
        .map(|d| {
            [
                &d.url,
                &d.title,
                &d.collection,
                &d.region,
                &d.date,
                &d.date_display,
                &d.lang_tag,
                &d.text,
            ]
            .map(String::as_str)
        })
        .collect();
    serde_json::to_vec(&rows).unwrap_or_else(|_| b"[]".to_vec())
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
            .map(|i| {
                doc(
                    &format!("项目{i}"),
                    &format!("第{i}个项目，연변 {i}번째 사업"),
                )
            })
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
        let docs: Vec<SearchDoc> = (0..50)
            .map(|i| doc(&i.to_string(), &"字".repeat(2000)))
            .collect();
        let index = build("zh", &docs);
        let chunks: Vec<&(String, Vec<u8>)> = index
            .files
            .iter()
            .filter(|(p, _)| p.contains("/d/"))
            .collect();
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
