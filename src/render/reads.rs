//! What each page reads (issue 16): for every page of the plan, a digest of every input its
//! context is made from, declared per page kind beside `pages::context`. Two renderings that
//! give a page the same digest give it the same bytes, so `serve` renders only the pages whose
//! digest changed and keeps the others' bytes ([`Memo`]). `SHOWCASE_VERIFY_INCREMENTAL=1`
//! makes `serve` check that claim after every update against a full rendering, and
//! `tests/serve.rs` runs a storm of every kind of edit with it.
//!
//! What a page reads, besides its kind, language, URL and counterparts:
//! - the theme: its template and every file it may include (`Theme::digest`), and the card
//!   partial, whose HTML every card value carries;
//! - the rest of the site: `Rendering::page_inputs` (site.yaml, terms, introductions, files,
//!   pictures, every record's place, the footer's year);
//! - records: by their cards' digests where it shows cards (lists, the home page, neighbours
//!   and related records), by their versions (`Record::version`) where it shows them whole
//!   (the record's own page, the booklet), and the lengths of the lists it counts or
//!   paginates. A body edit that leaves the summary as it was then touches no list.

use std::collections::{BTreeMap, HashMap};

use super::Rendering;
use super::booklet::EntryPlaces;
use super::pages::{self, Page, PageKind};
use super::search::WrittenIndex;
use crate::digest::Digest;

/// What the last rendering made its pages and search index from.
#[derive(Default)]
pub struct Memo {
    /// Output path of each page → the digest of what it read.
    pub(super) pages: HashMap<String, u64>,
    /// Each language's search index.
    pub(super) search: BTreeMap<String, WrittenIndex>,
    /// Output path of each booklet → where its entries are.
    pub(super) booklets: HashMap<String, EntryPlaces>,
}

impl Memo {
    /// Whether `path` was rendered from what `digest` says.
    pub(super) fn has(&self, path: &str, digest: u64) -> bool {
        self.pages.get(path) == Some(&digest)
    }

    /// Forgets what `paths` were made from (their bytes were replaced some other way), so that
    /// the next rendering renders them.
    pub fn forget(&mut self, paths: &[String]) {
        for path in paths {
            self.pages.remove(path);
        }
    }
}

/// The digest of everything `page` reads.
pub fn page_digest(r: &Rendering, page: &Page, counterparts: &[(String, String)]) -> u64 {
    let site = r.site;
    let config = &site.config;
    let lang = page.lang.as_str();
    let mut digest = Digest::new();
    digest
        .add(&r.page_inputs)
        .add(&r.theme.digest(page.kind.template()))
        // Cards come with their HTML rendered by the card partial, which a template may insert
        // without naming the partial.
        .add(&r.theme.digest(super::CARD_TEMPLATE))
        .add(lang)
        .add(&page.url)
        .add(counterparts)
        .add_debug(&page.kind);
    match &page.kind {
        // Cards of every collection's records (featured, latest), and the figures they add up.
        PageKind::Home => {
            for c in 0..site.collections.len() {
                cards_of(&mut digest, r, r.shown(c, lang), lang);
            }
            digest.add_debug(&pages::figures(r, lang));
        }
        // Every record whole.
        PageKind::Booklet => {
            for c in 0..site.collections.len() {
                records_of(&mut digest, r, r.shown(c, lang));
            }
        }
        PageKind::List {
            collection,
            page: number,
        } => {
            let shown = r.shown(*collection, lang);
            digest.add(&shown.len());
            let size = config.collections[*collection].paginate;
            cards_of(
                &mut digest,
                r,
                pages::page_slice(shown, *number, size),
                lang,
            );
        }
        PageKind::Record { index } => {
            let collection = r.index.collection_of(*index);
            let (prev, next) = r.index.neighbours(*index, lang);
            digest.add(&r.shown(collection, lang).len());
            records_of(&mut digest, r, &[*index]);
            let prev: Vec<usize> = prev.into_iter().collect();
            let next: Vec<usize> = next.into_iter().collect();
            cards_of(&mut digest, r, &prev, lang);
            cards_of(&mut digest, r, &next, lang);
            cards_of(&mut digest, r, r.index.related(*index, lang), lang);
        }
        PageKind::Taxonomy { taxonomy } => {
            for term in 0..site.taxonomies[*taxonomy].terms.len() {
                digest.add(&r.term_records(*taxonomy, term, lang).len());
            }
        }
        PageKind::Term {
            taxonomy,
            term,
            page: number,
        } => {
            let shown = r.term_records(*taxonomy, *term, lang);
            page_of(&mut digest, r, shown, *number, config.paginate, lang);
        }
        PageKind::Years => {
            for (year, records) in r.index.years(lang) {
                digest.add(year).add(&records.len());
            }
        }
        PageKind::Year { year, page: number } => {
            let shown = r.index.year(lang, *year);
            page_of(&mut digest, r, shown, *number, config.paginate, lang);
        }
        PageKind::Search => {
            digest.add(&r.search_index(lang).map(|index| index.folder.as_str()));
        }
    }
    digest.finish()
}

/// Adds what page `number` of list `shown` reads (as `pages::insert_page_of` shows it): the
/// list's length, for the paginator and counts, and the cards of the page's records.
fn page_of(
    digest: &mut Digest,
    r: &Rendering,
    shown: &[usize],
    number: usize,
    size: usize,
    lang: &str,
) {
    digest.add(&shown.len());
    cards_of(digest, r, pages::page_slice(shown, number, size), lang);
}

/// Adds the cards of `list`'s records: what a page showing them reads of them.
fn cards_of(digest: &mut Digest, r: &Rendering, list: &[usize], lang: &str) {
    digest.add(&list.len());
    for &index in list {
        digest.add(&r.card_digest(index, lang));
    }
}

/// Adds the versions of `list`'s records: what a page showing them whole reads of them.
fn records_of(digest: &mut Digest, r: &Rendering, list: &[usize]) {
    digest.add(&list.len());
    for &index in list {
        digest.add(&r.site.records[index].version);
    }
}

#[cfg(test)]
mod tests;
