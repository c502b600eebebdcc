//! A term's page (`term.html`): the records that have the term, paginated by the site's
//! `paginate`.

use serde::Serialize;

use super::Head;
use super::lists::{PageOf, page_of, page_of_reads};
use super::taxonomy::{taxonomy_view, term_view};
use crate::digest::Digest;
use crate::model::routes;
use crate::render::Rendering;
use crate::render::views::{TaxonomyView, TermView};

/// What `term.html` sees besides the keys every page has.
#[derive(Serialize)]
pub struct TermPageView {
    taxonomy: TaxonomyView,
    term: Option<TermView>,
    #[serde(flatten)]
    page_of: PageOf,
}

pub fn view(
    r: &Rendering,
    lang: &str,
    taxonomy: usize,
    term: usize,
    number: usize,
) -> (Head, TermPageView) {
    let config = &r.site.config;
    let view = taxonomy_view(r, taxonomy, lang);
    let term_view = term_view(r, taxonomy, term, lang);
    let title = format!(
        "{} · {}",
        term_view.as_ref().map_or("", |t| t.name.as_str()),
        view.name
    );
    let head = Head::titled(title, &view.key);
    let t = &r.site.taxonomies[taxonomy];
    let slug = &t.terms[term].slug;
    let shown = r.term_records(taxonomy, term, lang);
    let page_of = page_of(r, shown, number, config.paginate, lang, |p| {
        routes::section(config, lang, &[&t.key, slug], p)
    });
    let view = TermPageView {
        taxonomy: view,
        term: term_view,
        page_of,
    };
    (head, view)
}

pub fn reads(
    r: &Rendering,
    lang: &str,
    taxonomy: usize,
    term: usize,
    number: usize,
    digest: &mut Digest,
) {
    let shown = r.term_records(taxonomy, term, lang);
    page_of_reads(digest, r, shown, number, r.site.config.paginate, lang);
}
