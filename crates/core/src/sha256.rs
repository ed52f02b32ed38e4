//! SHA-256 digests for pinning rule sets by content.

use sha2::{Digest, Sha256};

/// The SHA-256 of `bytes` as lower-case hex (what `sha256sum` prints), by the
/// digest's own `LowerHex` formatting.
pub(crate) fn hex_digest(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_digest_is_what_sha256sum_prints() {
        assert_eq!(
            super::hex_digest(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
