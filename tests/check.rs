//! `showcase check` (SPEC §5): the real binary on the sample site and on every fixture site with
//! planted problems. Each fixture folder names its problems in `expected.txt`, one per line,
//! `<file>:<line>:<column> <code>` (or `<file> <code>` for a problem of the whole file), and
//! check must report exactly those, in that order, and write nothing.

mod common;

use std::path::Path;

use common::*;

/// The findings of `check --format json`, one `<place> <code>` line each, as in expected.txt.
fn findings(run: &Run) -> Vec<String> {
    let items: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|err| panic!("check --format json gives JSON ({err}):\n{}", run.stdout));
    items
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap_or("-");
            let place = match (d["line"].as_u64(), d["column"].as_u64()) {
                (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
                _ => file.to_string(),
            };
            format!("{place} {}", d["code"].as_str().unwrap())
        })
        .collect()
}

/// Every fixture folder that has an `expected.txt`, as `"<group>/<case>"`.
fn fixtures_with_expectations() -> Vec<String> {
    let mut cases = Vec::new();
    for group in std::fs::read_dir(fixtures()).unwrap() {
        let group = group.unwrap().path();
        let Ok(entries) = std::fs::read_dir(&group) else {
            continue;
        };
        for case in entries {
            let case = case.unwrap().path();
            if case.join("expected.txt").is_file() {
                let relative = case.strip_prefix(fixtures()).unwrap();
                cases.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    cases.sort();
    cases
}

fn expected(case: &str) -> Vec<String> {
    read(&fixtures().join(case).join("expected.txt"))
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_sample_site_is_clean() {
    let site = Site::sample();
    site.check(&[])
        .assert_ok()
        .assert_stderr_has("no problems found");
    let run = site.check(&["--format", "json", "--strict"]);
    run.assert_ok();
    assert_eq!(run.stdout.trim(), "[]");
    assert!(!site.output().exists(), "check writes nothing");
}

#[test]
fn each_fixture_gets_exactly_its_planted_problems() {
    let cases = fixtures_with_expectations();
    assert!(cases.len() >= 15, "fixtures with expected.txt: {cases:?}");
    let mut wrong = Vec::new();
    for case in &cases {
        let site = Site::with(&[case]);
        let run = site.check(&["--format", "json"]);
        let want = expected(case);
        let got = findings(&run);
        let has_errors = want.iter().any(|l| l.contains(" E-"));
        if got != want || run.code != i32::from(has_errors) {
            wrong.push(format!(
                "{case}: exit {}\n  expected {want:#?}\n  got {got:#?}",
                run.code
            ));
        }
        assert!(!site.output().exists(), "{case}: check writes nothing");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn one_run_reports_problems_in_content_and_in_the_theme() {
    // A build stops at the theme; check goes on and reports all three, sorted by file.
    let site = Site::with(&["bad-input/template-error", "bad-input/impossible-date"]);
    site.write(
        "content/projects/y.zh.md",
        "---\ntitle: 另一条\ndate: 2022-05-01\nlevel: natinal\nrelated: [cases/nothing]\n---\n",
    );
    let run = site.check(&["--format", "json"]);
    run.assert_code(1);
    let got = findings(&run);
    assert_eq!(
        got,
        [
            "content/projects/x.zh.md:1:1 W-missing-translation",
            "content/projects/x.zh.md:3:7 E-bad-date",
            "content/projects/y.zh.md:1:1 W-missing-translation",
            "content/projects/y.zh.md:4:8 E-bad-enum",
            "content/projects/y.zh.md:5:11 E-unknown-record",
            "themes/default/templates/record.html:3:7 E-template",
        ]
    );
}

#[test]
fn the_text_report_points_at_the_line_and_counts_problems() {
    let site = Site::with(&["bad-input/impossible-date"]);
    let run = site.check(&[]);
    run.assert_code(1)
        .assert_stderr_has("error[E-bad-date]")
        .assert_stderr_has(" --> content/projects/x.zh.md:3:7")
        .assert_stderr_has("3 | date: 2021-02-30")
        .assert_stderr_has("help: ")
        .assert_stderr_has("warning[W-missing-translation]")
        .assert_stderr_has("1 error, 1 warning");
    assert!(
        run.stdout.is_empty(),
        "the text report goes to stderr: {}",
        run.stdout
    );
}

#[test]
fn a_template_error_points_at_the_template_line() {
    let site = Site::with(&["bad-input/card-reads-the-page"]);
    site.check(&[])
        .assert_code(1)
        .assert_stderr_has(" --> themes/default/templates/partials/card.html:3:9")
        .assert_stderr_has("3 |   <p>{{ page.title }}</p>")
        .assert_stderr_has("Variable `page` is not defined");
}

#[test]
fn the_report_is_in_chinese_when_asked() {
    let site = Site::with(&["bad-input/template-error"]);
    site.check(&["--lang", "zh"])
        .assert_code(1)
        .assert_stderr_has("错误[E-template]: 模板错误：")
        .assert_stderr_has("提示: ")
        .assert_stderr_has("已检查 2 条记录：1 个错误，0 个警告。");
}

#[test]
fn warnings_fail_only_with_strict() {
    let site = Site::base();
    site.write("content/notes/a.zh.md", "---\ntitle: 笔记\n---\n");
    let run = site.check(&[]);
    run.assert_ok().assert_stderr_has("0 errors, 1 warning");
    site.check(&["--strict"])
        .assert_code(1)
        .assert_stderr_has("--strict");
    let json = site.check(&["--format", "json"]);
    assert_eq!(findings(&json), ["content/notes/a.zh.md W-unknown-folder"]);
}

#[test]
fn a_folder_that_is_not_a_site_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let run = run_showcase(tmp.path(), &["check", "--root", "."]);
    run.assert_code(1)
        .assert_stderr_has("E-no-site")
        .assert_stderr_has("site.yaml");
    assert!(!Path::new(&tmp.path().join("output")).exists());
}

#[test]
fn a_theme_that_does_not_exist_is_named_with_how_to_fix_it() {
    let site = Site::base();
    site.edit("site.yaml", "theme: default", "theme: nothere");
    site.check(&[])
        .assert_code(1)
        .assert_stderr_has("error[E-template]: the theme \"nothere\" does not exist")
        .assert_stderr_has("help: `theme:` in site.yaml names a folder under themes/");
}

/// A report must show a hidden character as `<U+XXXX>`, never send it to the terminal.
fn assert_no_hidden_characters(text: &str, case: &str) {
    let hidden: Vec<String> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{ffff}')
        })
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(hidden.is_empty(), "{case}: raw {hidden:?} in\n{text}");
}

#[test]
fn hidden_characters_stop_the_build_and_bidi_controls_only_warn() {
    for case in HIDDEN_CHARACTER_ERRORS {
        let site = Site::with(&[&format!("chars/{case}")]);
        let run = site.build(&[]);
        run.assert_code(1);
        assert!(
            !site.output().exists(),
            "{case}: a failed build writes nothing"
        );
        assert!(
            run.stderr.contains("E-control-char") || run.stderr.contains("E-invisible-in-id"),
            "{case}:\n{}",
            run.stderr
        );
        assert_no_hidden_characters(&run.stderr, case);
        assert_no_hidden_characters(&site.check(&["--lang", "zh"]).stderr, case);
    }
    let site = Site::with(&["chars/bidi-title"]);
    let run = site.build(&[]);
    run.assert_ok()
        .assert_stderr_has("W-bidi-control")
        .assert_stderr_has("红心<U+202E>物业");
    assert_no_hidden_characters(&run.stderr, "bidi-title");
    assert!(
        site.output().join("index.html").is_file(),
        "a warning does not stop the build"
    );
    site.check(&["--strict"]).assert_code(1);
}
