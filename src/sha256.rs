//! SHA-256 digests for pinning rule sets by content.

use sha2::{Digest, Sha256};

pub fn hex_digest(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
