//! How showcase logs in to an SFTP server, in this order: the keys of the SSH agent
//! (SSH_AUTH_SOCK), then private key files (the one named with SHOWCASE_SFTP_KEY or by the
//! caller, else `~/.ssh/id_ed25519`, `id_ecdsa`, `id_rsa`), then a password, which is taken only
//! from SHOWCASE_SFTP_PASSWORD and never from the command line. Keys protected by a passphrase
//! are used through the agent (`ssh-add`); showcase does not ask for passphrases.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use russh::client::{AuthResult, Handle, Handler};
use russh::keys::{self, HashAlg, PrivateKeyWithHashAlg};

use super::AuthAttempt;

/// The default key files, in the order `ssh` tries them.
const DEFAULT_KEYS: [&str; 3] = ["id_ed25519", "id_ecdsa", "id_rsa"];

/// How to log in and which servers to trust; [`SftpOptions::from_env`] reads them the way
/// `ssh` does.
#[derive(Clone, Default)]
pub struct SftpOptions {
    /// The SSH agent's socket (SSH_AUTH_SOCK), tried first.
    pub agent: Option<PathBuf>,
    /// Private key files, tried in order after the agent.
    pub keys: Vec<PathBuf>,
    /// Tried last (SHOWCASE_SFTP_PASSWORD).
    pub password: Option<String>,
    /// The servers this computer trusts: `~/.ssh/known_hosts`, or SHOWCASE_KNOWN_HOSTS.
    pub known_hosts: PathBuf,
}

impl fmt::Debug for SftpOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SftpOptions")
            .field("agent", &self.agent)
            .field("keys", &self.keys)
            .field("password", &self.password.as_ref().map(|_| "(set)"))
            .field("known_hosts", &self.known_hosts)
            .finish()
    }
}

impl SftpOptions {
    /// The options of this user's environment. `key` is a key file the user named (a
    /// command-line option); without it, SHOWCASE_SFTP_KEY, else the default key files that
    /// exist.
    pub fn from_env(key: Option<&Path>) -> SftpOptions {
        SftpOptions::from_vars(key, |name| std::env::var_os(name).map(PathBuf::from))
    }

    pub(super) fn from_vars(key: Option<&Path>, var: impl Fn(&str) -> Option<PathBuf>) -> Self {
        let var = |name: &str| var(name).filter(|value| !value.as_os_str().is_empty());
        let home = var("HOME").or_else(|| var("USERPROFILE"));
        let ssh = home.unwrap_or_default().join(".ssh");
        let keys = match key
            .map(Path::to_path_buf)
            .or_else(|| var("SHOWCASE_SFTP_KEY"))
        {
            Some(key) => vec![key],
            None => DEFAULT_KEYS
                .iter()
                .map(|name| ssh.join(name))
                .filter(|path| path.is_file())
                .collect(),
        };
        SftpOptions {
            agent: var("SSH_AUTH_SOCK"),
            keys,
            password: var("SHOWCASE_SFTP_PASSWORD").map(|p| p.to_string_lossy().into_owned()),
            known_hosts: var("SHOWCASE_KNOWN_HOSTS").unwrap_or_else(|| ssh.join("known_hosts")),
        }
    }
}

/// Logs `user` in with the first way that works; `Err` lists every way that was tried.
/// `Err` also ends the list early when the server closes the connection (after too many
/// refused keys, say).
pub(super) async fn log_in<H: Handler>(
    session: &mut Handle<H>,
    user: &str,
    options: &SftpOptions,
) -> Result<(), Vec<AuthAttempt>> {
    let mut tried = Vec::new();
    if let Some(socket) = &options.agent {
        match with_agent(session, user, socket).await {
            AgentOutcome::LoggedIn => return Ok(()),
            AgentOutcome::Refused(attempt) => tried.push(attempt),
            AgentOutcome::Unsupported => {}
        }
    }
    for path in &options.keys {
        let key = match keys::load_secret_key(path, None) {
            Ok(key) => key,
            Err(keys::Error::KeyIsEncrypted) => {
                tried.push(AuthAttempt::KeyEncrypted { path: path.clone() });
                continue;
            }
            Err(err) => {
                tried.push(AuthAttempt::KeyUnreadable {
                    path: path.clone(),
                    reason: err.to_string(),
                });
                continue;
            }
        };
        let hash = rsa_hash(session, &key.algorithm()).await;
        let key = PrivateKeyWithHashAlg::new(Arc::new(key), hash);
        match session.authenticate_publickey(user, key).await {
            Ok(AuthResult::Success) => return Ok(()),
            Ok(AuthResult::Failure { .. }) => tried.push(AuthAttempt::Key { path: path.clone() }),
            Err(_) => {
                tried.push(AuthAttempt::Key { path: path.clone() });
                return Err(tried);
            }
        }
    }
    if let Some(password) = &options.password {
        if let Ok(AuthResult::Success) = session.authenticate_password(user, password).await {
            return Ok(());
        }
        tried.push(AuthAttempt::Password);
    }
    Err(tried)
}

enum AgentOutcome {
    /// Made only where the agent is a Unix socket (not on Windows).
    #[cfg_attr(not(unix), allow(dead_code))]
    LoggedIn,
    /// The server took none of the agent's keys, or the agent could not be asked.
    #[cfg_attr(not(unix), allow(dead_code))]
    Refused(AuthAttempt),
    /// No agent on this system (made only where there are no Unix sockets: Windows).
    #[cfg_attr(unix, allow(dead_code))]
    Unsupported,
}

/// Offers each key of the agent at `socket` in turn.
#[cfg(unix)]
async fn with_agent<H: Handler>(
    session: &mut Handle<H>,
    user: &str,
    socket: &Path,
) -> AgentOutcome {
    use keys::agent::AgentIdentity;
    use keys::agent::client::AgentClient;

    let unavailable = |err: keys::Error| {
        AgentOutcome::Refused(AuthAttempt::AgentUnavailable {
            reason: err.to_string(),
        })
    };
    let mut agent = match AgentClient::connect_uds(socket).await {
        Ok(agent) => agent,
        Err(err) => return unavailable(err),
    };
    let identities = match agent.request_identities().await {
        Ok(identities) => identities,
        Err(err) => return unavailable(err),
    };
    let mut offered = 0;
    for identity in identities {
        // Certificates need a certificate authority the server trusts; plain keys are what
        // a web host's authorized_keys holds.
        let AgentIdentity::PublicKey { key, .. } = identity else {
            continue;
        };
        offered += 1;
        let hash = rsa_hash(session, &key.algorithm()).await;
        match session
            .authenticate_publickey_with(user, key, hash, &mut agent)
            .await
        {
            Ok(AuthResult::Success) => return AgentOutcome::LoggedIn,
            Ok(AuthResult::Failure { .. }) => {}
            Err(_) => break,
        }
    }
    AgentOutcome::Refused(AuthAttempt::Agent { keys: offered })
}

/// Windows has no SSH_AUTH_SOCK socket (Pageant and OpenSSH's agent use named pipes), so the
/// agent is passed over there.
#[cfg(not(unix))]
async fn with_agent<H: Handler>(
    _session: &mut Handle<H>,
    _user: &str,
    _socket: &Path,
) -> AgentOutcome {
    AgentOutcome::Unsupported
}

/// For an RSA key, the best signature hash the server accepts (rsa-sha2-512 or -256 rather
/// than the old SHA-1); `None` for other key types.
async fn rsa_hash<H: Handler>(session: &Handle<H>, algorithm: &keys::Algorithm) -> Option<HashAlg> {
    if !matches!(algorithm, keys::Algorithm::Rsa { .. }) {
        return None;
    }
    session
        .best_supported_rsa_hash()
        .await
        .ok()
        .flatten()
        .flatten()
}
