//! Issue 22, fourth reading pass, the KS set: causes found on `fixtures/fresh-2` and
//! `fixtures/fresh-3`, each proven with a one-file tender of its own, worded unlike
//! those corpora. Every test goes through `check_paths`, as a user's check does.

use crate::support::tender::reads;
use tenderlint::findings::Status;

// ---------------------------------------------------------------------------
// Type codes: the nynorsk «Ønskt» types a row as a wish
// ---------------------------------------------------------------------------

#[test]
fn a_type_column_of_absolutt_and_onskt_types_its_rows() {
    // No header names the type column; its values do, and «Ønskt» is a wish.
    let table = "# Krav\n\n| Nr | Krav | Absolutt eller ønskt |\n|---|---|---|\n\
        | 1 | Kommunen eig alle journaldata som vert lagra i systemet. | Absolutt |\n\
        | 2 | Systemet støttar pasienten sin legemiddelliste. | Ønskt |\n";
    reads(table, "INF-001", Status::Met);
    reads(table, "INT-005", Status::Weak);
}

// ---------------------------------------------------------------------------
// What a heading says of its section (`reading: section_headings`)
// ---------------------------------------------------------------------------

#[test]
fn a_skal_under_a_heading_tied_to_an_option_is_conditional() {
    for heading in [
        "## 7 Talegjenkjenning (gjelder kun ved utløst opsjon B)",
        "## 7 Talegjenkjenning (gjeld berre om kommunen utløyser opsjonen)",
        "## 7 Speech recognition (applies only if option B is exercised)",
    ] {
        let md = format!(
            "# Kravspesifikasjon\n\n{heading}\n\nLeverandøren skal utarbeide en personvernkonsekvensvurdering for diktering før oppstart.\n"
        );
        reads(&md, "SEC-003", Status::Weak);
    }
    // Without the heading's condition the same sentence binds.
    reads(
        "# Kravspesifikasjon\n\n## 7 Talegjenkjenning\n\nLeverandøren skal utarbeide en personvernkonsekvensvurdering for diktering før oppstart.\n",
        "SEC-003",
        Status::Met,
    );
}

#[test]
fn demands_on_an_optional_ai_function_are_the_ai_rules_topic() {
    let md = "# Kravspesifikasjon\n\n## 7 Diktering med kunstig intelligens (gjelder ved utløst opsjon B)\n\n\
        Leverandøren skal utarbeide en personvernkonsekvensvurdering for KI-funksjonen før den tas i bruk.\n\n\
        Kommunens lydopptak skal ikke brukes til å trene leverandørens språkmodeller.\n";
    reads(md, "SEC-014", Status::Met);
    reads(md, "SEC-003", Status::Weak);
}

#[test]
fn a_skal_in_a_list_headed_as_wishes_is_weak() {
    for heading in [
        "### Bør-krav",
        "### Ønskte krav",
        "### Desirable requirements",
    ] {
        let md = format!(
            "# Kravspesifikasjon\n\n## 4 Test\n\n{heading}\n\n- Leverandøren skal stille et testmiljø med fiktive pasienter til rådighet.\n"
        );
        reads(&md, "ARK-008", Status::Weak);
    }
    // A row typed by its type column keeps its type under such a heading.
    reads(
        "# Kravspesifikasjon\n\n### Bør-krav\n\n| Nr | Krav | Type |\n|---|---|---|\n| 1 | Leverandøren skal stille et testmiljø med fiktive pasienter til rådighet. | M |\n",
        "ARK-008",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// What the buyer wishes or expects is a weak demand
// ---------------------------------------------------------------------------

#[test]
fn what_the_buyer_expects_or_wishes_asks_weakly() {
    reads(
        "# Krav\n\nKommunen forventer at alle nye grensesnitt lages med HL7 FHIR.\n",
        "INT-013",
        Status::Weak,
    );
    reads(
        "# Krav\n\nKommunen ønsker å eie dataene som registreres, uavhengig av leverandør.\n",
        "INF-001",
        Status::Weak,
    );
}

// ---------------------------------------------------------------------------
// The contract's annexes listed in the introduction
// ---------------------------------------------------------------------------

#[test]
fn an_annex_list_under_the_introduction_states_the_contract() {
    let md = "# Konkurransegrunnlag\n\n## 1 Innledning\n\nKommunen kjøper et nytt journalsystem.\n\n\
        ### 1.3 Avtalens bilag\n\n| Nr | Innhold |\n|---|---|\n| Bilag 1 | Kundens kravspesifikasjon |\n\
        | Bilag 9 | Databehandleravtale |\n";
    // «Avtalens bilag» is not a contract heading by its first word: the list stays background.
    reads(md, "SEC-002", Status::Missing);
    let contract = md.replace("### 1.3 Avtalens bilag", "### 1.3 Kontraktens bilag");
    reads(&contract, "SEC-002", Status::Met);
}

// ---------------------------------------------------------------------------
// Senses and word classes in the KS rules (1.2.2)
// ---------------------------------------------------------------------------

#[test]
fn blocking_information_from_someone_is_access_control_not_correction() {
    reads(
        "# Personvern\n\nLøsningen skal ha rollebasert tilgang og kunne sperre journalnotater for andre ansatte.\n",
        "ARC-003",
        Status::Missing,
    );
    reads(
        "# Personvern\n\nFeilaktige journalnotater skal kunne rettes og sperres, med spor av endringen.\n",
        "ARC-003",
        Status::Met,
    );
    reads(
        "# Privacy\n\nThe system shall let authorised staff correct and delete patient information.\n",
        "ARC-003",
        Status::Met,
    );
}

#[test]
fn a_stated_list_of_systems_to_integrate_settles_integration_responsibility() {
    reads(
        "# Kravspesifikasjon\n\n## 2 Integrasjoner\n\nSystemer den nye journalen skal integreres med: kjernejournal, reseptformidleren og kommunens arkiv.\n",
        "ARK-006",
        Status::Met,
    );
    reads(
        "# Kravspesifikasjon\n\n## 2 Integrasjoner\n\nIntegrasjonsansvaret for fagsystemene blir avtalt senere i prosjektet.\n",
        "ARK-006",
        Status::Missing,
    );
}

#[test]
fn usability_weighted_in_the_award_table_is_evaluated_usability() {
    reads(
        "# Tildeling\n\n| Kriterium | Vekting |\n|---|---|\n| Pris | 50 % |\n| Brukervennlighet | 50 % |\n",
        "UX-002",
        Status::Met,
    );
}

#[test]
fn handing_out_medicines_with_a_signature_is_medication_administration() {
    reads(
        "# Krav\n\nSystemet skal registrere hvert legemiddel som deles ut, med signatur fra den som gir det.\n",
        "INT-021",
        Status::Met,
    );
    reads(
        "# Requirements\n\nThe system must send all prescriptions and medication management through SFM.\n",
        "INT-021",
        Status::Missing,
    );
}

#[test]
fn parents_acting_for_a_child_are_the_proxy_role() {
    reads(
        "# Krav\n\nForeldre skal kunne representere barnet sitt i meldingsutvekslingen på Helsenorge.\n",
        "INF-007",
        Status::Met,
    );
}

#[test]
fn a_named_municipality_as_controller_is_the_controller_role() {
    reads(
        "# Personvern\n\nHver kommune i samarbeidet er dataansvarlig for egne pasienter.\n",
        "INF-008",
        Status::Met,
    );
}

#[test]
fn transfer_out_of_the_eea_and_norwegian_data_centres_name_where_data_is_kept() {
    reads(
        "# Sikkerhet\n\nHelseopplysninger skal ikke overføres ut av EU/EØS.\n",
        "SEC-009",
        Status::Met,
    );
    reads(
        "# Sikkerhet\n\nLøsningen skal driftes fra norske datasentre.\n",
        "SEC-009",
        Status::Met,
    );
}

#[test]
fn english_signing_in_and_shift_logs_are_not_access_logging() {
    reads(
        "# Requirements\n\nStaff logged in from a kiosk shall see no patient names. \
         The ward shall keep a shift log where nurses record patient events.\n",
        "SEC-005",
        Status::Missing,
    );
}

#[test]
fn helseid_for_systems_is_not_users_login() {
    reads(
        "# Requirements\n\nThe integration engine shall authenticate to NHN with HelseID client credentials.\n",
        "ARK-003",
        Status::Missing,
    );
}

#[test]
fn fhir_as_an_example_format_asks_for_no_fhir_interface() {
    reads(
        "# Data\n\nKommunen skal kunne ta ut alle data i et åpent format, for eksempel FHIR eller XML.\n",
        "INT-013",
        Status::Missing,
    );
}

#[test]
fn a_first_version_of_a_message_standard_is_no_current_version() {
    reads(
        "# Meldinger\n\nSystemet skal støtte henvisning versjon 1.0.\n",
        "INT-008",
        Status::Missing,
    );
    reads(
        "# Meldinger\n\nSystemet skal støtte PLO-meldinger i versjon 1.6.\n",
        "INT-008",
        Status::Met,
    );
}

#[test]
fn pjd_named_with_other_organisations_is_document_sharing() {
    reads(
        "# Krav\n\nLegevakta skal kunne lese PJD fra andre virksomheter.\n",
        "INT-002",
        Status::Met,
    );
}

#[test]
fn always_supporting_the_current_national_requirements_is_following_national_change() {
    reads(
        "# Krav\n\nSystemet skal til enhver tid oppfylle de gjeldende nasjonale kravene til meldinger.\n",
        "ARK-007",
        Status::Met,
    );
}

#[test]
fn a_heading_that_lists_the_end_of_the_contract_does_not_exclude_migration() {
    reads(
        "# Kravspesifikasjon\n\n## 5 Innføring, drift og avslutning\n\nJournaldata fra dagens fagsystem skal migreres til den nye løsningen.\n",
        "ARC-005",
        Status::Met,
    );
}

#[test]
fn information_shown_in_the_clinicians_workspace_is_an_integrated_view() {
    reads(
        "# Krav\n\nPrøvesvar skal vises integrert i sykepleierens arbeidsflate.\n",
        "UX-003",
        Status::Met,
    );
}

#[test]
fn a_forbidden_or_disclaimed_ai_function_is_not_bought() {
    for sentence in [
        "Leverandøren skal ikke bruke kunstig intelligens på kommunens data uten samtykke.",
        "The municipality does not intend to buy artificial intelligence features.",
    ] {
        reads(
            &format!("# Konkurransegrunnlag\n\n## 5 Kontrakt\n\n{sentence}\n"),
            "SEC-014",
            Status::NotApplicable,
        );
    }
    reads(
        "# Konkurransegrunnlag\n\n## 5 Krav\n\nLøsningen skal tilby tale til tekst med kunstig intelligens.\n",
        "SEC-014",
        Status::Missing,
    );
}

#[test]
fn export_to_a_spreadsheet_only_covers_export_in_part() {
    reads(
        "# Krav\n\nAlle lister i systemet skal kunne eksporteres til Excel.\n",
        "INF-002",
        Status::Weak,
    );
    reads(
        "# Krav\n\nAlle data skal kunne eksporteres i et strukturert og dokumentert format.\n",
        "INF-002",
        Status::Met,
    );
}

#[test]
fn access_that_is_controlled_by_role_is_access_control() {
    reads(
        "# Sikkerhet\n\nTilgangen til journalen skal styres etter rolle og tjeneste.\n",
        "SEC-004",
        Status::Met,
    );
}

#[test]
fn seeing_who_has_had_insight_into_the_record_is_log_insight() {
    reads(
        "# Innbyggar\n\nPasienten skal kunne sjå kven som har hatt innsyn i journalen hennar.\n",
        "SEC-006",
        Status::Met,
    );
    // Logging who read the record is the logging itself (SEC-005), not the patient seeing it.
    reads(
        "# Sikkerhet\n\nSystemet skal logge hvem som har lest hvilke journaler.\n",
        "SEC-006",
        Status::Missing,
    );
}

#[test]
fn opening_another_system_without_looking_up_the_patient_again_is_patient_context() {
    reads(
        "# Krav\n\nLegen skal kunne åpne prøvesvarsløsningen fra journalen uten å søke opp pasienten på nytt.\n",
        "INF-006",
        Status::Met,
    );
}

#[test]
fn taking_out_ones_own_data_in_a_structured_format_is_export() {
    reads(
        "# Data\n\nKommunen skal når som helst kunne hente ut alle sine data i et strukturert format.\n",
        "INF-002",
        Status::Met,
    );
}

#[test]
fn asking_the_tenderer_to_describe_usability_evaluates_it() {
    reads(
        "# Kvalitet\n\nBeskriv hvordan løsningen er brukervennlig for nyansatte.\n",
        "UX-002",
        Status::Weak,
    );
}

#[test]
fn a_record_transferred_to_another_municipality_is_shared_with_it() {
    reads(
        "# Krav\n\nVed flytting skal helsekortet kunne overføres digitalt til skolehelsetjenesten i den nye kommunen.\n",
        "INF-004",
        Status::Met,
    );
    // Lab results from the hospital are e-messaging (INT-007).
    reads(
        "# Krav\n\nLøsningen skal hente prøvesvar fra sykehuset automatisk.\n",
        "INF-004",
        Status::Missing,
    );
}

#[test]
fn a_list_of_what_the_new_solution_shall_integrate_with_binds_under_a_background_heading() {
    let md = "# Kravspesifikasjon\n\n## 2 Dagens situasjon\n\nKommunen bruker i dag et eldre journalsystem.\n\n\
        Systems the new solution shall integrate with:\n\n- kjernejournal\n- e-resept\n";
    reads(md, "ARK-006", Status::Met);
    // Today's integrations, described, stay background.
    reads(
        "# Kravspesifikasjon\n\n## 2 Dagens situasjon\n\nDagens system har disse integrasjonene:\n\n- kjernejournal\n",
        "ARK-006",
        Status::Missing,
    );
}

#[test]
fn a_data_processing_agreement_said_to_be_entered_into_is_required() {
    reads(
        "# Kontrakt\n\nMellom partene blir det inngått en databehandleravtale etter DFØs mal.\n",
        "SEC-002",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// False «met» on the real tenders (not health records) that the widened senses gave
// ---------------------------------------------------------------------------

#[test]
fn administrators_role_based_access_is_not_access_control_of_the_record() {
    reads(
        "# Drift\n\nDen administrative tilgangen til publiseringsverktøyet skal styres etter rolle.\n",
        "SEC-004",
        Status::Missing,
    );
    reads(
        "# Personvern\n\nTilgangen til journalen skal styres etter rolle.\n",
        "SEC-004",
        Status::Met,
    );
}

#[test]
fn a_heading_that_describes_does_not_ask_to_describe_usability() {
    // «Beskrivelse» in the heading, «brukervennlig» in a reason: nothing asks how usable it is.
    reads(
        "# Oppdragsgivers beskrivelse av behovet\n\n## 3 Søk\n\nSøket skal vise treffene i en egen visning, fordi dagens nettsted ikke er brukervennlig.\n",
        "UX-002",
        Status::Missing,
    );
    reads(
        "# Oppdragsgivers beskrivelse av behovet\n\n## 3 Søk\n\nTilbyder skal redegjøre for hvordan søket er brukervennlig.\n",
        "UX-002",
        Status::Weak,
    );
}

#[test]
fn a_table_of_roles_does_not_define_integration_responsibility() {
    let roles = "# Organisering\n\n## Nøkkelpersoner\n\n| Rolle | Navn |\n|---|---|\n\
        | Prosjektleder | (oppgis i tilbudet) |\n| Integrasjonsansvarlig | (oppgis i tilbudet) |\n\
        | Løsningsarkitekt, ansvarlig (integrasjon og migrering) | (oppgis i tilbudet) |\n";
    reads(roles, "ARK-006", Status::Missing);
    reads(
        "# Integrasjoner\n\nLeverandøren skal være ansvarlig for integrasjonene med kommunens fagsystemer.\n",
        "ARK-006",
        Status::Met,
    );
}
