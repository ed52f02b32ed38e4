//! The waivers applied to what the engine says of a small demo tender.

use super::*;
use crate::rules::{RuleSet, Severity};
use std::path::PathBuf;

fn demo() -> RuleSet {
    let path = format!(
        "{}/../../fixtures/rulesets/demo/1.0.0.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    crate::rules::load_file(&path)
}

fn waiver(rule: &str, expires: Option<&str>) -> ConfigWaiver {
    ConfigWaiver {
        rule: rule.into(),
        reason: "besluttet".into(),
        expires: expires.and_then(crate::date::parse),
        approved_by: Some("Kari".into()),
        file: "tenderlint.yaml".into(),
        line: 3,
        column: 5,
        byte_offset: None,
    }
}

/// The demo set's results for a Markdown tender, waived as of 2026-11-25.
fn run(markdown: &str, config: Vec<ConfigWaiver>) -> Vec<RuleResult> {
    let doc = crate::document::markdown::read(PathBuf::from("anbud.md"), markdown);
    let set = demo();
    let docs = [doc];
    let mut results: Vec<RuleResult> =
        crate::engine::evaluate(&docs, std::slice::from_ref(&set), &Default::default())
            .into_iter()
            .flat_map(|(results, _)| results)
            .collect();
    let known = set.rules.iter().map(|r| r.id.clone()).collect();
    let today = crate::date::parse("2026-11-25").expect("a date");
    apply(&mut results, &docs, &config, &known, today);
    results
}

fn result<'a>(results: &'a [RuleResult], rule: &str) -> Option<&'a RuleResult> {
    results.iter().find(|r| r.rule == rule)
}

const COMPLETE: &str = "# Krav\n\nLøsningen skal bruke HelseID.\n\nLøsningen skal integreres med kjernejournal og logge tilgang.\n";

#[test]
fn a_config_waiver_waives_the_rule_with_its_reason() {
    let report = run(
        "# Krav\n\nLøsningen skal bruke HelseID.\n",
        vec![waiver("DEMO-002", Some("2027-06-30"))],
    );
    let r = result(&report, "DEMO-002").unwrap();
    let w = r.waiver.as_ref().expect("waived");
    assert_eq!(w.origin, "config");
    assert_eq!(w.reason, "besluttet");
    assert_eq!(w.expires.as_deref(), Some("2027-06-30"));
    assert!(!r.fails());
    assert_eq!(report.iter().filter(|r| r.waiver.is_some()).count(), 1);
    assert!(result(&report, UNUSED).is_none());
}

#[test]
fn an_expired_waiver_does_not_waive_and_is_reported() {
    let report = run(
        COMPLETE.replace("HelseID", "passord").as_str(),
        vec![waiver("DEMO-001", Some("2026-11-24"))],
    );
    assert!(result(&report, "DEMO-001").unwrap().fails());
    let expired = result(&report, EXPIRED).expect("expired reported");
    assert!(expired.evidence[0].excerpt.contains("2026-11-24"));
    assert_eq!(expired.evidence[0].file, "tenderlint.yaml");
    // The last day still counts.
    let report = run(
        COMPLETE.replace("HelseID", "passord").as_str(),
        vec![waiver("DEMO-001", Some("2026-11-25"))],
    );
    assert!(result(&report, "DEMO-001").unwrap().waiver.is_some());
}

#[test]
fn unknown_and_unused_waivers_are_reported() {
    let report = run(
        COMPLETE,
        vec![waiver("DEMO-777", None), waiver("DEMO-001", None)],
    );
    assert_eq!(result(&report, UNKNOWN_RULE).unwrap().evidence.len(), 1);
    let unused = result(&report, UNUSED).unwrap();
    assert!(unused.evidence[0].excerpt.starts_with("DEMO-001"));
    assert_eq!(unused.severity, Severity::Warning);
    assert!(unused.fails());
}

#[test]
fn an_inline_waiver_covers_the_next_block_only() {
    let md = format!(
        "{COMPLETE}\n<!-- tenderlint-disable DEMO-003: nødrutine -->\nVed nedetid skal papirjournal brukes.\n\nLøsningen skal også skrive ut papirjournal.\n"
    );
    let report = run(&md, vec![]);
    let r = result(&report, "DEMO-003").unwrap();
    assert!(r.waiver.is_none());
    assert!(r.fails());
    assert_eq!(r.evidence.len(), 1, "{:?}", r.evidence);
    assert_eq!(r.evidence_total, 1);
    assert!(r.evidence[0].excerpt.contains("skrive ut"));
    assert!(result(&report, UNUSED).is_none());
}

#[test]
fn an_inline_waiver_under_a_heading_covers_the_section() {
    let md = format!(
        "{COMPLETE}\n## Nødrutiner\n<!-- tenderlint-disable DEMO-003: nødrutine -->\n\nVed nedetid skal papirjournal brukes.\n\n### Utskrift\n\nLøsningen skal skrive ut papirjournal.\n"
    );
    let report = run(&md, vec![]);
    let r = result(&report, "DEMO-003").unwrap();
    let w = r.waiver.as_ref().expect("waived");
    assert_eq!(w.origin, "inline");
    assert_eq!(w.reason, "nødrutine");
    assert_eq!(r.evidence.len(), 2);
}

#[test]
fn an_inline_waiver_anywhere_waives_a_missing_requirement() {
    let md = "# Krav\n\nLøsningen skal bruke HelseID og logge.\n\n<!-- tenderlint-disable DEMO-002: kjernejournal er avklart i bilag 3 -->\n";
    let report = run(md, vec![]);
    let r = result(&report, "DEMO-002").unwrap();
    assert_eq!(
        r.waiver.as_ref().map(|w| w.reason.as_str()),
        Some("kjernejournal er avklart i bilag 3")
    );
    assert!(
        report.iter().all(|r| !r.fails()),
        "{:?}",
        report
            .iter()
            .filter(|r| r.fails())
            .map(|r| &r.rule)
            .collect::<Vec<_>>()
    );
}

#[test]
fn an_inline_waiver_without_reason_is_not_applied() {
    let md = "# Krav\n\nLøsningen skal bruke HelseID og logge.\n\n<!-- tenderlint-disable DEMO-002 -->\n";
    let report = run(md, vec![]);
    assert!(result(&report, "DEMO-002").unwrap().fails());
    let r = result(&report, NO_REASON).unwrap();
    assert_eq!(r.severity, Severity::Error);
    assert_eq!(r.evidence[0].line, Some(5));
}

#[test]
fn an_unused_inline_waiver_is_reported_where_it_is() {
    let md = format!("{COMPLETE}\n<!-- tenderlint-disable DEMO-001: gammel -->\nMer tekst.\n");
    let report = run(&md, vec![]);
    let r = result(&report, UNUSED).unwrap();
    assert_eq!(r.evidence[0].file, "anbud.md");
    assert_eq!(r.evidence[0].line, Some(7));
}

#[test]
fn an_inline_waiver_holds_until_its_date() {
    let md = "# Krav\n\nLøsningen skal bruke HelseID og logge.\n\n<!-- tenderlint-disable DEMO-002 until 2026-11-25: avklares i bilag 3 -->\n";
    let report = run(md, vec![]);
    let w = result(&report, "DEMO-002")
        .unwrap()
        .waiver
        .clone()
        .expect("waived");
    assert_eq!(w.reason, "avklares i bilag 3");
    assert_eq!(w.expires.as_deref(), Some("2026-11-25"));
    assert!(result(&report, EXPIRED).is_none());
}

#[test]
fn an_expired_inline_waiver_is_not_applied_and_says_so() {
    let md = "# Krav\n\nLøsningen skal bruke HelseID og logge.\n\n<!-- tenderlint-disable DEMO-002 until 2026-11-24: avklares i bilag 3 -->\n";
    let report = run(md, vec![]);
    assert!(result(&report, "DEMO-002").unwrap().fails());
    let r = result(&report, EXPIRED).expect("an expiry finding");
    assert_eq!(r.evidence[0].line, Some(5));
    assert!(r.evidence[0].excerpt.contains("expired 2026-11-24"));
    assert!(result(&report, UNUSED).is_none());
}

#[test]
fn an_inline_waiver_with_a_bad_date_is_not_applied() {
    for bad in ["until 2026-13-01", "until", "until 2026-11-24 DEMO-001"] {
        let md = format!(
            "# Krav\n\nLøsningen skal bruke HelseID og logge.\n\n<!-- tenderlint-disable DEMO-002 {bad}: grunn -->\n"
        );
        let report = run(&md, vec![]);
        assert!(result(&report, "DEMO-002").unwrap().fails(), "{bad}");
        let r = result(&report, BAD_DATE).expect("a bad-date finding");
        assert_eq!(r.severity, Severity::Error);
    }
}
