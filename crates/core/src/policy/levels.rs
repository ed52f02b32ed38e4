//! Rule levels: rules the configuration switches off or gives another severity.

use crate::findings::RuleResult;
use crate::rules::Severity;

// How tenderlint.yaml writes a level; read here, where the type is (the configuration is the root's).
mod written;

/// A rule's level set by the configuration: switched off, or a new severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleLevel {
    /// The rule is not reported.
    Off,
    /// The rule is reported with this severity.
    Severity(Severity),
}

/// Switches rules off or changes their severity, as configured.
pub(crate) fn apply(results: &mut Vec<RuleResult>, levels: &[(String, RuleLevel)]) {
    let level_of = |rule: &str| {
        levels
            .iter()
            .find(|(id, _)| id.eq_ignore_ascii_case(rule))
            .map(|(_, l)| *l)
    };
    results.retain(|r| level_of(&r.rule) != Some(RuleLevel::Off));
    for r in results.iter_mut() {
        if let Some(RuleLevel::Severity(s)) = level_of(&r.rule) {
            r.severity = s;
        }
    }
}
