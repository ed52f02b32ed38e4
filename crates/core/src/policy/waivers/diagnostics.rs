//! Problems with waivers, as `TL-*` results: each code's title, message and
//! severity, and the evidence that points at the waiver.

use super::{
    BAD_DATE, ConfigWaiver, EXPIRED, NO_REASON, RULESET, UNKNOWN_DIRECTIVE, UNKNOWN_RULE, UNUSED,
};
use crate::document::{Document, Location};
use crate::findings::{Coverage, Evidence, RuleInfo, RuleResult, Status};
use crate::rules::{Localized, RuleKind, Severity};
use crate::text::Modality;
use std::sync::Arc;

/// A problem found while reading waivers, before it becomes a `TL-*` result.
pub(super) struct Diagnostic {
    pub(super) code: &'static str,
    pub(super) evidence: Evidence,
}

pub(super) fn directive_evidence(doc: &Document, location: &Location, excerpt: String) -> Evidence {
    let (line, column, byte_offset, byte_length) = match location {
        Location::Text {
            bytes,
            line,
            column,
        } => (
            Some(*line),
            Some(*column),
            Some(bytes.start),
            Some(bytes.len()),
        ),
        Location::Docx { xml_offset, .. } => (None, None, Some(*xml_offset as usize), None),
    };
    Evidence {
        file: doc.path.display().to_string(),
        line,
        column,
        location: location.display(),
        byte_offset,
        byte_length,
        section: String::new(),
        requirement_id: None,
        excerpt,
        coverage: Coverage::Violation,
        modality: Modality::None,
        matched: None,
        type_legend: None,
        definition: None,
        fix: None,
        also_at: Vec::new(),
        review: false,
        place: None,
    }
}

pub(super) fn config_evidence(w: &ConfigWaiver, excerpt: String) -> Evidence {
    Evidence {
        file: w.file.clone(),
        line: Some(w.line),
        column: Some(w.column),
        location: format!("{}:{}", w.line, w.column),
        byte_offset: w.byte_offset,
        byte_length: None,
        section: "waivers".into(),
        requirement_id: None,
        excerpt,
        coverage: Coverage::Violation,
        modality: Modality::None,
        matched: None,
        type_legend: None,
        definition: None,
        fix: None,
        also_at: Vec::new(),
        review: false,
        place: None,
    }
}

/// One `TL-*` result per code that has diagnostics, in a fixed order of codes.
pub(super) fn results(diagnostics: &[Diagnostic]) -> Vec<RuleResult> {
    let mut out = Vec::new();
    for code in [
        NO_REASON,
        BAD_DATE,
        UNKNOWN_DIRECTIVE,
        EXPIRED,
        UNKNOWN_RULE,
        UNUSED,
    ] {
        let evidence: Vec<Evidence> = diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| d.evidence.clone())
            .collect();
        if !evidence.is_empty() {
            out.push(diagnostic_result(code, evidence));
        }
    }
    out
}

fn localized(nb: &str, en: &str) -> Localized {
    Localized {
        nb: nb.into(),
        nn: None,
        en: Some(en.into()),
    }
}

/// Title, message and severity of each `TL-*` code.
fn describe(code: &str) -> (Localized, Localized, Severity) {
    match code {
        NO_REASON => (
            localized("Unntak uten begrunnelse", "Waiver without a reason"),
            localized(
                "Et unntak i teksten mangler begrunnelse og er ikke brukt. Skriv `tenderlint-disable REGEL: begrunnelse`.",
                "An inline waiver has no reason and is not applied. Write `tenderlint-disable RULE: reason`.",
            ),
            Severity::Error,
        ),
        BAD_DATE => (
            localized("Unntak med ugyldig dato", "Waiver with an invalid date"),
            localized(
                "Et unntak i teksten har `until` uten en gyldig dato etter og er ikke brukt. Skriv `tenderlint-disable REGEL until ÅÅÅÅ-MM-DD: begrunnelse`.",
                "An inline waiver has `until` without a valid date after it and is not applied. Write `tenderlint-disable RULE until YYYY-MM-DD: reason`.",
            ),
            Severity::Error,
        ),
        UNKNOWN_DIRECTIVE => (
            localized(
                "Ukjent tenderlint-kommentar",
                "Unknown tenderlint directive",
            ),
            localized(
                "En kommentar som starter med `tenderlint-` er ikke en instruks tenderlint kjenner; bare `tenderlint-disable` finnes.",
                "A comment starting with `tenderlint-` is not a directive tenderlint knows; only `tenderlint-disable` exists.",
            ),
            Severity::Warning,
        ),
        EXPIRED => (
            localized("Unntaket er utløpt", "Waiver expired"),
            localized(
                "Unntaket er utløpt og gjelder ikke lenger; regelen vurderes på vanlig måte. Forny eller fjern unntaket.",
                "The waiver has expired and no longer applies; the rule is judged as usual. Renew or remove the waiver.",
            ),
            Severity::Warning,
        ),
        UNKNOWN_RULE => (
            localized("Unntak for ukjent regel", "Waiver for an unknown rule"),
            localized(
                "Unntaket nevner en regel som ingen av regelsettene har. Sjekk stavingen med `tenderlint rules list`.",
                "The waiver names a rule no rule set has. Check the spelling with `tenderlint rules list`.",
            ),
            Severity::Warning,
        ),
        _ => (
            localized("Unødvendig unntak", "Unused waiver"),
            localized(
                "Unntaket unntar ingenting: regelen er oppfylt uansett. Fjern unntaket.",
                "The waiver suppresses nothing: the rule passes anyway. Remove the waiver.",
            ),
            Severity::Warning,
        ),
    }
}

fn diagnostic_result(code: &'static str, evidence: Vec<Evidence>) -> RuleResult {
    let (title, message, severity) = describe(code);
    let rule = RuleInfo {
        id: code.into(),
        title,
        message: message.clone(),
        messages: Default::default(),
        severity,
        replacement: None,
        rationale: Arc::new(localized(
            "Unntak er beslutninger som skal kunne etterprøves: med begrunnelse, og fjernet når de ikke trengs.",
            "Waivers are decisions that must stand review: with a reason, and removed when no longer needed.",
        )),
        sources: Arc::default(),
        suggestion: None,
        help_uri: None,
        fix_adds_equivalent: false,
    };
    RuleResult {
        ruleset: RULESET.into(),
        ruleset_version: env!("CARGO_PKG_VERSION").into(),
        rule: code.into(),
        kind: RuleKind::Check,
        status: Status::Violation,
        ok: false,
        severity,
        strength: None,
        category: RULESET.into(),
        evidence_total: evidence.len(),
        evidence,
        waiver: None,
        baseline: None,
        gate: crate::findings::Gate::Passes,
        rule_info: Arc::new(rule),
    }
}
