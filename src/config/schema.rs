//! A collection's schema (SPEC §2): its typed fields, sort order and page size. A new
//! collection is declared in site.yaml alone; nothing here names a particular collection.

use std::collections::BTreeMap;

use crate::localized::Localized;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Translatable plain text.
    Text,
    /// Translatable Markdown, rendered to HTML.
    Markdown,
    /// Plain text that is not translated.
    String,
    Int,
    Number,
    Date,
    Bool,
    Enum,
    /// A list of short translatable texts.
    List,
    Image,
    Gallery,
    Metrics,
    Link,
    Ref,
}

impl FieldType {
    pub const ALL: [(&'static str, FieldType); 14] = [
        ("text", FieldType::Text),
        ("markdown", FieldType::Markdown),
        ("string", FieldType::String),
        ("int", FieldType::Int),
        ("number", FieldType::Number),
        ("date", FieldType::Date),
        ("bool", FieldType::Bool),
        ("enum", FieldType::Enum),
        ("list", FieldType::List),
        ("image", FieldType::Image),
        ("gallery", FieldType::Gallery),
        ("metrics", FieldType::Metrics),
        ("link", FieldType::Link),
        ("ref", FieldType::Ref),
    ];

    pub fn parse(name: &str) -> Option<FieldType> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, t)| *t == self)
            .map_or("?", |(n, _)| n)
    }

    /// Whether a translation file may set this field (SPEC §3.3: everything else is shared).
    pub fn is_translatable(self) -> bool {
        matches!(
            self,
            FieldType::Text | FieldType::Markdown | FieldType::List
        )
    }
}

#[derive(Debug, Clone)]
pub struct FieldDef {
    pub name: String,
    pub ty: FieldType,
    pub required: bool,
    /// The field's label per language; the theme falls back to the field name.
    pub label: Localized<String>,
    /// Allowed values of an `enum`.
    pub values: Vec<String>,
    /// Display names of enum values per language.
    pub value_labels: BTreeMap<String, Localized<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Date,
    Weight,
    Title,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortOrder {
    pub key: SortKey,
    pub descending: bool,
}

/// A collection: model projects (示范项目 / 시범사업), branding items (党建品牌), typical cases
/// (典型案例), or any other the site declares.
#[derive(Debug, Clone)]
pub struct CollectionSchema {
    pub key: String,
    pub name: Localized<String>,
    pub sort: SortOrder,
    pub paginate: usize,
    pub fields: Vec<FieldDef>,
    /// `extra: allow` lets records carry fields the schema does not name.
    pub allow_extra: bool,
}

impl CollectionSchema {
    pub fn field(&self, name: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|f| f.name == name)
    }
}
