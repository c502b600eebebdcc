//! The first half of making an index: a run of records inverted into the postings of each of
//! its terms, numbered from the run's first record. A run depends only on its own records, so
//! `serve` keeps the runs of the last index and inverts again only those whose records changed
//! (issue 16); `index` merges runs into shards.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::index::SearchDoc;
use super::tokenize::{Term, analyze};
use crate::digest::Digest;

/// A run of records inverted: every term with its postings, laid out flat (at 10,000 records
/// `serve` keeps about a million of them per language between saves).
pub struct Run {
    /// Sorted by `(order, text)`: the terms of one shard, for any number of shards, are one
    /// slice (see [`Run::in_shard`]).
    terms: Vec<RunTerm>,
    texts: String,
    postings: Vec<u8>,
    /// [`Run::shard_digests`] for the last number of shards asked, kept with the run.
    shard_digests: std::sync::OnceLock<(usize, Vec<u64>)>,
}

/// A term of a run: where its text and postings are in the run, and what merging needs.
pub struct RunTerm {
    /// The term's shard hash with its bits reversed: the low bits, which choose the shard,
    /// come first, so sorting by it groups the terms of each shard whatever their number.
    order: u32,
    text: (u32, u32),
    postings: (u32, u32),
    /// Records holding the term.
    pub count: u32,
    /// The first and last records holding it, numbered from the run's first record.
    pub first_doc: u32,
    pub last_doc: u32,
    /// Length of the first posting's record number at the start of the postings.
    head: u8,
}

impl Run {
    /// The terms of shard `shard` of `shards` (a power of two), in shard order.
    pub fn in_shard(&self, shard: usize, shards: usize) -> &[RunTerm] {
        let bits = shards.trailing_zeros();
        let (low, high) = if bits == 0 {
            (0u64, 1u64 << 32)
        } else {
            let low = u64::from((shard as u32).reverse_bits());
            (low, low + (1u64 << (32 - bits)))
        };
        let start = self.terms.partition_point(|t| u64::from(t.order) < low);
        let end = self.terms.partition_point(|t| u64::from(t.order) < high);
        &self.terms[start..end]
    }

    pub fn text(&self, term: &RunTerm) -> &str {
        let (start, len) = term.text;
        &self.texts[start as usize..(start + len) as usize]
    }

    /// The term's postings as a shard holds them, without the first posting's record number.
    pub fn postings_after_head(&self, term: &RunTerm) -> &[u8] {
        let (start, len) = term.postings;
        &self.postings[(start + u32::from(term.head)) as usize..(start + len) as usize]
    }

    /// For each of `shards` shards, a digest of everything the shard takes from this run (0
    /// when it takes nothing): a shard whose runs give the same digests, at the same starts,
    /// has the same bytes, and `serve` keeps it without merging it again (issue 16). Kept
    /// with the run, which `serve` keeps between saves, for the first number of shards asked.
    pub fn shard_digests(&self, shards: usize) -> Cow<'_, [u64]> {
        let kept = self
            .shard_digests
            .get_or_init(|| (shards, self.digest_shards(shards)));
        if kept.0 == shards {
            Cow::Borrowed(&kept.1)
        } else {
            Cow::Owned(self.digest_shards(shards))
        }
    }

    fn digest_shards(&self, shards: usize) -> Vec<u64> {
        (0..shards)
            .map(|shard| {
                let terms = self.in_shard(shard, shards);
                if terms.is_empty() {
                    return 0;
                }
                let mut digest = Digest::new();
                for term in terms {
                    digest
                        .add(self.text(term))
                        .add(&(term.count, term.first_doc, term.last_doc))
                        .add(self.postings_after_head(term));
                }
                digest.finish()
            })
            .collect()
    }

    /// About what the run's terms take in shards: postings, texts and three numbers a term.
    pub fn shard_bytes(&self) -> usize {
        self.postings.len() + self.texts.len() + 4 * self.terms.len()
    }
}

/// What the index keeps of one term in one record.
#[derive(Debug, Clone, Copy)]
struct Posting {
    /// Position of the first occurrence: in the title when the term is in it, else in the text
    /// (each counts from its own start).
    first: u32,
    /// Occurrences (at most `u16::MAX` are counted).
    count: u16,
    /// The title's length in positions when the term is in the title, else 0.
    title: u16,
}

/// A term as a number: a character is its code point, a pair its two code points above
/// [`PAIR`], a word its number in the [`Inverted`]'s word list above [`WORD`]. Hashing a number
/// is what makes counting every occurrence of every term cheap.
type Key = u64;
const PAIR: Key = 1 << 42;
const WORD: Key = 2 << 42;

/// A term's postings in a run of records, already encoded as in a shard, except that the first
/// posting's record number is relative to the run: the run does not know the previous one's.
struct Encoded {
    bytes: Vec<u8>,
    count: u32,
    first_doc: u32,
    last_doc: u32,
    /// Length of the first posting's record number in `bytes`.
    head: u8,
}

/// The postings of a run of records, in record order, while it is read.
#[derive(Default)]
struct Inverted {
    postings: FxHashMap<Key, Encoded>,
    words: Vec<Box<str>>,
}

impl Inverted {
    /// Writes the text of term `key` at the end of `out`.
    fn push_text(&self, key: Key, out: &mut String) {
        let char_at = |shift: u32| char::from_u32(((key >> shift) & 0x1F_FFFF) as u32);
        if key >= WORD {
            out.push_str(&self.words[(key - WORD) as usize]);
        } else {
            out.extend(
                [char_at(21).filter(|_| key >= PAIR), char_at(0)]
                    .into_iter()
                    .flatten(),
            );
        }
    }
    /// The terms laid out flat, sorted by shard order then text.
    fn into_run(self) -> Run {
        let mut texts = String::new();
        let mut terms: Vec<(u32, (u32, u32), &Encoded)> = Vec::with_capacity(self.postings.len());
        for (&key, encoded) in &self.postings {
            let start = texts.len();
            self.push_text(key, &mut texts);
            let text = &texts[start..];
            let range = (start as u32, text.len() as u32);
            terms.push((shard_hash(text).reverse_bits(), range, encoded));
        }
        let text = |(start, len): (u32, u32)| &texts[start as usize..(start + len) as usize];
        terms.sort_unstable_by(|a, b| (a.0, text(a.1)).cmp(&(b.0, text(b.1))));
        let mut postings = Vec::with_capacity(terms.iter().map(|t| t.2.bytes.len()).sum());
        let terms = terms
            .into_iter()
            .map(|(order, text, encoded)| {
                let start = postings.len() as u32;
                postings.extend_from_slice(&encoded.bytes);
                RunTerm {
                    order,
                    text,
                    postings: (start, encoded.bytes.len() as u32),
                    count: encoded.count,
                    first_doc: encoded.first_doc,
                    last_doc: encoded.last_doc,
                    head: encoded.head,
                }
            })
            .collect();
        Run {
            terms,
            texts,
            postings,
            shard_digests: std::sync::OnceLock::new(),
        }
    }
}

/// Inverts a run of records, numbered from 0. Each record's occurrences are counted in a small
/// table of its own (it stays in the processor's cache), then each of its terms gets one
/// posting.
pub fn invert(docs: &[SearchDoc]) -> Run {
    let mut record = RecordTable::default();
    let mut lists: FxHashMap<Key, Encoded> = FxHashMap::default();
    let mut words: Vec<Box<str>> = Vec::new();
    let mut word_keys: FxHashMap<Box<str>, Key> = FxHashMap::default();
    for (i, doc) in docs.iter().enumerate() {
        let id = i as u32;
        let title_length = analyze(&doc.title, 0, |_, _| {});
        let title = u16::try_from(title_length).unwrap_or(u16::MAX);
        let mut add = |term: Term, position: u32, in_title: bool| {
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
                title: if in_title { title } else { 0 },
            });
        };
        analyze(&doc.title, 0, |term, position| add(term, position, true));
        // The text's positions count from its own start, not from the title's end: a saved
        // title that changes length then changes the postings of its own terms only, not those
        // of every term of the text (at 10,000 records, 31 index files rather than 999).
        // Each line on its own is what the lines joined with line breaks give: a break ends a
        // word and a run of characters, and takes no position.
        let mut position = 0;
        for line in &doc.lines {
            position = analyze(line, position, |term, position| add(term, position, false));
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
    Inverted {
        postings: lists,
        words,
    }
    .into_run()
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

/// Which shard of `shards` (a power of two) holds `term`: the low bits of [`shard_hash`].
#[cfg(test)]
pub fn shard_of(term: &str, shards: usize) -> usize {
    shard_hash(term) as usize & (shards - 1)
}

/// FNV-1a of the term's UTF-8 bytes (the client computes the same).
fn shard_hash(term: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in term.as_bytes() {
        hash ^= u32::from(*byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
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

pub fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
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

    #[test]
    fn a_shard_is_one_slice_of_a_run_for_any_number_of_shards() {
        let docs: Vec<SearchDoc> = (0..40)
            .map(|i| SearchDoc {
                title: format!("延边{i} 연변{i} word{i}"),
                ..SearchDoc::default()
            })
            .collect();
        let run = invert(&docs);
        let all: Vec<&str> = run.terms.iter().map(|t| run.text(t)).collect();
        for shards in [1, 2, 8, 64] {
            let mut seen = 0;
            for shard in 0..shards {
                for term in run.in_shard(shard, shards) {
                    assert_eq!(shard_of(run.text(term), shards), shard);
                    seen += 1;
                }
            }
            assert_eq!(seen, all.len(), "{shards} shards");
        }
    }

    #[test]
    fn shards_match_the_client_hash() {
        // FNV-1a of "延边" (e5 bb b6 e8 be b9), as search.js computes it.
        assert_eq!(shard_of("延边", 1 << 31), 0xe19a_5b26 & ((1 << 31) - 1));
    }
}
