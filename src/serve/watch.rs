//! The file watcher of `showcase serve`: watches the site's input folders, debounces what the
//! file system reports into one [`Changes`] batch per burst of saves, classifies each path
//! ([`ChangeKind`]) and drops editors' temporary files. It decides nothing about rebuilding and
//! reads no file: the caller finds out what a path now holds. The only module that knows notify.
#![allow(dead_code)] // Used by the serve command, being written beside.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::Duration;

use notify::event::{ModifyKind, RemoveKind, RenameMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache};

/// What kind of input a changed path is; decides how much a rebuild must redo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    Config,
    Content,
    Theme,
    Static,
}

/// One debounced batch of changes, paths relative to the site root (with `/` separators),
/// sorted and without duplicates. A rename gives both the old and the new path.
///
/// A path may name a folder (one created, removed or renamed); `rescan` is then true.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    pub paths: BTreeMap<String, ChangeKind>,
    /// True when the watcher may have missed events (a new folder, an overflow, a rescan
    /// request from the backend): the caller must re-walk the folders rather than trust `paths`.
    pub rescan: bool,
}

/// Why a folder cannot be watched, at start or later (sent through the channel then).
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The inotify watch limit (or open-file limit) was hit: tell the user how to raise it
    /// (`fs.inotify.max_user_watches`), which folder could not be watched.
    #[error(
        "cannot watch {}: the system's limit on watched folders or open files was reached; \
         raise it with `sudo sysctl fs.inotify.max_user_watches=524288` \
         (or `ulimit -n` for open files)",
        folder.display()
    )]
    Limit { folder: PathBuf },
    #[error("cannot watch {}", folder.display())]
    Other {
        folder: PathBuf,
        #[source]
        source: notify::Error,
    },
}

impl WatchError {
    /// Sorts a notify error: the limits become [`WatchError::Limit`]. The error's own path is
    /// named when it has one, else `folder`.
    fn from_notify(err: notify::Error, folder: &Path) -> WatchError {
        let folder = err
            .paths
            .first()
            .cloned()
            .unwrap_or_else(|| folder.to_path_buf());
        if is_limit(&err) {
            WatchError::Limit { folder }
        } else {
            WatchError::Other {
                folder,
                source: err,
            }
        }
    }
}

/// notify reports the inotify watch limit as `MaxFilesWatch` when adding a watch, but an
/// error read from the event stream or from creating the inotify instance arrives as the raw
/// io error: ENOSPC (the watch limit) or EMFILE/ENFILE (the open-file limits).
fn is_limit(err: &notify::Error) -> bool {
    // These numbers are the same on Linux, the BSDs and macOS.
    const ENFILE: i32 = 23;
    const EMFILE: i32 = 24;
    const ENOSPC: i32 = 28;
    match &err.kind {
        notify::ErrorKind::MaxFilesWatch => true,
        notify::ErrorKind::Io(io) => {
            cfg!(unix) && matches!(io.raw_os_error(), Some(ENFILE | EMFILE | ENOSPC))
        }
        _ => false,
    }
}

type Debounced = Debouncer<RecommendedWatcher, RecommendedCache>;

/// Watches a site until dropped. Dropping it stops the watching; at most one batch that was
/// being put together may still be sent.
pub struct Watcher {
    /// Shared with the batching thread, which holds it weakly to add watches for folders that
    /// appear; dropping this is what stops everything.
    debouncer: Arc<Mutex<Debounced>>,
}

impl Watcher {
    /// Starts watching `root`'s `site.yaml`, `content/`, `static/` and `themes/<theme>/`
    /// (the ones that exist; `themes/<theme>` may appear later — watch `root` itself
    /// non-recursively so that creating `content/`, `static/`, `themes/` or `site.yaml` is seen,
    /// and start watching a folder of those that appears). Batches go to `sender`.
    ///
    /// A batch is sent once the debounced events have been quiet for `debounce`, so a save
    /// is reported about twice `debounce` after it. Batches are put together on a thread of
    /// the watcher's own ("showcase-watch"), which ends when the watcher is dropped.
    pub fn start(
        root: &Path,
        theme: &str,
        debounce: Duration,
        sender: Sender<Result<Changes, WatchError>>,
    ) -> Result<Watcher, WatchError> {
        let root = root.canonicalize().map_err(|err| WatchError::Other {
            folder: root.to_path_buf(),
            source: notify::Error::io(err).add_path(root.to_path_buf()),
        })?;
        // A zero timeout would make the debouncer's thread sleep zero between ticks and spin.
        let debounce = debounce.max(Duration::from_millis(1));
        let (raw_sender, raw) = mpsc::channel();
        let mut debouncer = notify_debouncer_full::new_debouncer(debounce, None, raw_sender)
            .map_err(|err| WatchError::from_notify(err, &root))?;
        debouncer
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(|err| WatchError::from_notify(err, &root))?;
        if let Some(err) = watch_inputs(&mut debouncer, &root, theme)
            .into_iter()
            .next()
        {
            return Err(err);
        }
        let debouncer = Arc::new(Mutex::new(debouncer));
        let batcher = Batcher {
            root: root.clone(),
            theme: theme.to_string(),
            quiet: debounce,
            raw,
            debouncer: Arc::downgrade(&debouncer),
            sender,
        };
        std::thread::Builder::new()
            .name("showcase-watch".into())
            .spawn(move || batcher.run())
            .map_err(|err| WatchError::Other {
                folder: root.clone(),
                source: notify::Error::io(err),
            })?;
        Ok(Watcher { debouncer })
    }
}

/// The folders watched below the root and how: `themes/` itself only so that
/// `themes/<theme>` is seen appearing, since other themes are not inputs.
fn watch_targets(theme: &str) -> Vec<(String, RecursiveMode)> {
    let mut targets = vec![
        ("content".to_string(), RecursiveMode::Recursive),
        ("static".to_string(), RecursiveMode::Recursive),
        ("themes".to_string(), RecursiveMode::NonRecursive),
    ];
    if !theme.is_empty() {
        targets.push((format!("themes/{theme}"), RecursiveMode::Recursive));
    }
    targets
}

/// Watches every input folder that exists now. Watching a folder again is harmless (notify
/// keeps one watch per folder), so this is called again whenever one of them may have appeared.
fn watch_inputs(debouncer: &mut Debounced, root: &Path, theme: &str) -> Vec<WatchError> {
    let mut errors = Vec::new();
    for (relative, mode) in watch_targets(theme) {
        let folder = root.join(&relative);
        if !folder.is_dir() {
            continue;
        }
        match debouncer.watch(&folder, mode) {
            Ok(()) => {}
            // Removed between the check and the watch: its removal is reported by the root's
            // watch, and a folder that comes back is watched then.
            Err(err) if is_not_found(&err) => {}
            Err(err) => errors.push(WatchError::from_notify(err, &folder)),
        }
    }
    errors
}

fn is_not_found(err: &notify::Error) -> bool {
    match &err.kind {
        notify::ErrorKind::PathNotFound => true,
        notify::ErrorKind::Io(io) => io.kind() == std::io::ErrorKind::NotFound,
        _ => false,
    }
}

/// The kind of a path relative to the root, or None when it is not an input of the site or is
/// an editor's temporary file.
pub fn classify(relative: &str, theme: &str) -> Option<ChangeKind> {
    let kind = if relative == "site.yaml" {
        ChangeKind::Config
    } else if in_folder(relative, "content") {
        ChangeKind::Content
    } else if in_folder(relative, "static") {
        ChangeKind::Static
    } else if !theme.is_empty() && in_folder(relative, &format!("themes/{theme}")) {
        ChangeKind::Theme
    } else {
        return None;
    };
    let mut names = relative.split('/').peekable();
    while let Some(name) = names.next() {
        let last = names.peek().is_none();
        if is_ignored_name(name, last, kind) {
            return None;
        }
    }
    Some(kind)
}

/// Whether `relative` is `folder` or inside it.
fn in_folder(relative: &str, folder: &str) -> bool {
    relative
        .strip_prefix(folder)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Editors' temporary files (vim's swap files and its probe file `4913`, backups, emacs' lock
/// and auto-save files), macOS's folder metadata, version control and hidden files. `static/`
/// keeps hidden files other than those, as `content::static_files` does (`.well-known/` is
/// published).
fn is_ignored_name(name: &str, last: bool, kind: ChangeKind) -> bool {
    if name.is_empty() || name == ".git" || name == ".DS_Store" || name.starts_with(".#") {
        return true;
    }
    if name.starts_with('.') && kind != ChangeKind::Static {
        return true;
    }
    // Only a file's own name is checked for temporary names: a folder called `notes.bak` or
    // `4913` is the user's own.
    last && (name == "4913"
        || name.ends_with('~')
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || [".swp", ".swx", ".swo", ".tmp", ".bak"]
            .iter()
            .any(|suffix| name.ends_with(suffix)))
}

/// Whether a new folder at `relative` may hold inputs: an input folder, or a folder on the way
/// to the theme (`themes/`).
fn may_hold_inputs(relative: &str, theme: &str) -> bool {
    classify(relative, theme).is_some()
        || (!theme.is_empty() && format!("themes/{theme}").starts_with(&format!("{relative}/")))
}

/// `path` relative to `root` with `/` separators; None when it is outside the root or its name
/// is not UTF-8.
fn relative_to(root: &Path, path: &Path) -> Option<String> {
    let rest = path.strip_prefix(root).ok()?;
    let mut names = Vec::new();
    for component in rest.components() {
        match component {
            Component::Normal(name) => names.push(name.to_str()?),
            _ => return None,
        }
    }
    Some(names.join("/"))
}

/// What an event says happened to one of its paths.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fate {
    /// Created, or moved in (perhaps a folder with files in it).
    Appeared,
    /// Written, or its metadata changed.
    Changed,
    /// Deleted; `folder` when the backend says it was a folder.
    Removed { folder: bool },
    /// Renamed away. `file` when the new name is in the same event and is not a folder: when
    /// it is not there, the path went out of the watched folders and may have been a folder.
    MovedAway { file: bool },
}

/// The paths of an event, each with what happened to it; empty for events that change
/// nothing (reads: a rebuild opens every file, which must not cause another rebuild).
fn fates(event: &DebouncedEvent) -> Vec<(&Path, Fate)> {
    let paths = &event.paths;
    let each = |fate| paths.iter().map(|p| (p.as_path(), fate)).collect();
    match event.kind {
        EventKind::Access(_) | EventKind::Other => Vec::new(),
        EventKind::Create(_) => each(Fate::Appeared),
        EventKind::Remove(kind) => each(Fate::Removed {
            folder: kind == RemoveKind::Folder,
        }),
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => {
            let file = paths.last().is_some_and(|new| !new.is_dir());
            paths
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let fate = if i == 0 {
                        Fate::MovedAway { file }
                    } else {
                        Fate::Appeared
                    };
                    (p.as_path(), fate)
                })
                .collect()
        }
        EventKind::Modify(ModifyKind::Name(RenameMode::To)) => each(Fate::Appeared),
        EventKind::Modify(ModifyKind::Name(RenameMode::From)) => {
            each(Fate::MovedAway { file: false })
        }
        EventKind::Modify(ModifyKind::Name(_)) => paths
            .iter()
            .map(|p| {
                let fate = if p.exists() {
                    Fate::Appeared
                } else {
                    Fate::MovedAway { file: false }
                };
                (p.as_path(), fate)
            })
            .collect(),
        EventKind::Modify(_) | EventKind::Any => each(Fate::Changed),
    }
}

/// What a batch of debounced events amounts to, before new folders are walked.
#[derive(Debug, Default)]
struct Summary {
    changes: Changes,
    /// Folders that appeared and may hold inputs, to be walked.
    new_folders: Vec<PathBuf>,
    /// Whether one of the watched folders (or the root) may have appeared or gone.
    rewatch: bool,
}

fn summarize(events: &[DebouncedEvent], root: &Path, theme: &str) -> Summary {
    let mut summary = Summary::default();
    let targets = watch_targets(theme);
    for event in events {
        if event.need_rescan() {
            summary.changes.rescan = true;
            summary.rewatch = true;
            continue;
        }
        for (path, fate) in fates(event) {
            let Some(relative) = relative_to(root, path) else {
                // A name that is not UTF-8 cannot be listed; the caller re-walks instead.
                summary.changes.rescan |= path.starts_with(root);
                continue;
            };
            if fate != Fate::Changed
                && (relative.is_empty() || targets.iter().any(|(t, _)| *t == relative))
            {
                summary.rewatch = true;
                summary.changes.rescan |= relative.is_empty();
            }
            let kind = classify(&relative, theme);
            if let Some(kind) = kind {
                summary.changes.paths.insert(relative.clone(), kind);
            }
            match fate {
                Fate::Appeared if may_hold_inputs(&relative, theme) && path.is_dir() => {
                    summary.changes.rescan = true;
                    summary.new_folders.push(path.to_path_buf());
                }
                Fate::Removed { folder: true } | Fate::MovedAway { file: false }
                    if kind.is_some() =>
                {
                    summary.changes.rescan = true;
                }
                _ => {}
            }
        }
    }
    summary
}

/// Adds the inputs found in a new folder to `changes`: files written into a folder before
/// its watch was in place are reported by no event.
fn add_folder_files(folder: &Path, root: &Path, theme: &str, changes: &mut Changes) {
    let walker = walkdir::WalkDir::new(folder)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            relative_to(root, entry.path()).is_some_and(|relative| {
                !entry.file_type().is_dir() || may_hold_inputs(&relative, theme)
            })
        });
    // A folder that cannot be read is left out; the batch asks for a rescan anyway.
    for entry in walker.flatten() {
        if entry.file_type().is_dir() {
            continue;
        }
        if let Some(relative) = relative_to(root, entry.path())
            && let Some(kind) = classify(&relative, theme)
        {
            changes.paths.insert(relative, kind);
        }
    }
}

/// The watcher's thread: gathers what the debouncer emits until it has been quiet for
/// `quiet`, then watches folders that appeared, walks new folders and sends one batch.
struct Batcher {
    root: PathBuf,
    theme: String,
    quiet: Duration,
    raw: Receiver<DebounceEventResult>,
    debouncer: Weak<Mutex<Debounced>>,
    sender: Sender<Result<Changes, WatchError>>,
}

impl Batcher {
    fn run(self) {
        // notify-debouncer-full delays each event by the timeout on its own, so one burst can
        // come out over several of its ticks; gathering until quiet makes it one batch.
        // The loop ends when the debouncer's thread ends (the watcher was dropped) and drops
        // its sender.
        while let Ok(first) = self.raw.recv() {
            let mut events = Vec::new();
            let mut errors = Vec::new();
            let mut take = |result: DebounceEventResult| match result {
                Ok(batch) => events.extend(batch),
                Err(batch) => errors.extend(batch),
            };
            take(first);
            loop {
                match self.raw.recv_timeout(self.quiet) {
                    Ok(result) => take(result),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            if !self.send(events, errors) {
                return;
            }
        }
    }

    /// Sends what the events and errors amount to; false when nobody listens any more or the
    /// watcher is gone.
    fn send(&self, events: Vec<DebouncedEvent>, errors: Vec<notify::Error>) -> bool {
        let mut summary = summarize(&events, &self.root, &self.theme);
        let mut failures: Vec<WatchError> = errors
            .into_iter()
            .map(|err| WatchError::from_notify(err, &self.root))
            .collect();
        if !failures.is_empty() {
            // An error in the event stream (a watch limit hit while adding a new folder's
            // watch, a read error) means events may be missing.
            summary.changes.rescan = true;
        }
        if summary.rewatch {
            let Some(debouncer) = self.debouncer.upgrade() else {
                return false;
            };
            let mut debouncer = debouncer.lock().unwrap_or_else(PoisonError::into_inner);
            failures.extend(watch_inputs(&mut debouncer, &self.root, &self.theme));
        }
        // Walked after the watches are in place, so a file written in between is either found
        // here or reported by its own event.
        for folder in &summary.new_folders {
            add_folder_files(folder, &self.root, &self.theme, &mut summary.changes);
        }
        for failure in failures {
            if self.sender.send(Err(failure)).is_err() {
                return false;
            }
        }
        let changes = summary.changes;
        if changes.paths.is_empty() && !changes.rescan {
            return true;
        }
        self.sender.send(Ok(changes)).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::fs;
    use std::time::Instant;

    use ChangeKind::*;

    const THEME: &str = "ink";

    fn check_classify(relative: &str, expect: Option<ChangeKind>) {
        assert_eq!(classify(relative, THEME), expect, "{relative}");
    }

    #[test]
    fn classify_inputs() {
        check_classify("site.yaml", Some(Config));
        check_classify("content/projects/a.zh.md", Some(Content));
        check_classify("content", Some(Content));
        check_classify("static/img/a.png", Some(Static));
        check_classify("static/.well-known/security.txt", Some(Static));
        check_classify("themes/ink/templates/x.html", Some(Theme));
        check_classify("themes/ink", Some(Theme));
        check_classify("content/notes.bak/a.zh.md", Some(Content));
    }

    #[test]
    fn classify_what_is_not_an_input() {
        check_classify("themes/other/templates/x.html", None);
        check_classify("themes/inkwell/templates/x.html", None);
        check_classify("themes", None);
        check_classify("output/index.html", None);
        check_classify("output", None);
        check_classify(".showcase/schema/projects.json", None);
        check_classify(".git/index", None);
        check_classify("site.yaml.tmp", None);
        check_classify("contents/a.md", None);
        check_classify("", None);
    }

    #[test]
    fn classify_editor_temporaries() {
        for name in [
            "a.zh.md.swp",
            ".a.zh.md.swp",
            "a.zh.md.swx",
            "a.zh.md.swo",
            "a.zh.md~",
            "a.zh.md.tmp",
            "a.zh.md.bak",
            "4913",
            ".#a.zh.md",
            "#a.zh.md#",
            ".DS_Store",
            ".hidden.md",
            ".git/HEAD",
            ".obsidian/workspace.json",
        ] {
            check_classify(&format!("content/projects/{name}"), None);
            check_classify(&format!("themes/ink/templates/{name}"), None);
        }
        // In `static/`, hidden files are published, but temporaries and metadata are not.
        for name in [
            ".#a.css",
            "a.css.swp",
            ".a.css.swp",
            "a.css~",
            ".DS_Store",
            ".git/HEAD",
        ] {
            check_classify(&format!("static/{name}"), None);
        }
    }

    #[test]
    fn limits_are_told_apart() {
        let folder = Path::new("/site/content");
        let limit =
            WatchError::from_notify(notify::Error::new(notify::ErrorKind::MaxFilesWatch), folder);
        assert!(matches!(&limit, WatchError::Limit { folder: f } if f == folder));
        assert!(
            limit.to_string().contains("fs.inotify.max_user_watches"),
            "{limit}"
        );
        let enospc = notify::Error::io(std::io::Error::from_raw_os_error(28))
            .add_path(PathBuf::from("/site/static"));
        assert!(matches!(
            WatchError::from_notify(enospc, folder),
            WatchError::Limit { folder: f } if f == Path::new("/site/static")
        ));
        let other = WatchError::from_notify(notify::Error::generic("boom"), folder);
        assert!(matches!(other, WatchError::Other { .. }));
        assert_eq!(other.to_string(), "cannot watch /site/content");
    }

    #[test]
    fn a_missing_root_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let (sender, _receiver) = mpsc::channel();
        let result = Watcher::start(&dir.path().join("nope"), THEME, DEBOUNCE, sender);
        assert!(matches!(result, Err(WatchError::Other { .. })));
    }

    /// Longer than serve's, so that a loaded test machine still writes each test's burst
    /// within one debounce.
    const DEBOUNCE: Duration = Duration::from_millis(100);
    /// How long a test waits for a batch it expects.
    const PATIENCE: Duration = Duration::from_secs(5);
    /// How long a test waits to conclude that no further batch comes: several times the
    /// time a batch takes (twice the debounce), which is the best a test can do.
    const SILENCE: Duration = Duration::from_millis(600);

    /// A site in a temporary folder, watched.
    struct Site {
        dir: tempfile::TempDir,
        batches: Receiver<Result<Changes, WatchError>>,
        _watcher: Watcher,
    }

    impl Site {
        fn new(files: &[&str]) -> Site {
            let dir = tempfile::tempdir().unwrap();
            for file in files {
                write(&dir.path().join(file), "first");
            }
            let (sender, batches) = mpsc::channel();
            let watcher = match Watcher::start(dir.path(), THEME, DEBOUNCE, sender) {
                Ok(watcher) => watcher,
                Err(err) => panic!("{err}"),
            };
            Site {
                dir,
                batches,
                _watcher: watcher,
            }
        }

        fn path(&self, relative: &str) -> PathBuf {
            self.dir.path().join(relative)
        }

        fn next(&self) -> Changes {
            match self.batches.recv_timeout(PATIENCE) {
                Ok(Ok(changes)) => changes,
                Ok(Err(err)) => panic!("{err}"),
                Err(err) => panic!("no batch within {PATIENCE:?}: {err}"),
            }
        }

        fn assert_silent(&self) {
            if let Ok(batch) = self.batches.recv_timeout(SILENCE) {
                panic!("unexpected batch: {batch:?}");
            }
        }
    }

    fn write(path: &Path, text: &str) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    fn changes(paths: &[(&str, ChangeKind)], rescan: bool) -> Changes {
        Changes {
            paths: paths.iter().map(|(p, k)| (p.to_string(), *k)).collect(),
            rescan,
        }
    }

    const RECORD: &str = "content/projects/a.zh.md";

    #[test]
    fn modifying_a_record_gives_one_batch() {
        let site = Site::new(&[RECORD, "site.yaml"]);
        write(&site.path(RECORD), "second");
        assert_eq!(site.next(), changes(&[(RECORD, Content)], false));
        site.assert_silent();
    }

    #[test]
    fn quick_writes_give_one_batch() {
        let site = Site::new(&[RECORD]);
        for i in 0..5 {
            write(&site.path(RECORD), &format!("version {i}"));
        }
        assert_eq!(site.next(), changes(&[(RECORD, Content)], false));
        site.assert_silent();
    }

    #[test]
    fn a_temporary_renamed_over_a_record_reports_the_record() {
        let site = Site::new(&[RECORD]);
        let temporary = site.path("content/projects/a.zh.md.tmp");
        write(&temporary, "second");
        fs::rename(&temporary, site.path(RECORD)).unwrap();
        assert_eq!(site.next(), changes(&[(RECORD, Content)], false));
    }

    #[test]
    fn a_save_as_vim_does_it_reports_the_record() {
        let site = Site::new(&[RECORD]);
        // vim probes that it may create files, moves the original to a backup, writes the
        // new text and removes the backup.
        let probe = site.path("content/projects/4913");
        write(&probe, "");
        fs::remove_file(&probe).unwrap();
        let backup = site.path("content/projects/a.zh.md~");
        fs::rename(site.path(RECORD), &backup).unwrap();
        write(&site.path(RECORD), "second");
        fs::remove_file(&backup).unwrap();
        assert_eq!(site.next(), changes(&[(RECORD, Content)], false));
    }

    #[test]
    fn deleting_a_record_reports_it() {
        let site = Site::new(&[RECORD, "content/projects/b.zh.md"]);
        fs::remove_file(site.path(RECORD)).unwrap();
        assert_eq!(site.next(), changes(&[(RECORD, Content)], false));
    }

    #[test]
    fn renaming_a_record_reports_both_names() {
        let site = Site::new(&[RECORD]);
        fs::rename(site.path(RECORD), site.path("content/projects/b.zh.md")).unwrap();
        assert_eq!(
            site.next(),
            changes(
                &[(RECORD, Content), ("content/projects/b.zh.md", Content)],
                false
            )
        );
    }

    #[test]
    fn renaming_a_folder_lists_its_files_and_asks_for_a_rescan() {
        let site = Site::new(&[RECORD]);
        fs::rename(site.path("content/projects"), site.path("content/works")).unwrap();
        assert_eq!(
            site.next(),
            changes(
                &[
                    ("content/projects", Content),
                    ("content/works", Content),
                    ("content/works/a.zh.md", Content),
                ],
                true
            )
        );
    }

    #[test]
    fn hiding_a_folder_asks_for_a_rescan() {
        let site = Site::new(&[RECORD]);
        fs::rename(
            site.path("content/projects"),
            site.path("content/.projects"),
        )
        .unwrap();
        assert_eq!(site.next(), changes(&[("content/projects", Content)], true));
    }

    #[test]
    fn a_new_bundle_reports_its_file_and_asks_for_a_rescan() {
        let site = Site::new(&[RECORD]);
        let file = "content/projects/new/index.zh.md";
        write(&site.path(file), "new");
        let batch = site.next();
        assert_eq!(batch.paths.get(file), Some(&Content), "{batch:?}");
        assert!(batch.rescan, "{batch:?}");
    }

    #[test]
    fn a_theme_created_after_start_is_watched() {
        let site = Site::new(&[RECORD]);
        let template = "themes/ink/templates/x.html";
        write(&site.path(template), "<p>");
        write(&site.path("themes/other/templates/x.html"), "<p>");
        let batch = site.next();
        assert_eq!(batch, changes(&[(template, Theme)], true));
        write(&site.path(template), "<div>");
        assert_eq!(site.next(), changes(&[(template, Theme)], false));
    }

    #[test]
    fn a_theme_created_in_an_existing_themes_folder_is_watched() {
        let site = Site::new(&[RECORD, "themes/other/templates/x.html"]);
        let template = "themes/ink/templates/x.html";
        write(&site.path(template), "<p>");
        let batch = site.next();
        assert_eq!(batch.paths.get(template), Some(&Theme), "{batch:?}");
        write(&site.path(template), "<div>");
        assert_eq!(site.next(), changes(&[(template, Theme)], false));
    }

    #[test]
    fn site_yaml_replaced_by_rename_is_config() {
        let site = Site::new(&[RECORD, "site.yaml"]);
        let temporary = site.path("site.yaml.tmp");
        write(&temporary, "title: new");
        fs::rename(&temporary, site.path("site.yaml")).unwrap();
        assert_eq!(site.next(), changes(&[("site.yaml", Config)], false));
    }

    #[test]
    fn output_and_tool_folders_are_ignored() {
        let site = Site::new(&[RECORD, "output/index.html"]);
        write(&site.path("output/index.html"), "new");
        write(&site.path(".showcase/schema/projects.json"), "{}");
        write(&site.path(".git/index"), "x");
        write(&site.path("README.md"), "x");
        // Anything they caused would come before or with the batch of this later write.
        std::thread::sleep(DEBOUNCE);
        write(&site.path(RECORD), "second");
        assert_eq!(site.next(), changes(&[(RECORD, Content)], false));
    }

    #[test]
    fn reading_files_is_not_a_change() {
        let site = Site::new(&[RECORD]);
        fs::read(site.path(RECORD)).unwrap();
        site.assert_silent();
    }

    #[test]
    fn content_created_after_start_is_watched() {
        let site = Site::new(&["site.yaml"]);
        write(&site.path(RECORD), "first");
        let batch = site.next();
        assert_eq!(batch.paths.get(RECORD), Some(&Content), "{batch:?}");
        assert!(batch.rescan);
        write(&site.path(RECORD), "second");
        assert_eq!(site.next(), changes(&[(RECORD, Content)], false));
    }

    #[test]
    fn dropping_the_watcher_ends_the_batches() {
        let Site {
            dir,
            batches,
            _watcher,
        } = Site::new(&[RECORD]);
        drop(_watcher);
        let start = Instant::now();
        // The thread ends within a tick of the debouncer, and with it the only sender.
        loop {
            match batches.recv_timeout(PATIENCE) {
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                Err(mpsc::RecvTimeoutError::Timeout) => panic!("still connected"),
                Ok(_) => assert!(start.elapsed() < PATIENCE),
            }
        }
        drop(dir);
    }
}
