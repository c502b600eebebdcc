//! The page plan (SPEC §4): every HTML page of every language as a [`Page`], its URL, and the
//! template context it is rendered with. Planning is cheap and done first so that every page
//! knows its counterparts in the other languages before any page is rendered.

use std::collections::BTreeMap;

use tera::Context;

use super::cards::Localizer;
use super::views::*;
use super::{PreparedRecord, Rendering, booklet, format, pictures};
use crate::model::routes;

/// The home page shows this many featured and latest cards per collection.
const HOME_FEATURED: usize = 3;
const HOME_LATEST: usize = 6;
const HOME_FIGURES: usize = 8;
/// Page links shown on each side of the current page, besides the first and the last.
const PAGINATOR_NEIGHBOURS: usize = 2;

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
    Booklet,
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
            PageKind::Booklet => "booklet.html",
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
        push(
            PageKind::Booklet,
            routes::section(config, lang, &["booklet"], 1),
        );
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

/// Builds the template context of `page`; a record page uses `prepared_record` when it was prepared
/// already (for the record's booklet entry), else prepares it.
pub fn context(
    r: &Rendering,
    page: &Page,
    counterparts: &[(String, String)],
    prepared_record: Option<&PreparedRecord>,
) -> Context {
    let site = r.site;
    let config = &site.config;
    let lang = page.lang.as_str();
    let l = Localizer { site, lang };
    let mut ctx = Context::new();
    ctx.insert("lang", lang);
    ctx.insert_value("t", r.strings[lang].clone());
    let title: String;
    let mut description = l.text(&config.description).to_string();
    // The link preview's picture: URL, width, height.
    let mut image = (String::new(), 0, 0);
    let mut current_nav = String::new();

    match &page.kind {
        PageKind::Home => {
            let intro = site.intros.get(&(None, lang.to_string()));
            title = intro
                .and_then(|i| i.title.clone())
                .unwrap_or_else(|| l.text(&config.title).to_string());
            ctx.insert(
                "intro_html",
                &r.texts
                    .intros
                    .get(&(None, lang.to_string()))
                    .cloned()
                    .unwrap_or_default(),
            );
            ctx.insert("figures", &figures(r, lang));
            let sections: Vec<tera::Value> = site
                .collections
                .iter()
                .enumerate()
                .map(|(c, _)| {
                    let view = collection_view(r, c, lang);
                    let shown = r.shown(c, lang);
                    let featured = shown
                        .iter()
                        .copied()
                        .filter(|&i| site.records[i].featured)
                        .take(HOME_FEATURED);
                    let mut latest = shown.to_vec();
                    latest.sort_by(|&a, &b| {
                        site.records[b]
                            .date
                            .cmp(&site.records[a].date)
                            .then(a.cmp(&b))
                    });
                    // The collection plus its cards, as prepared values with their ready HTML.
                    let mut section = tera::Value::from_serializable(&view)
                        .into_map()
                        .unwrap_or_default();
                    section.insert("featured".into(), r.card_values(featured, lang));
                    let latest = latest.into_iter().take(HOME_LATEST);
                    section.insert("latest".into(), r.card_values(latest, lang));
                    section.into()
                })
                .collect();
            ctx.insert_value("sections", sections.into());
        }
        PageKind::List {
            collection,
            page: number,
        } => {
            let view = collection_view(r, *collection, lang);
            let intro = site.intros.get(&(Some(view.key.clone()), lang.to_string()));
            title = intro
                .and_then(|i| i.title.clone())
                .unwrap_or_else(|| view.name.clone());
            current_nav = view.key.clone();
            let shown = r.shown(*collection, lang);
            let size = config.collections[*collection].paginate;
            insert_page_of(&mut ctx, r, shown, *number, size, lang, |p| {
                routes::section(config, lang, &[&view.key], p)
            });
            ctx.insert("collection", &view);
        }
        PageKind::Record { index } => {
            let record = &site.records[*index];
            let collection = r.index.collection_of(*index);
            let prepared_here;
            let prepared = match prepared_record {
                Some(prepared) => prepared,
                None => {
                    prepared_here = r.prepare_record(*index, lang);
                    &prepared_here
                }
            };
            let view = &prepared.view;
            title = view.card.title.clone();
            description = view.card.summary.clone();
            if let Some((url, width, height)) = record
                .cover()
                .and_then(|cover| pictures::share(site, cover))
            {
                image = (config.base_url.absolute(&url), width, height);
            }
            current_nav = record.collection.clone();
            let (prev, next) = r.index.neighbours(*index, lang);
            let related = r.index.related(*index, lang).iter().copied();
            ctx.insert("collection", &collection_view(r, collection, lang));
            ctx.insert_value("record", prepared.value.clone());
            ctx.insert_value("related", r.card_values(related, lang));
            ctx.insert_value("prev", prev.map(|i| r.card_value(i, lang)).into());
            ctx.insert_value("next", next.map(|i| r.card_value(i, lang)).into());
        }
        PageKind::Taxonomy { taxonomy } => {
            let view = taxonomy_view(r, *taxonomy, lang);
            title = view.name.clone();
            current_nav = view.key.clone();
            let terms: Vec<TermView> = site.taxonomies[*taxonomy]
                .terms
                .iter()
                .enumerate()
                .filter_map(|(i, _)| term_view(r, *taxonomy, i, lang))
                .collect();
            ctx.insert("taxonomy", &view);
            ctx.insert("terms", &terms);
        }
        PageKind::Term {
            taxonomy,
            term,
            page: number,
        } => {
            let view = taxonomy_view(r, *taxonomy, lang);
            let term_view = term_view(r, *taxonomy, *term, lang);
            let t = &site.taxonomies[*taxonomy];
            let shown = r.term_records(*taxonomy, *term, lang);
            title = format!(
                "{} · {}",
                term_view.as_ref().map_or("", |t| t.name.as_str()),
                view.name
            );
            current_nav = view.key.clone();
            let slug = t.terms[*term].slug.clone();
            insert_page_of(&mut ctx, r, shown, *number, config.paginate, lang, |p| {
                routes::section(config, lang, &[&t.key, &slug], p)
            });
            ctx.insert("taxonomy", &view);
            ctx.insert("term", &term_view);
        }
        PageKind::Years => {
            title = r.strings_text(lang, "years_title");
            current_nav = "years".into();
            let years: Vec<YearView> = r
                .index
                .years(lang)
                .iter()
                .rev()
                .map(|(year, records)| YearView {
                    year: *year,
                    url: routes::section(config, lang, &["years", &year.to_string()], 1),
                    count: records.len(),
                })
                .collect();
            ctx.insert("years", &years);
        }
        PageKind::Year { year, page: number } => {
            title = r
                .strings_text(lang, "year_n")
                .replace("{n}", &year.to_string());
            current_nav = "years".into();
            let shown = r.index.year(lang, *year);
            let segment = year.to_string();
            insert_page_of(&mut ctx, r, shown, *number, config.paginate, lang, |p| {
                routes::section(config, lang, &["years", &segment], p)
            });
            ctx.insert("year", year);
            ctx.insert("count", &shown.len());
        }
        PageKind::Booklet => {
            title = r.strings_text(lang, "booklet");
            current_nav = "booklet".into();
            ctx.insert_value("chapters", booklet::chapters(r, lang));
        }
        PageKind::Search => {
            title = r.strings_text(lang, "search_title");
            // The index is written before any page.
            if let Some(index) = r.search_index(lang) {
                ctx.insert(
                    "search",
                    &SearchView {
                        index_url: format!("{}{}", config.base_url.path, index.folder),
                        docs: index.docs,
                        shards: index.shards,
                        chunk: index.chunk,
                    },
                );
            }
        }
    }

    let alternates: Vec<Alternate> = counterparts
        .iter()
        .map(|(code, url)| Alternate {
            tag: l.lang_tag(code),
            url: config.base_url.absolute(url),
        })
        .collect();
    ctx.insert_value("site", site_value(r, lang, &current_nav, counterparts));
    ctx.insert(
        "page",
        &PageView {
            kind: page.kind.name(),
            title,
            url: page.url.clone(),
            permalink: config.base_url.absolute(&page.url),
            description,
            image: image.0,
            image_width: image.1,
            image_height: image.2,
            alternates,
        },
    );
    ctx
}

/// The records of page `number` of a list paginated by `size`.
pub fn page_slice(shown: &[usize], number: usize, size: usize) -> &[usize] {
    let size = size.max(1);
    let start = ((number - 1) * size).min(shown.len());
    &shown[start..(start + size).min(shown.len())]
}

/// Inserts `records` (the cards of page `number`) and `paginator`.
fn insert_page_of(
    ctx: &mut Context,
    r: &Rendering,
    shown: &[usize],
    number: usize,
    size: usize,
    lang: &str,
    url: impl Fn(usize) -> String,
) {
    let total = page_count(shown.len(), size);
    let records = r.card_values(page_slice(shown, number, size).iter().copied(), lang);
    let paginator = Paginator {
        current: number,
        total,
        prev_url: if number > 1 {
            url(number - 1)
        } else {
            String::new()
        },
        next_url: if number < total {
            url(number + 1)
        } else {
            String::new()
        },
        pages: page_links(number, total, &url),
    };
    ctx.insert_value("records", records);
    ctx.insert("paginator", &paginator);
}

/// The first and last page, and the pages near the current one, with a gap where pages are
/// left out: a list of 200 pages links to 7 of them, not 200 (which would make every list page
/// grow with the list, and the whole list quadratic).
fn page_links(number: usize, total: usize, url: &impl Fn(usize) -> String) -> Vec<PageLink> {
    let near = number.saturating_sub(PAGINATOR_NEIGHBOURS).max(1)
        ..=(number + PAGINATOR_NEIGHBOURS).min(total);
    let mut shown: Vec<usize> = [1, total].into_iter().chain(near).collect();
    shown.sort_unstable();
    shown.dedup();
    let mut links = Vec::new();
    for (i, &n) in shown.iter().enumerate() {
        if i > 0 && n > shown[i - 1] + 1 {
            links.push(PageLink {
                number: 0,
                url: String::new(),
                current: false,
                gap: true,
            });
        }
        links.push(PageLink {
            number: n,
            url: url(n),
            current: n == number,
            gap: false,
        });
    }
    links
}

/// `site` for templates, shared by every page of one language: everything but the current
/// navigation item and the language switch's links, which [`site_value`] adds per page.
pub struct SiteValues {
    base: tera::Map,
    /// Current navigation key (`""` for none) → `nav` with that item marked current.
    nav: BTreeMap<String, tera::Value>,
}

/// Prepares [`SiteValues`] for `lang`, once per build.
pub fn site_values(r: &Rendering, lang: &str) -> SiteValues {
    let site = r.site;
    let config = &site.config;
    let l = Localizer { site, lang };
    let mut items: Vec<NavItem> = site
        .collections
        .iter()
        .enumerate()
        .map(|(c, collection)| NavItem {
            key: collection.key.clone(),
            name: l.text(&config.collections[c].name).to_string(),
            url: routes::section(config, lang, &[&collection.key], 1),
            current: false,
        })
        .collect();
    for (t, taxonomy) in site.taxonomies.iter().enumerate() {
        items.push(NavItem {
            key: taxonomy.key.clone(),
            name: l.text(&config.taxonomies[t].name).to_string(),
            url: routes::section(config, lang, &[&taxonomy.key], 1),
            current: false,
        });
    }
    for (key, label) in [("years", "years_title"), ("booklet", "booklet")] {
        items.push(NavItem {
            key: key.into(),
            name: r.strings_text(lang, label),
            url: routes::section(config, lang, &[key], 1),
            current: false,
        });
    }
    let nav_with = |current: &str| {
        let marked: Vec<NavItem> = items
            .iter()
            .map(|item| NavItem {
                current: item.key == current,
                ..item.clone()
            })
            .collect();
        tera::Value::from_serializable(&marked)
    };
    let nav = std::iter::once("")
        .chain(items.iter().map(|item| item.key.as_str()))
        .map(|current| (current.to_string(), nav_with(current)))
        .collect();
    let view = SiteView {
        title: l.text(&config.title).to_string(),
        description: l.text(&config.description).to_string(),
        base_path: config.base_url.path.clone(),
        home_url: routes::home(config, lang),
        lang_tag: l.lang_tag(lang),
        feed_url: routes::feed(config, lang),
        year: r.index.latest_year(),
        resource_hosts: config.url_policy.csp_sources(),
    };
    SiteValues {
        base: tera::Value::from_serializable(&view)
            .into_map()
            .unwrap_or_default(),
        nav,
    }
}

/// `site` for a page of `lang` whose navigation item is `current_nav` and whose counterparts
/// in other languages are `counterparts` (the language switch links to them).
pub fn site_value(
    r: &Rendering,
    lang: &str,
    current_nav: &str,
    counterparts: &[(String, String)],
) -> tera::Value {
    let config = &r.site.config;
    let prepared = &r.site_values[lang];
    let languages: Vec<LanguageLink> = config
        .languages
        .iter()
        .map(|language| LanguageLink {
            code: language.code.clone(),
            tag: language.tag.clone(),
            name: language.name.clone(),
            url: counterparts
                .iter()
                .find(|(code, _)| code == &language.code)
                .map_or_else(
                    || routes::home(config, &language.code),
                    |(_, url)| url.clone(),
                ),
            current: language.code == lang,
        })
        .collect();
    let mut site = prepared.base.clone();
    let nav = prepared
        .nav
        .get(current_nav)
        .unwrap_or(&prepared.nav[""])
        .clone();
    site.insert("nav".into(), nav);
    site.insert(
        "languages".into(),
        tera::Value::from_serializable(&languages),
    );
    site.into()
}

fn collection_view(r: &Rendering, c: usize, lang: &str) -> CollectionView {
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

fn taxonomy_view(r: &Rendering, t: usize, lang: &str) -> TaxonomyView {
    let site = r.site;
    let taxonomy = &site.taxonomies[t];
    TaxonomyView {
        key: taxonomy.key.clone(),
        name: Localizer { site, lang }
            .text(&site.config.taxonomies[t].name)
            .to_string(),
        url: routes::section(&site.config, lang, &[&taxonomy.key], 1),
    }
}

fn term_view(r: &Rendering, t: usize, i: usize, lang: &str) -> Option<TermView> {
    let site = r.site;
    let taxonomy = &site.taxonomies[t];
    let term = &taxonomy.terms[i];
    let count = r.term_records(t, i, lang).len();
    (count > 0).then(|| TermView {
        id: term.id.clone(),
        name: Localizer { site, lang }.text(&term.name).to_string(),
        url: routes::section(&site.config, lang, &[&taxonomy.key, &term.slug], 1),
        count,
    })
}

/// The home page's key figures: the records' figures added up per label and unit, most
/// reported first (SPEC §4, "aggregated key figures").
pub fn figures(r: &Rendering, lang: &str) -> Vec<FigureView> {
    let site = r.site;
    let l = Localizer { site, lang };
    let mut sums: BTreeMap<(String, String), (f64, usize)> = BTreeMap::new();
    for record in site.records.iter().filter(|rec| rec.is_in(lang)) {
        for metric in l.metrics(record) {
            let entry = sums.entry((metric.label, metric.unit)).or_default();
            entry.0 += metric.value;
            entry.1 += 1;
        }
    }
    let mut figures: Vec<((String, String), (f64, usize))> = sums.into_iter().collect();
    figures.sort_by(|a, b| {
        b.1.1
            .cmp(&a.1.1)
            .then(b.1.0.total_cmp(&a.1.0))
            .then(a.0.cmp(&b.0))
    });
    figures
        .into_iter()
        .take(HOME_FIGURES)
        .map(|((label, unit), (sum, count))| FigureView {
            label,
            value_display: format::number(sum),
            unit,
            count,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(number: usize, total: usize) -> String {
        page_links(number, total, &|n| format!("/p/{n}/"))
            .iter()
            .map(|l| match (l.gap, l.current) {
                (true, _) => "…".to_string(),
                (false, true) => format!("[{}]", l.number),
                (false, false) => l.number.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn paginator_links_first_last_and_neighbours() {
        assert_eq!(shown(1, 1), "[1]");
        assert_eq!(shown(2, 3), "1 [2] 3");
        assert_eq!(shown(1, 200), "[1] 2 3 … 200");
        assert_eq!(shown(100, 200), "1 … 98 99 [100] 101 102 … 200");
        assert_eq!(shown(199, 200), "1 … 197 198 [199] 200");
        assert_eq!(shown(4, 7), "1 2 3 [4] 5 6 7");
    }
}
