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
    // `static/` follows the same rule as `content/` and the theme: what build does not
    // publish, serve does not watch.
    for name in [
        ".#a.css",
        "a.css.swp",
        ".a.css.swp",
        "a.css~",
        "a.css.bak",
        "a.css.tmp",
        "4913",
        "Thumbs.db",
        "~$report.docx",
        ".DS_Store",
        ".htpasswd",
        ".git/HEAD",
        ".well-known/.DS_Store",
        ".a.css.showcase-tmp-42",
    ] {
        check_classify(&format!("static/{name}"), None);
    }
    for name in [
        ".well-known/security.txt",
        ".htaccess",
        "4913/a.txt",
        "a.bak/b.css",
    ] {
        check_classify(&format!("static/{name}"), Some(Static));
    }
}

#[test]
fn a_folder_is_judged_as_a_folder() {
    for (relative, kind) in [
        ("content/projects/4913", Content),
        ("static/old.bak", Static),
        ("site.yaml", Config),
    ] {
        assert_eq!(classify_as(relative, THEME, NameKind::Folder), Some(kind));
    }
    assert_eq!(classify("content/projects/4913", THEME), None);
    assert_eq!(classify_as("content/.git", THEME, NameKind::Folder), None);
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
