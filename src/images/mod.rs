//! Photos (issue 15): every raster picture a record uses is published as resized, re-encoded
//! variants without private metadata, made once and kept in a cache under the site.

pub mod decode;
pub mod probe;
pub mod strip;
