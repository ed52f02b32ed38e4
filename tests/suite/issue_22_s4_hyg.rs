//! Issue 22, fourth reading pass, the hygiene set: causes found on `fixtures/fresh-2` and
//! `fixtures/fresh-3`, each proven with a tender of its own, worded unlike those corpora.
//! Every test goes through `check_paths`, as a user's check does.

use crate::support::tender::reads;
use tenderlint::findings::Status;

// ---------------------------------------------------------------------------
// Modal readings around «kan», roadmaps, deferrals (engine: text/modality, modal_shapes)
// ---------------------------------------------------------------------------

#[test]
fn a_demanded_roadmap_binds_while_a_plan_on_the_roadmap_stays_weak() {
    reads(
        "# Kontrakt\n\nLeverandøren skal hvert halvår legge fram et oppdatert veikart for produktet.\n",
        "CON-007",
        Status::Met,
    );
    reads(
        "# Kontrakt\n\nThe supplier shall share its product roadmap with the customer every spring.\n",
        "CON-007",
        Status::Met,
    );
    reads(
        "# Kontrakt\n\nLeverandøren skal etter veikartet tilby et brukerforum fra 2028.\n",
        "CON-007",
        Status::Weak,
    );
}

#[test]
fn the_buyers_right_to_order_more_at_a_set_price_is_a_clear_option() {
    reads(
        "# Avtale\n\n## 5 Opsjoner\n\nKommunen kan i avtaleperioden kjøpe inntil 15 ekstra lisenser til \
         enhetsprisen i prisskjemaet.\n",
        "CON-003",
        Status::Met,
    );
    reads(
        "# Contract\n\n## Change clause\n\nThe customer may extend the contract with up to two further \
         service areas, at the unit prices of the price form.\n",
        "CON-003",
        Status::Met,
    );
}

#[test]
fn a_permission_limited_to_approved_subcontractors_binds() {
    reads(
        "# Kontrakt\n\nLeverandøren kan kun benytte underleverandører som kommunen har godkjent på forhånd.\n",
        "CON-009",
        Status::Met,
    );
    reads(
        "# Kontrakt\n\nLeverandøren kan ikke knytte til seg nye underleverandører uten kommunens skriftlige \
         samtykke.\n",
        "CON-009",
        Status::Met,
    );
}

#[test]
fn a_topic_called_not_relevant_covers_nothing() {
    reads(
        "# Tender\n\n## Scope\n\nClimate and environmental aspects are not relevant here, since only \
         licences are bought.\n",
        "HYG-011",
        Status::Missing,
    );
}

#[test]
fn service_levels_left_to_a_later_agreement_are_not_stated() {
    reads(
        "# Kontrakt\n\nTjenestenivåer og kompensasjoner avtales senere, før kontraktsignering.\n",
        "CON-004",
        Status::Missing,
    );
    reads(
        "# Contract\n\nThe service level agreement is to be agreed with the chosen supplier.\n",
        "CON-004",
        Status::Missing,
    );
}

#[test]
fn an_encouragement_to_attach_the_self_declaration_is_weak() {
    reads(
        "# Tilbud\n\nTilbydere oppfordres til å vedlegge KS' selvdeklarasjon for journalleverandører.\n",
        "HYG-014",
        Status::Weak,
    );
}

// ---------------------------------------------------------------------------
// What is bought, under an introduction (engine: plan::nonnormative_sections)
// ---------------------------------------------------------------------------

#[test]
fn a_contract_section_under_the_introduction_is_the_tenders_own_word() {
    let tender = "# Anskaffelse av journalsystem\n\n## 1 Innledning\n\n### 1.1 Om oss\n\n\
                  Tjenesten har 30 ansatte.\n\n### 1.2 Kontraktsform og bilag\n\n\
                  Leveransen avtales på SSA-D, med databehandleravtalen som bilag 8.\n";
    reads(tender, "CON-001", Status::Met);
    reads(tender, "CON-005", Status::Met);
    // The introduction itself stays background.
    reads(
        "# Anskaffelse\n\n## 1 Innledning\n\nLeveransen avtales på SSA-D.\n",
        "CON-001",
        Status::Missing,
    );
}

// ---------------------------------------------------------------------------
// A counterpart's system is named, not specified (HYG-001; rules/products)
// ---------------------------------------------------------------------------

#[test]
fn a_system_the_counterpart_runs_is_no_brand_requirement() {
    reads(
        "# Krav\n\nLøsningen skal ta imot røntgensvar fra DIPS hos Fjellby sjukehus.\n",
        "HYG-001",
        Status::Passed,
    );
    reads(
        "# Krav\n\nAll historikk i dagens Gerica skal kunne søkes fram i ny løsning.\n",
        "HYG-001",
        Status::Passed,
    );
    // The buyer's own choice of brand is still one.
    reads(
        "# Krav\n\nBrukerne skal logge på med kommunens Azure AD.\n",
        "HYG-001",
        Status::Violation,
    );
}

// ---------------------------------------------------------------------------
// The price model of an option (CON-010 reads options as binding from 1.2.2)
// ---------------------------------------------------------------------------

#[test]
fn the_unit_price_an_option_is_bought_at_is_a_stated_price_model() {
    reads(
        "# Konkurransegrunnlag\n\n## Opsjoner\n\n| Nr | Opsjon | Prisgrunnlag | Frist |\n|---|---|---|---|\n\
         | 1 | Utvidelse med dagsenteret, høyst 35 brukere | Fast pris per bruker | Innen 18 måneder |\n",
        "CON-010",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// Requirement tables and the time of fulfilment (HYG-004, HYG-005, HYG-006)
// ---------------------------------------------------------------------------

#[test]
fn a_column_of_minimum_requirements_and_award_criteria_types_its_rows() {
    let tender = "# Krav\n\n| Id | Behov | Klassifisering |\n|---|---|---|\n\
                  | 2.1 | Løsningen skal varsle om kritisk informasjon ved innlogging. | Minstekrav |\n\
                  | 2.2 | Løsningen bør la brukeren velge skriftstørrelse. | Tildelingskriterium |\n\
                  | 2.3 | Løsningen bør kunne vise sjekklister på nettbrett. | Minstekrav |\n";
    reads(tender, "HYG-004", Status::Passed);
    reads(tender, "HYG-005", Status::Violation);
}

#[test]
fn minimum_requirements_met_when_the_contract_is_signed_is_a_time_of_fulfilment() {
    reads(
        "# Krav\n\nAlle minstekrav skal være oppfylt ved signering av kontrakten.\n",
        "HYG-006",
        Status::Met,
    );
}

#[test]
fn a_type_code_the_tender_names_in_running_text_types_its_rows() {
    let tender = "# Kravspesifikasjon\n\n## Om kravene\n\nKravtype G er grunnkrav som må være oppfylt \
                  ved kontraktsinngåelse. Kravtype P er poengsatte krav som vektes under kvalitet.\n\n\
                  ## Krav\n\n| Id | Type | Krav |\n|---|---|---|\n\
                  | 1 | G | Løsningen skal skrive ut resepter på papir ved nettbrudd. |\n\
                  | 2 | P | Løsningen bør vise pasientens språk og tolkebehov. |\n\
                  | 3 | G | Løsningen bør kunne sende SMS-varsel om endret time. |\n";
    reads(tender, "HYG-004", Status::Passed);
    reads(tender, "HYG-005", Status::Violation);
}

// ---------------------------------------------------------------------------
// Rule terms of 1.2.2 (CON-002, CON-005, CON-009, HYG-010)
// ---------------------------------------------------------------------------

#[test]
fn a_list_of_contract_annexes_names_the_data_processing_agreement() {
    reads(
        "# Konkurransegrunnlag\n\n## Kontraktens vedlegg\n\n| Nr. | Innhold |\n|---|---|\n\
         | 4 | Kundens tekniske plattform |\n| 9 | Databehandleravtale |\n",
        "CON-005",
        Status::Met,
    );
}

#[test]
fn sub_processors_under_a_restriction_are_subcontractors_disclosed() {
    reads(
        "# Personvern\n\nDatabehandleren kan ikke bruke underdatabehandlere uten at kommunen har \
         samtykket skriftlig.\n",
        "CON-009",
        Status::Met,
    );
}

#[test]
fn the_directorate_of_ehealth_in_english_is_an_outdated_name() {
    reads(
        "# Requirements\n\nThe solution shall follow the code of conduct published by the Directorate of \
         eHealth.\n",
        "HYG-010",
        Status::Violation,
    );
}

#[test]
fn an_open_joining_clause_under_the_introduction_is_still_the_tenders_clause() {
    reads(
        "# Konkurransegrunnlag\n\n## 1 Innledning\n\n### 1.4 Tilslutning\n\nAndre kommuner i fylket kan \
         slutte seg til rammeavtalen senere.\n",
        "CON-002",
        Status::Violation,
    );
}

#[test]
fn an_option_to_extend_the_term_does_not_make_the_contract_standard_optional() {
    reads(
        "# Kontrakt\n\nRammeavtalen inngås på SSA-D for tre år, med opsjon på forlenging ett år av gangen.\n",
        "CON-001",
        Status::Met,
    );
}

#[test]
fn the_price_column_of_a_table_of_options_is_part_of_each_option() {
    reads(
        "# Avtale\n\n## Opsjoner\n\n| Opsjon | Innhold | Prising |\n|---|---|---|\n\
         | A | Mobil arbeidsflate for hjemmetjenesten | Fast pris per lisens, kan utløses innen ett år |\n",
        "CON-003",
        Status::Met,
    );
}

#[test]
fn sfm_with_the_alternative_of_an_own_module_is_not_exclusive() {
    reads(
        "# Legemidler\n\nLøsningen skal forskrive via SFM eller via egen modul som tilfredsstiller kravene til \
         rekvirentsystemer.\n",
        "HYG-003",
        Status::Passed,
    );
}

#[test]
fn a_second_demand_about_the_first_one_is_no_composite_requirement() {
    reads(
        "# Krav\n\n| Id | Krav | Type |\n|---|---|---|\n\
         | U-3 | Løsningen skal oppfylle WCAG 2.1 AA, og leverandøren skal dokumentere dette med en \
         tilgjengelighetserklæring. | M |\n",
        "HYG-016",
        Status::Passed,
    );
}

#[test]
fn easy_and_intuitive_in_a_minimum_requirement_names_no_measure() {
    reads(
        "# Krav\n\n| Nr | Krav | Type |\n|---|---|---|\n| 12 | Timeboka skal være intuitiv for nye brukere. | M |\n",
        "HYG-007",
        Status::Violation,
    );
}

#[test]
fn the_county_governor_under_its_old_name_is_outdated() {
    reads(
        "# Krav\n\nLøsningen skal kunne levere tilsynsrapporter til Fylkesmannen på forespørsel.\n",
        "HYG-010",
        Status::Violation,
    );
}

#[test]
fn a_demand_listed_under_a_heading_of_wishes_contradicts_its_type() {
    reads(
        "# Kravspesifikasjon\n\n## 4 Bør-krav\n\n- Løsningen bør vise bilde av pasienten.\n\
         - Leverandøren skal tilby kurs i nye versjoner.\n",
        "HYG-005",
        Status::Violation,
    );
    reads(
        "# Kravspesifikasjon\n\n## 4 Bør-krav\n\n- Løsningen bør vise bilde av pasienten.\n",
        "HYG-005",
        Status::Passed,
    );
}

#[test]
fn helping_the_buyer_plan_its_own_roadmap_is_not_the_vendors_roadmap() {
    reads(
        "# Forvaltning\n\nLeverandøren skal delta på månedlige statusmøter og bidra til oppdragsgivers roadmap for nettstedet.\n",
        "CON-007",
        Status::Missing,
    );
    reads(
        "# Forvaltning\n\nLeverandøren skal hvert år presentere sitt veikart for kommunene.\n",
        "CON-007",
        Status::Met,
    );
}
