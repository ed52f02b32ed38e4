//! JUnit XML, the lowest common denominator of CI test dashboards: one test
//! suite per rule set and one test case per rule, so a dashboard shows every
//! requirement as passed, failed or skipped (the shape Checkov uses).
//!
//! A failure is what the gate says fails the run ([`Gate::Fails`]), so JUnit and
//! the exit status agree: a failing rule below `--fail-on`, or one that is no
//! worse than in the baseline, passes with the finding in `<system-out>` (the
//! convention for a passing test with a message). Files that could not be
//! read are failures of their own, in a `files` suite.
//!
//! Written by hand, not with quick-junit: its serializer orders attributes
//! differently (`tests skipped failures errors`), indents by four, writes times
//! as `0.000` and escapes text instead of using CDATA, so every JUnit report
//! would change for the CI dashboards that read it. Escaping is quick-xml's.

use super::{RenderOptions, common, i18n::label};
use crate::Lang;
use crate::findings::{CheckReport, Gate, RuleResult, Status};
use std::fmt::Write as _;

enum Outcome {
    Pass,
    /// Failing, but not failing the run (below `--fail-on`, or no worse than in
    /// the baseline): passed, with the finding and the reason as output.
    PassWithMessage(&'static str),
    Fail,
    Skip(String),
}

fn outcome(r: &RuleResult, lang: Lang) -> Outcome {
    if let Some(w) = &r.waiver {
        return Outcome::Skip(format!("{}: {}", label(lang, "waived"), w.reason));
    }
    if r.status == Status::NotApplicable {
        return Outcome::Skip(label(lang, "not-applicable").to_string());
    }
    match r.gate {
        Gate::Fails => Outcome::Fail,
        Gate::BelowFailOn => Outcome::PassWithMessage("below-fail-on"),
        Gate::InBaseline => Outcome::PassWithMessage("gate-in-baseline"),
        Gate::Passes | Gate::Waived => Outcome::Pass,
    }
}

/// The failure text: message, evidence (where the topic was found or objected
/// to) and the requirement text to paste.
fn failure_body(report: &CheckReport, r: &RuleResult, lang: Lang) -> String {
    let mut body = String::new();
    let _ = writeln!(body, "{}", r.rule_info.message.get(lang).trim());
    let _ = writeln!(
        body,
        "{}: {}",
        label(lang, "status"),
        common::status_word(r, lang)
    );
    if let Some(c) = &r.baseline {
        let _ = writeln!(
            body,
            "{}: {}",
            label(lang, "baseline-label"),
            super::baseline::word(lang, c.state)
        );
    }
    if r.evidence.is_empty()
        && let Some(main) = common::main_file(report)
    {
        let _ = writeln!(
            body,
            "{}: {main} ({})",
            label(lang, "location"),
            label(lang, "whole-tender")
        );
    }
    for e in &r.evidence {
        let _ = writeln!(
            body,
            "{}: {} «{}» ({})",
            label(lang, "evidence"),
            common::evidence_place(e, lang),
            common::one_line(&e.excerpt),
            common::evidence_word(lang, e)
        );
    }
    if r.evidence_total > r.evidence.len() {
        let _ = writeln!(body, "… +{}", r.evidence_total - r.evidence.len());
    }
    if let Some(s) = common::suggestion(report, r) {
        let _ = writeln!(body, "{}: {s}", label(lang, "suggestion"));
    }
    body
}

/// Text for an attribute value: without what XML cannot hold, escaped by
/// quick-xml (which writes `'` as `&apos;`, where this writer once wrote `&#39;`,
/// and keeps a `\r` as `&#13;`).
fn escape_xml(text: &str) -> String {
    quick_xml::escape::escape(common::strip_xml_illegal(text)).into_owned()
}

/// The failure body as CDATA: readers keep it verbatim (some JUnit readers drop
/// text around entity references), and `]]>` is split so it cannot end the
/// section early.
fn cdata(text: &str) -> String {
    let clean = common::strip_xml_illegal(text);
    format!("<![CDATA[{}]]>", clean.replace("]]>", "]]]]><![CDATA[>"))
}

pub(crate) fn render(report: &CheckReport, options: &RenderOptions<'_>) -> Vec<u8> {
    let lang = options.lang;
    let mut suites = String::new();
    let (mut tests, mut failures, mut skipped) = (0usize, 0usize, 0usize);
    let mut ids: Vec<(&str, &str)> = report
        .rulesets
        .iter()
        .map(|s| (s.id.as_str(), s.version.as_str()))
        .collect();
    // Results of a rule set that the report does not list still get a suite.
    for r in &report.results {
        if !ids.iter().any(|(id, _)| *id == r.ruleset) {
            ids.push((&r.ruleset, &r.ruleset_version));
        }
    }
    for (id, version) in ids {
        let results: Vec<&RuleResult> = report.results.iter().filter(|r| r.ruleset == id).collect();
        let mut cases = String::new();
        let (mut f, mut s) = (0usize, 0usize);
        for r in &results {
            match testcase(&mut cases, report, r, id, lang) {
                Outcome::Fail => f += 1,
                Outcome::Skip(_) => s += 1,
                Outcome::Pass | Outcome::PassWithMessage(_) => {}
            }
        }
        tests += results.len();
        failures += f;
        skipped += s;
        let _ = write!(
            suites,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{f}\" errors=\"0\" skipped=\"{s}\" time=\"0\">\n    <properties>\n      <property name=\"version\" value=\"{}\"/>\n      <property name=\"services\" value=\"{}\"/>\n    </properties>\n{cases}  </testsuite>\n",
            escape_xml(id),
            results.len(),
            escape_xml(version),
            escape_xml(&common::services_statement(report, lang))
        );
    }
    // Unreadable files: the check of them failed, whatever `--fail-on` says.
    let unreadable: Vec<_> = report.files.iter().filter(|f| f.error.is_some()).collect();
    if !unreadable.is_empty() {
        let mut cases = String::new();
        for f in &unreadable {
            let path = common::display_path(&f.path);
            let error = &super::i18n::unreadable_with_cause(f, lang);
            let _ = write!(
                cases,
                "    <testcase classname=\"files\" name=\"{}\" file=\"{}\" time=\"0\">\n      <failure message=\"{}\" type=\"unreadable\">{}</failure>\n    </testcase>\n",
                escape_xml(&path),
                escape_xml(&path),
                escape_xml(error),
                cdata(&format!("{path}: {error}"))
            );
        }
        let n = unreadable.len();
        tests += n;
        failures += n;
        let _ = write!(
            suites,
            "  <testsuite name=\"files\" tests=\"{n}\" failures=\"{n}\" errors=\"0\" skipped=\"0\" time=\"0\">\n{cases}  </testsuite>\n"
        );
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\" time=\"0\">\n{suites}</testsuites>\n",
        escape_xml(&report.tool.name)
    )
    .into_bytes()
}

/// Writes the test case of one result; says which outcome it was.
fn testcase(
    cases: &mut String,
    report: &CheckReport,
    r: &RuleResult,
    suite: &str,
    lang: Lang,
) -> Outcome {
    let name = format!("{} {}", r.rule, r.rule_info.title.get(lang).trim());
    let _ = write!(
        cases,
        "    <testcase classname=\"{}\" name=\"{}\" time=\"0\"",
        escape_xml(suite),
        escape_xml(&name)
    );
    let outcome = outcome(r, lang);
    match &outcome {
        Outcome::Pass => cases.push_str("/>\n"),
        Outcome::PassWithMessage(why) => {
            let _ = write!(
                cases,
                ">\n      <system-out>{}</system-out>\n    </testcase>\n",
                cdata(&format!(
                    "{} ({})\n{}",
                    label(lang, common::severity_str(r.severity)),
                    label(lang, why),
                    failure_body(report, r, lang)
                ))
            );
        }
        Outcome::Skip(message) => {
            let _ = write!(
                cases,
                ">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                escape_xml(message)
            );
        }
        Outcome::Fail => {
            let _ = write!(
                cases,
                ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>\n",
                escape_xml(r.rule_info.message.get(lang).trim()),
                common::severity_str(r.severity),
                cdata(&failure_body(report, r, lang))
            );
        }
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cdata_cannot_be_closed_early() {
        assert_eq!(cdata("a]]>b\u{1}"), "<![CDATA[a]]]]><![CDATA[>b]]>");
    }
}
