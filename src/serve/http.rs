//! The HTTP server of `showcase serve` (SPEC §5): serves a rendered site from memory like a
//! static host, streams reload events to open pages and adds the reload script and the error
//! overlay to HTML responses — never to the rendered files, which stay as `build` writes them.
//! It does not render, watch or diff: the caller hands it a [`SiteSnapshot`] and says which URL
//! paths changed. HTTP parsing is tiny_http's; this module only routes and answers.

// Used by the serve command, being written beside.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{self, Cursor, Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, StatusCode};

/// The browser side of live reload, called with `{events, overlay}` (see [`page_script`]).
const RELOAD_JS: &str = include_str!("reload.js");

/// The reserved folder, under the base path, of the server's own URLs.
const RESERVED_EVENTS: [&str; 2] = ["__showcase", "events"];

/// Threads answering page requests. Each answers one request at a time from memory, so a few
/// suffice for one browser (which opens at most six connections per host); event streams never
/// take one of them, they get a thread each (see `open_event_stream`).
const WORKERS: usize = 8;

/// How often an idle event stream gets a comment line, so proxies and browsers keep it open
/// (shorter in tests, which wait for one).
const KEEP_ALIVE: Duration = if cfg!(test) {
    Duration::from_millis(200)
} else {
    Duration::from_secs(15)
};

/// How long `shutdown` waits for event stream threads to end before leaving them behind.
const STREAM_SHUTDOWN_WAIT: Duration = Duration::from_secs(2);

/// Longer request paths are refused (414) before they are decoded.
const MAX_TARGET_LEN: usize = 8 * 1024;

/// The rendered site, as the server serves it.
pub struct SiteSnapshot {
    /// Output path as `build` would write it ("index.html", "ko/projects/x/index.html",
    /// "assets/style.css", "404.html") → bytes. Shared, never copied per request.
    pub files: HashMap<String, Arc<[u8]>>,
    /// The site's base path, "/" or "/sub/": files are served under it.
    pub base_path: String,
}

/// The error overlay shown on every page while the site on disk has errors.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorOverlay {
    /// A short heading in the user's language (the caller supplies it).
    pub heading: String,
    /// The diagnostics as plain text, exactly as printed in the terminal (no color codes):
    /// file:line:col, the source line, the hint. Shown in a <pre>.
    pub text: String,
}

/// A running server; stopped by [`Server::shutdown`] or when dropped.
pub struct Server {
    shared: Arc<Shared>,
    /// `None` once shut down.
    http: Option<Arc<tiny_http::Server>>,
    workers: Vec<JoinHandle<()>>,
    local_addr: SocketAddr,
}

/// What the worker threads, the event stream threads and [`Server`] share.
struct Shared {
    /// The site and overlay served now. Requests clone the `Arc` and release the lock at once,
    /// so an update never waits for a response to be written, nor a response for an update.
    live: Mutex<Arc<Live>>,
    /// One sender per open event stream; a stream whose thread ended is dropped on the next send.
    streams: Mutex<Vec<Sender<Arc<str>>>>,
    stream_threads: Mutex<Vec<JoinHandle<()>>>,
    /// How many event stream threads are running, for `shutdown` to wait on.
    open_streams: Mutex<usize>,
    streams_ended: Condvar,
    stopping: AtomicBool,
}

/// One consistent state: a page is never served from one site with another site's overlay.
struct Live {
    site: Arc<ServedSite>,
    overlay: Option<ErrorOverlay>,
}

/// A snapshot with its base path split into decoded segments, ready for routing.
struct ServedSite {
    files: HashMap<String, Arc<[u8]>>,
    base_segments: Vec<String>,
    events_url: String,
}

impl ServedSite {
    fn new(site: SiteSnapshot) -> ServedSite {
        let base = normalize_base(&site.base_path);
        let base_segments = match decode_target(&base) {
            Some(path) => path.segments,
            // An undecodable base path cannot be requested; serving under "/" is the best guess.
            None => Vec::new(),
        };
        let events_url = url_of(&base, &RESERVED_EVENTS.join("/"));
        ServedSite {
            files: site.files,
            base_segments,
            events_url,
        }
    }
}

impl Server {
    /// Binds `addr` (port 0 = any free port) and starts serving on background threads.
    /// A taken port is returned as the io::Error (kind AddrInUse) for the caller to report.
    pub fn start(
        addr: SocketAddr,
        site: SiteSnapshot,
        overlay: Option<ErrorOverlay>,
    ) -> io::Result<Server> {
        // Bound here rather than by tiny_http so that a taken port stays an `io::Error`.
        let listener = TcpListener::bind(addr)?;
        let local_addr = listener.local_addr()?;
        let http = tiny_http::Server::from_listener(listener, None).map_err(io::Error::other)?;
        let http = Arc::new(http);
        let shared = Arc::new(Shared {
            live: Mutex::new(Arc::new(Live {
                site: Arc::new(ServedSite::new(site)),
                overlay,
            })),
            streams: Mutex::new(Vec::new()),
            stream_threads: Mutex::new(Vec::new()),
            open_streams: Mutex::new(0),
            streams_ended: Condvar::new(),
            stopping: AtomicBool::new(false),
        });
        let mut server = Server {
            shared,
            http: Some(Arc::clone(&http)),
            workers: Vec::new(),
            local_addr,
        };
        for _ in 0..WORKERS {
            let shared = Arc::clone(&server.shared);
            let http = Arc::clone(&http);
            // On failure, dropping `server` stops the workers already started.
            let worker = thread::Builder::new()
                .name("showcase-http".into())
                .spawn(move || serve_requests(&shared, &http))?;
            server.workers.push(worker);
        }
        Ok(server)
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// Swaps in a new site (when `site` is Some; otherwise the current one stays served),
    /// sets or clears the overlay, and sends one reload event to every open page listing
    /// `changed`: the URL paths (with the base path, e.g. "/sub/projects/x/", "/sub/assets/style.css")
    /// whose bytes changed, appeared or disappeared.
    pub fn update(
        &self,
        site: Option<SiteSnapshot>,
        changed: &[String],
        overlay: Option<ErrorOverlay>,
    ) {
        let event = reload_event(changed, overlay.as_ref());
        let site = site.map(|site| Arc::new(ServedSite::new(site)));
        {
            let mut live = lock(&self.shared.live);
            let site = site.unwrap_or_else(|| Arc::clone(&live.site));
            *live = Arc::new(Live { site, overlay });
        }
        // Sent after the swap, so a page reloading on this event gets the new site.
        lock(&self.shared.streams).retain(|stream| stream.send(Arc::clone(&event)).is_ok());
    }

    /// Stops accepting, closes open event streams, joins the threads. Also done on Drop.
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        let Some(http) = self.http.take() else { return };
        self.shared.stopping.store(true, Ordering::SeqCst);
        // Each unblock ends one worker's wait for a request; requests already queued are
        // answered first.
        for _ in &self.workers {
            http.unblock();
        }
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
        // No worker is left to open a stream, so every stream sender is here: dropping them
        // makes each stream thread end its response and return.
        lock(&self.shared.streams).clear();
        let open = lock(&self.shared.open_streams);
        let (open, _) = self
            .shared
            .streams_ended
            .wait_timeout_while(open, STREAM_SHUTDOWN_WAIT, |open| *open > 0)
            .unwrap_or_else(PoisonError::into_inner);
        drop(open);
        // A thread still blocked writing to a client that stopped reading is left behind
        // rather than hanging shutdown; it ends when that client goes away.
        for stream in lock(&self.shared.stream_threads).drain(..) {
            if stream.is_finished() {
                let _ = stream.join();
            }
        }
        // The last reference: tiny_http's Drop wakes its accept thread, which closes the
        // listening socket as it ends.
        drop(http);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The URL path a file is served at: "projects/x/index.html" → "/sub/projects/x/", "assets/a.css" → "/sub/assets/a.css".
///
/// The path is percent-encoded like a browser's `location.pathname` ("regions/延边/index.html" →
/// "/regions/%E5%BB%B6%E8%BE%B9/"); the reload script decodes before comparing either way.
pub fn url_of(base_path: &str, file: &str) -> String {
    let folder = file
        .strip_suffix("index.html")
        .filter(|folder| folder.is_empty() || folder.ends_with('/'));
    let mut url = normalize_base(base_path);
    url.push_str(&encode_path(folder.unwrap_or(file)));
    url
}

/// "/sub/", "sub", "/sub" → "/sub/"; "" → "/".
fn normalize_base(base_path: &str) -> String {
    let inner = base_path.trim_matches('/');
    if inner.is_empty() {
        "/".to_string()
    } else {
        format!("/{inner}/")
    }
}

/// Percent-encodes everything but unreserved characters, sub-delimiters, ':', '@' and '/'.
fn encode_path(path: &str) -> String {
    let mut encoded = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Nothing holding these locks can leave the value half-changed, so a panic elsewhere is no
    // reason to stop serving.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn serve_requests(shared: &Arc<Shared>, http: &tiny_http::Server) {
    loop {
        match http.recv() {
            Ok(request) => answer(shared, request),
            // Either `stop` unblocked this worker, or tiny_http reported an accept error (it
            // stops accepting then; the workers wait for `stop`).
            Err(_) if shared.stopping.load(Ordering::SeqCst) => return,
            Err(_) => {}
        }
    }
}

fn answer(shared: &Arc<Shared>, request: Request) {
    let live = Arc::clone(&lock(&shared.live));
    let is_get = match request.method() {
        Method::Get => true,
        Method::Head => false,
        _ => {
            let response = text_response(405, "405 Method Not Allowed\n")
                .with_header(header("Allow", "GET, HEAD"));
            let _ = request.respond(response);
            return;
        }
    };
    let response = match route(&live.site, request.url()) {
        Route::File(name) => match live.site.files.get(&name) {
            Some(bytes) => file_response(&live, 200, &name, bytes),
            None => not_found(&live),
        },
        Route::Redirect(location) => {
            text_response(301, "301 Moved Permanently\n").with_header(header("Location", &location))
        }
        Route::Events if is_get => return open_event_stream(shared, request),
        Route::Events => {
            text_response(405, "405 Method Not Allowed\n").with_header(header("Allow", "GET"))
        }
        Route::NotFound => not_found(&live),
        Route::TooLong => text_response(414, "414 URI Too Long\n"),
    };
    // A client that went away is no error of the server's.
    let _ = request.respond(response);
}

/// What a request target asks for.
#[derive(Debug, PartialEq)]
enum Route {
    /// A key of `SiteSnapshot::files`.
    File(String),
    /// A folder URL without its final slash: the same URL with it.
    Redirect(String),
    Events,
    NotFound,
    TooLong,
}

/// Maps a request target ("/sub/regions/%E5%BB%B6%E8%BE%B9/?x") to what it asks for. Files come
/// only from the map, so nothing outside the site can be reached; still, every path that a file
/// server could read outside its folder is refused here, whatever it would have matched
/// (SPEC §5: the server never serves a file outside the site).
fn route(site: &ServedSite, target: &str) -> Route {
    if target.len() > MAX_TARGET_LEN {
        return Route::TooLong;
    }
    // tiny_http only passes ASCII request lines; checked again because redirects echo the path.
    if !target.is_ascii() {
        return Route::NotFound;
    }
    let target = target.split('#').next().unwrap_or_default();
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (target, None),
    };
    let Some(decoded) = decode_target(path) else {
        return Route::NotFound;
    };
    let Some(rest) = decoded.segments.strip_prefix(site.base_segments.as_slice()) else {
        return Route::NotFound;
    };
    if rest == RESERVED_EVENTS && !decoded.folder {
        return Route::Events;
    }
    let name = rest.join("/");
    if decoded.folder {
        let index = if name.is_empty() {
            "index.html".to_string()
        } else {
            name + "/index.html"
        };
        return Route::File(index);
    }
    if !name.is_empty() && site.files.contains_key(&name) {
        return Route::File(name);
    }
    let index = if name.is_empty() {
        "index.html".to_string()
    } else {
        format!("{name}/index.html")
    };
    if site.files.contains_key(&index) {
        let mut location = format!("{path}/");
        // A query with control characters (a lone CR could split the header) is dropped.
        if let Some(query) = query.filter(|query| !query.bytes().any(|b| b.is_ascii_control())) {
            location.push('?');
            location.push_str(query);
        }
        return Route::Redirect(location);
    }
    Route::NotFound
}

/// A request path split into decoded segments.
#[derive(Debug, PartialEq)]
struct RequestPath {
    segments: Vec<String>,
    /// The path ends with a slash: a folder URL.
    folder: bool,
}

/// Splits and decodes an origin-form path strictly: `None` for anything but "/" followed by
/// non-empty segments that decode to UTF-8 names — no "." or "..", no '/' or '\' inside a
/// segment (raw or encoded), no control characters (NUL included), no drive letter ("C:").
fn decode_target(path: &str) -> Option<RequestPath> {
    let inner = path.strip_prefix('/')?;
    if inner.is_empty() {
        return Some(RequestPath {
            segments: Vec::new(),
            folder: true,
        });
    }
    let (inner, folder) = match inner.strip_suffix('/') {
        Some(inner) => (inner, true),
        None => (inner, false),
    };
    // An empty segment ("//", "/a//b") is refused by `decode_segment`.
    let segments = inner
        .split('/')
        .map(decode_segment)
        .collect::<Option<Vec<_>>>()?;
    Some(RequestPath { segments, folder })
}

fn decode_segment(raw: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(raw.len());
    let mut rest = raw.as_bytes();
    while let Some((&byte, after)) = rest.split_first() {
        if byte == b'%' {
            let [high, low, ..] = *after else { return None };
            let value = (hex_digit(high)? << 4) | hex_digit(low)?;
            bytes.push(value);
            rest = &after[2..];
        } else {
            bytes.push(byte);
            rest = after;
        }
    }
    let segment = String::from_utf8(bytes).ok()?;
    let drive = {
        let mut chars = segment.chars();
        matches!((chars.next(), chars.next()), (Some(letter), Some(':')) if letter.is_ascii_alphabetic())
    };
    let refused = segment.is_empty()
        || segment == "."
        || segment == ".."
        || drive
        || segment
            .chars()
            .any(|c| c == '/' || c == '\\' || c.is_control());
    (!refused).then_some(segment)
}

fn hex_digit(byte: u8) -> Option<u8> {
    char::from(byte)
        .to_digit(16)
        .and_then(|digit| u8::try_from(digit).ok())
}

/// The Content-Type of a file, by its extension; text types are UTF-8 as showcase writes them.
fn content_type(name: &str) -> &'static str {
    let file_name = name.rsplit('/').next().unwrap_or(name);
    let extension = match file_name.rsplit_once('.') {
        Some((_, extension)) => extension.to_ascii_lowercase(),
        None => String::new(),
    };
    if file_name.eq_ignore_ascii_case("atom.xml") {
        return "application/atom+xml; charset=utf-8";
    }
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json; charset=utf-8",
        "webmanifest" => "application/manifest+json; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "wasm" => "application/wasm",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        _ => "application/octet-stream",
    }
}

type Body = Box<dyn Read + Send>;

/// A site file's response; HTML gets the page script (SPEC §5: the overlay and the reload
/// script are added to HTTP responses, never to rendered files).
fn file_response(live: &Live, status: u16, name: &str, bytes: &Arc<[u8]>) -> Response<Body> {
    let content_type = content_type(name);
    let (body, length): (Body, usize) = if content_type.starts_with("text/html") {
        let at = body_end(bytes);
        let script = page_script(live);
        let length = bytes.len() + script.len();
        let before = Cursor::new(SharedSlice {
            bytes: Arc::clone(bytes),
            range: 0..at,
        });
        let after = Cursor::new(SharedSlice {
            bytes: Arc::clone(bytes),
            range: at..bytes.len(),
        });
        (
            Box::new(before.chain(Cursor::new(script)).chain(after)),
            length,
        )
    } else {
        let all = SharedSlice {
            bytes: Arc::clone(bytes),
            range: 0..bytes.len(),
        };
        (Box::new(Cursor::new(all)), bytes.len())
    };
    response(status, content_type, body, length)
}

fn not_found(live: &Live) -> Response<Body> {
    match live.site.files.get("404.html") {
        Some(page) => file_response(live, 404, "404.html", page),
        // No site yet (the first build failed): an empty page that shows the overlay and
        // reloads when the site builds.
        None if live.overlay.is_some() => {
            let page: Arc<[u8]> = Arc::from(NO_SITE_YET.as_bytes());
            file_response(live, 404, "404.html", &page)
        }
        None => text_response(404, "404 Not Found\n"),
    }
}

const NO_SITE_YET: &str = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>showcase</title></head><body></body></html>\n";

fn text_response(status: u16, text: &'static str) -> Response<Body> {
    response(
        status,
        "text/plain; charset=utf-8",
        Box::new(text.as_bytes()),
        text.len(),
    )
}

fn response(status: u16, content_type: &str, body: Body, length: usize) -> Response<Body> {
    let headers = vec![
        header("Content-Type", content_type),
        header("Cache-Control", "no-store"),
        header("X-Content-Type-Options", "nosniff"),
    ];
    // Content-Length always, never chunked: the length is known and HEAD must report it.
    Response::new(StatusCode(status), headers, body, Some(length), None)
        .with_chunked_threshold(usize::MAX)
}

fn header(name: &str, value: &str) -> Header {
    // Names are constants, values are content types or a request path checked to be ASCII, and
    // tiny_http accepts any ASCII header.
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("an ASCII header")
}

/// A range of a shared file, read without copying the file.
struct SharedSlice {
    bytes: Arc<[u8]>,
    range: Range<usize>,
}

impl AsRef<[u8]> for SharedSlice {
    fn as_ref(&self) -> &[u8] {
        &self.bytes[self.range.clone()]
    }
}

/// Where the page script goes: before the last `</body` (any case), else at the end.
fn body_end(html: &[u8]) -> usize {
    const CLOSE: &[u8] = b"</body";
    html.windows(CLOSE.len())
        .rposition(|window| window.eq_ignore_ascii_case(CLOSE))
        .unwrap_or(html.len())
}

/// `<script>` with reload.js called with the event stream URL and the current overlay.
/// '<' in the JSON is escaped so that no text in a diagnostic can close the script element.
fn page_script(live: &Live) -> Vec<u8> {
    let config = serde_json::json!({
        "events": live.site.events_url,
        "overlay": overlay_json(live.overlay.as_ref()),
    });
    let config = config.to_string().replace('<', "\\u003c");
    format!("<script data-showcase-reload>{RELOAD_JS}({config});</script>").into_bytes()
}

fn overlay_json(overlay: Option<&ErrorOverlay>) -> serde_json::Value {
    match overlay {
        Some(overlay) => serde_json::json!({"heading": overlay.heading, "text": overlay.text}),
        None => serde_json::Value::Null,
    }
}

/// One Server-Sent Event; the JSON has no raw line break, so it fits one `data:` line.
fn reload_event(changed: &[String], overlay: Option<&ErrorOverlay>) -> Arc<str> {
    let data = serde_json::json!({"changed": changed, "overlay": overlay_json(overlay)});
    format!("event: reload\ndata: {data}\n\n").into()
}

/// Hands the connection to a thread of its own that writes events until the server stops or
/// the page goes away, so open pages never hold a worker (a browser keeps one stream per tab).
fn open_event_stream(shared: &Arc<Shared>, request: Request) {
    if shared.stopping.load(Ordering::SeqCst) {
        let _ = request.respond(text_response(503, "503 Service Unavailable\n"));
        return;
    }
    let chunked = *request.http_version() >= (1, 1);
    let (sender, events) = mpsc::channel();
    // Registered before the response starts: a client that has read the headers gets every
    // later update.
    lock(&shared.streams).push(sender);
    let count = OpenStream::new(shared);
    let writer = request.into_writer();
    let spawned = thread::Builder::new()
        .name("showcase-events".into())
        .spawn(move || {
            let _count = count;
            let _ = stream_events(EventWriter { writer, chunked }, &events);
        });
    // On failure the closure, with its writer and its count, was dropped with the error.
    if let Ok(thread) = spawned {
        let mut threads = lock(&shared.stream_threads);
        threads.retain(|thread| !thread.is_finished());
        threads.push(thread);
    }
}

/// Counts a running event stream thread; the count drops when the thread ends, however.
struct OpenStream(Arc<Shared>);

impl OpenStream {
    fn new(shared: &Arc<Shared>) -> OpenStream {
        *lock(&shared.open_streams) += 1;
        OpenStream(Arc::clone(shared))
    }
}

impl Drop for OpenStream {
    fn drop(&mut self) {
        let mut open = lock(&self.0.open_streams);
        *open = open.saturating_sub(1);
        self.0.streams_ended.notify_all();
    }
}

fn stream_events(mut out: EventWriter, events: &Receiver<Arc<str>>) -> io::Result<()> {
    out.start()?;
    // Reconnect after a second when the connection is lost (the browser's default is 3 s).
    out.send("retry: 1000\n\n")?;
    loop {
        match events.recv_timeout(KEEP_ALIVE) {
            Ok(event) => out.send(&event)?,
            Err(RecvTimeoutError::Timeout) => out.send(": keep-alive\n\n")?,
            Err(RecvTimeoutError::Disconnected) => return out.finish(),
        }
    }
}

/// The event stream response, written by hand on the raw connection: tiny_http's responses
/// buffer a body of unknown length in chunks of several kilobytes, which would hold events back.
struct EventWriter {
    writer: Box<dyn Write + Send>,
    /// HTTP/1.1 gets chunked encoding, so that the stream can end cleanly on shutdown; HTTP/1.0
    /// has the body end with the connection.
    chunked: bool,
}

impl EventWriter {
    fn start(&mut self) -> io::Result<()> {
        let version = if self.chunked { "HTTP/1.1" } else { "HTTP/1.0" };
        let encoding = if self.chunked {
            "Transfer-Encoding: chunked\r\n"
        } else {
            ""
        };
        // Connection: close, so that the browser closes the connection once the stream ends
        // instead of sending it another request.
        write!(
            self.writer,
            "{version} 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n\
             Cache-Control: no-store\r\nConnection: close\r\n{encoding}\r\n"
        )?;
        self.writer.flush()
    }

    fn send(&mut self, event: &str) -> io::Result<()> {
        if self.chunked {
            write!(self.writer, "{:X}\r\n{event}\r\n", event.len())?;
        } else {
            self.writer.write_all(event.as_bytes())?;
        }
        self.writer.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.chunked {
            self.writer.write_all(b"0\r\n\r\n")?;
        }
        self.writer.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::net::{Ipv4Addr, Shutdown, TcpStream};
    use std::time::Instant;

    /// Every read and wait in these tests gives up after this long instead of hanging.
    const WAIT: Duration = Duration::from_secs(10);

    const INDEX: &str = "<!doctype html><html lang=\"zh\"><body><h1>首页</h1></body></html>";
    const PROJECT: &str = "<!doctype html><html><body><h1>项目</h1></body></html>";
    const NOT_FOUND: &str = "<!doctype html><html><body><h1>页面不存在</h1></BODY></html>";
    const STYLE: &str = "body { color: #222 }\n";
    const SECRET: &str = "SECRET-BYTES";
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    fn site(base_path: &str, files: &[(&str, &[u8])]) -> SiteSnapshot {
        let files = files
            .iter()
            .map(|(name, bytes)| (name.to_string(), Arc::from(*bytes)))
            .collect();
        SiteSnapshot {
            files,
            base_path: base_path.to_string(),
        }
    }

    fn sample_site(base_path: &str) -> SiteSnapshot {
        site(
            base_path,
            &[
                ("index.html", INDEX.as_bytes()),
                ("projects/x/index.html", PROJECT.as_bytes()),
                (
                    "regions/延边/index.html",
                    "<html><body>延边</body></html>".as_bytes(),
                ),
                (
                    "ko/regions/연변/index.html",
                    "<html><body>연변</body></html>".as_bytes(),
                ),
                ("404.html", NOT_FOUND.as_bytes()),
                ("assets/style.css", STYLE.as_bytes()),
                (
                    "assets/logo.svg",
                    b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                ),
                ("assets/logo.png", PNG),
                ("sitemap.xml", b"<?xml version=\"1.0\"?><urlset/>"),
                ("atom.xml", b"<?xml version=\"1.0\"?><feed/>"),
                ("robots.txt", b"User-agent: *\n"),
                ("data.bin", b"\0\x01"),
                ("secret.txt", SECRET.as_bytes()),
            ],
        )
    }

    fn start(site: SiteSnapshot, overlay: Option<ErrorOverlay>) -> Server {
        Server::start(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), site, overlay)
            .expect("server starts")
    }

    fn overlay(text: &str) -> ErrorOverlay {
        ErrorOverlay {
            heading: "构建失败".to_string(),
            text: text.to_string(),
        }
    }

    /// A response as read off the wire.
    #[derive(Debug)]
    struct Reply {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    }

    impl Reply {
        fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(name))
                .map(|(_, value)| value.as_str())
        }

        fn text(&self) -> String {
            String::from_utf8_lossy(&self.body).into_owned()
        }
    }

    fn connect(addr: SocketAddr) -> TcpStream {
        let stream = TcpStream::connect_timeout(&addr, WAIT).expect("connects");
        stream.set_read_timeout(Some(WAIT)).expect("read timeout");
        stream.set_write_timeout(Some(WAIT)).expect("write timeout");
        stream
    }

    /// Sends raw bytes and reads until the server closes; `None` when it closed without a
    /// complete response.
    fn raw_request(addr: SocketAddr, request: &[u8]) -> Option<Reply> {
        let mut stream = connect(addr);
        stream.write_all(request).expect("request sent");
        let mut bytes = Vec::new();
        // A reset after a refused request is a closed connection too.
        let _ = stream.read_to_end(&mut bytes);
        parse_reply(&bytes)
    }

    fn parse_reply(bytes: &[u8]) -> Option<Reply> {
        let end = bytes.windows(4).position(|window| window == b"\r\n\r\n")?;
        let head = std::str::from_utf8(&bytes[..end]).expect("ASCII head");
        let mut lines = head.split("\r\n");
        let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.trim().to_string(), value.trim().to_string()))
            .collect();
        Some(Reply {
            status,
            headers,
            body: bytes[end + 4..].to_vec(),
        })
    }

    fn request(addr: SocketAddr, method: &str, target: &str) -> Reply {
        let text =
            format!("{method} {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        let reply = raw_request(addr, text.as_bytes()).expect("a response");
        assert_eq!(
            reply.header("Transfer-Encoding"),
            None,
            "{target}: sent with a length"
        );
        if method == "GET" {
            let length = reply
                .header("Content-Length")
                .and_then(|length| length.parse().ok());
            assert_eq!(
                length,
                Some(reply.body.len()),
                "{target}: Content-Length is the body's"
            );
        }
        reply
    }

    fn get(addr: SocketAddr, target: &str) -> Reply {
        request(addr, "GET", target)
    }

    #[test]
    fn content_types_name_the_charset_of_text() {
        let server = start(sample_site("/"), None);
        let addr = server.local_addr();
        for (target, expected) in [
            ("/", "text/html; charset=utf-8"),
            ("/assets/style.css", "text/css; charset=utf-8"),
            ("/sitemap.xml", "application/xml; charset=utf-8"),
            ("/atom.xml", "application/atom+xml; charset=utf-8"),
            ("/assets/logo.svg", "image/svg+xml; charset=utf-8"),
            ("/robots.txt", "text/plain; charset=utf-8"),
            ("/assets/logo.png", "image/png"),
            ("/data.bin", "application/octet-stream"),
        ] {
            let reply = get(addr, target);
            assert_eq!(reply.status, 200, "{target}");
            assert_eq!(reply.header("Content-Type"), Some(expected), "{target}");
            assert_eq!(reply.header("Cache-Control"), Some("no-store"), "{target}");
        }
        assert_eq!(get(addr, "/assets/logo.png").body, PNG);
    }

    #[test]
    fn content_type_covers_every_listed_extension() {
        for (name, expected) in [
            ("a/page.HTML", "text/html; charset=utf-8"),
            ("app.js", "text/javascript; charset=utf-8"),
            ("search/index.json", "application/json; charset=utf-8"),
            ("ko/atom.xml", "application/atom+xml; charset=utf-8"),
            ("photo.jpg", "image/jpeg"),
            ("photo.JPEG", "image/jpeg"),
            ("a.gif", "image/gif"),
            ("a.webp", "image/webp"),
            ("favicon.ico", "image/x-icon"),
            ("a.avif", "image/avif"),
            ("booklet.pdf", "application/pdf"),
            ("f.woff", "font/woff"),
            ("f.woff2", "font/woff2"),
            ("LICENSE", "application/octet-stream"),
            ("archive.tar.gz", "application/octet-stream"),
        ] {
            assert_eq!(content_type(name), expected, "{name}");
        }
    }

    #[test]
    fn folder_urls_serve_their_index_and_redirect_without_slash() {
        let server = start(sample_site("/"), None);
        let addr = server.local_addr();
        let page = get(addr, "/projects/x/");
        assert_eq!(page.status, 200);
        assert!(page.text().contains("<h1>项目</h1>"));
        assert!(get(addr, "/").text().contains("<h1>首页</h1>"));
        assert!(
            get(addr, "/projects/x/index.html")
                .text()
                .contains("<h1>项目</h1>")
        );

        let redirect = get(addr, "/projects/x");
        assert_eq!(redirect.status, 301);
        assert_eq!(redirect.header("Location"), Some("/projects/x/"));
        let with_query = get(addr, "/projects/x?tab=ko");
        assert_eq!(with_query.header("Location"), Some("/projects/x/?tab=ko"));
        assert_eq!(
            get(addr, "/projects").status,
            404,
            "a folder without an index is not a page"
        );
    }

    #[test]
    fn head_sends_the_headers_without_the_body() {
        let server = start(sample_site("/"), None);
        let addr = server.local_addr();
        let full = get(addr, "/projects/x/");
        let head = request(addr, "HEAD", "/projects/x/");
        assert_eq!(head.status, 200);
        assert!(head.body.is_empty());
        assert_eq!(
            head.header("Content-Length"),
            Some(full.body.len().to_string().as_str())
        );
        assert_eq!(
            head.header("Content-Type"),
            Some("text/html; charset=utf-8")
        );
    }

    #[test]
    fn percent_encoded_chinese_and_korean_paths_are_found() {
        let server = start(sample_site("/"), None);
        let addr = server.local_addr();
        let chinese = get(addr, "/regions/%E5%BB%B6%E8%BE%B9/");
        assert_eq!(chinese.status, 200);
        assert!(chinese.text().contains("延边"));
        let lower_hex = get(addr, "/regions/%e5%bb%b6%e8%be%b9/");
        assert_eq!(lower_hex.status, 200);
        let korean = get(addr, "/ko/regions/%EC%97%B0%EB%B3%80/");
        assert_eq!(korean.status, 200);
        assert!(korean.text().contains("연변"));
        let redirect = get(addr, "/ko/regions/%EC%97%B0%EB%B3%80");
        assert_eq!(
            redirect.header("Location"),
            Some("/ko/regions/%EC%97%B0%EB%B3%80/")
        );
    }

    #[test]
    fn a_missing_file_gets_the_sites_404_page() {
        let server = start(sample_site("/"), None);
        let reply = get(server.local_addr(), "/no/such/page/");
        assert_eq!(reply.status, 404);
        assert_eq!(
            reply.header("Content-Type"),
            Some("text/html; charset=utf-8")
        );
        assert!(reply.text().contains("<h1>页面不存在</h1>"));
        assert!(
            reply.text().contains("<script data-showcase-reload>"),
            "the 404 page gets the reload script too"
        );

        let bare = start(site("/", &[("index.html", INDEX.as_bytes())]), None);
        let reply = get(bare.local_addr(), "/missing.css");
        assert_eq!(reply.status, 404);
        assert_eq!(
            reply.header("Content-Type"),
            Some("text/plain; charset=utf-8")
        );
    }

    #[test]
    fn a_base_path_serves_files_only_under_it() {
        let server = start(sample_site("/sub/"), None);
        let addr = server.local_addr();
        assert!(get(addr, "/sub/").text().contains("<h1>首页</h1>"));
        assert_eq!(get(addr, "/sub/assets/style.css").body, STYLE.as_bytes());
        assert_eq!(get(addr, "/sub/projects/x/").status, 200);
        assert_eq!(get(addr, "/sub").header("Location"), Some("/sub/"));
        for outside in [
            "/",
            "/assets/style.css",
            "/projects/x/",
            "/subway/",
            "/sub-x/assets/style.css",
        ] {
            let reply = get(addr, outside);
            assert_eq!(reply.status, 404, "{outside}");
            assert_ne!(reply.body, STYLE.as_bytes(), "{outside}");
        }
    }

    #[test]
    fn every_traversal_variant_is_refused() {
        let server = start(sample_site("/sub/"), None);
        let addr = server.local_addr();
        assert_eq!(
            get(addr, "/sub/secret.txt").body,
            SECRET.as_bytes(),
            "the file itself is served"
        );
        for target in [
            "/sub/a/../secret.txt",
            "/sub/../sub/secret.txt",
            "/../sub/secret.txt",
            "/sub/a/%2e%2e/secret.txt",
            "/sub/a/%2E%2E/secret.txt",
            "/sub/a/.%2E/secret.txt",
            "/sub/a/%2e./secret.txt",
            "/sub/a/..%2fsecret.txt",
            "/sub/a/..%2Fsecret.txt",
            "/sub/a%2f../secret.txt",
            "/sub/a/%2e%2e%2fsecret.txt",
            "/sub/./secret.txt",
            "/sub/%2e/secret.txt",
            "/sub/secret.txt/.",
            "/sub/secret.txt/..",
            "/sub/..",
            "/sub/a\\..\\secret.txt",
            "/sub/a%5c..%5csecret.txt",
            "/sub/a%5C..%5Csecret.txt",
            "/sub/%5csecret.txt",
            "/sub/secret.txt%00",
            "/sub/secret.txt%00.html",
            "/sub/%00/secret.txt",
            "/sub//secret.txt",
            "//sub/secret.txt",
            "/sub/a//../secret.txt",
            "/sub/%2fsecret.txt",
            "/C:/sub/secret.txt",
            "/sub/C:/secret.txt",
            "/sub/c%3a/secret.txt",
            "/sub/C:secret.txt",
            "/secret.txt",
            "sub/secret.txt",
            "http://localhost/sub/secret.txt",
            "/sub/%zz/secret.txt",
            "/sub/%/secret.txt",
            "/sub/secret.txt%",
            "/sub/%FF/secret.txt",
            "/sub/%E5%BB/secret.txt",
            "/sub/%0d%0a/secret.txt",
        ] {
            let reply = get(addr, target);
            assert_eq!(reply.status, 404, "{target}");
            assert!(!reply.text().contains(SECRET), "{target} leaked the file");
        }
    }

    #[test]
    fn decode_target_splits_and_refuses_strictly() {
        let path = |segments: &[&str], folder| {
            Some(RequestPath {
                segments: segments.iter().map(|s| s.to_string()).collect(),
                folder,
            })
        };
        assert_eq!(decode_target("/"), path(&[], true));
        assert_eq!(decode_target("/a/b"), path(&["a", "b"], false));
        assert_eq!(decode_target("/a/%E5%BB%B6/"), path(&["a", "延"], true));
        assert_eq!(decode_target("/a+b/%20"), path(&["a+b", " "], false));
        assert_eq!(
            decode_target("/.well-known/x"),
            path(&[".well-known", "x"], false)
        );
        assert_eq!(decode_target("/a/.../"), path(&["a", "..."], true));
        for refused in [
            "", "a", "//", "/a//", "/a/../", "/%2e", "/a%2fb", "/a%5cb", "/a%00", "/a%7f", "/D:",
            "/%",
        ] {
            assert_eq!(decode_target(refused), None, "{refused}");
        }
    }

    #[test]
    fn bad_requests_get_an_answer_and_never_stop_the_server() {
        let server = start(sample_site("/"), None);
        let addr = server.local_addr();
        for method in ["POST", "PUT", "DELETE", "OPTIONS", "BREW"] {
            let reply = request(addr, method, "/");
            assert_eq!(reply.status, 405, "{method}");
            assert_eq!(reply.header("Allow"), Some("GET, HEAD"), "{method}");
        }
        let long = format!("/{}", "a".repeat(100_000));
        assert_eq!(get(addr, &long).status, 414);
        let deep = "/a".repeat(3_000);
        assert_eq!(get(addr, &deep).status, 404);
        // Raw non-UTF-8 and control bytes: tiny_http answers 400 or closes; either way no panic.
        for raw in [
            &b"GET /\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n"[..],
            b"GET /%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            b"\0\x01\x02\r\n\r\n",
            b"GET\r\n\r\n",
            b"GET / HTTP/9.9\r\n\r\n",
        ] {
            if let Some(reply) = raw_request(addr, raw) {
                assert!(reply.status >= 400, "{raw:?}: {}", reply.status);
            }
        }
        assert_eq!(get(addr, "/").status, 200, "still serving");
    }

    #[test]
    fn html_responses_carry_the_script_and_the_escaped_overlay() {
        let snapshot = sample_site("/");
        let index = Arc::clone(&snapshot.files["index.html"]);
        let style = Arc::clone(&snapshot.files["assets/style.css"]);
        let diagnostics = "content/projects/x.zh.md:3:8: error</script><b>坏</b>\n  | region: 延边";
        let server = start(snapshot, Some(overlay(diagnostics)));
        let addr = server.local_addr();

        let page = get(addr, "/").text();
        let script_at = page
            .find("<script data-showcase-reload>")
            .expect("a script");
        assert!(
            script_at < page.rfind("</body>").expect("a body end"),
            "the script is inside the body"
        );
        assert!(page.contains(RELOAD_JS.trim_end()), "reload.js is inlined");
        assert!(page.contains("\"events\":\"/__showcase/events\""));
        assert!(page.contains("\"heading\":\"构建失败\""));
        assert!(page.contains("error\\u003c/script>\\u003cb>坏\\u003c/b>\\n  | region: 延边"));
        assert_eq!(
            page.matches("</script>").count(),
            1,
            "only the script's own end tag"
        );
        assert!(page.starts_with(&INDEX[..INDEX.len() - "</body></html>".len()]));
        assert!(page.ends_with("</script></body></html>"));

        assert_eq!(
            get(addr, "/assets/style.css").body,
            STYLE.as_bytes(),
            "CSS is untouched"
        );
        assert_eq!(&*index, INDEX.as_bytes(), "the snapshot is untouched");
        assert_eq!(&*style, STYLE.as_bytes());
    }

    #[test]
    fn the_script_goes_at_the_end_without_a_body_end_tag() {
        let server = start(site("/", &[("index.html", b"<p>fragment")]), None);
        let page = get(server.local_addr(), "/").text();
        assert!(page.starts_with("<p>fragment<script data-showcase-reload>"));
        assert!(page.ends_with("({\"events\":\"/__showcase/events\",\"overlay\":null});</script>"));
    }

    #[test]
    fn reload_js_cannot_end_its_script_element() {
        assert!(!RELOAD_JS.to_ascii_lowercase().contains("</script"));
        assert!(!RELOAD_JS.contains("<!--"));
        assert!(
            RELOAD_JS.trim_end().ends_with("})"),
            "reload.js is a function expression"
        );
    }

    /// An open event stream read with a raw socket.
    struct EventStream {
        stream: TcpStream,
        received: Vec<u8>,
    }

    impl EventStream {
        /// Opens the stream and reads its headers and first line, after which every update
        /// reaches it.
        fn open(addr: SocketAddr, target: &str) -> EventStream {
            EventStream::open_with(addr, target, "HTTP/1.1")
        }

        fn open_with(addr: SocketAddr, target: &str, version: &str) -> EventStream {
            let mut stream = connect(addr);
            let text = format!(
                "GET {target} {version}\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
            );
            stream.write_all(text.as_bytes()).expect("request sent");
            let mut events = EventStream {
                stream,
                received: Vec::new(),
            };
            let head = events.read_until("\r\n\r\n");
            let reply = parse_reply(format!("{head}\r\n\r\n").as_bytes()).expect("headers");
            events.read_until("retry: 1000\n\n");
            assert_eq!(reply.status, 200);
            assert_eq!(
                reply.header("Content-Type"),
                Some("text/event-stream; charset=utf-8")
            );
            assert_eq!(reply.header("Cache-Control"), Some("no-store"));
            events
        }

        /// Reads until `needle` has arrived (the deadline fails the test), and forgets what came
        /// before it.
        fn read_until(&mut self, needle: &str) -> String {
            let deadline = Instant::now() + WAIT;
            loop {
                let text = String::from_utf8_lossy(&self.received).into_owned();
                if let Some(at) = text.find(needle) {
                    self.received.drain(..at + needle.len());
                    return text[..at].to_string();
                }
                assert!(Instant::now() < deadline, "no {needle:?} in {text:?}");
                let mut buffer = [0; 4096];
                match self.stream.read(&mut buffer) {
                    Ok(0) => panic!("the stream ended before {needle:?}: {text:?}"),
                    Ok(read) => self.received.extend_from_slice(&buffer[..read]),
                    Err(error) => panic!("reading the stream: {error}"),
                }
            }
        }

        /// The JSON of the next reload event.
        fn next_reload(&mut self) -> serde_json::Value {
            self.read_until("event: reload\ndata: ");
            let data = self.read_until("\n\n");
            serde_json::from_str(&data).expect("JSON data")
        }
    }

    #[test]
    fn updates_send_reload_events_and_swap_the_site() {
        let server = start(sample_site("/sub/"), None);
        let addr = server.local_addr();
        let mut events = EventStream::open(addr, "/sub/__showcase/events");

        let changed = vec![
            "/sub/projects/x/".to_string(),
            "/sub/assets/style.css".to_string(),
        ];
        server.update(None, &changed, Some(overlay("x.zh.md:1:1 <错误>")));
        let event = events.next_reload();
        assert_eq!(
            event["changed"],
            serde_json::json!(["/sub/projects/x/", "/sub/assets/style.css"])
        );
        assert_eq!(
            event["overlay"],
            serde_json::json!({"heading": "构建失败", "text": "x.zh.md:1:1 <错误>"})
        );
        let page = get(addr, "/sub/projects/x/").text();
        assert!(page.contains("<h1>项目</h1>"), "the site stays served");
        assert!(
            page.contains("x.zh.md:1:1 \\u003c错误>"),
            "pages load with the overlay"
        );

        server.update(None, &[], None);
        let event = events.next_reload();
        assert_eq!(event["changed"], serde_json::json!([]));
        assert_eq!(event["overlay"], serde_json::Value::Null);
        assert!(get(addr, "/sub/").text().contains("\"overlay\":null"));

        let new_site = site(
            "/sub/",
            &[
                ("index.html", b"<body>new</body>"),
                ("assets/style.css", b"p{}"),
            ],
        );
        server.update(Some(new_site), &["/sub/".to_string()], None);
        assert_eq!(
            events.next_reload()["changed"],
            serde_json::json!(["/sub/"])
        );
        assert!(get(addr, "/sub/").text().starts_with("<body>new<script>"));
        assert_eq!(get(addr, "/sub/assets/style.css").body, b"p{}");
        assert_eq!(
            get(addr, "/sub/projects/x/").status,
            404,
            "gone with the old site"
        );
    }

    #[test]
    fn the_event_stream_is_reserved_and_get_only() {
        let server = start(sample_site("/"), None);
        let addr = server.local_addr();
        assert_eq!(request(addr, "HEAD", "/__showcase/events").status, 405);
        assert_eq!(get(addr, "/__showcase/events/").status, 404);
        assert_eq!(get(addr, "/__showcase/").status, 404);
        EventStream::open(addr, "/__showcase/events?since=1");
    }

    #[test]
    fn idle_event_streams_get_keep_alive_comments() {
        let server = start(sample_site("/"), None);
        let mut events = EventStream::open(server.local_addr(), "/__showcase/events");
        events.read_until(": keep-alive\n\n");
        events.read_until(": keep-alive\n\n");
    }

    #[test]
    fn shutdown_ends_open_event_streams() {
        let server = start(sample_site("/"), None);
        let addr = server.local_addr();
        let mut chunked = EventStream::open(addr, "/__showcase/events");
        let mut plain = EventStream::open_with(addr, "/__showcase/events", "HTTP/1.0");
        let (done, finished) = mpsc::channel();
        thread::spawn(move || {
            server.shutdown();
            let _ = done.send(());
        });
        finished.recv_timeout(WAIT).expect("shutdown returns");
        // HTTP/1.1: the last chunk ends the response; HTTP/1.0: the connection closes.
        chunked.read_until("0\r\n\r\n");
        let mut rest = Vec::new();
        plain
            .stream
            .read_to_end(&mut rest)
            .expect("the stream closes");
        assert!(
            !String::from_utf8_lossy(&rest).contains("0\r\n\r\n"),
            "HTTP/1.0 is not chunked"
        );
        let _ = chunked.stream.shutdown(Shutdown::Both);
    }

    #[test]
    fn open_event_streams_do_not_block_pages_or_updates() {
        let server = start(sample_site("/"), None);
        let addr = server.local_addr();
        // More streams than workers, none of them ever read from.
        let streams: Vec<EventStream> = (0..WORKERS * 3)
            .map(|_| EventStream::open(addr, "/__showcase/events"))
            .collect();
        let pages: Vec<_> = (0..WORKERS * 2)
            .map(|_| thread::spawn(move || get(addr, "/projects/x/").status))
            .collect();
        for round in 0..20 {
            server.update(None, &[format!("/round/{round}/")], None);
        }
        for page in pages {
            assert_eq!(page.join().expect("request thread"), 200);
        }
        drop(streams);
    }

    #[test]
    fn a_taken_port_is_an_addr_in_use_error() {
        let taken = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("a free port");
        let addr = taken.local_addr().expect("its address");
        let error = Server::start(addr, sample_site("/"), None)
            .err()
            .expect("the port is taken");
        assert_eq!(error.kind(), io::ErrorKind::AddrInUse);
    }

    #[test]
    fn url_of_gives_folder_urls_with_the_base_path() {
        assert_eq!(url_of("/sub/", "projects/x/index.html"), "/sub/projects/x/");
        assert_eq!(url_of("/sub/", "assets/a.css"), "/sub/assets/a.css");
        assert_eq!(url_of("/sub/", "index.html"), "/sub/");
        assert_eq!(url_of("/", "index.html"), "/");
        assert_eq!(url_of("/", "ko/index.html"), "/ko/");
        assert_eq!(url_of("/", "xindex.html"), "/xindex.html");
        assert_eq!(url_of("/", "404.html"), "/404.html");
        assert_eq!(
            url_of("/sub", "regions/延边/index.html"),
            "/sub/regions/%E5%BB%B6%E8%BE%B9/"
        );
        assert_eq!(url_of("/", "a b/100%.css"), "/a%20b/100%25.css");
    }

    #[test]
    fn every_url_of_a_file_routes_back_to_it() {
        let snapshot = sample_site("/sub/");
        let names: Vec<String> = snapshot.files.keys().cloned().collect();
        let served = ServedSite::new(snapshot);
        for name in names {
            assert_eq!(
                route(&served, &url_of("/sub/", &name)),
                Route::File(name.clone()),
                "{name}"
            );
        }
    }
}
