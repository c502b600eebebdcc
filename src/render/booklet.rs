//! A volume of the booklet (`/booklet/`, or `/booklet/<key>/` when there are several): one page
//! holding each of its records whole. A volume is up to `booklet.max_records` records, a few
//! megabytes, but a site may allow thousands, so it is never built in memory. Its frame,
//! `booklet.html`, marks in each chapter the one slot where the chapter's entries go
//! (`chapters[].entries`); a [`Booklet`] cuts the rendered frame at those slots and writes it
//! as frame text, then the entries of the first slot's chapter, then frame text, and so on,
//! appending to the file in order.
//!
//! This module renders entries (`partials/booklet-record.html`) and assembles the page; it
//! does not choose when entries are rendered or from what: its caller (`render/jobs.rs`)
//! renders them in parallel batches from records it prepared once for their pages too.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::Ordering;

use serde::Serialize;

use super::pages::PageKind;
use super::views::{TocEntry, find_entries_slot};
use super::{PageJob, PreparedRecord, RenderError, Rendering};
use crate::digest::Digest;
use crate::output::{OutputError, PreviousFile, Sink};

pub const ENTRY_TEMPLATE: &str = "partials/booklet-record.html";

/// Where each entry of a written booklet is in its bytes, by the digest of what the entry was
/// rendered from: the next rendering copies the entries whose digest it finds again.
pub type EntryPlaces = HashMap<u64, Range<usize>>;

/// A piece of the booklet, in order.
enum Piece {
    /// Frame text: a range of the rendered frame.
    Frame(Range<usize>),
    /// The entry of a record.
    Entry(usize),
}

/// One record's entry, ready to be written.
pub struct Entry {
    /// What the entry was made from.
    digest: u64,
    bytes: EntryBytes,
}

enum EntryBytes {
    /// As the previous booklet has it: a range of its bytes.
    Copied(Range<usize>),
    Rendered(Vec<u8>),
}

impl EntryBytes {
    fn len(&self) -> usize {
        match self {
            EntryBytes::Copied(range) => range.len(),
            EntryBytes::Rendered(bytes) => bytes.len(),
        }
    }
}

/// A booklet page being written: its frame cut at the slots, its entries in order, and where
/// the entries written so far are.
pub struct Booklet<'a> {
    r: &'a Rendering<'a>,
    sink: &'a dyn Sink,
    path: &'a str,
    lang: &'a str,
    /// The page's URL, naming it when an entry fails to render.
    url: &'a str,
    frame: Vec<u8>,
    pieces: Vec<Piece>,
    /// The next piece to write.
    next: usize,
    /// What every entry is made from besides its record.
    entry_inputs: u64,
    /// The booklet this one replaces, and where its entries are.
    before: Option<(Box<dyn PreviousFile>, &'a EntryPlaces)>,
    places: EntryPlaces,
    /// Bytes written so far.
    offset: usize,
}

/// A range of a booklet replaced, and its bytes.
type ReadSpan = (Range<usize>, Vec<u8>);

/// What record `index`'s entry in a booklet in `lang` is made from.
fn entry_digest(r: &Rendering, entry_inputs: u64, lang: &str, index: usize) -> u64 {
    Digest::new()
        .add(&entry_inputs)
        .add(&r.site.records[index].version_in(lang))
        .finish()
}

impl<'a> Booklet<'a> {
    /// Starts the booklet page `job` from its rendered `frame`. The entries of the booklet the
    /// sink replaces are copied where `previous` (their places) says they were made from what
    /// they would be made from now.
    pub fn start(
        r: &'a Rendering<'a>,
        sink: &'a dyn Sink,
        job: &'a PageJob<'a>,
        frame: Vec<u8>,
        previous: Option<&'a EntryPlaces>,
    ) -> Result<Booklet<'a>, RenderError> {
        let (path, lang, url) = (job.path, job.page.lang.as_str(), job.page.url.as_str());
        sink.put(path, b"")?;
        let PageKind::Booklet { volume } = job.page.kind else {
            unreachable!("a booklet is written for a volume's page")
        };
        let pieces = cut(r, volume, lang, &frame);
        let entry_inputs = Digest::new()
            .add(&r.page_inputs)
            .add(&r.theme.digest(ENTRY_TEMPLATE))
            // The record's value carries its card's HTML.
            .add(&r.theme.digest(super::CARD_TEMPLATE))
            .add(lang)
            .finish();
        // The booklet replaced is read only when one of its entries can be copied (after a
        // template edit none can, and it is 100 MB at 10,000 records).
        let copies_any = |places: &&EntryPlaces| {
            pieces.iter().any(|piece| match piece {
                Piece::Entry(index) => {
                    places.contains_key(&entry_digest(r, entry_inputs, lang, *index))
                }
                Piece::Frame(_) => false,
            })
        };
        let before = previous
            .filter(copies_any)
            .and_then(|places| Some((sink.previous(path)?, places)));
        Ok(Booklet {
            r,
            sink,
            path,
            lang,
            url,
            frame,
            pieces,
            next: 0,
            entry_inputs,
            before,
            places: EntryPlaces::new(),
            offset: 0,
        })
    }

    /// The records whose entries the booklet shows, in order (a theme may show a chapter
    /// twice, or not at all).
    pub fn records(&self) -> Vec<usize> {
        self.pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Entry(index) => Some(*index),
                Piece::Frame(_) => None,
            })
            .collect()
    }

    fn digest(&self, index: usize) -> u64 {
        entry_digest(self.r, self.entry_inputs, self.lang, index)
    }

    /// Record `index`'s entry as the booklet this one replaces has it, when it was made from
    /// what it would be made from now.
    pub fn kept(&self, index: usize) -> Option<Entry> {
        let digest = self.digest(index);
        let (file, places) = self.before.as_ref()?;
        let range = places.get(&digest)?;
        (range.end <= file.len()).then(|| Entry {
            digest,
            bytes: EntryBytes::Copied(range.clone()),
        })
    }

    /// Renders record `index`'s entry from `record`.
    pub fn render(&self, index: usize, record: &PreparedRecord) -> Result<Entry, RenderError> {
        let r = self.r;
        r.counters.planned.fetch_add(1, Ordering::Relaxed);
        let view = EntryView {
            lang: self.lang,
            t: r.strings[self.lang].clone(),
            record: entry_value(record),
        };
        let context = tera::Context::from_serialize(&view).expect("an entry's view is a map");
        let bytes = r.render_template(ENTRY_TEMPLATE, &context, self.url)?;
        Ok(Entry {
            digest: self.digest(index),
            bytes: EntryBytes::Rendered(bytes),
        })
    }

    /// Writes the next `entries`, in the booklet's order, with the frame text before each.
    pub fn append(&mut self, entries: Vec<Entry>) -> Result<(), RenderError> {
        let copied = self.read_copied(&entries)?;
        let size = entries.iter().map(|entry| entry.bytes.len()).sum();
        let mut joined = Vec::with_capacity(size);
        for entry in entries {
            self.frame_text(&mut joined);
            debug_assert!(matches!(self.pieces.get(self.next), Some(Piece::Entry(_))));
            self.next += 1;
            let bytes: &[u8] = match &entry.bytes {
                EntryBytes::Rendered(bytes) => bytes,
                EntryBytes::Copied(range) => {
                    let (span, bytes) = copied.as_ref().expect("read from the booklet");
                    &bytes[range.start - span.start..range.end - span.start]
                }
            };
            let at = self.offset + joined.len();
            self.places.insert(entry.digest, at..at + bytes.len());
            joined.extend_from_slice(bytes);
        }
        self.offset += joined.len();
        Ok(self.sink.append(self.path, &joined)?)
    }

    /// The part of the booklet replaced that holds the entries of `entries` copied from it,
    /// read in one piece: a batch's entries sit together there as they do here, and the whole
    /// booklet (100 MB at 10,000 records) is never held at once.
    fn read_copied(&mut self, entries: &[Entry]) -> Result<Option<ReadSpan>, RenderError> {
        let ranges = entries.iter().filter_map(|entry| match &entry.bytes {
            EntryBytes::Copied(range) => Some(range),
            EntryBytes::Rendered(_) => None,
        });
        let span = ranges.fold(None, |span: Option<Range<usize>>, range| {
            Some(match span {
                None => range.clone(),
                Some(span) => span.start.min(range.start)..span.end.max(range.end),
            })
        });
        let (Some(span), Some((file, _))) = (span, self.before.as_mut()) else {
            return Ok(None);
        };
        let bytes = file.read(span.clone()).map_err(|source| OutputError::Io {
            path: self.path.into(),
            source,
        })?;
        Ok(Some((span, bytes)))
    }

    /// Writes the rest of the frame; returns where the entries are.
    pub fn finish(mut self) -> Result<EntryPlaces, RenderError> {
        let mut rest = Vec::new();
        self.frame_text(&mut rest);
        self.sink.append(self.path, &rest)?;
        Ok(self.places)
    }

    /// Adds the frame text up to the next entry (or the end) to `out`.
    fn frame_text(&mut self, out: &mut Vec<u8>) {
        while let Some(Piece::Frame(range)) = self.pieces.get(self.next) {
            out.extend_from_slice(&self.frame[range.clone()]);
            self.next += 1;
        }
    }
}

/// Cuts `frame`, the page of volume `volume`, at its slots: each slot becomes the entries of
/// its chapter's records.
fn cut(r: &Rendering, volume: usize, lang: &str, frame: &[u8]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut at = 0;
    while let Some((slot, chapter)) = find_entries_slot(&frame[at..]) {
        pieces.push(Piece::Frame(at..at + slot.start));
        if chapter < r.site.collections.len() {
            let records = r.volume_chapter(volume, chapter, lang);
            pieces.extend(records.into_iter().map(Piece::Entry));
        }
        at += slot.end;
    }
    pieces.push(Piece::Frame(at..frame.len()));
    pieces
}

/// What `partials/booklet-record.html` sees.
#[derive(Serialize)]
struct EntryView<'a> {
    lang: &'a str,
    /// The UI strings, shared (see `pages::PageContext`).
    t: tera::Value,
    record: tera::Value,
}

/// A record inside the booklet, where many bodies share one page: heading and footnote ids get
/// the record's prefix so they stay unique, and headings move two levels down to sit under the
/// booklet's chapter (`h2`) and record (`h3`) titles. The rest is the record page's `record`
/// (a copy of its map: a pointer per key).
fn entry_value(record: &PreparedRecord) -> tera::Value {
    let view = &record.view;
    let prefix = format!("{}-{}-", view.card.collection, view.card.id);
    let mut value = record.value.as_map().cloned().unwrap_or_default();
    let body = rewrite_body(view.body_html.as_str().unwrap_or_default(), &prefix);
    value.insert("body_html".into(), tera::Value::safe_string(&body));
    let toc: Vec<TocEntry> = view
        .toc
        .iter()
        .map(|entry| TocEntry {
            id: format!("{prefix}{}", entry.id),
            ..entry.clone()
        })
        .collect();
    value.insert("toc".into(), tera::Value::from_serializable(&toc));
    value.into()
}

/// Prefixes ids and in-page links, and moves `h2`–`h4` two levels down, in one pass over the
/// tags (the body is a few kilobytes, and there are as many bodies as record pages).
fn rewrite_body(html: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..]
            .find('>')
            .map_or(rest.len(), |e| start + e + 1);
        out.push_str(&rest[..start]);
        rewrite_tag(&rest[start..end], prefix, &mut out);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn rewrite_tag(tag: &str, prefix: &str, out: &mut String) {
    let rest = match tag.as_bytes() {
        [b'<', b'h', level @ b'2'..=b'4', ..] => {
            out.push_str("<h");
            out.push(char::from(level + 2));
            &tag[3..]
        }
        [b'<', b'/', b'h', level @ b'2'..=b'4', ..] => {
            out.push_str("</h");
            out.push(char::from(level + 2));
            &tag[4..]
        }
        _ => tag,
    };
    if rest.contains(" id=\"") || rest.contains("href=\"#") {
        out.push_str(
            &rest
                .replace(" id=\"", &format!(" id=\"{prefix}"))
                .replace("href=\"#", &format!("href=\"#{prefix}")),
        );
    } else {
        out.push_str(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_get_prefixed_ids_and_lower_headings() {
        let html = "<h2 id=\"一\">一</h2>\n<p>见<a href=\"#一\">上文</a><sup><a href=\"#fn-1\" id=\"r1\">1</a></sup></p><h4>x</h4><hr>";
        assert_eq!(
            rewrite_body(html, "cases-a-"),
            "<h4 id=\"cases-a-一\">一</h4>\n<p>见<a href=\"#cases-a-一\">上文</a><sup><a href=\"#cases-a-fn-1\" id=\"cases-a-r1\">1</a></sup></p><h6>x</h6><hr>"
        );
    }
}
