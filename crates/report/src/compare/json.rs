//! The comparison as JSON: the core's data as it is, with the rules' titles and
//! category titles and each Word place worded in the report's language, as the
//! JSON report of one tender words them.

use super::category_title;
use crate::Lang;
use crate::findings::{RuleSetInfo, Tool};
use crate::rules::{RuleKind, Severity};
use serde::Serialize;
use tenderlint_core::compare::{CompareCell, CompareRow, CompareTender, Comparison, Stance};

/// Bumped when a field changes meaning or disappears; new fields do not bump it.
pub(crate) const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format_version: u32,
    tool: Tool,
    lang: Lang,
    tenders: &'a [CompareTender],
    rules: Vec<Row<'a>>,
    rulesets: &'a [RuleSetInfo],
}

#[derive(Serialize)]
struct Row<'a> {
    ruleset: &'a str,
    rule: &'a str,
    title: &'a str,
    kind: RuleKind,
    category: &'a str,
    category_title: String,
    severity: Severity,
    binding: usize,
    applies: usize,
    disagree: bool,
    majority: Option<Stance>,
    in_profile: bool,
    counts: crate::findings::Tally,
    /// One per tender, in the order of `tenders`; `null` where that tender's
    /// rule sets have no such rule.
    cells: Vec<Option<CompareCell>>,
}

fn row<'a>(comparison: &'a Comparison, row: &'a CompareRow, lang: Lang) -> Row<'a> {
    Row {
        ruleset: &row.ruleset,
        rule: &row.rule,
        title: row.rule_info.title.get(lang),
        kind: row.kind,
        category: &row.category,
        category_title: category_title(comparison, row, lang),
        severity: row.severity,
        binding: row.binding,
        applies: row.applies,
        disagree: row.disagree,
        majority: row.majority,
        in_profile: row.in_profile,
        counts: row.counts,
        cells: row
            .cells
            .iter()
            .map(|c| {
                c.as_ref().map(|c| CompareCell {
                    evidence: c
                        .evidence
                        .iter()
                        .map(|e| crate::json::worded(e, lang))
                        .collect(),
                    ..c.clone()
                })
            })
            .collect(),
    }
}

pub(super) fn render(comparison: &Comparison, lang: Lang) -> Vec<u8> {
    let document = Document {
        format_version: FORMAT_VERSION,
        tool: Tool::default(),
        lang,
        tenders: &comparison.tenders,
        rules: comparison
            .rules
            .iter()
            .map(|r| row(comparison, r, lang))
            .collect(),
        rulesets: &comparison.rulesets,
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_else(|_| "null".into());
    text.push('\n');
    text.into_bytes()
}
