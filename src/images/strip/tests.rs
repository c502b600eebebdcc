//! Stripping real files made by `tests/common/photos.rs`: the metadata is gone, the pixels and
//! the colour profile are not.

use std::io::Cursor;

use image::{ImageDecoder, ImageFormat};

use super::*;
use crate::images::decode::decode;
use crate::images::probe::photos::{self, PhotoOptions, PngKind};
use crate::images::probe::{Metadata, probe};

const XMP: &[u8] =
    b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:RDF>GPS 42.9N</rdf:RDF></x:xmpmeta>";

fn contains(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|window| window == needle)
}

/// The embedded ICC profile, as the decoder finds it.
fn icc(bytes: &[u8], format: ImageFormat) -> Option<Vec<u8>> {
    let mut decoder = image::ImageReader::with_format(Cursor::new(bytes), format)
        .into_decoder()
        .unwrap();
    decoder.icc_profile().unwrap()
}

/// Checks what stripping must guarantee and returns the stripped file.
fn check_stripped(original: &[u8], extension: &str, format: ImageFormat) -> Vec<u8> {
    let probed = probe(original, extension).unwrap();
    let stripped = strip_metadata(original, probed.format).unwrap();
    assert!(!photos::has_exif(&stripped), "{extension}: EXIF left");
    assert!(!photos::has_gps(&stripped));
    assert!(
        exif::Reader::new()
            .read_from_container(&mut Cursor::new(&stripped))
            .is_err(),
        "{extension}: kamadak-exif still finds EXIF"
    );
    assert!(!contains(&stripped, b"xmpmeta"), "{extension}: XMP left");
    let after = probe(&stripped, extension).unwrap();
    assert_eq!(after.metadata, Metadata::default());
    assert_eq!((after.width, after.height), (probed.width, probed.height));
    assert_eq!(
        icc(&stripped, format),
        icc(original, format),
        "{extension}: profile"
    );
    assert!(
        icc(&stripped, format).is_some(),
        "{extension}: the test has a profile"
    );
    // The pixels, before orientation (stripping removes the orientation too).
    let plain = |bytes: &[u8]| {
        let mut probe = probe(bytes, extension).unwrap();
        probe.orientation = 1;
        decode(bytes, &probe).unwrap().pixels
    };
    assert_eq!(plain(&stripped), plain(original), "{extension}: pixels");
    stripped
}

#[test]
fn a_phone_jpeg_loses_exif_xmp_iptc_and_comments_but_keeps_its_profile() {
    let p3 = moxcms::ColorProfile::new_display_p3().encode().unwrap();
    let options = PhotoOptions {
        orientation: Some(6),
        gps: true,
        artist: Some("Kim"),
        copyright: Some("Yanbian"),
        icc_profile: Some(&p3),
        ..PhotoOptions::default()
    };
    let mut jpeg = photos::photo_jpeg(48, 32, &options);
    jpeg = photos::with_jpeg_segment(&jpeg, 0xE1, XMP);
    jpeg = photos::with_jpeg_segment(&jpeg, 0xED, &photos::iptc_app13(Some(b"Kim"), None));
    jpeg = photos::with_jpeg_segment(&jpeg, 0xFE, b"taken at home");
    // An MPF-style second picture after the first one's EOI, with its own GPS.
    jpeg.extend_from_slice(&photos::photo_jpeg(
        8,
        8,
        &PhotoOptions {
            gps: true,
            ..options
        },
    ));
    assert!(photos::has_gps(&jpeg));
    let stripped = check_stripped(&jpeg, "jpg", ImageFormat::Jpeg);
    for gone in [b"Photoshop 3.0".as_slice(), b"taken at home", b"Exif\0\0"] {
        assert!(
            !contains(&stripped, gone),
            "{:?}",
            String::from_utf8_lossy(gone)
        );
    }
    assert!(contains(&stripped, b"JFIF\0"), "APP0 kept");
    assert!(stripped.ends_with(&[0xFF, 0xD9]));
    // The entropy-coded data is the same bytes.
    let scan = |bytes: &[u8]| bytes.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
    assert_eq!(
        stripped[scan(&stripped)..],
        jpeg[scan(&jpeg)..scan(&jpeg) + stripped.len() - scan(&stripped)]
    );
}

#[test]
fn a_cmyk_jpeg_keeps_its_adobe_segment() {
    let jpeg = photos::cmyk_jpeg(16, 16, [0, 255, 255, 0]);
    assert_eq!(strip_metadata(&jpeg, Format::Jpeg).unwrap(), jpeg);
    assert!(contains(&jpeg, b"Adobe"));
}

#[test]
fn a_png_loses_exif_text_and_time_but_keeps_its_profile() {
    let srgb = moxcms::ColorProfile::new_srgb().encode().unwrap();
    let tiff = photos::exif(&PhotoOptions {
        gps: true,
        ..PhotoOptions::default()
    })
    .unwrap();
    let mut png = photos::png(20, 10, PngKind::Rgba8);
    png = photos::with_png_chunk(&png, *b"iCCP", &photos::iccp(&srgb));
    png = photos::with_png_chunk(&png, *b"eXIf", &tiff);
    png = photos::with_png_chunk(&png, *b"tEXt", b"Author\0Kim");
    png = photos::with_png_chunk(&png, *b"iTXt", b"XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>");
    png = photos::with_png_chunk(&png, *b"zTXt", b"Comment\0\0x");
    png = photos::with_png_chunk(&png, *b"tIME", &[7, 234, 12, 6, 12, 0, 0]);
    let stripped = check_stripped(&png, "png", ImageFormat::Png);
    let kinds: Vec<[u8; 4]> = crate::images::probe::png_chunks(&stripped)
        .0
        .iter()
        .map(|chunk| chunk.kind)
        .collect();
    assert_eq!(kinds, [*b"IHDR", *b"iCCP", *b"IDAT", *b"IEND"]);
}

#[test]
fn a_webp_loses_exif_and_xmp_and_its_flags_say_so() {
    let p3 = moxcms::ColorProfile::new_display_p3().encode().unwrap();
    let tiff = photos::exif(&PhotoOptions {
        gps: true,
        orientation: Some(3),
        ..PhotoOptions::default()
    })
    .unwrap();
    let webp = photos::webp_extended(
        &photos::photo_as(ImageFormat::WebP, 20, 10),
        Some(&p3),
        Some(&tiff),
        Some(XMP),
    );
    assert!(photos::has_gps(&webp));
    let stripped = check_stripped(&webp, "webp", ImageFormat::WebP);
    let (chunks, ending) = crate::images::probe::webp_chunks(&stripped);
    assert_eq!(ending, Ok(()));
    let kinds: Vec<[u8; 4]> = chunks.iter().map(|chunk| chunk.kind).collect();
    assert_eq!(kinds, [*b"VP8X", *b"ICCP", *b"VP8L"]);
    assert_eq!(stripped[20], 0x20, "only the ICC flag is left");
    let riff_size = u32::from_le_bytes(stripped[4..8].try_into().unwrap()) as usize;
    assert_eq!(riff_size, stripped.len() - 8);
}

#[test]
fn files_without_metadata_come_back_unchanged() {
    let cases = [
        (
            photos::photo_jpeg(16, 16, &PhotoOptions::default()),
            Format::Jpeg,
        ),
        (photos::png(16, 16, PngKind::Palette), Format::Png),
        (photos::photo_as(ImageFormat::WebP, 16, 16), Format::WebP),
        (photos::photo_as(ImageFormat::Bmp, 16, 16), Format::Bmp),
        (photos::animated_gif(16, 16), Format::Gif),
        (photos::photo_as(ImageFormat::Tiff, 16, 16), Format::Tiff),
    ];
    for (bytes, format) in cases {
        assert_eq!(
            strip_metadata(&bytes, format).as_ref(),
            Ok(&bytes),
            "{format:?}"
        );
    }
}

#[test]
fn a_file_that_cannot_be_parsed_is_refused_only_when_it_may_hold_metadata() {
    let with_gps = photos::photo_jpeg(
        64,
        64,
        &PhotoOptions {
            gps: true,
            ..PhotoOptions::default()
        },
    );
    let cut = photos::truncated(&with_gps);
    assert_eq!(
        strip_metadata(&cut, Format::Jpeg),
        Err(MetadataLeft {
            format: Format::Jpeg
        })
    );
    let plain = photos::truncated(&photos::photo_jpeg(64, 64, &PhotoOptions::default()));
    assert_eq!(strip_metadata(&plain, Format::Jpeg), Ok(plain.clone()));
    // A TIFF's EXIF is part of its own structure: it cannot be dropped losslessly here.
    let tiff = photos::exif(&PhotoOptions {
        gps: true,
        ..PhotoOptions::default()
    })
    .unwrap();
    assert!(strip_metadata(&tiff, Format::Tiff).is_err());
    let message = MetadataLeft {
        format: Format::Tiff,
    }
    .message()
    .text(crate::messages::UiLang::En);
    assert!(
        message.starts_with("this TIFF file cannot be published as it is"),
        "{message}"
    );
}
