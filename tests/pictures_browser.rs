//! Pictures in a real browser (issue 15): Debian's headless Chromium loads the sample site's
//! pages that show photos (a record with a cover and a gallery of phone-sized JPEGs, one with
//! a transparent PNG in its body, the home and list pages with cards, the booklet) in both
//! languages, and every `<img>` must have loaded, from the site, and carry the `width` and
//! `height` of what it shows: exactly the size of its `src` file, and the proportions of the
//! variant the browser chose from `srcset` (which it scales, so only the ratio is comparable).
//!
//! `--dump-dom` gives only the DOM, not what the browser measured, and the theme's policy
//! allows no inline script; so each page is loaded inside an `<iframe>` of a probe page the
//! test adds to the output, whose script turns every picture eager, waits until each is
//! complete (polling: `decode()` never settles under Chromium's virtual time) and writes what the browser measured (`currentSrc`, `naturalWidth`, `naturalHeight`) into
//! its own DOM as JSON. SHOWCASE_SKIP_BROWSER=1 skips the test (a machine without a browser).

mod common;

use std::path::Path;

use common::browser::{Settle, StaticServer, chromium, load_all};
use common::*;

/// The pages with pictures, by path under the language prefix.
const PAGES: [&str; 5] = [
    "projects/bianchui-dangqi-hong/",
    "projects/dongyuan-sannian/",
    "",
    "projects/",
    "booklet/",
];

/// The probe: loads `?page=` in a frame as wide as a desktop window and reports every picture.
const PROBE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>probe</title></head>
<body><pre id="result">pending</pre>
<script>
const frame = document.createElement("iframe");
frame.style.cssText = "width:1280px;height:900px;border:0";
frame.src = new URLSearchParams(location.search).get("page");
document.body.append(frame);
const poll = setInterval(() => {
  const doc = frame.contentDocument;
  if (!doc || doc.URL === "about:blank" || doc.readyState !== "complete") return;
  const pictures = [...doc.querySelectorAll("img")];
  for (const img of pictures) if (img.loading !== "eager") img.loading = "eager";
  if (!pictures.every((img) => img.complete)) return;
  clearInterval(poll);
  document.getElementById("result").textContent = JSON.stringify(pictures.map((img) => ({
    src: img.getAttribute("src"),
    width: img.getAttribute("width"),
    height: img.getAttribute("height"),
    current: img.currentSrc,
    natural: [img.naturalWidth, img.naturalHeight],
  })));
}, 100);
</script></body></html>
"#;

/// What the probe reported for one `<img>`.
#[derive(Debug, serde::Deserialize)]
struct Measured {
    src: Option<String>,
    width: Option<String>,
    height: Option<String>,
    current: String,
    natural: (u32, u32),
}

/// The probe's JSON out of the dumped DOM (the text of `<pre id="result">`, HTML-escaped).
fn measured(dom: &str) -> Vec<Measured> {
    let start = dom
        .find("<pre id=\"result\">")
        .map(|at| at + "<pre id=\"result\">".len());
    let text = start
        .and_then(|start| {
            dom[start..]
                .find("</pre>")
                .map(|end| &dom[start..start + end])
        })
        .unwrap_or_else(|| panic!("no probe result in:\n{dom}"));
    let json = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap_or_else(|err| panic!("the probe said {text:?}: {err}"))
}

/// The size of a published picture file: raster pictures decoded, SVGs from their `viewBox`.
fn file_size(file: &Path) -> (u32, u32) {
    let bytes = std::fs::read(file).unwrap();
    if file.extension().is_some_and(|e| e == "svg") {
        let text = String::from_utf8(bytes).unwrap();
        let view_box = text
            .split("viewBox=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("{} has no viewBox", file.display()));
        let numbers: Vec<f64> = view_box
            .split([' ', ','])
            .filter(|n| !n.is_empty())
            .map(|n| n.parse().unwrap())
            .collect();
        return (numbers[2].round() as u32, numbers[3].round() as u32);
    }
    let picture = image::load_from_memory(&bytes)
        .unwrap_or_else(|err| panic!("{} does not decode: {err}", file.display()));
    (picture.width(), picture.height())
}

/// Whether two sizes have the same proportions, give or take the rounding of one pixel.
fn same_ratio(a: (u32, u32), b: (u32, u32)) -> bool {
    let (a, b) = (
        (f64::from(a.0), f64::from(a.1)),
        (f64::from(b.0), f64::from(b.1)),
    );
    // a.0 / a.1 == b.0 / b.1, within what rounding the larger side to a pixel can change.
    (a.0 * b.1 - b.0 * a.1).abs() <= a.0.max(a.1).max(b.0).max(b.1) * 1.0
}

#[test]
fn every_picture_loads_with_the_width_and_height_of_its_file() {
    let Some(chromium) = chromium() else {
        eprintln!("SHOWCASE_SKIP_BROWSER=1: browser test skipped");
        return;
    };
    let site = Site::sample();
    site.build(&[]).assert_ok();
    let out = site.output();
    std::fs::write(out.join("probe-for-test.html"), PROBE).unwrap();
    let server = StaticServer::start(out.clone(), "/");
    let pages: Vec<String> = ["", "ko/"]
        .into_iter()
        .flat_map(|prefix| PAGES.map(|page| format!("/{prefix}{page}")))
        .collect();
    let urls: Vec<String> = pages
        .iter()
        .map(|page| format!("{}/probe-for-test.html?page={page}", server.origin))
        .collect();
    let loads = load_all(&chromium, &urls, Settle::VirtualTime(20_000));
    let mut photos_seen = 0;
    for (page, load) in pages.iter().zip(&loads) {
        let pictures = measured(&load.dom);
        assert!(!pictures.is_empty(), "{page}: no picture");
        for picture in pictures {
            let at = format!("{page}: {picture:?}");
            let src = picture
                .src
                .as_deref()
                .unwrap_or_else(|| panic!("{at}: no src"));
            let attributes = (
                picture.width.as_deref().and_then(|w| w.parse().ok()),
                picture.height.as_deref().and_then(|h| h.parse().ok()),
            );
            let (Some(width), Some(height)) = attributes else {
                panic!("{at}: no width and height");
            };
            assert!(
                picture.natural.0 > 0 && picture.natural.1 > 0,
                "{at}: the browser did not show it"
            );
            let src_file = url_file(&out, "/", src).unwrap_or_else(|| panic!("{at}: not a file"));
            assert_eq!(file_size(&src_file), (width, height), "{at}: src");
            let current = url_file(&out, "/", &picture.current)
                .unwrap_or_else(|| panic!("{at}: the chosen picture is not the site's"));
            let shown = file_size(&current);
            assert!(same_ratio(shown, (width, height)), "{at}: shown {shown:?}");
            assert!(
                same_ratio(picture.natural, (width, height)),
                "{at}: measured {:?}",
                picture.natural
            );
            if picture.current.ends_with(".webp") {
                photos_seen += 1;
            }
        }
    }
    assert!(
        photos_seen >= 20,
        "the browser chose a WebP variant only {photos_seen} times"
    );
    let requests = server.requests();
    assert!(
        requests.iter().any(|r| r.target.ends_with(".webp")),
        "no WebP variant was requested: {requests:?}"
    );
}
