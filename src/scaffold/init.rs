//! `showcase init <DIR>`: a new site from the files under `src/scaffold/init/`, embedded in the
//! binary (a site.yaml with the three collections of SPEC §1, one example record per collection
//! in both languages, the regions of a closed taxonomy). The built-in theme needs no files.
//! Only an empty or missing folder is filled: nothing the user has is ever overwritten.

use std::path::{Path, PathBuf};

use super::{ScaffoldError, write_new};
use crate::messages::msg;

/// Every file of a new site: its path in the site and its text.
pub const FILES: [(&str, &str); 11] = [
    ("site.yaml", include_str!("init/site.yaml")),
    // Issue 15: the output and the photo cache are made again by any build.
    (".gitignore", include_str!("init/.gitignore")),
    (
        "content/_index.zh.md",
        include_str!("init/content/_index.zh.md"),
    ),
    (
        "content/_index.ko.md",
        include_str!("init/content/_index.ko.md"),
    ),
    (
        "content/data/regions.yaml",
        include_str!("init/content/data/regions.yaml"),
    ),
    (
        "content/projects/hongxin-wuye.zh.md",
        include_str!("init/content/projects/hongxin-wuye.zh.md"),
    ),
    (
        "content/projects/hongxin-wuye.ko.md",
        include_str!("init/content/projects/hongxin-wuye.ko.md"),
    ),
    (
        "content/brands/dangjian-jia.zh.md",
        include_str!("init/content/brands/dangjian-jia.zh.md"),
    ),
    (
        "content/brands/dangjian-jia.ko.md",
        include_str!("init/content/brands/dangjian-jia.ko.md"),
    ),
    (
        "content/cases/antu-tuopin.zh.md",
        include_str!("init/content/cases/antu-tuopin.zh.md"),
    ),
    (
        "content/cases/antu-tuopin.ko.md",
        include_str!("init/content/cases/antu-tuopin.ko.md"),
    ),
];

/// Writes a new site into `dir`, which must be empty or not exist; returns the files written.
pub fn create(dir: &Path) -> Result<Vec<PathBuf>, ScaffoldError> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(ScaffoldError::new(msg!("init-not-a-folder", path = dir)));
        }
        let empty = std::fs::read_dir(dir)
            .map_err(|err| {
                ScaffoldError::new(msg!(
                    "new-cannot-write",
                    path = dir,
                    reason = err.to_string()
                ))
            })?
            .next()
            .is_none();
        if !empty {
            return Err(ScaffoldError::new(msg!("init-not-empty", path = dir))
                .hint(msg!("init-not-empty-hint")));
        }
    }
    let mut written = Vec::new();
    for (relative, text) in FILES {
        let path = dir.join(relative);
        write_new(&path, text)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_file_is_embedded() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/scaffold/init");
        let mut on_disk: Vec<String> = walkdir::WalkDir::new(&folder)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&folder)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = FILES.iter().map(|(p, _)| p.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
    }

    #[test]
    fn a_non_empty_folder_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        assert!(create(dir.path()).is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let fresh = dir.path().join("new-site");
        assert_eq!(create(&fresh).unwrap().len(), FILES.len());
    }
}
