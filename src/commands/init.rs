//! `showcase init <DIR>`: creates a new site in an empty folder and says how to go on.

use anyhow::Result;

use super::{EXIT_FAILURE, EXIT_OK};
use crate::cli::InitArgs;
use crate::messages::{UiLang, msg};
use crate::scaffold::init::create;

pub fn run(args: InitArgs, lang: UiLang) -> Result<u8> {
    match create(&args.dir) {
        Ok(files) => {
            eprintln!(
                "{}",
                msg!("init-done", path = &args.dir, files = files.len()).text(lang)
            );
            Ok(EXIT_OK)
        }
        Err(err) => {
            super::new::report(&err, lang);
            Ok(EXIT_FAILURE)
        }
    }
}
