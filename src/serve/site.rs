//! The site as `serve` holds it: rendered into its [`Store`] on disk, rebuilt on every change
//! with unchanged files taken from a parse cache, and compared with the last good site so that
//! only files whose bytes changed are replaced (and reloaded in the browser). A build with
//! errors leaves the last good site as it was.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::watch::{ChangeKind, Changes};
use crate::content::ParseCache;
use crate::model::{KeptRecords, VersionMemo};
use crate::output::{OutputError, PreviousFile, Sink};
use crate::pipeline::{self, BuildError, BuildOptions, LoadMemos};
use crate::render::{self, Bodies, Kept, Memo, Rendering, Theme, WorkCounters};

pub use super::store::Files;
use super::store::{BlobWriter, Store};

/// The picture files of a site as `serve` serves them: from the image cache.
pub struct PictureFiles {
    root: PathBuf,
    catalog: Arc<crate::images::Catalog>,
}

impl PictureFiles {
    /// The bytes of the picture file at output path `name`; `None` when there is none.
    pub fn read(&self, name: &str) -> Option<Result<Vec<u8>, String>> {
        self.catalog.published_bytes(&self.root, name)
    }
}

pub struct LiveSite {
    options: BuildOptions,
    cache: ParseCache,
    /// The records' versions by what they are made from (cleared with `cache` when
    /// site.yaml changes).
    versions: VersionMemo,
    /// Each record's last build; the records themselves are in `last` until it is replaced.
    records: KeptRecords,
    /// The last site that built without errors: what is served.
    files: Arc<Files>,
    /// The site served before it, whose files requests that started then may still read.
    before: Arc<Files>,
    /// What it was rendered from, kept to render an edited record's pages at once and to
    /// take unchanged records' texts and cards from.
    last: Option<LastRendering>,
    /// What each served page was made from: the next rebuild renders only the pages whose
    /// inputs changed (issue 16).
    memo: Option<Memo>,
    /// Whether the last build failed (the served site is older than the files).
    broken: bool,
    /// How long each phase of the last build took (`serve --timings`).
    phases: Mutex<Vec<(&'static str, Duration)>>,
    /// The thread freeing what the last update replaced.
    freeing: Option<std::thread::JoinHandle<()>>,
}

/// What the last good site was rendered from.
struct Rendered {
    site: crate::model::Site,
    theme: Theme,
    counters: Arc<WorkCounters>,
}

self_cell::self_cell!(
    /// The last good site's rendering, with the site and theme it borrows.
    struct LastRendering {
        owner: Rendered,
        #[covariant]
        dependent: Rendering,
    }
);

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
    /// A site with nothing built yet, and its store (under the site's `.showcase/serve/`).
    pub fn new(options: BuildOptions) -> Result<LiveSite, OutputError> {
        let store = Store::open(&options.root).map_err(|source| OutputError::Io {
            path: options.root.join(super::store::SERVE_DIR),
            source,
        })?;
        let files = Arc::new(Files::new(Arc::new(store)));
        Ok(LiveSite {
            options,
            cache: ParseCache::default(),
            versions: VersionMemo::default(),
            records: KeptRecords::new(verify_incremental()),
            before: files.clone(),
            files,
            last: None,
            memo: None,
            broken: false,
            phases: Mutex::default(),
            freeing: None,
        })
    }

    /// Makes `files` the served site, and deletes the blobs neither it nor the site it
    /// replaces uses.
    fn serve(&mut self, files: Files) {
        self.before = std::mem::replace(&mut self.files, Arc::new(files));
        self.files.store().collect(&[&self.files, &self.before]);
    }

    /// The last good site.
    pub fn files(&self) -> Arc<Files> {
        self.files.clone()
    }

    /// The last good site's photo variants and other picture files, which are not among
    /// [`LiveSite::files`].
    pub fn pictures(&self) -> Option<Arc<PictureFiles>> {
        let last = self.last.as_ref()?;
        Some(Arc::new(PictureFiles {
            root: self.options.root.clone(),
            catalog: last.borrow_owner().site.pictures.clone(),
        }))
    }

    /// The base path of the last good site ("/" or "/sub/").
    pub fn base_path(&self) -> &str {
        self.last
            .as_ref()
            .map_or("/", |last| &last.borrow_owner().site.config.base_url.path)
    }

    /// The theme of the last good site (a change of site.yaml may name another); empty before
    /// the site first builds.
    pub fn theme(&self) -> &str {
        self.last
            .as_ref()
            .map_or("", |last| &last.borrow_owner().site.config.theme)
    }

    /// The quick path for the commonest change, a record's body edited and saved: renders
    /// just that record's pages with the new body and replaces them in the served site, in a
    /// few milliseconds whatever the size of the site. Returns the output paths that changed,
    /// or `None` when `changes` are anything else (or the edit would change more than the
    /// record's pages can show: its headings, a link to a heading, an error). Either way
    /// [`LiveSite::rebuild`] must follow: it brings the booklet, the lists showing the
    /// record's summary and everything else up to date, and finds these pages unchanged.
    pub fn preview(&mut self, changes: &Changes) -> Option<Vec<String>> {
        let last = self.last.as_ref().filter(|_| !self.broken)?;
        let only_content = changes.paths.values().all(|k| *k == ChangeKind::Content);
        if changes.rescan || changes.paths.is_empty() || !only_content {
            return None;
        }
        let Rendered { site, counters, .. } = last.borrow_owner();
        let sink = DiffSink::new(&self.options.root, &self.files);
        for path in changes.paths.keys() {
            let edit = self
                .cache
                .body_edit(&self.options.root, Path::new(path), &site.config)?;
            let index = site
                .records
                .iter()
                .position(|r| r.collection == edit.collection && r.id == edit.id)?;
            let mut record = site.records[index].clone();
            record.body.set(&edit.lang, edit.body);
            let (texts, diagnostics) = render::record_texts(site, &record, counters, Bodies::Keep);
            if !diagnostics.is_empty() {
                return None;
            }
            last.borrow_dependent()
                .render_record_with(index, &texts, &sink)
                .ok()??;
        }
        let rendered = sink.finish().ok()?;
        let mut changed: Vec<String> = rendered
            .iter()
            .filter(|(path, blob)| self.files.get(path) != Some(**blob))
            .map(|(path, _)| path.clone())
            .collect();
        changed.sort();
        let mut files = (*self.files).clone();
        files.extend(rendered);
        // These pages are no longer what the memo says they were made from: the next update
        // renders them whatever their inputs (should the update this preview precedes fail and
        // the edit be undone, keeping them would serve the undone body).
        if let Some(memo) = &mut self.memo {
            memo.forget(&changed);
        }
        // The blobs no site uses any more are deleted by the update that follows.
        self.before = std::mem::replace(&mut self.files, Arc::new(files));
        Some(changed)
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
            self.versions.clear();
            self.records.clear();
        }
        if changes.rescan {
            self.cache.rescan();
        }
        for (path, kind) in &changes.paths {
            if *kind == ChangeKind::Content {
                self.cache.forget(&self.options.root, Path::new(path));
            }
        }
        self.build()
    }

    /// Builds the site into memory: records that did not change keep their texts and cards,
    /// pages whose inputs did not change keep their bytes, and only the rest is rendered.
    pub fn build(&mut self) -> Outcome {
        // What the next rendering can take is moved out of the last one (a large site's texts
        // and cards are hundreds of megabytes), and the rest freed once the new site is
        // served; until a build succeeds again there is nothing to preview with. Its records
        // go back to `records`, for those that did not change to be used again.
        let started = Instant::now();
        lock(&self.phases).clear();
        let mut kept = None;
        let previous = self.last.take().map(|mut previous| {
            kept = Some(previous.with_dependent_mut(|_, rendering| rendering.keep()));
            let mut owner = previous.into_owner();
            self.records
                .give_back(std::mem::take(&mut owner.site.records));
            owner
        });
        if let Some(freeing) = self.freeing.take() {
            let _ = freeing.join();
        }
        let rendered = self.render(kept.unwrap_or_default());
        let swapping = Instant::now();
        self.broken = rendered.is_err();
        let outcome = match rendered {
            Ok((last, files, memo, warnings)) => {
                let changed = changed_paths(&self.files, &files);
                if verify_incremental() {
                    self.verify(&last, &files);
                }
                self.serve(files);
                self.last = Some(last);
                self.memo = Some(memo);
                Outcome::Built { changed, warnings }
            }
            Err(err) => {
                // What the failed build stored is of no use.
                self.files.store().collect(&[&self.files, &self.before]);
                Outcome::Failed(err)
            }
        };
        // The rest of the last rendering is freed once the new site is served, on a thread of
        // its own: freed meanwhile, it took a core from the update.
        self.freeing = Some(std::thread::spawn(move || {
            drop(previous);
            give_back_freed_memory();
        }));
        let mut phases = lock(&self.phases);
        phases.push(("swap", swapping.elapsed()));
        phases.push(("all", started.elapsed()));
        outcome
    }

    /// How long each phase of the last build took: loading (the files read, parsed and
    /// assembled, the texts rendered), preparing (cards, lists), rendering (search index and
    /// pages), and putting the new files in place of the old.
    pub fn phases(&self) -> Vec<(&'static str, Duration)> {
        lock(&self.phases).clone()
    }

    /// How many records the last build took as they were built before ([`KeptRecords`]).
    pub fn records_kept(&self) -> usize {
        self.records.reused()
    }

    fn phase(&self, name: &'static str, since: &mut Instant) {
        let now = Instant::now();
        lock(&self.phases).push((name, now - *since));
        *since = now;
    }

    fn render(&self, kept: Kept) -> Result<NewSite, BuildError> {
        let Kept {
            texts,
            cards,
            similar,
        } = kept;
        let mut since = Instant::now();
        let memos = LoadMemos {
            parses: Some(&self.cache),
            versions: Some(&self.versions),
            records: Some(&self.records),
        };
        let loaded = pipeline::load_for_serve(&self.options, memos, Some(texts));
        // Timed also when the files have errors: that is where such a build ends.
        self.phase("load", &mut since);
        let (site, theme, texts, svgs, warnings) = loaded?;
        crate::images::save_index(&site.pictures);
        let owner = Rendered {
            site,
            theme,
            counters: self.options.counters.clone(),
        };
        let last = LastRendering::try_new(owner, |owner| {
            Rendering::prepare_keeping(
                &owner.site,
                &owner.theme,
                &owner.counters,
                texts,
                svgs,
                Some(cards),
                similar,
            )
        })
        .map_err(pipeline::build_error)?;
        self.phase("prepare", &mut since);
        let sink = DiffSink::new(&self.options.root, &self.files);
        let (_, memo) = last
            .borrow_dependent()
            .render_since(&sink, self.memo.as_ref())
            .map_err(pipeline::build_error)?;
        self.phase("render", &mut since);
        let files = sink.finish()?;
        Ok((last, files, memo, warnings))
    }

    /// The check of `SHOWCASE_VERIFY_INCREMENTAL`: renders the site `last` holds again from
    /// nothing (no kept texts, cards or pages) and compares it with `files`, what the
    /// incremental update gave, after checking the records it reused ([`KeptRecords`]). The
    /// same loaded site is rendered, so that a save made meanwhile cannot make the two differ;
    /// files copied from the site as they are come from `files` for the same reason (they are
    /// copied on every update, never kept). A difference is a bug of the update, which this
    /// mode exists to find: it is printed and the server stops with exit status 3.
    fn verify(&self, last: &LastRendering, files: &Files) {
        // Records reused from the last site are checked as they are assembled, against a new
        // build of the same files: the rendering below starts from the site as assembled.
        let stale_records = self.records.take_stale();
        if !stale_records.is_empty() {
            for record in stale_records.iter().take(20) {
                eprintln!("verify-incremental: stale record {record}");
            }
            eprintln!("verify-incremental: FAILED");
            std::process::exit(3);
        }
        let Rendered { site, theme, .. } = last.borrow_owner();
        let counters = WorkCounters::default();
        let nothing = Files::new(files.store().clone());
        let full = (|| {
            let (texts, _) = render::render_texts(site, &counters, None, Bodies::Keep);
            let svgs = last.borrow_dependent().svgs().clone();
            let rendering = Rendering::prepare(site, theme, &counters, texts, svgs)?;
            let mut sink = DiffSink::new(&self.options.root, &nothing);
            sink.copies = Some(files);
            rendering.render(&sink)?;
            Ok::<_, render::RenderError>(sink.finish()?)
        })();
        let full = match full {
            Ok(full) => full,
            Err(err) => {
                eprintln!("verify-incremental: the full rendering failed: {err}");
                eprintln!("verify-incremental: FAILED");
                std::process::exit(3);
            }
        };
        let mut stale: Vec<&String> = full
            .iter()
            .filter(|(path, blob)| files.get(path) != Some(**blob))
            .map(|(path, _)| path)
            .collect();
        stale.extend(files.keys().filter(|path| !full.contains_key(path)));
        if stale.is_empty() {
            eprintln!("verify-incremental: ok ({} files)", full.len());
            return;
        }
        stale.sort();
        for path in stale.iter().take(20) {
            eprintln!("verify-incremental: stale {path}");
        }
        eprintln!("verify-incremental: FAILED");
        std::process::exit(3);
    }
}

/// A new site: what it was rendered from, its files, what its pages read, its warnings.
type NewSite = (LastRendering, Files, Memo, crate::diagnostics::Diagnostics);

/// Whether `SHOWCASE_VERIFY_INCREMENTAL` asks to check every update (a test mode).
fn verify_incremental() -> bool {
    std::env::var_os("SHOWCASE_VERIFY_INCREMENTAL").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Returns to the system the memory that the rebuild's threads freed. mimalloc (the global
/// allocator) keeps what a thread frees for that thread to use again, and gives it back only
/// later or, for a thread that stays idle, not at all; after a storm of saves the server then
/// held up to a fifth more memory than its site needs (issue 14: RSS crept from 78 to 92 MiB
/// over 800 saves, below a steady peak of 99 MiB). Asking every thread that rendered to
/// collect after each rebuild keeps the server's memory where the site puts it (within 7%
/// over the same saves), for a few milliseconds a rebuild.
fn give_back_freed_memory() {
    // SAFETY: `mi_collect` only releases memory mimalloc holds free; any thread may call it.
    rayon::broadcast(|_| unsafe { libmimalloc_sys::mi_collect(true) });
    unsafe { libmimalloc_sys::mi_collect(true) };
}

/// Paths whose bytes differ between `old` and `new`, or that only one of them has.
fn changed_paths(old: &Files, new: &Files) -> Vec<String> {
    let mut changed: BTreeSet<&String> = new
        .iter()
        .filter(|(path, blob)| old.get(path) != Some(**blob))
        .map(|(path, _)| path)
        .collect();
    changed.extend(old.keys().filter(|path| !new.contains_key(path)));
    changed.into_iter().cloned().collect()
}

/// A [`Sink`] into the [`Store`]: each file is stored as it is rendered (a file whose bytes
/// are already there, as every unchanged one is, costs only its hash), and the map of the new
/// site is made beside the served one.
struct DiffSink<'a> {
    root: &'a Path,
    previous: &'a Files,
    /// The new site's files so far.
    files: Mutex<Files>,
    /// Files being written in parts (the booklet).
    parts: Mutex<HashMap<String, BlobWriter>>,
    /// Where files copied from the site are taken from instead of the disk (the verify mode).
    copies: Option<&'a Files>,
}

impl<'a> DiffSink<'a> {
    fn new(root: &'a Path, previous: &'a Files) -> DiffSink<'a> {
        DiffSink {
            root,
            previous,
            files: Mutex::new(Files::with_capacity(
                previous.store().clone(),
                previous.len(),
            )),
            parts: Mutex::new(HashMap::new()),
            copies: None,
        }
    }

    fn store(&self) -> &Store {
        self.previous.store()
    }

    fn finish(self) -> Result<Files, OutputError> {
        let store = self.previous.store().clone();
        let parts = self.parts.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        for (path, writer) in parts {
            let blob = writer.finish(&store).map_err(stored(&path))?;
            files.insert(path, blob);
        }
        Ok(files)
    }
}

fn stored(path: &str) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: PathBuf::from(path),
        source,
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Sink for DiffSink<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let blob = self.store().write(bytes).map_err(stored(path))?;
        lock(&self.parts).remove(path);
        lock(&self.files).insert(path.to_string(), blob);
        Ok(())
    }

    fn append(&self, path: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let mut parts = lock(&self.parts);
        if !parts.contains_key(path) {
            let mut writer = self.store().writer().map_err(stored(path))?;
            // What `put` started the file with.
            let started = lock(&self.files).remove(path);
            if let Some(blob) = started {
                let bytes = self.store().read(blob).map_err(stored(path))?;
                writer.write(&bytes).map_err(stored(path))?;
            }
            parts.insert(path.to_string(), writer);
        }
        let writer = parts.get_mut(path).expect("inserted above");
        writer.write(bytes).map_err(stored(path))
    }

    fn previous(&self, path: &str) -> Option<Box<dyn PreviousFile>> {
        let file = self.previous.open(path)?.ok()?;
        Some(Box::new(file))
    }

    fn has_previous(&self, path: &str) -> bool {
        self.previous.contains_key(path)
    }

    fn put_previous(&self, path: &str, from: &str) -> Result<(), OutputError> {
        let blob = self.previous.get(from).ok_or_else(|| OutputError::Io {
            path: PathBuf::from(from),
            source: std::io::ErrorKind::NotFound.into(),
        })?;
        lock(&self.parts).remove(path);
        lock(&self.files).insert(path.to_string(), blob);
        Ok(())
    }

    fn incremental(&self) -> bool {
        true
    }

    fn keep(&self, path: &str) -> bool {
        let Some(before) = self.previous.get(path) else {
            return false;
        };
        lock(&self.parts).remove(path);
        lock(&self.files).insert(path.to_string(), before);
        true
    }

    fn copy(&self, path: &str, source: &Path) -> Result<(), OutputError> {
        if let Some(blob) = self.copies.and_then(|files| files.get(path)) {
            lock(&self.files).insert(path.to_string(), blob);
            return Ok(());
        }
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
    use crate::pipeline::tests::base_site;

    fn changes(paths: &[&str]) -> Changes {
        Changes {
            paths: paths
                .iter()
                .map(|p| (p.to_string(), ChangeKind::Content))
                .collect(),
            rescan: false,
        }
    }

    #[test]
    fn a_previewed_page_is_rendered_again_after_its_update_failed_and_the_edit_was_undone() {
        let dir = base_site();
        let root = dir.path();
        let options = BuildOptions {
            root: root.to_path_buf(),
            ..BuildOptions::default()
        };
        let mut site = LiveSite::new(options.clone()).unwrap();
        assert!(matches!(site.build(), Outcome::Built { .. }));
        let record = "content/projects/hongxin.zh.md";
        let other = "content/cases/liyuan.zh.md";
        let original = std::fs::read_to_string(root.join(record)).unwrap();
        let other_original = std::fs::read_to_string(root.join(other)).unwrap();
        std::fs::write(
            root.join(record),
            original.replace("物业领域", "改过的物业领域"),
        )
        .unwrap();
        let previewed = site
            .preview(&changes(&[record]))
            .expect("a body edit is previewed");
        assert!(previewed.contains(&"projects/hongxin/index.html".to_string()));
        // Another file is broken before the update runs: the update fails.
        std::fs::write(root.join(other), "---\ntitle: 梨园\n").unwrap();
        assert!(matches!(
            site.rebuild(&changes(&[record, other])),
            Outcome::Failed(_)
        ));
        // Both are put back as they were: the site is the one first served.
        std::fs::write(root.join(record), &original).unwrap();
        std::fs::write(root.join(other), &other_original).unwrap();
        assert!(matches!(
            site.rebuild(&changes(&[record, other])),
            Outcome::Built { .. }
        ));
        let mut fresh = LiveSite::new(options).unwrap();
        assert!(matches!(fresh.build(), Outcome::Built { .. }));
        let (served, built) = (site.files(), fresh.files());
        let stale: Vec<&String> = built
            .keys()
            .filter(|path| served.get(path) != built.get(path))
            .collect();
        assert!(stale.is_empty(), "served stale: {stale:?}");
    }

    #[test]
    fn unchanged_files_keep_their_bytes_and_only_changes_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open(dir.path()).unwrap());
        let root = Path::new(".");
        let before = Files::of(
            &store,
            &[("a.html", b"A"), ("b.html", b"B"), ("gone.html", b"G")],
        );
        let sink = DiffSink::new(root, &before);
        sink.put("a.html", b"A").unwrap();
        sink.put("b.html", b"B2").unwrap();
        sink.put("new.html", b"N").unwrap();
        sink.put("booklet.html", b"x").unwrap();
        sink.append("booklet.html", b"y").unwrap();
        sink.append("booklet.html", b"z").unwrap();
        assert!(sink.keep("gone.html"));
        assert!(!sink.keep("never.html"));
        let after = sink.finish().unwrap();
        assert_eq!(before.get("a.html"), after.get("a.html"));
        assert_eq!(&*after.read("booklet.html").unwrap().unwrap(), b"xyz");
        assert_eq!(
            changed_paths(&before, &after),
            ["b.html", "booklet.html", "new.html"]
        );
    }
}
