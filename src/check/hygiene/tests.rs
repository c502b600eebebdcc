//! The rules on whole files: in-memory files for column placement, the fixture sites of
//! `tests/fixtures/check/` against their `expected.txt`, and the sample site, which must be clean.

use std::path::{Path, PathBuf};

use super::*;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// `<file>:<line>:<column> <code>` for each finding, sorted.
fn findings(diagnostics: Diagnostics) -> Vec<String> {
    diagnostics
        .sorted()
        .iter()
        .map(|d| {
            let l = d.location.as_ref().expect("every finding has a place");
            format!("{}:{}:{} {}", l.file.display(), l.line, l.column, d.code)
        })
        .collect()
}

fn check_site(root: &Path) -> Diagnostics {
    let (config, _) = crate::config::load(root).expect("site.yaml loads");
    let (content, _) = crate::content::load(root, &config);
    check(root, &content, &config)
}

#[test]
fn each_fixture_gives_the_findings_it_lists() {
    for case in [
        "mojibake",
        "traditional-chars",
        "literal-emphasis",
        "empty-alt",
        "long-title",
    ] {
        let tmp = tempfile::tempdir().unwrap();
        copy_dir(&fixtures().join("base"), tmp.path());
        let dir = fixtures().join("check").join(case);
        copy_dir(&dir, tmp.path());
        // expected.txt lists everything `check` reports (tests/check.rs); these are the
        // hygiene findings among them.
        let hygiene_codes = [
            "E-mojibake",
            "W-traditional-chars",
            "W-simplified-chars",
            "W-literal-emphasis",
            "W-empty-alt",
            "W-long-title",
        ];
        let expected: Vec<String> = std::fs::read_to_string(dir.join("expected.txt"))
            .unwrap()
            .lines()
            .filter(|l| hygiene_codes.iter().any(|c| l.ends_with(&format!(" {c}"))))
            .map(str::to_string)
            .collect();
        assert_eq!(
            findings(check_site(tmp.path())),
            expected,
            "fixture check/{case}"
        );
    }
}

#[test]
fn the_base_fixture_and_the_sample_site_are_clean() {
    assert_eq!(
        findings(check_site(&fixtures().join("base"))),
        Vec::<String>::new()
    );
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (config, _) = crate::config::load(repo).unwrap();
    let (content, _) = crate::content::load(repo, &config);
    assert!(
        content.records.len() >= 24,
        "the sample site has its records"
    );
    let started = std::time::Instant::now();
    let found = check(repo, &content, &config);
    let first = started.elapsed();
    let started = std::time::Instant::now();
    check(repo, &content, &config);
    eprintln!(
        "hygiene check of the sample site: {first:?}, again (converters loaded): {:?}",
        started.elapsed()
    );
    assert_eq!(findings(found), Vec::<String>::new());
}

fn check_text(path: &str, lang: &str, text: &str) -> Vec<(usize, usize, usize, &'static str)> {
    let (config, _) = crate::config::load(&fixtures().join("base")).unwrap();
    let ctx = Ctx::new(&config);
    let file = SourceFile::new(path.into(), text.to_string());
    let job = Job {
        path: Path::new(path),
        lang,
        record: None,
    };
    check_file(&file, &job, &ctx)
        .sorted()
        .iter()
        .map(|d| {
            let l = d.location.as_ref().unwrap();
            (l.line, l.column, l.width, d.code)
        })
        .collect()
}

#[test]
fn columns_count_characters_and_widths_cover_the_text() {
    let text = "---\ntitle: 延边?州\nowner: {zh: 延邊, ko: 延邊 연변}\n---\n\n“红心”**真，**她 ![](a.jpg)\n";
    assert_eq!(
        check_text("content/projects/x.zh.md", "zh", text),
        vec![
            (2, 10, 1, "E-mojibake"),
            (3, 14, 1, "W-traditional-chars"),
            (6, 5, 6, "W-literal-emphasis"),
            (6, 13, 10, "W-empty-alt"),
        ]
    );
}

#[test]
fn korean_text_is_not_checked_for_chinese_scripts() {
    let text = "---\ntitle: 연변 延邊\n---\n\n延邊 조선족자치주 (漢字). **좋다.**그래서\n";
    assert_eq!(
        check_text("content/projects/x.ko.md", "ko", text),
        vec![(5, 17, 7, "W-literal-emphasis")]
    );
}

#[test]
fn long_titles_count_characters() {
    let forty = "党".repeat(TITLE_LIMIT_CJK);
    let text = format!("---\ntitle: {forty}\n---\n正文\n");
    assert!(check_text("content/projects/x.zh.md", "zh", &text).is_empty());
    let text = format!("---\ntitle: {{zh: {forty}建, ko: 연변}}\n---\n正文\n");
    assert_eq!(
        check_text("content/projects/x.zh.md", "zh", &text),
        vec![(2, 13, 41, "W-long-title")]
    );
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "---\ntitle: \"unclosed\n---\n",
        "---\ntitle: |\n---\n",
        "no front matter ** ![](",
        "---\n---\n\u{FFFD}",
        "---\ntitle: [a, {b: c}]\nx: 'it''s 延邊'\n---\n**",
        "---\r\ntitle: 延邊\r\n---\r\n\r\n**真，**她\r\n",
    ] {
        check_text("content/projects/x.zh.md", "zh", text);
    }
}
