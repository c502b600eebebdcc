//! The manifest a target keeps of what `publish` put there: each file's path and a digest of
//! its bytes, and the record pages it serves (for `W-url-gone` and `--allow-gone`). It is how
//! a publish knows what changed without reading the target's files, and how it tells a target
//! of its own from a folder that holds someone else's files.
//!
//! While files are being replaced, the manifest says which of them may be half done: a file
//! being written has the digest [`UNKNOWN`] (so the next publish writes it again whatever it
//! holds), and a file being removed is still listed (so the next publish removes it). An
//! interrupted publish is therefore finished by the next one.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::record_pages::RecordPages;

/// The manifest's name, at the target's root. It starts with `.` so that a web server
/// configured as the README says does not serve it.
pub const MANIFEST: &str = ".showcase-publish.json";

/// The digest of a file that may have been written only in part.
pub const UNKNOWN: &str = "";

/// What the manifest's `format` says; another value is a manifest this showcase cannot read.
const FORMAT: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    format: u32,
    /// Path → digest of the bytes (128-bit xxh3, hex), or [`UNKNOWN`].
    pub files: BTreeMap<String, String>,
    /// Address of a record page → the record (`collection/id`).
    pub pages: BTreeMap<String, String>,
}

impl Manifest {
    pub fn new(files: BTreeMap<String, String>, pages: &RecordPages) -> Manifest {
        Manifest {
            format: FORMAT,
            files,
            pages: pages.0.clone(),
        }
    }

    /// Reads a manifest; `None` when the bytes are not one this showcase wrote.
    pub fn parse(bytes: &[u8]) -> Option<Manifest> {
        let manifest: Manifest = serde_json::from_slice(bytes).ok()?;
        (manifest.format == FORMAT).then_some(manifest)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    pub fn record_pages(&self) -> RecordPages {
        RecordPages(self.pages.clone())
    }
}

/// The digest the manifest keeps of a file's bytes.
pub fn digest(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_reads_back_and_a_foreign_json_file_is_not_one() {
        let pages = RecordPages(BTreeMap::from([("/p/a/".into(), "p/a".into())]));
        let manifest = Manifest::new(
            BTreeMap::from([("index.html".into(), digest(b"<html>"))]),
            &pages,
        );
        assert_eq!(
            Manifest::parse(&manifest.to_bytes()),
            Some(manifest.clone())
        );
        assert_eq!(manifest.record_pages(), pages);
        assert_eq!(Manifest::parse(b"{\"files\": {}}"), None);
        assert_eq!(Manifest::parse(b"not json"), None);
        assert_ne!(digest(b"a"), digest(b"b"));
        assert_eq!(digest(b"a").len(), 32);
    }
}
