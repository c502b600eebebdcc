//! The addresses of the record pages a build published, and the record each belongs to. A
//! build remembers them in its output's marker; the next build compares them with its own and
//! warns about every address it no longer has (`W-url-gone`, issue 17): a link shared in a
//! chat or printed as a QR code would lead nowhere. `publish` keeps the same list in the
//! target's manifest, and refuses to delete such pages.

use std::collections::BTreeMap;

use super::{Site, routes};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::messages::msg;

/// Address (with the base path) → the record's key (`collection/id`): every page of every
/// record in every language it is shown in, and the record's aliases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordPages(pub BTreeMap<String, String>);

impl RecordPages {
    pub fn of_site(site: &Site) -> RecordPages {
        let config = &site.config;
        let mut pages = BTreeMap::new();
        for record in &site.records {
            let key = format!("{}/{}", record.collection, record.id);
            for language in &config.languages {
                if record.is_in(&language.code) {
                    let url =
                        routes::record(config, &language.code, &record.collection, &record.slug);
                    pages.insert(url, key.clone());
                }
            }
            for alias in &record.aliases {
                pages.insert(
                    format!("{}{}", config.base_url.path, alias.value.path),
                    key.clone(),
                );
            }
        }
        RecordPages(pages)
    }

    /// As lines of the marker: `<address>\t<collection/id>`.
    pub fn to_lines(&self) -> String {
        let mut text = String::new();
        for (url, key) in &self.0 {
            text.push_str(url);
            text.push('\t');
            text.push_str(key);
            text.push('\n');
        }
        text
    }

    /// Reads what [`RecordPages::to_lines`] wrote, skipping every other line.
    pub fn from_lines(text: &str) -> RecordPages {
        RecordPages(
            text.lines()
                .filter(|line| line.starts_with('/'))
                .filter_map(|line| line.split_once('\t'))
                .map(|(url, key)| (url.to_string(), key.to_string()))
                .collect(),
        )
    }

    /// The addresses `self` has and `now` does not, by the record they belonged to.
    pub fn gone_from(&self, now: &RecordPages) -> BTreeMap<&str, Vec<&str>> {
        let mut gone: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (url, key) in &self.0 {
            if !now.0.contains_key(url) {
                gone.entry(key.as_str()).or_default().push(url.as_str());
            }
        }
        gone
    }
}

/// `W-url-gone` for every record with addresses the last build published and `site` no longer
/// has (`now` is `site`'s record pages): at the record's file with the `aliases:` line that
/// keeps them, or, for a record that is no longer published, with what to do instead.
pub fn gone_warnings(previous: &RecordPages, now: &RecordPages, site: &Site) -> Diagnostics {
    let base = site.config.base_url.path.as_str();
    // Aliases are written below the base path, as the user sees the site.
    let below_base = |url: &str| format!("/{}", url.strip_prefix(base).unwrap_or(url));
    let mut diagnostics = Diagnostics::default();
    for (key, urls) in previous.gone_from(now) {
        let list = urls.join(", ");
        let diagnostic = match site.lookup.find(key).map(|i| &site.records[i]) {
            Some(record) => {
                let mut aliases: Vec<String> = record
                    .aliases
                    .iter()
                    .map(|a| format!("/{}", a.value.path))
                    .collect();
                aliases.extend(urls.iter().map(|url| below_base(url)));
                let now_urls: Vec<&str> = now
                    .0
                    .iter()
                    .filter(|(url, k)| *k == key && !is_alias(record, url, base))
                    .map(|(url, _)| url.as_str())
                    .collect();
                Diagnostic::warning(
                    "W-url-gone",
                    msg!(
                        "url-gone-moved",
                        count = urls.len(),
                        urls = &list,
                        now = now_urls.join(", ")
                    ),
                )
                .in_file(&record.path)
                .hint(msg!(
                    "url-gone-moved-hint",
                    line = format!("aliases: [{}]", aliases.join(", "))
                ))
            }
            None => Diagnostic::warning(
                "W-url-gone",
                msg!(
                    "url-gone-removed",
                    count = urls.len(),
                    urls = &list,
                    record = key
                ),
            )
            .hint(msg!(
                "url-gone-removed-hint",
                alias = urls
                    .iter()
                    .map(|url| below_base(url))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        };
        diagnostics.push(diagnostic);
    }
    diagnostics
}

fn is_alias(record: &super::Record, url: &str, base: &str) -> bool {
    url.strip_prefix(base)
        .is_some_and(|path| record.aliases.iter().any(|a| a.value.path == path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(entries: &[(&str, &str)]) -> RecordPages {
        RecordPages(
            entries
                .iter()
                .map(|(u, k)| (u.to_string(), k.to_string()))
                .collect(),
        )
    }

    #[test]
    fn the_lines_read_back_and_other_lines_of_the_marker_are_skipped() {
        let p = pages(&[
            ("/projects/a/", "projects/a"),
            ("/ko/projects/a/", "projects/a"),
        ]);
        let text = format!("This folder is generated.\n\n{}", p.to_lines());
        assert_eq!(RecordPages::from_lines(&text), p);
    }

    #[test]
    fn addresses_no_longer_published_are_gone_by_record() {
        let before = pages(&[
            ("/projects/a/", "projects/a"),
            ("/ko/projects/a/", "projects/a"),
            ("/projects/b/", "projects/b"),
            ("/projects/c/", "projects/c"),
        ]);
        let now = pages(&[
            ("/projects/a2/", "projects/a"),
            ("/projects/b/", "projects/b"),
        ]);
        let gone = before.gone_from(&now);
        assert_eq!(gone["projects/a"], vec!["/ko/projects/a/", "/projects/a/"]);
        assert_eq!(gone["projects/c"], vec!["/projects/c/"]);
        assert!(!gone.contains_key("projects/b"));
    }
}
