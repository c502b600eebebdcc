//! The queries pages ask of a [`Site`] again and again, answered once (issue 16): the records
//! of each collection and term shown in a language, the years, the related records, the
//! previous and next record, a record's collection and languages, the volumes of the compilation. [`Index::new`] builds it
//! from the site alone, in parallel where the work is per record. It holds positions in
//! `site.records`, never records, and names no language, collection or taxonomy: those are
//! the site's data. It does no IO and formats nothing (pages and URLs are `render`'s).

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::volumes::{self, Volume};
use super::{Presence, Site};

/// Related records shown on a record page, at most.
pub const RELATED: usize = 6;

/// Records sharing terms with a record, kept per record before they are filtered by
/// language: twice [`RELATED`], so that a language missing some of them still has enough.
const SIMILAR: usize = RELATED * 2;

/// What the site shows, asked by position: collections, taxonomies and terms are numbered as
/// in `Site`, records by their position in `site.records`. A language the site does not have
/// shows nothing.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Per language of the site, in the site's order (the first is the default).
    languages: Vec<Shown>,
    /// Per record: how it is shown in each language, in the order of `languages`.
    presence: Vec<Vec<Option<Presence>>>,
    /// Per record: its related records in each language, in the order of `languages`.
    related: Vec<Vec<Vec<usize>>>,
    /// Per record: the position of its collection.
    collection_of: Vec<usize>,
    /// The year of the newest record in any language.
    latest_year: i16,
    /// The volumes of the printed compilation.
    volumes: Vec<Volume>,
    /// The records sharing terms with each record, with what they were found from.
    similar: Similar,
}

/// For each record, the records sharing terms with it (before they are filtered by
/// language), and a digest of what they are found from: every record's place, date and
/// terms. A save that changes none of these (a title, a body, a translation) finds them as
/// they were, and `serve` hands them to the next index rather than finding them again: they
/// are the index's largest part of the work.
#[derive(Debug, Clone, Default)]
pub struct Similar {
    digest: u64,
    lists: Arc<Vec<Vec<usize>>>,
}

impl Similar {
    /// The similar records of `site`, taken from `kept` when they were found from the same.
    fn of(site: &Site, kept: Option<Similar>) -> Similar {
        let digest = similarity_inputs(site);
        match kept {
            Some(kept) if kept.digest == digest && kept.lists.len() == site.records.len() => kept,
            _ => Similar {
                digest,
                lists: Arc::new(similar_records(site, SIMILAR)),
            },
        }
    }
}

/// What the similar records of `site` are found from.
fn similarity_inputs(site: &Site) -> u64 {
    let mut digest = crate::digest::Digest::new();
    for taxonomy in &site.taxonomies {
        digest.add(&taxonomy.key).add(&taxonomy.terms.len());
    }
    for record in &site.records {
        digest.add(&record.date).add(&record.terms);
    }
    digest.finish()
}

/// What one language shows.
#[derive(Debug, Clone, Default)]
struct Shown {
    code: String,
    /// Per collection: its records shown in this language, in site order.
    collections: Vec<Vec<usize>>,
    /// Per taxonomy, per term: its records shown in this language, in site order.
    terms: Vec<Vec<Vec<usize>>>,
    /// Year → the records of that year shown in this language, newest first.
    years: BTreeMap<i16, Vec<usize>>,
}

/// The year list of a language the site does not have.
static NO_YEARS: BTreeMap<i16, Vec<usize>> = BTreeMap::new();

impl Index {
    /// Answers every query for `site`. The record lists of each language are made on one
    /// side and the related records, per record, on the other.
    pub fn new(site: &Site) -> Index {
        Index::keeping(site, None)
    }

    /// [`Index::new`], taking the similar records `kept` (of the last index) has when they
    /// were found from what they would be found from now.
    pub fn keeping(site: &Site, kept: Option<Similar>) -> Index {
        let codes: Vec<&str> = site
            .config
            .languages
            .iter()
            .map(|l| l.code.as_str())
            .collect();
        let ((languages, collection_of), (presence_related, similar)) = rayon::join(
            || {
                rayon::join(
                    || {
                        codes
                            .par_iter()
                            .map(|code| Shown::new(site, code))
                            .collect()
                    },
                    || {
                        site.records
                            .iter()
                            .map(|record| {
                                site.collections
                                    .iter()
                                    .position(|c| c.key == record.collection)
                                    .unwrap_or(0)
                            })
                            .collect()
                    },
                )
            },
            || {
                let similar = Similar::of(site, kept);
                let lists: (Vec<_>, Vec<_>) = site
                    .records
                    .par_iter()
                    .zip(similar.lists.par_iter())
                    .enumerate()
                    .map(|(index, (record, similar))| {
                        let presence: Vec<Option<Presence>> = codes
                            .iter()
                            .map(|code| record.presence.get(*code).copied())
                            .collect();
                        let related = codes
                            .iter()
                            .zip(&presence)
                            .map(|(code, presence)| match presence {
                                Some(_) => related_in(site, index, similar, code),
                                None => Vec::new(),
                            })
                            .collect();
                        (presence, related)
                    })
                    .unzip();
                (lists, similar)
            },
        );
        let (presence, related) = presence_related;
        Index {
            languages,
            presence,
            related,
            collection_of,
            latest_year: site
                .records
                .iter()
                .map(|r| r.date.year())
                .max()
                .unwrap_or(2000),
            volumes: volumes::divide(site),
            similar,
        }
    }

    /// The similar records found for this index, for the next one to take.
    pub fn similar(&self) -> Similar {
        self.similar.clone()
    }

    /// The volumes of the printed compilation, in the order they are listed.
    pub fn volumes(&self) -> &[Volume] {
        &self.volumes
    }

    /// The volume `key`.
    pub fn volume(&self, key: &str) -> Option<&Volume> {
        self.volumes.iter().find(|volume| volume.key == key)
    }

    fn shown(&self, lang: &str) -> Option<&Shown> {
        self.languages.iter().find(|shown| shown.code == lang)
    }

    fn language(&self, lang: &str) -> Option<usize> {
        self.languages.iter().position(|shown| shown.code == lang)
    }

    /// Collection `collection`'s records shown in `lang`, in the collection's order.
    pub fn collection(&self, collection: usize, lang: &str) -> &[usize] {
        self.shown(lang)
            .and_then(|shown| shown.collections.get(collection))
            .map_or(&[], Vec::as_slice)
    }

    /// Term `term` of taxonomy `taxonomy`: its records shown in `lang`, in site order.
    pub fn term(&self, taxonomy: usize, term: usize, lang: &str) -> &[usize] {
        self.shown(lang)
            .and_then(|shown| shown.terms.get(taxonomy)?.get(term))
            .map_or(&[], Vec::as_slice)
    }

    /// Year → the records of that year shown in `lang`, newest first (then in site order).
    /// A year none of whose records is shown in `lang` is not there.
    pub fn years(&self, lang: &str) -> &BTreeMap<i16, Vec<usize>> {
        self.shown(lang).map_or(&NO_YEARS, |shown| &shown.years)
    }

    /// The records of `year` shown in `lang`, newest first.
    pub fn year(&self, lang: &str, year: i16) -> &[usize] {
        self.years(lang).get(&year).map_or(&[], Vec::as_slice)
    }

    /// The year of the newest record, in whatever language (2000 for a site without records).
    pub fn latest_year(&self) -> i16 {
        self.latest_year
    }

    /// The related records record `record`'s page shows in `lang`, at most [`RELATED`]: those
    /// it names, in the order written, then those sharing its terms, best first; each once.
    pub fn related(&self, record: usize, lang: &str) -> &[usize] {
        self.language(lang)
            .and_then(|l| self.related.get(record)?.get(l))
            .map_or(&[], Vec::as_slice)
    }

    /// The records before and after record `record` in its collection's list in `lang`; none
    /// when the record is not shown in `lang`.
    pub fn neighbours(&self, record: usize, lang: &str) -> (Option<usize>, Option<usize>) {
        let shown = self.collection(self.collection_of(record), lang);
        // Records are stored in site order, so a collection's list is sorted by position.
        let Ok(position) = shown.binary_search(&record) else {
            return (None, None);
        };
        let prev = position.checked_sub(1).map(|p| shown[p]);
        (prev, shown.get(position + 1).copied())
    }

    /// The position of record `record`'s collection in `site.collections`.
    pub fn collection_of(&self, record: usize) -> usize {
        self.collection_of.get(record).copied().unwrap_or(0)
    }

    /// The languages record `record` is shown in, in the site's order, and whether each is a
    /// translation or the default language's text (SPEC §4, `fallback`).
    pub fn translations(&self, record: usize) -> impl Iterator<Item = (&str, Presence)> {
        let presence = self.presence.get(record).map_or(&[][..], Vec::as_slice);
        self.languages
            .iter()
            .zip(presence)
            .filter_map(|(shown, presence)| Some((shown.code.as_str(), (*presence)?)))
    }
}

impl Shown {
    fn new(site: &Site, lang: &str) -> Shown {
        let shown = |records: &[usize]| -> Vec<usize> {
            records
                .iter()
                .copied()
                .filter(|&i| site.records[i].is_in(lang))
                .collect()
        };
        let collections: Vec<Vec<usize>> = site
            .collections
            .iter()
            .map(|collection| shown(&collection.records))
            .collect();
        debug_assert!(
            collections.iter().all(|list| list.is_sorted()),
            "a collection's records are in site order"
        );
        let terms = per_term(site, shown);
        let mut years: BTreeMap<i16, Vec<usize>> = BTreeMap::new();
        for (index, record) in site.records.iter().enumerate() {
            if record.is_in(lang) {
                years.entry(record.date.year()).or_default().push(index);
            }
        }
        for records in years.values_mut() {
            records.sort_by(|&a, &b| {
                site.records[b]
                    .date
                    .cmp(&site.records[a].date)
                    .then(a.cmp(&b))
            });
        }
        Shown {
            code: lang.to_string(),
            collections,
            terms,
            years,
        }
    }
}

/// `f` of each term's records, per taxonomy and per term.
fn per_term<T>(site: &Site, f: impl Fn(&[usize]) -> T) -> Vec<Vec<T>> {
    site.taxonomies
        .iter()
        .map(|taxonomy| taxonomy.terms.iter().map(|term| f(&term.records)).collect())
        .collect()
}

/// Record `index`'s related records shown in `lang`: those it names, then those of `similar`,
/// each once, at most [`RELATED`].
fn related_in(site: &Site, index: usize, similar: &[usize], lang: &str) -> Vec<usize> {
    let mut related: Vec<usize> = Vec::with_capacity(RELATED);
    let named = site.records[index].related.iter();
    for &other in named.chain(similar) {
        if related.len() >= RELATED {
            break;
        }
        if !related.contains(&other) && site.records[other].is_in(lang) {
            related.push(other);
        }
    }
    related
}

/// For every record, up to `limit` records that share terms with it: those sharing the most
/// terms first, then the closest in date, then in site order. The candidates are, in each of
/// the record's terms, the `limit` records on either side of it in date order. That bounds the
/// work per record, so the whole is linear in the number of records (counting every record
/// that shares a term is quadratic: at 10,000 records a term may hold 800). Nearest in date,
/// rather than newest, also spreads the links instead of pointing every record of a term at
/// the same few new ones.
fn similar_records(site: &Site, limit: usize) -> Vec<Vec<usize>> {
    let by_date = per_term(site, |records| {
        let mut records = records.to_vec();
        records.sort_by_key(|&i| (site.records[i].date, i));
        records
    });
    (0..site.records.len())
        .into_par_iter()
        .map(|index| similar_to(site, index, limit, &by_date))
        .collect()
}

fn similar_to(site: &Site, index: usize, limit: usize, by_date: &[Vec<Vec<usize>>]) -> Vec<usize> {
    let record = &site.records[index];
    let mut candidates = Vec::new();
    for (taxonomy_key, terms) in &record.terms {
        let Some(t) = site.taxonomies.iter().position(|t| &t.key == taxonomy_key) else {
            continue;
        };
        for &term in terms {
            let list = &by_date[t][term];
            let at = list
                .binary_search_by_key(&(record.date, index), |&i| (site.records[i].date, i))
                .unwrap_or_else(|at| at);
            let window = &list[at.saturating_sub(limit)..(at + limit + 1).min(list.len())];
            candidates.extend(window.iter().copied().filter(|&other| other != index));
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let shared = |other: usize| -> usize {
        let theirs = &site.records[other].terms;
        record
            .terms
            .iter()
            .map(|(key, terms)| {
                theirs.get(key).map_or(0, |their_terms| {
                    terms.iter().filter(|t| their_terms.contains(t)).count()
                })
            })
            .sum()
    };
    let days_apart = |other: usize| {
        (site.records[other].date - record.date)
            .get_days()
            .unsigned_abs()
    };
    candidates
        .sort_by_cached_key(|&other| (std::cmp::Reverse(shared(other)), days_apart(other), other));
    candidates.truncate(limit);
    candidates
}

#[cfg(test)]
mod tests;
