//! A record file's fields, typed by its collection's schema (SPEC §2). Translatable values are
//! [`Localized`] from the start: plain text belongs to the file's language, a language map
//! (`{zh: …, ko: …}`) to the languages it names. References are kept with their locations so the
//! model can report an unknown region or a missing image at the right line.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::config::{BUILTIN_FIELDS, CollectionSchema, FieldDef, FieldType, SiteConfig};
use crate::diagnostics::{Diagnostic, Location};
use crate::localized::Localized;
use crate::messages::{Message, msg};
use crate::url_policy::{UrlPolicy, UrlUse};
use crate::yaml::{Key, Node, Reader, Value};

/// A value with the place it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub at: Location,
}

/// A record's Markdown body with where it starts: shared, not copied, between the parse
/// cache and each site `serve` assembles from it (at 10,000 records the bodies are about
/// 90 MB).
pub type Body = Located<std::sync::Arc<str>>;

#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub label: Localized<String>,
    pub value: f64,
    pub unit: Localized<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GalleryItem {
    pub src: Located<String>,
    pub caption: Localized<String>,
    pub credit: Localized<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceLink {
    pub name: Localized<String>,
    pub url: String,
}

/// A value of a collection's own field.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Text(Localized<String>),
    Markdown(Localized<String>),
    List(Localized<Vec<String>>),
    String(String),
    Int(i64),
    Number(f64),
    Date(Date),
    Bool(bool),
    Enum(String),
    Image(Located<String>),
    Gallery(Vec<GalleryItem>),
    Metrics(Vec<Metric>),
    Link(String),
    Ref(Located<String>),
}

impl FieldValue {
    /// Adds the languages of a translation's value to this one.
    pub fn merge_translation(&mut self, other: &FieldValue) {
        match (self, other) {
            (FieldValue::Text(a), FieldValue::Text(b))
            | (FieldValue::Markdown(a), FieldValue::Markdown(b)) => {
                for (lang, value) in b.iter() {
                    a.set(lang, value.clone());
                }
            }
            (FieldValue::List(a), FieldValue::List(b)) => {
                for (lang, value) in b.iter() {
                    a.set(lang, value.clone());
                }
            }
            _ => {}
        }
    }
}

/// Every field a record file sets, typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordFields {
    pub title: Localized<String>,
    pub summary: Localized<String>,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub draft: Option<bool>,
    pub featured: Option<bool>,
    pub weight: Option<i64>,
    pub slug: Option<Located<String>>,
    /// Taxonomy key → terms as written.
    pub terms: BTreeMap<String, Vec<Located<String>>>,
    pub related: Vec<Located<String>>,
    /// Old addresses of the record's pages, as written (issue 17).
    pub aliases: Vec<Located<String>>,
    pub source: Option<SourceLink>,
    pub custom: BTreeMap<String, FieldValue>,
    /// `body:` of a YAML record (Markdown records have their body below the front matter).
    pub body: Localized<Body>,
    pub translated_from: Option<String>,
    /// The keys the file sets, with their locations: a translation may set only some of them.
    pub keys: Vec<(String, Location)>,
}

/// Reads the fields of one record file written in `lang`.
pub fn read_fields(
    r: &mut Reader,
    front: &Node,
    lang: &str,
    schema: &CollectionSchema,
    config: &SiteConfig,
) -> RecordFields {
    let mut fields = RecordFields::default();
    let Some(entries) = r.map(front, "the front matter") else {
        return fields;
    };
    let codes = config.lang_codes();
    let mut known: Vec<&str> = BUILTIN_FIELDS.to_vec();
    for taxonomy in &config.taxonomies {
        known.push(taxonomy.key.strip_suffix('s').unwrap_or(&taxonomy.key));
    }
    known.extend(schema.fields.iter().map(|f| f.name.as_str()));
    let ctx = ValueContext {
        lang,
        codes: &codes,
        urls: &config.url_policy,
    };
    for (key, node) in entries {
        let location = r.key_location(key);
        fields.keys.push((key.name.clone(), location));
        // Values `showcase new` left to be written are errors (SPEC §5, `new`).
        if crate::scaffold::report_placeholder(r, &key.name, node, schema) {
            continue;
        }
        match key.name.as_str() {
            "title" => fields.title = ctx.localized_text(r, node, "title"),
            "summary" => fields.summary = ctx.localized_text(r, node, "summary"),
            "date" => fields.date = r.date(node, "date"),
            "updated" => fields.updated = r.date(node, "updated"),
            "draft" => fields.draft = r.bool(node, "draft"),
            "featured" => fields.featured = r.bool(node, "featured"),
            "weight" => fields.weight = r.int(node, "weight"),
            "slug" => {
                fields.slug = r.text(node, "slug").map(|value| Located {
                    value,
                    at: r.value_location(node),
                })
            }
            "related" => fields.related = located_list(r, node, "related"),
            "aliases" => fields.aliases = located_list(r, node, "aliases"),
            "source" => fields.source = read_source(r, node, &ctx),
            "body" => fields.body = ctx.localized_body(r, node),
            "translated_from" => fields.translated_from = r.text(node, "translated_from"),
            name if let Some(taxonomy) = config.taxonomy_for_field(name) => {
                fields
                    .terms
                    .insert(taxonomy.key.clone(), located_list(r, node, name));
            }
            name => match schema.field(name) {
                Some(def) => {
                    if let Some(value) = read_value(r, node, def, &ctx) {
                        fields.custom.insert(name.to_string(), value);
                    }
                }
                None if schema.allow_extra => {}
                None => r.unknown_keys(
                    std::slice::from_ref(&(key.clone(), node.clone())),
                    &known,
                    msg!("what-collection-named", name = &schema.key),
                ),
            },
        }
    }
    fields
}

struct ValueContext<'a> {
    lang: &'a str,
    codes: &'a [String],
    urls: &'a UrlPolicy,
}

impl ValueContext<'_> {
    /// A URL a visitor may follow (`link` fields, `source.url`); a refused one is reported at
    /// its value and left out, so it is never published (issue 14).
    fn link(&self, r: &mut Reader, node: &Node, field: &str) -> Option<String> {
        let url = r.text(node, field)?;
        if let Err(refusal) = self.urls.judge(&url, UrlUse::Link) {
            let location = r.value_location(node);
            r.push(refusal.diagnostic(&url, UrlUse::Link).at(location));
            return None;
        }
        Some(url)
    }

    /// A `markdown` field: its links and images are judged here, where the value's place is
    /// known; rendering publishes a refused URL as an empty address.
    fn markdown(&self, r: &mut Reader, node: &Node, field: &str) -> Localized<String> {
        let text = self.localized_text(r, node, field);
        for (_, markdown) in text.iter() {
            for found in crate::markdown::unsafe_urls(markdown, self.urls) {
                let location = r.value_location(node);
                r.push(
                    found
                        .refusal
                        .diagnostic(&found.url, found.usage)
                        .at(location),
                );
            }
        }
        text
    }

    /// Plain text in the file's language, or a language map.
    fn localized_text(&self, r: &mut Reader, node: &Node, field: &str) -> Localized<String> {
        r.localized_text(node, field, self.codes, self.lang)
    }

    fn localized_body(&self, r: &mut Reader, node: &Node) -> Localized<Body> {
        let mut localized = Localized::new();
        let mut put = |r: &mut Reader, lang: &str, value: &Node| {
            if let Some(text) = r.text(value, "body") {
                // A block scalar (`|`) starts on the line below its key.
                let mut at = r.value_location(value);
                if at.line_text.trim_end().ends_with('|') || at.line_text.trim_end().ends_with('>')
                {
                    at = r.location(
                        crate::yaml::Pos {
                            line: value.pos.line + 1,
                            column: 1,
                        },
                        1,
                    );
                }
                localized.set(
                    lang,
                    Located {
                        value: text.into(),
                        at,
                    },
                );
            }
        };
        if let Some(map) = r.language_map(node, self.codes) {
            for (lang, value) in map {
                put(r, &lang, value);
            }
        } else if node.as_map().is_some() {
            r.not_a_language_map(node, "body", self.codes);
        } else {
            put(r, self.lang, node);
        }
        localized
    }

    fn localized_list(&self, r: &mut Reader, node: &Node, field: &str) -> Localized<Vec<String>> {
        let mut localized: Localized<Vec<String>> = Localized::new();
        if let Some(map) = r.language_map(node, self.codes) {
            for (lang, value) in map {
                let items = r
                    .string_list(value, field)
                    .into_iter()
                    .map(|(t, _)| t)
                    .collect();
                localized.set(&lang, items);
            }
            return localized;
        }
        let Some(items) = node.as_seq() else {
            let items = r
                .string_list(node, field)
                .into_iter()
                .map(|(t, _)| t)
                .collect();
            localized.set(self.lang, items);
            return localized;
        };
        // Items may each be a language map; a language has the list only if every item has it.
        let per_item: Vec<Localized<String>> = items
            .iter()
            .map(|item| self.localized_text(r, item, field))
            .collect();
        for lang in self.codes {
            let list: Option<Vec<String>> = per_item
                .iter()
                .map(|item| item.exact(lang).cloned())
                .collect();
            if let Some(list) = list.filter(|l| !l.is_empty()) {
                localized.set(lang, list);
            }
        }
        localized
    }
}

fn located_list(r: &mut Reader, node: &Node, field: &str) -> Vec<Located<String>> {
    let items: Vec<(String, crate::yaml::Pos)> = r.string_list(node, field);
    items
        .into_iter()
        .map(|(value, pos)| {
            let at = r.location(pos, value.chars().count());
            Located { value, at }
        })
        .collect()
}

fn read_source(r: &mut Reader, node: &Node, ctx: &ValueContext) -> Option<SourceLink> {
    let entries = r.map(node, "source")?;
    r.unknown_keys(entries, &["name", "url"], msg!("what-source"));
    let name = node
        .get("name")
        .map(|n| ctx.localized_text(r, n, "source.name"))
        .unwrap_or_default();
    let url = node
        .get("url")
        .and_then(|n| ctx.link(r, n, "source.url"))
        .unwrap_or_default();
    if name.is_empty() && url.is_empty() {
        return None;
    }
    Some(SourceLink { name, url })
}

fn read_value(
    r: &mut Reader,
    node: &Node,
    def: &FieldDef,
    ctx: &ValueContext,
) -> Option<FieldValue> {
    let name = def.name.as_str();
    if node.is_null() {
        return None;
    }
    Some(match def.ty {
        FieldType::Text => FieldValue::Text(ctx.localized_text(r, node, name)),
        FieldType::Markdown => FieldValue::Markdown(ctx.markdown(r, node, name)),
        FieldType::List => FieldValue::List(ctx.localized_list(r, node, name)),
        FieldType::String => FieldValue::String(r.text(node, name)?),
        FieldType::Link => FieldValue::Link(ctx.link(r, node, name)?),
        FieldType::Int => FieldValue::Int(r.int(node, name)?),
        FieldType::Number => FieldValue::Number(r.number(node, name)?),
        FieldType::Date => FieldValue::Date(r.date(node, name)?),
        FieldType::Bool => FieldValue::Bool(r.bool(node, name)?),
        FieldType::Enum => {
            let value = r.text(node, name)?;
            if !def.values.contains(&value) {
                let location = r.value_location(node);
                // People often write the label they see on the site (州市级) instead of the
                // value: an exact label names its value, and every value is listed with its label.
                let labelled = def
                    .value_labels
                    .iter()
                    .find(|(_, labels)| labels.iter().any(|(_, label)| label == &value))
                    .map(|(v, _)| v.as_str());
                let codes: Vec<&str> = def.values.iter().map(String::as_str).collect();
                let near = labelled.or_else(|| crate::yaml::read::closest(&value, &codes));
                let allowed: Vec<String> = def
                    .values
                    .iter()
                    .map(|v| {
                        match def
                            .value_labels
                            .get(v)
                            .and_then(|l| l.get(ctx.lang, ctx.lang))
                        {
                            Some((label, _)) => format!("{v} ({label})"),
                            None => v.clone(),
                        }
                    })
                    .collect();
                let hint = match near {
                    Some(near) => msg!(
                        "bad-enum-hint-did-you-mean",
                        name = near,
                        values = allowed.join(", ")
                    ),
                    None => msg!("bad-enum-hint-allowed", values = allowed.join(", ")),
                };
                r.push(
                    Diagnostic::error("E-bad-enum", msg!("bad-enum", value = &value, field = name))
                        .at(location)
                        .hint(hint),
                );
                return None;
            }
            FieldValue::Enum(value)
        }
        FieldType::Image => FieldValue::Image(Located {
            value: r.text(node, name)?,
            at: r.value_location(node),
        }),
        FieldType::Ref => FieldValue::Ref(Located {
            value: r.text(node, name)?,
            at: r.value_location(node),
        }),
        FieldType::Metrics => FieldValue::Metrics(read_list_of(
            r,
            node,
            name,
            msg!("parts-metrics"),
            |r, item| read_metric(r, item, ctx),
        )),
        FieldType::Gallery => FieldValue::Gallery(read_list_of(
            r,
            node,
            name,
            msg!("parts-gallery"),
            |r, item| read_gallery_item(r, item, ctx),
        )),
    })
}

fn read_list_of<T>(
    r: &mut Reader,
    node: &Node,
    field: &str,
    parts: Message,
    mut read: impl FnMut(&mut Reader, &Node) -> Option<T>,
) -> Vec<T> {
    let Some(items) = node.as_seq() else {
        r.wrong_type(
            node,
            field,
            msg!("value-list"),
            msg!("hint-write-items", parts = parts),
        );
        return Vec::new();
    };
    items.iter().filter_map(|item| read(r, item)).collect()
}

fn read_metric(r: &mut Reader, item: &Node, ctx: &ValueContext) -> Option<Metric> {
    let entries: &[(Key, Node)] = r.map(item, "metrics")?;
    r.unknown_keys(
        entries,
        &["label", "value", "unit"],
        msg!("what-a-key-figure"),
    );
    let Some(value_node) = item.get("value") else {
        r.missing(
            item,
            "value",
            msg!("what-this-key-figure"),
            msg!("metric-value-missing-hint"),
        );
        return None;
    };
    let value = r.number(value_node, "value")?;
    let label = item
        .get("label")
        .map(|n| ctx.localized_text(r, n, "label"))
        .unwrap_or_default();
    if label.is_empty() {
        r.missing(
            item,
            "label",
            msg!("what-this-key-figure"),
            msg!("metric-label-missing-hint"),
        );
        return None;
    }
    let unit = item
        .get("unit")
        .map(|n| ctx.localized_text(r, n, "unit"))
        .unwrap_or_default();
    Some(Metric { label, value, unit })
}

fn read_gallery_item(r: &mut Reader, item: &Node, ctx: &ValueContext) -> Option<GalleryItem> {
    if let Value::Str(src) = &item.value {
        return Some(GalleryItem {
            src: Located {
                value: src.clone(),
                at: r.value_location(item),
            },
            caption: Localized::new(),
            credit: Localized::new(),
        });
    }
    let entries = r.map(item, "gallery")?;
    r.unknown_keys(
        entries,
        &["src", "caption", "credit"],
        msg!("what-a-gallery-picture"),
    );
    let Some(src_node) = item.get("src") else {
        r.missing(
            item,
            "src",
            msg!("what-this-gallery-picture"),
            msg!("gallery-src-missing-hint"),
        );
        return None;
    };
    let src = Located {
        value: r.text(src_node, "src")?,
        at: r.value_location(src_node),
    };
    let caption = item
        .get("caption")
        .map(|n| ctx.localized_text(r, n, "caption"))
        .unwrap_or_default();
    let credit = item
        .get("credit")
        .map(|n| ctx.localized_text(r, n, "credit"))
        .unwrap_or_default();
    Some(GalleryItem {
        src,
        caption,
        credit,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::config;
    use crate::diagnostics::Diagnostics;
    use crate::source::SourceFile;

    pub fn test_config() -> SiteConfig {
        let text = "title: t\nlanguages:\n  - {code: zh, tag: zh-Hans}\n  - {code: ko}\ntaxonomies:\n  regions: {terms: data/regions.yaml}\n  tags: {}\ncollections:\n  projects:\n    fields:\n      owner: {type: text}\n      level: {type: enum, values: [national, county]}\n      metrics: {type: metrics}\n      approach: {type: list}\n      cover: {type: image}\n";
        let mut d = Diagnostics::default();
        let c = config::parse(&SourceFile::new("site.yaml".into(), text.into()), &mut d).unwrap();
        assert!(d.is_empty(), "{d:?}");
        c
    }

    fn check_fields(lang: &str, yaml: &str) -> (RecordFields, Vec<Diagnostic>) {
        let config = test_config();
        let file = SourceFile::new("a.md".into(), yaml.to_string());
        let node = crate::yaml::parse(yaml).unwrap();
        let mut d = Diagnostics::default();
        let fields = read_fields(
            &mut Reader::new(&file, &mut d),
            &node,
            lang,
            &config.collections[0],
            &config,
        );
        (fields, d.iter().cloned().collect())
    }

    #[test]
    fn plain_text_belongs_to_the_file_language_and_maps_to_each() {
        let (f, d) = check_fields(
            "zh",
            "title: 延吉\nowner: {zh: 组织部, ko: 조직부}\ndate: 2020-01-02\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(f.title.exact("zh").unwrap(), "延吉");
        let FieldValue::Text(owner) = &f.custom["owner"] else {
            panic!()
        };
        assert_eq!(owner.exact("ko").unwrap(), "조직부");
    }

    #[test]
    fn metrics_with_language_maps() {
        let (f, d) = check_fields(
            "zh",
            "metrics:\n  - {label: {zh: 培训, ko: 양성}, value: 21652, unit: {zh: 人次, ko: 명}}\n  - {label: x}\n",
        );
        let FieldValue::Metrics(m) = &f.custom["metrics"] else {
            panic!()
        };
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].value, 21652.0);
        assert_eq!(d[0].code, "E-missing-field");
        assert_eq!(d[0].location.as_ref().unwrap().line, 3);
    }

    #[test]
    fn enums_list_the_allowed_values() {
        let (_, d) = check_fields("zh", "level: natinal\n");
        assert_eq!(d[0].code, "E-bad-enum");
        assert!(
            d[0].hint_text(crate::messages::UiLang::En)
                .as_deref()
                .unwrap()
                .contains("did you mean `national`")
        );
    }

    #[test]
    fn an_enum_label_written_as_the_value_suggests_the_value() {
        let mut config = test_config();
        let level = config.collections[0]
            .fields
            .iter_mut()
            .find(|f| f.name == "level")
            .unwrap();
        level
            .value_labels
            .insert("county".into(), Localized::one("zh", "县级".to_string()));
        let file = SourceFile::new("a.md".into(), "level: 县级\n".into());
        let node = crate::yaml::parse(&file.text).unwrap();
        let mut d = Diagnostics::default();
        read_fields(
            &mut Reader::new(&file, &mut d),
            &node,
            "zh",
            &config.collections[0],
            &config,
        );
        let hint = d
            .iter()
            .next()
            .unwrap()
            .hint_text(crate::messages::UiLang::En)
            .unwrap();
        assert!(hint.starts_with("did you mean `county`?"), "{hint}");
    }

    #[test]
    fn unknown_fields_are_errors_with_a_suggestion() {
        let (_, d) = check_fields("zh", "title: a\nregoin: yanji\n");
        assert_eq!(d[0].code, "E-unknown-field");
        assert_eq!(
            d[0].hint_text(crate::messages::UiLang::En).as_deref(),
            Some("did you mean `region`?")
        );
    }

    #[test]
    fn lists_of_language_maps_split_per_language() {
        let (f, _) = check_fields(
            "zh",
            "approach:\n  - {zh: 一, ko: 하나}\n  - {zh: 二, ko: 둘}\n",
        );
        let FieldValue::List(list) = &f.custom["approach"] else {
            panic!()
        };
        assert_eq!(
            list.exact("ko").unwrap(),
            &vec!["하나".to_string(), "둘".to_string()]
        );
    }
}
