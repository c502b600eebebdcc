//! The URL policy end to end (issue 14): the real binary refuses script URLs and resources from
//! other sites wherever content writes them, `build` then publishes nothing, `unsafe_html: true`
//! lets raw elements through but never a script URL, and `allowed_hosts:` lets an intranet
//! picture server's pictures into the pages. Which forms are caught at which place is in the
//! fixtures' `expected.txt` (tests/check.rs); here is what a build does with them.

mod common;

use common::*;

#[test]
fn a_script_link_stops_the_build_and_nothing_is_published() {
    let site = Site::with(&["urls/script-links"]);
    site.build(&[])
        .assert_code(1)
        .assert_stderr_has("error[E-unsafe-url]")
        .assert_stderr_has("content/cases/lianjie.zh.md:7:2")
        .assert_stderr_has("would run a program");
    assert!(!site.output().exists(), "a failed build writes no output");
}

#[test]
fn the_report_is_in_the_users_words_in_chinese_too() {
    let site = Site::with(&["urls/external-resources"]);
    let run = site.check(&["--lang", "zh"]);
    run.assert_code(1)
        .assert_stderr_has("错误[E-external-resource]")
        .assert_stderr_has("要从别的网站（cdn.example.com）加载")
        .assert_stderr_has("allowed_hosts:");
}

#[test]
fn unsafe_html_lets_elements_through_but_never_a_script_url() {
    let site = Site::base();
    site.edit(
        "site.yaml",
        "theme: default\n",
        "theme: default\nunsafe_html: true\n",
    );
    site.write(
        "content/cases/liyuan.zh.md",
        "---\ntitle: 梨园村\ndate: 2021-05-01\nregion: dongyuan\n---\n\n<details><summary>展开</summary>\n<a href=\"&#x6A;avascript:alert(1)\">点</a>\n</details>\n",
    );
    site.build(&[])
        .assert_code(1)
        .assert_stderr_has("E-unsafe-url")
        .assert_stderr_has("content/cases/liyuan.zh.md:8:4");

    // The same element with a safe link is published as written.
    site.edit(
        "content/cases/liyuan.zh.md",
        "&#x6A;avascript:alert(1)",
        "https://www.gov.cn/",
    );
    site.build(&[]).assert_ok();
    let page = read(&site.output().join("cases/liyuan/index.html"));
    assert!(page.contains("<details><summary>展开</summary>"), "{page}");
    assert!(page.contains("href=\"https://www.gov.cn/\""), "{page}");
}

#[test]
fn pictures_from_an_allowed_host_are_published_and_no_other_outside_url_is() {
    let site = Site::with(&["urls/allowed-hosts"]);
    site.check(&[]).assert_code(1);
    site.edit(
        "content/projects/neiwang/index.zh.md",
        "https://media.intranet.example/b.jpg",
        "local.svg",
    );
    site.edit(
        "content/projects/neiwang/index.zh.md",
        "![图](https://assets.intranet.example.evil.example/c.png)",
        "",
    );
    site.build(&["--base-url", "https://example.org/showcase/"])
        .assert_ok();
    let page = read(&site.output().join("projects/neiwang/index.html"));
    for url in [
        "https://assets.intranet.example/covers/neiwang.jpg",
        "https://media.intranet.example:8443/a.jpg",
        "//ASSETS.intranet.example/b.png",
    ] {
        assert!(page.contains(&format!("src=\"{url}\"")), "{url} in {page}");
    }
    // The page's Content-Security-Policy lets the browser load them, and nothing else outside.
    assert!(
        page.contains("img-src 'self' assets.intranet.example:* media.intranet.example:8443;"),
        "CSP in {page}"
    );
    // The share card names only a JPEG the build made (issue 15): a picture on another host
    // may be any size or format, so the page has none.
    assert!(!page.contains("og:image"), "og:image in {page}");
    // No page of the site names any other host in a src.
    for file in html_files(&site.output()) {
        let html = read(&site.output().join(&file));
        for tag in all_tags(&html) {
            if let Some(src) = tag.attr("src") {
                let outside = src.contains("//");
                assert!(
                    !outside || src.to_ascii_lowercase().contains("intranet.example"),
                    "{file}: {src}"
                );
            }
        }
    }
}

#[test]
fn allowed_links_are_published_as_written() {
    let site = Site::with(&["urls/front-matter"]);
    for file in ["qianjin.zh.md", "lianhe.yaml"] {
        std::fs::remove_file(site.path(&format!("content/projects/{file}"))).unwrap();
    }
    site.build(&[]).assert_ok();
    let page = read(&site.output().join("projects/zhengchang/index.html"));
    for href in [
        "https://www.yanbian.gov.cn/",
        "http://www.people.com.cn/",
        "mailto:dangjian@example.org",
        "tel:0433-1234567",
    ] {
        assert!(
            page.contains(&format!("href=\"{href}\"")),
            "{href} in {page}"
        );
    }
}
