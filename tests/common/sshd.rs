//! A real OpenSSH server for the SFTP tests: Debian's `/usr/sbin/sshd` on 127.0.0.1 and a free
//! port, as the user running the tests, with a host key, a user key, its own `sshd_config` and a
//! `known_hosts` for it, all in a temporary folder. It touches no system configuration; as root
//! it needs sshd's privilege-separation folder `/run/sshd`, which it makes only when missing
//! (as the openssh-server package's service would). As another user sshd runs unprivileged and
//! lets in only that user, unless /etc/shadow marks the account locked (as for `nobody`).
//! Shared by the unit tests of `publish::sftp` (through `#[path]`) and the integration tests
//! (`common::sshd`).
//!
//! When sshd is missing or cannot start here, [`or_skip`] says "skipped: …" and the test
//! returns; under CI (`CI=true`), where `.ci/run` installs sshd, that is a failure instead.

#![allow(dead_code)]

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SSHD: &str = "/usr/sbin/sshd";
/// sshd starts in well under a second; past this it is not going to.
const START_TIMEOUT: Duration = Duration::from_secs(15);

/// A running sshd; stopped when dropped.
pub struct Sshd {
    dir: tempfile::TempDir,
    child: Child,
    port: u16,
    user: String,
}

/// The test goes on with `sshd`, or prints why it cannot and is skipped (`None`).
pub fn or_skip(started: Result<Sshd, String>) -> Option<Sshd> {
    match started {
        Ok(sshd) => Some(sshd),
        Err(reason) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("sshd is needed for the SFTP tests under CI (.ci/run installs it): {reason}")
        }
        Err(reason) => {
            eprintln!("skipped: {reason}");
            None
        }
    }
}

impl Sshd {
    /// sshd taking the user key ([`Sshd::user_key`]) for the current user.
    pub fn start() -> Result<Sshd, String> {
        Sshd::launch(None)
    }

    /// sshd that also takes `password` for the current user. sshd checks passwords against
    /// /etc/shadow (without PAM), so it runs in a private mount namespace where a copy of
    /// /etc/shadow giving the user this password is mounted over the real one, which is not
    /// changed and which no other process sees. Needs root and `unshare`.
    pub fn start_with_password(password: &str) -> Result<Sshd, String> {
        Sshd::launch(Some(password))
    }

    fn launch(password: Option<&str>) -> Result<Sshd, String> {
        if !Path::new(SSHD).is_file() {
            return Err(format!(
                "{SSHD} is not installed (apt-get install openssh-server openssh-client)"
            ));
        }
        let user = output("id", &["-un"])?;
        let root = output("id", &["-u"])? == "0";
        if password.is_some() && !root {
            return Err(
                "a password login to a test sshd needs root (to mount its own /etc/shadow)".into(),
            );
        }
        if root && !Path::new("/run/sshd").is_dir() {
            // sshd as root refuses to start without its privilege-separation folder, which
            // the package's service makes at boot.
            std::fs::create_dir_all("/run/sshd")
                .map_err(|err| format!("cannot make /run/sshd for sshd: {err}"))?;
        }
        let dir = tempfile::tempdir().map_err(|err| err.to_string())?;
        keygen(
            &dir.path().join("host_key"),
            "ed25519",
            "showcase-test-host",
        )?;
        // A second host key of another type, for known_hosts files that record only that one.
        keygen(
            &dir.path().join("host_key_ecdsa"),
            "ecdsa",
            "showcase-test-host",
        )?;
        keygen(
            &dir.path().join("user_key"),
            "ed25519",
            "showcase-test-user",
        )?;
        std::fs::copy(
            dir.path().join("user_key.pub"),
            dir.path().join("authorized_keys"),
        )
        .map_err(|err| err.to_string())?;
        std::fs::create_dir(dir.path().join("www")).map_err(|err| err.to_string())?;
        if let Some(password) = password {
            write_shadow(&dir.path().join("shadow"), &user, password)?;
        }
        // A free port can be taken by another test between our look and sshd's bind: try
        // again with another.
        let mut last_failure = String::new();
        for _ in 0..3 {
            let port = free_port()?;
            let config = dir.path().join("sshd_config");
            std::fs::write(
                &config,
                config_text(dir.path(), port, &user, password.is_some()),
            )
            .map_err(|err| err.to_string())?;
            let log = std::fs::File::create(dir.path().join("sshd.log"))
                .map_err(|err| err.to_string())?;
            let mut command = match password {
                None => Command::new(SSHD),
                Some(_) => {
                    let mut command = Command::new("unshare");
                    command.args(["--mount", "--propagation", "private", "--", "sh", "-c"]);
                    command.arg(r#"mount --bind "$0" /etc/shadow && exec "$@""#);
                    command.arg(dir.path().join("shadow")).arg(SSHD);
                    command
                }
            };
            let mut child = command
                .arg("-D")
                .arg("-e")
                .arg("-f")
                .arg(&config)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .map_err(|err| format!("cannot run {SSHD}: {err}"))?;
            let log = dir.path().join("sshd.log");
            match wait_ready(&mut child, port, &log) {
                Ok(()) => {
                    let sshd = Sshd {
                        dir,
                        child,
                        port,
                        user,
                    };
                    std::fs::write(sshd.known_hosts(), format!("{}\n", sshd.host_key_line()))
                        .map_err(|err| err.to_string())?;
                    return Ok(sshd);
                }
                Err(failure) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    last_failure = failure;
                    if !read_log(&log).contains("Address already in use") {
                        break;
                    }
                }
            }
        }
        Err(format!("sshd did not start: {last_failure}"))
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The user the tests log in as: the one running them.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// The private key the server takes.
    pub fn user_key(&self) -> PathBuf {
        self.dir.path().join("user_key")
    }

    /// A known_hosts file that holds this server's key.
    pub fn known_hosts(&self) -> PathBuf {
        self.dir.path().join("known_hosts")
    }

    /// The known_hosts line of this server's Ed25519 key (the one a client asks for first):
    /// `[127.0.0.1]:PORT ssh-ed25519 AAAA…`.
    pub fn host_key_line(&self) -> String {
        self.known_hosts_line("host_key.pub")
    }

    /// The known_hosts line of this server's other key: `[127.0.0.1]:PORT ecdsa-sha2-nistp256 …`.
    pub fn ecdsa_host_key_line(&self) -> String {
        self.known_hosts_line("host_key_ecdsa.pub")
    }

    fn known_hosts_line(&self, public_key: &str) -> String {
        let public = std::fs::read_to_string(self.dir.path().join(public_key)).unwrap();
        let mut fields = public.split_whitespace();
        let (kind, key) = (fields.next().unwrap(), fields.next().unwrap());
        format!("[127.0.0.1]:{} {kind} {key}", self.port)
    }

    /// The host key's fingerprint as `ssh` shows it: `SHA256:…`.
    pub fn host_fingerprint(&self) -> String {
        let path = self.dir.path().join("host_key.pub");
        let listed = output(
            "ssh-keygen",
            &["-l", "-E", "sha256", "-f", path.to_str().unwrap()],
        )
        .unwrap();
        listed.split_whitespace().nth(1).unwrap().to_string()
    }

    /// An empty folder the tests may publish into (and below).
    pub fn www(&self) -> PathBuf {
        self.dir.path().join("www")
    }

    /// `sftp://user@127.0.0.1:PORT/<path>` for a folder on this machine (which is the server).
    pub fn url(&self, path: &Path) -> String {
        format!(
            "sftp://{}@127.0.0.1:{}{}",
            self.user,
            self.port,
            path.display()
        )
    }

    /// A new key pair that the server does not take; returns its private key.
    pub fn stranger_key(&self, name: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        keygen(&path, "ed25519", name).unwrap();
        path
    }

    /// A copy of the user key (which the server takes) protected by `passphrase`.
    pub fn user_key_with_passphrase(&self, name: &str, passphrase: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::copy(self.user_key(), &path).unwrap();
        let path_text = path.to_str().unwrap();
        output(
            "ssh-keygen",
            &["-q", "-p", "-P", "", "-N", passphrase, "-f", path_text],
        )
        .unwrap();
        path
    }

    /// An SSH agent of its own (`ssh-agent -D` on a socket in the temporary folder) holding
    /// `keys`; stopped when dropped.
    pub fn agent(&self, keys: &[&Path]) -> Result<Agent, String> {
        static AGENTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let number = AGENTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let socket = self.dir.path().join(format!("agent-{number}.sock"));
        let child = Command::new("ssh-agent")
            .arg("-D")
            .arg("-a")
            .arg(&socket)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|err| format!("cannot run ssh-agent: {err}"))?;
        let agent = Agent { child, socket };
        let started = Instant::now();
        while !agent.socket.exists() {
            if started.elapsed() > START_TIMEOUT {
                return Err("ssh-agent made no socket".into());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        for key in keys {
            let added = Command::new("ssh-add")
                .arg(key)
                .env("SSH_AUTH_SOCK", &agent.socket)
                .stdin(Stdio::null())
                .output()
                .map_err(|err| format!("cannot run ssh-add: {err}"))?;
            if !added.status.success() {
                return Err(format!(
                    "ssh-add {}: {}",
                    key.display(),
                    String::from_utf8_lossy(&added.stderr).trim()
                ));
            }
        }
        Ok(agent)
    }

    /// What sshd said so far (it logs to a file: `-e`, LogLevel VERBOSE).
    pub fn log(&self) -> String {
        read_log(&self.dir.path().join("sshd.log"))
    }
}

fn read_log(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// Waits until sshd answers on `port` with its SSH banner.
fn wait_ready(child: &mut Child, port: u16, log: &Path) -> Result<(), String> {
    let started = Instant::now();
    while started.elapsed() < START_TIMEOUT {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("it exited ({status}):\n{}", read_log(log)));
        }
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let mut banner = [0u8; 4];
            if stream.read_exact(&mut banner).is_ok() && &banner == b"SSH-" {
                return Ok(());
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Err(format!(
        "no answer on port {port} within {START_TIMEOUT:?}:\n{}",
        read_log(log)
    ))
}

/// A running `ssh-agent`.
pub struct Agent {
    child: Child,
    socket: PathBuf,
}

impl Agent {
    /// What SSH_AUTH_SOCK would be.
    pub fn socket(&self) -> &Path {
        &self.socket
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn config_text(dir: &Path, port: u16, user: &str, password: bool) -> String {
    let dir = dir.display();
    let yes_no = |on: bool| if on { "yes" } else { "no" };
    format!(
        "# sshd for showcase's SFTP tests; nothing here comes from /etc/ssh.
Port {port}
ListenAddress 127.0.0.1
HostKey {dir}/host_key
HostKey {dir}/host_key_ecdsa
PidFile {dir}/sshd.pid
AuthorizedKeysFile {dir}/authorized_keys
AllowUsers {user}
UsePAM no
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication {password}
KbdInteractiveAuthentication no
PermitRootLogin {root_login}
MaxAuthTries 10
PrintMotd no
LogLevel VERBOSE
Subsystem sftp internal-sftp
",
        password = yes_no(password),
        root_login = if password { "yes" } else { "prohibit-password" },
    )
}

/// A key pair of `kind` (`ed25519`, `ecdsa`) without passphrase: `path` and `path.pub`.
fn keygen(path: &Path, kind: &str, comment: &str) -> Result<(), String> {
    let path = path.to_str().ok_or("a temporary path that is not UTF-8")?;
    output(
        "ssh-keygen",
        &["-q", "-t", kind, "-N", "", "-C", comment, "-f", path],
    )
    .map(|_| ())
}

/// A copy of /etc/shadow in which `user`'s password is `password`.
fn write_shadow(path: &Path, user: &str, password: &str) -> Result<(), String> {
    let hash = output(
        "openssl",
        &["passwd", "-6", "-salt", "showcasetest", password],
    )?;
    let shadow = std::fs::read_to_string("/etc/shadow").map_err(|err| err.to_string())?;
    let prefix = format!("{user}:");
    let mut lines: Vec<String> = shadow
        .lines()
        .filter(|line| !line.starts_with(&prefix))
        .map(str::to_string)
        .collect();
    lines.push(format!("{user}:{hash}:19000:0:99999:7:::"));
    std::fs::write(path, lines.join("\n") + "\n").map_err(|err| err.to_string())
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|err| err.to_string())?;
    Ok(listener.local_addr().map_err(|err| err.to_string())?.port())
}

/// The trimmed standard output of a command that must succeed.
fn output(program: &str, args: &[&str]) -> Result<String, String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|err| format!("cannot run {program}: {err}"))?;
    if !out.status.success() {
        return Err(format!(
            "{program} {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}
