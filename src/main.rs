//! `showcase`: parse the command line, dispatch, print the whole error chain, set the exit code.

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
mod localized;
mod markdown;
mod messages;
mod model;
mod output;
mod pipeline;
mod render;
mod source;
mod yaml;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let lang = cli.lang.unwrap_or_else(messages::UiLang::from_env);
    let result = match cli.command {
        cli::Command::Build(args) => commands::build::run(args, lang),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("error: {}", error_chain(err.as_ref()));
            ExitCode::from(commands::EXIT_FAILURE)
        }
    }
}

/// An error and all its causes, joined: Tera keeps the useful part of a template error in the
/// source chain.
pub fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(&format!("\n  caused by: {cause_text}"));
        }
        source = cause.source();
    }
    text
}
