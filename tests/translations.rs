//! `showcase translations` (SPEC §3.3, §5) run as the real binary: the status table and its
//! JSON, percentages, and `--stamp` writing `translated_from:` byte for byte.

mod common;

use common::{Run, Site, run_showcase};

fn translations(site: &Site, args: &[&str]) -> Run {
    let mut all = vec!["translations", "--root", ".", "--lang", "en"];
    all.extend_from_slice(args);
    run_showcase(site.root(), &all)
}

fn json(site: &Site) -> serde_json::Value {
    let run = translations(site, &["--format", "json"]);
    run.assert_ok();
    serde_json::from_str(&run.stdout).expect("--format json prints JSON")
}

/// The status of one record in Korean, from the JSON report.
fn record_status(site: &Site, record: &str) -> serde_json::Value {
    let (collection, id) = record.split_once('/').unwrap();
    json(site)["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["collection"] == collection && r["id"] == id && r["language"] == "ko")
        .cloned()
        .unwrap_or_else(|| panic!("no {record} in the report"))
}

#[test]
fn the_sample_site_is_fully_translated() {
    let site = Site::sample();
    let run = translations(&site, &[]);
    run.assert_ok();
    assert!(
        run.stdout.contains("ko  ") && run.stdout.contains("(100%)"),
        "{}",
        run.stdout
    );
    let report = json(&site);
    let ko = &report["by_language"][0];
    assert_eq!(ko["language"], "ko");
    assert_eq!(ko["percent"], 100, "{ko}");
    assert_eq!(ko["complete"], ko["total"]);
}

#[test]
fn the_table_lists_each_state_with_the_fields_that_fall_back() {
    let site = Site::with(&["translations/zh-only", "translations/partial"]);
    let run = translations(&site, &[]);
    run.assert_ok();
    let line = |record: &str| {
        run.stdout
            .lines()
            .find(|l| l.starts_with(record))
            .unwrap_or_else(|| panic!("no line for {record}:\n{}", run.stdout))
            .to_string()
    };
    assert!(line("projects/hongxin ").contains("complete"));
    assert!(line("projects/zh-only").contains("missing"));
    let partial = line("projects/partial");
    assert!(
        partial.contains("partial") && partial.ends_with("summary, owner"),
        "{partial}"
    );
    // 2 of 4 Korean translations are complete.
    assert!(
        run.stdout
            .contains("2/4 complete (50%): 1 partial, 0 stale, 1 missing"),
        "{}",
        run.stdout
    );
    // The header is in the message language too.
    let zh = run_showcase(
        site.root(),
        &["translations", "--root", ".", "--lang", "zh"],
    );
    assert!(zh.stdout.starts_with("记录"), "{}", zh.stdout);
    assert!(zh.stdout.contains("部分翻译"), "{}", zh.stdout);
}

#[test]
fn columns_line_up_with_chinese_titles() {
    let site = Site::with(&["translations/zh-only", "translations/partial"]);
    let run = translations(&site, &[]);
    let lines: Vec<&str> = run.stdout.lines().take(5).collect();
    // The language column starts at the same terminal column on every row: titles are Chinese
    // (two columns a character) and the header is not.
    let column = |line: &str, needle: &str| {
        let at = line
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} in {line}"));
        unicode_width::UnicodeWidthStr::width(&line[..at])
    };
    let header = column(lines[0], "Language");
    for line in &lines[1..] {
        assert_eq!(column(line, " ko ") + 1, header, "{}", run.stdout);
    }
}

#[test]
fn the_json_report_has_the_documented_shape() {
    let site = Site::with(&["translations/partial"]);
    let report = json(&site);
    assert_eq!(report["default_language"], "zh");
    assert_eq!(report["languages"], serde_json::json!(["ko"]));
    assert_eq!(report["errors"], 0);
    let partial = record_status(&site, "projects/partial");
    assert_eq!(partial["status"], "partial");
    assert_eq!(
        partial["untranslated"],
        serde_json::json!(["summary", "owner"])
    );
    assert_eq!(partial["title"], "社区党建");
    assert_eq!(partial["source"], "content/projects/partial.zh.md");
    assert_eq!(partial["translation"], "content/projects/partial.ko.md");
    assert_eq!(partial["translated_from"], serde_json::Value::Null);
    assert_eq!(partial["digest"].as_str().unwrap().len(), 16);
    let collections: Vec<(&str, &str)> = report["by_collection"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["collection"].as_str().unwrap(),
                c["language"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(collections, [("projects", "ko"), ("cases", "ko")]);
}

#[test]
fn a_stamped_translation_goes_stale_when_its_source_changes() {
    let site = Site::base();
    let before = record_status(&site, "projects/hongxin");
    assert_eq!(before["status"], "complete");
    let run = translations(&site, &["--stamp", "projects/hongxin"]);
    run.assert_ok();
    let digest = before["digest"].as_str().unwrap();
    assert!(run.stdout.contains(digest), "{}", run.stdout);
    let ko = std::fs::read_to_string(site.path("content/projects/hongxin.ko.md")).unwrap();
    assert!(
        ko.contains(&format!("\ntranslated_from: {digest}\n---\n")),
        "{ko}"
    );
    let after = record_status(&site, "projects/hongxin");
    assert_eq!(after["status"], "complete");
    assert_eq!(after["translated_from"], digest);

    // Reformatting the source is not a change; editing its body is.
    site.edit(
        "content/projects/hongxin.zh.md",
        "title: 红心物业",
        "title: \"红心物业\"",
    );
    assert_eq!(
        record_status(&site, "projects/hongxin")["status"],
        "complete"
    );
    site.edit("content/projects/hongxin.zh.md", "166个", "180个");
    let stale = record_status(&site, "projects/hongxin");
    assert_eq!(stale["status"], "stale");
    assert_ne!(stale["digest"], digest);
    let table = translations(&site, &[]);
    assert!(
        table.stdout.contains("0 partial, 1 stale, 0 missing"),
        "{}",
        table.stdout
    );
    // Stamping again after updating the translation makes it current.
    translations(&site, &["--stamp", "projects/hongxin", "--to", "ko"]).assert_ok();
    assert_eq!(
        record_status(&site, "projects/hongxin")["status"],
        "complete"
    );
}

#[test]
fn stamping_keeps_every_other_byte_crlf_and_bom_included() {
    let site = Site::base();
    let original = "\u{feff}---\r\ntitle: 붉은마음 물업   # 제목\r\nowner: 연변주당위 조직부\r\n---\r\n\r\n물업분야에 당지부 166개를 세웠다.\r\n끝";
    site.write("content/projects/hongxin.ko.md", original);
    translations(&site, &["--stamp", "projects/hongxin"]).assert_ok();
    let digest = record_status(&site, "projects/hongxin")["digest"]
        .as_str()
        .unwrap()
        .to_string();
    let expected = original.replace(
        "\r\n---\r\n\r\n",
        &format!("\r\ntranslated_from: {digest}\r\n---\r\n\r\n"),
    );
    let bytes = std::fs::read(site.path("content/projects/hongxin.ko.md")).unwrap();
    assert_eq!(String::from_utf8(bytes).unwrap(), expected);
    // A second stamp replaces the line and leaves the rest alone.
    site.edit(
        "content/projects/hongxin.ko.md",
        &format!("translated_from: {digest}"),
        "translated_from: 0000",
    );
    translations(&site, &["--stamp", "projects/hongxin"]).assert_ok();
    let bytes = std::fs::read(site.path("content/projects/hongxin.ko.md")).unwrap();
    assert_eq!(String::from_utf8(bytes).unwrap(), expected);
    // The Chinese source was not touched.
    assert_eq!(
        std::fs::read(site.path("content/projects/hongxin.zh.md")).unwrap(),
        std::fs::read(common::fixtures().join("base/content/projects/hongxin.zh.md")).unwrap()
    );
}

#[test]
fn stamp_refusals_exit_2_with_a_reason() {
    let site = Site::with(&["translations/zh-only", "translations/yaml-record"]);
    let before = common::snapshot(&site.path("content"));
    for (args, reason) in [
        (
            vec!["--stamp", "projects/nothing"],
            "there is no record `projects/nothing`",
        ),
        (
            vec!["--stamp", "hongxin"],
            "`hongxin` does not name a record",
        ),
        (
            vec!["--stamp", "people/a"],
            "`people` is not a collection of this site",
        ),
        (
            vec!["--stamp", "projects/zh-only"],
            "`projects/zh-only` has no translation file to stamp",
        ),
        (
            vec!["--stamp", "projects/hongxin", "--to", "en"],
            "`en` is not a translation language of this site",
        ),
        (
            vec!["--stamp", "projects/hongxin", "--to", "zh"],
            "`zh` is not a translation language of this site",
        ),
        (
            vec!["--stamp", "projects/dengta"],
            "holds every language in one file",
        ),
    ] {
        let run = translations(&site, &args);
        run.assert_code(2).assert_stderr_has(reason);
        assert!(
            run.stderr.contains("help: "),
            "{args:?} gives advice:\n{}",
            run.stderr
        );
    }
    common::assert_same_files(&before, &common::snapshot(&site.path("content")), "content");
    // --to needs --stamp.
    translations(&site, &["--to", "ko"]).assert_code(2);
}

#[test]
fn yaml_records_are_judged_by_their_language_maps() {
    let site = Site::with(&["translations/yaml-record"]);
    let dengta = record_status(&site, "projects/dengta");
    assert_eq!(dengta["status"], "partial");
    assert_eq!(dengta["untranslated"], serde_json::json!(["owner"]));
    assert_eq!(dengta["translation"], serde_json::Value::Null);
}

#[test]
fn a_site_of_one_language_has_nothing_to_translate() {
    let site = Site::with(&["translations/one-language"]);
    for file in [
        "content/projects/hongxin.ko.md",
        "content/cases/liyuan.ko.md",
    ] {
        std::fs::remove_file(site.path(file)).unwrap();
    }
    let run = translations(&site, &[]);
    run.assert_ok();
    assert!(
        run.stdout.contains("This site has one language (zh)"),
        "{}",
        run.stdout
    );
    let report = json(&site);
    assert_eq!(report["languages"], serde_json::json!([]));
    assert_eq!(report["records"], serde_json::json!([]));
}

#[test]
fn content_errors_still_show_the_rest_and_exit_1() {
    let site = Site::with(&["translations/partial"]);
    site.write("content/projects/broken.zh.md", "---\ntitle: [\n---\n");
    let run = translations(&site, &[]);
    run.assert_code(1).assert_stderr_has("showcase check");
    assert!(run.stdout.contains("projects/partial"), "{}", run.stdout);
    let run = translations(&site, &["--format", "json"]);
    run.assert_code(1);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["errors"], 1);
}

/// The report pairs files as the build does (one pairing, `content::pair`): a language written
/// twice counts its first file and is an error here too, not only in `check`.
#[test]
fn a_translation_written_twice_is_an_error_and_its_first_file_counts() {
    let site = Site::with(&["translations/partial"]);
    let first = std::fs::read_to_string(site.path("content/projects/partial.ko.md")).unwrap();
    site.write("content/projects/partial/index.ko.md", first);
    let run = translations(&site, &["--format", "json"]);
    run.assert_code(1);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["errors"], 1);
    let check = site.check(&[]);
    check.assert_code(1).assert_stderr_has("E-duplicate-id");
}
