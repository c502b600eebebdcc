//! Model → view values for one language: cards (built once per record and language, then reused
//! by every list that shows the record) and full record views.

use super::bodies::RecordTexts;
use super::format;
use super::pictures;
use super::views::{
    CardView, CoverView, FieldView, LinkView, MetricView, PictureView, RecordView, TaxonomyTerms,
    TocEntry,
};
use crate::config::{FieldDef, FieldType};
use crate::content::fields::FieldValue;
use crate::localized::Localized;
use crate::model::{Presence, Record, Site, routes};

pub struct Localizer<'a> {
    pub site: &'a Site,
    pub lang: &'a str,
}

impl<'a> Localizer<'a> {
    fn default_lang(&self) -> &'a str {
        self.site.default_lang()
    }

    pub fn text(&self, value: &'a crate::localized::Localized<String>) -> &'a str {
        value.text(self.lang, self.default_lang())
    }

    pub fn lang_tag(&self, lang: &str) -> String {
        self.site
            .config
            .language(lang)
            .map_or_else(|| lang.to_string(), |l| l.tag.clone())
    }

    /// The record's terms of the taxonomy a built-in field names (`region`, `tags`: SPEC §2),
    /// whatever site.yaml calls its key; none when the site has no such taxonomy.
    pub fn field_terms(&self, record: &Record, field: &str) -> Vec<LinkView> {
        match self.site.config.taxonomy_for_field(field) {
            Some(taxonomy) => self.term_links(record, &taxonomy.key),
            None => Vec::new(),
        }
    }

    pub fn term_links(&self, record: &Record, taxonomy: &str) -> Vec<LinkView> {
        let Some(tax) = self.site.taxonomies.iter().find(|t| t.key == taxonomy) else {
            return Vec::new();
        };
        record
            .terms
            .get(taxonomy)
            .map(|terms| {
                terms
                    .iter()
                    .map(|&i| {
                        let term = &tax.terms[i];
                        LinkView {
                            name: self.text(&term.name).to_string(),
                            url: routes::section(
                                &self.site.config,
                                self.lang,
                                &[taxonomy, &term.slug],
                                1,
                            ),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn metrics(&self, record: &Record) -> Vec<MetricView> {
        record
            .fields
            .values()
            .filter_map(|v| match v {
                FieldValue::Metrics(metrics) => Some(metrics),
                _ => None,
            })
            .flatten()
            .map(|m| MetricView {
                label: self.text(&m.label).to_string(),
                value: m.value,
                value_display: format::number(m.value),
                unit: self.text(&m.unit).to_string(),
            })
            .collect()
    }

    pub fn card(&self, index: usize, texts: &RecordTexts) -> CardView {
        let record = &self.site.records[index];
        let config = &self.site.config;
        let title = self.text(&record.title).to_string();
        let schema_name = config
            .collection(&record.collection)
            .map(|c| self.text(&c.name).to_string())
            .unwrap_or_default();
        let fallback = record.presence.get(self.lang) == Some(&Presence::Fallback);
        let text_lang = if fallback {
            self.default_lang()
        } else {
            self.lang
        };
        let mut metrics = self.metrics(record);
        metrics.truncate(2);
        CardView {
            id: record.id.clone(),
            collection: record.collection.clone(),
            collection_name: schema_name,
            url: routes::record(config, self.lang, &record.collection, &record.slug),
            summary: texts.summary.clone(),
            date: record.date.to_string(),
            date_display: format::date(record.date, self.lang),
            region: self.field_terms(record, "region").into_iter().next(),
            cover: record.cover().map(|cover| CoverView {
                image: pictures::image_view(self.site, cover),
                alt: title.clone(),
            }),
            featured: record.featured,
            lang_tag: self.lang_tag(text_lang),
            fallback,
            metrics,
            title,
        }
    }

    /// A field of the collection's own as the record page shows it.
    pub fn field(&self, def: &FieldDef, value: &FieldValue, texts: &RecordTexts) -> FieldView {
        let label = def
            .label
            .get(self.lang, self.default_lang())
            .map_or_else(|| def.name.clone(), |(l, _)| l.clone());
        let mut view = FieldView {
            key: def.name.clone(),
            label,
            kind: def.ty.name(),
            text: String::new(),
            html: String::new(),
            items: Vec::new(),
        };
        match value {
            FieldValue::Text(text) => view.text = self.text(text).to_string(),
            FieldValue::Markdown(_) => {
                view.html = texts.fields.get(&def.name).cloned().unwrap_or_default()
            }
            FieldValue::List(list) => {
                view.items = list
                    .get(self.lang, self.default_lang())
                    .map(|(l, _)| l.clone())
                    .unwrap_or_default()
            }
            FieldValue::String(s) | FieldValue::Link(s) => view.text = s.clone(),
            FieldValue::Int(i) => view.text = i.to_string(),
            FieldValue::Number(n) => view.text = format::number(*n),
            FieldValue::Date(d) => view.text = format::date(*d, self.lang),
            FieldValue::Bool(b) => view.text = b.to_string(),
            FieldValue::Enum(v) => {
                view.text = def
                    .value_labels
                    .get(v)
                    .and_then(|l| l.get(self.lang, self.default_lang()))
                    .map_or_else(|| v.clone(), |(l, _)| l.clone())
            }
            FieldValue::Ref(r) => view.text = r.value.clone(),
            FieldValue::Image(_) | FieldValue::Gallery(_) | FieldValue::Metrics(_) => {}
        }
        view
    }

    pub fn record(
        &self,
        index: usize,
        texts: &RecordTexts,
        body_html: tera::Value,
        card: CardView,
    ) -> RecordView {
        let record = &self.site.records[index];
        let schema = self.site.config.collection(&record.collection);
        let mut fields = Vec::new();
        if let Some(schema) = schema {
            for def in &schema.fields {
                if matches!(
                    def.ty,
                    FieldType::Metrics | FieldType::Image | FieldType::Gallery
                ) {
                    continue;
                }
                let Some(value) = record.fields.get(&def.name) else {
                    continue;
                };
                let view = self.field(def, value, texts);
                if !(view.text.is_empty() && view.html.is_empty() && view.items.is_empty()) {
                    fields.push(view);
                }
            }
        }
        let metrics = self.metrics(record);
        let metrics_label = schema
            .and_then(|s| s.fields.iter().find(|f| f.ty == FieldType::Metrics))
            .and_then(|f| {
                f.label
                    .get(self.lang, self.default_lang())
                    .map(|(l, _)| l.clone())
            })
            .unwrap_or_default();
        let chart_svg =
            super::chart::bar_chart(&metrics, &format!("{} — {}", card.title, metrics_label));
        let gallery = record
            .galleries
            .values()
            .flatten()
            .map(|p| {
                let credit = self.text(&p.credit);
                PictureView {
                    caption: self.text(&p.caption).to_string(),
                    credit: if credit.is_empty() {
                        pictures::metadata_credit(self.site, &p.image).unwrap_or_default()
                    } else {
                        credit.to_string()
                    },
                    image: pictures::image_view(self.site, &p.image),
                }
            })
            .collect();
        let source = record.source.as_ref().map(|s| LinkView {
            name: self.text(&s.name).to_string(),
            url: s.url.clone(),
        });
        RecordView {
            updated: record.updated.map(|d| d.to_string()).unwrap_or_default(),
            updated_display: record
                .updated
                .map(|d| format::date(d, self.lang))
                .unwrap_or_default(),
            fields,
            metrics,
            chart_svg,
            body_html,
            toc: texts
                .body
                .headings
                .iter()
                .filter(|h| h.level >= 2)
                .map(|h| TocEntry {
                    level: h.level,
                    id: h.id.clone(),
                    text: h.text.clone(),
                })
                .collect(),
            gallery,
            taxonomies: self
                .site
                .taxonomies
                .iter()
                .zip(&self.site.config.taxonomies)
                .filter(|(t, _)| {
                    record
                        .terms
                        .get(&t.key)
                        .is_some_and(|terms| !terms.is_empty())
                })
                .map(|(t, def)| TaxonomyTerms {
                    key: t.key.clone(),
                    name: self.text(&def.name).to_string(),
                    terms: self.term_links(record, &t.key),
                })
                .collect(),
            regions: self.field_terms(record, "region"),
            tags: self.field_terms(record, "tags"),
            source,
            card,
        }
    }
}

/// Cards of every record in every language it appears in, each passed through `finish` (on
/// the same worker thread), but those `reused` (one entry per record) has already.
pub fn all_cards<T: Send, E: Send>(
    site: &Site,
    texts: &[Localized<RecordTexts>],
    reused: Vec<Option<Localized<T>>>,
    finish: impl Fn(&str, CardView) -> Result<T, E> + Sync,
) -> Result<Vec<Localized<T>>, E> {
    use rayon::prelude::*;
    reused
        .into_par_iter()
        .enumerate()
        .map(|(index, reused)| {
            if let Some(cards) = reused {
                return Ok(cards);
            }
            texts[index]
                .iter()
                .map(|(lang, texts)| {
                    let card = Localizer { site, lang }.card(index, texts);
                    Ok((lang.clone(), finish(lang, card)?))
                })
                .collect()
        })
        .collect()
}
