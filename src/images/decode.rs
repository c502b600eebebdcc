//! A raster file → 8-bit sRGB pixels the right way up (issue 15). The `image` crate decodes;
//! this module makes sure a cut-off file is an error rather than grey, turns every colour type
//! into RGB8 or RGBA8, converts embedded colour profiles to sRGB (moxcms) and applies the EXIF
//! orientation. Resizing and encoding are not done here.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, Limits};
use moxcms::{ColorProfile, DataColorSpace, Layout, RenderingIntent, TransformOptions};

use super::probe::{self, Extent, Format, ImageProblem, MAX_PIXELS, Malformed, Probe};

/// Pixels ready to resize: RGB8, or RGBA8 when the picture has transparency (some alpha below
/// 255), rows top to bottom, EXIF orientation applied, converted to sRGB.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub width: u32,
    pub height: u32,
    /// Four bytes a pixel when true, three when false.
    pub alpha: bool,
    pub pixels: Vec<u8>,
}

/// Decodes the picture `probe` describes (the first frame of an animation).
///
/// At most two full-size buffers exist at a time: the decoder's and the 8-bit copy being made
/// from it; the colour profile and orientation work on the 8-bit copy.
pub fn decode(bytes: &[u8], probe: &Probe) -> Result<Decoded, ImageProblem> {
    if u64::from(probe.width) * u64::from(probe.height) > MAX_PIXELS {
        return Err(ImageProblem::TooLarge {
            width: probe.width,
            height: probe.height,
        });
    }
    check_complete(bytes, probe.format)?;
    let mut reader =
        image::ImageReader::with_format(Cursor::new(bytes), probe.format.image_format());
    // A second guard after probing: the decoder may allocate the RGBA output (16-bit at
    // worst: 8 bytes a pixel for the few pictures that are) and some working memory.
    let mut limits = Limits::default();
    limits.max_alloc = Some(8 * MAX_PIXELS + (64 << 20));
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(probe::problem_from)?;
    let icc = decoder.icc_profile().ok().flatten();
    let image = DynamicImage::from_decoder(decoder).map_err(probe::problem_from)?;
    let (width, height) = (image.width(), image.height());
    let (mut pixels, alpha) = into_8bit(image);
    if let Some(icc) = icc {
        to_srgb(&mut pixels, alpha, &icc);
    }
    let oriented = orient(pixels, width, height, alpha, probe.orientation);
    debug_assert_eq!((oriented.width, oriented.height), probe.display_size());
    Ok(oriented)
}

/// `Truncated` when the file ends before the picture does, where decoders would paint the
/// missing part grey: a JPEG without the EOI marker after its last scan, a PNG without IEND.
/// The other decoders report a cut-off file themselves.
fn check_complete(bytes: &[u8], format: Format) -> Result<(), ImageProblem> {
    let ending = match format {
        Format::Jpeg => probe::jpeg_walk(bytes, Extent::Picture, |_| {}).map(|_| ()),
        Format::Png => probe::png_chunks(bytes).1,
        Format::WebP => probe::webp_chunks(bytes).1,
        Format::Tiff | Format::Bmp | Format::Gif => Ok(()),
    };
    match ending {
        Ok(()) => Ok(()),
        Err(Malformed::Truncated) => Err(ImageProblem::Truncated),
        // Structure the walkers do not follow is left to the decoder to judge.
        Err(Malformed::Invalid) => Ok(()),
    }
}

/// The picture as RGB8 or RGBA8 (RGBA only when some pixel is not fully opaque). 16-bit and
/// float samples are scaled to 8 bits, gray is spread to RGB, the source buffer is dropped as
/// soon as the copy is made.
fn into_8bit(image: DynamicImage) -> (Vec<u8>, bool) {
    if !image.color().has_alpha() {
        return (image.into_rgb8().into_raw(), false);
    }
    let rgba = image.into_rgba8();
    if rgba.pixels().any(|pixel| pixel.0[3] < 255) {
        return (rgba.into_raw(), true);
    }
    let rgb = DynamicImage::ImageRgba8(rgba).into_rgb8();
    (rgb.into_raw(), false)
}

/// Converts pixels described by the ICC profile `icc` to sRGB in place. A profile that does
/// not parse, is not an RGB profile (a CMYK JPEG's profile describes the ink values the decoder
/// has already turned into RGB; a gray profile is close enough to sRGB's tone curve) or that
/// maps colours onto themselves (sRGB under any name) leaves the pixels as they are.
fn to_srgb(pixels: &mut [u8], alpha: bool, icc: &[u8]) {
    let Ok(source) = ColorProfile::new_from_slice(icc) else {
        return;
    };
    if source.color_space != DataColorSpace::Rgb {
        return;
    }
    let layout = if alpha { Layout::Rgba } else { Layout::Rgb };
    let options = TransformOptions {
        rendering_intent: RenderingIntent::Perceptual,
        ..TransformOptions::default()
    };
    let Ok(transform) =
        source.create_transform_8bit(layout, &ColorProfile::new_srgb(), layout, options)
    else {
        return;
    };
    if is_identity(|src, dst| transform.transform(src, dst).is_ok(), alpha) {
        return;
    }
    // In bands, so that the converted copy is small.
    let channels = if alpha { 4 } else { 3 };
    let band = channels * 64 * 1024;
    let mut converted = vec![0; band.min(pixels.len())];
    for chunk in pixels.chunks_mut(band) {
        let out = &mut converted[..chunk.len()];
        if transform.transform(chunk, out).is_err() {
            return;
        }
        chunk.copy_from_slice(out);
    }
}

/// Whether a transform leaves every colour of a sample (each channel's ramp, grays and mixes)
/// within one step of itself: an sRGB profile, which is then not applied.
fn is_identity(transform: impl Fn(&[u8], &mut [u8]) -> bool, alpha: bool) -> bool {
    let mut sample = Vec::new();
    for v in (0..=255u8).step_by(5) {
        for rgb in [
            [v, 0, 0],
            [0, v, 0],
            [0, 0, v],
            [v, v, v],
            [v, 255 - v, v / 2],
        ] {
            sample.extend_from_slice(&rgb);
            if alpha {
                sample.push(255);
            }
        }
    }
    let mut out = vec![0; sample.len()];
    transform(&sample, &mut out) && sample.iter().zip(&out).all(|(a, b)| a.abs_diff(*b) <= 1)
}

/// Rotates and flips the pixels as EXIF `orientation` says a viewer shows them.
fn orient(pixels: Vec<u8>, width: u32, height: u32, alpha: bool, orientation: u8) -> Decoded {
    let orientation = image::metadata::Orientation::from_exif(orientation)
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = if alpha {
        DynamicImage::ImageRgba8(
            image::RgbaImage::from_raw(width, height, pixels).expect("RGBA8 buffer of the size"),
        )
    } else {
        DynamicImage::ImageRgb8(
            image::RgbImage::from_raw(width, height, pixels).expect("RGB8 buffer of the size"),
        )
    };
    image.apply_orientation(orientation);
    Decoded {
        width: image.width(),
        height: image.height(),
        alpha,
        pixels: image.into_bytes(),
    }
}

#[cfg(test)]
mod tests;
