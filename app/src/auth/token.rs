//! API tokens: random bearer secrets, shown once and stored only as a SHA-256 digest.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

/// Every Concord token starts with this, so leaked tokens are easy to recognise.
pub const PREFIX: &str = "concord_";

/// Calendar feed tokens start with this instead: they open one user's feed and nothing else.
pub const FEED_PREFIX: &str = "concordfeed_";

/// A new API token and the digest to store. The token itself is never stored.
pub fn generate() -> (String, String) {
    generate_with(PREFIX)
}

/// A new calendar feed token and the digest to store.
pub fn generate_feed() -> (String, String) {
    generate_with(FEED_PREFIX)
}

fn generate_with(prefix: &str) -> (String, String) {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token = format!("{prefix}{}", hex::encode(bytes));
    let digest = digest(&token);
    (token, digest)
}

/// The stored form of a token: its SHA-256 digest in hex. A fast hash is right here: the
/// token has 256 random bits, so there is nothing to guess.
pub fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_are_random_and_stored_only_as_their_digest() {
        let (a, digest_a) = super::generate();
        let (b, _) = super::generate();
        assert_ne!(a, b);
        assert!(a.starts_with(super::PREFIX));
        assert_eq!(a.len(), super::PREFIX.len() + 64);
        assert_eq!(super::digest(&a), digest_a);
        assert!(!digest_a.contains(&a[super::PREFIX.len()..]));
    }
}
