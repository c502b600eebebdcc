//! Status and diagnostics of small sites written to a temporary folder and loaded for real.

use std::path::Path;

use super::*;
use crate::config;
use crate::content;

const SITE: &str = "title: t\nlanguages:\n  - {code: zh, tag: zh-Hans}\n  - {code: ko}\ncollections:\n  projects:\n    fields:\n      owner: {type: text}\n      approach: {type: list}\n      level: {type: enum, values: [a, b]}\n      metrics: {type: metrics}\n";

const SOURCE: &str = "---\ntitle: 红心物业\ndate: 2022-03-15\nowner: 延边州委组织部\nlevel: a\n---\n\n物业领域建立党支部166个。\n";

/// Loads a site made of `site.yaml` and `files` (relative to `content/projects/`).
fn load(site: &str, files: &[(&str, &str)]) -> (SiteConfig, Content) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), site).unwrap();
    let projects = dir.path().join("content/projects");
    std::fs::create_dir_all(&projects).unwrap();
    for (name, text) in files {
        std::fs::write(projects.join(name), text).unwrap();
    }
    let (config, _) = config::load(dir.path()).expect("site.yaml loads");
    let (content, _) = content::load(dir.path(), &config);
    (config, content)
}

/// The status of every record in Korean: `(id, state, untranslated fields)`.
fn check_status(files: &[(&str, &str)]) -> Vec<(String, State, Vec<String>)> {
    let (config, content) = load(SITE, files);
    status(&config, &content)
        .records
        .into_iter()
        .map(|s| (s.id, s.state, s.untranslated))
        .collect()
}

fn one(id: &str, state: State, untranslated: &[&str]) -> Vec<(String, State, Vec<String>)> {
    vec![(
        id.to_string(),
        state,
        untranslated.iter().map(|s| s.to_string()).collect(),
    )]
}

#[test]
fn a_translation_of_every_field_is_complete() {
    let ko = "---\ntitle: 붉은마음 물업\nowner: 연변주당위 조직부\n---\n\n물업분야에 당지부 166개를 세웠다.\n";
    assert_eq!(
        check_status(&[("a.zh.md", SOURCE), ("a.ko.md", ko)]),
        one("a", State::Complete, &[])
    );
}

#[test]
fn fields_a_translation_leaves_out_are_listed() {
    let ko = "---\ntitle: 붉은마음 물업\n---\n\n";
    assert_eq!(
        check_status(&[("a.zh.md", SOURCE), ("a.ko.md", ko)]),
        one("a", State::Partial, &["owner", "body"])
    );
}

#[test]
fn language_maps_in_the_source_count_as_translated() {
    let source = SOURCE.replace(
        "owner: 延边州委组织部",
        "owner: {zh: 延边州委组织部, ko: 연변주당위 조직부}\napproach:\n  - {zh: 一, ko: 하나}",
    );
    let ko = "---\ntitle: 붉은마음 물업\n---\n본문\n";
    assert_eq!(
        check_status(&[("a.zh.md", &source), ("a.ko.md", ko)]),
        one("a", State::Complete, &[])
    );
    // Without a translation file, the maps alone make it partial, not missing.
    assert_eq!(
        check_status(&[("a.zh.md", &source)]),
        one("a", State::Partial, &["title", "body"])
    );
}

#[test]
fn no_translation_at_all_is_missing() {
    assert_eq!(
        check_status(&[("a.zh.md", SOURCE)]),
        one("a", State::Missing, &["title", "owner", "body"])
    );
}

#[test]
fn yaml_records_are_judged_by_their_language_maps() {
    let full = "title: {zh: 灯塔, ko: 등대}\ndate: 2018-04-20\nbody:\n  zh: 正文\n  ko: 본문\n";
    let half = "title: {zh: 灯塔, ko: 등대}\ndate: 2018-04-20\nbody: {zh: 正文}\n";
    let none = "title: 灯塔\ndate: 2018-04-20\nbody: 正文\n";
    assert_eq!(
        check_status(&[("a.yaml", full), ("b.yaml", half), ("c.yaml", none)]),
        vec![
            ("a".to_string(), State::Complete, vec![]),
            ("b".to_string(), State::Partial, vec!["body".to_string()]),
            (
                "c".to_string(),
                State::Missing,
                vec!["title".to_string(), "body".to_string()]
            ),
        ]
    );
}

#[test]
fn a_stamp_of_an_older_source_is_stale() {
    let (config, content) = load(SITE, &[("a.zh.md", SOURCE)]);
    let digest = status(&config, &content).records[0].digest.clone();
    let ko = format!("---\ntitle: 가\nowner: 나\ntranslated_from: {digest}\n---\n다\n");
    assert_eq!(
        check_status(&[("a.zh.md", SOURCE), ("a.ko.md", &ko)]),
        one("a", State::Complete, &[])
    );
    let edited = SOURCE.replace("166个", "167个");
    assert_eq!(
        check_status(&[("a.zh.md", &edited), ("a.ko.md", &ko)]),
        one("a", State::Stale, &[])
    );
    // Shared fields are not translated: changing them leaves the translation up to date.
    let redated = SOURCE
        .replace("2022-03-15", "2022-04-01")
        .replace("level: a", "level: b");
    assert_eq!(
        check_status(&[("a.zh.md", &redated), ("a.ko.md", &ko)]),
        one("a", State::Complete, &[])
    );
}

#[test]
fn a_site_of_one_language_has_nothing_to_translate() {
    let site = SITE.replace("  - {code: ko}\n", "");
    let (config, content) = load(&site, &[("a.zh.md", SOURCE)]);
    let report = status(&config, &content);
    assert!(report.languages.is_empty());
    assert!(report.records.is_empty());
    assert!(diagnostics_of(&report).is_empty());
}

#[test]
fn unreadable_translations_and_orphans_are_left_to_loading() {
    let broken = "---\ntitle: [\n---\n";
    let orphan = "---\ntitle: 고아\n---\n";
    let statuses = check_status(&[
        ("a.zh.md", SOURCE),
        ("a.ko.md", broken),
        ("b.ko.md", orphan),
    ]);
    assert!(statuses.is_empty(), "{statuses:?}");
}

#[test]
fn percentages_round_down_per_language_and_collection() {
    let ko = "---\ntitle: 가\nowner: 나\n---\n다\n";
    let files: Vec<(String, String)> = (0..3)
        .map(|i| (format!("r{i}.zh.md"), SOURCE.to_string()))
        .chain([("r0.ko.md".to_string(), ko.to_string())])
        .collect();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let (config, content) = load(SITE, &files);
    let report = status(&config, &content);
    let by_language = report.by_language();
    assert_eq!(by_language[0].0, "ko");
    assert_eq!(
        by_language[0].1,
        Tally {
            total: 3,
            complete: 1,
            partial: 0,
            stale: 0,
            missing: 2
        }
    );
    assert_eq!(by_language[0].1.percent(), 33);
    let by_collection = report.by_collection();
    assert_eq!(by_collection.len(), 1);
    assert_eq!(by_collection[0].0, "projects");
    assert_eq!(Tally::default().percent(), 100);
}

#[test]
fn diagnostics_point_at_the_right_lines() {
    let (config, content) = load(SITE, &[("a.zh.md", SOURCE)]);
    let digest = status(&config, &content).records[0].digest.clone();
    let stale = "---\ntitle: 가\ntranslated_from: 0000000000000000\n---\n";
    let partial = format!("---\ntitle: 가\ntranslated_from: {digest}\n---\n");
    let (config, content) = load(
        SITE,
        &[
            ("a.zh.md", SOURCE),
            ("a.ko.md", &partial),
            ("b.zh.md", SOURCE),
            ("b.ko.md", stale),
            ("c.zh.md", SOURCE),
        ],
    );
    let found: Vec<(&str, String, usize)> = diagnostics(&config, &content)
        .iter()
        .map(|d| {
            let at = d.location.as_ref().unwrap();
            (d.code, at.file.display().to_string(), at.line)
        })
        .collect();
    let path = |name: &str| {
        Path::new("content/projects")
            .join(name)
            .display()
            .to_string()
    };
    assert_eq!(
        found,
        vec![
            ("W-partial-translation", path("a.ko.md"), 1),
            ("W-stale-translation", path("b.ko.md"), 3),
            ("W-partial-translation", path("b.ko.md"), 1),
            ("W-missing-translation", path("c.zh.md"), 1),
        ]
    );
    let all = diagnostics(&config, &content);
    let partial = all.iter().next().unwrap();
    assert_eq!(
        partial.message_text(crate::messages::UiLang::En),
        "this ko translation does not translate `owner`, `body`: the zh text is shown there"
    );
    assert!(
        all.iter()
            .all(|d| d.severity == crate::diagnostics::Severity::Warning)
    );
}
