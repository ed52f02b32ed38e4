//! SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
//!
//! GitHub rejects a whole upload when one result has no location, so a missing
//! requirement points at the tender's main file, line 1 (as cargo-deny and Vale
//! do). Word files have no lines: their results point at line 1 and carry the
//! paragraph/table location in the message and in `properties`. Fingerprints
//! come from the logical identity of a finding, never from line numbers, so an
//! edit above a finding does not open a new alert.

use super::common::{self, Issue};
use super::{RenderOptions, i18n};
use crate::Lang;
use crate::findings::{CheckReport, RuleResult, Status};
use crate::rules::Severity;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// The SARIF 2.1.0 schema a report names.
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key of our fingerprint in `partialFingerprints`; versioned so that a
/// change of the identity can be told apart from a new finding.
pub const FINGERPRINT_KEY: &str = "tenderlint/logicalIdentity/v1";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Whether a string is an absolute http(s) URI that SARIF consumers accept.
pub fn is_absolute_uri(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() > "https://".len()
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"')
}

/// A relative URI reference for a path: forward slashes, every byte outside the
/// unreserved set percent-encoded (spaces and «ø» in Norwegian file names);
/// absolute paths become `file:` URIs.
pub fn path_uri(path: &str) -> String {
    /// RFC 3986's unreserved characters and the path separator stay as they are.
    const ENCODED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~')
        .remove(b'/');
    let p = common::display_path(path);
    let encode = |s: &str| percent_encoding::utf8_percent_encode(s, ENCODED).to_string();
    if p.starts_with('/') {
        return format!("file://{}", encode(&p));
    }
    // A Windows path (`C:/x`): the drive letter keeps its colon. A `:` is ASCII,
    // so the byte before it is one character.
    if p.as_bytes().get(1) == Some(&b':') {
        return format!("file:///{}:{}", encode(&p[..1]), encode(&p[2..]));
    }
    encode(&p)
}

/// A rule id unique in the run: the bare id unless two rule sets share it.
fn rule_ids(report: &CheckReport) -> BTreeMap<(String, String), String> {
    let mut count: BTreeMap<&str, BTreeMap<&str, ()>> = BTreeMap::new();
    for r in &report.results {
        count
            .entry(r.rule.as_str())
            .or_default()
            .insert(r.ruleset.as_str(), ());
    }
    report
        .results
        .iter()
        .map(|r| {
            let shared = count.get(r.rule.as_str()).is_some_and(|s| s.len() > 1);
            let id = if shared {
                format!("{}/{}", r.ruleset, r.rule)
            } else {
                r.rule.clone()
            };
            ((r.ruleset.clone(), r.rule.clone()), id)
        })
        .collect()
}

/// `Integration with Kjernejournal` → `IntegrationWithKjernejournal`: SARIF wants a
/// name without spaces that a person can read.
fn pascal_name(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|f| f.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// Rule texts in `help.markdown`: viewers render Markdown with HTML, and a
/// suggestion such as «<uttrekk>» must show as written.
fn md_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn help_uri(r: &RuleResult) -> Option<String> {
    let info = &r.rule_info;
    info.help_uri
        .iter()
        .map(String::as_str)
        .chain(info.sources.iter().map(|s| s.url.as_str()))
        .find(|u| is_absolute_uri(u))
        .map(|u| u.trim().to_string())
}

fn rule_descriptor(report: &CheckReport, r: &RuleResult, id: &str, lang: Lang) -> Value {
    let info = &r.rule_info;
    let suggestion = common::suggestion(report, r);
    let sources: Vec<&str> = info.sources.iter().map(|s| s.url.as_str()).collect();
    let mut text = String::new();
    let mut markdown = String::new();
    if let Some(s) = suggestion {
        text.push_str(&format!("{}: {s}\n", i18n::label(lang, "suggestion")));
        markdown.push_str(&format!(
            "**{}**\n\n> {}\n",
            i18n::label(lang, "suggestion"),
            md_escape(&s).replace('\n', "\n> ")
        ));
    }
    let rationale = info.rationale.get(lang).trim();
    if !rationale.is_empty() {
        if !markdown.is_empty() {
            markdown.push('\n');
        }
        markdown.push_str(&md_escape(rationale));
        markdown.push('\n');
    }
    if !sources.is_empty() {
        text.push_str(&format!(
            "{}: {}\n",
            i18n::label(lang, "sources"),
            sources.join(" ")
        ));
        markdown.push_str(&format!("\n**{}**\n\n", i18n::label(lang, "sources")));
        for s in &sources {
            if is_absolute_uri(s) {
                markdown.push_str(&format!("- <{}>\n", s.trim()));
            } else {
                markdown.push_str(&format!("- {}\n", md_escape(s)));
            }
        }
    }
    if text.is_empty() {
        text = info.message.get(lang).trim().to_string();
        markdown = md_escape(&text);
    }
    let mut d = Map::new();
    d.insert("id".into(), json!(id));
    d.insert("name".into(), json!(pascal_name(info.title.get(Lang::En))));
    d.insert(
        "shortDescription".into(),
        json!({ "text": info.title.get(lang).trim() }),
    );
    let full = if rationale.is_empty() {
        info.message.get(lang).trim()
    } else {
        rationale
    };
    d.insert("fullDescription".into(), json!({ "text": full }));
    d.insert(
        "help".into(),
        json!({ "text": text.trim_end(), "markdown": markdown.trim_end() }),
    );
    if let Some(uri) = help_uri(r) {
        d.insert("helpUri".into(), json!(uri));
    }
    d.insert(
        "defaultConfiguration".into(),
        json!({ "level": level(info.severity) }),
    );
    d.insert(
        "properties".into(),
        json!({
            "category": r.category,
            "tags": [r.category, r.ruleset, kind_str(r)],
            "ruleset": r.ruleset,
            "rulesetVersion": r.ruleset_version,
            "kind": kind_str(r),
        }),
    );
    Value::Object(d)
}

fn kind_str(r: &RuleResult) -> String {
    serde_json::to_value(r.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn result(
    report: &CheckReport,
    issue: &Issue<'_>,
    rule_id: &str,
    rule_index: usize,
    fingerprint: &str,
    lang: Lang,
) -> Value {
    let r = issue.result;
    let mut region = Map::new();
    region.insert("startLine".into(), json!(issue.line));
    if issue.has_line {
        region.insert("startColumn".into(), json!(issue.column));
    }
    if let Some(e) = issue.evidence {
        let excerpt = e.excerpt.trim();
        if !excerpt.is_empty() && issue.has_line {
            region.insert("snippet".into(), json!({ "text": excerpt }));
        }
    }
    let mut location = Map::new();
    location.insert(
        "physicalLocation".into(),
        json!({
            "artifactLocation": { "uri": path_uri(&issue.file) },
            "region": Value::Object(region),
        }),
    );
    if let Some(e) = issue.evidence
        && !e.section.is_empty()
    {
        location.insert(
            "logicalLocations".into(),
            json!([{ "fullyQualifiedName": e.section, "kind": "section" }]),
        );
    }
    let mut props = Map::new();
    props.insert("status".into(), json!(r.status.as_str()));
    props.insert("outcome".into(), json!(r.outcome().as_str()));
    props.insert("ruleset".into(), json!(r.ruleset));
    props.insert("rulesetVersion".into(), json!(r.ruleset_version));
    props.insert("category".into(), json!(r.category));
    if let Some(loc) = issue.docx_location(lang) {
        props.insert("docxLocation".into(), json!(loc));
    }
    if issue.evidence.is_none() {
        // Said plainly so that nobody looks for the problem on line 1.
        props.insert("scope".into(), json!("tender"));
    }
    if let Some(e) = issue.evidence {
        if let Some(id) = &e.requirement_id {
            props.insert("requirementId".into(), json!(id));
        }
        if !e.section.is_empty() {
            props.insert("section".into(), json!(e.section));
        }
        props.insert("coverage".into(), json!(e.coverage.as_str()));
    }
    if let Some(s) = common::issue_suggestion(report, issue) {
        props.insert("suggestion".into(), json!(s));
    }
    let mut res = Map::new();
    res.insert("ruleId".into(), json!(rule_id));
    res.insert("ruleIndex".into(), json!(rule_index));
    res.insert("level".into(), json!(level(r.severity)));
    res.insert(
        "message".into(),
        json!({ "text": common::message(issue, lang) }),
    );
    res.insert("locations".into(), json!([Value::Object(location)]));
    res.insert(
        "partialFingerprints".into(),
        json!({ FINGERPRINT_KEY: fingerprint }),
    );
    if let Some(w) = &r.waiver {
        let kind = if w.origin == "inline" {
            "inSource"
        } else {
            "external"
        };
        let mut justification = w.reason.clone();
        if let Some(by) = &w.approved_by {
            justification.push_str(&format!(" (approved by {by})"));
        }
        if let Some(exp) = &w.expires {
            justification.push_str(&format!(" (expires {exp})"));
        }
        res.insert(
            "suppressions".into(),
            json!([{ "kind": kind, "status": "accepted", "justification": justification }]),
        );
    }
    if let Some(state) = baseline_state(issue) {
        res.insert("baselineState".into(), json!(state));
    }
    res.insert("properties".into(), Value::Object(props));
    Value::Object(res)
}

/// SARIF's `baselineState` of an issue against `--baseline`: `new` when the
/// baseline did not have it, `unchanged` when it had it with the same status
/// (the same matched text, for a violation), `updated` when the status changed.
fn baseline_state(issue: &Issue<'_>) -> Option<&'static str> {
    let r = issue.result;
    let comparison = r.baseline.as_ref()?;
    let Some(previous) = comparison.previous.as_ref().filter(|p| p.issue) else {
        return Some("new");
    };
    if r.status == Status::Violation {
        let same = issue.evidence.is_some_and(|e| {
            previous
                .violations
                .contains(&crate::policy::baseline::violation_identity(
                    e.matched.as_deref(),
                    &e.excerpt,
                ))
        });
        return Some(if same { "unchanged" } else { "new" });
    }
    Some(if previous.status == r.status {
        "unchanged"
    } else {
        "updated"
    })
}

/// A result the baseline had as an issue and this run does not: SARIF's
/// `absent`, so a viewer can show what the change fixed.
fn absent_result(
    report: &CheckReport,
    r: &RuleResult,
    rule_id: &str,
    rule_index: usize,
    lang: Lang,
) -> Value {
    let file = common::main_file(report).unwrap_or_else(|| ".".into());
    json!({
        "ruleId": rule_id,
        "ruleIndex": rule_index,
        "kind": "pass",
        "level": "none",
        "baselineState": "absent",
        "message": { "text": format!("{} ({})", r.rule_info.title.get(lang).trim(), r.status.as_str()) },
        "locations": [{ "physicalLocation": {
            "artifactLocation": { "uri": path_uri(&file) },
            "region": { "startLine": 1 },
        } }],
        "partialFingerprints": { FINGERPRINT_KEY: common::hash(&[&r.ruleset, &r.rule, "absent"]) },
        "properties": { "status": r.status.as_str(), "ruleset": r.ruleset, "category": r.category, "scope": "tender" },
    })
}

/// The SARIF log as a JSON value.
pub fn to_value(report: &CheckReport, lang: Lang) -> Value {
    let ids = rule_ids(report);
    let mut rules: Vec<Value> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for r in &report.results {
        let id = ids
            .get(&(r.ruleset.clone(), r.rule.clone()))
            .cloned()
            .unwrap_or_else(|| r.rule.clone());
        if index.contains_key(&id) {
            continue;
        }
        index.insert(id.clone(), rules.len());
        rules.push(rule_descriptor(report, r, &id, lang));
    }
    let issues = common::all_issues(report);
    let fingerprints = common::unique_fingerprints(&issues);
    let mut results: Vec<Value> = issues
        .iter()
        .zip(&fingerprints)
        .map(|(issue, fp)| {
            let r = issue.result;
            let id = ids
                .get(&(r.ruleset.clone(), r.rule.clone()))
                .cloned()
                .unwrap_or_else(|| r.rule.clone());
            let i = index.get(&id).copied().unwrap_or(0);
            result(report, issue, &id, i, fp, lang)
        })
        .collect();
    for r in &report.results {
        let was_issue = r
            .baseline
            .as_ref()
            .and_then(|c| c.previous.as_ref())
            .is_some_and(|p| p.issue);
        if was_issue && !common::is_issue(r) {
            let id = ids
                .get(&(r.ruleset.clone(), r.rule.clone()))
                .cloned()
                .unwrap_or_else(|| r.rule.clone());
            let i = index.get(&id).copied().unwrap_or(0);
            results.push(absent_result(report, r, &id, i, lang));
        }
    }

    let mut notifications: Vec<Value> = report
        .notices
        .iter()
        .map(|n| json!({ "level": level(n.level), "message": { "text": i18n::notice(n, lang) } }))
        .collect();
    for f in report.files.iter().filter(|f| f.error.is_some()) {
        notifications.push(json!({
            "level": "error",
            "message": { "text": format!("{}: {}", f.path, i18n::unreadable_with_cause(f, lang)) },
            "locations": [{ "physicalLocation": { "artifactLocation": { "uri": path_uri(&f.path) } } }],
        }));
    }
    let mut invocation = Map::new();
    invocation.insert(
        "executionSuccessful".into(),
        json!(report.summary.unreadable_files == 0),
    );
    if !notifications.is_empty() {
        invocation.insert("toolExecutionNotifications".into(), json!(notifications));
    }

    let driver = json!({
        "name": report.tool.name,
        "version": report.tool.version,
        "semanticVersion": report.tool.version,
        "rules": rules,
    });
    let rulesets: Vec<Value> = report
        .rulesets
        .iter()
        .map(|s| json!({ "id": s.id, "version": s.version, "sha256": s.sha256 }))
        .collect();
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "invocations": [Value::Object(invocation)],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {
                "rulesets": rulesets,
                "tenderLanguage": report.tender_language.as_str(),
                "services": report.services.effective,
                "serviceOrigins": report.services.origins,
                "servicesStatement": common::services_statement(report, lang),
                "summary": report.summary,
                "summaryText": common::summary_line(report, lang),
            },
        }],
    })
}

pub(crate) fn render(report: &CheckReport, options: &RenderOptions<'_>) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(&to_value(report, options.lang))
        .unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(path_uri("anbud/bilag 1.md"), "anbud/bilag%201.md");
        assert_eq!(
            path_uri("./tjenester/løsning.docx"),
            "tjenester/l%C3%B8sning.docx"
        );
        assert_eq!(path_uri("a\\b.md"), "a/b.md");
        assert_eq!(path_uri("/tmp/x.md"), "file:///tmp/x.md");
        assert_eq!(path_uri("C:\\x\\y.md"), "file:///C:/x/y.md");
    }

    #[test]
    fn help_uris_must_be_absolute() {
        assert!(is_absolute_uri("https://www.ks.no/a"));
        assert!(!is_absolute_uri("www.ks.no"));
        assert!(!is_absolute_uri("https://a b"));
    }

    #[test]
    fn names_have_no_spaces() {
        assert_eq!(pascal_name("Log-in with HelseID"), "LogInWithHelseID");
    }
}
