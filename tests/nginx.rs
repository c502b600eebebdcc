//! The nginx configuration of the README ("Serving the site") run for real (issue 17): the block
//! after its `<!-- nginx-config` marker, with only its placeholders replaced (the folder, the
//! port, the server name), in Debian's nginx started inside a temporary folder (its own pid,
//! logs and temporary paths; the system's nginx is not touched), in front of the sample site
//! built under `/showcase/`. It checks what a browser gets over plain HTTP/1.1. The README's
//! Apache `.htaccess` is documentation only and is not run here.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// How long nginx may take to answer its port, and any one answer.
const WAIT: Duration = Duration::from_secs(20);

/// The subpath the sample is built under, as in the README's example.
const BASE_URL: &str = "https://example.org/showcase/";

/// The record whose `aliases:` the sample publishes (`/projects/hongxin/`, `/ko/projects/hongxin/`).
const RECORD: &str = "content/projects/hongxin-wuye.zh.md";

#[test]
fn the_readme_nginx_configuration_serves_the_site_under_its_subpath() {
    let Some(nginx) = nginx_binary() else {
        return skip("no nginx on this machine (`apt-get install nginx`; .ci/run does it)");
    };
    let site = Site::sample();
    // Two more old addresses than the sample has: one in Chinese (nginx compares the decoded
    // path) and one longer than nginx's default map bucket holds.
    site.edit(
        RECORD,
        "aliases: [/projects/hongxin/, /ko/projects/hongxin/]",
        "aliases: [/projects/hongxin/, /ko/projects/hongxin/, /新闻/红心物业/, \
         /ko/archive/2019/community-governance/the-red-heart-property-management-programme/]",
    );
    let www = site.outside().join("www");
    std::fs::create_dir(&www).unwrap();
    let out = www.join("showcase");
    site.build(&["--base-url", BASE_URL, "--output", out.to_str().unwrap()])
        .assert_ok();
    // Files a server must keep to itself, besides those showcase writes: the record `showcase
    // publish` keeps of an upload, and an Apache `.htaccess` published from `static/`.
    std::fs::write(out.join(".showcase-publish.json"), "{}").unwrap();
    std::fs::write(out.join(".htaccess"), "DirectoryIndex index.html\n").unwrap();

    let server = match Nginx::start(&nginx, &www, &site.outside().join("nginx")) {
        Ok(server) => server,
        Err(why) => return skip(&why),
    };

    pages_are_html_in_utf8_and_checked_again(&server, &out);
    a_missing_page_is_the_bilingual_404(&server, &out);
    old_addresses_are_permanent_redirects(&server, &out);
    renamed_files_are_kept_a_year_and_the_others_checked_again(&server, &out);
    text_is_compressed(&server);
    files_for_the_server_are_not_served(&server, &out);
}

fn pages_are_html_in_utf8_and_checked_again(server: &Nginx, out: &Path) {
    for (path, file) in [
        ("/showcase/", "index.html"),
        ("/showcase/ko/", "ko/index.html"),
        (
            "/showcase/projects/hongxin-wuye/",
            "projects/hongxin-wuye/index.html",
        ),
        (
            "/showcase/ko/projects/hongxin-wuye/",
            "ko/projects/hongxin-wuye/index.html",
        ),
        (
            "/showcase/cases/li-yuan-cun/",
            "cases/li-yuan-cun/index.html",
        ),
    ] {
        let page = server.get(path);
        assert_eq!(page.status, 200, "{path}: {}", page.head);
        assert_eq!(
            page.header("content-type"),
            Some("text/html; charset=utf-8"),
            "{path}"
        );
        assert_short_cache(&page, path);
        assert!(
            page.body == std::fs::read(out.join(file)).unwrap(),
            "{path}"
        );
    }
    // The subpath and a folder without their final `/`.
    for (path, to) in [
        ("/showcase", "/showcase/"),
        ("/showcase/ko", "/showcase/ko/"),
    ] {
        let answer = server.get(path);
        assert_eq!(answer.status, 301, "{path}: {}", answer.head);
        assert_eq!(answer.header("location"), Some(to), "{path}");
    }
}

fn a_missing_page_is_the_bilingual_404(server: &Nginx, out: &Path) {
    let not_found = std::fs::read(out.join("404.html")).unwrap();
    for path in [
        "/showcase/no-such-page/",
        "/showcase/projects/no-such-record/",
        "/showcase/ko/no-such-file.pdf",
    ] {
        let page = server.get(path);
        assert_eq!(page.status, 404, "{path}: {}", page.head);
        assert_eq!(
            page.header("content-type"),
            Some("text/html; charset=utf-8"),
            "{path}"
        );
        assert_short_cache(&page, path);
        let text = page.text();
        assert!(
            text.contains("页面未找到") && text.contains("페지를 찾을수 없습니다"),
            "{path}: not the bilingual 404 page:\n{text}"
        );
        assert!(page.body == not_found, "{path}");
    }
}

fn old_addresses_are_permanent_redirects(server: &Nginx, out: &Path) {
    for (path, to) in [
        (
            "/showcase/projects/hongxin/",
            "/showcase/projects/hongxin-wuye/",
        ),
        (
            "/showcase/projects/hongxin",
            "/showcase/projects/hongxin-wuye/",
        ),
        (
            "/showcase/projects/hongxin/index.html",
            "/showcase/projects/hongxin-wuye/",
        ),
        (
            "/showcase/ko/projects/hongxin/",
            "/showcase/ko/projects/hongxin-wuye/",
        ),
        (
            "/showcase/ko/projects/hongxin",
            "/showcase/ko/projects/hongxin-wuye/",
        ),
        (
            "/showcase/新闻/红心物业/",
            "/showcase/projects/hongxin-wuye/",
        ),
    ] {
        let answer = server.get(path);
        assert_eq!(answer.status, 301, "{path}: {}", answer.head);
        let location = answer.header("location").unwrap_or_default();
        assert!(location.ends_with(to), "{path} → {location}, not {to}");
    }
    // Every line of the map the build wrote answers, whatever it holds.
    let map = read(&out.join("redirects.nginx"));
    let mut count = 0;
    for line in map.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let quoted: Vec<&str> = line.split('"').collect();
        let [_, from, _, to, ";"] = quoted[..] else {
            panic!("not a map line: {line}");
        };
        let answer = server.get(from);
        assert_eq!(answer.status, 301, "{from}: {}", answer.head);
        assert_eq!(answer.header("location"), Some(to), "{from}");
        count += 1;
    }
    assert_eq!(count, 12, "four aliases, three addresses each:\n{map}");
}

fn renamed_files_are_kept_a_year_and_the_others_checked_again(server: &Nginx, out: &Path) {
    // The search index of each language: every file named after its content.
    for lang in ["zh", "ko"] {
        let folder = out.join("search").join(lang);
        let names: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        for (extension, content_type) in [
            ("bin", "application/octet-stream"),
            ("json", "application/json; charset=utf-8"),
        ] {
            let file = names
                .iter()
                .find(|name| name.ends_with(&format!(".{extension}")))
                .unwrap_or_else(|| panic!("no .{extension} file in {}", folder.display()));
            let path = format!("/showcase/search/{lang}/{file}");
            let answer = server.get(&path);
            assert_eq!(answer.status, 200, "{path}: {}", answer.head);
            assert_eq!(answer.header("content-type"), Some(content_type), "{path}");
            assert_long_cache(&answer, &path);
            assert!(
                answer.body == std::fs::read(folder.join(file)).unwrap(),
                "{path}"
            );
        }
        // A shard of another build is not there: the 404 page, which is not kept.
        let old = format!("/showcase/search/{lang}/0123456789abcdef.bin");
        let answer = server.get(&old);
        assert_eq!(answer.status, 404, "{old}");
        assert_short_cache(&answer, &old);
    }
    // Photo variants, named after the photo's bytes.
    let variants: Vec<String> = files(out).into_iter().filter(|f| is_variant(f)).collect();
    assert!(
        variants.iter().any(|f| f.ends_with(".webp"))
            && variants.iter().any(|f| f.ends_with(".jpg")),
        "the sample has no photo variants: {variants:?}"
    );
    for variant in variants
        .iter()
        .filter(|f| f.ends_with(".webp"))
        .take(1)
        .chain(variants.iter().filter(|f| f.ends_with(".jpg")).take(1))
    {
        let path = format!("/showcase/{variant}");
        let answer = server.get(&path);
        assert_eq!(answer.status, 200, "{path}: {}", answer.head);
        assert_long_cache(&answer, &path);
        assert!(
            answer.body == std::fs::read(out.join(variant)).unwrap(),
            "{path}"
        );
    }
    // Files that keep their names from build to build, in UTF-8 when they are text.
    for (path, content_type) in [
        ("/showcase/assets/style.css", "text/css; charset=utf-8"),
        (
            "/showcase/assets/search.js",
            "application/javascript; charset=utf-8",
        ),
        (
            "/showcase/assets/favicon.svg",
            "image/svg+xml; charset=utf-8",
        ),
        ("/showcase/atom.xml", "text/xml; charset=utf-8"),
        ("/showcase/ko/atom.xml", "text/xml; charset=utf-8"),
        ("/showcase/sitemap.xml", "text/xml; charset=utf-8"),
        ("/showcase/robots.txt", "text/plain; charset=utf-8"),
        (
            "/showcase/images/hongxin.svg",
            "image/svg+xml; charset=utf-8",
        ),
    ] {
        let answer = server.get(path);
        assert_eq!(answer.status, 200, "{path}: {}", answer.head);
        let got = answer.header("content-type").unwrap_or_default();
        // Some lists of types name scripts text/javascript; either is right.
        let expected = if got.starts_with("text/javascript") {
            "text/javascript; charset=utf-8"
        } else {
            content_type
        };
        assert_eq!(got, expected, "{path}");
        assert_short_cache(&answer, path);
    }
}

fn text_is_compressed(server: &Nginx) {
    for path in [
        "/showcase/",
        "/showcase/ko/projects/hongxin-wuye/",
        "/showcase/assets/style.css",
        "/showcase/assets/search.js",
        "/showcase/atom.xml",
    ] {
        let answer = server.get_gzip(path);
        assert_eq!(answer.status, 200, "{path}: {}", answer.head);
        assert_eq!(answer.header("content-encoding"), Some("gzip"), "{path}");
        assert!(answer.body.starts_with(&[0x1f, 0x8b]), "{path}: not gzip");
    }
    // Without the request header, no compression.
    let plain = server.get("/showcase/");
    assert_eq!(plain.header("content-encoding"), None);
}

fn files_for_the_server_are_not_served(server: &Nginx, out: &Path) {
    let not_found = std::fs::read(out.join("404.html")).unwrap();
    for (path, file) in [
        ("/showcase/redirects.nginx", "redirects.nginx"),
        ("/showcase/_redirects", "_redirects"),
        ("/showcase/.showcase-output", ".showcase-output"),
        ("/showcase/.showcase-publish.json", ".showcase-publish.json"),
        ("/showcase/.htaccess", ".htaccess"),
    ] {
        assert!(out.join(file).is_file(), "the output has no {file}");
        let answer = server.get(path);
        assert_eq!(answer.status, 404, "{path}: {}", answer.head);
        assert!(answer.body == not_found, "{path}: served {}", answer.text());
    }
}

// --- nginx in a temporary folder ------------------------------------------------------------------

/// A skipped test says so on stderr (`cargo test -- --nocapture` shows it), unless the run must
/// not skip: `.ci/run` sets SHOWCASE_REQUIRE_NGINX=1, so that CI cannot pass without nginx.
fn skip(why: &str) {
    assert!(
        !std::env::var("SHOWCASE_REQUIRE_NGINX").is_ok_and(|v| v == "1"),
        "SHOWCASE_REQUIRE_NGINX=1 but {why}"
    );
    eprintln!("skipped: {why}");
}

/// Debian's nginx: on PATH, or in the sbin folders a user's PATH may leave out.
fn nginx_binary() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/usr/local/sbin"].map(PathBuf::from))
        .map(|dir| dir.join("nginx"))
        .find(|file| file.is_file())
}

/// The README's nginx block: the lines between the ```nginx fence that follows the
/// `<!-- nginx-config` marker and the fence that closes it, exactly as written.
fn readme_block() -> String {
    let readme = read(&repo().join("README.md"));
    let mut lines = readme.lines();
    lines
        .by_ref()
        .find(|l| l.starts_with("<!-- nginx-config"))
        .expect("README.md has no `<!-- nginx-config` marker");
    assert_eq!(
        lines.next(),
        Some("```nginx"),
        "the README's nginx-config marker is not followed by a ```nginx fence"
    );
    let block: Vec<&str> = lines.take_while(|l| *l != "```").collect();
    assert!(block.len() > 10, "the README's nginx block is empty");
    block.join("\n") + "\n"
}

/// The README's block with its placeholders replaced: the folder that holds the site's folder
/// (`/var/www`), the port and the server name. Each must be there as the README documents it.
fn substitute(block: &str, www: &Path, port: u16) -> String {
    for (placeholder, times) in [
        ("include /var/www/showcase/redirects.nginx;", 1),
        ("root /var/www;", 1),
        ("listen 80;", 1),
        ("server_name example.org;", 1),
    ] {
        assert_eq!(
            block.matches(placeholder).count(),
            times,
            "the README's nginx block should hold `{placeholder}` once:\n{block}"
        );
    }
    block
        .replace("/var/www", www.to_str().unwrap())
        .replace("listen 80;", &format!("listen 127.0.0.1:{port};"))
        .replace("server_name example.org;", "server_name localhost;")
}

/// The whole nginx.conf around `http_body`: everything nginx writes stays under `dir`.
fn nginx_conf(dir: &Path, http_body: &str) -> String {
    // As root, workers would run as `nobody`, who cannot read the temporary folders.
    let user = if running_as_root(dir) {
        "user root;\n"
    } else {
        ""
    };
    let dir = dir.display();
    format!(
        "{user}worker_processes 1;\n\
         pid {dir}/nginx.pid;\n\
         error_log {dir}/error.log info;\n\
         events {{ worker_connections 64; }}\n\
         http {{\n\
         include /etc/nginx/mime.types;\n\
         default_type application/octet-stream;\n\
         access_log {dir}/access.log;\n\
         client_body_temp_path {dir}/body;\n\
         proxy_temp_path {dir}/proxy;\n\
         fastcgi_temp_path {dir}/fastcgi;\n\
         uwsgi_temp_path {dir}/uwsgi;\n\
         scgi_temp_path {dir}/scgi;\n\
         {http_body}\
         }}\n"
    )
}

/// Whether this process runs as root: the owner of a file it has just made.
fn running_as_root(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = dir.join("owner-probe");
    std::fs::write(&probe, "").unwrap();
    let root = std::fs::metadata(&probe).unwrap().uid() == 0;
    std::fs::remove_file(probe).unwrap();
    root
}

/// A running nginx, stopped when dropped.
struct Nginx {
    binary: PathBuf,
    dir: PathBuf,
    child: Child,
    port: u16,
}

impl Nginx {
    /// Starts nginx with the README's block serving `www` (the folder holding `showcase/`),
    /// everything of its own under `dir`. `Err` says why nginx cannot run on this machine at
    /// all (a minimal configuration fails too); a README block that nginx refuses fails the
    /// test.
    fn start(binary: &Path, www: &Path, dir: &Path) -> Result<Nginx, String> {
        std::fs::create_dir_all(dir).unwrap();
        let trial = nginx_conf(dir, "");
        std::fs::write(dir.join("trial.conf"), trial).unwrap();
        let tried = nginx_test(binary, dir, "trial.conf");
        if !tried.0 {
            return Err(format!("nginx cannot run here:\n{}", tried.1));
        }

        let port = free_port();
        let conf = nginx_conf(dir, &substitute(&readme_block(), www, port));
        std::fs::write(dir.join("nginx.conf"), &conf).unwrap();
        let (ok, output) = nginx_test(binary, dir, "nginx.conf");
        assert!(
            ok,
            "nginx refuses the README's configuration:\n{output}\n{conf}"
        );

        let log = std::fs::File::create(dir.join("stderr.log")).unwrap();
        let child = Command::new(binary)
            .args(nginx_args(dir, "nginx.conf"))
            .args(["-g", "daemon off;"])
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|err| panic!("{} does not start: {err}", binary.display()));
        let mut server = Nginx {
            binary: binary.to_path_buf(),
            dir: dir.to_path_buf(),
            child,
            port,
        };
        server.wait_until_it_answers();
        Ok(server)
    }

    fn wait_until_it_answers(&mut self) {
        let started = Instant::now();
        loop {
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("nginx stopped ({status}):\n{}", self.logs());
            }
            assert!(
                started.elapsed() < WAIT,
                "nginx does not answer on port {} after {WAIT:?}:\n{}",
                self.port,
                self.logs()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn logs(&self) -> String {
        ["stderr.log", "error.log"]
            .map(|f| std::fs::read_to_string(self.dir.join(f)).unwrap_or_default())
            .join("\n")
    }

    /// One GET for `path` (non-ASCII bytes are percent-encoded, as a browser sends them).
    fn get(&self, path: &str) -> Response {
        self.request(path, "")
    }

    /// The same, from a client that takes gzip.
    fn get_gzip(&self, path: &str) -> Response {
        self.request(path, "Accept-Encoding: gzip\r\n")
    }

    fn request(&self, path: &str, headers: &str) -> Response {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(WAIT)).unwrap();
        write!(
            stream,
            "GET {} HTTP/1.1\r\nHost: localhost\r\n{headers}Connection: close\r\n\r\n",
            percent_encode(path)
        )
        .unwrap();
        let mut bytes = Vec::new();
        stream
            .read_to_end(&mut bytes)
            .unwrap_or_else(|err| panic!("GET {path}: {err}"));
        Response::parse(&bytes).unwrap_or_else(|| panic!("GET {path}: no HTTP response"))
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // `-s stop` reaches the master by its pid file, and the master stops its workers; a
        // plain kill of the master would leave them holding the port.
        let stop = Command::new(&self.binary)
            .args(nginx_args(&self.dir, "nginx.conf"))
            .args(["-s", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let started = Instant::now();
        while stop.is_ok() && started.elapsed() < WAIT {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `-p` (prefix), `-c` (configuration) and `-e` (the log nginx opens before it reads the
/// configuration): nothing outside `dir`.
fn nginx_args(dir: &Path, conf: &str) -> Vec<String> {
    vec![
        "-p".to_string(),
        format!("{}/", dir.display()),
        "-c".to_string(),
        dir.join(conf).display().to_string(),
        "-e".to_string(),
        dir.join("error.log").display().to_string(),
    ]
}

/// `nginx -t` of `conf`: whether it passed, and what it said.
fn nginx_test(binary: &Path, dir: &Path, conf: &str) -> (bool, String) {
    let mut command = Command::new(binary);
    command.args(nginx_args(dir, conf)).arg("-t");
    let (status, stdout, stderr) = run_bounded(command, WAIT, "nginx -t");
    (
        status.success(),
        String::from_utf8_lossy(&stdout).into_owned() + &String::from_utf8_lossy(&stderr),
    )
}

/// A port nobody listens on now (nginx takes it a moment later).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn percent_encode(path: &str) -> String {
    path.bytes()
        .map(|b| {
            if b.is_ascii_graphic() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// `<name>-<width>w.<8 hex digits>.<jpg|png|webp>`: a photo variant's file name.
fn is_variant(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap();
    let Some((rest, ext)) = name.rsplit_once('.') else {
        return false;
    };
    let Some((rest, hash)) = rest.rsplit_once('.') else {
        return false;
    };
    let Some((_, width)) = rest.rsplit_once('-') else {
        return false;
    };
    ["jpg", "png", "webp"].contains(&ext)
        && hash.len() == 8
        && hash
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        && width
            .strip_suffix('w')
            .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
}

fn assert_long_cache(answer: &Response, path: &str) {
    let cache = answer.header("cache-control").unwrap_or_default();
    assert!(
        cache.contains("max-age=31536000") && cache.contains("immutable"),
        "{path}: Cache-Control {cache:?} is not a year's, immutable"
    );
}

/// Checked again on every use (`no-cache`), or kept an hour at most.
fn assert_short_cache(answer: &Response, path: &str) {
    let cache = answer.header("cache-control").unwrap_or_default();
    let max_age = cache
        .split(',')
        .find_map(|d| d.trim().strip_prefix("max-age="))
        .and_then(|s| s.parse::<u64>().ok());
    assert!(
        !cache.contains("immutable")
            && (cache.contains("no-cache") || max_age.is_some_and(|s| s <= 3600)),
        "{path}: Cache-Control {cache:?} is not short"
    );
}

/// An HTTP/1.1 answer: status, head (for messages), headers and the body (de-chunked).
struct Response {
    status: u16,
    head: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn parse(bytes: &[u8]) -> Option<Response> {
        let split = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
        let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
        let status = head.split_whitespace().nth(1)?.parse().ok()?;
        let headers: Vec<(String, String)> = head
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(':'))
            .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
            .collect();
        let mut body = bytes[split + 4..].to_vec();
        if headers
            .iter()
            .any(|(n, v)| n == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"))
        {
            body = unchunk(&body);
        }
        Some(Response {
            status,
            head,
            headers,
            body,
        })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn unchunk(mut bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = bytes.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&bytes[..end]).trim(), 16).unwrap_or(0);
        if size == 0 || bytes.len() < end + 2 + size {
            break;
        }
        out.extend_from_slice(&bytes[end + 2..end + 2 + size]);
        bytes = &bytes[(end + 4 + size).min(bytes.len())..];
    }
    out
}
