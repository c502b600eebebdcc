//! Where `serve` keeps the files it serves: on disk, not in memory (issue 16; Hugo's server
//! writes to disk by default too). Each distinct content is one file named by the hash of its
//! bytes (a blob), in a folder of this server's own under the site's `.showcase/serve/`, and
//! a served site is a map from output path to blob ([`Files`]), a few megabytes for 35,000
//! files. Blobs never change once written, so a new site is made beside the served one and
//! swapped in by replacing the map: a request reads the site it started with, and a build that
//! fails leaves the served site untouched. A file whose bytes did not change keeps its blob and
//! is not written again; what no recent site refers to is deleted ([`Store::collect`]).

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use rustc_hash::{FxHashMap, FxHashSet};
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// Where the stores live, relative to the site root (hidden: never published).
pub const SERVE_DIR: &str = ".showcase/serve";

/// One stored content: the hash of its bytes, and their length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Blob {
    hash: u128,
    pub len: u64,
}

/// A served site: output path ("projects/x/index.html") → the blob of its bytes, as `build`
/// would write them.
#[derive(Clone)]
pub struct Files {
    store: Arc<Store>,
    /// Fx rather than std's SipHash: every update looks up and inserts every output path
    /// (35,000 at 10,000 records), and the paths are the site's own, not a stranger's.
    entries: FxHashMap<String, Blob>,
}

impl Files {
    pub fn new(store: Arc<Store>) -> Files {
        Files::with_capacity(store, 0)
    }

    /// An empty site with room for `capacity` files without growing.
    pub fn with_capacity(store: Arc<Store>, capacity: usize) -> Files {
        Files {
            store,
            entries: FxHashMap::with_capacity_and_hasher(capacity, Default::default()),
        }
    }

    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }

    pub fn get(&self, path: &str) -> Option<Blob> {
        self.entries.get(path).copied()
    }

    pub fn contains_key(&self, path: &str) -> bool {
        self.entries.contains_key(path)
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.keys()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Blob)> {
        self.entries.iter()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn insert(&mut self, path: String, blob: Blob) {
        self.entries.insert(path, blob);
    }

    pub fn remove(&mut self, path: &str) -> Option<Blob> {
        self.entries.remove(path)
    }

    /// Adds (or replaces) the files of `other`, of the same store.
    pub fn extend(&mut self, other: Files) {
        self.entries.extend(other.entries);
    }

    /// The file at `path`, to read a part at a time; `None` when the site has no such file.
    pub fn open(&self, path: &str) -> Option<io::Result<BlobFile>> {
        let blob = self.get(path)?;
        Some(File::open(self.store.path(blob.hash)).map(|file| BlobFile { file, blob }))
    }

    /// A site of `entries` (path, bytes), stored in `store` (for tests).
    #[cfg(test)]
    pub fn of(store: &Arc<Store>, entries: &[(&str, &[u8])]) -> Files {
        let mut files = Files::new(store.clone());
        for (path, bytes) in entries {
            files.insert(path.to_string(), store.write(bytes).unwrap());
        }
        files
    }

    /// The bytes of the file at `path`; `None` when the site has no such file.
    pub fn read(&self, path: &str) -> Option<io::Result<Arc<[u8]>>> {
        Some(self.store.read(self.get(path)?))
    }
}

/// A folder of blobs, owned by one server: a lock file beside it says the folder is in use,
/// and the folder is deleted when the store is dropped (or, after a crash, by the next server
/// of the site, which finds the lock free).
pub struct Store {
    dir: PathBuf,
    lock_path: PathBuf,
    _lock: File,
    /// The blobs on disk (by their hash, which Fx hashes cheaply and well).
    present: Mutex<FxHashSet<u128>>,
    /// Names files being written, which are renamed to their blob once complete.
    next_temporary: AtomicU64,
}

impl Store {
    /// A new, empty store for a server of the site at `root`; folders of servers that are gone
    /// are deleted.
    pub fn open(root: &Path) -> io::Result<Store> {
        let parent = root.join(SERVE_DIR);
        std::fs::create_dir_all(&parent)?;
        remove_abandoned(&parent);
        // Tests run several servers in one process.
        static OPENED: AtomicU64 = AtomicU64::new(0);
        let n = OPENED.fetch_add(1, Ordering::Relaxed);
        let name = format!("{}-{n}", std::process::id());
        let lock_path = parent.join(format!("{name}.lock"));
        let lock = File::create(&lock_path)?;
        lock.lock()?;
        let dir = parent.join(name);
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        for fan in 0..=255u8 {
            std::fs::create_dir_all(dir.join(format!("{fan:02x}")))?;
        }
        Ok(Store {
            dir,
            lock_path,
            _lock: lock,
            present: Mutex::default(),
            next_temporary: AtomicU64::new(0),
        })
    }

    /// Stores `bytes` (written only when no blob has them yet).
    pub fn write(&self, bytes: &[u8]) -> io::Result<Blob> {
        let blob = Blob {
            hash: xxh3_128(bytes),
            len: bytes.len() as u64,
        };
        if self.lock().contains(&blob.hash) {
            return Ok(blob);
        }
        let temporary = self.temporary();
        std::fs::write(&temporary, bytes)?;
        self.settle(&temporary, blob)?;
        Ok(blob)
    }

    /// A blob written in parts.
    pub fn writer(&self) -> io::Result<BlobWriter> {
        let path = self.temporary();
        let file = File::create(&path)?;
        Ok(BlobWriter {
            path,
            file: io::BufWriter::with_capacity(1 << 20, file),
            hasher: Xxh3::new(),
            len: 0,
        })
    }

    pub fn read(&self, blob: Blob) -> io::Result<Arc<[u8]>> {
        Ok(Arc::from(std::fs::read(self.path(blob.hash))?))
    }

    /// Deletes every blob that none of `sites` refers to, on a thread of its own (after an
    /// update that changed every page, that is 35,000 files at 10,000 records): the handle
    /// tells when it is done.
    pub fn collect(self: &Arc<Self>, sites: &[&Files]) -> std::thread::JoinHandle<()> {
        let used: FxHashSet<u128> = sites
            .iter()
            .flat_map(|files| files.entries.values().map(|blob| blob.hash))
            .collect();
        let unused: Vec<u128> = {
            let mut present = self.lock();
            let unused = present
                .iter()
                .filter(|hash| !used.contains(hash))
                .copied()
                .collect();
            present.retain(|hash| used.contains(hash));
            unused
        };
        let store = self.clone();
        std::thread::spawn(move || {
            for hash in unused {
                // Written again meanwhile, it stays (a blob is made under the same lock).
                let present = store.lock();
                if !present.contains(&hash) {
                    let _ = std::fs::remove_file(store.path(hash));
                }
            }
        })
    }

    fn path(&self, hash: u128) -> PathBuf {
        let name = format!("{hash:032x}");
        self.dir.join(&name[..2]).join(&name[2..])
    }

    fn temporary(&self) -> PathBuf {
        let n = self.next_temporary.fetch_add(1, Ordering::Relaxed);
        self.dir.join(format!("writing-{n}"))
    }

    /// Makes the complete file `temporary` the blob `blob`.
    fn settle(&self, temporary: &Path, blob: Blob) -> io::Result<()> {
        // Under the lock: `collect` deletes a blob only while it is not present.
        let mut present = self.lock();
        if present.contains(&blob.hash) {
            drop(present);
            return std::fs::remove_file(temporary);
        }
        std::fs::rename(temporary, self.path(blob.hash))?;
        present.insert(blob.hash);
        Ok(())
    }

    fn lock(&self) -> MutexGuard<'_, FxHashSet<u128>> {
        self.present.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
        let _ = std::fs::remove_file(&self.lock_path);
    }
}

/// Deletes the folders in `parent` whose server is gone: their lock file can be locked.
fn remove_abandoned(parent: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let lock_path = entry.path();
        if lock_path.extension().is_none_or(|ext| ext != "lock") {
            continue;
        }
        let Ok(lock) = File::open(&lock_path) else {
            continue;
        };
        if lock.try_lock().is_ok() {
            let _ = std::fs::remove_dir_all(lock_path.with_extension(""));
            drop(lock);
            let _ = std::fs::remove_file(&lock_path);
        }
    }
}

/// A blob opened to be read a part at a time.
pub struct BlobFile {
    file: File,
    blob: Blob,
}

impl crate::output::PreviousFile for BlobFile {
    fn len(&self) -> usize {
        self.blob.len as usize
    }

    fn read(&mut self, range: std::ops::Range<usize>) -> io::Result<Vec<u8>> {
        use std::io::{Read, Seek, SeekFrom};
        self.file.seek(SeekFrom::Start(range.start as u64))?;
        let mut bytes = vec![0; range.len()];
        self.file.read_exact(&mut bytes)?;
        Ok(bytes)
    }
}

/// A blob being written in parts (the booklet), hashed as it goes.
pub struct BlobWriter {
    path: PathBuf,
    file: io::BufWriter<File>,
    hasher: Xxh3,
    len: u64,
}

impl BlobWriter {
    pub fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.hasher.update(bytes);
        self.len += bytes.len() as u64;
        self.file.write_all(bytes)
    }

    pub fn finish(self, store: &Store) -> io::Result<Blob> {
        let blob = Blob {
            hash: self.hasher.digest128(),
            len: self.len,
        };
        let file = self.file.into_inner().map_err(|e| e.into_error())?;
        drop(file);
        store.settle(&self.path, blob)?;
        Ok(blob)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(store: &Arc<Store>, entries: &[(&str, &str)]) -> Files {
        let entries: Vec<(&str, &[u8])> = entries.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
        Files::of(store, &entries)
    }

    fn blobs_on_disk(store: &Store) -> usize {
        walkdir::WalkDir::new(&store.dir)
            .into_iter()
            .filter(|e| e.as_ref().unwrap().file_type().is_file())
            .count()
    }

    #[test]
    fn equal_bytes_are_stored_once_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open(dir.path()).unwrap());
        let site = files(
            &store,
            &[("a.html", "同"), ("b.html", "同"), ("c.css", "x")],
        );
        assert_eq!(site.get("a.html"), site.get("b.html"));
        assert_eq!(blobs_on_disk(&store), 2);
        assert_eq!(&*site.read("b.html").unwrap().unwrap(), "同".as_bytes());
        assert!(site.read("d.html").is_none());

        let mut writer = store.writer().unwrap();
        writer.write("同".as_bytes()).unwrap();
        writer.write(b"").unwrap();
        assert_eq!(Some(writer.finish(&store).unwrap()), site.get("a.html"));
        assert_eq!(
            blobs_on_disk(&store),
            2,
            "the part-written copy was dropped"
        );
    }

    #[test]
    fn blobs_no_recent_site_uses_are_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open(dir.path()).unwrap());
        let old = files(&store, &[("a.html", "old"), ("b.html", "kept")]);
        let new = files(&store, &[("a.html", "new"), ("b.html", "kept")]);
        let _failed = files(&store, &[("a.html", "never served")]);
        assert_eq!(blobs_on_disk(&store), 4);
        store.collect(&[&new, &old]).join().unwrap();
        assert_eq!(blobs_on_disk(&store), 3);
        store.collect(&[&new]).join().unwrap();
        assert_eq!(blobs_on_disk(&store), 2);
        assert!(new.read("a.html").unwrap().is_ok());
        // A blob written again after it was collected, before it was deleted, stays.
        let unused = store.collect(&[]);
        let again = files(&store, &[("b.html", "kept")]);
        unused.join().unwrap();
        assert!(again.read("b.html").unwrap().is_ok());
    }

    #[test]
    fn a_store_is_removed_when_dropped_and_an_abandoned_one_by_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let parent = dir.path().join(SERVE_DIR);
        // What a server killed without a chance to clean up leaves behind.
        std::fs::create_dir_all(parent.join("999999999/ab")).unwrap();
        std::fs::write(parent.join("999999999/ab/cd"), "x").unwrap();
        std::fs::write(parent.join("999999999.lock"), "").unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert!(!parent.join("999999999").exists());
        assert!(!parent.join("999999999.lock").exists());
        let own = store.dir.clone();
        assert!(own.is_dir());
        drop(store);
        assert!(!own.exists());
        assert_eq!(std::fs::read_dir(&parent).unwrap().count(), 0);
    }
}
