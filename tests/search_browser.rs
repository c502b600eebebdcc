//! Search in a real browser (issue 6): the sample site is built, served by a small HTTP server
//! on 127.0.0.1 (started here, on a free port), and Debian's headless Chromium loads the search
//! page with `?q=`, which searches on load; the DOM it dumps must show the results, with the
//! query marked, in both languages, also under a subpath. `.ci/run` installs Chromium; without
//! it this test fails, unless SHOWCASE_SKIP_BROWSER=1 is set (for a machine without a browser).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Chromium's own limit on the page's (virtual) time, and ours on the whole run.
const VIRTUAL_TIME_MS: u32 = 10_000;
const RUN_TIMEOUT: Duration = Duration::from_secs(90);

fn chromium() -> Option<PathBuf> {
    if std::env::var("SHOWCASE_SKIP_BROWSER").is_ok_and(|v| v == "1") {
        return None;
    }
    let found = ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(name))
                .find(|path| path.is_file())
        })
    });
    Some(found.expect(
        "Chromium is needed for the browser tests: `apt-get install chromium` (.ci/run does it), \
         or set SHOWCASE_SKIP_BROWSER=1 to skip them",
    ))
}

/// Serves `root` on 127.0.0.1 under `base` (`/` or `/sub/`) from a background thread, one
/// connection at a time; returns the origin (`http://127.0.0.1:PORT`).
fn serve(root: PathBuf, base: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = respond(stream, &root, base);
        }
    });
    origin
}

fn respond(mut stream: TcpStream, root: &Path, base: &str) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let target = request_line.split(' ').nth(1).unwrap_or("/");
    let path = percent_decode(target.split(['?', '#']).next().unwrap_or("/"));
    let file = path
        .strip_prefix(base)
        .filter(|rest| !rest.split('/').any(|segment| segment == ".."))
        .map(|rest| {
            let file = root.join(rest);
            if file.is_dir() {
                file.join("index.html")
            } else {
                file
            }
        });
    let (status, body, kind) = match file.and_then(|f| std::fs::read(&f).ok().map(|b| (f, b))) {
        Some((file, body)) => ("200 OK", body, content_type(&file)),
        None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)?;
    stream.flush()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        _ => "application/octet-stream",
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode_query(query: &str) -> String {
    query
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The DOM of `url` after its scripts ran, as headless Chromium dumps it.
fn dump_dom(chromium: &Path, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--disable-dev-shm-usage",
            &format!("--user-data-dir={}", profile.path().display()),
            &format!("--virtual-time-budget={VIRTUAL_TIME_MS}"),
            "--dump-dom",
            url,
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut text);
        text
    });
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > RUN_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish {url} within {RUN_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap()
}

/// The value of attribute `name` on the search root (`<div class="search" …>`).
fn search_attribute(dom: &str, name: &str) -> Option<String> {
    let root = tags(dom, "div")
        .into_iter()
        .find(|t| t.attr("id") == Some("search"))?;
    root.attr(name).map(str::to_string)
}

/// Searches `query` on the search page at `page` and returns the dumped DOM, after checking
/// that the search ran and found `min_results` or more.
fn search(chromium: &Path, origin: &str, page: &str, query: &str, min_results: usize) -> String {
    let url = format!("{origin}{page}?q={}", encode_query(query));
    let dom = dump_dom(chromium, &url);
    assert_eq!(
        search_attribute(&dom, "data-query").as_deref(),
        Some(query),
        "the search for {query:?} did not finish on {url}; error: {:?}",
        search_attribute(&dom, "data-error")
    );
    let results: usize = search_attribute(&dom, "data-results")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(
        results >= min_results,
        "{url}: {results} results, expected {min_results} at least"
    );
    let ms = search_attribute(&dom, "data-query-ms").unwrap_or_default();
    let bytes = search_attribute(&dom, "data-bytes").unwrap_or_default();
    eprintln!("{url}: {results} results, {ms} ms, {bytes} bytes fetched");
    dom
}

/// The links of the results, in order.
fn result_urls(dom: &str) -> Vec<String> {
    let marker = "<h2 class=\"search-result-title\"><a href=\"";
    dom.match_indices(marker)
        .map(|(at, _)| {
            let rest = &dom[at + marker.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

#[test]
fn the_search_page_finds_chinese_and_korean_in_a_browser() {
    let Some(chromium) = chromium() else {
        eprintln!("SHOWCASE_SKIP_BROWSER=1: browser test skipped");
        return;
    };
    let site = Site::sample();
    site.build(&[]).assert_ok();
    let origin = serve(site.output(), "/");

    let dom = search(&chromium, &origin, "/search/", "延边", 3);
    let urls = result_urls(&dom);
    assert_eq!(urls[0], "/cases/yige-sanzhang/", "{urls:?}");
    assert!(dom.contains("<mark>延边</mark>"), "nothing marked");
    let results = search_attribute(&dom, "data-results").unwrap();
    let status = ui_string("zh", "search_count").replace("{n}", &results);
    assert!(dom.contains(&status), "no {status:?} for screen readers");

    let dom = search(&chromium, &origin, "/ko/search/", "축제", 1);
    assert!(dom.contains("<mark>축제</mark>"), "nothing marked");
    assert!(result_urls(&dom).iter().all(|url| url.starts_with("/ko/")));

    let dom = search(&chromium, &origin, "/ko/search/", "연변조선족자치주", 1);
    assert!(
        dom.contains("<mark>연변조선족자치주</mark>"),
        "the whole word is one mark"
    );

    let dom = search(&chromium, &origin, "/ko/search/", "연변에서", 3);
    assert_eq!(
        result_urls(&dom)[0],
        "/ko/cases/yige-sanzhang/",
        "the record titled with 연변 first"
    );

    // A query nothing contains says so.
    let dom = dump_dom(
        &chromium,
        &format!("{origin}/search/?q={}", encode_query("不存在的词语")),
    );
    let none = ui_string("zh", "search_none").replace("{q}", "不存在的词语");
    assert!(dom.contains(&none), "no 'nothing found' message");
}

#[test]
fn the_search_page_works_under_a_subpath() {
    let Some(chromium) = chromium() else {
        eprintln!("SHOWCASE_SKIP_BROWSER=1: browser test skipped");
        return;
    };
    let site = Site::sample();
    site.build(&["--base-url", "https://example.org/sub/"])
        .assert_ok();
    let origin = serve(site.output(), "/sub/");
    let dom = search(&chromium, &origin, "/sub/ko/search/", "연변", 3);
    let urls = result_urls(&dom);
    assert!(
        !urls.is_empty() && urls.iter().all(|url| url.starts_with("/sub/ko/")),
        "{urls:?}"
    );
    assert!(dom.contains("<mark>연변</mark>"));
    // The header box of every page sends its query to this language's search page.
    let home = read(&site.output().join("ko/index.html"));
    let form = tags(&home, "form")
        .into_iter()
        .find(|f| f.attr("role") == Some("search"))
        .expect("a search box in the header");
    assert_eq!(form.attr("action"), Some("/sub/ko/search/"));
}

/// With JavaScript off, the search page says that search needs it, in its own language.
#[test]
fn the_search_page_says_it_needs_javascript() {
    let site = Site::sample();
    site.build(&[]).assert_ok();
    for (lang, page) in [("zh", "search/index.html"), ("ko", "ko/search/index.html")] {
        let html = read(&site.output().join(page));
        let noscript = &html[html.find("<noscript>").expect("a noscript message")..];
        let noscript = &noscript[..noscript.find("</noscript>").unwrap()];
        assert!(
            noscript.contains(&ui_string(lang, "search_noscript")),
            "{lang}: {noscript}"
        );
    }
}
