//! Rule sets compiled when the binary is: the validated, expanded model of each
//! embedded set (rules, patterns with their term ids, the automata's patterns, the
//! review profiles) written with postcard at build time and read at start, so a
//! check parses no YAML, validates nothing again and hashes nothing. The YAML
//! stays the source of truth: it is what is versioned, hashed, diffed and shown by
//! `explain`, and `rules test` reads its examples from it.
//!
//! A catalog is a list of (id, version, encoded set); each set is decoded only
//! when it is asked for, so `--version` or a check with one pinned set pays for
//! nothing else.

use super::RuleSet;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What a catalog starts with: the format and the crate version that wrote it. A
/// catalog is always built with its binary; the tag turns a mismatch (a stale
/// build artefact) into an error instead of a misread.
const FORMAT: &str = concat!(
    "tenderlint compiled rule sets 2, ",
    env!("CARGO_PKG_VERSION")
);

#[derive(Serialize, Deserialize)]
struct Catalog<'a> {
    format: &'a str,
    #[serde(borrow)]
    sets: Vec<Entry<'a>>,
}

#[derive(Serialize, Deserialize)]
struct Entry<'a> {
    id: &'a str,
    version: &'a str,
    /// The set, postcard-encoded on its own so it can be decoded alone.
    set: &'a [u8],
}

/// Encodes compiled sets into a catalog, each with its review profiles built now.
pub fn encode(sets: &[RuleSet]) -> Result<Vec<u8>, String> {
    let encoded: Vec<(String, String, Vec<u8>)> = sets
        .iter()
        .map(|set| {
            let mut set = set.clone();
            set.review = Some(Arc::new(super::review::ReviewProfiles::of_set(&set)));
            let bytes = postcard::to_allocvec(&set).map_err(|e| format!("{}: {e}", set.key()))?;
            Ok((set.id.clone(), set.version.to_string(), bytes))
        })
        .collect::<Result<_, String>>()?;
    let catalog = Catalog {
        format: FORMAT,
        sets: encoded
            .iter()
            .map(|(id, version, set)| Entry { id, version, set })
            .collect(),
    };
    postcard::to_allocvec(&catalog).map_err(|e| e.to_string())
}

/// The encoded set `id@version` of a catalog, if it holds it.
fn find<'a>(catalog: &'a [u8], id: &str, version: &str) -> Result<Option<&'a [u8]>, String> {
    let catalog: Catalog<'a> = postcard::from_bytes(catalog).map_err(|e| e.to_string())?;
    if catalog.format != FORMAT {
        return Err(format!(
            "compiled rule sets of `{}`, expected `{FORMAT}`",
            catalog.format
        ));
    }
    Ok(catalog
        .sets
        .iter()
        .find(|e| e.id == id && e.version == version)
        .map(|e| e.set))
}

/// Decodes the set `id@version` from a catalog; its automata are built here.
pub fn decode(catalog: &[u8], id: &str, version: &str) -> Result<Option<RuleSet>, String> {
    let Some(bytes) = find(catalog, id, version)? else {
        return Ok(None);
    };
    let mut set: RuleSet =
        postcard::from_bytes(bytes).map_err(|e| format!("{id}@{version}: {e}"))?;
    set.matcher.build()?;
    set.where_bought.build()?;
    Ok(Some(set))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::embedded;

    #[test]
    fn a_catalog_of_another_format_is_refused() {
        let set = RuleSet::load(&embedded::source("anskaffelse-hygiene", None).unwrap()).unwrap();
        let catalog = encode(std::slice::from_ref(&set)).unwrap();
        let version = set.version.to_string();
        assert!(
            decode(&catalog, "anskaffelse-hygiene", &version)
                .unwrap()
                .is_some()
        );
        assert!(decode(&catalog, "no-such-set", &version).unwrap().is_none());
        // The same catalog written by another format: the tag is the first field.
        let other = postcard::to_allocvec(&Catalog {
            format: "tenderlint compiled rule sets 0",
            sets: vec![],
        })
        .unwrap();
        let err = decode(&other, "anskaffelse-hygiene", &version).unwrap_err();
        assert!(err.contains("expected"), "{err}");
        assert!(decode(b"\xff\xff", "x", "1.0.0").is_err());
    }
}
