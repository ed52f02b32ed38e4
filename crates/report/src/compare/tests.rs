use super::*;
use crate::RenderOptions;
use crate::findings::{
    CheckReport, Gate, RuleInfo, RuleResult, Services, Status, Summary, Tool, Waiver,
};
use crate::rules::{Localized, RuleKind, Severity};
use std::sync::Arc;

fn result(rule: &str, status: Status, waiver: Option<&str>) -> RuleResult {
    let ok = matches!(status, Status::Met | Status::Passed);
    RuleResult {
        ruleset: "ks".into(),
        ruleset_version: "1.0.0".into(),
        rule: rule.into(),
        kind: RuleKind::Require,
        status,
        ok,
        severity: Severity::Error,
        strength: None,
        category: "security".into(),
        evidence: Vec::new(),
        evidence_total: 0,
        waiver: waiver.map(|reason| Waiver {
            reason: reason.into(),
            origin: "config".into(),
            expires: None,
            approved_by: None,
            location: None,
        }),
        baseline: None,
        gate: if ok { Gate::Passes } else { Gate::Fails },
        rule_info: Arc::new(RuleInfo {
            id: rule.into(),
            title: Localized {
                nb: format!("Tittel på {rule}"),
                nn: None,
                en: None,
            },
            message: Localized::default(),
            messages: Default::default(),
            severity: Severity::Error,
            replacement: None,
            rationale: Localized::default(),
            sources: Vec::new(),
            suggestion: None,
            help_uri: None,
            fix_adds_equivalent: false,
        }),
    }
}

fn report(results: Vec<RuleResult>) -> CheckReport {
    CheckReport {
        tool: Tool::default(),
        rulesets: Vec::new(),
        files: Vec::new(),
        services: Services::default(),
        tender_language: Lang::Nb,
        suggestion_language: Lang::Nb,
        summary: Summary::of(&results, &[]),
        results,
        notices: Vec::new(),
        sources: Default::default(),
    }
}

/// `n` tenders with long names; every other one lacks SEC-001.
fn comparison(n: usize) -> Comparison {
    let reports: Vec<(String, CheckReport)> = (0..n)
        .map(|i| {
            let status = if i % 2 == 0 {
                Status::Met
            } else {
                Status::Missing
            };
            let waiver = (i == 1).then_some("Regionen stiller kravet for alle");
            (
                format!("kommune-med-langt-navn-{i}"),
                report(vec![
                    result("SEC-001", status, waiver),
                    result("SEC-002", Status::Met, None),
                ]),
            )
        })
        .collect();
    Comparison::of(reports.iter().map(|(n, r)| (n.as_str(), r)), None)
}

fn text(c: &Comparison, format: CompareFormat, lang: Lang, width: usize) -> String {
    let options = RenderOptions {
        lang,
        width,
        ..RenderOptions::default()
    };
    String::from_utf8(render(c, format, &options, false).expect("renders")).expect("UTF-8")
}

#[test]
fn ten_tenders_fit_in_120_columns_with_every_cell_worded() {
    let out = text(&comparison(10), CompareFormat::Human, Lang::Nb, 120);
    for line in out.lines() {
        assert!(line.chars().count() <= 120, "{} wide: {line}", line.len());
    }
    let row = out
        .lines()
        .find(|l| l.contains("SEC-001"))
        .expect("a row for SEC-001");
    assert!(row.starts_with("≠ "), "{row}");
    assert_eq!(row.matches("oppfylt").count(), 5, "{row}");
    assert_eq!(row.matches("mangler").count(), 4, "{row}");
    assert_eq!(row.matches("unntatt").count(), 1, "{row}");
    assert!(row.trim_end().ends_with("5/10"), "{row}");
    assert!(out.contains("Regionen stiller kravet for alle"));
}

#[test]
fn more_tenders_than_the_terminal_holds_point_to_xlsx_and_html() {
    let out = text(&comparison(14), CompareFormat::Human, Lang::En, 120);
    assert!(
        out.contains("14 tenders do not fit in 120 columns"),
        "{out}"
    );
    assert!(out.contains("--format xlsx or html"), "{out}");
    assert!(!out.contains("SEC-001"));
}

#[test]
fn markdown_words_cells_in_nynorsk_and_marks_disagreement() {
    let out = text(&comparison(2), CompareFormat::Markdown, Lang::Nn, 100);
    assert!(out.starts_with("<!-- "), "carries the report marker");
    assert!(
        out.contains("| ≠ SEC-001 | Tittel på SEC-001 | oppfylt | unnateke | 1/2 |"),
        "{out}"
    );
    assert!(out.contains("Bindande"), "{out}");
}

#[test]
fn json_keeps_every_cell_in_the_tenders_order() {
    let out = text(&comparison(3), CompareFormat::Json, Lang::Nb, 100);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let row = &v["rules"][0];
    assert_eq!(row["rule"], "SEC-001");
    let outcomes: Vec<&str> = row["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .map(|c| c["outcome"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(outcomes, ["met", "waived", "met"]);
    assert_eq!(row["disagree"], true);
    assert_eq!(v["tenders"][1]["distance"]["from_majority"], 1);
}

#[test]
fn explaining_in_markdown_gives_each_tenders_outcome_and_the_waivers_reason() {
    let options = RenderOptions {
        lang: Lang::En,
        ..RenderOptions::default()
    };
    let c = comparison(2);
    let out =
        String::from_utf8(render(&c, CompareFormat::Markdown, &options, true).expect("renders"))
            .expect("UTF-8");
    assert!(out.contains("### SEC-001 — Tittel på SEC-001"), "{out}");
    assert!(out.contains("- **kommune-med-langt-navn-0**: met"), "{out}");
    assert!(
        out.contains(
            "- **kommune-med-langt-navn-1**: waived — Reason: Regionen stiller kravet for alle"
        ),
        "{out}"
    );
    let without =
        String::from_utf8(render(&c, CompareFormat::Markdown, &options, false).expect("renders"))
            .expect("UTF-8");
    assert!(
        !without.contains("### SEC-001"),
        "the matrix alone without --explain"
    );
}
