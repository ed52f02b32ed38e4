use super::*;

#[test]
fn binding_markers_cover_what_binds() {
    for phrase in REQUIRED_MARKERS {
        let p = phrase.trim();
        assert!(
            BINDING_WORDS.contains(&p) || REQUIRED_PHRASES.contains(&p),
            "{p}"
        );
    }
    assert_eq!(binding_markers("løsningen skal x. den må y.", 2), 2);
    assert_eq!(binding_markers("løsningen bør x.", 2), 0);
    assert_eq!(binding_markers("support is required", 2), 1);
}

#[test]
fn words_are_the_runs_of_letters_and_digits() {
    let texts = [
        "",
        "   ",
        "løsningen skal støtte e-resept (pll) §15-1, 99,5 %!",
        "ÆØÅ æøå ümlaut naïve café ½ ² ٣ 三 x\u{301}y",
        "a",
        ".a.",
        "leverandøren",
        "\u{1F}celle\u{1F}to\u{1F}",
    ];
    for text in texts {
        let expected: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        assert_eq!(words(text).collect::<Vec<_>>(), expected, "{text:?}");
    }
}
use crate::text::normalize::normalize;

fn modality(s: &str) -> Modality {
    classify(&normalize(s).text)
}

#[test]
fn skal_and_ma_bind() {
    assert_eq!(
        modality("Løsningen skal integreres med kjernejournal."),
        Modality::Binding
    );
    assert_eq!(
        modality("Leverandøren må levere testmiljø."),
        Modality::Binding
    );
    assert_eq!(
        modality("The solution shall support HelseID."),
        Modality::Binding
    );
    assert_eq!(
        modality("Det kreves støtte for e-resept."),
        Modality::Binding
    );
}

#[test]
fn bor_and_onskelig_are_weak() {
    assert_eq!(
        modality("Løsningen bør støtte SMART on FHIR."),
        Modality::Should
    );
    assert_eq!(
        modality("Det er ønskelig at løsningen støtter VKP."),
        Modality::Should
    );
    assert_eq!(modality("Løysinga bør støtte HelseID."), Modality::Should);
    assert_eq!(
        modality("The solution should support FHIR R4."),
        Modality::Should
    );
}

#[test]
fn evaluation_questions_are_weak_even_with_skal() {
    assert_eq!(
        modality("Beskriv hvordan løsningen integreres med kjernejournal."),
        Modality::Question
    );
    assert_eq!(
        modality("Beskriv korleis løysinga støttar HelseID."),
        Modality::Question
    );
    assert_eq!(
        modality("Leverandøren bes redegjøre for logging."),
        Modality::Question
    );
    assert_eq!(
        modality("Leverandøren skal beskrive hvordan data eksporteres."),
        Modality::Question
    );
    assert_eq!(
        modality("Describe how the solution supports SSO."),
        Modality::Question
    );
}

#[test]
fn options_are_weak_even_with_skal() {
    assert_eq!(
        modality("Opsjon: Leverandøren skal levere integrasjon mot VKP."),
        Modality::Option
    );
    assert_eq!(
        modality("Som opsjon skal løsningen støtte DigiHelse."),
        Modality::Option
    );
    assert_eq!(
        modality("Option: the vendor shall deliver a welfare technology hub integration."),
        Modality::Option
    );
}

#[test]
fn future_intent_is_weak() {
    assert_eq!(
        modality("Løsningen skal på sikt støtte PLL."),
        Modality::Future
    );
    assert_eq!(
        modality("Integrasjon mot PMD bør vurderes."),
        Modality::Future
    );
}

#[test]
fn descriptive_text_has_no_modality() {
    assert_eq!(
        modality("Kommunen bruker i dag kjernejournal i legevakten."),
        Modality::None
    );
}

#[test]
fn negations_put_topics_out_of_scope() {
    for s in [
        "Det stilles ikke krav til integrasjon med VKP.",
        "Velferdsteknologi er ikke en del av denne anskaffelsen.",
        "Integrasjon mot Helsenorge er utenfor omfanget.",
        "Det blir ikkje stilt krav til SMART on FHIR.",
        "Velferdsteknologi er ikkje ein del av leveransen.",
        "Integration with the welfare technology hub is out of scope.",
    ] {
        assert!(is_negated(&normalize(s).text), "{s}");
    }
    assert!(!is_negated(
        &normalize("Løsningen skal ikke kreve dobbeltregistrering ved bruk av kjernejournal.").text
    ));
}

#[test]
fn type_cells() {
    assert_eq!(classify_type_cell("M"), Some(Modality::Binding));
    assert_eq!(classify_type_cell("Minstekrav"), Some(Modality::Binding));
    assert_eq!(classify_type_cell("Absolutt krav"), Some(Modality::Binding));
    assert_eq!(classify_type_cell("EK"), Some(Modality::Should));
    assert_eq!(classify_type_cell("Bør"), Some(Modality::Should));
    assert_eq!(classify_type_cell("Ø"), Some(Modality::Should));
    assert_eq!(classify_type_cell("Opsjon"), Some(Modality::Option));
    assert_eq!(
        classify_type_cell("Tildelingskriterium"),
        Some(Modality::Should)
    );
    assert_eq!(classify_type_cell(""), None);
    assert_eq!(classify_type_cell("Se tabell"), None);
}
