//! Headless Chromium for the browser tests (`search_browser.rs`, `csp_browser.rs`): Debian's
//! Chromium found on PATH (or the test skipped with SHOWCASE_SKIP_BROWSER=1), a small static
//! HTTP server on 127.0.0.1 that logs what it is asked, and one page load that gives the DOM
//! after the page's scripts ran, the console messages and every network request made for the
//! page. It is not a browser driver: each load is one `chromium --dump-dom` run, bounded in time.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

use super::run_bounded;
use std::time::Duration;

/// Our limit on one Chromium run; past it the run counts as a hang.
const RUN_TIMEOUT: Duration = Duration::from_secs(90);

/// Debian's Chromium, or `None` when SHOWCASE_SKIP_BROWSER=1 (a machine without a browser).
/// Panics when it is missing otherwise: a browser test that silently passes checks nothing.
pub fn chromium() -> Option<PathBuf> {
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

/// One request the static server answered: the Host header and the request target.
#[derive(Clone, Debug)]
pub struct ServedRequest {
    pub host: String,
    pub target: String,
}

/// Serves a folder on 127.0.0.1 under a base path (`/` or `/sub/`) from a background thread,
/// one connection at a time, like a static host: folders give their `index.html`, and a missing
/// file gives the folder's `404.html` with status 404 when there is one. Every request is logged.
pub struct StaticServer {
    /// `http://127.0.0.1:PORT`
    pub origin: String,
    log: Arc<Mutex<Vec<ServedRequest>>>,
}

impl StaticServer {
    pub fn start(root: PathBuf, base: &'static str) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let log = Arc::new(Mutex::new(Vec::new()));
        let thread_log = Arc::clone(&log);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let _ = respond(stream, &root, base, &thread_log);
            }
        });
        StaticServer { origin, log }
    }

    /// Every request answered so far.
    pub fn requests(&self) -> Vec<ServedRequest> {
        self.log.lock().unwrap().clone()
    }
}

fn respond(
    mut stream: TcpStream,
    root: &Path,
    base: &str,
    log: &Mutex<Vec<ServedRequest>>,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    // Chromium opens spare connections ahead of need and may close them unused: nothing was
    // requested on those.
    if reader.read_line(&mut request_line)? == 0 {
        return Ok(());
    }
    let mut host = String::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("host")
        {
            host = value.trim().to_string();
        }
    }
    let target = request_line.split(' ').nth(1).unwrap_or("/").to_string();
    log.lock().unwrap().push(ServedRequest {
        host,
        target: target.clone(),
    });
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
    let found = file.and_then(|f| std::fs::read(&f).ok().map(|b| (f, b)));
    let not_found_page = || {
        let page = root.join("404.html");
        std::fs::read(&page).ok().map(|b| (page, b))
    };
    let (status, body, kind) = match found {
        Some((file, body)) => ("200 OK", body, content_type(&file)),
        None => match not_found_page() {
            Some((page, body)) => ("404 Not Found", body, content_type(&page)),
            None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
        },
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
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        _ => "application/octet-stream",
    }
}

pub fn percent_decode(text: &str) -> String {
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

/// A query string value, percent-encoded.
pub fn encode_query(query: &str) -> String {
    query
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// How long Chromium lets a page run before it dumps the DOM.
#[derive(Clone, Copy, Debug)]
pub enum Settle {
    /// `--virtual-time-budget`: the page's timers and fetches run to completion (up to this
    /// many milliseconds of virtual time), so a search started on load has finished. A page
    /// holding a connection open (serve's event stream) never settles: use `Load` for it.
    VirtualTime(u32),
    /// The DOM is dumped once the page has loaded, or when this many milliseconds of real
    /// time have passed (`--timeout`): with serve's event stream open, Chromium sometimes
    /// never counts the page as loaded. Scripts that run while the page is parsed (serve's
    /// reload.js and its overlay) have run by then.
    Load(u32),
}

/// What one page load showed.
#[derive(Debug)]
pub struct PageLoad {
    pub url: String,
    /// The DOM after the page's scripts ran.
    pub dom: String,
    /// Console messages, as Chromium logs them on stderr (one line each, with its source).
    pub console: Vec<String>,
    /// The URL of every network request made for the page (the page itself, its
    /// subresources, its fetches), from Chromium's NetLog; requests of the browser's own
    /// (update checks, clock sync) are told apart by their network isolation key and left out.
    pub requests: Vec<String>,
}

impl PageLoad {
    /// Console messages that report a Content-Security-Policy violation. Chromium words them
    /// "… violates the following Content Security Policy directive …" (before version 130 or
    /// so: "Refused to … because it violates …"); both contain the policy's name.
    pub fn csp_violations(&self) -> Vec<&str> {
        self.console
            .iter()
            .map(String::as_str)
            .filter(|line| line.contains("Content Security Policy"))
            .collect()
    }

    /// Requests made for the page to anywhere but 127.0.0.1.
    pub fn outside_requests(&self) -> Vec<&str> {
        self.requests
            .iter()
            .map(String::as_str)
            .filter(|url| !is_local(url))
            .collect()
    }
}

fn is_local(url: &str) -> bool {
    url.strip_prefix("http://127.0.0.1")
        .is_some_and(|rest| rest.starts_with([':', '/']))
}

/// Loads `url` in a fresh headless Chromium (its own profile) and reports what it showed.
///
/// Console messages are read from `--enable-logging=stderr`; requests from `--log-net-log`.
/// Host names other than 127.0.0.1 resolve to nothing (`--host-resolver-rules`), so a page
/// that asks for something outside fails to get it, whatever the machine's network, and the
/// request still shows in the NetLog.
pub fn load(chromium: &Path, url: &str, settle: Settle) -> PageLoad {
    let profile = tempfile::tempdir().unwrap();
    let net_log = profile.path().join("net-log.json");
    let mut command = Command::new(chromium);
    command.args([
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--enable-logging=stderr",
        "--v=0",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ]);
    command
        .arg(format!(
            "--user-data-dir={}",
            profile.path().join("p").display()
        ))
        .arg(format!("--log-net-log={}", net_log.display()));
    match settle {
        Settle::VirtualTime(ms) => command.arg(format!("--virtual-time-budget={ms}")),
        Settle::Load(ms) => command.arg(format!("--timeout={ms}")),
    };
    command.args(["--dump-dom", url]);
    let (_, dom, log) = run_bounded(command, RUN_TIMEOUT, &format!("chromium on {url}"));
    let dom = String::from_utf8_lossy(&dom).into_owned();
    let console = String::from_utf8_lossy(&log)
        .lines()
        .filter(|line| line.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    let requests = page_requests(&net_log);
    PageLoad {
        url: url.to_string(),
        dom,
        console,
        requests,
    }
}

/// Loads every URL, a few Chromiums at a time (each spends most of its time starting up and
/// waiting), and returns the loads in the order of `urls`.
pub fn load_all(chromium: &Path, urls: &[String], settle: Settle) -> Vec<PageLoad> {
    const AT_ONCE: usize = 3;
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done = Mutex::new(Vec::with_capacity(urls.len()));
    std::thread::scope(|scope| {
        for _ in 0..AT_ONCE.min(urls.len()) {
            scope.spawn(|| {
                loop {
                    let at = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let Some(url) = urls.get(at) else { break };
                    let page = load(chromium, url, settle);
                    done.lock().unwrap().push((at, page));
                }
            });
        }
    });
    let mut done = done.into_inner().unwrap();
    done.sort_by_key(|(at, _)| *at);
    done.into_iter().map(|(_, page)| page).collect()
}

/// The DOM of `url` after its scripts ran (and its fetches finished), as headless Chromium
/// dumps it.
pub fn dump_dom(chromium: &Path, url: &str) -> String {
    load(chromium, url, Settle::VirtualTime(10_000)).dom
}

/// The URLs of the NetLog's URL requests made for a page served from 127.0.0.1.
///
/// A request Chromium starts logs `URL_REQUEST_START_JOB` with its `url` and its
/// `network_isolation_key` ("top-frame-site frame-site"): a page's requests, wherever they
/// go, carry the page's site (`http://127.0.0.1`); the browser's own background requests carry
/// `null` or their own service's site. A missing or unreadable NetLog fails the test: without
/// it nothing would be checked.
fn page_requests(net_log: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(net_log)
        .unwrap_or_else(|err| panic!("no NetLog at {}: {err}", net_log.display()));
    // Chromium may stop before closing the JSON (on a kill); a finished run closes it.
    let log: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|err| panic!("the NetLog is not JSON ({err}); did Chromium crash?"));
    let start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
        .as_u64()
        .expect("the NetLog names URL_REQUEST_START_JOB");
    let mut urls = Vec::new();
    for event in log["events"].as_array().into_iter().flatten() {
        if event["type"].as_u64() != Some(start_job) {
            continue;
        }
        let params = &event["params"];
        let (Some(url), Some(key)) = (
            params["url"].as_str(),
            params["network_isolation_key"].as_str(),
        ) else {
            continue;
        };
        let for_page = key
            .split_whitespace()
            .next()
            .is_some_and(|site| site == "http://127.0.0.1");
        if for_page {
            urls.push(url.to_string());
        }
    }
    urls
}

/// One GET over a new connection: the status and the body as text. For waiting on a server
/// until it answers as expected.
pub fn http_get(origin: &str, path: &str) -> (u16, String) {
    let address = origin.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_string())
        .unwrap_or_default();
    (status, body)
}
