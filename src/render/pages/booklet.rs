//! The booklet's frame (`booklet.html`): its chapters, one per collection, each with its
//! records' cards (for a table of contents) and the slot where its entries go. The entries
//! themselves are rendered and written into the slots by `render/booklet.rs`.

use serde::Serialize;

use super::Head;
use super::lists::records_of;
use crate::digest::Digest;
use crate::render::Rendering;
use crate::render::cards::Localizer;
use crate::render::views::entries_slot;

/// What `booklet.html` sees besides the keys every page has.
#[derive(Serialize)]
pub struct BookletView {
    chapters: Vec<ChapterView>,
}

#[derive(Serialize)]
struct ChapterView {
    key: String,
    name: String,
    /// The chapter's cards, shared (see `Rendering::card_value`): the booklet lists every
    /// record of the site.
    records: Vec<tera::Value>,
    /// The slot where the chapter's entries are written (see [`entries_slot`]).
    entries: String,
}

pub fn view(r: &Rendering, lang: &str) -> (Head, BookletView) {
    let site = r.site;
    let chapters = site
        .collections
        .iter()
        .enumerate()
        .map(|(c, collection)| ChapterView {
            key: collection.key.clone(),
            name: Localizer { site, lang }
                .text(&site.config.collections[c].name)
                .to_string(),
            records: r
                .shown(c, lang)
                .iter()
                .map(|&i| r.card_value(i, lang))
                .collect(),
            entries: entries_slot(c),
        })
        .collect();
    let head = Head::titled(r.strings_text(lang, "booklet"), "booklet");
    (head, BookletView { chapters })
}

/// Every record whole.
pub fn reads(r: &Rendering, lang: &str, digest: &mut Digest) {
    for c in 0..r.site.collections.len() {
        records_of(digest, r, r.shown(c, lang), lang);
    }
}
