//! Many tenders side by side (issue 28): each tender checked alone, with its own
//! configuration, then laid out as a matrix of rules × tenders. Where members of
//! a region disagree about a rule (some put it to the market bindingly, some do
//! not) is what a coordinator needs to see first, so the matrix says so per rule
//! and orders those rules first.
//!
//! As data only, no words: every cell is exactly the result `check` gave that
//! tender alone; reporters word it.

use crate::findings::{
    CheckReport, Evidence, Gate, Outcome, RuleInfo, RuleResult, RuleSetInfo, Status, Tally, Waiver,
};
use crate::rules::{RuleKind, Severity};
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::Arc;

mod deviation;
pub use deviation::{Deviation, DeviationKind};

/// A rule as the comparison names it: by its set and id, whatever version each
/// member pins, so that members on different versions still share a row.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct RuleKey {
    /// The id of the rule set the rule is in.
    pub ruleset: String,
    /// The rule's id (`INT-001`).
    pub rule: String,
}

/// What a region agreed its members require: the rules each member is measured
/// against besides the majority.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// The rules every member should require.
    pub rules: BTreeSet<RuleKey>,
}

/// Tenders side by side: one column per tender, one row per rule any of them was
/// checked against, ordered by category, most severe first and, within that, rules
/// the members disagree on first.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The tenders, in the order they were given: the columns.
    pub tenders: Vec<CompareTender>,
    /// The rules any of them was checked against: the rows, in the order described above.
    pub rules: Vec<CompareRow>,
    /// Every rule-set version some tender was checked with (for category titles).
    pub rulesets: Vec<RuleSetInfo>,
}

/// One tender: its name, its own tally and how far it stands from the others.
#[derive(Debug, Clone, Serialize)]
pub struct CompareTender {
    /// What the tender is called in the comparison (its folder, or the name given).
    pub name: String,
    /// The tally `check` gives the tender alone.
    pub summary: Tally,
    /// Whether `check` alone would fail for it (its own gate).
    pub fails_run: bool,
    /// Its files that could not be read.
    pub unreadable_files: usize,
    /// How far it stands from the majority and from the region's profile.
    pub distance: Distance,
    /// The member's own decisions against its region's profile ([`Comparison::mark_deviations`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deviations: Vec<Deviation>,
}

/// How far a tender stands from the region.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Distance {
    /// Rules where the tender holds and the majority lacks, or the other way round.
    pub from_majority: usize,
    /// Rules that have a majority and a stance of this tender: what `from_majority` counts from.
    pub compared: usize,
    /// Rules of the region's profile the tender does not hold (`None` without a profile).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_profile: Option<usize>,
}

/// Whether a tender puts a rule to the market: the one question on which members
/// agree or disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    /// Met (a binding requirement) or passed (nothing the rule objects to).
    Holds,
    /// Weak, missing, a violation, or waived.
    Lacks,
}

/// One rule across the tenders.
#[derive(Debug, Clone, Serialize)]
pub struct CompareRow {
    /// The id of the rule set the rule is in.
    pub ruleset: String,
    /// The rule's id.
    pub rule: String,
    /// What the rule checks (`require`, `forbid`, …).
    pub kind: RuleKind,
    /// The rule's category, which the rows are grouped by.
    pub category: String,
    /// The highest severity any member gives it (after scope overrides and levels).
    pub severity: Severity,
    /// One per tender, in the order of [`Comparison::tenders`]; `None` where that
    /// tender's rule sets have no such rule.
    pub cells: Vec<Option<CompareCell>>,
    /// Members whose tender requires it bindingly (status `met`).
    pub binding: usize,
    /// Members it applies to: checked against it and not `not-applicable`.
    pub applies: usize,
    /// Some members hold it and some lack it.
    pub disagree: bool,
    /// The stance more members take than the other (`None` on a tie or with no stance).
    pub majority: Option<Stance>,
    /// In the region's profile.
    pub in_profile: bool,
    /// How many cells have each outcome.
    pub counts: Tally,
    /// The rule's texts, from the first tender checked against it.
    #[serde(skip)]
    pub rule_info: Arc<RuleInfo>,
}

/// What `check` gave one tender for one rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareCell {
    /// The version of the rule set the tender was checked with.
    pub ruleset_version: String,
    /// What the check found (before waivers).
    pub status: Status,
    /// The status, or `waived`.
    pub outcome: Outcome,
    /// Whether the rule is satisfied for this tender (as [`RuleResult::ok`]).
    pub ok: bool,
    /// The severity that applied to this tender.
    pub severity: Severity,
    /// Whether this result fails the tender's own run.
    pub gate: Gate,
    /// The waiver that accepts the result, if one does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiver: Option<Waiver>,
    /// Where the tender speaks of the rule's topic, cut as `check` cuts it.
    pub evidence: Vec<Evidence>,
    /// How many pieces of evidence there were before the cut.
    pub evidence_total: usize,
    /// The member's own decision against its region's profile, with its reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deviation: Option<Deviation>,
}

impl CompareCell {
    fn of(result: &RuleResult) -> CompareCell {
        CompareCell {
            ruleset_version: result.ruleset_version.clone(),
            status: result.status,
            outcome: result.outcome(),
            ok: result.ok,
            severity: result.severity,
            gate: result.gate,
            waiver: result.waiver.clone(),
            evidence: result.evidence.clone(),
            evidence_total: result.evidence_total,
            deviation: None,
        }
    }

    /// Whether the tender puts the rule to the market; `None` where it does not apply.
    pub fn stance(&self) -> Option<Stance> {
        match self.outcome {
            Outcome::Met | Outcome::Passed => Some(Stance::Holds),
            Outcome::Weak | Outcome::Missing | Outcome::Violation | Outcome::Waived => {
                Some(Stance::Lacks)
            }
            Outcome::NotApplicable => None,
        }
    }
}

impl Comparison {
    /// The comparison of these tenders, each with the report `check` gave it alone.
    pub fn of<'a>(
        tenders: impl IntoIterator<Item = (&'a str, &'a CheckReport)>,
        profile: Option<&Profile>,
    ) -> Comparison {
        let tenders: Vec<(&str, &CheckReport)> = tenders.into_iter().collect();
        let mut rows = rows(&tenders, profile);
        order(&mut rows);
        let columns = tenders
            .iter()
            .enumerate()
            .map(|(i, (name, report))| CompareTender {
                name: (*name).to_string(),
                summary: report.summary.tally,
                fails_run: report.fails_run(),
                unreadable_files: report.summary.unreadable_files,
                distance: distance(&rows, i, profile.is_some()),
                deviations: Vec::new(),
            })
            .collect();
        Comparison {
            tenders: columns,
            rules: rows,
            rulesets: rule_sets(&tenders),
        }
    }

    /// Whether the run fails: some tender fails its own gate, as `check` would.
    pub fn fails_run(&self) -> bool {
        self.tenders.iter().any(|t| t.fails_run)
    }

    /// The rows of a rule id (one per rule set that has it).
    pub fn rows_of(&self, rule: &str) -> impl Iterator<Item = &CompareRow> + use<'_> {
        let rule = rule.to_string();
        self.rules
            .iter()
            .filter(move |r| r.rule.eq_ignore_ascii_case(&rule))
    }
}

/// One row per rule, in the order rules first appear across the tenders.
fn rows(tenders: &[(&str, &CheckReport)], profile: Option<&Profile>) -> Vec<CompareRow> {
    let mut rows: Vec<CompareRow> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for (column, (_, report)) in tenders.iter().enumerate() {
        for result in &report.results {
            let key = RuleKey {
                ruleset: result.ruleset.clone(),
                rule: result.rule.clone(),
            };
            let at = *index.entry(key).or_insert_with(|| {
                rows.push(empty_row(result, tenders.len()));
                rows.len() - 1
            });
            let row = &mut rows[at];
            row.severity = row.severity.max(result.severity);
            row.cells[column] = Some(CompareCell::of(result));
        }
    }
    for row in &mut rows {
        settle(row, profile);
    }
    rows
}

fn empty_row(result: &RuleResult, tenders: usize) -> CompareRow {
    CompareRow {
        ruleset: result.ruleset.clone(),
        rule: result.rule.clone(),
        kind: result.kind,
        category: result.category.clone(),
        severity: result.severity,
        cells: vec![None; tenders],
        binding: 0,
        applies: 0,
        disagree: false,
        majority: None,
        in_profile: false,
        counts: Tally::default(),
        rule_info: Arc::clone(&result.rule_info),
    }
}

/// Fills in what a row says across its cells.
fn settle(row: &mut CompareRow, profile: Option<&Profile>) {
    let cells = row.cells.iter().flatten();
    row.counts = Tally::of_outcomes(
        cells
            .clone()
            .map(|c| (c.outcome, !c.ok && c.waiver.is_none())),
    );
    row.binding = cells.clone().filter(|c| c.status == Status::Met).count();
    let stances: Vec<Stance> = cells.filter_map(CompareCell::stance).collect();
    row.applies = stances.len();
    let holds = stances.iter().filter(|s| **s == Stance::Holds).count();
    let lacks = stances.len() - holds;
    row.disagree = holds > 0 && lacks > 0;
    row.majority = match holds.cmp(&lacks) {
        std::cmp::Ordering::Greater => Some(Stance::Holds),
        std::cmp::Ordering::Less => Some(Stance::Lacks),
        std::cmp::Ordering::Equal => None,
    };
    row.in_profile = profile.is_some_and(|p| {
        p.rules.contains(&RuleKey {
            ruleset: row.ruleset.clone(),
            rule: row.rule.clone(),
        })
    });
}

/// By category (in the order categories first appear), most severe first, and
/// within a severity the rules members disagree on first; otherwise as the rule
/// sets list them.
fn order(rows: &mut [CompareRow]) {
    let mut categories: Vec<&str> = Vec::new();
    for row in rows.iter() {
        if !categories.contains(&row.category.as_str()) {
            categories.push(&row.category);
        }
    }
    let rank: std::collections::HashMap<String, usize> = categories
        .iter()
        .enumerate()
        .map(|(i, c)| ((*c).to_string(), i))
        .collect();
    rows.sort_by_key(|r| {
        (
            rank.get(&r.category).copied().unwrap_or(usize::MAX),
            std::cmp::Reverse(r.severity),
            !r.disagree,
        )
    });
}

fn distance(rows: &[CompareRow], column: usize, with_profile: bool) -> Distance {
    let mut d = Distance {
        from_profile: with_profile.then_some(0),
        ..Distance::default()
    };
    for row in rows {
        let stance = row.cells[column].as_ref().and_then(CompareCell::stance);
        if let (Some(stance), Some(majority)) = (stance, row.majority) {
            d.compared += 1;
            if stance != majority {
                d.from_majority += 1;
            }
        }
        // A rule the region requires counts against a member that lacks it or was
        // not checked against it at all; one that does not apply to it does not.
        let applies = row.cells[column]
            .as_ref()
            .is_none_or(|c| c.outcome != Outcome::NotApplicable);
        if row.in_profile
            && applies
            && stance != Some(Stance::Holds)
            && let Some(n) = d.from_profile.as_mut()
        {
            *n += 1;
        }
    }
    d
}

/// The rule-set versions the tenders were checked with, each once.
fn rule_sets(tenders: &[(&str, &CheckReport)]) -> Vec<RuleSetInfo> {
    let mut sets: Vec<RuleSetInfo> = Vec::new();
    for set in tenders.iter().flat_map(|(_, r)| &r.rulesets) {
        if !sets
            .iter()
            .any(|s| s.id == set.id && s.version == set.version)
        {
            sets.push(set.clone());
        }
    }
    sets
}

#[cfg(test)]
mod tests;
