//! Policy: what the people responsible for a tender decided about its rule
//! results, applied to the results before the report is built — rules switched
//! off or given another severity ([`levels`]), [`waivers`], and the comparison with
//! a [`baseline`] report. The order matters: a waiver for a rule switched off
//! waives nothing, and the baseline compares results as waived.

pub mod baseline;
pub mod gate;
pub mod levels;
pub mod waivers;

use crate::date::Date;
use crate::document::Document;
use crate::findings::{Notice, RuleResult};
use crate::rules::RuleSet;
use std::collections::HashSet;

/// The decisions for one check.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Policy<'a> {
    /// Rules switched off or given another severity (`rules:` in the configuration).
    pub rule_levels: &'a [(String, levels::RuleLevel)],
    /// Waivers from the configuration; inline waivers come from the documents.
    pub waivers: &'a [waivers::ConfigWaiver],
    /// The day expiry dates are compared with.
    pub today: Date,
    /// The earlier report results are compared with (`--baseline`).
    pub baseline: Option<&'a baseline::Baseline>,
    /// The lowest severity that fails the run (`--fail-on`); `None` for never.
    pub fail_on: Option<crate::rules::Severity>,
}

/// Applies the policy to the results of `sets` over `docs`, last the gate that
/// records on each result whether it fails the run; returns what the report
/// should say about it (a baseline made with other rule-set versions).
pub(crate) fn apply(
    results: &mut Vec<RuleResult>,
    docs: &[Document],
    sets: &[RuleSet],
    policy: &Policy,
) -> Vec<Notice> {
    levels::apply(results, policy.rule_levels);
    let known: HashSet<String> = sets
        .iter()
        .flat_map(|s| s.rules.iter().map(|r| r.id.clone()))
        .collect();
    waivers::apply(results, docs, policy.waivers, &known, policy.today);
    let notices = policy
        .baseline
        .and_then(|b| baseline::compare(results, sets, b))
        .into_iter()
        .collect();
    gate::apply(results, policy.fail_on, policy.baseline.is_some());
    notices
}
