//! What several page kinds share of the lists of records they show (the lists themselves are
//! `model::Index`'s): one page of a paginated list with its paginator, and what a page reads of
//! the records it shows (for `render/reads.rs`).

use serde::Serialize;

use super::page_count;
use crate::digest::Digest;
use crate::render::Rendering;
use crate::render::views::{PageLink, Paginator};

/// Page links shown on each side of the current page, besides the first and the last.
const PAGINATOR_NEIGHBOURS: usize = 2;

/// The records of page `number` of a list paginated by `size`.
pub fn page_slice(shown: &[usize], number: usize, size: usize) -> &[usize] {
    let size = size.max(1);
    let start = ((number - 1) * size).min(shown.len());
    &shown[start..(start + size).min(shown.len())]
}

/// `records` and `paginator`: one page of a paginated list (lists, terms, years).
#[derive(Serialize)]
pub struct PageOf {
    /// The cards of the page's records, shared (see `Rendering::card_value`).
    pub records: Vec<tera::Value>,
    pub paginator: Paginator,
}

/// Page `number` of list `shown` paginated by `size`, page `p` being at `url(p)`.
pub fn page_of(
    r: &Rendering,
    shown: &[usize],
    number: usize,
    size: usize,
    lang: &str,
    url: impl Fn(usize) -> String,
) -> PageOf {
    let total = page_count(shown.len(), size);
    let records = page_slice(shown, number, size)
        .iter()
        .map(|&i| r.card_value(i, lang))
        .collect();
    let paginator = Paginator {
        current: number,
        total,
        prev_url: if number > 1 {
            url(number - 1)
        } else {
            String::new()
        },
        next_url: if number < total {
            url(number + 1)
        } else {
            String::new()
        },
        pages: page_links(number, total, &url),
    };
    PageOf { records, paginator }
}

/// The first and last page, and the pages near the current one, with a gap where pages are
/// left out: a list of 200 pages links to 7 of them, not 200 (which would make every list page
/// grow with the list, and the whole list quadratic).
fn page_links(number: usize, total: usize, url: &impl Fn(usize) -> String) -> Vec<PageLink> {
    let near = number.saturating_sub(PAGINATOR_NEIGHBOURS).max(1)
        ..=(number + PAGINATOR_NEIGHBOURS).min(total);
    let mut shown: Vec<usize> = [1, total].into_iter().chain(near).collect();
    shown.sort_unstable();
    shown.dedup();
    let mut links = Vec::new();
    for (i, &n) in shown.iter().enumerate() {
        if i > 0 && n > shown[i - 1] + 1 {
            links.push(PageLink {
                number: 0,
                url: String::new(),
                current: false,
                gap: true,
            });
        }
        links.push(PageLink {
            number: n,
            url: url(n),
            current: n == number,
            gap: false,
        });
    }
    links
}

/// Adds what page `number` of list `shown` reads (as [`page_of`] shows it): the list's length,
/// for the paginator and counts, and the cards of the page's records.
pub fn page_of_reads(
    digest: &mut Digest,
    r: &Rendering,
    shown: &[usize],
    number: usize,
    size: usize,
    lang: &str,
) {
    digest.add(&shown.len());
    cards_of(digest, r, page_slice(shown, number, size), lang);
}

/// Adds the cards of `list`'s records: what a page showing them reads of them.
pub fn cards_of(digest: &mut Digest, r: &Rendering, list: &[usize], lang: &str) {
    digest.add(&list.len());
    for &index in list {
        digest.add(&r.card_digest(index, lang));
    }
}

/// Adds the versions of `list`'s records: what a page showing them whole reads of them.
pub fn records_of(digest: &mut Digest, r: &Rendering, list: &[usize], lang: &str) {
    digest.add(&list.len());
    for &index in list {
        digest.add(&r.site.records[index].version_in(lang));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(number: usize, total: usize) -> String {
        page_links(number, total, &|n| format!("/p/{n}/"))
            .iter()
            .map(|l| match (l.gap, l.current) {
                (true, _) => "…".to_string(),
                (false, true) => format!("[{}]", l.number),
                (false, false) => l.number.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn paginator_links_first_last_and_neighbours() {
        assert_eq!(shown(1, 1), "[1]");
        assert_eq!(shown(2, 3), "1 [2] 3");
        assert_eq!(shown(1, 200), "[1] 2 3 … 200");
        assert_eq!(shown(100, 200), "1 … 98 99 [100] 101 102 … 200");
        assert_eq!(shown(199, 200), "1 … 197 198 [199] 200");
        assert_eq!(shown(4, 7), "1 2 3 [4] 5 6 7");
    }
}
