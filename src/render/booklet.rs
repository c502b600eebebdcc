//! The booklet (`/booklet/`): one page per language holding every record. At 10,000 records it
//! is about 100 MB, so it is never built in memory: `booklet.html` is rendered as a frame with a
//! placeholder where each record's entry goes, and the entries are rendered from
//! `partials/booklet-record.html` in parallel, a batch at a time, and appended to the file in
//! order.

use std::borrow::Cow;

use rayon::prelude::*;

use super::cards::Localizer;
use super::views::RecordView;
use super::{RenderError, Rendering};
use crate::model::routes;
use crate::output::Sink;

const ENTRY_TEMPLATE: &str = "partials/booklet-record.html";
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

/// Writes the booklet page of `lang` to `path`, filling the placeholders of `frame`.
pub fn write(
    r: &Rendering,
    lang: &str,
    path: &str,
    frame: &[u8],
    sink: &dyn Sink,
) -> Result<(), RenderError> {
    let page = routes::section(&r.site.config, lang, &["booklet"], 1);
    sink.put(path, b"")?;
    let frame = super::rendered_text(frame);
    let parts = split(&frame);
    for batch in parts.chunks(BATCH) {
        let rendered: Vec<Cow<[u8]>> = batch
            .par_iter()
            .map(|part| match part {
                Part::Text(text) => Ok(Cow::Borrowed(text.as_bytes())),
                Part::Entry(index) => entry(r, *index, lang, &page).map(Cow::Owned),
            })
            .collect::<Result<_, RenderError>>()?;
        sink.append(path, &rendered.concat())?;
    }
    Ok(())
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

fn entry(r: &Rendering, index: usize, lang: &str, page: &str) -> Result<Vec<u8>, RenderError> {
    let mut ctx = tera::Context::new();
    ctx.insert("lang", lang);
    ctx.insert_value("t", r.strings[lang].clone());
    let view = entry_view(r.record_view(index, lang));
    ctx.insert_value("record", r.record_value(index, lang, &view));
    r.render_template(ENTRY_TEMPLATE, &ctx, page)
}

/// A record inside the booklet, where many bodies share one page: heading and footnote ids get
/// the record's prefix so they stay unique, and headings move two levels down to sit under the
/// booklet's chapter (`h2`) and record (`h3`) titles.
fn entry_view(mut view: RecordView) -> RecordView {
    let prefix = format!("{}-{}-", view.card.collection, view.card.id);
    let body = rewrite_body(view.body_html.as_str().unwrap_or_default(), &prefix);
    view.body_html = tera::Value::safe_string(&body);
    for entry in &mut view.toc {
        entry.id = format!("{prefix}{}", entry.id);
    }
    view
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
