//! The printed compilation (汇编 / 자료집) as a PDF (issue 18): a volume in one language,
//! set by Typst, used as a library, from the theme's Typst template.
//!
//! Why this shape:
//! - **Typst, not a browser.** A browser's print-to-PDF cannot number a table of contents, and
//!   needs a browser. Typst lays out pages, footnotes, running headers and an outline with
//!   page numbers itself, sets CJK text (kinsoku, punctuation compression) and embeds font
//!   subsets, in-process, deterministically.
//! - **Data, never markup.** The template receives the volume as JSON (`/volume.json`, read
//!   with `json(...)`; `data.rs`), with bodies as a tree of blocks and inlines
//!   (`markdown::tree`). No content text is ever spliced into Typst source, so a title that
//!   reads `#set page(width: 1cm)` or `$x$` prints as written.
//! - **A closed world** (`world.rs`): the templates, the data, the pictures (the image
//!   pipeline's print variants, re-encoded without metadata), the QR codes and the fonts,
//!   all from memory. No package, network or clock; the PDF's identifier is derived from the
//!   volume and no date is written: the same site gives the same bytes.
//! - **Fonts loaded once** (`fonts.rs`) in [`PrintOptions`], shared by every volume and
//!   language (and thread): reading CJK collections costs more than setting a small volume.
//! - **Errors are diagnostics**: a template error at the `.typ` file's line, a picture Typst
//!   cannot read at the record's file, a missing font at its `site.yaml` line.

mod data;
pub mod fonts;
pub mod publish;
mod qr;
pub mod theme;
mod world;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Smart};
use typst::syntax::DiagSpanKind;
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::config::BaseUrl;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::messages::msg;
use crate::model::volumes::Volume;
use crate::model::{Index, Site};
use crate::render::Theme;
pub use fonts::Fonts;

/// What every volume of a site is printed with, prepared once.
pub struct PrintOptions {
    /// The site's folder: pictures are read from its image cache.
    pub root: PathBuf,
    pub fonts: Arc<Fonts>,
    /// The theme's print files (`print/booklet.typ`, …) with where each came from.
    pub templates: BTreeMap<String, theme::PrintFile>,
    /// The theme's UI strings per language.
    pub strings: BTreeMap<String, BTreeMap<String, String>>,
    /// Overrides `base_url` of site.yaml (`--base-url`), for the QR codes and printed links.
    pub base_url: Option<BaseUrl>,
    library: LazyHash<Library>,
}

/// A printed volume.
#[derive(Debug)]
pub struct Printed {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// Warnings (no QR codes without a host, …).
    pub diagnostics: Diagnostics,
}

impl PrintOptions {
    /// Loads the fonts (the site's `booklet.fonts`, else the system's CJK fonts) and the
    /// theme's print templates. Slow (fonts): once per run, not per volume.
    pub fn load(
        root: &Path,
        site: &Site,
        theme: &Theme,
        base_url: Option<BaseUrl>,
    ) -> Result<PrintOptions, Diagnostics> {
        let codes: Vec<String> = site
            .config
            .languages
            .iter()
            .map(|l| l.code.clone())
            .collect();
        let fonts = Fonts::load(root, &site.config.booklet, &codes)?;
        let templates = theme::load(root, &site.config.theme)?;
        Ok(PrintOptions {
            root: root.to_path_buf(),
            fonts: Arc::new(fonts),
            templates,
            strings: theme.strings.clone(),
            base_url,
            library: LazyHash::new(Library::builder().build()),
        })
    }
}

/// The warning that PDFs made for `base_url` carry no QR codes, when it has no host.
pub fn no_qr_warning(base_url: &BaseUrl) -> Option<Diagnostic> {
    base_url.origin.is_empty().then(|| {
        Diagnostic::warning("W-print-no-qr", msg!("print-no-qr", base = &base_url.path))
            .hint(msg!("print-no-qr-hint"))
    })
}

/// Volume `volume` in language `lang` as an A4 PDF. The base URL (`options.base_url`, else
/// site.yaml's) gives the QR codes; one without a host gives none, and a warning saying so.
/// Errors (a template error, a picture Typst cannot read) come back as diagnostics at their
/// file and line. Thread-safe: volumes may be printed in parallel with the same options.
pub fn volume_pdf(
    site: &Site,
    index: &Index,
    volume: &Volume,
    lang: &str,
    options: &PrintOptions,
) -> Result<Printed, Diagnostics> {
    let base_url = options
        .base_url
        .clone()
        .unwrap_or_else(|| site.config.base_url.clone());
    let family_langs: Vec<&str> = site
        .config
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    let fonts = data::FontData {
        text: family_langs
            .iter()
            .map(|l| (l.to_string(), options.fonts.families(l, true)))
            .collect(),
        heading: family_langs
            .iter()
            .map(|l| (l.to_string(), options.fonts.families(l, false)))
            .collect(),
    };
    let strings = options
        .strings
        .get(lang)
        .or_else(|| options.strings.values().next())
        .cloned()
        .unwrap_or_default();
    let prepared = data::prepare(
        site,
        index,
        volume,
        lang,
        data::Inputs {
            root: &options.root,
            base_url: &base_url,
            strings,
            fonts,
        },
    );
    let mut diagnostics = prepared.diagnostics;
    if let Some(warning) = no_qr_warning(&base_url) {
        diagnostics.push(warning);
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let json = match serde_json::to_vec(&prepared.document) {
        Ok(json) => json,
        // The document is plain data: it always serializes.
        Err(err) => {
            diagnostics.push(Diagnostic::error(
                "E-print",
                msg!("print-failed", detail = err.to_string()),
            ));
            return Err(diagnostics);
        }
    };
    let mut files = prepared.files;
    files.insert("/volume.json".to_string(), Bytes::new(json));
    let templates: Vec<(String, String)> = options
        .templates
        .iter()
        .filter(|(path, _)| path.ends_with(".typ"))
        .map(|(path, file)| {
            (
                format!("/{path}"),
                String::from_utf8_lossy(&file.bytes).into_owned(),
            )
        })
        .collect();
    // Other files of the print folder (a logo) are the template's to use too.
    for (path, file) in &options.templates {
        if !path.ends_with(".typ") {
            files.insert(format!("/{path}"), Bytes::new(file.bytes.clone()));
        }
    }
    let main = format!("/{}", theme::MAIN);
    let Some(world) =
        world::BookletWorld::new(&options.library, &options.fonts, &main, templates, files)
    else {
        diagnostics.push(Diagnostic::error(
            "E-print-template",
            msg!("print-failed", detail = main),
        ));
        return Err(diagnostics);
    };
    let warned = typst::compile::<PagedDocument>(&world);
    for warning in &warned.warnings {
        diagnostics.push(typst_diagnostic(&world, options, warning));
    }
    let document = match warned.output {
        Ok(document) => document,
        Err(errors) => {
            for error in &errors {
                diagnostics.push(typst_diagnostic(&world, options, error));
            }
            return Err(diagnostics);
        }
    };
    let pdf_options = PdfOptions {
        ident: Smart::Custom(format!("showcase/{}/{lang}", volume.key)),
        creator: Smart::Custom(Some("showcase".to_string())),
        timestamp: None,
        // A print product: the structure tags of an accessible PDF double its size (more
        // for Korean, whose words are kept whole one box each). The accessible version of
        // every record is its page on the site, which each printed record's QR code leads to.
        tagged: false,
        ..PdfOptions::default()
    };
    let pdf = match typst_pdf::pdf(&document, &pdf_options) {
        Ok(pdf) => pdf,
        Err(errors) => {
            for error in &errors {
                diagnostics.push(typst_diagnostic(&world, options, error));
            }
            return Err(diagnostics);
        }
    };
    // Typst memoizes layout across compilations; a volume's entries are of no use to the
    // next one, and at a few hundred records they hold hundreds of megabytes. Entries unused
    // since the last eviction go (those a volume compiling beside this one uses stay).
    comemo::evict(1);
    Ok(Printed {
        pdf,
        pages: document.pages().len(),
        diagnostics,
    })
}

/// A Typst error or warning as a diagnostic at its place in the template (the file as the
/// user would open it: the site's override or the built-in theme's).
fn typst_diagnostic(
    world: &world::BookletWorld,
    options: &PrintOptions,
    diagnostic: &SourceDiagnostic,
) -> Diagnostic {
    let mut detail = diagnostic.message.to_string();
    for hint in &diagnostic.hints {
        detail.push_str("; ");
        detail.push_str(&hint.v);
    }
    let (code, message) = match diagnostic.severity {
        Severity::Error => (
            "E-print-template",
            msg!("print-template-error", detail = detail),
        ),
        Severity::Warning => (
            "W-print-template",
            msg!("print-template-warning", detail = detail),
        ),
    };
    let mut report = match diagnostic.severity {
        Severity::Error => Diagnostic::error(code, message),
        Severity::Warning => Diagnostic::warning(code, message),
    };
    if let Some(location) = template_location(world, options, diagnostic) {
        report = report.at(location);
    }
    if diagnostic.message.contains("package") {
        report = report.hint(msg!("print-no-packages-hint"));
    }
    report
}

/// Where in a template a Typst diagnostic is: its own span, or the first place of its trace
/// that is in a template (an error inside a function the template calls).
fn template_location(
    world: &world::BookletWorld,
    options: &PrintOptions,
    diagnostic: &SourceDiagnostic,
) -> Option<Location> {
    let spans =
        std::iter::once(diagnostic.span).chain(diagnostic.trace.iter().map(|t| t.span.into()));
    for span in spans {
        let id = match span.get() {
            DiagSpanKind::Number { id, .. } | DiagSpanKind::Range { id, .. } => id,
            DiagSpanKind::Detached => continue,
        };
        let Some(source) = world.template(id) else {
            continue;
        };
        let Some(range) = world.range(span) else {
            continue;
        };
        let path = id.get().vpath().get_without_slash().to_string();
        let origin = options
            .templates
            .get(&path)
            .map_or_else(|| PathBuf::from(&path), |file| file.origin.clone());
        let text = source.text();
        let start = range.start.min(text.len());
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line_text = &text[line_start..line_end];
        let column = text[line_start..start].chars().count() + 1;
        let width = text
            .get(start..range.end.min(line_end).max(start))
            .map_or(1, |t| t.chars().count().max(1));
        return Some(Location {
            file: origin.as_path().into(),
            line: text[..start].matches('\n').count() + 1,
            column,
            line_text: line_text.into(),
            width,
        });
    }
    None
}
