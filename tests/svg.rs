//! Issue 14: every SVG file a build publishes — record bundles, `static/`, the theme — is
//! published without scripts, event handlers, outside references or `<foreignObject>`, with a
//! `W-svg-sanitized` warning naming the file; one that is not XML is `E-bad-svg` and stops the
//! build. The real binary on the fixtures under `tests/fixtures/svg/`, asserting on the bytes
//! it writes and on what it prints.

mod common;

use common::*;

/// The published SVG at `relative` in the output, checked to be XML.
fn published(site: &Site, relative: &str) -> String {
    let text = read(&site.output().join(relative));
    roxmltree::Document::parse_with_options(
        &text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .unwrap_or_else(|err| panic!("{relative} is not XML ({err}):\n{text}"));
    text
}

fn assert_lacks(text: &str, needles: &[&str]) {
    let lower = text.to_lowercase();
    for needle in needles {
        assert!(
            !lower.contains(&needle.to_lowercase()),
            "{needle:?} was published:\n{text}"
        );
    }
}

#[test]
fn a_cover_with_a_script_is_published_without_it_and_the_build_says_so() {
    let site = Site::with(&["svg/bundle-cover-script"]);
    let run = site.build(&["--lang", "en"]);
    run.assert_ok()
        .assert_stderr_has("warning[W-svg-sanitized]")
        .assert_stderr_has(" --> content/projects/lantern/cover.svg:5:45")
        .assert_stderr_has("scripts (<script>), event handlers (onload, onclick, …) (3 places)");
    let svg = published(&site, "projects/lantern/cover.svg");
    assert_lacks(
        &svg,
        &[
            "<script",
            "onload",
            "onclick",
            "document.",
            "phish.example",
            "tracker.example",
        ],
    );
    for kept in ["<title>红灯笼</title>", "<rect", "<circle", "fill=\"#fd0\""] {
        assert!(svg.contains(kept), "{kept} is kept:\n{svg}");
    }
    let page = read(&site.output().join("projects/lantern/index.html"));
    assert!(page.contains("cover.svg"), "the page still shows the cover");
}

#[test]
fn a_static_svg_loses_its_foreign_object_and_outside_links() {
    let site = Site::with(&["svg/static-foreign-object"]);
    site.build(&[])
        .assert_ok()
        .assert_stderr_has(" --> static/images/badge.svg:6:35");
    let svg = published(&site, "images/badge.svg");
    assert_lacks(
        &svg,
        &[
            "foreignObject",
            "iframe",
            "xhtml",
            "cdn.example.com",
            "evil.example",
            "javascript:",
        ],
    );
    for kept in ["fill=\"url(#g)\"", "党建", "<linearGradient id=\"g\">"] {
        assert!(svg.contains(kept), "{kept} is kept:\n{svg}");
    }
}

#[test]
fn a_theme_svg_loses_its_stylesheet_and_import() {
    let site = Site::with(&["svg/theme-override"]);
    site.build(&[])
        .assert_ok()
        .assert_stderr_has(" --> themes/default/static/icons/search.svg:2:1");
    let svg = published(&site, "icons/search.svg");
    assert_lacks(&svg, &["xml-stylesheet", "@import", "fonts.example.com"]);
    assert!(svg.contains("<path d=\"M6 1a5"), "{svg}");
}

#[test]
fn an_svg_that_is_not_xml_stops_the_build_at_its_line() {
    let site = Site::with(&["svg/malformed"]);
    site.build(&["--lang", "en"])
        .assert_code(1)
        .assert_stderr_has("error[E-bad-svg]")
        .assert_stderr_has(" --> static/broken.svg:4:3")
        .assert_stderr_has("expected 'rect' tag, not 'g'")
        .assert_stderr_has("export it again as SVG, or save it as PNG");
    assert!(!site.output().exists(), "nothing is published");
}

#[test]
fn a_clean_svg_is_published_byte_for_byte_and_every_build_is_the_same() {
    let site = Site::with(&["svg/bundle-cover-script"]);
    // A byte-order mark, Windows line ends, a DOCTYPE without declarations, odd quoting.
    let clean = "\u{feff}<?xml version='1.0' encoding='utf-8'?>\r\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\r\n<svg xmlns='http://www.w3.org/2000/svg'   viewBox = \"0 0 1 1\" ><rect  width='1' height=\"1\"/></svg>";
    site.write("static/clean.svg", clean);
    site.write("static/UPPER.SVG", "<svg><script>alert(1)</script></svg>");
    let run = site.build(&[]);
    run.assert_ok().assert_stderr_has("static/UPPER.SVG:1:6");
    assert_eq!(
        std::fs::read(site.output().join("clean.svg")).unwrap(),
        clean.as_bytes()
    );
    assert_lacks(&published(&site, "UPPER.SVG"), &["script"]);
    let first = snapshot(&site.output());
    site.build(&[]).assert_ok();
    assert_eq!(
        first,
        snapshot(&site.output()),
        "the same input, the same bytes"
    );
}

#[test]
fn check_reports_what_build_reports_and_writes_nothing() {
    let site = Site::with(&["svg/bundle-cover-script", "svg/malformed"]);
    site.check(&["--lang", "en"])
        .assert_code(1)
        .assert_stderr_has(" --> content/projects/lantern/cover.svg:5:45")
        .assert_stderr_has(" --> static/broken.svg:4:3");
    assert!(!site.output().exists());
}
