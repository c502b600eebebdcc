//! `aliases:` of a record (issue 17): the old addresses of its pages, which the build keeps
//! working with a redirect page and a server redirect map. An alias is written as the user
//! has it at hand: a path of the site (`/projects/old-name/`, `/ko/projects/old-name/`), the
//! same with the site's base path, or the whole address pasted from a chat or a browser
//! (percent-encoded, with a query or a fragment, which are dropped). It leads to the record's
//! page in the language its path starts with, the default language when it starts with none.

use std::collections::BTreeMap;

use super::{Record, routes};
use crate::config::{RESERVED_ROUTES, SiteConfig};
use crate::content::fields::Located;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::messages::{Message, msg};
use crate::url_policy::percent_decoded_exactly;

/// An old address of a record's page, as a path below the base path: `projects/old/` for a
/// page folder, `news/12.html` for a page file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Alias {
    /// The language whose page the alias leads to.
    pub lang: String,
    pub path: String,
}

impl Alias {
    /// The file the redirect page is written to: `projects/old/index.html`.
    pub fn output_path(&self) -> String {
        if self.path.is_empty() || self.path.ends_with('/') {
            format!("{}index.html", self.path)
        } else {
            self.path.clone()
        }
    }
}

/// Why a written alias cannot be used; its message and hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AliasProblem {
    /// An address of another host.
    OtherSite { host: String },
    /// Not a path nor an address (`old-page`, `ftp://…`).
    NotAPath,
    /// A character a path of the site cannot hold (space, quote, `\`, `;`, `{`, …), or a `..`.
    BadCharacter { character: String },
    /// A file that is not a page (`report.pdf`): a redirect page cannot stand in for it.
    NotAPage,
    /// The home page of a language.
    Home,
}

impl AliasProblem {
    pub fn message(&self, alias: &str) -> Message {
        match self {
            AliasProblem::OtherSite { host } => {
                msg!("alias-other-site", alias = alias, host = host)
            }
            AliasProblem::NotAPath => msg!("alias-not-a-path", alias = alias),
            AliasProblem::BadCharacter { character } => {
                msg!("alias-bad-character", alias = alias, character = character)
            }
            AliasProblem::NotAPage => msg!("alias-not-a-page", alias = alias),
            AliasProblem::Home => msg!("alias-home", alias = alias),
        }
    }

    pub fn hint(&self) -> Message {
        match self {
            AliasProblem::OtherSite { .. } => msg!("alias-other-site-hint"),
            AliasProblem::NotAPath => msg!("alias-not-a-path-hint"),
            AliasProblem::BadCharacter { .. } => msg!("alias-bad-character-hint"),
            AliasProblem::NotAPage => msg!("alias-not-a-page-hint"),
            AliasProblem::Home => msg!("alias-home-hint"),
        }
    }
}

/// Reads an alias as written.
pub fn parse(text: &str, config: &SiteConfig) -> Result<Alias, AliasProblem> {
    let text = text.trim();
    let path = match text.split_once("://") {
        Some((scheme, rest)) => {
            if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
                return Err(AliasProblem::NotAPath);
            }
            let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            let own_host = config
                .base_url
                .origin
                .split_once("://")
                .map(|(_, host)| host);
            // A site without a host in its base URL takes any host's address as its own.
            if own_host.is_some_and(|own| !own.eq_ignore_ascii_case(host)) {
                return Err(AliasProblem::OtherSite {
                    host: host.to_string(),
                });
            }
            if path.is_empty() { "/" } else { path }
        }
        None if text.starts_with('/') => text,
        None => return Err(AliasProblem::NotAPath),
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let path = percent_decoded_exactly(path).ok_or(AliasProblem::BadCharacter {
        character: "'%'".to_string(),
    })?;
    if let Some(c) = path
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || "\"'\\;{}$`<>|*^".contains(*c))
    {
        return Err(AliasProblem::BadCharacter {
            character: format!("{c:?}"),
        });
    }
    // Below the base path when written with it.
    let base = config.base_url.path.as_str();
    let relative = match path.strip_prefix(base) {
        Some(rest) if base != "/" => rest,
        _ => path.trim_start_matches('/'),
    };
    let mut segments: Vec<&str> = relative.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| *s == ".." || *s == ".") {
        return Err(AliasProblem::BadCharacter {
            character: "'..'".to_string(),
        });
    }
    // A path that names a file (`news/12.html`) stays a file; any other is a page folder.
    let names_file = !relative.ends_with('/')
        && segments
            .last()
            .is_some_and(|s| s.contains('.') && !s.starts_with('.'));
    let mut is_file = false;
    if names_file {
        let last = segments.last().copied().unwrap_or_default();
        let extension = last.rsplit('.').next().unwrap_or_default();
        if !extension.eq_ignore_ascii_case("html") && !extension.eq_ignore_ascii_case("htm") {
            return Err(AliasProblem::NotAPage);
        }
        if last.eq_ignore_ascii_case("index.html") {
            segments.pop();
        } else {
            is_file = true;
        }
    }
    let default_lang = config.default_lang();
    let lang = segments
        .first()
        .and_then(|first| {
            config
                .languages
                .iter()
                .find(|l| l.code == *first && l.code != default_lang)
        })
        .map_or(default_lang, |l| l.code.as_str())
        .to_string();
    let mut path = segments.join("/");
    if !is_file && !path.is_empty() {
        path.push('/');
    }
    if path.is_empty() || path == format!("{lang}/") {
        return Err(AliasProblem::Home);
    }
    Ok(Alias { lang, path })
}

/// Reads the aliases a record's file gives, reporting each that cannot be one at its place.
pub fn read(
    written: Vec<Located<String>>,
    config: &SiteConfig,
    diagnostics: &mut Diagnostics,
) -> Vec<Located<Alias>> {
    let mut aliases: Vec<Located<Alias>> = Vec::new();
    for Located { value, at } in written {
        match parse(&value, config) {
            Ok(alias) if aliases.iter().any(|a| a.value == alias) => {}
            Ok(alias) => {
                // Without a host in base_url, a pasted address of any host is taken as this
                // site's: say so, for the link pasted from a chat that is not the site's.
                if config.base_url.origin.is_empty()
                    && let Some((_, rest)) = value.trim().split_once("://")
                {
                    let host = rest.split('/').next().unwrap_or_default();
                    diagnostics.push(
                        Diagnostic::warning(
                            "W-alias-host",
                            msg!(
                                "alias-host-unknown",
                                alias = &value,
                                host = host,
                                path = format!("/{}", alias.path)
                            ),
                        )
                        .at(at.clone())
                        .hint(msg!(
                            "alias-host-unknown-hint",
                            path = format!("/{}", alias.path)
                        )),
                    );
                }
                aliases.push(Located { value: alias, at });
            }
            Err(problem) => diagnostics.push(
                Diagnostic::error("E-bad-alias", problem.message(&value))
                    .at(at)
                    .hint(problem.hint()),
            ),
        }
    }
    aliases
}

/// Refuses aliases that are the address of a page the site has (a record's, or a list's,
/// term's, year's, search or booklet page), and an alias two records give; each at its place.
/// The refused ones are taken off their record, so that no redirect replaces a page.
pub fn check_taken(records: &mut [Record], config: &SiteConfig, diagnostics: &mut Diagnostics) {
    // Most sites have no alias at all: then there is no need to list every page (20,000 at
    // 10,000 records, on every save in `serve`).
    if records.iter().all(|record| record.aliases.is_empty()) {
        return;
    }
    let mut pages: BTreeMap<String, usize> = BTreeMap::new();
    for (index, record) in records.iter().enumerate() {
        for language in &config.languages {
            let url = routes::record(config, &language.code, &record.collection, &record.slug);
            let path = url.strip_prefix(&config.base_url.path).unwrap_or(&url);
            pages.insert(path.to_string(), index);
        }
    }
    let mut claimed: BTreeMap<String, usize> = BTreeMap::new();
    for index in 0..records.len() {
        let aliases = std::mem::take(&mut records[index].aliases);
        let mut kept = Vec::new();
        for alias in aliases {
            let taken = if let Some(&owner) = pages.get(&alias.value.path) {
                let record = &records[owner];
                Some(msg!(
                    "alias-taken-by-record",
                    alias = &alias.value.path,
                    record = format!("{}/{}", record.collection, record.id)
                ))
            } else if let Some(&owner) = claimed.get(&alias.value.path) {
                let record = &records[owner];
                Some(msg!(
                    "alias-taken-by-alias",
                    alias = &alias.value.path,
                    record = format!("{}/{}", record.collection, record.id)
                ))
            } else if is_site_page(&alias.value, config) {
                Some(msg!("alias-taken-by-site", alias = &alias.value.path))
            } else {
                None
            };
            match taken {
                Some(message) => diagnostics.push(
                    Diagnostic::error("E-alias-taken", message)
                        .at(alias.at)
                        .hint(msg!("alias-taken-hint")),
                ),
                None => {
                    claimed.insert(alias.value.path.clone(), index);
                    kept.push(alias);
                }
            }
        }
        records[index].aliases = kept;
    }
}

/// Whether an alias lies where the site's own list, term, year, search and booklet pages
/// are: a taxonomy's or a reserved name's folder, or a collection's list pages.
fn is_site_page(alias: &Alias, config: &SiteConfig) -> bool {
    let below_lang = if alias.lang == config.default_lang() {
        alias.path.as_str()
    } else {
        alias
            .path
            .strip_prefix(&format!("{}/", alias.lang))
            .unwrap_or(&alias.path)
    };
    let mut segments = below_lang.split('/');
    let first = segments.next().unwrap_or_default();
    let rest: Vec<&str> = segments.filter(|s| !s.is_empty()).collect();
    RESERVED_ROUTES.contains(&first)
        || config.taxonomies.iter().any(|t| t.key == first)
        || (config.collections.iter().any(|c| c.key == first)
            && (rest.is_empty() || rest[0] == "page"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::BaseUrl;
    use crate::content::fields::tests::test_config;

    fn config(base: &str) -> SiteConfig {
        let mut config = test_config();
        config.base_url = BaseUrl::parse(base).unwrap();
        config
    }

    fn alias(lang: &str, path: &str) -> Alias {
        Alias {
            lang: lang.to_string(),
            path: path.to_string(),
        }
    }

    #[test]
    fn paths_full_addresses_and_pasted_links_give_one_path_below_the_base() {
        let c = config("https://example.org/showcase/");
        let want = alias("zh", "projects/old/");
        for text in [
            "/projects/old/",
            "/projects/old",
            "/showcase/projects/old/",
            "https://example.org/showcase/projects/old/index.html",
            "https://EXAMPLE.org/showcase/projects/old?from=singlemessage#top",
            " /projects//old/ ",
        ] {
            assert_eq!(parse(text, &c), Ok(want.clone()), "{text}");
        }
        assert_eq!(
            parse("/ko/projects/old/", &c),
            Ok(alias("ko", "ko/projects/old/"))
        );
        assert_eq!(parse("/news/12.html", &c), Ok(alias("zh", "news/12.html")));
        assert_eq!(
            parse("/%E6%96%B0%E9%97%BB/12.html", &c),
            Ok(alias("zh", "新闻/12.html"))
        );
        assert_eq!(alias("zh", "news/12.html").output_path(), "news/12.html");
        assert_eq!(
            alias("zh", "projects/old/").output_path(),
            "projects/old/index.html"
        );
    }

    #[test]
    fn what_cannot_be_an_alias_is_refused_with_the_reason() {
        let c = config("https://example.org/");
        assert!(matches!(
            parse("https://weixin.qq.com/projects/old/", &c),
            Err(AliasProblem::OtherSite { .. })
        ));
        assert_eq!(parse("projects/old", &c), Err(AliasProblem::NotAPath));
        assert_eq!(
            parse("javascript:alert(1)", &c),
            Err(AliasProblem::NotAPath)
        );
        assert_eq!(
            parse("ftp://example.org/a/", &c),
            Err(AliasProblem::NotAPath)
        );
        assert_eq!(parse("/files/report.pdf", &c), Err(AliasProblem::NotAPage));
        assert_eq!(parse("/", &c), Err(AliasProblem::Home));
        assert_eq!(parse("/ko/", &c), Err(AliasProblem::Home));
        for bad in [
            "/a b/", "/a\"b/", "/a;b/", "/a/../b/", "/a{b}/", "/%ZZ/", "/%FF/",
        ] {
            assert!(
                matches!(parse(bad, &c), Err(AliasProblem::BadCharacter { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_site_without_a_host_takes_an_address_of_any_host() {
        let c = config("/");
        assert_eq!(
            parse("http://192.168.1.5:8080/projects/old/", &c),
            Ok(alias("zh", "projects/old/"))
        );
    }
}
