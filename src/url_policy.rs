//! The one URL policy (issue 14): which URLs written in content may become an `href`, `src`,
//! `srcset`, `action`, `poster` or `xlink:href` of a published page. Everything that turns
//! content into a URL asks [`UrlPolicy::judge`]: Markdown links and images, raw HTML, and the
//! `link`, `source.url`, `image` and `gallery` values of records. A URL is judged the way a
//! browser reads it (character references and percent-escapes decoded, ASCII whitespace and
//! control characters removed, the scheme compared without case). Pure; callers turn a
//! [`Refusal`] into `E-unsafe-url` or `E-external-resource` at the value's place.

use crate::diagnostics::Diagnostic;
use crate::messages::msg;

/// Schemes a published link may use besides the site's own pages and files. ammonia's allowed
/// schemes for raw HTML are set from this list too.
pub const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// What a URL is used for: a link the visitor may follow, or a resource the page loads by
/// itself (a picture, a video, a stylesheet), which must come from the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlUse {
    Link,
    Resource,
}

/// Where an allowed URL leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    /// A page or file of the site itself (relative, `/…`, `#…`, `@/…`).
    Site,
    /// Another site (`https://…`, `//…`), or `mailto:`/`tel:`.
    Outside,
}

/// Why a URL may not be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// `javascript:`, `vbscript:`: following it runs a program on the site's pages.
    Script { scheme: String },
    /// `data:`: a whole file written into the address. Refused everywhere: as a link it can be
    /// a page with a script; as a picture it escapes the image pipeline (no resizing, metadata
    /// kept), swells every page that shows it, and the theme's Content-Security-Policy blocks it.
    Data,
    /// `file:` or a Windows path (`C:\…`): a file on the writer's own computer.
    LocalFile,
    /// Any other scheme (`weixin:`, `ftp:`), or `mailto:`/`tel:` used as a picture.
    Scheme { scheme: String },
    /// An outside address written without its `https://` (`www.gov.cn`, pasted from a chat),
    /// or with a full-width colon (`https：//`): published as written it would lead to a page
    /// of this site that does not exist.
    NoScheme { meant: String },
    /// A picture, video or stylesheet loaded from another site (SPEC: the site loads nothing
    /// from outside itself), whose host is not in `allowed_hosts`.
    ExternalResource { host: String },
}

impl Refusal {
    /// The content error for `url`, refused for this reason; the caller adds the place.
    pub fn diagnostic(&self, url: &str, usage: UrlUse) -> Diagnostic {
        let url = shown(url);
        match self {
            Refusal::Script { scheme } => Diagnostic::error(
                "E-unsafe-url",
                msg!("unsafe-url-script", url = url, scheme = scheme),
            )
            .hint(msg!("unsafe-url-script-hint")),
            Refusal::Data => Diagnostic::error("E-unsafe-url", msg!("unsafe-url-data", url = url))
                .hint(msg!("unsafe-url-data-hint")),
            Refusal::LocalFile => {
                Diagnostic::error("E-unsafe-url", msg!("unsafe-url-file", url = url))
                    .hint(msg!("unsafe-url-file-hint"))
            }
            Refusal::Scheme { scheme } if usage == UrlUse::Resource => Diagnostic::error(
                "E-unsafe-url",
                msg!("unsafe-url-not-a-file", url = url, scheme = scheme),
            )
            .hint(msg!("unsafe-url-not-a-file-hint")),
            Refusal::Scheme { scheme } => Diagnostic::error(
                "E-unsafe-url",
                msg!("unsafe-url-scheme", url = url, scheme = scheme),
            )
            .hint(msg!("unsafe-url-scheme-hint")),
            Refusal::NoScheme { meant } => {
                Diagnostic::error("E-broken-link", msg!("link-without-scheme", url = url))
                    .hint(msg!("link-without-scheme-hint", meant = shown(meant)))
            }
            Refusal::ExternalResource { host } => Diagnostic::error(
                "E-external-resource",
                msg!("external-resource", url = url, host = host),
            )
            .hint(msg!("external-resource-hint")),
        }
    }
}

/// A URL as a message quotes it: at most 80 characters (a `data:` URL can be megabytes), with
/// invisible characters written as `<U+0009>` so the message shows what is really there.
fn shown(url: &str) -> String {
    const MAX: usize = 80;
    let mut out = String::new();
    for (count, c) in url.chars().enumerate() {
        if count == MAX {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The policy of one site: the fixed rules plus the hosts `site.yaml` trusts for resources.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlPolicy {
    /// Lowercase host names, each with or without a port (`assets.intranet.example:8080`).
    allowed_hosts: Vec<String>,
}

impl UrlPolicy {
    /// `allowed_hosts` may be written as host names (`assets.intranet.example`, with a port
    /// where it matters) or as pasted addresses (`https://assets.intranet.example/`).
    pub fn new(allowed_hosts: &[String]) -> UrlPolicy {
        UrlPolicy {
            allowed_hosts: allowed_hosts
                .iter()
                .map(|entry| {
                    let entry = entry.trim();
                    let rest = entry.split_once("://").map_or(entry, |(_, rest)| rest);
                    host_of(rest.trim_start_matches('/'))
                })
                .filter(|host| !host.is_empty())
                .collect(),
        }
    }

    /// The trusted hosts as Content-Security-Policy sources: a host written without a port
    /// is trusted on any port, as [`UrlPolicy::judge`] trusts it.
    pub fn csp_sources(&self) -> Vec<String> {
        self.allowed_hosts
            .iter()
            .map(|host| match host.rsplit_once(':') {
                Some((_, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host.clone(),
                _ => format!("{host}:*"),
            })
            .collect()
    }

    pub fn judge(&self, url: &str, usage: UrlUse) -> Result<Destination, Refusal> {
        let read = as_browser_reads(url);
        let Some(scheme) = scheme(&read) else {
            return match other_host(&read) {
                Some(host) => self.external(host, usage),
                None => match meant_address(url.trim()) {
                    Some(meant) => Err(Refusal::NoScheme { meant }),
                    None => Ok(Destination::Site),
                },
            };
        };
        let rest = &read[scheme.len() + 1..];
        match scheme.as_str() {
            "http" | "https" => self.external(host_of(rest.trim_start_matches('/')), usage),
            "mailto" | "tel" if usage == UrlUse::Link => Ok(Destination::Outside),
            "javascript" | "vbscript" | "livescript" => Err(Refusal::Script { scheme }),
            "data" => Err(Refusal::Data),
            "file" => Err(Refusal::LocalFile),
            // A drive letter: `C:\Users\…` pasted from the file manager.
            _ if scheme.len() == 1 => Err(Refusal::LocalFile),
            _ => Err(Refusal::Scheme { scheme }),
        }
    }

    fn external(&self, host: String, usage: UrlUse) -> Result<Destination, Refusal> {
        if usage == UrlUse::Link || self.trusts(&host) {
            Ok(Destination::Outside)
        } else {
            Err(Refusal::ExternalResource { host })
        }
    }

    fn trusts(&self, host: &str) -> bool {
        let without_port = match host.rsplit_once(':') {
            Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
            _ => host,
        };
        self.allowed_hosts
            .iter()
            .any(|allowed| allowed == host || allowed == without_port)
    }
}

/// The URL as a browser's parser sees it, for judging only: character references and
/// percent-escapes decoded, and every ASCII whitespace and control character removed (a browser
/// drops tabs and newlines anywhere and spaces and controls at the ends; removing them
/// everywhere can only make the judgement stricter). Backslashes read as slashes, as browsers
/// read them in `http` URLs.
fn as_browser_reads(url: &str) -> String {
    let decoded = percent_decoded(&references_decoded(url));
    decoded
        .chars()
        .filter(|c| !(c.is_ascii_whitespace() || c.is_ascii_control()))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect()
}

/// The outside address a relative-looking URL was meant to be: `www.…` or a first segment
/// that is a domain of the common endings (`mp.weixin.qq.com/s/…`), `http//…`, or a scheme
/// typed with the full-width colon of a Chinese or Korean keyboard (`https：//…`).
fn meant_address(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    for scheme in ["https", "http"] {
        for typed in ["：//", "//", "：/"] {
            if let Some(rest) = lower
                .strip_prefix(scheme)
                .and_then(|r| r.strip_prefix(typed))
            {
                let rest = &url[url.len() - rest.len()..];
                return Some(format!("{scheme}://{}", rest.trim_start_matches('/')));
            }
        }
    }
    let first = lower.split(['/', '?', '#']).next().unwrap_or_default();
    let domain_like = first.starts_with("www.")
        || [".com", ".cn", ".net", ".org", ".kr", ".gov", ".edu"]
            .iter()
            .any(|ending| first.ends_with(ending) && first.len() > ending.len());
    let is_domain = domain_like
        && first.contains('.')
        && first
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    is_domain.then(|| format!("https://{url}"))
}

/// The lowercase scheme, when the URL starts with one (`[a-z][a-z0-9+.-]*:`).
fn scheme(url: &str) -> Option<String> {
    let (head, _) = url.split_once(':')?;
    let mut chars = head.chars();
    let first = chars.next()?;
    let valid = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| head.to_ascii_lowercase())
}

/// The host of a protocol-relative URL (`//cdn.example/x.png`).
fn other_host(url: &str) -> Option<String> {
    url.strip_prefix("//")
        .map(|rest| host_of(rest.trim_start_matches('/')))
}

/// `user@Host.example:8080/path` → `host.example:8080`.
fn host_of(authority_and_path: &str) -> String {
    let end = authority_and_path
        .find(['/', '?', '#'])
        .unwrap_or(authority_and_path.len());
    let authority = &authority_and_path[..end];
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    host.trim_end_matches('.').to_ascii_lowercase()
}

/// Decodes HTML character references: decimal and hexadecimal ones, with or without the
/// closing `;` (browsers accept both in attributes), and the named ones that stand for an ASCII
/// character. Other named references cannot make a scheme or a `//` and are left as written.
fn references_decoded(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after) {
            Some((decoded, used)) => {
                out.push(decoded);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference stands for and how many bytes after the `&` it took.
fn reference(after: &str) -> Option<(char, usize)> {
    let semicolon = |used: usize| used + usize::from(after[used..].starts_with(';'));
    if let Some(number) = after.strip_prefix('#') {
        let (radix, digits_at) = match number.as_bytes().first() {
            Some(b'x' | b'X') => (16, 2),
            _ => (10, 1),
        };
        let digits = after[digits_at..]
            .bytes()
            .take_while(|b| char::from(*b).is_digit(radix))
            .count();
        if digits == 0 {
            return None;
        }
        let value = u32::from_str_radix(&after[digits_at..digits_at + digits], radix)
            .ok()
            .and_then(char::from_u32)
            .filter(|c| *c != '\0')
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        return Some((value, semicolon(digits_at + digits)));
    }
    let name_length = after
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &after[..name_length];
    let decoded = NAMED_ASCII
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, c)| *c)?;
    Some((decoded, semicolon(name_length)))
}

/// The named character references that stand for an ASCII character (HTML's list).
const NAMED_ASCII: [(&str, char); 47] = [
    ("Tab", '\t'),
    ("NewLine", '\n'),
    ("excl", '!'),
    ("quot", '"'),
    ("QUOT", '"'),
    ("num", '#'),
    ("dollar", '$'),
    ("percnt", '%'),
    ("amp", '&'),
    ("AMP", '&'),
    ("apos", '\''),
    ("lpar", '('),
    ("rpar", ')'),
    ("ast", '*'),
    ("midast", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("period", '.'),
    ("sol", '/'),
    ("colon", ':'),
    ("semi", ';'),
    ("lt", '<'),
    ("LT", '<'),
    ("equals", '='),
    ("gt", '>'),
    ("GT", '>'),
    ("quest", '?'),
    ("commat", '@'),
    ("lsqb", '['),
    ("lbrack", '['),
    ("bsol", '\\'),
    ("rsqb", ']'),
    ("rbrack", ']'),
    ("Hat", '^'),
    ("lowbar", '_'),
    ("UnderBar", '_'),
    ("grave", '`'),
    ("DiacriticalGrave", '`'),
    ("lcub", '{'),
    ("lbrace", '{'),
    ("verbar", '|'),
    ("vert", '|'),
    ("VerticalLine", '|'),
    ("rcub", '}'),
    ("rbrace", '}'),
    ("nbsp", '\u{a0}'),
    ("NonBreakingSpace", '\u{a0}'),
];

/// Decodes `%XX` escapes; bytes that do not make UTF-8 become U+FFFD.
fn percent_decoded(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    String::from_utf8_lossy(&percent_decoded_bytes(text)).into_owned()
}

/// The bytes `text` stands for with its `%XX` escapes decoded (a `%` without two hex digits
/// stays as it is).
pub fn percent_decoded_bytes(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| char::from(*b).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

/// `text` with its `%XX` escapes decoded, for an address that must be exact (an alias, an
/// SFTP address): `None` when a `%` is not followed by two hex digits or the bytes are not
/// UTF-8.
pub fn percent_decoded_exactly(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let escapes_whole = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'%')
        .all(|(i, _)| {
            bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
        });
    escapes_whole
        .then(|| String::from_utf8(percent_decoded_bytes(text)).ok())
        .flatten()
}

/// The URLs of a `srcset` value (`a.jpg 1x, b.jpg 2x`). A comma inside a URL splits it too,
/// which can only make the judgement stricter (`data:…;base64,…` stays a `data:` URL).
pub fn srcset_urls(srcset: &str) -> impl Iterator<Item = &str> {
    srcset
        .split(',')
        .filter_map(|candidate| candidate.split_ascii_whitespace().next())
}

#[cfg(test)]
mod tests;
