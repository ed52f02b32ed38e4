//! Rule sets: the YAML format ([`schema`]), loading with spans ([`load`], then the
//! checks serde cannot do in `validate`), how a term is written (`terms`, read
//! once), the compiled set (`compiled`) with its one term automaton (`matcher`) and
//! compiled patterns (`pattern`), named-product detection (`products`), the sets
//! built in ([`embedded`]) and what differs between versions ([`versions`]).
//! Errors and spans of the YAML are the bottom layer's ([`crate::source::yaml`]).

pub mod categories;
mod compiled;
mod concepts;
pub mod embedded;
pub mod frozen;
pub mod load;
mod matcher;
mod pattern;
mod products;
pub mod review;
pub mod schema;
mod terms;
mod validate;
pub mod versions;

pub use crate::source::yaml::{Problem, RuleSetError, RuleSetSource};
pub use compiled::{CompiledRule, CompiledService, RuleSet};
pub use concepts::{ConceptWord, ConceptWords};
pub use matcher::TermId;
pub(crate) use matcher::{Hit, find_each};
pub(crate) use pattern::{CompiledMatch, StatementHits, TermSlots};
pub use schema::{BuiltinCheck, Localized, RuleKind, Severity, Strength};

/// Builds the one term automaton the sets checked together search with, which a
/// check builds first otherwise. A caller with a core to spare calls it while the
/// tender is read (one large file is read on one core); sets that have searched
/// already keep their own automata.
pub fn share_term_search(sets: &[RuleSet]) {
    let matchers: Vec<_> = sets.iter().map(|set| &set.matcher).collect();
    matcher::share_search(&matchers);
}

/// Resolves a reference to a set built in: `ID` (newest version) or
/// `ID@VERSION`. A path to a YAML file is the caller's to read (the core reads
/// no files); it loads the text with [`RuleSet::load`].
pub fn resolve_embedded(reference: &str) -> Result<RuleSet, RuleSetError> {
    let (id, version) = match reference.split_once('@') {
        Some((id, v)) => {
            let version = semver::Version::parse(v.trim()).map_err(|e| {
                RuleSetError::about(reference, format!("`{v}` is not a version: {e}"))
            })?;
            (id, Some(version))
        }
        None => (reference, None),
    };
    match embedded::load(id, version.as_ref()) {
        Some(set) => set,
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

/// A rule-set file read for a unit test: the core reads no files, its tests may.
#[cfg(test)]
pub(crate) fn load_file(path: &str) -> RuleSet {
    load_file_with_yaml(path).0
}

/// A rule-set file read for a unit test, with its YAML text (for `versions::diff`).
#[cfg(test)]
#[allow(clippy::disallowed_methods)]
pub(crate) fn load_file_with_yaml(path: &str) -> (RuleSet, std::sync::Arc<str>) {
    let text: std::sync::Arc<str> =
        std::sync::Arc::from(std::fs::read_to_string(path).expect("the fixture reads"));
    let set = RuleSet::load(&RuleSetSource {
        name: path.to_string(),
        text: text.clone(),
    })
    .expect("fixture loads");
    (set, text)
}
