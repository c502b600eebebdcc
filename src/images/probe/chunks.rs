//! The chunk structure of PNG and WebP (RIFF) files and the block structure of GIF, shared by
//! probing (animation, metadata flags), decoding (is a PNG complete?) and stripping (which
//! chunks to drop). Structure only: no chunk is decompressed here.

use super::Malformed;

pub(crate) const PNG_SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

/// A PNG chunk (`length, type, data, CRC`) or a RIFF chunk (`fourcc, size, data, pad byte`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Chunk {
    pub kind: [u8; 4],
    /// Offset of the chunk's first byte.
    pub start: usize,
    /// Offset just after the chunk (after the CRC, or the pad byte of an odd RIFF chunk).
    pub end: usize,
    /// The data, without the header and the CRC or padding.
    pub data: (usize, usize),
}

impl Chunk {
    pub fn data<'a>(&self, bytes: &'a [u8]) -> &'a [u8] {
        &bytes[self.data.0..self.data.1]
    }
}

/// Every chunk of a PNG up to and including IEND. `Err(Truncated)` comes with the chunks read
/// before the data ended, since the header alone is enough to probe.
pub(crate) fn png_chunks(bytes: &[u8]) -> (Vec<Chunk>, Result<(), Malformed>) {
    let mut chunks = Vec::new();
    if !bytes.starts_with(PNG_SIGNATURE) {
        return (chunks, Err(Malformed::Invalid));
    }
    let mut at = PNG_SIGNATURE.len();
    loop {
        let Some(header) = bytes.get(at..at + 8) else {
            return (chunks, Err(Malformed::Truncated));
        };
        let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let kind = [header[4], header[5], header[6], header[7]];
        if !kind.iter().all(u8::is_ascii_alphabetic) {
            return (chunks, Err(Malformed::Invalid));
        }
        let end = at + 12 + length;
        if end > bytes.len() {
            return (chunks, Err(Malformed::Truncated));
        }
        chunks.push(Chunk {
            kind,
            start: at,
            end,
            data: (at + 8, at + 8 + length),
        });
        at = end;
        if &kind == b"IEND" {
            return (chunks, Ok(()));
        }
    }
}

/// The chunks of a WebP file after `RIFF size WEBP`, as far as the RIFF size says (or the file
/// goes, when it is shorter).
pub(crate) fn webp_chunks(bytes: &[u8]) -> (Vec<Chunk>, Result<(), Malformed>) {
    let mut chunks = Vec::new();
    if bytes.len() < 12 || &bytes[..4] != b"RIFF" || &bytes[8..12] != b"WEBP" {
        return (chunks, Err(Malformed::Invalid));
    }
    let riff_end = 8 + u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
    let limit = riff_end.min(bytes.len());
    let mut at = 12;
    while at + 8 <= limit {
        let kind = [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]];
        let size = u32::from_le_bytes([bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]])
            as usize;
        let data_end = at + 8 + size;
        if data_end > limit {
            return (chunks, Err(Malformed::Truncated));
        }
        let end = (data_end + (size & 1)).min(limit);
        chunks.push(Chunk {
            kind,
            start: at,
            end,
            data: (at + 8, data_end),
        });
        at = end;
    }
    let ending = if riff_end > bytes.len() {
        Err(Malformed::Truncated)
    } else if at != riff_end {
        Err(Malformed::Invalid)
    } else {
        Ok(())
    };
    (chunks, ending)
}

/// VP8X flags (the first byte of its data; 0x20 is the ICC profile, 0x10 alpha).
pub(crate) const VP8X_EXIF: u8 = 0x08;
pub(crate) const VP8X_XMP: u8 = 0x04;
pub(crate) const VP8X_ANIMATION: u8 = 0x02;

/// How many pictures a GIF holds, counting up to two (enough to know it is animated); `None`
/// when its blocks cannot be followed.
pub(crate) fn gif_frames(bytes: &[u8]) -> Option<usize> {
    let flags = *bytes.get(10)?;
    let mut at = 13;
    if flags & 0x80 != 0 {
        at += 3 << ((flags & 0x07) + 1);
    }
    let mut frames = 0;
    loop {
        match *bytes.get(at)? {
            0x21 => at = skip_sub_blocks(bytes, at + 2)?,
            0x2C => {
                frames += 1;
                if frames == 2 {
                    return Some(frames);
                }
                let local = *bytes.get(at + 9)?;
                at += 10;
                if local & 0x80 != 0 {
                    at += 3 << ((local & 0x07) + 1);
                }
                // The LZW minimum code size, then the image data.
                at = skip_sub_blocks(bytes, at + 1)?;
            }
            0x3B => return Some(frames),
            _ => return None,
        }
    }
}

/// The offset after a run of GIF data sub-blocks (each a size byte and that many bytes, ended
/// by a zero size).
fn skip_sub_blocks(bytes: &[u8], mut at: usize) -> Option<usize> {
    loop {
        let size = usize::from(*bytes.get(at)?);
        at += 1 + size;
        if size == 0 {
            return Some(at);
        }
    }
}
