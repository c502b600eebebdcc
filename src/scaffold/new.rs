//! `showcase new <collection> <id>`: a record skeleton written from the collection's schema
//! (required fields first, with placeholders; every optional field commented out with its type
//! and allowed values; a body placeholder), and with `--to <lang>` a translation stub listing
//! the source's translatable values, each marked to be translated. The text is made by pure
//! functions ([`skeleton`], [`translation_stub`]); [`create`] checks the request and writes.

use std::path::{Path, PathBuf};

use super::{FILL_MARK, ScaffoldError, TRANSLATE_MARK, id_problem, write_new};
use crate::config::{CollectionSchema, FieldDef, FieldType, SiteConfig};
use crate::content::fields::FieldValue;
use crate::content::{CONTENT_DIR, RawRecord, RecordFormat};
use crate::messages::{UiLang, msg};

/// What to write: a new record, or a translation of an existing one.
pub struct NewRequest<'a> {
    pub root: &'a Path,
    pub collection: &'a str,
    pub id: &'a str,
    /// A content language other than the default: write a translation stub.
    pub to: Option<&'a str>,
    pub ui: UiLang,
}

/// Checks the request against the site and writes the file; returns its path relative to the
/// site folder.
pub fn create(config: &SiteConfig, request: &NewRequest) -> Result<PathBuf, ScaffoldError> {
    let Some(schema) = config.collection(request.collection) else {
        let known: Vec<&str> = config.collections.iter().map(|c| c.key.as_str()).collect();
        return Err(ScaffoldError::new(msg!(
            "new-unknown-collection",
            collection = request.collection
        ))
        .hint(msg!(
            "new-unknown-collection-hint",
            known = known.join(", ")
        )));
    };
    if let Some(problem) = id_problem(request.id) {
        return Err(ScaffoldError::new(problem).hint(msg!("new-id-hint")));
    }
    let default_lang = config.default_lang();
    let lang = match request.to {
        None => default_lang,
        Some(code) if config.language(code).is_some() => code,
        Some(code) => {
            return Err(
                ScaffoldError::new(msg!("new-unknown-language", lang = code)).hint(msg!(
                    "new-unknown-language-hint",
                    known = config.lang_codes().join(", ")
                )),
            );
        }
    };
    let folder = Path::new(CONTENT_DIR).join(&schema.key);
    if lang == default_lang {
        if let Some(existing) =
            existing_record(&request.root.join(&folder), request.id, default_lang)
        {
            return Err(ScaffoldError::new(msg!(
                "new-record-exists",
                id = request.id,
                path = &folder.join(existing)
            ))
            .hint(msg!("new-record-exists-hint")));
        }
        let relative = folder.join(format!("{}.{lang}.md", request.id));
        let text = skeleton(config, schema, request.id, request.ui);
        write_new(&request.root.join(&relative), &text)?;
        return Ok(relative);
    }
    let (content, _) = crate::content::load(request.root, config);
    let source = content
        .records
        .iter()
        .find(|r| r.collection == schema.key && r.id == request.id && r.lang == default_lang);
    let Some(source) = source else {
        return Err(ScaffoldError::new(msg!(
            "new-no-source",
            collection = &schema.key,
            id = request.id,
            lang = default_lang
        ))
        .hint(msg!(
            "new-no-source-hint",
            collection = &schema.key,
            id = request.id
        )));
    };
    let relative = match source.format {
        RecordFormat::Yaml => {
            return Err(
                ScaffoldError::new(msg!("new-yaml-source", path = &source.path))
                    .hint(msg!("new-yaml-source-hint", lang = lang)),
            );
        }
        RecordFormat::Bundle => folder.join(request.id).join(format!("index.{lang}.md")),
        RecordFormat::Markdown => folder.join(format!("{}.{lang}.md", request.id)),
    };
    let text = translation_stub(config, schema, source, lang, request.ui);
    write_new(&request.root.join(&relative), &text)?;
    Ok(relative)
}

/// The file a record `id` already has in `folder`, in any form (SPEC §3).
fn existing_record(folder: &Path, id: &str, default_lang: &str) -> Option<String> {
    let entries = std::fs::read_dir(folder).ok()?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            name == id
                || name == &format!("{id}.yaml")
                || name == &format!("{id}.yml")
                || name
                    .strip_prefix(id)
                    .and_then(|rest| rest.strip_prefix('.'))
                    .is_some_and(|rest| {
                        rest.ends_with(".md") && !rest[..rest.len() - 3].contains('.')
                    })
        })
        .collect();
    // The default language's file is the record the user means; then any other form.
    let default_file = format!("{id}.{default_lang}.md");
    names.sort_by_key(|name| (*name != default_file, name.clone()));
    names.into_iter().next()
}

/// A YAML double-quoted scalar: JSON's string escapes are valid YAML.
fn quoted(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}

/// A field's label in `lang` (else the default language), or its name.
fn label(def: &FieldDef, lang: &str, default_lang: &str) -> String {
    def.label
        .get(lang, default_lang)
        .map_or_else(|| def.name.clone(), |(label, _)| label.clone())
}

/// The line that says which values an enum takes, with their labels: `national（国家级） | …`.
fn enum_values(def: &FieldDef, lang: &str, default_lang: &str) -> String {
    def.values
        .iter()
        .map(|value| {
            match def
                .value_labels
                .get(value)
                .and_then(|l| l.get(lang, default_lang))
            {
                Some((label, _)) => format!("{value} ({label})"),
                None => value.clone(),
            }
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Lines `key: value   # comment`, with the comments lined up.
struct Lines {
    rows: Vec<(String, String)>,
}

impl Lines {
    fn push(&mut self, code: String, comment: String) {
        self.rows.push((code, comment));
    }

    fn render(&self, out: &mut String) {
        let width = self
            .rows
            .iter()
            .filter(|(_, c)| !c.is_empty())
            .map(|(code, _)| code.chars().count())
            .max()
            .unwrap_or(0)
            .min(36);
        for (code, comment) in &self.rows {
            out.push_str(code);
            if !comment.is_empty() {
                let pad = width.saturating_sub(code.chars().count()) + 2;
                out.push_str(&" ".repeat(pad));
                out.push_str("# ");
                out.push_str(comment);
            }
            out.push('\n');
        }
    }
}

/// What a commented-out field looks like: a placeholder the user overwrites, or for a few
/// types an example that is already right (`true`).
fn example(def_ty: FieldType, languages: &[String]) -> (String, Vec<String>) {
    let mark = quoted(FILL_MARK);
    let map = |value: &str| {
        let parts: Vec<String> = languages.iter().map(|l| format!("{l}: {value}")).collect();
        format!("{{{}}}", parts.join(", "))
    };
    match def_ty {
        FieldType::Bool => ("true".into(), vec![]),
        FieldType::List => (format!("[{mark}]"), vec![]),
        FieldType::Metrics => (
            String::new(),
            vec![format!(
                "  - {{label: {}, value: 0, unit: {}}}",
                map(&mark),
                map(&mark)
            )],
        ),
        FieldType::Gallery => (
            String::new(),
            vec![format!(
                "  - {{src: {mark}, caption: {mark}, credit: {mark}}}"
            )],
        ),
        _ => (mark, vec![]),
    }
}

/// The skeleton of a new record in the default language.
pub fn skeleton(config: &SiteConfig, schema: &CollectionSchema, id: &str, ui: UiLang) -> String {
    let lang = config.default_lang();
    let codes = config.lang_codes();
    let collection_name = schema.name.text(lang, lang).to_string();
    let mut out = String::from("---\n");
    for line in [
        msg!(
            "new-skeleton-head",
            collection = collection_name,
            key = &schema.key,
            id = id
        ),
        msg!("new-skeleton-fill", mark = FILL_MARK),
        msg!("new-skeleton-optional"),
    ] {
        out.push_str(&format!("# {}\n", line.text(ui)));
    }
    let mut required = Lines { rows: Vec::new() };
    required.push(
        format!(
            "title: {}",
            quoted(&format!("{FILL_MARK}{}", msg!("new-title").text(ui)))
        ),
        msg!("new-required").text(ui),
    );
    required.push(
        format!(
            "date: {}",
            quoted(&format!("{FILL_MARK}{}", msg!("new-date").text(ui)))
        ),
        msg!("new-required").text(ui),
    );
    for def in schema.fields.iter().filter(|f| f.required) {
        let name = label(def, lang, lang);
        let mut comment = format!(
            "{} · {}",
            msg!("new-required").text(ui),
            msg!("new-type", ty = def.ty.name()).text(ui)
        );
        if def.ty == FieldType::Enum {
            comment.push_str(&format!(": {}", enum_values(def, lang, lang)));
        }
        required.push(
            format!("{}: {}", def.name, quoted(&format!("{FILL_MARK}{name}"))),
            comment,
        );
    }
    required.render(&mut out);

    out.push_str(&format!("#\n# {}\n", msg!("new-optional-heading").text(ui)));
    let mut optional = Lines { rows: Vec::new() };
    let mark = quoted(FILL_MARK);
    let builtin = [
        (
            "summary",
            mark.clone(),
            msg!("new-builtin-summary").text(ui),
        ),
        (
            "featured",
            "true".into(),
            msg!("new-builtin-featured").text(ui),
        ),
        ("weight", "1".into(), msg!("new-builtin-weight").text(ui)),
        (
            "updated",
            mark.clone(),
            msg!("new-builtin-updated").text(ui),
        ),
        ("slug", mark.clone(), msg!("new-builtin-slug").text(ui)),
        (
            "related",
            format!("[{mark}]"),
            msg!("new-builtin-related").text(ui),
        ),
        (
            "source",
            format!("{{name: {mark}, url: {mark}}}"),
            msg!("new-builtin-source").text(ui),
        ),
        ("draft", "true".into(), msg!("new-builtin-draft").text(ui)),
    ];
    for (key, value, comment) in builtin {
        optional.push(format!("# {key}: {value}"), comment);
    }
    for taxonomy in &config.taxonomies {
        let key = &taxonomy.key;
        let name = taxonomy.name.text(lang, lang);
        let comment = match &taxonomy.terms_file {
            Some(file) => msg!(
                "new-taxonomy-closed",
                name = name,
                file = &Path::new(CONTENT_DIR).join(file)
            ),
            None => msg!("new-taxonomy-free", name = name),
        };
        optional.push(format!("# {key}: [{mark}]"), comment.text(ui));
    }
    for def in schema.fields.iter().filter(|f| !f.required) {
        let (value, more) = example(def.ty, &codes);
        let (name, kind) = (
            label(def, lang, lang),
            msg!("new-type", ty = def.ty.name()).text(ui),
        );
        let mut comment = if name == kind {
            name
        } else {
            format!("{name} · {kind}")
        };
        if def.ty == FieldType::Enum {
            comment.push_str(&format!(": {}", enum_values(def, lang, lang)));
        }
        let code = if value.is_empty() {
            format!("# {}:", def.name)
        } else {
            format!("# {}: {value}", def.name)
        };
        optional.push(code, comment);
        for line in more {
            optional.push(format!("# {line}"), String::new());
        }
    }
    optional.render(&mut out);
    out.push_str("---\n\n");
    out.push_str(&format!("{FILL_MARK}{}\n", msg!("new-body").text(ui)));
    out
}

/// The translation stub of `source` in `lang`: only the values a translation sets (SPEC §3.3),
/// each the source text behind a [`TRANSLATE_MARK`], so nothing untranslated can be published.
pub fn translation_stub(
    config: &SiteConfig,
    schema: &CollectionSchema,
    source: &RawRecord,
    lang: &str,
    ui: UiLang,
) -> String {
    let default_lang = config.default_lang();
    let language = config
        .language(lang)
        .map_or(lang.to_string(), |l| l.name.clone());
    let source_name = source
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = String::from("---\n");
    for line in [
        msg!(
            "new-stub-head",
            language = language,
            key = &schema.key,
            id = &source.id,
            source = source_name
        ),
        msg!("new-stub-translate", mark = TRANSLATE_MARK),
        msg!("new-stub-shared"),
    ] {
        out.push_str(&format!("# {}\n", line.text(ui)));
    }
    let fields = &source.fields;
    let marked = |text: &str| quoted(&format!("{TRANSLATE_MARK}{text}"));
    let mut lines = Lines { rows: Vec::new() };
    let mut blocks = String::new();
    let untranslated = |has: bool, text: Option<&String>| -> Option<String> {
        (!has).then(|| text.cloned()).flatten()
    };
    if let Some(title) = untranslated(fields.title.has(lang), fields.title.exact(default_lang)) {
        lines.push(format!("title: {}", marked(&title)), String::new());
    }
    if let Some(summary) =
        untranslated(fields.summary.has(lang), fields.summary.exact(default_lang))
    {
        lines.push(format!("summary: {}", marked(&summary)), String::new());
    }
    for def in schema.fields.iter().filter(|f| f.ty.is_translatable()) {
        let Some(value) = fields.custom.get(&def.name) else {
            continue;
        };
        let comment = label(def, lang, default_lang);
        match value {
            FieldValue::Text(text) => {
                if let Some(text) = untranslated(text.has(lang), text.exact(default_lang)) {
                    lines.push(format!("{}: {}", def.name, marked(&text)), comment);
                }
            }
            FieldValue::Markdown(text) => {
                if let Some(text) = untranslated(text.has(lang), text.exact(default_lang)) {
                    blocks.push_str(&format!(
                        "{}: |   # {comment}\n  {TRANSLATE_MARK}\n",
                        def.name
                    ));
                    for line in text.lines() {
                        if line.trim().is_empty() {
                            blocks.push('\n');
                        } else {
                            blocks.push_str(&format!("  {line}\n"));
                        }
                    }
                }
            }
            FieldValue::List(items) if !items.has(lang) => {
                if let Some(items) = items.exact(default_lang) {
                    blocks.push_str(&format!("{}:   # {comment}\n", def.name));
                    for item in items {
                        blocks.push_str(&format!("  - {}\n", marked(item)));
                    }
                }
            }
            _ => {}
        }
    }
    lines.render(&mut out);
    out.push_str(&blocks);
    out.push_str("---\n\n");
    if let Some(body) = fields.body.exact(default_lang) {
        let body = body.value.trim();
        if !body.is_empty() {
            out.push_str(&format!(
                "{TRANSLATE_MARK}{}\n\n{body}\n",
                msg!("new-stub-body").text(ui)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::fields::tests::test_config;

    #[test]
    fn a_skeleton_puts_required_fields_first_and_comments_out_the_rest() {
        let config = test_config();
        let schema = config.collection("projects").unwrap();
        let text = skeleton(&config, schema, "foo", UiLang::En);
        let front: Vec<&str> = text.lines().collect();
        let title = front.iter().position(|l| l.starts_with("title: ")).unwrap();
        let date = front.iter().position(|l| l.starts_with("date: ")).unwrap();
        assert_eq!(date, title + 1);
        assert!(front[title].contains(FILL_MARK));
        assert!(
            text.contains("# level: \"【待填写】\"") && text.contains("national | county"),
            "{text}"
        );
        assert!(text.contains("# regions: "), "{text}");
        assert!(
            text.trim_end()
                .ends_with(&format!("{FILL_MARK}{}", msg!("new-body").text(UiLang::En)))
        );
        // The front matter is valid YAML.
        let yaml = text.split("---\n").nth(1).unwrap();
        crate::yaml::parse(yaml).unwrap();
    }

    #[test]
    fn existing_records_are_found_in_every_form() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.zh.md", "b.yaml", "c", "d.e.zh.md", "f.ko.md", "f.zh.md"] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        assert_eq!(
            existing_record(dir.path(), "a", "zh").as_deref(),
            Some("a.zh.md")
        );
        assert_eq!(
            existing_record(dir.path(), "b", "zh").as_deref(),
            Some("b.yaml")
        );
        assert_eq!(existing_record(dir.path(), "c", "zh").as_deref(), Some("c"));
        assert_eq!(existing_record(dir.path(), "d", "zh"), None);
        assert_eq!(existing_record(dir.path(), "x", "zh"), None);
        // ko sorts first, but the default language's file is the one named.
        assert_eq!(
            existing_record(dir.path(), "f", "zh").as_deref(),
            Some("f.zh.md")
        );
    }
}
