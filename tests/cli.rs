//! The integration tests: the real `showcase` binary run on fixture sites copied from
//! `tests/fixtures/<feature>/<case>/` (laid over `tests/fixtures/base/`) or on the sample site at
//! the repository root, with assertions on the exit code, the diagnostics on stderr and the files
//! written. Unit tests of single functions live beside the code, not here.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::*;

// --- The sample site (SPEC §1, §4) ------------------------------------------------------------------

#[test]
fn the_sample_site_builds_without_warnings_and_every_record_is_in_both_languages() {
    let site = Site::sample();
    site.build(&[])
        .assert_ok()
        .assert_stderr_has("0 errors, 0 warnings");
    let records = records_on_disk(site.root());
    assert!(
        records.len() >= 10,
        "the sample site has records: {records:?}"
    );
    assert!(
        records.iter().any(|r| r.slug == "li-yuan-cun"),
        "梨园村 is published under its pinyin slug"
    );
    let out = site.output();
    let mut missing = Vec::new();
    for record in &records {
        for prefix in ["", "ko/"] {
            let page = format!("{prefix}{}/{}/index.html", record.collection, record.slug);
            if !out.join(&page).is_file() {
                missing.push(page);
            }
        }
    }
    assert!(missing.is_empty(), "record pages missing: {missing:?}");
}

#[test]
fn every_page_has_the_lang_of_its_language() {
    let site = Site::sample();
    site.build(&[]).assert_ok();
    let out = site.output();
    let pages = html_files(&out);
    assert!(!pages.is_empty());
    for page in pages {
        let expected = if page.starts_with("ko/") {
            "ko"
        } else {
            "zh-Hans"
        };
        let lang = html_lang(&read(&out.join(&page)));
        assert_eq!(lang.as_deref(), Some(expected), "<html lang> of {page}");
    }
}

#[test]
fn hreflang_alternates_are_reciprocal() {
    let site = Site::sample();
    site.build(&[]).assert_ok();
    assert_hreflang_reciprocal(&site.output(), "/");
}

#[test]
fn the_language_switcher_of_a_record_leads_to_the_same_record() {
    let site = Site::sample();
    site.build(&[]).assert_ok();
    let out = site.output();
    for record in records_on_disk(site.root()) {
        let zh = format!("/{}/{}/", record.collection, record.slug);
        let ko = format!("/ko/{}/{}/", record.collection, record.slug);
        for (page, other_tag, other_url) in [(&zh, "ko", &ko), (&ko, "zh-Hans", &zh)] {
            let html = read(&url_file(&out, "/", page).unwrap());
            let switcher = links_within(&html, "nav", |t| t.has_class("lang-switch"));
            let target = switcher
                .iter()
                .find(|a| {
                    a.attr("hreflang") == Some(other_tag) || a.attr("lang") == Some(other_tag)
                })
                .unwrap_or_else(|| {
                    panic!("{page}: no {other_tag} link in the language switcher: {switcher:?}")
                });
            assert_eq!(
                target.attr("href").map(strip_origin),
                Some(other_url.as_str()),
                "{page}: the {other_tag} link of the switcher"
            );
        }
    }
}

#[test]
fn feeds_and_sitemap_are_well_formed_and_the_sitemap_is_complete_and_reciprocal() {
    let site = Site::sample();
    site.build(&[]).assert_ok();
    let out = site.output();
    for feed in ["atom.xml", "ko/atom.xml"] {
        let text = read(&out.join(feed));
        let doc = roxmltree::Document::parse(&text)
            .unwrap_or_else(|err| panic!("{feed} is not XML: {err}"));
        let entries: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("entry"))
            .collect();
        assert!(!entries.is_empty(), "{feed} has entries");
        for entry in entries {
            let link = entry
                .children()
                .find(|n| n.has_tag_name("link"))
                .and_then(|n| n.attribute("href"))
                .expect("an entry has a link");
            let file = url_file(&out, "/", link)
                .unwrap_or_else(|| panic!("{feed}: entry link {link} is not on the site"));
            assert!(file.is_file(), "{feed}: entry link {link} has no page");
        }
    }
    let (locs, alternates) = read_sitemap(&out);
    assert!(locs.len() > 20, "the sitemap lists the pages: {locs:?}");
    assert!(
        !locs.iter().any(|loc| loc.ends_with("/search/")),
        "the search pages are not for search engines: {locs:?}"
    );
    for loc in &locs {
        let file = url_file(&out, "/", loc)
            .unwrap_or_else(|| panic!("sitemap <loc> {loc} is not on the site"));
        assert!(file.is_file(), "sitemap <loc> {loc} has no output file");
    }
    for (loc, alts) in &alternates {
        for (lang, href) in alts {
            let back = alternates.get(href).unwrap_or_else(|| {
                panic!(
                    "{loc}: the {lang} alternate {href} has no <url> with alternates in the sitemap"
                )
            });
            assert!(
                back.iter().any(|(_, h)| h == loc),
                "{loc} lists {href} ({lang}) as an alternate, but {href} does not list {loc}: {back:?}"
            );
        }
    }
}

#[test]
fn every_link_stays_under_the_subpath_of_base_url() {
    let site = Site::sample();
    site.build(&["--base-url", "https://example.org/showcase/"])
        .assert_ok();
    let out = site.output();
    let mut bad = Vec::new();
    let mut checked = 0;
    for page in html_files(&out) {
        for tag in all_tags(&read(&out.join(&page))) {
            for attr in ["href", "src"] {
                let Some(url) = tag.attr(attr) else { continue };
                checked += 1;
                if !url_stays_under_subpath(url) {
                    bad.push(format!("{page}: <{} {attr}=\"{url}\">", tag.name));
                }
            }
        }
    }
    assert!(checked > 100, "links were checked");
    for feed in ["atom.xml", "ko/atom.xml"] {
        for tag in all_tags(&read(&out.join(feed))) {
            if let Some(url) = tag.attr("href").filter(|u| !url_stays_under_subpath(u)) {
                bad.push(format!("{feed}: <{} href=\"{url}\">", tag.name));
            }
        }
    }
    let (locs, alternates) = read_sitemap(&out);
    let hrefs = alternates.values().flatten().map(|(_, h)| h);
    for url in locs.iter().chain(hrefs) {
        if !url.starts_with("https://example.org/showcase/") {
            bad.push(format!("sitemap.xml: {url}"));
        }
    }
    assert!(
        bad.is_empty(),
        "links outside /showcase/:\n{}",
        bad.join("\n")
    );
    // The subpath is really used: pages link to each other under it, and those pages exist.
    let home = read(&out.join("index.html"));
    assert!(
        home.contains("href=\"/showcase/projects/\"")
            || home.contains("href=\"https://example.org/showcase/projects/\""),
        "the home page links the projects under /showcase/"
    );
    assert_hreflang_reciprocal(&out, "/showcase/");
}

/// A URL in a page built for `https://example.org/showcase/` that a browser would resolve inside
/// the site: a path under `/showcase/`, a full URL under it, a fragment or a relative path, a
/// `data:` or `mailto:` URL, or a full URL to another host (written in the content).
fn url_stays_under_subpath(url: &str) -> bool {
    if url.starts_with("//") {
        return false;
    }
    if url.starts_with('/') {
        return url.starts_with("/showcase/");
    }
    if let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        return host != "example.org" || url.starts_with("https://example.org/showcase/");
    }
    true
}

/// `loc` → `[(hreflang, href)]` of its `xhtml:link` alternates.
type Alternates = BTreeMap<String, Vec<(String, String)>>;

/// The sitemap's `<loc>`s in order, and for each `<url>` with `xhtml:link` alternates, its
/// `[(hreflang, href)]`.
fn read_sitemap(out: &Path) -> (Vec<String>, Alternates) {
    let text = read(&out.join("sitemap.xml"));
    let doc = roxmltree::Document::parse(&text)
        .unwrap_or_else(|err| panic!("sitemap.xml is not XML: {err}"));
    let mut locs = Vec::new();
    let mut alternates = BTreeMap::new();
    for url in doc.descendants().filter(|n| n.has_tag_name("url")) {
        let loc = url
            .children()
            .find(|n| n.has_tag_name("loc"))
            .and_then(|n| n.text())
            .expect("every <url> has a <loc>")
            .trim()
            .to_string();
        let alts: Vec<(String, String)> = url
            .children()
            .filter(|n| {
                n.tag_name().name() == "link"
                    && n.tag_name().namespace() == Some("http://www.w3.org/1999/xhtml")
            })
            .map(|n| {
                (
                    n.attribute("hreflang").unwrap_or_default().to_string(),
                    n.attribute("href").unwrap_or_default().to_string(),
                )
            })
            .collect();
        if !alts.is_empty() {
            alternates.insert(loc.clone(), alts);
        }
        locs.push(loc);
    }
    (locs, alternates)
}

/// For every page P and every `<link rel=alternate hreflang=X href=U>` on it, the page at U exists
/// and links back to P.
fn assert_hreflang_reciprocal(out: &Path, base_path: &str) {
    let mut checked = 0;
    for page in html_files(out) {
        let url = file_url(base_path, &page);
        for (lang, href) in hreflang_links(&read(&out.join(&page))) {
            let target = url_file(out, base_path, &href).unwrap_or_else(|| {
                panic!("{page}: hreflang {lang} href {href} is not on the site")
            });
            assert!(
                target.is_file(),
                "{page}: hreflang {lang} href {href} has no page"
            );
            let back: Vec<String> = hreflang_links(&read(&target))
                .into_iter()
                .map(|(_, h)| strip_origin(&h).to_string())
                .collect();
            assert!(
                back.contains(&url),
                "{page} ({url}) has hreflang {lang} → {href}, which does not link back: {back:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "pages have hreflang alternates");
}

// --- Translations (SPEC §3.3, §4) ---------------------------------------------------------------

#[test]
fn an_untranslated_record_falls_back_to_chinese_marked_as_such() {
    let site = Site::with(&["translations/zh-only"]);
    site.build(&[]).assert_ok();
    let out = site.output();
    let page = out.join("ko/projects/zh-only/index.html");
    assert!(
        page.is_file(),
        "the untranslated record is in the Korean site"
    );
    let html = read(&page);
    assert_eq!(html_lang(&html).as_deref(), Some("ko"));
    for text in ["只有中文", "只有中文的正文"] {
        let langs = text_langs(&html, text);
        assert!(!langs.is_empty(), "{text:?} is on the page");
        assert!(
            langs.iter().all(|l| l == "zh-Hans"),
            "{text:?} is marked lang=\"zh-Hans\" everywhere on the page: {langs:?}"
        );
    }
    let notice = ui_string("ko", "untranslated_notice");
    assert!(
        html.contains(&notice),
        "the page says it is not yet translated ({notice:?})"
    );
    let list = read(&out.join("ko/projects/index.html"));
    assert!(
        list.contains("href=\"/ko/projects/zh-only/\""),
        "the Korean list links the record"
    );
    assert!(
        text_langs(&list, "只有中文").iter().all(|l| l == "zh-Hans"),
        "its card is marked Chinese"
    );
}

#[test]
fn with_omit_an_untranslated_record_is_left_out_of_the_korean_site() {
    let site = Site::with(&["translations/zh-only"]);
    site.edit(
        "site.yaml",
        "missing_translation: fallback",
        "missing_translation: omit",
    );
    site.build(&[]).assert_ok();
    let out = site.output();
    assert!(
        out.join("projects/zh-only/index.html").is_file(),
        "the Chinese page is there"
    );
    assert!(!out.join("ko/projects/zh-only").exists(), "no Korean page");
    let list = read(&out.join("ko/projects/index.html"));
    assert!(
        !list.contains("zh-only"),
        "the Korean list does not link it"
    );
    let linking = files_containing(&out, "/ko/projects/zh-only/");
    assert!(
        linking.is_empty(),
        "no file links the missing Korean page: {linking:?}"
    );
    assert_hreflang_reciprocal(&out, "/");
}

#[test]
fn a_translation_without_its_default_language_record_is_an_error() {
    let site = Site::with(&["translations/orphan"]);
    let run = site.build(&[]);
    assert_content_error(
        &site,
        &run,
        "E-orphan-translation",
        "content/projects/orphan.ko.md",
        None,
    );
}

// --- Drafts -----------------------------------------------------------------------------------

#[test]
fn drafts_are_published_only_with_the_drafts_flag() {
    let site = Site::with(&["drafts/draft-record"]);
    site.build(&[]).assert_ok();
    let out = site.output();
    for page in ["projects/wip", "ko/projects/wip"] {
        assert!(
            !out.join(page).exists(),
            "{page} is not published without --drafts"
        );
    }
    let mentions = files_containing(&out, "projects/wip/");
    assert!(
        mentions.is_empty(),
        "no page, feed or sitemap links the draft: {mentions:?}"
    );

    site.build(&["--drafts"]).assert_ok();
    for page in ["projects/wip/index.html", "ko/projects/wip/index.html"] {
        assert!(
            out.join(page).is_file(),
            "{page} is published with --drafts"
        );
    }
    assert!(read(&out.join("projects/wip/index.html")).contains("尚未发布的项目"));
}

// --- The output folder (SPEC §5 build) --------------------------------------------------------

#[test]
fn a_foreign_output_folder_is_refused_and_left_untouched() {
    let site = Site::base();
    let foreign = site.outside().join("my-documents");
    std::fs::create_dir_all(foreign.join("sub")).unwrap();
    std::fs::write(foreign.join("report.docx"), b"not a site").unwrap();
    std::fs::write(foreign.join("sub/index.html"), b"<p>mine</p>").unwrap();
    let before = snapshot(&foreign);
    let outside_before = files(site.outside());

    let run = site.build(&["--output", foreign.to_str().unwrap()]);
    run.assert_code(2).assert_stderr_has("my-documents");
    assert_same_files(&before, &snapshot(&foreign), "the foreign folder");
    assert_eq!(
        files(site.outside()),
        outside_before,
        "nothing was written beside it"
    );

    // The same for the site's own `output_dir`.
    site.edit("site.yaml", "output_dir: output", "output_dir: public-html");
    site.write("public-html/notes.txt", "keep me");
    let run = site.build(&[]);
    run.assert_code(2).assert_stderr_has("public-html");
    assert_eq!(files(&site.path("public-html")), ["notes.txt"]);
    assert_eq!(read(&site.path("public-html/notes.txt")), "keep me");
}

#[test]
fn a_failing_build_keeps_the_previous_output() {
    let site = Site::base();
    site.build(&[]).assert_ok();
    let before = snapshot(&site.output());
    assert!(before.contains_key("projects/hongxin/index.html"));
    let site_files_before = files(site.outside());

    site.write(
        "content/projects/broken.zh.md",
        "---\ntitle: 坏记录\ndate: 2022-01-01\nregoin: yanji\n---\n",
    );
    site.edit(
        "content/projects/hongxin.zh.md",
        "title: 红心物业",
        "title: 红心物业（已修改）",
    );
    let run = site.build(&[]);
    run.assert_code(1)
        .assert_stderr_has("content/projects/broken.zh.md");
    assert_same_files(
        &before,
        &snapshot(&site.output()),
        "the output after a failed build",
    );
    let site_files_after: Vec<String> = files(site.outside())
        .into_iter()
        .filter(|f| !f.contains("broken.zh.md"))
        .collect();
    assert_eq!(
        site_files_after, site_files_before,
        "no staging folder or other file is left behind"
    );
}

#[test]
fn two_builds_of_the_same_site_are_byte_identical() {
    let site = Site::sample();
    let a = site.outside().join("out-a");
    let b = site.outside().join("out-b");
    site.build(&["--output", a.to_str().unwrap()]).assert_ok();
    site.build(&["--output", b.to_str().unwrap()]).assert_ok();
    let first = snapshot(&a);
    assert!(first.len() > 50, "the sample site has many files");
    assert_same_files(&first, &snapshot(&b), "two builds");
}

// --- Diagnostics (SPEC §5 check, §6) ---------------------------------------------------------------

/// Asserts a content error: exit code 1, the code and the file in stderr, the line when given
/// (`file:line:`), and no output written.
fn assert_content_error(site: &Site, run: &Run, code: &str, file: &str, line: Option<usize>) {
    run.assert_code(1)
        .assert_stderr_has(&format!("error[{code}]"))
        .assert_stderr_has(file);
    if let Some(line) = line {
        run.assert_stderr_has(&format!("{file}:{line}:"));
    }
    assert!(
        !site.output().exists(),
        "a failed build writes no output:\n{}",
        run.stderr
    );
}

#[test]
fn an_unknown_field_is_reported_at_its_line_with_a_suggestion() {
    let site = Site::with(&["diagnostics/unknown-field"]);
    let run = site.build(&[]);
    assert_content_error(
        &site,
        &run,
        "E-unknown-field",
        "content/projects/x.zh.md",
        Some(4),
    );
    run.assert_stderr_has("content/projects/x.zh.md:4:1")
        .assert_stderr_has("regoin: yanji")
        .assert_stderr_has("help: did you mean `region`?")
        .assert_stderr_has("1 error");
}

#[test]
fn with_lang_zh_the_report_is_in_chinese() {
    let site = Site::with(&["diagnostics/unknown-field"]);
    let run = site.build(&["--lang", "zh"]);
    run.assert_code(1)
        .assert_stderr_has("错误[E-unknown-field]: ")
        .assert_stderr_has("字段 `regoin` 不属于")
        .assert_stderr_has("content/projects/x.zh.md:4:1")
        .assert_stderr_has("提示: 是不是要写 `region`？")
        .assert_stderr_has("生成失败：1 个错误，0 个警告。之前生成的网站保持原样，没有改动。")
        .assert_stderr_lacks("help:")
        .assert_stderr_lacks("did you mean");
}

#[test]
fn a_chinese_locale_gives_chinese_messages_unless_lang_says_otherwise() {
    let site = Site::base();
    let run = site.build_with_env(&[], &[("LANG", "zh_CN.UTF-8")]);
    run.assert_ok()
        .assert_stderr_has("已生成 ")
        .assert_stderr_has("0 个错误，0 个警告")
        .assert_stderr_lacks("Built ");
    let site = Site::with(&["diagnostics/unknown-field"]);
    site.build_with_env(&[], &[("LANG", "zh_CN.UTF-8")])
        .assert_code(1)
        .assert_stderr_has("提示: 是不是要写 `region`？");
    site.build_with_env(&["--lang", "en"], &[("LANG", "zh_CN.UTF-8")])
        .assert_code(1)
        .assert_stderr_has("help: did you mean `region`?")
        .assert_stderr_has("Build failed: 1 error, 0 warnings.");
}

#[test]
fn a_korean_locale_or_lang_ko_gives_korean_messages() {
    let site = Site::with(&["diagnostics/unknown-field"]);
    site.build_with_env(&[], &[("LANG", "ko_CN.UTF-8")])
        .assert_code(1)
        .assert_stderr_has("오유[E-unknown-field]: ")
        .assert_stderr_has("방조: 혹시 `region` 아닙니까?")
        .assert_stderr_has("생성 실패: 오유 1개, 경고 0개. 이전 출력은 그대로 두었습니다.");
    site.build(&["--lang", "ko"])
        .assert_code(1)
        .assert_stderr_has("`regoin` 항목은 `projects` 란에 쓸수 있는 항목이 아닙니다")
        .assert_stderr_lacks("help:");
    site.build_with_env(&["--lang", "en"], &[("LANG", "ko_KR.UTF-8")])
        .assert_code(1)
        .assert_stderr_has("help: did you mean `region`?");
}

#[test]
fn the_help_of_a_subcommand_is_in_the_message_language() {
    let run = run_showcase(repo(), &["--lang", "ko", "build", "--help"]);
    run.assert_ok();
    for text in [
        "싸이트를 출력폴더에 생성합니다",
        "사용법: showcase build [OPTIONS]",
        "선택항:",
        "  --root <ROOT>",
        "싸이트폴더(site.yaml이 있는 폴더) [기본값: .]",
        "방조를 보여줍니다",
    ] {
        assert!(run.stdout.contains(text), "{text:?} in:\n{}", run.stdout);
    }
    assert!(!run.stdout.contains("Usage"), "{}", run.stdout);

    let run = run_showcase_with_env(repo(), &["check", "--help"], &[("LANG", "zh_CN.UTF-8")]);
    run.assert_ok();
    for text in [
        "检查整个网站，不写入任何文件",
        "用法: showcase check",
        "选项:",
        "[默认: text]",
    ] {
        assert!(run.stdout.contains(text), "{text:?} in:\n{}", run.stdout);
    }

    // `--lang` decides over the locale, and the help stays clap's English without either.
    let run = run_showcase_with_env(
        repo(),
        &["new", "--help", "--lang=en"],
        &[("LANG", "ko_CN")],
    );
    run.assert_ok();
    assert!(run.stdout.contains("Usage: showcase new"), "{}", run.stdout);
    let run = run_showcase(repo(), &["--help"]);
    assert!(run.stdout.contains("Commands:\n  build "), "{}", run.stdout);
}

#[test]
fn version_names_the_commit_and_the_target() {
    let run = run_showcase(repo(), &["--version"]);
    run.assert_ok();
    let line = run.stdout.trim();
    let rest = line
        .strip_prefix(concat!("showcase ", env!("CARGO_PKG_VERSION"), " (commit "))
        .unwrap_or_else(|| panic!("{line}"));
    let (commit, target) = rest
        .strip_suffix(')')
        .and_then(|rest| rest.split_once(", "))
        .unwrap_or_else(|| panic!("{line}"));
    assert!(
        commit == "unknown"
            || (commit.len() == 12 && commit.bytes().all(|b| b.is_ascii_hexdigit())),
        "{line}"
    );
    // The tests run the host's binary: its target names this machine's architecture and system.
    assert!(target.starts_with(std::env::consts::ARCH), "{line}");
    assert!(target.contains(std::env::consts::OS), "{line}");
}

#[test]
fn showcase_alone_prints_the_start_guide_in_chinese_and_korean() {
    // As a double-click on Windows runs it: no arguments, no language asked for.
    let run = run_showcase_with_env(repo(), &[], &[("LANG", "C")]);
    run.assert_ok();
    for text in [
        "showcase init 我的网站",
        "showcase serve --root 我的网站 --open",
        "showcase init 나의싸이트",
        "showcase --help --lang ko",
        "showcase init my-site",
    ] {
        assert!(run.stdout.contains(text), "{text:?} in:\n{}", run.stdout);
    }
    // In a Chinese locale, Chinese and Korean only.
    let run = run_showcase_with_env(repo(), &[], &[("LANG", "zh_CN.UTF-8")]);
    run.assert_ok();
    assert!(run.stdout.contains("나의싸이트"), "{}", run.stdout);
    assert!(!run.stdout.contains("my-site"), "{}", run.stdout);
}

#[test]
fn several_errors_are_all_reported_in_one_run() {
    let site = Site::with(&["diagnostics/two-errors"]);
    let run = site.build(&[]);
    run.assert_code(1)
        .assert_stderr_has("content/projects/a.zh.md:4:")
        .assert_stderr_has("content/projects/b.zh.md:4:")
        .assert_stderr_has("error[E-bad-enum]")
        .assert_stderr_has("error[E-unknown-term]")
        .assert_stderr_has("2 errors");
}

#[test]
fn malformed_yaml_in_a_front_matter() {
    let site = Site::with(&["bad-input/malformed-yaml"]);
    let run = site.build(&[]);
    assert_content_error(&site, &run, "E-yaml", "content/projects/x.zh.md", Some(4));
}

#[test]
fn a_binary_file_named_like_a_record() {
    let site = Site::base();
    site.write(
        "content/projects/x.zh.md",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
    );
    let run = site.build(&[]);
    assert_content_error(
        &site,
        &run,
        "E-binary-file",
        "content/projects/x.zh.md",
        None,
    );
}

#[test]
fn a_non_utf8_file() {
    let site = Site::base();
    // 延吉 in GBK on line 2.
    site.write(
        "content/projects/x.zh.md",
        b"---\ntitle: \xd1\xd3\xbc\xaa\ndate: 2022-05-01\n---\n\n\xd5\xfd\xce\xc4\n",
    );
    let run = site.build(&[]);
    run.assert_code(1)
        .assert_stderr_has("content/projects/x.zh.md")
        .assert_stderr_has("UTF-8");
    assert!(
        run.stderr.contains("content/projects/x.zh.md:2:") || run.stderr.contains("line 2"),
        "the line of the first bad byte is named:\n{}",
        run.stderr
    );
    assert!(!site.output().exists());
}

#[test]
fn an_empty_file() {
    let site = Site::base();
    site.write("content/projects/x.zh.md", b"");
    let run = site.build(&[]);
    assert_content_error(
        &site,
        &run,
        "E-empty-file",
        "content/projects/x.zh.md",
        None,
    );
}

#[test]
fn a_front_matter_that_never_closes() {
    let site = Site::with(&["bad-input/unclosed-front-matter"]);
    let run = site.build(&[]);
    assert_content_error(
        &site,
        &run,
        "E-unclosed-front-matter",
        "content/projects/x.zh.md",
        Some(1),
    );
}

#[test]
fn an_image_path_leading_out_of_the_site() {
    let site = Site::with(&["bad-input/parent-path-image"]);
    let run = site.build(&[]);
    assert_content_error(
        &site,
        &run,
        "E-unsafe-path",
        "content/projects/x.zh.md",
        Some(4),
    );
}

#[test]
fn an_absolute_image_path() {
    let site = Site::with(&["bad-input/absolute-path-image"]);
    let run = site.build(&[]);
    assert_content_error(
        &site,
        &run,
        "E-unsafe-path",
        "content/projects/x.zh.md",
        Some(4),
    );
}

#[test]
fn a_picture_path_with_backslashes_is_shown_as_written_with_a_hint_to_use_slashes() {
    // As a Windows user copies it from Explorer's address bar.
    let site = Site::with(&["bad-input/backslash-image-path"]);
    let run = site.build(&[]);
    assert_content_error(
        &site,
        &run,
        "E-unsafe-path",
        "content/projects/x.zh.md",
        Some(4),
    );
    run.assert_stderr_has("the picture path `images\\cover.jpg` is written with `\\`")
        .assert_stderr_has("cover: images\\cover.jpg")
        .assert_stderr_has("help: write `images/cover.jpg`");
    site.check(&["--lang", "zh"])
        .assert_stderr_has("图片路径 `images\\cover.jpg` 用了 `\\`")
        .assert_stderr_has("请写成 `images/cover.jpg`");
}

#[test]
fn a_symlink_leading_outside_the_site() {
    let site = Site::base();
    let secret = site.outside().join("secret.zh.md");
    std::fs::write(
        &secret,
        "---\ntitle: 站外的文件\ndate: 2022-05-01\n---\n\nSECRET-TEXT\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&secret, site.path("content/projects/x.zh.md")).unwrap();
    let run = site.build(&[]);
    assert_content_error(
        &site,
        &run,
        "E-symlink-outside",
        "content/projects/x.zh.md",
        None,
    );
    run.assert_stderr_lacks("SECRET-TEXT");
}

#[test]
fn a_record_id_written_twice() {
    let site = Site::with(&["bad-input/duplicate-id"]);
    let run = site.build(&[]);
    run.assert_code(1)
        .assert_stderr_has("error[E-duplicate-id]")
        .assert_stderr_has("content/projects/a.zh.md")
        .assert_stderr_has("content/projects/a/index.zh.md");
    assert!(!site.output().exists());
}

#[test]
fn a_field_written_twice_is_one_error() {
    // liyuan has a Korean translation and hongxin links to it: neither may add a second message
    // about a record that "does not exist".
    let site = Site::with(&["bad-input/repeated-field"]);
    let run = site.build(&[]);
    assert_content_error(&site, &run, "E-yaml", "content/cases/liyuan.zh.md", Some(5));
    run.assert_stderr_has("`date` is written twice")
        .assert_stderr_has("each field may appear only once")
        .assert_stderr_lacks("DuplicateKeyPolicy")
        .assert_stderr_lacks("E-orphan-translation")
        .assert_stderr_lacks("E-broken-link")
        .assert_stderr_has("1 error,");
}

#[test]
fn a_template_error_in_a_theme_override() {
    let site = Site::with(&["bad-input/template-error"]);
    let run = site.build(&[]);
    run.assert_code(2)
        .assert_stderr_has("themes/default/templates/record.html")
        .assert_stderr_has("record.html:3:");
    assert!(!site.output().exists());
}

#[test]
fn a_card_partial_that_reads_the_page() {
    // Cards are rendered once, before any page: `page` does not exist for them.
    let site = Site::with(&["bad-input/card-reads-the-page"]);
    let run = site.build(&[]);
    run.assert_code(2)
        .assert_stderr_has("partials/card.html")
        .assert_stderr_has("(card)")
        .assert_stderr_has("page");
    assert!(!site.output().exists());
}

#[test]
fn raw_html_in_markdown_is_sanitized_by_default() {
    let site = Site::with(&["html/raw-html"]);
    site.build(&[]).assert_ok();
    let html = read(&site.output().join("projects/raw/index.html"));
    assert!(
        html.contains("链接") && html.contains("区块"),
        "the text around the HTML is kept"
    );
    for unsafe_text in ["<script>alert(", "onclick=", "onmouseover="] {
        assert!(
            !html.contains(unsafe_text),
            "{unsafe_text:?} is removed from the page"
        );
    }
}

#[test]
fn raw_html_is_kept_with_unsafe_html() {
    let site = Site::with(&["html/raw-html"]);
    site.edit(
        "site.yaml",
        "theme: default",
        "theme: default\nunsafe_html: true",
    );
    site.build(&[]).assert_ok();
    let html = read(&site.output().join("projects/raw/index.html"));
    for kept in [
        "<script>alert(\"raw-script\")</script>",
        "onclick=\"steal()\"",
        "onmouseover=\"track()\"",
    ] {
        assert!(html.contains(kept), "{kept:?} is kept as written");
    }
}

#[test]
fn an_impossible_date() {
    let site = Site::with(&["bad-input/impossible-date"]);
    let run = site.build(&[]);
    assert_content_error(
        &site,
        &run,
        "E-bad-date",
        "content/projects/x.zh.md",
        Some(3),
    );
    run.assert_stderr_has("2021-02-30");
}

/// A date that is there but wrong is one problem: the record does not also "have no date".
#[test]
fn an_impossible_date_is_not_also_reported_missing() {
    let site = Site::with(&["bad-input/impossible-date"]);
    let run = site.build(&[]);
    run.assert_code(1)
        .assert_stderr_has("error[E-bad-date]")
        .assert_stderr_lacks("E-missing-field")
        .assert_stderr_has("1 error,");
}

#[test]
fn an_enum_value_not_allowed() {
    let site = Site::with(&["bad-input/bad-enum"]);
    let run = site.build(&[]);
    assert_content_error(
        &site,
        &run,
        "E-bad-enum",
        "content/projects/x.zh.md",
        Some(5),
    );
    run.assert_stderr_has("global");
    let help = run
        .stderr
        .lines()
        .find(|l| l.starts_with("help:"))
        .unwrap_or_else(|| panic!("a hint:\n{}", run.stderr));
    for value in ["national", "provincial", "prefecture", "county"] {
        assert!(help.contains(value), "the hint lists `{value}`: {help}");
    }
}

#[test]
fn an_unknown_region() {
    let site = Site::with(&["bad-input/unknown-term"]);
    let run = site.build(&[]);
    assert_content_error(
        &site,
        &run,
        "E-unknown-term",
        "content/projects/x.zh.md",
        Some(4),
    );
    run.assert_stderr_has("nowhere");
}

#[test]
fn a_broken_record_link() {
    let site = Site::with(&["bad-input/broken-link"]);
    let run = site.build(&[]);
    assert_content_error(
        &site,
        &run,
        "E-broken-link",
        "content/projects/x.zh.md",
        Some(6),
    );
    run.assert_stderr_has("@/cases/nothing.md");
}

// --- Collections (SPEC §2) -------------------------------------------------------------------------

#[test]
fn a_collection_declared_only_in_site_yaml_is_published() {
    let site = Site::with(&["collections/people"]);
    site.build(&[])
        .assert_ok()
        .assert_stderr_has("0 errors, 0 warnings");
    let out = site.output();
    for (page, text) in [
        ("people/jin/index.html", "村党支部书记"),
        ("ko/people/jin/index.html", "마을 당지부 서기"),
    ] {
        let html = read(&out.join(page));
        assert!(html.contains(text), "{page} shows the `role` field");
    }
    assert!(
        out.join("people/index.html").is_file() && out.join("ko/people/index.html").is_file(),
        "the collection has list pages"
    );
    for (page, link) in [("index.html", "/people/"), ("ko/index.html", "/ko/people/")] {
        let nav: BTreeSet<String> =
            links_within(&read(&out.join(page)), "nav", |t| t.has_class("main-nav"))
                .iter()
                .filter_map(|a| a.attr("href").map(str::to_string))
                .collect();
        assert!(
            nav.contains(link),
            "the nav of {page} links {link}: {nav:?}"
        );
    }
}

/// Lists are paginated: collections by their own `paginate`, term and year pages by the
/// site-level one, each page linking the next.
#[test]
fn collection_term_and_year_pages_are_paginated() {
    let site = Site::base();
    site.edit(
        "site.yaml",
        "output_dir: output\n",
        "output_dir: output\npaginate: 1\n",
    );
    site.edit("site.yaml", "    paginate: 12\n", "    paginate: 1\n");
    site.edit(
        "content/cases/liyuan.zh.md",
        "date: 2021-05-01",
        "date: 2022-05-01",
    );
    site.write(
        "content/projects/second.zh.md",
        "---\ntitle: 第二个项目\ndate: 2022-01-10\nregion: yanji\n---\n\n正文。\n",
    );
    site.build(&[]).assert_ok();
    let out = site.output();
    for list in [
        "projects/",
        "years/2022/",
        "ko/years/2022/",
        "regions/yanji/",
    ] {
        let first = read(&out.join(list).join("index.html"));
        let second = format!("{list}page/2/");
        assert!(
            out.join(&second).join("index.html").is_file(),
            "{second} exists"
        );
        assert!(
            first.contains(&format!("href=\"/{second}\"")),
            "the first page of {list} links {second}"
        );
    }
    assert!(out.join("years/2022/page/3/index.html").is_file());
    assert!(
        !out.join("years/2022/page/4").exists(),
        "three records make three year pages"
    );
}

#[test]
fn a_link_into_static_follows_the_base_path() {
    let site = Site::with(&["bad-input/missing-static-file"]);
    site.edit("content/projects/x.zh.md", "或[附件](/files/annex.pdf)", "");
    site.build(&["--base-url", "https://example.org/showcase/"])
        .assert_ok();
    let page = read(&site.output().join("projects/x/index.html"));
    assert!(
        page.contains("href=\"/showcase/files/report.pdf\""),
        "the link to static/files/report.pdf is under the subpath"
    );
    assert!(site.output().join("files/report.pdf").is_file());
}

#[test]
fn record_pages_do_not_depend_on_what_the_booklet_shows() {
    // Record pages are rendered together with their booklet entries; a theme whose booklet
    // shows no entries, or shows a chapter's twice, must still get every record page, the
    // same bytes.
    let default = Site::base();
    default.build(&[]).assert_ok();
    let expected = snapshot(&default.output());
    // projects/hongxin/index.html and ko/projects/hongxin/index.html
    let record_pages: Vec<&String> = expected
        .keys()
        .filter(|path| path.ends_with("/hongxin/index.html"))
        .collect();
    assert_eq!(record_pages.len(), 2);
    for booklet in [
        "{% for ch in chapters %}{% for r in ch.records %}{{ r.title }}{% endfor %}{% endfor %}",
        "{% for ch in chapters %}{{ ch.entries | safe }}{{ ch.entries | safe }}{% endfor %}",
    ] {
        let site = Site::base();
        site.write("themes/default/templates/booklet.html", booklet);
        site.build(&[]).assert_ok();
        let built = snapshot(&site.output());
        for page in &record_pages {
            assert_eq!(
                built.get(*page),
                expected.get(*page),
                "{page} with booklet {booklet}"
            );
        }
    }
}

#[test]
fn build_and_booklet_refuse_a_base_url_that_is_no_url() {
    let site = Site::base();
    for command in ["build", "booklet"] {
        let run = run_showcase(
            site.root(),
            &[command, "--root", ".", "--base-url", "example.org showcase"],
        );
        run.assert_code(2)
            .assert_stderr_has("\"example.org showcase\" is not a usable URL");
    }
}
