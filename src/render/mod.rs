//! `Site` → output files. Everything shared by many pages is prepared once ([`Rendering::prepare`]):
//! Markdown once per record and language, cards once per record and language (already converted
//! to template values, so a page clones a pointer, not a card), related records once per record,
//! and the record lists of every collection, term and year. Pages are then rendered in parallel
//! from a plan made up front and handed to a [`Sink`] as soon as each is done, so the site is
//! never held in memory as a whole.

mod bodies;
mod booklet;
mod cards;
mod chart;
mod feeds;
pub mod format;
mod jobs;
mod pages;
mod pictures;
mod reads;
mod redirects;
mod search;
pub mod theme;
mod views;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use rustc_hash::FxHashSet;

pub use bodies::{Bodies, KeptTexts, RecordTexts, Texts, record_texts, render_texts};
/// The record page's formatting of values, which the printed booklet shares (issue 18).
pub(crate) use cards::Localizer;
pub use pages::volume_title;
pub use reads::Memo;
pub use theme::{Theme, ThemeError, template_spot};
use views::{CardView, RecordView};

use crate::localized::Localized;
use crate::messages::{Message, msg};
use crate::model::{Index, RecordKey, Similar, Site, routes};
use crate::output::{OutputError, Sink};
use crate::svg::{self, SafeSvgs};
use search::WrittenIndex;

/// Counts of the work a build does: what the progress bar shows, and what a test checks to keep
/// the work linear (one template render per page, one Markdown render per text).
#[derive(Debug, Default)]
pub struct WorkCounters {
    /// Template renders the build will do, known once the pages are planned.
    pub planned: AtomicUsize,
    pub templates: AtomicUsize,
    pub markdown: AtomicUsize,
    /// Cards built (each once per record and language, however many pages show it).
    pub cards: AtomicUsize,
    /// Runs of records inverted for the search indexes (`serve` reuses the unchanged ones).
    pub search_runs: AtomicUsize,
    /// Photos whose variants are being made.
    pub photos: crate::images::Progress,
}

impl WorkCounters {
    fn add(counter: &AtomicUsize) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("cannot render {page} with template {template}")]
    Template {
        page: String,
        template: String,
        #[source]
        source: tera::Error,
    },
    #[error(transparent)]
    Output(#[from] OutputError),
}

impl RenderError {
    /// What went wrong, in the user's language; Tera's own words (the source) are printed
    /// after it.
    pub fn message(&self) -> Message {
        match self {
            RenderError::Template { page, template, .. } => {
                msg!("render-template-failed", page = page, template = template)
            }
            RenderError::Output(err) => err.message(),
        }
    }
}

/// What was rendered, for the summary line.
pub struct RenderSummary {
    /// HTML pages per language code.
    pub pages_per_lang: BTreeMap<String, usize>,
}

/// The theme's card partial, rendered once per card and heading level (see [`CARD_LEVELS`]).
const CARD_TEMPLATE: &str = "partials/card.html";

/// The heading levels a card is pre-rendered at, `card.html_h2` and `card.html_h3`: those of
/// list pages and related cards, which show every card. A grid of cards inserts the ready HTML
/// instead of rendering the partial again on every page that shows the card (about eleven
/// pages per record: lists, terms, years, related cards); the few home-page cards (`h4`) are
/// rendered in place.
const CARD_LEVELS: [u8; 2] = [2, 3];

/// What every card is made from besides its record: the rest of the site and the theme's card
/// partial (with the files it names, UI strings among them).
fn cards_inputs(site: &Site, theme: &Theme) -> u64 {
    crate::digest::Digest::new()
        .add(&site.inputs_digest())
        .add(&theme.digest(CARD_TEMPLATE))
        .finish()
}

/// A card in both forms: typed for code that reads it, and as a template value that pages
/// share (cloning a `tera::Value` map is a reference-count increment).
struct Card {
    view: CardView,
    value: tera::Value,
    /// A digest of the view: what a page that shows the card reads of its record.
    digest: u64,
}

/// Everything rendering shares: the site, the theme and what was prepared once.
pub struct Rendering<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    counters: &'a WorkCounters,
    texts: Texts,
    cards: Vec<Localized<Card>>,
    strings: BTreeMap<String, tera::Value>,
    /// What pages ask of the site: record lists per collection, term and year, related
    /// records, neighbours (built per rendering, from the site alone).
    index: Index,
    /// Language → what `site` holds on every page of that language.
    site_values: BTreeMap<String, pages::SiteValues>,
    /// Language → the home page's key figures, added up once: the home page shows them and
    /// its digest reads them.
    figures: BTreeMap<String, Vec<views::FigureView>>,
    /// Language → its search index, once written (see [`Rendering::write_search_indexes`]).
    search: OnceLock<BTreeMap<String, WrittenIndex>>,
    /// The SVG files to publish, cleaned (issue 14): written instead of copying the files.
    svgs: SafeSvgs,
    /// A digest of what every page reads of the site besides records (see [`reads`]).
    page_inputs: u64,
}

/// The cards of a rendering, kept by `serve` for the next one: a card depends on its record
/// (its version), the rest of the site and the theme's shared files.
#[derive(Default)]
pub struct KeptCards {
    inputs: u64,
    records: rustc_hash::FxHashMap<RecordKey, (u64, Localized<Card>)>,
}

/// What `serve` keeps of the last rendering for the next (issue 16): texts and cards by
/// record, and what each page was made from.
#[derive(Default)]
pub struct Kept {
    pub texts: KeptTexts,
    pub cards: KeptCards,
    pub similar: Option<Similar>,
}

impl<'a> Rendering<'a> {
    /// Prepares what pages share; nothing is written yet.
    ///
    /// `texts` come from [`render_texts`], called first so that a build can free the Markdown
    /// sources (`Site::release_markdown`) before the pages are rendered; `svgs` from
    /// [`svg::make_safe`].
    pub fn prepare(
        site: &'a Site,
        theme: &'a Theme,
        counters: &'a WorkCounters,
        texts: Texts,
        svgs: SafeSvgs,
    ) -> Result<Rendering<'a>, RenderError> {
        Rendering::prepare_keeping(site, theme, counters, texts, svgs, None, None)
    }

    /// [`Rendering::prepare`], taking the cards of records `kept` has that did not change.
    pub fn prepare_keeping(
        site: &'a Site,
        theme: &'a Theme,
        counters: &'a WorkCounters,
        texts: Texts,
        svgs: SafeSvgs,
        kept: Option<KeptCards>,
        similar: Option<Similar>,
    ) -> Result<Rendering<'a>, RenderError> {
        let languages = &site.config.languages;
        let strings: BTreeMap<String, tera::Value> = languages
            .iter()
            .map(|l| {
                (
                    l.code.clone(),
                    tera::Value::from_serializable(theme.strings(&l.code)),
                )
            })
            .collect();
        let card_renders = if theme.tera.contains_template(CARD_TEMPLATE) {
            CARD_LEVELS.len()
        } else {
            0
        };
        let cards_inputs = cards_inputs(site, theme);
        let mut kept = kept.filter(|kept| kept.inputs == cards_inputs);
        let reused: Vec<Option<Localized<Card>>> = site
            .records
            .iter()
            .map(|record| {
                let kept = kept.as_mut()?;
                let (version, cards) = kept.records.remove(&record.key())?;
                (version == record.version).then_some(cards)
            })
            .collect();
        std::thread::spawn(move || drop(kept));
        let translations: usize = texts
            .records
            .iter()
            .zip(&reused)
            .filter(|(_, reused)| reused.is_none())
            .map(|(texts, _)| texts.len())
            .sum();
        counters
            .planned
            .fetch_add(translations * card_renders, Ordering::Relaxed);
        let cards = cards::all_cards(site, &texts.records, reused, |lang, view| {
            make_card(theme, counters, &strings[lang], lang, view)
        })?;
        let mut rendering = Rendering {
            site,
            theme,
            counters,
            texts,
            cards,
            strings,
            index: Index::keeping(site, similar),
            site_values: BTreeMap::new(),
            figures: BTreeMap::new(),
            search: OnceLock::new(),
            svgs,
            page_inputs: 0,
        };
        rendering.page_inputs = crate::digest::Digest::new()
            .add(&site.inputs_digest())
            .add(&rendering.index.latest_year())
            .finish();
        rendering.site_values = languages
            .iter()
            .map(|l| (l.code.clone(), pages::site_values(&rendering, &l.code)))
            .collect();
        // A pass over every record per language: the languages in parallel.
        rendering.figures = languages
            .par_iter()
            .map(|l| (l.code.clone(), pages::figures(&rendering, &l.code)))
            .collect();
        Ok(rendering)
    }

    /// Builds every language's search index and writes it into `sink`, on the first call (a
    /// build calls it on its own to time it; [`Rendering::render`] calls it before rendering
    /// any page, since the search pages name the index's folder).
    pub fn write_search_indexes(
        &self,
        sink: &dyn Sink,
    ) -> Result<&BTreeMap<String, WrittenIndex>, RenderError> {
        self.write_search_indexes_since(sink, None)
    }

    /// [`Rendering::write_search_indexes`], keeping the files of the indexes `previous` made
    /// when they were made from what they would be made from now.
    fn write_search_indexes_since(
        &self,
        sink: &dyn Sink,
        previous: Option<&Memo>,
    ) -> Result<&BTreeMap<String, WrittenIndex>, RenderError> {
        if let Some(written) = self.search.get() {
            return Ok(written);
        }
        let written = search::write_indexes(self, sink, previous.map(|memo| &memo.search))?;
        Ok(self.search.get_or_init(|| written))
    }

    /// What the site shows, asked by position (lists, related records, volumes).
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The cleaned SVG files this rendering publishes.
    pub fn svgs(&self) -> &SafeSvgs {
        &self.svgs
    }

    /// A language's search index, once written.
    fn search_index(&self, lang: &str) -> Option<&WrittenIndex> {
        self.search.get()?.get(lang)
    }

    /// Renders every file of the site into `sink`. A template that fails is an operational
    /// error; what was already written is the sink's to discard.
    pub fn render(&self, sink: &dyn Sink) -> Result<RenderSummary, RenderError> {
        self.render_since(sink, None).map(|(summary, _)| summary)
    }

    /// [`Rendering::render`], rendering only the pages whose inputs changed since `previous`
    /// (what the rendering that made the sink's previous files gave); the others are kept
    /// ([`Sink::keep`]). Returns what the next update needs.
    pub fn render_since(
        &self,
        sink: &dyn Sink,
        previous: Option<&Memo>,
    ) -> Result<(RenderSummary, Memo), RenderError> {
        let site = self.site;
        // Written before any page: the search pages name the index's folder.
        let search = self.write_search_indexes_since(sink, previous)?;
        let plan = pages::plan(self);
        let counterparts = pages::counterparts(&plan);
        let paths: Vec<String> = plan
            .par_iter()
            .map(|page| routes::output_path(&site.config, &page.url))
            .collect();
        // The pages' paths and the search index's files, borrowed (tens of thousands of paths,
        // on every update in `serve`); the few other files written are in `written`.
        let mut generated: FxHashSet<&str> = paths.iter().map(String::as_str).collect();
        // Files are written as they are rendered, so two pages with one path would race.
        debug_assert_eq!(
            generated.len(),
            paths.len(),
            "two pages share an output path"
        );
        generated.extend(
            search
                .values()
                .flat_map(|index| index.paths.iter().map(String::as_str)),
        );
        let mut written: BTreeSet<String> = BTreeSet::new();
        let jobs: Vec<PageJob> = plan
            .iter()
            .zip(&paths)
            .map(|(page, path)| PageJob {
                page,
                path,
                counterparts: &counterparts[&page.kind],
            })
            .collect();
        // Each page's digest, and whether the page it was last rendered from had it.
        let digests: Vec<(u64, bool)> = jobs
            .par_iter()
            .map(|job| {
                let digest = reads::page_digest(self, job.page, job.counterparts);
                let unchanged = previous.is_some_and(|memo| memo.has(job.path, digest));
                (digest, unchanged)
            })
            .collect();
        let todo: Vec<&PageJob> = jobs
            .iter()
            .zip(&digests)
            .filter(|(job, (_, unchanged))| !(*unchanged && sink.keep(job.path)))
            .map(|(job, _)| job)
            .collect();
        // Pages and the 404 page (cards were counted when prepared, booklet entries are
        // counted as they are found to need rendering).
        self.counters
            .planned
            .fetch_add(todo.len() + 1, Ordering::Relaxed);
        let mut booklets = self.render_pages(&todo, sink, previous)?;
        // A booklet that was kept keeps its entries' places.
        if let Some(previous) = previous {
            for (path, places) in &previous.booklets {
                if !booklets.contains_key(path) && generated.contains(path.as_str()) {
                    booklets.insert(path.clone(), places.clone());
                }
            }
        }
        let mut pages_per_lang: BTreeMap<String, usize> = BTreeMap::new();
        for page in &plan {
            *pages_per_lang.entry(page.lang.clone()).or_default() += 1;
        }

        let mut put = |path: String, bytes: &[u8]| -> Result<(), OutputError> {
            sink.put(&path, bytes)?;
            written.insert(path);
            Ok(())
        };
        put("404.html".into(), &not_found_page(self)?)?;
        for language in &site.config.languages {
            let url = routes::feed(&site.config, &language.code);
            put(
                routes::output_path(&site.config, &url),
                feeds::atom(self, &language.code).as_bytes(),
            )?;
        }
        put(
            "sitemap.xml".into(),
            feeds::sitemap(self, &plan, &counterparts).as_bytes(),
        )?;
        put("robots.txt".into(), feeds::robots(self).as_bytes())?;
        redirects::write(self, &mut put)?;
        let generated = |path: &str| generated.contains(path) || written.contains(path);
        // Generated files win over static ones, and the site's static files over the theme's.
        let site_static: BTreeSet<&str> =
            site.static_files.iter().map(|f| f.dest.as_str()).collect();
        // SVG files are published as cleaned; one that is not among the clean ones (it is not
        // XML, which is an error) is not published at all.
        for file in &self.theme.static_files {
            if site_static.contains(file.path.as_str()) || generated(&file.path) {
                continue;
            }
            if !svg::is_svg(&file.path) {
                sink.put(&file.path, &file.bytes)?;
            } else if let Some(bytes) = self.svgs.theme_file(&file.path) {
                sink.put(&file.path, bytes)?;
            }
        }
        for file in &site.static_files {
            // Picture files are published by `images::publish`, as variants.
            if generated(&file.dest) || site.pictures.handles(&file.dest) {
                continue;
            }
            if !svg::is_svg(&file.dest) {
                sink.copy(&file.dest, &file.source)?;
            } else if let Some(bytes) = self.svgs.site_file(&file.dest) {
                sink.put(&file.dest, bytes)?;
            }
        }
        let memo = Memo {
            pages: paths
                .into_iter()
                .zip(digests.into_iter().map(|(digest, _)| digest))
                .collect(),
            search: search.clone(),
            booklets,
        };
        Ok((RenderSummary { pages_per_lang }, memo))
    }

    /// Moves out what the next rendering can take (texts and cards), leaving this one unable
    /// to render: `serve` calls it on the rendering it replaces.
    pub fn keep(&mut self) -> Kept {
        let site = self.site;
        let cards = std::mem::take(&mut self.cards);
        Kept {
            texts: KeptTexts::keep(site, &mut self.texts),
            cards: KeptCards {
                inputs: cards_inputs(site, self.theme),
                records: site
                    .records
                    .iter()
                    .zip(cards)
                    .map(|(record, cards)| (record.key(), (record.version, cards)))
                    .collect(),
            },
            similar: Some(self.index.similar()),
        }
    }

    /// Frees what was prepared on another thread: at the end of a build the process exits
    /// without waiting for it, and a server keeps serving meanwhile.
    pub fn dispose_in_background(self) {
        let Rendering {
            texts,
            cards,
            index,
            search,
            ..
        } = self;
        std::thread::spawn(move || drop((texts, cards, index, search)));
    }

    /// Renders `job`'s page and hands it to `sink`; a record page may come with its record
    /// already prepared.
    fn render_page(
        &self,
        job: &PageJob,
        record: Option<&PreparedRecord>,
        sink: &dyn Sink,
    ) -> Result<(), RenderError> {
        let page = job.page;
        let ctx = pages::context(self, page, job.counterparts, record);
        with_spare_buffer(|html| {
            self.render_template_into(page.kind.template(), &ctx, &page.url, html)?;
            Ok(sink.put(job.path, html)?)
        })
    }

    fn render_template_into(
        &self,
        template: &str,
        ctx: &tera::Context,
        page: &str,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        render_into(self.theme, self.counters, template, ctx, page, out)
    }

    fn render_template(
        &self,
        template: &str,
        ctx: &tera::Context,
        page: &str,
    ) -> Result<Vec<u8>, RenderError> {
        let mut out = Vec::with_capacity(PAGE_CAPACITY);
        self.render_template_into(template, ctx, page, &mut out)?;
        Ok(out)
    }

    /// Pages are planned only in the languages a record is shown in, and every such language
    /// has a card.
    fn prepared_card(&self, index: usize, lang: &str) -> &Card {
        self.cards[index]
            .exact(lang)
            .expect("a card for each language the record is shown in")
    }

    fn card(&self, index: usize, lang: &str) -> &CardView {
        &self.prepared_card(index, lang).view
    }

    /// What a page showing record `index`'s card in `lang` reads of the record.
    fn card_digest(&self, index: usize, lang: &str) -> u64 {
        self.prepared_card(index, lang).digest
    }

    /// The card as a template value, cheap to clone.
    fn card_value(&self, index: usize, lang: &str) -> tera::Value {
        self.prepared_card(index, lang).value.clone()
    }

    /// A record as its page and its booklet entry show it.
    fn prepare_record(&self, index: usize, lang: &str) -> PreparedRecord {
        let texts: &RecordTexts = self.texts.records[index]
            .exact(lang)
            .expect("texts for each language the record is shown in");
        self.prepare_record_from(index, lang, texts, self.prepared_card(index, lang))
    }

    fn prepare_record_from(
        &self,
        index: usize,
        lang: &str,
        texts: &RecordTexts,
        card: &Card,
    ) -> PreparedRecord {
        let body_html = texts.body_html.clone().unwrap_or_else(|| {
            let body = bodies::body(self.site, &self.site.records[index], lang, self.counters);
            tera::Value::safe_string(&body.html)
        });
        let view = Localizer {
            site: self.site,
            lang,
        }
        .record(index, texts, body_html, card.view.clone());
        let value = record_value(card, &view);
        PreparedRecord { view, value }
    }

    /// Renders the pages of record `index` as they are with `texts` instead of the prepared
    /// ones (its body was edited, and nothing else: see `serve`), and returns the output paths
    /// of the pages that changed. Only the record's own pages are rendered: the booklet and
    /// the pages showing its card are left to the next full rendering, so this gives what a
    /// full rendering would for these pages only while the record's card and headings are
    /// what the rest of the site was rendered with; `None` says they are not, and nothing is
    /// rendered.
    pub fn render_record_with(
        &self,
        index: usize,
        texts: &Localized<RecordTexts>,
        sink: &dyn Sink,
    ) -> Result<Option<Vec<String>>, RenderError> {
        let old = &self.texts.records[index];
        let mut jobs = Vec::new();
        for (lang, new) in texts.iter() {
            let Some(before) = old.exact(lang) else {
                return Ok(None);
            };
            if new.body.anchors != before.body.anchors
                || new.body.heading_links != before.body.heading_links
            {
                return Ok(None);
            }
            if new.body_html == before.body_html && new.fields == before.fields {
                continue;
            }
            let card = if new.summary == before.summary {
                None
            } else {
                let view = Localizer {
                    site: self.site,
                    lang,
                }
                .card(index, new);
                Some(make_card(
                    self.theme,
                    self.counters,
                    &self.strings[lang],
                    lang,
                    view,
                )?)
            };
            jobs.push((lang, new, card));
        }
        let config = &self.site.config;
        // As `pages::counterparts` gives them from the whole plan: the languages the record is
        // shown in, in the site's order.
        let counterparts: Vec<(String, String)> = self
            .index
            .translations(index)
            .map(|(lang, _)| (lang.to_string(), pages::record_page(self, index, lang).url))
            .collect();
        let mut written = Vec::new();
        for (lang, texts, card) in jobs {
            let card = card
                .as_ref()
                .unwrap_or_else(|| self.prepared_card(index, lang));
            let prepared = self.prepare_record_from(index, lang, texts, card);
            let page = pages::record_page(self, index, lang);
            let path = routes::output_path(config, &page.url);
            let job = PageJob {
                page: &page,
                path: &path,
                counterparts: &counterparts,
            };
            self.render_page(&job, Some(&prepared), sink)?;
            written.push(path);
        }
        Ok(Some(written))
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
        self.index.collection(collection, lang)
    }

    /// Volume `volume`'s records of collection `collection` shown in `lang`, in the
    /// collection's order: a chapter of the volume.
    fn volume_chapter(&self, volume: usize, collection: usize, lang: &str) -> Vec<usize> {
        let records = &self.index.volumes()[volume].records;
        records
            .iter()
            .copied()
            .filter(|&i| {
                self.index.collection_of(i) == collection && self.site.records[i].is_in(lang)
            })
            .collect()
    }

    /// A term's records shown in `lang`.
    fn term_records(&self, taxonomy: usize, term: usize, lang: &str) -> &[usize] {
        self.index.term(taxonomy, term, lang)
    }
}

/// `record` for templates: the prepared card value with the view's other keys and the shared
/// body HTML added (cheaper than serializing the card and copying the body again).
fn record_value(card: &Card, view: &RecordView) -> tera::Value {
    let mut map = card.value.clone().into_map().unwrap_or_default();
    if let Some(details) = tera::Value::from_serializable(view).into_map() {
        map.extend(details);
    }
    map.insert("body_html".into(), view.body_html.clone());
    map.into()
}

/// A page to render: where it goes and its counterparts in the other languages.
struct PageJob<'p> {
    page: &'p pages::Page,
    path: &'p str,
    counterparts: &'p [(String, String)],
}

/// A record's view and its template value (`record`), made once for its page and its booklet
/// entry.
struct PreparedRecord {
    view: RecordView,
    value: tera::Value,
}

/// Room for a typical page, so that rendering does not grow the buffer step by step.
const PAGE_CAPACITY: usize = 32 * 1024;

thread_local! {
    /// Each rendering thread's page buffer, reused from page to page.
    static SPARE_BUFFER: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Runs `f` with this thread's reusable buffer. The buffer is moved out while `f` runs, so a
/// page rendered meanwhile on the same thread (rayon may steal work inside the booklet's
/// parallel loop) simply gets a new one.
fn with_spare_buffer<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    let mut buffer = SPARE_BUFFER.take();
    if buffer.capacity() == 0 {
        buffer.reserve(PAGE_CAPACITY);
    }
    let result = f(&mut buffer);
    SPARE_BUFFER.set(buffer);
    result
}

/// A card's template value, with its HTML when the theme has a card partial.
fn make_card(
    theme: &Theme,
    counters: &WorkCounters,
    strings: &tera::Value,
    lang: &str,
    view: CardView,
) -> Result<Card, RenderError> {
    WorkCounters::add(&counters.cards);
    let digest = crate::digest::Digest::new().add(&view).finish();
    let mut value = tera::Value::from_serializable(&view);
    if theme.tera.contains_template(CARD_TEMPLATE) {
        value = with_card_html(theme, counters, value, lang, strings, &view.url)?;
    }
    Ok(Card {
        view,
        value,
        digest,
    })
}

/// Adds `html_h2` and `html_h3` to a card's template value: the card partial rendered with
/// `card`, `card_h`, `lang` and `t` (and nothing page-specific, which a card must not show).
fn with_card_html(
    theme: &Theme,
    counters: &WorkCounters,
    card: tera::Value,
    lang: &str,
    strings: &tera::Value,
    url: &str,
) -> Result<tera::Value, RenderError> {
    let mut ctx = tera::Context::new();
    ctx.insert("lang", lang);
    ctx.insert_value("t", strings.clone());
    ctx.insert_value("card", card.clone());
    let page = format!("{url} (card)");
    let mut rendered = Vec::with_capacity(CARD_LEVELS.len());
    for level in CARD_LEVELS {
        ctx.insert("card_h", &level);
        let html = with_spare_buffer(|out| {
            render_into(theme, counters, CARD_TEMPLATE, &ctx, &page, out)?;
            Ok::<_, RenderError>(tera::Value::safe_string(&rendered_text(out)))
        })?;
        rendered.push((format!("html_h{level}"), html));
    }
    // The context's copy goes first, so the card's map is moved rather than copied.
    drop(ctx);
    let mut map = card.into_map().unwrap_or_default();
    for (key, html) in rendered {
        map.insert(key.into(), html);
    }
    Ok(map.into())
}

/// What a template wrote, as text. Tera writes only strings, so this is a fast validation
/// (SIMD) rather than the character-by-character scan of `from_utf8_lossy`, which is kept for
/// the case that cannot happen.
fn rendered_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Renders `template` into `out` (cleared first) and counts the render; `page` names what was
/// being rendered if it fails. The output is UTF-8 (Tera writes only strings), kept as bytes.
fn render_into(
    theme: &Theme,
    counters: &WorkCounters,
    template: &str,
    ctx: &tera::Context,
    page: &str,
    out: &mut Vec<u8>,
) -> Result<(), RenderError> {
    WorkCounters::add(&counters.templates);
    out.clear();
    theme
        .tera
        .render_to(template, ctx, out)
        .map_err(|source| RenderError::Template {
            page: page.to_string(),
            template: template.to_string(),
            source,
        })
}

/// One `/404.html` for every language: a static host serves a single not-found page.
fn not_found_page(r: &Rendering) -> Result<Vec<u8>, RenderError> {
    let (url, context) = pages::not_found(r);
    r.render_template("404.html", &context, &url)
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
