//! What each page reads (issue 16): for every page of the plan, a digest of every input its
//! view is made from. What every page reads is here; what a page kind's own keys read is
//! declared in its file under `pages/`, beside the function that makes them (`reads`). Two renderings that
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
use super::pages::{self, Page};
use super::search::WrittenIndex;
use crate::digest::Digest;

/// What the last rendering made its pages and search index from.
#[derive(Default)]
pub struct Memo {
    /// Output path of each page → the digest of what it read (Fx: looked up for every page on
    /// every update).
    pub(super) pages: rustc_hash::FxHashMap<String, u64>,
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
    pages::reads(r, page, &mut digest);
    digest.finish()
}

#[cfg(test)]
mod tests;
