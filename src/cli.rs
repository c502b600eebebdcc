//! The command line (SPEC §5), as clap structs only; `commands/` does the work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::messages::UiLang;

#[derive(Debug, Parser)]
#[command(
    name = "showcase",
    version,
    about = "A static-site generator for bilingual (Chinese / Korean) showcase sites"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of messages: `zh` (中文) or `en`. Default: from LC_ALL, LC_MESSAGES or LANG
    /// (zh_* gives Chinese), else English.
    #[arg(long, global = true, value_parser = parse_ui_lang)]
    pub lang: Option<UiLang>,
}

fn parse_ui_lang(text: &str) -> Result<UiLang, String> {
    UiLang::parse(text).ok_or_else(|| format!("`{text}` is not a message language; use zh or en"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replacing the previous output only when the build succeeds).
    Build(BuildArgs),
    /// Check the whole site without writing anything: every problem, with file, line and a hint.
    Check(CheckArgs),
    /// Show how far each record is translated into each language, or record (--stamp) that a
    /// translation matches its source.
    Translations(TranslationsArgs),
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
