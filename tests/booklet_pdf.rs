//! The printed booklet (issue 18) through the real binary: `showcase booklet` on a site written
//! by the test (two collections, a record not translated into Korean, a hostile title, a phone
//! photo carrying GPS), and the PDFs read back with poppler-utils (`pdftotext`, `pdffonts`,
//! `pdfinfo`, `pdfimages`, `pdftoppm`) and `zbarimg`. Without those tools or the Noto CJK fonts
//! the tests say "skipped" and return; under CI (`CI=true`, where `.ci/run` installs them) that
//! is a failure instead.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::photos::{self, PhotoOptions};
use common::{Run, Site};

const TOOLS: &[&str] = &[
    "pdftotext",
    "pdffonts",
    "pdfinfo",
    "pdfimages",
    "pdftoppm",
    "zbarimg",
];

/// Whether the tools and fonts are here; prints why not (or fails under CI).
fn tools_here() -> bool {
    let mut missing: Vec<String> = TOOLS
        .iter()
        .filter(|tool| Command::new(tool).arg("-v").output().is_err())
        .map(|tool| tool.to_string())
        .collect();
    let fonts = std::fs::read_dir("/usr/share/fonts/opentype/noto")
        .map(|dir| {
            dir.flatten()
                .any(|e| e.file_name().to_string_lossy().contains("CJK"))
        })
        .unwrap_or(false);
    if !fonts {
        missing.push("fonts-noto-cjk".to_string());
    }
    if missing.is_empty() {
        return true;
    }
    let reason = format!(
        "the booklet tests need {} (Debian: apt install fonts-noto-cjk poppler-utils zbar-tools)",
        missing.join(", ")
    );
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{reason}");
    }
    eprintln!("skipped: {reason}");
    false
}

const HOSTILE: &str = "#set page(width: 1cm) $x$ *bold* <script>";

/// The base fixture with a base URL that has a host, a bundle with a phone photo (GPS) as
/// cover and in the gallery, a record with a hostile title and one not translated into Korean.
fn booklet_site() -> Site {
    let site = Site::base();
    site.edit(
        "site.yaml",
        "base_url: /",
        "base_url: https://example.org/showcase/\nbooklet: {organization: {zh: 中共测试州委组织部, ko: 중공 시험주당위 조직부}}",
    );
    site.edit(
        "site.yaml",
        "      cover: {type: image}\n",
        "      cover: {type: image}\n      gallery: {type: gallery}\n      metrics: {type: metrics}\n",
    );
    let photo = photos::photo_jpeg(
        1200,
        900,
        &PhotoOptions {
            gps: true,
            artist: Some("李成东"),
            ..PhotoOptions::default()
        },
    );
    assert!(photos::has_gps(&photo));
    site.write("content/projects/photos/phone.jpg", &photo);
    site.write(
        "content/projects/photos/index.zh.md",
        "---\ntitle: 边境照片\ndate: 2023-06-01\nregion: yanji\ncover: phone.jpg\n\
         gallery:\n  - {src: phone.jpg, caption: 会场}\n\
         metrics:\n  - {label: {zh: 培训干部, ko: 간부양성}, value: 21652, unit: {zh: 人次, ko: 명}}\n  \
         - {label: {zh: 党支部, ko: 당지부}, value: 166, unit: {zh: 个, ko: 개}}\n---\n\n\
         ## 做法\n\n一是**强化**组织[^1]，二是[公开](https://example.org/report)。\n\n\
         | 项目 | 数量 |\n|--|--:|\n| 培训 | 21652 |\n\n[^1]: 见年度报告。\n",
    );
    site.write(
        "content/projects/photos/index.ko.md",
        "---\ntitle: 변경의 사진\n---\n\n## 방법\n\n첫째로 조직을 **강화**하였다.\n",
    );
    site.write(
        "content/projects/hostile.zh.md",
        format!("---\ntitle: \"{HOSTILE}\"\ndate: 2020-01-01\nregion: yanji\n---\n\n正文 $y$ #pagebreak() 照常。\n"),
    );
    site.write(
        "content/cases/weiyi.zh.md",
        "---\ntitle: 尚未翻译的案例\ndate: 2019-02-01\nregion: dongyuan\n---\n\n只有中文。\n",
    );
    site
}

/// The titles in reading order: collections in site.yaml's order, each newest first.
fn titles(lang: &str) -> Vec<&'static str> {
    match lang {
        "zh" => vec![
            "边境照片",
            "红心物业",
            HOSTILE,
            "梨园村的变化",
            "尚未翻译的案例",
        ],
        _ => vec![
            "변경의 사진",
            "붉은마음 물업",
            HOSTILE,
            "리원촌의 변화",
            "尚未翻译的案例",
        ],
    }
}

fn slugs() -> Vec<&'static str> {
    vec![
        "projects/photos",
        "projects/hongxin",
        "projects/hostile",
        "cases/liyuan",
        "cases/weiyi",
    ]
}

fn booklet(site: &Site, out: &Path, args: &[&str]) -> Run {
    let out = out.to_string_lossy().into_owned();
    let mut all = vec!["booklet", "--root", ".", "--output", out.as_str()];
    all.extend_from_slice(args);
    common::run_showcase(site.root(), &all)
}

fn tool(name: &str, args: &[&str]) -> std::process::Output {
    Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("{name} does not run: {err}"))
}

/// The text of page `page` (from 1), or of every page with `None`.
fn text(pdf: &Path, page: Option<usize>) -> String {
    let pdf = pdf.to_string_lossy();
    let mut args = vec!["-layout".to_string()];
    if let Some(page) = page {
        args.extend(["-f".into(), page.to_string(), "-l".into(), page.to_string()]);
    }
    args.extend([pdf.to_string(), "-".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = tool("pdftotext", &args);
    assert!(output.status.success(), "pdftotext failed on {pdf}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Text with its whitespace removed, so that a title broken over lines or spaced by the layout
/// is still found.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn pages(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[&pdf.to_string_lossy()]);
    let info = String::from_utf8_lossy(&info.stdout);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the page count")
}

/// The page number the table of contents (page 2) gives each title.
fn contents(pdf: &Path, titles: &[&str]) -> Vec<usize> {
    let page = text(pdf, Some(2));
    titles
        .iter()
        .map(|title| {
            let line = page
                .lines()
                .find(|l| squeezed(l).contains(&squeezed(title)))
                .unwrap_or_else(|| panic!("{title} is not in the contents:\n{page}"));
            let digits: String = line
                .trim_end()
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.chars().rev().collect::<String>().parse().unwrap()
        })
        .collect()
}

/// The URLs of the QR codes on page `page`.
fn codes(pdf: &Path, page: usize, dir: &Path) -> Vec<String> {
    let prefix = dir.join(format!("page{page}"));
    let page_text = page.to_string();
    let output = tool(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-f",
            &page_text,
            "-l",
            &page_text,
            "-png",
            "-singlefile",
            &pdf.to_string_lossy(),
            &prefix.to_string_lossy(),
        ],
    );
    assert!(output.status.success());
    let png = prefix.with_extension("png");
    let output = tool("zbarimg", &["-q", "--raw", &png.to_string_lossy()]);
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn every_record_is_printed_in_order_at_its_contents_page_with_its_code_and_fonts() {
    if !tools_here() {
        return;
    }
    let site = booklet_site();
    let out = site.outside().join("pdf");
    let run = booklet(&site, &out, &[]);
    run.assert_ok();
    assert!(run.stdout.contains("all.zh.pdf") && run.stdout.contains("all.ko.pdf"));
    let scratch = site.outside().join("scratch");
    std::fs::create_dir_all(&scratch).unwrap();
    for lang in ["zh", "ko"] {
        let pdf = out.join(format!("all.{lang}.pdf"));
        let titles = titles(lang);
        let count = pages(&pdf);
        // Reading order: after the contents, each title first appears after the one before.
        let body: String = (3..=count).map(|p| text(&pdf, Some(p))).collect();
        let body = squeezed(&body);
        let mut at = 0;
        for title in &titles {
            let found = body[at..]
                .find(&squeezed(title))
                .unwrap_or_else(|| panic!("{lang}: {title} missing or out of order"));
            at += found;
        }
        // The contents' page numbers: the page where each record starts.
        let numbers = contents(&pdf, &titles);
        for ((title, page), slug) in titles.iter().zip(&numbers).zip(slugs()) {
            let on_page = squeezed(&text(&pdf, Some(*page)));
            assert!(
                on_page.contains(&squeezed(title)),
                "{lang}: {title} not on page {page}"
            );
            if *page > 3 {
                let before = squeezed(&text(&pdf, Some(page - 1)));
                assert!(
                    !before.contains(&squeezed(title)),
                    "{lang}: {title} before page {page}"
                );
            }
            let prefix = if lang == "zh" { "" } else { "ko/" };
            let url = format!("https://example.org/showcase/{prefix}{slug}/");
            assert!(
                codes(&pdf, *page, &scratch).contains(&url),
                "{lang}: no QR code of {url} on page {page}"
            );
        }
        // A4, every page.
        let info = tool(
            "pdfinfo",
            &["-f", "1", "-l", &count.to_string(), &pdf.to_string_lossy()],
        );
        let info = String::from_utf8_lossy(&info.stdout);
        let sizes: Vec<&str> = info
            .lines()
            .filter(|l| l.starts_with("Page ") && l.contains(" size:"))
            .collect();
        assert_eq!(sizes.len(), count);
        assert!(sizes.iter().all(|l| l.contains("(A4)")), "{sizes:?}");
        // Fonts: all embedded, CJK among them.
        let fonts = tool("pdffonts", &[&pdf.to_string_lossy()]);
        let fonts = String::from_utf8_lossy(&fonts.stdout);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty());
        assert!(rows.iter().any(|r| r.contains("CJK")), "{fonts}");
        for row in &rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            let emb = columns[columns.len() - 5];
            assert_eq!(emb, "yes", "a font is not embedded: {row}");
        }
        let all = text(&pdf, None);
        // The hostile title printed as written, on an A4 page.
        assert!(squeezed(&all).contains(&squeezed(HOSTILE)), "{lang}");
        assert!(
            all.contains("$y$ #pagebreak()"),
            "{lang}: body markup not literal"
        );
        // Figures, a link's address as a footnote, the organisation on the cover.
        assert!(all.contains("21,652"));
        if lang == "zh" {
            assert!(all.contains("https://example.org/report"));
            assert!(text(&pdf, Some(1)).contains("中共测试州委组织部"));
        } else {
            // The Korean PDF is Korean, with the untranslated record in Chinese, marked.
            assert!(text(&pdf, Some(1)).contains("중공 시험주당위 조직부"));
            let hangul = all.chars().filter(|c| ('가'..='힣').contains(c)).count();
            assert!(hangul > 100, "{hangul} Hangul letters");
            let weiyi = text(&pdf, Some(numbers[4]));
            assert!(weiyi.contains("只有中文"), "{weiyi}");
            assert!(
                weiyi.contains("미번역"),
                "the fallback is not marked:\n{weiyi}"
            );
            let hongxin = text(&pdf, Some(numbers[1]));
            assert!(!hongxin.contains("미번역"));
        }
        // No picture in the PDF carries EXIF or GPS.
        let images = scratch.join(format!("images-{lang}"));
        std::fs::create_dir_all(&images).unwrap();
        let extracted = tool(
            "pdfimages",
            &[
                "-all",
                &pdf.to_string_lossy(),
                &images.join("i").to_string_lossy(),
            ],
        );
        assert!(extracted.status.success());
        let files: Vec<PathBuf> = std::fs::read_dir(&images)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert!(!files.is_empty(), "the photo is in the PDF");
        for file in &files {
            let bytes = std::fs::read(file).unwrap();
            assert!(!photos::has_exif(&bytes), "{} carries EXIF", file.display());
            assert!(!photos::has_gps(&bytes), "{} carries GPS", file.display());
            assert!(!bytes.windows(4).any(|w| w == b"Exif"));
        }
    }
    // The same site gives the same bytes.
    let again = site.outside().join("pdf-again");
    booklet(&site, &again, &[]).assert_ok();
    for name in ["all.zh.pdf", "all.ko.pdf"] {
        assert!(
            std::fs::read(out.join(name)).unwrap() == std::fs::read(again.join(name)).unwrap(),
            "{name} differs between two runs"
        );
    }
}

#[test]
fn a_base_url_without_a_host_prints_no_codes_and_says_so() {
    if !tools_here() {
        return;
    }
    let site = booklet_site();
    site.edit(
        "site.yaml",
        "base_url: https://example.org/showcase/",
        "base_url: /",
    );
    let out = site.outside().join("pdf");
    booklet(&site, &out, &["--volume", "all"])
        .assert_ok()
        .assert_stderr_has("W-print-no-qr");
    let pdf = out.join("all.zh.pdf");
    let scratch = site.outside().join("scratch");
    std::fs::create_dir_all(&scratch).unwrap();
    for page in 3..=pages(&pdf) {
        assert!(
            codes(&pdf, page, &scratch).is_empty(),
            "a code on page {page}"
        );
    }
    // --base-url gives them back.
    booklet(&site, &out, &["--base-url", "https://example.net/"])
        .assert_ok()
        .assert_stderr_lacks("W-print-no-qr");
    let first = contents(&pdf, &titles("zh"))[0];
    assert_eq!(
        codes(&pdf, first, &scratch),
        ["https://example.net/projects/photos/"]
    );
}

#[test]
fn a_template_error_points_at_the_typst_file_and_line() {
    if !tools_here() {
        return;
    }
    let site = booklet_site();
    site.write(
        "themes/default/print/booklet.typ",
        "#let data = json(\"/volume.json\")\n\n#let x = (1 +\n",
    );
    booklet(&site, &site.outside().join("pdf"), &[])
        .assert_code(1)
        .assert_stderr_has("E-print-template")
        .assert_stderr_has("themes/default/print/booklet.typ:3");
    site.write(
        "themes/default/print/booklet.typ",
        "#import \"@preview/cetz:0.3.0\": canvas\n",
    );
    booklet(&site, &site.outside().join("pdf"), &[])
        .assert_code(1)
        .assert_stderr_has("themes/default/print/booklet.typ:1")
        .assert_stderr_has("showcase downloads nothing");
    assert!(!site.outside().join("pdf/all.zh.pdf").exists());
}

#[test]
fn no_cjk_font_is_a_clear_error_naming_the_package() {
    let site = booklet_site();
    let empty = site.outside().join("no-fonts");
    std::fs::create_dir_all(&empty).unwrap();
    let out = site.outside().join("pdf").to_string_lossy().into_owned();
    let run = common::run_showcase_with_env(
        site.root(),
        &["booklet", "--root", ".", "--output", &out],
        &[("SHOWCASE_FONT_DIRS", &empty.to_string_lossy())],
    );
    run.assert_code(1)
        .assert_stderr_has("E-print-no-font")
        .assert_stderr_has("sudo apt install fonts-noto-cjk");
    // A font file site.yaml names that is not there: an error at its line.
    site.edit(
        "site.yaml",
        "booklet: {organization:",
        "booklet: {fonts: [fonts/missing.otf], organization:",
    );
    booklet(&site, &site.outside().join("pdf"), &[])
        .assert_code(1)
        .assert_stderr_has("E-print-font")
        .assert_stderr_has("site.yaml:4");
}

#[test]
fn an_unknown_volume_lists_the_volumes() {
    let site = booklet_site();
    booklet(&site, &site.outside().join("pdf"), &["--volume", "1999"])
        .assert_code(2)
        .assert_stderr_has("1999")
        .assert_stderr_has("all");
}

/// The PDFs of every booklet file in `out`, by path.
fn built_pdfs(out: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    common::snapshot(out)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".pdf"))
        .collect()
}

#[test]
fn build_publishes_each_volume_as_a_pdf_and_sets_again_only_what_a_save_changed() {
    if !tools_here() {
        return;
    }
    let site = booklet_site();
    site.edit(
        "site.yaml",
        "booklet: {organization:",
        "booklet: {max_records: 2, pdf: true, organization:",
    );
    let run = site.build(&[]);
    run.assert_ok().assert_stderr_has("0 from the cache");
    let out = site.output();
    let first = built_pdfs(&out);
    // Volumes of two records at most: the five records in three volumes, in both languages,
    // each beside its page and linked from it.
    assert_eq!(first.len(), 6, "{:?}", first.keys().collect::<Vec<_>>());
    for path in first.keys() {
        let page = path.trim_end_matches(".pdf");
        let html = common::read(&out.join(format!("{page}/index.html")));
        let name = path.rsplit('/').next().unwrap();
        assert!(
            html.contains(&format!("href=\"/showcase/{path}\"")),
            "{name} not linked in {page}"
        );
        assert!(pages(&out.join(path)) >= 3, "{path}");
    }
    let list = common::read(&out.join("ko/booklet/index.html"));
    assert!(list.contains("/showcase/ko/booklet/2023.pdf"), "{list}");

    // Nothing changed: every PDF comes from the cache, the same bytes.
    site.build(&[])
        .assert_ok()
        .assert_stderr_has("0 set now, 6 from the cache");
    assert_eq!(built_pdfs(&out), first);

    // A title of 2023's Chinese text: that volume's Chinese PDF is set again, and no other.
    site.edit(
        "content/projects/photos/index.zh.md",
        "边境照片",
        "边境的照片",
    );
    site.build(&[])
        .assert_ok()
        .assert_stderr_has("1 set now, 5 from the cache");
    let after = built_pdfs(&out);
    let changed: Vec<&String> = after
        .iter()
        .filter(|(path, bytes)| first.get(*path) != Some(bytes))
        .map(|(path, _)| path)
        .collect();
    assert_eq!(changed, ["booklet/2023.pdf"]);
    assert!(squeezed(&text(&out.join("booklet/2023.pdf"), None)).contains("边境的照片"));

    // Without a host there are no QR codes, and every build says so once, PDFs set or kept.
    for made in ["6 set now", "0 set now"] {
        let run = site.build(&["--base-url", "/"]);
        run.assert_ok().assert_stderr_has(made);
        assert_eq!(
            run.stderr.matches("W-print-no-qr").count(),
            1,
            "{}",
            run.stderr
        );
    }
}
