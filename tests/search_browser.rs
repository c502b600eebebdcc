//! Search in a real browser (issue 6): the sample site is built, served by a small HTTP server
//! on 127.0.0.1 (`common::browser`, on a free port), and Debian's headless Chromium loads the search
//! page with `?q=`, which searches on load; the DOM it dumps must show the results, with the
//! query marked, in both languages, also under a subpath. `.ci/run` installs Chromium; without
//! it this test fails, unless SHOWCASE_SKIP_BROWSER=1 is set (for a machine without a browser).

mod common;

use std::path::Path;

use common::browser::{StaticServer, chromium, dump_dom, encode_query};
use common::*;

/// The value of attribute `name` on the search root (`<div class="search" …>`).
fn search_attribute(dom: &str, name: &str) -> Option<String> {
    let root = tags(dom, "div")
        .into_iter()
        .find(|t| t.attr("id") == Some("search"))?;
    root.attr(name).map(str::to_string)
}

/// Searches `query` on the search page at `page` and returns the dumped DOM, after checking
/// that the search ran and found `min_results` or more.
fn search(chromium: &Path, origin: &str, page: &str, query: &str, min_results: usize) -> String {
    let url = format!("{origin}{page}?q={}", encode_query(query));
    let dom = dump_dom(chromium, &url);
    assert_eq!(
        search_attribute(&dom, "data-query").as_deref(),
        Some(query),
        "the search for {query:?} did not finish on {url}; error: {:?}",
        search_attribute(&dom, "data-error")
    );
    let results: usize = search_attribute(&dom, "data-results")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(
        results >= min_results,
        "{url}: {results} results, expected {min_results} at least"
    );
    let ms = search_attribute(&dom, "data-query-ms").unwrap_or_default();
    let bytes = search_attribute(&dom, "data-bytes").unwrap_or_default();
    eprintln!("{url}: {results} results, {ms} ms, {bytes} bytes fetched");
    dom
}

/// The links of the results, in order.
fn result_urls(dom: &str) -> Vec<String> {
    let marker = "<h3 class=\"search-result-title\"><a href=\"";
    dom.match_indices(marker)
        .map(|(at, _)| {
            let rest = &dom[at + marker.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

#[test]
fn the_search_page_finds_chinese_and_korean_in_a_browser() {
    let Some(chromium) = chromium() else {
        eprintln!("SHOWCASE_SKIP_BROWSER=1: browser test skipped");
        return;
    };
    let site = Site::sample();
    site.build(&[]).assert_ok();
    let origin = StaticServer::start(site.output(), "/").origin;

    let dom = search(&chromium, &origin, "/search/", "延边", 3);
    let urls = result_urls(&dom);
    assert_eq!(urls[0], "/cases/yige-sanzhang/", "{urls:?}");
    assert!(dom.contains("<mark>延边</mark>"), "nothing marked");
    let results = search_attribute(&dom, "data-results").unwrap();
    let status = ui_string("zh", "search_count").replace("{n}", &results);
    assert!(dom.contains(&status), "no {status:?} for screen readers");

    let dom = search(&chromium, &origin, "/ko/search/", "축제", 1);
    assert!(dom.contains("<mark>축제</mark>"), "nothing marked");
    assert!(result_urls(&dom).iter().all(|url| url.starts_with("/ko/")));

    let dom = search(&chromium, &origin, "/ko/search/", "연변조선족자치주", 1);
    assert!(
        dom.contains("<mark>연변조선족자치주</mark>"),
        "the whole word is one mark"
    );

    let dom = search(&chromium, &origin, "/ko/search/", "연변에서", 3);
    assert_eq!(
        result_urls(&dom)[0],
        "/ko/cases/yige-sanzhang/",
        "the record titled with 연변 first"
    );

    // A query nothing contains says so.
    let dom = dump_dom(
        &chromium,
        &format!("{origin}/search/?q={}", encode_query("不存在的词语")),
    );
    let none = ui_string("zh", "search_none").replace("{q}", "不存在的词语");
    assert!(dom.contains(&none), "no 'nothing found' message");
}

#[test]
fn the_search_page_works_under_a_subpath() {
    let Some(chromium) = chromium() else {
        eprintln!("SHOWCASE_SKIP_BROWSER=1: browser test skipped");
        return;
    };
    let site = Site::sample();
    site.build(&["--base-url", "https://example.org/sub/"])
        .assert_ok();
    let origin = StaticServer::start(site.output(), "/sub/").origin;
    let dom = search(&chromium, &origin, "/sub/ko/search/", "연변", 3);
    let urls = result_urls(&dom);
    assert!(
        !urls.is_empty() && urls.iter().all(|url| url.starts_with("/sub/ko/")),
        "{urls:?}"
    );
    assert!(dom.contains("<mark>연변</mark>"));
    // The header box of every page sends its query to this language's search page.
    let home = read(&site.output().join("ko/index.html"));
    let form = tags(&home, "form")
        .into_iter()
        .find(|f| f.attr("role") == Some("search"))
        .expect("a search box in the header");
    assert_eq!(form.attr("action"), Some("/sub/ko/search/"));
}

/// With JavaScript off, the search page says that search needs it, in its own language.
#[test]
fn the_search_page_says_it_needs_javascript() {
    let site = Site::sample();
    site.build(&[]).assert_ok();
    for (lang, page) in [("zh", "search/index.html"), ("ko", "ko/search/index.html")] {
        let html = read(&site.output().join(page));
        let noscript = &html[html.find("<noscript>").expect("a noscript message")..];
        let noscript = &noscript[..noscript.find("</noscript>").unwrap()];
        assert!(
            noscript.contains(&ui_string(lang, "search_noscript")),
            "{lang}: {noscript}"
        );
    }
}
