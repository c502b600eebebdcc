//! A taxonomy's page (`taxonomy.html`): its terms that have records in the language.

use serde::Serialize;

use super::Head;
use crate::digest::Digest;
use crate::model::routes;
use crate::render::Rendering;
use crate::render::cards::Localizer;
use crate::render::views::{TaxonomyView, TermView};

/// What `taxonomy.html` sees besides the keys every page has.
#[derive(Serialize)]
pub struct TaxonomyPageView {
    taxonomy: TaxonomyView,
    terms: Vec<TermView>,
}

pub fn view(r: &Rendering, lang: &str, taxonomy: usize) -> (Head, TaxonomyPageView) {
    let view = taxonomy_view(r, taxonomy, lang);
    let head = Head::titled(view.name.clone(), &view.key);
    let terms = (0..r.site.taxonomies[taxonomy].terms.len())
        .filter_map(|i| term_view(r, taxonomy, i, lang))
        .collect();
    let view = TaxonomyPageView {
        taxonomy: view,
        terms,
    };
    (head, view)
}

/// How many records each term has.
pub fn reads(r: &Rendering, lang: &str, taxonomy: usize, digest: &mut Digest) {
    for term in 0..r.site.taxonomies[taxonomy].terms.len() {
        digest.add(&r.term_records(taxonomy, term, lang).len());
    }
}

/// `taxonomy`, on its page and its terms' pages.
pub fn taxonomy_view(r: &Rendering, t: usize, lang: &str) -> TaxonomyView {
    let site = r.site;
    let taxonomy = &site.taxonomies[t];
    TaxonomyView {
        key: taxonomy.key.clone(),
        name: Localizer { site, lang }
            .text(&site.config.taxonomies[t].name)
            .to_string(),
        url: routes::section(&site.config, lang, &[&taxonomy.key], 1),
    }
}

/// A term with records in `lang`; `None` when it has none.
pub fn term_view(r: &Rendering, t: usize, i: usize, lang: &str) -> Option<TermView> {
    let site = r.site;
    let taxonomy = &site.taxonomies[t];
    let term = &taxonomy.terms[i];
    let count = r.term_records(t, i, lang).len();
    (count > 0).then(|| TermView {
        id: term.id.clone(),
        name: Localizer { site, lang }.text(&term.name).to_string(),
        url: routes::section(&site.config, lang, &[&taxonomy.key, &term.slug], 1),
        count,
    })
}
