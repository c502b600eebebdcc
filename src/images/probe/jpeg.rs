//! The segment structure of a JPEG file (markers, lengths, the entropy-coded data between them),
//! shared by probing (IPTC in APP13), decoding (is the file complete?) and stripping (which
//! segments to drop). It reads structure only; the pixels are zune-jpeg's business.

use super::Malformed;

/// One marker segment with a length: `FF xx LL LL payload`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment {
    pub marker: u8,
    /// Offset of the `FF` of the marker.
    pub start: usize,
    /// Offset just after the segment's payload.
    pub end: usize,
}

impl Segment {
    pub fn payload<'a>(&self, bytes: &'a [u8]) -> &'a [u8] {
        &bytes[self.start + 4..self.end]
    }
}

/// How far to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Extent {
    /// The segments before the first scan (where all metadata lives); the entropy-coded data
    /// is not read.
    Headers,
    /// The whole primary picture, up to its EOI marker.
    Picture,
}

/// Walks the segments of a JPEG (starting with SOI) and calls `visit` on each one with a
/// length. With `Extent::Picture` it returns the offset just after the primary picture's EOI
/// (data after it, such as the extra pictures of an MPF file, is not read); with
/// `Extent::Headers` the offset where the first scan's data starts.
pub(crate) fn walk(
    bytes: &[u8],
    extent: Extent,
    mut visit: impl FnMut(Segment),
) -> Result<usize, Malformed> {
    if bytes.len() < 2 {
        return Err(Malformed::Truncated);
    }
    if bytes[..2] != [0xFF, 0xD8] {
        return Err(Malformed::Invalid);
    }
    let mut at = 2;
    loop {
        // A marker, possibly preceded by fill bytes (FF FF …).
        if *bytes.get(at).ok_or(Malformed::Truncated)? != 0xFF {
            return Err(Malformed::Invalid);
        }
        while bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let marker = *bytes.get(at + 1).ok_or(Malformed::Truncated)?;
        match marker {
            0xD9 => return Ok(at + 2),
            0xD0..=0xD7 | 0x01 => {
                at += 2;
                continue;
            }
            0x00 | 0xD8 => return Err(Malformed::Invalid),
            _ => {}
        }
        let length = match bytes.get(at + 2..at + 4) {
            Some(l) => usize::from(u16::from_be_bytes([l[0], l[1]])),
            None => return Err(Malformed::Truncated),
        };
        if length < 2 {
            return Err(Malformed::Invalid);
        }
        let end = at + 2 + length;
        if end > bytes.len() {
            return Err(Malformed::Truncated);
        }
        visit(Segment {
            marker,
            start: at,
            end,
        });
        at = end;
        if marker == 0xDA {
            if extent == Extent::Headers {
                return Ok(at);
            }
            at = scan_end(bytes, at)?;
        }
    }
}

/// The offset of the next marker after entropy-coded data starting at `at`: an `FF` followed
/// by anything but a stuffed `00`, a restart marker or another `FF`.
fn scan_end(bytes: &[u8], mut at: usize) -> Result<usize, Malformed> {
    loop {
        let ff = bytes[at..]
            .iter()
            .position(|&b| b == 0xFF)
            .ok_or(Malformed::Truncated)?;
        at += ff;
        match bytes.get(at + 1) {
            None => return Err(Malformed::Truncated),
            Some(0x00 | 0xD0..=0xD7) => at += 2,
            Some(0xFF) => at += 1,
            Some(_) => return Ok(at),
        }
    }
}

/// The IPTC-IIM block of a JPEG's APP13 "Photoshop 3.0" segment (image resource 0x0404), if
/// there is one.
pub(crate) fn iptc(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut found = None;
    let _ = walk(bytes, Extent::Headers, |segment| {
        if found.is_none() && segment.marker == 0xED {
            found = photoshop_iptc(segment.payload(bytes)).map(<[u8]>::to_vec);
        }
    });
    found
}

/// Resource 0x0404 of a Photoshop image-resource block: `8BIM`, id, an even-padded Pascal name,
/// a size and the data, padded to even.
fn photoshop_iptc(payload: &[u8]) -> Option<&[u8]> {
    let mut rest = payload.strip_prefix(b"Photoshop 3.0\0")?;
    while rest.len() >= 12 && rest.starts_with(b"8BIM") {
        let id = u16::from_be_bytes([rest[4], rest[5]]);
        let name_len = usize::from(rest[6]);
        let name_field = (name_len + 2) & !1;
        let size_at = 6 + name_field;
        let size = rest.get(size_at..size_at + 4)?;
        let size = u32::from_be_bytes([size[0], size[1], size[2], size[3]]) as usize;
        let data_at = size_at + 4;
        let data = rest.get(data_at..data_at.checked_add(size)?)?;
        if id == 0x0404 {
            return Some(data);
        }
        rest = rest.get(data_at + ((size + 1) & !1)..)?;
    }
    None
}

/// The text of every IPTC dataset `2:dataset` in an IPTC-IIM block: UTF-8, or Latin-1 when the
/// bytes are not valid UTF-8 (every byte is then one character, so nothing is lost).
pub(crate) fn iptc_texts(iptc: &[u8], dataset: u8) -> Vec<String> {
    let mut texts = Vec::new();
    let mut rest = iptc;
    while rest.len() >= 5 && rest[0] == 0x1C {
        let size = usize::from(u16::from_be_bytes([rest[3], rest[4]]));
        // An extended dataset (size with its high bit set) is never a short text: stop.
        if size & 0x8000 != 0 {
            break;
        }
        let Some(data) = rest.get(5..5 + size) else {
            break;
        };
        if rest[1] == 2 && rest[2] == dataset {
            texts.push(match std::str::from_utf8(data) {
                Ok(text) => text.to_string(),
                Err(_) => data.iter().map(|&b| char::from(b)).collect(),
            });
        }
        rest = &rest[5 + size..];
    }
    texts
}
