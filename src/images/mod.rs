//! Photos (issue 15): every raster picture of the site's `static/` and of record bundles is
//! published as resized, re-encoded variants without metadata, made once and kept in a cache
//! under the site ([`cache`]). Three steps, each a function:
//!
//! - [`plan`] reads what each picture is (from the cache's index when the file did not change,
//!   else from its header: no pixel is decoded) and names its variants: the [`Catalog`], which
//!   rendering reads for `srcset`, sizes and credits. A file that cannot be published is an
//!   error at each place content names it.
//! - [`produce`] makes the variants the cache lacks: each photo decoded once ([`decode`]), then
//!   resized and encoded per variant ([`encode`]), photos in parallel, one decoded photo per
//!   thread at a time, so memory is bounded by the number of cores, not of photos.
//! - [`publish`] puts the variants into the output (hard links to the cache where the file
//!   system allows: publishing costs no copy), and GIFs and animations as they are.
//!
//! `serve` plans on every rebuild and makes a photo's variants when the browser first asks
//! for one, so a new photo never holds up a reload.

pub mod cache;
pub mod decode;
mod encode;
pub mod probe;
pub mod strip;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::config::ImageSettings;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::messages::msg;
use crate::model::{ImageRef, Site, StaticFile, slash_path};
use crate::output::{OutputError, Sink};
use cache::{ImageCache, Probed};
pub use encode::VariantFormat;
use probe::{Format, ImageProblem, Probe};

/// Changes whenever the pixels of a variant would change for the same source and settings
/// (a new resize filter, encoder options): old cache folders are then simply not found.
const PIPELINE_VERSION: u32 = 1;

/// `og:image` and chat previews: a JPEG about this wide (neither SVG nor WebP is shown there).
pub const SHARE_WIDTH: u32 = 1200;

/// Print asks for the widest variant up to this: enough for an A4 column at 200 dpi.
pub const PRINT_WIDTH: u32 = 1600;

/// Whether a published path names a picture file the catalog handles, by its extension:
/// the formats showcase reads, GIF, and the picture formats it refuses with a clear message.
pub fn is_picture_file(path: &str) -> bool {
    Path::new(path)
        .extension()
        .is_some_and(|e| probe::is_picture_extension(&e.to_string_lossy()))
}

/// One published file of a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Output path.
    pub dest: String,
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub format: VariantFormat,
    /// Its file's name in the photo's cache folder.
    name: String,
}

/// A raster picture published as variants.
#[derive(Debug, Clone)]
pub struct Photo {
    /// Relative to the site root.
    pub source: PathBuf,
    /// As a viewer sees it (orientation applied).
    pub width: u32,
    pub height: u32,
    pub alpha: bool,
    pub gps: bool,
    pub artist: Option<String>,
    pub copyright: Option<String>,
    /// Ascending width; WebP first at each width.
    pub variants: Vec<Variant>,
    /// The JPEG for `og:image`, when the photo is a cover.
    pub share: Option<Variant>,
    /// The original, without metadata (`keep_original: true`): its output path.
    pub original: Option<String>,
    /// The cache folder.
    key: String,
}

impl Photo {
    /// The variants of one format, ascending.
    pub fn of(&self, format: VariantFormat) -> impl Iterator<Item = &Variant> {
        self.variants.iter().filter(move |v| v.format == format)
    }

    /// The fallback format's variants (JPEG, PNG for transparency), or the WebP ones when the
    /// site publishes only WebP.
    pub fn fallback(&self) -> Vec<&Variant> {
        let fallback = if self.alpha {
            VariantFormat::Png
        } else {
            VariantFormat::Jpeg
        };
        let variants: Vec<&Variant> = self.of(fallback).collect();
        if variants.is_empty() {
            self.of(VariantFormat::WebP).collect()
        } else {
            variants
        }
    }

    /// Whether the cache lacks one of its variants.
    fn lacks_some(&self, cache: &ImageCache) -> bool {
        self.files()
            .any(|v| !is_made(&cache.file(&self.key, &v.name)))
    }

    /// Every file this photo publishes, each once: its variants and the sharing JPEG (which
    /// is one of the variants when the photo is no wider than it).
    fn files(&self) -> impl Iterator<Item = &Variant> {
        let share = self
            .share
            .iter()
            .filter(|share| self.variants.iter().all(|v| v.dest != share.dest));
        self.variants.iter().chain(share)
    }
}

/// A picture published as it is (a GIF, an animation), with its size for `<img>`.
#[derive(Debug, Clone)]
pub struct AsIs {
    pub source: PathBuf,
    pub width: u32,
    pub height: u32,
    pub mime: &'static str,
}

#[derive(Debug, Clone)]
pub enum Entry {
    Photo(Photo),
    AsIs(AsIs),
}

/// Every picture file of the site, by its output path, with what is published for it.
#[derive(Debug, Default)]
pub struct Catalog {
    entries: BTreeMap<String, Entry>,
    /// Picture files with a problem: published in no form.
    refused: BTreeSet<String>,
    /// Variant output path → the photo's output path.
    by_variant: HashMap<String, String>,
    /// The SVG files' sizes, from their `width`/`height` or `viewBox`, for `<img>`.
    svg_sizes: BTreeMap<String, (u32, u32)>,
    cache: Option<Arc<ImageCache>>,
    quality: u8,
    /// Photos being made by `serve`, so that two requests make a photo once.
    making: Mutex<BTreeSet<String>>,
}

/// What `produce` did, for the build's summary and for tests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Produced {
    pub photos: usize,
    pub encoded: usize,
    pub from_cache: usize,
}

/// Shared with the progress bar.
#[derive(Debug, Default)]
pub struct Progress {
    pub total: AtomicUsize,
    pub done: AtomicUsize,
}

impl Catalog {
    /// A digest of what pages can read of the catalog (each picture's variants and sizes,
    /// refusals, SVG sizes): not the photos being made meanwhile.
    pub fn digest(&self) -> u64 {
        crate::digest::Digest::new()
            .add_debug(&self.entries)
            .add_debug(&self.refused)
            .add_debug(&self.svg_sizes)
            .add(&self.quality)
            .finish()
    }

    pub fn get(&self, file: &str) -> Option<&Entry> {
        self.entries.get(file)
    }

    pub fn svg_size(&self, file: &str) -> Option<(u32, u32)> {
        self.svg_sizes.get(file).copied()
    }

    pub fn photo(&self, file: &str) -> Option<&Photo> {
        match self.entries.get(file) {
            Some(Entry::Photo(photo)) => Some(photo),
            _ => None,
        }
    }

    /// Whether the catalog publishes (or refuses) this static file, so it is not copied.
    pub fn handles(&self, file: &str) -> bool {
        self.entries.contains_key(file) || self.refused.contains(file)
    }

    pub fn photos(&self) -> impl Iterator<Item = &Photo> {
        self.entries.values().filter_map(|entry| match entry {
            Entry::Photo(photo) => Some(photo),
            Entry::AsIs(_) => None,
        })
    }

    /// The bytes `publish` would write at `dest`, for `serve`, which asks as the browser does:
    /// a variant the cache lacks is made now. `None` when the catalog publishes nothing there.
    pub fn published_bytes(&self, root: &Path, dest: &str) -> Option<Result<Vec<u8>, String>> {
        let source = match self.entries.get(dest) {
            Some(Entry::AsIs(as_is)) => Some(&as_is.source),
            Some(Entry::Photo(photo)) if photo.original.is_some() => Some(&photo.source),
            _ => None,
        };
        if let Some(source) = source {
            return Some(stripped(&root.join(source)).map_err(|err| err.to_string()));
        }
        let file = self.variant_file(root, dest)?;
        Some(
            file.map_err(|problem| format!("{problem:?}"))
                .and_then(|file| std::fs::read(file).map_err(|err| err.to_string())),
        )
    }

    /// The cache file of a variant, made now if the cache lacks it. `None` when `dest` is no
    /// variant.
    fn variant_file(&self, root: &Path, dest: &str) -> Option<Result<PathBuf, ImageProblem>> {
        let photo = self.photo(self.by_variant.get(dest)?)?;
        let variant = photo.files().find(|v| v.dest == dest)?;
        let cache = self.cache.as_ref()?;
        let file = cache.file(&photo.key, &variant.name);
        if is_made(&file) {
            return Some(Ok(file));
        }
        // One request makes the photo; another for the same photo waits for it.
        loop {
            let mut making = self.making.lock().unwrap_or_else(|e| e.into_inner());
            if is_made(&file) {
                return Some(Ok(file));
            }
            if making.insert(photo.key.clone()) {
                break;
            }
            drop(making);
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        // Only the variant asked for: the browser asks for one per picture, and answering
        // soon matters more than decoding the photo once for all its variants.
        let made = make_photo(root, cache, photo, self.quality, Some(&variant.name)).map(|_| file);
        self.making
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&photo.key);
        Some(made)
    }
}

/// Where content names each picture file, by its output path.
fn uses(site: &Site) -> (BTreeMap<String, Vec<Location>>, BTreeSet<String>) {
    let mut uses: BTreeMap<String, Vec<Location>> = BTreeMap::new();
    let mut covers = BTreeSet::new();
    let mut add = |image: &ImageRef| {
        if let Some(file) = &image.file {
            uses.entry(file.clone()).or_default().push(image.at.clone());
        }
    };
    for record in &site.records {
        record.images.values().for_each(&mut add);
        record
            .galleries
            .values()
            .flatten()
            .for_each(|p| add(&p.image));
        if let Some(file) = record.cover().and_then(|c| c.file.as_ref()) {
            covers.insert(file.clone());
        }
    }
    (uses, covers)
}

/// What each picture file of the site is and which files are published for it. Problems are
/// errors at each place content names the file, or in the file when nothing names it.
pub fn plan(root: &Path, site: &Site, cache: Arc<ImageCache>) -> (Catalog, Diagnostics) {
    let settings = &site.config.images;
    let (uses, covers) = uses(site);
    let base_path = &site.config.base_url.path;
    let planned: Vec<(&StaticFile, Result<Entry, ImageProblem>)> = site
        .static_files
        .par_iter()
        .filter(|file| is_picture_file(&file.dest))
        .map(|file| {
            let entry = probe_file(root, &cache, file).and_then(|(hash, probed)| {
                let entry = entry(
                    file,
                    &hash,
                    &probed,
                    settings,
                    covers.contains(&file.dest),
                    base_path,
                );
                publishable_as_is(root, file, &probed, &entry)?;
                Ok(entry)
            });
            (file, entry)
        })
        .collect();
    let svg_sizes = site
        .static_files
        .par_iter()
        .filter(|file| crate::svg::is_svg(&file.dest))
        .filter_map(|file| {
            let bytes = std::fs::read(root.join(&file.source)).ok()?;
            Some((file.dest.clone(), crate::svg::intrinsic_size(&bytes)?))
        })
        .collect();
    let mut catalog = Catalog {
        quality: settings.quality,
        svg_sizes,
        ..Catalog::default()
    };
    let mut diagnostics = Diagnostics::default();
    for (file, entry) in planned {
        match entry {
            Ok(entry) => {
                if let Entry::Photo(photo) = &entry {
                    for variant in photo.files() {
                        catalog
                            .by_variant
                            .insert(variant.dest.clone(), file.dest.clone());
                    }
                }
                catalog.entries.insert(file.dest.clone(), entry);
            }
            Err(problem) => {
                catalog.refused.insert(file.dest.clone());
                let places = uses.get(&file.dest);
                match places {
                    Some(places) => {
                        for at in places {
                            diagnostics.push(
                                Diagnostic::error(
                                    problem_code(&problem),
                                    msg!(
                                        "image-problem-at-use",
                                        file = slash_path(&file.source),
                                        problem = problem.message()
                                    ),
                                )
                                .hint(problem.hint())
                                .at(at.clone()),
                            );
                        }
                    }
                    None => diagnostics.push(problem_diagnostic(&problem).in_file(&file.source)),
                }
            }
        }
    }
    catalog.cache = Some(cache);
    (catalog, diagnostics)
}

/// A file published as it is (a GIF, an animation, an original kept with `keep_original`)
/// loses its metadata when it is published; one whose metadata cannot be removed is refused
/// here, where content names it, rather than when the build writes it.
fn publishable_as_is(
    root: &Path,
    file: &StaticFile,
    probed: &Probed,
    entry: &Entry,
) -> Result<(), ImageProblem> {
    let original = match entry {
        Entry::AsIs(_) => false,
        Entry::Photo(photo) if photo.original.is_some() => true,
        Entry::Photo(_) => return Ok(()),
    };
    let bytes = std::fs::read(root.join(&file.source))
        .map_err(|err| ImageProblem::Corrupt(err.to_string()))?;
    strip::strip_metadata(&bytes, format_named(&probed.format))
        .map(drop)
        .map_err(|left| ImageProblem::MetadataLeft {
            format: left.format,
            original,
        })
}

/// The error for a picture file that cannot be published, in the file.
fn problem_diagnostic(problem: &ImageProblem) -> Diagnostic {
    Diagnostic::error(problem_code(problem), problem.message()).hint(problem.hint())
}

fn problem_code(problem: &ImageProblem) -> &'static str {
    match problem {
        ImageProblem::Unsupported { .. } => "E-image-format",
        ImageProblem::WrongExtension { .. } => "E-image-extension",
        ImageProblem::TooLarge { .. } => "E-image-too-large",
        ImageProblem::MetadataLeft { .. } => "E-image-metadata",
        ImageProblem::Truncated | ImageProblem::Corrupt(_) | ImageProblem::NotAnImage => {
            "E-bad-image"
        }
    }
}

/// The file's hash and what it is, from the cache's index when it did not change.
fn probe_file(
    root: &Path,
    cache: &ImageCache,
    file: &StaticFile,
) -> Result<(String, Probed), ImageProblem> {
    let path = root.join(&file.source);
    let (hash, bytes) = cache
        .hash(&file.dest, &path)
        .map_err(|err| ImageProblem::Corrupt(err.to_string()))?;
    if let Some(probed) = cache.probed(&hash) {
        return Ok((hash, probed));
    }
    let bytes = match bytes {
        Some(bytes) => bytes,
        None => std::fs::read(&path).map_err(|err| ImageProblem::Corrupt(err.to_string()))?,
    };
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    let probe = probe::probe(&bytes, &extension)?;
    let probed = Probed {
        format: format_name(probe.format).to_string(),
        width: probe.width,
        height: probe.height,
        orientation: probe.orientation,
        animated: probe.animated,
        alpha: has_alpha_channel(&bytes, probe.format),
        gps: probe.metadata.gps,
        artist: probe.metadata.artist,
        copyright: probe.metadata.copyright,
    };
    cache.remember(&hash, probed.clone());
    Ok((hash, probed))
}

/// Whether the file's pixels have an alpha channel, from its header: such a picture's
/// fallback is PNG, not JPEG.
fn has_alpha_channel(bytes: &[u8], format: Format) -> bool {
    use image::ImageDecoder;
    let Some(format) = image_format(format) else {
        return false;
    };
    image::ImageReader::with_format(std::io::Cursor::new(bytes), format)
        .into_decoder()
        .is_ok_and(|decoder| decoder.color_type().has_alpha())
}

fn image_format(format: Format) -> Option<image::ImageFormat> {
    Some(match format {
        Format::Jpeg => return None,
        Format::Png => image::ImageFormat::Png,
        Format::WebP => image::ImageFormat::WebP,
        Format::Tiff => image::ImageFormat::Tiff,
        Format::Bmp => image::ImageFormat::Bmp,
        Format::Gif => image::ImageFormat::Gif,
    })
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Jpeg => "jpeg",
        Format::Png => "png",
        Format::WebP => "webp",
        Format::Tiff => "tiff",
        Format::Bmp => "bmp",
        Format::Gif => "gif",
    }
}

fn format_named(name: &str) -> Format {
    match name {
        "png" => Format::Png,
        "webp" => Format::WebP,
        "tiff" => Format::Tiff,
        "bmp" => Format::Bmp,
        "gif" => Format::Gif,
        _ => Format::Jpeg,
    }
}

/// What is published for one picture file.
fn entry(
    file: &StaticFile,
    hash: &str,
    probed: &Probed,
    settings: &ImageSettings,
    cover: bool,
    base_path: &str,
) -> Entry {
    let format = format_named(&probed.format);
    let (width, height) = if probed.orientation >= 5 {
        (probed.height, probed.width)
    } else {
        (probed.width, probed.height)
    };
    if format == Format::Gif || probed.animated {
        return Entry::AsIs(AsIs {
            source: file.source.clone(),
            width,
            height,
            mime: match format {
                Format::Gif => "image/gif",
                Format::Png => "image/png",
                _ => "image/webp",
            },
        });
    }
    let key = format!(
        "{:032x}",
        xxhash_rust::xxh3::xxh3_128(
            format!("{hash}:{}:{PIPELINE_VERSION}", settings.quality).as_bytes()
        )
    );
    let (folder, stem) = match file.dest.rsplit_once('/') {
        Some((folder, name)) => (format!("{folder}/"), name),
        None => (String::new(), file.dest.as_str()),
    };
    let stem = stem.rsplit_once('.').map_or(stem, |(stem, _)| stem);
    let variant = |to: u32, format: VariantFormat| {
        let name = format!("{to}.{}", format.extension());
        let dest = format!("{folder}{stem}-{to}w.{}.{}", &key[..8], format.extension());
        Variant {
            url: format!("{base_path}{dest}"),
            dest,
            width: to,
            height: scaled_height((width, height), to),
            format,
            name,
        }
    };
    let mut formats = Vec::new();
    if settings.webp {
        formats.push(VariantFormat::WebP);
    }
    if settings.fallback {
        formats.push(if probed.alpha {
            VariantFormat::Png
        } else {
            VariantFormat::Jpeg
        });
    }
    let variants = variant_widths(&settings.widths, width)
        .into_iter()
        .flat_map(|w| formats.iter().map(move |&f| (w, f)))
        .map(|(w, f)| variant(w, f))
        .collect::<Vec<_>>();
    let share_width = SHARE_WIDTH.min(width);
    let share = cover.then(|| {
        variants
            .iter()
            .find(|v| v.width == share_width && v.format == VariantFormat::Jpeg)
            .cloned()
            .unwrap_or_else(|| variant(share_width, VariantFormat::Jpeg))
    });
    Entry::Photo(Photo {
        source: file.source.clone(),
        width,
        height,
        alpha: probed.alpha,
        gps: probed.gps,
        artist: probed.artist.clone(),
        copyright: probed.copyright.clone(),
        variants,
        share,
        original: settings.keep_original.then(|| file.dest.clone()),
        key,
    })
}

fn scaled_height((width, height): (u32, u32), to: u32) -> u32 {
    ((u64::from(height) * u64::from(to) + u64::from(width) / 2) / u64::from(width)).max(1) as u32
}

/// The widths of a photo `width` pixels wide: the configured ones it is wider than, and its own
/// width when it falls short of the next one (no upscaling, and the full detail is there).
fn variant_widths(widths: &[u32], width: u32) -> Vec<u32> {
    let mut chosen: Vec<u32> = widths.iter().copied().filter(|&w| w <= width).collect();
    let largest = widths.last().copied().unwrap_or(width);
    if chosen.last() != Some(&width) && width < largest {
        chosen.push(width);
    }
    if chosen.is_empty() {
        chosen.push(width.min(largest));
    }
    chosen
}

/// Makes every variant the cache lacks, photos in parallel. `progress` counts photos.
pub fn produce(
    root: &Path,
    catalog: &Catalog,
    progress: &Progress,
) -> Result<Produced, Diagnostics> {
    let Some(cache) = &catalog.cache else {
        return Ok(Produced::default());
    };
    // Files with the same bytes share a cache folder: they are made one after another, on one
    // thread (a cover among them also needs the sharing JPEG, which the others do not).
    let mut by_key: BTreeMap<&str, Vec<&Photo>> = BTreeMap::new();
    for photo in catalog.photos().filter(|photo| photo.lacks_some(cache)) {
        by_key.entry(&photo.key).or_default().push(photo);
    }
    let mut todo: Vec<Vec<&Photo>> = by_key.into_values().collect();
    let files: usize = catalog.photos().map(|p| p.files().count()).sum();
    // The largest first, so that no core is left with a big photo at the end.
    todo.sort_by_key(|same| {
        std::cmp::Reverse(u64::from(same[0].width) * u64::from(same[0].height))
    });
    progress.total.store(todo.len(), Ordering::Relaxed);
    let results: Vec<(&Photo, Result<usize, ImageProblem>)> = todo
        .par_iter()
        .with_max_len(1)
        .flat_map_iter(|same| {
            let made: Vec<_> = same
                .iter()
                .map(|photo| {
                    (
                        *photo,
                        make_photo(root, cache, photo, catalog.quality, None),
                    )
                })
                .collect();
            progress.done.fetch_add(1, Ordering::Relaxed);
            made
        })
        .collect();
    let mut diagnostics = Diagnostics::default();
    let mut encoded = 0;
    for (photo, result) in &results {
        match result {
            Ok(count) => encoded += count,
            Err(problem) => diagnostics.push(problem_diagnostic(problem).in_file(&photo.source)),
        }
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(Produced {
        photos: catalog.photos().count(),
        encoded,
        from_cache: files - encoded,
    })
}

/// Decodes one photo and encodes the variants its cache folder lacks (or only the one named
/// `only`); returns how many.
fn make_photo(
    root: &Path,
    cache: &ImageCache,
    photo: &Photo,
    quality: u8,
    only: Option<&str>,
) -> Result<usize, ImageProblem> {
    let bytes = std::fs::read(root.join(&photo.source))
        .map_err(|err| ImageProblem::Corrupt(err.to_string()))?;
    let extension = photo
        .source
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    let probe = probe::probe(&bytes, &extension)?;
    let decoded = decode::decode(&bytes, &probe)?;
    drop(bytes);
    let mut made = 0;
    let mut sizes: BTreeMap<u32, encode::Pixels> = BTreeMap::new();
    for variant in photo.files() {
        let wanted = only.is_none_or(|name| name == variant.name);
        if !wanted || is_made(&cache.file(&photo.key, &variant.name)) {
            continue;
        }
        if !sizes.contains_key(&variant.width) {
            let pixels = encode::resize(&decoded, variant.width, variant.height)
                .map_err(ImageProblem::Corrupt)?;
            // One size at a time: the WebP and the fallback of a width share the pixels.
            sizes.clear();
            sizes.insert(variant.width, pixels);
        }
        let bytes = encode::encode(&sizes[&variant.width], variant.format, quality)
            .map_err(ImageProblem::Corrupt)?;
        cache
            .store(&photo.key, &variant.name, &bytes)
            .map_err(|err| ImageProblem::Corrupt(err.to_string()))?;
        made += 1;
    }
    Ok(made)
}

/// Reads every photo the cache has no variants of, to find what only decoding finds (a file
/// cut short after its header): `check` reports what `build` would.
pub fn verify(root: &Path, catalog: &Catalog) -> Diagnostics {
    let Some(cache) = &catalog.cache else {
        return Diagnostics::default();
    };
    let problems: Vec<Diagnostic> = catalog
        .photos()
        .filter(|photo| photo.lacks_some(cache))
        .collect::<Vec<_>>()
        .par_iter()
        .with_max_len(1)
        .filter_map(|photo| {
            let read = std::fs::read(root.join(&photo.source))
                .map_err(|err| ImageProblem::Corrupt(err.to_string()));
            let extension = photo
                .source
                .extension()
                .map(|e| e.to_string_lossy().into_owned())
                .unwrap_or_default();
            let problem = read
                .and_then(|bytes| {
                    let probe: Probe = probe::probe(&bytes, &extension)?;
                    decode::decode(&bytes, &probe).map(drop)
                })
                .err()?;
            Some(problem_diagnostic(&problem).in_file(&photo.source))
        })
        .collect();
    let mut diagnostics = Diagnostics::default();
    for problem in problems {
        diagnostics.push(problem);
    }
    diagnostics
}

/// What only `check` says about photos: a position in a photo (the original on the staff's
/// computer holds it, though nothing published does), and a cover too small to look sharp.
pub fn advice(site: &Site, catalog: &Catalog) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    for photo in catalog.photos() {
        if photo.gps {
            diagnostics.push(
                Diagnostic::warning("W-photo-gps", msg!("photo-gps"))
                    .hint(msg!("photo-gps-hint"))
                    .in_file(&photo.source),
            );
        }
    }
    let mut seen = BTreeSet::new();
    for record in &site.records {
        let Some(cover) = record.cover() else {
            continue;
        };
        let Some(photo) = cover.file.as_deref().and_then(|f| catalog.photo(f)) else {
            continue;
        };
        if photo.width < SHARE_WIDTH && seen.insert((cover.at.file.clone(), cover.at.line)) {
            diagnostics.push(
                Diagnostic::warning(
                    "W-image-too-small",
                    msg!(
                        "cover-too-small",
                        file = slash_path(&photo.source),
                        width = photo.width,
                        height = photo.height
                    ),
                )
                .hint(msg!("cover-too-small-hint", width = SHARE_WIDTH))
                .at(cover.at.clone()),
            );
        }
    }
    diagnostics
}

/// Puts every picture file into `sink`: the photos' variants from the cache (which `produce`
/// filled), their originals without metadata when the settings keep them, and GIFs and
/// animations as they are (without metadata).
/// Whether the cache's file of a variant is there. An empty one is not: a build before this
/// check could empty a variant it published twice (see `Photo::files`).
fn is_made(file: &Path) -> bool {
    std::fs::metadata(file).is_ok_and(|m| m.len() > 0)
}

pub fn publish(root: &Path, catalog: &Catalog, sink: &dyn Sink) -> Result<(), OutputError> {
    let Some(cache) = &catalog.cache else {
        return Ok(());
    };
    let entries: Vec<(&String, &Entry)> = catalog.entries.iter().collect();
    entries
        .par_iter()
        .try_for_each(|(dest, entry)| match entry {
            Entry::Photo(photo) => {
                for variant in photo.files() {
                    sink.link(&variant.dest, &cache.file(&photo.key, &variant.name))?;
                }
                if let Some(original) = &photo.original {
                    put_stripped(root, &photo.source, original, sink)?;
                }
                Ok(())
            }
            Entry::AsIs(as_is) => put_stripped(root, &as_is.source, dest, sink),
        })
}

fn put_stripped(
    root: &Path,
    source: &Path,
    dest: &str,
    sink: &dyn Sink,
) -> Result<(), OutputError> {
    let path = root.join(source);
    let bytes = stripped(&path).map_err(|source| OutputError::Io { path, source })?;
    sink.put(dest, &bytes)
}

/// A file published as it is, without its metadata.
fn stripped(path: &Path) -> std::io::Result<Vec<u8>> {
    let bytes = std::fs::read(path)?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    match probe::probe(&bytes, &extension) {
        // A file whose metadata cannot be removed is not published with it.
        Ok(probe) => strip::strip_metadata(&bytes, probe.format).map_err(|left| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "{}: {}",
                    left.message().text(crate::messages::UiLang::En),
                    left.hint().text(crate::messages::UiLang::En)
                ),
            )
        }),
        // Planned as a picture, but it no longer reads as one (changed since): not published
        // rather than published with whatever metadata it holds.
        Err(problem) => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            problem.message().text(crate::messages::UiLang::En),
        )),
    }
}

/// Tidies the cache after a build: what this build did not use goes.
pub fn keep_only_used(catalog: &Catalog) {
    let Some(cache) = &catalog.cache else {
        return;
    };
    let mut files: Vec<&str> = catalog
        .entries
        .keys()
        .chain(&catalog.refused)
        .map(String::as_str)
        .collect();
    files.sort_unstable();
    let mut keys: Vec<&str> = catalog.photos().map(|p| p.key.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    cache.keep_only(&files, &keys);
}

/// Remembers what this plan read, for the next run (serve does not tidy: it plans often).
pub fn save_index(catalog: &Catalog) {
    if let Some(cache) = &catalog.cache {
        cache.save();
    }
}

/// The metadata a photo may credit a gallery picture with.
pub fn credit(photo: &Photo) -> Option<String> {
    photo
        .artist
        .clone()
        .or_else(|| photo.copyright.as_ref().map(|c| format!("© {c}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picture_files_are_those_we_read_and_those_we_refuse_with_a_message() {
        for name in [
            "a.JPG", "b.jpeg", "c.png", "d.gif", "e.HEIC", "f.pef", "g.srw", "h.dng",
        ] {
            assert!(is_picture_file(name), "{name}");
        }
        for name in ["a.svg", "b.pdf", "c", "d.jpg.txt"] {
            assert!(!is_picture_file(name), "{name}");
        }
    }

    #[test]
    fn widths_never_upscale_and_keep_the_full_detail() {
        let widths = [480, 960, 1600, 2400];
        assert_eq!(variant_widths(&widths, 4032), [480, 960, 1600, 2400]);
        assert_eq!(variant_widths(&widths, 1200), [480, 960, 1200]);
        assert_eq!(variant_widths(&widths, 960), [480, 960]);
        assert_eq!(variant_widths(&widths, 300), [300]);
        assert_eq!(variant_widths(&widths, 2400), [480, 960, 1600, 2400]);
    }

    #[test]
    fn heights_keep_the_aspect_ratio() {
        assert_eq!(scaled_height((4032, 3024), 960), 720);
        assert_eq!(scaled_height((3024, 4032), 480), 640);
        assert_eq!(scaled_height((5000, 1), 480), 1);
    }
}
