//! Where `publish` copies a site to: a folder (a mounted share, the web server's root on this
//! machine) or an SFTP server. The publishing plan is made once, above this trait; a target
//! only reads, writes and removes single files by their path relative to its root.

use std::path::{Path, PathBuf};

/// A place a site is published to. Paths are relative to the target's root, with `/`
/// between segments, and never contain `..` (publish makes them from output paths).
pub trait Target {
    /// What the user knows the target as (a folder path, `sftp://user@host/path`).
    fn describe(&self) -> String;

    /// The bytes of the file at `path`, or `None` when there is no such file.
    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, TargetError>;

    /// Whether the root holds nothing at all (or does not exist yet).
    fn is_empty(&mut self) -> Result<bool, TargetError>;

    /// Puts `bytes` at `path` in place of what is there, making the folders it needs. A
    /// visitor reads the old file or the new one, never a part: the bytes are written under a
    /// temporary name beside it, then renamed over it.
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), TargetError>;

    /// Removes the file at `path` (nothing when there is none), then the folders this leaves
    /// empty, up to the root.
    fn remove(&mut self, path: &str) -> Result<(), TargetError>;

    /// Puts at `to` the file the target has at `from`, without sending its bytes, as
    /// [`Target::write`] would; false when the target cannot, and the bytes are then written.
    /// (A file moved, a record's bundle renamed, or a new file with the bytes of one the
    /// target has.)
    fn copy(&mut self, _from: &str, _to: &str) -> Result<bool, TargetError> {
        Ok(false)
    }
}

/// A file operation on a target failed; `detail` is the system's or server's own words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{target}: {path}: {detail}")]
pub struct TargetError {
    pub target: String,
    pub path: String,
    pub detail: String,
}

/// The temporary name a file is written under before it is renamed into place; a name
/// starting with `.` so that a listing of the folder and the web server pass over it.
pub fn temporary_name(path: &str) -> String {
    match path.rsplit_once('/') {
        Some((folder, name)) => format!("{folder}/.{name}.showcase-part"),
        None => format!(".{path}.showcase-part"),
    }
}

/// A folder on this machine.
pub struct FolderTarget {
    root: PathBuf,
}

impl FolderTarget {
    pub fn new(root: &Path) -> FolderTarget {
        FolderTarget {
            root: root.to_path_buf(),
        }
    }

    fn error(&self, path: &str, err: std::io::Error) -> TargetError {
        TargetError {
            target: self.describe(),
            path: path.to_string(),
            detail: err.to_string(),
        }
    }
}

impl Target for FolderTarget {
    fn describe(&self) -> String {
        self.root.display().to_string()
    }

    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, TargetError> {
        match std::fs::read(self.root.join(path)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(err) => Err(self.error(path, err)),
        }
    }

    fn is_empty(&mut self) -> Result<bool, TargetError> {
        match std::fs::read_dir(&self.root) {
            Ok(mut entries) => Ok(entries.next().is_none()),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(true),
            Err(err) => Err(self.error("", err)),
        }
    }

    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), TargetError> {
        let file = self.root.join(path);
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder).map_err(|err| self.error(path, err))?;
        }
        let part = self.root.join(temporary_name(path));
        std::fs::write(&part, bytes).map_err(|err| self.error(path, err))?;
        std::fs::rename(&part, &file).map_err(|err| {
            let _ = std::fs::remove_file(&part);
            self.error(path, err)
        })
    }

    fn copy(&mut self, from: &str, to: &str) -> Result<bool, TargetError> {
        let file = self.root.join(to);
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder).map_err(|err| self.error(to, err))?;
        }
        // A link is safe: files here are replaced by renaming, never changed in place.
        let part = self.root.join(temporary_name(to));
        let _ = std::fs::remove_file(&part);
        let linked = std::fs::hard_link(self.root.join(from), &part)
            .or_else(|_| std::fs::copy(self.root.join(from), &part).map(|_| ()));
        if linked.is_err() {
            return Ok(false);
        }
        std::fs::rename(&part, &file).map_err(|err| {
            let _ = std::fs::remove_file(&part);
            self.error(to, err)
        })?;
        Ok(true)
    }

    fn remove(&mut self, path: &str) -> Result<(), TargetError> {
        match std::fs::remove_file(self.root.join(path)) {
            Ok(()) => {}
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => return Err(self.error(path, err)),
        }
        // Folders left empty go too; the first that still holds something (or cannot be
        // removed) ends the walk up.
        let mut folder = Path::new(path).parent();
        while let Some(relative) = folder.filter(|f| !f.as_os_str().is_empty()) {
            if std::fs::remove_dir(self.root.join(relative)).is_err() {
                break;
            }
            folder = relative.parent();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_target_writes_reads_and_removes_files_with_their_empty_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let mut target = FolderTarget::new(&root);
        assert!(target.is_empty().unwrap());
        target.write("a/b/index.html", b"one").unwrap();
        target.write("a/b/index.html", b"two").unwrap();
        target.write("a/keep.css", b"css").unwrap();
        assert_eq!(target.read("a/b/index.html").unwrap().unwrap(), b"two");
        assert_eq!(target.read("a/none.html").unwrap(), None);
        assert!(!target.is_empty().unwrap());
        assert!(!root.join("a/b/.index.html.showcase-part").exists());
        assert!(target.copy("a/keep.css", "c/copy.css").unwrap());
        assert_eq!(target.read("c/copy.css").unwrap().unwrap(), b"css");
        assert!(!target.copy("a/none.css", "c/none.css").unwrap());
        target.remove("a/b/index.html").unwrap();
        target.remove("a/b/index.html").unwrap();
        assert!(!root.join("a/b").exists());
        assert!(root.join("a/keep.css").is_file());
    }

    #[test]
    fn temporary_names_are_hidden_files_beside_the_file() {
        assert_eq!(temporary_name("index.html"), ".index.html.showcase-part");
        assert_eq!(
            temporary_name("projects/x/index.html"),
            "projects/x/.index.html.showcase-part"
        );
    }
}
