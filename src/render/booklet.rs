//! The booklet (`/booklet/`): one page per language holding every record. At 10,000 records it
//! is about 100 MB, so it is never built in memory: `booklet.html` is rendered as a frame with a
//! placeholder where each record's entry goes, and the entries are rendered from
//! `partials/booklet-record.html` in parallel, a batch at a time, and appended to the file in
//! order.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::sync::atomic::Ordering;

use rayon::prelude::*;

use super::cards::Localizer;
use super::views::TocEntry;
use super::{PageJob, PreparedRecord, RenderError, Rendering, pages};
use crate::digest::Digest;
use crate::output::Sink;

pub const ENTRY_TEMPLATE: &str = "partials/booklet-record.html";
/// Frame pieces rendered and written together: enough to keep both cores busy, few enough
/// that a batch stays a few megabytes.
const BATCH: usize = 256;
/// Placeholders are wrapped in NUL, which no content or template text can contain: source
/// files holding NUL are refused as binary.
const MARK: char = '\u{0}';
const PREFIX: &str = "\u{0}booklet:";

/// What `booklet.html` sees as `record.html` for record `index`.
fn placeholder(index: usize) -> String {
    format!("{PREFIX}{index}{MARK}")
}

/// The booklet's `chapters`: one per collection, its records being cards with one more key,
/// `html`. Built from the shared card values (a map copy of a dozen pointers per record) rather
/// than from typed views, which would copy every card of the site into the context.
pub fn chapters(r: &Rendering, lang: &str) -> tera::Value {
    let site = r.site;
    let chapters: Vec<tera::Value> = site
        .collections
        .iter()
        .enumerate()
        .map(|(c, collection)| {
            let records: Vec<tera::Value> = r
                .shown(c, lang)
                .iter()
                .map(|&index| {
                    let mut entry = r
                        .card_value(index, lang)
                        .as_map()
                        .cloned()
                        .unwrap_or_default();
                    entry.insert("html".into(), placeholder(index).into());
                    entry.into()
                })
                .collect();
            let mut chapter = tera::Map::default();
            chapter.insert("key".into(), collection.key.clone().into());
            chapter.insert(
                "name".into(),
                Localizer { site, lang }
                    .text(&site.config.collections[c].name)
                    .into(),
            );
            chapter.insert("records".into(), records.into());
            chapter.into()
        })
        .collect();
    chapters.into()
}

enum Part<'a> {
    Text(&'a str),
    Entry(usize),
}

/// Where each entry of a written booklet is in its bytes, by the digest of what the entry was
/// rendered from: the next rendering copies the entries whose digest it finds again.
pub type EntryPlaces = HashMap<u64, Range<usize>>;

/// Renders the booklet page `job` and writes it to its path, filling the placeholders of its
/// frame. An entry `previous` has (the places of the entries of the booklet the sink replaces)
/// is copied from that booklet instead of rendered. Each record's page `record_page` names is
/// rendered with its entry, from one prepared record, and handed to `sink` too. Returns the
/// records whose pages were written, and where this booklet's entries are.
pub fn write<'p>(
    r: &Rendering,
    job: &PageJob,
    sink: &dyn Sink,
    previous: Option<&EntryPlaces>,
    record_page: &(dyn Fn(usize) -> Option<&'p PageJob<'p>> + Sync),
) -> Result<(Vec<usize>, EntryPlaces), RenderError> {
    let page = job.page;
    let lang = page.lang.as_str();
    let ctx = pages::context(r, page, job.counterparts, None);
    let frame = r.render_template(page.kind.template(), &ctx, &page.url)?;
    sink.put(job.path, b"")?;
    let frame = super::rendered_text(&frame);
    let parts = split(&frame);
    let before = previous.and_then(|_| sink.previous(job.path));
    let entry_inputs = Digest::new()
        .add(&r.page_inputs)
        .add(&r.theme.digest(ENTRY_TEMPLATE))
        // The record's value carries its card's HTML.
        .add(&r.theme.digest(super::CARD_TEMPLATE))
        .add(lang)
        .finish();
    let digest_of = |index: usize| {
        Digest::new()
            .add(&entry_inputs)
            .add(&r.site.records[index].version)
            .finish()
    };
    let copied = |digest: u64| -> Option<&[u8]> {
        let range = previous?.get(&digest)?.clone();
        before.as_deref()?.get(range)
    };
    // A theme may show a record twice; its page is rendered once.
    let mut seen = BTreeSet::new();
    let pages: Vec<Option<&PageJob>> = parts
        .iter()
        .map(|part| match part {
            Part::Entry(index) if seen.insert(*index) => record_page(*index),
            _ => None,
        })
        .collect();
    let mut written = Vec::new();
    let mut places = EntryPlaces::new();
    let mut offset = 0;
    for (batch, batch_pages) in parts.chunks(BATCH).zip(pages.chunks(BATCH)) {
        let rendered: Vec<(Option<u64>, Cow<[u8]>)> = batch
            .par_iter()
            .zip(batch_pages)
            .map(|(part, record_page)| match part {
                Part::Text(text) => Ok((None, Cow::Borrowed(text.as_bytes()))),
                Part::Entry(index) => {
                    let digest = digest_of(*index);
                    let copy = copied(digest);
                    if let (Some(bytes), None) = (copy, record_page) {
                        return Ok((Some(digest), Cow::Borrowed(bytes)));
                    }
                    let record = r.prepare_record(*index, lang);
                    if let Some(record_page) = record_page {
                        r.render_page(record_page, Some(&record), sink)?;
                    }
                    let bytes = match copy {
                        Some(bytes) => Cow::Borrowed(bytes),
                        None => {
                            r.counters.planned.fetch_add(1, Ordering::Relaxed);
                            Cow::Owned(entry(r, &record, lang, &page.url)?)
                        }
                    };
                    Ok((Some(digest), bytes))
                }
            })
            .collect::<Result<_, RenderError>>()?;
        let mut joined = Vec::with_capacity(rendered.iter().map(|(_, b)| b.len()).sum());
        for (digest, bytes) in &rendered {
            if let Some(digest) = digest {
                places.insert(*digest, offset..offset + bytes.len());
            }
            offset += bytes.len();
            joined.extend_from_slice(bytes);
        }
        sink.append(job.path, &joined)?;
        written.extend(batch.iter().zip(batch_pages).filter_map(|(part, page)| {
            match (part, page) {
                (Part::Entry(index), Some(_)) => Some(*index),
                _ => None,
            }
        }));
    }
    Ok((written, places))
}

fn split(frame: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    let mut rest = frame;
    while let Some(start) = rest.find(PREFIX) {
        let after = &rest[start + PREFIX.len()..];
        let Some(end) = after.find(MARK) else { break };
        let Ok(index) = after[..end].parse::<usize>() else {
            break;
        };
        parts.push(Part::Text(&rest[..start]));
        parts.push(Part::Entry(index));
        rest = &after[end + MARK.len_utf8()..];
    }
    parts.push(Part::Text(rest));
    parts
}

fn entry(
    r: &Rendering,
    record: &PreparedRecord,
    lang: &str,
    page: &str,
) -> Result<Vec<u8>, RenderError> {
    let mut ctx = tera::Context::new();
    ctx.insert("lang", lang);
    ctx.insert_value("t", r.strings[lang].clone());
    ctx.insert_value("record", entry_value(record));
    r.render_template(ENTRY_TEMPLATE, &ctx, page)
}

/// A record inside the booklet, where many bodies share one page: heading and footnote ids get
/// the record's prefix so they stay unique, and headings move two levels down to sit under the
/// booklet's chapter (`h2`) and record (`h3`) titles. The rest is the record page's `record`.
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
    fn the_frame_splits_at_placeholders_only() {
        let frame = format!("<a>{}<b>{}</b>", placeholder(3), placeholder(12));
        let parts = split(&frame);
        let shown: Vec<String> = parts
            .iter()
            .map(|p| match p {
                Part::Text(t) => format!("T{t}"),
                Part::Entry(i) => format!("E{i}"),
            })
            .collect();
        assert_eq!(shown, ["T<a>", "E3", "T<b>", "E12", "T</b>"]);
        let broken = format!("x{PREFIX}oops{MARK}y");
        assert_eq!(
            split(&broken).len(),
            1,
            "a malformed placeholder stays text"
        );
    }

    #[test]
    fn bodies_get_prefixed_ids_and_lower_headings() {
        let html = "<h2 id=\"一\">一</h2>\n<p>见<a href=\"#一\">上文</a><sup><a href=\"#fn-1\" id=\"r1\">1</a></sup></p><h4>x</h4><hr>";
        assert_eq!(
            rewrite_body(html, "cases-a-"),
            "<h4 id=\"cases-a-一\">一</h4>\n<p>见<a href=\"#cases-a-一\">上文</a><sup><a href=\"#cases-a-fn-1\" id=\"cases-a-r1\">1</a></sup></p><h6>x</h6><hr>"
        );
    }
}
