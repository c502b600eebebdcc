//! The servers this computer already trusts, read from an OpenSSH `known_hosts` file: plain and
//! hashed host names (`|1|salt|hash`, Debian's default), `[host]:port` for other ports than 22,
//! comma lists, `*`/`?` wildcards and `!` negation, and `@revoked` keys. It only reads the file:
//! accepting a new server is the user's decision, made with `ssh` or by adding the line
//! themselves. `@cert-authority` lines are passed over (showcase asks servers for plain keys).

use data_encoding::BASE64;
use hmac::{Hmac, KeyInit, Mac};
use russh::keys::{Algorithm, PublicKey};
use sha1::Sha1;

/// One key line of the file.
#[derive(Debug)]
struct Entry {
    /// Its line number, from 1, as an editor shows it.
    line: usize,
    revoked: bool,
    /// The comma-separated host patterns, as written.
    hosts: String,
    key: PublicKey,
}

/// What the file says about the key a server showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostKeyCheck {
    /// The file holds this key for this server.
    Known,
    /// The file holds no key of this type for this server.
    Unknown,
    /// The file holds another key of the same type for this server at `line`.
    Changed { line: usize },
    /// The key is marked `@revoked` at `line`.
    Revoked { line: usize },
}

/// The parsed file; lines that are not a key line (comments, blank lines, lines whose key
/// does not parse) are passed over, as OpenSSH does.
#[derive(Debug, Default)]
pub struct KnownHosts {
    entries: Vec<Entry>,
}

impl KnownHosts {
    pub fn parse(text: &str) -> KnownHosts {
        let entries = text
            .lines()
            .enumerate()
            .filter_map(|(index, line)| entry(index + 1, line))
            .collect();
        KnownHosts { entries }
    }

    /// Checks the key `host` showed on `port`. A revoked key wins over everything; then a
    /// matching key; then another key of the same type (a changed key).
    pub fn check(&self, host: &str, port: u16, key: &PublicKey) -> HostKeyCheck {
        let name = host_name(host, port);
        let entries: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|entry| hosts_match(&entry.hosts, &name))
            .collect();
        if let Some(entry) = entries
            .iter()
            .find(|entry| entry.revoked && same_key(&entry.key, key))
        {
            return HostKeyCheck::Revoked { line: entry.line };
        }
        let plain = entries.iter().filter(|entry| !entry.revoked);
        if plain.clone().any(|entry| same_key(&entry.key, key)) {
            return HostKeyCheck::Known;
        }
        match plain
            .clone()
            .find(|entry| same_type(&entry.key.algorithm(), &key.algorithm()))
        {
            Some(entry) => HostKeyCheck::Changed { line: entry.line },
            None => HostKeyCheck::Unknown,
        }
    }

    /// The key types recorded for `host` on `port`, in the file's order: the connection asks
    /// the server for one of these first, as `ssh` does, so that a server known by its ECDSA
    /// key is not refused for showing its Ed25519 key.
    pub fn algorithms(&self, host: &str, port: u16) -> Vec<Algorithm> {
        let name = host_name(host, port);
        let mut algorithms: Vec<Algorithm> = Vec::new();
        for entry in &self.entries {
            let algorithm = entry.key.algorithm();
            if !entry.revoked
                && hosts_match(&entry.hosts, &name)
                && !algorithms.iter().any(|known| same_type(known, &algorithm))
            {
                algorithms.push(algorithm);
            }
        }
        algorithms
    }
}

/// The line that makes `key` known for `host` on `port`, as `ssh` would add it (unhashed).
pub fn line_for(host: &str, port: u16, key: &PublicKey) -> String {
    let key = key
        .to_openssh()
        .unwrap_or_else(|_| format!("{} (cannot be written)", key.algorithm()));
    format!("{} {key}", host_name(host, port))
}

/// The name a server is recorded under: `host` on port 22, `[host]:port` on any other.
fn host_name(host: &str, port: u16) -> String {
    let host = host.to_ascii_lowercase();
    if port == 22 {
        host
    } else {
        format!("[{host}]:{port}")
    }
}

fn entry(line: usize, text: &str) -> Option<Entry> {
    let mut fields = text.split_ascii_whitespace();
    let mut first = fields.next()?;
    if first.starts_with('#') {
        return None;
    }
    let mut revoked = false;
    if first.starts_with('@') {
        // `@cert-authority` lines name a certificate authority, not a host's own key.
        if first != "@revoked" {
            return None;
        }
        revoked = true;
        first = fields.next()?;
    }
    let key_type = fields.next()?;
    let key_base64 = fields.next()?;
    let key = PublicKey::from_openssh(&format!("{key_type} {key_base64}")).ok()?;
    Some(Entry {
        line,
        revoked,
        hosts: first.to_string(),
        key,
    })
}

/// Whether a line's host patterns name `name`: one pattern matches and no negated one does.
fn hosts_match(patterns: &str, name: &str) -> bool {
    let mut matched = false;
    for pattern in patterns.split(',') {
        if let Some(negated) = pattern.strip_prefix('!') {
            if wildcard_match(&negated.to_ascii_lowercase(), name) {
                return false;
            }
        } else if pattern.starts_with("|1|") {
            matched |= hashed_match(pattern, name);
        } else {
            matched |= wildcard_match(&pattern.to_ascii_lowercase(), name);
        }
    }
    matched
}

/// `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`, as `HashKnownHosts yes` writes it.
fn hashed_match(pattern: &str, name: &str) -> bool {
    let mut parts = pattern.split('|').skip(2);
    let (Some(salt), Some(hash)) = (parts.next(), parts.next()) else {
        return false;
    };
    let (Ok(salt), Ok(hash)) = (
        BASE64.decode(salt.as_bytes()),
        BASE64.decode(hash.as_bytes()),
    ) else {
        return false;
    };
    let Ok(mac) = Hmac::<Sha1>::new_from_slice(&salt) else {
        return false;
    };
    mac.chain_update(name.as_bytes())
        .verify_slice(&hash)
        .is_ok()
}

/// `*` matches any run of characters, `?` any one character.
fn wildcard_match(pattern: &str, name: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let name: Vec<char> = name.chars().collect();
    // The classic two-pointer match with one backtrack point for the last `*`.
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == name[n]) {
            p += 1;
            n += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some((p, n));
            p += 1;
        } else if let Some((star_p, star_n)) = star {
            p = star_p + 1;
            n = star_n + 1;
            star = Some((star_p, star_n + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

fn same_key(a: &PublicKey, b: &PublicKey) -> bool {
    a.key_data() == b.key_data()
}

/// Key types, with the three RSA signature hashes counted as the one RSA key type.
pub fn same_type(a: &Algorithm, b: &Algorithm) -> bool {
    match (a, b) {
        (Algorithm::Rsa { .. }, Algorithm::Rsa { .. }) => true,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ED25519: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIXVz6DZqLjpJEomf3W14DkI77gtFuctUY1EK9yMCw4g";
    const OTHER_ED25519: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPYT82BL8R3n14Szh6PprqtN2O1s1WnZBmx/dKFmdhaE";

    fn key(text: &str) -> PublicKey {
        PublicKey::from_openssh(text).unwrap()
    }

    fn check(file: &str, host: &str, port: u16, shown: &str) -> HostKeyCheck {
        KnownHosts::parse(file).check(host, port, &key(shown))
    }

    #[test]
    fn a_server_is_known_by_its_name_and_port() {
        let file = format!(
            "# comment\n\nexample.org,192.0.2.1 {ED25519}\n[example.org]:2222\t{OTHER_ED25519}\n"
        );
        assert_eq!(
            check(&file, "example.org", 22, ED25519),
            HostKeyCheck::Known
        );
        assert_eq!(check(&file, "192.0.2.1", 22, ED25519), HostKeyCheck::Known);
        assert_eq!(
            check(&file, "EXAMPLE.org", 22, ED25519),
            HostKeyCheck::Known
        );
        assert_eq!(
            check(&file, "example.org", 2222, OTHER_ED25519),
            HostKeyCheck::Known
        );
        assert_eq!(
            check(&file, "example.org", 2200, ED25519),
            HostKeyCheck::Unknown
        );
        assert_eq!(
            check(&file, "example.com", 22, ED25519),
            HostKeyCheck::Unknown
        );
    }

    #[test]
    fn another_key_of_the_same_type_is_a_changed_key() {
        let file = format!("other.org {OTHER_ED25519}\nexample.org {OTHER_ED25519}\n");
        assert_eq!(
            check(&file, "example.org", 22, ED25519),
            HostKeyCheck::Changed { line: 2 }
        );
    }

    #[test]
    fn a_revoked_key_is_refused_even_when_also_listed() {
        let file = format!("example.org {ED25519}\n@revoked * {ED25519}\n");
        assert_eq!(
            check(&file, "example.org", 22, ED25519),
            HostKeyCheck::Revoked { line: 2 }
        );
    }

    #[test]
    fn hashed_names_wildcards_and_negations_match_as_in_openssh() {
        // What `ssh-keygen -H` made of "[example.org]:2222".
        let hashed = "|1|mspcr5K17w8VlI3VhXZdEQvTFh4=|lx1hsm8lGs8grZj+BQTWb2PLoCs=";
        let file = format!("{hashed} {ED25519}\n*.example.net,!bad.example.net {ED25519}\n");
        assert_eq!(
            check(&file, "example.org", 2222, ED25519),
            HostKeyCheck::Known
        );
        assert_eq!(
            check(&file, "example.org", 22, ED25519),
            HostKeyCheck::Unknown
        );
        assert_eq!(
            check(&file, "www.example.net", 22, ED25519),
            HostKeyCheck::Known
        );
        assert_eq!(
            check(&file, "bad.example.net", 22, ED25519),
            HostKeyCheck::Unknown
        );
        assert!(wildcard_match("a*b?c", "axxbyc"));
        assert!(!wildcard_match("a*b?c", "axxbc"));
    }

    #[test]
    fn broken_and_certificate_authority_lines_are_passed_over() {
        let file = format!(
            "example.org ssh-ed25519 not-base64\n@cert-authority * {OTHER_ED25519}\nexample.org {ED25519}\n"
        );
        assert_eq!(
            check(&file, "example.org", 22, ED25519),
            HostKeyCheck::Known
        );
        let known = KnownHosts::parse(&file);
        assert_eq!(
            known.algorithms("example.org", 22),
            vec![Algorithm::Ed25519]
        );
        assert!(known.algorithms("example.com", 22).is_empty());
    }

    #[test]
    fn the_line_to_add_names_the_port_as_ssh_does() {
        assert_eq!(
            line_for("Example.org", 2222, &key(ED25519)),
            format!("[example.org]:2222 {ED25519}")
        );
        assert_eq!(
            line_for("example.org", 22, &key(ED25519)),
            format!("example.org {ED25519}")
        );
    }
}
