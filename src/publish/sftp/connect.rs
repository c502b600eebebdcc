//! How a connection to an SFTP server is opened: the known hosts read, the server's key
//! checked during the handshake (before any credential is sent), the user logged in
//! ([`super::auth`]), and the SFTP subsystem started with what the server offers
//! (`posix-rename@openssh.com`, `limits@openssh.com`). The file operations are in the parent.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use russh::client::{self, Handle, Handler};
use russh::keys::{HashAlg, PublicKey, PublicKeyOrCertificate};
use russh::{ChannelMsg, Preferred};
use russh_sftp::client::RawSftpSession;

use super::known_hosts::{self, HostKeyCheck, KnownHosts};
use super::{Cause, POSIX_RENAME, Remote, SftpError, SftpOptions, SftpUrl, auth, detail};

const LIMITS: &str = "limits@openssh.com";
/// How long connecting and the SSH handshake may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);
/// How long logging in and starting SFTP may take (an agent may ask the user to confirm).
const LOG_IN_TIMEOUT: Duration = Duration::from_secs(120);
/// How long one SFTP request may wait for its answer; writes queue behind one another on a
/// slow upload, so this is far above one round trip.
const REQUEST_TIMEOUT_SECS: u64 = 120;
/// The size of one write or read request when the server does not say what it takes
/// (`limits@openssh.com`); every SFTP server takes 32 KiB.
const DEFAULT_CHUNK: usize = 32 * 1024;
const MAX_CHUNK: usize = 255 * 1024;

/// Connects to the server of `url`, makes sure of its key, logs in and starts SFTP.
pub(super) async fn open(
    url: &SftpUrl,
    options: &SftpOptions,
) -> Result<(Handle<ServerCheck>, Remote), SftpError> {
    let check = ServerCheck {
        url: url.clone(),
        known: read_known_hosts(&options.known_hosts)?,
        known_hosts: options.known_hosts.clone(),
    };
    let mut session = handshake(url, check).await?;
    let log_in_and_start = async {
        if let Err(tried) = auth::log_in(&mut session, &url.user, options).await {
            return Err(SftpError::AuthFailed {
                server: url.server(),
                user: url.user.clone(),
                tried,
            });
        }
        start_sftp(&session, url).await
    };
    // A server that stops answering while showcase logs in must not leave it waiting forever.
    let remote = tokio::time::timeout(LOG_IN_TIMEOUT, log_in_and_start)
        .await
        .map_err(|_| SftpError::Connect {
            server: url.server(),
            cause: Cause(format!(
                "no answer within {} seconds while logging in",
                LOG_IN_TIMEOUT.as_secs()
            )),
        })??;
    Ok((session, remote))
}

/// The known hosts file; a missing one knows no server.
fn read_known_hosts(path: &Path) -> Result<KnownHosts, SftpError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(KnownHosts::parse(&String::from_utf8_lossy(&bytes))),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(KnownHosts::default()),
        Err(err) => Err(SftpError::KnownHostsUnreadable {
            path: path.to_path_buf(),
            cause: Cause(err.to_string()),
        }),
    }
}

/// Checks the server's key during the handshake, before logging in.
pub(super) struct ServerCheck {
    url: SftpUrl,
    known: KnownHosts,
    known_hosts: PathBuf,
}

/// Why a handshake failed: the connection, or a server key that is not trusted.
#[derive(Debug)]
pub(super) enum HandshakeError {
    Ssh(russh::Error),
    Untrusted(Box<SftpError>),
}

impl From<russh::Error> for HandshakeError {
    fn from(err: russh::Error) -> Self {
        HandshakeError::Ssh(err)
    }
}

impl Handler for ServerCheck {
    type Error = HandshakeError;

    async fn check_server_key(
        &mut self,
        shown: &PublicKeyOrCertificate,
    ) -> Result<bool, HandshakeError> {
        let key = match shown {
            PublicKeyOrCertificate::PublicKey { key, .. } => key.clone(),
            // Not asked for (no certificate algorithms are offered); checked as a plain key.
            PublicKeyOrCertificate::Certificate(cert) => {
                PublicKey::new(cert.public_key().clone(), "")
            }
        };
        let (host, port) = (self.url.host.as_str(), self.url.port);
        let server = self.url.server();
        let fingerprint = key.fingerprint(HashAlg::Sha256).to_string();
        let known_hosts = self.known_hosts.clone();
        let refusal = match self.known.check(host, port, &key) {
            HostKeyCheck::Known => return Ok(true),
            HostKeyCheck::Unknown => SftpError::UnknownHost {
                ssh_command: match port {
                    22 => format!("ssh {}@{host}", self.url.user),
                    _ => format!("ssh -p {port} {}@{host}", self.url.user),
                },
                line: known_hosts::line_for(host, port, &key),
                server,
                fingerprint,
                known_hosts,
            },
            HostKeyCheck::Changed { line } => SftpError::HostKeyChanged {
                server,
                fingerprint,
                known_hosts,
                line,
            },
            HostKeyCheck::Revoked { line } => SftpError::HostKeyRevoked {
                server,
                fingerprint,
                known_hosts,
                line,
            },
        };
        Err(HandshakeError::Untrusted(Box::new(refusal)))
    }
}

/// Connects and makes sure of the server's key.
async fn handshake(url: &SftpUrl, check: ServerCheck) -> Result<Handle<ServerCheck>, SftpError> {
    // Ask first for the key types known_hosts holds for this server, as ssh does: a server
    // known by its ECDSA key is then not refused for showing its Ed25519 key first.
    let known = check.known.algorithms(&url.host, url.port);
    let defaults = Preferred::DEFAULT.key.iter().cloned();
    let (mut keys, rest): (Vec<_>, Vec<_>) = defaults.partition(|algorithm| {
        known
            .iter()
            .any(|known| known_hosts::same_type(known, algorithm))
    });
    keys.extend(rest);
    let config = client::Config {
        preferred: Preferred {
            key: Cow::Owned(keys),
            ..Preferred::DEFAULT
        },
        // Many small requests, each awaited: Nagle's delay would be paid on every one.
        nodelay: true,
        ..client::Config::default()
    };
    let connecting = client::connect(Arc::new(config), (url.host.as_str(), url.port), check);
    let cannot_connect = |detail: String| SftpError::Connect {
        server: url.server(),
        cause: Cause(detail),
    };
    match tokio::time::timeout(CONNECT_TIMEOUT, connecting).await {
        Ok(Ok(session)) => Ok(session),
        Ok(Err(HandshakeError::Untrusted(refusal))) => Err(*refusal),
        Ok(Err(HandshakeError::Ssh(err))) => Err(cannot_connect(err.to_string())),
        Err(_) => Err(cannot_connect(format!(
            "no answer within {} seconds",
            CONNECT_TIMEOUT.as_secs()
        ))),
    }
}

/// Opens the SFTP subsystem and learns what the server offers.
async fn start_sftp(session: &Handle<ServerCheck>, url: &SftpUrl) -> Result<Remote, SftpError> {
    let no_sftp = |detail: String| SftpError::NoSftp {
        server: url.server(),
        cause: Cause(detail),
    };
    let mut channel = session
        .channel_open_session()
        .await
        .map_err(|err| no_sftp(err.to_string()))?;
    channel
        .request_subsystem(true, "sftp")
        .await
        .map_err(|err| no_sftp(err.to_string()))?;
    loop {
        match channel.wait().await {
            Some(ChannelMsg::Success) => break,
            Some(ChannelMsg::Failure) => return Err(no_sftp("subsystem request failed".into())),
            Some(_) => continue,
            None => return Err(no_sftp("the channel was closed".into())),
        }
    }
    let config = russh_sftp::client::Config {
        request_timeout_secs: REQUEST_TIMEOUT_SECS,
        ..Default::default()
    };
    let mut sftp = RawSftpSession::new_with_config(channel.into_stream(), config);
    let version = sftp.init().await.map_err(|err| no_sftp(detail(&err)))?;
    let offers = |name: &str| version.extensions.get(name).is_some_and(|v| v == "1");
    let (mut write_chunk, mut read_chunk) = (DEFAULT_CHUNK, DEFAULT_CHUNK);
    if offers(LIMITS)
        && let Ok(limits) = sftp.limits().await
    {
        let limits = russh_sftp::client::rawsession::Limits::from(limits);
        let chunk = |limit: Option<u64>| {
            limit.map_or(DEFAULT_CHUNK, |limit| {
                usize::try_from(limit).unwrap_or(MAX_CHUNK).min(MAX_CHUNK)
            })
        };
        write_chunk = chunk(limits.write_len);
        read_chunk = chunk(limits.read_len);
        sftp.set_limits(limits);
    }
    Ok(Remote {
        sftp,
        root: url.path.clone(),
        posix_rename: offers(POSIX_RENAME),
        hardlink: offers(super::HARDLINK),
        write_chunk,
        read_chunk: read_chunk as u32,
        folders: HashSet::new(),
        emptied: HashSet::new(),
    })
}
