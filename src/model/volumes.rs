//! The volumes of the printed compilation (issue 18). A site with more records than
//! `booklet.max_records` is divided: by default into runs of consecutive years, as many
//! years as fit in one volume (a year too large for one is cut into parts, in date order);
//! with `by: collection`, into one volume per collection, each divided by years the same way
//! when it is too large. A small site keeps one volume.
//!
//! Years are gathered from the oldest, so adding this year's records changes only the newest
//! volume: the volumes already printed and linked keep their keys and their records.
//! Volumes hold every published record whatever its languages; a page shows those of a
//! volume's records its language shows.

use std::collections::BTreeMap;

use super::Site;
use crate::config::VolumesBy;

/// The key of the one volume of a site small enough for one.
pub const WHOLE: &str = "all";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Volume {
    /// Its name in URLs and file names: `all`, `2023`, `2019-2021`, `2024-p2` (the second
    /// part of 2024), and with `by: collection` the collection's key first (`cases`,
    /// `cases-2019-2021`).
    pub key: String,
    /// The years of its records' dates, first and last.
    pub years: (i16, i16),
    /// The collection it holds, when the site is divided by collection.
    pub collection: Option<usize>,
    /// Which part of a year too large for one volume it is, from 1.
    pub part: Option<usize>,
    /// Its records in the compilation's order: by collection, each in its collection's order.
    pub records: Vec<usize>,
}

/// The volumes of `site`, newest first (by collection: in the collections' order, each
/// collection's newest first).
pub fn divide(site: &Site) -> Vec<Volume> {
    let settings = &site.config.booklet;
    let max = settings.max_records.max(1);
    let all: Vec<usize> = (0..site.records.len()).collect();
    if site.records.is_empty() {
        return Vec::new();
    }
    if all.len() <= max {
        return vec![volume(site, WHOLE.to_string(), None, None, &all)];
    }
    match settings.by {
        VolumesBy::Year => by_years(site, &all, max, None),
        VolumesBy::Collection => site
            .collections
            .iter()
            .enumerate()
            .filter(|(_, collection)| !collection.records.is_empty())
            .flat_map(|(c, collection)| {
                if collection.records.len() <= max {
                    vec![volume(
                        site,
                        collection.key.clone(),
                        Some(c),
                        None,
                        &collection.records,
                    )]
                } else {
                    by_years(site, &collection.records, max, Some(c))
                }
            })
            .collect(),
    }
}

/// `records` divided into runs of consecutive years of at most `max` records, newest first.
fn by_years(site: &Site, records: &[usize], max: usize, collection: Option<usize>) -> Vec<Volume> {
    let mut years: BTreeMap<i16, Vec<usize>> = BTreeMap::new();
    for &index in records {
        years
            .entry(site.records[index].date.year())
            .or_default()
            .push(index);
    }
    let prefix = match collection {
        Some(c) => format!("{}-", site.collections[c].key),
        None => String::new(),
    };
    let mut volumes = Vec::new();
    let mut run: Vec<(i16, Vec<usize>)> = Vec::new();
    let flush = |run: &mut Vec<(i16, Vec<usize>)>, volumes: &mut Vec<Volume>| {
        let (Some((first, _)), Some((last, _))) = (run.first(), run.last()) else {
            return;
        };
        let key = match first == last {
            true => format!("{prefix}{first}"),
            false => format!("{prefix}{first}-{last}"),
        };
        let records: Vec<usize> = run.iter().flat_map(|(_, r)| r.iter().copied()).collect();
        volumes.push(volume(site, key, collection, None, &records));
        run.clear();
    };
    for (year, mut of_year) in years {
        if of_year.len() > max {
            flush(&mut run, &mut volumes);
            // In date order, so that each part is a stretch of the year.
            of_year.sort_by(|&a, &b| {
                let (a, b) = (&site.records[a], &site.records[b]);
                (a.date, &a.collection, &a.id).cmp(&(b.date, &b.collection, &b.id))
            });
            let parts = of_year.len().div_ceil(max);
            let size = of_year.len().div_ceil(parts);
            for (part, records) in of_year.chunks(size).enumerate() {
                let key = format!("{prefix}{year}-p{}", part + 1);
                volumes.push(volume(site, key, collection, Some(part + 1), records));
            }
            continue;
        }
        let in_run: usize = run.iter().map(|(_, r)| r.len()).sum();
        if in_run + of_year.len() > max {
            flush(&mut run, &mut volumes);
        }
        run.push((year, of_year));
    }
    flush(&mut run, &mut volumes);
    volumes.reverse();
    volumes
}

/// A volume of `members`, put in the compilation's order.
fn volume(
    site: &Site,
    key: String,
    collection: Option<usize>,
    part: Option<usize>,
    members: &[usize],
) -> Volume {
    let mut member = vec![false; site.records.len()];
    for &index in members {
        member[index] = true;
    }
    let records: Vec<usize> = site
        .collections
        .iter()
        .flat_map(|c| c.records.iter().copied())
        .filter(|&index| member[index])
        .collect();
    let years = members
        .iter()
        .map(|&index| site.records[index].date.year())
        .fold((i16::MAX, i16::MIN), |(first, last), year| {
            (first.min(year), last.max(year))
        });
    Volume {
        key,
        years,
        collection,
        part,
        records,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{BuildOptions, load};

    /// A site loaded from a temporary folder: collections `projects` then `cases`, and records
    /// `(collection, year)`, each dated in order through its year.
    fn site_of(records: &[(&str, i16)]) -> Site {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |path: &str, text: &str| {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "site.yaml",
            "title: t\nlanguages: [{code: zh}, {code: ko}]\ncollections:\n  \
             projects: {sort: date desc}\n  cases: {sort: date desc}\n",
        );
        for (n, (collection, year)) in records.iter().enumerate() {
            let day = n % 28 + 1;
            write(
                &format!("content/{collection}/r{n}.zh.md"),
                &format!("---\ntitle: 记录{n}\ndate: {year}-01-{day:02}\n---\n\n正文。\n"),
            );
        }
        let options = BuildOptions {
            root: root.to_path_buf(),
            ..BuildOptions::default()
        };
        let (site, diagnostics) = load(&options).expect("the site loads");
        assert!(!diagnostics.has_errors(), "{diagnostics:?}");
        site
    }

    /// A site of records `(collection, year)`, divided with `max` and `by`.
    fn divided(records: &[(&str, i16)], max: usize, by: VolumesBy) -> Vec<(String, usize)> {
        let mut site = site_of(records);
        site.config.booklet.max_records = max;
        site.config.booklet.by = by;
        divide(&site)
            .into_iter()
            .map(|v| (v.key, v.records.len()))
            .collect()
    }

    fn keys(volumes: &[(String, usize)]) -> Vec<&str> {
        volumes.iter().map(|(k, _)| k.as_str()).collect()
    }

    #[test]
    fn a_small_site_keeps_one_volume() {
        let v = divided(&[("projects", 2020), ("cases", 2024)], 2, VolumesBy::Year);
        assert_eq!(v, [("all".to_string(), 2)]);
        assert!(divided(&[], 2, VolumesBy::Year).is_empty());
    }

    #[test]
    fn years_are_gathered_from_the_oldest_and_listed_newest_first() {
        let records = [
            ("projects", 2019),
            ("projects", 2020),
            ("cases", 2020),
            ("projects", 2021),
            ("projects", 2022),
            ("cases", 2022),
            ("cases", 2022),
        ];
        let v = divided(&records, 3, VolumesBy::Year);
        assert_eq!(keys(&v), ["2022", "2021", "2019-2020"]);
        assert_eq!(v.iter().map(|(_, n)| n).sum::<usize>(), records.len());
        // A new record of the newest year changes only the newest volume.
        let mut more = records.to_vec();
        more.push(("cases", 2023));
        assert_eq!(
            keys(&divided(&more, 3, VolumesBy::Year)),
            ["2023", "2022", "2021", "2019-2020"]
        );
    }

    #[test]
    fn a_year_too_large_for_one_volume_is_cut_into_parts() {
        let records = [("projects", 2020); 7];
        let v = divided(&records, 3, VolumesBy::Year);
        assert_eq!(
            v,
            [
                ("2020-p3".to_string(), 1),
                ("2020-p2".to_string(), 3),
                ("2020-p1".to_string(), 3)
            ]
        );
    }

    #[test]
    fn by_collection_each_collection_is_a_volume_divided_by_years_when_large() {
        let records = [
            ("projects", 2019),
            ("projects", 2020),
            ("projects", 2021),
            ("cases", 2022),
        ];
        let v = divided(&records, 2, VolumesBy::Collection);
        assert_eq!(keys(&v), ["projects-2021", "projects-2019-2020", "cases"]);
    }

    #[test]
    fn a_volume_holds_its_records_by_collection() {
        let mut site = site_of(&[("cases", 2020), ("projects", 2020), ("cases", 2021)]);
        site.config.booklet.max_records = 2;
        let volumes = divide(&site);
        let older = volumes.last().unwrap();
        assert_eq!(older.key, "2020");
        assert_eq!(older.years, (2020, 2020));
        let collections: Vec<&str> = older
            .records
            .iter()
            .map(|&i| site.records[i].collection.as_str())
            .collect();
        let order: Vec<&str> = site.collections.iter().map(|c| c.key.as_str()).collect();
        let mut expected = collections.clone();
        expected.sort_by_key(|c| order.iter().position(|o| o == c));
        assert_eq!(collections, expected);
    }
}
