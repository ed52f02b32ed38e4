//! JUnit XML, the lowest common denominator of CI test dashboards: one test
//! suite per rule set and one test case per rule, so a dashboard shows every
//! requirement as passed, failed or skipped (the shape Checkov uses).

use super::common::{self, escape_xml};
use crate::Lang;
use crate::findings::{CheckReport, RuleResult, Status};
use std::fmt::Write as _;

enum Outcome {
    Pass,
    Fail,
    Skip(String),
}

fn outcome(r: &RuleResult, lang: Lang) -> Outcome {
    if let Some(w) = &r.waiver {
        return Outcome::Skip(format!("{}: {}", common::word(lang, "waived"), w.reason));
    }
    if r.status == Status::NotApplicable {
        return Outcome::Skip(common::word(lang, "not-applicable").to_string());
    }
    if r.ok { Outcome::Pass } else { Outcome::Fail }
}

/// The failure text: message, evidence (where the topic was found or objected
/// to) and the requirement text to paste.
fn failure_body(report: &CheckReport, r: &RuleResult, lang: Lang) -> String {
    let mut body = String::new();
    let _ = writeln!(body, "{}", r.rule_info.message.get(lang).trim());
    let _ = writeln!(
        body,
        "{}: {}",
        common::word(lang, "status"),
        common::status_word(r, lang)
    );
    if let Some(c) = &r.baseline {
        let _ = writeln!(body, "baseline: {}", c.state.as_str());
    }
    if r.evidence.is_empty()
        && let Some(main) = common::main_file(report)
    {
        let _ = writeln!(
            body,
            "{}: {main} ({})",
            common::word(lang, "location"),
            common::word(lang, "whole-tender")
        );
    }
    for e in &r.evidence {
        let _ = writeln!(
            body,
            "{}: {} «{}» ({})",
            common::word(lang, "evidence"),
            common::evidence_place(e),
            common::one_line(&e.excerpt),
            e.coverage.as_str()
        );
    }
    if r.evidence_total > r.evidence.len() {
        let _ = writeln!(body, "… +{}", r.evidence_total - r.evidence.len());
    }
    if let Some(s) = common::suggestion(report, r, lang) {
        let _ = writeln!(body, "{}: {s}", common::word(lang, "suggestion"));
    }
    body
}

/// The failure body as CDATA: readers keep it verbatim (some JUnit readers drop
/// text around entity references), and `]]>` is split so it cannot end the
/// section early.
fn cdata(text: &str) -> String {
    let clean = common::strip_xml_illegal(text);
    format!("<![CDATA[{}]]>", clean.replace("]]>", "]]]]><![CDATA[>"))
}

pub fn render(report: &CheckReport, lang: Lang) -> String {
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
            let name = format!("{} {}", r.rule, r.rule_info.title.get(lang).trim());
            let _ = write!(
                cases,
                "    <testcase classname=\"{}\" name=\"{}\" time=\"0\"",
                escape_xml(id),
                escape_xml(&name)
            );
            match outcome(r, lang) {
                Outcome::Pass => cases.push_str("/>\n"),
                Outcome::Skip(message) => {
                    s += 1;
                    let _ = write!(
                        cases,
                        ">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                        escape_xml(&message)
                    );
                }
                Outcome::Fail => {
                    f += 1;
                    let _ = write!(
                        cases,
                        ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>\n",
                        escape_xml(r.rule_info.message.get(lang).trim()),
                        common::severity_str(r.severity),
                        cdata(&failure_body(report, r, lang))
                    );
                }
            }
        }
        tests += results.len();
        failures += f;
        skipped += s;
        let _ = write!(
            suites,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{f}\" errors=\"0\" skipped=\"{s}\" time=\"0\">\n    <properties>\n      <property name=\"version\" value=\"{}\"/>\n    </properties>\n{cases}  </testsuite>\n",
            escape_xml(id),
            results.len(),
            escape_xml(version)
        );
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\" time=\"0\">\n{suites}</testsuites>\n",
        escape_xml(&report.tool.name)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cdata_cannot_be_closed_early() {
        assert_eq!(cdata("a]]>b\u{1}"), "<![CDATA[a]]]]><![CDATA[>b]]>");
    }
}
