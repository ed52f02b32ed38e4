//! Issue 22, found when the held-out `fixtures/fresh-6` was scored after the sixth reading
//! pass: a table of questions whose type column is titled by its own codes («Krav/Ønske»)
//! and holds a code for information rows («Info»). Proven with tenders of our own wording.

use crate::support::tender::{check_md, excerpts, rule};
use tenderlint::findings::Status;

/// A table of questions to the vendor, its type column titled `type_title`, with one
/// demanded question, one wished and one asked for information only.
fn question_table(type_title: &str, demanded: &str, wished: &str, info: &str) -> String {
    format!(
        "# Kravspesifikasjon\n\n## Samhandling\n\n\
         | Nr | Spørsmål | {type_title} | Svar |\n|---|---|---|---|\n\
         | S-1 | Kan løsningen slå opp i kjernejournal fra pasientens journal? | {demanded} | |\n\
         | S-2 | Støtter løsningen e-resept gjennom SFM? | {wished} | |\n\
         | S-3 | Hvor mange kommuner bruker løsningen i dag? | {info} | |\n"
    )
}

#[test]
fn a_type_column_titled_by_its_codes_types_its_rows() {
    for (title, demanded, wished, info) in [
        ("Krav/Ønske", "Krav", "Ønske", "Info"),
        ("Krav/Ønske/Info", "Krav", "Ønske", "Informasjon"),
        ("Skal/Bør", "Skal", "Bør", "Til orientering"),
        ("Must/Should/Could", "Must", "Should", "Info"),
    ] {
        let results = check_md(&question_table(title, demanded, wished, info));
        let kj = rule(&results, "INT-001");
        assert_eq!(kj.status, Status::Met, "{title}: {:?}", excerpts(kj));
        let resept = rule(&results, "INT-004");
        assert_eq!(
            resept.status,
            Status::Weak,
            "{title}: {:?}",
            excerpts(resept)
        );
        // Every row has a type, the information row too.
        let untyped = rule(&results, "HYG-004");
        assert_eq!(
            untyped.status,
            Status::Passed,
            "{title}: {:?}",
            excerpts(untyped)
        );
    }
}

#[test]
fn a_title_of_words_that_are_no_type_codes_names_no_type_column() {
    // «Krav/Dokumentasjon» and «Krav/Beskrivelse» name other columns: their cells are content.
    for title in ["Krav/Dokumentasjon", "Krav/Beskrivelse"] {
        let table = format!(
            "# Kravspesifikasjon\n\n## Samhandling\n\n\
             | Nr | Tema | {title} |\n|---|---|---|\n\
             | S-1 | Kjernejournal | Løsningen bør kunne slå opp i kjernejournal. |\n"
        );
        let results = check_md(&table);
        let kj = rule(&results, "INT-001");
        assert_eq!(kj.status, Status::Weak, "{title}: {:?}", excerpts(kj));
    }
}

#[test]
fn a_question_typed_as_a_demand_does_not_contradict_its_type() {
    // «Kan løsningen …?» asks; its type demands it. Only a wish in the words contradicts.
    let asked = "# Krav\n\n## Samhandling\n\n| Id | Krav | Type |\n|---|---|---|\n\
                 | K-1 | Kan løsningen motta epikriser fra sykehuset? | M |\n\
                 | K-2 | API-et skal være dokumentert, slik at kommunen kan bruke det selv. | M |\n";
    let results = check_md(asked);
    let mismatch = rule(&results, "HYG-005");
    assert_eq!(mismatch.status, Status::Passed, "{:?}", excerpts(mismatch));
    let wished = "# Krav\n\n## Samhandling\n\n| Id | Krav | Type |\n|---|---|---|\n\
                  | K-1 | Løsningen bør kunne motta epikriser fra sykehuset. | M |\n";
    let results = check_md(wished);
    let mismatch = rule(&results, "HYG-005");
    assert_eq!(
        mismatch.status,
        Status::Violation,
        "{:?}",
        excerpts(mismatch)
    );
}

#[test]
fn a_moscow_column_types_its_rows_and_wont_requires_nothing() {
    let table = "# Requirements\n\n## Solution\n\n\
                 | Ref | Requirement | MoSCoW priority |\n|---|---|---|\n\
                 | R-1 | Conversion of all records from the current record system. | Must have |\n\
                 | R-2 | Integration with the welfare technology hub (VKP). | Won't have |\n\
                 | R-3 | Offline use of the mobile client. | Should have |\n";
    let results = check_md(table);
    let migration = rule(&results, "ARC-005");
    assert_eq!(migration.status, Status::Met, "{:?}", excerpts(migration));
    let vkp = rule(&results, "INT-012");
    assert_ne!(vkp.status, Status::Met, "{:?}", excerpts(vkp));
    assert_ne!(vkp.status, Status::Weak, "{:?}", excerpts(vkp));
    let untyped = rule(&results, "HYG-004");
    assert_eq!(untyped.status, Status::Passed, "{:?}", excerpts(untyped));
}

#[test]
fn annexes_listed_under_the_kind_of_contract_in_the_introduction_bind() {
    for (intro, kind, lead_in, dpa) in [
        (
            "Introduction",
            "Type of contract",
            "The agreement is the SSA-L with the following annexes:",
            "Annex 8 Data processing agreement",
        ),
        (
            "Innledning",
            "Type avtale",
            "Avtalen er SSA-L med disse bilagene:",
            "Bilag 8 Databehandleravtale",
        ),
    ] {
        let tender = format!(
            "# Konkurransegrunnlag\n\n## 1 {intro}\n\n### 1.1 Om kommunen\n\n\
             Kommunen har 9 000 innbyggere.\n\n### 1.2 {kind}\n\n{lead_in}\n\n\
             - {dpa}\n"
        );
        let results = check_md(&tender);
        let agreement = rule(&results, "SEC-002");
        assert_eq!(
            agreement.status,
            Status::Met,
            "{kind}: {:?}",
            excerpts(agreement)
        );
    }
}
