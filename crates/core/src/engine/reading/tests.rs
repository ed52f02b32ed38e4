use super::*;
use crate::document::markdown;
use std::path::PathBuf;

fn read(md: &str) -> Vec<(String, String)> {
    let doc = markdown::read(PathBuf::from("t.md"), md);
    definitions_in(&doc, 0)
        .into_iter()
        .map(|d| (d.abbreviation, d.expansion))
        .collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn glossary_tables_and_lists_define_abbreviations() {
    let md = "# 2 Ordliste\n\n| Forkortelse | Betydning |\n|---|---|\n| SSO | Sentralt sykehjemskontor. Ligg i rådhuset |\n| KJ | Kjernejournal |\n\n- **AR** – Avdeling for rehabilitering\n- PLO: Pleie- og omsorgsmeldinger\n";
    assert_eq!(
        read(md),
        [
            pair("SSO", "Sentralt sykehjemskontor"),
            pair("KJ", "Kjernejournal"),
            pair("AR", "Avdeling for rehabilitering"),
            pair("PLO", "Pleie- og omsorgsmeldinger"),
        ]
    );
    // nynorsk and English headings
    let nn = "## Omgrep og forkortingar\n\n- KJ – Kommunal journalgruppe\n";
    assert_eq!(read(nn), [pair("KJ", "Kommunal journalgruppe")]);
    let en =
        "## Glossary\n\n| Term | Definition |\n|---|---|\n| AR | Assisted rehabilitation unit |\n";
    assert_eq!(read(en), [pair("AR", "Assisted rehabilitation unit")]);
}

#[test]
fn first_use_in_parentheses_defines_either_way_round() {
    assert_eq!(
        read("Tjenesten skal tas i bruk ved Avdeling for rehabilitering (AR) fra 2027.\n"),
        [pair("AR", "Avdeling for rehabilitering")]
    );
    assert_eq!(
        read("Løsningen skal tas i bruk ved Sentralt sykehjemskontor (SSO).\n"),
        [pair("SSO", "Sentralt sykehjemskontor")]
    );
    assert_eq!(
        read("Tenesta skal nyttast ved AR (Avdeling for rehabilitering).\n"),
        [pair("AR", "Avdeling for rehabilitering")]
    );
    assert_eq!(
        read("The service is run by the Staff Scheduling Office (SSO).\n"),
        [pair("SSO", "Staff Scheduling Office")]
    );
    assert_eq!(
        read("Forkortelser: KJ = kjernejournal, AR = Adresseregisteret.\n"),
        [pair("KJ", "kjernejournal"), pair("AR", "Adresseregisteret")]
    );
    assert_eq!(
        read("Prosjektet ledes av SSO – Sentralt sykehjemskontor.\n").len(),
        0,
        "«–» mid-sentence is no definition outside a glossary"
    );
    assert_eq!(
        read("AR – Avdeling for rehabilitering har 40 senger.\n"),
        [pair("AR", "Avdeling for rehabilitering har 40 senger")]
    );
}

#[test]
fn capitals_that_define_nothing_are_not_definitions() {
    for md in [
        "Løsningen skal støtte KJ (se punkt 3.2).\n",
        "Løsningen skal støtte PLL – det er et minstekrav.\n",
        "Integrasjon med KJ skal være på plass ved oppstart.\n",
        "Løysinga skal støtte KJ (sjå punkt 3.2).\n",
        "Løysinga skal støtte PLL – det er eit minstekrav.\n",
        "The solution shall support SSO (see section 3.2).\n",
        "The supplier shall use SSO: it is mandatory.\n",
        "Kommunen bruker NHN (Norsk helsenett) og HelseID.\n",
        "| Krav-ID | Krav | Type |\n|---|---|---|\n| K1 | KJ skal støttes | M |\n",
    ] {
        let found = read(md);
        assert!(found.iter().all(|(a, _)| a == "NHN"), "{md}: {found:?}");
    }
    assert_eq!(
        read("Kommunen bruker NHN (Norsk helsenett).\n"),
        [pair("NHN", "Norsk helsenett")]
    );
    assert_eq!(
        read("Meldinger går via Velferdsteknologisk knutepunkt (VKP).\n"),
        [pair("VKP", "Velferdsteknologisk knutepunkt")]
    );
}

#[test]
fn the_byte_test_finds_every_pair_of_capitals() {
    for text in [
        "",
        "Aa",
        "a.B",
        "Løsningen skal",
        "ÆØ",
        "ab ÅR cd",
        "PLL",
        "xÆR",
        "HelseID",
    ] {
        let expected = text
            .chars()
            .zip(text.chars().skip(1))
            .any(|(a, b)| a.is_uppercase() && b.is_uppercase() && (a.is_ascii() || b.is_ascii()));
        assert_eq!(has_capital_pair(text.as_bytes()), expected, "{text:?}");
    }
}

#[test]
fn a_weighed_criterion_is_evaluation_wherever_it_stands() {
    for s in [
        "Kvalitet 40 %: integrasjon med kjernejournal og HelseID.",
        "Tildeling skjer på grunnlag av pris (vekt 30 %) og kvalitet (vekt 70 %).",
        "Miljø - 10 prosent.",
        "Quality (weight 50 %): integration with the Summary Care Record.",
    ] {
        assert!(weighs_a_criterion(&normalize(s).text), "{s}");
    }
    for s in [
        "Løsningen skal ha en oppetid på 99,5 %.",
        "Prisen skal justeres med inntil 3 % årlig.",
        "Kvaliteten på dataene skal være god.",
        "The price is fixed for the first year.",
    ] {
        assert!(!weighs_a_criterion(&normalize(s).text), "{s}");
    }
}

#[test]
fn award_criteria_are_recognised_by_heading_and_table_header() {
    assert!(names_award_criteria("6 tildelingskriterium"));
    assert!(names_award_criteria("award criteria and weighting"));
    assert!(names_award_criteria("kriterier for tildeling"));
    assert!(!names_award_criteria("krav til løsningen"));
    assert!(is_award_header(&[
        "Tildelingskriterium".into(),
        "Vekt".into(),
        "Dokumentasjon".into()
    ]));
    assert!(is_award_header(&[
        "Award criterion".into(),
        "Weight".into()
    ]));
    assert!(!is_award_header(&[
        "Kravnr".into(),
        "Kravtekst".into(),
        "Vekting".into()
    ]));
}

#[test]
fn a_heading_naming_the_award_is_told_from_the_allocation_of_a_service() {
    for title in [
        "6 tildeling",
        "kvalifikasjon og tildeling",
        "tildeling av kontrakt",
        "award",
        "evaluering av tilboda",
    ] {
        assert!(names_the_award(title), "{title}");
    }
    for title in [
        "tildeling av sykehjemsplass",
        "tildelingskontoret",
        "evaluering av tjenesten",
    ] {
        assert!(!names_the_award(title), "{title}");
    }
}
