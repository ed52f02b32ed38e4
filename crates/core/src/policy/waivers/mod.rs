//! Waivers: a decision, written down with its reason, that a rule does not apply
//! to this tender. They come from `tenderlint.yaml` (the whole rule) or from
//! comments in the tender (`<!-- tenderlint-disable INT-014: reason -->` in Markdown,
//! a Word comment `tenderlint-disable INT-014: reason` in DOCX), either with an
//! expiry: `tenderlint-disable INT-014 until 2027-01-31: reason`.
//!
//! Applied after the engine and before reporting: a waived result keeps its status
//! and evidence and gains [`Waiver`], so every format shows what was waived and why.
//! Waivers that are expired, name an unknown rule, waive nothing or lack a reason
//! become results of their own (`TL-WAIVER-*`), so they show up — and can fail CI —
//! in every format, the way cargo-deny reports advisories that are no longer needed.

mod diagnostics;
mod directives;
mod inline;
#[cfg(test)]
mod tests;

use crate::date::Date;
use crate::document::Document;
use crate::findings::{Evidence, RuleResult, Waiver};
use crate::rules::RuleKind;
use diagnostics::{Diagnostic, config_evidence, directive_evidence};
use inline::InlineWaiver;
use std::collections::HashSet;

/// A waiver that has expired: it no longer suppresses anything.
pub const EXPIRED: &str = "TL-WAIVER-EXPIRED";
/// A waiver for a rule id no loaded rule set has.
pub(crate) const UNKNOWN_RULE: &str = "TL-WAIVER-UNKNOWN-RULE";
/// A waiver whose rule passes anyway.
pub(crate) const UNUSED: &str = "TL-WAIVER-UNUSED";
/// An inline waiver without a reason; it is not applied.
pub(crate) const NO_REASON: &str = "TL-WAIVER-NO-REASON";
/// A `tenderlint-…` comment tenderlint does not understand.
pub(crate) const UNKNOWN_DIRECTIVE: &str = "TL-DIRECTIVE-UNKNOWN";
/// An inline waiver whose `until` is not a date; it is not applied.
pub(crate) const BAD_DATE: &str = "TL-WAIVER-BAD-DATE";

/// The pseudo rule set the `TL-*` results belong to.
pub(crate) const RULESET: &str = "tenderlint";

/// A waiver from `tenderlint.yaml`: it waives the rule for the whole tender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWaiver {
    /// The rule id it waives.
    pub rule: String,
    /// Why the rule does not apply (required).
    pub reason: String,
    /// The last day the waiver holds.
    pub expires: Option<Date>,
    /// Who approved it (`approved-by:`).
    pub approved_by: Option<String>,
    /// Where it is written: the configuration file, line and column (1-based).
    pub file: String,
    /// The line it starts on (1-based).
    pub line: u32,
    /// The column it starts at (1-based).
    pub column: u32,
    /// Its byte offset in the file, when known.
    pub byte_offset: Option<usize>,
}

impl ConfigWaiver {
    fn waiver(&self) -> Waiver {
        Waiver {
            reason: self.reason.clone(),
            origin: "config".into(),
            expires: self.expires.map(|d| d.to_string()),
            approved_by: self.approved_by.clone(),
            location: Some(format!("{}:{}:{}", self.file, self.line, self.column)),
        }
    }
}

/// Which waivers did something (waived, or became a `TL-*` result of their own);
/// the rest are reported as unused.
struct Used {
    config: Vec<bool>,
    inline: Vec<bool>,
}

/// Applies waivers to the results and adds `TL-*` results for waivers that are
/// expired, unknown, unused or without a reason. `known` holds every rule id of
/// the rule sets used (rules switched off in the configuration included).
pub(crate) fn apply(
    results: &mut Vec<RuleResult>,
    docs: &[Document],
    config: &[ConfigWaiver],
    known: &HashSet<String>,
    today: Date,
) {
    let mut diagnostics = Vec::new();
    let inline = directives::read(docs, &mut diagnostics);
    let is_known = |rule: &str| known.iter().any(|k| k.eq_ignore_ascii_case(rule));
    let mut used = Used {
        config: vec![false; config.len()],
        inline: vec![false; inline.len()],
    };
    screen_config(config, &is_known, today, &mut used, &mut diagnostics);
    screen_inline(&inline, docs, &is_known, today, &mut used, &mut diagnostics);
    for r in results.iter_mut().filter(|r| !r.ok) {
        waive(r, config, &inline, today, &mut used);
    }
    report_unused(config, &inline, docs, &used, &mut diagnostics);
    results.extend(diagnostics::results(&diagnostics));
}

/// Configuration waivers for unknown rules and expired ones waive nothing; each is
/// a `TL-*` result.
fn screen_config(
    config: &[ConfigWaiver],
    is_known: &impl Fn(&str) -> bool,
    today: Date,
    used: &mut Used,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (i, w) in config.iter().enumerate() {
        if !is_known(&w.rule) {
            used.config[i] = true;
            diagnostics.push(Diagnostic {
                code: UNKNOWN_RULE,
                evidence: config_evidence(w, format!("{}: {}", w.rule, w.reason)),
            });
        } else if let Some(expires) = w.expires.filter(|e| *e < today) {
            used.config[i] = true;
            diagnostics.push(Diagnostic {
                code: EXPIRED,
                evidence: config_evidence(
                    w,
                    format!("{} (expired {expires}): {}", w.rule, w.reason),
                ),
            });
        }
    }
}

/// Inline waivers that are expired, or name rules no set has, said where they are.
fn screen_inline(
    inline: &[InlineWaiver],
    docs: &[Document],
    is_known: &impl Fn(&str) -> bool,
    today: Date,
    used: &mut Used,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (i, w) in inline.iter().enumerate() {
        if let Some(expires) = w.expires.filter(|e| *e < today) {
            used.inline[i] = true;
            if let Some(doc) = w.document(docs) {
                diagnostics.push(Diagnostic {
                    code: EXPIRED,
                    evidence: directive_evidence(
                        doc,
                        &w.location,
                        format!("{} (expired {expires}): {}", w.rules.join(", "), w.reason),
                    ),
                });
            }
            continue;
        }
        let unknown: Vec<&String> = w.rules.iter().filter(|r| !is_known(r)).collect();
        if !unknown.is_empty() {
            if unknown.len() == w.rules.len() {
                used.inline[i] = true;
            }
            if let Some(doc) = w.document(docs) {
                for rule in unknown {
                    diagnostics.push(Diagnostic {
                        code: UNKNOWN_RULE,
                        evidence: directive_evidence(
                            doc,
                            &w.location,
                            format!("{rule}: {}", w.reason),
                        ),
                    });
                }
            }
        }
    }
}

/// Whether a result is about the tender as a whole (a topic the tender must cover)
/// rather than about places in it.
fn tender_level(r: &RuleResult) -> bool {
    r.kind == RuleKind::Require || r.evidence.is_empty()
}

/// Waives a failing result: a live configuration waiver waives the rule; an inline
/// waiver waives a tender-level result, or the violations in the blocks it covers.
fn waive(
    r: &mut RuleResult,
    config: &[ConfigWaiver],
    inline: &[InlineWaiver],
    today: Date,
    used: &mut Used,
) {
    let live = config
        .iter()
        .position(|w| w.rule.eq_ignore_ascii_case(&r.rule) && w.expires.is_none_or(|e| e >= today));
    if let Some(i) = live {
        used.config[i] = true;
        r.waiver = Some(config[i].waiver());
        return;
    }
    let naming: Vec<usize> = (0..inline.len())
        .filter(|&i| inline[i].names(&r.rule) && inline[i].expires.is_none_or(|e| e >= today))
        .collect();
    if naming.is_empty() {
        return;
    }
    if tender_level(r) {
        used.inline[naming[0]] = true;
        r.waiver = Some(inline[naming[0]].waiver());
        return;
    }
    // Violations are waived where they are: evidence in a waived block goes.
    let covering = |e: &Evidence| naming.iter().copied().find(|&i| inline[i].covers(e));
    let all_shown = r.evidence_total == r.evidence.len();
    if all_shown && r.evidence.iter().all(|e| covering(e).is_some()) {
        let first = covering(&r.evidence[0]).unwrap_or(naming[0]);
        for e in &r.evidence {
            if let Some(i) = covering(e) {
                used.inline[i] = true;
            }
        }
        r.waiver = Some(inline[first].waiver());
        return;
    }
    let before = r.evidence.len();
    r.evidence.retain(|e| match covering(e) {
        Some(i) => {
            used.inline[i] = true;
            false
        }
        None => true,
    });
    r.evidence_total -= before - r.evidence.len();
}

/// Waivers that waived nothing: each becomes a `TL-WAIVER-UNUSED` result.
fn report_unused(
    config: &[ConfigWaiver],
    inline: &[InlineWaiver],
    docs: &[Document],
    used: &Used,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (i, w) in config.iter().enumerate() {
        if !used.config[i] {
            diagnostics.push(Diagnostic {
                code: UNUSED,
                evidence: config_evidence(w, format!("{}: {}", w.rule, w.reason)),
            });
        }
    }
    for (i, w) in inline.iter().enumerate() {
        if !used.inline[i]
            && let Some(doc) = w.document(docs)
        {
            diagnostics.push(Diagnostic {
                code: UNUSED,
                evidence: directive_evidence(
                    doc,
                    &w.location,
                    format!("{}: {}", w.rules.join(", "), w.reason),
                ),
            });
        }
    }
}
