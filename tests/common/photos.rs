//! Real picture files made in memory for tests of the photo pipeline (issue 15): phone-like
//! JPEGs with EXIF (orientation, GPS, artist, copyright), CMYK JPEGs, PNGs of every colour type,
//! broken and hostile files, and byte-level checks for EXIF and GPS in what showcase publishes.
//! Everything is deterministic (same arguments, same bytes). The crate's unit tests include this
//! same file (`src/images/probe.rs`), so it uses nothing of the crate, only its dependencies.

/// What [`photo_jpeg`] writes into the photo's EXIF. `PhotoOptions::default()` is a photo
/// without EXIF at quality 85.
#[derive(Debug, Clone, Copy)]
pub struct PhotoOptions<'a> {
    /// EXIF Orientation (1–8; any other value is written as it is, for tests of bad values).
    pub orientation: Option<u8>,
    /// A GPS position, 42.9°N 129.5°E (Yanji), as phones write it.
    pub gps: bool,
    pub artist: Option<&'a str>,
    pub copyright: Option<&'a str>,
    /// JPEG quality, 1–100.
    pub quality: u8,
    /// An ICC profile, embedded as APP2 `ICC_PROFILE` segments.
    pub icc_profile: Option<&'a [u8]>,
}

impl Default for PhotoOptions<'_> {
    fn default() -> Self {
        PhotoOptions {
            orientation: None,
            gps: false,
            artist: None,
            copyright: None,
            quality: 85,
            icc_profile: None,
        }
    }
}

/// The colour of the marker in the stored top-left corner of [`photo_jpeg`]'s pictures.
pub const MARKER: [u8; 3] = [255, 0, 0];

/// A photo-like RGB picture, `width × height × 3` bytes: smooth gradients with deterministic
/// noise (so that encoded sizes are like a camera's), and a pure red square ([`MARKER`]) of side
/// `max(min(width, height) / 8, 1)` in the stored top-left corner, so that a test can see where
/// that corner ends up once the EXIF orientation is applied.
pub fn photo_pixels(width: u32, height: u32) -> Vec<u8> {
    let (w, h) = (width as usize, height as usize);
    let marker = (w.min(h) / 8).max(1);
    let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
    let mut pixels = Vec::with_capacity(w * h * 3);
    for y in 0..h {
        for x in 0..w {
            if x < marker && y < marker {
                pixels.extend_from_slice(&MARKER);
                continue;
            }
            let n = (noise.next() % 24) as i32 - 12;
            let gx = (x * 200 / w.max(1)) as i32;
            let gy = (y * 200 / h.max(1)) as i32;
            for value in [30 + gx / 2 + gy / 4, 60 + gy / 2, 170 - gx / 3] {
                pixels.push((value + n).clamp(0, 255) as u8);
            }
        }
    }
    pixels
}

/// xorshift64: the same "random" bytes on every run.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// A baseline JPEG of [`photo_pixels`] as a phone writes it: SOI, the EXIF of `options` in an
/// APP1 `Exif\0\0` segment (written by [`exif`]), the ICC profile if any, then the picture.
pub fn photo_jpeg(width: u32, height: u32, options: &PhotoOptions) -> Vec<u8> {
    let pixels = photo_pixels(width, height);
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, options.quality);
    if let Some(tiff) = exif(options) {
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        encoder.add_app_segment(1, app1).unwrap();
    }
    if let Some(icc) = options.icc_profile {
        encoder.add_icc_profile(icc).unwrap();
    }
    encoder
        .encode(
            &pixels,
            size_u16(width),
            size_u16(height),
            jpeg_encoder::ColorType::Rgb,
        )
        .unwrap();
    out
}

/// A JPEG of one uniform CMYK colour (`[c, m, y, k]`, 0 = no ink, 255 = full ink), written as
/// Photoshop does: an Adobe APP14 segment and inverted values (jpeg-encoder's `Cmyk`).
pub fn cmyk_jpeg(width: u32, height: u32, cmyk: [u8; 4]) -> Vec<u8> {
    let pixels = cmyk.repeat(width as usize * height as usize);
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 95)
        .encode(
            &pixels,
            size_u16(width),
            size_u16(height),
            jpeg_encoder::ColorType::Cmyk,
        )
        .unwrap();
    out
}

fn size_u16(size: u32) -> u16 {
    u16::try_from(size).expect("a JPEG is at most 65535 pixels wide and high")
}

/// The EXIF of `options` as a little-endian TIFF structure (what follows `Exif\0\0` in a
/// JPEG's APP1, or fills a PNG `eXIf` or a WebP `EXIF` chunk); `None` when `options` asks for
/// no EXIF field.
pub fn exif(options: &PhotoOptions) -> Option<Vec<u8>> {
    let mut ifd0: Vec<Entry> = Vec::new();
    if let Some(orientation) = options.orientation {
        ifd0.push(Entry::short(0x0112, u16::from(orientation)));
    }
    if let Some(artist) = options.artist {
        ifd0.push(Entry::ascii(0x013B, artist));
    }
    if let Some(copyright) = options.copyright {
        ifd0.push(Entry::ascii(0x8298, copyright));
    }
    let gps = options.gps.then(|| {
        let degrees = |d: u32, m: u32, s100: u32| {
            [(d, 1), (m, 1), (s100, 100)]
                .iter()
                .flat_map(|(n, d): &(u32, u32)| [n.to_le_bytes(), d.to_le_bytes()].concat())
                .collect::<Vec<u8>>()
        };
        vec![
            Entry::new(0x0000, 1, 4, vec![2, 3, 0, 0]),
            Entry::ascii(0x0001, "N"),
            Entry::new(0x0002, 5, 3, degrees(42, 54, 0)),
            Entry::ascii(0x0003, "E"),
            Entry::new(0x0004, 5, 3, degrees(129, 30, 0)),
        ]
    });
    if ifd0.is_empty() && gps.is_none() {
        return None;
    }
    // The GPS IFD pointer's value is known once IFD0's size is.
    if gps.is_some() {
        ifd0.push(Entry::new(0x8825, 4, 1, vec![0; 4]));
    }
    ifd0.sort_by_key(|entry| entry.tag);
    let mut tiff = b"II*\0\x08\0\0\0".to_vec();
    let gps_offset = (8 + ifd_len(&ifd0)) as u32;
    if let Some(pointer) = ifd0.iter_mut().find(|entry| entry.tag == 0x8825) {
        pointer.value = gps_offset.to_le_bytes().to_vec();
    }
    write_ifd(&mut tiff, &ifd0);
    if let Some(gps) = gps {
        write_ifd(&mut tiff, &gps);
    }
    Some(tiff)
}

/// A TIFF IFD entry: tag, type (1 BYTE, 2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL), count and the
/// value's little-endian bytes.
struct Entry {
    tag: u16,
    kind: u16,
    count: u32,
    value: Vec<u8>,
}

impl Entry {
    fn new(tag: u16, kind: u16, count: u32, value: Vec<u8>) -> Entry {
        Entry {
            tag,
            kind,
            count,
            value,
        }
    }

    fn short(tag: u16, value: u16) -> Entry {
        Entry::new(tag, 3, 1, value.to_le_bytes().to_vec())
    }

    /// ASCII with its terminating NUL (the count includes it).
    fn ascii(tag: u16, text: &str) -> Entry {
        let mut value = text.as_bytes().to_vec();
        value.push(0);
        Entry::new(tag, 2, value.len() as u32, value)
    }
}

/// The bytes an IFD takes: count, 12-byte entries, next-IFD offset, then the values longer
/// than four bytes (each padded to an even length).
fn ifd_len(entries: &[Entry]) -> usize {
    let data: usize = entries
        .iter()
        .filter(|entry| entry.value.len() > 4)
        .map(|entry| entry.value.len().next_multiple_of(2))
        .sum();
    2 + 12 * entries.len() + 4 + data
}

/// Appends an IFD at the end of `tiff` (offsets in it count from the TIFF header).
fn write_ifd(tiff: &mut Vec<u8>, entries: &[Entry]) {
    let mut data_at = tiff.len() + 2 + 12 * entries.len() + 4;
    let mut data = Vec::new();
    tiff.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    for entry in entries {
        tiff.extend_from_slice(&entry.tag.to_le_bytes());
        tiff.extend_from_slice(&entry.kind.to_le_bytes());
        tiff.extend_from_slice(&entry.count.to_le_bytes());
        if entry.value.len() <= 4 {
            let mut inline = entry.value.clone();
            inline.resize(4, 0);
            tiff.extend_from_slice(&inline);
        } else {
            tiff.extend_from_slice(&(data_at as u32).to_le_bytes());
            data.extend_from_slice(&entry.value);
            if entry.value.len() % 2 == 1 {
                data.push(0);
            }
            data_at += entry.value.len().next_multiple_of(2);
        }
    }
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(&data);
}

/// `jpeg` with one more segment `FF marker length payload`, placed right after SOI and any
/// APP0 (JFIF): an APP13 IPTC block ([`iptc_app13`]), XMP in APP1, a COM comment…
pub fn with_jpeg_segment(jpeg: &[u8], marker: u8, payload: &[u8]) -> Vec<u8> {
    assert!(jpeg.starts_with(&[0xFF, 0xD8]), "not a JPEG");
    let mut at = 2;
    if jpeg[at..].starts_with(&[0xFF, 0xE0]) {
        at += 2 + usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
    }
    let mut out = jpeg[..at].to_vec();
    out.extend_from_slice(&[0xFF, marker]);
    out.extend_from_slice(&(payload.len() as u16 + 2).to_be_bytes());
    out.extend_from_slice(payload);
    out.extend_from_slice(&jpeg[at..]);
    out
}

/// The payload of an APP13 "Photoshop 3.0" segment holding IPTC By-line (2:80) and Copyright
/// Notice (2:116) as the given bytes (UTF-8, or Latin-1 as old software writes it).
pub fn iptc_app13(by_line: Option<&[u8]>, copyright: Option<&[u8]>) -> Vec<u8> {
    let mut iptc = Vec::new();
    for (dataset, value) in [(80u8, by_line), (116, copyright)] {
        if let Some(value) = value {
            iptc.extend_from_slice(&[0x1C, 2, dataset]);
            iptc.extend_from_slice(&(value.len() as u16).to_be_bytes());
            iptc.extend_from_slice(value);
        }
    }
    let mut out = b"Photoshop 3.0\08BIM\x04\x04\0\0".to_vec();
    out.extend_from_slice(&(iptc.len() as u32).to_be_bytes());
    out.extend_from_slice(&iptc);
    if iptc.len() % 2 == 1 {
        out.push(0);
    }
    out
}

/// [`photo_pixels`] written by the `image` crate in `format` (WebP is lossless; GIF is
/// quantized to 256 colours, so keep it small).
pub fn photo_as(format: image::ImageFormat, width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_raw(width, height, photo_pixels(width, height)).unwrap();
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(picture)
        .write_to(&mut out, format)
        .unwrap();
    out.into_inner()
}

/// A WebP in the extended format (a VP8X chunk first, with its flags set for what follows):
/// an ICCP chunk, the picture chunks of `simple` (a simple-format WebP such as
/// `photo_as(ImageFormat::WebP, …)`), then an EXIF and an XMP chunk.
pub fn webp_extended(
    simple: &[u8],
    icc: Option<&[u8]>,
    exif: Option<&[u8]>,
    xmp: Option<&[u8]>,
) -> Vec<u8> {
    let (width, height) =
        image::ImageReader::with_format(std::io::Cursor::new(simple), image::ImageFormat::WebP)
            .into_dimensions()
            .unwrap();
    let flags = [
        (icc.is_some(), 0x20),
        (exif.is_some(), 0x08),
        (xmp.is_some(), 0x04),
    ]
    .iter()
    .filter(|(present, _)| *present)
    .fold(0u8, |flags, (_, flag)| flags | flag);
    let mut chunks = vec![(*b"VP8X", vp8x(flags, width, height))];
    if let Some(icc) = icc {
        chunks.push((*b"ICCP", icc.to_vec()));
    }
    let mut body = Vec::new();
    if let Some(exif) = exif {
        body.push((*b"EXIF", exif.to_vec()));
    }
    if let Some(xmp) = xmp {
        body.push((*b"XMP ", xmp.to_vec()));
    }
    let mut out = riff(&chunks);
    out.extend_from_slice(&simple[12..]);
    for (kind, data) in &body {
        push_riff_chunk(&mut out, *kind, data);
    }
    let size = (out.len() - 8) as u32;
    out[4..8].copy_from_slice(&size.to_le_bytes());
    out
}

/// An animated WebP of two frames (each the picture of `photo_as(WebP, width, height)`).
pub fn animated_webp(width: u32, height: u32) -> Vec<u8> {
    let simple = photo_as(image::ImageFormat::WebP, width, height);
    let mut chunks = vec![
        (*b"VP8X", vp8x(0x02, width, height)),
        (*b"ANIM", vec![0, 0, 0, 0, 0, 0]),
    ];
    for _ in 0..2 {
        let mut frame = vec![0; 6];
        frame.extend_from_slice(&(width - 1).to_le_bytes()[..3]);
        frame.extend_from_slice(&(height - 1).to_le_bytes()[..3]);
        frame.extend_from_slice(&[100, 0, 0, 0]);
        frame.extend_from_slice(&simple[12..]);
        chunks.push((*b"ANMF", frame));
    }
    riff(&chunks)
}

fn vp8x(flags: u8, width: u32, height: u32) -> Vec<u8> {
    let mut data = vec![flags, 0, 0, 0];
    data.extend_from_slice(&(width - 1).to_le_bytes()[..3]);
    data.extend_from_slice(&(height - 1).to_le_bytes()[..3]);
    data
}

/// `RIFF size WEBP` and the chunks.
fn riff(chunks: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let mut out = b"RIFF\0\0\0\0WEBP".to_vec();
    for (kind, data) in chunks {
        push_riff_chunk(&mut out, *kind, data);
    }
    let size = (out.len() - 8) as u32;
    out[4..8].copy_from_slice(&size.to_le_bytes());
    out
}

fn push_riff_chunk(out: &mut Vec<u8>, kind: [u8; 4], data: &[u8]) {
    out.extend_from_slice(&kind);
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(data);
    if data.len() % 2 == 1 {
        out.push(0);
    }
}

/// An animated GIF of two frames (a red and a blue picture).
pub fn animated_gif(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = image::codecs::gif::GifEncoder::new(&mut out);
        for colour in [[255, 0, 0, 255], [0, 0, 255, 255]] {
            let picture = image::RgbaImage::from_pixel(width, height, image::Rgba(colour));
            encoder.encode_frame(image::Frame::new(picture)).unwrap();
        }
    }
    out
}

/// An animated PNG (APNG) of two frames of the `Rgb8` picture: acTL and fcTL before IDAT,
/// then fcTL and fdAT for the second frame.
pub fn animated_png(width: u32, height: u32) -> Vec<u8> {
    let still = png(width, height, PngKind::Rgb8);
    let idat_at = 8 + 12 + 13;
    let idat_len = u32::from_be_bytes(still[idat_at..idat_at + 4].try_into().unwrap()) as usize;
    let idat = &still[idat_at + 8..idat_at + 8 + idat_len];
    let fctl = |sequence: u32| {
        let mut data = sequence.to_be_bytes().to_vec();
        for value in [width, height, 0, 0] {
            data.extend_from_slice(&value.to_be_bytes());
        }
        data.extend_from_slice(&[0, 1, 0, 10, 0, 0]);
        data
    };
    let mut actl = 2u32.to_be_bytes().to_vec();
    actl.extend_from_slice(&0u32.to_be_bytes());
    let mut out = still[..idat_at].to_vec();
    push_png_chunk(&mut out, *b"acTL", &actl);
    push_png_chunk(&mut out, *b"fcTL", &fctl(0));
    push_png_chunk(&mut out, *b"IDAT", idat);
    push_png_chunk(&mut out, *b"fcTL", &fctl(1));
    let mut fdat = 2u32.to_be_bytes().to_vec();
    fdat.extend_from_slice(idat);
    push_png_chunk(&mut out, *b"fdAT", &fdat);
    push_png_chunk(&mut out, *b"IEND", &[]);
    out
}

/// The colour types [`png`] makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PngKind {
    Rgb8,
    /// RGBA with real transparency: alpha falls from 255 at the left edge to 0 at the right.
    Rgba8,
    /// 16 bits a sample: the red sample of pixel `x` is `x * 257` (so 8-bit value `x`, for
    /// `x < 256`), green 0x8000, blue 0xFFFF.
    Rgb16,
    Gray8,
    /// Indexed colour with a 4-colour palette (red, green, blue, white), pixel `x` of every row
    /// using entry `x % 4`; no tRNS chunk.
    Palette,
    /// As `Palette`, with a tRNS chunk making entry 0 (red) fully transparent.
    PaletteTransparent,
}

/// A PNG of `kind` (see [`PngKind`] for the pixels), stored without compression.
pub fn png(width: u32, height: u32, kind: PngKind) -> Vec<u8> {
    let (w, h) = (width as usize, height as usize);
    let pixels = photo_pixels(width, height);
    let mut extra = Vec::new();
    let (color_type, depth, raw): (u8, u8, Vec<u8>) = match kind {
        PngKind::Rgb8 => (2, 8, pixels),
        PngKind::Rgba8 => (
            6,
            8,
            pixels
                .chunks_exact(3)
                .enumerate()
                .flat_map(|(i, rgb)| {
                    let alpha = 255 - (i % w * 255 / w.max(1)) as u8;
                    [rgb[0], rgb[1], rgb[2], alpha]
                })
                .collect(),
        ),
        PngKind::Rgb16 => (
            2,
            16,
            (0..w * h)
                .flat_map(|i| {
                    let red = ((i % w) as u16).wrapping_mul(257);
                    [red.to_be_bytes(), 0x8000u16.to_be_bytes(), [0xFF, 0xFF]].concat()
                })
                .collect(),
        ),
        PngKind::Gray8 => (0, 8, pixels.iter().step_by(3).copied().collect()),
        PngKind::Palette | PngKind::PaletteTransparent => {
            extra.push((
                *b"PLTE",
                vec![255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255],
            ));
            if kind == PngKind::PaletteTransparent {
                extra.push((*b"tRNS", vec![0]));
            }
            (3, 8, (0..w * h).map(|i| (i % w % 4) as u8).collect())
        }
    };
    png_file(width, height, color_type, depth, &raw, &extra)
}

/// A PNG of the given colour type and bit depth from unfiltered pixel bytes (`raw`, rows top
/// to bottom), with `extra` chunks between IHDR and IDAT (PLTE, tRNS, iCCP, acTL…).
pub fn png_file(
    width: u32,
    height: u32,
    color_type: u8,
    bit_depth: u8,
    raw: &[u8],
    extra: &[([u8; 4], Vec<u8>)],
) -> Vec<u8> {
    let row = raw.len() / height.max(1) as usize;
    let mut filtered = Vec::with_capacity(raw.len() + height as usize);
    for line in raw.chunks(row.max(1)) {
        filtered.push(0);
        filtered.extend_from_slice(line);
    }
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[bit_depth, color_type, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    push_png_chunk(&mut out, *b"IHDR", &ihdr);
    for (kind, data) in extra {
        push_png_chunk(&mut out, *kind, data);
    }
    push_png_chunk(&mut out, *b"IDAT", &zlib_stored(&filtered));
    push_png_chunk(&mut out, *b"IEND", &[]);
    out
}

/// `png` with one more chunk right after IHDR (an `eXIf`, `iCCP`, `tEXt`, `acTL`…).
pub fn with_png_chunk(png: &[u8], kind: [u8; 4], data: &[u8]) -> Vec<u8> {
    let ihdr_end = 8 + 12 + 13;
    let mut out = png[..ihdr_end].to_vec();
    push_png_chunk(&mut out, kind, data);
    out.extend_from_slice(&png[ihdr_end..]);
    out
}

/// The data of an `iCCP` chunk holding `profile`.
pub fn iccp(profile: &[u8]) -> Vec<u8> {
    let mut data = b"icc\0\0".to_vec();
    data.extend_from_slice(&zlib_stored(profile));
    data
}

fn push_png_chunk(out: &mut Vec<u8>, kind: [u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(&kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// `data` as a zlib stream of stored (uncompressed) deflate blocks.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let mut blocks = data.chunks(65535).peekable();
    if blocks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xFF, 0xFF]);
    }
    while let Some(block) = blocks.next() {
        out.push(u8::from(blocks.peek().is_none()));
        let len = block.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65521;
        b = (b + a) % 65521;
    }
    out.extend_from_slice(&((b << 16) | a).to_be_bytes());
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The first half of `bytes`: a file whose copy or upload was cut off.
pub fn truncated(bytes: &[u8]) -> Vec<u8> {
    bytes[..bytes.len() / 2].to_vec()
}

/// A decompression bomb: a valid PNG signature and IHDR claiming `width × height` RGBA pixels
/// (60000 × 60000 is 14 GB decoded), a tiny IDAT and IEND. Probing must refuse it without
/// allocating the pixels.
pub fn bomb_png(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    push_png_chunk(&mut out, *b"IHDR", &ihdr);
    push_png_chunk(&mut out, *b"IDAT", &zlib_stored(&[0; 64]));
    push_png_chunk(&mut out, *b"IEND", &[]);
    out
}

/// The first bytes of an iPhone HEIC photo: an ISO-BMFF `ftyp` box of brand `heic`.
pub fn heic_header() -> Vec<u8> {
    let mut out = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec();
    out.extend_from_slice(b"\0\0\0\x08free");
    out
}

/// The TIFF structure of the file's EXIF, if it has one: a JPEG's APP1 `Exif\0\0` segment, a
/// PNG's `eXIf` chunk or a WebP's `EXIF` chunk. A byte-level reader, independent of the crate.
fn exif_block(bytes: &[u8]) -> Option<&[u8]> {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        let mut at = 2;
        while at + 4 <= bytes.len() && bytes[at] == 0xFF && bytes[at + 1] != 0xDA {
            let end = at + 2 + usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
            let payload = bytes.get(at + 4..end)?;
            if bytes[at + 1] == 0xE1 && payload.starts_with(b"Exif\0\0") {
                return Some(&payload[6..]);
            }
            at = end;
        }
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let mut at = 8;
        while at + 8 <= bytes.len() {
            let len = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
            let data = bytes.get(at + 8..at + 8 + len)?;
            if &bytes[at + 4..at + 8] == b"eXIf" {
                return Some(data);
            }
            at += 12 + len;
        }
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        let mut at = 12;
        while at + 8 <= bytes.len() {
            let len = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().unwrap()) as usize;
            let data = bytes.get(at + 8..at + 8 + len)?;
            if &bytes[at..at + 4] == b"EXIF" {
                return Some(data.strip_prefix(b"Exif\0\0").unwrap_or(data));
            }
            at += 8 + len + (len & 1);
        }
    }
    None
}

/// The file carries EXIF (see [`exif_block`]).
pub fn has_exif(bytes: &[u8]) -> bool {
    exif_block(bytes).is_some()
}

/// The file's EXIF has a GPS IFD with at least one entry (IFD0 tag 0x8825 pointing at it).
pub fn has_gps(bytes: &[u8]) -> bool {
    let Some(tiff) = exif_block(bytes) else {
        return false;
    };
    let little = tiff.starts_with(b"II");
    let u16_at = |at: usize| {
        let b = tiff.get(at..at + 2)?;
        Some(if little {
            u16::from_le_bytes([b[0], b[1]])
        } else {
            u16::from_be_bytes([b[0], b[1]])
        })
    };
    let u32_at = |at: usize| {
        let b: [u8; 4] = tiff.get(at..at + 4)?.try_into().ok()?;
        Some(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let gps_entries = || {
        let ifd0 = u32_at(4)? as usize;
        for i in 0..usize::from(u16_at(ifd0)?) {
            let entry = ifd0 + 2 + 12 * i;
            if u16_at(entry)? == 0x8825 {
                return u16_at(u32_at(entry + 8)? as usize);
            }
        }
        None
    };
    gps_entries().is_some_and(|count| count > 0)
}
