//! Every URL of the generated site (SPEC §4), in one place: the default language at the root,
//! the others under `/<code>/`, all below the base path. URLs are paths that start with the base
//! path and end with `/` for pages; output file paths are derived from them.

use crate::config::SiteConfig;

/// The path prefix of a language: `/`, `/ko/`, `/showcase/ko/`.
pub fn lang_root(config: &SiteConfig, lang: &str) -> String {
    if lang == config.default_lang() {
        config.base_url.path.clone()
    } else {
        format!("{}{lang}/", config.base_url.path)
    }
}

pub fn home(config: &SiteConfig, lang: &str) -> String {
    lang_root(config, lang)
}

/// A list page: `/projects/`, `/projects/page/2/` (page numbers start at 1).
pub fn section(config: &SiteConfig, lang: &str, segments: &[&str], page: usize) -> String {
    let mut url = lang_root(config, lang);
    for segment in segments {
        url.push_str(segment);
        url.push('/');
    }
    if page > 1 {
        url.push_str(&format!("page/{page}/"));
    }
    url
}

pub fn record(config: &SiteConfig, lang: &str, collection: &str, slug: &str) -> String {
    section(config, lang, &[collection, slug], 1)
}

/// The folder where a record's own files are published: beside its default-language page, once.
pub fn record_assets(config: &SiteConfig, collection: &str, slug: &str) -> String {
    record(config, config.default_lang(), collection, slug)
}

/// The search page of a language (SPEC §4): `/search/`, `/ko/search/`.
pub fn search(config: &SiteConfig, lang: &str) -> String {
    section(config, lang, &["search"], 1)
}

/// The booklet of a language, `/booklet/`, or volume `volume` of it, `/booklet/2019-2021/`,
/// when it has several.
pub fn booklet(config: &SiteConfig, lang: &str, volume: Option<&str>) -> String {
    match volume {
        Some(key) => section(config, lang, &["booklet", key], 1),
        None => section(config, lang, &["booklet"], 1),
    }
}

/// The PDF of booklet volume `key`, beside the booklet: `/booklet/2019-2021.pdf`.
pub fn booklet_pdf(config: &SiteConfig, lang: &str, key: &str) -> String {
    format!("{}{key}.pdf", booklet(config, lang, None))
}

pub fn feed(config: &SiteConfig, lang: &str) -> String {
    format!("{}atom.xml", lang_root(config, lang))
}

/// The output file of a URL: `/showcase/ko/projects/` → `ko/projects/index.html`.
pub fn output_path(config: &SiteConfig, url: &str) -> String {
    let relative = url
        .strip_prefix(&config.base_url.path)
        .unwrap_or(url.trim_start_matches('/'));
    if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::BaseUrl;
    use crate::content::fields::tests::test_config;

    #[test]
    fn urls_under_a_subpath() {
        let mut config = test_config();
        config.base_url = BaseUrl::parse("https://example.org/showcase/").unwrap();
        assert_eq!(home(&config, "zh"), "/showcase/");
        assert_eq!(
            record(&config, "ko", "projects", "a"),
            "/showcase/ko/projects/a/"
        );
        assert_eq!(
            section(&config, "zh", &["projects"], 2),
            "/showcase/projects/page/2/"
        );
        assert_eq!(
            output_path(&config, "/showcase/ko/projects/a/"),
            "ko/projects/a/index.html"
        );
        assert_eq!(output_path(&config, "/showcase/"), "index.html");
        assert_eq!(output_path(&config, "/showcase/atom.xml"), "atom.xml");
    }
}
