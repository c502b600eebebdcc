//! `showcase serve`: the site (`site`) and where its files are kept (`store`), the HTTP server (`http`) and the file
//! watcher (`watch`); `commands/serve.rs` ties them together.

pub mod http;
pub mod site;
pub mod store;
pub mod watch;
