//! `showcase build`: builds, prints every problem and a short summary, and shows a progress bar
//! on a terminal while a long build renders.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use std::error::Error;

use anyhow::Result;

use super::{
    EXIT_CONTENT, EXIT_FAILURE, EXIT_OK, base_url_arg, print_diagnostics, print_failure,
    summary_counts,
};
use crate::cli::BuildArgs;
use crate::messages::{UiLang, msg};
use crate::pipeline::{self, BuildError, BuildOptions, BuildReport};
use crate::render::WorkCounters;

pub fn run(args: BuildArgs, lang: UiLang) -> Result<u8> {
    let base_url = match base_url_arg(args.base_url.as_deref(), lang) {
        Ok(url) => url,
        Err(code) => return Ok(code),
    };
    let counters = Arc::new(WorkCounters::default());
    let options = BuildOptions {
        root: args.root.clone(),
        output: args.output.clone(),
        base_url,
        drafts: args.drafts,
        counters: counters.clone(),
        published_pages: None,
    };
    let progress = ProgressBar::start(
        counters.clone(),
        msg!("build-progress").text(lang),
        msg!("build-photos-progress").text(lang),
    );
    let result = pipeline::build(&options);
    progress.stop();
    match result {
        Ok(report) => {
            print_built(&report, lang);
            // The timings are for whoever tunes showcase, so they stay in English.
            if args.timings {
                print_timings(&report, &counters);
            }
            Ok(EXIT_OK)
        }
        Err(err) => Ok(print_build_error(&err, lang)),
    }
}

/// Every warning of a build that succeeded, and the summary.
pub fn print_built(report: &BuildReport, lang: UiLang) {
    print_diagnostics(&report.diagnostics, lang);
    let per_lang: Vec<String> = report
        .pages_per_lang
        .iter()
        .map(|(lang, n)| format!("{lang} {n}"))
        .collect();
    let total: usize = report.pages_per_lang.iter().map(|(_, n)| n).sum();
    let summary = msg!(
        "build-summary",
        pages = total,
        per_lang = per_lang.join(", "),
        files = report.written.files,
        mib = format!("{:.1}", report.written.bytes as f64 / 1_048_576.0),
        counts = summary_counts(&report.diagnostics, lang),
        seconds = format!("{:.2}", report.seconds),
        output = &report.output
    );
    eprintln!("{}", summary.text(lang));
    let photos = report.photos;
    if photos.photos > 0 {
        let line = msg!(
            "build-photos",
            photos = photos.photos,
            encoded = photos.encoded,
            cached = photos.from_cache
        );
        eprintln!("{}", line.text(lang));
    }
    if let Some(pdfs) = &report.pdfs {
        let line = msg!(
            "build-pdfs",
            pdfs = pdfs.made + pdfs.kept,
            made = pdfs.made,
            cached = pdfs.kept,
            mib = format!("{:.1}", pdfs.bytes as f64 / 1_048_576.0)
        );
        eprintln!("{}", line.text(lang));
    }
}

fn print_timings(report: &BuildReport, counters: &WorkCounters) {
    for phase in &report.phases {
        let memory = phase.peak_memory.map_or(String::new(), |bytes| {
            format!(" (peak memory {} MiB)", bytes / 1_048_576)
        });
        eprintln!("  {:>7.3} s  {}{memory}", phase.seconds, phase.name);
    }
    for (lang, docs, bytes, files) in &report.search {
        eprintln!(
            "  search index {lang}: {docs} records, {:.1} MiB in {files} files",
            *bytes as f64 / 1_048_576.0
        );
    }
    let count = |counter: &std::sync::atomic::AtomicUsize| counter.load(Ordering::Relaxed);
    eprintln!(
        "  work: {} template renders ({} planned), {} Markdown renders, {} cards",
        count(&counters.templates),
        count(&counters.planned),
        count(&counters.markdown),
        count(&counters.cards),
    );
}

/// Prints why a build failed and gives its exit code.
pub fn print_build_error(err: &BuildError, lang: UiLang) -> u8 {
    match err {
        BuildError::Content(diagnostics) => {
            print_diagnostics(diagnostics, lang);
            let counts = summary_counts(diagnostics, lang);
            eprintln!("{}", msg!("build-failed", counts = counts).text(lang));
            EXIT_CONTENT
        }
        BuildError::Output(err) => {
            print_failure(&err.message(), err.source(), err.hint().as_ref(), lang);
            EXIT_FAILURE
        }
        BuildError::Theme(err) => {
            print_failure(&err.message(), err.source(), None, lang);
            eprintln!("{}", msg!("build-previous-output-kept").text(lang));
            EXIT_FAILURE
        }
        BuildError::Render(err) => {
            print_failure(&err.message(), err.source(), None, lang);
            eprintln!("{}", msg!("build-previous-output-kept").text(lang));
            EXIT_FAILURE
        }
    }
}

/// A progress bar on a terminal, for builds long enough to need one (SPEC §5).
struct ProgressBar {
    done: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl ProgressBar {
    const WIDTH: usize = 30;

    /// `label` is the word shown before the bar ("Rendering"), in the user's language;
    /// `photos_label` the one while photos are made ("Photos").
    fn start(counters: Arc<WorkCounters>, label: String, photos_label: String) -> ProgressBar {
        let done = Arc::new(AtomicBool::new(false));
        let thread = std::io::stderr().is_terminal().then(|| {
            let done = done.clone();
            std::thread::spawn(move || {
                let mut shown = false;
                // Builds that end within a second show no bar.
                for tick in 0.. {
                    std::thread::sleep(Duration::from_millis(100));
                    if done.load(Ordering::Relaxed) {
                        break;
                    }
                    let photos = &counters.photos;
                    let photos_total = photos.total.load(Ordering::Relaxed);
                    let photos_done = photos.done.load(Ordering::Relaxed).min(photos_total);
                    let (label, done, total) = if photos_done < photos_total {
                        (&photos_label, photos_done, photos_total)
                    } else {
                        let total = counters.planned.load(Ordering::Relaxed);
                        let rendered = counters.templates.load(Ordering::Relaxed).min(total);
                        (&label, rendered, total)
                    };
                    if tick < 10 || total == 0 {
                        continue;
                    }
                    let filled = done * Self::WIDTH / total;
                    eprint!(
                        "\r\x1b[2K{label} [{}{}] {done}/{total}",
                        "#".repeat(filled),
                        "-".repeat(Self::WIDTH - filled)
                    );
                    shown = true;
                }
                if shown {
                    eprint!("\r\x1b[2K");
                }
            })
        });
        ProgressBar { done, thread }
    }

    fn stop(self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread {
            let _ = thread.join();
        }
    }
}
