//! `showcase publish`: checks the site as `check --strict` does, builds it, and brings the
//! target to exactly the new output, changing only what changed (issue 17). With
//! `--dry-run` it prints what would change and changes nothing on the target.

use std::io::Write;
use std::time::Instant;

use anyhow::Result;

use super::build::{print_build_error, print_built};
use super::{
    EXIT_CONTENT, EXIT_FAILURE, EXIT_OK, print_diagnostics, print_failure, summary_counts,
};
use crate::cli::PublishArgs;
use crate::config;
use crate::messages::{UiLang, msg};
use crate::model::record_pages::RecordPages;
use crate::output;
use crate::pipeline::{self, BuildOptions};
use crate::publish::plan::{Plan, scan_output};
use crate::publish::{PublishError, TargetSpec, read_manifest};

/// Test hook: the process stops dead after this many files are written (exit status 3, with
/// nothing after it run, as if it were killed), to test that the next publish finishes an
/// interrupted one.
const ABORT_AFTER: &str = "SHOWCASE_PUBLISH_ABORT_AFTER";

pub fn run(args: PublishArgs, lang: UiLang) -> Result<u8> {
    let options = BuildOptions {
        root: args.root.clone(),
        ..BuildOptions::default()
    };

    // What `check --strict` runs: any problem, warnings included, stops here.
    let checked = pipeline::check(&options);
    if !checked.diagnostics.is_empty() {
        print_diagnostics(&checked.diagnostics, lang);
        let counts = summary_counts(&checked.diagnostics, lang);
        eprintln!(
            "{}",
            msg!("publish-check-failed", counts = counts).text(lang)
        );
        return Ok(EXIT_CONTENT);
    }

    let config = match config::load(&args.root) {
        Ok((config, _)) => config,
        // `check` found nothing wrong a moment ago: site.yaml changed meanwhile.
        Err(diagnostics) => {
            print_diagnostics(&diagnostics, lang);
            let counts = summary_counts(&diagnostics, lang);
            eprintln!(
                "{}",
                msg!("publish-check-failed", counts = counts).text(lang)
            );
            return Ok(EXIT_CONTENT);
        }
    };
    let spec = match &args.to {
        Some(text) => TargetSpec::parse(text, &std::env::current_dir()?),
        None => match &config.publish_to {
            Some(text) => TargetSpec::parse(text, &args.root),
            None => Err(PublishError::NoTarget),
        },
    };
    let output = args.root.join(&config.output_dir);
    let opened = spec.and_then(|spec| {
        spec.check_outside(&args.root, &output)?;
        let mut target = spec.open()?;
        let manifest = read_manifest(target.as_mut())?;
        Ok((target, manifest))
    });
    let (mut target, manifest) = match opened {
        Ok(opened) => opened,
        Err(err) => return Ok(print_publish_error(&err, lang)),
    };
    let name = target.describe();

    let options = BuildOptions {
        published_pages: Some(manifest.record_pages()),
        ..options
    };
    let report = match pipeline::build(&options) {
        Ok(report) => report,
        Err(err) => return Ok(print_build_error(&err, lang)),
    };
    print_built(&report, lang);
    if !report.gone.is_empty() && !args.allow_gone {
        let message = msg!(
            "publish-gone",
            count = report.gone.len(),
            urls = report.gone.join(", ")
        );
        print_failure(&message, None, Some(&msg!("publish-gone-hint")), lang);
        return Ok(EXIT_CONTENT);
    }

    let local = match scan_output(&report.output) {
        Ok(local) => local,
        Err(err) => {
            let message = msg!("publish-cannot-read-output", path = &report.output);
            print_failure(&message, Some(&err), None, lang);
            return Ok(EXIT_FAILURE);
        }
    };
    let pages = RecordPages::from_lines(&output::remembered(&report.output));
    let plan = Plan::new(&local, manifest, &pages);
    if plan.is_empty() {
        eprintln!("{}", msg!("publish-nothing", target = &name).text(lang));
        return Ok(EXIT_OK);
    }
    let summary = msg!(
        "publish-plan",
        target = &name,
        added = plan.added,
        changed = plan.changed,
        removed = plan.removes.len(),
        mib = mib(plan.bytes),
        copied = plan.copies.len()
    );
    eprintln!("{}", summary.text(lang));
    if args.dry_run {
        // Only the list goes to standard output, for a pipe (`| less`, `> changes.txt`); one
        // that is closed ends the list.
        let mut out = std::io::stdout().lock();
        let marked = plan
            .writes
            .iter()
            .map(|path| (if plan.replaces(path) { '~' } else { '+' }, path))
            .chain(plan.removes.iter().map(|path| ('-', path)));
        for (mark, path) in marked {
            if writeln!(out, "{mark} {path}").is_err() {
                break;
            }
        }
        eprintln!("{}", msg!("publish-dry-run", target = &name).text(lang));
        return Ok(EXIT_OK);
    }

    let started = Instant::now();
    let abort_after: Option<usize> = std::env::var(ABORT_AFTER).ok().and_then(|n| n.parse().ok());
    let mut count = 0;
    let applied = plan.apply(&report.output, target.as_mut(), &mut |_| {
        count += 1;
        if abort_after == Some(count) {
            std::process::exit(3);
        }
    });
    if let Err(err) = applied {
        let message = msg!("publish-interrupted", target = &name);
        let hint = msg!("publish-interrupted-hint");
        print_failure(&message, Some(&err), Some(&hint), lang);
        return Ok(EXIT_FAILURE);
    }
    let done = msg!(
        "publish-done",
        target = &name,
        seconds = format!("{:.1}", started.elapsed().as_secs_f64()),
        files = plan.writes.len(),
        mib = mib(plan.bytes),
        removed = plan.removes.len()
    );
    eprintln!("{}", done.text(lang));
    Ok(EXIT_OK)
}

fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1_048_576.0)
}

fn print_publish_error(err: &PublishError, lang: UiLang) -> u8 {
    let source = match err {
        PublishError::Target(err) => Some(err as &(dyn std::error::Error + 'static)),
        _ => None,
    };
    print_failure(&err.message(), source, err.hint().as_ref(), lang);
    EXIT_FAILURE
}
