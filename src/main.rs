mod config;
mod diagnostics;
mod localized;
mod source;
mod yaml;
fn main() {}
