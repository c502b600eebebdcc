//! `showcase publish` to a folder (issue 17): the target ends up holding exactly the output,
//! only what changed is written (a file written again gets a new inode: files are written
//! under a temporary name and renamed), pages that would be gone are refused unless
//! `--allow-gone`, a foreign folder is refused, `--dry-run` changes nothing, and an
//! interrupted publish is finished by the next one.

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use common::*;

const MANIFEST: &str = ".showcase-publish.json";

/// Every file under `dir` by its relative path → its inode.
fn inodes(dir: &Path) -> BTreeMap<String, u64> {
    files(dir)
        .into_iter()
        .map(|path| {
            let inode = std::fs::metadata(dir.join(&path)).unwrap().ino();
            (path, inode)
        })
        .collect()
}

/// The target holds exactly the output (and the manifest): the same paths, the same bytes.
fn assert_mirrors(output: &Path, target: &Path) {
    let mut want: Vec<String> = files(output)
        .into_iter()
        .filter(|p| p != ".showcase-output")
        .collect();
    want.push(MANIFEST.to_string());
    want.sort();
    let have = files(target);
    assert_eq!(have, want, "the target does not hold exactly the output");
    for path in want.iter().filter(|p| *p != MANIFEST) {
        assert_eq!(
            std::fs::read(output.join(path)).unwrap(),
            std::fs::read(target.join(path)).unwrap(),
            "{path} differs"
        );
    }
    // No temporary file is left behind, no empty folder either.
    assert!(!have.iter().any(|p| p.contains(".showcase-part")));
}

/// Changes the title of one record.
fn retitle(site: &Site) {
    site.edit(
        "content/projects/hongxin.zh.md",
        "title: 红心物业",
        "title: 红心物业（新）",
    );
}

struct Published {
    site: Site,
    target: PathBuf,
}

impl Published {
    fn new() -> Published {
        let site = Site::base();
        let target = site.outside().join("www");
        Published { site, target }
    }

    fn publish(&self, args: &[&str]) -> Run {
        self.publish_with_env(args, &[])
    }

    fn publish_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let target = self.target.to_str().unwrap();
        let mut all = vec!["publish", "--root", ".", "--to", target];
        all.extend_from_slice(args);
        run_showcase_with_env(self.site.root(), &all, env)
    }
}

#[test]
fn a_first_publish_copies_the_output_and_a_second_writes_nothing() {
    let p = Published::new();
    p.publish(&[])
        .assert_ok()
        .assert_stderr_has("to add, 0 to change, 0 to remove")
        .assert_stderr_has("Published to");
    assert_mirrors(&p.site.output(), &p.target);

    let before = inodes(&p.target);
    p.publish(&[])
        .assert_ok()
        .assert_stderr_has("already holds this site: nothing to publish");
    assert_eq!(
        inodes(&p.target),
        before,
        "a publish without changes wrote files"
    );
}

#[test]
fn a_changed_title_rewrites_only_the_pages_lists_feed_and_index_that_show_it() {
    let p = Published::new();
    p.publish(&[]).assert_ok();
    let before = inodes(&p.target);
    retitle(&p.site);
    let run = p.publish(&[]);
    run.assert_ok();
    assert_mirrors(&p.site.output(), &p.target);
    let after = inodes(&p.target);
    // Only the search index has new paths (each index has a folder of its own).
    let moved = |a: &BTreeMap<String, u64>, b: &BTreeMap<String, u64>| {
        a.keys()
            .filter(|path| !b.contains_key(*path))
            .all(|path| path.starts_with("search/"))
    };
    assert!(moved(&after, &before) && moved(&before, &after));
    let rewritten: Vec<&String> = after
        .iter()
        .filter(|(path, inode)| before.get(*path) != Some(inode))
        .map(|(path, _)| path)
        .collect();
    for expected in [
        "projects/hongxin/index.html",
        "projects/index.html",
        "index.html",
        "atom.xml",
        MANIFEST,
    ] {
        assert!(
            rewritten.iter().any(|p| *p == expected),
            "{expected} was not rewritten: {rewritten:?}"
        );
    }
    assert!(rewritten.iter().any(|p| p.starts_with("search/zh/")));
    for untouched in ["assets/style.css", "ko/atom.xml", "404.html"] {
        assert!(
            !rewritten.iter().any(|p| *p == untouched),
            "{untouched} was rewritten"
        );
    }
    // Every file written is counted in the report, the manifest aside.
    assert!(
        run.stderr
            .contains(&format!("{} files written", rewritten.len() - 1))
    );
    assert!(rewritten.len() * 3 < after.len(), "{rewritten:?}");
}

#[test]
fn a_deleted_record_is_refused_until_allowed_then_its_pages_go() {
    let p = Published::new();
    p.publish(&[]).assert_ok();
    let before = inodes(&p.target);
    std::fs::remove_file(p.site.path("content/cases/liyuan.zh.md")).unwrap();
    std::fs::remove_file(p.site.path("content/cases/liyuan.ko.md")).unwrap();
    p.site.edit(
        "content/projects/hongxin.zh.md",
        "参见[梨园村](@/cases/liyuan.md)。",
        "",
    );
    p.publish(&[])
        .assert_code(1)
        .assert_stderr_has("warning[W-url-gone]")
        .assert_stderr_has("nothing was published: 2 addresses the target has would be gone")
        .assert_stderr_has("/cases/liyuan/")
        .assert_stderr_has("--allow-gone");
    assert_eq!(
        inodes(&p.target),
        before,
        "a refused publish changed the target"
    );

    p.publish(&["--allow-gone"])
        .assert_ok()
        .assert_stderr_has("to remove");
    assert!(!p.target.join("cases/liyuan").exists());
    assert!(!p.target.join("ko/cases/liyuan").exists());
    assert_mirrors(&p.site.output(), &p.target);
}

#[test]
fn a_dry_run_lists_the_changes_and_touches_nothing() {
    let p = Published::new();
    p.publish(&[]).assert_ok();
    let before = inodes(&p.target);
    retitle(&p.site);
    let run = p.publish(&["--dry-run"]);
    run.assert_ok()
        .assert_stderr_has("dry run: nothing was changed on");
    assert!(
        run.stdout
            .lines()
            .any(|l| l == "~ projects/hongxin/index.html")
    );
    assert!(
        run.stdout.lines().all(|l| l.starts_with("~ ")
            || l.starts_with("+ search/")
            || l.starts_with("- search/")),
        "{}",
        run.stdout
    );
    assert_eq!(inodes(&p.target), before);

    // On a target that does not exist yet, everything is to add, and it is not created.
    let fresh = p.site.outside().join("fresh");
    let run = run_showcase(
        p.site.root(),
        &[
            "publish",
            "--root",
            ".",
            "--dry-run",
            "--to",
            fresh.to_str().unwrap(),
        ],
    );
    run.assert_ok();
    assert!(run.stdout.lines().all(|l| l.starts_with("+ ")));
    assert!(run.stdout.lines().any(|l| l == "+ index.html"));
    assert!(!fresh.exists());
}

#[test]
fn a_folder_with_files_showcase_did_not_put_there_is_refused() {
    let p = Published::new();
    std::fs::create_dir_all(&p.target).unwrap();
    std::fs::write(p.target.join("index.html"), "the old site").unwrap();
    p.publish(&[])
        .assert_code(2)
        .assert_stderr_has("holds files that showcase did not put there");
    assert_eq!(files(&p.target), ["index.html"]);
}

#[test]
fn an_interrupted_publish_is_finished_by_the_next() {
    let p = Published::new();
    p.publish(&[]).assert_ok();
    retitle(&p.site);
    std::fs::remove_file(p.site.path("content/cases/liyuan.zh.md")).unwrap();
    std::fs::remove_file(p.site.path("content/cases/liyuan.ko.md")).unwrap();
    p.site.edit(
        "content/projects/hongxin.zh.md",
        "参见[梨园村](@/cases/liyuan.md)。",
        "",
    );
    let run = p.publish_with_env(&["--allow-gone"], &[("SHOWCASE_PUBLISH_ABORT_AFTER", "3")]);
    assert_eq!(run.code, 3, "the publish was meant to stop half way");
    let manifest = std::fs::read_to_string(p.target.join(MANIFEST)).unwrap();
    assert!(
        manifest.contains("\"\""),
        "the manifest marks the files being written"
    );

    p.publish(&["--allow-gone"])
        .assert_ok()
        .assert_stderr_has("Published to");
    assert_mirrors(&p.site.output(), &p.target);
    assert!(!p.target.join("ko/cases/liyuan").exists());
    p.publish(&[]).assert_stderr_has("nothing to publish");
}

#[test]
fn the_target_set_once_in_site_yaml_is_the_default_and_is_relative_to_the_site() {
    let p = Published::new();
    p.site.edit(
        "site.yaml",
        "output_dir: output\n",
        "output_dir: output\npublish: {to: ../www}\n",
    );
    run_showcase(p.site.root(), &["publish", "--root", "."])
        .assert_ok()
        .assert_stderr_has("Published to");
    assert_mirrors(&p.site.output(), &p.target);
}

#[test]
fn targets_that_cannot_be_right_are_refused_with_what_to_do() {
    let p = Published::new();
    run_showcase(p.site.root(), &["publish", "--root", "."])
        .assert_code(2)
        .assert_stderr_has("there is nowhere to publish to")
        .assert_stderr_has("publish: {to:");
    run_showcase(
        p.site.root(),
        &["publish", "--root", ".", "--to", "content/www"],
    )
    .assert_code(2)
    .assert_stderr_has("inside the site folder");
    run_showcase(
        p.site.root(),
        &[
            "publish",
            "--root",
            ".",
            "--to",
            "sftp://staff:secret@example.org/www",
        ],
    )
    .assert_code(2)
    .assert_stderr_has("contains a password")
    .assert_stderr_has("SHOWCASE_SFTP_PASSWORD");
    run_showcase(
        p.site.root(),
        &["publish", "--root", ".", "--to", "ftp://example.org/www"],
    )
    .assert_code(2)
    .assert_stderr_has("not a place showcase can publish to");
}

#[test]
fn a_site_with_problems_is_not_published() {
    let p = Published::new();
    p.site.edit(
        "content/projects/hongxin.zh.md",
        "date: 2022-03-15",
        "date: 2022-13-45",
    );
    p.publish(&[])
        .assert_code(1)
        .assert_stderr_has("nothing was published");
    assert!(!p.target.exists());
}
