//! The page plan (SPEC §4): every HTML page of every language as a [`Page`], its URL, and
//! what its template sees. Planning is cheap and done first so that every page knows its
//! counterparts in the other languages before any page is rendered.
//!
//! Each page kind has a file: a function from the [`Rendering`] to the kind's typed view (its
//! own keys, what `themes/default/README.md` lists for its template) and [`Head`] (what the
//! keys every page has take from it), and beside it `reads`, the inputs that view is made
//! from (see `render/reads.rs`). This module wraps a kind's view with the keys every page has
//! ([`PageContext`]). Rendering templates and writing files are the caller's.

mod booklet;
mod home;
mod list;
mod lists;
mod not_found;
mod record;
mod search;
mod site_values;
mod taxonomy;
mod term;
mod year;
mod years;

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Context;

use super::cards::Localizer;
use super::views::{Alternate, PageView};
use super::{PreparedRecord, Rendering};
use crate::digest::Digest;
use crate::model::routes;

pub use booklet::volume_title;
pub use home::figures;
pub use not_found::not_found;
pub use site_values::{SitePageView, SiteValues, site_value, site_values};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum PageKind {
    Home,
    List {
        collection: usize,
        page: usize,
    },
    Record {
        index: usize,
    },
    Taxonomy {
        taxonomy: usize,
    },
    Term {
        taxonomy: usize,
        term: usize,
        page: usize,
    },
    Years,
    Year {
        year: i16,
        page: usize,
    },
    /// The list of the booklet's volumes, when it has several.
    Volumes,
    /// A volume of the booklet, by its position in the index's volumes.
    Booklet {
        volume: usize,
    },
    Search,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub kind: PageKind,
    pub lang: String,
    pub url: String,
}

impl PageKind {
    pub fn template(&self) -> &'static str {
        match self {
            PageKind::Home => "home.html",
            PageKind::List { .. } => "list.html",
            PageKind::Record { .. } => "record.html",
            PageKind::Taxonomy { .. } => "taxonomy.html",
            PageKind::Term { .. } => "term.html",
            PageKind::Years => "years.html",
            PageKind::Year { .. } => "year.html",
            PageKind::Volumes => "booklets.html",
            PageKind::Booklet { .. } => "booklet.html",
            PageKind::Search => "search.html",
        }
    }

    fn name(&self) -> &'static str {
        self.template().trim_end_matches(".html")
    }
}

fn page_count(items: usize, size: usize) -> usize {
    items.div_ceil(size.max(1)).max(1)
}

/// Record `index`'s page in `lang`.
pub fn record_page(r: &Rendering, index: usize, lang: &str) -> Page {
    let record = &r.site.records[index];
    Page {
        kind: PageKind::Record { index },
        lang: lang.to_string(),
        url: routes::record(&r.site.config, lang, &record.collection, &record.slug),
    }
}

/// Every page of the site, in a stable order.
pub fn plan(r: &Rendering) -> Vec<Page> {
    let site = r.site;
    let config = &site.config;
    let mut pages = Vec::new();
    for language in &config.languages {
        let lang = language.code.as_str();
        let mut push = |kind: PageKind, url: String| {
            pages.push(Page {
                kind,
                lang: lang.to_string(),
                url,
            })
        };
        push(PageKind::Home, routes::home(config, lang));
        for (c, collection) in site.collections.iter().enumerate() {
            let size = config.collections[c].paginate;
            for page in 1..=page_count(r.shown(c, lang).len(), size) {
                push(
                    PageKind::List {
                        collection: c,
                        page,
                    },
                    routes::section(config, lang, &[&collection.key], page),
                );
            }
            for &index in r.shown(c, lang) {
                let page = record_page(r, index, lang);
                push(page.kind, page.url);
            }
        }
        for (t, taxonomy) in site.taxonomies.iter().enumerate() {
            push(
                PageKind::Taxonomy { taxonomy: t },
                routes::section(config, lang, &[&taxonomy.key], 1),
            );
            for (i, term) in taxonomy.terms.iter().enumerate() {
                let count = r.term_records(t, i, lang).len();
                if count == 0 {
                    continue;
                }
                for page in 1..=page_count(count, config.paginate) {
                    push(
                        PageKind::Term {
                            taxonomy: t,
                            term: i,
                            page,
                        },
                        routes::section(config, lang, &[&taxonomy.key, &term.slug], page),
                    );
                }
            }
        }
        push(
            PageKind::Years,
            routes::section(config, lang, &["years"], 1),
        );
        for (year, records) in r.index.years(lang).iter().rev() {
            let segment = year.to_string();
            for page in 1..=page_count(records.len(), config.paginate) {
                push(
                    PageKind::Year { year: *year, page },
                    routes::section(config, lang, &["years", &segment], page),
                );
            }
        }
        let volumes = r.index.volumes();
        if volumes.len() > 1 {
            push(PageKind::Volumes, routes::booklet(config, lang, None));
        }
        for (v, volume) in volumes.iter().enumerate() {
            if !volume.records.iter().any(|&i| site.records[i].is_in(lang)) {
                continue;
            }
            let key = (volumes.len() > 1).then_some(volume.key.as_str());
            push(
                PageKind::Booklet { volume: v },
                routes::booklet(config, lang, key),
            );
        }
        push(PageKind::Search, routes::search(config, lang));
    }
    pages
}

/// Page identity across languages → `(lang, url)` of each counterpart.
pub fn counterparts(pages: &[Page]) -> BTreeMap<PageKind, Vec<(String, String)>> {
    let mut map: BTreeMap<PageKind, Vec<(String, String)>> = BTreeMap::new();
    for page in pages {
        map.entry(page.kind.clone())
            .or_default()
            .push((page.lang.clone(), page.url.clone()));
    }
    map
}

/// What a page kind gives the keys every page has (`page`, `site`), besides its own keys.
pub struct Head {
    /// `page.title`.
    pub title: String,
    /// `page.description`; `None` gives the site's description.
    pub description: Option<String>,
    /// The link preview's picture (`page.image`): absolute URL, width, height.
    pub image: Option<(String, u32, u32)>,
    /// The navigation item `site.nav` marks current (`""` for none).
    pub nav: String,
}

impl Head {
    /// A page titled `title` under navigation item `nav`, with the site's description.
    fn titled(title: String, nav: &str) -> Head {
        Head {
            title,
            description: None,
            image: None,
            nav: nav.to_string(),
        }
    }
}

/// What a template sees: the keys every page has and its kind's own (`own`, whose keys sit
/// beside them).
#[derive(Serialize)]
struct PageContext<'a, V> {
    lang: &'a str,
    /// The UI strings, prepared once per language as a template value: cloning it is a
    /// reference-count increment, where a typed map would copy every string into every page.
    t: tera::Value,
    site: SitePageView<'a>,
    page: PageView,
    #[serde(flatten)]
    own: V,
}

/// The template context of a page of `lang` that shows `own`.
fn page_context<'a, V: Serialize>(
    r: &Rendering,
    lang: &'a str,
    site: SitePageView<'a>,
    page: PageView,
    own: V,
) -> Context {
    let view = PageContext {
        lang,
        t: r.strings[lang].clone(),
        site,
        page,
        own,
    };
    Context::from_serialize(&view).expect("a page's view serializes to a map")
}

/// The template context of `page`, whose kind gave `head` and `own`.
fn whole<V: Serialize>(
    r: &Rendering,
    page: &Page,
    counterparts: &[(String, String)],
    (head, own): (Head, V),
) -> Context {
    let config = &r.site.config;
    let lang = page.lang.as_str();
    let l = Localizer { site: r.site, lang };
    let alternates: Vec<Alternate> = counterparts
        .iter()
        .map(|(code, url)| Alternate {
            tag: l.lang_tag(code),
            url: config.base_url.absolute(url),
        })
        .collect();
    let (image, image_width, image_height) = head.image.unwrap_or_default();
    let view = PageView {
        kind: page.kind.name(),
        title: head.title,
        url: page.url.clone(),
        permalink: config.base_url.absolute(&page.url),
        description: head
            .description
            .unwrap_or_else(|| l.text(&config.description).to_string()),
        image,
        image_width,
        image_height,
        alternates,
    };
    let site = site_value(r, lang, &head.nav, counterparts);
    page_context(r, lang, site, view, own)
}

/// Builds the template context of `page`; a record page uses `prepared_record` when it was
/// prepared already (for the record's booklet entry), else prepares it.
pub fn context(
    r: &Rendering,
    page: &Page,
    counterparts: &[(String, String)],
    prepared_record: Option<&PreparedRecord>,
) -> Context {
    let lang = page.lang.as_str();
    let c = counterparts;
    match &page.kind {
        PageKind::Home => whole(r, page, c, home::view(r, lang)),
        PageKind::List {
            collection,
            page: number,
        } => whole(r, page, c, list::view(r, lang, *collection, *number)),
        PageKind::Record { index } => {
            let prepared_here;
            let prepared = match prepared_record {
                Some(prepared) => prepared,
                None => {
                    prepared_here = r.prepare_record(*index, lang);
                    &prepared_here
                }
            };
            whole(r, page, c, record::view(r, lang, *index, prepared))
        }
        PageKind::Taxonomy { taxonomy } => whole(r, page, c, taxonomy::view(r, lang, *taxonomy)),
        PageKind::Term {
            taxonomy,
            term,
            page: number,
        } => whole(r, page, c, term::view(r, lang, *taxonomy, *term, *number)),
        PageKind::Years => whole(r, page, c, years::view(r, lang)),
        PageKind::Year { year, page: number } => {
            whole(r, page, c, year::view(r, lang, *year, *number))
        }
        PageKind::Volumes => whole(r, page, c, booklet::volumes_view(r, lang)),
        PageKind::Booklet { volume } => whole(r, page, c, booklet::view(r, lang, *volume)),
        PageKind::Search => whole(r, page, c, search::view(r, lang)),
    }
}

/// Adds to `digest` the records and lists `page`'s own keys are made from, declared by its
/// kind beside its view (what every page reads besides is added by `reads::page_digest`).
pub fn reads(r: &Rendering, page: &Page, digest: &mut Digest) {
    let lang = page.lang.as_str();
    match &page.kind {
        PageKind::Home => home::reads(r, lang, digest),
        PageKind::List {
            collection,
            page: number,
        } => list::reads(r, lang, *collection, *number, digest),
        PageKind::Record { index } => record::reads(r, lang, *index, digest),
        PageKind::Taxonomy { taxonomy } => taxonomy::reads(r, lang, *taxonomy, digest),
        PageKind::Term {
            taxonomy,
            term,
            page: number,
        } => term::reads(r, lang, *taxonomy, *term, *number, digest),
        PageKind::Years => years::reads(r, lang, digest),
        PageKind::Year { year, page: number } => year::reads(r, lang, *year, *number, digest),
        PageKind::Volumes => booklet::volumes_reads(r, lang, digest),
        PageKind::Booklet { volume } => booklet::reads(r, lang, *volume, digest),
        PageKind::Search => search::reads(r, lang, digest),
    }
}
