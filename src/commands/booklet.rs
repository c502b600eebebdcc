//! `showcase booklet`: loads the site as `build` does and writes every volume of the printed
//! compilation in every language as an A4 PDF (`<key>.<lang>.pdf`), one line per file, then a
//! summary. The PDFs themselves are `print`'s.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use rayon::prelude::*;

use super::{
    EXIT_CONTENT, EXIT_FAILURE, EXIT_OK, base_url_arg, print_diagnostics, print_failure,
    summary_counts,
};
use crate::cli::BookletArgs;
use crate::diagnostics::Diagnostics;
use crate::messages::{UiLang, msg};
use crate::model::Index;
use crate::pipeline::{self, BuildOptions};
use crate::print::{self, PrintOptions};
use crate::render::Theme;

/// Where the PDFs go unless `--output` says otherwise, relative to the site folder.
pub const DEFAULT_DIR: &str = "print";

pub fn run(args: BookletArgs, lang: UiLang) -> Result<u8> {
    let started = Instant::now();
    let base_url = match base_url_arg(args.base_url.as_deref(), lang) {
        Ok(url) => url,
        Err(code) => return Ok(code),
    };
    let options = BuildOptions {
        root: args.root.clone(),
        base_url: base_url.clone(),
        ..BuildOptions::default()
    };
    let (site, diagnostics) = match pipeline::load(&options) {
        Ok(loaded) => loaded,
        Err(diagnostics) => return Ok(failed(&diagnostics, lang)),
    };
    if diagnostics.has_errors() {
        return Ok(failed(&diagnostics, lang));
    }
    let mut warnings = diagnostics;
    let theme = match Theme::load(&args.root, &site.config) {
        Ok(theme) => theme,
        Err(err) => {
            print_failure(&err.message(), std::error::Error::source(&err), None, lang);
            return Ok(EXIT_FAILURE);
        }
    };
    let index = Index::new(&site);
    let volumes: Vec<_> = match &args.volume {
        Some(key) => match index.volume(key) {
            Some(volume) => vec![volume],
            None => {
                let keys: Vec<&str> = index.volumes().iter().map(|v| v.key.as_str()).collect();
                let message = msg!("booklet-unknown-volume", key = key, keys = keys.join(", "));
                print_failure(&message, None, None, lang);
                return Ok(EXIT_FAILURE);
            }
        },
        None => index.volumes().iter().collect(),
    };
    let print_options = match PrintOptions::load(&args.root, &site, &theme, base_url) {
        Ok(options) => options,
        Err(diagnostics) => return Ok(failed(&diagnostics, lang)),
    };
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| args.root.join(DEFAULT_DIR));
    if let Err(err) = std::fs::create_dir_all(&out) {
        let message = msg!(
            "booklet-cannot-write",
            path = &out,
            reason = err.to_string()
        );
        print_failure(&message, None, None, lang);
        return Ok(EXIT_FAILURE);
    }
    let jobs: Vec<(&crate::model::volumes::Volume, &str)> = volumes
        .iter()
        .flat_map(|volume| {
            site.config
                .languages
                .iter()
                .map(move |l| (*volume, l.code.as_str()))
        })
        .collect();
    let results: Vec<_> = jobs
        .par_iter()
        .map(|(volume, code)| print::volume_pdf(&site, &index, volume, code, &print_options))
        .collect();
    let mut errors = Diagnostics::default();
    let (mut files, mut pages, mut bytes) = (0, 0, 0);
    for ((volume, code), result) in jobs.iter().zip(results) {
        let printed = match result {
            Ok(printed) => printed,
            Err(diagnostics) => {
                for diagnostic in diagnostics.iter() {
                    add_once(&mut errors, diagnostic);
                }
                continue;
            }
        };
        for diagnostic in printed.diagnostics.iter() {
            add_once(&mut warnings, diagnostic);
        }
        // Volume keys are made of years and collection keys; a name is still checked, so
        // that nothing is ever written outside the output folder.
        let name = format!("{}.{code}.pdf", volume.key);
        if name.contains(['/', '\\']) || name.starts_with('.') {
            continue;
        }
        let path: PathBuf = out.join(&name);
        if let Err(err) = crate::output::replace_file(&path, &printed.pdf) {
            let message = msg!(
                "booklet-cannot-write",
                path = &path,
                reason = err.to_string()
            );
            print_failure(&message, None, None, lang);
            return Ok(EXIT_FAILURE);
        }
        files += 1;
        pages += printed.pages;
        bytes += printed.pdf.len();
        let line = msg!(
            "booklet-wrote",
            path = &path,
            pages = printed.pages,
            kib = printed.pdf.len().div_ceil(1024)
        );
        println!("{}", line.text(lang));
    }
    print_diagnostics(&warnings, lang);
    if errors.has_errors() {
        return Ok(failed(&errors, lang));
    }
    let summary = msg!(
        "booklet-summary",
        files = files,
        pages = pages,
        mib = format!("{:.1}", bytes as f64 / 1_048_576.0),
        counts = summary_counts(&warnings, lang),
        seconds = format!("{:.2}", started.elapsed().as_secs_f64()),
        output = &out
    );
    eprintln!("{}", summary.text(lang));
    Ok(EXIT_OK)
}

/// Every volume and language reports a problem of the site once, not once each.
fn add_once(into: &mut Diagnostics, diagnostic: &crate::diagnostics::Diagnostic) {
    if !into.iter().any(|d| d == diagnostic) {
        into.push(diagnostic.clone());
    }
}

fn failed(diagnostics: &Diagnostics, lang: UiLang) -> u8 {
    print_diagnostics(diagnostics, lang);
    let counts = summary_counts(diagnostics, lang);
    eprintln!("{}", msg!("booklet-failed", counts = counts).text(lang));
    if diagnostics.has_errors() {
        EXIT_CONTENT
    } else {
        EXIT_FAILURE
    }
}
