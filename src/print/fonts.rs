//! The fonts a booklet is set in (issue 18): the files `booklet.fonts` names, else the
//! system's Noto (or Source Han) CJK fonts. Loaded once, shared by every volume and language:
//! a CJK font collection is some 20 MB, and reading and indexing four of them takes longer
//! than setting a small volume.

use std::path::{Path, PathBuf};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use crate::config::BookletSettings;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::messages::msg;

/// Folders searched for fonts when the site names none: Debian's `fonts-noto-cjk` installs
/// under `/usr/share/fonts`; fontconfig's other usual places follow.
const SYSTEM_DIRS: &[&str] = &[
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
];

/// Replaces [`SYSTEM_DIRS`] (folders separated by `:`): for tests, which need a system
/// without CJK fonts.
pub const DIRS_VARIABLE: &str = "SHOWCASE_FONT_DIRS";

/// Loaded fonts and Typst's index of them.
pub struct Fonts {
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "Fonts({} faces)", self.fonts.len())
    }
}

impl Fonts {
    /// The site's fonts (`booklet.fonts`) or else the system's CJK fonts. `languages` are the
    /// site's language codes: each must find a font that has its letters.
    pub fn load(
        root: &Path,
        settings: &BookletSettings,
        languages: &[String],
    ) -> Result<Fonts, Diagnostics> {
        let mut diagnostics = Diagnostics::default();
        let mut fonts = Vec::new();
        if settings.fonts.is_empty() {
            for file in system_files(&system_dirs()) {
                // A system font that cannot be read is not the site's problem.
                if let Ok(bytes) = std::fs::read(&file) {
                    fonts.extend(Font::iter(Bytes::new(bytes)));
                }
            }
        } else {
            for (path, location) in &settings.fonts {
                let file = root.join(path);
                match std::fs::read(&file) {
                    Ok(bytes) => {
                        let before = fonts.len();
                        fonts.extend(Font::iter(Bytes::new(bytes)));
                        if fonts.len() == before {
                            diagnostics.push(
                                Diagnostic::error("E-print-font", msg!("print-font-not-a-font"))
                                    .at(location.clone())
                                    .hint(msg!("print-font-hint")),
                            );
                        }
                    }
                    Err(err) => diagnostics.push(
                        Diagnostic::error(
                            "E-print-font",
                            msg!("print-font-unreadable", detail = err.to_string()),
                        )
                        .at(location.clone())
                        .hint(msg!("print-font-hint")),
                    ),
                }
            }
            if diagnostics.has_errors() {
                return Err(diagnostics);
            }
        }
        // Fonts in a fixed order whatever the file system's: the same fonts, the same PDF.
        fonts.sort_by(|a, b| {
            let (ia, ib) = (a.info(), b.info());
            (&ia.family, ia.variant.weight.to_number(), a.index()).cmp(&(
                &ib.family,
                ib.variant.weight.to_number(),
                b.index(),
            ))
        });
        for lang in languages {
            let Some(letter) = sample_letter(lang) else {
                continue;
            };
            if !fonts
                .iter()
                .any(|f| f.info().coverage.contains(letter as u32))
            {
                let message = if settings.fonts.is_empty() {
                    msg!("print-no-cjk-font", lang = lang)
                } else {
                    msg!("print-site-fonts-lack", lang = lang)
                };
                diagnostics.push(
                    Diagnostic::error("E-print-no-font", message)
                        .hint(msg!("print-no-cjk-font-hint")),
                );
            }
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        Ok(Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        })
    }

    /// The families to set `lang` in, best first: `serif` for text, else sans for headings.
    /// Noto's (and Source Han's) regional families are chosen by their suffix (`SC` for
    /// Chinese, `KR` for Korean); any other family follows, so a site's own font is used.
    pub fn families(&self, lang: &str, serif: bool) -> Vec<String> {
        let mut families: Vec<&str> = self.book.families().map(|(name, _)| name).collect();
        families.dedup();
        let suffix = match lang {
            "zh" => Some(["SC", "CN"]),
            "ko" => Some(["KR", "K"]),
            _ => None,
        };
        let score = |family: &str| {
            let words: Vec<&str> = family.split_whitespace().collect();
            let regional = suffix.is_some_and(|s| words.iter().any(|w| s.contains(w)));
            let other_region = ["SC", "TC", "HK", "JP", "KR", "CN", "TW", "K"]
                .iter()
                .any(|s| words.contains(s));
            let style = family.contains(if serif { "Serif" } else { "Sans" });
            let mono = family.contains("Mono");
            (
                !regional && other_region,
                mono,
                !regional,
                !style,
                family.to_string(),
            )
        };
        families.sort_by_key(|f| score(f));
        families.into_iter().map(str::to_string).collect()
    }
}

/// A letter only a font for `lang` has.
fn sample_letter(lang: &str) -> Option<char> {
    match lang {
        "zh" | "ja" => Some('中'),
        "ko" => Some('한'),
        _ => None,
    }
}

/// What the fonts [`Fonts::load`] would load are, without reading them: each file's path, size
/// and time. A PDF kept from an earlier build is published again only while this is the same.
pub fn identity(root: &Path, settings: &BookletSettings) -> u64 {
    let files: Vec<PathBuf> = match settings.fonts.is_empty() {
        true => system_files(&system_dirs()),
        false => settings
            .fonts
            .iter()
            .map(|(path, _)| root.join(path))
            .collect(),
    };
    let mut digest = crate::digest::Digest::new();
    for file in files {
        let metadata = std::fs::metadata(&file).ok();
        digest
            .add(&file)
            .add_debug(&metadata.as_ref().map(|m| (m.len(), m.modified().ok())));
    }
    digest.finish()
}

fn system_dirs() -> Vec<PathBuf> {
    if let Some(dirs) = std::env::var_os(DIRS_VARIABLE) {
        return std::env::split_paths(&dirs).collect();
    }
    let home = std::env::var_os("HOME").map(PathBuf::from);
    SYSTEM_DIRS
        .iter()
        .filter_map(|dir| match dir.strip_prefix("~/") {
            Some(rest) => home.as_ref().map(|h| h.join(rest)),
            None => Some(PathBuf::from(dir)),
        })
        .collect()
}

/// The CJK font files under `dirs`, sorted: files whose names say CJK (`NotoSerifCJK-…`,
/// `SourceHanSans…`). Reading every font of a system to find the CJK ones would cost more
/// than the booklet.
fn system_files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|dir| {
            walkdir::WalkDir::new(dir)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
        })
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|path| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let font = [".otf", ".ttf", ".ttc", ".otc"]
                .iter()
                .any(|ext| name.ends_with(ext));
            font && (name.contains("cjk") || name.contains("sourcehan"))
        })
        .collect();
    files.sort();
    files.dedup();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_cjk_font_files_are_taken_in_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "b/NotoSerifCJK-Regular.ttc",
            "a/NotoSansCJK-Bold.ttc",
            "DejaVuSans.ttf",
            "notes.txt",
        ] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, b"").unwrap();
        }
        let files = system_files(&[dir.path().to_path_buf()]);
        let names: Vec<String> = files
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["NotoSansCJK-Bold.ttc", "NotoSerifCJK-Regular.ttc"]);
    }

    #[test]
    fn no_font_in_the_site_list_is_an_error_at_its_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.otf"), b"not a font").unwrap();
        let location = crate::diagnostics::Location {
            file: Path::new("site.yaml").into(),
            line: 4,
            column: 10,
            line_text: "".into(),
            width: 1,
        };
        let settings = BookletSettings {
            fonts: vec![
                (PathBuf::from("missing.otf"), location.clone()),
                (PathBuf::from("notes.otf"), location),
            ],
            ..BookletSettings::default()
        };
        let err = Fonts::load(dir.path(), &settings, &["zh".into()]).unwrap_err();
        let codes: Vec<_> = err
            .iter()
            .map(|d| (d.code, d.location.as_ref().map(|l| l.line)))
            .collect();
        assert_eq!(
            codes,
            [("E-print-font", Some(4)), ("E-print-font", Some(4))]
        );
    }
}
