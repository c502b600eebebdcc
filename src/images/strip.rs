//! Metadata removed from a file published as it is (`keep_original: true`): the pixels and the
//! colour profile stay byte for byte, the EXIF (GPS, camera, maker notes), XMP and IPTC go.
//! Only the container is rewritten (segments and chunks dropped whole); nothing is decoded.

use crate::messages::{Message, msg};

use super::probe::{self, Extent, Format, Malformed, VP8X_EXIF, VP8X_XMP, png_chunks, webp_chunks};

/// A file that cannot be stripped: its structure could not be followed (or, for TIFF, its
/// metadata is part of the picture's own structure), and it holds something that looks like
/// metadata. Publishing it unchanged could publish where a photo was taken: refuse it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MetadataLeft {
    pub format: Format,
}

impl MetadataLeft {
    pub fn message(&self) -> Message {
        msg!("image-metadata-left", format = self.format.name())
    }

    pub fn hint(&self) -> Message {
        msg!("image-metadata-left-hint")
    }
}

/// The file without its private metadata; a file without such metadata comes back unchanged.
///
/// - JPEG: APP1 (EXIF, XMP), APP13 (IPTC/Photoshop), COM, APP2 segments other than the ICC
///   profile (MPF, FlashPix) and the vendor segments APP3–APP12 and APP15 are dropped, as is
///   everything after the primary picture's EOI (an MPF file's extra pictures carry EXIF of
///   their own); APP0 (JFIF), the ICC profile, APP14 (Adobe) and the picture are kept.
/// - PNG: eXIf, tEXt, zTXt, iTXt and tIME chunks are dropped (and anything after IEND).
/// - WebP: EXIF and XMP chunks are dropped, the VP8X EXIF and XMP flags cleared and the RIFF
///   size fixed.
/// - BMP has no metadata; GIF and TIFF come back unchanged when no metadata signature is in
///   them.
///
/// `Err(MetadataLeft)` when the file's structure cannot be followed but its bytes contain a
/// metadata signature (or it is a TIFF with EXIF): the caller must not publish it as it is.
pub fn strip_metadata(bytes: &[u8], format: Format) -> Result<Vec<u8>, MetadataLeft> {
    let stripped = match format {
        Format::Jpeg => strip_jpeg(bytes),
        Format::Png => strip_png(bytes),
        Format::WebP => strip_webp(bytes),
        Format::Bmp => return Ok(bytes.to_vec()),
        Format::Gif | Format::Tiff => None,
    };
    match stripped {
        Some(clean) => Ok(clean),
        None if !looks_like_metadata(bytes, format) => Ok(bytes.to_vec()),
        None => Err(MetadataLeft { format }),
    }
}

fn strip_jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut dropped = Vec::new();
    let end = probe::jpeg_walk(bytes, Extent::Picture, |segment| {
        let payload = segment.payload(bytes);
        let drop = match segment.marker {
            0xE2 => !payload.starts_with(b"ICC_PROFILE\0"),
            0xE1 | 0xE3..=0xED | 0xEF | 0xFE => true,
            _ => false,
        };
        if drop {
            dropped.push((segment.start, segment.end));
        }
    })
    .ok()?;
    Some(without(&bytes[..end], &dropped))
}

fn strip_png(bytes: &[u8]) -> Option<Vec<u8>> {
    let (chunks, ending) = png_chunks(bytes);
    ending.ok()?;
    let end = chunks.last().map_or(bytes.len(), |chunk| chunk.end);
    let dropped: Vec<(usize, usize)> = chunks
        .iter()
        .filter(|chunk| [b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"].contains(&&chunk.kind))
        .map(|chunk| (chunk.start, chunk.end))
        .collect();
    Some(without(&bytes[..end], &dropped))
}

fn strip_webp(bytes: &[u8]) -> Option<Vec<u8>> {
    let (chunks, ending) = webp_chunks(bytes);
    if ending == Err(Malformed::Truncated) || ending == Err(Malformed::Invalid) {
        return None;
    }
    let mut out = bytes[..12].to_vec();
    for chunk in &chunks {
        if &chunk.kind == b"EXIF" || &chunk.kind == b"XMP " {
            continue;
        }
        let at = out.len();
        out.extend_from_slice(&bytes[chunk.start..chunk.end]);
        if &chunk.kind == b"VP8X" && chunk.data.1 > chunk.data.0 {
            out[at + 8] &= !(VP8X_EXIF | VP8X_XMP);
        }
    }
    let riff_size = u32::try_from(out.len() - 8).ok()?;
    out[4..8].copy_from_slice(&riff_size.to_le_bytes());
    Some(out)
}

/// `bytes` without the ranges `dropped` (in order, not overlapping).
fn without(bytes: &[u8], dropped: &[(usize, usize)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    for &(start, end) in dropped {
        out.extend_from_slice(&bytes[at..start]);
        at = end;
    }
    out.extend_from_slice(&bytes[at..]);
    out
}

/// Whether a file that could not be parsed holds something that looks like private
/// metadata: an EXIF, XMP or IPTC signature, the metadata chunks of its format, or (TIFF) an
/// EXIF or GPS sub-IFD tag in either byte order.
fn looks_like_metadata(bytes: &[u8], format: Format) -> bool {
    let mut signatures: Vec<&[u8]> = vec![
        b"Exif\0\0",
        b"http://ns.adobe.com/xap/1.0/",
        b"<x:xmpmeta",
        b"Photoshop 3.0",
        b"8BIM",
    ];
    match format {
        Format::Png => signatures.extend([b"eXIf".as_slice(), b"tEXt", b"zTXt", b"iTXt"]),
        Format::WebP => signatures.extend([b"EXIF".as_slice(), b"XMP "]),
        Format::Gif => signatures.push(b"XMP DataXMP"),
        Format::Tiff => signatures.extend([
            b"\x69\x87\x04\0".as_slice(),
            b"\x87\x69\0\x04",
            b"\x25\x88\x04\0",
            b"\x88\x25\0\x04",
        ]),
        Format::Jpeg | Format::Bmp => {}
    }
    signatures.iter().any(|signature| {
        bytes
            .windows(signature.len())
            .any(|window| window == *signature)
    })
}

#[cfg(test)]
mod tests;
