//! Rule sets: the YAML format, loading with spans, and compiling to one automaton.

pub mod categories;
pub mod compile;
pub mod embedded;
pub mod examples;
pub mod load;
pub mod products;
pub mod schema;
pub mod versions;

pub use compile::{CompiledMatch, CompiledRule, Hit, RuleSet, StatementHits, TermId, TermMatcher};
pub use load::{Problem, RuleSetError, RuleSetSource};
pub use schema::{BuiltinCheck, Localized, RuleKind, Severity, Strength};

use std::path::Path;
use std::sync::Arc;

/// Resolves a rule-set reference: a path to a YAML file, an embedded `ID`
/// (newest version) or `ID@VERSION`.
pub fn resolve(reference: &str) -> Result<RuleSet, RuleSetError> {
    let path = Path::new(reference);
    let looks_like_path =
        reference.ends_with(".yaml") || reference.ends_with(".yml") || reference.contains('/');
    if looks_like_path || path.is_file() {
        return RuleSet::load(&read_source(path)?);
    }
    let (id, version) = match reference.split_once('@') {
        Some((id, v)) => {
            let version = semver::Version::parse(v.trim()).map_err(|e| {
                RuleSetError::about(reference, format!("`{v}` is not a version: {e}"))
            })?;
            (id, Some(version))
        }
        None => (reference, None),
    };
    match embedded::source(id, version.as_ref()) {
        Some(source) => RuleSet::load(&source),
        None => {
            let known: Vec<String> = embedded::available()
                .iter()
                .map(|(i, v)| format!("{i}@{v}"))
                .collect();
            let mut error =
                RuleSetError::about(reference, format!("no embedded rule set `{reference}`"));
            error.problems[0].help = Some(format!("embedded: {}", known.join(", ")));
            Err(error)
        }
    }
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
