//! The printed compilation in volumes (issue 18): a site with more records than
//! `booklet.max_records` gets one page per volume, and `/booklet/` lists them; a small site
//! keeps one volume at `/booklet/`; bad settings are refused at their place.

mod common;

use std::collections::BTreeMap;

use common::*;

/// The records each booklet page of `lang_root` (`""` or `"ko/"`) holds: page → record ids.
fn entries(out: &std::path::Path, lang_root: &str) -> BTreeMap<String, Vec<String>> {
    files(out)
        .into_iter()
        .filter(|f| f.starts_with(&format!("{lang_root}booklet/")) && f.ends_with("index.html"))
        .filter_map(|f| {
            let html = read(&out.join(&f));
            let ids: Vec<String> = tags(&html, "article")
                .iter()
                .filter(|tag| tag.has_class("booklet-record"))
                .filter_map(|tag| tag.attr("id").map(str::to_string))
                .collect();
            (!ids.is_empty()).then_some((f, ids))
        })
        .collect()
}

#[test]
fn a_large_site_is_divided_into_volumes_of_years_listed_at_booklet() {
    let site = Site::sample();
    let whole = {
        site.build(&[]).assert_ok();
        entries(&site.output(), "")
    };
    assert_eq!(whole.keys().collect::<Vec<_>>(), ["booklet/index.html"]);
    let records = &whole["booklet/index.html"];

    let yaml = read(&site.path("site.yaml"));
    site.write("site.yaml", format!("{yaml}booklet: {{max_records: 10}}\n"));
    site.build(&[]).assert_ok();
    let out = site.output();
    for (lang_root, lang) in [("", "zh"), ("ko/", "ko")] {
        let volumes = entries(&out, lang_root);
        assert!(volumes.len() > 1, "{volumes:?}");
        // Every record is in exactly one volume, and no volume is over the limit.
        let mut all: Vec<&String> = volumes.values().flatten().collect();
        assert!(volumes.values().all(|ids| ids.len() <= 10), "{volumes:?}");
        all.sort();
        let mut expected: Vec<&String> = records.iter().collect();
        expected.sort();
        assert_eq!(all, expected, "{lang}");

        // The list links to each volume, newest first, with its title and record count.
        let list = read(&out.join(format!("{lang_root}booklet/index.html")));
        let links: Vec<String> = links_within(&list, "ol", |tag| tag.has_class("volume-list"))
            .iter()
            .filter(|tag| tag.has_class("volume-link"))
            .filter_map(|tag| tag.attr("href").map(str::to_string))
            .collect();
        let pages: Vec<String> = volumes
            .keys()
            .rev()
            .map(|f| format!("/{}", f.trim_end_matches("index.html")))
            .collect();
        assert_eq!(links, pages, "{lang}: {list}");
        let year_n = ui_string(lang, "year_n");
        assert!(list.contains(&year_n.replace("{n}", "2021")), "{list}");

        // A volume page is its own compilation: cover, table of contents, chapters, and the
        // way back to the list.
        let (page, ids) = volumes.iter().next().unwrap();
        let html = read(&out.join(page));
        assert!(html.contains("class=\"booklet-toc\""));
        let toc = links_within(&html, "nav", |tag| tag.has_class("booklet-toc"));
        assert_eq!(toc.len() - count_chapters(&html), ids.len(), "{page}");
        assert!(html.contains(&format!("href=\"/{lang_root}booklet/\"")));
        assert!(!html.contains(".pdf"), "no PDF unless booklet.pdf is set");
    }
    // A volume's counterpart is the same volume in the other language.
    let zh = read(&out.join("booklet/2021/index.html"));
    assert!(
        hreflang_links(&zh)
            .iter()
            .any(|(lang, url)| lang == "ko" && url.ends_with("/ko/booklet/2021/")),
        "{:?}",
        hreflang_links(&zh)
    );
}

/// The chapters a booklet page's table of contents links to.
fn count_chapters(html: &str) -> usize {
    tags(html, "a")
        .iter()
        .filter(|tag| tag.has_class("toc-chapter"))
        .count()
}

#[test]
fn by_collection_each_collection_is_a_volume() {
    let site = Site::sample();
    let yaml = read(&site.path("site.yaml"));
    site.write(
        "site.yaml",
        format!("{yaml}booklet:\n  max_records: 12\n  by: collection\n  pdf: true\n"),
    );
    site.build(&[]).assert_ok();
    let out = site.output();
    let volumes = entries(&out, "");
    let keys: Vec<&str> = volumes
        .keys()
        .map(|f| {
            f.trim_start_matches("booklet/")
                .trim_end_matches("/index.html")
        })
        .collect();
    assert!(keys.contains(&"brands"), "{keys:?}");
    for (page, ids) in &volumes {
        let collection = ids[0].split('-').next().unwrap();
        assert!(
            ids.iter()
                .all(|id| id.starts_with(&format!("{collection}-"))),
            "{page} holds one collection: {ids:?}"
        );
    }
    // With `pdf: true` each volume links its PDF beside the pages.
    let list = read(&out.join("booklet/index.html"));
    assert!(list.contains("href=\"/booklet/brands.pdf\""), "{list}");
}

#[test]
fn bad_booklet_settings_are_errors_at_their_value() {
    let site = Site::base();
    let yaml = read(&site.path("site.yaml"));
    site.write(
        "site.yaml",
        format!("{yaml}booklet:\n  by: month\n  max_records: 0\n"),
    );
    let run = site.check(&[]);
    run.assert_code(1)
        .assert_stderr_has("`by` must be `year` or `collection`")
        .assert_stderr_has("`max_records` must be a whole number from 1 to 2000");
    let lines = yaml.lines().count();
    run.assert_stderr_has(&format!("site.yaml:{}:7", lines + 2))
        .assert_stderr_has(&format!("site.yaml:{}:16", lines + 3));
}
