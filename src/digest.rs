//! Digests of inputs, for telling in `serve` what changed since the last rendering (issue 16):
//! 64-bit xxh3 through [`std::hash::Hash`], and through `Debug` for values that are only
//! compared, never keyed. Stable within one process, which is all a digest is used for.

use std::fmt::{self, Debug, Write as _};
use std::hash::{Hash, Hasher};

use xxhash_rust::xxh3::Xxh3;

/// A hasher fed piece by piece.
#[derive(Clone, Default)]
pub struct Digest(Xxh3);

impl Digest {
    pub fn new() -> Digest {
        Digest::default()
    }

    /// Adds `value` (through its `Hash`).
    pub fn add(&mut self, value: &(impl Hash + ?Sized)) -> &mut Digest {
        value.hash(&mut self.0);
        self
    }

    /// Adds `value` through its `Debug` text, for values without `Hash` (floats, config).
    pub fn add_debug(&mut self, value: &impl Debug) -> &mut Digest {
        let _ = write!(DebugWriter(&mut self.0), "{value:?}");
        self
    }

    pub fn finish(&self) -> u64 {
        self.0.finish()
    }
}

struct DebugWriter<'a>(&'a mut Xxh3);

impl fmt::Write for DebugWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(value: &str) -> u64 {
        Digest::new().add(value).finish()
    }

    #[test]
    fn equal_inputs_give_equal_digests_and_order_counts() {
        assert_eq!(of("abc"), of("abc"));
        assert_ne!(of("abc"), of("abd"));
        let ab = Digest::new().add("a").add("b").finish();
        let ba = Digest::new().add("b").add("a").finish();
        assert_ne!(ab, ba);
        // Hashing a str writes its length too, so pieces cannot slide into each other.
        let split = Digest::new().add("ab").add("c").finish();
        let moved = Digest::new().add("a").add("bc").finish();
        assert_ne!(split, moved);
        assert_eq!(
            Digest::new().add_debug(&1.5f64).finish(),
            Digest::new().add_debug(&1.5f64).finish()
        );
    }
}
