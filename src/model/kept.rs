//! What `serve` keeps of each assembled record from one save to the next (issue 16). A record
//! whose files, bundle and surroundings are as they were is taken as it was built from the
//! site the update replaces, rather than copied out of the parse cache and built again: at
//! 10,000 records those copies and builds were a third of a saved title's work.
//!
//! Only what [`Builder::build`](super::assemble) gives is kept. Everything that depends on the
//! other records (terms, related records, order, versions) is worked out again on every
//! update, so a kept record cannot carry a stale neighbour or index.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use rustc_hash::FxHashMap;

use super::{Record, RecordKey};
use crate::content::fields::Located;
use crate::diagnostics::Diagnostics;

/// Each record's last build by its key. Between two updates the records themselves belong to
/// the served site; [`KeptRecords::give_back`] returns them when the site is replaced.
#[derive(Debug, Default)]
pub struct KeptRecords {
    builds: Mutex<FxHashMap<RecordKey, KeptBuild>>,
    /// Build every kept record again too and compare (`SHOWCASE_VERIFY_INCREMENTAL`).
    verify: bool,
    /// What verifying found: records whose kept build differs from a new one.
    stale: Mutex<Vec<String>>,
    /// Records the last update reused.
    reused: AtomicUsize,
}

/// One record's build: what it read (as a digest) and what it gave.
#[derive(Debug)]
pub(super) struct KeptBuild {
    /// A digest of everything the build read (`Builder::inputs` in `assemble.rs`).
    pub inputs: u64,
    /// The record's version as built, before `finish_versions` adds its surroundings.
    pub files_version: u64,
    /// Its `related` references and terms as written, resolved again on every update.
    pub related: Vec<Located<String>>,
    pub terms: BTreeMap<String, Vec<Located<String>>>,
    /// The problems the build found, reported again whenever the build is reused.
    pub diagnostics: Diagnostics,
    /// The record, once the site that held it has given it back (boxed: what an update
    /// moves around is then small).
    pub record: Option<Box<Record>>,
}

impl KeptRecords {
    /// A memo that, with `verify`, checks every reuse against a new build.
    pub fn new(verify: bool) -> KeptRecords {
        KeptRecords {
            verify,
            ..KeptRecords::default()
        }
    }

    /// Takes back the records of the site an update replaces.
    pub fn give_back(&self, records: Vec<Record>) {
        let mut builds = self.lock();
        for record in records {
            if let Some(build) = builds.get_mut(&record.key()) {
                build.record = Some(Box::new(record));
            }
        }
    }

    /// Forgets every build (`site.yaml` changed: every record reads it).
    pub fn clear(&self) {
        self.lock().clear();
    }

    /// Records whose kept build differed from a new one since the last call (verifying only).
    pub fn take_stale(&self) -> Vec<String> {
        std::mem::take(&mut *lock(&self.stale))
    }

    /// How many records the last update took as they were.
    pub fn reused(&self) -> usize {
        self.reused.load(Ordering::Relaxed)
    }

    pub(super) fn count_reuse(&self) {
        self.reused.fetch_add(1, Ordering::Relaxed);
    }

    pub(super) fn verifying(&self) -> bool {
        self.verify
    }

    pub(super) fn report_stale(&self, record: String) {
        lock(&self.stale).push(record);
    }

    /// Every build, for an update to take what it can reuse from.
    pub(super) fn take(&self) -> FxHashMap<RecordKey, KeptBuild> {
        self.reused.store(0, Ordering::Relaxed);
        std::mem::take(&mut *self.lock())
    }

    /// The builds of the site just assembled (its records are given back later).
    pub(super) fn keep(&self, builds: FxHashMap<RecordKey, KeptBuild>) {
        *self.lock() = builds;
    }

    fn lock(&self) -> MutexGuard<'_, FxHashMap<RecordKey, KeptBuild>> {
        lock(&self.builds)
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}
