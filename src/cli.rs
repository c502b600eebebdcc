//! The command line (SPEC §5), as clap structs only; `commands/` does the work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "showcase",
    version,
    about = "A static-site generator for bilingual (Chinese / Korean) showcase sites"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replacing the previous output only when the build succeeds).
    Build(BuildArgs),
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
