//! Every rule's own examples, for every rule set shipped in the binary and every
//! fixture rule set: a rule whose examples fail is a broken rule.

use tenderlint::rules::{RuleSet, embedded};
use tenderlint::selftest as examples;

fn assert_examples(set: &RuleSet) -> usize {
    let outcomes = examples::run(set, None);
    let failures: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.ok)
        .map(|o| {
            format!(
                "{} {} {:?} #{}: got {}\n{}",
                o.ruleset,
                o.rule,
                o.expectation,
                o.index,
                o.status.as_str(),
                o.snippet
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} examples fail:\n{}",
        failures.len(),
        outcomes.len(),
        failures.join("\n")
    );
    outcomes.len()
}

#[test]
fn every_embedded_rule_set_loads_and_its_examples_hold() {
    let available = embedded::available();
    assert!(!available.is_empty(), "no embedded rule sets");
    for (id, version) in available {
        let source = embedded::source(id, Some(&version)).expect("listed set has a source");
        let set = RuleSet::load(&source).unwrap_or_else(|e| panic!("{e}"));
        let count = assert_examples(&set);
        assert!(count > 0, "{id}@{version} has no examples");
    }
}

#[test]
fn fixture_rule_set_examples_hold() {
    let source =
        tenderlint::rules::read_source(std::path::Path::new("fixtures/rulesets/cli-test.yaml"))
            .unwrap();
    let set = RuleSet::load(&source).unwrap();
    assert!(assert_examples(&set) >= 4);
}

#[test]
fn every_embedded_rule_has_sources_and_a_suggestion_or_replacement() {
    for set in embedded::load_defaults().unwrap() {
        for rule in &set.rules {
            assert!(!rule.sources.is_empty(), "{} has no sources", rule.id);
            let needs_text = matches!(rule.kind, tenderlint::rules::RuleKind::Require);
            assert!(
                !needs_text || rule.suggestion.is_some(),
                "{} has no suggested requirement text",
                rule.id
            );
        }
    }
}
