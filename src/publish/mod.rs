//! `showcase publish`: brings a target (a folder or an SFTP server) to exactly the site's
//! output, changing only what changed (issue 17).

// Until `publish` is a command, the targets are used only by their tests.
#![allow(dead_code)]

pub mod sftp;
pub mod target;
