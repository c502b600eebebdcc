//! Renders every Markdown text of the site once per language, in parallel: record bodies,
//! `markdown` fields and introductions. `@/collection/id.md` links resolve to the page in the
//! same language; links that do not resolve are reported against the file that holds them.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::content::fields::{FieldValue, Located};
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::markdown::{self, BodyPicture, LinkResolver, MarkdownOptions, Rendered};
use crate::messages::msg;
use std::sync::atomic::Ordering;

use super::WorkCounters;
use crate::localized::Localized;
use crate::model::{Record, RecordKey, Site, Unpublished, routes};

/// The rendered texts of one record in one language.
#[derive(Debug, Clone)]
pub struct RecordTexts {
    /// The body's headings, diagnostics and search text (empty when not kept); its HTML has
    /// moved to `body_html`.
    pub body: Rendered,
    /// The body's HTML as a template value, made once: every page and booklet entry that
    /// shows it shares it instead of copying ten kilobytes into its context. `None` when not
    /// kept ([`Bodies::Drop`]); [`body`] renders it again for a page that needs it.
    pub body_html: Option<tera::Value>,
    /// `markdown` fields, by name.
    pub fields: BTreeMap<String, String>,
    /// The text of `markdown` fields, by name, for search.
    pub field_texts: BTreeMap<String, String>,
    /// The explicit summary, or an excerpt of the body.
    pub summary: String,
    /// A digest and the length of the body's search text (`body.text` without the spaces
    /// around it), kept or not.
    pub text_digest: u64,
    pub text_len: usize,
}

pub struct Texts {
    /// Per record, its texts in each language it is shown in.
    pub records: Vec<Localized<RecordTexts>>,
    /// Per record, the problems its texts have (but links to headings, checked across records).
    pub problems: Vec<Diagnostics>,
    /// `(collection or None, lang)` → rendered introduction.
    pub intros: BTreeMap<(Option<String>, String), String>,
}

/// Whether texts keep each body's HTML and search text. A build uses them all right after;
/// `serve` renders few record pages and search runs per update, and renders those bodies again
/// ([`body`]) rather than hold every body's HTML and text between saves (at 10,000 records,
/// about 260 MB). Not kept, they are freed as soon as they are made, so the memory is reused
/// at once rather than left in holes among the texts that are kept.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bodies {
    Keep,
    Drop,
}

/// The body of `record` in `lang` rendered again, as [`render_texts`] rendered it (the same
/// site gives the same HTML and text): for a page or search run whose texts did not keep it.
pub fn body(site: &Site, record: &Record, lang: &str, counters: &WorkCounters) -> Rendered {
    // Its problems were reported when it was first rendered.
    let options = markdown_options(site);
    render_body(
        site,
        record,
        lang,
        options,
        counters,
        &mut Diagnostics::default(),
    )
}

fn markdown_options(site: &Site) -> MarkdownOptions<'_> {
    MarkdownOptions {
        unsafe_html: site.config.unsafe_html,
        urls: &site.config.url_policy,
    }
}

/// `record`'s body in `lang` (the default language's where it has none), its problems added
/// to `diagnostics` when it is written in `lang` (a fallback body's are its own language's).
fn render_body(
    site: &Site,
    record: &Record,
    lang: &str,
    options: MarkdownOptions,
    counters: &WorkCounters,
    diagnostics: &mut Diagnostics,
) -> Rendered {
    let resolver = Resolver {
        site,
        record: Some(record),
        lang,
        counters,
    };
    match record.body.get(lang, site.default_lang()) {
        Some((text, text_lang)) => {
            render_located(text, options, &resolver, text_lang == lang, diagnostics)
        }
        None => Rendered::default(),
    }
}

/// How many characters an automatic summary aims for: Korean needs more characters than
/// Chinese to say the same (it has spaces and particles).
fn summary_length(lang: &str) -> usize {
    if lang == "ko" { 150 } else { 120 }
}

/// The texts of a rendering, kept by `serve` for the next one (issue 16): a record's texts
/// depend only on the record ([`Record::version`]) and on the rest of the site
/// ([`Site::inputs_digest`]: other records' URLs, files, pictures), so while both are the
/// same they are taken instead of rendered again.
#[derive(Default)]
pub struct KeptTexts {
    inputs: u64,
    records: rustc_hash::FxHashMap<RecordKey, KeptRecordTexts>,
}

struct KeptRecordTexts {
    version: u64,
    texts: Localized<RecordTexts>,
    problems: Diagnostics,
}

impl KeptTexts {
    /// Keeps `texts` of `site` (moved out: the rendering that held them is done).
    pub fn keep(site: &Site, texts: &mut Texts) -> KeptTexts {
        let records = std::mem::take(&mut texts.records);
        let problems = std::mem::take(&mut texts.problems);
        KeptTexts {
            inputs: site.inputs_digest(),
            records: site
                .records
                .iter()
                .zip(records.into_iter().zip(problems))
                .map(|(record, (texts, problems))| {
                    let key = record.key();
                    let kept = KeptRecordTexts {
                        version: record.version,
                        texts,
                        problems,
                    };
                    (key, kept)
                })
                .collect(),
        }
    }

    /// The kept texts of `record`, when they are what rendering it now would give.
    fn take(&mut self, record: &Record) -> Option<(Localized<RecordTexts>, Diagnostics)> {
        let kept = self.records.remove(&record.key())?;
        (kept.version == record.version).then_some((kept.texts, kept.problems))
    }
}

/// Renders every Markdown text of `site`; the texts of records `kept` has are taken from it.
pub fn render_texts(
    site: &Site,
    counters: &WorkCounters,
    kept: Option<KeptTexts>,
    bodies: Bodies,
) -> (Texts, Diagnostics) {
    let options = markdown_options(site);
    let mut kept = kept.filter(|kept| kept.inputs == site.inputs_digest());
    let reused: Vec<Option<(Localized<RecordTexts>, Diagnostics)>> = site
        .records
        .iter()
        .map(|record| kept.as_mut().and_then(|kept| kept.take(record)))
        .collect();
    // What is left of the kept texts is freed on another thread.
    std::thread::spawn(move || drop(kept));
    let results: Vec<(Localized<RecordTexts>, Diagnostics)> = reused
        .into_par_iter()
        .zip(&site.records)
        .map(|(reused, record)| {
            reused.unwrap_or_else(|| record_texts(site, record, counters, bodies))
        })
        .collect();
    let mut diagnostics = Diagnostics::default();
    let mut records = Vec::with_capacity(results.len());
    let mut problems = Vec::with_capacity(results.len());
    for (texts, record_diagnostics) in results {
        records.push(texts);
        diagnostics.extend(record_diagnostics.clone());
        problems.push(record_diagnostics);
    }
    diagnostics.extend(check_heading_links(site, &records));
    let mut intros = BTreeMap::new();
    for ((collection, lang), intro) in &site.intros {
        let resolver = Resolver {
            site,
            record: None,
            lang,
            counters,
        };
        let rendered = render_located(&intro.body, options, &resolver, true, &mut diagnostics);
        intros.insert((collection.clone(), lang.clone()), rendered.html);
    }
    (
        Texts {
            records,
            problems,
            intros,
        },
        diagnostics,
    )
}

/// One record's texts in each language it is shown in, with the problems of its links (links
/// to other records' headings are checked by [`render_texts`], which knows every heading).
pub fn record_texts(
    site: &Site,
    record: &Record,
    counters: &WorkCounters,
    bodies: Bodies,
) -> (Localized<RecordTexts>, Diagnostics) {
    let options = markdown_options(site);
    let mut diagnostics = Diagnostics::default();
    let texts = record
        .presence
        .keys()
        .map(|lang| {
            (
                lang.clone(),
                render_record(
                    site,
                    record,
                    lang,
                    options,
                    counters,
                    bodies,
                    &mut diagnostics,
                ),
            )
        })
        .collect();
    (texts, diagnostics)
}

fn render_record(
    site: &Site,
    record: &Record,
    lang: &str,
    options: MarkdownOptions,
    counters: &WorkCounters,
    bodies: Bodies,
    diagnostics: &mut Diagnostics,
) -> RecordTexts {
    let default_lang = site.default_lang();
    let resolver = Resolver {
        site,
        record: Some(record),
        lang,
        counters,
    };
    let mut body = render_body(site, record, lang, options, counters, diagnostics);
    let mut texts = RecordTexts {
        body_html: (bodies == Bodies::Keep)
            .then(|| tera::Value::safe_string(&std::mem::take(&mut body.html))),
        text_digest: crate::digest::Digest::new().add(body.text.trim()).finish(),
        text_len: body.text.trim().len(),
        body,
        fields: BTreeMap::new(),
        field_texts: BTreeMap::new(),
        summary: String::new(),
    };
    for (name, value) in &record.fields {
        if let FieldValue::Markdown(text) = value
            && let Some((text, _)) = text.get(lang, default_lang)
        {
            counters.markdown.fetch_add(1, Ordering::Relaxed);
            let rendered = markdown::render(text, options, &resolver);
            texts.fields.insert(name.clone(), rendered.html);
            texts.field_texts.insert(name.clone(), rendered.text);
        }
    }
    // The plain text is only needed for the summary; dropping it keeps a large site smaller.
    let plain_text = std::mem::take(&mut texts.body.plain_text);
    if bodies == Bodies::Drop {
        texts.body.html = String::new();
        texts.body.text = String::new();
    }
    texts.summary = match record.summary.get(lang, default_lang) {
        Some((summary, _)) => summary.clone(),
        None => markdown::excerpt(&plain_text, summary_length(lang)),
    };
    texts
}

fn render_located(
    text: &Located<impl std::ops::Deref<Target = str>>,
    options: MarkdownOptions,
    resolver: &Resolver,
    report: bool,
    diagnostics: &mut Diagnostics,
) -> Rendered {
    resolver.counters.markdown.fetch_add(1, Ordering::Relaxed);
    let rendered = markdown::render(&text.value, options, resolver);
    if report {
        for unsafe_url in &rendered.unsafe_urls {
            diagnostics.push(
                unsafe_url
                    .refusal
                    .diagnostic(&unsafe_url.url, unsafe_url.usage)
                    .at(location_of(text, unsafe_url.offset, unsafe_url.length)),
            );
        }
        for photo in &rendered.photos_in_html {
            diagnostics.push(
                Diagnostic::error("E-photo-in-html", msg!("photo-in-html", url = &photo.url))
                    .hint(msg!("photo-in-html-hint", url = &photo.url))
                    .at(location_of(text, photo.offset, photo.length)),
            );
        }
        for broken in &rendered.broken_links {
            let location = location_in(text, broken.offset);
            let target = broken.target.split('#').next().unwrap_or_default();
            let diagnostic = if broken.target.starts_with("@/") {
                match resolver.site.unpublished(target) {
                    // That record's own errors are reported; one mistake, one message.
                    Some(Unpublished::Broken) => continue,
                    Some(Unpublished::Draft) => Diagnostic::error(
                        "E-broken-link",
                        msg!("link-to-draft", target = &broken.target),
                    )
                    .hint(msg!("link-to-draft-hint")),
                    None => Diagnostic::error(
                        "E-broken-link",
                        msg!("link-to-nothing", target = &broken.target),
                    )
                    .hint(msg!("link-to-nothing-hint")),
                }
            } else if broken.target.starts_with('/') {
                Diagnostic::error(
                    "E-broken-link",
                    msg!(
                        "link-no-static-file",
                        target = &broken.target,
                        file = format!("static{target}")
                    ),
                )
                .hint(msg!("link-no-static-file-hint"))
            } else {
                Diagnostic::error(
                    "E-missing-image",
                    msg!("markdown-missing-image", target = &broken.target),
                )
                .hint(msg!("markdown-missing-image-hint"))
            };
            diagnostics.push(diagnostic.at(location));
        }
    }
    rendered
}

/// Links to headings (`#做法`, `@/cases/liyuan.md#做法`) whose heading does not exist, checked
/// once every body is rendered and its heading ids are known. Each body is checked in its own
/// language only, as broken links are.
fn check_heading_links(site: &Site, texts: &[Localized<RecordTexts>]) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    for (index, record) in site.records.iter().enumerate() {
        for (lang, rendered) in texts[index].iter() {
            let Some(body) = record.body.exact(lang) else {
                continue;
            };
            for link in &rendered.body.heading_links {
                let (target, target_lang) = match &link.record {
                    None => (index, lang.as_str()),
                    Some(path) => {
                        let path = path.split('#').next().unwrap_or_default();
                        let Some(target) = site.find(path) else {
                            continue; // reported as a broken link
                        };
                        let shown = if site.records[target].is_in(lang) {
                            lang.as_str()
                        } else {
                            site.default_lang()
                        };
                        (target, shown)
                    }
                };
                let Some(anchors) = texts[target].exact(target_lang).map(|t| &t.body.anchors)
                else {
                    continue;
                };
                if anchors.contains(&link.anchor) {
                    continue;
                }
                let hint = if anchors.is_empty() {
                    msg!("link-no-heading-hint-none")
                } else {
                    let known: Vec<String> = anchors.iter().map(|a| format!("#{a}")).collect();
                    msg!("link-no-heading-hint", headings = known.join(", "))
                };
                diagnostics.push(
                    Diagnostic::error(
                        "E-broken-anchor",
                        msg!("link-no-heading", anchor = &link.anchor),
                    )
                    .at(location_in(body, link.offset))
                    .hint(hint),
                );
            }
        }
    }
    diagnostics
}

/// Where byte `offset` of a Markdown text is in its file.
/// The place of `length` bytes at `offset` of the text, underlined to the end of that line.
fn location_of(
    text: &Located<impl std::ops::Deref<Target = str>>,
    offset: usize,
    length: usize,
) -> Location {
    let mut location = location_in(text, offset);
    let written = text.value.get(offset..offset + length).unwrap_or_default();
    location.width = written
        .lines()
        .next()
        .map_or(1, |l| l.chars().count().max(1));
    location
}

fn location_in(text: &Located<impl std::ops::Deref<Target = str>>, offset: usize) -> Location {
    let (line, column) = line_col(&text.value, offset);
    Location {
        file: text.at.file.clone(),
        line: text.at.line + line - 1,
        column,
        line_text: text.value.lines().nth(line - 1).unwrap_or("").into(),
        width: 1,
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

struct Resolver<'a> {
    site: &'a Site,
    record: Option<&'a Record>,
    lang: &'a str,
    counters: &'a WorkCounters,
}

impl LinkResolver for Resolver<'_> {
    fn record_link(&self, target: &str) -> Option<String> {
        let (path, anchor) = match target.split_once('#') {
            Some((path, anchor)) => (path, format!("#{anchor}")),
            None => (target, String::new()),
        };
        let index = self.site.find(path)?;
        let record = &self.site.records[index];
        // With `omit`, a record missing in this language is linked in the default language.
        let lang = if record.is_in(self.lang) {
            self.lang
        } else {
            self.site.default_lang()
        };
        Some(format!(
            "{}{anchor}",
            routes::record(&self.site.config, lang, &record.collection, &record.slug)
        ))
    }

    fn site_file(&self, path: &str) -> Option<String> {
        self.site
            .static_files
            .iter()
            .any(|f| f.dest == path)
            .then(|| format!("{}{path}", self.site.config.base_url.path))
    }

    fn relative_asset(&self, path: &str) -> Option<String> {
        let record = self.record?;
        let base = record.assets_url.as_ref()?;
        let clean = path.trim_start_matches("./");
        record
            .bundle_files
            .iter()
            .any(|f| f == clean)
            .then(|| format!("{base}{clean}"))
    }

    fn picture(&self, url: &str) -> Option<BodyPicture> {
        super::pictures::body_picture(self.site, url)
    }

    fn only_resized(&self, url: &str) -> bool {
        super::pictures::only_resized(self.site, url)
    }
}
