//! Decoding real files made by `tests/common/photos.rs`: every colour type, orientation,
//! colour profile and cut-off file.

use image::ImageFormat;

use super::*;
use crate::images::probe::photos::{self, MARKER, PhotoOptions, PngKind};
use crate::images::probe::probe;

fn decoded(bytes: &[u8], extension: &str) -> Decoded {
    let probe = probe(bytes, extension).unwrap_or_else(|problem| panic!("{problem:?}"));
    let decoded = decode(bytes, &probe).unwrap_or_else(|problem| panic!("{problem:?}"));
    let channels = if decoded.alpha { 4 } else { 3 };
    assert_eq!(
        decoded.pixels.len(),
        (decoded.width * decoded.height) as usize * channels
    );
    assert_eq!((decoded.width, decoded.height), probe.display_size());
    decoded
}

fn pixel(decoded: &Decoded, x: u32, y: u32) -> &[u8] {
    let channels = if decoded.alpha { 4 } else { 3 };
    let at = (y * decoded.width + x) as usize * channels;
    &decoded.pixels[at..at + channels]
}

fn close(actual: &[u8], expected: &[u8], tolerance: u8) -> bool {
    actual.len() == expected.len()
        && actual
            .iter()
            .zip(expected)
            .all(|(a, e)| a.abs_diff(*e) <= tolerance)
}

/// The four corners of a decoded picture, in the order top-left, top-right, bottom-left,
/// bottom-right, and which of them shows the marker.
fn marked_corner(decoded: &Decoded, tolerance: u8) -> Vec<&'static str> {
    let (w, h) = (decoded.width - 1, decoded.height - 1);
    [
        ("top-left", 0, 0),
        ("top-right", w, 0),
        ("bottom-left", 0, h),
        ("bottom-right", w, h),
    ]
    .into_iter()
    .filter(|&(_, x, y)| close(pixel(decoded, x, y), &MARKER, tolerance))
    .map(|(name, ..)| name)
    .collect()
}

#[test]
fn every_format_decodes_to_rgb_pixels() {
    let cases = [
        (
            photos::photo_jpeg(40, 30, &PhotoOptions::default()),
            "jpg",
            40,
        ),
        (photos::png(40, 30, PngKind::Rgb8), "png", 0),
        (photos::photo_as(ImageFormat::WebP, 40, 30), "webp", 0),
        (photos::photo_as(ImageFormat::Tiff, 40, 30), "tiff", 0),
        (photos::photo_as(ImageFormat::Bmp, 40, 30), "bmp", 0),
        // GIF's 256 colours (NeuQuant) turn the red marker into a dull red.
        (photos::photo_as(ImageFormat::Gif, 40, 30), "gif", 80),
    ];
    let expected = photos::photo_pixels(40, 30);
    for (bytes, extension, tolerance) in cases {
        let decoded = decoded(&bytes, extension);
        assert_eq!(
            (decoded.width, decoded.height, decoded.alpha),
            (40, 30, false)
        );
        if tolerance == 0 {
            assert_eq!(decoded.pixels, expected, "{extension}");
        }
        assert_eq!(
            marked_corner(&decoded, tolerance.max(40)),
            ["top-left"],
            "{extension}: {:?}",
            pixel(&decoded, 0, 0)
        );
        assert!(close(
            pixel(&decoded, 20, 15),
            &expected[(15 * 40 + 20) * 3..][..3],
            tolerance
        ));
    }
}

#[test]
fn all_eight_orientations_put_the_stored_top_left_where_a_viewer_sees_it() {
    let expected = [
        (1, "top-left"),
        (2, "top-right"),
        (3, "bottom-right"),
        (4, "bottom-left"),
        (5, "top-left"),
        (6, "top-right"),
        (7, "bottom-right"),
        (8, "bottom-left"),
    ];
    for (orientation, corner) in expected {
        let tiff = photos::exif(&PhotoOptions {
            orientation: Some(orientation),
            ..PhotoOptions::default()
        })
        .unwrap();
        let png = photos::with_png_chunk(&photos::png(32, 16, PngKind::Rgb8), *b"eXIf", &tiff);
        let decoded = decoded(&png, "png");
        let size = if orientation >= 5 { (16, 32) } else { (32, 16) };
        assert_eq!(
            (decoded.width, decoded.height),
            size,
            "orientation {orientation}"
        );
        assert_eq!(
            marked_corner(&decoded, 0),
            [corner],
            "orientation {orientation}"
        );
    }
}

#[test]
fn a_phone_photo_turned_on_its_side_is_shown_upright() {
    for (orientation, corner) in [(6, "top-right"), (8, "bottom-left")] {
        let options = PhotoOptions {
            orientation: Some(orientation),
            ..PhotoOptions::default()
        };
        let decoded = decoded(&photos::photo_jpeg(64, 48, &options), "jpg");
        assert_eq!((decoded.width, decoded.height), (48, 64));
        assert_eq!(
            marked_corner(&decoded, 40),
            [corner],
            "orientation {orientation}"
        );
    }
}

#[test]
fn cmyk_jpegs_as_photoshop_writes_them_have_the_right_colours() {
    // jpeg-encoder writes Photoshop's convention: Adobe APP14 (transform 0) and inverted
    // samples; zune-jpeg reads CMYK as inverted, so no ink is white and C+M+Y… are right.
    let cases = [
        ([0, 0, 0, 0], [255, 255, 255]),
        ([0, 255, 255, 0], [255, 0, 0]),
        ([255, 0, 0, 0], [0, 255, 255]),
        ([0, 0, 0, 255], [0, 0, 0]),
        ([0, 0, 0, 128], [127, 127, 127]),
        ([0, 128, 255, 0], [255, 127, 0]),
    ];
    for (cmyk, rgb) in cases {
        let decoded = decoded(&photos::cmyk_jpeg(16, 16, cmyk), "jpg");
        assert!(!decoded.alpha);
        assert!(
            close(pixel(&decoded, 8, 8), &rgb, 3),
            "CMYK {cmyk:?} gave {:?}, not {rgb:?}",
            pixel(&decoded, 8, 8)
        );
    }
    // The same colour stored as YCCK (Adobe transform 2).
    let mut ycck = Vec::new();
    jpeg_encoder::Encoder::new(&mut ycck, 95)
        .encode(
            &[0, 255, 255, 0].repeat(256),
            16,
            16,
            jpeg_encoder::ColorType::CmykAsYcck,
        )
        .unwrap();
    assert!(close(pixel(&decoded(&ycck, "jpg"), 8, 8), &[255, 0, 0], 4));
}

#[test]
fn sixteen_bit_samples_are_scaled_to_eight() {
    let decoded = decoded(&photos::png(300, 2, PngKind::Rgb16), "png");
    assert!(!decoded.alpha);
    for x in [0, 1, 100, 255] {
        assert_eq!(pixel(&decoded, x, 1), [x as u8, 128, 255], "x = {x}");
    }
}

#[test]
fn gray_becomes_rgb() {
    let decoded = decoded(&photos::png(20, 10, PngKind::Gray8), "png");
    let reds: Vec<u8> = photos::photo_pixels(20, 10)
        .into_iter()
        .step_by(3)
        .collect();
    let expected: Vec<u8> = reds.iter().flat_map(|&v| [v, v, v]).collect();
    assert_eq!((decoded.alpha, decoded.pixels), (false, expected));
    // Gray with alpha keeps its alpha.
    let raw: Vec<u8> = (0..16u8).flat_map(|i| [i * 16, i * 8]).collect();
    let gray_alpha = photos::png_file(4, 4, 4, 8, &raw, &[]);
    let decoded = decoded_ok(&gray_alpha);
    assert!(decoded.alpha);
    assert_eq!(pixel(&decoded, 1, 0), [16, 16, 16, 8]);
}

fn decoded_ok(png: &[u8]) -> Decoded {
    decoded(png, "png")
}

#[test]
fn palette_pngs_with_and_without_transparency() {
    let opaque = decoded_ok(&photos::png(8, 2, PngKind::Palette));
    assert!(!opaque.alpha);
    assert_eq!(
        &opaque.pixels[..12],
        [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]
    );
    let transparent = decoded_ok(&photos::png(8, 2, PngKind::PaletteTransparent));
    assert!(transparent.alpha);
    assert_eq!(pixel(&transparent, 0, 0)[3], 0);
    assert_eq!(pixel(&transparent, 1, 0), [0, 255, 0, 255]);
}

#[test]
fn alpha_is_kept_only_when_something_is_transparent() {
    let rgba = decoded_ok(&photos::png(20, 4, PngKind::Rgba8));
    assert!(rgba.alpha);
    assert_eq!(pixel(&rgba, 0, 0)[3], 255);
    assert!(pixel(&rgba, 19, 0)[3] < 20);
    let rgb = photos::photo_pixels(20, 4);
    let opaque_raw: Vec<u8> = rgb
        .chunks(3)
        .flat_map(|p| [p[0], p[1], p[2], 255])
        .collect();
    let opaque = decoded_ok(&photos::png_file(20, 4, 6, 8, &opaque_raw, &[]));
    assert!(!opaque.alpha);
    assert_eq!(opaque.pixels, rgb);
}

/// A uniform PNG of `rgb` with `icc` as its iCCP profile.
fn uniform_png(rgb: [u8; 3], icc: &[u8]) -> Vec<u8> {
    let png = photos::png_file(4, 4, 2, 8, &rgb.repeat(16), &[]);
    photos::with_png_chunk(&png, *b"iCCP", &photos::iccp(icc))
}

#[test]
fn a_display_p3_picture_is_converted_to_srgb() {
    let p3 = ColorProfile::new_display_p3().encode().unwrap();
    // Worked by hand with the P3 → sRGB matrix and both transfer curves: P3 (200, 100, 50)
    // is sRGB (215, 92, 31), a more saturated orange than the numbers read as sRGB.
    let orange = decoded_ok(&uniform_png([200, 100, 50], &p3));
    assert!(
        close(pixel(&orange, 2, 2), &[215, 92, 31], 3),
        "{:?}",
        pixel(&orange, 2, 2)
    );
    // Gray stays gray: both spaces have the same white and tone curve.
    let gray = decoded_ok(&uniform_png([128, 128, 128], &p3));
    assert!(close(pixel(&gray, 0, 0), &[128, 128, 128], 1));
    // And in a JPEG, as an iPhone writes it, with transparency-free RGB.
    let options = PhotoOptions {
        icc_profile: Some(&p3),
        ..PhotoOptions::default()
    };
    let jpeg = decoded(&photos::photo_jpeg(32, 32, &options), "jpg");
    let plain = decoded(&photos::photo_jpeg(32, 32, &PhotoOptions::default()), "jpg");
    assert_ne!(jpeg.pixels, plain.pixels);
}

#[test]
fn srgb_and_unreadable_profiles_leave_the_pixels_alone() {
    let srgb = ColorProfile::new_srgb().encode().unwrap();
    for icc in [srgb.as_slice(), b"not a profile at all"] {
        let decoded = decoded_ok(&uniform_png([200, 100, 50], icc));
        assert_eq!(pixel(&decoded, 1, 1), [200, 100, 50]);
    }
}

#[test]
fn an_adobe_rgb_picture_is_converted_too() {
    let adobe = ColorProfile::new_adobe_rgb().encode().unwrap();
    // By hand, as for P3: Adobe RGB (100, 150, 200) is sRGB (66, 151, 203).
    let decoded = decoded_ok(&uniform_png([100, 150, 200], &adobe));
    assert!(
        close(pixel(&decoded, 0, 0), &[66, 151, 203], 4),
        "{:?}",
        pixel(&decoded, 0, 0)
    );
}

#[test]
fn cut_off_files_are_truncated_not_grey() {
    let jpeg = photos::photo_jpeg(256, 192, &PhotoOptions::default());
    let png = photos::png(64, 64, PngKind::Rgb8);
    let cases = [
        (photos::truncated(&jpeg), "jpg"),
        (jpeg[..jpeg.len() - 2].to_vec(), "jpg"),
        (photos::truncated(&png), "png"),
        (png[..png.len() - 12].to_vec(), "png"),
        (
            photos::truncated(&photos::photo_as(ImageFormat::WebP, 64, 64)),
            "webp",
        ),
    ];
    for (bytes, extension) in cases {
        let probe = probe(&bytes, extension).unwrap();
        assert_eq!(
            decode(&bytes, &probe).unwrap_err(),
            ImageProblem::Truncated,
            "{extension} of {} bytes",
            bytes.len()
        );
    }
}

#[test]
fn data_after_the_picture_is_no_problem() {
    let mut jpeg = photos::photo_jpeg(32, 32, &PhotoOptions::default());
    jpeg.extend_from_slice(b"\0\0SEFT trailer");
    assert_eq!(decoded(&jpeg, "jpg").width, 32);
}
