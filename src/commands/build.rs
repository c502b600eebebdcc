//! `showcase build`: builds, prints every problem and a short summary, and shows a progress bar
//! on a terminal while a long build renders.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, Result};

use super::{EXIT_CONTENT, EXIT_FAILURE, EXIT_OK, print_diagnostics, summary_counts};
use crate::cli::BuildArgs;
use crate::config::BaseUrl;
use crate::messages::UiLang;
use crate::pipeline::{self, BuildError, BuildOptions};
use crate::render::WorkCounters;

pub fn run(args: BuildArgs, lang: UiLang) -> Result<u8> {
    let base_url = match &args.base_url {
        Some(text) => Some(BaseUrl::parse(text).with_context(|| format!("--base-url {text:?} is not a usable URL; write a full URL such as https://example.org/showcase/, or /"))?),
        None => None,
    };
    let counters = Arc::new(WorkCounters::default());
    let options = BuildOptions {
        root: args.root.clone(),
        output: args.output.clone(),
        base_url,
        drafts: args.drafts,
        counters: counters.clone(),
    };
    let progress = ProgressBar::start(counters.clone());
    let result = pipeline::build(&options);
    progress.stop();
    match result {
        Ok(report) => {
            print_diagnostics(&report.diagnostics, lang);
            let per_lang: Vec<String> = report
                .pages_per_lang
                .iter()
                .map(|(lang, n)| format!("{lang} {n}"))
                .collect();
            let total: usize = report.pages_per_lang.iter().map(|(_, n)| n).sum();
            eprintln!(
                "Built {total} pages ({}), {} files, {:.1} MiB, {} in {:.2} s → {}",
                per_lang.join(", "),
                report.written.files,
                report.written.bytes as f64 / 1_048_576.0,
                summary_counts(&report.diagnostics, lang),
                report.seconds,
                report.output.display()
            );
            if args.timings {
                for phase in &report.phases {
                    let memory = phase.peak_memory.map_or(String::new(), |bytes| {
                        format!(" (peak memory {} MiB)", bytes / 1_048_576)
                    });
                    eprintln!("  {:>7.3} s  {}{memory}", phase.seconds, phase.name);
                }
                let count =
                    |counter: &std::sync::atomic::AtomicUsize| counter.load(Ordering::Relaxed);
                eprintln!(
                    "  work: {} template renders ({} planned), {} Markdown renders, {} cards",
                    count(&counters.templates),
                    count(&counters.planned),
                    count(&counters.markdown),
                    count(&counters.cards),
                );
            }
            Ok(EXIT_OK)
        }
        Err(BuildError::Content(diagnostics)) => {
            print_diagnostics(&diagnostics, lang);
            eprintln!(
                "Build failed: {}. The previous output was left as it was.",
                summary_counts(&diagnostics, lang)
            );
            Ok(EXIT_CONTENT)
        }
        Err(BuildError::Output(err)) => {
            let hint = err.hint();
            eprintln!("error: {}", crate::error_chain(&err));
            if let Some(hint) = hint {
                eprintln!("help: {hint}");
            }
            Ok(EXIT_FAILURE)
        }
        Err(err) => {
            eprintln!("error: {}", crate::error_chain(&err));
            eprintln!("The previous output was left as it was.");
            Ok(EXIT_FAILURE)
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

    fn start(counters: Arc<WorkCounters>) -> ProgressBar {
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
                    let total = counters.planned.load(Ordering::Relaxed);
                    if tick < 10 || total == 0 {
                        continue;
                    }
                    let rendered = counters.templates.load(Ordering::Relaxed).min(total);
                    let filled = rendered * Self::WIDTH / total;
                    eprint!(
                        "\rRendering [{}{}] {rendered}/{total}",
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
