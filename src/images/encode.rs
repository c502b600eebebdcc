//! Decoded pixels → one variant's bytes: resized with a Lanczos filter (never up), encoded as
//! lossy WebP (libwebp), baseline-compatible progressive JPEG or PNG. Nothing but pixels goes
//! in, so no variant carries metadata. Encoders are deterministic: the same pixels and quality
//! give the same bytes, which keeps two builds byte-identical.

use fast_image_resize::images::{TypedImage, TypedImageRef};
use fast_image_resize::pixels::{U8x3, U8x4};
use fast_image_resize::{FilterType, PixelTrait, ResizeAlg, ResizeOptions, Resizer};

use super::decode::Decoded;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VariantFormat {
    WebP,
    Jpeg,
    Png,
}

impl VariantFormat {
    pub fn extension(self) -> &'static str {
        match self {
            VariantFormat::WebP => "webp",
            VariantFormat::Jpeg => "jpg",
            VariantFormat::Png => "png",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            VariantFormat::WebP => "image/webp",
            VariantFormat::Jpeg => "image/jpeg",
            VariantFormat::Png => "image/png",
        }
    }
}

/// Pixels at one size, three or four bytes each.
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    pub alpha: bool,
    pub bytes: Vec<u8>,
}

/// `decoded` scaled to `width` × `height` (the same size: a copy-free borrow is not worth the
/// special case, the full size is encoded at most once).
pub fn resize(decoded: &Decoded, width: u32, height: u32) -> Result<Pixels, String> {
    if width == decoded.width && height == decoded.height {
        return Ok(Pixels {
            width,
            height,
            alpha: decoded.alpha,
            bytes: decoded.pixels.clone(),
        });
    }
    let bytes = if decoded.alpha {
        resize_typed::<U8x4>(decoded, width, height)
    } else {
        resize_typed::<U8x3>(decoded, width, height)
    }?;
    Ok(Pixels {
        width,
        height,
        alpha: decoded.alpha,
        bytes,
    })
}

/// The resize for one pixel type. Typed, so that only the two byte pixel types are compiled:
/// the untyped `Resizer::resize` compiles the float ones too, and the optimizer's code for
/// those varied from one compile to the next, which kept release binaries from being
/// reproducible (issue 19).
fn resize_typed<P: PixelTrait>(
    decoded: &Decoded,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, String> {
    let source = TypedImageRef::<P>::from_buffer(decoded.width, decoded.height, &decoded.pixels)
        .map_err(|err| err.to_string())?;
    let mut bytes = vec![0; width as usize * height as usize * P::size()];
    let mut target =
        TypedImage::<P>::from_buffer(width, height, &mut bytes).map_err(|err| err.to_string())?;
    // Lanczos3, as Hugo's and Zola's defaults: sharp downscales without ringing worth seeing.
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize_typed(&source, &mut target, &options)
        .map_err(|err| err.to_string())?;
    Ok(bytes)
}

pub fn encode(pixels: &Pixels, format: VariantFormat, quality: u8) -> Result<Vec<u8>, String> {
    match format {
        VariantFormat::WebP => {
            let encoder = if pixels.alpha {
                webp::Encoder::from_rgba(&pixels.bytes, pixels.width, pixels.height)
            } else {
                webp::Encoder::from_rgb(&pixels.bytes, pixels.width, pixels.height)
            };
            let encoded = encoder
                .encode_simple(false, f32::from(quality))
                .map_err(|err| format!("{err:?}"))?;
            Ok(encoded.to_vec())
        }
        VariantFormat::Jpeg => {
            let rgb;
            let bytes = if pixels.alpha {
                rgb = on_white(&pixels.bytes);
                &rgb
            } else {
                &pixels.bytes
            };
            let (width, height) = (dimension(pixels.width)?, dimension(pixels.height)?);
            let mut out = Vec::new();
            let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality);
            encoder.set_progressive(true);
            encoder.set_optimized_huffman_tables(true);
            encoder
                .encode(bytes, width, height, jpeg_encoder::ColorType::Rgb)
                .map_err(|err| err.to_string())?;
            Ok(out)
        }
        VariantFormat::Png => {
            use image::ImageEncoder;
            let mut out = Vec::new();
            let color = if pixels.alpha {
                image::ExtendedColorType::Rgba8
            } else {
                image::ExtendedColorType::Rgb8
            };
            image::codecs::png::PngEncoder::new_with_quality(
                &mut out,
                image::codecs::png::CompressionType::Default,
                image::codecs::png::FilterType::Adaptive,
            )
            .write_image(&pixels.bytes, pixels.width, pixels.height, color)
            .map_err(|err| err.to_string())?;
            Ok(out)
        }
    }
}

fn dimension(value: u32) -> Result<u16, String> {
    u16::try_from(value).map_err(|_| format!("{value} pixels is too large for JPEG"))
}

/// RGBA composed over white, for a JPEG (which has no transparency) of a transparent picture.
fn on_white(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .flat_map(|p| {
            let a = u16::from(p[3]);
            let blend = |c: u8| ((u16::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
            [blend(p[0]), blend(p[1]), blend(p[2])]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gradient(width: u32, height: u32, alpha: bool) -> Decoded {
        let channels = if alpha { 4 } else { 3 };
        let mut pixels = Vec::with_capacity((width * height * channels) as usize);
        for y in 0..height {
            for x in 0..width {
                pixels.extend([(x * 255 / width) as u8, (y * 255 / height) as u8, 128]);
                if alpha {
                    pixels.push(if x < width / 2 { 255 } else { 0 });
                }
            }
        }
        Decoded {
            width,
            height,
            alpha,
            pixels,
        }
    }

    #[test]
    fn every_format_encodes_a_file_of_the_asked_size() {
        let decoded = gradient(400, 300, false);
        let small = resize(&decoded, 200, 150).unwrap();
        assert_eq!(small.bytes.len(), 200 * 150 * 3);
        let webp = encode(&small, VariantFormat::WebP, 80).unwrap();
        assert_eq!(&webp[..4], b"RIFF");
        assert_eq!(&webp[8..12], b"WEBP");
        let jpeg = encode(&small, VariantFormat::Jpeg, 80).unwrap();
        let read = image::load_from_memory(&jpeg).unwrap();
        assert_eq!((read.width(), read.height()), (200, 150));
        let png = encode(&small, VariantFormat::Png, 80).unwrap();
        assert_eq!(image::load_from_memory(&png).unwrap().width(), 200);
    }

    #[test]
    fn encoding_is_deterministic() {
        let pixels = resize(&gradient(300, 200, false), 150, 100).unwrap();
        for format in [VariantFormat::WebP, VariantFormat::Jpeg, VariantFormat::Png] {
            assert_eq!(
                encode(&pixels, format, 80).unwrap(),
                encode(&pixels, format, 80).unwrap()
            );
        }
    }

    #[test]
    fn transparency_survives_in_png_and_webp_and_is_white_in_jpeg() {
        let pixels = resize(&gradient(64, 64, true), 32, 32).unwrap();
        let png = image::load_from_memory(&encode(&pixels, VariantFormat::Png, 80).unwrap())
            .unwrap()
            .to_rgba8();
        assert_eq!(png.get_pixel(31, 16)[3], 0);
        assert_eq!(png.get_pixel(0, 16)[3], 255);
        let jpeg = image::load_from_memory(&encode(&pixels, VariantFormat::Jpeg, 90).unwrap())
            .unwrap()
            .to_rgb8();
        let corner = jpeg.get_pixel(31, 16);
        assert!(corner.0.iter().all(|&c| c > 240), "{corner:?}");
    }
}
