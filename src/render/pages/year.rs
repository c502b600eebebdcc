//! A year's page (`year.html`): that year's records, newest first, paginated by the site's
//! `paginate`.

use serde::Serialize;

use super::Head;
use super::lists::{PageOf, page_of, page_of_reads};
use crate::digest::Digest;
use crate::model::routes;
use crate::render::Rendering;

/// What `year.html` sees besides the keys every page has.
#[derive(Serialize)]
pub struct YearPageView {
    year: i16,
    /// The year's records.
    count: usize,
    #[serde(flatten)]
    page_of: PageOf,
}

pub fn view(r: &Rendering, lang: &str, year: i16, number: usize) -> (Head, YearPageView) {
    let config = &r.site.config;
    let title = r
        .strings_text(lang, "year_n")
        .replace("{n}", &year.to_string());
    let shown = r.index.year(lang, year);
    let segment = year.to_string();
    let page_of = page_of(r, shown, number, config.paginate, lang, |p| {
        routes::section(config, lang, &["years", &segment], p)
    });
    let view = YearPageView {
        year,
        count: shown.len(),
        page_of,
    };
    (Head::titled(title, "years"), view)
}

pub fn reads(r: &Rendering, lang: &str, year: i16, number: usize, digest: &mut Digest) {
    let shown = r.index.year(lang, year);
    page_of_reads(digest, r, shown, number, r.site.config.paginate, lang);
}
