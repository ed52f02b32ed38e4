//! The engine's conclusions on small, real-looking tender excerpts: how modality,
//! negation, background sections, requirement tables, lead-ins and scopes decide
//! whether a topic is met, weak or missing.

use std::path::PathBuf;
use std::sync::Arc;
use tenderlint::document::markdown;
use tenderlint::findings::{Coverage, RuleResult, Status};
use tenderlint::rules::{RuleSet, RuleSetSource, Severity};
use tenderlint::{CheckOptions, check_documents};

const SET: &str = r#"
id: engine-test
version: 1.0.0
title: {nb: Motortest}
non_normative_headings: [bakgrunn, nåsituasjon, ordliste, innleiing]
services:
  - id: legevakt
    name: {nb: Legevakt}
    detect: [legevakt*]
  - id: sykehjem
    name: {nb: Sykehjem}
    detect: [sykehjem*, sjukeheim*]
rules:
  - id: KJ
    title: {nb: Kjernejournal}
    message: {nb: Mangler}
    category: interoperability
    severity: warning
    kind: require
    match:
      one_of:
        - any: [kjernejournal*]
        - any: [{term: KJ, mode: exact, context: [oppslag*, journal*], window: 6}]
    scopes:
      - {services: [legevakt], severity: error, strength: binding}
    rationale: {nb: R}
    sources: [{url: "https://example.org", verified: V}]
  - id: HELSEID
    title: {nb: HelseID}
    message: {nb: Mangler}
    category: architecture
    severity: warning
    kind: require
    strength: binding
    match: {any: [helseid], not: [id-porten]}
    rationale: {nb: R}
    sources: [{url: "https://example.org", verified: V}]
  - id: VKP
    title: {nb: VKP}
    message: {nb: Mangler}
    category: interoperability
    severity: warning
    kind: require
    match: {all: [[velferdsteknologi*], [integr*, knutepunkt*]]}
    scopes:
      - {services: [legevakt], applies: false}
    rationale: {nb: R}
    sources: [{url: "https://example.org", verified: V}]
  - id: BRAND
    title: {nb: Merkenavn}
    message: {nb: Uten eller tilsvarende}
    category: hygiene
    severity: warning
    kind: require-with
    match: {any: [dips, cosdoc]}
    with: {any: [eller tilsvarende]}
    within: 5
    rationale: {nb: R}
    sources: [{url: "https://example.org", verified: V}]
  - id: OLD
    title: {nb: Gammelt navn}
    message: {nb: Utdatert}
    category: hygiene
    severity: info
    kind: prefer
    match: {any: [direktoratet for e-helse]}
    replacement: {nb: Helsedirektoratet}
    rationale: {nb: R}
    sources: [{url: "https://example.org", verified: V}]
  - id: OWN
    title: {nb: Leverandøren eier data}
    message: {nb: Forbudt}
    category: information-sharing
    severity: error
    kind: forbid
    match: {all: [[leverandøren], [eier*]], any: [data*]}
    rationale: {nb: R}
    sources: [{url: "https://example.org", verified: V}]
  - id: UNTYPED
    title: {nb: Kravtype}
    message: {nb: Mangler type}
    category: hygiene
    severity: warning
    kind: check
    check: untyped-requirement
    rationale: {nb: R}
    sources: [{url: "https://example.org", verified: V}]
  - id: MISMATCH
    title: {nb: Kravtype og ordlyd}
    message: {nb: Uenig}
    category: hygiene
    severity: warning
    kind: check
    check: type-modality-mismatch
    rationale: {nb: R}
    sources: [{url: "https://example.org", verified: V}]
"#;

fn set() -> RuleSet {
    RuleSet::load(&RuleSetSource {
        name: "engine-test.yaml".into(),
        text: Arc::from(SET),
    })
    .unwrap()
}

fn check(files: &[&str]) -> Vec<RuleResult> {
    let docs: Vec<_> = files
        .iter()
        .enumerate()
        .map(|(i, t)| markdown::read(PathBuf::from(format!("f{i}.md")), t))
        .collect();
    check_documents(&docs, &[set()], &CheckOptions::default()).results
}

fn result<'a>(results: &'a [RuleResult], rule: &str) -> &'a RuleResult {
    results.iter().find(|r| r.rule == rule).unwrap()
}

fn status(files: &[&str], rule: &str) -> Status {
    result(&check(files), rule).status
}

#[test]
fn a_binding_sentence_meets_the_rule() {
    assert_eq!(
        status(&["Løsningen skal integreres med kjernejournalen."], "KJ"),
        Status::Met
    );
}

#[test]
fn bor_is_weak_and_passes_only_where_the_rule_accepts_weak() {
    let r = check(&["Løsningen bør støtte kjernejournal. Løsningen bør støtte HelseID."]);
    assert_eq!(
        (result(&r, "KJ").status, result(&r, "KJ").ok),
        (Status::Weak, true)
    );
    assert_eq!(
        (result(&r, "HELSEID").status, result(&r, "HELSEID").ok),
        (Status::Weak, false)
    );
}

#[test]
fn a_topic_only_in_the_background_section_is_missing_with_the_mention_as_near_miss() {
    let r = check(&[
        "# 1 Bakgrunn\n\nLegevakten skal fortsatt bruke kjernejournal.\n\n# 2 Krav\n\nLøsningen skal være rask.\n",
    ]);
    let kj = result(&r, "KJ");
    assert_eq!(kj.status, Status::Missing);
    assert_eq!(kj.evidence[0].coverage, Coverage::NonNormative);
    assert_eq!(kj.evidence[0].section, "1 Bakgrunn");
}

#[test]
fn subsections_of_a_background_section_are_background_too() {
    let md = "# Nåsituasjon\n\n## Dagens integrasjoner\n\nLøsningen skal bruke kjernejournal.\n";
    assert_eq!(status(&[md], "KJ"), Status::Missing);
}

#[test]
fn a_heading_that_merely_starts_like_a_background_word_is_normative() {
    let md = "# Bakgrunnsdata i journalen\n\nLøsningen skal vise data fra kjernejournal.\n";
    assert_eq!(status(&[md], "KJ"), Status::Met);
}

#[test]
fn a_negated_statement_covers_nothing() {
    let r = check(&["Det stilles ikke krav til integrasjon med kjernejournal."]);
    assert_eq!(result(&r, "KJ").status, Status::Missing);
    assert_eq!(result(&r, "KJ").evidence[0].coverage, Coverage::Negated);
}

#[test]
fn excluded_terms_disqualify_the_statement() {
    assert_eq!(
        status(
            &["Innbyggere skal logge inn med ID-porten, ikke HelseID."],
            "HELSEID"
        ),
        Status::Missing
    );
}

#[test]
fn a_topic_in_one_file_counts_for_the_whole_tender() {
    let r = check(&[
        "# Konkurransegrunnlag\n\nSe bilag 1.\n",
        "# Bilag 1\n\nLøsningen skal bruke HelseID.\n",
    ]);
    let h = result(&r, "HELSEID");
    assert_eq!(h.status, Status::Met);
    assert_eq!(h.evidence[0].file, "f1.md");
}

#[test]
fn requirement_rows_are_typed_by_their_type_column_and_carry_their_id() {
    let md = "| Krav-ID | Kravtekst | Type |\n|---|---|---|\n| K-3.2 | Oppslag i kjernejournal. | M |\n| K-3.3 | Løsningen skal støtte HelseID. | E |\n";
    let r = check(&[md]);
    assert_eq!(result(&r, "KJ").status, Status::Met);
    assert_eq!(
        result(&r, "KJ").evidence[0].requirement_id.as_deref(),
        Some("K-3.2")
    );
    assert_eq!(result(&r, "HELSEID").status, Status::Weak);
    assert_eq!(result(&r, "MISMATCH").status, Status::Violation);
}

#[test]
fn rows_without_a_type_are_flagged() {
    let md = "| Krav-ID | Kravtekst | Type |\n|---|---|---|\n| K-1 | Løsningen skal støtte HelseID. | |\n";
    assert_eq!(status(&[md], "UNTYPED"), Status::Violation);
    let typed = "| Krav-ID | Kravtekst | Type |\n|---|---|---|\n| K-1 | Løsningen skal støtte HelseID. | M |\n";
    assert_eq!(status(&[typed], "UNTYPED"), Status::Passed);
}

#[test]
fn glossary_rows_are_never_requirements() {
    let md = "| Begrep | Forklaring |\n|---|---|\n| HelseID | Helsepersonell skal logge inn med HelseID. |\n";
    assert_eq!(status(&[md], "HELSEID"), Status::Missing);
}

#[test]
fn list_items_take_the_skal_of_their_lead_in() {
    let md = "Løsningen skal støtte følgende:\n\n- kjernejournal\n- HelseID\n";
    let r = check(&[md]);
    assert_eq!(result(&r, "KJ").status, Status::Met);
    assert_eq!(result(&r, "HELSEID").status, Status::Met);
}

#[test]
fn abbreviations_need_their_context_word() {
    assert_eq!(
        status(&["Løsningen skal støtte oppslag i KJ."], "KJ"),
        Status::Met
    );
    assert_eq!(
        status(&["Løsningen skal støtte KJ-modulen for lønn."], "KJ"),
        Status::Missing
    );
}

#[test]
fn declared_services_make_the_rule_binding_and_an_error() {
    let md = "---\nservices: [legevakt]\n---\n\nLøsningen bør støtte kjernejournal.\n";
    let r = check(&[md]);
    let kj = result(&r, "KJ");
    assert_eq!(
        (kj.status, kj.ok, kj.severity),
        (Status::Weak, false, Severity::Error)
    );
    assert_eq!(result(&r, "VKP").status, Status::NotApplicable);
}

#[test]
fn services_are_detected_from_normative_text_when_none_are_declared() {
    let md =
        "# Omfang\n\nLøsningen skal brukes av legevakten.\n\nLøsningen bør støtte kjernejournal.\n";
    let kj_weak = check(&[md]);
    assert_eq!(result(&kj_weak, "KJ").severity, Severity::Error);
    let background = "# Bakgrunn\n\nLegevakten er interkommunal.\n\n# Krav\n\nLøsningen bør støtte kjernejournal.\n";
    assert_eq!(
        result(&check(&[background]), "KJ").severity,
        Severity::Warning
    );
}

#[test]
fn brand_names_need_eller_tilsvarende_nearby() {
    let bad = check(&["Løsningen skal integreres med DIPS og CosDoc."]);
    let brand = result(&bad, "BRAND");
    assert_eq!(brand.status, Status::Violation);
    assert_eq!(brand.evidence_total, 2);
    assert_eq!(
        status(
            &["Løsningen skal integreres med DIPS eller tilsvarende."],
            "BRAND"
        ),
        Status::Passed
    );
    assert_eq!(
        status(
            &["# Nåsituasjon\n\nDagens system er DIPS, og det skal fases ut.\n"],
            "BRAND"
        ),
        Status::Passed
    );
}

#[test]
fn outdated_names_are_reported_with_the_replacement_in_normative_text_only() {
    assert_eq!(
        status(
            &["Løsningen skal følge krav fra Direktoratet for e-helse."],
            "OLD"
        ),
        Status::Violation
    );
    assert_eq!(
        status(
            &["# Bakgrunn\n\nDirektoratet for e-helse laget strategien.\n"],
            "OLD"
        ),
        Status::Passed
    );
}

#[test]
fn forbidden_clauses_are_violations_at_their_location() {
    let r = check(&["# Kontrakt\n\nLeverandøren eier alle data i løsningen.\n"]);
    let own = result(&r, "OWN");
    assert_eq!(own.status, Status::Violation);
    assert_eq!(own.evidence[0].line, Some(3));
}

#[test]
fn evidence_points_at_the_hit_line_and_column() {
    let r = check(&["# Krav\n\nFørste setning.\nLøsningen skal bruke HelseID.\n"]);
    let e = &result(&r, "HELSEID").evidence[0];
    assert_eq!((e.line, e.column), (Some(4), Some(22)));
    assert_eq!(e.matched.as_deref(), Some("helseid"));
}

#[test]
fn options_and_evaluation_questions_are_weak_even_with_skal() {
    let r = check(&[
        "Opsjon: Leverandøren skal levere integrasjon med kjernejournal. Beskriv hvordan løsningen støtter HelseID.",
    ]);
    assert_eq!(result(&r, "KJ").status, Status::Weak);
    assert_eq!(result(&r, "HELSEID").status, Status::Weak);
}

#[test]
fn list_items_see_the_words_of_their_lead_in() {
    let md = "Løsningen skal støtte følgende velferdsteknologi:\n\n- medisindispensere\n- integrasjon med trygghetsalarmer\n";
    let r = check(&[md]);
    let vkp = result(&r, "VKP");
    assert_eq!(vkp.status, Status::Met);
    // The evidence points at the item, not at the lead-in's words.
    assert_eq!(vkp.evidence[0].line, Some(4));
    assert_eq!(
        status(
            &["Løsningen skal støtte følgende velferdsteknologi:\n\n- medisindispensere\n"],
            "VKP"
        ),
        Status::Missing
    );
}

#[test]
fn mention_strength_counts_stated_procedural_facts() {
    let text = SET.replace(
        "    strength: binding\n    match: {any: [helseid]",
        "    strength: mention\n    match: {any: [helseid]",
    );
    let set = RuleSet::load(&RuleSetSource {
        name: "m.yaml".into(),
        text: Arc::from(text.as_str()),
    })
    .unwrap();
    let doc = markdown::read(PathBuf::from("m.md"), "Pålogging skjer med HelseID.\n");
    let r = check_documents(&[doc], &[set], &CheckOptions::default()).results;
    assert_eq!(result(&r, "HELSEID").status, Status::Met);
    assert_eq!(
        status(&["Pålogging skjer med HelseID."], "HELSEID"),
        Status::Missing
    );
}

#[test]
fn require_with_without_anchor_terms_is_refused_at_load() {
    let bad = SET.replace(
        "match: {any: [dips, cosdoc]}",
        "match: {regex: 'dips|cosdoc'}",
    );
    let err = RuleSet::load(&RuleSetSource {
        name: "b.yaml".into(),
        text: Arc::from(bad.as_str()),
    })
    .unwrap_err();
    assert!(err.to_string().contains("needs `any` terms"), "{err}");
}

#[test]
fn statements_inherit_the_words_of_their_headings_but_need_words_of_their_own() {
    let md = "# 3 Velferdsteknologi\n\n## 3.1 Krav\n\nLøsningen skal ha integrasjon mot trygghetsalarmer. Løsningen skal være rask.\n";
    let r = check(&[md]);
    assert_eq!(result(&r, "VKP").status, Status::Met);
    assert_eq!(result(&r, "VKP").evidence_total, 1);
    // Under a heading that names the topic, a sentence without any term covers nothing.
    assert_eq!(
        status(&["# HelseID\n\nLøsningen skal være rask.\n"], "HELSEID"),
        Status::Missing
    );
}

/// Evidence is counted in full but kept only for the first mentions, in document
/// order, even when the mentions span many of the stretches the engine observes in
/// parallel and two files.
#[test]
fn evidence_is_the_first_mentions_in_order_and_the_total_counts_all() {
    let mut first = String::new();
    for i in 0..1500 {
        first.push_str(&format!("Avsnitt {i} nevner kjernejournal.\n\n"));
    }
    let mut second = String::new();
    for i in 0..700 {
        if i % 10 == 3 {
            second.push_str(&format!("Løsningen skal støtte kjernejournal ({i}).\n\n"));
        } else {
            second.push_str(&format!("Avsnitt {i} handler om noe annet.\n\n"));
        }
    }
    let missing = check(&[&first]);
    let kj = result(&missing, "KJ");
    assert_eq!(kj.status, Status::Missing);
    assert_eq!(kj.evidence_total, 1500);
    let lines: Vec<u32> = kj.evidence.iter().filter_map(|e| e.line).collect();
    assert_eq!(lines, (0..25).map(|i| 1 + 2 * i).collect::<Vec<_>>());

    let met = check(&[&first, &second]);
    let kj = result(&met, "KJ");
    assert_eq!(kj.status, Status::Met);
    assert_eq!(kj.evidence_total, 70);
    assert!(kj.evidence.iter().all(|e| e.file == "f1.md"));
    assert!(kj.evidence.iter().all(|e| e.coverage == Coverage::Binding));
    let lines: Vec<u32> = kj.evidence.iter().filter_map(|e| e.line).collect();
    assert_eq!(
        lines,
        (0..25).map(|i| 1 + 2 * (3 + 10 * i)).collect::<Vec<_>>()
    );
}
