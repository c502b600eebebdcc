//! The year archive (`years.html`): every year with records in the language, newest first.

use serde::Serialize;

use super::Head;
use crate::digest::Digest;
use crate::model::routes;
use crate::render::Rendering;
use crate::render::views::YearView;

/// What `years.html` sees besides the keys every page has.
#[derive(Serialize)]
pub struct YearsView {
    years: Vec<YearView>,
}

pub fn view(r: &Rendering, lang: &str) -> (Head, YearsView) {
    let config = &r.site.config;
    let years = r
        .index
        .years(lang)
        .iter()
        .rev()
        .map(|(year, records)| YearView {
            year: *year,
            url: routes::section(config, lang, &["years", &year.to_string()], 1),
            count: records.len(),
        })
        .collect();
    let head = Head::titled(r.strings_text(lang, "years_title"), "years");
    (head, YearsView { years })
}

/// Each year and how many records it has.
pub fn reads(r: &Rendering, lang: &str, digest: &mut Digest) {
    for (year, records) in r.index.years(lang) {
        digest.add(year).add(&records.len());
    }
}
