//! The not-found page (`404.html`): one `/404.html` for every language, since a static host
//! serves a single not-found page. It is in the default language and carries every
//! language's UI strings, for a page that speaks both. It is not in the plan: it has no URL
//! in any language's tree and no counterparts.

use serde::Serialize;
use tera::Context;

use super::{page_context, site_value};
use crate::model::routes;
use crate::render::Rendering;
use crate::render::views::{LanguageStrings, PageView};

/// What `404.html` sees besides the keys every page has.
#[derive(Serialize)]
struct NotFoundView {
    languages_t: Vec<LanguageStrings>,
}

/// The not-found page's URL and template context.
pub fn not_found(r: &Rendering) -> (String, Context) {
    let config = &r.site.config;
    let lang = config.default_lang();
    let languages_t = config
        .languages
        .iter()
        .map(|l| LanguageStrings {
            code: l.code.clone(),
            tag: l.tag.clone(),
            home_url: routes::home(config, &l.code),
            t: r.theme.strings(&l.code).clone(),
        })
        .collect();
    let url = format!("{}404.html", config.base_url.path);
    // The language switch leads to each language's home page.
    let homes: Vec<(String, String)> = config
        .languages
        .iter()
        .map(|l| (l.code.clone(), routes::home(config, &l.code)))
        .collect();
    let page = PageView {
        kind: "404",
        title: r.strings_text(lang, "not_found_title"),
        url: url.clone(),
        permalink: config.base_url.absolute(&url),
        description: String::new(),
        image: String::new(),
        image_width: 0,
        image_height: 0,
        alternates: Vec::new(),
    };
    let site = site_value(r, lang, "", &homes);
    let context = page_context(r, lang, site, page, NotFoundView { languages_t });
    (url, context)
}
