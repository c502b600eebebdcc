//! `showcase serve` (SPEC §5): build into memory, serve on 127.0.0.1, rebuild on every save
//! and reload the open pages that changed. A broken edit keeps the last good site served and
//! shows its errors in the terminal and over every page; Ctrl-C stops.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Result;

use super::{
    EXIT_CONTENT, EXIT_FAILURE, EXIT_OK, failure_text, print_diagnostics, print_failure,
    summary_counts,
};
use crate::cli::ServeArgs;
use crate::config;
use crate::diagnostics::Diagnostics;
use crate::diagnostics::render_text;
use crate::messages::{UiLang, msg};
use crate::pipeline::{BuildError, BuildOptions};
use crate::render::WorkCounters;
use crate::serve::http::{ErrorOverlay, Server, SiteSnapshot, url_of};
use crate::serve::site::{LiveSite, Outcome};
use crate::serve::watch::{Changes, WatchError, Watcher};

/// How long the watcher waits for a burst of saves to end before a rebuild.
const DEBOUNCE: Duration = Duration::from_millis(15);
/// Ports tried after a taken one.
const PORT_ATTEMPTS: u16 = 20;

pub fn run(args: ServeArgs, lang: UiLang) -> Result<u8> {
    let options = BuildOptions {
        root: args.root.clone(),
        drafts: args.drafts,
        counters: Arc::new(WorkCounters::default()),
        ..BuildOptions::default()
    };
    // Watching starts before the first build, so a save made while it runs is not missed.
    let (sender, receiver) = mpsc::channel();
    let mut theme = match configured_theme(&args.root) {
        Ok(theme) => theme,
        Err(diagnostics) => {
            print_diagnostics(&diagnostics, lang);
            return Ok(EXIT_CONTENT);
        }
    };
    let mut site = match LiveSite::new(options) {
        Ok(site) => site,
        Err(err) => {
            let hint = msg!("serve-store-hint");
            print_failure(
                &err.message(),
                std::error::Error::source(&err),
                Some(&hint),
                lang,
            );
            return Ok(EXIT_FAILURE);
        }
    };
    let mut watcher = start_watcher(&args, &theme, sender.clone(), lang);
    let started = Instant::now();
    let outcome = site.build();
    let overlay = report(&outcome, started, true, lang);
    if args.timings {
        print_timings(&site);
    }
    let server = match start_server(&args, &site, overlay, lang) {
        Some(server) => server,
        None => return Ok(EXIT_FAILURE),
    };
    let url = format!("http://{}{}", server.local_addr(), site.base_path());
    // The address goes to stdout, alone on its line, for whoever starts showcase from a script.
    println!("{}", msg!("serve-listening", url = &url).text(lang));
    if !args.bind.is_loopback() {
        eprintln!(
            "{}",
            msg!("serve-not-local", bind = args.bind.to_string()).text(lang)
        );
    }
    if args.open {
        open_browser(&url, lang);
    }

    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        // Without a handler (another one is installed), Ctrl-C still ends the process.
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst));
    }
    eprintln!("{}", msg!("serve-watching").text(lang));

    while !stop.load(Ordering::SeqCst) {
        let changes = match receiver.recv_timeout(Duration::from_millis(100)) {
            Ok(Ok(changes)) => changes,
            Ok(Err(err)) => {
                print_watch_error(&err, lang);
                continue;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        let changes = gather(changes, &receiver, lang);
        let started = Instant::now();
        // A body edit shows at once; the whole site follows.
        if let Some(changed) = site.preview(&changes)
            && !changed.is_empty()
        {
            server.update(Some(snapshot(&site)), &urls(&site, &changed), None);
            let millis = started.elapsed().as_millis().to_string();
            let text = msg!("serve-previewed", changed = changed.len(), millis = millis);
            eprintln!("{}", text.text(lang));
        }
        let outcome = site.rebuild(&changes);
        let overlay = report(&outcome, started, false, lang);
        if args.timings {
            print_timings(&site);
        }
        let changed = match &outcome {
            Outcome::Built { changed, .. } => urls(&site, changed),
            Outcome::Failed(_) => Vec::new(),
        };
        let snapshot = matches!(outcome, Outcome::Built { .. }).then(|| snapshot(&site));
        server.update(snapshot, &changed, overlay);
        // site.yaml may name another theme: watch that one from now on.
        if !site.theme().is_empty() && site.theme() != theme {
            theme = site.theme().to_string();
            drop(watcher);
            watcher = start_watcher(&args, &theme, sender.clone(), lang);
        }
    }
    drop(watcher);
    server.shutdown();
    eprintln!("{}", msg!("serve-stopped").text(lang));
    Ok(EXIT_OK)
}

/// The phases of the last build, on one line. For whoever tunes showcase, so in English.
fn print_timings(site: &LiveSite) {
    let phases: Vec<String> = site
        .phases()
        .iter()
        .map(|(name, took)| format!("{name} {:.1} ms", took.as_secs_f64() * 1000.0))
        .collect();
    // One write, so that whoever reads the output never gets half the line.
    let line = format!(
        "  timings: {}\n  records kept as built: {}\n",
        phases.join(", "),
        site.records_kept()
    );
    eprint!("{line}");
}

/// Adds the batches that arrived while the previous one was being rebuilt: one rebuild for all.
fn gather(
    mut changes: Changes,
    receiver: &mpsc::Receiver<Result<Changes, WatchError>>,
    lang: UiLang,
) -> Changes {
    while let Ok(next) = receiver.try_recv() {
        match next {
            Ok(more) => {
                changes.paths.extend(more.paths);
                changes.rescan |= more.rescan;
            }
            Err(err) => print_watch_error(&err, lang),
        }
    }
    changes
}

/// The URLs of output paths, as the browser's pages know them.
fn urls(site: &LiveSite, paths: &[String]) -> Vec<String> {
    paths
        .iter()
        .map(|path| url_of(site.base_path(), path))
        .collect()
}

fn snapshot(site: &LiveSite) -> SiteSnapshot {
    SiteSnapshot {
        files: site.files(),
        base_path: site.base_path().to_string(),
        pictures: site.pictures(),
    }
}

/// The theme site.yaml names, read before the first build so that its folder is watched from
/// the start. Without a site.yaml there is no site to serve (the wrong folder, not a broken
/// site), and that problem is returned; a site.yaml with mistakes gives the default theme, and
/// the build shows the mistakes, in the terminal and over the pages, until they are fixed.
fn configured_theme(root: &std::path::Path) -> Result<String, Diagnostics> {
    match config::load(root) {
        Ok((config, _)) => Ok(config.theme),
        Err(diagnostics) if !root.join(config::CONFIG_FILE).is_file() => Err(diagnostics),
        Err(_) => Ok(config::DEFAULT_THEME.to_string()),
    }
}

/// Prints what a build gave (the `first` one, or a rebuild), and returns the overlay to show
/// in the browser (None: the site is good).
fn report(outcome: &Outcome, started: Instant, first: bool, lang: UiLang) -> Option<ErrorOverlay> {
    let millis = started.elapsed().as_millis().to_string();
    match outcome {
        Outcome::Built { changed, warnings } => {
            print_diagnostics(warnings, lang);
            let counts = summary_counts(warnings, lang);
            let text = if first {
                msg!(
                    "serve-built",
                    files = changed.len(),
                    millis = millis,
                    counts = counts
                )
            } else {
                msg!(
                    "serve-rebuilt",
                    changed = changed.len(),
                    millis = millis,
                    counts = counts
                )
            };
            eprintln!("{}", text.text(lang));
            None
        }
        Outcome::Failed(err) => {
            let text = match err {
                BuildError::Content(diagnostics) => {
                    print_diagnostics(diagnostics, lang);
                    let summary =
                        msg!("serve-failed", counts = summary_counts(diagnostics, lang)).text(lang);
                    eprintln!("{summary}");
                    format!("{}\n{summary}", render_text(diagnostics, false, lang))
                }
                BuildError::Theme(err) => {
                    failure(&err.message(), std::error::Error::source(err), lang)
                }
                BuildError::Render(err) => {
                    failure(&err.message(), std::error::Error::source(err), lang)
                }
                BuildError::Output(err) => {
                    failure(&err.message(), std::error::Error::source(err), lang)
                }
            };
            Some(ErrorOverlay {
                heading: msg!("serve-overlay-heading").text(lang),
                text,
            })
        }
    }
}

/// Prints an operational failure and returns its text for the overlay.
fn failure(
    message: &crate::messages::Message,
    source: Option<&(dyn std::error::Error + 'static)>,
    lang: UiLang,
) -> String {
    let text = failure_text(message, source, None, lang);
    eprintln!("{text}");
    eprintln!("{}", msg!("serve-last-good-kept").text(lang));
    text
}

/// Binds the server; a taken port moves on to the next free one, and says so.
fn start_server(
    args: &ServeArgs,
    site: &LiveSite,
    overlay: Option<ErrorOverlay>,
    lang: UiLang,
) -> Option<Server> {
    let attempts = if args.port == 0 { 1 } else { PORT_ATTEMPTS };
    let mut last_error = None;
    for offset in 0..attempts {
        let Some(port) = args.port.checked_add(offset) else {
            break;
        };
        match Server::start(
            SocketAddr::new(args.bind, port),
            snapshot(site),
            overlay.clone(),
        ) {
            Ok(server) => {
                if offset > 0 {
                    let text = msg!(
                        "serve-port-taken",
                        port = usize::from(args.port),
                        used = usize::from(port)
                    );
                    eprintln!("{}", text.text(lang));
                }
                return Some(server);
            }
            Err(err) if err.kind() == std::io::ErrorKind::AddrInUse => last_error = Some(err),
            Err(err) => {
                last_error = Some(err);
                break;
            }
        }
    }
    let message = msg!(
        "serve-cannot-listen",
        address = SocketAddr::new(args.bind, args.port).to_string()
    );
    let hint = msg!("serve-cannot-listen-hint");
    let source = last_error
        .as_ref()
        .map(|e| e as &(dyn std::error::Error + 'static));
    eprintln!("{}", failure_text(&message, source, Some(&hint), lang));
    None
}

/// Starts watching; when that fails the site stays served, without live rebuilds, and the user
/// is told why.
fn start_watcher(
    args: &ServeArgs,
    theme: &str,
    sender: mpsc::Sender<Result<Changes, WatchError>>,
    lang: UiLang,
) -> Option<Watcher> {
    match Watcher::start(&args.root, theme, DEBOUNCE, sender) {
        Ok(watcher) => Some(watcher),
        Err(err) => {
            print_watch_error(&err, lang);
            None
        }
    }
}

fn print_watch_error(err: &WatchError, lang: UiLang) {
    match err {
        WatchError::Limit { folder } => {
            let message = msg!("serve-watch-limit", folder = folder);
            let hint = msg!("serve-watch-limit-hint");
            eprintln!("{}", failure_text(&message, None, Some(&hint), lang));
        }
        WatchError::Other { folder, source } => {
            let message = msg!("serve-watch-failed", folder = folder);
            eprintln!("{}", failure_text(&message, Some(source), None, lang));
        }
    }
}

/// Opens `url` in the user's browser; failing to is only worth a line.
fn open_browser(url: &str, lang: UiLang) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let opened = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if opened.is_err() {
        eprintln!("{}", msg!("serve-cannot-open", url = url).text(lang));
    }
}
