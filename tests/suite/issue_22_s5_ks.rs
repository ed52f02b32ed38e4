//! Issue 22, fifth reading pass, the KS set: causes found on `fixtures/fresh-4` (and
//! the earlier development corpora), each proven with a one-file tender of its own,
//! worded unlike those corpora. Every test goes through `check_paths`, as a user's
//! check does.

use crate::support::tender::{check_dir, check_markdown, each_reads, reads, rule};
use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow, VMergeType};
use tenderlint::findings::Status;

// ---------------------------------------------------------------------------
// A row typed binding whose own words only wish: the weaker reading wins
// ---------------------------------------------------------------------------

#[test]
fn a_row_typed_as_a_minimum_whose_text_says_bor_is_weak() {
    // The type column says «must», the sentence says «should»: a vendor may answer
    // the sentence, so the row does not cover its topic bindingly.
    for row in [
        "| 4 | Journalen bør kunne sende og motta meldinger via Meldingstjener-API (EDI 2.0). | Minstekrav |",
        "| 4 | Det er ønskeleg at journalen kan nytte EDI 2.0 mot meldingstenaren. | Skal |",
        "| 4 | The record should exchange messages through EDI 2.0 and the message service API. | Mandatory |",
    ] {
        let md = format!("# Krav\n\n| Nr | Krav | Type |\n|---|---|---|\n{row}\n");
        reads(&md, "INT-010", Status::Weak);
    }
    // The same row with a binding verb of its own stays met.
    reads(
        "# Krav\n\n| Nr | Krav | Type |\n|---|---|---|\n\
         | 4 | Journalen skal sende og motta meldinger via Meldingstjener-API (EDI 2.0). | Minstekrav |\n",
        "INT-010",
        Status::Met,
    );
}

#[test]
fn kan_in_a_row_typed_as_a_minimum_asks_or_describes_and_the_type_binds() {
    // «kan» asks («Kan …?») or describes what the solution lets someone do; it is no
    // wish, so the binding type column decides. A wish beside it still weakens.
    for row in [
        "| 4 | Kan journalen sende og motta meldinger via Meldingstjener-API (EDI 2.0)? | Krav |",
        "| 4 | Journalen har et Meldingstjener-API (EDI 2.0) som kommunen kan sende og motta meldinger gjennom. | Minstekrav |",
        "| 4 | Can the record exchange messages through EDI 2.0 and the message service API? | Mandatory |",
    ] {
        let md = format!("# Krav\n\n| Nr | Krav | Type |\n|---|---|---|\n{row}\n");
        reads(&md, "INT-010", Status::Met);
    }
    reads(
        "# Krav\n\n| Nr | Krav | Type |\n|---|---|---|\n\
         | 4 | Journalen bør kunne sende og motta meldinger via Meldingstjener-API (EDI 2.0). | Krav |\n",
        "INT-010",
        Status::Weak,
    );
    // A passive after «kan» permits («may be sent») rather than demands.
    reads(
        "# Krav\n\n| Nr | Krav | Type |\n|---|---|---|\n\
         | 4 | Meldinger kan også sendes og mottas via Meldingstjener-API (EDI 2.0). | Krav |\n",
        "INT-010",
        Status::Weak,
    );
}

#[test]
fn may_not_in_a_mandatory_row_forbids_and_binds() {
    // "may not" is a prohibition, not a permission: the row's binding type stands.
    let md = "# Requirements\n\n| Id | Requirement | Type |\n|---|---|---|\n\
        | D-1 | The customer has full ownership of the record data. The supplier may not reuse the records for any purpose of its own. | Mandatory |\n";
    reads(md, "INF-001", Status::Met);
}

// ---------------------------------------------------------------------------
// INT-020: what the solution does, in English, and reading alone as half the topic
// ---------------------------------------------------------------------------

#[test]
fn a_row_stating_that_the_solution_writes_critical_information_covers_int_020() {
    // A requirement row often states what the solution does, in the third person.
    let md = "# Requirements\n\n| Id | Requirement | Type |\n|---|---|---|\n\
        | K-3 | Registers and edits critical information about the patient in the summary care record via its API. | Mandatory |\n";
    reads(md, "INT-020", Status::Met);
}

#[test]
fn showing_critical_information_from_the_summary_care_record_is_half_of_int_020() {
    each_reads(
        "Nasjonale løsninger",
        &[
            "Legen skal kunne se kritisk informasjon fra kjernejournalen i pasientbildet.",
            "Sjukepleiaren skal få opp kritisk informasjon frå kjernejournal når pasienten kjem inn.",
            "Clinicians shall be able to view critical information held in the summary care record.",
        ],
        "INT-020",
        Status::Weak,
    );
    // Kritisk informasjon in the security sense is not the topic at all.
    reads(
        "# Krav\n\n## Sikkerhet\n\nLeverandøren skal vise hvordan kritisk informasjon beskyttes i driftsmiljøet.\n",
        "INT-020",
        Status::Missing,
    );
}

// ---------------------------------------------------------------------------
// UX-003: the user's own work surface is the integrated view, however far the verb
// ---------------------------------------------------------------------------

#[test]
fn information_in_the_users_own_work_surface_covers_ux_003() {
    each_reads(
        "Brukeropplevelse",
        &[
            "Varsler og målinger fra velferdsteknologien og fra fastlegen skal presenteres for sykepleieren i hennes egen arbeidsflate.",
            "Data frå dei kommunale samhandlingstenestene og frå sjukehuset skal kome fram i eiga arbeidsflate hos legen.",
            "Results from the national services and the GP shall appear for the nurse in her own work surface, not in a portal.",
        ],
        "UX-003",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// Sources, interfaces, hosting, migration, controller: the words a buyer uses
// ---------------------------------------------------------------------------

#[test]
fn fetching_from_another_services_record_is_an_external_source() {
    each_reads(
        "Samhandling",
        &[
            "Ergoterapeuten skal kunne hente funksjonsvurderinger fra rustjenestens journal.",
            "Løysinga skal kunne hente legemiddelopplysningar frå fastlegen sin journal.",
        ],
        "INT-015",
        Status::Met,
    );
}

#[test]
fn a_standard_api_is_a_standardised_interface() {
    each_reads(
        "Arkitektur",
        &[
            "Tilbyder skal eksponere pasientdata gjennom standard API-er som andre systemer kan bruke.",
            "The solution shall offer its data through standardised interfaces other vendors can build on.",
        ],
        "INT-018",
        Status::Met,
    );
}

#[test]
fn where_the_solution_runs_or_data_is_processed_is_its_hosting_location() {
    each_reads(
        "Drift",
        &[
            "Tjenesten skal kjøres fra datasentre i Norge eller Sverige.",
            "Personopplysningar skal berre behandlast i EU/EØS.",
            "The platform shall run in an Azure region in Norway.",
        ],
        "SEC-009",
        Status::Met,
    );
}

#[test]
fn migrating_records_from_the_system_in_use_today_covers_arc_005() {
    each_reads(
        "Innføring",
        &[
            "The supplier shall migrate all care records from the existing home-care system before go-live.",
            "Leverandøren skal konvertere journalane frå det noverande fagsystemet ved oppstart.",
        ],
        "ARC-005",
        Status::Met,
    );
}

#[test]
fn the_host_municipality_as_controller_covers_inf_008() {
    let md = "# Krav\n\n## Personvern\n\nVertskommunen skal vere dataansvarleg for all pasientinformasjon i den felles løysinga.\n";
    reads(md, "INF-008", Status::Met);
}

#[test]
fn a_demand_on_a_delivery_model_the_vendor_may_not_offer_is_conditional() {
    each_reads(
        "Drift",
        &[
            "Hvis systemet tilbys som skytjeneste, skal alle data lagres i EU/EØS.",
            "If the solution is delivered as a cloud service, all data shall be stored within the EEA.",
        ],
        "SEC-009",
        Status::Weak,
    );
    // A condition that picks one of the alternatives a demand offers leaves the
    // demand binding.
    reads(
        "# Krav\n\n## Drift\n\nPasientdata skal lagres i kommunens eget datasenter i Norge, eller i EU/EØS dersom løsningen leveres som skytjeneste.\n",
        "SEC-009",
        Status::Met,
    );
    // A condition on the system's state still binds.
    reads(
        "# Krav\n\n## Drift\n\nDersom primærdatasenteret faller ut, skal tjenesten driftes videre fra et datasenter i Norge.\n",
        "SEC-009",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// A type cell merged down a Word table types every row it spans
// ---------------------------------------------------------------------------

fn merged_type_table(rows: &[(&str, &str)], type_code: &str) -> Vec<u8> {
    let cell = |text: &str| {
        TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(text)))
    };
    let mut table = vec![TableRow::new(vec![
        cell("Id"),
        cell("Krav"),
        cell("Kravtype"),
    ])];
    for (i, (id, text)) in rows.iter().enumerate() {
        let kind = if i == 0 {
            cell(type_code).vertical_merge(VMergeType::Restart)
        } else {
            TableCell::new()
                .add_paragraph(Paragraph::new())
                .vertical_merge(VMergeType::Continue)
        };
        table.push(TableRow::new(vec![cell(id), cell(text), kind]));
    }
    let docx = Docx::new()
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Krav til samhandling")))
        .add_table(Table::new(table));
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).expect("pack");
    out.into_inner()
}

#[test]
fn a_type_cell_merged_down_the_table_types_every_row_it_spans() {
    let rows = [
        (
            "S-1",
            "Løsningen skal slå opp i kjernejournal fra pasientens journal.",
        ),
        (
            "S-2",
            "Løsningen skal sende og motta meldinger i henhold til Meldingstjener-API (EDI 2.0).",
        ),
        (
            "S-3",
            "Løsningen skal bruke HL7 FHIR R4 mot andre systemer.",
        ),
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("krav.docx"),
        merged_type_table(&rows, "Absolutt"),
    )
    .expect("write");
    let results = check_dir(dir.path());
    for id in ["INT-001", "INT-010", "INT-013"] {
        assert_eq!(rule(&results, id).status, Status::Met, "{id}");
    }
    // No row is reported as untyped: the merged cell types them all.
    assert_eq!(rule(&results, "HYG-004").status, Status::Passed);
    // A merged wish code makes every row it spans a wish.
    std::fs::write(
        dir.path().join("krav.docx"),
        merged_type_table(&rows, "Ønsket"),
    )
    .expect("write");
    let results = check_dir(dir.path());
    assert_eq!(rule(&results, "INT-013").status, Status::Weak);
}

// ---------------------------------------------------------------------------
// A type marker in brackets before a numbered requirement types it
// ---------------------------------------------------------------------------

#[test]
fn a_bracketed_type_marker_before_a_requirement_types_it() {
    // A wish marker makes the «skal» a wish, as a type column would.
    each_reads(
        "Mobilitet",
        &[
            "4.2 [Bør] Sykepleierne skal kunne dokumentere på nettbrett uten nett.",
            "4.2 (Ønskt) Sjukepleiarane skal kunne dokumentere på nettbrett utan nett.",
            "R-12 (Desirable) Nurses shall be able to record notes on a tablet offline.",
        ],
        "ARK-009",
        Status::Weak,
    );
    // A binding marker makes a plain statement a requirement.
    reads(
        "# Krav\n\n## Mobilitet\n\n4.2 [Skal] Sykepleierne dokumenterer på nettbrett, også uten nett.\n",
        "ARK-009",
        Status::Met,
    );
    // A list letter in brackets is no type.
    reads(
        "# Krav\n\n## Mobilitet\n\n(b) Sykepleierne skal kunne dokumentere på nettbrett uten nett.\n",
        "ARK-009",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// INT-016: another service's NEWS2 measurements come through the sharing service
// ---------------------------------------------------------------------------

#[test]
fn news2_from_another_service_is_the_municipal_sharing_service() {
    each_reads(
        "Samhandling",
        &[
            "Legevakten skal få opp NEWS2-skårer fra hjemmetjenesten når pasienten ringer.",
            "Korttidsavdelinga skal ha innsyn i NEWS2 frå heimesjukepleia.",
            "The out-of-hours doctor shall see NEWS2 scores from home nursing.",
        ],
        "INT-016",
        Status::Met,
    );
    // A score the journal computes for its own patients is no sharing service.
    reads(
        "# Krav\n\n## Kurve\n\nSykehjemmets kurve skal beregne NEWS2 automatisk ved hver måling.\n",
        "INT-016",
        Status::Missing,
    );
}

// ---------------------------------------------------------------------------
// English verbs with their endings: a row states what the solution does
// ---------------------------------------------------------------------------

#[test]
fn english_rows_in_the_third_person_cover_their_topics() {
    let md = "# Requirements\n\n| Id | Requirement | Type |\n|---|---|---|\n\
        | P-1 | Authorised staff deletes or rectifies wrong entries in the patient record, with a trace. | Mandatory |\n";
    reads(md, "ARC-003", Status::Met);
}

// ---------------------------------------------------------------------------
// Service detection: what is bought, said in plain words; what is left out
// ---------------------------------------------------------------------------

fn detected(markdown: &str) -> Vec<String> {
    check_markdown(markdown, "ks-felles-journalloft@1.2.3")
        .services
        .detected
}

#[test]
fn a_subtitle_or_a_what_we_buy_section_names_the_service_bought() {
    // The subtitle under the title heading names what is bought.
    let by_subtitle = detected(
        "# Fjellbu kommune – konkurransegrunnlag\n\n## Nytt journalsystem for Fjellbu legevakt\n\n\
         Saksnr. 2027/14\n\n## 1 Om kommunen\n\nKommunen har 5 000 innbyggjarar.\n",
    );
    assert!(
        by_subtitle.contains(&"legevakt".to_string()),
        "{by_subtitle:?}"
    );
    // A section headed in plain words says what is bought.
    for heading in [
        "## 2 Hva som skal anskaffes",
        "## 2 Kva vi skal kjøpe",
        "## 2 What we are buying",
    ] {
        let found = detected(&format!(
            "# Konkurransegrunnlag\n\n## 1 Om kommunen\n\nKommunen ligg ved fjorden.\n\n{heading}\n\n\
             Anskaffelsen gjelder journal for legevakten.\n"
        ));
        assert!(
            found.contains(&"legevakt".to_string()),
            "{heading}: {found:?}"
        );
    }
}

#[test]
fn services_said_to_have_their_own_systems_are_not_bought() {
    for sentence in [
        "Sykehjemmene og hjemmesykepleien har egne systemer og er ikke med i kjøpet.",
        "Sjukeheimen og heimesjukepleia er ikkje med i denne konkurransen.",
        "The nursing homes and home nursing have their own systems and are not covered by this contract.",
    ] {
        let found = detected(&format!(
            "# Journal for legevakten\n\n## 1 Omfang\n\nAnskaffelsen gjelder legevakten. {sentence}\n\n\
             ## 2 Krav\n\nLøsningen skal ha oppslag i kjernejournal.\n"
        ));
        assert!(
            found.contains(&"legevakt".to_string()),
            "{sentence}: {found:?}"
        );
        assert!(
            !found.contains(&"sykehjem".to_string()),
            "{sentence}: {found:?}"
        );
        assert!(
            !found.contains(&"hjemmetjeneste".to_string()),
            "{sentence}: {found:?}"
        );
    }
}

// ---------------------------------------------------------------------------
// What the contract includes binds as what it requires
// ---------------------------------------------------------------------------

#[test]
fn what_the_delivery_includes_is_demanded() {
    each_reads(
        "Leveransen",
        &[
            "Konvertering av journaldata fra det gamle fagsystemet inngår i leveransen.",
            "Overføring av historiske data frå dagens system er inkludert i fastprisen.",
            "Migration of the records from the existing system is included in the fixed price.",
        ],
        "ARC-005",
        Status::Met,
    );
    // What the delivery leaves out covers nothing.
    reads(
        "# Krav\n\n## Leveransen\n\nKonvertering av journaldata fra det gamle fagsystemet inngår ikke i leveransen.\n",
        "ARC-005",
        Status::Missing,
    );
}
