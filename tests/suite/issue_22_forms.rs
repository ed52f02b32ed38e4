//! Issue 22, «forms»: forms recognised by their shape, not by a word. A price table,
//! an answer template for the vendor, an inventory of today's systems and the state's
//! standard contract texts require nothing and violate nothing (`reading: forms`, on
//! in 1.2.0); a requirement table's type column is found by its values when no title
//! names it; a brand is no longer excused by the word «integrasjon» in its sentence or
//! heading. Every test goes through `check_paths`, as a user's check does.

use crate::support::tender::{check_dir, check_md, excerpts, rule};
use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
use std::path::PathBuf;
use tenderlint::findings::{RuleResult, Status};

/// The excerpts of a result's evidence that `place` (file and section) picks.
fn excerpts_in(r: &RuleResult, place: impl Fn(&str, &str) -> bool) -> Vec<&str> {
    r.evidence
        .iter()
        .filter(|e| place(&e.file, &e.section))
        .map(|e| e.excerpt.as_str())
        .collect()
}

/// A real tender of the shared corpora, beside this checkout (`../shared`) or beside
/// the folder of worktrees it is one of (`../../shared`).
fn real_tender(name: &str) -> Option<PathBuf> {
    let found = [
        "/../shared/corpora/tenders-real",
        "/../../shared/corpora/tenders-real",
    ]
    .iter()
    .map(|rel| PathBuf::from(format!("{}{rel}", env!("CARGO_MANIFEST_DIR"))).join(name))
    .find(|dir| dir.is_dir());
    if found.is_none() {
        eprintln!("note: the shared corpora are absent; {name} skipped");
    }
    found
}

// ---------------------------------------------------------------------------
// Brands: an inventory is a form, not a word (HYG-001)
// ---------------------------------------------------------------------------

#[test]
fn a_brand_under_an_architecture_and_integration_heading_is_a_violation() {
    let results = check_md(
        "# 3 Arkitektur og integrasjon\n\n\
         | Krav-ID | Kravtekst | Type |\n|---|---|---|\n\
         | K-1 | Løsningen skal bruke Microsoft SQL Server som database. | A |\n",
    );
    let r = rule(&results, "HYG-001");
    assert_eq!(r.status, Status::Violation, "{:?}", excerpts(r));
    assert!(excerpts(r)[0].contains("Microsoft SQL Server"));
}

#[test]
fn a_brand_in_a_sentence_about_integrations_is_a_violation() {
    let results = check_md("# 4 Drift\n\nIntegrasjonene skal bygges på MuleSoft.\n");
    let r = rule(&results, "HYG-001");
    assert_eq!(r.status, Status::Violation, "{:?}", excerpts(r));
}

#[test]
fn an_inventory_of_todays_systems_and_their_interfaces_names_no_brand_demanded() {
    let results = check_md(
        "# 3 Fagsystemer i kommunen\n\n\
         | Fagsystem | Leverandør | Grensesnitt |\n|---|---|---|\n\
         | Gerica skal fases ut ved avtalestart | Tieto | HL7 PLO-meldinger |\n\
         | CosDoc skal brukes på legevakten til 2027 | Visma | Dialogmelding |\n",
    );
    let r = rule(&results, "HYG-001");
    assert_eq!(r.status, Status::Passed, "{:?}", excerpts(r));
}

#[test]
fn a_product_the_solution_integrates_with_or_one_with_or_equivalent_is_no_violation() {
    for text in [
        "Løsningen skal integreres med kommunens Visma-lønnssystem.",
        "Løsningen skal ha integrasjon mot Microsoft Exchange for kalender.",
        "Løsningen skal bruke Microsoft SQL Server eller tilsvarende som database.",
    ] {
        let results = check_md(&format!("# 3 Arkitektur og integrasjon\n\n{text}\n"));
        let r = rule(&results, "HYG-001");
        assert_eq!(r.status, Status::Passed, "{text}: {:?}", excerpts(r));
    }
}

// ---------------------------------------------------------------------------
// The type column found by its values (HYG-004, HYG-005)
// ---------------------------------------------------------------------------

const BY_VALUES: [[&str; 4]; 4] = [
    ["Kategori", "Krav", "Beskrivelse", "Krav"],
    [
        "Sikkerhet",
        "Løsningen skal støtte tofaktorautentisering.",
        "Gjelder alle brukere.",
        "Må",
    ],
    [
        "Sikkerhet",
        "Løsningen bør støtte pålogging med HelseID",
        "For helsepersonell.",
        "Må",
    ],
    [
        "Språk",
        "Løsningen bør støtte nynorsk.",
        "Brukergrensesnittet.",
        "Bør",
    ],
];

/// HYG-004 silent, HYG-005 on the one «bør» row typed «Må» only.
fn assert_the_last_column_is_the_type_column(results: &[RuleResult]) {
    let untyped = rule(results, "HYG-004");
    assert_eq!(untyped.status, Status::Passed, "{:?}", excerpts(untyped));
    let mismatch = rule(results, "HYG-005");
    assert_eq!(mismatch.status, Status::Violation);
    let found = excerpts(mismatch);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("pålogging med HelseID"), "{found:?}");
}

#[test]
fn a_type_column_titled_krav_is_found_by_its_values_in_markdown() {
    let mut md = String::from("# 5 Krav\n\n");
    for (i, row) in BY_VALUES.iter().enumerate() {
        md.push_str(&format!("| {} |\n", row.join(" | ")));
        if i == 0 {
            md.push_str("|---|---|---|---|\n");
        }
    }
    assert_the_last_column_is_the_type_column(&check_md(&md));
}

#[test]
fn a_type_column_titled_krav_is_found_by_its_values_in_docx() {
    let rows = BY_VALUES
        .iter()
        .map(|row| {
            TableRow::new(
                row.iter()
                    .map(|c| TableCell::new().add_paragraph(p(c)))
                    .collect(),
            )
        })
        .collect();
    let docx = Docx::new()
        .add_paragraph(p("Kravene til løsningen står i tabellen."))
        .add_table(Table::new(rows));
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).expect("pack");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("krav.docx"), out.into_inner()).expect("write");
    assert_the_last_column_is_the_type_column(&check_dir(dir.path()));
}

fn p(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

// ---------------------------------------------------------------------------
// Price tables, answer templates, standard contract texts
// ---------------------------------------------------------------------------

#[test]
fn a_price_table_holds_no_requirement_without_a_type() {
    let results = check_md(
        "# 2 Månedlig tjenestepris\n\n\
         | Type bruker | Pris pr. måned | Antall måneder | Totalpris pr. år |\n|---|---|---|---|\n\
         | Nord-Odal |  | 12 |  |\n| Sør-Odal |  | 12 |  |\n| Løten | kr 1 200,- | 12 |  |\n",
    );
    let r = rule(&results, "HYG-004");
    assert_eq!(r.status, Status::Passed, "{:?}", excerpts(r));
}

#[test]
fn an_answer_template_for_the_vendor_requires_nothing() {
    let results = check_md(
        "# Bilag 2 Konsulentens spesifikasjon\n\n\
         | Nr. | Kundens beskrivelse av oppdraget |\n|---|---|\n\
         | 1 | Konsulenten skal levere en kort beskrivelse av sin tilbudte service og support, med rask responstid. |\n\
         | Konsulentens besvarelse |  |\n| 1 |  |\n",
    );
    for id in ["HYG-004", "HYG-007"] {
        let r = rule(&results, id);
        assert_eq!(r.status, Status::Passed, "{id}: {:?}", excerpts(r));
    }
}

#[test]
fn the_standard_data_processing_agreement_is_not_the_buyers_wording() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("databehandleravtale.md"),
        "Databehandleravtale\n\nEr inngått mellom kommunen (heretter kalt Behandlingsansvarlig) og \
         leverandøren (heretter kalt Databehandler).\n\n# 10 Overføring til tredjeland\n\n\
         Overføring skal skje på grunnlag av en beslutning om tilstrekkelig beskyttelsesnivå.\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("krav.md"),
        "# Krav\n\nLøsningen skal være brukervennlig.\n",
    )
    .expect("write");
    let results = check_dir(dir.path());
    let r = rule(&results, "HYG-007");
    // The buyer's own vague word is flagged; the regulation's wording in the standard
    // agreement is not.
    assert_eq!(r.status, Status::Violation);
    let files: Vec<&str> = r.evidence.iter().map(|e| e.file.as_str()).collect();
    assert!(
        files.iter().all(|f| f.ends_with("krav.md")),
        "{files:?}: {:?}",
        excerpts(r)
    );
}

#[test]
fn an_introduction_describes_it_does_not_require() {
    let results = check_md(
        "# 1.0 Introduksjon\n\nDet kan være vanskelig å finne informasjon raskt nok der beslutninger må tas på kort varsel.\n",
    );
    let r = rule(&results, "HYG-007");
    assert_eq!(r.status, Status::Passed, "{:?}", excerpts(r));
}

// ---------------------------------------------------------------------------
// The real tenders
// ---------------------------------------------------------------------------

#[test]
fn digiskjema_price_table_cells_holding_12_are_no_untyped_requirements() {
    let Some(dir) = real_tender("digiskjema-SSA-L") else {
        return;
    };
    let results = check_dir(&dir);
    let r = rule(&results, "HYG-004");
    let in_prices = excerpts_in(r, |file, _| file.contains("Bilag 6"));
    assert!(in_prices.is_empty(), "{in_prices:?}");
    assert_eq!(r.status, Status::Passed, "{:?}", excerpts(r));
}

#[test]
fn antidoping_introduction_and_answer_template_raise_no_hygiene_finding() {
    let Some(dir) = real_tender("antidoping") else {
        return;
    };
    let results = check_dir(&dir);
    let vague = rule(&results, "HYG-007");
    let in_introduction = excerpts_in(vague, |_, section| section.contains("Introduksjon"));
    assert!(in_introduction.is_empty(), "{in_introduction:?}");
    // The award-criteria table the consultant answers in («Konsulentens besvarelse»).
    let untyped = rule(&results, "HYG-004");
    assert_eq!(untyped.status, Status::Passed, "{:?}", excerpts(untyped));
}

#[test]
fn nve_standard_data_processing_agreement_raises_no_vague_wording() {
    let Some(dir) = real_tender("nve-medieovervaking") else {
        return;
    };
    let results = check_dir(&dir);
    let r = rule(&results, "HYG-007");
    let in_dpa = excerpts_in(r, |file, _| file.contains("dba_generell_avtaletekst"));
    assert!(in_dpa.is_empty(), "{in_dpa:?}");
    assert!(
        r.evidence
            .iter()
            .all(|e| !e.excerpt.contains("beskyttelsesnivå")),
        "{:?}",
        excerpts(r)
    );
}

#[test]
fn the_state_general_terms_are_a_form_and_the_buyers_bilag_to_them_is_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("generell-avtaletekst.md"),
        "Avtale om løpende tjenestekjøp over internett\n\nStatens standardavtaler for IT-anskaffelser\n\n\
         Avtalen er inngått mellom kommunen (heretter kalt Kunden) og leverandøren (heretter kalt \
         Leverandøren).\n\n# 2 Leverandørens plikter\n\nLeverandøren skal ha tilstrekkelig kompetanse.\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("bilag-1.md"),
        "Bilag til SSA-O\n\nStatens standardavtale om konsulentoppdrag\n\n# Bilag 1 Kundens beskrivelse\n\n\
         Konsulenten skal levere en stabil løsning.\n",
    )
    .expect("write");
    let results = check_dir(dir.path());
    let r = rule(&results, "HYG-007");
    let files: Vec<&str> = r.evidence.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(r.status, Status::Violation);
    assert!(
        files.iter().all(|f| f.ends_with("bilag-1.md")),
        "{files:?}: {:?}",
        excerpts(r)
    );
}

#[test]
fn a_table_of_contents_names_topics_it_does_not_state_or_require() {
    let results = check_md(
        "Innholdsfortegnelse\n\n1 Innledning 2\n\n2 Stabil og rask drift 4\n\n\
         3 Bilag 8 Databehandleravtale 11\n\n4 Tildeling ........ 12\n\n# 1 Innledning\n\nKommunen kjøper en journalløsning.\n",
    );
    for (id, status) in [("HYG-007", Status::Passed), ("CON-005", Status::Missing)] {
        let r = rule(&results, id);
        assert_eq!(r.status, status, "{id}: {:?}", excerpts(r));
    }
}

#[test]
fn qualification_requirements_are_typed_by_their_column_title() {
    let results = check_md(
        "# 2 Kvalifikasjonskrav\n\n\
         | Nr. | Kvalifikasjonskrav | Dokumentasjon |\n|---|---|---|\n\
         | 1 | Leverandøren skal være registrert i Enhetsregisteret. | Firmaattest |\n\
         | 2 | Leverandøren skal ha økonomisk og finansiell kapasitet til å gjennomføre kontrakten. | Årsregnskap |\n\n\
         # 3 Krav\n\n| Krav-ID | Kravtekst |\n|---|---|\n| K-1 | Løsningen skal støtte HelseID. |\n",
    );
    let r = rule(&results, "HYG-004");
    // Only the specification row without a type.
    assert_eq!(r.status, Status::Violation);
    assert_eq!(excerpts(r).len(), 1, "{:?}", excerpts(r));
    assert!(excerpts(r)[0].contains("HelseID"), "{:?}", excerpts(r));
}

#[test]
fn qualification_requirements_are_typed_by_their_heading() {
    let results = check_md(
        "# 5 Qualification requirements\n\n\
         | Requirement | Documentation |\n|---|---|\n\
         | The supplier shall be registered in a register of companies. | Certificate of registration |\n\n\
         # 6 Requirements\n\n| Req. ID | Requirement |\n|---|---|\n| R-1 | The solution shall support HelseID. |\n",
    );
    let r = rule(&results, "HYG-004");
    assert_eq!(r.status, Status::Violation);
    assert_eq!(excerpts(r).len(), 1, "{:?}", excerpts(r));
    assert!(excerpts(r)[0].contains("HelseID"), "{:?}", excerpts(r));
}

/// The table of contents no longer stands in for the annex: «Bilag 8: Databehandleravtale 11»
/// is a contents line, and what says the agreement is attached is the bilag's own sentence.
#[test]
fn nve_attached_data_processing_agreement_meets_sec_002_without_its_contents_line() {
    let Some(dir) = real_tender("nve-medieovervaking") else {
        return;
    };
    let results = check_dir(&dir);
    let r = rule(&results, "SEC-002");
    assert_eq!(r.status, Status::Met, "{:?}", excerpts(r));
    assert!(
        excerpts(r).iter().any(|e| e.contains("er vedlagt")),
        "{:?}",
        excerpts(r)
    );
}
