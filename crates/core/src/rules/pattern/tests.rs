//! Compiled patterns as a loaded set has them: triggers, regex prefilters, shared
//! keys and regexes, and the per-statement hit index.

use super::*;
use crate::rules::{RuleSet, RuleSetSource};

fn load(rules: &str) -> RuleSet {
    let text = format!("id: t\nversion: 1.0.0\ntitle: {{nb: T}}\nrules:\n{rules}");
    RuleSet::load(&RuleSetSource {
        name: "t.yaml".into(),
        text: Arc::from(text.as_str()),
    })
    .unwrap_or_else(|e| panic!("{:?}", e.problems))
}

fn rule(id: &str, pattern: &str) -> String {
    format!(
        "  - id: {id}\n    title: {{nb: T}}\n    message: {{nb: M}}\n    category: c\n    severity: warning\n    kind: require\n    match: {pattern}\n    rationale: {{nb: R}}\n    sources: [{{url: \"https://example.org\", verified: V}}]\n"
    )
}

#[test]
fn a_regex_alone_is_triggered_by_its_literal_prefixes() {
    let set = load(&rule(
        "R",
        r#"{regex: "(oppfylt|innfridd) (innen|by) \\d+"}"#,
    ));
    let r = &set.rules[0];
    assert!(
        !r.always,
        "a regex with literal prefixes needs no full scan"
    );
    assert!(!r.triggers.is_empty());
    let text = "Kravene skal være oppfylt innen 12.03.2027.";
    let n = crate::text::normalize(text);
    let hits = set.matcher.find(&n, text);
    assert!(
        hits.iter().any(|h| r.triggers.contains(&h.term)),
        "{hits:?}"
    );
    let pattern = r.pattern.as_ref().unwrap();
    assert!(pattern.eval(&StatementHits::new(&hits), &n.text).is_some());
}

/// The term index finds the hit a scan of the statement's hits finds: lowest
/// rank, and the first of equals (hits at one place, own before inherited),
/// whether the rule's list or the statement's terms are the longer.
#[test]
fn statement_hits_pick_what_a_scan_picks() {
    let hits: Vec<Hit> = (0..40usize)
        .map(|i| Hit {
            term: (i * 7) % 9,
            start: (i * 5) % 7,
            end: (i * 5) % 7 + 3,
            word: 0,
            inherited: i % 2 == 0,
        })
        .collect();
    let index = StatementHits::new(&hits);
    // The same statement indexed by term id, after another statement's terms
    // were: what that one left behind must not count.
    let mut slots = TermSlots::default();
    let earlier: Vec<Hit> = (0..30).map(|t| Hit { term: t, ..hits[0] }).collect();
    drop(StatementHits::of_statement_in(&earlier, 0, &mut slots));
    let slotted = StatementHits::of_statement_in(&hits, 0, &mut slots);
    for terms in [
        vec![],
        vec![0],
        vec![3, 5],
        vec![1, 2, 4, 8],
        vec![9, 10],
        (0..9).collect(),
        // Lists longer than the statement's nine terms are looked up the other way.
        (0..20).collect(),
        vec![2, 9, 11, 12, 13, 14, 15, 16, 17, 18],
        (10..30).collect(),
    ] {
        let scanned = hits
            .iter()
            .filter(|h| terms.binary_search(&h.term).is_ok())
            .min_by_key(|h| h.rank())
            .copied();
        let any = hits.iter().any(|h| terms.binary_search(&h.term).is_ok());
        for index in [&index, &slotted] {
            assert_eq!(index.first_of(&terms), scanned, "{terms:?}");
            assert_eq!(index.has_any(&terms), any, "{terms:?}");
        }
    }
}

#[test]
fn literals_of_a_regex_opening_with_a_word_boundary_must_start_a_word() {
    let set = load(&rule("R", r#"{regex: "\\b(plo|epikrise)[a-z]* \\d"}"#));
    let r = &set.rules[0];
    let text = "Deploy 2. PLO 3.";
    let n = crate::text::normalize(text);
    let hits = set.matcher.find(&n, text);
    let triggered: Vec<&str> = hits
        .iter()
        .filter(|h| r.triggers.contains(&h.term))
        .map(|h| &n.text[h.start..h.end])
        .collect();
    assert_eq!(triggered, ["plo"], "«plo» inside «deploy» is no trigger");
    // Without the boundary the literal may sit anywhere.
    let set = load(&rule("R", r#"{regex: "(plo|epikrise)[a-z]* \\d"}"#));
    let n = crate::text::normalize(text);
    let hits = set.matcher.find(&n, text);
    assert_eq!(
        hits.iter()
            .filter(|h| set.rules[0].triggers.contains(&h.term))
            .count(),
        2
    );
}

#[test]
fn a_regex_without_literal_prefixes_runs_everywhere() {
    let set = load(&rule("R", r#"{regex: "\\d{2} ?%"}"#));
    assert!(set.rules[0].always);
}

#[test]
fn equal_patterns_share_a_key_and_a_regex() {
    let set = load(&format!(
        "{}{}{}",
        rule("A", r#"{any: [kjernejournal], regex: "\\w+"}"#),
        rule("B", r#"{any: [kjernejournal], regex: "\\w+"}"#),
        rule("C", r#"{any: [e-resept]}"#),
    ));
    assert_eq!(set.rules[0].pattern_key, set.rules[1].pattern_key);
    assert_ne!(set.rules[0].pattern_key, set.rules[2].pattern_key);
    assert_eq!(set.distinct_patterns, 2);
    let regex = |i: usize| {
        set.rules[i]
            .pattern
            .as_ref()
            .unwrap()
            .regex
            .clone()
            .unwrap()
    };
    assert!(Arc::ptr_eq(&regex(0), &regex(1)));
}

/// Neither branch of the regex as a whole starts with a literal: its rule stays
/// looked at on every statement (which decides, for the whole set, that statements
/// with only inherited words are read), but the regex compiles only for text holding
/// one of the words each branch names.
#[test]
fn a_regex_with_words_in_each_branch_compiles_only_where_one_occurs() {
    let set = load(&rule(
        "R",
        r#"{regex: "(tilgjengelig\\w*|available)\\D{0,30}\\d{2} ?%|\\d{2} ?%\\D{0,20}(tilgjengelig|available)"}"#,
    ));
    let r = &set.rules[0];
    assert!(
        r.always,
        "no literal prefix: looked at everywhere, as before"
    );
    let pattern = r.pattern.as_ref().unwrap();
    let regex = pattern.regex.as_ref().unwrap();
    let eval = |text: &str| {
        let n = crate::text::normalize(text);
        let hits = set.matcher.find(&n, text);
        pattern.eval(&StatementHits::new(&hits), &n.text).is_some()
    };
    assert!(!eval("Tildeling skjer på grunnlag av pris (30 %)."));
    assert!(
        regex.compiled.get().is_none(),
        "compiled for text without the words"
    );
    assert!(eval(
        "Løsningen skal være tilgjengelig minst 99 % av tiden."
    ));
    assert!(eval("Oppetiden skal være 99 % og tjenesten available."));
}

/// A regex whose every match holds «%» is not compiled for text without one.
#[test]
fn a_regex_is_compiled_only_for_text_holding_a_literal_of_every_match() {
    let regex = LazyRegex::new(r"\d{2} ?%", Needles::of(r"\d{2} ?%").as_ref());
    assert!(!regex.is_match("the price is 30 kroner"));
    assert!(
        regex.compiled.get().is_none(),
        "compiled for text it cannot match"
    );
    assert!(regex.is_match("the price weighs 30 %"));
    assert!(regex.compiled.get().is_some());
    // No literal is in every match of `\d`: it compiles for any text.
    let digits = LazyRegex::new(r"\d", Needles::of(r"\d").as_ref());
    assert!(!digits.is_match("no digits"));
    assert!(digits.compiled.get().is_some());
}
