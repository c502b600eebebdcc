//! Helpers of the integration tests: a site copied from `tests/fixtures/` (or the sample site at
//! the repository root) into a temporary folder, the real `showcase` binary run on it with a
//! bounded wait, and small readers for what it writes (every file of a folder, HTML tags and
//! their attributes, URLs mapped back to output files). They parse just enough HTML to check the
//! generated pages; they are not a general HTML parser. `browser` drives Debian's Chromium,
//! `photos` makes test pictures and `sshd` runs a real OpenSSH server for the SFTP tests.

#![allow(dead_code)]

pub mod browser;
pub mod photos;
pub mod sshd;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The repository: the sample site and the default theme live there.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    repo().join("tests/fixtures")
}

/// No build of a test site should take anywhere near this long; past it the run counts as a hang
/// (SPEC §6: no input makes showcase hang).
const TIMEOUT: Duration = Duration::from_secs(120);

/// A site in a fresh temporary folder: the site itself is `<tmp>/site`, so that a test can put
/// things beside it (a foreign output folder, the target of a symlink) without touching the site.
pub struct Site {
    tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Site {
    /// The shared minimal fixture `tests/fixtures/base/`.
    pub fn base() -> Site {
        Site::with(&[])
    }

    /// `tests/fixtures/base/`, then each case folder (`"bad-input/bad-enum"`) laid over it file
    /// by file: a case adds or replaces only the files it is about.
    pub fn with(cases: &[&str]) -> Site {
        let site = Site::empty();
        copy_dir(&fixtures().join("base"), &site.root);
        for case in cases {
            let dir = fixtures().join(case);
            assert!(dir.is_dir(), "no fixture folder {}", dir.display());
            copy_dir(&dir, &site.root);
        }
        site
    }

    /// The sample showcase at the repository root (site.yaml, content/, static/), which must
    /// build as it is. Its themes/ folder is not copied: the default theme is built in.
    ///
    /// Its image cache starts with the sample's photo variants, made once per `cargo test`
    /// ([`sample_pictures`]): a debug build takes most of a minute to make them, and tests
    /// about making pictures (`tests/images.rs`) use photos of their own with a cold cache.
    pub fn sample() -> Site {
        let site = Site::sample_without_pictures();
        copy_dir(sample_pictures(), &site.root.join(".showcase/cache/images"));
        site
    }

    fn sample_without_pictures() -> Site {
        let site = Site::empty();
        std::fs::copy(repo().join("site.yaml"), site.root.join("site.yaml")).unwrap();
        copy_dir(&repo().join("content"), &site.root.join("content"));
        if repo().join("static").is_dir() {
            copy_dir(&repo().join("static"), &site.root.join("static"));
        }
        site
    }

    fn empty() -> Site {
        let tmp = tempfile::Builder::new()
            .prefix("showcase-test-")
            .tempdir()
            .unwrap();
        let root = tmp.path().join("site");
        std::fs::create_dir(&root).unwrap();
        Site { tmp, root }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The temporary folder around the site, for things that must be outside it.
    pub fn outside(&self) -> &Path {
        self.tmp.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// The default output folder (`output_dir: output` in every fixture).
    pub fn output(&self) -> PathBuf {
        self.root.join("output")
    }

    pub fn write(&self, relative: &str, bytes: impl AsRef<[u8]>) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    /// Replaces `from` with `to` in a file of the site; `from` must be there.
    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let path = self.path(relative);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{relative} does not contain {from:?}");
        std::fs::write(path, text.replace(from, to)).unwrap();
    }

    /// Runs `showcase check --root . <args>` in the site folder.
    pub fn check(&self, args: &[&str]) -> Run {
        let mut all = vec!["check", "--root", "."];
        all.extend_from_slice(args);
        run_showcase(&self.root, &all)
    }

    /// Runs `showcase build --root . <args>` in the site folder.
    pub fn build(&self, args: &[&str]) -> Run {
        let mut all = vec!["build", "--root", "."];
        all.extend_from_slice(args);
        run_showcase(&self.root, &all)
    }

    /// Runs `showcase build --root . <args>` with these environment variables set (such as
    /// `LANG`).
    pub fn build_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut all = vec!["build", "--root", "."];
        all.extend_from_slice(args);
        run_showcase_with_env(&self.root, &all, env)
    }
}

/// One run of the binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn assert_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "expected exit code {code}, got {}; stderr:\n{}",
            self.code, self.stderr
        );
        self
    }

    pub fn assert_ok(&self) -> &Run {
        self.assert_code(0)
    }

    pub fn assert_stderr_has(&self, text: &str) -> &Run {
        assert!(
            self.stderr.contains(text),
            "stderr does not contain {text:?}:\n{}",
            self.stderr
        );
        self
    }

    pub fn assert_stderr_lacks(&self, text: &str) -> &Run {
        assert!(
            !self.stderr.contains(text),
            "stderr contains {text:?}:\n{}",
            self.stderr
        );
        self
    }
}

/// The real binary, in English whatever the machine's locale, without colour, reading
/// nothing and with both outputs piped.
pub fn showcase_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_showcase"));
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Runs the real binary in `dir`, fails the test on a hang or a panic.
/// Runs the binary in English, whatever the locale of the machine running the tests.
pub fn run_showcase(dir: &Path, args: &[&str]) -> Run {
    run_showcase_with_env(dir, args, &[])
}

/// Runs the binary with no locale variables but those of `env`.
pub fn run_showcase_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = showcase_command();
    command
        .envs(env.iter().copied())
        .args(args)
        .current_dir(dir);
    let (status, stdout, stderr) = run_bounded(command, TIMEOUT, &format!("showcase {args:?}"));
    let run = Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    };
    // SPEC §6: no input makes showcase panic.
    assert!(
        !run.stderr.contains("panicked"),
        "showcase panicked:\n{}",
        run.stderr
    );
    assert!(
        status.code().is_some(),
        "showcase was killed by a signal: {status:?}\n{}",
        run.stderr
    );
    run
}

/// Runs `command` with its output piped, both pipes read on their own threads (so a long
/// report cannot fill a pipe and block), and kills it past `limit` (SPEC §6: no hang); `what`
/// names it in that failure. Returns its status, stdout and stderr.
pub fn run_bounded(
    mut command: Command,
    limit: Duration,
    what: &str,
) -> (std::process::ExitStatus, Vec<u8>, Vec<u8>) {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| panic!("{what} does not start: {err}"));
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_thread = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = out.read_to_end(&mut bytes);
        bytes
    });
    let err_thread = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = err.read_to_end(&mut bytes);
        bytes
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    (
        status,
        out_thread.join().unwrap(),
        err_thread.join().unwrap(),
    )
}

/// The image cache of a build of the sample, kept under Cargo's temporary folder for tests in a
/// folder named by a hash of the sample's files, so a changed photo or setting makes a new one.
/// Made once per test binary (and kept for the next ones); a file lock keeps two test binaries
/// run at once from making it together.
fn sample_pictures() -> &'static Path {
    static WARM: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    WARM.get_or_init(|| {
        let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        let mut hasher = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(
            &std::fs::read(repo().join("site.yaml")).unwrap(),
            &mut hasher,
        );
        for folder in ["content", "static"].map(|f| repo().join(f)) {
            if folder.is_dir() {
                std::hash::Hash::hash(&snapshot(&folder), &mut hasher);
            }
        }
        let warm = folder.join(format!(
            "sample-pictures-{:016x}",
            std::hash::Hasher::finish(&hasher)
        ));
        let lock = std::fs::File::create(folder.join("sample-pictures.lock")).unwrap();
        lock.lock().unwrap();
        if !warm.is_dir() {
            let site = Site::sample_without_pictures();
            site.build(&[]).assert_ok();
            let part = warm.with_extension("part");
            let _ = std::fs::remove_dir_all(&part);
            copy_dir(&site.path(".showcase/cache/images"), &part);
            std::fs::rename(&part, &warm).unwrap();
        }
        warm
    })
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` (relative path → bytes), to compare two folders or one folder twice.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files(dir)
        .into_iter()
        .map(|rel| (rel.clone(), std::fs::read(dir.join(&rel)).unwrap()))
        .collect()
}

/// The relative paths of every file under `dir`, sorted, with `/` separators.
pub fn files(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                walk(root, &path, out);
            } else {
                out.push(
                    path.strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The HTML files under `dir`, relative.
pub fn html_files(dir: &Path) -> Vec<String> {
    files(dir)
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect()
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()))
}

/// Asserts two snapshots are equal, naming the first files that differ rather than dumping bytes.
pub fn assert_same_files(
    left: &BTreeMap<String, Vec<u8>>,
    right: &BTreeMap<String, Vec<u8>>,
    what: &str,
) {
    let only_left: Vec<_> = left.keys().filter(|k| !right.contains_key(*k)).collect();
    let only_right: Vec<_> = right.keys().filter(|k| !left.contains_key(*k)).collect();
    let differ: Vec<_> = left
        .iter()
        .filter(|(k, v)| right.get(*k).is_some_and(|w| w != *v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        only_left.is_empty() && only_right.is_empty() && differ.is_empty(),
        "{what}: files only in the first: {only_left:?}; only in the second: {only_right:?}; different bytes: {differ:?}"
    );
}

// --- URLs ---------------------------------------------------------------------------------------

/// The output file a site URL is served from: `https://example.org/showcase/ko/a/#x` or
/// `/showcase/ko/a/` with base path `/showcase/` → `<out>/ko/a/index.html`. None when the URL is
/// not a path of this site.
pub fn url_file(out: &Path, base_path: &str, url: &str) -> Option<PathBuf> {
    let path = strip_origin(url);
    let path = path.split(['#', '?']).next().unwrap_or_default();
    let relative = path.strip_prefix(base_path)?;
    let relative = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_string()
    };
    Some(out.join(relative))
}

/// The path of a URL: `https://example.org/a/` → `/a/`; a path stays as it is.
pub fn strip_origin(url: &str) -> &str {
    match url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    {
        Some(rest) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => url,
    }
}

/// The URL path a page file is served at: `ko/a/index.html` → `/ko/a/`, `404.html` → `/404.html`.
pub fn file_url(base_path: &str, relative: &str) -> String {
    let relative = relative.strip_suffix("index.html").unwrap_or(relative);
    format!("{base_path}{relative}")
}

// --- HTML ---------------------------------------------------------------------------------------

/// A start tag with its attributes (entity `&amp;` decoded in values).
#[derive(Debug, Clone)]
pub struct Tag {
    pub name: String,
    pub attrs: BTreeMap<String, String>,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }

    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|c| c == class))
    }
}

#[derive(Debug, Clone)]
pub enum Token<'a> {
    Start(Tag),
    End(String),
    Text(&'a str),
}

const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Splits HTML into start tags, end tags and text; comments and doctypes are dropped, the
/// contents of `script` and `style` are one text token. Self-closing and void tags produce a
/// start tag followed at once by its end tag, so that a stack of open elements stays balanced.
pub fn tokens(html: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push(Token::Text(rest));
            break;
        };
        if lt > 0 {
            out.push(Token::Text(&rest[..lt]));
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
            continue;
        }
        if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').unwrap_or(after.len());
            out.push(Token::End(after[..end].trim().to_ascii_lowercase()));
            rest = after.get(end + 1..).unwrap_or("");
            continue;
        }
        let (tag, self_closing, len) = parse_start_tag(rest);
        rest = &rest[len..];
        let name = tag.name.clone();
        out.push(Token::Start(tag));
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            let end = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
            out.push(Token::Text(&rest[..end]));
            rest = &rest[end..];
        } else if self_closing || VOID.contains(&name.as_str()) {
            out.push(Token::End(name));
        }
    }
    out
}

/// Parses `<name attr="v" …>` at the start of `text`: the tag, whether it ends with `/>`, and
/// its length in bytes.
fn parse_start_tag(text: &str) -> (Tag, bool, usize) {
    let bytes = text.as_bytes();
    let mut i = 1;
    let name_start = i;
    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' && bytes[i] != b'/'
    {
        i += 1;
    }
    let name = text[name_start..i].to_ascii_lowercase();
    let mut attrs = BTreeMap::new();
    let mut self_closing = false;
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        if bytes[i] == b'>' {
            i += 1;
            break;
        }
        if bytes[i] == b'/' {
            self_closing = true;
            i += 1;
            continue;
        }
        let attr_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let attr = text[attr_start..i].to_ascii_lowercase();
        let mut value = String::new();
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                let start = i + 1;
                let end = text[start..]
                    .find(quote as char)
                    .map_or(text.len(), |e| start + e);
                value = text[start..end].to_string();
                i = (end + 1).min(text.len());
            } else {
                let start = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                    i += 1;
                }
                value = text[start..i].to_string();
            }
        }
        self_closing = false;
        attrs.insert(attr, value.replace("&amp;", "&"));
    }
    (Tag { name, attrs }, self_closing, i)
}

/// Every start tag named `name`.
pub fn tags(html: &str, name: &str) -> Vec<Tag> {
    tokens(html)
        .into_iter()
        .filter_map(|t| match t {
            Token::Start(tag) if tag.name == name => Some(tag),
            _ => None,
        })
        .collect()
}

/// Every start tag, of any name.
pub fn all_tags(html: &str) -> Vec<Tag> {
    tokens(html)
        .into_iter()
        .filter_map(|t| match t {
            Token::Start(tag) => Some(tag),
            _ => None,
        })
        .collect()
}

/// The `<a>` tags inside the first element named `name` for which `pick` is true (the language
/// switcher: `within(html, "nav", |t| t.has_class("lang-switch"))`).
pub fn links_within(html: &str, name: &str, pick: impl Fn(&Tag) -> bool) -> Vec<Tag> {
    let mut depth = 0usize;
    let mut links = Vec::new();
    for token in tokens(html) {
        match token {
            Token::Start(tag) if depth == 0 && tag.name == name && pick(&tag) => depth = 1,
            Token::Start(_) if depth == 0 => {}
            Token::Start(tag) => {
                if tag.name == name {
                    depth += 1;
                }
                if tag.name == "a" {
                    links.push(tag);
                }
            }
            Token::End(end) if depth > 0 && end == name => {
                depth -= 1;
                if depth == 0 {
                    return links;
                }
            }
            _ => {}
        }
    }
    links
}

/// For each text node of the page's `<body>` that contains `needle`, the language it is marked
/// with: the `lang` of the innermost element around it that has one.
pub fn text_langs(html: &str, needle: &str) -> Vec<String> {
    let mut stack: Vec<(String, Option<String>)> = Vec::new();
    let mut langs = Vec::new();
    for token in tokens(html) {
        match token {
            Token::Start(tag) => {
                let lang = tag.attr("lang").map(str::to_string);
                stack.push((tag.name, lang));
            }
            Token::End(name) => {
                if let Some(open) = stack.iter().rposition(|(n, _)| *n == name) {
                    stack.truncate(open);
                }
            }
            Token::Text(text) => {
                let in_body = stack.iter().any(|(n, _)| n == "body");
                let in_raw = stack
                    .last()
                    .is_some_and(|(n, _)| n == "script" || n == "style");
                if in_body && !in_raw && text.contains(needle) {
                    langs.push(
                        stack
                            .iter()
                            .rev()
                            .find_map(|(_, l)| l.clone())
                            .unwrap_or_default(),
                    );
                }
            }
        }
    }
    langs
}

/// The `lang` of the page's `<html>` element.
pub fn html_lang(html: &str) -> Option<String> {
    tags(html, "html")
        .first()
        .and_then(|t| t.attr("lang").map(str::to_string))
}

/// The `hreflang` alternates of a page: `[(hreflang, href)]`.
pub fn hreflang_links(html: &str) -> Vec<(String, String)> {
    tags(html, "link")
        .into_iter()
        .filter(|t| {
            t.attr("rel")
                .is_some_and(|r| r.split_whitespace().any(|r| r == "alternate"))
        })
        .filter_map(|t| Some((t.attr("hreflang")?.to_string(), t.attr("href")?.to_string())))
        .collect()
}

// --- The sample site's records --------------------------------------------------------------------

/// A record of a site on disk, found from its files the way SPEC §3 names them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RecordOnDisk {
    pub collection: String,
    pub id: String,
    pub slug: String,
}

/// Every record under `root/content/<collection>/`: `<id>.<lang>.md`, `<id>.yaml` and
/// `<id>/index.<lang>.md`, with the slug it is published under.
pub fn records_on_disk(root: &Path) -> Vec<RecordOnDisk> {
    let mut records = Vec::new();
    for collection in std::fs::read_dir(root.join("content")).unwrap() {
        let collection = collection.unwrap();
        let key = collection.file_name().to_string_lossy().into_owned();
        if !collection.file_type().unwrap().is_dir() || key == "data" {
            continue;
        }
        for entry in std::fs::read_dir(collection.path()).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            let (id, file) = if entry.file_type().unwrap().is_dir() {
                let index = std::fs::read_dir(entry.path())
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .filter(|p| {
                        p.file_name()
                            .unwrap()
                            .to_string_lossy()
                            .starts_with("index.")
                    })
                    .min();
                let Some(index) = index else { continue };
                (name.clone(), index)
            } else if name.starts_with("_index.") {
                continue;
            } else if let Some(id) = name.strip_suffix(".yaml") {
                (id.to_string(), entry.path())
            } else if let Some(stem) = name.strip_suffix(".md") {
                (
                    stem.rsplit_once('.').map_or(stem, |(id, _)| id).to_string(),
                    entry.path(),
                )
            } else {
                continue;
            };
            let slug = expected_slug(&id, &read(&file));
            records.push(RecordOnDisk {
                collection: key.clone(),
                id,
                slug,
            });
        }
    }
    records.sort();
    records.dedup();
    records
}

/// The slug a record is published under: its `slug:` field, else its id when that is already
/// `[a-z0-9-]+`, else the pinyin of its id (SPEC §3.1), for the ids the sample site uses.
fn expected_slug(id: &str, text: &str) -> String {
    if let Some(slug) = text.lines().find_map(|l| l.strip_prefix("slug:")) {
        return slug.trim().trim_matches(['"', '\'']).to_string();
    }
    if !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return id.to_string();
    }
    match id {
        "梨园村" => "li-yuan-cun".to_string(),
        other => panic!(
            "the sample site has a record `{other}` with a non-ASCII id: add its pinyin slug to expected_slug"
        ),
    }
}

/// A UI string of the built-in default theme (`themes/default/i18n/<lang>.yaml`).
pub fn ui_string(lang: &str, key: &str) -> String {
    let text = read(&repo().join(format!("themes/default/i18n/{lang}.yaml")));
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .unwrap_or_else(|| panic!("no `{key}` in the {lang} UI strings"));
    line.trim().trim_matches('"').to_string()
}

/// The files under `dir` whose bytes contain `needle`.
pub fn files_containing(dir: &Path, needle: &str) -> Vec<String> {
    let needle = needle.as_bytes();
    files(dir)
        .into_iter()
        .filter(|f| {
            std::fs::read(dir.join(f))
                .unwrap()
                .windows(needle.len())
                .any(|w| w == needle)
        })
        .collect()
}

/// Issue 14: the hidden-character cases under tests/fixtures/chars/ that are errors.
pub const HIDDEN_CHARACTER_ERRORS: [&str; 7] = [
    "nul-escape",
    "bell-body",
    "c1-char",
    "noncharacter",
    "surrogate-escape",
    "zero-width-term",
    "zero-width-id",
];

/// A running `showcase serve --port PORT --root ROOT`, stopped when dropped (and then checked
/// not to have panicked): its address, from the first line it prints, and everything it has
/// written to stderr, read on a thread.
pub struct ServeProcess {
    pub child: std::process::Child,
    /// "127.0.0.1:PORT"
    pub address: String,
    pub stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

impl ServeProcess {
    /// Starts serve and waits up to `wait` for its address.
    pub fn start(root: &Path, port: u16, wait: Duration) -> ServeProcess {
        ServeProcess::start_with(root, port, wait, &[])
    }

    /// [`ServeProcess::start`] with more arguments.
    pub fn start_with(root: &Path, port: u16, wait: Duration, more: &[&str]) -> ServeProcess {
        use std::io::BufRead;
        let mut child = showcase_command()
            .args(["serve", "--port", &port.to_string(), "--root"])
            .arg(root)
            .args(more)
            .spawn()
            .expect("the showcase binary runs");
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let mut pipe = child.stderr.take().unwrap();
        let sink = stderr.clone();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        });
        let (sender, receiver) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            let mut lines = std::io::BufReader::new(stdout).lines();
            if let Some(Ok(line)) = lines.next() {
                let _ = sender.send(line);
            }
            for _ in lines {}
        });
        let line = receiver
            .recv_timeout(wait)
            .expect("serve prints its address");
        let address = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        ServeProcess {
            child,
            address,
            stderr,
        }
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let stderr = self.stderr.lock().unwrap();
        if !std::thread::panicking() {
            assert!(!stderr.contains("panicked"), "serve panicked:\n{stderr}");
        }
    }
}
