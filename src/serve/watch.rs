//! The file watcher of `showcase serve`: watches the site's input folders, debounces what the
//! file system reports into one [`Changes`] batch per burst of saves, classifies each path
//! ([`ChangeKind`]) and drops what the one file rule (`content::is_published_name`) leaves
//! out, as `build` does. It decides nothing about rebuilding and reads no file (it only asks
//! whether a path is a folder): the caller finds out what a path now holds. The only module
//! that knows notify.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::Duration;

use notify::event::{ModifyKind, RemoveKind, RenameMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache};

use crate::content::{self, NameKind};

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
    _debouncer: Arc<Mutex<Debounced>>,
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
        Ok(Watcher {
            _debouncer: debouncer,
        })
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

/// The kind of a file's path relative to the root, or None when it is not an input of the
/// site or the one file rule (`content::is_published_name`) leaves it out, as `build` does.
pub fn classify(relative: &str, theme: &str) -> Option<ChangeKind> {
    classify_as(relative, theme, NameKind::File)
}

/// [`classify`] for a path whose last name is a `last` (a folder's name is judged as a
/// folder: `4913/` is the user's own, a file `4913` is vim's).
fn classify_as(relative: &str, theme: &str, last: NameKind) -> Option<ChangeKind> {
    if relative == "site.yaml" {
        return Some(ChangeKind::Config);
    }
    let kind = if in_folder(relative, "content") {
        ChangeKind::Content
    } else if in_folder(relative, "static") {
        ChangeKind::Static
    } else if !theme.is_empty() && in_folder(relative, &format!("themes/{theme}")) {
        ChangeKind::Theme
    } else {
        return None;
    };
    content::is_published_path(Path::new(relative), last).then_some(kind)
}

/// Whether `relative` is `folder` or inside it.
fn in_folder(relative: &str, folder: &str) -> bool {
    relative
        .strip_prefix(folder)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Whether a new folder at `relative` may hold inputs: an input folder, or a folder on the way
/// to the theme (`themes/`).
fn may_hold_inputs(relative: &str, theme: &str) -> bool {
    classify_as(relative, theme, NameKind::Folder).is_some()
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
            // A path that may be a folder is judged as one: a folder that went away may
            // have held inputs, and a new one may hold them.
            let may_be_folder = match fate {
                Fate::Removed { folder } => folder,
                Fate::MovedAway { file } => !file,
                Fate::Appeared | Fate::Changed => path.is_dir(),
            };
            let last = if may_be_folder {
                NameKind::Folder
            } else {
                NameKind::File
            };
            let kind = classify_as(&relative, theme, last);
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
mod tests;
