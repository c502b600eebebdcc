//! `showcase`: parse the command line, dispatch, print the whole error chain, set the exit code.

// A `Diagnostic` carries paths, and a `PathBuf` is 8 bytes larger on Windows, which puts it
// just over clippy's 128-byte threshold for error types there (the same types pass on Linux).
#![cfg_attr(windows, allow(clippy::result_large_err))]

/// mimalloc rather than the system allocator: rendering allocates and frees many small strings
/// and template values on every thread, where it is measurably faster (ARCHITECTURE.md,
/// "Performance").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod check;
mod cli;
mod commands;
mod config;
mod content;
mod diagnostics;
mod digest;
mod images;
mod localized;
mod markdown;
mod messages;
mod model;
mod output;
mod pipeline;
mod print;
mod publish;
mod render;
mod scaffold;
mod search;
mod serve;
mod source;
mod svg;
mod translations;
mod url_policy;
mod yaml;

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::parse();
    let lang = cli.lang.unwrap_or_else(messages::UiLang::from_env);
    let Some(command) = cli.command else {
        commands::guide::run(lang);
        return ExitCode::SUCCESS;
    };
    let result = match command {
        cli::Command::Build(args) => commands::build::run(args, lang),
        cli::Command::Serve(args) => commands::serve::run(args, lang),
        cli::Command::Check(args) => commands::check::run(args, lang),
        cli::Command::Translations(args) => commands::translations::run(args, lang),
        cli::Command::New(args) => commands::new::run(args, lang),
        cli::Command::Init(args) => commands::init::run(args, lang),
        cli::Command::Schema(args) => commands::schema::run(args, lang),
        cli::Command::Booklet(args) => commands::booklet::run(args, lang),
        cli::Command::Publish(args) => commands::publish::run(args, lang),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            commands::print_error(err.as_ref(), lang);
            ExitCode::from(commands::EXIT_FAILURE)
        }
    }
}
