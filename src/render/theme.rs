//! The theme: the built-in default theme (embedded by `build.rs`) with a site's own
//! `themes/<name>/` files laid over it file by file, compiled once into a Tera instance, plus
//! the UI strings of every language and the theme's static files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::{Kwargs, State, Tera};

use crate::config::SiteConfig;
use crate::messages::{Message, UiLang, msg};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_theme.rs"));
}

/// Operational problems with a theme: these stop the build with exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("cannot read the theme file {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the theme file {path} is not UTF-8 text")]
    NotText { path: PathBuf },
    #[error("template error in {path}")]
    Template {
        path: PathBuf,
        #[source]
        source: tera::Error,
    },
    #[error(
        "the UI strings file {path} is not a flat `key: text` map: {}",
        .problem.text(UiLang::En)
    )]
    Strings { path: PathBuf, problem: Message },
    #[error("the theme {name:?} does not exist: there is no folder {path}")]
    Missing { name: String, path: PathBuf },
}

impl ThemeError {
    /// What went wrong, in the user's language; the system's or Tera's own words (the source)
    /// are printed after it.
    /// The theme file or folder the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ThemeError::Read { path, .. }
            | ThemeError::NotText { path }
            | ThemeError::Template { path, .. }
            | ThemeError::Strings { path, .. }
            | ThemeError::Missing { path, .. } => path,
        }
    }

    pub fn message(&self) -> Message {
        match self {
            ThemeError::Read { path, .. } => msg!("theme-cannot-read", path = path),
            ThemeError::NotText { path } => msg!("theme-not-text", path = path),
            ThemeError::Template { path, .. } => msg!("theme-template-error", path = path),
            ThemeError::Strings { path, problem } => {
                msg!("theme-bad-strings", path = path, problem = problem.clone())
            }
            ThemeError::Missing { name, path } => {
                msg!("theme-missing", name = name, path = path)
            }
        }
    }
}

/// One theme file with where it came from, for error messages.
struct ThemeFile {
    relative: String,
    origin: PathBuf,
    bytes: Vec<u8>,
}

pub struct Theme {
    pub tera: Tera,
    /// Language code → UI strings.
    pub strings: BTreeMap<String, BTreeMap<String, String>>,
    /// Files under the theme's `static/`, in path order.
    pub static_files: Vec<ThemeStatic>,
    /// What a page rendered with a template read of the theme (see [`Theme::digest`]).
    digests: ThemeDigests,
}

/// Digests of the theme's files, per template: the files a page rendered with it may read.
/// Those are every file that is not a template (UI strings, and static files, whose URLs a
/// template may name) and the templates it names (`extends`, `include`, `import`), and theirs.
/// An edit of `year.html` then touches year pages only, and one of `base.html` every page but
/// not the cards or booklet entries, whose partials do not name it.
#[derive(Debug, Default)]
struct ThemeDigests {
    /// Of every file: for a name that is not a template.
    all: u64,
    templates: BTreeMap<String, u64>,
}

impl ThemeDigests {
    fn of(files: &BTreeMap<String, ThemeFile>) -> ThemeDigests {
        let templates: BTreeMap<&str, &[u8]> = files
            .iter()
            .filter_map(|(relative, file)| {
                Some((relative.strip_prefix("templates/")?, file.bytes.as_slice()))
            })
            .collect();
        let mut shared = crate::digest::Digest::new();
        let mut all = crate::digest::Digest::new();
        for (relative, file) in files {
            all.add(relative).add(&file.bytes);
            if !relative.starts_with("templates/") {
                shared.add(relative).add(&file.bytes);
            }
        }
        // Which templates each template names, in quotes, as Tera's tags do.
        let names: BTreeMap<&str, Vec<&str>> = templates
            .iter()
            .map(|(name, bytes)| {
                let named = templates
                    .keys()
                    .filter(|other| {
                        *other != name && contains(bytes, format!("\"{other}\"").as_bytes())
                    })
                    .copied()
                    .collect();
                (*name, named)
            })
            .collect();
        let shared = shared.finish();
        let all = all.finish();
        // Tera's components are called by name from anywhere: a theme that defines one gets
        // no finer digests than the whole theme.
        if templates
            .values()
            .any(|bytes| contains(bytes, b"{% component") || contains(bytes, b"{%- component"))
        {
            let digests = templates.keys().map(|name| (name.to_string(), all));
            return ThemeDigests {
                all,
                templates: digests.collect(),
            };
        }
        let digests = templates
            .keys()
            .map(|name| {
                let mut reached = std::collections::BTreeSet::from([*name]);
                let mut queue = vec![*name];
                while let Some(next) = queue.pop() {
                    for named in &names[next] {
                        if reached.insert(named) {
                            queue.push(named);
                        }
                    }
                }
                let mut digest = crate::digest::Digest::new();
                digest.add(&shared);
                for template in reached {
                    digest.add(template).add(templates[template]);
                }
                (name.to_string(), digest.finish())
            })
            .collect();
        ThemeDigests {
            all,
            templates: digests,
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// A file under the theme's `static/`, published at `path` (unless the site has its own).
pub struct ThemeStatic {
    pub path: String,
    /// Where it came from, as reports name it (`(built-in theme)/static/…` or the site's
    /// theme folder).
    pub origin: PathBuf,
    pub bytes: Vec<u8>,
}

impl Theme {
    /// Loads the built-in theme and the site's overrides from `root/themes/<config.theme>/`.
    pub fn load(root: &Path, config: &SiteConfig) -> Result<Theme, ThemeError> {
        let mut files: BTreeMap<String, ThemeFile> = embedded::FILES
            .iter()
            .map(|(relative, bytes)| {
                (
                    relative.to_string(),
                    ThemeFile {
                        relative: relative.to_string(),
                        origin: PathBuf::from(format!("(built-in theme)/{relative}")),
                        bytes: bytes.to_vec(),
                    },
                )
            })
            .collect();
        let site_theme = root.join("themes").join(&config.theme);
        if site_theme.is_dir() {
            // The one file rule: an editor's swap file beside a template is no template.
            let walker = walkdir::WalkDir::new(&site_theme)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || crate::content::is_published_entry(e));
            for entry in walker {
                let entry = entry.map_err(|err| ThemeError::Read {
                    path: err.path().unwrap_or(&site_theme).to_path_buf(),
                    source: err.into(),
                })?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let relative = entry
                    .path()
                    .strip_prefix(&site_theme)
                    .unwrap_or(entry.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                let bytes = std::fs::read(entry.path()).map_err(|source| ThemeError::Read {
                    path: entry.path().to_path_buf(),
                    source,
                })?;
                let origin = entry
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                files.insert(
                    relative.clone(),
                    ThemeFile {
                        relative,
                        origin,
                        bytes,
                    },
                );
            }
        } else if config.theme != "default" {
            return Err(ThemeError::Missing {
                name: config.theme.clone(),
                path: site_theme
                    .strip_prefix(root)
                    .unwrap_or(&site_theme)
                    .to_path_buf(),
            });
        }
        let digests = ThemeDigests::of(&files);
        let mut tera = Tera::new();
        register_filters(&mut tera);
        let mut strings = BTreeMap::new();
        let mut static_files = Vec::new();
        let mut templates = Vec::new();
        for file in files.into_values() {
            if let Some(name) = file.relative.strip_prefix("templates/") {
                let text = String::from_utf8(file.bytes).map_err(|_| ThemeError::NotText {
                    path: file.origin.clone(),
                })?;
                templates.push((name.to_string(), text, file.origin));
            } else if let Some(name) = file
                .relative
                .strip_prefix("i18n/")
                .and_then(|n| n.strip_suffix(".yaml"))
            {
                let text = String::from_utf8(file.bytes).map_err(|_| ThemeError::NotText {
                    path: file.origin.clone(),
                })?;
                strings.insert(
                    name.to_string(),
                    parse_strings(&text).map_err(|problem| ThemeError::Strings {
                        path: file.origin,
                        problem,
                    })?,
                );
            } else if let Some(name) = file.relative.strip_prefix("static/") {
                static_files.push(ThemeStatic {
                    path: name.to_string(),
                    origin: file.origin,
                    bytes: file.bytes,
                });
            }
        }
        // All at once: Tera resolves `extends` and `include` across the whole set, so a missing
        // parent is reported now rather than at the first page that needs it.
        tera.add_raw_templates(
            templates
                .iter()
                .map(|(name, text, _)| (name.as_str(), text.as_str())),
        )
        .map_err(|source| {
            let failing = templates
                .iter()
                .find(|(name, _, _)| source.to_string().contains(name.as_str()));
            let path = failing.map_or_else(
                || {
                    site_theme
                        .strip_prefix(root)
                        .unwrap_or(&site_theme)
                        .join("templates")
                },
                |(_, _, origin)| origin.clone(),
            );
            ThemeError::Template { path, source }
        })?;
        Ok(Theme {
            tera,
            strings,
            static_files,
            digests,
        })
    }

    /// A digest of what a page rendered with `template` reads of the theme: equal digests,
    /// equal pages (for the same values).
    pub fn digest(&self, template: &str) -> u64 {
        self.digests
            .templates
            .get(template)
            .copied()
            .unwrap_or(self.digests.all)
    }

    /// The UI strings of a language; a language the theme lacks gets the first one it has.
    pub fn strings(&self, lang: &str) -> &BTreeMap<String, String> {
        static NONE: BTreeMap<String, String> = BTreeMap::new();
        self.strings
            .get(lang)
            .or_else(|| self.strings.values().next())
            .unwrap_or(&NONE)
    }
}

fn parse_strings(text: &str) -> Result<BTreeMap<String, String>, Message> {
    let node = crate::yaml::parse(text)
        .map_err(|e| msg!("theme-strings-yaml", problem = e.message, line = e.pos.line))?;
    let Some(entries) = node.as_map() else {
        return Err(msg!("theme-strings-not-map"));
    };
    entries
        .iter()
        .map(|(key, value)| {
            value
                .scalar_text()
                .map(|text| (key.name.clone(), text))
                .ok_or_else(|| {
                    msg!(
                        "theme-strings-not-text",
                        key = &key.name,
                        line = key.pos.line
                    )
                })
        })
        .collect()
}

/// The few filters themes need (issue: "write the few filters you need yourself").
fn register_filters(tera: &mut Tera) {
    tera.register_filter("date_local", |date: &str, kwargs: Kwargs, _: &State| {
        let lang: String = kwargs.get("lang")?.unwrap_or_default();
        Ok::<String, tera::Error>(
            date.parse::<jiff::civil::Date>()
                .map(|d| super::format::date(d, &lang))
                .unwrap_or_else(|_| date.to_string()),
        )
    });
    tera.register_filter("number", |value: f64, _: Kwargs, _: &State| {
        super::format::number(value)
    });
    tera.register_filter("slugify", |text: &str, _: Kwargs, _: &State| {
        crate::model::slug::slugify(text)
    });
}

/// Where a template error is: the theme file (as the user would open it), the line and
/// column Tera reports, and Tera's message without its own drawing of the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateSpot {
    pub file: PathBuf,
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub width: usize,
    pub line_text: String,
    pub message: String,
}

/// Finds the template position in a Tera error (or one of its causes), for a report that
/// points at the template line like any other file.
pub fn template_spot(
    err: &(dyn std::error::Error + 'static),
    root: &Path,
    config: &SiteConfig,
) -> Option<TemplateSpot> {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = current {
        if let Some(tera_err) = e.downcast_ref::<tera::Error>()
            && let tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) =
                tera_err.kind()
        {
            let span = report.span();
            let (file, text) = template_source(root, config, report.filename())?;
            let line_text = text
                .lines()
                .nth(span.start_line.checked_sub(1)?)?
                .to_string();
            let width = if span.end_line == span.start_line {
                span.end_col.saturating_sub(span.start_col).max(1)
            } else {
                1
            };
            return Some(TemplateSpot {
                file,
                line: span.start_line,
                column: span.start_col + 1,
                width,
                line_text,
                message: report.message().to_string(),
            });
        }
        current = e.source();
    }
    None
}

/// The text of a file of the built-in theme.
#[cfg(test)]
pub fn built_in_file(relative: &str) -> Option<String> {
    embedded::FILES
        .iter()
        .find(|(path, _)| *path == relative)
        .and_then(|(_, bytes)| String::from_utf8(bytes.to_vec()).ok())
}

/// A template's file and text: the site theme's copy when it has one, else the built-in one.
fn template_source(root: &Path, config: &SiteConfig, name: &str) -> Option<(PathBuf, String)> {
    let relative = format!("templates/{name}");
    let site_file = Path::new("themes").join(&config.theme).join(&relative);
    if let Ok(text) = std::fs::read_to_string(root.join(&site_file)) {
        return Some((site_file, text));
    }
    embedded::FILES
        .iter()
        .find(|(path, _)| *path == relative)
        .and_then(|(_, bytes)| String::from_utf8(bytes.to_vec()).ok())
        .map(|text| (PathBuf::from(format!("(built-in theme)/{relative}")), text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_format_dates_numbers_and_slugs() {
        let mut tera = Tera::new();
        register_filters(&mut tera);
        let text = r#"{{ "2023-05-01" | date_local(lang="ko") }}|{{ 21652 | number }}|{{ "梨园村" | slugify }}"#;
        let rendered = tera.render_str(text, &tera::Context::new(), false).unwrap();
        assert_eq!(rendered, "2023년 5월 1일|21,652|li-yuan-cun");
    }

    #[test]
    fn the_built_in_theme_has_both_languages_with_the_same_keys() {
        let zh = parse_strings(
            std::str::from_utf8(
                embedded::FILES
                    .iter()
                    .find(|(n, _)| *n == "i18n/zh.yaml")
                    .unwrap()
                    .1,
            )
            .unwrap(),
        )
        .unwrap();
        let ko = parse_strings(
            std::str::from_utf8(
                embedded::FILES
                    .iter()
                    .find(|(n, _)| *n == "i18n/ko.yaml")
                    .unwrap()
                    .1,
            )
            .unwrap(),
        )
        .unwrap();
        let zh_keys: Vec<_> = zh.keys().collect();
        let ko_keys: Vec<_> = ko.keys().collect();
        assert_eq!(zh_keys, ko_keys);
        assert!(zh.values().chain(ko.values()).all(|v| !v.trim().is_empty()));
    }
}
