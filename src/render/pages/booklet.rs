//! The booklet (the printed compilation, 汇编): one volume per page (`booklet.html`), and when
//! the site has several volumes (`model/volumes.rs`) the page listing them (`booklets.html`).
//! A volume's frame has its chapters, one per collection it holds, each with its records'
//! cards (for a table of contents) and the slot where its entries go. The entries themselves
//! are rendered and written into the slots by `render/booklet.rs`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Head;
use super::lists::records_of;
use crate::digest::Digest;
use crate::model::Site;
use crate::model::routes;
use crate::model::volumes::Volume;
use crate::render::Rendering;
use crate::render::cards::Localizer;
use crate::render::views::entries_slot;

/// What `booklet.html` sees besides the keys every page has.
#[derive(Serialize)]
pub struct BookletView {
    volume: VolumeView,
    chapters: Vec<ChapterView>,
}

/// What `booklets.html` sees besides the keys every page has.
#[derive(Serialize)]
pub struct VolumesView {
    volumes: Vec<VolumeView>,
}

/// A volume, as its page and the list of volumes show it.
#[derive(Serialize)]
struct VolumeView {
    key: String,
    /// Its years, collection and part (see [`volume_title`]).
    title: String,
    first_year: i16,
    last_year: i16,
    /// Its records shown in the page's language.
    count: usize,
    /// Its page.
    url: String,
    /// Its PDF, when `booklet.pdf` publishes one.
    pdf_url: Option<String>,
    /// The list of volumes, when there are several.
    volumes_url: Option<String>,
}

#[derive(Serialize)]
struct ChapterView {
    key: String,
    name: String,
    /// The chapter's cards, shared (see `Rendering::card_value`).
    records: Vec<tera::Value>,
    /// The slot where the chapter's entries are written (see [`entries_slot`]).
    entries: String,
}

/// The title of volume `volume` in `lang`, made of the theme's words (`strings`): its years,
/// after its collection's name when the site is divided by collection (a collection whole
/// has no years), and its part. The HTML pages and the PDF both show it.
pub fn volume_title(
    site: &Site,
    strings: &BTreeMap<String, String>,
    lang: &str,
    volume: &Volume,
) -> String {
    let word = |key: &str| strings.get(key).cloned().unwrap_or_else(|| key.to_string());
    let (first, last) = volume.years;
    let years = match first == last {
        true => word("year_n").replace("{n}", &first.to_string()),
        false => word("volume_years")
            .replace("{first}", &first.to_string())
            .replace("{last}", &last.to_string()),
    };
    let mut title = match volume.collection {
        Some(c) => {
            let name = Localizer { site, lang }.text(&site.config.collections[c].name);
            match volume.records.len() == site.collections[c].records.len() {
                true => name.to_string(),
                false => format!("{name} {years}"),
            }
        }
        None => years,
    };
    if let Some(part) = volume.part {
        title = word("volume_part")
            .replace("{title}", &title)
            .replace("{n}", &part.to_string());
    }
    title
}

fn volume_view(r: &Rendering, lang: &str, v: usize) -> VolumeView {
    let config = &r.site.config;
    let volumes = r.index.volumes();
    let volume = &volumes[v];
    let several = volumes.len() > 1;
    VolumeView {
        key: volume.key.clone(),
        title: volume_title(r.site, r.theme.strings(lang), lang, volume),
        first_year: volume.years.0,
        last_year: volume.years.1,
        count: (0..r.site.collections.len())
            .map(|c| r.volume_chapter(v, c, lang).len())
            .sum(),
        url: routes::booklet(config, lang, several.then_some(volume.key.as_str())),
        pdf_url: config
            .booklet
            .pdf
            .then(|| routes::booklet_pdf(config, lang, &volume.key)),
        volumes_url: several.then(|| routes::booklet(config, lang, None)),
    }
}

pub fn view(r: &Rendering, lang: &str, volume: usize) -> (Head, BookletView) {
    let site = r.site;
    let chapters = site
        .collections
        .iter()
        .enumerate()
        .filter_map(|(c, collection)| {
            let records = r.volume_chapter(volume, c, lang);
            (!records.is_empty()).then(|| ChapterView {
                key: collection.key.clone(),
                name: Localizer { site, lang }
                    .text(&site.config.collections[c].name)
                    .to_string(),
                records: records.iter().map(|&i| r.card_value(i, lang)).collect(),
                entries: entries_slot(c),
            })
        })
        .collect();
    let volume = volume_view(r, lang, volume);
    let title = match r.index.volumes().len() {
        1 => r.strings_text(lang, "booklet"),
        _ => format!("{} · {}", r.strings_text(lang, "booklet"), volume.title),
    };
    let head = Head::titled(title, "booklet");
    (head, BookletView { volume, chapters })
}

/// Every record of the volume whole, and the volume's place among the volumes.
pub fn reads(r: &Rendering, lang: &str, volume: usize, digest: &mut Digest) {
    let volumes = r.index.volumes();
    let v = &volumes[volume];
    digest.add(&volumes.len()).add(&v.key).add(&v.years);
    digest.add(&v.collection).add(&v.part);
    for c in 0..r.site.collections.len() {
        records_of(digest, r, &r.volume_chapter(volume, c, lang), lang);
    }
}

pub fn volumes_view(r: &Rendering, lang: &str) -> (Head, VolumesView) {
    let volumes = (0..r.index.volumes().len())
        .map(|v| volume_view(r, lang, v))
        .filter(|volume| volume.count > 0)
        .collect();
    let head = Head::titled(r.strings_text(lang, "booklet"), "booklet");
    (head, VolumesView { volumes })
}

/// Each volume: its key, years, collection, part and how many records it shows.
pub fn volumes_reads(r: &Rendering, lang: &str, digest: &mut Digest) {
    for (v, volume) in r.index.volumes().iter().enumerate() {
        digest.add(&volume.key).add(&volume.years);
        digest.add(&volume.collection).add(&volume.part);
        for c in 0..r.site.collections.len() {
            digest.add(&r.volume_chapter(v, c, lang).len());
        }
    }
}
