//! SPEC §6: every bad input named there gets a clear message naming the file and the line. The
//! whole report `check` prints for each is kept, in English and in Chinese, under
//! `tests/snapshots/`, so a change to what users read shows up in review. After an intended
//! change, `SHOWCASE_UPDATE_SNAPSHOTS=1 cargo test --test snapshots` rewrites them.

mod common;

use common::*;

/// The SPEC §6 inputs with a fixture under tests/fixtures/bad-input/.
const CASES: [&str; 9] = [
    "malformed-yaml",
    "binary-file",
    "not-utf8",
    "empty-file",
    "unclosed-front-matter",
    "parent-path-image",
    "absolute-path-image",
    "duplicate-id",
    "template-error",
];

fn assert_snapshot(name: &str, text: &str) {
    let path = repo().join("tests/snapshots").join(format!("{name}.txt"));
    if std::env::var_os("SHOWCASE_UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}; run with SHOWCASE_UPDATE_SNAPSHOTS=1 to write it",
            path.display()
        )
    });
    assert_eq!(
        text, expected,
        "the report for {name} changed; if that is intended, run with SHOWCASE_UPDATE_SNAPSHOTS=1"
    );
}

fn reports(site: &Site, name: &str) {
    for lang in ["en", "zh"] {
        let run = site.check(&["--lang", lang]);
        run.assert_code(1);
        assert_snapshot(&format!("{name}.{lang}"), &run.stderr);
    }
}

#[test]
fn each_bad_input_has_its_report_in_both_languages() {
    for case in CASES {
        let site = Site::with(&[&format!("bad-input/{case}")]);
        reports(&site, case);
    }
}

#[test]
fn a_symlink_leading_outside_the_site_has_its_report_in_both_languages() {
    let site = Site::base();
    let secret = site.outside().join("secret.md");
    std::fs::write(&secret, "---\ntitle: 机密\ndate: 2022-01-01\n---\n").unwrap();
    std::os::unix::fs::symlink(&secret, site.path("content/projects/x.zh.md")).unwrap();
    reports(&site, "symlink-outside");
}

/// Issue 14: what a script link and a picture from another site are reported as.
#[test]
fn unsafe_urls_have_their_report_in_both_languages() {
    for case in ["script-links", "external-resources", "pasted-links"] {
        let site = Site::with(&[&format!("urls/{case}")]);
        reports(&site, &format!("urls-{case}"));
    }
}

/// Issue 14: what users read about hidden characters (tests/fixtures/chars/), in both languages.
#[test]
fn each_hidden_character_case_has_its_report_in_both_languages() {
    for case in HIDDEN_CHARACTER_ERRORS {
        let site = Site::with(&[&format!("chars/{case}")]);
        reports(&site, &format!("chars-{case}"));
    }
    // Warnings only: check succeeds, and the report is kept all the same.
    let site = Site::with(&["chars/bidi-title"]);
    for lang in ["en", "zh"] {
        let run = site.check(&["--lang", lang]);
        run.assert_code(0);
        assert_snapshot(&format!("chars-bidi-title.{lang}"), &run.stderr);
    }
}

#[test]
fn svg_problems_have_their_report_in_both_languages() {
    // Issue 14: a sanitized SVG (a warning) and one that is not XML (an error), in one report.
    let site = Site::with(&[
        "svg/bundle-cover-script",
        "svg/static-foreign-object",
        "svg/malformed",
    ]);
    reports(&site, "svg");
}
