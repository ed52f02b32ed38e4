//! Issue 22, fifth reading pass, the hygiene set: causes found on `fixtures/fresh-4`
//! and the development corpora, each proven with a tender of its own, worded unlike
//! those corpora. Every test goes through `check_paths`, as a user's check does.

use crate::support::tender::{check_md, excerpts, reads, rule};
use tenderlint::findings::Status;

// ---------------------------------------------------------------------------
// A legend that defines a table's type codes overrides their built-in meaning
// ---------------------------------------------------------------------------

/// A requirement table with one row about logging access to the record, typed `code`,
/// with `legend` written where `at` says: before the table, or as a footnote.
fn typed_logging_row(legend: &str, code: &str, in_footnote: bool) -> String {
    let row = format!(
        "| Nr | Krav | Type |\n|---|---|---|\n\
         | 1 | Løsningen logger alle oppslag i pasientjournalen, med hvem, når og hva. | {code} |\n"
    );
    if in_footnote {
        format!("# Kravspesifikasjon\n\nKravtypene står i fotnoten.[^1]\n\n{row}\n[^1]: {legend}\n")
    } else {
        format!("# Kravspesifikasjon\n\n{legend}\n\n{row}")
    }
}

fn logging_reads(legend: &str, code: &str, in_footnote: bool, status: Status) {
    let tender = typed_logging_row(legend, code, in_footnote);
    let results = check_md(&tender);
    let r = rule(&results, "SEC-005");
    assert_eq!(r.status, status, "{tender}\n{:?}", excerpts(r));
}

#[test]
fn an_english_legend_with_equals_signs_makes_o_obligatory_not_an_option() {
    let legend = "Requirement types: O = obligatory, a bid that fails it is not considered. \
                  W = weighted under the award criterion quality.";
    logging_reads(legend, "O", false, Status::Met);
    logging_reads(legend, "W", false, Status::Weak);
}

#[test]
fn a_legend_in_a_footnote_defines_the_codes() {
    let legend = "Kode O: obligatorisk krav. Kode V: vektes under kvalitet.";
    logging_reads(legend, "O", true, Status::Met);
    logging_reads(legend, "V", true, Status::Weak);
}

#[test]
fn a_code_named_after_its_meaning_in_parentheses_is_defined() {
    // Nynorsk, the code after what it means; «O» would otherwise be an option.
    let legend = "Kvart krav er anten eit ufråvikeleg krav (O) eller eit ynskje (Y).";
    logging_reads(legend, "O", false, Status::Met);
    logging_reads(legend, "Y", false, Status::Weak);
}

#[test]
fn a_code_with_its_meaning_in_parentheses_after_it_is_defined() {
    // «S» is no built-in code; the legend makes it binding.
    let legend = "Krava er merka S (skal-krav) eller B (bør-krav).";
    logging_reads(legend, "S", false, Status::Met);
    logging_reads(legend, "B", false, Status::Weak);
}

#[test]
fn dashes_and_a_list_define_codes_a_buyer_chooses() {
    let legend =
        "Kolonnen Type:\n\n- M – mandatory requirement\n- D – desirable, scored under quality";
    logging_reads(legend, "M", false, Status::Met);
    logging_reads(legend, "D", false, Status::Weak);
}

#[test]
fn a_key_table_with_numbered_types_defines_the_digits() {
    let legend = "| Kravtype | Forklaring |\n|---|---|\n| 1 | Absolutt krav |\n| 2 | Vektes under kvalitet |";
    logging_reads(legend, "1", false, Status::Met);
    logging_reads(legend, "2", false, Status::Weak);
    let running = "Kravtype 1 betyr absolutt krav. Kravtype 2 betyr krav som vektes.";
    logging_reads(running, "1", false, Status::Met);
    logging_reads(running, "2", false, Status::Weak);
}

#[test]
fn a_legend_that_makes_a_built_in_binding_code_weak_is_followed() {
    // A tender whose «A» is an award criterion («A = tildelingskriterium»), not absolute.
    let legend = "Kodene i typekolonnen: K = kvalifiseringskrav som må være oppfylt, \
                  A = krav som inngår i tildelingskriteriet kvalitet.";
    logging_reads(legend, "A", false, Status::Weak);
    logging_reads(legend, "K", false, Status::Met);
}

#[test]
fn lines_that_are_no_legend_leave_the_built_in_codes_alone() {
    // An answer line, a fault priority and a severity class define no type code.
    for text in [
        "A: Ja, det vurderes.",
        "Prioritet 1 – kritisk feil: skal rettes innen to timer.",
        "Feil av kategori A er kritiske og skal rettes samme dag.",
    ] {
        logging_reads(text, "A", false, Status::Met);
    }
    // Without a legend, «O» is the option it usually is.
    reads(
        &typed_logging_row("Krav merket med O er opsjoner.", "O", false),
        "SEC-005",
        Status::Weak,
    );
}

// ---------------------------------------------------------------------------
// HYG-016: a passive demand and «det skal være mulig å …» are demands of their own
// ---------------------------------------------------------------------------

fn one_row(id: &str, text: &str, code: &str) -> String {
    format!("# Krav\n\n| ID | Krav | Type |\n|---|---|---|\n| {id} | {text} | {code} |\n")
}

#[test]
fn a_passive_demand_beside_a_capability_makes_a_composite_row() {
    for (text, code) in [
        (
            "Alle utskrifter skal merkes med brukerens navn. Det skal være mulig å sende meldinger til fastlegen.",
            "Skal",
        ),
        (
            "Vaksinar skal registrerast i SYSVAK. Det skal vere mogleg å skrive ut vekstkurver.",
            "Skal",
        ),
        (
            "Patient records shall be backed up every night. It shall be possible to book appointments online.",
            "M",
        ),
    ] {
        reads(&one_row("K-7", text, code), "HYG-016", Status::Violation);
    }
}

#[test]
fn a_passive_sentence_about_the_same_thing_elaborates_its_row() {
    for text in [
        "Løsningen skal logge all tilgang til journalen. Loggen skal lagres i fem år.",
        "Løsningen skal ha en oppetid på 99,5 %. Det skal være mulig å se oppetiden per måned.",
        "Løsningen skal støtte e-resept. Den skal kunne oppdateres uten nedetid.",
    ] {
        reads(&one_row("K-8", text, "Skal"), "HYG-016", Status::Passed);
    }
}

// ---------------------------------------------------------------------------
// A type cell merged down over several rows types each of them (Word's vMerge)
// ---------------------------------------------------------------------------

/// A Word table cell; `merge` is «restart», «continue» or empty.
fn word_cell(text: &str, merge: &str) -> String {
    let props = match merge {
        "" => String::new(),
        "restart" => r#"<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>"#.to_string(),
        _ => "<w:tcPr><w:vMerge/></w:tcPr>".to_string(),
    };
    format!("<w:tc>{props}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
}

fn word_row(cells: &[(&str, &str)]) -> String {
    let cells: String = cells.iter().map(|(t, m)| word_cell(t, m)).collect();
    format!("<w:tr>{cells}</w:tr>")
}

#[test]
fn a_type_cell_merged_over_rows_types_every_row_it_covers() {
    let table = [
        word_row(&[("Nr", ""), ("Kravtekst", ""), ("Kravtype", "")]),
        word_row(&[
            ("3.1", ""),
            (
                "Løsningen skal føre en tilgangslogg over alle oppslag i journalen.",
                "",
            ),
            ("Minstekrav", "restart"),
        ]),
        word_row(&[
            ("3.2", ""),
            ("Løsningen skal bruke HelseID for innlogging.", ""),
            ("", "continue"),
        ]),
        word_row(&[
            ("3.3", ""),
            ("Løsningen bør vise brukerens siste oppslag først.", ""),
            ("Vurderingskrav", ""),
        ]),
    ]
    .concat();
    let body = format!("<w:tbl>{table}</w:tbl>");
    let bytes = crate::support::docx::docx(&crate::support::docx::document_xml(&body), &[]);
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("bilag-1.docx"), bytes).expect("write");
    let results = crate::support::tender::check_dir(dir.path());
    for (id, status) in [("HYG-004", Status::Passed), ("ARK-003", Status::Met)] {
        let r = rule(&results, id);
        assert_eq!(r.status, status, "{id}: {:?}", excerpts(r));
    }
}

// ---------------------------------------------------------------------------
// HYG-006: go-live as buyers write it is a time of fulfilment
// ---------------------------------------------------------------------------

#[test]
fn minimum_requirements_met_when_the_system_is_taken_into_use_state_a_time() {
    for text in [
        "# Krav\n\nAlle minstekrav skal være innfridd når systemet tas i bruk.\n",
        "# Requirements\n\nAll minimum requirements must be fulfilled by the time the system goes live.\n",
        "# Krav\n\nMinstekrava skal vere oppfylte seinast når journalen blir sett i drift.\n",
    ] {
        reads(text, "HYG-006", Status::Met);
    }
}

// ---------------------------------------------------------------------------
// HYG-004: a data row of a table without a type column is no untyped requirement
// ---------------------------------------------------------------------------

#[test]
fn rows_of_levels_and_annexes_without_a_modal_verb_are_not_untyped_requirements() {
    let tender = "# Konkurransegrunnlag\n\n\
        | ID | Krav | Type |\n|---|---|---|\n\
        | K-1 | Løsningen skal logge alle oppslag i pasientjournalen. | Minstekrav |\n\n\
        ## Tjenestenivå\n\n\
        | Nivå | Krav | Trekk ved brudd |\n|---|---|---|\n\
        | Tilgjengelighet i kjernetid | 99,7 % per kvartal | 2 % av kvartalsvederlaget |\n\n\
        ## Vedlegg\n\n\
        | Nr. | Vedlegg |\n|---|---|\n\
        | Vedlegg 3 | Prisskjema (Excel) |\n";
    reads(tender, "HYG-004", Status::Passed);
    // A requirement stated with «skal» in such a table still needs its type.
    let untyped = "# Krav\n\n| Nr. | Krav |\n|---|---|\n\
        | 1 | Løsningen skal logge alle oppslag i pasientjournalen. |\n";
    reads(untyped, "HYG-004", Status::Violation);
}
