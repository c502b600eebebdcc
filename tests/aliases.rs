//! Moved pages keep working (issue 17): a record's `aliases:` become redirect pages and the
//! server redirect maps, a build that no longer has an address the last build published warns
//! `W-url-gone` with the `aliases:` line to add, and aliases that cannot work are refused at
//! their place.

mod common;

use common::*;

const RECORD: &str = "content/projects/hongxin.zh.md";

#[test]
fn aliases_become_redirect_pages_in_the_records_language_and_redirect_maps() {
    let site = Site::base();
    site.edit(
        RECORD,
        "date: 2022-03-15\n",
        "date: 2022-03-15\naliases:\n  - /projects/old-hongxin/\n  - /ko/projects/old-hongxin\n  \
         - https://example.org/showcase/news/12.html?from=timeline#top\n",
    );
    site.build(&["--base-url", "https://example.org/showcase/"])
        .assert_ok();
    let out = site.output();

    let zh = read(&out.join("projects/old-hongxin/index.html"));
    assert!(zh.contains(r#"<html lang="zh-Hans">"#), "{zh}");
    assert!(
        zh.contains(r#"<meta http-equiv="refresh" content="0; url=/showcase/projects/hongxin/">"#)
    );
    assert!(zh.contains(
        r#"<link rel="canonical" href="https://example.org/showcase/projects/hongxin/">"#
    ));
    assert!(zh.contains(r#"<meta name="robots" content="noindex">"#));
    assert!(zh.contains("此页面已迁移至") && zh.contains("红心物业"));
    // The same old address in the other language is its counterpart.
    assert!(zh.contains(
        r#"<link rel="alternate" hreflang="ko" href="https://example.org/showcase/ko/projects/old-hongxin/">"#
    ));
    assert!(zh.contains(r#"<meta http-equiv="Content-Security-Policy""#));

    let ko = read(&out.join("ko/projects/old-hongxin/index.html"));
    assert!(ko.contains(r#"<html lang="ko">"#), "{ko}");
    assert!(ko.contains("url=/showcase/ko/projects/hongxin/"));
    assert!(ko.contains("옮겨졌습니다"));

    // A pasted address of an old page file: its query and fragment are dropped.
    let file = read(&out.join("news/12.html"));
    assert!(file.contains("url=/showcase/projects/hongxin/"));

    let map = read(&out.join("redirects.nginx"));
    for line in [
        "\"/showcase/projects/old-hongxin/\" \"/showcase/projects/hongxin/\";",
        "\"/showcase/projects/old-hongxin\" \"/showcase/projects/hongxin/\";",
        "\"/showcase/ko/projects/old-hongxin/\" \"/showcase/ko/projects/hongxin/\";",
        "\"/showcase/news/12.html\" \"/showcase/projects/hongxin/\";",
    ] {
        assert!(map.lines().any(|l| l == line), "{line} not in\n{map}");
    }
    let redirects = read(&out.join("_redirects"));
    assert!(
        redirects
            .lines()
            .any(|l| l == "/showcase/projects/old-hongxin/ /showcase/projects/hongxin/ 301"),
        "{redirects}"
    );
    // The record's own pages are still there.
    assert!(out.join("projects/hongxin/index.html").is_file());
}

#[test]
fn a_site_without_aliases_still_has_both_redirect_files_for_the_server_to_include() {
    let site = Site::base();
    site.build(&[]).assert_ok();
    assert!(read(&site.output().join("redirects.nginx")).starts_with('#'));
    assert!(site.output().join("_redirects").is_file());
}

#[test]
fn a_renamed_slug_warns_that_its_addresses_are_gone_with_the_aliases_line_that_keeps_them() {
    let site = Site::base();
    site.build(&[]).assert_ok();
    site.edit(
        RECORD,
        "date: 2022-03-15\n",
        "date: 2022-03-15\nslug: red-heart\n",
    );
    let run = site.build(&[]);
    run.assert_ok()
        .assert_stderr_has("warning[W-url-gone]")
        .assert_stderr_has(RECORD)
        .assert_stderr_has("/projects/red-heart/")
        .assert_stderr_has("aliases: [/ko/projects/hongxin/, /projects/hongxin/]");

    // The same in Chinese.
    site.edit(RECORD, "slug: red-heart\n", "slug: red-heart-2\n");
    site.build_with_env(&[], &[("LANG", "zh_CN.UTF-8")])
        .assert_ok()
        .assert_stderr_has("警告[W-url-gone]")
        .assert_stderr_has("已不存在")
        .assert_stderr_has("aliases: [/ko/projects/red-heart/, /projects/red-heart/]");

    // With the line added, the old addresses are redirects and nothing is gone.
    site.edit(
        RECORD,
        "slug: red-heart-2\n",
        "slug: red-heart-2\naliases: [/ko/projects/red-heart/, /projects/red-heart/]\n",
    );
    site.build(&[])
        .assert_ok()
        .assert_stderr_lacks("W-url-gone");
    assert!(read(&site.output().join("projects/red-heart/index.html")).contains("red-heart-2"));
    // A build that changes nothing warns about nothing.
    site.build(&[])
        .assert_ok()
        .assert_stderr_lacks("W-url-gone");
}

#[test]
fn a_record_no_longer_published_says_which_addresses_went_with_it() {
    let site = Site::base();
    site.build(&[]).assert_ok();
    std::fs::remove_file(site.path("content/cases/liyuan.ko.md")).unwrap();
    std::fs::remove_file(site.path("content/cases/liyuan.zh.md")).unwrap();
    site.edit(RECORD, "参见[梨园村](@/cases/liyuan.md)。", "");
    site.build(&[])
        .assert_ok()
        .assert_stderr_has("warning[W-url-gone]")
        .assert_stderr_has("cases/liyuan is no longer published")
        .assert_stderr_has("aliases: [/cases/liyuan/, /ko/cases/liyuan/]");
}

#[test]
fn aliases_that_cannot_work_are_refused_at_their_place_and_nothing_is_published() {
    let site = Site::base();
    site.edit(
        RECORD,
        "date: 2022-03-15\n",
        "date: 2022-03-15\naliases:\n  - old-page\n  - https://weixin.qq.com/s/abc\n  \
         - /files/report.pdf\n  - /cases/liyuan/\n  - /regions/yanji/\n  - /a b/\n",
    );
    site.build(&["--base-url", "https://example.org/"])
        .assert_code(1)
        .assert_stderr_has("error[E-bad-alias]")
        .assert_stderr_has("content/projects/hongxin.zh.md:5:5")
        .assert_stderr_has("`old-page` is not an address of a page")
        .assert_stderr_has("another site (weixin.qq.com)")
        .assert_stderr_has("the address of a file, not of a page")
        .assert_stderr_has("error[E-alias-taken]")
        .assert_stderr_has("the address of the page of record cases/liyuan")
        .assert_stderr_has("the site's own list, term, year, search or booklet pages")
        .assert_stderr_has("holds ' ', which");
    assert!(!site.output().exists());
}

#[test]
fn a_pasted_address_on_a_site_without_a_host_is_taken_as_a_path_with_a_warning() {
    // The fixture's base_url is `/`: it cannot tell this site's host from a chat's link.
    let site = Site::base();
    site.edit(
        RECORD,
        "date: 2022-03-15\n",
        "date: 2022-03-15\naliases: [\"https://mp.weixin.qq.com/s/abc\"]\n",
    );
    site.check(&["--strict"])
        .assert_code(1)
        .assert_stderr_has("warning[W-alias-host]")
        .assert_stderr_has("content/projects/hongxin.zh.md:4:11")
        .assert_stderr_has("is taken as the address /s/abc/ of this site")
        .assert_stderr_has("set `base_url` in site.yaml");
    site.build(&[]).assert_ok();
    assert!(site.output().join("s/abc/index.html").is_file());
}
