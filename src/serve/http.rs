//! The HTTP server of `showcase serve` (SPEC §5): serves a rendered site from memory like a
//! static host, streams reload events to open pages and adds the reload script and the error
//! overlay to HTML responses — never to the rendered files, which stay as `build` writes them.
//! It does not render, watch or diff: the caller hands it a [`SiteSnapshot`] and says which URL
//! paths changed. HTTP parsing is tiny_http's; this module only routes and answers.

// Used by the serve command, being written beside.

use std::io::{self, Cursor, Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::serve::site::PictureFiles;
use crate::serve::store::Files;
use tiny_http::{Header, Method, Request, Response, StatusCode};

/// The browser side of live reload, served at `RESERVED_SCRIPT`; it reads `{events, overlay}`
/// from the JSON block just before its `<script>` element (see [`page_script`]).
const RELOAD_JS: &str = include_str!("reload.js");

/// The server's own URLs, under the base path: the event stream and the reload script. The
/// script is a file rather than inline code so that pages keep working under the theme's
/// Content-Security-Policy (`script-src 'self'`, no inline script).
const RESERVED_EVENTS: [&str; 2] = ["__showcase", "events"];
const RESERVED_SCRIPT: [&str; 2] = ["__showcase", "reload.js"];

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
    /// "assets/style.css", "404.html") → where its bytes are stored, read on each request.
    pub files: Arc<Files>,
    /// The site's base path, "/" or "/sub/": files are served under it.
    pub base_path: String,
    /// Files not among `files`: the photos' variants (issue 15), read from the image cache
    /// and made on the first request, on the worker thread that asks, so that a new photo
    /// never holds up a rebuild or a reload.
    pub pictures: Option<Arc<PictureFiles>>,
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
    files: Arc<Files>,
    pictures: Option<Arc<PictureFiles>>,
    base_segments: Vec<String>,
    events_url: String,
    script_url: String,
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
        let script_url = url_of(&base, &RESERVED_SCRIPT.join("/"));
        ServedSite {
            files: site.files,
            pictures: site.pictures,
            base_segments,
            events_url,
            script_url,
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
        Route::File(name) => match live.site.files.read(&name) {
            Some(Ok(bytes)) => file_response(&live, 200, &name, &bytes),
            Some(Err(_)) => text_response(500, "500 The file could not be read\n"),
            None => not_found(&live),
        },
        Route::Picture(name) => match live.site.pictures.as_ref().and_then(|p| p.read(&name)) {
            Some(Ok(bytes)) => file_response(&live, 200, &name, &Arc::from(bytes)),
            Some(Err(_)) => text_response(500, "500 The picture could not be made\n"),
            None => not_found(&live),
        },
        Route::Redirect(location) => {
            text_response(301, "301 Moved Permanently\n").with_header(header("Location", &location))
        }
        Route::Events if is_get => return open_event_stream(shared, request),
        Route::Events => {
            text_response(405, "405 Method Not Allowed\n").with_header(header("Allow", "GET"))
        }
        Route::ReloadScript => response(
            200,
            "text/javascript; charset=utf-8",
            Box::new(RELOAD_JS.as_bytes()),
            RELOAD_JS.len(),
        ),
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
    /// Any other file: a picture of `SiteSnapshot::pictures`, made when first asked for, or
    /// nothing.
    Picture(String),
    /// A folder URL without its final slash: the same URL with it.
    Redirect(String),
    Events,
    /// `reload.js`, the script every served HTML page loads.
    ReloadScript,
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
    if rest == RESERVED_SCRIPT && !decoded.folder {
        return Route::ReloadScript;
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
    if name.is_empty() {
        Route::NotFound
    } else {
        Route::Picture(name)
    }
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
    match live.site.files.read("404.html") {
        Some(Ok(page)) => file_response(live, 404, "404.html", &page),
        Some(Err(_)) => text_response(500, "500 The file could not be read\n"),
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

/// A JSON block with the event stream URL and the current overlay, then the `<script>` that
/// loads reload.js from the server, which reads the block. A JSON block is data, never run, so
/// the theme's Content-Security-Policy allows it; '<' in the JSON is escaped so that no text
/// in a diagnostic can close the block.
fn page_script(live: &Live) -> Vec<u8> {
    let config = serde_json::json!({
        "events": live.site.events_url,
        "overlay": overlay_json(live.overlay.as_ref()),
    });
    let config = config.to_string().replace('<', "\\u003c");
    // The URL is percent-encoded (`url_of`) but may hold '&', the one character of it that
    // means something in an attribute value.
    let src = live.site.script_url.replace('&', "&amp;");
    format!(
        "<script data-showcase-reload type=\"application/json\">{config}</script>\
         <script data-showcase-reload src=\"{src}\"></script>"
    )
    .into_bytes()
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
mod tests;
