//! Deviations (issue 28): a member's own decision against what its region's
//! profile keeps — a waiver of a rule the region requires, a rule switched off, or
//! a severity below the region's. The member's configuration knows them (the root
//! reads it); the comparison marks them on the member's cells, with the reason the
//! member gave, so a coordinator sees not only that a member lacks a rule but that
//! it chose to, and why.

use super::{CompareRow, Comparison};
use crate::findings::Outcome;
use crate::rules::Severity;
use serde::Serialize;

/// A member's own decision against its region's profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deviation {
    /// The rule id.
    pub rule: String,
    /// What the member decided (in JSON `decision`, with `from` and `to` when lowered).
    #[serde(flatten)]
    pub kind: DeviationKind,
    /// Why, as the member wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Where the member wrote it: `file:line`.
    pub location: String,
}

/// What a member decided against its region's profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "decision")]
pub enum DeviationKind {
    /// A waiver of a rule the region keeps.
    Waived,
    /// The rule switched off (`rules: ID: off`).
    Off,
    /// A lower severity than the region's (or the rule's own).
    Lowered {
        /// The region's severity.
        from: Severity,
        /// The member's.
        to: Severity,
    },
}

impl Comparison {
    /// Marks the deviations of the tender in `column`: on its cell of each rule
    /// (a waiver only where it applied, so the cell is waived), and all of them on
    /// the tender, including rules switched off, which have no cell.
    pub fn mark_deviations(&mut self, column: usize, deviations: Vec<Deviation>) {
        for deviation in &deviations {
            for row in self
                .rules
                .iter_mut()
                .filter(|r| is_row_of(r, &deviation.rule))
            {
                if let Some(Some(cell)) = row.cells.get_mut(column)
                    && (deviation.kind != DeviationKind::Waived || cell.outcome == Outcome::Waived)
                {
                    cell.deviation = Some(deviation.clone());
                }
            }
        }
        if let Some(tender) = self.tenders.get_mut(column) {
            tender.deviations = deviations;
        }
    }
}

fn is_row_of(row: &CompareRow, rule: &str) -> bool {
    row.rule.eq_ignore_ascii_case(rule)
}
