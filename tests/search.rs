//! Search (issue 6), tested with the real client: the sample site is built with the real binary,
//! then Node runs `tests/search/driver.js`, which loads the built site's own `assets/search.js`
//! and index files from disk, the way the search page names them, and prints what each query
//! finds. For every query of `tests/search/queries.tsv`:
//!
//! - **recall is 100%**: every record of the query's language whose indexed text contains the
//!   query is found. What "contains" means is decided here, from the records' text alone (the
//!   display rows the index ships, which a separate test checks against the record pages), not
//!   from the index: the query, lowercased with full-width letters folded, is a substring of the
//!   title or text; a word of letters or digits must not be part of a longer word (the index
//!   keeps whole words); a query of several words (separated by spaces) needs each of them;
//!   and a Korean word ending in a common particle (연변에서) is also contained where its stem
//!   is (연변): the search page finds it there too;
//! - the record named in `title_record` is among the first three results.
//!
//! The search finds more than that (a record with all of a query's bigrams, not next to each
//! other), which is allowed: ranking puts such records after the close matches.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use serde_json::Value;

/// A query of the query set.
#[derive(Debug, Clone)]
struct Query {
    lang: String,
    category: String,
    text: String,
    /// Content path (`projects/hongxin-wuye`) of the record whose title contains the query.
    title_record: Option<String>,
}

/// `tests/search/queries.tsv` (see `tests/search/README.md`).
fn query_set() -> Vec<Query> {
    let path = repo().join("tests/search/queries.tsv");
    read(&path)
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            assert_eq!(columns.len(), 4, "{}: bad line {line:?}", path.display());
            Query {
                lang: columns[0].to_string(),
                category: columns[1].to_string(),
                text: columns[2].to_string(),
                title_record: (columns[3] != "-").then(|| columns[3].to_string()),
            }
        })
        .collect()
}

/// A record as the index ships it: `[url, title, collection, region, date, date_display,
/// lang_tag, text]`.
type Row = Vec<String>;

/// The search page of `lang` under `out`.
fn search_page(out: &Path, lang: &str) -> PathBuf {
    if lang == "zh" {
        out.join("search/index.html")
    } else {
        out.join(lang).join("search/index.html")
    }
}

fn attribute(html: &str, name: &str) -> String {
    let start = html
        .find(&format!("{name}=\""))
        .unwrap_or_else(|| panic!("no {name} on the search page"))
        + name.len()
        + 2;
    html[start..start + html[start..].find('"').unwrap()].to_string()
}

/// Every display row of `lang`'s index, in doc order, read from the chunk files.
fn rows(out: &Path, base: &str, lang: &str) -> Vec<Row> {
    let html = read(&search_page(out, lang));
    let manifest = attribute(&html, "data-index");
    let docs: usize = attribute(&html, "data-docs").parse().unwrap();
    let manifest = out.join(manifest.strip_prefix(base).unwrap());
    let folder = manifest.parent().unwrap();
    let names: serde_json::Value = serde_json::from_str(&read(&manifest)).unwrap();
    let chunks = names["d"].as_str().unwrap();
    let mut rows = Vec::new();
    for chunk in 0.. {
        if rows.len() >= docs {
            break;
        }
        let name = &chunks[16 * chunk..16 * chunk + 16];
        let text = read(&folder.join(format!("{name}.json")));
        let chunk_rows: Vec<Row> = serde_json::from_str(&text).unwrap();
        rows.extend(chunk_rows);
    }
    assert_eq!(rows.len(), docs);
    rows
}

/// Full-width letters and digits folded to ASCII, lowercase, whitespace as one space.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        let c = match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap(),
            _ => c,
        };
        out.extend(c.to_lowercase());
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Whether `text` contains `part` (both normalized), a word of letters or digits at its ends
/// not being part of a longer word.
fn contains(text: &str, part: &str) -> bool {
    let starts_word = part.chars().next().is_some_and(is_word_char);
    let ends_word = part.chars().last().is_some_and(is_word_char);
    text.match_indices(part).any(|(at, _)| {
        let before = text[..at].chars().last();
        let after = text[at + part.len()..].chars().next();
        let longer_before = starts_word && before.is_some_and(is_word_char);
        let longer_after = ends_word && after.is_some_and(is_word_char);
        !longer_before && !longer_after
    })
}

/// Common Korean particles (조사), each of which the search page also strips from the end of a
/// Korean query word.
const PARTICLES: [&str; 14] = [
    "에서", "으로", "에게", "까지", "부터", "로", "를", "을", "와", "과", "의", "에", "은", "는",
];

/// The stem of a Korean word ending in a particle (two syllables at least), or none.
fn stem(word: &str) -> Option<String> {
    let mut particles = PARTICLES.to_vec();
    particles.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    particles.into_iter().find_map(|p| {
        let stem = word.strip_suffix(p)?;
        (stem.chars().count() >= 2 && stem.chars().all(|c| ('가'..='힣').contains(&c)))
            .then(|| stem.to_string())
    })
}

/// The records of `rows` whose title or text contains `query` (see the top of this file).
fn expected(rows: &[Row], query: &Query) -> BTreeSet<usize> {
    let parts: Vec<Vec<String>> = normalize(&query.text)
        .split(' ')
        .map(|part| {
            let mut forms = vec![part.to_string()];
            if query.lang == "ko" {
                forms.extend(stem(part));
            }
            forms
        })
        .collect();
    rows.iter()
        .enumerate()
        .filter(|(_, row)| {
            let text = normalize(&format!("{}\n{}", row[1], row[7]));
            parts
                .iter()
                .all(|forms| forms.iter().any(|form| contains(&text, form)))
        })
        .map(|(doc, _)| doc)
        .collect()
}

/// The URL of a record given by its content path, in `lang`.
fn record_url(root: &Path, base: &str, lang: &str, content_path: &str) -> String {
    let (collection, id) = content_path.split_once('/').unwrap();
    let record = records_on_disk(root)
        .into_iter()
        .find(|r| r.collection == collection && r.id == id)
        .unwrap_or_else(|| panic!("no record {content_path} in the sample site"));
    let lang_root = if lang == "zh" {
        base.to_string()
    } else {
        format!("{base}{lang}/")
    };
    format!("{lang_root}{collection}/{}/", record.slug)
}

/// Runs the driver on `queries` against the site built in `out`; returns its answer.
fn drive(out: &Path, base: &str, queries: &[(String, String)], tokens: bool) -> Value {
    let request = serde_json::json!({
        "site": out,
        "base": base,
        "pages": {"zh": "search/index.html", "ko": "ko/search/index.html"},
        "tokens": if tokens { Some(repo().join("tests/search/tokens.tsv")) } else { None },
        "show": 10,
        "queries": queries.iter().map(|(lang, query)| serde_json::json!({"lang": lang, "query": query})).collect::<Vec<_>>(),
    });
    let request_path = out.with_extension("request.json");
    std::fs::write(&request_path, request.to_string()).unwrap();
    let output = Command::new("node")
        .arg(repo().join("tests/search/driver.js"))
        .arg(&request_path)
        .output()
        .expect("node runs (Node.js is needed for the search tests)");
    assert!(
        output.status.success(),
        "the driver failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn build_sample(site: &Site, base: &str) -> PathBuf {
    let out = site
        .outside()
        .join(format!("out{}", base.replace('/', "-")));
    let out_arg = out.to_string_lossy().into_owned();
    site.build(&["--output", &out_arg, "--base-url", base])
        .assert_ok();
    out
}

#[test]
fn every_query_finds_every_record_that_contains_it_and_its_title_record_first() {
    let queries = query_set();
    for lang in ["zh", "ko"] {
        let count = queries.iter().filter(|q| q.lang == lang).count();
        assert!(
            count >= 40,
            "the query set has {count} {lang} queries, 40 at least"
        );
    }
    let site = Site::sample();
    let out = build_sample(&site, "/");
    let rows: BTreeMap<&str, Vec<Row>> = ["zh", "ko"]
        .into_iter()
        .map(|lang| (lang, rows(&out, "/", lang)))
        .collect();
    let asked: Vec<(String, String)> = queries
        .iter()
        .map(|q| (q.lang.clone(), q.text.clone()))
        .collect();
    let answer = drive(&out, "/", &asked, true);

    assert_eq!(
        answer["tokens"],
        serde_json::json!([]),
        "search.js analyzes the shared cases differently from the index builder"
    );
    let mut failures = Vec::new();
    let mut bytes = Vec::new();
    for (query, result) in queries.iter().zip(answer["queries"].as_array().unwrap()) {
        let label = format!("{} {} {:?}", query.lang, query.category, query.text);
        let ranked: Vec<usize> = result["ranked"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_u64().unwrap() as usize)
            .collect();
        bytes.push(result["bytes"].as_u64().unwrap());
        let rows = &rows[query.lang.as_str()];
        let expected = expected(rows, query);
        if expected.is_empty() {
            failures.push(format!(
                "{label}: no record contains it (check the query set)"
            ));
        }
        let found: BTreeSet<usize> = ranked.iter().copied().collect();
        let missed: Vec<&str> = expected
            .difference(&found)
            .map(|&doc| rows[doc][0].as_str())
            .collect();
        if !missed.is_empty() {
            failures.push(format!("{label}: missed {missed:?}"));
        }
        if let Some(record) = &query.title_record {
            let url = record_url(site.root(), "/", &query.lang, record);
            let first: Vec<&str> = ranked
                .iter()
                .take(3)
                .map(|&d| rows[d][0].as_str())
                .collect();
            if !first.contains(&url.as_str()) {
                failures.push(format!(
                    "{label}: {url} is not in the first three {first:?}"
                ));
            }
        }
        for shown in result["top"].as_array().unwrap() {
            let html = format!("{}{}", shown["titleHtml"], shown["snippetHtml"]);
            if !html.contains("<mark>") {
                failures.push(format!("{label}: nothing marked in {html}"));
            }
        }
    }
    eprintln!(
        "{} queries, first-query downloads {}–{} bytes",
        queries.len(),
        bytes.iter().min().unwrap_or(&0),
        bytes.iter().max().unwrap_or(&0)
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What the recall test takes as a record's text is what its page shows: the title is the
/// page's heading, and every line of the text (summary, body blocks, fields, term names) is on
/// the page.
#[test]
fn indexed_text_is_the_text_of_the_record_pages() {
    let site = Site::sample();
    let out = build_sample(&site, "/");
    for lang in ["zh", "ko"] {
        let rows = rows(&out, "/", lang);
        assert_eq!(
            rows.len(),
            html_files(&out)
                .iter()
                .filter(|f| {
                    let parts: Vec<&str> = f.split('/').collect();
                    let parts = if lang == "ko" {
                        parts.strip_prefix(&["ko"][..]).unwrap_or(&[])
                    } else {
                        &parts[..]
                    };
                    parts.len() == 3
                        && ["projects", "brands", "cases"].contains(&parts[0])
                        && parts[2] == "index.html"
                        && parts[1] != "page"
                        // An old address of a record (`aliases:`) is a redirect, not a page.
                        && !read(&out.join(f)).contains("http-equiv=\"refresh\"")
                })
                .count(),
            "one row per record page of {lang}"
        );
        for row in &rows {
            let page = read(&url_file(&out, "/", &row[0]).unwrap());
            let main = &page[page.find("<main").unwrap()..page.find("</main>").unwrap()];
            let text = squeeze(&visible_text(main));
            for line in std::iter::once(row[1].as_str()).chain(row[7].lines()) {
                assert!(
                    text.contains(&squeeze(line)),
                    "{}: {line:?} is indexed but not on the page",
                    row[0]
                );
            }
        }
    }
}

/// The text of HTML without tags, with the entities templates write decoded.
/// A picture counts by its alt text, which is its text for a reader who does not see it.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut tag: Option<String> = None;
    for c in html.chars() {
        match (c, tag.as_mut()) {
            ('<', None) => tag = Some(String::new()),
            ('>', Some(inside)) => {
                if inside.starts_with("img ") {
                    let alt = inside.split(" alt=\"").nth(1);
                    out.push_str(alt.and_then(|a| a.split('"').next()).unwrap_or_default());
                }
                tag = None;
            }
            (c, Some(inside)) => inside.push(c),
            (c, None) => out.push(c),
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Under a subpath the page names the index and the script with the base path, and the same
/// queries find the same records.
#[test]
fn search_works_under_a_subpath() {
    let site = Site::sample();
    let out = build_sample(&site, "/sub/");
    let html = read(&search_page(&out, "ko"));
    assert!(attribute(&html, "data-index").starts_with("/sub/search/ko/"));
    assert!(html.contains("<script src=\"/sub/assets/search.js\""));
    let answer = drive(
        &out,
        "/sub/",
        &[
            ("zh".into(), "红心物业".into()),
            ("ko".into(), "연변에서".into()),
        ],
        false,
    );
    let first = |i: usize| {
        answer["queries"][i]["top"][0]["url"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(first(0), "/sub/projects/hongxin-wuye/");
    assert!(first(1).starts_with("/sub/ko/"), "{}", first(1));
}

/// The snippet is escaped: text that looks like HTML stays text.
#[test]
fn snippets_escape_the_text() {
    let site = Site::sample();
    site.write(
        "content/projects/escape.zh.md",
        "---\ntitle: 转义测试\ndate: 2020-01-01\n---\n\n这里写着 `<script>alert(1)</script>` 和 a&b 转义测试。\n",
    );
    let out = build_sample(&site, "/");
    let answer = drive(&out, "/", &[("zh".into(), "转义测试".into())], false);
    let top = &answer["queries"][0]["top"][0];
    assert_eq!(top["title"], "转义测试");
    let snippet = top["snippetHtml"].as_str().unwrap();
    assert!(
        snippet.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{snippet}"
    );
    assert!(snippet.contains("a&amp;b"), "{snippet}");
    assert!(snippet.contains("<mark>转义测试</mark>"), "{snippet}");
}
