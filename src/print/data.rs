//! A volume in one language as the data the Typst template reads (`volume.json`, documented in
//! `themes/default/README.md`), and the files it names: each picture's print variant and each
//! record's QR code. Texts are values here, formatted as the HTML record page formats them
//! (`render::Localizer`); the template never receives markup.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use typst::foundations::Bytes;

use super::qr;
use crate::config::{BaseUrl, FieldType};
use crate::content::fields::FieldValue;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::images::{self, Entry, PRINT_WIDTH, VariantFormat};
use crate::localized::Localized;
use crate::markdown::tree::{Block, Inline, Tree};
use crate::markdown::{self, BodyPicture, LinkResolver, MarkdownOptions};
use crate::messages::msg;
use crate::model::volumes::Volume;
use crate::model::{ImageRef, Index, Presence, Record, Site, routes};
use crate::render::{Localizer, RecordTexts};

#[derive(Debug, Serialize)]
pub struct Document {
    pub lang: String,
    pub site_title: String,
    pub organization: String,
    pub volume: VolumeData,
    /// The theme's UI strings of the language.
    pub strings: BTreeMap<String, String>,
    /// Font families per language, best first: `text` (serif) and `heading` (sans).
    pub fonts: FontData,
    /// Whether records carry QR codes (the site has a base URL with a host).
    pub qr: bool,
    /// The site's home page in this language, as a whole URL (empty without a host).
    pub home_url: String,
    pub chapters: Vec<Chapter>,
}

#[derive(Debug, Serialize)]
pub struct FontData {
    pub text: BTreeMap<String, Vec<String>>,
    pub heading: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Serialize)]
pub struct VolumeData {
    pub key: String,
    /// Its years, collection and part, as the HTML pages name it (`render::volume_title`).
    pub title: String,
    pub years: [i16; 2],
    pub part: Option<usize>,
    /// The collection's name, when the site is divided by collection.
    pub collection: Option<String>,
    /// Whether this is the site's only volume.
    pub whole: bool,
    pub records: usize,
}

#[derive(Debug, Serialize)]
pub struct Chapter {
    pub key: String,
    pub name: String,
    pub records: Vec<RecordData>,
}

#[derive(Debug, Serialize)]
pub struct RecordData {
    pub id: String,
    pub collection: String,
    pub title: String,
    /// The language of its texts: the default language's for a record not yet translated.
    pub lang: String,
    pub fallback: bool,
    pub date: String,
    pub date_display: String,
    pub updated_display: String,
    pub regions: Vec<String>,
    pub tags: Vec<String>,
    pub taxonomies: Vec<TermsData>,
    pub fields: Vec<FieldData>,
    pub summary: String,
    pub metrics_label: String,
    pub metrics: Vec<MetricData>,
    pub body: Tree,
    pub cover: Option<PictureData>,
    pub gallery_label: String,
    pub gallery: Vec<PictureData>,
    /// The page's URL, whole when the site has a host.
    pub url: String,
    /// The QR code's file, when there is one.
    pub qr: Option<String>,
    pub source: Option<LinkData>,
}

#[derive(Debug, Serialize)]
pub struct TermsData {
    pub key: String,
    pub name: String,
    pub terms: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct FieldData {
    pub key: String,
    pub label: String,
    pub kind: &'static str,
    pub text: String,
    pub items: Vec<String>,
    /// A `markdown` field, as a tree.
    pub blocks: Vec<Block>,
}

#[derive(Debug, Serialize)]
pub struct MetricData {
    pub label: String,
    pub value: f64,
    pub value_display: String,
    pub unit: String,
}

#[derive(Debug, Serialize)]
pub struct PictureData {
    pub path: String,
    pub width: u32,
    pub height: u32,
    pub caption: String,
    pub credit: String,
}

#[derive(Debug, Serialize)]
pub struct LinkData {
    pub name: String,
    pub url: String,
}

/// The widest variant a picture is printed from, by where it is printed: about 250–300 dpi
/// at its printed width (a cover spans the 170 mm column, a gallery picture half of it, a
/// body picture 70%). More pixels would only make the PDF larger.
const COVER_WIDTH: u32 = PRINT_WIDTH;
const GALLERY_WIDTH: u32 = 1000;
/// A gallery picture is at most 60 mm high: a portrait photo needs fewer pixels across.
const GALLERY_HEIGHT: u32 = 750;
const BODY_WIDTH: u32 = 1400;

/// The data of a volume and the files it names (virtual path → bytes).
pub struct Prepared {
    pub document: Document,
    pub files: BTreeMap<String, Bytes>,
    pub diagnostics: Diagnostics,
}

/// What `prepare` needs besides the site.
pub struct Inputs<'a> {
    pub root: &'a Path,
    pub base_url: &'a BaseUrl,
    pub strings: BTreeMap<String, String>,
    pub fonts: FontData,
}

pub fn prepare(
    site: &Site,
    index: &Index,
    volume: &Volume,
    lang: &str,
    inputs: Inputs,
) -> Prepared {
    let localizer = Localizer { site, lang };
    let mut files = Files {
        root: inputs.root,
        site,
        by_dest: BTreeMap::new(),
        files: BTreeMap::new(),
        diagnostics: Diagnostics::default(),
    };
    let qr = !inputs.base_url.origin.is_empty();
    let mut chapters: Vec<Chapter> = Vec::new();
    let mut count = 0;
    for &record_index in &volume.records {
        let record = &site.records[record_index];
        if !record.is_in(lang) {
            continue;
        }
        count += 1;
        let collection = index.collection_of(record_index);
        let key = &site.collections[collection].key;
        if chapters.last().is_none_or(|c| &c.key != key) {
            let name = site
                .config
                .collection(key)
                .map(|c| localizer.text(&c.name).to_string())
                .unwrap_or_else(|| key.clone());
            chapters.push(Chapter {
                key: key.clone(),
                name,
                records: Vec::new(),
            });
        }
        let data = record_data(&localizer, record, inputs.base_url, qr, &mut files);
        if let Some(chapter) = chapters.last_mut() {
            chapter.records.push(data);
        }
    }
    let config = &site.config;
    let document = Document {
        lang: lang.to_string(),
        site_title: localizer.text(&config.title).to_string(),
        organization: localizer.text(&config.booklet.organization).to_string(),
        volume: VolumeData {
            key: volume.key.clone(),
            title: crate::render::volume_title(site, &inputs.strings, lang, volume),
            years: [volume.years.0, volume.years.1],
            part: volume.part,
            collection: volume
                .collection
                .and_then(|c| config.collection(&site.collections[c].key))
                .map(|c| localizer.text(&c.name).to_string()),
            whole: volume.key == crate::model::volumes::WHOLE,
            records: count,
        },
        strings: inputs.strings,
        fonts: inputs.fonts,
        qr,
        home_url: if qr {
            inputs
                .base_url
                .absolute(&routes::home(&with_base(config, inputs.base_url), lang))
        } else {
            String::new()
        },
        chapters,
    };
    Prepared {
        document,
        files: files.files,
        diagnostics: files.diagnostics,
    }
}

/// The config with another base URL (`--base-url`), for routes.
fn with_base(config: &crate::config::SiteConfig, base: &BaseUrl) -> crate::config::SiteConfig {
    let mut config = config.clone();
    config.base_url = base.clone();
    config
}

/// The names of term links.
macro_rules! names {
    ($links:expr) => {
        $links.into_iter().map(|link| link.name).collect()
    };
}

fn record_data(
    localizer: &Localizer,
    record: &Record,
    base: &BaseUrl,
    qr: bool,
    files: &mut Files,
) -> RecordData {
    let site = localizer.site;
    let lang = localizer.lang;
    let default_lang = site.default_lang();
    let fallback = record.presence.get(lang) == Some(&Presence::Fallback);
    let text_lang = if fallback { default_lang } else { lang };
    let schema = site.config.collection(&record.collection);
    let empty = RecordTexts {
        body: Default::default(),
        body_html: None,
        fields: BTreeMap::new(),
        field_texts: BTreeMap::new(),
        summary: String::new(),
        text_digest: 0,
        text_len: 0,
    };
    let options = MarkdownOptions {
        unsafe_html: site.config.unsafe_html,
        urls: &site.config.url_policy,
    };
    let resolver = Resolver {
        site,
        record,
        lang,
        base,
    };
    let mut fields = Vec::new();
    let mut metrics_label = String::new();
    let mut gallery_label = String::new();
    if let Some(schema) = schema {
        for def in &schema.fields {
            let label = def
                .label
                .get(lang, default_lang)
                .map_or_else(|| def.name.clone(), |(l, _)| l.clone());
            match def.ty {
                FieldType::Metrics => metrics_label = label,
                FieldType::Gallery => gallery_label = label,
                FieldType::Image => {}
                _ => {
                    let Some(value) = record.fields.get(&def.name) else {
                        continue;
                    };
                    let view = localizer.field(def, value, &empty);
                    let blocks = match value {
                        FieldValue::Markdown(text) => {
                            let mut tree = markdown::tree::tree(
                                text.text(lang, default_lang),
                                options,
                                &resolver,
                            );
                            files.pictures_in(&mut tree.blocks, record);
                            tree.blocks
                        }
                        _ => Vec::new(),
                    };
                    if view.text.is_empty() && view.items.is_empty() && blocks.is_empty() {
                        continue;
                    }
                    fields.push(FieldData {
                        key: view.key,
                        label: view.label,
                        kind: view.kind,
                        text: view.text,
                        items: view.items,
                        blocks,
                    });
                }
            }
        }
    }
    let body_text = record
        .body
        .get(lang, default_lang)
        .map(|(body, _)| body.value.to_string())
        .unwrap_or_default();
    let mut body = markdown::tree::tree(&body_text, options, &resolver);
    files.pictures_in(&mut body.blocks, record);
    for blocks in body.footnotes.values_mut() {
        files.pictures_in(blocks, record);
    }
    let config = with_base(&site.config, base);
    let path = routes::record(&config, lang, &record.collection, &record.slug);
    let url = if qr { base.absolute(&path) } else { path };
    let qr_file = if qr {
        qr::svg(&url).map(|svg| {
            let name = format!("/qr/{}-{}.svg", record.collection, record.id);
            let name = files.unique(name);
            files.files.insert(name.clone(), Bytes::from_string(svg));
            name
        })
    } else {
        None
    };
    let picture = |files: &mut Files,
                   image: &ImageRef,
                   width: u32,
                   caption: &Localized<String>,
                   credit: &Localized<String>| {
        let (path, width, height, metadata_credit) = files.picture(image, width)?;
        let credit = localizer.text(credit);
        Some(PictureData {
            path,
            width,
            height,
            caption: localizer.text(caption).to_string(),
            credit: if credit.is_empty() {
                metadata_credit
            } else {
                credit.to_string()
            },
        })
    };
    let none = Localized::new();
    let cover = record
        .cover()
        .and_then(|cover| picture(files, cover, COVER_WIDTH, &none, &none));
    let gallery = record
        .galleries
        .values()
        .flatten()
        .filter_map(|p| picture(files, &p.image, GALLERY_WIDTH, &p.caption, &p.credit))
        .collect();
    RecordData {
        id: record.id.clone(),
        collection: record.collection.clone(),
        title: localizer.text(&record.title).to_string(),
        lang: text_lang.to_string(),
        fallback,
        date: record.date.to_string(),
        date_display: crate::render::format::date(record.date, lang),
        updated_display: record
            .updated
            .map(|d| crate::render::format::date(d, lang))
            .unwrap_or_default(),
        regions: names!(localizer.field_terms(record, "region")),
        tags: names!(localizer.field_terms(record, "tags")),
        taxonomies: site
            .taxonomies
            .iter()
            .zip(&site.config.taxonomies)
            .map(|(t, def)| TermsData {
                key: t.key.clone(),
                name: localizer.text(&def.name).to_string(),
                terms: names!(localizer.term_links(record, &t.key)),
            })
            .filter(|t| !t.terms.is_empty())
            .collect(),
        fields,
        summary: localizer.text(&record.summary).to_string(),
        metrics_label,
        metrics: localizer
            .metrics(record)
            .into_iter()
            .map(|m| MetricData {
                label: m.label,
                value: m.value,
                value_display: m.value_display,
                unit: m.unit,
            })
            .collect(),
        body,
        cover,
        gallery_label,
        gallery,
        url,
        qr: qr_file,
        source: record.source.as_ref().map(|s| LinkData {
            name: localizer.text(&s.name).to_string(),
            url: s.url.clone(),
        }),
    }
}

/// A picture served to Typst: its virtual path, width, height and the credit from the photo's
/// metadata.
type Served = (String, u32, u32, String);

/// The pictures a volume names, each served once to Typst under `/images/`.
struct Files<'a> {
    root: &'a Path,
    site: &'a Site,
    /// (Output path, width wanted) → (virtual path, width, height, credit from the photo's
    /// metadata).
    by_dest: BTreeMap<(String, u32), Option<Served>>,
    files: BTreeMap<String, Bytes>,
    diagnostics: Diagnostics,
}

impl Files<'_> {
    fn unique(&self, name: String) -> String {
        let mut candidate = name.clone();
        let mut n = 2;
        while self.files.contains_key(&candidate) {
            candidate = format!("{name}-{n}");
            n += 1;
        }
        candidate
    }

    /// The picture at `image` as a file for Typst: a photo's print variant (re-encoded by the
    /// image pipeline, so without its EXIF), a GIF without its metadata. `None` when the site
    /// publishes no such picture (an SVG, a remote picture) or it cannot be read, which is
    /// reported naming the record's file.
    fn picture(&mut self, image: &ImageRef, wanted: u32) -> Option<Served> {
        let key = (image.file.clone()?, wanted);
        if let Some(known) = self.by_dest.get(&key) {
            return known.clone();
        }
        let made = self.make(&key.0, wanted, image);
        self.by_dest.insert(key, made.clone());
        made
    }

    fn make(&mut self, dest: &str, wanted: u32, image: &ImageRef) -> Option<Served> {
        let (variant_dest, width, height, ext, credit) = match self.site.pictures.get(dest)? {
            Entry::Photo(photo) => {
                let wanted = if wanted == GALLERY_WIDTH && photo.height > 0 {
                    let across = u64::from(GALLERY_HEIGHT) * u64::from(photo.width)
                        / u64::from(photo.height);
                    wanted.min(across as u32)
                } else {
                    wanted
                };
                let variants = photo.fallback();
                let variant = variants
                    .iter()
                    .rev()
                    .find(|v| v.width <= wanted)
                    .or(variants.first())?;
                let ext = match variant.format {
                    VariantFormat::Jpeg => "jpg",
                    VariantFormat::Png => "png",
                    VariantFormat::WebP => "webp",
                };
                (
                    variant.dest.clone(),
                    variant.width,
                    variant.height,
                    ext,
                    images::credit(photo).unwrap_or_default(),
                )
            }
            Entry::AsIs(as_is) => (
                dest.to_string(),
                as_is.width,
                as_is.height,
                "gif",
                String::new(),
            ),
        };
        let bytes = match self.site.pictures.published_bytes(self.root, &variant_dest) {
            Some(Ok(bytes)) => bytes,
            Some(Err(detail)) => {
                self.unreadable(image, detail);
                return None;
            }
            None => return None,
        };
        let bytes = Bytes::new(bytes);
        // Typst reads the picture when it lays it out; one it cannot read is reported here,
        // at the record, instead of as an error in the template.
        let format = match ext {
            "jpg" => typst::visualize::ExchangeFormat::Jpg,
            "png" => typst::visualize::ExchangeFormat::Png,
            "webp" => typst::visualize::ExchangeFormat::Webp,
            _ => typst::visualize::ExchangeFormat::Gif,
        };
        if let Err(err) = typst::visualize::RasterImage::new(
            bytes.clone(),
            format,
            typst::foundations::Smart::Auto,
        ) {
            self.unreadable(image, err.to_string());
            return None;
        }
        let name = self.unique(format!("/images/{}.{ext}", self.by_dest.len() + 1));
        self.files.insert(name.clone(), bytes);
        Some((name, width, height, credit))
    }

    fn unreadable(&mut self, image: &ImageRef, detail: String) {
        self.diagnostics.push(
            Diagnostic::error(
                "E-print-image",
                msg!("print-image-unreadable", detail = detail),
            )
            .at(image.at.clone()),
        );
    }

    /// Replaces each picture's URL in `blocks` by its file for Typst; a picture that is not
    /// the site's own (or cannot be read) keeps an empty path, and the template prints its
    /// alternative text.
    fn pictures_in(&mut self, blocks: &mut [Block], record: &Record) {
        for block in blocks {
            match block {
                Block::Heading { content, .. } | Block::Paragraph { content } => {
                    self.inline_pictures(content, record)
                }
                Block::List { items, .. } => {
                    for item in items {
                        self.pictures_in(item, record);
                    }
                }
                Block::Quote { blocks } => self.pictures_in(blocks, record),
                Block::Table { header, rows, .. } => {
                    for cell in header.iter_mut().chain(rows.iter_mut().flatten()) {
                        self.inline_pictures(cell, record);
                    }
                }
                Block::Code { .. } | Block::Rule => {}
            }
        }
    }

    fn inline_pictures(&mut self, content: &mut [Inline], record: &Record) {
        for inline in content {
            match inline {
                Inline::Image { url, .. } => {
                    let dest = routes::output_path(&self.site.config, url);
                    let image = ImageRef {
                        url: url.clone(),
                        file: Some(dest),
                        at: crate::diagnostics::Location {
                            file: record.path.as_path().into(),
                            line: 1,
                            column: 1,
                            line_text: "".into(),
                            width: 1,
                        },
                    };
                    *url = match self.picture(&image, BODY_WIDTH) {
                        Some((path, ..)) => path,
                        None => String::new(),
                    };
                }
                Inline::Emphasis { content }
                | Inline::Strong { content }
                | Inline::Strike { content }
                | Inline::Link { content, .. } => self.inline_pictures(content, record),
                _ => {}
            }
        }
    }
}

/// Links of a printed body: record links to their pages' whole URLs (when the site has a
/// host), pictures of the record's bundle and of `static/` to their site paths.
struct Resolver<'a> {
    site: &'a Site,
    record: &'a Record,
    lang: &'a str,
    base: &'a BaseUrl,
}

impl LinkResolver for Resolver<'_> {
    fn record_link(&self, target: &str) -> Option<String> {
        let (path, anchor) = match target.split_once('#') {
            Some((path, anchor)) => (path, format!("#{anchor}")),
            None => (target, String::new()),
        };
        let record = &self.site.records[self.site.find(path)?];
        let lang = if record.is_in(self.lang) {
            self.lang
        } else {
            self.site.default_lang()
        };
        let config = with_base(&self.site.config, self.base);
        let url = routes::record(&config, lang, &record.collection, &record.slug);
        Some(format!("{}{anchor}", self.base.absolute(&url)))
    }

    fn relative_asset(&self, path: &str) -> Option<String> {
        let base = self.record.assets_url.as_ref()?;
        let clean = path.trim_start_matches("./");
        self.record
            .bundle_files
            .iter()
            .any(|f| f == clean)
            .then(|| format!("{base}{clean}"))
    }

    fn site_file(&self, path: &str) -> Option<String> {
        self.site
            .static_files
            .iter()
            .any(|f| f.dest == path)
            .then(|| format!("{}{path}", self.site.config.base_url.path))
    }

    fn picture(&self, _: &str) -> Option<BodyPicture> {
        None
    }
}
