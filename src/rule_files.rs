//! Reading rule-set and configuration files: the YAML the core loads comes from
//! disk here, refused before reading when it is not a file or too large.

use crate::rules::{RuleSet, RuleSetError, RuleSetSource, load};
use std::path::Path;
use std::sync::Arc;

/// The embedded rule sets as `build.rs` compiled them (a [`crate::rules::frozen`]
/// catalog), handed to [`crate::rules::embedded::use_compiled`] before a set loads.
pub static COMPILED_RULE_SETS: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/rulesets.postcard"));

/// Resolves a rule-set reference: a path to a YAML file, an embedded `ID`
/// (newest version) or `ID@VERSION`.
pub fn resolve(reference: &str) -> Result<RuleSet, RuleSetError> {
    if let Some(path) = as_path(reference) {
        return RuleSet::load(&read_source(path)?);
    }
    crate::rules::embedded::use_compiled(COMPILED_RULE_SETS);
    crate::rules::resolve_embedded(reference)
}

/// Resolves a rule-set reference as [`resolve`] does, with the set's YAML text,
/// which a loaded set does not keep (`rules diff` compares the texts).
pub fn resolve_with_yaml(reference: &str) -> Result<(RuleSet, Arc<str>), RuleSetError> {
    if let Some(path) = as_path(reference) {
        let source = read_source(path)?;
        return Ok((RuleSet::load(&source)?, source.text));
    }
    let set = resolve(reference)?;
    let source = crate::rules::embedded::source(&set.id, Some(&set.version)).ok_or_else(|| {
        RuleSetError::about(reference, format!("no YAML text for `{}`", set.key()))
    })?;
    Ok((set, source.text))
}

/// `reference` as a path to a rule-set file, when it names one rather than an embedded set.
fn as_path(reference: &str) -> Option<&Path> {
    let path = Path::new(reference);
    let looks_like_path =
        reference.ends_with(".yaml") || reference.ends_with(".yml") || reference.contains('/');
    (looks_like_path || path.is_file()).then_some(path)
}

/// Reads a rule-set file, refusing non-files and oversized files before reading.
pub fn read_source(path: &Path) -> Result<RuleSetSource, RuleSetError> {
    read_yaml_file(path, load::MAX_RULESET_BYTES as u64, "a rule set")
}

/// Reads a small YAML file (rule set, configuration) as the source of diagnostics:
/// a non-file, a file over `max` bytes or invalid UTF-8 is refused before parsing.
pub(crate) fn read_yaml_file(
    path: &Path,
    max: u64,
    what: &str,
) -> Result<RuleSetSource, RuleSetError> {
    let name = path.display().to_string();
    let fail = |message: String| RuleSetError::about(name.clone(), message);
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    if !meta.is_file() {
        return Err(fail("not a file".into()));
    }
    if meta.len() > max {
        return Err(fail(format!(
            "{} bytes is more than the {max} {what} may have",
            meta.len()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "not valid UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(RuleSetSource {
        name,
        text: Arc::from(text),
    })
}

/// The newest version beside a rule-set file laid out like the embedded sets
/// (`<dir>/<id>/<version>.yaml`), for the check's newer-version notice.
pub(crate) fn newest_sibling(path: &Path, id: &str) -> Option<semver::Version> {
    let dir = path.parent()?;
    let dir_name = dir
        .canonicalize()
        .ok()?
        .file_name()?
        .to_string_lossy()
        .to_string();
    if dir_name != id {
        return None;
    }
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            semver::Version::parse(name.strip_suffix(".yaml")?).ok()
        })
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oversized_and_missing_files_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.yaml");
        std::fs::write(&big, "x: 1\n".repeat(10)).unwrap();
        let err = read_yaml_file(&big, 8, "a configuration").unwrap_err();
        assert!(
            err.to_string()
                .ends_with("50 bytes is more than the 8 a configuration may have"),
            "{err}"
        );
        let err = read_yaml_file(dir.path(), 8, "a rule set").unwrap_err();
        assert!(err.to_string().ends_with("not a file"), "{err}");
        let err = read_yaml_file(&dir.path().join("none.yaml"), 8, "a rule set").unwrap_err();
        assert!(err.to_string().contains("cannot read"), "{err}");
    }

    #[test]
    fn the_newest_version_beside_a_set_file_is_found() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rulesets/demo");
        assert_eq!(
            newest_sibling(&dir.join("1.0.0.yaml"), "demo"),
            Some(semver::Version::new(1, 1, 0))
        );
        // Only a directory named like the set is a set's directory.
        assert_eq!(newest_sibling(&dir.join("1.0.0.yaml"), "other"), None);
    }
}
