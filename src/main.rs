mod config;
mod content;
mod diagnostics;
mod localized;
mod markdown;
mod source;
mod yaml;
fn main() {}
