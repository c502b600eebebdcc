//! What search indexes, per language: for every record shown in the language, its title, the
//! explicit summary, the body's visible text, the collection's text fields (text, markdown, list,
//! string and enum labels) and the names of its taxonomy terms, taken from what was rendered
//! once (cards, `RecordTexts`) rather than parsed again. `search::build` makes the files.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::Rendering;
use super::cards::Localizer;
use crate::content::fields::FieldValue;
use crate::search::{self, LanguageIndex, SearchDoc};

/// Every language's index, one language after the other (each is built in parallel, and one
/// at a time holds half the memory).
pub fn indexes(r: &Rendering) -> BTreeMap<String, LanguageIndex> {
    r.site
        .config
        .languages
        .iter()
        .map(|language| {
            let lang = language.code.as_str();
            (lang.to_string(), search::build(lang, &docs(r, lang)))
        })
        .collect()
}

/// The records shown in `lang`, in site order.
fn docs(r: &Rendering, lang: &str) -> Vec<SearchDoc> {
    let site = r.site;
    (0..site.records.len())
        .into_par_iter()
        .filter(|&i| site.records[i].is_in(lang))
        .map(|i| doc(r, i, lang))
        .collect()
}

fn doc(r: &Rendering, index: usize, lang: &str) -> SearchDoc {
    let site = r.site;
    let record = &site.records[index];
    let card = r.card(index, lang);
    let texts = r.texts.records[index]
        .exact(lang)
        .expect("texts for each language the record is shown in");
    let l = Localizer { site, lang };
    let mut lines: Vec<&str> = Vec::new();
    if record.summary.get(lang, site.default_lang()).is_some() {
        lines.push(&card.summary);
    }
    let mut owned: Vec<String> = Vec::new();
    let mut field_texts: Vec<&str> = Vec::new();
    if let Some(schema) = site.config.collection(&record.collection) {
        for def in &schema.fields {
            let Some(value) = record.fields.get(&def.name) else {
                continue;
            };
            match value {
                FieldValue::Markdown(_) => {
                    if let Some(text) = texts.field_texts.get(&def.name) {
                        field_texts.push(text);
                    }
                }
                FieldValue::Text(_)
                | FieldValue::List(_)
                | FieldValue::String(_)
                | FieldValue::Enum(_) => {
                    let view = l.field(def, value, texts);
                    owned.push(view.text);
                    owned.extend(view.items);
                }
                _ => {}
            }
        }
    }
    let mut regions = Vec::new();
    for taxonomy in &site.taxonomies {
        for term in l.term_links(record, &taxonomy.key) {
            if taxonomy.key == "regions" {
                regions.push(term.name.clone());
            }
            owned.push(term.name);
        }
    }
    // The body before the fields and terms: a snippet shows the first best match, and a
    // sentence reads better there than a list of field values.
    lines.push(&texts.body.text);
    lines.extend(field_texts);
    lines.extend(owned.iter().map(String::as_str));
    let mut text = String::new();
    for line in lines.into_iter().map(str::trim).filter(|l| !l.is_empty()) {
        text.push_str(line);
        text.push('\n');
    }
    text.pop();
    SearchDoc {
        url: card.url.clone(),
        title: card.title.clone(),
        collection: card.collection_name.clone(),
        region: regions.join("、"),
        date: card.date.clone(),
        date_display: card.date_display.clone(),
        lang_tag: if card.fallback {
            card.lang_tag.clone()
        } else {
            String::new()
        },
        text,
    }
}
