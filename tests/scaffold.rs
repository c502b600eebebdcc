//! `showcase init`, `showcase new` and `showcase schema` run as the real binary (SPEC §5): a new
//! site builds clean; a fresh skeleton or translation stub fails the build at exactly its
//! placeholders and builds once they are filled; nothing is overwritten; schemas are valid JSON.

mod common;

use common::*;

/// The lines (1-based) of `file` that hold a placeholder mark outside comments.
fn placeholder_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with('#'))
        .filter(|(_, line)| line.contains("【待填写】") || line.contains("【待翻译】"))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The `file:line` of every error in a report.
fn error_lines(stderr: &str, file: &str) -> Vec<usize> {
    let mut lines: Vec<usize> = stderr
        .lines()
        .filter_map(|l| l.trim().strip_prefix("--> "))
        .filter_map(|l| l.strip_prefix(file)?.strip_prefix(':'))
        .filter_map(|l| l.split(':').next()?.parse().ok())
        .collect();
    lines.sort();
    lines
}

fn new_site() -> Site {
    let site = Site::sample();
    std::fs::remove_dir_all(site.root()).unwrap();
    run_showcase(site.outside(), &["init", "site"]).assert_ok();
    site
}

#[test]
fn init_makes_a_site_that_builds_without_warnings() {
    let site = new_site();
    assert!(site.path("site.yaml").is_file());
    assert!(!site.path("themes").exists(), "the theme is built in");
    site.build(&[])
        .assert_ok()
        .assert_stderr_has("0 errors, 0 warnings");
    // Clean for check too, with every language complete.
    site.check(&["--strict"])
        .assert_ok()
        .assert_stderr_has("no problems found");
    for page in [
        "projects/hongxin-wuye/index.html",
        "ko/projects/hongxin-wuye/index.html",
        "brands/dangjian-jia/index.html",
        "ko/cases/antu-tuopin/index.html",
        "regions/yanji/index.html",
    ] {
        assert!(site.output().join(page).is_file(), "{page}");
    }
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let site = Site::base();
    let before = files(site.root());
    run_showcase(site.outside(), &["init", "site"])
        .assert_code(2)
        .assert_stderr_has("is not empty");
    assert_eq!(files(site.root()), before);
}

#[test]
fn a_skeleton_fails_at_its_placeholders_and_builds_once_they_are_filled() {
    let site = Site::sample();
    // A required field gets a placeholder line of its own.
    site.edit(
        "site.yaml",
        "      owner:   {type: text, label: {zh: 责任单位, ko: 책임단위}}",
        "      owner:   {type: text, required: true, label: {zh: 责任单位, ko: 책임단위}}",
    );
    // The sample's projects have an owner already; only the new record lacks one.
    run_showcase(site.root(), &["--lang", "zh", "new", "projects", "foo"])
        .assert_ok()
        .assert_stderr_has("content/projects/foo.zh.md");
    let file = "content/projects/foo.zh.md";
    let text = read(&site.path(file));
    let expected = placeholder_lines(&text);
    assert_eq!(
        expected.len(),
        4,
        "title, date, owner and the body:\n{text}"
    );
    let run = site.build(&[]);
    run.assert_code(1).assert_stderr_has("E-placeholder");
    assert_eq!(error_lines(&run.stderr, file), expected, "{}", run.stderr);
    // check points at the same lines, and also says (line 1) that Korean is missing.
    let checked = site.check(&[]);
    checked
        .assert_code(1)
        .assert_stderr_has("W-missing-translation");
    let mut with_warning = vec![1];
    with_warning.extend(&expected);
    assert_eq!(
        error_lines(&checked.stderr, file),
        with_warning,
        "{}",
        checked.stderr
    );
    assert_eq!(
        run.stderr.matches("error[").count(),
        expected.len(),
        "one error per placeholder and no other:\n{}",
        run.stderr
    );

    let filled = text
        .replace("\"【待填写】标题\"", "新的示范项目")
        .replace("\"【待填写】日期，格式如 2024-05-01\"", "2024-05-01")
        .replace("owner: \"【待填写】责任单位\"", "owner: 延边州委组织部")
        .replace("# level: \"【待填写】\"", "level: county")
        .lines()
        .map(|l| {
            if l.starts_with("【待填写】") {
                "这是新项目的正文。"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    site.write(file, filled);
    site.build(&[])
        .assert_ok()
        .assert_stderr_has("0 errors, 0 warnings");
    let page = read(&site.output().join("projects/foo/index.html"));
    assert!(page.contains("新的示范项目") && page.contains("这是新项目的正文。"));

    // A second `new` with the same id is refused and the file is kept.
    let before = read(&site.path(file));
    run_showcase(site.root(), &["new", "projects", "foo"])
        .assert_code(2)
        .assert_stderr_has("already exists");
    assert_eq!(read(&site.path(file)), before);
}

#[test]
fn a_translation_stub_fails_until_translated_and_then_makes_the_korean_page() {
    let site = Site::sample();
    site.write(
        "content/cases/new-case.zh.md",
        "---\ntitle: 新案例\ndate: 2024-05-01\nsummary: 一句摘要。\nowner: 延吉市委组织部\napproach: [第一条做法, 第二条做法]\n---\n\n案例正文。\n",
    );
    run_showcase(site.root(), &["new", "cases", "new-case", "--to", "ko"])
        .assert_ok()
        .assert_stderr_has("content/cases/new-case.ko.md");
    let file = "content/cases/new-case.ko.md";
    let text = read(&site.path(file));
    assert!(
        !text.contains("date:"),
        "shared fields are not repeated:\n{text}"
    );
    let expected = placeholder_lines(&text);
    // title, summary, owner, two list items, the body.
    assert_eq!(expected.len(), 6, "{text}");
    let run = site.build(&[]);
    run.assert_code(1);
    assert_eq!(error_lines(&run.stderr, file), expected, "{}", run.stderr);
    assert!(!site.output().join("ko/cases/new-case/index.html").exists());

    let translated = text
        .replace("【待翻译】新案例", "새 사례")
        .replace("【待翻译】一句摘要。", "한 문장 요약.")
        .replace("【待翻译】延吉市委组织部", "연길시당위 조직부")
        .replace("【待翻译】第一条做法", "첫째 방법")
        .replace("【待翻译】第二条做法", "둘째 방법")
        .replace("案例正文。", "사례 본문.")
        .lines()
        .filter(|l| !l.starts_with("【待翻译】"))
        .collect::<Vec<_>>()
        .join("\n");
    site.write(file, translated);
    site.build(&[])
        .assert_ok()
        .assert_stderr_has("0 errors, 0 warnings");
    let page = read(&site.output().join("ko/cases/new-case/index.html"));
    assert!(
        page.contains("새 사례") && page.contains("사례 본문."),
        "{page}"
    );

    run_showcase(site.root(), &["new", "cases", "new-case", "--to", "ko"])
        .assert_code(2)
        .assert_stderr_has("already exists");
}

#[test]
fn new_refuses_unknown_collections_languages_and_bad_ids() {
    let site = Site::sample();
    run_showcase(site.root(), &["new", "projets", "x"])
        .assert_code(2)
        .assert_stderr_has("projects, brands, cases");
    run_showcase(site.root(), &["new", "projects", "x", "--to", "fr"])
        .assert_code(2)
        .assert_stderr_has("zh, ko");
    for id in ["../escape", "a.ko", "_index", "a b"] {
        run_showcase(site.root(), &["new", "projects", id]).assert_code(2);
    }
    run_showcase(site.root(), &["new", "projects", "no-such", "--to", "ko"])
        .assert_code(2)
        .assert_stderr_has("showcase new projects no-such");
    assert!(!site.outside().join("escape.zh.md").exists());
}

#[test]
fn schema_writes_json_schemas_with_the_collections_fields() {
    let site = Site::sample();
    run_showcase(site.root(), &["schema"]).assert_ok();
    let dir = site.path(".showcase/schema");
    let mut names = files(&dir);
    names.sort();
    assert_eq!(
        names,
        [
            "brands.schema.json",
            "cases.schema.json",
            "projects.schema.json"
        ]
    );
    let projects: serde_json::Value =
        serde_json::from_str(&read(&dir.join("projects.schema.json"))).unwrap();
    assert_eq!(
        projects["$schema"],
        "http://json-schema.org/draft-07/schema#"
    );
    assert_eq!(projects["required"], serde_json::json!(["title", "date"]));
    assert_eq!(projects["additionalProperties"], false);
    assert_eq!(
        projects["properties"]["level"]["enum"],
        serde_json::json!(["national", "provincial", "prefecture", "county"])
    );
    let regions = &projects["properties"]["region"]["anyOf"][0]["enum"];
    assert!(
        regions.as_array().unwrap().iter().any(|r| r == "yanbian"),
        "{regions}"
    );
    for name in ["owner", "metrics", "gallery", "cover", "status", "tags"] {
        assert!(projects["properties"].get(name).is_some(), "{name}");
    }
    // --out writes elsewhere, and the site folder gets nothing new.
    let out = site.outside().join("schemas");
    run_showcase(site.root(), &["schema", "--out", out.to_str().unwrap()]).assert_ok();
    assert_eq!(files(&out).len(), 3);
}
