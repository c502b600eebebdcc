//! `showcase publish`: brings a target (a folder or an SFTP server) to exactly the site's
//! output, changing only what changed (issue 17). The command checks and builds the site
//! first (`commands/publish.rs`); this module finds the target, reads what it holds
//! ([`manifest`]), and plans and carries out the changes ([`plan`]) through a [`Target`].

pub mod manifest;
pub mod plan;
pub mod sftp;
pub mod target;

use std::path::{Path, PathBuf};

use manifest::{MANIFEST, Manifest};
use sftp::{SftpError, SftpOptions, SftpTarget, SftpUrl};
use target::{FolderTarget, Target, TargetError};

use crate::messages::{Message, msg};

/// Where to publish, as the user named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetSpec {
    Folder(PathBuf),
    Sftp(SftpUrl),
}

impl TargetSpec {
    /// Reads a target as written on the command line or in site.yaml; a relative folder is
    /// taken from `base` (the working folder for `--to`, the site folder for site.yaml).
    pub fn parse(text: &str, base: &Path) -> Result<TargetSpec, PublishError> {
        let text = text.trim();
        match text.split_once("://") {
            Some((scheme, _)) if scheme.eq_ignore_ascii_case("sftp") => {
                Ok(TargetSpec::Sftp(SftpUrl::parse(text)?))
            }
            Some(_) => Err(PublishError::UnknownTarget {
                target: text.to_string(),
            }),
            None if text.is_empty() => Err(PublishError::NoTarget),
            None => Ok(TargetSpec::Folder(base.join(text))),
        }
    }

    /// Opens the target: a folder as it is, an SFTP server by connecting to it.
    pub fn open(&self) -> Result<Box<dyn Target>, PublishError> {
        match self {
            TargetSpec::Folder(path) => Ok(Box::new(FolderTarget::new(path))),
            TargetSpec::Sftp(url) => {
                let options = SftpOptions::from_env(None);
                Ok(Box::new(SftpTarget::connect(url, &options)?))
            }
        }
    }

    /// Refuses a folder that is the site's or its output's, or lies inside one of them: the
    /// publish would copy the site into itself or remove what it reads.
    pub fn check_outside(&self, root: &Path, output: &Path) -> Result<(), PublishError> {
        let TargetSpec::Folder(folder) = self else {
            return Ok(());
        };
        let resolve = |path: &Path| {
            // The target may not exist yet: resolve its nearest existing folder.
            let mut existing = path.to_path_buf();
            let mut rest = Vec::new();
            while !existing.exists() {
                let Some(name) = existing.file_name() else {
                    break;
                };
                rest.push(name.to_os_string());
                if !existing.pop() {
                    break;
                }
            }
            let mut resolved = existing.canonicalize().unwrap_or(existing);
            resolved.extend(rest.iter().rev());
            resolved
        };
        let target = resolve(folder);
        let (root, output) = (resolve(root), resolve(output));
        if target.starts_with(&root) || root.starts_with(&target) || target.starts_with(&output) {
            return Err(PublishError::TargetInSite {
                target: folder.display().to_string(),
            });
        }
        Ok(())
    }
}

/// What the target holds: its manifest, an empty one for an empty target. A target that holds
/// files but no manifest showcase can read is someone else's, and is refused.
pub fn read_manifest(target: &mut dyn Target) -> Result<Manifest, PublishError> {
    match target.read(MANIFEST)? {
        Some(bytes) => Manifest::parse(&bytes).ok_or_else(|| PublishError::BadManifest {
            target: target.describe(),
        }),
        None if target.is_empty()? => Ok(Manifest::default()),
        None => Err(PublishError::Foreign {
            target: target.describe(),
        }),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("there is nowhere to publish to")]
    NoTarget,
    #[error("{target} is not a place showcase can publish to")]
    UnknownTarget { target: String },
    #[error("{target} is inside the site folder or its output")]
    TargetInSite { target: String },
    #[error("{target} holds files that showcase did not put there")]
    Foreign { target: String },
    #[error("the list of published files in {target} cannot be read")]
    BadManifest { target: String },
    #[error(transparent)]
    Sftp(#[from] SftpError),
    #[error(transparent)]
    Target(#[from] TargetError),
}

impl PublishError {
    /// What went wrong, in the user's language.
    pub fn message(&self) -> Message {
        match self {
            PublishError::NoTarget => msg!("publish-no-target"),
            PublishError::UnknownTarget { target } => {
                msg!("publish-unknown-target", target = target)
            }
            PublishError::TargetInSite { target } => {
                msg!("publish-target-in-site", target = target)
            }
            PublishError::Foreign { target } => msg!("publish-foreign", target = target),
            PublishError::BadManifest { target } => {
                msg!("publish-bad-manifest", target = target, file = MANIFEST)
            }
            PublishError::Sftp(err) => err.message(),
            PublishError::Target(err) => msg!("publish-target-failed", target = &err.target),
        }
    }

    /// What the user can do about it.
    pub fn hint(&self) -> Option<Message> {
        Some(match self {
            PublishError::NoTarget => msg!("publish-no-target-hint"),
            PublishError::UnknownTarget { .. } => msg!("publish-unknown-target-hint"),
            PublishError::TargetInSite { .. } => msg!("publish-target-in-site-hint"),
            PublishError::Foreign { .. } => msg!("publish-foreign-hint", file = MANIFEST),
            PublishError::BadManifest { .. } => msg!("publish-bad-manifest-hint"),
            PublishError::Sftp(err) => return err.hint(),
            PublishError::Target(_) => msg!("publish-target-failed-hint"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_folders_or_sftp_addresses_without_a_password() {
        let base = Path::new("/site");
        assert_eq!(
            TargetSpec::parse("../www", base).unwrap(),
            TargetSpec::Folder(PathBuf::from("/site/../www"))
        );
        assert_eq!(
            TargetSpec::parse("/var/www/showcase", base).unwrap(),
            TargetSpec::Folder(PathBuf::from("/var/www/showcase"))
        );
        assert!(matches!(
            TargetSpec::parse("sftp://staff@web.example:2222/var/www", base),
            Ok(TargetSpec::Sftp(_))
        ));
        assert!(matches!(
            TargetSpec::parse("sftp://staff:secret@web.example/var/www", base),
            Err(PublishError::Sftp(_))
        ));
        assert!(matches!(
            TargetSpec::parse("ftp://web.example/www", base),
            Err(PublishError::UnknownTarget { .. })
        ));
        assert!(matches!(
            TargetSpec::parse(" ", base),
            Err(PublishError::NoTarget)
        ));
    }

    #[test]
    fn a_target_inside_the_site_or_its_output_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let output = root.join("output");
        std::fs::create_dir_all(&output).unwrap();
        for inside in [root.clone(), output.join("x"), root.join("content/new")] {
            let spec = TargetSpec::Folder(inside);
            assert!(matches!(
                spec.check_outside(&root, &output),
                Err(PublishError::TargetInSite { .. })
            ));
        }
        let beside = TargetSpec::Folder(dir.path().join("www"));
        assert!(beside.check_outside(&root, &output).is_ok());
        let around = TargetSpec::Folder(dir.path().to_path_buf());
        assert!(around.check_outside(&root, &output).is_err());
    }

    #[test]
    fn a_folder_with_files_but_no_manifest_is_someone_elses() {
        let dir = tempfile::tempdir().unwrap();
        let mut target = FolderTarget::new(dir.path());
        assert_eq!(read_manifest(&mut target).unwrap(), Manifest::default());
        std::fs::write(dir.path().join("index.html"), "hand made").unwrap();
        assert!(matches!(
            read_manifest(&mut target),
            Err(PublishError::Foreign { .. })
        ));
        std::fs::write(dir.path().join(MANIFEST), "{}").unwrap();
        assert!(matches!(
            read_manifest(&mut target),
            Err(PublishError::BadManifest { .. })
        ));
    }
}
