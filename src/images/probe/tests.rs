//! Probing real files made by `tests/common/photos.rs`.

use image::ImageFormat;

use super::photos::{self, PhotoOptions, PngKind};
use super::*;
use crate::messages::UiLang;

fn probed(bytes: &[u8], extension: &str) -> Probe {
    probe(bytes, extension).unwrap_or_else(|problem| panic!("{problem:?}"))
}

fn refused(bytes: &[u8], extension: &str) -> ImageProblem {
    probe(bytes, extension).expect_err("the file is refused")
}

#[test]
fn each_format_is_measured_from_its_header() {
    let cases = [
        (
            photos::photo_jpeg(40, 30, &PhotoOptions::default()),
            "jpg",
            Format::Jpeg,
        ),
        (photos::png(40, 30, PngKind::Rgb8), "png", Format::Png),
        (
            photos::photo_as(ImageFormat::WebP, 40, 30),
            "webp",
            Format::WebP,
        ),
        (
            photos::photo_as(ImageFormat::Tiff, 40, 30),
            "tif",
            Format::Tiff,
        ),
        (
            photos::photo_as(ImageFormat::Bmp, 40, 30),
            "bmp",
            Format::Bmp,
        ),
        (
            photos::photo_as(ImageFormat::Gif, 40, 30),
            "gif",
            Format::Gif,
        ),
    ];
    for (bytes, extension, format) in cases {
        let probe = probed(&bytes, extension);
        assert_eq!(
            (
                probe.format,
                probe.width,
                probe.height,
                probe.orientation,
                probe.animated
            ),
            (format, 40, 30, 1, false),
            "{extension}"
        );
        assert_eq!(probe.metadata, Metadata::default(), "{extension}");
    }
}

#[test]
fn extensions_are_matched_without_case_and_with_their_variants() {
    let jpeg = photos::photo_jpeg(8, 8, &PhotoOptions::default());
    for extension in ["JPG", "jpeg", "Jpe", "jfif"] {
        assert_eq!(probed(&jpeg, extension).format, Format::Jpeg);
    }
    assert_eq!(
        probed(&photos::photo_as(ImageFormat::Tiff, 8, 8), "TIFF").format,
        Format::Tiff
    );
}

#[test]
fn a_picture_named_as_another_format_is_a_wrong_extension() {
    let png = photos::png(8, 8, PngKind::Rgb8);
    assert_eq!(
        refused(&png, "jpg"),
        ImageProblem::WrongExtension {
            actual: Format::Png
        }
    );
    let jpeg = photos::photo_jpeg(8, 8, &PhotoOptions::default());
    assert_eq!(
        refused(&jpeg, "heic"),
        ImageProblem::WrongExtension {
            actual: Format::Jpeg
        }
    );
    let problem = refused(&jpeg, "png");
    assert_eq!(
        problem.hint().text(UiLang::En),
        "browsers and servers go by the name: rename the file so that it ends in .jpg (it is a \
         JPEG picture), and write the new name where the content uses it"
    );
    assert!(problem.message().text(UiLang::Zh).contains("JPEG 图片"));
}

#[test]
fn formats_we_do_not_read_are_named() {
    let ftyp = |brand: &[u8]| {
        let mut bytes = b"\0\0\0\x18ftyp".to_vec();
        bytes.extend_from_slice(brand);
        bytes.extend_from_slice(b"\0\0\0\0mif1");
        bytes
    };
    let cases: [(Vec<u8>, &str, &str); 9] = [
        (photos::heic_header(), "heic", HEIC),
        (photos::heic_header(), "jpg", HEIC),
        (ftyp(b"mif1"), "heif", HEIC),
        (ftyp(b"avif"), "avif", AVIF),
        (b"8BPS\0\x01\0\0\0\0\0\0\0\x03".to_vec(), "psd", PSD),
        (b"\xFF\x0A\xFA\x7F".to_vec(), "jxl", JPEG_XL),
        (b"\0\0\0\x0cJXL \r\n\x87\n\0\0".to_vec(), "jxl", JPEG_XL),
        (photos::photo_as(ImageFormat::Tiff, 8, 8), "NEF", RAW),
        (b"IIRO\x08\0\0\0".to_vec(), "orf", RAW),
    ];
    for (bytes, extension, format) in cases {
        assert_eq!(
            refused(&bytes, extension),
            ImageProblem::Unsupported { format },
            "{extension}"
        );
    }
}

#[test]
fn the_heic_hint_says_how_to_get_a_jpeg_and_what_we_read() {
    let problem = ImageProblem::Unsupported { format: HEIC };
    let zh = problem.hint().text(UiLang::Zh);
    assert!(zh.contains("设置 → 相机 → 格式 → 兼容性最佳"), "{zh}");
    assert!(zh.contains("JPEG、PNG、WebP、TIFF 和 BMP"), "{zh}");
    assert_eq!(
        problem.message().text(UiLang::En),
        "this picture is in HEIC format, which web pages cannot show everywhere and showcase \
         does not read"
    );
}

#[test]
fn files_that_are_not_pictures_are_refused() {
    let cases: [&[u8]; 6] = [
        b"",
        b"hello, world\n",
        b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n",
        b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0",
        b"BMW is a car, not a bitmap",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    ];
    for bytes in cases {
        assert_eq!(
            refused(bytes, "jpg"),
            ImageProblem::NotAnImage,
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn a_header_cut_short_is_truncated() {
    let jpeg = photos::photo_jpeg(64, 48, &PhotoOptions::default());
    // Cut inside the SOF segment, before the size.
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    assert_eq!(refused(&jpeg[..sof + 5], "jpg"), ImageProblem::Truncated);
    let png = photos::png(8, 8, PngKind::Rgb8);
    assert_eq!(refused(&png[..20], "png"), ImageProblem::Truncated);
    assert_eq!(refused(&png[..5], "png"), ImageProblem::Truncated);
    assert_eq!(refused(b"\xFF\xD8", "jpg"), ImageProblem::Truncated);
}

#[test]
fn a_bomb_is_refused_from_its_header() {
    let start = std::time::Instant::now();
    let problem = refused(&photos::bomb_png(60_000, 60_000), "png");
    assert_eq!(
        problem,
        ImageProblem::TooLarge {
            width: 60_000,
            height: 60_000
        }
    );
    // Allocating and inflating 14 GB would take far longer than this (or fail).
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
    assert_eq!(
        problem.message().text(UiLang::En),
        "this picture is 60000 × 60000 pixels (3600.0 megapixels); showcase reads pictures of \
         at most 100 megapixels"
    );
    // Exactly at the limit is allowed; one row more is not.
    assert!(probe(&photos::bomb_png(10_000, 10_000), "png").is_ok());
    assert!(matches!(
        refused(&photos::bomb_png(10_000, 10_001), "png"),
        ImageProblem::TooLarge { .. }
    ));
}

#[test]
fn a_zero_size_is_corrupt() {
    assert!(matches!(
        refused(&photos::bomb_png(0, 10), "png"),
        ImageProblem::Corrupt(_)
    ));
}

#[test]
fn orientation_gps_artist_and_copyright_come_from_exif() {
    let options = PhotoOptions {
        orientation: Some(6),
        gps: true,
        artist: Some("  金美英 "),
        copyright: Some("延边文化馆\0"),
        ..PhotoOptions::default()
    };
    let probe = probed(&photos::photo_jpeg(40, 30, &options), "jpg");
    assert_eq!(probe.orientation, 6);
    assert_eq!(probe.display_size(), (30, 40));
    assert_eq!(
        probe.metadata,
        Metadata {
            gps: true,
            artist: Some("金美英".to_string()),
            copyright: Some("延边文化馆".to_string()),
        }
    );
}

#[test]
fn exif_is_read_from_png_and_webp_too() {
    let tiff = photos::exif(&PhotoOptions {
        orientation: Some(8),
        gps: true,
        ..PhotoOptions::default()
    })
    .unwrap();
    let png = photos::with_png_chunk(&photos::png(10, 6, PngKind::Rgb8), *b"eXIf", &tiff);
    let webp = photos::webp_extended(
        &photos::photo_as(ImageFormat::WebP, 10, 6),
        None,
        Some(&tiff),
        None,
    );
    for (bytes, extension) in [(png, "png"), (webp, "webp")] {
        let probe = probed(&bytes, extension);
        assert_eq!(
            (probe.orientation, probe.metadata.gps),
            (8, true),
            "{extension}"
        );
        assert_eq!(probe.display_size(), (6, 10));
    }
}

#[test]
fn copyright_of_photographer_and_editor_and_blank_values() {
    let probe = probed(
        &photos::photo_jpeg(
            8,
            8,
            &PhotoOptions {
                artist: Some("   "),
                copyright: Some("Kim\0Lee Editor"),
                ..PhotoOptions::default()
            },
        ),
        "jpg",
    );
    assert_eq!(probe.metadata.artist, None);
    assert_eq!(probe.metadata.copyright.as_deref(), Some("Kim, Lee Editor"));
}

#[test]
fn an_invalid_orientation_is_one() {
    for orientation in [0, 9, 200] {
        let options = PhotoOptions {
            orientation: Some(orientation),
            ..PhotoOptions::default()
        };
        assert_eq!(
            probed(&photos::photo_jpeg(8, 8, &options), "jpg").orientation,
            1
        );
    }
}

#[test]
fn iptc_credits_are_read_when_exif_lacks_them() {
    let jpeg = photos::photo_jpeg(16, 16, &PhotoOptions::default());
    let utf8 = photos::with_jpeg_segment(
        &jpeg,
        0xED,
        &photos::iptc_app13(Some("朴俊".as_bytes()), Some(b"(c) 2026 Yanbian")),
    );
    let metadata = probed(&utf8, "jpg").metadata;
    assert_eq!(metadata.artist.as_deref(), Some("朴俊"));
    assert_eq!(metadata.copyright.as_deref(), Some("(c) 2026 Yanbian"));
    // Latin-1 from old software: "José" with é as the single byte E9.
    let latin1 =
        photos::with_jpeg_segment(&jpeg, 0xED, &photos::iptc_app13(Some(b"Jos\xE9"), None));
    assert_eq!(
        probed(&latin1, "jpg").metadata.artist.as_deref(),
        Some("José")
    );
    // EXIF wins over IPTC.
    let both = photos::with_jpeg_segment(
        &photos::photo_jpeg(
            16,
            16,
            &PhotoOptions {
                artist: Some("EXIF Artist"),
                ..PhotoOptions::default()
            },
        ),
        0xED,
        &photos::iptc_app13(Some(b"IPTC By-line"), Some(b"IPTC Copyright")),
    );
    let metadata = probed(&both, "jpg").metadata;
    assert_eq!(metadata.artist.as_deref(), Some("EXIF Artist"));
    assert_eq!(metadata.copyright.as_deref(), Some("IPTC Copyright"));
}

#[test]
fn broken_metadata_is_ignored() {
    let jpeg = photos::photo_jpeg(16, 16, &PhotoOptions::default());
    let broken = photos::with_jpeg_segment(&jpeg, 0xE1, b"Exif\0\0II*\0\xFF\xFF\xFF\x7Fgarbage");
    let broken = photos::with_jpeg_segment(
        &broken,
        0xED,
        b"Photoshop 3.0\08BIM\x04\x04\0\0\xFF\xFF\xFF\xFF",
    );
    let probe = probed(&broken, "jpg");
    assert_eq!(
        (probe.orientation, probe.metadata),
        (1, Metadata::default())
    );
}

#[test]
fn animations_are_detected() {
    assert!(probed(&photos::animated_gif(8, 8), "gif").animated);
    assert!(probed(&photos::animated_png(8, 8), "png").animated);
    assert!(probed(&photos::animated_webp(8, 8), "webp").animated);
    // One frame of each is still.
    assert!(!probed(&photos::photo_as(ImageFormat::Gif, 8, 8), "gif").animated);
    let webp = photos::webp_extended(&photos::photo_as(ImageFormat::WebP, 8, 8), None, None, None);
    assert!(!probed(&webp, "webp").animated);
}

#[test]
fn every_problem_has_a_message_and_a_hint_in_both_languages() {
    let problems = [
        ImageProblem::Truncated,
        ImageProblem::Corrupt("bad Huffman code".to_string()),
        ImageProblem::NotAnImage,
        ImageProblem::Unsupported { format: HEIC },
        ImageProblem::Unsupported { format: AVIF },
        ImageProblem::Unsupported { format: PSD },
        ImageProblem::Unsupported { format: RAW },
        ImageProblem::Unsupported { format: JPEG_XL },
        ImageProblem::WrongExtension {
            actual: Format::WebP,
        },
        ImageProblem::TooLarge {
            width: 20_000,
            height: 10_000,
        },
    ];
    for problem in problems {
        for lang in [UiLang::En, UiLang::Zh] {
            for text in [problem.message().text(lang), problem.hint().text(lang)] {
                assert!(!text.is_empty() && !text.contains("image-"), "{text}");
            }
        }
    }
    assert_eq!(
        ImageProblem::Truncated.message().text(UiLang::Zh),
        "此文件不是完整的图片：文件在图片结束之前就断了"
    );
    assert!(
        ImageProblem::Unsupported { format: JPEG_XL }
            .message()
            .text(UiLang::Zh)
            .contains("JPEG XL")
    );
}
