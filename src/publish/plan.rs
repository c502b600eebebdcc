//! What a publish changes on its target, and the order it changes it in: new and changed
//! assets and index files first, then pages, then feeds and redirect maps (which name pages),
//! then the manifest, then deletions; so a visitor never gets a page whose assets are missing.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use super::manifest::{MANIFEST, Manifest, UNKNOWN, digest};
use super::target::{Target, TargetError};
use crate::model::record_pages::RecordPages;
use crate::output::MARKER;

/// A file of the output folder: its digest and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalFile {
    pub digest: String,
    pub size: u64,
}

/// Every file of the output folder by its path (with `/`), except showcase's marker.
pub fn scan_output(output: &Path) -> std::io::Result<BTreeMap<String, LocalFile>> {
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(output).follow_links(false) {
        let entry = entry.map_err(std::io::Error::other)?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(output)
            .map_err(std::io::Error::other)?;
        let path = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if path != MARKER {
            paths.push(path);
        }
    }
    paths
        .into_par_iter()
        .map(|path| {
            let bytes = std::fs::read(output.join(&path))?;
            let file = LocalFile {
                digest: digest(&bytes),
                size: bytes.len() as u64,
            };
            Ok((path, file))
        })
        .collect()
}

/// The changes that bring a target from `old` to the output.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Files to write, in the order they are written.
    pub writes: Vec<String>,
    /// For a file to write, a file the target has with the same bytes, to copy there instead
    /// of sending them.
    pub copies: BTreeMap<String, String>,
    pub added: usize,
    pub changed: usize,
    /// Files to remove.
    pub removes: Vec<String>,
    /// The bytes the writes send (copies aside).
    pub bytes: u64,
    old: Manifest,
    new: Manifest,
}

impl Plan {
    pub fn new(local: &BTreeMap<String, LocalFile>, old: Manifest, pages: &RecordPages) -> Plan {
        // A file the target has, by its bytes' digest: what a new file can be copied from.
        let held: BTreeMap<&str, &String> = old
            .files
            .iter()
            .filter(|(_, digest)| digest.as_str() != UNKNOWN)
            .map(|(path, digest)| (digest.as_str(), path))
            .collect();
        let mut writes: Vec<&String> = Vec::new();
        let mut copies = BTreeMap::new();
        let (mut added, mut changed, mut bytes) = (0, 0, 0);
        for (path, file) in local {
            match old.files.get(path) {
                Some(digest) if *digest == file.digest => continue,
                Some(_) => changed += 1,
                None => added += 1,
            }
            match held.get(file.digest.as_str()) {
                Some(from) => {
                    copies.insert(path.clone(), (*from).clone());
                }
                None => bytes += file.size,
            }
            writes.push(path);
        }
        writes.sort_by_key(|path| (stage(path), *path));
        let removes = old
            .files
            .keys()
            .filter(|path| !local.contains_key(*path))
            .cloned()
            .collect();
        let files = local
            .iter()
            .map(|(path, file)| (path.clone(), file.digest.clone()))
            .collect();
        Plan {
            writes: writes.into_iter().cloned().collect(),
            copies,
            added,
            changed,
            removes,
            bytes,
            old,
            new: Manifest::new(files, pages),
        }
    }

    /// Whether writing `path` replaces a file the target has.
    pub fn replaces(&self, path: &str) -> bool {
        self.old.files.contains_key(path)
    }

    /// Whether the target already holds exactly the output.
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty() && self.removes.is_empty() && self.old == self.new
    }

    /// Carries the plan out on `target`, reading the files from `output`. `written` is called
    /// after each file written, with its path.
    pub fn apply(
        &self,
        output: &Path,
        target: &mut dyn Target,
        written: &mut dyn FnMut(&str),
    ) -> Result<(), ApplyError> {
        if self.is_empty() {
            return Ok(());
        }
        // Until they are all written, the files being replaced may hold anything.
        let mut pending = self.old.clone();
        for path in &self.writes {
            pending.files.insert(path.clone(), UNKNOWN.to_string());
        }
        pending.pages.extend(self.new.pages.clone());
        target.write(MANIFEST, &pending.to_bytes())?;
        for path in &self.writes {
            if let Some(from) = self.copies.get(path)
                && target.copy(from, path)?
            {
                written(path);
                continue;
            }
            let bytes = std::fs::read(output.join(path)).map_err(|source| ApplyError::Read {
                path: path.clone(),
                source,
            })?;
            target.write(path, &bytes)?;
            written(path);
        }
        if !self.removes.is_empty() {
            // The files still to remove stay listed until they are gone.
            let mut removing = self.new.clone();
            for path in &self.removes {
                removing
                    .files
                    .insert(path.clone(), self.old.files[path].clone());
            }
            target.write(MANIFEST, &removing.to_bytes())?;
            for path in &self.removes {
                target.remove(path)?;
            }
        }
        target.write(MANIFEST, &self.new.to_bytes())?;
        Ok(())
    }
}

/// 0: what pages use (styles, scripts, pictures, the search index); 1: pages; 2: what names
/// pages (feeds, the sitemap, the redirect maps).
fn stage(path: &str) -> u8 {
    let name = path.rsplit('/').next().unwrap_or(path);
    if path.ends_with(".html") {
        1
    } else if matches!(
        name,
        "atom.xml" | "sitemap.xml" | "robots.txt" | "redirects.nginx" | "_redirects"
    ) {
        2
    } else {
        0
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error("cannot read {path}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Target(#[from] TargetError),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::target::FolderTarget;

    fn local(files: &[(&str, &str)]) -> BTreeMap<String, LocalFile> {
        files
            .iter()
            .map(|(path, text)| {
                let file = LocalFile {
                    digest: digest(text.as_bytes()),
                    size: text.len() as u64,
                };
                (path.to_string(), file)
            })
            .collect()
    }

    fn write_output(dir: &Path, files: &[(&str, &str)]) {
        for (path, text) in files {
            let file = dir.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, text).unwrap();
        }
    }

    #[test]
    fn assets_are_written_before_pages_and_pages_before_feeds() {
        let files = [
            ("index.html", "home"),
            ("atom.xml", "feed"),
            ("assets/style.css", "css"),
            ("a/index.html", "a"),
            ("search/zh/1/d/0", "shard"),
        ];
        let plan = Plan::new(&local(&files), Manifest::default(), &RecordPages::default());
        assert_eq!(
            plan.writes,
            [
                "assets/style.css",
                "search/zh/1/d/0",
                "a/index.html",
                "index.html",
                "atom.xml"
            ]
        );
        assert_eq!((plan.added, plan.changed, plan.removes.len()), (5, 0, 0));
        assert_eq!(plan.bytes, 17);
    }

    #[test]
    fn only_changes_are_written_and_files_gone_from_the_output_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let (output, root) = (dir.path().join("out"), dir.path().join("target"));
        let first = [
            ("index.html", "home"),
            ("a/index.html", "a"),
            ("b/index.html", "b"),
        ];
        write_output(&output, &first);
        let mut target = FolderTarget::new(&root);
        let plan = Plan::new(&local(&first), Manifest::default(), &RecordPages::default());
        assert!(plan.copies.is_empty());
        let mut written = Vec::new();
        plan.apply(&output, &mut target, &mut |p| written.push(p.to_string()))
            .unwrap();
        assert_eq!(written.len(), 3);

        std::fs::remove_dir_all(&output).unwrap();
        // `b` moves to `c`: its bytes are copied on the target, not sent.
        let second = [
            ("index.html", "home 2"),
            ("a/index.html", "a"),
            ("c/index.html", "b"),
        ];
        write_output(&output, &second);
        let old = Manifest::parse(&std::fs::read(root.join(MANIFEST)).unwrap()).unwrap();
        let plan = Plan::new(&local(&second), old, &RecordPages::default());
        assert_eq!(plan.writes, ["c/index.html", "index.html"]);
        assert_eq!(plan.copies["c/index.html"], "b/index.html");
        assert_eq!(plan.bytes, 6);
        assert_eq!(plan.removes, ["b/index.html"]);
        plan.apply(&output, &mut target, &mut |_| {}).unwrap();
        assert_eq!(
            std::fs::read_to_string(root.join("index.html")).unwrap(),
            "home 2"
        );
        assert_eq!(
            std::fs::read_to_string(root.join("c/index.html")).unwrap(),
            "b"
        );
        assert!(!root.join("b").exists());

        let old = Manifest::parse(&std::fs::read(root.join(MANIFEST)).unwrap()).unwrap();
        let plan = Plan::new(&local(&second), old, &RecordPages::default());
        assert!(plan.is_empty());
    }

    #[test]
    fn a_file_whose_write_may_be_half_done_is_written_again() {
        let mut old = Manifest::default();
        old.files.insert("index.html".into(), UNKNOWN.into());
        let plan = Plan::new(
            &local(&[("index.html", "home")]),
            old,
            &RecordPages::default(),
        );
        assert_eq!(plan.writes, ["index.html"]);
        assert_eq!(plan.changed, 1);
    }
}
