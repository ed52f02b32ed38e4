use super::*;
use crate::findings::{RuleInfo, Services, Summary, Tool};
use crate::rules::Localized;

struct Rule {
    id: &'static str,
    category: &'static str,
    severity: Severity,
    status: Status,
    waived: bool,
}

fn rule(id: &'static str, category: &'static str, severity: Severity, status: Status) -> Rule {
    Rule {
        id,
        category,
        severity,
        status,
        waived: false,
    }
}

fn result(r: &Rule) -> RuleResult {
    let ok = matches!(
        r.status,
        Status::Met | Status::Passed | Status::NotApplicable
    );
    RuleResult {
        ruleset: "ks".into(),
        ruleset_version: "1.0.0".into(),
        rule: r.id.into(),
        kind: RuleKind::Require,
        status: r.status,
        ok,
        severity: r.severity,
        strength: None,
        category: r.category.into(),
        evidence: Vec::new(),
        evidence_total: 0,
        waiver: r.waived.then(|| Waiver {
            reason: "regionen dekker det".into(),
            origin: "config".into(),
            expires: None,
            approved_by: None,
            location: None,
        }),
        baseline: None,
        gate: if ok || r.waived {
            Gate::Passes
        } else {
            Gate::Fails
        },
        rule_info: Arc::new(RuleInfo {
            id: r.id.into(),
            title: Localized::default(),
            message: Localized::default(),
            messages: Default::default(),
            severity: r.severity,
            replacement: None,
            rationale: Localized::default(),
            sources: Vec::new(),
            suggestion: None,
            help_uri: None,
            fix_adds_equivalent: false,
        }),
    }
}

fn report(rules: &[Rule]) -> CheckReport {
    let results: Vec<RuleResult> = rules.iter().map(result).collect();
    CheckReport {
        tool: Tool::default(),
        rulesets: Vec::new(),
        files: Vec::new(),
        services: Services::default(),
        tender_language: crate::Lang::Nb,
        suggestion_language: crate::Lang::Nb,
        summary: Summary::of(&results, &[]),
        results,
        notices: Vec::new(),
        sources: Default::default(),
    }
}

fn compare(reports: &[(&'static str, CheckReport)], profile: Option<&Profile>) -> Comparison {
    Comparison::of(reports.iter().map(|(n, r)| (*n, r)), profile)
}

fn row<'a>(c: &'a Comparison, id: &str) -> &'a CompareRow {
    c.rows_of(id).next().expect("the row is there")
}

use Severity::{Error, Info, Warning};
use Status::{Met, Missing, NotApplicable, Weak};

#[test]
fn every_cell_is_the_status_the_tender_got_alone_and_a_rule_it_lacks_is_an_empty_cell() {
    let a = report(&[rule("R1", "c", Error, Met), rule("R2", "c", Error, Weak)]);
    let b = report(&[rule("R1", "c", Error, Missing)]);
    let c = compare(&[("Bergen", a), ("Voss", b)], None);
    let r1 = row(&c, "R1");
    let statuses: Vec<Option<Status>> = r1
        .cells
        .iter()
        .map(|c| c.as_ref().map(|c| c.status))
        .collect();
    assert_eq!(statuses, vec![Some(Met), Some(Missing)]);
    let r2 = row(&c, "R2");
    assert_eq!(r2.cells[0].as_ref().map(|c| c.status), Some(Weak));
    assert!(r2.cells[1].is_none());
    assert_eq!(c.tenders[0].name, "Bergen");
}

#[test]
fn a_rule_some_members_bind_and_others_do_not_is_a_disagreement_counted_by_binding_members() {
    let a = report(&[rule("R1", "c", Error, Met), rule("R2", "c", Error, Met)]);
    let b = report(&[rule("R1", "c", Error, Met), rule("R2", "c", Error, Weak)]);
    let c = report(&[rule("R1", "c", Error, Met), rule("R2", "c", Error, Missing)]);
    let cmp = compare(&[("a", a), ("b", b), ("c", c)], None);
    let r1 = row(&cmp, "R1");
    assert_eq!((r1.binding, r1.applies, r1.disagree), (3, 3, false));
    let r2 = row(&cmp, "R2");
    assert_eq!((r2.binding, r2.applies, r2.disagree), (1, 3, true));
    assert_eq!(r2.majority, Some(Stance::Lacks));
    assert_eq!(
        (r2.counts.met, r2.counts.weak, r2.counts.missing),
        (1, 1, 1)
    );
}

#[test]
fn a_waived_cell_keeps_its_reason_and_counts_as_lacking_the_rule() {
    let mut waived = rule("R1", "c", Error, Missing);
    waived.waived = true;
    let cmp = compare(
        &[
            ("a", report(&[rule("R1", "c", Error, Met)])),
            ("b", report(&[waived])),
        ],
        None,
    );
    let cell = row(&cmp, "R1").cells[1].clone().expect("checked");
    assert_eq!(cell.outcome, Outcome::Waived);
    assert_eq!(
        cell.waiver.map(|w| w.reason).as_deref(),
        Some("regionen dekker det")
    );
    assert!(row(&cmp, "R1").disagree);
}

#[test]
fn not_applicable_takes_no_side() {
    let cmp = compare(
        &[
            ("a", report(&[rule("R1", "c", Error, Met)])),
            ("b", report(&[rule("R1", "c", Error, NotApplicable)])),
        ],
        None,
    );
    let r1 = row(&cmp, "R1");
    assert_eq!((r1.applies, r1.disagree), (1, false));
    assert_eq!(cmp.tenders[1].distance.compared, 0);
}

#[test]
fn rows_go_by_category_then_most_severe_then_disagreement_first() {
    let a = report(&[
        rule("INFO", "first", Info, Met),
        rule("AGREED", "first", Error, Met),
        rule("SPLIT", "first", Error, Met),
        rule("OTHER", "second", Error, Met),
    ]);
    let b = report(&[
        rule("INFO", "first", Info, Met),
        rule("AGREED", "first", Error, Met),
        rule("SPLIT", "first", Warning, Missing),
        rule("OTHER", "second", Error, Met),
    ]);
    let cmp = compare(&[("a", a), ("b", b)], None);
    let order: Vec<&str> = cmp.rules.iter().map(|r| r.rule.as_str()).collect();
    assert_eq!(order, vec!["SPLIT", "AGREED", "INFO", "OTHER"]);
    // The row carries the highest severity any member gives the rule.
    assert_eq!(row(&cmp, "SPLIT").severity, Error);
}

#[test]
fn a_tender_is_as_far_from_the_majority_as_the_rules_it_takes_the_other_side_on() {
    let a = report(&[rule("R1", "c", Error, Met), rule("R2", "c", Error, Met)]);
    let b = report(&[rule("R1", "c", Error, Met), rule("R2", "c", Error, Met)]);
    let odd = report(&[rule("R1", "c", Error, Missing), rule("R2", "c", Error, Met)]);
    let cmp = compare(&[("a", a), ("b", b), ("odd", odd)], None);
    assert_eq!(cmp.tenders[0].distance.from_majority, 0);
    assert_eq!(cmp.tenders[2].distance.from_majority, 1);
    assert_eq!(cmp.tenders[2].distance.compared, 2);
    assert_eq!(cmp.tenders[2].distance.from_profile, None);
}

#[test]
fn the_distance_from_the_profile_counts_its_rules_a_tender_lacks_or_was_not_checked_against() {
    let a = report(&[rule("R1", "c", Error, Met), rule("R2", "c", Error, Met)]);
    let b = report(&[rule("R1", "c", Error, Weak)]);
    let profile = Profile {
        rules: ["R1", "R2"]
            .map(|r| RuleKey {
                ruleset: "ks".into(),
                rule: r.into(),
            })
            .into(),
    };
    let cmp = compare(&[("a", a), ("b", b)], Some(&profile));
    assert_eq!(cmp.tenders[0].distance.from_profile, Some(0));
    assert_eq!(cmp.tenders[1].distance.from_profile, Some(2));
    assert!(row(&cmp, "R1").in_profile);
}

#[test]
fn the_comparison_fails_when_any_tender_fails_its_own_gate() {
    let passing = || report(&[rule("R1", "c", Error, Met)]);
    let cmp = compare(&[("a", passing()), ("b", passing())], None);
    assert!(!cmp.fails_run());
    let cmp = compare(
        &[
            ("a", passing()),
            ("b", report(&[rule("R1", "c", Error, Missing)])),
        ],
        None,
    );
    assert!(cmp.fails_run());
    assert!(cmp.tenders[1].fails_run);
}
