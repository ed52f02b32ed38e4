//! Embeds every rule set under `rules/<id>/<version>.yaml` into the binary, so
//! `tenderlint check DIR` works with zero set-up and every released version of a
//! set stays selectable by a pin.
// The build script runs at build time and reads the rule files; the core's ban on the
// file system (crates/core/clippy.toml) is for the library.
#![allow(clippy::disallowed_methods)]

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // The YAML stays at the repository's top (`/rules`), where it is versioned and diffed.
    println!("cargo:rerun-if-changed=../../rules");
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let rules = Path::new(&manifest).join("../../rules");
    let mut entries = Vec::new();
    if let Ok(sets) = std::fs::read_dir(&rules) {
        for set in sets.flatten() {
            let Ok(files) = std::fs::read_dir(set.path()) else {
                continue;
            };
            println!("cargo:rerun-if-changed={}", set.path().display());
            for file in files.flatten() {
                let path = file.path();
                let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
                    continue;
                };
                let is_yaml = path.extension().is_some_and(|e| e == "yaml");
                // Only `MAJOR.MINOR.PATCH.yaml` files are released versions.
                let is_version = stem.split('.').count() == 3
                    && stem.split('.').all(|p| p.parse::<u64>().is_ok());
                if is_yaml && is_version {
                    let id = set.file_name().to_string_lossy().to_string();
                    entries.push((id, stem.to_string(), path.display().to_string()));
                }
            }
        }
    }
    entries.sort();
    let mut out = String::from(
        "/// (rule-set id, version, YAML text, SHA-256 of the text) of every rule set built in.\n",
    );
    out.push_str("pub static EMBEDDED: &[(&str, &str, &str, &str)] = &[\n");
    for (id, version, path) in &entries {
        // The digest a pin is checked against, computed here once instead of on
        // every check (hashing both default sets was 5 % of a 100-page check).
        let digest = match std::fs::read(path) {
            // Hex by the digest's own formatting, as `sha256::hex_digest` does in
            // the crate (a build script cannot use the crate it builds).
            Ok(bytes) => {
                use sha2::Digest as _;
                format!("{:x}", sha2::Sha256::digest(&bytes))
            }
            Err(e) => {
                println!("cargo:warning=cannot read {path}: {e}");
                std::process::exit(1);
            }
        };
        let _ = writeln!(
            out,
            "    ({id:?}, {version:?}, include_str!({path:?}), {digest:?}),"
        );
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(e) = std::fs::write(Path::new(&out_dir).join("embedded_rulesets.rs"), out) {
        println!("cargo:warning=cannot write the embedded rule-set list: {e}");
        std::process::exit(1);
    }
}
