//! Machine-read files written without templates, so they are always well-formed: an Atom feed
//! per language, `sitemap.xml` with reciprocal `xhtml:link` hreflang alternates, `robots.txt`.

use std::collections::BTreeMap;
use std::fmt::Write;

use rayon::prelude::*;

use super::Rendering;
use super::escape_xml;
use super::pages::{Page, PageKind};
use crate::model::routes;

const FEED_ENTRIES: usize = 30;

/// The newest records of `lang` across all collections.
pub fn atom(r: &Rendering, lang: &str) -> String {
    let site = r.site;
    let config = &site.config;
    // The years newest first, each year's records newest first.
    let shown: Vec<usize> = r
        .index
        .years(lang)
        .values()
        .rev()
        .flatten()
        .copied()
        .take(FEED_ENTRIES)
        .collect();
    let home = config.base_url.absolute(&routes::home(config, lang));
    let feed = config.base_url.absolute(&routes::feed(config, lang));
    let title = config.title.text(lang, config.default_lang());
    let updated = shown.first().map(|&i| {
        let record = &site.records[i];
        record.updated.unwrap_or(record.date)
    });
    let tag = config.language(lang).map_or(lang, |l| l.tag.as_str());
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape_xml(tag)
    ));
    xml.push_str(&format!("  <title>{}</title>\n", escape_xml(title)));
    xml.push_str(&format!(
        "  <link href=\"{}\" rel=\"self\" type=\"application/atom+xml\"/>\n",
        escape_xml(&feed)
    ));
    xml.push_str(&format!("  <link href=\"{}\"/>\n", escape_xml(&home)));
    xml.push_str(&format!("  <id>{}</id>\n", escape_xml(&feed)));
    xml.push_str(&format!(
        "  <updated>{}T00:00:00Z</updated>\n",
        updated.map_or_else(|| "1970-01-01".to_string(), |d| d.to_string())
    ));
    for index in shown {
        let record = &site.records[index];
        let card = r.card(index, lang);
        let url = config.base_url.absolute(&card.url);
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <title>{}</title>\n", escape_xml(&card.title)));
        xml.push_str(&format!("    <link href=\"{}\"/>\n", escape_xml(&url)));
        xml.push_str(&format!("    <id>{}</id>\n", escape_xml(&url)));
        xml.push_str(&format!(
            "    <published>{}T00:00:00Z</published>\n",
            record.date
        ));
        xml.push_str(&format!(
            "    <updated>{}T00:00:00Z</updated>\n",
            record.updated.unwrap_or(record.date)
        ));
        xml.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            escape_xml(title)
        ));
        xml.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\"/>\n",
            escape_xml(&card.collection),
            escape_xml(&card.collection_name)
        ));
        xml.push_str(&format!(
            "    <summary>{}</summary>\n",
            escape_xml(&card.summary)
        ));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// Every page, each with links to all its language versions (including itself), as search
/// engines require for reciprocal hreflang.
pub fn sitemap(
    r: &Rendering,
    pages: &[Page],
    counterparts: &BTreeMap<PageKind, Vec<(String, String)>>,
) -> String {
    // A large site lists tens of thousands of pages, and `serve` writes the sitemap on every
    // update: the entries are made in parallel, in chunks joined in page order.
    let chunks: Vec<String> = pages
        .par_chunks(SITEMAP_CHUNK)
        .map(|chunk| {
            let mut xml = String::new();
            for page in chunk {
                sitemap_entry(r, page, counterparts, &mut xml);
            }
            xml
        })
        .collect();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    xml.reserve(chunks.iter().map(String::len).sum::<usize>() + 12);
    for chunk in &chunks {
        xml.push_str(chunk);
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Pages to a parallel task of [`sitemap`].
const SITEMAP_CHUNK: usize = 1024;

/// Appends `page`'s `<url>` entry to `xml`; the search pages get none: they have no content of
/// their own for a search engine to index.
fn sitemap_entry(
    r: &Rendering,
    page: &Page,
    counterparts: &BTreeMap<PageKind, Vec<(String, String)>>,
    xml: &mut String,
) {
    if page.kind == PageKind::Search {
        return;
    }
    let config = &r.site.config;
    // Writing into a String cannot fail.
    let _ = write!(
        xml,
        "  <url>\n    <loc>{}</loc>\n",
        escape_xml(&config.base_url.absolute(&page.url))
    );
    if let PageKind::Record { index } = page.kind {
        let record = &r.site.records[index];
        let _ = writeln!(
            xml,
            "    <lastmod>{}</lastmod>",
            record.updated.unwrap_or(record.date)
        );
    }
    let alternates = counterparts
        .get(&page.kind)
        .map(Vec::as_slice)
        .unwrap_or_default();
    if alternates.len() > 1 {
        for (lang, url) in alternates {
            let tag = config
                .language(lang)
                .map_or(lang.as_str(), |l| l.tag.as_str());
            let _ = writeln!(
                xml,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                escape_xml(tag),
                escape_xml(&config.base_url.absolute(url))
            );
        }
    }
    xml.push_str("  </url>\n");
}

pub fn robots(r: &Rendering) -> String {
    let config = &r.site.config;
    let sitemap = config
        .base_url
        .absolute(&format!("{}sitemap.xml", config.base_url.path));
    format!("User-agent: *\nAllow: /\nSitemap: {sitemap}\n")
}
