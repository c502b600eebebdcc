//! `site`, which every page has: what is the same on every page of a language is prepared once
//! ([`SiteValues`]); each page adds its navigation item and its language switch
//! ([`site_value`]).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::routes;
use crate::render::Rendering;
use crate::render::cards::Localizer;
use crate::render::views::{LanguageLink, NavItem, SiteView};

/// `site` for templates, shared by every page of one language: everything but the current
/// navigation item and the language switch's links, which [`site_value`] adds per page.
pub struct SiteValues {
    view: SiteView,
    /// Current navigation key (`""` for none) → `nav` with that item marked current.
    nav: BTreeMap<String, tera::Value>,
}

/// `site` on one page.
#[derive(Serialize)]
pub struct SitePageView<'a> {
    #[serde(flatten)]
    shared: &'a SiteView,
    /// `[NavItem]`, prepared once per language and navigation item: a page clones a pointer.
    nav: tera::Value,
    languages: Vec<LanguageLink>,
}

/// Prepares [`SiteValues`] for `lang`, once per build.
pub fn site_values(r: &Rendering, lang: &str) -> SiteValues {
    let site = r.site;
    let config = &site.config;
    let l = Localizer { site, lang };
    let mut items: Vec<NavItem> = site
        .collections
        .iter()
        .enumerate()
        .map(|(c, collection)| NavItem {
            key: collection.key.clone(),
            name: l.text(&config.collections[c].name).to_string(),
            url: routes::section(config, lang, &[&collection.key], 1),
            current: false,
        })
        .collect();
    for (t, taxonomy) in site.taxonomies.iter().enumerate() {
        items.push(NavItem {
            key: taxonomy.key.clone(),
            name: l.text(&config.taxonomies[t].name).to_string(),
            url: routes::section(config, lang, &[&taxonomy.key], 1),
            current: false,
        });
    }
    for (key, label) in [("years", "years_title"), ("booklet", "booklet")] {
        items.push(NavItem {
            key: key.into(),
            name: r.strings_text(lang, label),
            url: routes::section(config, lang, &[key], 1),
            current: false,
        });
    }
    let nav_with = |current: &str| {
        let marked: Vec<NavItem> = items
            .iter()
            .map(|item| NavItem {
                current: item.key == current,
                ..item.clone()
            })
            .collect();
        tera::Value::from_serializable(&marked)
    };
    let nav = std::iter::once("")
        .chain(items.iter().map(|item| item.key.as_str()))
        .map(|current| (current.to_string(), nav_with(current)))
        .collect();
    let view = SiteView {
        title: l.text(&config.title).to_string(),
        description: l.text(&config.description).to_string(),
        base_path: config.base_url.path.clone(),
        home_url: routes::home(config, lang),
        lang_tag: l.lang_tag(lang),
        feed_url: routes::feed(config, lang),
        year: r.index.latest_year(),
        resource_hosts: config.url_policy.csp_sources(),
    };
    SiteValues { view, nav }
}

/// `site` for a page of `lang` whose navigation item is `current_nav` and whose counterparts
/// in other languages are `counterparts` (the language switch links to them).
pub fn site_value<'r>(
    r: &'r Rendering,
    lang: &str,
    current_nav: &str,
    counterparts: &[(String, String)],
) -> SitePageView<'r> {
    let config = &r.site.config;
    let prepared = &r.site_values[lang];
    let languages: Vec<LanguageLink> = config
        .languages
        .iter()
        .map(|language| LanguageLink {
            code: language.code.clone(),
            tag: language.tag.clone(),
            name: language.name.clone(),
            url: counterparts
                .iter()
                .find(|(code, _)| code == &language.code)
                .map_or_else(
                    || routes::home(config, &language.code),
                    |(_, url)| url.clone(),
                ),
            current: language.code == lang,
        })
        .collect();
    let nav = prepared
        .nav
        .get(current_nav)
        .unwrap_or(&prepared.nav[""])
        .clone();
    SitePageView {
        shared: &prepared.view,
        nav,
        languages,
    }
}
