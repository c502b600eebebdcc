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
/// under `/usr/share/fonts` (so do UOS's and Kylin's CJK fonts); fontconfig's other usual
/// places follow. Windows has its own ([`windows_dirs`]).
const SYSTEM_DIRS: &[&str] = &[
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
];

/// What a CJK font file's name contains: Noto and Source Han (`NotoSerifCJK-…`,
/// `SourceHanSans…`), WenQuanYi (`wqy-zenhei.ttc`, on Kylin and UOS) and Nanum (Korean).
const CJK_NAME_PARTS: &[&str] = &["cjk", "sourcehan", "wqy-", "nanum"];

/// The CJK fonts every Windows has in `C:\Windows\Fonts`: Microsoft YaHei and SimSun, SimHei
/// (Chinese), Malgun Gothic (Korean); Batang and Gulim where the Korean supplemental fonts are
/// installed. A Windows user gets PDFs without installing a font.
const WINDOWS_CJK_FILES: &[&str] = &[
    "msyh.ttc",
    "msyhbd.ttc",
    "simsun.ttc",
    "simhei.ttf",
    "malgun.ttf",
    "malgunbd.ttf",
    "batang.ttc",
    "gulim.ttc",
];

/// Words of family names that mark a font for one language, as Noto's suffixes do
/// (`Noto Serif CJK SC`), and the families of [`WINDOWS_CJK_FILES`] and [`CJK_NAME_PARTS`].
const REGIONAL_WORDS: &[(&str, &[&str])] = &[
    (
        "zh",
        &["SC", "CN", "YaHei", "SimSun", "SimHei", "WenQuanYi"],
    ),
    ("ko", &["KR", "K", "Malgun", "Batang", "Gulim", "Nanum"]),
    ("other", &["TC", "HK", "JP", "TW"]),
];

/// Words of family names of serif (Song, Myeongjo) and sans (Hei, Gothic) designs.
const SERIF_WORDS: &[&str] = &["Serif", "SimSun", "Batang", "Myeongjo"];
const SANS_WORDS: &[&str] = &[
    "Sans", "YaHei", "SimHei", "Malgun", "Gothic", "Gulim", "Hei",
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
                diagnostics
                    .push(Diagnostic::error("E-print-no-font", message).hint(no_font_hint()));
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
        order_families(families, lang, serif)
    }
}

/// `families` best first for `lang` (see [`Fonts::families`]).
fn order_families(mut families: Vec<&str>, lang: &str, serif: bool) -> Vec<String> {
    let marks_of = |wanted: Option<&str>| -> Vec<&str> {
        REGIONAL_WORDS
            .iter()
            .filter(|(l, _)| wanted.is_none_or(|w| w == *l))
            .flat_map(|(_, words)| words.iter().copied())
            .collect()
    };
    let (own, any_region) = (marks_of(Some(lang)), marks_of(None));
    let style_words = if serif { SERIF_WORDS } else { SANS_WORDS };
    let score = |family: &str| {
        let words: Vec<&str> = family.split_whitespace().collect();
        let has = |marks: &[&str]| marks.iter().any(|m| words.iter().any(|w| word_is(w, m)));
        let regional = has(&own);
        let other_region = has(&any_region);
        let style = has(style_words);
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

/// What to do without a CJK font: on Windows, whose own fonts are looked for, install
/// the Korean supplemental fonts or name files; elsewhere, install the Noto CJK fonts.
fn no_font_hint() -> crate::messages::Message {
    if cfg!(windows) {
        msg!("print-no-cjk-font-hint-windows")
    } else {
        msg!("print-no-cjk-font-hint")
    }
}

/// A family name's word is `mark`, or starts with a long one (`NanumMyeongjo`, `SimSunExt`).
fn word_is(word: &str, mark: &str) -> bool {
    word == mark || (mark.len() > 2 && word.starts_with(mark))
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
    if cfg!(windows) {
        return windows_dirs(|name| std::env::var_os(name));
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

/// Windows' fonts folder, and the one of fonts a user installed for themselves only (what
/// a double-click on a font file's "Install" does since Windows 10).
fn windows_dirs(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Vec<PathBuf> {
    let windows = var("WINDIR").map_or_else(|| PathBuf::from(r"C:\Windows"), PathBuf::from);
    let mut dirs = vec![windows.join("Fonts")];
    if let Some(local) = var("LOCALAPPDATA") {
        dirs.push(PathBuf::from(local).join(r"Microsoft\Windows\Fonts"));
    }
    dirs
}

/// The CJK font files under `dirs`, sorted: files whose names say CJK ([`CJK_NAME_PARTS`]) or
/// are Windows' CJK fonts ([`WINDOWS_CJK_FILES`]). Reading every font of a system to find the
/// CJK ones would cost more than the booklet.
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
            font && (CJK_NAME_PARTS.iter().any(|part| name.contains(part))
                || WINDOWS_CJK_FILES.contains(&name.as_str()))
        })
        .collect();
    files.sort();
    files.dedup();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the files `system_files` takes from a folder holding (empty) `files`.
    fn found_among(files: &[&str]) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        for name in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, b"").unwrap();
        }
        system_files(&[dir.path().to_path_buf()])
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn only_cjk_font_files_are_taken_in_order() {
        let names = found_among(&[
            "b/NotoSerifCJK-Regular.ttc",
            "a/NotoSansCJK-Bold.ttc",
            "DejaVuSans.ttf",
            "notes.txt",
        ]);
        assert_eq!(names, ["NotoSansCJK-Bold.ttc", "NotoSerifCJK-Regular.ttc"]);
    }

    #[test]
    fn windows_cjk_fonts_wenquanyi_and_nanum_are_taken_too() {
        let names = found_among(&[
            "msyh.ttc",
            "simsun.ttc",
            "malgun.ttf",
            "arial.ttf",
            "wqy/wqy-zenhei.ttc",
            "truetype/nanum/NanumMyeongjo.ttf",
        ]);
        assert_eq!(
            names,
            [
                "malgun.ttf",
                "msyh.ttc",
                "simsun.ttc",
                "NanumMyeongjo.ttf",
                "wqy-zenhei.ttc"
            ]
        );
    }

    #[test]
    fn on_windows_the_fonts_folder_and_the_users_own_are_searched() {
        let vars = |name: &str| match name {
            "WINDIR" => Some(r"D:\Win".into()),
            "LOCALAPPDATA" => Some(r"C:\Users\li\AppData\Local".into()),
            _ => None,
        };
        let expected = [
            Path::new(r"D:\Win").join("Fonts"),
            Path::new(r"C:\Users\li\AppData\Local").join(r"Microsoft\Windows\Fonts"),
        ];
        assert_eq!(windows_dirs(vars), expected);
        assert_eq!(
            windows_dirs(|_| None),
            [Path::new(r"C:\Windows").join("Fonts")]
        );
    }

    #[test]
    fn each_language_gets_its_own_regions_family_first() {
        let windows = vec!["Malgun Gothic", "Microsoft YaHei", "SimSun", "Arial"];
        assert_eq!(
            order_families(windows.clone(), "zh", false)[0],
            "Microsoft YaHei"
        );
        assert_eq!(order_families(windows.clone(), "zh", true)[0], "SimSun");
        assert_eq!(order_families(windows, "ko", false)[0], "Malgun Gothic");
        let noto = vec!["Noto Sans CJK KR", "Noto Serif CJK SC", "Noto Sans CJK SC"];
        assert_eq!(
            order_families(noto.clone(), "zh", true)[0],
            "Noto Serif CJK SC"
        );
        assert_eq!(
            order_families(noto.clone(), "zh", false)[0],
            "Noto Sans CJK SC"
        );
        assert_eq!(order_families(noto, "ko", false)[0], "Noto Sans CJK KR");
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
