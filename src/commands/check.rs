//! `showcase check`: every problem of the site, sorted by file and line, as text for people or
//! JSON for CI; nothing is written. Exit 0 when clean, 1 on errors (and on warnings with
//! `--strict`).

use anyhow::Result;

use super::{EXIT_CONTENT, EXIT_OK, print_diagnostics, summary_counts};
use crate::cli::{CheckArgs, Format};
use crate::diagnostics::{Severity, render_json};
use crate::messages::{UiLang, msg};
use crate::pipeline::{self, BuildOptions};

pub fn run(args: CheckArgs, lang: UiLang) -> Result<u8> {
    let options = BuildOptions {
        root: args.root.clone(),
        drafts: args.drafts,
        ..BuildOptions::default()
    };
    let report = pipeline::check(&options);
    let diagnostics = &report.diagnostics;
    match args.format {
        Format::Json => println!("{}", render_json(diagnostics, lang)),
        Format::Text => {
            print_diagnostics(diagnostics, lang);
            let summary = if diagnostics.is_empty() {
                msg!("check-summary-clean", records = report.records)
            } else {
                msg!(
                    "check-summary",
                    records = report.records,
                    counts = summary_counts(diagnostics, lang)
                )
            };
            eprintln!("{}", summary.text(lang));
        }
    }
    let warned = diagnostics.count(Severity::Warning) > 0;
    if diagnostics.has_errors() {
        Ok(EXIT_CONTENT)
    } else if args.strict && warned {
        if args.format == Format::Text {
            eprintln!("{}", msg!("check-strict-failed").text(lang));
        }
        Ok(EXIT_CONTENT)
    } else {
        Ok(EXIT_OK)
    }
}
