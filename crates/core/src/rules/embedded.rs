//! The rule sets built into the binary (every file `rules/<id>/<version>.yaml`):
//! their YAML and digests always, and their compiled form ([`super::frozen`]) when
//! the program that embeds them hands it over ([`use_compiled`]).

use super::{RuleSet, RuleSetError, RuleSetSource};
use std::sync::{Arc, OnceLock};

include!(concat!(env!("OUT_DIR"), "/embedded_rulesets.rs"));

/// The sets loaded by default when nothing is configured: the newest version of each.
pub const DEFAULT_SETS: &[&str] = &["ks-felles-journalloft", "anskaffelse-hygiene"];

/// Every embedded (id, version) pair, sorted by id then version.
pub fn available() -> Vec<(&'static str, semver::Version)> {
    let mut list: Vec<_> = EMBEDDED
        .iter()
        .filter_map(|(id, version, ..)| semver::Version::parse(version).ok().map(|v| (*id, v)))
        .collect();
    list.sort();
    list
}

/// The compiled catalog of the embedded sets, once the program has handed it over.
static COMPILED: OnceLock<&'static [u8]> = OnceLock::new();

/// Loads the embedded sets from `catalog`, the compiled form of exactly these sets
/// that the program's build script wrote with [`super::frozen::encode`], instead of
/// parsing and compiling their YAML. The first catalog handed over stays.
pub fn use_compiled(catalog: &'static [u8]) {
    let _ = COMPILED.set(catalog);
}

/// Whether embedded sets load from a compiled catalog.
pub fn uses_compiled() -> bool {
    COMPILED.get().is_some()
}

/// The (id, version, YAML text) of an embedded set; the newest version when `version` is `None`.
fn entry(
    id: &str,
    version: Option<&semver::Version>,
) -> Option<(&'static str, &'static str, &'static str)> {
    let newest = available()
        .into_iter()
        .filter(|(i, _)| *i == id)
        .map(|(_, v)| v)
        .max()?;
    let wanted = version.unwrap_or(&newest);
    EMBEDDED
        .iter()
        .find(|(i, v, ..)| *i == id && semver::Version::parse(v).ok().as_ref() == Some(wanted))
        .map(|(i, v, text, _)| (*i, *v, *text))
}

/// The source of an embedded set; the newest version when `version` is `None`.
pub fn source(id: &str, version: Option<&semver::Version>) -> Option<RuleSetSource> {
    entry(id, version).map(|(i, v, text)| RuleSetSource {
        name: format!("embedded:{i}@{v}"),
        text: Arc::from(text),
    })
}

/// An embedded set ready to run; the newest version when `version` is `None`. From
/// the compiled catalog when the program handed one over, else from its YAML.
pub fn load(id: &str, version: Option<&semver::Version>) -> Option<Result<RuleSet, RuleSetError>> {
    let source = || source(id, version);
    if let Some(catalog) = COMPILED.get() {
        let (id, version, _) = entry(id, version)?;
        // The YAML text is copied out of the binary only to name it in an error.
        let failed = |message: String| Some(Err(RuleSetError::single(source()?, message)));
        return match super::frozen::decode(catalog, id, version) {
            Ok(Some(set)) => Some(Ok(set)),
            // A catalog written from other YAML than this binary's is a build fault.
            Ok(None) => failed("the compiled rule sets do not hold this set".to_string()),
            Err(e) => failed(format!("cannot read the compiled rule set: {e}")),
        };
    }
    Some(RuleSet::load(&source()?))
}

/// The SHA-256 (hex) of `text` when it is the text of an embedded set, computed at
/// build time: comparing the text costs a fraction of hashing it.
pub(crate) fn known_digest(text: &str) -> Option<&'static str> {
    EMBEDDED
        .iter()
        .find(|(_, _, t, _)| t.len() == text.len() && *t == text)
        .map(|(.., digest)| *digest)
}

/// The newest embedded version of a set.
pub fn newest(id: &str) -> Option<semver::Version> {
    available()
        .into_iter()
        .filter(|(i, _)| *i == id)
        .map(|(_, v)| v)
        .max()
}

/// Every embedded set read from its YAML with the full validation of `rules validate`
/// (regexes compiled) and written as one compiled catalog ([`super::frozen::encode`]).
/// A program's build script calls this and hands the bytes to [`use_compiled`] through
/// `include_bytes!`, so an invalid set fails the build and a check reads no YAML. The
/// error names the set.
pub fn compile_catalog() -> Result<Vec<u8>, String> {
    let mut sets = Vec::new();
    for (id, version) in available() {
        let source = source(id, Some(&version))
            .ok_or_else(|| format!("{id}@{version} is listed but has no text"))?;
        // Under its file name, so the loader validates it in full; the set keeps
        // the embedded origin its reports name.
        let file = RuleSetSource {
            name: format!("rules/{id}/{version}.yaml"),
            text: source.text.clone(),
        };
        let mut set =
            RuleSet::load(&file).map_err(|e| format!("{}: {:?}", file.name, e.problems))?;
        set.origin = source.name;
        sets.push(set);
    }
    super::frozen::encode(&sets)
}

/// Loads the default sets (newest version of each that is built in).
pub fn load_defaults() -> Result<Vec<RuleSet>, RuleSetError> {
    use crate::parallel::prelude::*;
    // Sets compile independently: one per core.
    DEFAULT_SETS
        .par_iter()
        .filter_map(|id| load(id, None))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// At run time an embedded set's regexes are only parsed (they compile on first
    /// use); this is the full validation that lets it skip compiling them up front.
    #[test]
    fn every_embedded_set_passes_full_validation() {
        for (id, version, text, _) in EMBEDDED {
            let source = RuleSetSource {
                name: format!("rules/{id}/{version}.yaml"),
                text: Arc::from(*text),
            };
            if let Err(e) = RuleSet::load(&source) {
                panic!("{id}@{version}: {:?}", e.problems);
            }
        }
    }

    /// The digests computed by build.rs are the ones a pin is checked against.
    #[test]
    fn build_time_digests_are_the_texts_sha256() {
        for (id, version, text, digest) in EMBEDDED {
            assert_eq!(
                *digest,
                crate::sha256::hex_digest(text.as_bytes()),
                "{id}@{version}"
            );
            assert_eq!(known_digest(text), Some(*digest));
        }
        assert_eq!(known_digest("id: not-embedded\n"), None);
    }
}
