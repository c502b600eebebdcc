//! `booklet.pdf: true`: `build` publishes every volume in every language as a PDF beside its
//! HTML page (`/booklet/<key>.pdf`, `/ko/booklet/<key>.pdf`). Setting type is by far the
//! slowest part of such a build, so each PDF is kept in the site's cache
//! (`.showcase/cache/booklet/<digest>.pdf`) under a digest of everything it is made from,
//! and published from there (a hard link) while that is unchanged: a save re-sets only the
//! volume it changed, in the languages it changed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::{PrintOptions, volume_pdf};
use crate::config::BaseUrl;
use crate::diagnostics::Diagnostics;
use crate::digest::Digest;
use crate::model::volumes::Volume;
use crate::model::{Index, Site, routes};
use crate::output::{OutputError, Sink};
use crate::render::Theme;

/// Why the PDFs could not be published.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A template error, a picture Typst cannot read, no font: every one is in the list.
    #[error("the booklet's PDFs have errors")]
    Content(Diagnostics),
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// Where the PDFs are kept, under the site folder.
pub const CACHE_DIR: &str = ".showcase/cache/booklet";

/// What publishing the PDFs did, for the summary line.
#[derive(Debug, Default)]
pub struct Published {
    /// PDFs set now.
    pub made: usize,
    /// PDFs taken from the cache.
    pub kept: usize,
    pub bytes: u64,
    /// Warnings of the PDFs set now (no QR codes without a host, …), each once.
    pub diagnostics: Diagnostics,
}

/// One PDF to publish: a volume in a language.
struct Job<'a> {
    volume: &'a Volume,
    lang: &'a str,
    /// Its path in the output.
    path: String,
    digest: u64,
}

/// Publishes the PDF of every volume of `index` in every language that shows records of it
/// into `sink`, setting those the cache does not have. An error of any (a template error, a
/// picture Typst cannot read, no font) stops the build: its diagnostics are returned.
pub fn publish(
    root: &Path,
    site: &Site,
    index: &Index,
    theme: &Theme,
    base_url: Option<&BaseUrl>,
    sink: &dyn Sink,
) -> Result<Published, PdfError> {
    let config = &site.config;
    let templates = super::theme::load(root, &config.theme).map_err(PdfError::Content)?;
    let inputs = {
        let mut digest = Digest::new();
        digest
            .add(&program_identity())
            .add(&site.inputs_digest())
            .add_debug(&base_url)
            .add(&super::fonts::identity(root, &config.booklet));
        for (name, file) in &templates {
            digest.add(name).add(&file.bytes);
        }
        digest.finish()
    };
    let jobs: Vec<Job> = index
        .volumes()
        .iter()
        .flat_map(|volume| {
            config.languages.iter().filter_map(move |language| {
                let lang = language.code.as_str();
                let shown: Vec<u64> = volume
                    .records
                    .iter()
                    .filter(|&&i| site.records[i].is_in(lang))
                    .map(|&i| site.records[i].version_in(lang))
                    .collect();
                if shown.is_empty() {
                    return None;
                }
                let digest = Digest::new()
                    .add(&inputs)
                    .add(lang)
                    .add_debug(theme.strings(lang))
                    .add_debug(volume)
                    .add(&shown)
                    .finish();
                let url = routes::booklet_pdf(config, lang, &volume.key);
                Some(Job {
                    volume,
                    lang,
                    path: routes::output_path(config, &url),
                    digest,
                })
            })
        })
        .collect();
    let cache = root.join(CACHE_DIR);
    // Fonts are read only when a PDF must be set: the PDFs in the cache need none.
    let options: OnceLock<Result<PrintOptions, Diagnostics>> = OnceLock::new();
    let load = || options.get_or_init(|| PrintOptions::load(root, site, theme, base_url.cloned()));
    // One volume at a time: Typst lays out on both cores already, and a volume of 200 records
    // takes about 1 GB while it is set.
    let outcomes: Vec<Result<(bool, u64, Diagnostics), PdfError>> = jobs
        .iter()
        .map(|job| {
            let file = cache.join(format!("{:016x}.pdf", job.digest));
            if let Ok(metadata) = std::fs::metadata(&file) {
                sink.link(&job.path, &file)?;
                return Ok((false, metadata.len(), Diagnostics::default()));
            }
            let options = load()
                .as_ref()
                .map_err(|diagnostics| PdfError::Content(diagnostics.clone()))?;
            let printed = volume_pdf(site, index, job.volume, job.lang, options)
                .map_err(PdfError::Content)?;
            // A PDF the cache cannot keep is set again next time, nothing worse.
            let _ = keep(&file, &printed.pdf);
            sink.put(&job.path, &printed.pdf)?;
            Ok((true, printed.pdf.len() as u64, printed.diagnostics))
        })
        .collect();
    let mut published = Published::default();
    let mut errors = Diagnostics::default();
    let mut seen = BTreeSet::new();
    for outcome in outcomes {
        match outcome {
            Ok((made, bytes, diagnostics)) => {
                match made {
                    true => published.made += 1,
                    false => published.kept += 1,
                }
                published.bytes += bytes;
                // Said once below, for the PDFs taken from the cache too.
                let own = diagnostics.iter().filter(|d| d.code != "W-print-no-qr");
                for diagnostic in own {
                    if seen.insert(format!("{diagnostic:?}")) {
                        published.diagnostics.push(diagnostic.clone());
                    }
                }
            }
            Err(PdfError::Content(diagnostics)) => {
                for diagnostic in diagnostics.iter() {
                    if seen.insert(format!("{diagnostic:?}")) {
                        errors.push(diagnostic.clone());
                    }
                }
            }
            Err(err) => return Err(err),
        }
    }
    if !errors.is_empty() {
        return Err(PdfError::Content(errors));
    }
    if !jobs.is_empty() {
        let base = base_url.unwrap_or(&config.base_url);
        if let Some(warning) = super::no_qr_warning(base) {
            published.diagnostics.push(warning);
        }
    }
    let used: BTreeSet<PathBuf> = jobs
        .iter()
        .map(|job| cache.join(format!("{:016x}.pdf", job.digest)))
        .collect();
    keep_only(&cache, &used);
    Ok(published)
}

/// What identifies the running program: a new build of showcase may set type differently,
/// so PDFs another build made are not taken.
fn program_identity() -> u64 {
    let mut digest = Digest::new();
    digest.add(env!("CARGO_PKG_VERSION"));
    if let Some(metadata) = std::env::current_exe()
        .ok()
        .and_then(|exe| std::fs::metadata(exe).ok())
    {
        digest
            .add(&metadata.len())
            .add_debug(&metadata.modified().ok());
    }
    digest.finish()
}

/// Writes `bytes` to `file` under a temporary name first, so that a build stopped halfway
/// leaves no half PDF under a digest.
fn keep(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let part = file.with_extension(format!("pdf.{}.part", std::process::id()));
    std::fs::write(&part, bytes)?;
    std::fs::rename(&part, file)
}

/// Removes the PDFs of the cache this build did not publish.
fn keep_only(cache: &Path, used: &BTreeSet<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(cache) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if !used.contains(&path) {
            let _ = std::fs::remove_file(path);
        }
    }
}
