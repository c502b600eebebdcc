//! Pairing of small sites written to a temporary folder and loaded for real.

use super::*;
use crate::config;

const SITE: &str = "title: t\nlanguages:\n  - {code: zh, tag: zh-Hans}\n  - {code: ko}\ncollections:\n  projects: {}\n";

const ZH: &str = "---\ntitle: 红心物业\ndate: 2022-03-15\n---\n\n正文。\n";
const KO: &str = "---\ntitle: 붉은마음 물업\n---\n\n본문.\n";

/// A record as (id, its source, its translations), files named by their path under
/// `content/projects/`.
type Paired = (String, Option<String>, Vec<String>);

/// Pairs a site made of `files` (relative to `content/projects/`): the pairing, with each
/// file named by its path under `content/projects/`, and the codes of its diagnostics.
fn pairing(files: &[(&str, &str)]) -> (Vec<Paired>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), SITE).unwrap();
    let projects = dir.path().join("content/projects");
    for (name, text) in files {
        let path = projects.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let (config, _) = config::load(dir.path()).expect("site.yaml loads");
    let (content, _) = crate::content::load(dir.path(), &config);
    let name = |i: usize| {
        let path = &content.records[i].path;
        let parts: Vec<String> = path
            .iter()
            .skip(2)
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        parts.join("/")
    };
    let paired = pair(&config, &content);
    let records = paired
        .records
        .iter()
        .map(|r| {
            (
                r.id.clone(),
                r.source.map(name),
                r.translations.iter().map(|&i| name(i)).collect(),
            )
        })
        .collect();
    let codes = paired
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .collect();
    (records, codes)
}

fn record(id: &str, source: Option<&str>, translations: &[&str]) -> Paired {
    (
        id.to_string(),
        source.map(str::to_string),
        translations.iter().map(|t| t.to_string()).collect(),
    )
}

#[test]
fn a_record_is_its_source_and_one_file_per_translation() {
    let (records, codes) = pairing(&[("a.zh.md", ZH), ("a.ko.md", KO), ("b/index.zh.md", ZH)]);
    assert_eq!(
        records,
        vec![
            record("a", Some("a.zh.md"), &["a.ko.md"]),
            record("b", Some("b/index.zh.md"), &[]),
        ]
    );
    assert!(codes.is_empty(), "{codes:?}");
}

#[test]
fn a_language_written_twice_keeps_the_first_file_and_is_an_error() {
    // A bundle's folder comes before a file of the same name in walk order.
    let (records, codes) = pairing(&[("a.zh.md", ZH), ("a.ko.md", KO), ("a/index.ko.md", KO)]);
    assert_eq!(
        records,
        vec![record("a", Some("a.zh.md"), &["a/index.ko.md"])]
    );
    assert_eq!(codes, ["E-duplicate-id"]);
}

#[test]
fn a_translation_beside_a_yaml_record_is_an_error_and_left_out() {
    let yaml = "title: {zh: 红心物业, ko: 붉은마음 물업}\ndate: 2022-03-15\n";
    let (records, codes) = pairing(&[("a.yaml", yaml), ("a.ko.md", KO)]);
    assert_eq!(records, vec![record("a", Some("a.yaml"), &[])]);
    assert_eq!(codes, ["E-duplicate-id"]);
}

#[test]
fn a_translation_without_its_source_is_an_orphan_unless_the_source_is_unreadable() {
    let (records, codes) = pairing(&[("a.ko.md", KO)]);
    assert_eq!(records, vec![record("a", None, &[])]);
    assert_eq!(codes, ["E-orphan-translation"]);
    let broken = "---\ntitle: [unclosed\n---\n";
    let (records, codes) = pairing(&[("a.zh.md", broken), ("a.ko.md", KO)]);
    assert_eq!(records, vec![record("a", None, &[])]);
    assert!(
        codes.is_empty(),
        "loading reports the unreadable source: {codes:?}"
    );
}
