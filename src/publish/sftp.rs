//! The SFTP target: a site's folder on a web server reached over SSH
//! (`sftp://user@server[:port]/folder`). It trusts a server only by its key in `known_hosts`
//! ([`connect`]), logs in with the SSH agent, a key file or a password from the environment
//! ([`auth`]), and carries out one file operation at a time for `publish`, which plans them.
//!
//! Why russh and russh-sftp: they are pure Rust, where `ssh2` needs libssh2 and OpenSSL in C,
//! and showcase is cross-built as static binaries for linux-musl (x86_64, aarch64) and
//! windows-gnu (issue 19). Their crypto backend here is `ring`, not russh's default `aws-lc-rs`,
//! which needs cmake and builds a large C library: ring needs only the target's C compiler,
//! which the build needs for mimalloc and libwebp anyway (`cargo check` passes for all three
//! targets with musl-gcc, aarch64-linux-gnu-gcc and mingw-w64 as CC, and the x86_64 musl build
//! links statically and passes these tests). russh is asynchronous: the target keeps a small
//! current-thread tokio runtime and blocks on each operation, so the rest of showcase stays
//! synchronous (the connection is served only while an operation runs).
//!
//! Throughput: a file costs three round trips (open; its writes sent together with the close;
//! the rename), and a new folder one more; folders made or seen are remembered for the
//! connection, and an empty or new root needs no look before making folders. Files are not
//! pipelined across one another, since [`Target`] hands over one file at a time; a batch method
//! would let this target keep many files in flight (the SFTP session takes requests concurrently).

mod auth;
mod connect;
mod error;
mod known_hosts;
mod url;

#[cfg(test)]
mod tests;

pub use auth::SftpOptions;
pub use error::{AuthAttempt, Cause, SftpError, UrlProblem};
pub use url::SftpUrl;

use std::collections::HashSet;

use russh::Disconnect;
use russh::client::Handle;
use russh_sftp::client::RawSftpSession;
use russh_sftp::client::error::Error as SftpFailure;
use russh_sftp::protocol::{FileAttributes, OpenFlags, Packet, StatusCode};

use super::target::{Target, TargetError, temporary_name};
use connect::ServerCheck;

/// OpenSSH's rename that replaces an existing file in one step (SFTP v3's rename refuses to).
const POSIX_RENAME: &str = "posix-rename@openssh.com";

/// OpenSSH's hard link: a file the server has put at a second path without sending it again.
const HARDLINK: &str = "hardlink@openssh.com";

/// Writes of one file sent before their answers are awaited: a large file is not sent one
/// round trip per chunk, nor queued so deep that a slow upload runs into the request timeout.
const BYTES_IN_FLIGHT: usize = 512 * 1024;

/// A site's folder on an SFTP server, with the connection open.
pub struct SftpTarget {
    url: SftpUrl,
    runtime: tokio::runtime::Runtime,
    session: Handle<ServerCheck>,
    remote: Remote,
}

/// The SFTP session and what this connection has learnt about the server's folders.
struct Remote {
    sftp: RawSftpSession,
    /// The site's folder, absolute.
    root: String,
    posix_rename: bool,
    /// The server offers [`HARDLINK`].
    hardlink: bool,
    write_chunk: usize,
    read_chunk: u32,
    /// Folders known to exist (absolute paths): writing the files of a folder makes or looks
    /// for it once, not once per file.
    folders: HashSet<String>,
    /// The known folders this connection made or found empty: whatever is below one of them
    /// and not in `folders` does not exist yet, so it is made without first trying to write.
    emptied: HashSet<String>,
}

impl SftpTarget {
    /// Connects to the server of `url`, checks its key against the known hosts, logs in and
    /// starts SFTP.
    pub fn connect(url: &SftpUrl, options: &SftpOptions) -> Result<SftpTarget, SftpError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|err| SftpError::Connect {
                server: url.server(),
                cause: Cause(err.to_string()),
            })?;
        let (session, remote) = runtime.block_on(connect::open(url, options))?;
        Ok(SftpTarget {
            url: url.clone(),
            runtime,
            session,
            remote,
        })
    }

    /// Renames as plain SFTP v3 does (remove, then rename), as on servers other than
    /// OpenSSH's.
    #[cfg(test)]
    fn without_posix_rename(mut self) -> SftpTarget {
        self.remote.posix_rename = false;
        self
    }
}

impl Drop for SftpTarget {
    fn drop(&mut self) {
        // Saying goodbye lets the server end its side at once; a failure here changes
        // nothing for the user.
        let _ = self.remote.sftp.close_session();
        let _ = self
            .runtime
            .block_on(self.session.disconnect(Disconnect::ByApplication, "", "en"));
    }
}

impl Target for SftpTarget {
    fn describe(&self) -> String {
        self.url.to_string()
    }

    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, TargetError> {
        let result = self.runtime.block_on(self.remote.read(path));
        result.map_err(|detail| self.error(path, detail))
    }

    fn is_empty(&mut self) -> Result<bool, TargetError> {
        let result = self.runtime.block_on(self.remote.is_empty());
        result.map_err(|detail| self.error("", detail))
    }

    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), TargetError> {
        let result = self.runtime.block_on(self.remote.write(path, bytes));
        result.map_err(|detail| self.error(path, detail))
    }

    fn remove(&mut self, path: &str) -> Result<(), TargetError> {
        let result = self.runtime.block_on(self.remote.remove(path));
        result.map_err(|detail| self.error(path, detail))
    }

    fn copy(&mut self, from: &str, to: &str) -> Result<bool, TargetError> {
        if !self.remote.hardlink {
            return Ok(false);
        }
        let result = self.runtime.block_on(self.remote.link(from, to));
        result.map_err(|detail| self.error(to, detail))
    }
}

impl SftpTarget {
    fn error(&self, path: &str, detail: String) -> TargetError {
        TargetError {
            target: self.describe(),
            path: path.to_string(),
            detail,
        }
    }
}

impl Remote {
    fn full(&self, path: &str) -> String {
        format!("{}/{path}", self.root)
    }

    async fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, String> {
        let opened = self
            .sftp
            .open(self.full(path), OpenFlags::READ, FileAttributes::empty())
            .await;
        let handle = match opened {
            Ok(handle) => handle.handle,
            Err(err) if is_missing(&err) => return Ok(None),
            Err(err) => return Err(detail(&err)),
        };
        let mut bytes = Vec::new();
        let read = loop {
            // A server may answer with fewer bytes than asked for; the next read starts
            // where this one ended, until the server says the file ends.
            match self
                .sftp
                .read(handle.as_str(), bytes.len() as u64, self.read_chunk)
                .await
            {
                Ok(data) if data.data.is_empty() => break Ok(()),
                Ok(data) => bytes.extend_from_slice(&data.data),
                Err(SftpFailure::Status(status)) if status.status_code == StatusCode::Eof => {
                    break Ok(());
                }
                Err(err) => break Err(detail(&err)),
            }
        };
        let _ = self.sftp.close(handle).await;
        read.map(|()| Some(bytes))
    }

    async fn is_empty(&mut self) -> Result<bool, String> {
        let handle = match self.sftp.opendir(self.root.as_str()).await {
            Ok(handle) => handle.handle,
            // OpenSSH answers "no such file" for a file that is not a folder too.
            Err(err) if is_missing(&err) => {
                return match self.sftp.stat(self.root.as_str()).await {
                    Ok(_) => Err(format!("{}: not a folder", self.root)),
                    Err(_) => Ok(true),
                };
            }
            Err(err) => return Err(detail(&err)),
        };
        let listed = loop {
            match self.sftp.readdir(handle.as_str()).await {
                Ok(name) => {
                    if name
                        .files
                        .iter()
                        .any(|file| file.filename != "." && file.filename != "..")
                    {
                        break Ok(false);
                    }
                }
                Err(SftpFailure::Status(status)) if status.status_code == StatusCode::Eof => {
                    break Ok(true);
                }
                Err(err) => break Err(detail(&err)),
            }
        };
        let _ = self.sftp.close(handle).await;
        if listed == Ok(true) {
            // An empty root: every folder below it is missing, and is made without first
            // trying to write into it (a first publish makes thousands of folders).
            self.folders.insert(self.root.clone());
            self.emptied.insert(self.root.clone());
        }
        listed
    }

    async fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), String> {
        let file = self.full(path);
        let part = self.full(&temporary_name(path));
        let folder = parent(&file).to_string();
        if self.surely_missing(&folder) {
            // A failure shows when the file cannot be opened, below.
            let _ = self.make_folders(&folder, true).await;
        }
        let handle = match self.create(&part).await {
            Ok(handle) => handle,
            Err(err) if is_missing(&err) && !self.folders.contains(&folder) => {
                let made = self.make_folders(&folder, false).await;
                // When the file still cannot be made, why its folder could not be made
                // says more than "no such file".
                self.create(&part)
                    .await
                    .map_err(|err| made.err().unwrap_or_else(|| detail(&err)))?
            }
            Err(err) => return Err(detail(&err)),
        };
        self.found(&folder);
        if let Err(detail) = self.send(&handle, bytes).await {
            let _ = self.sftp.remove(part.as_str()).await;
            return Err(detail);
        }
        if let Err(detail) = self.rename_over(&part, &file).await {
            let _ = self.sftp.remove(part.as_str()).await;
            return Err(detail);
        }
        Ok(())
    }

    /// Puts at `to` a hard link to `from` (a link is safe: files here are replaced by
    /// renaming, never changed in place), made under the temporary name and renamed over `to`
    /// as a write is; false when the link cannot be made (`from` is gone, or the server's
    /// file system has no links), and the file is then written.
    async fn link(&mut self, from: &str, to: &str) -> Result<bool, String> {
        let file = self.full(to);
        let part = self.full(&temporary_name(to));
        let folder = parent(&file).to_string();
        if !self.folders.contains(&folder) {
            self.make_folders(&folder, self.surely_missing(&folder))
                .await?;
            self.found(&folder);
        }
        let _ = self.sftp.remove(part.as_str()).await;
        let data = ssh_strings(&[&self.full(from), &part]);
        match self.sftp.extended(HARDLINK, data).await {
            Ok(Packet::Status(status)) if status.status_code == StatusCode::Ok => {}
            _ => return Ok(false),
        }
        if let Err(detail) = self.rename_over(&part, &file).await {
            let _ = self.sftp.remove(part.as_str()).await;
            return Err(detail);
        }
        Ok(true)
    }

    async fn create(&self, path: &str) -> Result<String, SftpFailure> {
        let flags = OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::TRUNCATE;
        let handle = self.sftp.open(path, flags, FileAttributes::empty()).await?;
        Ok(handle.handle)
    }

    /// Writes `bytes` to the open file `handle` and closes it. The writes of a window go out
    /// together before any answer is awaited, and the close with the last window: a small
    /// file costs one round trip here, not three.
    async fn send(&self, handle: &str, bytes: &[u8]) -> Result<(), String> {
        let chunks: Vec<(u64, &[u8])> = bytes
            .chunks(self.write_chunk)
            .enumerate()
            .map(|(index, chunk)| ((index * self.write_chunk) as u64, chunk))
            .collect();
        let window = (BYTES_IN_FLIGHT / self.write_chunk).clamp(1, 16);
        let mut windows: Vec<&[(u64, &[u8])]> = chunks.chunks(window).collect();
        let last = windows.pop().unwrap_or_default();
        let writes = |window: &[(u64, &[u8])]| {
            futures::future::join_all(
                window
                    .iter()
                    .map(|&(offset, chunk)| self.sftp.write(handle, offset, chunk.to_vec())),
            )
        };
        for window in windows {
            if let Some(err) = writes(window).await.into_iter().find_map(Result::err) {
                let _ = self.sftp.close(handle).await;
                return Err(detail(&err));
            }
        }
        // Requests on one handle are handled in the order sent: the close follows the
        // last write.
        let (written, closed) = futures::join!(writes(last), self.sftp.close(handle));
        if let Some(err) = written.into_iter().find_map(Result::err) {
            return Err(detail(&err));
        }
        closed.map(|_| ()).map_err(|err| detail(&err))
    }

    /// Renames `part` to `file`, replacing it: in one step where the server offers
    /// `posix-rename@openssh.com`; else by renaming, and when that fails because `file`
    /// exists, removing it and renaming again (a visitor may then miss the file for a moment).
    async fn rename_over(&self, part: &str, file: &str) -> Result<(), String> {
        if self.posix_rename {
            let data = ssh_strings(&[part, file]);
            return match self.sftp.extended(POSIX_RENAME, data).await {
                Ok(Packet::Status(status)) if status.status_code == StatusCode::Ok => Ok(()),
                Ok(Packet::Status(status)) => Err(status_detail(&status)),
                Ok(_) => Err(format!("unexpected answer to {POSIX_RENAME}")),
                Err(err) => Err(detail(&err)),
            };
        }
        let Err(first) = self.sftp.rename(part, file).await else {
            return Ok(());
        };
        match self.sftp.remove(file).await {
            Ok(_) => {}
            // Not there: the rename failed for another reason, which its own words tell.
            Err(err) if is_missing(&err) => return Err(detail(&first)),
            Err(err) => return Err(detail(&err)),
        }
        self.sftp
            .rename(part, file)
            .await
            .map(|_| ())
            .map_err(|err| detail(&err))
    }

    async fn remove(&mut self, path: &str) -> Result<(), String> {
        match self.sftp.remove(self.full(path)).await {
            Ok(_) => {}
            Err(err) if is_missing(&err) => {}
            Err(err) => return Err(detail(&err)),
        }
        // Folders left empty go too, up to the root (not the root itself); the first that
        // still holds something (or cannot be removed) ends the walk up.
        let mut folder = path.rsplit_once('/').map(|(folder, _)| folder);
        while let Some(relative) = folder.filter(|f| !f.is_empty()) {
            let absolute = self.full(relative);
            if self.sftp.rmdir(absolute.as_str()).await.is_err() {
                break;
            }
            self.folders.remove(&absolute);
            self.emptied.remove(&absolute);
            folder = relative.rsplit_once('/').map(|(folder, _)| folder);
        }
        Ok(())
    }

    /// Whether `folder` cannot exist: the nearest known folder above it was made or found
    /// empty by this connection, which knows everything it has put there since.
    fn surely_missing(&self, folder: &str) -> bool {
        let mut current = folder;
        loop {
            if self.folders.contains(current) {
                return current != folder && self.emptied.contains(current);
            }
            match current.rsplit_once('/') {
                Some((above, _)) if !above.is_empty() => current = above,
                _ => return false,
            }
        }
    }

    /// Makes `folder` and the folders above it that it needs, as `mkdir -p` does: from the
    /// bottom, going up while the server answers that the folder above is missing and down
    /// again once one is made. When `all_missing` (see [`Remote::surely_missing`]) it starts
    /// from the top instead, one request per folder. Returns the server's words for the folder
    /// that could not be made.
    async fn make_folders(&mut self, folder: &str, all_missing: bool) -> Result<(), String> {
        // `folder`, then each folder above it up to the first known to exist.
        let mut missing = Vec::new();
        let mut current = folder;
        while !current.is_empty() && !self.folders.contains(current) {
            missing.push(current.to_string());
            current = parent(current);
        }
        if missing.is_empty() {
            return Ok(());
        }
        let mut index = if all_missing { missing.len() - 1 } else { 0 };
        loop {
            let folder = &missing[index];
            match self
                .sftp
                .mkdir(folder.as_str(), FileAttributes::empty())
                .await
            {
                Ok(_) => {
                    self.folders.insert(folder.clone());
                    self.emptied.insert(folder.clone());
                    if index == 0 {
                        return Ok(());
                    }
                    index -= 1;
                }
                Err(err) if is_missing(&err) && index + 1 < missing.len() => index += 1,
                // It exists already (as a file, or made by someone else: SFTP v3 has no
                // "exists" answer), or the server refuses.
                Err(err) => return Err(format!("{folder}: {}", detail(&err))),
            }
        }
    }

    /// A file could be made in `folder`: it and every folder above it exist.
    fn found(&mut self, folder: &str) {
        let mut current = folder;
        while !current.is_empty() && self.folders.insert(current.to_string()) {
            current = parent(current);
        }
    }
}

/// The folder of an absolute path (`""` above `/srv`).
fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(folder, _)| folder)
}

/// SSH wire strings: each a 32-bit big-endian length and the bytes.
fn ssh_strings(parts: &[&str]) -> Vec<u8> {
    let mut data = Vec::new();
    for part in parts {
        data.extend_from_slice(&(part.len() as u32).to_be_bytes());
        data.extend_from_slice(part.as_bytes());
    }
    data
}

fn is_missing(err: &SftpFailure) -> bool {
    matches!(err, SftpFailure::Status(status) if status.status_code == StatusCode::NoSuchFile)
}

/// The server's own words for a failure ("Permission denied", "No space left on device").
fn detail(err: &SftpFailure) -> String {
    match err {
        SftpFailure::Status(status) => status_detail(status),
        other => other.to_string(),
    }
}

fn status_detail(status: &russh_sftp::protocol::Status) -> String {
    if status.error_message.is_empty() {
        status.status_code.to_string()
    } else {
        status.error_message.clone()
    }
}
