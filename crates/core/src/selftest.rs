//! Running every rule's own examples (`tenderlint rules test`): the examples are
//! the rule's specification, so a rule whose examples fail is a broken rule.
//!
//! Each example is read as a small Markdown tender and checked like any tender,
//! so this sits above the front door ([`check_documents`]), not in `rules/`.

use crate::check::{CheckOptions, check_documents};
use crate::document::markdown;
use crate::findings::Status;
use crate::rules::{RuleKind, RuleSet};
use std::path::PathBuf;

/// What an example expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Expectation {
    /// The rule must be satisfied (met, accepted as weak, or no violation).
    Pass,
    /// The rule must report its finding.
    Fail,
    /// The rule must find the topic covered only weakly.
    Weak,
}

/// The outcome of one example.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExampleOutcome {
    /// `ID@VERSION` of the set.
    pub ruleset: String,
    /// The rule's id.
    pub rule: String,
    /// What the example expects.
    pub expectation: Expectation,
    /// 1-based index among the rule's examples of that expectation.
    pub index: usize,
    /// The example's Markdown.
    pub snippet: String,
    /// The status the rule got.
    pub status: Status,
    /// Whether the status is what the example expects.
    pub ok: bool,
}

/// Runs the examples of every rule (or of the rules whose id is in `only`).
pub fn run(set: &RuleSet, only: Option<&str>) -> Vec<ExampleOutcome> {
    let mut outcomes = Vec::new();
    for rule in &set.rules {
        if only.is_some_and(|o| o != rule.id) {
            continue;
        }
        let alone = set.only(&rule.id);
        let groups = [
            (Expectation::Pass, &rule.examples.pass),
            (Expectation::Fail, &rule.examples.fail),
            (Expectation::Weak, &rule.examples.weak),
        ];
        for (expectation, snippets) in groups {
            for (i, snippet) in snippets.iter().enumerate() {
                let doc = markdown::read(
                    PathBuf::from(format!("{}-{:?}-{}.md", rule.id, expectation, i + 1)),
                    snippet,
                );
                let report = check_documents(
                    &[doc],
                    std::slice::from_ref(&alone),
                    &CheckOptions::default(),
                );
                let Some(result) = report.results.first() else {
                    continue;
                };
                let ok = match expectation {
                    Expectation::Pass => result.ok,
                    Expectation::Fail => !result.ok,
                    Expectation::Weak => {
                        rule.kind == RuleKind::Require && result.status == Status::Weak
                    }
                };
                outcomes.push(ExampleOutcome {
                    ruleset: set.key(),
                    rule: rule.id.clone(),
                    expectation,
                    index: i + 1,
                    snippet: snippet.clone(),
                    status: result.status,
                    ok,
                });
            }
        }
    }
    outcomes
}

/// Rules that have fewer examples than a rule should have (for `rules test --strict`).
pub fn thin_rules(set: &RuleSet, min_each: usize) -> Vec<String> {
    set.rules
        .iter()
        .filter(|r| r.examples.pass.len() < min_each || r.examples.fail.len() < min_each)
        .map(|r| r.id.clone())
        .collect()
}
