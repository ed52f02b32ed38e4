//! Baseline mode: compare a check with the JSON report of an earlier run (the
//! last approved version of the tender, or main), so a CI gate on a tender that
//! is still being written fails only on what got worse.
//!
//! Results are matched by rule set id and rule id, never by line numbers; a
//! violation is the same violation when its rule and matched text are the same,
//! wherever it moved. A baseline from another version of a rule set is matched
//! by rule id, and the run says so.

use crate::findings::{About, BaselineState, Comparison, Notice, Previous, RuleResult, Status};
use crate::rules::{RuleSet, Severity};
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};

/// The newest JSON report format a baseline is read from: the fields read below
/// are those of version 1 of `check --format json`.
const READABLE_FORMAT_VERSION: u32 = 1;

/// A parsed baseline.
#[derive(Debug, Clone)]
pub struct Baseline {
    /// `id@version` of each rule set the baseline was made with.
    rulesets: Vec<(String, String)>,
    results: Vec<(String, String, Previous)>,
}

#[derive(Deserialize)]
struct Document {
    format_version: u32,
    #[serde(default)]
    ruleset: Vec<SetRef>,
    results: Vec<ResultRef>,
}

#[derive(Deserialize)]
struct SetRef {
    id: String,
    version: String,
}

#[derive(Deserialize)]
struct ResultRef {
    ruleset: String,
    rule: String,
    status: String,
    ok: bool,
    #[serde(default)]
    waiver: Option<serde_json::Value>,
    #[serde(default)]
    evidence: Vec<EvidenceRef>,
}

#[derive(Deserialize)]
struct EvidenceRef {
    #[serde(default)]
    matched: Option<String>,
    #[serde(default)]
    excerpt: String,
}

fn parse_status(s: &str) -> Option<Status> {
    Some(match s {
        "met" => Status::Met,
        "weak" => Status::Weak,
        "missing" => Status::Missing,
        "violation" => Status::Violation,
        "passed" => Status::Passed,
        "not-applicable" => Status::NotApplicable,
        _ => return None,
    })
}

/// What makes two violations of a rule the same: the matched text (or the
/// excerpt), case and spacing aside; never where it is.
pub fn violation_identity(matched: Option<&str>, excerpt: &str) -> String {
    // Line breaks and tabs part words; other control characters (Word text holds
    // some) are dropped, as the reports' one-line text drops them.
    let text: String = matched
        .unwrap_or(excerpt)
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Baseline {
    /// Reads the JSON report of an earlier `tenderlint check --format json`.
    pub fn parse(text: &str) -> Result<Baseline, String> {
        let doc: Document =
            serde_json::from_str(text).map_err(|e| format!("not a tenderlint JSON report: {e}"))?;
        if doc.format_version > READABLE_FORMAT_VERSION {
            return Err(format!(
                "JSON format version {} is newer than this tenderlint reads ({})",
                doc.format_version, READABLE_FORMAT_VERSION
            ));
        }
        let mut results = Vec::with_capacity(doc.results.len());
        for r in doc.results {
            let status = parse_status(&r.status)
                .ok_or_else(|| format!("rule {}: unknown status `{}`", r.rule, r.status))?;
            let violations = if status == Status::Violation {
                r.evidence
                    .iter()
                    .map(|e| violation_identity(e.matched.as_deref(), &e.excerpt))
                    .collect()
            } else {
                BTreeSet::new()
            };
            let failed = !r.ok && r.waiver.is_none();
            results.push((
                r.ruleset,
                r.rule,
                Previous {
                    status,
                    issue: !r.ok,
                    failed,
                    violations,
                },
            ));
        }
        Ok(Baseline {
            rulesets: doc.ruleset.into_iter().map(|s| (s.id, s.version)).collect(),
            results,
        })
    }
}

/// How bad a status is, for «weaker or stronger».
fn rank(status: Status) -> u8 {
    match status {
        Status::Met | Status::Passed | Status::NotApplicable => 0,
        Status::Weak => 1,
        Status::Missing | Status::Violation => 2,
    }
}

fn compare_one(r: &RuleResult, previous: Option<&Previous>) -> Comparison {
    let Some(p) = previous else {
        return Comparison {
            state: BaselineState::New,
            previous: None,
        };
    };
    let now_failed = r.fails();
    let current: BTreeSet<String> = if r.status == Status::Violation {
        r.evidence
            .iter()
            .map(|e| violation_identity(e.matched.as_deref(), &e.excerpt))
            .collect()
    } else {
        BTreeSet::new()
    };
    let new_violation = current.iter().any(|v| !p.violations.contains(v));
    let gone_violation = p.violations.iter().any(|v| !current.contains(v));
    let state = if (now_failed && !p.failed) || rank(r.status) > rank(p.status) || new_violation {
        BaselineState::Worse
    } else if (p.failed && !now_failed) || rank(r.status) < rank(p.status) || gone_violation {
        BaselineState::Fixed
    } else {
        BaselineState::Same
    };
    Comparison {
        state,
        previous: Some(p.clone()),
    }
}

/// Sets each result's comparison with the baseline; a notice says so when the
/// baseline was made with other rule-set versions.
pub(crate) fn compare(
    results: &mut [RuleResult],
    sets: &[RuleSet],
    baseline: &Baseline,
) -> Option<Notice> {
    let by_set_and_rule: HashMap<(&str, &str), &Previous> = baseline
        .results
        .iter()
        .map(|(s, r, p)| ((s.as_str(), r.as_str()), p))
        .collect();
    let mut by_rule: HashMap<&str, Option<&Previous>> = HashMap::new();
    for (_, rule, p) in &baseline.results {
        by_rule
            .entry(rule.as_str())
            .and_modify(|e| *e = None)
            .or_insert(Some(p));
    }
    let mut differing = Vec::new();
    for set in sets {
        let version = set.version.to_string();
        match baseline.rulesets.iter().find(|(id, _)| *id == set.id) {
            Some((_, v)) if *v != version => {
                differing.push((set.id.clone(), Some(v.clone()), version));
            }
            None => differing.push((set.id.clone(), None, version)),
            _ => {}
        }
    }
    for r in results {
        let previous = by_set_and_rule
            .get(&(r.ruleset.as_str(), r.rule.as_str()))
            .copied()
            .or_else(|| by_rule.get(r.rule.as_str()).copied().flatten());
        r.baseline = Some(compare_one(r, previous));
    }
    (!differing.is_empty()).then(|| Notice {
        level: Severity::Info,
        about: About::BaselineVersions(differing),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn violations_are_the_same_wherever_they_are() {
        assert_eq!(
            violation_identity(Some("Microsoft  Word"), ""),
            violation_identity(Some("microsoft word"), "other text")
        );
        assert_eq!(violation_identity(None, " A\nb "), "a b");
        // Tabs part words; other control characters (Word's) are dropped, not spaces.
        assert_eq!(
            violation_identity(Some("Micro\u{b}soft\tWord\u{7}"), ""),
            "microsoft word"
        );
    }

    #[test]
    fn bad_baselines_are_errors() {
        assert!(Baseline::parse("{}").is_err());
        assert!(Baseline::parse("not json").is_err());
        let newer = r#"{"format_version": 99, "results": []}"#;
        assert!(Baseline::parse(newer).unwrap_err().contains("newer"));
        let odd = r#"{"format_version": 1, "results": [{"ruleset": "s", "rule": "R", "status": "odd", "ok": true}]}"#;
        assert!(Baseline::parse(odd).unwrap_err().contains("odd"));
    }
}
