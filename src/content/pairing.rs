//! Which files make each record (SPEC §3.3): its default-language file, the source, and one
//! file per translation language. The model builds records from this pairing and translation
//! status reads it, so both see the same files and a problem is reported once (issue 16).

use std::collections::BTreeMap;

use super::{Content, RawRecord, RecordFormat};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::messages::msg;

/// One record's files, as indices into [`Content::records`].
#[derive(Debug, Clone, PartialEq)]
pub struct PairedRecord {
    /// The position of the record's collection in site.yaml.
    pub collection: usize,
    pub id: String,
    /// The record's first file in walk order: where a problem with the id itself is reported.
    pub first: usize,
    /// The default-language file. `None` when there is none: its translations are reported
    /// as orphans, unless the file exists and could not be read (reported by loading).
    pub source: Option<usize>,
    /// One file per translation language, in language-code order; none for a YAML record,
    /// which holds every language itself.
    pub translations: Vec<usize>,
}

/// Every record of the site's collections, by collection (site.yaml order) and id, and the
/// problems of pairing: a language written twice, a translation without a source, a
/// translation beside a YAML record.
#[derive(Debug, Default)]
pub struct Pairing {
    pub records: Vec<PairedRecord>,
    pub diagnostics: Diagnostics,
}

/// Pairs the files of every record. Where a language is written twice, the first file in walk
/// order counts and the second is an error.
pub fn pair(config: &SiteConfig, content: &Content) -> Pairing {
    let default_lang = config.default_lang();
    let mut groups: BTreeMap<(usize, &str), Vec<usize>> = BTreeMap::new();
    for (index, raw) in content.records.iter().enumerate() {
        if let Some(position) = config
            .collections
            .iter()
            .position(|c| c.key == raw.collection)
        {
            groups.entry((position, &raw.id)).or_default().push(index);
        }
    }
    let mut pairing = Pairing::default();
    for ((collection, id), files) in groups {
        let files: Vec<(usize, &RawRecord)> = files
            .into_iter()
            .map(|i| (i, &*content.records[i]))
            .collect();
        // (Asked only when some file could not be read: the key costs three copies.)
        let source_unreadable = !content.unparsed.is_empty()
            && content.unparsed.contains(&(
                files[0].1.collection.clone(),
                id.to_string(),
                default_lang.to_string(),
            ));
        let (source, translations) = split(
            &files,
            default_lang,
            source_unreadable,
            &mut pairing.diagnostics,
        );
        pairing.records.push(PairedRecord {
            collection,
            id: id.to_string(),
            first: files[0].0,
            source,
            translations,
        });
    }
    pairing
}

/// Splits one record's files into its source and translations, reporting duplicates and
/// translations without a source (unless the source exists but could not be read,
/// `source_unreadable`: that is reported already).
fn split(
    files: &[(usize, &RawRecord)],
    default_lang: &str,
    source_unreadable: bool,
    diagnostics: &mut Diagnostics,
) -> (Option<usize>, Vec<usize>) {
    let mut source: Option<(usize, &RawRecord)> = None;
    let mut translations: BTreeMap<&str, (usize, &RawRecord)> = BTreeMap::new();
    for &(index, file) in files {
        let existing = if file.lang == default_lang {
            source
        } else {
            translations.get(file.lang.as_str()).copied()
        };
        if let Some((_, existing)) = existing {
            diagnostics.push(
                Diagnostic::error(
                    "E-duplicate-id",
                    msg!(
                        "duplicate-record",
                        collection = &file.collection,
                        id = &file.id
                    ),
                )
                .at(file.start.clone())
                .hint(msg!("duplicate-record-hint", path = &existing.path)),
            );
        } else if file.lang == default_lang {
            source = Some((index, file));
        } else {
            translations.insert(&file.lang, (index, file));
        }
    }
    let Some((source_index, source)) = source else {
        if !source_unreadable {
            for (_, file) in translations.values() {
                diagnostics.push(
                    Diagnostic::error(
                        "E-orphan-translation",
                        msg!(
                            "orphan-translation",
                            collection = &file.collection,
                            id = &file.id,
                            lang = default_lang
                        ),
                    )
                    .at(file.start.clone())
                    .hint(msg!(
                        "orphan-translation-hint",
                        path = default_path(file, default_lang)
                    )),
                );
            }
        }
        return (None, Vec::new());
    };
    if source.format == RecordFormat::Yaml {
        for (_, file) in translations.values() {
            diagnostics.push(
                Diagnostic::error("E-duplicate-id", msg!("record-also-yaml"))
                    .at(file.start.clone())
                    .hint(msg!(
                        "record-also-yaml-hint",
                        path = &source.path,
                        lang = &file.lang
                    )),
            );
        }
        return (Some(source_index), Vec::new());
    }
    let translations = translations.into_values().map(|(index, _)| index).collect();
    (Some(source_index), translations)
}

/// Where the default-language file of a translation would be: `a.ko.md` → `a.zh.md`.
fn default_path(file: &RawRecord, default_lang: &str) -> String {
    let name = file
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let renamed = name.replacen(&format!(".{}.", file.lang), &format!(".{default_lang}."), 1);
    file.path.with_file_name(renamed).display().to_string()
}

#[cfg(test)]
mod tests;
