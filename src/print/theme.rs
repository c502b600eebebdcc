//! The print templates of the theme (`print/*.typ`, issue 18): the built-in ones (embedded by
//! `build.rs`) with a site's `themes/<name>/print/` files laid over them file by file, as the
//! HTML templates are. Only reading: Typst compiles them in `print::world`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::messages::msg;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_print.rs"));
}

/// The main template: the one Typst compiles, which may import the others.
pub const MAIN: &str = "print/booklet.typ";

/// One print file with where it came from, as messages name it.
#[derive(Debug, Clone)]
pub struct PrintFile {
    /// `(built-in theme)/print/booklet.typ` or `themes/<name>/print/booklet.typ`.
    pub origin: PathBuf,
    pub bytes: Vec<u8>,
}

/// Every print file by its path in the theme (`print/booklet.typ`).
pub fn load(root: &Path, theme: &str) -> Result<BTreeMap<String, PrintFile>, Diagnostics> {
    let mut files: BTreeMap<String, PrintFile> = embedded::FILES
        .iter()
        .map(|(relative, bytes)| {
            (
                relative.to_string(),
                PrintFile {
                    origin: PathBuf::from(format!("(built-in theme)/{relative}")),
                    bytes: bytes.to_vec(),
                },
            )
        })
        .collect();
    let site_theme = root.join("themes").join(theme);
    let folder = site_theme.join("print");
    let mut diagnostics = Diagnostics::default();
    if folder.is_dir() {
        let walker = walkdir::WalkDir::new(&folder)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || crate::content::is_published_entry(e));
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().unwrap_or(&folder).to_path_buf();
                    diagnostics.push(
                        Diagnostic::error(
                            "E-print-template",
                            msg!("theme-cannot-read", path = relative(root, &path).as_path()),
                        )
                        .in_file(&relative(root, &path)),
                    );
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let name = entry
                .path()
                .strip_prefix(&site_theme)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            let origin = relative(root, entry.path());
            match std::fs::read(entry.path()) {
                Ok(bytes) => {
                    files.insert(name, PrintFile { origin, bytes });
                }
                Err(_) => diagnostics.push(
                    Diagnostic::error(
                        "E-print-template",
                        msg!("theme-cannot-read", path = &origin),
                    )
                    .in_file(&origin),
                ),
            }
        }
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(files)
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_template_is_embedded_and_a_site_file_overrides_it() {
        let dir = tempfile::tempdir().unwrap();
        let files = load(dir.path(), "default").unwrap();
        assert!(files.contains_key(MAIN));
        let folder = dir.path().join("themes/default/print");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("booklet.typ"), "Hello").unwrap();
        let files = load(dir.path(), "default").unwrap();
        assert_eq!(files[MAIN].bytes, b"Hello");
        assert_eq!(
            files[MAIN].origin,
            Path::new("themes/default/print/booklet.typ")
        );
    }
}
