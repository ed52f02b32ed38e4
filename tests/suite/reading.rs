//! Issue 15, points 1 and 4: the reading behaviours a rule set opts into with
//! `reading:`. Each fixture tender is checked with the same rules twice: with the
//! behaviours off (`fixtures/rulesets/reading/off.yaml`), where the old reading gives a
//! false «met», and on (`on.yaml`), where it does not.

use crate::support::tender::result;
use std::path::PathBuf;
use tenderlint::findings::{CheckReport, Coverage, Status};
use tenderlint::{CheckOptions, check_paths};

fn check(tender: &str, set: &str) -> CheckReport {
    let set = tenderlint::rules::resolve(&format!("fixtures/rulesets/reading/{set}.yaml"))
        .unwrap_or_else(|e| panic!("{:?}", e.problems));
    let report = check_paths(
        &[PathBuf::from(format!("fixtures/tenders/{tender}"))],
        &[set],
        &CheckOptions::default(),
    );
    assert_eq!(report.summary.unreadable_files, 0);
    report
}

fn status(report: &CheckReport, rule: &str) -> Status {
    result(report, rule).status
}

fn coverages(report: &CheckReport, rule: &str) -> Vec<Coverage> {
    result(report, rule)
        .evidence
        .iter()
        .map(|e| e.coverage)
        .collect()
}

#[test]
fn an_abbreviation_the_tender_defines_otherwise_no_longer_counts() {
    let off = check("reading-definitions", "off");
    let on = check("reading-definitions", "on");
    // «AR» is Avdeling for rehabilitering in the glossary of the other file.
    assert_eq!(status(&off, "R-AR"), Status::Met);
    assert_eq!(status(&on, "R-AR"), Status::Missing);
    let evidence = &result(&on, "R-AR").evidence;
    assert_eq!(evidence.len(), 1);
    assert_eq!(evidence[0].coverage, Coverage::Redefined);
    let definition = evidence[0].definition.as_ref().expect("the definition");
    assert_eq!(definition.abbreviation, "AR");
    assert_eq!(definition.expansion, "Avdeling for rehabilitering");
    assert!(
        definition.file.ends_with("a-konkurransegrunnlag.md"),
        "{definition:?}"
    );
    // «SSO» is defined at first use, «Sentralt sykehjemskontor (SSO)»; that sentence
    // is the definition, not evidence.
    assert_eq!(status(&off, "R-SSO"), Status::Met);
    assert_eq!(status(&on, "R-SSO"), Status::Missing);
    assert_eq!(coverages(&on, "R-SSO"), [Coverage::Redefined]);
    assert_eq!(
        result(&on, "R-SSO").evidence[0]
            .definition
            .as_ref()
            .map(|d| d.expansion.as_str()),
        Some("Sentralt sykehjemskontor")
    );
    // «KJ | Kjernejournal, …» agrees with the rule: the term keeps counting.
    assert_eq!(status(&off, "R-KJ"), Status::Met);
    assert_eq!(status(&on, "R-KJ"), Status::Met);
}

#[test]
fn an_english_glossary_redefines_and_a_parenthesised_expansion_agrees() {
    let off = check("reading-definitions-en", "off");
    let on = check("reading-definitions-en", "on");
    assert_eq!(status(&off, "R-SSO"), Status::Met);
    assert_eq!(status(&on, "R-SSO"), Status::Missing);
    assert_eq!(coverages(&on, "R-SSO"), [Coverage::Redefined]);
    // «VKP (velferdsteknologisk knutepunkt)» is the rule's own meaning.
    assert_eq!(status(&on, "R-VKP"), Status::Met);
}

#[test]
fn the_redefinition_shows_in_the_human_report() {
    let on = check("reading-definitions", "on");
    let text = String::from_utf8_lossy(&tenderlint::report::render(
        &on,
        tenderlint::report::Format::Human,
        &tenderlint::report::RenderOptions {
            lang: tenderlint::Lang::Nb,
            color: false,
            width: 200,
            // The full report: the short one lists warnings one line each.
            verbose: true,
            ..Default::default()
        },
    ))
    .to_string();
    assert!(
        text.contains("AR er i dette dokumentet definert som «Avdeling for rehabilitering»"),
        "{text}"
    );
}

#[test]
fn conditional_requirements_are_weak_in_every_language() {
    for tender in [
        "reading-conditions",
        "reading-conditions-nn",
        "reading-conditions-en",
    ] {
        let off = check(tender, "off");
        let on = check(tender, "on");
        // «Dersom kommunen blir med …, skal …», «Ved bruk av …», «Viss kommunen tek i
        // bruk …», "If the municipality joins …", "Where applicable, …".
        for rule in ["R-HELSENORGE", "R-VKP"] {
            assert_eq!(status(&off, rule), Status::Met, "{tender} {rule} off");
            assert_eq!(status(&on, rule), Status::Weak, "{tender} {rule} on");
            assert_eq!(
                coverages(&on, rule),
                [Coverage::Conditional],
                "{tender} {rule}"
            );
        }
        // «Leverandøren skal, dersom kommunen ber om det, …» binds (the buyer need only
        // ask); «Ved levering skal …» names a time.
        for rule in ["R-KJ", "R-AR"] {
            assert_eq!(status(&on, rule), Status::Met, "{tender} {rule} on");
        }
    }
    // A condition on the state of the system is behaviour the solution must have.
    assert_eq!(
        status(&check("reading-conditions", "on"), "R-SSO"),
        Status::Met
    );
}

#[test]
fn award_criteria_are_evaluation_not_descriptions() {
    let off = check("reading-award", "off");
    let on = check("reading-award", "on");
    // «Kvalitet | 40 % | Integrasjon med kjernejournal …»: evaluated, so weak.
    for rule in ["R-KJ", "R-DEMO"] {
        assert_eq!(status(&off, rule), Status::Missing, "{rule} off");
        assert_eq!(status(&on, rule), Status::Weak, "{rule} on");
        assert_eq!(coverages(&on, rule), [Coverage::Evaluated], "{rule}");
    }
    // «Kvalitet 40 %: …» weighs a criterion outside the award section too.
    assert_eq!(status(&off, "R-VKP"), Status::Missing);
    assert_eq!(status(&on, "R-VKP"), Status::Weak);
    assert_eq!(coverages(&on, "R-VKP"), [Coverage::Evaluated]);
    // The award criteria themselves are stated: a `mention` rule is met.
    assert_eq!(status(&off, "R-AWARD"), Status::Met);
    assert_eq!(status(&on, "R-AWARD"), Status::Met);
    // A «skal» in the award section binds the tenderer and stays binding; the
    // requirements outside it are untouched.
    assert_eq!(status(&on, "R-SSO"), Status::Met);
    assert_eq!(status(&on, "R-HELSENORGE"), Status::Met);
}

/// The shipped sets do not read any of this until a version opts in: the same
/// fixture gives the same statuses with the off set as with no `reading:` at all.
#[test]
fn without_the_key_every_behaviour_is_off() {
    let set = tenderlint::rules::resolve("fixtures/rulesets/reading/off.yaml")
        .unwrap_or_else(|e| panic!("{:?}", e.problems));
    assert_eq!(set.reading, Default::default());
    for (id, version) in tenderlint::rules::embedded::available() {
        let set = tenderlint::rules::resolve(&format!("{id}@{version}"))
            .unwrap_or_else(|e| panic!("{:?}", e.problems));
        if version == semver::Version::new(1, 0, 0) {
            assert_eq!(set.reading, Default::default(), "{id}@{version}");
        }
    }
}
