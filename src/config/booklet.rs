//! `booklet:` in site.yaml (issue 18): how the printed compilation (汇编) is divided into
//! volumes, whether `build` publishes its PDFs, and the fonts they are set in.
//!
//! ```yaml
//! booklet:
//!   max_records: 200        # a site with more records is divided into volumes
//!   by: year                # year | collection
//!   pdf: true               # build publishes each volume as a PDF beside its HTML page
//!   fonts: [fonts/NotoSerifCJKsc-Regular.otf]   # else the system's Noto CJK fonts
//!   organization: {zh: 中共某某州委组织部, ko: 중공 모모주당위 조직부}   # on the cover
//! ```

use std::path::PathBuf;

use crate::diagnostics::{Diagnostic, Location};
use crate::localized::Localized;
use crate::messages::msg;
use crate::yaml::{Node, Reader};

/// How records are divided into volumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum VolumesBy {
    /// Consecutive years, as many as fit in one volume.
    #[default]
    Year,
    /// One collection per volume, divided by years when it is too large for one.
    Collection,
}

#[derive(Debug, Clone)]
pub struct BookletSettings {
    /// The most records one volume holds.
    pub max_records: usize,
    pub by: VolumesBy,
    /// `build` writes each volume of each language as a PDF beside its HTML page.
    pub pdf: bool,
    /// Font files the PDF is set in, relative to the site folder, each with where it was
    /// named; empty: the system's fonts.
    pub fonts: Vec<(PathBuf, Location)>,
    /// Who the compilation is from, printed on its cover.
    pub organization: Localized<String>,
}

pub const DEFAULT_MAX_RECORDS: usize = 200;
/// More than this in one volume would make a page no browser opens (about 10 KB a record).
const MOST_RECORDS: i64 = 2000;

impl Default for BookletSettings {
    fn default() -> Self {
        BookletSettings {
            max_records: DEFAULT_MAX_RECORDS,
            by: VolumesBy::Year,
            pdf: false,
            fonts: Vec::new(),
            organization: Localized::new(),
        }
    }
}

pub fn read(r: &mut Reader, node: &Node, codes: &[String], default_lang: &str) -> BookletSettings {
    let mut settings = BookletSettings::default();
    let Some(entries) = r.map(node, "booklet") else {
        return settings;
    };
    r.unknown_keys(
        entries,
        &["max_records", "by", "pdf", "fonts", "organization"],
        msg!("what-booklet-settings"),
    );
    if let Some(node) = node.get("max_records")
        && let Some(count) = r.int(node, "max_records")
    {
        if (1..=MOST_RECORDS).contains(&count) {
            settings.max_records = count as usize;
        } else {
            let location = r.value_location(node);
            r.push(
                Diagnostic::error(
                    "E-bad-value",
                    msg!("bad-booklet-max-records", most = MOST_RECORDS),
                )
                .at(location)
                .hint(msg!("bad-booklet-max-records-hint")),
            );
        }
    }
    if let Some(node) = node.get("by") {
        match node.as_str() {
            Some("year") => settings.by = VolumesBy::Year,
            Some("collection") => settings.by = VolumesBy::Collection,
            _ => {
                let location = r.value_location(node);
                r.push(
                    Diagnostic::error("E-bad-value", msg!("bad-booklet-by"))
                        .at(location)
                        .hint(msg!("bad-booklet-by-hint")),
                );
            }
        }
    }
    if let Some(node) = node.get("pdf")
        && let Some(pdf) = r.bool(node, "pdf")
    {
        settings.pdf = pdf;
    }
    if let Some(node) = node.get("fonts") {
        settings.fonts = r
            .string_list(node, "fonts")
            .into_iter()
            .map(|(path, pos)| {
                let location = r.location(pos, path.chars().count().max(1));
                (PathBuf::from(path), location)
            })
            .collect();
    }
    if let Some(node) = node.get("organization") {
        settings.organization = r.localized_text(node, "organization", codes, default_lang);
    }
    settings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::source::SourceFile;

    fn settings(yaml: &str) -> (BookletSettings, Diagnostics) {
        let file = SourceFile::from_bytes("site.yaml".as_ref(), yaml.as_bytes().to_vec()).unwrap();
        let root = crate::yaml::parse(&file.text).unwrap();
        let mut diagnostics = Diagnostics::default();
        let mut r = Reader::new(&file, &mut diagnostics);
        let codes = ["zh".to_string(), "ko".to_string()];
        let settings = read(&mut r, root.get("booklet").unwrap(), &codes, "zh");
        (settings, diagnostics)
    }

    #[test]
    fn settings_are_read_and_defaults_fill_the_rest() {
        let (s, d) = settings("booklet: {by: collection, pdf: true}\n");
        assert!(d.is_empty());
        assert_eq!(s.max_records, 200);
        assert_eq!(s.by, VolumesBy::Collection);
        assert!(s.pdf);
        let (s, d) = settings(
            "booklet:\n  max_records: 50\n  fonts: [a.otf, b/c.ttf]\n  organization: {zh: 组织部, ko: 조직부}\n",
        );
        assert!(d.is_empty());
        assert_eq!(s.max_records, 50);
        assert_eq!(s.by, VolumesBy::Year);
        assert_eq!(s.fonts.len(), 2);
        assert_eq!(s.fonts[1].0, PathBuf::from("b/c.ttf"));
        assert_eq!((s.fonts[1].1.line, s.fonts[1].1.column), (3, 18));
        assert_eq!(
            s.organization.exact("ko").map(String::as_str),
            Some("조직부")
        );
    }

    #[test]
    fn bad_settings_are_errors_at_their_value() {
        for yaml in [
            "booklet: {max_records: 0}\n",
            "booklet: {max_records: 5000}\n",
            "booklet: {by: month}\n",
            "booklet: {pdf: maybe}\n",
            "booklet: {volumes: 3}\n",
        ] {
            let (_, d) = settings(yaml);
            assert!(!d.is_empty(), "{yaml}");
        }
    }
}
