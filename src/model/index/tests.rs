//! Each query of the index on a small site written to a temporary folder and loaded for real,
//! and the related records of the sample site against an exact ranking.

use std::path::Path;
use std::sync::Arc;

use super::{Index, RELATED, similar_records};
use crate::model::{Presence, Site};
use crate::pipeline::{BuildOptions, load};

/// Two collections and a taxonomy whose names are nothing the index could know.
const SITE: &str = "\
title: {zh: 测试, ko: 시험}
base_url: /
languages:
  - {code: zh, tag: zh-Hans, name: 中文}
  - {code: ko, tag: ko, name: 조선어}
missing_translation: MISSING
taxonomies:
  topics: {name: {zh: 主题, ko: 주제}, terms: data/topics.yaml}
collections:
  projects:
    name: {zh: 示范项目, ko: 시범사업}
    sort: date desc
  cases:
    name: {zh: 典型案例, ko: 전형사례}
    sort: date desc
";

const TOPICS: &str = "a: {zh: 甲, ko: 갑}\nb: {zh: 乙, ko: 을}\nc: {zh: 丙, ko: 병}\n";

/// `(file, date, topics, related, translated into Korean)`. p3 and p5 have no Korean file;
/// p4 names c1 twice and p3, which has no Korean text.
const RECORDS: &[(&str, &str, &str, &str, bool)] = &[
    ("projects/p1", "2019-03-01", "[a]", "[]", true),
    ("projects/p2", "2020-01-01", "[a, b]", "[]", true),
    ("projects/p3", "2020-06-01", "[a]", "[]", false),
    (
        "projects/p4",
        "2021-02-01",
        "[a, b]",
        "[cases/c1, projects/p3, c1]",
        true,
    ),
    ("projects/p5", "2022-09-01", "[b]", "[]", false),
    ("cases/c1", "2018-05-01", "[a]", "[]", true),
    ("cases/c2", "2021-07-01", "[]", "[]", true),
];

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The small site with `missing_translation` set to `missing`.
fn small_site(missing: &str) -> Site {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "site.yaml", &SITE.replace("MISSING", missing));
    write(root, "content/data/topics.yaml", TOPICS);
    for (file, date, topics, related, korean) in RECORDS {
        let id = file.rsplit('/').next().unwrap();
        write(
            root,
            &format!("content/{file}.zh.md"),
            &format!(
                "---\ntitle: 项目{id}\ndate: {date}\ntopics: {topics}\nrelated: {related}\n\
                 summary: 摘要{id}\n---\n\n正文{id}。\n"
            ),
        );
        if *korean {
            write(
                root,
                &format!("content/{file}.ko.md"),
                &format!("---\ntitle: 사업{id}\nsummary: 요약{id}\n---\n\n본문{id}.\n"),
            );
        }
    }
    let options = BuildOptions {
        root: root.to_path_buf(),
        ..BuildOptions::default()
    };
    let (site, diagnostics) = load(&options).expect("the site loads");
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");
    site
}

/// The position of record `reference` (`collection/id`).
fn at(site: &Site, reference: &str) -> usize {
    site.find(reference)
        .unwrap_or_else(|| panic!("{reference} is in the site"))
}

/// The ids of `records`, for readable comparisons.
fn ids(site: &Site, records: &[usize]) -> Vec<String> {
    records
        .iter()
        .map(|&i| site.records[i].id.clone())
        .collect()
}

fn id(site: &Site, record: Option<usize>) -> Option<String> {
    record.map(|i| site.records[i].id.clone())
}

fn term(site: &Site, id: &str) -> usize {
    site.taxonomies[0]
        .terms
        .iter()
        .position(|t| t.id == id)
        .unwrap()
}

#[test]
fn collections_show_in_site_order_what_each_language_has() {
    let site = small_site("omit");
    let index = Index::new(&site);
    assert_eq!(
        ids(&site, index.collection(0, "zh")),
        ["p5", "p4", "p3", "p2", "p1"]
    );
    assert_eq!(ids(&site, index.collection(0, "ko")), ["p4", "p2", "p1"]);
    assert_eq!(ids(&site, index.collection(1, "ko")), ["c2", "c1"]);
    assert!(index.collection(0, "en").is_empty());
    assert!(index.collection(2, "zh").is_empty());
    assert_eq!(index.collection_of(at(&site, "projects/p3")), 0);
    assert_eq!(index.collection_of(at(&site, "cases/c1")), 1);
}

#[test]
fn terms_show_what_each_language_has() {
    let site = small_site("omit");
    let index = Index::new(&site);
    let (a, b, c) = (term(&site, "a"), term(&site, "b"), term(&site, "c"));
    assert_eq!(
        ids(&site, index.term(0, a, "zh")),
        ["p4", "p3", "p2", "p1", "c1"]
    );
    assert_eq!(ids(&site, index.term(0, a, "ko")), ["p4", "p2", "p1", "c1"]);
    assert_eq!(ids(&site, index.term(0, b, "ko")), ["p4", "p2"]);
    assert!(index.term(0, c, "zh").is_empty());
    assert!(index.term(1, a, "zh").is_empty());
}

#[test]
fn years_are_per_language_newest_first() {
    let site = small_site("omit");
    let index = Index::new(&site);
    let years = |lang| -> Vec<(i16, Vec<String>)> {
        index
            .years(lang)
            .iter()
            .map(|(year, records)| (*year, ids(&site, records)))
            .collect()
    };
    let list = |ids: &[&str]| ids.iter().map(|id| id.to_string()).collect::<Vec<_>>();
    assert_eq!(
        years("zh"),
        [
            (2018, list(&["c1"])),
            (2019, list(&["p1"])),
            (2020, list(&["p3", "p2"])),
            (2021, list(&["c2", "p4"])),
            (2022, list(&["p5"])),
        ]
    );
    // p3 and p5 are in no Korean year, and 2022 has no Korean record at all.
    assert_eq!(
        years("ko"),
        [
            (2018, list(&["c1"])),
            (2019, list(&["p1"])),
            (2020, list(&["p2"])),
            (2021, list(&["c2", "p4"])),
        ]
    );
    assert!(index.year("ko", 2022).is_empty());
    assert_eq!(ids(&site, index.year("zh", 2020)), ["p3", "p2"]);
    assert!(index.years("en").is_empty());
    // The footer's year is the newest record's, whatever the language.
    assert_eq!(index.latest_year(), 2022);

    // With fallbacks every record is shown in every language.
    let site = small_site("fallback");
    let index = Index::new(&site);
    assert_eq!(ids(&site, index.year("ko", 2022)), ["p5"]);
    assert_eq!(ids(&site, index.year("ko", 2020)), ["p3", "p2"]);
}

#[test]
fn related_records_name_first_then_share_terms() {
    let site = small_site("omit");
    let index = Index::new(&site);
    let p4 = at(&site, "projects/p4");
    // Named (c1 twice, p3), then p2 (two topics shared), then one topic shared, nearest in
    // date first: p3 (named already), p5, p1, c1 (named already).
    assert_eq!(
        ids(&site, index.related(p4, "zh")),
        ["c1", "p3", "p2", "p5", "p1"]
    );
    // p3 and p5 are not in Korean.
    assert_eq!(ids(&site, index.related(p4, "ko")), ["c1", "p2", "p1"]);
    // A record not shown in a language has no related records there.
    assert!(index.related(at(&site, "projects/p3"), "ko").is_empty());
    assert!(index.related(p4, "en").is_empty());
    // A record without terms has none but those it names.
    assert!(index.related(at(&site, "cases/c2"), "zh").is_empty());
}

#[test]
fn similar_records_are_kept_while_no_date_or_term_changes() {
    let mut site = small_site("omit");
    let first = Index::new(&site);
    let p4 = at(&site, "projects/p4");
    // A title does not change them: the next index takes them as they are.
    site.records[p4].title.set("zh", "新标题".to_string());
    let kept = Index::keeping(&site, Some(first.similar()));
    assert!(Arc::ptr_eq(&kept.similar().lists, &first.similar().lists));
    assert_eq!(kept.related(p4, "zh"), first.related(p4, "zh"));
    // A date or a term does: they are found again, and found as from nothing.
    let p1 = at(&site, "projects/p1");
    for change in [0, 1] {
        let mut changed = small_site("omit");
        match change {
            0 => changed.records[p1].date = "2021-02-02".parse().unwrap(),
            _ => changed.records[p1].terms.clear(),
        }
        let kept = Index::keeping(&changed, Some(first.similar()));
        assert!(!Arc::ptr_eq(&kept.similar().lists, &first.similar().lists));
        assert_eq!(kept.similar().lists, Index::new(&changed).similar().lists);
    }
}

#[test]
fn a_record_named_twice_as_related_is_shown_once() {
    // p4 names c1 twice: the record page showed its card twice.
    let site = small_site("omit");
    let index = Index::new(&site);
    let c1 = at(&site, "cases/c1");
    for lang in ["zh", "ko"] {
        let related = index.related(at(&site, "projects/p4"), lang);
        assert_eq!(related.iter().filter(|&&r| r == c1).count(), 1, "{lang}");
    }
}

#[test]
fn neighbours_stop_at_the_ends_of_the_list() {
    let site = small_site("omit");
    let index = Index::new(&site);
    let neighbours = |reference, lang| {
        let (prev, next) = index.neighbours(at(&site, reference), lang);
        (id(&site, prev), id(&site, next))
    };
    let some = |id: &str| Some(id.to_string());
    assert_eq!(neighbours("projects/p5", "zh"), (None, some("p4")));
    assert_eq!(neighbours("projects/p3", "zh"), (some("p4"), some("p2")));
    assert_eq!(neighbours("projects/p1", "zh"), (some("p2"), None));
    // In Korean, p3 and p5 are skipped.
    assert_eq!(neighbours("projects/p4", "ko"), (None, some("p2")));
    assert_eq!(neighbours("projects/p2", "ko"), (some("p4"), some("p1")));
    assert_eq!(neighbours("projects/p3", "ko"), (None, None));
    // Lists are per collection.
    assert_eq!(neighbours("cases/c2", "zh"), (None, some("c1")));
    assert_eq!(neighbours("cases/c1", "ko"), (some("c2"), None));
}

#[test]
fn translations_say_which_languages_are_written_and_which_fall_back() {
    let languages = |site: &Site, index: &Index, reference| -> Vec<(String, Presence)> {
        index
            .translations(at(site, reference))
            .map(|(lang, presence)| (lang.to_string(), presence))
            .collect()
    };
    let site = small_site("omit");
    let index = Index::new(&site);
    let both = vec![
        ("zh".to_string(), Presence::Translated),
        ("ko".to_string(), Presence::Translated),
    ];
    assert_eq!(languages(&site, &index, "projects/p4"), both);
    assert_eq!(
        languages(&site, &index, "projects/p3"),
        [("zh".to_string(), Presence::Translated)]
    );
    let site = small_site("fallback");
    let index = Index::new(&site);
    assert_eq!(languages(&site, &index, "projects/p4"), both);
    assert_eq!(
        languages(&site, &index, "projects/p3"),
        [
            ("zh".to_string(), Presence::Translated),
            ("ko".to_string(), Presence::Fallback),
        ]
    );
}

/// The sample site, as `showcase build` loads it.
fn sample_site() -> Site {
    let options = BuildOptions {
        root: env!("CARGO_MANIFEST_DIR").into(),
        ..BuildOptions::default()
    };
    load(&options).expect("the sample site loads").0
}

/// How many terms records `a` and `b` share.
fn shared(site: &Site, a: usize, b: usize) -> usize {
    let (a, b) = (&site.records[a], &site.records[b]);
    a.terms
        .iter()
        .map(|(key, terms)| {
            b.terms.get(key).map_or(0, |theirs| {
                terms.iter().filter(|t| theirs.contains(t)).count()
            })
        })
        .sum()
}

#[test]
fn similar_records_match_an_exact_ranking_on_a_small_site() {
    // The sample site: with a window wider than any of its terms, the result must be exact.
    let site = sample_site();
    let limit = site.records.len();
    let similar = similar_records(&site, limit);
    let mut checked = 0;
    for (index, found) in similar.iter().enumerate() {
        let date = site.records[index].date;
        let mut exact: Vec<usize> = (0..site.records.len())
            .filter(|&other| other != index && shared(&site, index, other) > 0)
            .collect();
        exact.sort_by_key(|&other| {
            let apart = (site.records[other].date - date).get_days().unsigned_abs();
            (std::cmp::Reverse(shared(&site, index, other)), apart, other)
        });
        exact.truncate(limit);
        assert_eq!(found, &exact, "record {}", site.records[index].id);
        checked += usize::from(!found.is_empty());
    }
    assert!(checked > 10, "the sample has records sharing terms");
}

#[test]
fn related_records_of_the_sample_are_named_first_shown_and_distinct() {
    let site = sample_site();
    let index = Index::new(&site);
    let mut named_seen = 0;
    for (i, record) in site.records.iter().enumerate() {
        for (lang, _) in index.translations(i) {
            let related = index.related(i, lang);
            assert!(related.len() <= RELATED, "{}", record.id);
            let mut distinct = related.to_vec();
            distinct.sort_unstable();
            distinct.dedup();
            assert_eq!(
                distinct.len(),
                related.len(),
                "{}: no duplicates",
                record.id
            );
            assert!(!related.contains(&i), "{}: not itself", record.id);
            assert!(related.iter().all(|&r| site.records[r].is_in(lang)));
            let mut named: Vec<usize> = Vec::new();
            for &r in &record.related {
                if site.records[r].is_in(lang) && !named.contains(&r) {
                    named.push(r);
                }
            }
            named.truncate(RELATED);
            assert_eq!(related[..named.len()], named, "{}: named first", record.id);
            assert!(
                related[named.len()..]
                    .iter()
                    .all(|&r| shared(&site, i, r) > 0),
                "{}: then records sharing terms",
                record.id
            );
            named_seen += named.len();
        }
    }
    assert!(named_seen > 10, "the sample names related records");
}
