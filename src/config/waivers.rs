//! `waivers:`: decisions that a rule does not apply to the tender, each with its
//! reason (required) and where it is written, for the waiver policy.

use super::schema::RawWaiver;
use super::{located, problem};
use crate::policy::waivers::ConfigWaiver;
use crate::rules::{Problem, RuleSetSource};
use crate::source::line_column;
use serde_saphyr::Spanned;

/// The configuration's waivers; a missing reason or rule id and a date that is
/// not one are problems.
pub(super) fn read(
    raw: &[Spanned<RawWaiver>],
    source: &RuleSetSource,
    problems: &mut Vec<Problem>,
) -> Vec<ConfigWaiver> {
    let text = &source.text;
    let mut waivers = Vec::new();
    for w in raw {
        let (line, column) = located(text, w)
            .map(|s| line_column(text, s.start))
            .unwrap_or((0, 0));
        if w.value.reason.value.trim().is_empty() {
            problems.push(problem(
                "a waiver needs a reason",
                located(text, &w.value.reason),
                Some("say why the rule does not apply, e.g. `reason: \"decided by the steering group 2026-10-01\"`"),
            ));
        }
        if w.value.rule.value.trim().is_empty() {
            problems.push(problem(
                "a waiver needs a rule id",
                located(text, &w.value.rule),
                None,
            ));
        }
        let expires = match &w.value.expires {
            Some(e) => match crate::date::parse(&e.value) {
                Some(d) => Some(d),
                None => {
                    problems.push(problem(
                        format!("`{}` is not a date", e.value),
                        located(text, e),
                        Some("write it as YYYY-MM-DD"),
                    ));
                    None
                }
            },
            None => None,
        };
        waivers.push(ConfigWaiver {
            rule: w.value.rule.value.trim().to_string(),
            reason: w.value.reason.value.trim().to_string(),
            expires,
            approved_by: w.value.approved_by.clone(),
            file: source.name.clone(),
            line: line as u32,
            column: column as u32,
            byte_offset: located(text, w).map(|s| s.start),
        });
    }
    waivers
}
