//! The reference JSON format: one document, versioned by `format_version`,
//! written with serde_json (never miette's JSON handler, which emits invalid
//! JSON for control characters that Word text contains).

use super::RenderOptions;
use crate::Lang;
use crate::findings::{CheckReport, Evidence, RuleSetInfo, Services, Summary, Tool, Waiver};
use serde::Serialize;

/// Bumped when a field changes meaning or disappears; new fields do not bump it.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format_version: u32,
    tool: &'a Tool,
    ruleset: Vec<&'a RuleSetInfo>,
    files: Vec<JsonFile<'a>>,
    services: &'a Services,
    tender_language: Lang,
    suggestion_language: Lang,
    lang: Lang,
    results: Vec<Result<'a>>,
    notices: Vec<JsonNotice>,
    summary: &'a Summary,
}

/// A file of the tender; one that could not be read says why in the report's
/// language (`error`) and technically (`detail`).
#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    format: Option<crate::document::Format>,
    blocks: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<crate::document::Unreadable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<&'a str>,
}

/// A notice in the report's language.
#[derive(Serialize)]
struct JsonNotice {
    level: crate::rules::Severity,
    message: String,
}

#[derive(Serialize)]
struct Result<'a> {
    ruleset: &'a str,
    ruleset_version: &'a str,
    rule: &'a str,
    kind: crate::rules::RuleKind,
    status: crate::findings::Status,
    /// The status, or `waived`: what every format counts and names.
    outcome: crate::findings::Outcome,
    ok: bool,
    severity: crate::rules::Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    strength: Option<crate::rules::Strength>,
    category: &'a str,
    title: &'a str,
    /// The message of the outcome.
    message: String,
    /// With each Word place worded in the report's language.
    evidence: Vec<Evidence>,
    evidence_total: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    replacement: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    waiver: Option<&'a Waiver>,
    /// `new`, `same`, `fixed` or `worse` against `--baseline`.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<crate::findings::BaselineState>,
    /// Whether it fails the run (`fails`), or why not: the gate's decision.
    gate: crate::findings::Gate,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<&'a str>,
}

/// Evidence with its `location` (and those of the other places it names) in
/// words where it is a Word place («3.2 Integrasjoner, avsnitt 4»); the
/// structured `place` stays beside it for programs.
pub(crate) fn worded(e: &Evidence, lang: Lang) -> Evidence {
    let mut e = e.clone();
    if let Some(p) = &e.place {
        e.location = super::i18n::place(p, lang);
    }
    for other in &mut e.also_at {
        if let Some(p) = &other.place {
            other.location = super::i18n::place(p, lang);
        }
    }
    e
}

/// The JSON document for a report, with texts in `lang` (suggestions in nynorsk
/// when the tender is written in nynorsk and `lang` is bokmål).
fn document(report: &CheckReport, lang: Lang) -> Document<'_> {
    let results = report
        .results
        .iter()
        .map(|r| {
            let info = &r.rule_info;
            Result {
                ruleset: &r.ruleset,
                ruleset_version: &r.ruleset_version,
                rule: &r.rule,
                kind: r.kind,
                status: r.status,
                outcome: r.outcome(),
                ok: r.ok,
                severity: r.severity,
                strength: r.strength,
                category: &r.category,
                title: info.title.get(lang),
                message: super::common::outcome_message(r, lang),
                evidence: r.evidence.iter().map(|e| worded(e, lang)).collect(),
                evidence_total: r.evidence_total,
                // `[[…]]` marks placeholders; a violation gets its own fix or none.
                suggestion: super::common::suggestion_raw(report, r),
                replacement: info.replacement.as_ref().map(|s| s.get(lang)),
                waiver: r.waiver.as_ref(),
                baseline: r.baseline.as_ref().map(|c| c.state),
                gate: r.gate,
                help_uri: info.help_uri.as_deref(),
            }
        })
        .collect();
    Document {
        format_version: FORMAT_VERSION,
        tool: &report.tool,
        ruleset: report.rulesets.iter().collect(),
        files: report
            .files
            .iter()
            .map(|f| JsonFile {
                path: &f.path,
                format: f.format,
                blocks: f.blocks,
                error: f.error.as_ref().map(|_| super::i18n::unreadable(f, lang)),
                problem: f.problem,
                // The technical cause beside the words, where they differ.
                detail: f.problem.and(f.error.as_deref()),
            })
            .collect(),
        services: &report.services,
        tender_language: report.tender_language,
        suggestion_language: report.suggestion_language,
        lang,
        results,
        notices: report
            .notices
            .iter()
            .map(|n| JsonNotice {
                level: n.level,
                message: super::i18n::notice(n, lang),
            })
            .collect(),
        summary: &report.summary,
    }
}

pub(crate) fn render(report: &CheckReport, options: &RenderOptions<'_>) -> Vec<u8> {
    // Straight from the borrowed structs: a `Value` tree first would copy every
    // excerpt and message once more (fields keep their order either way).
    let mut text = serde_json::to_string_pretty(&document(report, options.lang))
        .unwrap_or_else(|_| "null".into());
    text.push('\n');
    text.into_bytes()
}
