//! One language's search index as static files: the terms of every record (see `tokenize`)
//! inverted into posting lists, spread over shards by a hash of the term so that a query
//! downloads only the shards of its own terms, and the records' display text in chunks of a few
//! records, so that a query downloads only the records it shows. The byte formats are described
//! in `themes/default/README.md` ("Search"); the client is `assets/search.js`.
//!
//! Deterministic: terms are written sorted, records in the order given, and the folder's name is
//! a hash of every byte in it, so a static host's cache cannot mix two builds.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};

use super::tokenize::{Term, analyze};

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
}

impl SearchDoc<'_> {
    /// The lines as one text, as the display rows hold it.
    fn text(&self) -> String {
        self.lines.join("\n")
    }

    fn text_len(&self) -> usize {
        self.lines.iter().map(|line| line.len() + 1).sum()
    }
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
        .map(|d| d.title.len() + d.text_len() + d.url.len())
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
    let mut record = RecordTable::default();
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
            record.count(key, || Posting {
                first: position,
                count: 1,
                title: if position < title_length { title } else { 0 },
            });
        };
        let mut position = analyze(&doc.title, 0, &mut add);
        // Each line on its own is what the lines joined with line breaks give: a break ends a
        // word and a run of characters, and takes no position.
        for line in &doc.lines {
            position = analyze(line, position, &mut add);
        }
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

/// One record's terms and their postings while the record is read: open addressing on the
/// key, emptied through the list of slots in use. A record has thousands of occurrences of a
/// few thousand terms, and each occurrence then costs a multiply and a compare or two.
struct RecordTable {
    keys: Vec<Key>,
    postings: Vec<Posting>,
    used: Vec<usize>,
}

/// A key no term has (a word's number would have to reach 2^63).
const FREE: Key = Key::MAX;

impl Default for RecordTable {
    fn default() -> Self {
        RecordTable::with_slots(4096)
    }
}

impl RecordTable {
    fn with_slots(slots: usize) -> RecordTable {
        let empty = Posting {
            first: 0,
            count: 0,
            title: 0,
        };
        RecordTable {
            keys: vec![FREE; slots],
            postings: vec![empty; slots],
            used: Vec::new(),
        }
    }

    /// Counts one more occurrence of `key`; `first` is its posting when it is new.
    fn count(&mut self, key: Key, first: impl FnOnce() -> Posting) {
        // At most half full, so probes stay short.
        if self.used.len() * 2 >= self.keys.len() {
            self.grow();
        }
        let mask = self.keys.len() - 1;
        // Fibonacci hashing: the high bits of the product spread neighbouring code points.
        let mut slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask;
        loop {
            let here = self.keys[slot];
            if here == key {
                let posting = &mut self.postings[slot];
                posting.count = posting.count.saturating_add(1);
                return;
            }
            if here == FREE {
                self.keys[slot] = key;
                self.postings[slot] = first();
                self.used.push(slot);
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let mut bigger = RecordTable::with_slots(self.keys.len() * 2);
        for (key, posting) in self.drain() {
            bigger.count(key, || posting);
        }
        *self = bigger;
    }

    /// The record's terms with their postings (in no useful order), leaving the table empty.
    fn drain(&mut self) -> impl Iterator<Item = (Key, Posting)> + '_ {
        let RecordTable {
            keys,
            postings,
            used,
        } = self;
        used.drain(..).map(move |slot| {
            let key = std::mem::replace(&mut keys[slot], FREE);
            (key, postings[slot])
        })
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

    #[test]
    fn a_record_table_counts_each_key_keeps_its_first_posting_and_grows() {
        let mut table = RecordTable::default();
        let posting = |first| Posting {
            first,
            count: 1,
            title: 0,
        };
        // More keys than the table starts with, each twice; keys close together, as code
        // points are.
        for round in 0..2 {
            for key in 0..10_000u64 {
                table.count(PAIR | key, || posting(key as u32 + round));
            }
        }
        let mut counted: Vec<(Key, Posting)> = table.drain().collect();
        counted.sort_by_key(|(key, _)| *key);
        assert_eq!(counted.len(), 10_000);
        assert!(
            counted
                .iter()
                .enumerate()
                .all(|(i, (key, p))| *key == PAIR | i as u64
                    && p.count == 2
                    && p.first == i as u32)
        );
        assert_eq!(table.drain().count(), 0, "drained");
        table.count(7, || posting(3));
        assert_eq!(
            table.drain().map(|(k, p)| (k, p.count)).collect::<Vec<_>>(),
            [(7, 1)]
        );
    }

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
        changed[7].lines.push("。".into());
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
