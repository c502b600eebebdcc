//! The booklet's frame (`booklet.html`): its chapters, one per collection, each with its
//! records' cards and a placeholder for each record's entry, which `render/booklet.rs` fills.

use serde::Serialize;

use super::Head;
use super::lists::records_of;
use crate::digest::Digest;
use crate::render::Rendering;

/// What `booklet.html` sees besides the keys every page has.
#[derive(Serialize)]
pub struct BookletView {
    /// Built by `booklet::chapters` from the shared card values.
    chapters: tera::Value,
}

pub fn view(r: &Rendering, lang: &str) -> (Head, BookletView) {
    let chapters = crate::render::booklet::chapters(r, lang);
    let head = Head::titled(r.strings_text(lang, "booklet"), "booklet");
    (head, BookletView { chapters })
}

/// Every record whole.
pub fn reads(r: &Rendering, lang: &str, digest: &mut Digest) {
    for c in 0..r.site.collections.len() {
        records_of(digest, r, r.shown(c, lang));
    }
}
