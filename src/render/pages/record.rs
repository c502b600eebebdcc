//! A record's page (`record.html`): the record whole, its collection, its neighbours in the
//! collection and its related records. The record comes prepared ([`PreparedRecord`]): the
//! same value its booklet entry is rendered from.

use serde::Serialize;

use super::Head;
use super::list::collection_view;
use super::lists::{cards_of, records_of};
use crate::digest::Digest;
use crate::render::views::CollectionView;
use crate::render::{PreparedRecord, Rendering, pictures};

/// What `record.html` sees besides the keys every page has. `record` and the cards are
/// template values made once and shared (see `Rendering::card_value`,
/// `Rendering::prepare_record`).
#[derive(Serialize)]
pub struct RecordPageView {
    collection: CollectionView,
    record: tera::Value,
    related: Vec<tera::Value>,
    prev: Option<tera::Value>,
    next: Option<tera::Value>,
}

pub fn view(
    r: &Rendering,
    lang: &str,
    index: usize,
    prepared: &PreparedRecord,
) -> (Head, RecordPageView) {
    let site = r.site;
    let record = &site.records[index];
    let card = &prepared.view.card;
    let image = record
        .cover()
        .and_then(|cover| pictures::share(site, cover))
        .map(|(url, width, height)| (site.config.base_url.absolute(&url), width, height));
    let head = Head {
        title: card.title.clone(),
        description: Some(card.summary.clone()),
        image,
        nav: record.collection.clone(),
    };
    let collection = r.index.collection_of(index);
    let (prev, next) = r.index.neighbours(index, lang);
    let view = RecordPageView {
        collection: collection_view(r, collection, lang),
        record: prepared.value.clone(),
        related: r
            .index
            .related(index, lang)
            .iter()
            .map(|&i| r.card_value(i, lang))
            .collect(),
        prev: prev.map(|i| r.card_value(i, lang)),
        next: next.map(|i| r.card_value(i, lang)),
    };
    (head, view)
}

/// The record whole, its collection's length (`collection.count`), and the cards of its
/// neighbours and related records.
pub fn reads(r: &Rendering, lang: &str, index: usize, digest: &mut Digest) {
    let collection = r.index.collection_of(index);
    let (prev, next) = r.index.neighbours(index, lang);
    digest.add(&r.shown(collection, lang).len());
    records_of(digest, r, &[index], lang);
    let prev: Vec<usize> = prev.into_iter().collect();
    let next: Vec<usize> = next.into_iter().collect();
    cards_of(digest, r, &prev, lang);
    cards_of(digest, r, &next, lang);
    cards_of(digest, r, r.index.related(index, lang), lang);
}
