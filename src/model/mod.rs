//! The site as one immutable value (STYLE: "`Site` is a value"): records paired across
//! languages with shared fields inherited, slugs, resolved references, sorted collections and
//! taxonomies. Built by [`assemble`] from the config and the parsed content; no IO here.

mod assemble;
pub mod routes;
pub mod slug;

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::civil::Date;

pub use assemble::{AssembleOptions, assemble};

use crate::config::SiteConfig;
use crate::content::fields::{FieldValue, Located, SourceLink};
use crate::localized::Localized;

/// How a record appears in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Written in this language.
    Translated,
    /// Shown with the default language's text, marked untranslated (SPEC §4, `fallback`).
    Fallback,
}

/// A picture with its published URL.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub url: String,
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
    pub body: Localized<Located<String>>,
    /// Taxonomy key → indices into that taxonomy's terms.
    pub terms: BTreeMap<String, Vec<usize>>,
    /// Indices of explicitly related records, in the order written.
    pub related: Vec<usize>,
    pub source: Option<SourceLink>,
    pub fields: BTreeMap<String, FieldValue>,
    /// Image fields resolved to URLs, by field name.
    pub images: BTreeMap<String, String>,
    /// Gallery fields resolved to URLs, by field name.
    pub galleries: BTreeMap<String, Vec<Picture>>,
    /// Languages the record is published in, and how.
    pub presence: BTreeMap<String, Presence>,
    /// The bundle folder's published URL, when the record is a bundle.
    pub assets_url: Option<String>,
    /// Bundle files by their path inside the bundle, for relative links in the body.
    pub bundle_files: Vec<String>,
}

impl Record {
    pub fn is_in(&self, lang: &str) -> bool {
        self.presence.contains_key(lang)
    }

    /// The first image field's URL, used as the record's cover.
    pub fn cover(&self) -> Option<&str> {
        self.images.values().next().map(String::as_str)
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
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
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

    /// The records of a collection shown in `lang`, in order.
    pub fn records_in<'a>(
        &'a self,
        collection: &'a Collection,
        lang: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        collection
            .records
            .iter()
            .copied()
            .filter(move |&i| self.records[i].is_in(lang))
    }

    /// Finds a record by `collection/id` (or a bare id when it is unique in the site).
    pub fn find(&self, reference: &str) -> Option<usize> {
        self.lookup.find(reference)
    }

    /// Why `reference` names no published record, when it names a file that exists.
    pub fn unpublished(&self, reference: &str) -> Option<Unpublished> {
        unpublished_reason(&self.unpublished, reference)
    }

    /// For every record, up to `limit` records that share terms with it: most shared terms
    /// first, then newest, then in site order. Computed for all records at once, in parallel,
    /// with a dense counter per thread and a partial selection, so the cost is the number of
    /// shared memberships, not the number of pairs.
    pub fn similar_records(&self, limit: usize) -> Vec<Vec<usize>> {
        use rayon::prelude::*;
        let count = self.records.len();
        (0..count)
            .into_par_iter()
            .map_init(
                || (vec![0u32; count], Vec::new()),
                |(shared, touched), index| self.similar_to(index, limit, shared, touched),
            )
            .collect()
    }

    /// `shared` is all zeros on entry and on return; `touched` is scratch space.
    fn similar_to(
        &self,
        index: usize,
        limit: usize,
        shared: &mut [u32],
        touched: &mut Vec<usize>,
    ) -> Vec<usize> {
        touched.clear();
        for (taxonomy_key, terms) in &self.records[index].terms {
            let Some(taxonomy) = self.taxonomies.iter().find(|t| &t.key == taxonomy_key) else {
                continue;
            };
            for &term in terms {
                for &other in &taxonomy.terms[term].records {
                    if other != index {
                        if shared[other] == 0 {
                            touched.push(other);
                        }
                        shared[other] += 1;
                    }
                }
            }
        }
        let rank = |&a: &usize, &b: &usize| {
            shared[b]
                .cmp(&shared[a])
                .then(self.records[b].date.cmp(&self.records[a].date))
                .then(a.cmp(&b))
        };
        if touched.len() > limit {
            touched.select_nth_unstable_by(limit, rank);
        }
        let mut best: Vec<usize> = touched.iter().copied().take(limit).collect();
        best.sort_by(rank);
        for &other in touched.iter() {
            shared[other] = 0;
        }
        best
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
