//! One file per subcommand: arguments → options → library call → what the user reads, and the
//! exit code (0 ok, 1 content errors, 2 usage or operational failure).

pub mod booklet;
pub mod build;
pub mod check;
pub mod guide;
pub mod init;
pub mod new;
pub mod publish;
pub mod schema;
pub mod serve;
pub mod translations;

use std::io::IsTerminal;

use crate::config::BaseUrl;
use crate::diagnostics::{Diagnostics, Severity, render_text};
use crate::messages::{Message, UiLang, msg};

/// Exit codes, as ripgrep uses them.
pub const EXIT_OK: u8 = 0;
pub const EXIT_CONTENT: u8 = 1;
pub const EXIT_FAILURE: u8 = 2;

/// Prints diagnostics to stderr, coloured on a terminal unless NO_COLOR is set.
pub fn print_diagnostics(diagnostics: &Diagnostics, lang: UiLang) {
    if diagnostics.is_empty() {
        return;
    }
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    eprint!("{}", render_text(diagnostics, color, lang));
}

/// Prints an operational failure in the user's language (see [`failure_text`]).
pub fn print_failure(
    message: &Message,
    source: Option<&(dyn std::error::Error + 'static)>,
    hint: Option<&Message>,
    lang: UiLang,
) {
    eprintln!("{}", failure_text(message, source, hint, lang));
}

/// An operational failure as text: `error: <message>`, then each cause (the system's or a
/// library's own words, which Tera keeps the useful part of a template error in), then
/// `help: <hint>`.
pub fn failure_text(
    message: &Message,
    source: Option<&(dyn std::error::Error + 'static)>,
    hint: Option<&Message>,
    lang: UiLang,
) -> String {
    let text = message.text(lang);
    let mut out = format!(
        "{}: {}{}",
        msg!("label-error").text(lang),
        text,
        causes(&text, source, lang)
    );
    if let Some(hint) = hint {
        out.push_str(&format!(
            "\n{}: {}",
            msg!("label-help").text(lang),
            hint.text(lang)
        ));
    }
    out
}

/// Prints an error that has no message of its own in the catalogs (an `anyhow` error) with
/// its whole chain of causes.
/// The `--base-url` given, parsed; when it is not a URL, says so and gives the exit code.
pub fn base_url_arg(text: Option<&str>, lang: UiLang) -> Result<Option<BaseUrl>, u8> {
    let Some(text) = text else {
        return Ok(None);
    };
    match BaseUrl::parse(text) {
        Some(url) => Ok(Some(url)),
        None => {
            let message = msg!("cli-bad-base-url", url = format!("{text:?}"));
            print_failure(&message, None, None, lang);
            Err(EXIT_FAILURE)
        }
    }
}

pub fn print_error(err: &(dyn std::error::Error + 'static), lang: UiLang) {
    let text = err.to_string();
    eprintln!(
        "{}: {}{}",
        msg!("label-error").text(lang),
        text,
        causes(&text, err.source(), lang)
    );
}

/// `source` and its own sources, one `caused by:` line each, leaving out any whose text is
/// already in `shown`.
fn causes(shown: &str, source: Option<&(dyn std::error::Error + 'static)>, lang: UiLang) -> String {
    let label = msg!("label-caused-by").text(lang);
    let mut shown = shown.to_string();
    let mut text = String::new();
    let mut source = source;
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !shown.contains(&cause_text) {
            text.push_str(&format!("\n  {label}: {cause_text}"));
            shown.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// "2 errors, 1 warning" in the user's language.
pub fn summary_counts(diagnostics: &Diagnostics, lang: UiLang) -> String {
    msg!(
        "summary-counts",
        errors = diagnostics.count(Severity::Error),
        warnings = diagnostics.count(Severity::Warning)
    )
    .text(lang)
}
