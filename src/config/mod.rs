//! `site.yaml` → [`SiteConfig`] (SPEC §2): languages, URLs, taxonomies and collection schemas.
//! Every problem in the file is reported with its line; a config with errors is not returned.

pub mod booklet;
pub mod images;
pub mod json_schema;
pub mod schema;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::localized::Localized;
use crate::messages::{Message, msg};
use crate::source::SourceFile;
use crate::url_policy::UrlPolicy;
use crate::yaml::{self, Node, Reader};
pub use booklet::{BookletSettings, VolumesBy};
pub use images::ImageSettings;
pub use schema::{CollectionSchema, FieldDef, FieldType, SortKey, SortOrder};

pub const CONFIG_FILE: &str = "site.yaml";

/// Path segments the generator itself uses at the top of each language's site.
pub const RESERVED_ROUTES: [&str; 7] = [
    "years", "search", "booklet", "page", "assets", "404", "atom",
];

#[derive(Debug, Clone)]
pub struct Language {
    /// The short code used in file names and URLs (`zh`, `ko`).
    pub code: String,
    /// The BCP 47 tag for `lang` and `hreflang` (`zh-Hans`, `ko`).
    pub tag: String,
    /// The language's own name, for the switcher.
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingTranslation {
    /// Show the default-language text, marked as untranslated.
    Fallback,
    /// Leave the record out of that language.
    Omit,
}

/// `base_url` split into the origin and the path prefix every URL starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// `https://example.org`, or empty when the site is deployed at an unknown host (`/`).
    pub origin: String,
    /// `/` or `/showcase/`: always starts and ends with `/`.
    pub path: String,
}

impl BaseUrl {
    pub fn parse(text: &str) -> Option<BaseUrl> {
        let text = text.trim();
        let (origin, path) = if let Some(rest) = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
        {
            let scheme_len = text.len() - rest.len();
            let host_end = rest.find('/').unwrap_or(rest.len());
            if host_end == 0 {
                return None;
            }
            (
                text[..scheme_len + host_end].to_string(),
                rest[host_end..].to_string(),
            )
        } else if text.starts_with('/') {
            (String::new(), text.to_string())
        } else {
            return None;
        };
        if path.contains(['?', '#', ' ', '\\']) || path.split('/').any(|s| s == "..") {
            return None;
        }
        let mut path = path.trim_end_matches('/').to_string();
        if !path.starts_with('/') {
            path.insert(0, '/');
        }
        if !path.ends_with('/') {
            path.push('/');
        }
        Some(BaseUrl { origin, path })
    }

    /// The full URL of a site path (which already starts with the base path). A URL that is
    /// absolute already (a picture from a host in `allowed_hosts`) is kept; a protocol-relative
    /// one takes the site's scheme.
    pub fn absolute(&self, path: &str) -> String {
        if path.starts_with("https://") || path.starts_with("http://") {
            return path.to_string();
        }
        if path.starts_with("//") {
            let scheme = self.origin.split("//").next().unwrap_or("https:");
            let scheme = if scheme.is_empty() { "https:" } else { scheme };
            return format!("{scheme}{path}");
        }
        format!("{}{}", self.origin, path)
    }
}

#[derive(Debug, Clone)]
pub struct TaxonomyDef {
    pub key: String,
    pub name: Localized<String>,
    /// The terms file under `content/`; a taxonomy without one takes free terms.
    pub terms_file: Option<PathBuf>,
}

#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: Localized<String>,
    pub description: Localized<String>,
    pub base_url: BaseUrl,
    pub languages: Vec<Language>,
    pub missing_translation: MissingTranslation,
    pub theme: String,
    pub output_dir: PathBuf,
    /// Where `showcase publish` publishes to (`publish: {to: …}`): a folder, relative to the
    /// site folder, or an `sftp://` address.
    pub publish_to: Option<String>,
    /// Page size of taxonomy term pages.
    pub paginate: usize,
    pub unsafe_html: bool,
    /// Which URLs content may use (issue 14), with the hosts `allowed_hosts:` trusts.
    pub url_policy: UrlPolicy,
    /// Which variants of each photo are published (`images:`, issue 15).
    pub images: ImageSettings,
    /// How the printed compilation is divided and printed (`booklet:`, issue 18).
    pub booklet: BookletSettings,
    pub taxonomies: Vec<TaxonomyDef>,
    pub collections: Vec<CollectionSchema>,
}

impl SiteConfig {
    pub fn default_lang(&self) -> &str {
        &self.languages[0].code
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    pub fn lang_codes(&self) -> Vec<String> {
        self.languages.iter().map(|l| l.code.clone()).collect()
    }

    pub fn collection(&self, key: &str) -> Option<&CollectionSchema> {
        self.collections.iter().find(|c| c.key == key)
    }

    pub fn taxonomy(&self, key: &str) -> Option<&TaxonomyDef> {
        self.taxonomies.iter().find(|t| t.key == key)
    }

    /// The taxonomy a record field names: its key (`tags`) or the key's singular (`region` for
    /// `regions`), as SPEC §2 writes them.
    pub fn taxonomy_for_field(&self, field: &str) -> Option<&TaxonomyDef> {
        self.taxonomies
            .iter()
            .find(|t| t.key == field || t.key.strip_suffix('s') == Some(field))
    }
}

/// Reads and validates `root/site.yaml`. Returns the source too: it is one of the site's inputs.
/// The theme a site uses when site.yaml names none.
pub const DEFAULT_THEME: &str = "default";

pub fn load(root: &Path) -> Result<(SiteConfig, SourceFile), Diagnostics> {
    load_with_warnings(root).map(|(config, file, _)| (config, file))
}

/// [`load`], with the warnings about site.yaml (a bidi control in a title) for the commands
/// that report every problem of the site: `build`, `check` and `serve`.
pub fn load_with_warnings(
    root: &Path,
) -> Result<(SiteConfig, SourceFile, Diagnostics), Diagnostics> {
    let path = Path::new(CONFIG_FILE);
    if !root.join(path).is_file() {
        let diagnostic = Diagnostic::error(
            "E-no-site",
            msg!(
                "no-site-yaml",
                file = CONFIG_FILE,
                folder = root.canonicalize().as_deref().unwrap_or(root)
            ),
        )
        .hint(msg!("no-site-yaml-hint"));
        return Err([diagnostic].into_iter().collect());
    }
    let file =
        SourceFile::read(root, path).map_err(|d| [d].into_iter().collect::<Diagnostics>())?;
    let mut diagnostics = Diagnostics::default();
    let file = crate::source::characters::scan(file, &mut diagnostics);
    let config = parse(&file, &mut diagnostics);
    match config {
        Some(config) if !diagnostics.has_errors() => Ok((config, file, diagnostics)),
        _ => Err(diagnostics),
    }
}

/// Parses the text of site.yaml; problems go to `diagnostics`.
pub fn parse(file: &SourceFile, diagnostics: &mut Diagnostics) -> Option<SiteConfig> {
    let root = match yaml::parse(&file.text) {
        Ok(node) => node,
        Err(err) => {
            diagnostics.push(
                Diagnostic::error(
                    err.code(),
                    msg!("site-yaml-not-yaml", problem = err.message.clone()),
                )
                .at(file.location(err.pos.line, err.pos.column, 1))
                .hint(err.hint()),
            );
            return None;
        }
    };
    yaml::escapes::check(file, &root, diagnostics);
    let mut r = Reader::new(file, diagnostics);
    let entries = r.map(&root, "site.yaml")?;
    r.unknown_keys(
        entries,
        &[
            "title",
            "description",
            "base_url",
            "languages",
            "missing_translation",
            "theme",
            "output_dir",
            "paginate",
            "unsafe_html",
            "allowed_hosts",
            "images",
            "booklet",
            "publish",
            "taxonomies",
            "collections",
        ],
        msg!("what-site-yaml"),
    );
    let languages = read_languages(&mut r, &root)?;
    let codes: Vec<String> = languages.iter().map(|l| l.code.clone()).collect();
    let default_lang = codes[0].clone();
    let title = match root.get("title") {
        Some(node) => r.localized_text(node, "title", &codes, &default_lang),
        None => {
            r.missing(
                &root,
                "title",
                msg!("what-site-yaml"),
                msg!("site-title-missing-hint"),
            );
            Localized::new()
        }
    };
    let description = root
        .get("description")
        .map(|n| r.localized_text(n, "description", &codes, &default_lang))
        .unwrap_or_default();
    let base_url = match root.get("base_url") {
        Some(node) => r.text(node, "base_url").and_then(|text| {
            let parsed = BaseUrl::parse(&text);
            if parsed.is_none() {
                let location = r.value_location(node);
                r.push(
                    Diagnostic::error("E-bad-base-url", msg!("bad-base-url", url = &text))
                        .at(location)
                        .hint(msg!("bad-base-url-hint")),
                );
            }
            parsed
        }),
        None => Some(BaseUrl {
            origin: String::new(),
            path: "/".into(),
        }),
    };
    let missing_translation = match root.get("missing_translation") {
        None => MissingTranslation::Fallback,
        Some(node) => match node.as_str() {
            Some("fallback") => MissingTranslation::Fallback,
            Some("omit") => MissingTranslation::Omit,
            _ => {
                let location = r.value_location(node);
                r.push(
                    Diagnostic::error("E-bad-value", msg!("bad-missing-translation"))
                        .at(location)
                        .hint(msg!("bad-missing-translation-hint")),
                );
                MissingTranslation::Fallback
            }
        },
    };
    let theme = root
        .get("theme")
        .and_then(|n| r.text(n, "theme"))
        .unwrap_or_else(|| DEFAULT_THEME.into());
    let output_dir = root
        .get("output_dir")
        .and_then(|n| r.text(n, "output_dir"))
        .unwrap_or_else(|| "output".into());
    let publish_to = root.get("publish").and_then(|node| {
        let entries = r.map(node, "publish")?;
        r.unknown_keys(entries, &["to"], msg!("what-publish"));
        node.get("to").and_then(|n| r.text(n, "publish.to"))
    });
    let paginate = root
        .get("paginate")
        .and_then(|n| read_page_size(&mut r, n))
        .unwrap_or(20);
    let unsafe_html = root
        .get("unsafe_html")
        .and_then(|n| r.bool(n, "unsafe_html"))
        .unwrap_or(false);
    let allowed_hosts: Vec<String> = root
        .get("allowed_hosts")
        .map(|n| r.string_list(n, "allowed_hosts"))
        .unwrap_or_default()
        .into_iter()
        .map(|(host, _)| host)
        .collect();
    let images = root
        .get("images")
        .map(|n| images::read(&mut r, n))
        .unwrap_or_default();
    let booklet = root
        .get("booklet")
        .map(|n| booklet::read(&mut r, n, &codes, &default_lang))
        .unwrap_or_default();
    let taxonomies = root
        .get("taxonomies")
        .map(|n| read_taxonomies(&mut r, n, &codes, &default_lang))
        .unwrap_or_default();
    let collections = match root.get("collections") {
        Some(node) => read_collections(&mut r, node, &codes, &default_lang, &taxonomies),
        None => {
            r.missing(
                &root,
                "collections",
                msg!("what-site-yaml"),
                msg!("site-collections-missing-hint"),
            );
            Vec::new()
        }
    };
    Some(SiteConfig {
        title,
        description,
        base_url: base_url?,
        languages,
        missing_translation,
        theme,
        output_dir: PathBuf::from(output_dir),
        publish_to,
        paginate,
        unsafe_html,
        url_policy: UrlPolicy::new(&allowed_hosts),
        images,
        booklet,
        taxonomies,
        collections,
    })
}

fn read_languages(r: &mut Reader, root: &Node) -> Option<Vec<Language>> {
    let Some(node) = root.get("languages") else {
        r.missing(
            root,
            "languages",
            msg!("what-site-yaml"),
            msg!("site-languages-missing-hint"),
        );
        return None;
    };
    let Some(items) = node.as_seq().filter(|items| !items.is_empty()) else {
        r.wrong_type(
            node,
            "languages",
            msg!("expected-language-list"),
            msg!("hint-write-language-list"),
        );
        return None;
    };
    let mut languages: Vec<Language> = Vec::new();
    for item in items {
        let Some(entries) = r.map(item, "languages") else {
            continue;
        };
        r.unknown_keys(entries, &["code", "tag", "name"], msg!("what-a-language"));
        let code = item.get("code").and_then(|n| r.text(n, "code"));
        let Some(code) = code else {
            r.missing(
                item,
                "code",
                msg!("what-this-language"),
                msg!("language-code-missing-hint"),
            );
            continue;
        };
        if !is_slug(&code) {
            let location = r.value_location(item.get("code").unwrap_or(item));
            r.push(
                Diagnostic::error("E-bad-value", msg!("bad-language-code", code = &code))
                    .at(location)
                    .hint(msg!("bad-language-code-hint")),
            );
            continue;
        }
        if languages.iter().any(|l| l.code == code) {
            let location = r.value_location(item);
            r.push(
                Diagnostic::error(
                    "E-duplicate-language",
                    msg!("language-declared-twice", code = &code),
                )
                .at(location)
                .hint(msg!("language-declared-twice-hint")),
            );
            continue;
        }
        let tag = item
            .get("tag")
            .and_then(|n| r.text(n, "tag"))
            .unwrap_or_else(|| code.clone());
        let name = item
            .get("name")
            .and_then(|n| r.text(n, "name"))
            .unwrap_or_else(|| code.clone());
        languages.push(Language { code, tag, name });
    }
    (!languages.is_empty()).then_some(languages)
}

fn read_page_size(r: &mut Reader, node: &Node) -> Option<usize> {
    let size = r.int(node, "paginate")?;
    if size < 1 {
        let location = r.value_location(node);
        r.push(
            Diagnostic::error("E-bad-value", msg!("bad-paginate"))
                .at(location)
                .hint(msg!("bad-paginate-hint")),
        );
        return None;
    }
    Some(size as usize)
}

fn read_taxonomies(
    r: &mut Reader,
    node: &Node,
    codes: &[String],
    default_lang: &str,
) -> Vec<TaxonomyDef> {
    let Some(entries) = r.map(node, "taxonomies") else {
        return Vec::new();
    };
    let mut taxonomies = Vec::new();
    for (key, value) in entries {
        if !check_route_key(r, key, msg!("what-taxonomy")) {
            continue;
        }
        let Some(fields) = r.map(value, &key.name) else {
            continue;
        };
        r.unknown_keys(fields, &["name", "terms"], msg!("what-a-taxonomy"));
        let name = value
            .get("name")
            .map(|n| r.localized_text(n, "name", codes, default_lang))
            .unwrap_or_else(|| Localized::one(default_lang, key.name.clone()));
        let terms_file = value
            .get("terms")
            .and_then(|n| r.text(n, "terms"))
            .map(PathBuf::from);
        taxonomies.push(TaxonomyDef {
            key: key.name.clone(),
            name,
            terms_file,
        });
    }
    taxonomies
}

/// Collection and taxonomy keys become URL segments and must not shadow the generator's own.
fn check_route_key(r: &mut Reader, key: &yaml::Key, what: Message) -> bool {
    let location = r.key_location(key);
    if !is_slug(&key.name) {
        r.push(
            Diagnostic::error(
                "E-bad-name",
                msg!("route-name-not-slug", what = what, name = &key.name),
            )
            .at(location)
            .hint(msg!("route-name-not-slug-hint")),
        );
        return false;
    }
    if RESERVED_ROUTES.contains(&key.name.as_str()) {
        r.push(
            Diagnostic::error(
                "E-bad-name",
                msg!("route-name-reserved", what = what, name = &key.name),
            )
            .at(location)
            .hint(msg!(
                "route-name-reserved-hint",
                names = RESERVED_ROUTES.join(", ")
            )),
        );
        return false;
    }
    true
}

fn read_collections(
    r: &mut Reader,
    node: &Node,
    codes: &[String],
    default_lang: &str,
    taxonomies: &[TaxonomyDef],
) -> Vec<CollectionSchema> {
    let Some(entries) = r.map(node, "collections") else {
        return Vec::new();
    };
    let mut collections = Vec::new();
    for (key, value) in entries {
        if !check_route_key(r, key, msg!("what-collection")) {
            continue;
        }
        if codes.contains(&key.name) || taxonomies.iter().any(|t| t.key == key.name) {
            let location = r.key_location(key);
            r.push(
                Diagnostic::error(
                    "E-bad-name",
                    msg!("collection-name-taken", name = &key.name),
                )
                .at(location)
                .hint(msg!("collection-name-taken-hint")),
            );
            continue;
        }
        let Some(fields) = r.map(value, &key.name) else {
            continue;
        };
        r.unknown_keys(
            fields,
            &["name", "sort", "paginate", "fields", "extra"],
            msg!("what-a-collection"),
        );
        let name = value
            .get("name")
            .map(|n| r.localized_text(n, "name", codes, default_lang))
            .unwrap_or_else(|| Localized::one(default_lang, key.name.clone()));
        let sort = value
            .get("sort")
            .and_then(|n| read_sort(r, n))
            .unwrap_or(SortOrder {
                key: SortKey::Date,
                descending: true,
            });
        let paginate = value
            .get("paginate")
            .and_then(|n| read_page_size(r, n))
            .unwrap_or(12);
        let allow_extra = match value.get("extra") {
            None => false,
            Some(n) if n.as_str() == Some("allow") => true,
            Some(n) if n.as_str() == Some("deny") => false,
            Some(n) => {
                let location = r.value_location(n);
                r.push(
                    Diagnostic::error("E-bad-value", msg!("bad-extra"))
                        .at(location)
                        .hint(msg!("bad-extra-hint")),
                );
                false
            }
        };
        let fields = value
            .get("fields")
            .map(|n| read_fields(r, n, codes, default_lang, taxonomies))
            .unwrap_or_default();
        collections.push(CollectionSchema {
            key: key.name.clone(),
            name,
            sort,
            paginate,
            fields,
            allow_extra,
        });
    }
    collections
}

fn read_sort(r: &mut Reader, node: &Node) -> Option<SortOrder> {
    let text = r.text(node, "sort")?;
    let mut words = text.split_whitespace();
    let key = match words.next() {
        Some("date") => Some(SortKey::Date),
        Some("weight") => Some(SortKey::Weight),
        Some("title") => Some(SortKey::Title),
        _ => None,
    };
    let descending = match words.next() {
        None => key == Some(SortKey::Date),
        Some("desc") => true,
        Some("asc") => false,
        Some(_) => return bad_sort(r, node),
    };
    match key {
        Some(key) if words.next().is_none() => Some(SortOrder { key, descending }),
        _ => bad_sort(r, node),
    }
}

fn bad_sort(r: &mut Reader, node: &Node) -> Option<SortOrder> {
    let location = r.value_location(node);
    r.push(
        Diagnostic::error("E-bad-value", msg!("bad-sort"))
            .at(location)
            .hint(msg!("bad-sort-hint")),
    );
    None
}

/// Names every record has (SPEC §2); a collection may not redeclare them.
pub const BUILTIN_FIELDS: [&str; 13] = [
    "title",
    "date",
    "summary",
    "updated",
    "draft",
    "featured",
    "weight",
    "slug",
    "related",
    "aliases",
    "source",
    "body",
    "translated_from",
];

fn read_fields(
    r: &mut Reader,
    node: &Node,
    codes: &[String],
    default_lang: &str,
    taxonomies: &[TaxonomyDef],
) -> Vec<FieldDef> {
    let Some(entries) = r.map(node, "fields") else {
        return Vec::new();
    };
    let mut fields = Vec::new();
    for (key, value) in entries {
        if BUILTIN_FIELDS.contains(&key.name.as_str())
            || taxonomies
                .iter()
                .any(|t| t.key == key.name || t.key.strip_suffix('s') == Some(&key.name))
            || codes.contains(&key.name)
        {
            let location = r.key_location(key);
            r.push(
                Diagnostic::error("E-bad-name", msg!("field-built-in", name = &key.name))
                    .at(location)
                    .hint(msg!("field-built-in-hint")),
            );
            continue;
        }
        let Some(spec) = r.map(value, &key.name) else {
            continue;
        };
        r.unknown_keys(
            spec,
            &["type", "required", "label", "values", "labels"],
            msg!("what-a-field-definition"),
        );
        let ty = match value.get("type") {
            None => {
                r.missing(
                    value,
                    "type",
                    msg!("what-field", name = &key.name),
                    msg!("field-type-missing-hint"),
                );
                continue;
            }
            Some(type_node) => {
                let name = r.text(type_node, "type").unwrap_or_default();
                match FieldType::parse(&name) {
                    Some(ty) => ty,
                    None => {
                        let names: Vec<&str> = FieldType::ALL.iter().map(|(n, _)| *n).collect();
                        let location = r.value_location(type_node);
                        let hint = match yaml::read::closest(&name, &names) {
                            Some(near) => msg!("did-you-mean", name = near),
                            None => msg!("unknown-type-hint-list", names = names.join(", ")),
                        };
                        r.push(
                            Diagnostic::error("E-unknown-type", msg!("unknown-type", name = &name))
                                .at(location)
                                .hint(hint),
                        );
                        continue;
                    }
                }
            }
        };
        let required = value
            .get("required")
            .and_then(|n| r.bool(n, "required"))
            .unwrap_or(false);
        let label = value
            .get("label")
            .map(|n| r.localized_text(n, "label", codes, default_lang))
            .unwrap_or_default();
        let values: Vec<String> = value
            .get("values")
            .map(|n| {
                r.string_list(n, "values")
                    .into_iter()
                    .map(|(v, _)| v)
                    .collect()
            })
            .unwrap_or_default();
        if ty == FieldType::Enum && values.is_empty() {
            r.missing(
                value,
                "values",
                msg!("what-enum-field", name = &key.name),
                msg!("enum-values-missing-hint"),
            );
        }
        let mut value_labels = BTreeMap::new();
        if let Some(labels) = value.get("labels")
            && let Some(label_entries) = r.map(labels, "labels")
        {
            for (value_key, label_node) in label_entries {
                if !values.contains(&value_key.name) {
                    let location = r.key_location(value_key);
                    r.push(
                        Diagnostic::error(
                            "E-unknown-field",
                            msg!(
                                "label-not-a-value",
                                value = &value_key.name,
                                field = &key.name
                            ),
                        )
                        .at(location)
                        .hint(msg!("the-values-are", values = values.join(", "))),
                    );
                    continue;
                }
                value_labels.insert(
                    value_key.name.clone(),
                    r.localized_text(label_node, "labels", codes, default_lang),
                );
            }
        }
        fields.push(FieldDef {
            name: key.name.clone(),
            ty,
            required,
            label,
            values,
            value_labels,
        });
    }
    fields
}

/// `[a-z0-9-]+`: ids, codes and URL segments that need no slugging.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_config(text: &str) -> (Option<SiteConfig>, Vec<Diagnostic>) {
        let file = SourceFile::new("site.yaml".into(), text.to_string());
        let mut diagnostics = Diagnostics::default();
        let config = parse(&file, &mut diagnostics);
        (config, diagnostics.iter().cloned().collect())
    }

    const MINIMAL: &str = "title: {zh: 展示, ko: 전시}\nlanguages:\n  - {code: zh, tag: zh-Hans, name: 中文}\n  - {code: ko, tag: ko, name: 조선어}\ncollections:\n  projects:\n    name: {zh: 项目, ko: 사업}\n    fields:\n      level: {type: enum, values: [a, b]}\n";

    #[test]
    fn reads_a_minimal_site() {
        let (config, diags) = check_config(MINIMAL);
        assert!(diags.is_empty(), "{diags:?}");
        let config = config.unwrap();
        assert_eq!(config.default_lang(), "zh");
        assert_eq!(config.base_url.path, "/");
        let projects = config.collection("projects").unwrap();
        assert_eq!(
            projects.sort,
            SortOrder {
                key: SortKey::Date,
                descending: true
            }
        );
        assert_eq!(projects.field("level").unwrap().values, ["a", "b"]);
    }

    #[test]
    fn reports_unknown_keys_and_bad_types_at_their_lines() {
        let text = MINIMAL.replace(
            "      level: {type: enum, values: [a, b]}",
            "      level: {type: enmu, values: [a, b]}\n      owner: {typ: text}",
        );
        let (_, diags) = check_config(&format!("{text}languags: []\n"));
        let codes: Vec<_> = diags
            .iter()
            .map(|d| (d.code, d.location.as_ref().unwrap().line))
            .collect();
        assert!(codes.contains(&("E-unknown-type", 9)), "{codes:?}");
        assert!(codes.contains(&("E-unknown-field", 10)), "{codes:?}");
        assert!(codes.contains(&("E-unknown-field", 11)), "{codes:?}");
        assert_eq!(
            diags
                .iter()
                .find(|d| d.code == "E-unknown-type")
                .unwrap()
                .hint_text(crate::messages::UiLang::En)
                .as_deref(),
            Some("did you mean `enum`?")
        );
    }

    #[test]
    fn base_urls_keep_their_subpath() {
        let url = BaseUrl::parse("https://example.org/showcase").unwrap();
        assert_eq!(url.origin, "https://example.org");
        assert_eq!(url.path, "/showcase/");
        assert_eq!(
            url.absolute("/showcase/ko/"),
            "https://example.org/showcase/ko/"
        );
        // A picture from a host in allowed_hosts is already absolute.
        assert_eq!(
            url.absolute("https://assets.intranet.example/a.jpg"),
            "https://assets.intranet.example/a.jpg"
        );
        assert_eq!(
            BaseUrl::parse("http://h")
                .unwrap()
                .absolute("//assets.example/a.jpg"),
            "http://assets.example/a.jpg"
        );
        assert_eq!(BaseUrl::parse("/").unwrap().path, "/");
        assert_eq!(BaseUrl::parse("http://h").unwrap().path, "/");
        assert!(BaseUrl::parse("example.org").is_none());
        assert!(BaseUrl::parse("https://h/a/../b").is_none());
    }

    #[test]
    fn reserved_and_duplicate_names_are_refused() {
        let (_, diags) = check_config(&MINIMAL.replace("  projects:", "  years:"));
        assert!(diags.iter().any(|d| d.code == "E-bad-name"), "{diags:?}");
        let (_, diags) = check_config(
            &MINIMAL.replace("  - {code: ko, tag: ko, name: 조선어}", "  - {code: zh}"),
        );
        assert!(
            diags.iter().any(|d| d.code == "E-duplicate-language"),
            "{diags:?}"
        );
    }

    #[test]
    fn sort_orders() {
        for (text, expected) in [
            ("date", (SortKey::Date, true)),
            ("weight asc", (SortKey::Weight, false)),
            ("title desc", (SortKey::Title, true)),
        ] {
            let (config, diags) = check_config(
                &MINIMAL.replace("    fields:", &format!("    sort: {text}\n    fields:")),
            );
            assert!(diags.is_empty(), "{diags:?}");
            let sort = config.unwrap().collections[0].sort;
            assert_eq!((sort.key, sort.descending), expected);
        }
        let (_, diags) =
            check_config(&MINIMAL.replace("    fields:", "    sort: newest\n    fields:"));
        assert_eq!(diags[0].location.as_ref().unwrap().line, 8);
    }
}
