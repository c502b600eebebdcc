//! The command line (SPEC §5), as clap structs; `commands/` does the work. [`parse`] reads it
//! with its help in the message language (`help.rs`).

mod help;

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::messages::{UiLang, msg};

#[derive(Debug, Parser)]
#[command(
    name = "showcase",
    version = VERSION,
    about = "A static-site generator for bilingual (Chinese / Korean) showcase sites"
)]
pub struct Cli {
    /// None when `showcase` is run alone, as a double-click on Windows does: `main` then prints
    /// the start guide (`commands::guide`) rather than clap's usage error.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The language of messages: `zh` (中文), `ko` (조선어) or `en`. Default: from LC_ALL,
    /// LC_MESSAGES or LANG (zh_* gives Chinese, ko_* Korean), else English.
    #[arg(long, global = true, value_parser = parse_ui_lang)]
    pub lang: Option<UiLang>,
}

/// What `showcase --version` prints after the name: the version, the commit and the target
/// (`build.rs`), which a bug report needs to say which binary of a release it is.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("SHOWCASE_COMMIT"),
    ", ",
    env!("SHOWCASE_TARGET"),
    ")"
);

fn parse_ui_lang(text: &str) -> Result<UiLang, String> {
    // The language `--lang` names is unknown, so the error is in the locale's.
    UiLang::parse(text).ok_or_else(|| msg!("cli-bad-lang", lang = text).text(UiLang::from_env()))
}

/// The command line as the user typed it, with `--help` in the message language: the one
/// `--lang` names, else the locale's, as for every other message (the users of SPEC §5 are not
/// programmers and may read no English). Exits, as clap does, on `--help`, `--version` and
/// usage errors.
pub fn parse() -> Cli {
    let lang = help::lang_in_args(std::env::args_os()).unwrap_or_else(UiLang::from_env);
    let mut command = help::localized(Cli::command(), lang);
    let matches = command.get_matches_mut();
    Cli::from_arg_matches(&matches).unwrap_or_else(|err| err.format(&mut command).exit())
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replacing the previous output only when the build succeeds).
    Build(BuildArgs),
    /// Build the site into memory, serve it on this computer, and rebuild and reload open pages
    /// when a file is saved.
    Serve(ServeArgs),
    /// Check the whole site without writing anything: every problem, with file, line and a hint.
    Check(CheckArgs),
    /// Show how far each record is translated into each language, or record (--stamp) that a
    /// translation matches its source.
    Translations(TranslationsArgs),
    /// Write a record skeleton from the collection's schema, or with `--to` a translation stub.
    New(NewArgs),
    /// Create a new site in an empty folder: site.yaml, three collections, one example record each.
    Init(InitArgs),
    /// Write a JSON Schema per collection, for editors that check YAML as you type.
    Schema(SchemaArgs),
    /// Write the printed compilation: every volume in every language as an A4 PDF.
    Booklet(BookletArgs),
    /// Check and build the site, then bring the target (a folder or an SFTP server) to exactly
    /// the new output, sending only what changed.
    Publish(PublishArgs),
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The site folder (the one with site.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site, instead of `output_dir` of site.yaml.
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// The URL the site will be published at, instead of `base_url` of site.yaml.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Also publish records marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Print how long each phase of the build took, the peak memory after it, and the work
    /// done (template and Markdown renders).
    #[arg(long)]
    pub timings: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site folder (the one with site.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The address to listen on. Only this computer can connect to 127.0.0.1; another address
    /// lets other computers see the preview.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// The port (0: any free port). When it is taken, the next free one is used.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Open the site in the web browser once it is served.
    #[arg(long)]
    pub open: bool,
    /// Also show records marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// After each build, print how long each phase took (load, prepare, render, swap)
    #[arg(long)]
    pub timings: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The site folder (the one with site.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// `text` for people, `json` for CI (an array of problems; see the README).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub strict: bool,
    /// Check as for a build with --drafts: drafts are published, so links to them are fine.
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Debug, Args)]
pub struct TranslationsArgs {
    /// The site folder (the one with site.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// `text`: a table for people; `json`: the same for scripts (README.md, "Translations").
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Record that the translations of this record (`<collection>/<id>`, e.g.
    /// `projects/hongxin-wuye`) match its current source: writes `translated_from: <digest>`
    /// into their front matter.
    #[arg(long, value_name = "COLLECTION/ID")]
    pub stamp: Option<String>,
    /// With --stamp: only the translation in this language (e.g. `ko`). Default: every
    /// translation file of the record.
    #[arg(long, value_name = "CODE", requires = "stamp")]
    pub to: Option<String>,
}

/// How a report is printed: for people or for scripts and CI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The collection, as named under `collections:` in site.yaml (e.g. projects).
    pub collection: String,
    /// The record's id: its file name, e.g. `hongxin-wuye` or `梨园村`.
    pub id: String,
    /// The site folder (the one with site.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Write a translation stub in this content language (e.g. `ko`) for an existing record,
    /// instead of a new record in the default language. (`--lang` chooses the message language.)
    #[arg(long, value_name = "CODE")]
    pub to: Option<String>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the site in; it must be empty or not exist yet.
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The site folder (the one with site.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the schema files. Default: `.showcase/schema/` in the site folder.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BookletArgs {
    /// The site folder (the one with site.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Only this volume (its key, as in the file names: `all`, `2019-2021`, `cases`).
    #[arg(long)]
    pub volume: Option<String>,
    /// Where to write the PDF files. Default: `print/` in the site folder.
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// The URL the site is published at, for the QR codes, instead of `base_url` of site.yaml.
    #[arg(long)]
    pub base_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The site folder (the one with site.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to publish, instead of `publish: {to: …}` of site.yaml: a folder (the web
    /// server's, a mounted share) or sftp://user@host[:port]/path. A password is never written
    /// here: it is read from SHOWCASE_SFTP_PASSWORD.
    #[arg(long, value_name = "TARGET")]
    pub to: Option<String>,
    /// Print what would be added, changed and removed, and change nothing on the target.
    #[arg(long)]
    pub dry_run: bool,
    /// Publish even if record pages the target has would be gone (their addresses then lead
    /// nowhere); without it, publish refuses and says which `aliases:` keep them.
    #[arg(long)]
    pub allow_gone: bool,
}
