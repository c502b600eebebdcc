//! `showcase publish`: brings a target (a folder or an SFTP server) to exactly the site's
//! output, changing only what changed (issue 17).

pub mod target;
