//! The one rule that says which files of the site exist (issue 14): `build` publishes a file
//! of `content/`, `static/` or the theme's folder, and `serve` watches it, exactly when this
//! rule lets every name on its path through. The README lists it for users ("Which files are
//! published").
//!
//! Left out, by name:
//! - hidden names (starting with `.`), files and folders: version control (`.git`, `.svn`,
//!   `.hg`), editor settings (`.vscode`, `.obsidian`), macOS metadata (`.DS_Store`, `._*`),
//!   emacs' locks (`.#*`), LibreOffice's locks (`.~lock.*#`), vim's hidden swap files and
//!   showcase's own temporary files (`.<name>.showcase-tmp-<pid>`) — except `.well-known/`
//!   (RFC 8615: `security.txt`, app links) and `.htaccess`, which are meant to be published;
//! - leftovers, files only (a folder called `4913` or `old.bak` is the user's own): vim's swap
//!   files (`*.swp`, `*.swo`, `*.swn`, `*.swx`) and its probe file `4913`, backups (`*~`,
//!   `*.bak`: they often hold text that was deliberately removed), emacs' auto-save files
//!   (`#*#`), temporary files (`*.tmp`), half-downloaded files (`*.part`, `*.crdownload`),
//!   Office's owner files (`~$*`), and Windows' folder files (`Thumbs.db`, `ehthumbs.db`,
//!   `desktop.ini`). Endings and Windows names are compared without regard to letter case.

use std::path::Path;

/// Hidden names that are published all the same.
const PUBLISHED_HIDDEN: [&str; 2] = [".well-known", ".htaccess"];

/// File endings of leftovers, in lower case.
const LEFTOVER_ENDINGS: [&str; 8] = [
    ".swp",
    ".swo",
    ".swn",
    ".swx",
    ".bak",
    ".tmp",
    ".part",
    ".crdownload",
];

/// Windows' folder files, in lower case.
const WINDOWS_FILES: [&str; 3] = ["thumbs.db", "ehthumbs.db", "desktop.ini"];

/// Whether a name is a file or a folder: leftover patterns only apply to files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    File,
    Folder,
}

/// Whether a file or folder of this name is part of the site.
pub fn is_published_name(name: &str, kind: NameKind) -> bool {
    if name.is_empty() {
        return false;
    }
    if name.starts_with('.') {
        return PUBLISHED_HIDDEN.contains(&name);
    }
    if kind == NameKind::Folder {
        return true;
    }
    let lower = name.to_lowercase();
    let leftover = name == "4913"
        || name.ends_with('~')
        || name.starts_with("~$")
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || LEFTOVER_ENDINGS
            .iter()
            .any(|ending| lower.ends_with(ending))
        || WINDOWS_FILES.contains(&lower.as_str());
    !leftover
}

/// Whether a path below an input folder (`content/`, `static/`, the theme's folder; the path
/// given relative to it or to the site root, whose names all pass) is part of the site: every
/// folder on the way and the last name, which is a `last`.
pub fn is_published_path(relative: &Path, last: NameKind) -> bool {
    let names: Vec<_> = relative.iter().collect();
    names.iter().enumerate().all(|(i, name)| {
        let kind = if i + 1 == names.len() {
            last
        } else {
            NameKind::Folder
        };
        is_published_name(&name.to_string_lossy(), kind)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_of_systems_and_editors_are_not_published() {
        for name in [
            ".DS_Store",
            "._cover.jpg",
            ".#a.zh.md",
            ".a.zh.md.swp",
            ".~lock.report.docx#",
            ".a.zh.md.showcase-tmp-4242",
            ".git",
            ".svn",
            ".hg",
            ".env",
            ".vscode",
            "a.zh.md.swp",
            "a.zh.md.swo",
            "a.zh.md.swn",
            "a.zh.md.swx",
            "a.zh.md~",
            "#a.zh.md#",
            "4913",
            "a.zh.md.tmp",
            "~WRL0001.TMP",
            "a.css.bak",
            "REPORT.BAK",
            "report.pdf.part",
            "report.pdf.crdownload",
            "~$report.docx",
            "Thumbs.db",
            "thumbs.db",
            "ehthumbs.db",
            "desktop.ini",
            "Desktop.ini",
            "",
        ] {
            assert!(!is_published_name(name, NameKind::File), "{name:?}");
        }
    }

    #[test]
    fn the_users_files_are_published() {
        for name in [
            "a.zh.md",
            "index.ko.md",
            "cover.jpg",
            "report.pdf",
            "4913.txt",
            "49130",
            "a~b.css",
            "#hash",
            "#",
            "notes.backup",
            "swap.swp.txt",
            "梨园村.zh.md",
            "_index.zh.md",
            ".htaccess",
            "$report.docx",
        ] {
            assert!(is_published_name(name, NameKind::File), "{name:?}");
        }
    }

    #[test]
    fn leftover_patterns_apply_to_files_only() {
        for name in ["4913", "old.bak", "drafts~", "Thumbs.db", ".well-known"] {
            assert!(is_published_name(name, NameKind::Folder), "{name:?}");
        }
        for name in [".git", ".obsidian", ".DS_Store", ""] {
            assert!(!is_published_name(name, NameKind::Folder), "{name:?}");
        }
    }

    #[test]
    fn a_path_is_published_when_every_name_on_it_is() {
        let published = |path: &str, last| is_published_path(Path::new(path), last);
        assert!(published("static/.well-known/security.txt", NameKind::File));
        assert!(published(
            "content/projects/4913/index.zh.md",
            NameKind::File
        ));
        assert!(published("content/projects/4913", NameKind::Folder));
        assert!(!published("content/projects/4913", NameKind::File));
        assert!(!published("static/.git/HEAD", NameKind::File));
        assert!(!published("static/.well-known/.DS_Store", NameKind::File));
        assert!(!published(
            "content/.obsidian/workspace.json",
            NameKind::File
        ));
        assert!(!published("static/img/a.png~", NameKind::File));
    }
}
