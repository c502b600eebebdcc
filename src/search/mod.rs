//! Search without a server (SPEC §4; issue 6): at build time, one index per language as static
//! files; in the browser, `assets/search.js` of the theme turns a query into the same terms,
//! downloads only the shards and records it needs, and ranks. This module knows nothing of
//! pages or templates: `render` hands it one [`SearchDoc`] per record and writes what it
//! returns through the same `Sink` as the pages.

mod index;
mod runs;
mod tokenize;

pub use index::{Docs, FileBytes, LanguageIndex, Reusable, SearchDoc, build_reusing, digest};
