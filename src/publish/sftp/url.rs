//! The address of an SFTP target as the user writes it, `sftp://user@server[:port]/folder`,
//! checked before anything connects. It never holds a password: one written in the address
//! (`user:secret@server`) is refused, since a command line is seen by other users and kept in
//! the shell's history. The folder is an absolute path on the server (`~` is not expanded).

use std::fmt;

use super::{SftpError, UrlProblem};
use crate::url_policy::percent_decoded_exactly;

/// `sftp://user@host[:port]/path`, parsed and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SftpUrl {
    pub user: String,
    /// A name, an IPv4 address or an IPv6 address (without its brackets).
    pub host: String,
    pub port: u16,
    /// The site's folder on the server: absolute, without a trailing `/`, never `/` itself.
    pub path: String,
}

impl SftpUrl {
    pub fn parse(text: &str) -> Result<SftpUrl, SftpError> {
        let problem = |problem| SftpError::Url {
            url: text.to_string(),
            problem,
        };
        let rest = text
            .get(..7)
            .filter(|scheme| scheme.eq_ignore_ascii_case("sftp://"))
            .map(|_| &text[7..])
            .ok_or_else(|| problem(UrlProblem::NotSftp))?;
        let (authority, path) = match rest.find('/') {
            Some(slash) => rest.split_at(slash),
            None => (rest, ""),
        };
        let (user_info, server) = match authority.rsplit_once('@') {
            Some((user_info, server)) => (user_info, server),
            None => ("", authority),
        };
        if user_info.contains(':') {
            return Err(problem(UrlProblem::Password));
        }
        let user =
            percent_decoded_exactly(user_info).ok_or_else(|| problem(UrlProblem::BadEscape))?;
        let (host, port) = split_port(server);
        if host.is_empty() {
            return Err(problem(UrlProblem::NoHost));
        }
        if user.is_empty() {
            return Err(problem(UrlProblem::NoUser));
        }
        let port = match port {
            None => 22,
            Some(port) => port
                .parse::<u16>()
                .ok()
                .filter(|&port| port != 0)
                .ok_or_else(|| {
                    problem(UrlProblem::BadPort {
                        port: port.to_string(),
                    })
                })?,
        };
        let path = percent_decoded_exactly(path).ok_or_else(|| problem(UrlProblem::BadEscape))?;
        // The server's root is never a site's folder: publishing makes its folder exactly
        // the site, so `/` would be read as "replace everything on the server".
        let path = path.trim_end_matches('/');
        if path.is_empty() {
            return Err(problem(UrlProblem::NoPath));
        }
        Ok(SftpUrl {
            user,
            host: host.to_string(),
            port,
            path: path.to_string(),
        })
    }

    /// The server as the user names it in messages: `host`, or `host:port` on another port
    /// than 22 (`[::1]:2222` for an IPv6 address).
    pub fn server(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        if self.port == 22 {
            host
        } else {
            format!("{host}:{}", self.port)
        }
    }
}

impl fmt::Display for SftpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sftp://{}@{}{}", self.user, self.server(), self.path)
    }
}

/// `host` and the text after its `:`, if any; an IPv6 address is written in brackets.
fn split_port(server: &str) -> (&str, Option<&str>) {
    if let Some(bracketed) = server.strip_prefix('[')
        && let Some((host, rest)) = bracketed.split_once(']')
    {
        return (host, rest.strip_prefix(':'));
    }
    match server.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (server, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<SftpUrl, UrlProblem> {
        SftpUrl::parse(text).map_err(|err| match err {
            SftpError::Url { problem, .. } => problem,
            other => panic!("not a URL error: {other:?}"),
        })
    }

    #[test]
    fn an_address_names_the_user_server_port_and_folder() {
        let url = parse("sftp://web@example.org/srv/www/site/").unwrap();
        assert_eq!(
            url,
            SftpUrl {
                user: "web".into(),
                host: "example.org".into(),
                port: 22,
                path: "/srv/www/site".into(),
            }
        );
        assert_eq!(url.to_string(), "sftp://web@example.org/srv/www/site");
        let url = parse("SFTP://a%40b@[::1]:2222/%E7%BD%91%E7%AB%99%20x").unwrap();
        assert_eq!(
            (url.user.as_str(), url.host.as_str(), url.port),
            ("a@b", "::1", 2222)
        );
        assert_eq!(url.path, "/网站 x");
        assert_eq!(url.server(), "[::1]:2222");
        assert_eq!(parse("sftp://u@h:2200/p").unwrap().server(), "h:2200");
    }

    #[test]
    fn a_wrong_address_says_what_is_missing() {
        assert_eq!(parse("ftp://u@h/p"), Err(UrlProblem::NotSftp));
        assert_eq!(parse("u@h/p"), Err(UrlProblem::NotSftp));
        assert_eq!(parse("sftp://h/p"), Err(UrlProblem::NoUser));
        assert_eq!(parse("sftp://@h/p"), Err(UrlProblem::NoUser));
        assert_eq!(parse("sftp://u@/p"), Err(UrlProblem::NoHost));
        assert_eq!(parse("sftp://u@:22/p"), Err(UrlProblem::NoHost));
        assert_eq!(parse("sftp://u@h"), Err(UrlProblem::NoPath));
        assert_eq!(parse("sftp://u@h/"), Err(UrlProblem::NoPath));
        assert_eq!(parse("sftp://u@h///"), Err(UrlProblem::NoPath));
        for port in ["x", "0", "65536", ""] {
            assert_eq!(
                parse(&format!("sftp://u@h:{port}/p")),
                Err(UrlProblem::BadPort { port: port.into() })
            );
        }
        assert_eq!(parse("sftp://u:secret@h/p"), Err(UrlProblem::Password));
        assert_eq!(parse("sftp://u@h/a%2"), Err(UrlProblem::BadEscape));
        assert_eq!(parse("sftp://u@h/%FF"), Err(UrlProblem::BadEscape));
    }
}
