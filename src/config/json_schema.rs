//! A JSON Schema (draft-07) of a collection's records, for editors that check YAML as it is
//! typed (`showcase schema`). It mirrors what the loader accepts (SPEC §2, §3): built-in fields,
//! the collection's own fields with their types and enum values, required fields, unknown
//! fields refused unless `extra: allow`, and translatable values as text or a language map.
//! It is a help for editors, not the rule: `check` and `build` remain the judges.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::{CollectionSchema, FieldDef, FieldType, SiteConfig};
use crate::messages::{UiLang, msg};

/// draft-07: the draft the VS Code YAML extension (yaml-language-server) has supported longest.
pub const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// The schema of the records of `schema`. `terms` holds the term ids of each closed taxonomy.
pub fn collection_schema(
    config: &SiteConfig,
    schema: &CollectionSchema,
    terms: &BTreeMap<String, Vec<String>>,
    ui: UiLang,
) -> Value {
    let codes = config.lang_codes();
    let mut properties = Map::new();
    let text = || translatable(&codes, scalar_text());
    let builtin = |field: &str| msg!("schema-builtin", field = field).text(ui);
    let mut put = |name: &str, mut value: Value, description: &str| {
        if !description.is_empty() {
            value["description"] = json!(description);
        }
        properties.insert(name.to_string(), value);
    };
    put("title", text(), &builtin("title"));
    put("date", date(), &builtin("date"));
    put("summary", text(), &builtin("summary"));
    put("updated", date(), &builtin("updated"));
    put("draft", json!({"type": "boolean"}), &builtin("draft"));
    put("featured", json!({"type": "boolean"}), &builtin("featured"));
    put("weight", json!({"type": "integer"}), &builtin("weight"));
    put(
        "slug",
        json!({"type": "string", "pattern": "^[a-z0-9-]+$"}),
        &builtin("slug"),
    );
    put(
        "related",
        string_or_list(json!({"type": "string"})),
        &builtin("related"),
    );
    put(
        "aliases",
        string_or_list(json!({"type": "string"})),
        &builtin("aliases"),
    );
    put(
        "source",
        json!({
            "type": "object",
            "properties": {"name": text(), "url": {"type": "string"}},
            "additionalProperties": false
        }),
        &builtin("source"),
    );
    put(
        "body",
        translatable(&codes, json!({"type": "string"})),
        &builtin("body"),
    );
    put(
        "translated_from",
        json!({"type": "string"}),
        &builtin("translated_from"),
    );
    for taxonomy in &config.taxonomies {
        let term = match terms.get(&taxonomy.key) {
            Some(ids) if taxonomy.terms_file.is_some() => json!({"type": "string", "enum": ids}),
            _ => scalar_text(),
        };
        let description = names(&taxonomy.name, &codes);
        let singular = taxonomy.key.strip_suffix('s').unwrap_or(&taxonomy.key);
        put(singular, string_or_list(term.clone()), &description);
        if singular != taxonomy.key {
            put(&taxonomy.key, string_or_list(term), &description);
        }
    }
    for def in &schema.fields {
        let mut description = names(&def.label, &codes);
        if description.is_empty() {
            description = def.name.clone();
        }
        put(&def.name, field(def, &codes), &description);
    }
    let mut required = vec![json!("title"), json!("date")];
    required.extend(
        schema
            .fields
            .iter()
            .filter(|f| f.required)
            .map(|f| json!(f.name)),
    );
    json!({
        "$schema": DRAFT,
        "title": format!("{} ({})", names(&schema.name, &codes), schema.key),
        "description": msg!("schema-description", collection = &schema.key).text(ui),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": schema.allow_extra,
    })
}

/// `中文名 / 조선어 이름`: a label in every language that has one.
fn names(label: &crate::localized::Localized<String>, codes: &[String]) -> String {
    codes
        .iter()
        .filter_map(|code| label.exact(code).cloned())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Text as the loader reads it: numbers and booleans are taken as written.
fn scalar_text() -> Value {
    json!({"type": ["string", "number", "boolean"]})
}

fn date() -> Value {
    json!({"type": "string", "pattern": DATE_PATTERN})
}

/// A plain value in the file's language, or a language map `{zh: …, ko: …}`.
fn translatable(codes: &[String], plain: Value) -> Value {
    let languages: Map<String, Value> = codes
        .iter()
        .map(|code| (code.clone(), plain.clone()))
        .collect();
    json!({
        "anyOf": [
            plain,
            {"type": "object", "properties": languages, "additionalProperties": false, "minProperties": 1}
        ]
    })
}

fn string_or_list(item: Value) -> Value {
    json!({"anyOf": [item.clone(), {"type": "array", "items": item}, {"type": "null"}]})
}

fn field(def: &FieldDef, codes: &[String]) -> Value {
    let text = || translatable(codes, scalar_text());
    match def.ty {
        FieldType::Text | FieldType::Markdown => text(),
        FieldType::String | FieldType::Link | FieldType::Image | FieldType::Ref => scalar_text(),
        FieldType::Int => json!({"type": "integer"}),
        FieldType::Number => json!({"type": "number"}),
        FieldType::Date => date(),
        FieldType::Bool => json!({"type": "boolean"}),
        FieldType::Enum => {
            let descriptions: Vec<String> = def
                .values
                .iter()
                .map(|v| {
                    def.value_labels
                        .get(v)
                        .map(|l| names(l, codes))
                        .unwrap_or_default()
                })
                .collect();
            json!({"type": "string", "enum": def.values, "enumDescriptions": descriptions})
        }
        FieldType::List => {
            let list = json!({"type": "array", "items": text()});
            translatable(codes, list)
        }
        FieldType::Gallery => json!({
            "type": "array",
            "items": {"anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {"src": {"type": "string"}, "caption": text(), "credit": text()},
                    "required": ["src"],
                    "additionalProperties": false
                }
            ]}
        }),
        FieldType::Metrics => json!({
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"label": text(), "value": {"type": "number"}, "unit": text()},
                "required": ["label", "value"],
                "additionalProperties": false
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::fields::tests::test_config;

    #[test]
    fn fields_enums_and_required_are_in_the_schema() {
        let config = test_config();
        let projects = config.collection("projects").unwrap();
        let terms = BTreeMap::from([("regions".to_string(), vec!["yanji".to_string()])]);
        let schema = collection_schema(&config, projects, &terms, UiLang::En);
        assert_eq!(schema["$schema"], DRAFT);
        assert_eq!(schema["required"], json!(["title", "date"]));
        assert_eq!(schema["additionalProperties"], json!(false));
        assert_eq!(
            schema["properties"]["level"]["enum"],
            json!(["national", "county"])
        );
        assert_eq!(
            schema["properties"]["region"]["anyOf"][0]["enum"],
            json!(["yanji"])
        );
        let owner = &schema["properties"]["owner"]["anyOf"];
        assert_eq!(owner[1]["properties"]["ko"], scalar_text());
    }
}
