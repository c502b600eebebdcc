//! `showcase schema [--out DIR]`: writes one JSON Schema per collection (by default into
//! `.showcase/schema/` of the site) for editors that check YAML records as they are typed.

use std::collections::BTreeMap;

use anyhow::Result;

use super::{EXIT_FAILURE, EXIT_OK, print_diagnostics, print_failure};
use crate::cli::SchemaArgs;
use crate::config::{self, json_schema};
use crate::messages::{UiLang, msg};

/// Where the schema files go unless `--out` says otherwise, relative to the site folder.
pub const DEFAULT_DIR: &str = ".showcase/schema";

pub fn run(args: SchemaArgs, lang: UiLang) -> Result<u8> {
    let config = match config::load(&args.root) {
        Ok((config, _)) => config,
        Err(diagnostics) => {
            print_diagnostics(&diagnostics, lang);
            return Ok(EXIT_FAILURE);
        }
    };
    // Closed taxonomies list their term ids: only the terms files are read, not the records.
    let mut ignored = crate::diagnostics::Diagnostics::default();
    let terms: BTreeMap<String, Vec<String>> =
        crate::content::load_terms_files(&args.root, &config, &mut ignored)
            .iter()
            .map(|(key, terms)| (key.clone(), terms.iter().map(|t| t.id.clone()).collect()))
            .collect();
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| args.root.join(DEFAULT_DIR));
    if let Err(err) = std::fs::create_dir_all(&out) {
        let message = msg!("schema-cannot-write", path = &out, reason = err.to_string());
        print_failure(&message, None, None, lang);
        return Ok(EXIT_FAILURE);
    }
    for collection in &config.collections {
        let schema = json_schema::collection_schema(&config, collection, &terms, lang);
        let path = out.join(format!("{}.schema.json", collection.key));
        let mut text = serde_json::to_string_pretty(&schema)?;
        text.push('\n');
        if let Err(err) = crate::output::replace_file(&path, text.as_bytes()) {
            let message = msg!(
                "schema-cannot-write",
                path = &path,
                reason = err.to_string()
            );
            print_failure(&message, None, None, lang);
            return Ok(EXIT_FAILURE);
        }
        eprintln!("{}", msg!("schema-wrote", path = &path).text(lang));
    }
    eprintln!("{}", msg!("schema-hint").text(lang));
    Ok(EXIT_OK)
}
