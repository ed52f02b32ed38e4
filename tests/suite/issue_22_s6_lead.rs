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

#[test]
fn seeing_in_the_users_work_surface_is_the_integrated_view_however_far_the_verb() {
    crate::support::tender::each_reads(
        "Samhandling",
        &[
            "Sykepleieren skal se epikriser, legemiddellisten og avtaler fra fastlegen i hjemmetjenestens arbeidsflate.",
            "Clinicians shall see results and letters from the hospital directly in their own daily work surface.",
        ],
        "UX-003",
        Status::Met,
    );
}

#[test]
fn planned_visits_are_no_plan_to_deliver() {
    // «planlagte besøk» names what is shown; «er planlagt» still defers.
    crate::support::tender::reads(
        "# Krav\n\n## Samhandling\n\n\
         Løsningen skal vise brukerens planlagte besøk og tjenester fra fastlegen i arbeidsflaten.\n",
        "UX-003",
        Status::Met,
    );
    crate::support::tender::reads(
        "# Krav\n\n## Samhandling\n\n\
         Visning i arbeidsflaten er planlagt og skal komme i en senere versjon.\n",
        "UX-003",
        Status::Weak,
    );
}

#[test]
fn the_subcontractor_terms_attached_as_an_annex_bind_and_an_annex_number_alone_does_not() {
    crate::support::tender::reads(
        "# Konkurransegrunnlag\n\n## 3 Kontraktsvilkår\n\nKontrakten består av SSA-T med bilag:\n\n\
         - Bilag 4: Tjenestenivå\n- Bilag 10: Underleverandører og tredjepartsvilkår\n",
        "CON-009",
        Status::Met,
    );
    crate::support::tender::reads(
        "# Konkurransegrunnlag\n\n## 3 Kontraktsvilkår\n\nKontrakten består av SSA-T med bilag:\n\n\
         - Bilag 4: Tjenestenivå\n- Bilag 10: Databehandleravtale\n",
        "CON-009",
        Status::Missing,
    );
}

#[test]
fn the_buyer_demanding_in_its_own_name_binds_and_its_wish_stays_weak() {
    crate::support::tender::each_reads(
        "Sikkerhet",
        &[
            "Kommunen krever at all lesing i journalen logges.",
            "Oppdragsgjevar krev logg over kven som har lese journalen.",
            "The contracting authority requires that every access to the record is logged.",
        ],
        "SEC-005",
        Status::Met,
    );
    crate::support::tender::reads(
        "# Krav\n\n## Sikkerhet\n\nKommunen ønsker at all lesing i journalen logges.\n",
        "SEC-005",
        Status::Weak,
    );
}

#[test]
fn two_codes_in_one_cell_bind_a_desired_row_is_weak_and_a_roadmap_row_is_deferred() {
    let table = "# Kravspesifikasjon\n\n## Samhandling\n\n| Nr | Krav | Art |\n|---|---|---|\n\
                 | 1 | Løsningen skal slå opp i kjernejournal. | MIN/TK |\n\
                 | 2 | The solution supports e-prescription through SFM. | Desired |\n\
                 | 3 | Integration with the welfare technology hub (VKP). | Roadmap |\n";
    let results = check_md(table);
    for (id, status) in [
        ("INT-001", Status::Met),
        ("INT-004", Status::Weak),
        ("HYG-004", Status::Passed),
    ] {
        let r = rule(&results, id);
        assert_eq!(r.status, status, "{id}: {:?}", excerpts(r));
    }
    let vkp = rule(&results, "INT-012");
    assert_ne!(vkp.status, Status::Met, "{:?}", excerpts(vkp));
}

#[test]
fn a_type_in_brackets_after_a_sentence_types_that_sentence() {
    // Two requirements in one paragraph, each typed after its own sentence.
    let tender = "# Krav\n\n## Sikkerhet\n\n\
                  Løsningen skal gi pasienten innsyn i hvem som har sett journalen (minstekrav).\n\
                  Løsningen skal varsle om uvanlige oppslag i journalen (ønske).\n";
    let results = check_md(tender);
    let access_log = rule(&results, "SEC-006");
    assert_eq!(access_log.status, Status::Met, "{:?}", excerpts(access_log));
    let alerts = rule(&results, "SEC-007");
    assert_eq!(alerts.status, Status::Weak, "{:?}", excerpts(alerts));
}
