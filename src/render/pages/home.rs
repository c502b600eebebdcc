//! The home page (`home.html`): the site's introduction, its key figures added up, and each
//! collection's featured and latest cards.

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::Head;
use super::list::collection_view;
use super::lists::cards_of;
use crate::content::fields::FieldValue;
use crate::digest::Digest;
use crate::render::cards::Localizer;
use crate::render::views::{CollectionView, FigureView};
use crate::render::{Rendering, format};

/// The home page shows this many featured and latest cards per collection.
const HOME_FEATURED: usize = 3;
const HOME_LATEST: usize = 6;
const HOME_FIGURES: usize = 8;

/// What `home.html` sees besides the keys every page has.
#[derive(Serialize)]
pub struct HomeView {
    /// **html** from `content/_index.<lang>.md`, may be empty.
    intro_html: String,
    figures: Vec<FigureView>,
    sections: Vec<SectionView>,
}

/// A collection on the home page, with some of its cards.
#[derive(Serialize)]
struct SectionView {
    #[serde(flatten)]
    collection: CollectionView,
    /// Cards, shared (see `Rendering::card_value`).
    featured: Vec<tera::Value>,
    latest: Vec<tera::Value>,
}

pub fn view(r: &Rendering, lang: &str) -> (Head, HomeView) {
    let site = r.site;
    let l = Localizer { site, lang };
    let key = (None, lang.to_string());
    let title = site
        .intros
        .get(&key)
        .and_then(|i| i.title.clone())
        .unwrap_or_else(|| l.text(&site.config.title).to_string());
    let sections = (0..site.collections.len())
        .map(|c| {
            let shown = r.shown(c, lang);
            let featured = shown
                .iter()
                .copied()
                .filter(|&i| site.records[i].featured)
                .take(HOME_FEATURED)
                .map(|i| r.card_value(i, lang))
                .collect();
            let mut latest = shown.to_vec();
            latest.sort_by(|&a, &b| {
                site.records[b]
                    .date
                    .cmp(&site.records[a].date)
                    .then(a.cmp(&b))
            });
            let latest = latest
                .into_iter()
                .take(HOME_LATEST)
                .map(|i| r.card_value(i, lang))
                .collect();
            SectionView {
                collection: collection_view(r, c, lang),
                featured,
                latest,
            }
        })
        .collect();
    let view = HomeView {
        intro_html: r.texts.intros.get(&key).cloned().unwrap_or_default(),
        figures: r.figures[lang].clone(),
        sections,
    };
    (Head::titled(title, ""), view)
}

/// Cards of every collection's records (featured, latest), and the figures they add up.
pub fn reads(r: &Rendering, lang: &str, digest: &mut Digest) {
    for c in 0..r.site.collections.len() {
        cards_of(digest, r, r.shown(c, lang), lang);
    }
    digest.add_debug(&r.figures[lang]);
}

/// The home page's key figures: the records' figures added up per label and unit, most
/// reported first (SPEC §4, "aggregated key figures").
pub fn figures(r: &Rendering, lang: &str) -> Vec<FigureView> {
    let site = r.site;
    let l = Localizer { site, lang };
    // Borrowed labels, and no number formatted but the sums: this runs over every record on
    // every save in `serve`.
    let mut sums: FxHashMap<(&str, &str), (f64, usize)> = FxHashMap::default();
    for record in site.records.iter().filter(|rec| rec.is_in(lang)) {
        let metrics = record.fields.values().filter_map(|value| match value {
            FieldValue::Metrics(metrics) => Some(metrics),
            _ => None,
        });
        for metric in metrics.flatten() {
            let key = (l.text(&metric.label), l.text(&metric.unit));
            let entry = sums.entry(key).or_default();
            entry.0 += metric.value;
            entry.1 += 1;
        }
    }
    let mut figures: Vec<_> = sums.into_iter().collect();
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
            label: label.to_string(),
            value_display: format::number(sum),
            unit: unit.to_string(),
            count,
        })
        .collect()
}
