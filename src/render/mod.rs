//! `Site` → output files, as bytes (STYLE: "Rendering returns bytes; only `output` writes").
//! Markdown is rendered once per record and language, cards once per record and language,
//! and pages in parallel from a plan made up front; the result is sorted by path so output is
//! deterministic.

mod bodies;
mod cards;
mod chart;
mod feeds;
pub mod format;
mod pages;
pub mod theme;
mod views;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use bodies::{RecordTexts, Texts};
use cards::Localizer;
pub use theme::{Theme, ThemeError};
use views::{CardView, LanguageStrings, RecordView};

use crate::diagnostics::Diagnostics;
use crate::model::{Site, routes};

/// Counts of the work a build does: what the progress bar shows, and what a test checks to keep
/// the work linear (one template render per page, one Markdown render per text).
#[derive(Debug, Default)]
pub struct WorkCounters {
    /// Template renders the build will do, known once the pages are planned.
    pub planned: AtomicUsize,
    pub templates: AtomicUsize,
    pub markdown: AtomicUsize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contents {
    Bytes(Vec<u8>),
    /// A file copied as it is, from this path relative to the site root.
    Copy(PathBuf),
}

/// One file of the generated site; `path` is relative to the output folder, with `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub contents: Contents,
}

#[derive(Debug, thiserror::Error)]
#[error("cannot render {page} with template {template}")]
pub struct RenderError {
    pub page: String,
    pub template: String,
    #[source]
    pub source: tera::Error,
}

pub struct RenderedSite {
    pub files: Vec<OutputFile>,
    /// HTML pages per language code.
    pub pages_per_lang: BTreeMap<String, usize>,
}

/// Everything rendering shares: the site, the theme and what was prepared once.
pub struct Rendering<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    texts: Texts,
    cards: Vec<BTreeMap<String, CardView>>,
    strings: BTreeMap<String, tera::Value>,
    /// Per collection, language → the collection's records shown in that language, in order.
    shown: Vec<BTreeMap<String, Vec<usize>>>,
    /// Language → year → that year's records, newest first.
    years: BTreeMap<String, BTreeMap<i16, Vec<usize>>>,
    /// Each record's booklet entry per language, rendered in parallel before the booklet page
    /// (which would otherwise render every record on one thread).
    booklet: Vec<BTreeMap<String, String>>,
}

impl Rendering<'_> {
    fn card(&self, index: usize, lang: &str) -> CardView {
        self.cards[index][lang].clone()
    }

    fn record_view(&self, index: usize, lang: &str) -> RecordView {
        let texts: &RecordTexts = &self.texts.records[index][lang];
        Localizer {
            site: self.site,
            lang,
        }
        .record(index, texts, self.card(index, lang))
    }

    fn strings_text(&self, lang: &str, key: &str) -> String {
        self.theme
            .strings(lang)
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// A collection's records shown in `lang`, in the collection's order.
    fn shown(&self, collection: usize, lang: &str) -> &[usize] {
        self.shown[collection].get(lang).map_or(&[], Vec::as_slice)
    }
}

/// Renders the whole site. Content problems found while rendering (broken links) are returned
/// as diagnostics; a template that fails is an operational error.
pub fn render_site(
    site: &Site,
    theme: &Theme,
    counters: &WorkCounters,
) -> Result<(RenderedSite, Diagnostics), RenderError> {
    let (texts, diagnostics) = bodies::render_texts(site, counters);
    let cards = cards::all_cards(site, &texts.records);
    let strings = site
        .config
        .languages
        .iter()
        .map(|l| {
            (
                l.code.clone(),
                tera::Value::from_serializable(theme.strings(&l.code)),
            )
        })
        .collect();
    let mut r = Rendering {
        site,
        theme,
        texts,
        cards,
        strings,
        shown: site
            .collections
            .iter()
            .map(|collection| {
                site.config
                    .languages
                    .iter()
                    .map(|l| {
                        (
                            l.code.clone(),
                            site.records_in(collection, &l.code).collect(),
                        )
                    })
                    .collect()
            })
            .collect(),
        years: site
            .config
            .languages
            .iter()
            .map(|l| (l.code.clone(), pages::years(site, &l.code)))
            .collect(),
        booklet: Vec::new(),
    };
    let plan = pages::plan(&r);
    let booklet_entries_count: usize = r.texts.records.iter().map(BTreeMap::len).sum();
    // Pages, booklet entries and the 404 page.
    counters
        .planned
        .store(plan.len() + booklet_entries_count + 1, Ordering::Relaxed);
    r.booklet = booklet_entries(&r, counters)?;

    let counterparts = pages::counterparts(&plan);
    let mut files: Vec<OutputFile> = plan
        .par_iter()
        .map(|page| {
            let ctx = pages::context(&r, page, &counterparts[&page.kind]);
            let template = page.kind.template();
            counters.templates.fetch_add(1, Ordering::Relaxed);
            let html = theme
                .tera
                .render(template, &ctx)
                .map_err(|source| RenderError {
                    page: page.url.clone(),
                    template: template.to_string(),
                    source,
                })?;
            Ok(OutputFile {
                path: routes::output_path(&site.config, &page.url),
                contents: Contents::Bytes(html.into_bytes()),
            })
        })
        .collect::<Result<_, RenderError>>()?;
    let mut pages_per_lang: BTreeMap<String, usize> = BTreeMap::new();
    for page in &plan {
        *pages_per_lang.entry(page.lang.clone()).or_default() += 1;
    }

    files.push(not_found_page(&r, counters)?);
    for language in &site.config.languages {
        let path = routes::output_path(&site.config, &routes::feed(&site.config, &language.code));
        files.push(OutputFile {
            path,
            contents: Contents::Bytes(feeds::atom(&r, &language.code).into_bytes()),
        });
    }
    files.push(OutputFile {
        path: "sitemap.xml".into(),
        contents: Contents::Bytes(feeds::sitemap(&r, &plan, &counterparts).into_bytes()),
    });
    files.push(OutputFile {
        path: "robots.txt".into(),
        contents: Contents::Bytes(feeds::robots(&r).into_bytes()),
    });
    // The site's own static files win over the theme's.
    let site_static: std::collections::BTreeSet<&str> =
        site.static_files.iter().map(|f| f.dest.as_str()).collect();
    for (path, bytes) in &theme.static_files {
        if !site_static.contains(path.as_str()) {
            files.push(OutputFile {
                path: path.clone(),
                contents: Contents::Bytes(bytes.clone()),
            });
        }
    }
    for file in &site.static_files {
        files.push(OutputFile {
            path: file.dest.clone(),
            contents: Contents::Copy(file.source.clone()),
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|b, a| a.path == b.path);
    Ok((
        RenderedSite {
            files,
            pages_per_lang,
        },
        diagnostics,
    ))
}

fn booklet_entries(
    r: &Rendering,
    counters: &WorkCounters,
) -> Result<Vec<BTreeMap<String, String>>, RenderError> {
    const TEMPLATE: &str = "partials/booklet-record.html";
    (0..r.site.records.len())
        .into_par_iter()
        .map(|index| {
            r.texts.records[index]
                .keys()
                .map(|lang| {
                    let mut ctx = tera::Context::new();
                    ctx.insert("lang", lang);
                    ctx.insert_value("t", r.strings[lang].clone());
                    ctx.insert("record", &pages::booklet_entry(r.record_view(index, lang)));
                    counters.templates.fetch_add(1, Ordering::Relaxed);
                    let html =
                        r.theme
                            .tera
                            .render(TEMPLATE, &ctx)
                            .map_err(|source| RenderError {
                                page: routes::section(&r.site.config, lang, &["booklet"], 1),
                                template: TEMPLATE.to_string(),
                                source,
                            })?;
                    Ok((lang.clone(), html))
                })
                .collect()
        })
        .collect()
}

/// One `/404.html` for every language: a static host serves a single not-found page.
fn not_found_page(r: &Rendering, counters: &WorkCounters) -> Result<OutputFile, RenderError> {
    let site = r.site;
    let config = &site.config;
    let lang = config.default_lang();
    let mut ctx = tera::Context::new();
    ctx.insert("lang", lang);
    ctx.insert_value("t", r.strings[lang].clone());
    let languages_t: Vec<LanguageStrings> = config
        .languages
        .iter()
        .map(|l| LanguageStrings {
            code: l.code.clone(),
            tag: l.tag.clone(),
            home_url: routes::home(config, &l.code),
            t: r.theme.strings(&l.code).clone(),
        })
        .collect();
    ctx.insert("languages_t", &languages_t);
    let url = format!("{}404.html", config.base_url.path);
    let homes: Vec<(String, String)> = config
        .languages
        .iter()
        .map(|l| (l.code.clone(), routes::home(config, &l.code)))
        .collect();
    ctx.insert("site", &pages::site_view(r, lang, "", &homes));
    ctx.insert(
        "page",
        &views::PageView {
            kind: "404",
            title: r.strings_text(lang, "not_found_title"),
            url: url.clone(),
            permalink: config.base_url.absolute(&url),
            description: String::new(),
            image: String::new(),
            alternates: Vec::new(),
        },
    );
    counters.templates.fetch_add(1, Ordering::Relaxed);
    let html = r
        .theme
        .tera
        .render("404.html", &ctx)
        .map_err(|source| RenderError {
            page: url,
            template: "404.html".into(),
            source,
        })?;
    Ok(OutputFile {
        path: "404.html".into(),
        contents: Contents::Bytes(html.into_bytes()),
    })
}

/// Escapes text for XML and HTML attributes.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
