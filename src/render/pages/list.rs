//! A collection's list (`list.html`), paginated by the collection's `paginate`.

use serde::Serialize;

use super::Head;
use super::lists::{PageOf, page_of, page_of_reads};
use crate::digest::Digest;
use crate::model::routes;
use crate::render::Rendering;
use crate::render::cards::Localizer;
use crate::render::views::CollectionView;

/// What `list.html` sees besides the keys every page has.
#[derive(Serialize)]
pub struct ListView {
    collection: CollectionView,
    #[serde(flatten)]
    page_of: PageOf,
}

pub fn view(r: &Rendering, lang: &str, collection: usize, number: usize) -> (Head, ListView) {
    let site = r.site;
    let config = &site.config;
    let view = collection_view(r, collection, lang);
    let title = site
        .intros
        .get(&(Some(view.key.clone()), lang.to_string()))
        .and_then(|i| i.title.clone())
        .unwrap_or_else(|| view.name.clone());
    let head = Head::titled(title, &view.key);
    let size = config.collections[collection].paginate;
    let page_of = page_of(r, r.shown(collection, lang), number, size, lang, |p| {
        routes::section(config, lang, &[&view.key], p)
    });
    let view = ListView {
        collection: view,
        page_of,
    };
    (head, view)
}

pub fn reads(r: &Rendering, lang: &str, collection: usize, number: usize, digest: &mut Digest) {
    let size = r.site.config.collections[collection].paginate;
    page_of_reads(digest, r, r.shown(collection, lang), number, size, lang);
}

/// `collection`: a collection as its list, its records' pages and the home page show it.
pub fn collection_view(r: &Rendering, c: usize, lang: &str) -> CollectionView {
    let site = r.site;
    let collection = &site.collections[c];
    CollectionView {
        key: collection.key.clone(),
        name: Localizer { site, lang }
            .text(&site.config.collections[c].name)
            .to_string(),
        url: routes::section(&site.config, lang, &[&collection.key], 1),
        count: r.shown(c, lang).len(),
        intro_html: r
            .texts
            .intros
            .get(&(Some(collection.key.clone()), lang.to_string()))
            .cloned()
            .unwrap_or_default(),
    }
}
