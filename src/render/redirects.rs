//! What keeps a moved page's old address working (issue 17): for each alias of a record, a
//! redirect page at the old address (`alias.html`: a meta refresh, the canonical link,
//! `noindex`, in the record's language), and for servers that can answer with a real 301, the
//! same redirects as an nginx `map` include (`redirects.nginx`) and a `_redirects` file (the
//! format of Netlify, Cloudflare Pages and similar hosts). Both files are written even when the
//! site has no alias, so that a server configuration that includes them keeps working.

use serde::Serialize;

use super::{RenderError, Rendering};
use crate::config::SiteConfig;
use crate::model::aliases::Alias;
use crate::model::routes;
use crate::output::OutputError;

/// The nginx include of the redirects (see README, "Serving the site").
pub const NGINX_MAP: &str = "redirects.nginx";
/// The redirects in the `_redirects` format.
pub const REDIRECTS_FILE: &str = "_redirects";

/// Writes a file of the output (and remembers that it was generated).
pub type Put<'a> = dyn FnMut(String, &[u8]) -> Result<(), OutputError> + 'a;

/// What `alias.html` sees.
#[derive(Serialize)]
struct AliasView<'a> {
    lang: &'a str,
    lang_tag: &'a str,
    /// The record's title in the page's language.
    title: &'a str,
    /// Where the page is now: its path, with the base path.
    url: &'a str,
    /// The same as a full URL (equals `url` when `base_url` has no host).
    permalink: String,
    t: &'a std::collections::BTreeMap<String, String>,
    /// What `partials/csp.html` reads: every page carries the site's policy.
    site: AliasSite,
    /// `[{tag, url}]`: this old address and the record's old addresses in the other
    /// languages at the same path (`/projects/old/`, `/ko/projects/old/`), as full URLs.
    alternates: Vec<Alternate>,
}

#[derive(Serialize)]
struct Alternate {
    tag: String,
    url: String,
}

#[derive(Serialize)]
struct AliasSite {
    resource_hosts: Vec<String>,
}

/// One redirect: old path → new path, both with the base path.
struct Redirect {
    from: String,
    to: String,
}

/// Writes every alias's redirect page and the two redirect maps through `put`.
pub fn write(r: &Rendering, put: &mut Put) -> Result<(), RenderError> {
    let config = &r.site.config;
    let default_lang = config.default_lang();
    let mut redirects = Vec::new();
    for record in &r.site.records {
        for alias in &record.aliases {
            let alias = &alias.value;
            let below = below_language(alias, config);
            let alternates = record
                .aliases
                .iter()
                .map(|other| &other.value)
                .filter(|other| below_language(other, config) == below)
                .map(|other| Alternate {
                    tag: config
                        .language(&other.lang)
                        .map_or(other.lang.clone(), |l| l.tag.clone()),
                    url: config
                        .base_url
                        .absolute(&format!("{}{}", config.base_url.path, other.path)),
                })
                .collect();
            let lang = if record.is_in(&alias.lang) {
                alias.lang.as_str()
            } else {
                default_lang
            };
            let url = routes::record(config, lang, &record.collection, &record.slug);
            let view = AliasView {
                lang,
                lang_tag: config.language(lang).map_or(lang, |l| l.tag.as_str()),
                title: record.title.text(lang, default_lang),
                url: &url,
                permalink: config.base_url.absolute(&url),
                t: r.theme.strings(lang),
                site: AliasSite {
                    resource_hosts: config.url_policy.csp_sources(),
                },
                alternates,
            };
            let context =
                tera::Context::from_serialize(&view).map_err(|source| RenderError::Template {
                    page: alias.path.clone(),
                    template: "alias.html".to_string(),
                    source,
                })?;
            let from = format!("{}{}", config.base_url.path, alias.path);
            let bytes = r.render_template("alias.html", &context, &from)?;
            put(alias.output_path(), &bytes)?;
            redirects.push(Redirect { from, to: url });
        }
    }
    redirects.sort_by(|a, b| a.from.cmp(&b.from));
    put(NGINX_MAP.to_string(), nginx_map(&redirects).as_bytes())?;
    put(
        REDIRECTS_FILE.to_string(),
        redirects_file(&redirects).as_bytes(),
    )?;
    Ok(())
}

/// An alias's path without its language's prefix: `ko/projects/old/` → `projects/old/`.
fn below_language<'a>(alias: &'a Alias, config: &SiteConfig) -> &'a str {
    if alias.lang == config.default_lang() {
        return &alias.path;
    }
    alias
        .path
        .strip_prefix(alias.lang.as_str())
        .and_then(|rest| rest.strip_prefix('/'))
        .unwrap_or(&alias.path)
}

/// The entries of an nginx `map $uri $showcase_redirect { … }` block: a page folder's old
/// address with and without its final `/` and as `index.html`. Aliases hold no quote, space,
/// `;`, `{`, `}` or `$` (`model::aliases` refuses them), so the quoted strings are safe.
fn nginx_map(redirects: &[Redirect]) -> String {
    let mut text = String::from(
        "# Written by showcase build: the old addresses of moved pages (the records' `aliases:`).\n\
         # Include it inside `map $uri $showcase_redirect { … }` (see README, \"Serving the site\").\n",
    );
    for Redirect { from, to } in redirects {
        let mut froms = vec![from.clone()];
        if let Some(folder) = from.strip_suffix('/') {
            froms.push(folder.to_string());
            froms.push(format!("{from}index.html"));
        }
        for from in froms {
            text.push_str(&format!("\"{from}\" \"{to}\";\n"));
        }
    }
    text
}

/// `_redirects`: one `old new 301` line per alias.
fn redirects_file(redirects: &[Redirect]) -> String {
    let mut text = String::from("# Written by showcase build: the old addresses of moved pages.\n");
    for Redirect { from, to } in redirects {
        text.push_str(&format!("{from} {to} 301\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_folder_is_matched_with_and_without_its_slash_and_as_index_html() {
        let redirects = [
            Redirect {
                from: "/s/projects/old/".into(),
                to: "/s/projects/new/".into(),
            },
            Redirect {
                from: "/s/news/12.html".into(),
                to: "/s/ko/cases/c/".into(),
            },
        ];
        let map = nginx_map(&redirects);
        assert!(map.contains("\"/s/projects/old/\" \"/s/projects/new/\";\n"));
        assert!(map.contains("\"/s/projects/old\" \"/s/projects/new/\";\n"));
        assert!(map.contains("\"/s/projects/old/index.html\" \"/s/projects/new/\";\n"));
        assert!(map.contains("\"/s/news/12.html\" \"/s/ko/cases/c/\";\n"));
        assert!(!map.contains("\"/s/news/12.html/"));
        assert!(map.lines().all(|l| l.starts_with('#') || l.ends_with(';')));
        assert_eq!(
            redirects_file(&redirects).lines().nth(1),
            Some("/s/projects/old/ /s/projects/new/ 301")
        );
    }
}
