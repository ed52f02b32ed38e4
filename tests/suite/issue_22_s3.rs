//! Issue 22, third reading pass: causes found on `fixtures/fresh-2`, each proven with a
//! tender of its own, worded unlike that corpus. Every test goes through `check_paths`,
//! as a user's check does.

use crate::support::tender::{check_dir, check_md, excerpts, reads, rule};
use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
use tenderlint::findings::Status;

/// Each text, as the one paragraph under `heading`, gives rule `id` the status `status`.
fn each_reads(heading: &str, texts: &[&str], id: &str, status: Status) {
    for text in texts {
        reads(&format!("{heading}{text}\n"), id, status);
    }
}

fn cell(text: &str) -> TableCell {
    TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(text)))
}

// ---------------------------------------------------------------------------
// A table's title row is no untyped requirement (HYG-004)
// ---------------------------------------------------------------------------

#[test]
fn a_merged_title_row_over_a_typed_requirement_table_is_no_untyped_requirement() {
    let title = TableRow::new(vec![cell("Oversikt 4.2 Velferdsteknologi").grid_span(3)]);
    let rows = [
        ["Nr", "Kravtekst", "Kravtype"],
        [
            "4.2.1",
            "Løsningen skal motta varsler fra trygghetsalarmer.",
            "M",
        ],
        ["4.2.2", "Løsningen bør vise sensordata i pleieplanen.", "B"],
        [
            "4.2.3",
            "Løsningen skal logge hvem som kvitterer et varsel.",
            "M",
        ],
    ];
    let mut table_rows = vec![title];
    table_rows.extend(
        rows.iter()
            .map(|r| TableRow::new(r.iter().map(|t| cell(t)).collect())),
    );
    let docx = Docx::new()
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Krav til velferdsteknologi")))
        .add_table(Table::new(table_rows));
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).expect("pack");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("kravspesifikasjon.docx"), out.into_inner()).expect("write");
    let results = check_dir(dir.path());
    let r = rule(&results, "HYG-004");
    assert_eq!(r.status, Status::Passed, "{:?}", excerpts(r));
}

#[test]
fn a_group_heading_row_inside_a_requirement_table_is_no_untyped_requirement() {
    reads(
        "# Krav\n\n| Nr | Kravtekst | Kravtype |\n|---|---|---|\n\
         | | Pasientsikkerhet | |\n\
         | 7.1 | Løsningen skal varsle ved kjente allergier. | M |\n\
         | | Drift | |\n\
         | 7.2 | Leverandøren bør tilby vedlikehold utenom kontortid. | B |\n",
        "HYG-004",
        Status::Passed,
    );
    // A row with the requirement's words and no type is still reported.
    let results = check_md(
        "# Krav\n\n| Nr | Kravtekst | Kravtype |\n|---|---|---|\n\
         | 7.1 | Løsningen skal varsle ved kjente allergier. | M |\n\
         | 7.2 | Løsningen skal varsle ved interaksjoner. | |\n",
    );
    assert_eq!(rule(&results, "HYG-004").status, Status::Violation);
}

#[test]
fn a_numbered_list_of_systems_and_their_data_flow_is_no_requirement_table() {
    let list = "# Integrasjoner\n\nLeverandøren skal integrere løsningen med systemene i tabellen.\n\n\
         | Nr | System | Retning | Innhold |\n|---|---|---|---|\n\
         | S-1 | Folkeregisteret | Inn | Navn og adresse |\n\
         | S-2 | Kommunens lønnssystem | Ut | Timelister |\n\
         | S-3 | Nasjonal meldingstjener | Begge | Helsefaglige meldinger |\n";
    let r_list = check_md(list);
    let r = rule(&r_list, "HYG-004");
    assert_eq!(r.status, Status::Passed, "{:?}", excerpts(r));
    // With a sentence that demands something in a cell, the rows are requirements again.
    let demands = list.replace("| Timelister |", "| Timelister skal sendes hver natt |");
    assert_eq!(
        rule(&check_md(&demands), "HYG-004").status,
        Status::Violation
    );
}

// ---------------------------------------------------------------------------
// A table of options lists options (every rule; CON-003 in 1.2.1)
// ---------------------------------------------------------------------------

/// Options named «A» and «B», as type codes are: the column titled «Opsjon» names
/// options, it does not type requirements.
const OPTIONS_TABLE: &str = "# Journalsystem for Lindøy sykehjem\n\n## 1 Omfang\n\n\
    Lindøy kommune anskaffer elektronisk pasientjournal for sykehjemmet.\n\n\
    ## 2 Tilleggsavtaler\n\n\
    | Opsjon | Hva kommunen kan bestille | Ramme | Bestillingsfrist |\n|---|---|---|---|\n\
    | A | Tilkobling til velferdsteknologisk knutepunkt (VKP) for trygghetsalarmer | \
    Fastpris etter prisbilaget, høyst 150 000 kroner | Innen 30 måneder etter signering |\n\
    | B | Ytterligere 25 brukerlisenser | Lisenspris per bruker fra prisbilaget | Hele avtaletiden |\n";

#[test]
fn a_row_of_a_table_of_options_asks_for_its_topic_only_as_an_option() {
    let results = check_md(OPTIONS_TABLE);
    let r = rule(&results, "INT-012");
    assert_eq!(r.status, Status::Weak, "{:?}", excerpts(r));
    assert!(
        r.evidence
            .iter()
            .any(|e| e.excerpt.contains("velferdsteknologisk knutepunkt")),
        "{:?}",
        excerpts(r)
    );
    // The option's name is no type code, so no row is an untyped requirement either.
    let r = rule(&results, "HYG-004");
    assert_eq!(r.status, Status::Passed, "{:?}", excerpts(r));
    // Numbered options have no type to give: an option is what each row is.
    reads(
        "# Tilleggsavtaler\n\n| Nr | Opsjon | Vilkår |\n|---|---|---|\n\
         | 1 | Mobil dokumentasjon for hjemmesykepleien | Fast pris per år |\n\
         | 2 | Forlengelse med ett år | Samme vilkår |\n",
        "HYG-004",
        Status::Passed,
    );
}

// ---------------------------------------------------------------------------
// An award table's column titles say what its cells are (HYG-008)
// ---------------------------------------------------------------------------

#[test]
fn weights_in_an_award_table_under_a_heading_that_does_not_name_award_criteria_are_read() {
    reads(
        "# Journalsystem for Bråtå kommune\n\n## 6 Slik blir tilbodet vurdert\n\n\
         | Kriterium | Vekt | Kva som blir vurdert |\n|---|---|---|\n\
         | Pris | 35 % | Samla kostnad over fire år etter prisskjemaet |\n\
         | Kvalitet | 65 % | Svar på dei vekta krava i bilag 2 |\n",
        "HYG-008",
        Status::Met,
    );
    // A table of amounts under the same titles' words, but no criterion, weighs nothing.
    let results = check_md(
        "# Journalsystem for Bråtå kommune\n\n## 6 Utstyr\n\n\
         | Eining | Vekt | Tal |\n|---|---|---|\n| Nettbrett | 35 % av ein kilo | 40 |\n",
    );
    assert_eq!(rule(&results, "HYG-008").status, Status::Missing);
}

// ---------------------------------------------------------------------------
// Rule sets 1.2.1: rules that read fresh wording
// ---------------------------------------------------------------------------

#[test]
fn usability_weighed_in_the_award_criteria_with_a_scenario_demonstration_is_met() {
    reads(
        "# Konkurransegrunnlag\n\n## 5 Evaluering\n\n\
         | Tildelingskriterium | Vekt | Dokumentasjon |\n|---|---|---|\n\
         | Pris | 40 % | Prisskjema |\n\
         | Brukervennlighet | 60 % | Scenariodemonstrasjon for et panel av helsesekretærer |\n",
        "UX-002",
        Status::Met,
    );
    // A list of user scenarios that nobody evaluates is no evaluation.
    let results = check_md(
        "# Kravspesifikasjon\n\n## 6 Brukerscenarier\n\n\
         1. En beboer faller om natten, og nattevakten dokumenterer fallet.\n",
    );
    assert_eq!(rule(&results, "UX-002").status, Status::Missing);
}

#[test]
fn a_table_of_options_with_price_and_cap_is_a_clear_option() {
    reads(
        "# Konkurransegrunnlag\n\n## 8 Opsjoner\n\n\
         | Opsjon | Innhold | Pris | Utløses |\n|---|---|---|---|\n\
         | 1 | Inntil 12 ekstra lisenser for fysioterapeuter | Pris per lisens etter prisskjemaet | Innen to år |\n",
        "CON-003",
        Status::Met,
    );
    // An option with a price but neither cap nor window is not yet clear.
    let results = check_md(
        "# Konkurransegrunnlag\n\n## 8 Opsjoner\n\n\
         | Opsjon | Innhold |\n|---|---|\n\
         | 1 | Modul for fysioterapi, priset i prisskjemaet |\n",
    );
    assert_eq!(rule(&results, "CON-003").status, Status::Missing);
}

#[test]
fn a_price_per_unit_states_the_price_model() {
    reads(
        "# Konkurransegrunnlag\n\n## 7 Pris\n\n\
         Tilbudt pris oppgis som årlig pris per korttidsplass, inkludert drift og vedlikehold.\n",
        "CON-010",
        Status::Met,
    );
}

#[test]
fn minimum_requirements_met_by_the_nynorsk_deadline_or_at_start_of_operation_say_when() {
    each_reads(
        "# Om krava\n\n",
        &[
            "Minstekrava må vere oppfylte ved tilbodsfristen.",
            "Absolutte krav skal være oppfylt ved oppstart av tjenesten i den første kommunen.",
        ],
        "HYG-006",
        Status::Met,
    );
}

#[test]
fn uptime_without_a_level_is_no_service_level() {
    reads(
        "# Drift\n\nLeverandøren skal sørge for god oppetid.\n",
        "CON-004",
        Status::Missing,
    );
    let results = check_md("# Drift\n\nLeverandøren skal sørge for oppetid på 99,7 % i året.\n");
    assert_eq!(rule(&results, "CON-004").status, Status::Met);
}

#[test]
fn deleting_or_exporting_data_when_the_contract_ends_is_exit_not_a_function() {
    let results = check_md(
        "# Kontraktsvilkår\n\n\
         Når kontrakten opphører, skal leverandøren slette alle journalopplysninger hos seg.\n\n\
         Ved kontraktens opphør skal leverandøren eksportere alle data i et åpent format.\n",
    );
    for id in ["ARC-003", "INF-002"] {
        let r = rule(&results, id);
        assert_eq!(r.status, Status::Missing, "{id}: {:?}", excerpts(r));
    }
    // ARC-004, the rule about the end of the contract, is met by the same lines.
    assert_eq!(rule(&results, "ARC-004").status, Status::Met);
}

#[test]
fn modules_the_municipality_can_buy_are_licences_not_loose_coupling() {
    reads(
        "# Arkitektur\n\nLøsningen skal være modulbasert, slik at kommunen kan kjøpe nye moduler når tjenestene vokser.\n",
        "ARK-002",
        Status::Missing,
    );
}

#[test]
fn information_shown_in_the_clinicians_own_screen_is_in_the_daily_tool() {
    each_reads(
        "# Brukeropplevelse\n\n",
        &[
            "Kritisk informasjon fra kjernejournal skal vises i pasientbildet hos sykepleieren.",
            "Visit notes from the therapists shall be shown in their work list for the home-care nurses.",
        ],
        "UX-003",
        Status::Met,
    );
}

#[test]
fn integrations_the_supplier_answers_for_are_an_integration_responsibility() {
    each_reads(
        "# Integrasjoner\n\n",
        &[
            "Leverandøren skal ha ansvaret for at løsningen blir integrert med fagsystemene i tabell 4.",
            "Annex 3 lists the Customer's systems and the integrations the Supplier is responsible for.",
        ],
        "ARK-006",
        Status::Met,
    );
}

#[test]
fn a_glossary_that_spells_out_icf_does_not_redefine_it() {
    reads(
        "# Ordliste\n\n| Begrep | Forklaring |\n|---|---|\n\
         | ICF | International Classification of Functioning, Disability and Health |\n\n\
         # Krav\n\nTerapeutene skal registrere funksjonsnivå med ICF.\n",
        "INT-017",
        Status::Met,
    );
}

#[test]
fn sharing_with_hospitals_beyond_messaging_asks_for_sharing() {
    reads(
        "# Samhandling\n\nLøsningen bør dele journalopplysninger med sykehuset ut over meldingsutveksling.\n",
        "INF-004",
        Status::Weak,
    );
}

#[test]
fn a_heading_that_holds_both_halves_of_a_near_rule_does_not_make_every_sentence_below_it_match() {
    reads(
        "# Krav\n\n## Deling med sykehuset\n\nLøsningen skal bruke HelseID for pålogging.\n",
        "INF-004",
        Status::Missing,
    );
}

#[test]
fn an_option_that_names_the_municipalities_caps_it_and_closes_it_to_others_is_no_open_clause() {
    reads(
        "# Konkurransegrunnlag\n\n## 4 Opsjon for nabokommuner\n\n\
         Lunde kommune og Storvik kommune kan slutte seg til avtalen innen to år. \
         Opsjonen gjelder til sammen inntil 2 000 brukere. \
         Andre kommuner kan ikke slutte seg til avtalen.\n",
        "CON-002",
        Status::Passed,
    );
    let results = check_md(
        "# Konkurransegrunnlag\n\n## 4 Opsjon for nabokommuner\n\n\
         Andre kommuner i fylket kan slutte seg til avtalen.\n",
    );
    assert_eq!(rule(&results, "CON-002").status, Status::Violation);
}

#[test]
fn sharing_across_all_services_or_from_rehabilitation_to_home_care_is_sharing_between_service_areas()
 {
    each_reads(
        "# Samhandling\n\n",
        &[
            "Alle tjenestene skal dele journalopplysninger med hverandre.",
            "Notes written by the rehabilitation unit shall be displayed to the home care staff.",
            "Sykehjemmet skal få oversikt over hvilke tjenester kommunen gir beboeren fra før.",
        ],
        "INF-003",
        Status::Met,
    );
}

#[test]
fn a_row_left_without_a_type_in_a_typed_table_does_not_bind_from_1_2_1() {
    let tender = "# Kravspesifikasjon for Lindøy sykehjem\n\n\
        | Nr | Krav | Type |\n|---|---|---|\n\
        | K-1 | Løsningen skal støtte HelseID for pålogging. | M |\n\
        | K-2 | Løsningen skal motta hendelser fra velferdsteknologisk knutepunkt (VKP). | |\n";
    reads(tender, "INT-012", Status::Weak);
    // A team that pinned 1.2.0 keeps what it was released with.
    let pinned = crate::support::tender::check_markdown(tender, "ks-felles-journalloft@1.2.0");
    assert_eq!(
        crate::support::tender::result(&pinned, "INT-012").status,
        Status::Met
    );
}

#[test]
fn words_of_another_sense_no_longer_meet_export_medication_list_or_the_national_platform() {
    // Reports to a spreadsheet are a print-out, not the data on established standards:
    // from KS 1.2.2 the catalogue's «partial» (`partial:`), weak at most, never met.
    reads(
        "# Rapporter\n\nBrukerne skal kunne eksportere statistikk til Excel.\n",
        "INF-002",
        Status::Weak,
    );
    // Multidose in the ward's medication round is not the national medication list.
    reads(
        "# Legemidler\n\nSykepleierne skal registrere utdeling av multidoseposer på medisinrommet.\n",
        "INT-005",
        Status::Missing,
    );
    // A requirement table's category «Samhandling» beside a NEWS2 score is no platform.
    reads(
        "# Krav\n\n| Område | Krav | Type |\n|---|---|---|\n\
         | Samhandling | Løsningen skal beregne NEWS2 ut fra registrerte vitale målinger. | M |\n",
        "INT-016",
        Status::Missing,
    );
}
