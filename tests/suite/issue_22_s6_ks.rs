//! Issue 22, sixth reading pass, the KS set: causes of false «met» found on the development
//! corpora (fresh-2 … fresh-5), each proven with one-file tenders of its own, worded unlike
//! those corpora. Every test goes through `check_paths`, as a user's check does.

use crate::support::tender::{each_reads, reads};
use tenderlint::findings::Status;

// ---------------------------------------------------------------------------
// INF-010: «sanntid» counts where health information goes to another party
// ---------------------------------------------------------------------------

#[test]
fn real_time_about_capacity_work_lists_or_dashboards_is_not_sharing_health_information() {
    each_reads(
        "Drift og oversikt",
        &[
            "Tildelingstjenesten skal se ledige korttidsplasser i sykehjemmene i sanntid.",
            "Løysinga skal vise ledige sjukeheimsplassar i sanntid for koordinerande eining.",
            "Turlistene til hjemmesykepleierne skal oppdateres i sanntid i appen.",
            "The queue board in the waiting area shall show each patient's status in real time.",
        ],
        "INF-010",
        Status::Missing,
    );
}

#[test]
fn real_time_sharing_with_another_party_or_of_health_information_is_met() {
    each_reads(
        "Samhandling",
        &[
            "Registrerte observasjoner skal gjøres tilgjengelig for fastlegen i sanntid.",
            "Helseopplysningar skal delast i sanntid med dei andre kommunane i samarbeidet.",
            "Vital signs recorded by home care shall be visible to the GP in real time.",
        ],
        "INF-010",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// INT-017: IPLOS reported to the register is reporting (INT-022), not the code system
// ---------------------------------------------------------------------------

#[test]
fn iplos_data_reported_to_the_register_is_not_the_code_system_requirement() {
    each_reads(
        "Rapportering",
        &[
            "Systemet skal sende IPLOS-opplysninger til KPR etter gjeldende rutine.",
            "Leverandøren skal sørge for innrapportering av IPLOS fra alle tjenester.",
            "The solution shall report IPLOS data to the national register every night.",
        ],
        "INT-017",
        Status::Missing,
    );
    // IPLOS as what is recorded is the code system.
    each_reads(
        "Dokumentasjon",
        &["Funksjonsvurderingen skal registreres etter IPLOS-variablene."],
        "INT-017",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// INT-002: publishing as a document source is INT-003, not consuming
// ---------------------------------------------------------------------------

#[test]
fn publishing_to_document_sharing_does_not_cover_consuming_from_it() {
    each_reads(
        "Dokumentdeling",
        &[
            "Epikriser fra sykehjemmet skal publiseres i Pasientens journaldokumenter.",
            "The system shall act as a document source for national document sharing (XDS).",
        ],
        "INT-002",
        Status::Missing,
    );
    // Consuming, even in the same sentence as publishing, still counts.
    each_reads(
        "Dokumentdeling",
        &[
            "Journalen skal publisere egne notater og hente dokumenter fra andre gjennom Pasientens journaldokumenter.",
        ],
        "INT-002",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// INT-016 and ARK-001: Felles journalløft named as the trials the vendor joins
// ---------------------------------------------------------------------------

#[test]
fn taking_part_in_felles_journalloft_trials_is_neither_a_sharing_service_nor_its_architecture() {
    for rule in ["INT-016", "ARK-001"] {
        each_reads(
            "Samarbeid med kunden",
            &[
                "Leverandøren skal stille med ressurser til utprøvinger i Felles journalløft.",
                "Leverandøren skal delta aktivt i pilotar under felles journalløft.",
            ],
            rule,
            Status::Missing,
        );
    }
    // The programme's direction demanded of the solution still counts.
    each_reads(
        "Arkitektur",
        &["Løsningen skal understøtte målbildet i Felles journalløft."],
        "ARK-001",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// Qualification requirements bind, in a table or a list, however they are titled
// ---------------------------------------------------------------------------

#[test]
fn a_qualification_requirement_binds_in_a_table_or_a_list_under_its_heading() {
    let tenders = [
        // A table whose only text column names the qualification requirements.
        "# Konkurransegrunnlag\n\n## 5 Krav til leverandøren\n\n\
         | Kvalifikasjonskrav | Dokumentasjonskrav |\n|---|---|\n\
         | Godkjent ledelsessystem for informasjonssikkerhet (ISO/IEC 27001 eller tilsvarende) | Gyldig sertifikat |\n",
        // The directive's English name for them over a criterion table.
        "# Tender\n\n## 3 Selection criteria\n\n\
         | Area | Requirement | Proof |\n|---|---|---|\n\
         | Security | An ISMS certified to ISO/IEC 27001 or equivalent | Certificate |\n",
        // A list of labels under «Kvalifikasjonskriterier».
        "# Konkurransegrunnlag\n\n## 6 Kvalifikasjonskriterier\n\n\
         - Økonomi: positiv egenkapital siste to år.\n\
         - Informasjonssikkerhet: sertifisert etter ISO/IEC 27001 eller tilsvarande.\n",
    ];
    for md in tenders {
        reads(md, "SEC-011", Status::Met);
    }
    // The same label in an ordinary section describes; it demands nothing.
    reads(
        "# Konkurransegrunnlag\n\n## 6 Om leverandørmarkedet\n\n\
         - Informasjonssikkerhet: de fleste leverandører er sertifisert etter ISO/IEC 27001.\n",
        "SEC-011",
        Status::Missing,
    );
}

// ---------------------------------------------------------------------------
// INF-001, INF-008: "the contracting authority" is the buyer
// ---------------------------------------------------------------------------

#[test]
fn the_contracting_authority_is_the_buyer_for_data_ownership_and_the_controller_role() {
    reads(
        "# Contract terms\n\nAll data in the system shall be owned by the contracting authority.\n",
        "INF-001",
        Status::Met,
    );
    reads(
        "# Data protection\n\nThe buyer is the data controller, and the supplier processes data on its behalf.\n",
        "INF-008",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// INF-004: DPS, BUP, the health trust and neighbouring municipalities are the other party
// ---------------------------------------------------------------------------

#[test]
fn sharing_with_dps_the_health_trust_or_neighbouring_municipalities_is_cross_organisational() {
    each_reads(
        "Samhandling",
        &[
            "Behandlingsplanen skal kunne deles med BUP når foreldrene har samtykket.",
            "Kriseplanen skal vere synleg for DPS-et som følgjer opp pasienten.",
            "Care plans shall be shared with the health trust and with the neighbouring municipalities.",
        ],
        "INF-004",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// SEC-014: an AI function in English capitals is in scope; «trening» in rehabilitation is exercise
// ---------------------------------------------------------------------------

#[test]
fn an_ai_function_named_in_english_brings_the_ai_safeguards_into_scope() {
    reads(
        "# Requirements\n\n\
         | ID | Requirement | Priority |\n|---|---|---|\n\
         | R-1 | The record should offer AI-generated visit summaries. | SHOULD |\n\
         | R-2 | For the AI summaries the supplier shall carry out a data protection impact assessment. | MUST |\n",
        "SEC-014",
        Status::Met,
    );
}

#[test]
fn exercise_in_a_rehabilitation_tender_is_not_training_a_model() {
    each_reads(
        "Funksjonalitet",
        &[
            "Løsningen bør ha KI-støtte for å foreslå treningsprogram ut fra pasientens mål.",
            "Fysioterapeuten skal kunne bruke KI-funksjonen til å følge opp treningsøktene.",
        ],
        "SEC-014",
        Status::Missing,
    );
    each_reads(
        "KI",
        &["KI-funksjonen skal ikke bruke kommunens pasientdata til å trene modellene."],
        "SEC-014",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// SEC-009: the cloud as one of the vendor's alternatives demands nothing of the hosting
// ---------------------------------------------------------------------------

#[test]
fn the_cloud_offered_as_one_alternative_of_the_vendors_is_no_hosting_requirement() {
    each_reads(
        "Drift",
        &[
            "Tilbyder står fritt: systemet kan installeres hos kommunen eller som skytjeneste.",
            "Journalen kan køyrast på kommunen sine tenarar eller som skyteneste eller lokalt i vertskommunen.",
            "The system may be hosted on premises or as a cloud service, as the supplier prefers.",
        ],
        "SEC-009",
        Status::Missing,
    );
    // Where the data may be kept still counts beside the alternatives.
    each_reads(
        "Drift",
        &["Løsningen kan leveres som skytjeneste eller lokalt, men data skal lagres i Norge."],
        "SEC-009",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// SEC-006: the young person, the parents or next of kin see who has read the record
// ---------------------------------------------------------------------------

#[test]
fn young_people_or_parents_seeing_who_read_the_record_is_access_to_the_log() {
    each_reads(
        "Innsyn",
        &[
            "Ungdommen bør få se hvem som har åpnet journalen hennes.",
            "Foreldre bør kunne sjå kven som har hatt oppslag i journalen til barnet.",
        ],
        "SEC-006",
        Status::Weak,
    );
}

// ---------------------------------------------------------------------------
// A wish in a clause («det ville vært fint om», "it would be an advantage") is weak, not nothing
// ---------------------------------------------------------------------------

#[test]
fn a_wish_worded_as_would_be_nice_or_an_advantage_covers_its_topic_weakly() {
    each_reads(
        "Ønsker",
        &[
            "Det hadde vært fint om sykepleierne kunne se prøvesvar fra laboratoriet i kjernejournal.",
            "Det er ein fordel om legane kan sjå prøvesvar frå sjukehuset via kjernejournal.",
            "It would be an advantage if clinicians could view laboratory results from other organisations through the summary care record.",
        ],
        "INT-019",
        Status::Weak,
    );
}

// ---------------------------------------------------------------------------
// INF-003: practical assistance, day centres and supported housing are service areas too
// ---------------------------------------------------------------------------

#[test]
fn sharing_between_practical_assistance_day_centres_and_housing_is_across_service_areas() {
    each_reads(
        "Samhandling",
        &[
            "Tiltaksplanen skal deles mellom praktisk bistand og dagsenteret.",
            "Notes from the day centre shall be visible to the supported housing staff.",
        ],
        "INF-003",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// «når som helst» is "at any time", not "preferably"; a negated expectation excludes
// ---------------------------------------------------------------------------

#[test]
fn helst_after_som_means_ever_and_does_not_weaken_a_requirement() {
    // A row typed binding that says what the buyer can do is bound by its type; «når som
    // helst» ("at any time") is no wish that would make it weak.
    each_row_reads(
        &[
            "| K-1 | Kan kommunen når som helst eksportere alle journaldata i et åpent format? | Krav |",
            "| K-1 | Kommunen kan hente ut kva som helst av journaldata i eit ope format. | M |",
        ],
        "INF-002",
        Status::Met,
    );
    // «helst» alone still wishes.
    reads(
        "# Krav\n\n| Nr | Krav | Type |\n|---|---|---|\n\
         | K-1 | Kommunen vil helst kunne eksportere alle data i et åpent format. | M |\n",
        "INF-002",
        Status::Weak,
    );
}

#[test]
fn a_buyer_that_does_not_require_or_expect_a_topic_leaves_it_uncovered() {
    each_reads(
        "Omfang",
        &[
            "Vi krever ikke oppslag i kjernejournal for fysioterapeutene.",
            "Kommunen forventar heller ikkje integrasjon med kjernejournal i første fase.",
            "The municipality does not require look-ups in the summary care record for therapists.",
        ],
        "INT-001",
        Status::Missing,
    );
}

// ---------------------------------------------------------------------------
// A section headed «Tildeling» (the award) holds the award criteria
// ---------------------------------------------------------------------------

#[test]
fn usability_named_under_a_heading_of_the_award_is_an_award_criterion() {
    for md in [
        "# Konkurransegrunnlag\n\n## 7 Tildeling\n\n\
         Kontrakten tildeles etter beste forhold mellom pris, kvalitet og brukervennlighet.\n",
        "# Tender\n\n## 5 Award\n\n\
         Usability is judged from a scripted demonstration with nurses from the home care service.\n",
    ] {
        reads(md, "UX-002", Status::Met);
    }
    // Allocating a nursing-home place is another «tildeling».
    reads(
        "# Konkurransegrunnlag\n\n## 7 Tildeling av sykehjemsplass\n\n\
         Vedtak om plass fattes etter en vurdering av brukervennlighet og behov.\n",
        "UX-002",
        Status::Missing,
    );
}

// ---------------------------------------------------------------------------
// ARC-003: the citizen's request for correction is correction
// ---------------------------------------------------------------------------

#[test]
fn a_citizens_request_for_correction_counts_as_correction() {
    each_reads(
        "Innbyggerens rettigheter",
        &[
            "Innbyggeren skal kunne sende en anmodning om retting av opplysninger i journalen fra Helsenorge.",
            "Løysinga skal ta imot rettingsanmodningar frå innbyggjarane og syne dei for helsepersonellet.",
            "The system shall handle requests for rectification from patients.",
        ],
        "ARC-003",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// Small vocabulary gaps of one class each: taking part (INF-005), a shared compound tail
// (INF-006), national integrations that change (ARK-007)
// ---------------------------------------------------------------------------

#[test]
fn taking_part_in_connectathons_is_vendor_participation_in_standardisation() {
    each_reads(
        "Samarbeid",
        &["The supplier shall take part in HL7 Norway's work on national FHIR profiles."],
        "INF-005",
        Status::Met,
    );
}

#[test]
fn a_context_word_shared_by_two_compounds_is_patient_context() {
    each_reads(
        "Samhandling",
        &["Fagsystemene skal åpnes i pasient- og brukerkontekst fra journalen."],
        "INF-006",
        Status::Met,
    );
}

#[test]
fn changes_to_national_integrations_over_the_contract_are_national_changes() {
    each_reads(
        "Vedlikehold",
        &[
            "Endringer i nasjonale integrasjoner som myndighetene krever, skal inngå i vedlikeholdsavgiften.",
            "Updates to national integrations required during the contract shall be part of the maintenance.",
        ],
        "ARK-007",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// The review never adds a row the table has no type code for
// ---------------------------------------------------------------------------

#[test]
fn a_should_suggestion_goes_to_the_new_section_when_the_table_knows_only_mandatory_codes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let tender = dir.path().join("t");
    std::fs::create_dir_all(&tender).expect("dir");
    std::fs::write(
        tender.join("requirements.md"),
        "# Requirements\n\n## Archive and data\n\n\
         | ID | Requirement | Type |\n|---|---|---|\n\
         | R-01 | The solution shall migrate record data from the current system. | M |\n\
         | R-02 | The solution shall support deletion and correction of information in the record. | M |\n",
    )
    .expect("write");
    let out = crate::support::tenderlint_in(
        dir.path(),
        &["review", "t", "--format", "diff", "--isolated"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let diff = String::from_utf8_lossy(&out.stdout);
    // ARC-006's text says "should"; the table has no code for it, so a row would have no type.
    let row = diff
        .lines()
        .find(|l| l.contains("should give read access to historic record data"))
        .unwrap_or_else(|| panic!("ARC-006 suggested: {diff}"));
    assert!(!row.starts_with("+|"), "{row}");
    // Rows that bind still go to the table, with its own code.
    assert!(
        diff.lines()
            .any(|l| l.starts_with("+| R-03 |") && l.ends_with("| M |")),
        "{diff}"
    );
}

// ---------------------------------------------------------------------------
// A permission in a clause of result is not the typed row's own
// ---------------------------------------------------------------------------

#[test]
fn a_passive_may_in_a_clause_of_result_leaves_a_binding_row_binding() {
    each_row_reads(
        &[
            "| K-1 | Journalen lagres i åpne formater, slik at alle data kan eksporteres uten leverandøren. | M |",
            "| K-1 | Data is stored in open formats, so that it can be exported at any time without the supplier. | M |",
        ],
        "INF-002",
        Status::Met,
    );
    // The row's own passive permission still keeps it weak.
    reads(
        "# Krav\n\n| Nr | Krav | Type |\n|---|---|---|\n\
         | K-1 | Data kan eksporteres i åpne formater. | M |\n",
        "INF-002",
        Status::Weak,
    );
}

/// Each requirement-table row, alone under the header «Nr | Krav | Type», reads as `status`
/// for `rule`.
fn each_row_reads(rows: &[&str], rule: &str, status: Status) {
    for row in rows {
        reads(
            &format!("# Krav\n\n| Nr | Krav | Type |\n|---|---|---|\n{row}\n"),
            rule,
            status,
        );
    }
}
