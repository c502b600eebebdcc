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
    // One shared folder for the tests' stores; each store deletes its own when dropped.
    let root = std::env::temp_dir().join("showcase-http-tests");
    let store = Arc::new(crate::serve::store::Store::open(&root).expect("a store"));
    let files = Files::of(&store, files);
    SiteSnapshot {
        files: Arc::new(files),
        base_path: base_path.to_string(),
        pictures: None,
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
    Server::start(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), site, overlay).expect("server starts")
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
        reply.text().contains(SCRIPT_TAG),
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
        "", "a", "//", "/a//", "/a/../", "/%2e", "/a%2fb", "/a%5cb", "/a%00", "/a%7f", "/D:", "/%",
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

/// The page script's two elements: the JSON block (before the config) and the script.
const CONFIG_TAG: &str = "<script data-showcase-reload type=\"application/json\">";
const SCRIPT_TAG: &str = "<script data-showcase-reload src=\"/__showcase/reload.js\"></script>";

#[test]
fn html_responses_carry_the_script_and_the_escaped_overlay() {
    let snapshot = sample_site("/");
    let index = snapshot.files.read("index.html").unwrap().unwrap();
    let style = snapshot.files.read("assets/style.css").unwrap().unwrap();
    let diagnostics = "content/projects/x.zh.md:3:8: error</script><b>坏</b>\n  | region: 延边";
    let server = start(snapshot, Some(overlay(diagnostics)));
    let addr = server.local_addr();

    let page = get(addr, "/").text();
    let config_at = page.find(CONFIG_TAG).expect("a config block");
    assert!(
        config_at < page.rfind("</body>").expect("a body end"),
        "the script is inside the body"
    );
    assert!(
        page[config_at..].contains(&format!("</script>{SCRIPT_TAG}")),
        "the script follows its config block"
    );
    assert!(
        !page.contains(RELOAD_JS.trim_end()),
        "no inline code: the page's Content-Security-Policy would refuse it"
    );
    assert!(page.contains("\"events\":\"/__showcase/events\""));
    assert!(page.contains("\"heading\":\"构建失败\""));
    assert!(page.contains("error\\u003c/script>\\u003cb>坏\\u003c/b>\\n  | region: 延边"));
    assert_eq!(
        page.matches("</script>").count(),
        2,
        "only the end tags of the block and the script"
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
    assert_eq!(
        page,
        format!(
            "<p>fragment{CONFIG_TAG}{{\"events\":\"/__showcase/events\",\"overlay\":null}}</script>{SCRIPT_TAG}"
        )
    );
}

#[test]
fn reload_js_is_served_under_the_base_path() {
    let server = start(sample_site("/sub/"), None);
    let addr = server.local_addr();
    let reply = get(addr, "/sub/__showcase/reload.js");
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.header("Content-Type"),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(reply.body, RELOAD_JS.as_bytes());
    assert_eq!(
        request(addr, "HEAD", "/sub/__showcase/reload.js").status,
        200
    );
    assert_eq!(
        get(addr, "/__showcase/reload.js").status,
        404,
        "outside the base path"
    );
    assert_eq!(get(addr, "/sub/__showcase/reload.js/").status, 404);
    let page = get(addr, "/sub/").text();
    assert!(
        page.contains("<script data-showcase-reload src=\"/sub/__showcase/reload.js\"></script>"),
        "{page}"
    );
    assert!(page.contains("\"events\":\"/sub/__showcase/events\""));
}

#[test]
fn reload_js_runs_by_itself_and_reads_its_config_block() {
    // A complete statement, not code the page completes: nothing of it is inline.
    assert!(RELOAD_JS.trim_end().ends_with("})();"));
    assert!(RELOAD_JS.contains("document.currentScript"));
    assert!(RELOAD_JS.contains("JSON.parse"));
    // The overlay is styled through the CSSOM, which a Content-Security-Policy without
    // 'unsafe-inline' allows; a style attribute or a <style> element would be refused.
    assert!(!RELOAD_JS.contains("setAttribute(\"style\""));
    assert!(!RELOAD_JS.contains("createElement(\"style\")"));
    assert!(!RELOAD_JS.contains("innerHTML"));
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
    assert!(
        get(addr, "/sub/")
            .text()
            .starts_with(&format!("<body>new{CONFIG_TAG}"))
    );
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
