//! The site as `serve` holds it: rendered into memory, rebuilt on every change with unchanged
//! files taken from a parse cache, and compared with the last good site so that only files
//! whose bytes changed are replaced (and reloaded in the browser). A build with errors leaves
//! the last good site as it was.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use super::watch::{ChangeKind, Changes};
use crate::content::ParseCache;
use crate::output::{OutputError, Sink};
use crate::pipeline::{self, BuildError, BuildOptions};

/// Output path ("projects/x/index.html") → bytes, as `build` would write them.
pub type Files = HashMap<String, Arc<[u8]>>;

pub struct LiveSite {
    options: BuildOptions,
    cache: ParseCache,
    /// The last site that built without errors: what is served.
    files: Arc<Files>,
    /// Its base path ("/" or "/sub/").
    base_path: String,
    /// Its theme (a change of site.yaml may name another).
    theme: String,
}

/// What a rebuild gave.
pub enum Outcome {
    /// The site built; `changed` are the output paths whose bytes changed, appeared or
    /// disappeared (sorted).
    Built {
        changed: Vec<String>,
        warnings: crate::diagnostics::Diagnostics,
    },
    /// It did not: the last good site stays.
    Failed(BuildError),
}

impl LiveSite {
    pub fn new(options: BuildOptions) -> LiveSite {
        LiveSite {
            options,
            cache: ParseCache::default(),
            files: Arc::new(Files::new()),
            base_path: "/".into(),
            theme: String::new(),
        }
    }

    /// The last good site.
    pub fn files(&self) -> Arc<Files> {
        self.files.clone()
    }

    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    pub fn theme(&self) -> &str {
        &self.theme
    }

    /// Forgets the files `changes` names (all of them when site.yaml changed, since parsing
    /// depends on it), then builds the site again.
    pub fn rebuild(&mut self, changes: &Changes) -> Outcome {
        if changes
            .paths
            .values()
            .any(|kind| *kind == ChangeKind::Config)
        {
            self.cache.clear();
        }
        for (path, kind) in &changes.paths {
            if *kind == ChangeKind::Content {
                self.cache.forget(Path::new(path));
            }
        }
        self.build()
    }

    /// Builds the whole site into memory, reusing the bytes of unchanged files.
    pub fn build(&mut self) -> Outcome {
        let sink = DiffSink::new(&self.options.root, &self.files);
        let built = pipeline::render_into(&self.options, &self.cache, &sink);
        let (site, warnings) = match built {
            Ok(built) => built,
            Err(err) => return Outcome::Failed(err),
        };
        let files = sink.finish();
        let changed = changed_paths(&self.files, &files);
        self.files = Arc::new(files);
        self.base_path = site.config.base_url.path.clone();
        self.theme = site.config.theme.clone();
        std::thread::spawn(move || drop(site));
        Outcome::Built { changed, warnings }
    }
}

/// Paths whose bytes differ between `old` and `new`, or that only one of them has.
fn changed_paths(old: &Files, new: &Files) -> Vec<String> {
    let mut changed: BTreeSet<&String> = new
        .iter()
        .filter(|(path, bytes)| {
            old.get(*path)
                .is_none_or(|before| !Arc::ptr_eq(before, bytes))
        })
        .map(|(path, _)| path)
        .collect();
    changed.extend(old.keys().filter(|path| !new.contains_key(*path)));
    changed.into_iter().cloned().collect()
}

/// A [`Sink`] into memory that keeps the previous site's bytes (the same `Arc`) for every
/// file that did not change: unchanged files cost no new memory, and comparing pointers then
/// tells what changed.
struct DiffSink<'a> {
    root: &'a Path,
    previous: &'a Files,
    files: Mutex<Files>,
    /// Files written in parts (the booklet), completed by `finish`.
    parts: Mutex<HashMap<String, Vec<u8>>>,
}

impl<'a> DiffSink<'a> {
    fn new(root: &'a Path, previous: &'a Files) -> DiffSink<'a> {
        DiffSink {
            root,
            previous,
            files: Mutex::new(Files::new()),
            parts: Mutex::new(HashMap::new()),
        }
    }

    fn finish(self) -> Files {
        let previous = self.previous;
        let parts = self.parts.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        for (path, bytes) in parts {
            let shared = share(previous, &path, &bytes);
            files.insert(path, shared);
        }
        files
    }
}

/// The previous bytes of `path` when they equal `bytes`, else a new copy.
fn share(previous: &Files, path: &str, bytes: &[u8]) -> Arc<[u8]> {
    match previous.get(path) {
        Some(before) if **before == *bytes => before.clone(),
        _ => Arc::from(bytes),
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Sink for DiffSink<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let shared = share(self.previous, path, bytes);
        lock(&self.parts).remove(path);
        lock(&self.files).insert(path.to_string(), shared);
        Ok(())
    }

    fn append(&self, path: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let started = lock(&self.files).remove(path);
        let mut parts = lock(&self.parts);
        let file = parts
            .entry(path.to_string())
            .or_insert_with(|| started.map(|b| b.to_vec()).unwrap_or_default());
        file.extend_from_slice(bytes);
        Ok(())
    }

    fn copy(&self, path: &str, source: &Path) -> Result<(), OutputError> {
        let full: PathBuf = self.root.join(source);
        let bytes = std::fs::read(&full).map_err(|source| OutputError::Io {
            path: full.clone(),
            source,
        })?;
        self.put(path, &bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(entries: &[(&str, &str)]) -> Files {
        entries
            .iter()
            .map(|(path, text)| (path.to_string(), Arc::from(text.as_bytes())))
            .collect()
    }

    #[test]
    fn unchanged_files_keep_their_bytes_and_only_changes_are_listed() {
        let root = Path::new(".");
        let before = files(&[("a.html", "A"), ("b.html", "B"), ("gone.html", "G")]);
        let sink = DiffSink::new(root, &before);
        sink.put("a.html", b"A").unwrap();
        sink.put("b.html", b"B2").unwrap();
        sink.put("new.html", b"N").unwrap();
        sink.put("booklet.html", b"").unwrap();
        sink.append("booklet.html", b"x").unwrap();
        sink.append("booklet.html", b"y").unwrap();
        let after = sink.finish();
        assert!(Arc::ptr_eq(&before["a.html"], &after["a.html"]));
        assert_eq!(&*after["booklet.html"], b"xy");
        assert_eq!(
            changed_paths(&before, &after),
            ["b.html", "booklet.html", "gone.html", "new.html"]
        );
    }
}
