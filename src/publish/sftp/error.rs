//! Why an SFTP target could not be opened, in the user's language ([`SftpError::message`] and
//! [`SftpError::hint`]), with the server's or the system's own words as the error's source.
//! Failures of single file operations after that are [`TargetError`](super::super::target::TargetError)s.

use std::path::PathBuf;

use crate::messages::{Message, msg};

/// The server's or the system's own words about a failure, printed after the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Cause(pub String);

/// What is wrong with an address given as `sftp://…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlProblem {
    NotSftp,
    NoUser,
    NoHost,
    NoPath,
    BadPort {
        port: String,
    },
    BadEscape,
    /// `user:password@host`: passwords come only from SHOWCASE_SFTP_PASSWORD.
    Password,
}

/// One way of logging in that was tried, for the message when none worked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthAttempt {
    /// The SSH agent offered `keys` keys and the server took none (Unix only, as the next).
    #[cfg_attr(not(unix), allow(dead_code))]
    Agent {
        keys: usize,
    },
    /// SSH_AUTH_SOCK is set but the agent could not be asked.
    #[cfg_attr(not(unix), allow(dead_code))]
    AgentUnavailable {
        reason: String,
    },
    /// The key file was offered and refused.
    Key {
        path: PathBuf,
    },
    /// The key file is protected by a passphrase, which showcase does not ask for.
    KeyEncrypted {
        path: PathBuf,
    },
    KeyUnreadable {
        path: PathBuf,
        reason: String,
    },
    /// The password from SHOWCASE_SFTP_PASSWORD was refused.
    Password,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SftpError {
    #[error("{url} is not a usable SFTP address ({problem:?})")]
    Url { url: String, problem: UrlProblem },
    #[error("cannot connect to {server}")]
    Connect {
        server: String,
        #[source]
        cause: Cause,
    },
    #[error("cannot read the known hosts file {path}")]
    KnownHostsUnreadable {
        path: PathBuf,
        #[source]
        cause: Cause,
    },
    #[error("{server} is not a known host (its key is {fingerprint}); refusing to connect")]
    UnknownHost {
        server: String,
        /// The command that records the server's key after the user has checked it.
        ssh_command: String,
        fingerprint: String,
        known_hosts: PathBuf,
        /// The line that makes the server known.
        line: String,
    },
    #[error("the key of {server} is not the one in {known_hosts} line {line}; refusing to connect")]
    HostKeyChanged {
        server: String,
        fingerprint: String,
        known_hosts: PathBuf,
        line: usize,
    },
    #[error("the key of {server} is revoked in {known_hosts} line {line}; refusing to connect")]
    HostKeyRevoked {
        server: String,
        fingerprint: String,
        known_hosts: PathBuf,
        line: usize,
    },
    #[error("{server} did not let {user} log in")]
    AuthFailed {
        server: String,
        user: String,
        tried: Vec<AuthAttempt>,
    },
    #[error("{server} does not offer SFTP")]
    NoSftp {
        server: String,
        #[source]
        cause: Cause,
    },
}

impl SftpError {
    /// What went wrong, in the user's language; the server's own words (the source) are
    /// printed after it.
    pub fn message(&self) -> Message {
        match self {
            SftpError::Url { url, problem } => match problem {
                UrlProblem::NotSftp => msg!("sftp-url-not-sftp", url = url),
                UrlProblem::NoUser => msg!("sftp-url-no-user", url = url),
                UrlProblem::NoHost => msg!("sftp-url-no-host", url = url),
                UrlProblem::NoPath => msg!("sftp-url-no-path", url = url),
                UrlProblem::BadPort { port } => msg!("sftp-url-bad-port", url = url, port = port),
                UrlProblem::BadEscape => msg!("sftp-url-bad-escape", url = url),
                UrlProblem::Password => msg!("sftp-url-password", url = url),
            },
            SftpError::Connect { server, .. } => msg!("sftp-cannot-connect", server = server),
            SftpError::KnownHostsUnreadable { path, .. } => {
                msg!("sftp-known-hosts-unreadable", path = path)
            }
            SftpError::UnknownHost {
                server,
                fingerprint,
                ..
            } => msg!(
                "sftp-unknown-host",
                server = server,
                fingerprint = fingerprint
            ),
            SftpError::HostKeyChanged {
                server,
                known_hosts,
                line,
                ..
            } => msg!(
                "sftp-host-key-changed",
                server = server,
                known_hosts = known_hosts,
                line = *line
            ),
            SftpError::HostKeyRevoked {
                server,
                known_hosts,
                line,
                ..
            } => msg!(
                "sftp-host-key-revoked",
                server = server,
                known_hosts = known_hosts,
                line = *line
            ),
            SftpError::AuthFailed {
                server,
                user,
                tried,
            } => msg!(
                "sftp-auth-failed",
                server = server,
                user = user,
                tried = attempt_list(tried)
            ),
            SftpError::NoSftp { server, .. } => msg!("sftp-no-sftp", server = server),
        }
    }

    /// What the user can do about it.
    pub fn hint(&self) -> Option<Message> {
        match self {
            SftpError::Url {
                problem: UrlProblem::Password,
                ..
            } => Some(msg!("sftp-url-password-hint")),
            SftpError::Url { .. } => Some(msg!("sftp-url-hint")),
            SftpError::Connect { .. } => Some(msg!("sftp-cannot-connect-hint")),
            SftpError::KnownHostsUnreadable { .. } => None,
            SftpError::UnknownHost {
                ssh_command,
                known_hosts,
                line,
                ..
            } => Some(msg!(
                "sftp-unknown-host-hint",
                command = ssh_command,
                known_hosts = known_hosts,
                line = line
            )),
            SftpError::HostKeyChanged {
                fingerprint,
                known_hosts,
                line,
                ..
            } => Some(msg!(
                "sftp-host-key-changed-hint",
                fingerprint = fingerprint,
                known_hosts = known_hosts,
                line = *line
            )),
            SftpError::HostKeyRevoked { .. } => Some(msg!("sftp-host-key-revoked-hint")),
            SftpError::AuthFailed { .. } => Some(msg!("sftp-auth-failed-hint")),
            SftpError::NoSftp { .. } => Some(msg!("sftp-no-sftp-hint")),
        }
    }
}

/// The ways of logging in that were tried, as one phrase ("a; b; c").
fn attempt_list(tried: &[AuthAttempt]) -> Message {
    match tried {
        [] => msg!("sftp-tried-nothing"),
        [only] => attempt(only),
        [first, rest @ ..] => msg!(
            "sftp-tried-list",
            first = attempt(first),
            rest = attempt_list(rest)
        ),
    }
}

fn attempt(attempt: &AuthAttempt) -> Message {
    match attempt {
        AuthAttempt::Agent { keys } => msg!("sftp-tried-agent", count = *keys),
        AuthAttempt::AgentUnavailable { reason } => {
            msg!("sftp-tried-agent-unavailable", reason = reason)
        }
        AuthAttempt::Key { path } => msg!("sftp-tried-key", path = path),
        AuthAttempt::KeyEncrypted { path } => msg!("sftp-tried-key-encrypted", path = path),
        AuthAttempt::KeyUnreadable { path, reason } => {
            msg!("sftp-tried-key-unreadable", path = path, reason = reason)
        }
        AuthAttempt::Password => msg!("sftp-tried-password"),
    }
}
