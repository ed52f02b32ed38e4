//! GitLab Code Quality: a JSON array of issues, shown in merge requests.
//!
//! Severity: GitLab has five levels and rule sets three. `error` means a tender
//! should not go out as it is → `critical`; `warning` → `major`; `info` →
//! `info`. `blocker` is left unused: nothing a text check finds is certain
//! enough to block on its own. Only failing, non-waived results are issues
//! (GitLab has no notion of a suppressed issue). Fingerprints are unique per
//! issue: GitLab shows only the first of equal fingerprints.

use super::{RenderOptions, common};
use crate::Lang;
use crate::findings::CheckReport;
use crate::rules::Severity;
use serde_json::{Value, json};

/// GitLab's severity for a rule's.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "critical",
        Severity::Warning => "major",
        Severity::Info => "info",
    }
}

/// The Code Quality report as JSON.
pub fn to_value(report: &CheckReport, lang: Lang) -> Value {
    let issues: Vec<_> = common::all_issues(report)
        .into_iter()
        .filter(|i| i.result.waiver.is_none())
        .collect();
    let fingerprints = common::unique_fingerprints(&issues);
    let items: Vec<Value> = issues
        .iter()
        .zip(fingerprints)
        .map(|(issue, fingerprint)| {
            let r = issue.result;
            json!({
                "description": format!("[{}] {}", r.rule, common::message(issue, lang)),
                "check_name": format!("{}/{}", r.ruleset, r.rule),
                "fingerprint": fingerprint,
                "severity": severity(r.severity),
                "categories": [r.category],
                "location": {
                    "path": issue.file,
                    "lines": { "begin": issue.line },
                },
            })
        })
        .collect();
    let mut items = items;
    // A file that could not be read is a problem of its own: the tender was not
    // checked whole.
    for f in report.files.iter().filter(|f| f.error.is_some()) {
        let path = common::display_path(&f.path);
        let error = super::i18n::unreadable_with_cause(f, lang);
        items.push(json!({
            "description": format!("{path}: {error}"),
            "check_name": "tenderlint/unreadable-file",
            "fingerprint": common::hash(&["tenderlint", "unreadable", &path]),
            "severity": "critical",
            "categories": ["Bug Risk"],
            "location": { "path": path, "lines": { "begin": 1 } },
        }));
    }
    // Code Quality holds issues only: no services in scope is said as one.
    if report.services.effective.is_empty() {
        let file = common::main_file(report).unwrap_or_else(|| ".".into());
        items.push(json!({
            "description": common::services_statement(report, lang),
            "check_name": "tenderlint/services",
            "fingerprint": common::hash(&["tenderlint", "services", &file]),
            "severity": "info",
            "categories": ["Scope"],
            "location": { "path": file, "lines": { "begin": 1 } },
        }));
    }
    Value::Array(items)
}

pub(crate) fn render(report: &CheckReport, options: &RenderOptions<'_>) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(&to_value(report, options.lang))
        .unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text.into_bytes()
}
