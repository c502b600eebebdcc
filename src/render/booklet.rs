//! The booklet (`/booklet/`): one page per language holding every record. At 10,000 records it
//! is about 100 MB, so it is never built in memory: `booklet.html` is rendered as a frame with a
//! placeholder where each record's entry goes, and the entries are rendered from
//! `partials/booklet-record.html` in parallel, a batch at a time, and appended to the file in
//! order.

use std::borrow::Cow;

use rayon::prelude::*;

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
pub fn placeholder(index: usize) -> String {
    format!("{PREFIX}{index}{MARK}")
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
    frame: &str,
    sink: &dyn Sink,
) -> Result<(), RenderError> {
    let page = routes::section(&r.site.config, lang, &["booklet"], 1);
    sink.put(path, b"")?;
    let parts = split(frame);
    for batch in parts.chunks(BATCH) {
        let rendered: Vec<Cow<str>> = batch
            .par_iter()
            .map(|part| match part {
                Part::Text(text) => Ok(Cow::Borrowed(*text)),
                Part::Entry(index) => entry(r, *index, lang, &page).map(Cow::Owned),
            })
            .collect::<Result<_, RenderError>>()?;
        let mut bytes = String::with_capacity(rendered.iter().map(|p| p.len()).sum());
        for part in &rendered {
            bytes.push_str(part);
        }
        sink.append(path, bytes.as_bytes())?;
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

fn entry(r: &Rendering, index: usize, lang: &str, page: &str) -> Result<String, RenderError> {
    let mut ctx = tera::Context::new();
    ctx.insert("lang", lang);
    ctx.insert_value("t", r.strings[lang].clone());
    ctx.insert("record", &entry_view(r.record_view(index, lang)));
    r.render_template(ENTRY_TEMPLATE, &ctx, page)
}

/// A record inside the booklet, where many bodies share one page: heading and footnote ids get
/// the record's prefix so they stay unique, and headings move two levels down to sit under the
/// booklet's chapter (`h2`) and record (`h3`) titles.
fn entry_view(mut view: RecordView) -> RecordView {
    let prefix = format!("{}-{}-", view.card.collection, view.card.id);
    let mut html = view
        .body_html
        .replace(" id=\"", &format!(" id=\"{prefix}"))
        .replace("href=\"#", &format!("href=\"#{prefix}"));
    for level in (2..=4).rev() {
        html = html
            .replace(&format!("<h{level}"), &format!("<h{}", level + 2))
            .replace(&format!("</h{level}>"), &format!("</h{}>", level + 2));
    }
    view.body_html = html;
    for entry in &mut view.toc {
        entry.id = format!("{prefix}{}", entry.id);
    }
    view
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
}
