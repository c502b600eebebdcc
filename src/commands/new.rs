//! `showcase new <collection> <id> [--to CODE]`: writes a record skeleton, or a translation stub,
//! and says which file to open and what to fill in.

use anyhow::Result;

use super::{EXIT_FAILURE, EXIT_OK, print_diagnostics, print_failure};
use crate::cli::NewArgs;
use crate::config;
use crate::messages::{UiLang, msg};
use crate::scaffold::new::{NewRequest, create};
use crate::scaffold::{FILL_MARK, ScaffoldError, TRANSLATE_MARK, shown};

pub fn run(args: NewArgs, lang: UiLang) -> Result<u8> {
    let config = match config::load(&args.root) {
        Ok((config, _)) => config,
        Err(diagnostics) => {
            print_diagnostics(&diagnostics, lang);
            return Ok(EXIT_FAILURE);
        }
    };
    let request = NewRequest {
        root: &args.root,
        collection: &args.collection,
        id: &args.id,
        to: args.to.as_deref(),
        ui: lang,
    };
    let translation = args
        .to
        .as_deref()
        .is_some_and(|to| to != config.default_lang());
    match create(&config, &request) {
        Ok(relative) => {
            let path = shown(&args.root, &relative);
            let message = if translation {
                msg!("new-wrote-stub", path = &path, mark = TRANSLATE_MARK)
            } else {
                msg!("new-wrote", path = &path, mark = FILL_MARK)
            };
            eprintln!("{}", message.text(lang));
            Ok(EXIT_OK)
        }
        Err(err) => {
            report(&err, lang);
            Ok(EXIT_FAILURE)
        }
    }
}

/// Prints a refusal of `new` or `init` with its hint.
pub(super) fn report(err: &ScaffoldError, lang: UiLang) {
    print_failure(&err.message, None, err.hint.as_ref(), lang);
}
