//! `showcase serve`: the site in memory (`site`), the HTTP server (`http`) and the file
//! watcher (`watch`); `commands/serve.rs` ties them together.

pub mod http;
pub mod site;
pub mod watch;
