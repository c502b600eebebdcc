//! The site as one immutable value (STYLE: "`Site` is a value"): records paired across
//! languages with shared fields inherited, slugs, resolved references, sorted collections and
//! taxonomies. Built by [`assemble`] from the config and the parsed content; what pages ask of
//! it (records shown per language, years, related records, neighbours) is answered once by
//! [`Index`]. No IO here.

pub mod aliases;
mod assemble;
mod index;
mod kept;
pub mod record_pages;
pub mod routes;
pub mod slug;
mod versions;
pub mod volumes;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;

pub use assemble::{AssembleOptions, assemble, slash_path};
pub use index::{Index, Similar};
pub use kept::KeptRecords;
pub use versions::VersionMemo;

use crate::config::SiteConfig;
use crate::content::fields::{Body, FieldValue, Located, SourceLink};
use crate::diagnostics::Location;
use crate::images::Catalog;
use crate::localized::Localized;

/// How a record appears in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Written in this language.
    Translated,
    /// Shown with the default language's text, marked untranslated (SPEC §4, `fallback`).
    Fallback,
}

/// A picture content names, resolved: where the file is published, and where it was named.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageRef {
    /// The URL the file itself would have (or the address of a picture from an allowed host).
    pub url: String,
    /// The file's output path, when it is a file of the site (a bundle's or `static/`'s): what
    /// `images::Catalog` knows it by.
    pub file: Option<String>,
    /// Where content names it.
    pub at: Location,
}

/// A gallery picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub image: ImageRef,
    pub caption: Localized<String>,
    pub credit: Localized<String>,
}

/// One showcase record — a model project (示范项目 / 시범사업), a branding item (党建品牌) or a
/// typical case (典型案例) — in all its languages.
#[derive(Debug, Clone)]
pub struct Record {
    pub collection: String,
    pub id: String,
    pub slug: String,
    /// The default-language file.
    pub path: PathBuf,
    pub date: Date,
    pub updated: Option<Date>,
    pub featured: bool,
    pub weight: i64,
    pub title: Localized<String>,
    pub summary: Localized<String>,
    /// The Markdown body per language, with where it starts in its file.
    pub body: Localized<Body>,
    /// Taxonomy key → indices into that taxonomy's terms.
    pub terms: BTreeMap<String, Vec<usize>>,
    /// Indices of explicitly related records, in the order written.
    pub related: Vec<usize>,
    /// Old addresses of the record's pages, which redirect to them (issue 17).
    pub aliases: Vec<Located<aliases::Alias>>,
    pub source: Option<SourceLink>,
    pub fields: BTreeMap<String, FieldValue>,
    /// Image fields resolved, by field name.
    pub images: BTreeMap<String, ImageRef>,
    /// Gallery fields resolved, by field name.
    pub galleries: BTreeMap<String, Vec<Picture>>,
    /// Languages the record is published in, and how.
    pub presence: BTreeMap<String, Presence>,
    /// The bundle folder's published URL, when the record is a bundle.
    pub assets_url: Option<String>,
    /// Bundle files by their path inside the bundle, for relative links in the body.
    pub bundle_files: Vec<String>,
    /// A digest of everything the record is made of: its files, and what assembling gave
    /// (slug, languages, bundle files, related records). Two records with one version show
    /// the same wherever the rest of the site is the same; `serve` compares versions to tell
    /// which records a change touched (issue 16).
    pub version: u64,
    /// Per language the record is shown in, a digest of what it shows there (see
    /// [`Record::version_in`]): an edit of the Chinese text leaves the Korean pages alone.
    pub versions: BTreeMap<String, u64>,
}

/// A record's identity (its collection and id) as a number: what `serve` keeps of a record
/// from one update to the next is found by it without copying two strings per record. Should
/// two records ever share one, the kept entry's version does not match and it is made again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RecordKey(u64);

impl RecordKey {
    pub fn of(collection: &str, id: &str) -> RecordKey {
        RecordKey(
            crate::digest::Digest::new()
                .add(collection)
                .add(id)
                .finish(),
        )
    }
}

impl Record {
    /// See [`RecordKey`].
    pub fn key(&self) -> RecordKey {
        RecordKey::of(&self.collection, &self.id)
    }

    pub fn is_in(&self, lang: &str) -> bool {
        self.presence.contains_key(lang)
    }

    /// A digest of what the record's pages in `lang` show of it: its version where it has none
    /// for the language (which is then not shown there).
    pub fn version_in(&self, lang: &str) -> u64 {
        self.versions.get(lang).copied().unwrap_or(self.version)
    }

    /// Adds where the record is to `digest`: its collection, id, slug and languages (what a
    /// link to it reads).
    pub fn add_place(&self, digest: &mut crate::digest::Digest) {
        digest.add(&self.collection).add(&self.id).add(&self.slug);
        for lang in self.presence.keys() {
            digest.add(lang);
        }
    }

    /// The first image field, used as the record's cover.
    pub fn cover(&self) -> Option<&ImageRef> {
        self.images.values().next()
    }
}

#[derive(Debug, Clone)]
pub struct Term {
    pub id: String,
    pub slug: String,
    pub name: Localized<String>,
    /// Records with this term, in site order.
    pub records: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub key: String,
    pub terms: Vec<Term>,
}

/// A collection's records in its sort order.
#[derive(Debug, Clone)]
pub struct Collection {
    pub key: String,
    pub records: Vec<usize>,
}

/// An introduction text (`_index.<lang>.md`).
#[derive(Debug, Clone)]
pub struct Intro {
    pub title: Option<String>,
    pub body: Located<String>,
}

/// A file copied to the output as it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StaticFile {
    /// Path relative to the site root.
    pub source: PathBuf,
    /// Path relative to the output folder.
    pub dest: String,
}

/// Finds records by `collection/id` or a unique bare id.
#[derive(Debug, Clone, Default)]
pub struct RecordLookup {
    by_key: BTreeMap<(String, String), usize>,
    by_id: BTreeMap<String, Vec<usize>>,
}

impl RecordLookup {
    pub fn new(records: &[Record]) -> Self {
        let mut lookup = RecordLookup {
            by_key: BTreeMap::new(),
            by_id: BTreeMap::new(),
        };
        for (i, r) in records.iter().enumerate() {
            lookup
                .by_key
                .insert((r.collection.clone(), r.id.clone()), i);
            lookup.by_id.entry(r.id.clone()).or_default().push(i);
        }
        lookup
    }

    pub fn find(&self, reference: &str) -> Option<usize> {
        let reference = reference
            .trim()
            .trim_start_matches("@/")
            .trim_end_matches(".md")
            .trim_matches('/');
        match reference.split_once('/') {
            Some((collection, id)) => self
                .by_key
                .get(&(collection.to_string(), id.to_string()))
                .copied(),
            None => match self.by_id.get(reference).map(Vec::as_slice) {
                Some([only]) => Some(*only),
                _ => None,
            },
        }
    }

    pub fn keys(&self) -> Vec<String> {
        self.by_key
            .keys()
            .map(|(c, i)| format!("{c}/{i}"))
            .collect()
    }
}

#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    pub records: Vec<Record>,
    pub collections: Vec<Collection>,
    pub taxonomies: Vec<Taxonomy>,
    /// `(collection or None for home, lang)` → introduction.
    pub intros: BTreeMap<(Option<String>, String), Intro>,
    pub static_files: Vec<StaticFile>,
    pub lookup: RecordLookup,
    /// `collection/id` of records that exist as files but are not published, and why.
    pub unpublished: BTreeMap<String, Unpublished>,
    /// What is published for each picture file (issue 15): planned by `images::plan` once the
    /// site is assembled, empty until then.
    pub pictures: Arc<Catalog>,
    /// [`Site::inputs_digest`], once asked for (the site is complete by then).
    pub inputs: std::sync::OnceLock<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unpublished {
    Draft,
    /// The record has errors of its own.
    Broken,
}

impl Site {
    pub fn default_lang(&self) -> &str {
        self.config.default_lang()
    }

    /// A digest of everything of the site but its records' own contents: site.yaml, terms,
    /// introductions, files and pictures, and where every record is (a link to a record
    /// renders its URL). Together with [`Record::version`] it says what any text or page of
    /// the site was made from, but for the theme.
    pub fn inputs_digest(&self) -> u64 {
        *self.inputs.get_or_init(|| self.digest_inputs())
    }

    fn digest_inputs(&self) -> u64 {
        let mut digest = crate::digest::Digest::new();
        digest
            .add_debug(&self.config)
            .add_debug(&self.intros)
            .add(&self.static_files)
            .add_debug(&self.unpublished)
            .add(&self.pictures.digest());
        for taxonomy in &self.taxonomies {
            digest.add(&taxonomy.key);
            for term in &taxonomy.terms {
                digest.add(&term.id).add(&term.slug).add_debug(&term.name);
            }
        }
        // Where each record is, whatever the order: a date that moves a record in its list
        // changes the lists (which declare what they read), not every text.
        let places = self.records.iter().fold(0u64, |sum, record| {
            let mut place = crate::digest::Digest::new();
            place
                .add(&record.collection)
                .add(&record.id)
                .add(&record.slug);
            for lang in record.presence.keys() {
                place.add(lang);
            }
            sum.wrapping_add(place.finish())
        });
        digest.add(&places);
        digest.finish()
    }

    /// Frees the Markdown of every body once it has been rendered: a build does not need it
    /// again, and at 10,000 records it is over 100 MB.
    pub fn release_markdown(&mut self) {
        for record in &mut self.records {
            record.body = Localized::default();
        }
        for intro in self.intros.values_mut() {
            intro.body.value = String::new();
        }
    }

    /// Finds a record by `collection/id` (or a bare id when it is unique in the site).
    pub fn find(&self, reference: &str) -> Option<usize> {
        self.lookup.find(reference)
    }

    /// Why `reference` names no published record, when it names a file that exists.
    pub fn unpublished(&self, reference: &str) -> Option<Unpublished> {
        unpublished_reason(&self.unpublished, reference)
    }
}

/// Why a referenced record is missing from the site, if it exists as a file.
pub(crate) fn unpublished_reason(
    unpublished: &BTreeMap<String, Unpublished>,
    reference: &str,
) -> Option<Unpublished> {
    let reference = reference
        .trim()
        .trim_start_matches("@/")
        .trim_end_matches(".md")
        .trim_matches('/');
    if reference.contains('/') {
        return unpublished.get(reference).copied();
    }
    unpublished
        .iter()
        .find(|(key, _)| key.rsplit('/').next() == Some(reference))
        .map(|(_, reason)| *reason)
}
