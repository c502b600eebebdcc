//! One file per subcommand: arguments → options → library call → what the user reads, and the
//! exit code (0 ok, 1 content errors, 2 usage or operational failure).

pub mod build;
pub mod init;
pub mod new;
pub mod schema;

use std::io::IsTerminal;

use crate::diagnostics::{Diagnostics, Severity, render_text};
use crate::messages::{UiLang, msg};

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

/// "2 errors, 1 warning" in the user's language.
pub fn summary_counts(diagnostics: &Diagnostics, lang: UiLang) -> String {
    msg!(
        "summary-counts",
        errors = diagnostics.count(Severity::Error),
        warnings = diagnostics.count(Severity::Warning)
    )
    .text(lang)
}
