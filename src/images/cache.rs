//! The image cache under the site, `.showcase/cache/images/`: one folder per photo and quality,
//! named by a hash of the photo's bytes and the settings that change the pixels, holding that
//! photo's variants (`960.webp`, `960.jpg`…); and `index.json`, which remembers each source
//! file's hash by its size and modification time (so an unchanged photo is not read again)
//! and what probing each hash found (so it is not parsed again). Every write is a temporary
//! file renamed into place: an interrupted build leaves no half file that a later build would
//! publish.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

/// Where the cache lives, relative to the site root.
pub const CACHE_DIR: &str = ".showcase/cache/images";
const INDEX: &str = "index.json";

/// What the index remembers of a source file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Seen {
    len: u64,
    modified_ns: u128,
    hash: String,
}

/// What probing a file found, by the hash of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Probed {
    /// Only readable files are remembered: a file with a problem is probed again next time.
    pub format: String,
    pub width: u32,
    pub height: u32,
    pub orientation: u8,
    pub animated: bool,
    pub alpha: bool,
    pub gps: bool,
    pub artist: Option<String>,
    pub copyright: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    files: BTreeMap<String, Seen>,
    probes: BTreeMap<String, Probed>,
}

#[derive(Debug)]
pub struct ImageCache {
    dir: PathBuf,
    index: Mutex<Index>,
    /// The index as read, to write it again only when it changed.
    loaded: Mutex<Option<String>>,
}

impl ImageCache {
    /// The cache of the site at `root`; an unreadable or foreign index is an empty one.
    pub fn open(root: &Path) -> ImageCache {
        let dir = root.join(CACHE_DIR);
        let text = std::fs::read_to_string(dir.join(INDEX)).ok();
        let index = text
            .as_deref()
            .and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default();
        ImageCache {
            dir,
            index: Mutex::new(index),
            loaded: Mutex::new(text),
        }
    }

    /// The hash of `source`'s bytes, from the index when its size and modification time are
    /// what they were; else read with `read` (which also returns the bytes, for probing).
    pub fn hash(&self, key: &str, path: &Path) -> std::io::Result<(String, Option<Vec<u8>>)> {
        let meta = std::fs::metadata(path)?;
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        let len = meta.len();
        if let Some(seen) = lock(&self.index).files.get(key)
            && seen.len == len
            && seen.modified_ns == modified_ns
            && modified_ns != 0
        {
            return Ok((seen.hash.clone(), None));
        }
        let bytes = std::fs::read(path)?;
        let hash = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&bytes));
        lock(&self.index).files.insert(
            key.to_string(),
            Seen {
                len: bytes.len() as u64,
                modified_ns,
                hash: hash.clone(),
            },
        );
        Ok((hash, Some(bytes)))
    }

    pub fn probed(&self, hash: &str) -> Option<Probed> {
        lock(&self.index).probes.get(hash).cloned()
    }

    pub fn remember(&self, hash: &str, probed: Probed) {
        lock(&self.index).probes.insert(hash.to_string(), probed);
    }

    /// The file of a variant in the folder `key`.
    pub fn file(&self, key: &str, name: &str) -> PathBuf {
        self.dir.join(key).join(name)
    }

    /// Puts a variant in place, whole or not at all.
    pub fn store(&self, key: &str, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        let folder = self.dir.join(key);
        std::fs::create_dir_all(&folder)?;
        // Unique in this process too: serve may make a variant while a rebuild runs.
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let serial = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let temporary = folder.join(format!(".{name}.{}.{serial}.tmp", std::process::id()));
        std::fs::write(&temporary, bytes)?;
        std::fs::rename(&temporary, folder.join(name)).inspect_err(|_| {
            let _ = std::fs::remove_file(&temporary);
        })
    }

    /// Keeps only what this build used: the index entries of `files` and their hashes, and
    /// the folders `keys`; writes the index when it changed. Failing to tidy the cache is not
    /// a reason to fail a build: the next one tries again.
    pub fn keep_only(&self, files: &[&str], keys: &[&str]) {
        {
            let mut index = lock(&self.index);
            index
                .files
                .retain(|key, _| files.binary_search(&key.as_str()).is_ok());
            let hashes: std::collections::BTreeSet<String> =
                index.files.values().map(|s| s.hash.clone()).collect();
            index.probes.retain(|hash, _| hashes.contains(hash));
        }
        if let Ok(folders) = std::fs::read_dir(&self.dir) {
            for folder in folders.flatten() {
                let name = folder.file_name().to_string_lossy().into_owned();
                let is_folder = folder.file_type().is_ok_and(|t| t.is_dir());
                if is_folder && keys.binary_search(&name.as_str()).is_err() {
                    let _ = std::fs::remove_dir_all(folder.path());
                }
            }
        }
        self.save();
    }

    /// Writes the index as it is now (serve keeps the cache between rebuilds).
    pub fn save(&self) {
        let text = serde_json::to_string(&*lock(&self.index)).unwrap_or_default();
        let mut loaded = lock(&self.loaded);
        if loaded.as_deref() != Some(text.as_str()) && self.write_index(&text).is_ok() {
            *loaded = Some(text);
        }
    }

    fn write_index(&self, text: &str) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        crate::output::replace_file(&self.dir.join(INDEX), text.as_bytes())
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_again_only_when_it_changed() {
        let dir = tempfile::tempdir().unwrap();
        let photo = dir.path().join("a.jpg");
        std::fs::write(&photo, b"first").unwrap();
        let cache = ImageCache::open(dir.path());
        let (first, bytes) = cache.hash("a.jpg", &photo).unwrap();
        assert!(bytes.is_some());
        let (again, bytes) = cache.hash("a.jpg", &photo).unwrap();
        assert_eq!((again.as_str(), bytes), (first.as_str(), None));
        std::fs::write(&photo, b"second, longer").unwrap();
        let (changed, bytes) = cache.hash("a.jpg", &photo).unwrap();
        assert_ne!(changed, first);
        assert!(bytes.is_some());
    }

    #[test]
    fn unused_folders_and_entries_are_removed_and_the_index_survives_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let photo = dir.path().join("a.jpg");
        std::fs::write(&photo, b"bytes").unwrap();
        let cache = ImageCache::open(dir.path());
        let (hash, _) = cache.hash("a.jpg", &photo).unwrap();
        cache.store("kept", "480.webp", b"w").unwrap();
        cache.store("gone", "480.webp", b"w").unwrap();
        cache.keep_only(&["a.jpg"], &["kept"]);
        assert!(cache.file("kept", "480.webp").exists());
        assert!(!dir.path().join(CACHE_DIR).join("gone").exists());
        let reopened = ImageCache::open(dir.path());
        assert_eq!(reopened.hash("a.jpg", &photo).unwrap(), (hash, None));
    }
}
