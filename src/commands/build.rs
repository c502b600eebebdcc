//! `showcase build`: builds, prints every problem and a short summary, and shows progress on a
//! terminal while a long build renders.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, Result};

use super::{EXIT_CONTENT, EXIT_FAILURE, EXIT_OK, print_diagnostics, summary_counts};
use crate::cli::BuildArgs;
use crate::config::BaseUrl;
use crate::pipeline::{self, BuildError, BuildOptions};
use crate::render::TEMPLATE_RENDERS;

pub fn run(args: BuildArgs) -> Result<u8> {
    let base_url = match &args.base_url {
        Some(text) => Some(BaseUrl::parse(text).with_context(|| format!("--base-url {text:?} is not a usable URL; write a full URL such as https://example.org/showcase/, or /"))?),
        None => None,
    };
    let options = BuildOptions {
        root: args.root,
        output: args.output,
        base_url,
        drafts: args.drafts,
    };
    let progress = Progress::start();
    let result = pipeline::build(&options);
    progress.stop();
    match result {
        Ok(report) => {
            print_diagnostics(&report.diagnostics);
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
                summary_counts(&report.diagnostics),
                report.seconds,
                report.output.display()
            );
            Ok(EXIT_OK)
        }
        Err(BuildError::Content(diagnostics)) => {
            print_diagnostics(&diagnostics);
            eprintln!(
                "Build failed: {}. The previous output was left as it was.",
                summary_counts(&diagnostics)
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

/// A one-line progress count on a terminal, for builds long enough to need it.
struct Progress {
    done: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    fn start() -> Progress {
        let done = Arc::new(AtomicBool::new(false));
        let thread = std::io::stderr().is_terminal().then(|| {
            let done = done.clone();
            std::thread::spawn(move || {
                let start = TEMPLATE_RENDERS.load(Ordering::Relaxed);
                let mut shown = false;
                // Show nothing for builds that end within a second.
                for tick in 0.. {
                    std::thread::sleep(Duration::from_millis(100));
                    if done.load(Ordering::Relaxed) {
                        break;
                    }
                    if tick >= 10 {
                        eprint!(
                            "\rRendering… {} pages",
                            TEMPLATE_RENDERS.load(Ordering::Relaxed) - start
                        );
                        shown = true;
                    }
                }
                if shown {
                    eprint!("\r\x1b[2K");
                }
            })
        });
        Progress { done, thread }
    }

    fn stop(self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread {
            let _ = thread.join();
        }
    }
}
