//! The search page (`search.html`): where the language's search index is. The index is
//! written before any page (`Rendering::write_search_indexes`).

use serde::Serialize;

use super::Head;
use crate::digest::Digest;
use crate::render::Rendering;
use crate::render::views::SearchView;

/// What `search.html` sees besides the keys every page has. `search` is left out, not
/// `none`, when the language has no index (a rendering that wrote none).
#[derive(Serialize)]
pub struct SearchPageView {
    #[serde(skip_serializing_if = "Option::is_none")]
    search: Option<SearchView>,
}

pub fn view(r: &Rendering, lang: &str) -> (Head, SearchPageView) {
    let base_path = &r.site.config.base_url.path;
    let search = r.search_index(lang).map(|index| SearchView {
        index_url: format!("{base_path}{}", index.manifest),
        docs: index.docs,
        shards: index.shards,
        chunk: index.chunk,
    });
    let head = Head::titled(r.strings_text(lang, "search_title"), "");
    (head, SearchPageView { search })
}

/// The index's manifest, named by a digest of its bytes (which name every file of the index).
pub fn reads(r: &Rendering, lang: &str, digest: &mut Digest) {
    digest.add(&r.search_index(lang).map(|index| index.manifest.as_str()));
}
