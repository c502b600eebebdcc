//! What a raster file is, read from its first bytes and its metadata without decoding the
//! pixels (issue 15): the real format (whatever the extension says), the stored size, the EXIF
//! orientation, whether it is animated, and the metadata staff should know about (GPS
//! position, artist, copyright). A decompression bomb is refused here, before any pixel
//! buffer is allocated.

use std::io::Cursor;

use crate::messages::{Message, msg};

mod chunks;
mod jpeg;

pub(crate) use chunks::{PNG_SIGNATURE, VP8X_ANIMATION, VP8X_EXIF, VP8X_XMP};
pub(crate) use chunks::{png_chunks, webp_chunks};
pub(crate) use jpeg::{Extent, walk as jpeg_walk};

/// The test pictures (the same maker the integration tests use, so there is one copy).
#[cfg(test)]
#[allow(dead_code)]
#[path = "../../tests/common/photos.rs"]
pub(crate) mod photos;

/// Why a container's structure could not be followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Malformed {
    /// The data ends before the structure does.
    Truncated,
    /// The bytes are not what the format says must be there.
    Invalid,
}

/// The raster formats showcase reads. GIF is only measured: it is published as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Jpeg,
    Png,
    WebP,
    Tiff,
    Bmp,
    Gif,
}

/// Camera RAW files: TIFF inside, known by their extension.
const RAW_EXTENSIONS: [&str; 9] = [
    "dng", "cr2", "nef", "arw", "orf", "rw2", "raf", "pef", "srw",
];

/// Picture formats showcase refuses with a message that says how to convert them.
const REFUSED_EXTENSIONS: [&str; 5] = ["heic", "heif", "avif", "psd", "jxl"];

/// Whether a file's extension names a picture: one of the formats we read, or one we refuse
/// with a clear message (rather than publish as it is).
pub fn is_picture_extension(extension: &str) -> bool {
    let extension = extension.to_ascii_lowercase();
    Format::from_extension(&extension).is_some()
        || RAW_EXTENSIONS.contains(&extension.as_str())
        || REFUSED_EXTENSIONS.contains(&extension.as_str())
}

impl Format {
    /// The name people know the format by.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::WebP => "WebP",
            Format::Tiff => "TIFF",
            Format::Bmp => "BMP",
            Format::Gif => "GIF",
        }
    }

    /// The usual extension of its files, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::WebP => "webp",
            Format::Tiff => "tif",
            Format::Bmp => "bmp",
            Format::Gif => "gif",
        }
    }

    /// The format a file's extension promises (`JPG`, `jpeg`, `jfif` → JPEG), if it is one of
    /// ours.
    pub fn from_extension(extension: &str) -> Option<Format> {
        let extension = extension.to_ascii_lowercase();
        Some(match extension.as_str() {
            "jpg" | "jpeg" | "jpe" | "jfif" => Format::Jpeg,
            "png" => Format::Png,
            "webp" => Format::WebP,
            "tif" | "tiff" => Format::Tiff,
            "bmp" => Format::Bmp,
            "gif" => Format::Gif,
            _ => return None,
        })
    }

    pub(crate) fn image_format(self) -> image::ImageFormat {
        match self {
            Format::Jpeg => image::ImageFormat::Jpeg,
            Format::Png => image::ImageFormat::Png,
            Format::WebP => image::ImageFormat::WebP,
            Format::Tiff => image::ImageFormat::Tiff,
            Format::Bmp => image::ImageFormat::Bmp,
            Format::Gif => image::ImageFormat::Gif,
        }
    }
}

/// The names `ImageProblem::Unsupported` gives the formats it recognizes.
pub const HEIC: &str = "HEIC";
pub const AVIF: &str = "AVIF";
pub const PSD: &str = "PSD";
pub const JPEG_XL: &str = "JPEG XL";
pub const RAW: &str = "RAW";

/// Metadata the file carries that matters to the site: the position is private, the artist or
/// copyright may credit a gallery picture.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The file holds a GPS position (latitude and longitude).
    pub gps: bool,
    /// EXIF Artist or IPTC By-line, trimmed; `None` when absent or blank.
    pub artist: Option<String>,
    /// EXIF or IPTC Copyright, trimmed.
    pub copyright: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    pub format: Format,
    /// As stored, before the orientation is applied.
    pub width: u32,
    pub height: u32,
    /// EXIF orientation, 1–8 (1 when absent or invalid).
    pub orientation: u8,
    /// An animated GIF, PNG (APNG) or WebP: published as it is.
    pub animated: bool,
    pub metadata: Metadata,
}

impl Probe {
    /// The size a viewer sees: width and height swapped for orientations 5–8.
    pub fn display_size(&self) -> (u32, u32) {
        if self.orientation >= 5 {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

/// Why a file cannot be published as a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageProblem {
    /// The file ends before the picture does.
    Truncated,
    /// The decoder's own words.
    Corrupt(String),
    /// Not a picture at all (text, a PDF, a Word file…).
    NotAnImage,
    /// A picture format we do not read: HEIC, AVIF, PSD, a camera's RAW…
    Unsupported { format: &'static str },
    /// The content is a picture of another format than the extension says.
    WrongExtension { actual: Format },
    /// Decoding would take more memory than the limit allows.
    TooLarge { width: u32, height: u32 },
    /// A file to publish as it is (a GIF, an animation, an original kept with
    /// `keep_original`) whose private metadata cannot be removed.
    MetadataLeft { format: Format, original: bool },
}

impl ImageProblem {
    /// What is wrong, in the user's words; it does not name the file (the diagnostic that
    /// carries it does).
    pub fn message(&self) -> Message {
        match self {
            ImageProblem::Truncated => msg!("image-truncated"),
            ImageProblem::Corrupt(detail) => msg!("image-corrupt", detail = detail),
            ImageProblem::NotAnImage => msg!("image-not-an-image"),
            ImageProblem::Unsupported { format } => msg!("image-unsupported", format = *format),
            ImageProblem::WrongExtension { actual } => {
                msg!("image-wrong-extension", actual = actual.name())
            }
            ImageProblem::TooLarge { width, height } => msg!(
                "image-too-large",
                width = *width,
                height = *height,
                megapixels = megapixels(*width, *height)
            ),
            ImageProblem::MetadataLeft { format, .. } => {
                msg!("image-metadata-left", format = format.name())
            }
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> Message {
        match self {
            ImageProblem::Truncated => msg!("image-truncated-hint"),
            ImageProblem::Corrupt(_) => msg!("image-corrupt-hint"),
            ImageProblem::NotAnImage => msg!("image-not-an-image-hint"),
            ImageProblem::Unsupported {
                format: HEIC | AVIF,
            } => msg!("image-unsupported-heic-hint"),
            ImageProblem::Unsupported { format: PSD } => msg!("image-unsupported-psd-hint"),
            ImageProblem::Unsupported { format: RAW } => msg!("image-unsupported-raw-hint"),
            ImageProblem::Unsupported { format } => {
                msg!("image-unsupported-hint", format = *format)
            }
            ImageProblem::WrongExtension { actual } => msg!(
                "image-wrong-extension-hint",
                actual = actual.name(),
                extension = actual.extension()
            ),
            ImageProblem::TooLarge { .. } => msg!("image-too-large-hint"),
            ImageProblem::MetadataLeft { original: true, .. } => {
                msg!("image-metadata-left-hint")
            }
            ImageProblem::MetadataLeft {
                original: false, ..
            } => {
                msg!("image-metadata-left-as-is-hint")
            }
        }
    }
}

/// Megapixels with one decimal, as the message shows them ("3600.0").
fn megapixels(width: u32, height: u32) -> String {
    format!("{:.1}", width as f64 * height as f64 / 1e6)
}

/// Decoding a picture of more pixels than this is refused: 100 megapixels is 400 MB as RGBA,
/// and a build decodes one picture per core at a time.
pub const MAX_PIXELS: u64 = 100_000_000;

/// Reads what a file is. `extension` is the file's extension as written (`JPG`, `jpeg`, `png`).
///
/// Only the headers and the metadata are read: no pixel buffer is allocated, so a
/// decompression bomb costs nothing here.
pub fn probe(bytes: &[u8], extension: &str) -> Result<Probe, ImageProblem> {
    let format = sniff(bytes, extension)?;
    if Format::from_extension(extension) != Some(format) {
        return Err(ImageProblem::WrongExtension { actual: format });
    }
    let (width, height) = dimensions(bytes, format)?;
    if width == 0 || height == 0 {
        return Err(ImageProblem::Corrupt(format!("{width}×{height} pixels")));
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ImageProblem::TooLarge { width, height });
    }
    let exif = read_exif(bytes, format);
    let orientation = exif
        .as_ref()
        .and_then(|exif| exif.get_field(exif::Tag::Orientation, exif::In::PRIMARY))
        .and_then(|field| field.value.get_uint(0))
        .filter(|o| (1..=8).contains(o))
        .map_or(1, |o| o as u8);
    let mut metadata = exif.as_ref().map(exif_metadata).unwrap_or_default();
    if format == Format::Jpeg
        && (metadata.artist.is_none() || metadata.copyright.is_none())
        && let Some(iptc) = jpeg::iptc(bytes)
    {
        let text = |dataset| joined(jpeg::iptc_texts(&iptc, dataset));
        metadata.artist = metadata.artist.or_else(|| text(80));
        metadata.copyright = metadata.copyright.or_else(|| text(116));
    }
    Ok(Probe {
        format,
        width,
        height,
        orientation,
        animated: animated(bytes, format),
        metadata,
    })
}

/// The real format from the first bytes. Formats we recognize but do not read are
/// `Unsupported`; a file that stops inside a signature is `Truncated`.
fn sniff(bytes: &[u8], extension: &str) -> Result<Format, ImageProblem> {
    const SIGNATURES: [(&[u8], Format); 7] = [
        (&[0xFF, 0xD8, 0xFF], Format::Jpeg),
        (PNG_SIGNATURE, Format::Png),
        (b"GIF87a", Format::Gif),
        (b"GIF89a", Format::Gif),
        (b"II*\0", Format::Tiff),
        (b"MM\0*", Format::Tiff),
        (b"BM", Format::Bmp),
    ];
    if bytes.is_empty() {
        return Err(ImageProblem::NotAnImage);
    }
    if let Some(format) = unsupported(bytes, extension) {
        return Err(ImageProblem::Unsupported { format });
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Ok(Format::WebP);
    }
    for (signature, format) in SIGNATURES {
        if bytes.starts_with(signature) {
            // A BMP's "BM" is short enough to begin a text file: its header must also hold.
            if format == Format::Bmp && !plausible_bmp(bytes) {
                continue;
            }
            return Ok(format);
        }
    }
    let cut_signature = SIGNATURES
        .iter()
        .map(|(signature, _)| *signature)
        .chain([b"RIFF".as_slice()])
        .any(|signature| {
            bytes.len() >= 2 && signature.len() > bytes.len() && signature.starts_with(bytes)
        });
    if cut_signature || (bytes.starts_with(b"RIFF") && bytes.len() < 12) {
        return Err(ImageProblem::Truncated);
    }
    Err(ImageProblem::NotAnImage)
}

/// The formats we know by their first bytes but do not read.
fn unsupported(bytes: &[u8], extension: &str) -> Option<&'static str> {
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return match &bytes[8..12] {
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
                Some(HEIC)
            }
            b"avif" | b"avis" => Some(AVIF),
            b"crx " => Some(RAW),
            b"jxl " => Some(JPEG_XL),
            _ => None,
        };
    }
    if bytes.starts_with(b"8BPS") {
        return Some(PSD);
    }
    if bytes.starts_with(&[0xFF, 0x0A]) || bytes.starts_with(b"\0\0\0\x0cJXL \r\n\x87\n") {
        return Some(JPEG_XL);
    }
    // Olympus, Panasonic and Fujifilm RAW files have signatures of their own; the others are
    // TIFF files, known only by their extension.
    if bytes.starts_with(b"IIRO") || bytes.starts_with(b"IIRS") || bytes.starts_with(b"IIU\0") {
        return Some(RAW);
    }
    if bytes.starts_with(b"FUJIFILMCCD-RAW") {
        return Some(RAW);
    }
    let tiff = bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*");
    let raw_extension = RAW_EXTENSIONS
        .iter()
        .any(|raw| extension.eq_ignore_ascii_case(raw));
    (tiff && raw_extension).then_some(RAW)
}

/// A BMP file header followed by one of the known info-header sizes.
fn plausible_bmp(bytes: &[u8]) -> bool {
    bytes.len() < 18
        || matches!(
            u32::from_le_bytes([bytes[14], bytes[15], bytes[16], bytes[17]]),
            12 | 16 | 40 | 52 | 56 | 64 | 108 | 124
        )
}

/// The stored size, read from the header by the format's decoder.
fn dimensions(bytes: &[u8], format: Format) -> Result<(u32, u32), ImageProblem> {
    let reader = image::ImageReader::with_format(Cursor::new(bytes), format.image_format());
    reader.into_dimensions().map_err(|err| {
        // Decoders word a header cut short in many ways; the structure says it plainly.
        let cut = match format {
            Format::Jpeg => jpeg::walk(bytes, Extent::Headers, |_| {}) == Err(Malformed::Truncated),
            Format::Png => png_chunks(bytes).1 == Err(Malformed::Truncated),
            Format::WebP => webp_chunks(bytes).1 == Err(Malformed::Truncated),
            Format::Tiff | Format::Bmp | Format::Gif => false,
        };
        if cut {
            ImageProblem::Truncated
        } else {
            problem_from(err)
        }
    })
}

/// An error of the `image` crate as a problem with the file.
pub(crate) fn problem_from(err: image::ImageError) -> ImageProblem {
    use image::ImageError;
    match err {
        ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            ImageProblem::Truncated
        }
        ImageError::Limits(_) => ImageProblem::Corrupt(err.to_string()),
        ImageError::Decoding(ref decoding) => {
            let text = decoding.to_string();
            let lower = text.to_ascii_lowercase();
            if [
                "eof",
                "end of file",
                "not enough bytes",
                "no more bytes",
                "truncated",
            ]
            .iter()
            .any(|words| lower.contains(words))
            {
                ImageProblem::Truncated
            } else {
                ImageProblem::Corrupt(text)
            }
        }
        other => ImageProblem::Corrupt(other.to_string()),
    }
}

/// The file's EXIF, if it has some that parses (never an error: unreadable metadata is ignored).
fn read_exif(bytes: &[u8], format: Format) -> Option<exif::Exif> {
    match format {
        Format::Jpeg | Format::Png | Format::WebP | Format::Tiff => exif::Reader::new()
            .read_from_container(&mut Cursor::new(bytes))
            .ok(),
        Format::Bmp | Format::Gif => None,
    }
}

fn exif_metadata(exif: &exif::Exif) -> Metadata {
    let has = |tag| exif.get_field(tag, exif::In::PRIMARY).is_some();
    let text = |tag| match &exif.get_field(tag, exif::In::PRIMARY)?.value {
        exif::Value::Ascii(parts) => joined(
            parts
                .iter()
                .map(|part| String::from_utf8_lossy(part).into_owned()),
        ),
        _ => None,
    };
    Metadata {
        gps: has(exif::Tag::GPSLatitude) && has(exif::Tag::GPSLongitude),
        artist: text(exif::Tag::Artist),
        copyright: text(exif::Tag::Copyright),
    }
}

/// Texts trimmed (of spaces and NUL padding), the blank ones dropped, joined with ", ";
/// `None` when nothing is left. EXIF's Copyright holds "photographer\0editor" as two texts.
fn joined(parts: impl IntoIterator<Item = String>) -> Option<String> {
    let parts: Vec<String> = parts
        .into_iter()
        .map(|part| {
            part.trim_matches(|c: char| c.is_whitespace() || c == '\0')
                .to_string()
        })
        .filter(|part| !part.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// An animated GIF (more than one picture), APNG (`acTL` before the first `IDAT`) or WebP (the
/// VP8X animation flag).
fn animated(bytes: &[u8], format: Format) -> bool {
    match format {
        Format::Gif => chunks::gif_frames(bytes).is_some_and(|frames| frames > 1),
        Format::Png => png_chunks(bytes)
            .0
            .iter()
            .take_while(|chunk| &chunk.kind != b"IDAT")
            .any(|chunk| &chunk.kind == b"acTL"),
        Format::WebP => webp_chunks(bytes).0.first().is_some_and(|chunk| {
            &chunk.kind == b"VP8X"
                && chunk
                    .data(bytes)
                    .first()
                    .is_some_and(|flags| flags & VP8X_ANIMATION != 0)
        }),
        Format::Jpeg | Format::Tiff | Format::Bmp => false,
    }
}

#[cfg(test)]
mod tests;
