//! Photos (issue 15), through the real binary: real JPEG and PNG files made by the tests (a
//! phone photo turned by its EXIF tag and carrying GPS, a transparent PNG, a CMYK JPEG, a
//! 16-bit PNG, a truncated file, a decompression bomb, a HEIC) go into a bundle's cover,
//! gallery and body; what the build publishes is read back as pictures.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::photos::{self, PhotoOptions, PngKind};
use common::{Run, Site};

/// The base fixture with a gallery field and a bundle record whose cover is `cover`, whose
/// gallery lists `gallery` (file name, credit) and whose body is `body`.
fn photo_site(cover: &str, gallery: &[(&str, Option<&str>)], body: &str) -> Site {
    let site = Site::base();
    site.edit(
        "site.yaml",
        "      cover: {type: image}\n",
        "      cover: {type: image}\n      gallery: {type: gallery}\n",
    );
    let mut front = format!("---\ntitle: 照片\ndate: 2024-05-01\nregion: yanji\ncover: {cover}\n");
    if !gallery.is_empty() {
        front.push_str("gallery:\n");
        for (src, credit) in gallery {
            front.push_str(&format!("  - {{src: {src}, caption: 会场"));
            if let Some(credit) = credit {
                front.push_str(&format!(", credit: {credit}"));
            }
            front.push_str("}\n");
        }
    }
    site.write(
        "content/projects/photos/index.zh.md",
        format!("{front}---\n\n{body}\n"),
    );
    site
}

fn phone_photo(width: u32, height: u32) -> Vec<u8> {
    photos::photo_jpeg(
        width,
        height,
        &PhotoOptions {
            orientation: Some(6),
            gps: true,
            artist: Some("李成东"),
            quality: 90,
            ..PhotoOptions::default()
        },
    )
}

/// Every file of the output under `folder`, by name.
fn files_in(out: &Path, folder: &str) -> BTreeMap<String, Vec<u8>> {
    common::snapshot(&out.join(folder))
}

fn dimensions(bytes: &[u8]) -> (u32, u32) {
    let picture = image::load_from_memory(bytes).expect("a published picture decodes");
    (picture.width(), picture.height())
}

/// "N pictures made" from the build's summary.
fn pictures_made(run: &Run) -> usize {
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains("pictures made"))
        .unwrap_or_else(|| panic!("no photo line in:\n{}", run.stderr));
    let (_, rest) = line.split_once(": ").unwrap();
    rest.split_whitespace().next().unwrap().parse().unwrap()
}

#[test]
fn a_phone_photo_is_published_upright_resized_and_without_its_position() {
    let site = photo_site("phone.jpg", &[("phone.jpg", None)], "");
    site.write("content/projects/photos/phone.jpg", phone_photo(2000, 1500));
    site.build(&[]).assert_ok();
    let out = site.output();
    let files = files_in(&out, "projects/photos");
    assert!(
        !files.contains_key("phone.jpg"),
        "the original is not published"
    );
    let mut sizes: Vec<(String, (u32, u32))> = files
        .iter()
        .filter(|(name, _)| name.starts_with("phone-"))
        .map(|(name, bytes)| (name.clone(), dimensions(bytes)))
        .collect();
    sizes.sort();
    // Orientation 6: stored 2000×1500, seen 1500×2000; 480, 960 and its own 1500, never wider.
    let seen: Vec<(u32, u32)> = sizes.iter().map(|(_, size)| *size).collect();
    assert_eq!(
        sizes.len(),
        7,
        "WebP and JPEG at three widths, and the sharing JPEG: {sizes:?}"
    );
    for expected in [(480, 640), (960, 1280), (1500, 2000), (1200, 1600)] {
        assert!(seen.contains(&expected), "{expected:?} in {sizes:?}");
    }
    for (name, bytes) in &files {
        assert!(!photos::has_exif(bytes), "{name} carries EXIF");
        assert!(!photos::has_gps(bytes), "{name} carries GPS");
    }
    let page = common::read(&out.join("projects/photos/index.html"));
    // The gallery picture has no credit: the photo's EXIF artist gives it.
    assert!(page.contains("李成东"), "credit from EXIF missing");
    for img in common::tags(&page, "img") {
        let src = img.attr("src").unwrap_or_default();
        if !src.contains("phone-") {
            continue;
        }
        let file = common::url_file(&out, "/", src).expect("the src is a file of the site");
        let size = dimensions(&std::fs::read(file).unwrap());
        let attributes = (
            img.attr("width").and_then(|w| w.parse().ok()),
            img.attr("height").and_then(|h| h.parse().ok()),
        );
        assert_eq!(attributes, (Some(size.0), Some(size.1)), "{src}");
        assert!(
            img.attr("srcset").is_some_and(|s| s.contains("480w")),
            "{src}"
        );
    }
}

#[test]
fn the_second_build_encodes_nothing_and_every_build_writes_the_same_bytes() {
    let site = photo_site("a.jpg", &[("b.png", Some("摄影 张三"))], "");
    site.write("content/projects/photos/a.jpg", phone_photo(1200, 900));
    site.write(
        "content/projects/photos/b.png",
        photos::png(700, 500, PngKind::Rgba8),
    );
    let first = site.build(&[]).assert_ok().stderr.clone();
    let first = Run {
        code: 0,
        stdout: String::new(),
        stderr: first,
    };
    assert!(pictures_made(&first) > 0);
    let cold = common::snapshot(&site.output());
    // Every picture is whole: the cover's sharing JPEG is one of its variants here (the
    // photo is no wider than 1200 px), and publishing it twice once emptied the file.
    let pictures = files_in(&site.output(), "projects/photos");
    for (name, bytes) in &pictures {
        if name.ends_with(".jpg") || name.ends_with(".png") {
            assert!(dimensions(bytes).0 > 0, "{name} is {} bytes", bytes.len());
        }
    }
    let warm = site.build(&[]);
    warm.assert_ok();
    assert_eq!(pictures_made(&warm), 0, "{}", warm.stderr);
    assert!(
        common::snapshot(&site.output()) == cold,
        "warm output differs"
    );
    // A variant an older build left empty in the cache is made again.
    let emptied = common::files(&site.path(".showcase/cache/images"))
        .into_iter()
        .find(|f| f.ends_with(".jpg"))
        .expect("the cache has a JPEG variant");
    std::fs::write(site.path(".showcase/cache/images").join(&emptied), b"").unwrap();
    let healed = site.build(&[]);
    healed.assert_ok();
    assert!(pictures_made(&healed) > 0, "{}", healed.stderr);
    assert!(
        common::snapshot(&site.output()) == cold,
        "the output after an emptied variant differs"
    );
    std::fs::remove_dir_all(site.path(".showcase")).unwrap();
    site.build(&[]).assert_ok();
    assert!(
        common::snapshot(&site.output()) == cold,
        "cold output differs"
    );
    // Transparency keeps a PNG fallback.
    let names: Vec<String> = files_in(&site.output(), "projects/photos")
        .into_keys()
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("b-700w.") && n.ends_with(".png")),
        "{names:?}"
    );
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("b-") && n.ends_with(".jpg")),
        "{names:?}"
    );
}

#[test]
fn a_replaced_photo_is_made_again_and_the_old_one_leaves_the_cache() {
    let site = photo_site("a.jpg", &[], "");
    site.write("content/projects/photos/a.jpg", phone_photo(800, 600));
    site.build(&[]).assert_ok();
    site.write(
        "content/projects/photos/a.jpg",
        photos::photo_jpeg(640, 480, &PhotoOptions::default()),
    );
    let run = site.build(&[]);
    run.assert_ok();
    assert!(pictures_made(&run) > 0);
    let folders = std::fs::read_dir(site.path(".showcase/cache/images"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().unwrap().is_dir())
        .count();
    assert_eq!(folders, 1, "the replaced photo's variants are removed");
}

#[test]
fn pictures_in_a_body_get_their_variants_and_links_their_largest() {
    let site = photo_site(
        "a.jpg",
        &[],
        "![会场](a.jpg \"会议\")\n\n[原图](a.jpg)\n\n![图表](/charts/c.png)",
    );
    site.write("content/projects/photos/a.jpg", phone_photo(1000, 800));
    site.write("static/charts/c.png", photos::png(300, 200, PngKind::Rgb8));
    site.build(&[]).assert_ok();
    let page = common::read(&site.output().join("projects/photos/index.html"));
    let body = &page[page.find("会议").expect("the picture's title") - 400..];
    assert!(
        body.contains("<picture><source type=\"image/webp\""),
        "{body}"
    );
    let imgs = common::tags(&page, "img");
    let photo = imgs
        .iter()
        .find(|i| i.attr("alt") == Some("会场"))
        .expect("the body's picture");
    assert_eq!(photo.attr("loading"), Some("lazy"));
    assert_eq!(
        (photo.attr("width"), photo.attr("height")),
        (Some("800"), Some("1000"))
    );
    let link = common::tags(&page, "a")
        .into_iter()
        .find(|a| a.attr("href").is_some_and(|h| h.contains("a-800w.")))
        .expect("the link leads to the largest variant");
    assert!(link.attr("href").unwrap().ends_with(".jpg"));
    let chart = imgs.iter().find(|i| i.attr("alt") == Some("图表")).unwrap();
    assert_eq!(chart.attr("width"), Some("300"));
    assert!(!site.output().join("charts/c.png").exists());
}

#[test]
fn keep_original_publishes_the_original_without_metadata() {
    let site = photo_site("a.jpg", &[], "");
    site.edit(
        "site.yaml",
        "output_dir: output\n",
        "output_dir: output\nimages: {widths: [480], formats: [jpeg], keep_original: true}\n",
    );
    site.write("content/projects/photos/a.jpg", phone_photo(800, 600));
    site.build(&[]).assert_ok();
    let files = files_in(&site.output(), "projects/photos");
    let original = &files["a.jpg"];
    assert!(!photos::has_exif(original) && !photos::has_gps(original));
    let names: Vec<&String> = files.keys().collect();
    assert!(!names.iter().any(|n| n.ends_with(".webp")), "{names:?}");
}

#[test]
fn gifs_and_svgs_are_published_as_they_are_with_their_size() {
    let site = photo_site("a.gif", &[("d.svg", None)], "");
    let mut gif = Vec::new();
    image::DynamicImage::new_rgb8(40, 30)
        .write_to(&mut std::io::Cursor::new(&mut gif), image::ImageFormat::Gif)
        .unwrap();
    site.write("content/projects/photos/a.gif", &gif);
    site.write(
        "content/projects/photos/d.svg",
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 450"><rect width="8" height="4"/></svg>"#,
    );
    site.build(&[]).assert_ok();
    let out = site.output();
    assert_eq!(
        std::fs::read(out.join("projects/photos/a.gif")).unwrap(),
        gif
    );
    let page = common::read(&out.join("projects/photos/index.html"));
    for (name, size) in [("a.gif", ("40", "30")), ("d.svg", ("800", "450"))] {
        let img = common::tags(&page, "img")
            .into_iter()
            .find(|i| i.attr("src").is_some_and(|s| s.ends_with(name)))
            .unwrap_or_else(|| panic!("no <img> of {name}"));
        assert_eq!(
            (img.attr("width"), img.attr("height")),
            (Some(size.0), Some(size.1))
        );
    }
}

/// A bad picture file named as the cover: the build and check both stop with `code` at the
/// cover's line, naming the file, and say `says`.
fn refused(bytes: &[u8], name: &str, code: &str, says: &str) {
    let site = photo_site(name, &[], "");
    site.write(&format!("content/projects/photos/{name}"), bytes);
    for run in [site.build(&[]), site.check(&[])] {
        run.assert_code(1)
            .assert_stderr_has(code)
            .assert_stderr_has(&format!("`content/projects/photos/{name}`"))
            .assert_stderr_has("content/projects/photos/index.zh.md:5:8")
            .assert_stderr_has(says)
            .assert_stderr_lacks("panicked");
    }
    assert!(!site.output().exists(), "nothing is published");
}

#[test]
fn a_truncated_photo_is_an_error_at_the_field_that_uses_it() {
    let whole = photos::photo_jpeg(900, 600, &PhotoOptions::default());
    let site = photo_site("cut.jpg", &[], "");
    site.write("content/projects/photos/cut.jpg", photos::truncated(&whole));
    // Its header is whole: planning finds nothing, decoding does.
    for run in [site.build(&[]), site.check(&[])] {
        run.assert_code(1)
            .assert_stderr_has("E-bad-image")
            .assert_stderr_has("content/projects/photos/cut.jpg")
            .assert_stderr_lacks("panicked");
    }
    assert!(!site.output().exists());
}

#[test]
fn a_decompression_bomb_is_refused_before_it_is_decoded() {
    refused(
        &photos::bomb_png(60000, 60000),
        "bomb.png",
        "E-image-too-large",
        "60000",
    );
}

#[test]
fn a_heic_photo_is_refused_with_how_to_convert_it() {
    refused(
        &photos::heic_header(),
        "iphone.heic",
        "E-image-format",
        "HEIC",
    );
}

#[test]
fn a_png_named_jpg_is_refused_with_what_it_really_is() {
    refused(
        &photos::png(64, 64, PngKind::Rgb8),
        "shot.jpg",
        "E-image-extension",
        "PNG",
    );
}

#[test]
fn cmyk_and_16_bit_pictures_are_published() {
    let site = photo_site(
        "cmyk.jpg",
        &[("deep.png", Some("x")), ("gray.png", Some("x"))],
        "",
    );
    site.write(
        "content/projects/photos/cmyk.jpg",
        photos::cmyk_jpeg(600, 400, [0, 255, 255, 0]),
    );
    site.write(
        "content/projects/photos/deep.png",
        photos::png(500, 300, PngKind::Rgb16),
    );
    site.write(
        "content/projects/photos/gray.png",
        photos::png(500, 300, PngKind::Gray8),
    );
    site.build(&[]).assert_ok();
    let files = files_in(&site.output(), "projects/photos");
    let cmyk = files
        .iter()
        .find(|(n, _)| n.starts_with("cmyk-480w.") && n.ends_with(".jpg"))
        .expect("a JPEG of the CMYK photo");
    let red = image::load_from_memory(cmyk.1).unwrap().to_rgb8();
    let pixel = red.get_pixel(240, 160).0;
    assert!(
        pixel[0] > 200 && pixel[1] < 60 && pixel[2] < 60,
        "{pixel:?}"
    );
}

#[test]
fn check_says_which_photos_hold_a_position_and_which_covers_are_small() {
    let site = photo_site("small.jpg", &[("phone.jpg", Some("x"))], "");
    site.write("content/projects/photos/phone.jpg", phone_photo(1600, 1200));
    site.write(
        "content/projects/photos/small.jpg",
        photos::photo_jpeg(800, 600, &PhotoOptions::default()),
    );
    let run = site.check(&[]);
    run.assert_ok()
        .assert_stderr_has("W-photo-gps")
        .assert_stderr_has("content/projects/photos/phone.jpg")
        .assert_stderr_has("W-image-too-small")
        .assert_stderr_has("content/projects/photos/index.zh.md:5:8");
    // A build says neither: it publishes no position and the cover still works.
    site.build(&[])
        .assert_ok()
        .assert_stderr_lacks("W-photo-gps")
        .assert_stderr_lacks("W-image-too-small");
}

#[test]
fn bad_image_settings_are_errors_in_site_yaml() {
    let site = Site::base();
    site.edit(
        "site.yaml",
        "output_dir: output\n",
        "output_dir: output\nimages: {quality: 120, formats: [avif]}\n",
    );
    site.build(&[])
        .assert_code(1)
        .assert_stderr_has("site.yaml:10:")
        .assert_stderr_has("quality")
        .assert_stderr_has("avif");
}

/// Raw HTML that names a photo would show nothing (only its variants are published): an error
/// at the attribute, in build and check, which says to write Markdown instead; with
/// `keep_original` the file is published and the HTML is fine.
#[test]
fn raw_html_naming_a_photo_is_an_error_at_the_attribute() {
    let body = "正文。\n\n<p><img src=\"a.jpg\" alt=\"会场\"></p>\n";
    let site = photo_site("b.jpg", &[], body);
    site.write("content/projects/photos/a.jpg", phone_photo(800, 600));
    site.write("content/projects/photos/b.jpg", phone_photo(800, 600));
    for run in [site.build(&[]), site.check(&[])] {
        run.assert_code(1)
            .assert_stderr_has("E-photo-in-html")
            .assert_stderr_has("content/projects/photos/index.zh.md:10:9")
            .assert_stderr_has("![what it shows](a.jpg)");
    }
    site.edit(
        "site.yaml",
        "output_dir: output\n",
        "output_dir: output\nimages: {keep_original: true}\n",
    );
    site.build(&[]).assert_ok();
    let page = common::read(&site.output().join("projects/photos/index.html"));
    assert!(
        page.contains("src=\"a.jpg\""),
        "the HTML is published as written"
    );
    assert!(site.output().join("projects/photos/a.jpg").is_file());
}

/// A GIF is published as it is, without its metadata; one holding metadata showcase cannot
/// remove (XMP in a comment block) is an error where the cover names it, in build and check,
/// before anything is written, rather than a failure to write the output.
#[test]
fn a_gif_whose_metadata_cannot_be_removed_is_refused_where_it_is_used() {
    let site = photo_site("a.gif", &[], "");
    let gif = photos::animated_gif(40, 30);
    // A comment extension right after the header and logical screen (13 bytes; no global
    // colour table is assumed, so it goes after it when there is one).
    let table = if gif[10] & 0x80 != 0 {
        3 << ((gif[10] & 7) + 1)
    } else {
        0
    };
    let at = 13 + table;
    let mut with_xmp = gif[..at].to_vec();
    with_xmp.extend_from_slice(b"\x21\xFE\x0BXMP DataXMP\x00");
    with_xmp.extend_from_slice(&gif[at..]);
    site.write("content/projects/photos/a.gif", &with_xmp);
    for run in [site.build(&[]), site.check(&[])] {
        run.assert_code(1)
            .assert_stderr_has("E-image-metadata")
            .assert_stderr_has("content/projects/photos/index.zh.md:5:8")
            .assert_stderr_lacks("cannot write");
    }
    assert!(!site.output().exists(), "nothing is published");
}

/// The same photo saved under two names (copied into a second folder, say) shares one cache
/// folder: both are published, each with all its files (the cover with its sharing JPEG), and
/// making them at once does not trip over itself.
#[test]
fn the_same_photo_under_two_names_is_made_once_and_published_twice() {
    let site = photo_site("cover.jpg", &[("copy.jpg", None)], "");
    let photo = phone_photo(1600, 1200);
    site.write("content/projects/photos/cover.jpg", &photo);
    site.write("content/projects/photos/copy.jpg", &photo);
    site.build(&[]).assert_ok();
    let files = files_in(&site.output(), "projects/photos");
    for stem in ["cover-", "copy-"] {
        let count = files.keys().filter(|n| n.starts_with(stem)).count();
        assert!(count >= 6, "{stem}: {:?}", files.keys());
    }
    assert!(
        files
            .keys()
            .any(|n| n.starts_with("cover-1200w.") && n.ends_with(".jpg")),
        "the cover's sharing JPEG: {:?}",
        files.keys()
    );
}
