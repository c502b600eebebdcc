//! `content/**` → [`Content`]: every record file, introduction, terms file and bundle asset,
//! read and parsed once, in parallel, each file on its own (SPEC §1, §3), and which files make
//! each record across languages ([`pairing`]), for the model and translation status alike.

pub mod fields;
pub mod frontmatter;
pub mod pairing;
mod published;

pub use pairing::pair;
pub use published::{NameKind, is_published_name, is_published_path};

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{SiteConfig, is_slug};
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::localized::Localized;
use crate::messages::msg;
use crate::source::SourceFile;
use crate::source::characters::{self, IdKind};
use crate::yaml::{self, Reader};
use fields::{Body, Located, RecordFields, read_fields};

pub const CONTENT_DIR: &str = "content";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordFormat {
    /// `<id>.<lang>.md`
    Markdown,
    /// `<id>/index.<lang>.md` with its own files
    Bundle,
    /// `<id>.yaml`, all languages in one file
    Yaml,
}

/// One record file: one language for Markdown, all languages for YAML.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRecord {
    pub collection: String,
    pub id: String,
    /// The file's language (for YAML records, the default language).
    pub lang: String,
    pub format: RecordFormat,
    pub path: PathBuf,
    /// The bundle folder, relative to the site root.
    pub bundle_dir: Option<PathBuf>,
    pub fields: RecordFields,
    /// Where the file starts, for problems about the record as a whole.
    pub start: Location,
    /// A digest of the file's path and text: what a record's version is made of.
    pub digest: u64,
}

/// An `_index.<lang>.md` introduction of the home page (`collection: None`) or a collection.
#[derive(Debug, Clone)]
pub struct Intro {
    pub collection: Option<String>,
    pub lang: String,
    pub title: Option<String>,
    pub body: Located<String>,
}

/// A term of a closed taxonomy, from its terms file.
#[derive(Debug, Clone)]
pub struct TermDef {
    pub id: String,
    pub name: Localized<String>,
}

/// A file inside a bundle folder that is copied next to the record's page.
#[derive(Debug, Clone)]
pub struct BundleAsset {
    pub collection: String,
    pub id: String,
    /// Path relative to the site root.
    pub source: PathBuf,
    /// Path relative to the bundle folder.
    pub name: PathBuf,
}

#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Shared with `serve`'s parse cache: a load copies no record that did not change.
    pub records: Vec<std::sync::Arc<RawRecord>>,
    pub intros: Vec<Intro>,
    /// Taxonomy key → its terms, in file order.
    pub terms: BTreeMap<String, Vec<TermDef>>,
    pub assets: Vec<BundleAsset>,
    /// `(collection, id, lang)` of record files that could not be read or parsed (their errors
    /// are reported): the model must not also call their record missing.
    pub unparsed: BTreeSet<(String, String, String)>,
}

/// What a path under `content/` is.
#[derive(Debug, Clone, PartialEq)]
enum ContentFile {
    Record {
        collection: String,
        id: String,
        lang: String,
        format: RecordFormat,
    },
    Intro {
        collection: Option<String>,
        lang: String,
    },
    Asset {
        collection: String,
        id: String,
        name: PathBuf,
    },
    TermsFile,
}

/// Scans and parses everything under `root/content`.
pub fn load(root: &Path, config: &SiteConfig) -> (Content, Diagnostics) {
    load_cached(root, config, None)
}

/// Parsed files kept from one load to the next (by `serve`): a file is parsed again after
/// [`ParseCache::forget`] names it (the watcher's word). While the watcher reports only files
/// that changed in place, the next load takes the list of files from the last scan and every
/// other file's parse as it is: it neither walks `content/` nor looks at each file (issue 16).
/// Once a file appeared or went, or the watcher may have missed events
/// ([`ParseCache::rescan`]), the next load walks the folder again and parses again every file
/// whose size or modification time changed (one `stat` per file), so an event the watcher
/// missed cannot leave a stale parse. Parsing depends on `site.yaml` too, so the cache must be
/// cleared when it changes.
#[derive(Default)]
pub struct ParseCache {
    files: std::sync::Mutex<std::collections::HashMap<PathBuf, std::sync::Arc<CacheEntry>>>,
    /// The last scan, while no file is known to have appeared or gone since.
    scan: std::sync::Mutex<Option<std::sync::Arc<Scan>>>,
}

/// What a walk of `content/` found: each file with what it is, and the problems of their
/// paths.
struct Scan {
    files: Vec<(PathBuf, ContentFile)>,
    diagnostics: Diagnostics,
}

/// A file's stamp when it was read, and what parsing it gave.
type CacheEntry = (Option<Stamp>, Option<Parsed>, Diagnostics);

/// What tells that a file changed without reading it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Stamp {
    len: u64,
    modified: std::time::SystemTime,
}

impl Stamp {
    /// None when the file or its time cannot be read: such a file is always parsed again.
    fn of(file: &Path) -> Option<Stamp> {
        let metadata = std::fs::metadata(file).ok()?;
        Some(Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok()?,
        })
    }
}

impl ParseCache {
    /// Forgets a file or folder (relative to the site root `root`) that changed, appeared or
    /// disappeared; unless it is a file of the last scan that is still there, the next load
    /// scans again.
    pub fn forget(&self, root: &Path, path: &Path) {
        self.lock().remove(path);
        let mut scan = self.scan_lock();
        let changed_in_place = scan
            .as_ref()
            .is_some_and(|scan| scan.files.iter().any(|(known, _)| known == path))
            && root.join(path).is_file();
        if !changed_in_place {
            *scan = None;
        }
    }

    /// Makes the next load scan `content/` again and look at every file (the watcher may have
    /// missed events).
    pub fn rescan(&self) {
        *self.scan_lock() = None;
    }

    pub fn clear(&self) {
        self.lock().clear();
        self.rescan();
    }

    fn scan_lock(&self) -> std::sync::MutexGuard<'_, Option<std::sync::Arc<Scan>>> {
        self.scan.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Forgets every file but `files`, the ones that exist now: a file removed inside a folder
    /// that was deleted or renamed as a whole is reported by no event of its own, and would
    /// otherwise stay in the cache for as long as serve runs.
    fn keep_only<'a>(&self, files: impl Iterator<Item = &'a PathBuf>) {
        let existing: std::collections::HashSet<&PathBuf> = files.collect();
        self.lock().retain(|path, _| existing.contains(path));
    }

    fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, std::collections::HashMap<PathBuf, std::sync::Arc<CacheEntry>>>
    {
        self.files.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Parses the Markdown record file `path` again after it changed, and remembers the new
    /// parse. Returns its new body when that is all that changed: the file parsed before, it
    /// parses now, and apart from the body its fields and diagnostics are the same (so the
    /// front matter, and everything the site is assembled from, is as it was).
    pub fn body_edit(&self, root: &Path, path: &Path, config: &SiteConfig) -> Option<BodyEdit> {
        let kind = classify(path, config).ok()??;
        if !matches!(kind, ContentFile::Record { .. }) || path.extension()? != "md" {
            return None;
        }
        let cached = self.lock().get(path).cloned()?;
        let (_, old, old_diagnostics) = (*cached).clone();
        let (new, new_diagnostics) = self.parse_now(root, path, &kind, config);
        let (Some(Parsed::Record(old)), Some(Parsed::Record(new))) = (old, new) else {
            return None;
        };
        let mut new = std::sync::Arc::unwrap_or_clone(new);
        if new_diagnostics != old_diagnostics || new_diagnostics.has_errors() {
            return None;
        }
        let body = new.fields.body.exact(&new.lang)?.clone();
        new.fields.body = old.fields.body.clone();
        new.digest = old.digest;
        if new != *old {
            return None;
        }
        Some(BodyEdit {
            collection: new.collection,
            id: new.id,
            lang: new.lang,
            body,
        })
    }

    /// The file's parse, from the cache or parsed now and remembered; with `look`, a cached
    /// parse counts only if the file's stamp is the same.
    fn parse(
        &self,
        root: &Path,
        path: &Path,
        kind: &ContentFile,
        config: &SiteConfig,
        look: bool,
    ) -> (Option<Parsed>, Diagnostics) {
        // The entry is taken out of the lock before the file is looked at and the parse copied:
        // the files are read in parallel, and holding the lock through both serialized them.
        let cached = self.lock().get(path).cloned();
        if let Some(cached) = cached
            && let (Some(stamp), parsed, diagnostics) = &*cached
            && (!look || Stamp::of(&root.join(path)).as_ref() == Some(stamp))
        {
            return (parsed.clone(), diagnostics.clone());
        }
        self.parse_now(root, path, kind, config)
    }

    /// Parses the file and remembers the parse with the stamp the file had before it was read
    /// (a save while it is read then makes the next load parse it again).
    fn parse_now(
        &self,
        root: &Path,
        path: &Path,
        kind: &ContentFile,
        config: &SiteConfig,
    ) -> (Option<Parsed>, Diagnostics) {
        let stamp = Stamp::of(&root.join(path));
        let (parsed, diagnostics) = parse_file(root, path, kind, config);
        let entry = std::sync::Arc::new((stamp, parsed.clone(), diagnostics.clone()));
        self.lock().insert(path.to_path_buf(), entry);
        (parsed, diagnostics)
    }
}

/// [`load`], taking unchanged files from `cache` when there is one.
pub fn load_cached(
    root: &Path,
    config: &SiteConfig,
    cache: Option<&ParseCache>,
) -> (Content, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let kept_scan = cache.and_then(|cache| cache.scan_lock().clone());
    let look = kept_scan.is_none();
    let scanned = kept_scan.unwrap_or_else(|| {
        let (files, diagnostics) = scan(root, config);
        let scanned = std::sync::Arc::new(Scan { files, diagnostics });
        if let Some(cache) = cache {
            cache.keep_only(scanned.files.iter().map(|(path, _)| path));
            *cache.scan_lock() = Some(scanned.clone());
        }
        scanned
    });
    let files = &scanned.files;
    diagnostics.extend(scanned.diagnostics.clone());

    let parsed: Vec<(&ContentFile, Option<Parsed>, Diagnostics)> = files
        .par_iter()
        .filter(|(_, kind)| !matches!(kind, ContentFile::Asset { .. } | ContentFile::TermsFile))
        .map(|(path, kind)| {
            let (item, diagnostics) = match cache {
                Some(cache) => cache.parse(root, path, kind, config, look),
                None => parse_file(root, path, kind, config),
            };
            (kind, item, diagnostics)
        })
        .collect();
    let mut content = Content::default();
    // A record is a large value: grown one push at a time, the list was copied over and over
    // (about 5% of a saved title's work in `serve` at 10,000 records).
    content.records.reserve_exact(parsed.len());
    for (kind, item, file_diagnostics) in parsed {
        diagnostics.extend(file_diagnostics);
        match item {
            Some(Parsed::Record(record)) => content.records.push(record),
            Some(Parsed::Intro(intro)) => content.intros.push(intro),
            None => {
                if let ContentFile::Record {
                    collection,
                    id,
                    lang,
                    ..
                } = kind
                {
                    let key = (collection.clone(), id.clone(), lang.clone());
                    content.unparsed.insert(key);
                }
            }
        }
    }
    for (path, kind) in files {
        if let ContentFile::Asset {
            collection,
            id,
            name,
        } = kind
        {
            content.assets.push(BundleAsset {
                collection: collection.clone(),
                id: id.clone(),
                source: path.clone(),
                name: name.clone(),
            });
        }
    }
    content.terms = load_terms_files(root, config, &mut diagnostics);
    (content, diagnostics)
}

/// The terms of every closed taxonomy, from the terms files site.yaml names: taxonomy key →
/// its terms, in file order.
pub fn load_terms_files(
    root: &Path,
    config: &SiteConfig,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, Vec<TermDef>> {
    config
        .taxonomies
        .iter()
        .filter_map(|taxonomy| {
            let terms_file = taxonomy.terms_file.as_ref()?;
            let path = Path::new(CONTENT_DIR).join(terms_file);
            Some((
                taxonomy.key.clone(),
                load_terms(root, &path, config, diagnostics),
            ))
        })
        .collect()
}

/// The files under `static/`, relative to it, in a stable order.
pub fn static_files(root: &Path) -> (Vec<PathBuf>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let dir = Path::new("static");
    let files = site_files(root, dir, &mut diagnostics)
        .into_iter()
        .filter_map(|path| path.strip_prefix(dir).ok().map(Path::to_path_buf))
        .collect();
    (files, diagnostics)
}

/// The files below `root/dir`, relative to `root`, sorted: the walker of `content/` and
/// `static/`, which leaves out what the one file rule ([`is_published_name`]) leaves out. A
/// link is followed only to a file inside the site (SPEC §6: the site must not publish files
/// from elsewhere); a link to a folder is not followed.
fn site_files(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if !root.join(dir).is_dir() {
        return files;
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let walker = walkdir::WalkDir::new(root.join(dir))
        .sort_by_file_name()
        .follow_links(false)
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || is_published_entry(entry));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().map(|p| relative(root, p)).unwrap_or_default();
                diagnostics.push(
                    Diagnostic::error(
                        "E-read",
                        msg!("cannot-read-folder", detail = err.to_string()),
                    )
                    .in_file(&path),
                );
                continue;
            }
        };
        let path = relative(root, entry.path());
        if entry.path_is_symlink() {
            match entry.path().canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) && target.is_dir() => {
                    diagnostics.push(
                        Diagnostic::warning("W-symlink-folder", msg!("symlink-folder"))
                            .in_file(&path)
                            .hint(msg!("symlink-folder-hint")),
                    );
                    continue;
                }
                Ok(target) if target.starts_with(&canonical_root) => {}
                _ => {
                    diagnostics.push(
                        Diagnostic::error("E-symlink-outside", msg!("symlink-outside"))
                            .in_file(&path)
                            .hint(msg!("symlink-outside-hint")),
                    );
                    continue;
                }
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        files.push(path);
    }
    files
}

/// Lists the files under `content/` in a stable order and says what each is. Symlinks that lead
/// outside the site are refused (SPEC §6): the site must not publish files from elsewhere.
fn scan(root: &Path, config: &SiteConfig) -> (Vec<(PathBuf, ContentFile)>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let terms_files: Vec<PathBuf> = config
        .taxonomies
        .iter()
        .filter_map(|t| {
            t.terms_file
                .as_ref()
                .map(|f| Path::new(CONTENT_DIR).join(f))
        })
        .collect();
    let mut files = Vec::new();
    for path in site_files(root, Path::new(CONTENT_DIR), &mut diagnostics) {
        if terms_files.contains(&path) {
            files.push((path, ContentFile::TermsFile));
            continue;
        }
        match classify(&path, config) {
            Ok(Some(kind)) => files.push((path, kind)),
            Ok(None) => {}
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    (files, diagnostics)
}

/// The one file rule applied to a walked file or folder (a link is judged as a file).
pub fn is_published_entry(entry: &walkdir::DirEntry) -> bool {
    let kind = if entry.file_type().is_dir() {
        NameKind::Folder
    } else {
        NameKind::File
    };
    is_published_name(&entry.file_name().to_string_lossy(), kind)
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Says what a file under `content/` is, from its path alone.
fn classify(path: &Path, config: &SiteConfig) -> Result<Option<ContentFile>, Diagnostic> {
    let parts: Vec<String> = path
        .iter()
        .skip(1)
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let file_name = parts.last().cloned().unwrap_or_default();
    let lang_of = |stem_and_lang: &str| -> Result<(String, String), Diagnostic> {
        match stem_and_lang.rsplit_once('.') {
            Some((stem, lang)) if config.language(lang).is_some() => {
                Ok((stem.to_string(), lang.to_string()))
            }
            Some((_, lang)) if lang.len() <= 3 && lang.chars().all(|c| c.is_ascii_alphabetic()) => {
                Err(Diagnostic::error(
                    "E-unknown-language",
                    msg!("unknown-file-language", lang = lang),
                )
                .in_file(path)
                .hint(msg!(
                    "unknown-file-language-hint",
                    codes = config.lang_codes().join(", ")
                )))
            }
            _ => Ok((stem_and_lang.to_string(), config.default_lang().to_string())),
        }
    };
    match parts.as_slice() {
        [name] if name.starts_with("_index.") && name.ends_with(".md") => {
            let (_, lang) = lang_of(name.trim_end_matches(".md"))?;
            Ok(Some(ContentFile::Intro {
                collection: None,
                lang,
            }))
        }
        [dir, ..] if config.collection(dir).is_none() => {
            if parts.len() == 1 || dir == "data" {
                return Ok(None);
            }
            Err(
                Diagnostic::warning("W-unknown-folder", msg!("unknown-folder", folder = dir))
                    .in_file(path)
                    .hint(msg!(
                        "unknown-folder-hint",
                        folder = dir,
                        collections = config
                            .collections
                            .iter()
                            .map(|c| c.key.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
            )
        }
        [collection, name] => {
            let collection = collection.clone();
            if let Some(stem) = name.strip_suffix(".md") {
                let (id, lang) = lang_of(stem)?;
                if id == "_index" {
                    return Ok(Some(ContentFile::Intro {
                        collection: Some(collection),
                        lang,
                    }));
                }
                Ok(Some(ContentFile::Record {
                    collection,
                    id,
                    lang,
                    format: RecordFormat::Markdown,
                }))
            } else if let Some(id) = name
                .strip_suffix(".yaml")
                .or_else(|| name.strip_suffix(".yml"))
            {
                Ok(Some(ContentFile::Record {
                    collection,
                    id: id.to_string(),
                    lang: config.default_lang().to_string(),
                    format: RecordFormat::Yaml,
                }))
            } else {
                Err(Diagnostic::warning("W-ignored-file", msg!("ignored-file"))
                    .in_file(path)
                    .hint(msg!("ignored-file-hint")))
            }
        }
        [collection, id, rest @ ..] => {
            if let [name] = rest
                && let Some(stem) = name
                    .strip_prefix("index.")
                    .and_then(|n| n.strip_suffix(".md"))
            {
                let lang = if stem.is_empty() {
                    config.default_lang().to_string()
                } else {
                    lang_of(&format!("index.{stem}"))?.1
                };
                return Ok(Some(ContentFile::Record {
                    collection: collection.clone(),
                    id: id.clone(),
                    lang,
                    format: RecordFormat::Bundle,
                }));
            }
            if rest.last().is_some_and(|n| n.ends_with(".md")) {
                return Err(
                    Diagnostic::warning("W-ignored-file", msg!("ignored-bundle-markdown"))
                        .in_file(path)
                        .hint(msg!("ignored-bundle-markdown-hint")),
                );
            }
            Ok(Some(ContentFile::Asset {
                collection: collection.clone(),
                id: id.clone(),
                name: rest.iter().collect(),
            }))
        }
        _ => Ok(None),
    }
    .map(|kind| kind.filter(|_| !file_name.is_empty()))
}

/// A record file of which only the body changed: see [`ParseCache::body_edit`].
#[derive(Debug)]
pub struct BodyEdit {
    pub collection: String,
    pub id: String,
    pub lang: String,
    pub body: Body,
}

#[derive(Debug, Clone)]
enum Parsed {
    Record(std::sync::Arc<RawRecord>),
    Intro(Intro),
}

fn parse_file(
    root: &Path,
    path: &Path,
    kind: &ContentFile,
    config: &SiteConfig,
) -> (Option<Parsed>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let file = match SourceFile::read(root, path) {
        Ok(file) => characters::scan(file, &mut diagnostics),
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return (None, diagnostics);
        }
    };
    let parsed = match kind {
        ContentFile::Record {
            collection,
            id,
            lang,
            format,
        } => parse_record(
            &file,
            collection,
            id,
            lang,
            *format,
            config,
            &mut diagnostics,
        )
        .map(|r| Parsed::Record(std::sync::Arc::new(r))),
        ContentFile::Intro { collection, lang } => {
            parse_intro(&file, collection.clone(), lang, &mut diagnostics).map(Parsed::Intro)
        }
        ContentFile::Asset { .. } | ContentFile::TermsFile => None,
    };
    (parsed, diagnostics)
}

fn parse_record(
    file: &SourceFile,
    collection: &str,
    id: &str,
    lang: &str,
    format: RecordFormat,
    config: &SiteConfig,
    diagnostics: &mut Diagnostics,
) -> Option<RawRecord> {
    let schema = config.collection(collection)?;
    let start = file.location(1, 1, 1);
    let (front, body) = if format == RecordFormat::Yaml {
        match yaml::parse(&file.text) {
            Ok(node) => (node, None),
            Err(err) => {
                diagnostics.push(
                    Diagnostic::error(
                        err.code(),
                        msg!("record-not-yaml", problem = err.message.clone()),
                    )
                    .at(file.location(err.pos.line, err.pos.column, 1))
                    .hint(err.hint()),
                );
                return None;
            }
        }
    } else {
        match frontmatter::split(file) {
            Ok(split) => match split.front {
                Some(front) => (
                    front,
                    Some(Located {
                        value: Arc::from(split.body),
                        at: file.location(split.body_line, 1, 1),
                    }),
                ),
                None => {
                    diagnostics.push(
                        Diagnostic::error("E-no-front-matter", msg!("no-front-matter"))
                            .at(start.clone())
                            .hint(msg!("no-front-matter-hint")),
                    );
                    return None;
                }
            },
            Err(diagnostic) => {
                diagnostics.push(diagnostic);
                return None;
            }
        }
    };
    yaml::escapes::check(file, &front, diagnostics);
    let mut reader = Reader::new(file, diagnostics);
    let mut fields = read_fields(&mut reader, &front, lang, schema, config);
    if let Some(body) = body {
        if fields.body.has(lang) || !fields.body.is_empty() {
            let at = fields
                .keys
                .iter()
                .find(|(k, _)| k == "body")
                .map(|(_, l)| l.clone());
            diagnostics.push(
                Diagnostic::error("E-unknown-field", msg!("body-in-front-matter"))
                    .at_opt(at)
                    .hint(msg!("body-in-front-matter-hint")),
            );
        }
        crate::scaffold::report_body_placeholders(file, &body.value, body.at.line, diagnostics);
        fields.body = Localized::one(lang, body);
    }
    let bundle_dir = (format == RecordFormat::Bundle).then(|| {
        file.path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default()
    });
    Some(RawRecord {
        collection: collection.to_string(),
        id: id.to_string(),
        lang: lang.to_string(),
        format,
        path: file.path.to_path_buf(),
        bundle_dir,
        fields,
        start,
        digest: crate::digest::Digest::new()
            .add(&file.path)
            .add(file.text.as_str())
            .finish(),
    })
}

fn parse_intro(
    file: &SourceFile,
    collection: Option<String>,
    lang: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Intro> {
    let split = match frontmatter::split(file) {
        Ok(split) => split,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return None;
        }
    };
    let mut title = None;
    if let Some(front) = &split.front {
        yaml::escapes::check(file, front, diagnostics);
        let mut reader = Reader::new(file, diagnostics);
        if let Some(entries) = reader.map(front, "the front matter") {
            reader.unknown_keys(entries, &["title"], msg!("what-an-introduction"));
        }
        title = front.get("title").and_then(|n| reader.text(n, "title"));
    }
    Some(Intro {
        collection,
        lang: lang.to_string(),
        title,
        body: Located {
            value: split.body.to_string(),
            at: file.location(split.body_line, 1, 1),
        },
    })
}

/// Reads a terms file: `id: {zh: name, ko: name}` (or `id: name`) per line.
fn load_terms(
    root: &Path,
    path: &Path,
    config: &SiteConfig,
    diagnostics: &mut Diagnostics,
) -> Vec<TermDef> {
    if !root.join(path).is_file() {
        diagnostics.push(
            Diagnostic::error(
                "E-missing-terms-file",
                msg!("missing-terms-file", path = path),
            )
            .in_file(Path::new(crate::config::CONFIG_FILE))
            .hint(msg!("missing-terms-file-hint")),
        );
        return Vec::new();
    }
    let file = match SourceFile::read(root, path) {
        Ok(file) => characters::scan(file, diagnostics),
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return Vec::new();
        }
    };
    let node = match yaml::parse(&file.text) {
        Ok(node) => node,
        Err(err) => {
            diagnostics.push(
                Diagnostic::error(
                    err.code(),
                    msg!("terms-file-not-yaml", problem = err.message.clone()),
                )
                .at(file.location(err.pos.line, err.pos.column, 1))
                .hint(err.hint()),
            );
            return Vec::new();
        }
    };
    yaml::escapes::check(&file, &node, diagnostics);
    let codes = config.lang_codes();
    let mut reader = Reader::new(&file, diagnostics);
    let Some(entries) = reader.map(&node, "the terms file") else {
        return Vec::new();
    };
    let mut terms = Vec::new();
    for (key, value) in entries {
        let at = reader.key_location(key);
        if let Some(diagnostic) = characters::check_id(&key.name, IdKind::Term, Some(&at)) {
            reader.push(diagnostic);
            continue;
        }
        if !is_slug(&key.name) {
            let location = reader.key_location(key);
            reader.push(
                Diagnostic::error("E-bad-name", msg!("bad-term-id", id = &key.name))
                    .at(location)
                    .hint(msg!("bad-term-id-hint")),
            );
            continue;
        }
        let name = reader.localized_text(value, &key.name, &codes, config.default_lang());
        terms.push(TermDef {
            id: key.name.clone(),
            name,
        });
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_classify(path: &str) -> Result<Option<ContentFile>, &'static str> {
        let config = fields::tests::test_config();
        classify(Path::new(path), &config).map_err(|d| d.code)
    }

    #[test]
    fn the_cache_forgets_files_that_are_gone() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let bundle = root.join("content/projects/a");
        std::fs::create_dir_all(&bundle).unwrap();
        std::fs::write(
            bundle.join("index.zh.md"),
            "---\ntitle: 甲\ndate: 2024-01-01\n---\n",
        )
        .unwrap();
        let config = fields::tests::test_config();
        let cache = ParseCache::default();
        load_cached(root, &config, Some(&cache));
        assert_eq!(cache.lock().len(), 1);
        // The whole folder goes: the watcher names the folder, not the file in it.
        std::fs::remove_dir_all(&bundle).unwrap();
        cache.forget(root, Path::new("content/projects/a"));
        load_cached(root, &config, Some(&cache));
        assert!(cache.lock().is_empty());
    }

    #[test]
    fn the_last_scan_is_kept_until_a_file_appears_or_goes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/projects")).unwrap();
        let record = |name: &str, title: &str| {
            let text = format!("---\ntitle: {title}\ndate: 2024-01-01\n---\n");
            std::fs::write(root.join("content/projects").join(name), text).unwrap();
        };
        let titles = |cache: &ParseCache| {
            let (content, _) = load_cached(root, &fields::tests::test_config(), Some(cache));
            let mut titles: Vec<String> = content
                .records
                .iter()
                .map(|r| r.fields.title.exact("zh").cloned().unwrap_or_default())
                .collect();
            titles.sort();
            titles
        };
        let cache = ParseCache::default();
        record("a.zh.md", "甲");
        assert_eq!(titles(&cache), ["甲"]);

        // Saved in place and named by the watcher: parsed again, without a walk.
        record("a.zh.md", "甲二");
        cache.forget(root, Path::new("content/projects/a.zh.md"));
        assert!(cache.scan_lock().is_some(), "the scan is kept");
        assert_eq!(titles(&cache), ["甲二"]);

        // A new file named by the watcher: the folder is walked again.
        record("b.zh.md", "乙");
        cache.forget(root, Path::new("content/projects/b.zh.md"));
        assert!(cache.scan_lock().is_none());
        assert_eq!(titles(&cache), ["乙", "甲二"]);

        // Events the watcher may have missed: every file is looked at again.
        record("a.zh.md", "甲三");
        cache.rescan();
        assert_eq!(titles(&cache), ["乙", "甲三"]);

        // A file deleted: walked again, and forgotten.
        std::fs::remove_file(root.join("content/projects/b.zh.md")).unwrap();
        cache.forget(root, Path::new("content/projects/b.zh.md"));
        assert_eq!(titles(&cache), ["甲三"]);
    }

    #[test]
    fn a_body_edit_is_told_apart_from_any_other_change() {
        let root = std::env::temp_dir().join(format!("showcase-body-edit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let file = Path::new("content/projects/a.zh.md");
        std::fs::create_dir_all(root.join("content/projects")).unwrap();
        let write = |text: &str| std::fs::write(root.join(file), text).unwrap();
        let front = "---\ntitle: 甲\ndate: 2024-01-01\n---\n";
        let config = fields::tests::test_config();
        let cache = ParseCache::default();
        let kind = classify(file, &config).unwrap().unwrap();

        write(&format!("{front}\n正文。\n"));
        assert!(
            cache.body_edit(&root, file, &config).is_none(),
            "nothing cached yet"
        );
        cache.parse(&root, file, &kind, &config, true);
        write(&format!("{front}\n新的正文。\n"));
        let edit = cache.body_edit(&root, file, &config).expect("a body edit");
        assert_eq!((edit.id.as_str(), edit.lang.as_str()), ("a", "zh"));
        assert_eq!(edit.body.value.trim(), "新的正文。");
        // The new parse is remembered: the next edit is compared with it.
        write(&format!("{front}\n再改。\n"));
        assert!(cache.body_edit(&root, file, &config).is_some());
        write(&format!("{}\n再改。\n", front.replace("甲", "乙")));
        assert!(
            cache.body_edit(&root, file, &config).is_none(),
            "the title changed"
        );
        write("---\ntitle: 乙\n--\n\n再改。\n");
        assert!(cache.body_edit(&root, file, &config).is_none(), "broken");
        // A change the watcher never reported is still seen: the file's size differs.
        write(&format!("{front}\n没有通知的修改。\n"));
        let (parsed, _) = cache.parse(&root, file, &kind, &config, true);
        let Some(Parsed::Record(record)) = parsed else {
            panic!("a record")
        };
        assert!(
            record
                .fields
                .body
                .exact("zh")
                .unwrap()
                .value
                .contains("没有通知")
        );
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn site_files_follow_one_policy_for_content_and_static() {
        let root = std::env::temp_dir().join(format!("showcase-site-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let outside = root.with_extension("outside");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("secret.txt"), "x").unwrap();
        for file in [
            "static/.well-known/security.txt",
            "static/a.css",
            "static/a.css~",
            "static/.DS_Store",
            "static/4913/a.txt",
            "static/4913.tmp",
            "content/.git/HEAD",
            "content/p/a.zh.md",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        std::os::unix::fs::symlink(outside.join("secret.txt"), root.join("static/secret.txt"))
            .unwrap();
        std::os::unix::fs::symlink(root.join("content/p"), root.join("static/linked")).unwrap();

        let (files, diagnostics) = static_files(&root);
        assert_eq!(
            files,
            [
                PathBuf::from(".well-known/security.txt"),
                PathBuf::from("4913/a.txt"),
                PathBuf::from("a.css")
            ]
        );
        let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["W-symlink-folder", "E-symlink-outside"]);

        let mut diagnostics = Diagnostics::default();
        let content = site_files(&root, Path::new("content"), &mut diagnostics);
        assert_eq!(content, [PathBuf::from("content/p/a.zh.md")]);
        std::fs::remove_dir_all(&root).unwrap();
        std::fs::remove_dir_all(&outside).unwrap();
    }

    #[test]
    fn classifies_content_paths() {
        use ContentFile::*;
        let record = |id: &str, lang: &str, format| {
            Ok(Some(Record {
                collection: "projects".into(),
                id: id.into(),
                lang: lang.into(),
                format,
            }))
        };
        assert_eq!(
            check_classify("content/projects/a.zh.md"),
            record("a", "zh", RecordFormat::Markdown)
        );
        assert_eq!(
            check_classify("content/projects/a.md"),
            record("a", "zh", RecordFormat::Markdown)
        );
        assert_eq!(
            check_classify("content/projects/梨园村.ko.md"),
            record("梨园村", "ko", RecordFormat::Markdown)
        );
        assert_eq!(
            check_classify("content/projects/a.yaml"),
            record("a", "zh", RecordFormat::Yaml)
        );
        assert_eq!(
            check_classify("content/projects/a/index.ko.md"),
            record("a", "ko", RecordFormat::Bundle)
        );
        assert_eq!(
            check_classify("content/projects/a/cover.svg"),
            Ok(Some(Asset {
                collection: "projects".into(),
                id: "a".into(),
                name: "cover.svg".into()
            }))
        );
        assert_eq!(
            check_classify("content/_index.ko.md"),
            Ok(Some(Intro {
                collection: None,
                lang: "ko".into()
            }))
        );
        assert_eq!(
            check_classify("content/projects/_index.zh.md"),
            Ok(Some(Intro {
                collection: Some("projects".into()),
                lang: "zh".into()
            }))
        );
        assert_eq!(
            check_classify("content/projects/a.en.md"),
            Err("E-unknown-language")
        );
        assert_eq!(
            check_classify("content/people/a.zh.md"),
            Err("W-unknown-folder")
        );
        assert_eq!(
            check_classify("content/projects/notes.txt"),
            Err("W-ignored-file")
        );
        assert_eq!(check_classify("content/data/regions.yaml"), Ok(None));
    }
}
