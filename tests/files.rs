//! Which files exist and how a user's file is rewritten (issue 14), run as the real binary:
//! system and editor leftovers in `static/` and in a bundle are never published nor read,
//! `.well-known/` is; `translations --stamp` keeps a record's permissions, and a stamp killed
//! in the middle of its write leaves the record whole and nothing that a build publishes.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::*;

/// Names the one file rule leaves out, each written as a file (or, for the version-control
/// and editor folders, a file inside the folder). Their bytes are not text, so a build that
/// read one would say so.
const LEFTOVERS: [&str; 23] = [
    ".DS_Store",
    "._note.txt",
    "Thumbs.db",
    "desktop.ini",
    "note.txt.swp",
    ".note.txt.swp",
    "note.txt.swo",
    "note.txt.swx",
    "note.txt~",
    ".#note.txt",
    "#note.txt#",
    "4913",
    "note.tmp",
    "NOTE.TMP",
    "note.bak",
    "~$report.docx",
    ".~lock.report.docx#",
    ".note.txt.showcase-tmp-99999",
    "report.pdf.crdownload",
    ".git/HEAD",
    ".svn/entries",
    ".hg/store",
    ".vscode/settings.json",
];

const BUNDLE: &str = "content/projects/station";

fn site_with_leftovers() -> Site {
    let site = Site::base();
    site.write(
        &format!("{BUNDLE}/index.zh.md"),
        "---\ntitle: 驿站\ndate: 2024-01-01\nregion: yanji\n---\n\n驿站的正文。\n",
    );
    site.write(
        &format!("{BUNDLE}/index.ko.md"),
        "---\ntitle: 역참\n---\n\n역참의 본문.\n",
    );
    site.write(&format!("{BUNDLE}/note.txt"), "bundle note");
    site.write("static/note.txt", "static note");
    site.write(
        "static/.well-known/security.txt",
        "Contact: mailto:a@example.org",
    );
    site.write("static/.htaccess", "Options -Indexes");
    site.write(
        "static/old.bak/a.txt",
        "a folder named old.bak is the user's own",
    );
    for name in LEFTOVERS {
        for folder in ["static", BUNDLE, "content/projects"] {
            site.write(&format!("{folder}/{name}"), b"\xff\xfe\x00leftover");
        }
    }
    // A record's own leftovers: vim's swap file, a backup, a half-written stamp.
    site.write("content/projects/hongxin.zh.md.swp", b"\xff\x00");
    site.write("content/projects/hongxin.zh.md.bak", "---\ntitle: [\n");
    site.write(
        "content/projects/.hongxin.ko.md.showcase-tmp-4242",
        "---\ntitle: 붉은",
    );
    site
}

#[test]
fn leftovers_are_neither_published_nor_read_and_well_known_is_published() {
    let site = site_with_leftovers();
    let run = site.build(&[]);
    run.assert_ok();
    let built = files(&site.output());
    for published in [
        "note.txt",
        ".well-known/security.txt",
        ".htaccess",
        "old.bak/a.txt",
        "projects/station/note.txt",
        "projects/station/index.html",
    ] {
        assert!(
            built.contains(&published.to_string()),
            "{published} is not published: {built:?}"
        );
    }
    let leaked: Vec<&String> = built
        .iter()
        .filter(|path| {
            let mut names = path.split('/').rev();
            let last = names.next().unwrap_or_default();
            LEFTOVERS.contains(&last)
                || names.any(|folder| [".git", ".svn", ".hg", ".vscode"].contains(&folder))
        })
        .collect();
    assert!(leaked.is_empty(), "published leftovers: {leaked:?}");
    assert!(
        files_containing(&site.output(), "leftover").is_empty(),
        "a leftover's bytes were published"
    );
    // Neither build nor check reads them or warns about them.
    for run in [&run, site.check(&[]).assert_ok()] {
        run.assert_stderr_lacks("W-ignored-file")
            .assert_stderr_lacks("E-read")
            .assert_stderr_lacks("E-not-utf8")
            .assert_stderr_lacks("showcase-tmp")
            .assert_stderr_lacks("warning[");
    }
}

fn translations(site: &Site, args: &[&str]) -> Run {
    let mut all = vec!["translations", "--root", ".", "--lang", "en"];
    all.extend_from_slice(args);
    run_showcase(site.root(), &all)
}

const KO: &str = "content/projects/hongxin.ko.md";

/// The names in the record's folder.
fn folder_names(site: &Site) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(site.path("content/projects"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn a_stamp_keeps_the_records_permissions_and_leaves_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::base();
    let before = folder_names(&site);
    std::fs::set_permissions(site.path(KO), std::fs::Permissions::from_mode(0o640)).unwrap();
    translations(&site, &["--stamp", "projects/hongxin"]).assert_ok();
    assert!(read(&site.path(KO)).contains("translated_from: "));
    let mode = std::fs::metadata(site.path(KO))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o7777, 0o640, "mode {mode:o}");
    assert_eq!(folder_names(&site), before);
}

/// Runs `showcase translations --stamp projects/hongxin` with the size of any file it writes
/// limited to 512 bytes (`ulimit -f 1`): the kernel stops the write of the stamped record
/// half-way, by killing the process (SIGXFSZ) or, where that signal is ignored, by failing
/// the write. Returns whether it exited with code 0.
#[cfg(unix)]
fn stamp_with_the_file_size_limited(site: &Site) -> bool {
    let mut child = Command::new("sh")
        .args(["-c", "ulimit -f 1 && exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_showcase"))
        .args(["translations", "--root", ".", "--stamp", "projects/hongxin"])
        .current_dir(site.root())
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.success();
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the stamp did not end");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[cfg(unix)]
#[test]
fn a_stamp_stopped_in_the_middle_of_its_write_leaves_the_record_whole() {
    let site = Site::base();
    // A translation longer than the 512 bytes the stamp may write.
    let body = "물업분야에 당지부 166개를 세웠다. ".repeat(40);
    let original = format!("---\ntitle: 붉은마음 물업\nowner: 연변주당위 조직부\n---\n\n{body}\n");
    site.write(KO, &original);
    assert!(
        !stamp_with_the_file_size_limited(&site),
        "the stamp was not stopped"
    );
    assert_eq!(
        read(&site.path(KO)),
        original,
        "the record is byte for byte as it was"
    );
    // A killed process leaves its half-written temporary file (a failed write removes it):
    // a hidden name, which neither check nor build reads or publishes.
    let leftovers: Vec<String> = folder_names(&site)
        .into_iter()
        .filter(|n| n.contains("showcase-tmp"))
        .collect();
    assert!(
        leftovers
            .iter()
            .all(|n| n.starts_with(".hongxin.ko.md.showcase-tmp-")),
        "{leftovers:?}"
    );
    site.check(&[])
        .assert_ok()
        .assert_stderr_lacks("showcase-tmp");
    site.build(&[]).assert_ok();
    assert!(
        files(&site.output())
            .iter()
            .all(|f| !f.contains("showcase-tmp")),
        "a temporary file was published"
    );
    // The next stamp, with room to write, works.
    translations(&site, &["--stamp", "projects/hongxin"]).assert_ok();
    let stamped = read(&site.path(KO));
    assert!(stamped.contains("translated_from: "), "{stamped}");
    assert!(stamped.ends_with(&format!("{body}\n")));
}

#[test]
fn schema_files_are_replaced_whole() {
    let site = Site::base();
    let run = run_showcase(site.root(), &["schema", "--root", "."]);
    run.assert_ok();
    let first = snapshot(&site.path(".showcase/schema"));
    assert!(!first.is_empty());
    run_showcase(site.root(), &["schema", "--root", "."]).assert_ok();
    assert_same_files(
        &first,
        &snapshot(&site.path(".showcase/schema")),
        "a second run",
    );
}
