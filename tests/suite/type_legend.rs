//! The tender's own type legend («Kravkode | Beskrivelse»: A, V, AV) decides what
//! its type codes mean, in every file of the tender and wherever it is written.

use std::path::{Path, PathBuf};
use tenderlint::document::{BlockKind, read_file};
use tenderlint::engine::{TypeLegend, prepare_with};
use tenderlint::findings::{CheckReport, Status};
use tenderlint::rules::embedded;
use tenderlint::text::Modality;
use tenderlint::{CheckOptions, check_paths};

fn check(paths: &[&str]) -> CheckReport {
    let sets = embedded::load_defaults().unwrap();
    let mut options = CheckOptions::default();
    options.engine.services = vec!["legevakt".into()];
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    check_paths(&paths, &sets, &options)
}

fn status(report: &CheckReport, rule: &str) -> Status {
    report
        .results
        .iter()
        .find(|r| r.rule == rule)
        .map(|r| r.status)
        .unwrap_or_else(|| panic!("no result for {rule}"))
}

#[test]
fn the_legend_in_another_file_types_the_rows_av_binding_and_v_weak() {
    let dir = "fixtures/tenders/nb-kravkoder";
    let tender = check(&[dir]);
    // K1 says only «Kunden har behov for …», typed AV: binding by the legend.
    assert_eq!(status(&tender, "INT-001"), Status::Met);
    // K2 says «skal», typed V: an evaluated requirement, so weak.
    assert_eq!(status(&tender, "INT-004"), Status::Weak);
    let kj = tender.results.iter().find(|r| r.rule == "INT-001").unwrap();
    let evidence = kj
        .evidence
        .iter()
        .find(|e| e.requirement_id.as_deref() == Some("K1"))
        .expect("K1 cited");
    let legend = evidence
        .type_legend
        .as_deref()
        .expect("typed by the legend");
    assert!(
        legend.starts_with("«AV» per the tender's legend"),
        "{legend}"
    );
    assert!(legend.contains("konkurransegrunnlag.md"), "{legend}");

    // The requirement file alone does not know AV and V: the rows read by their words.
    let alone = check(&[&format!("{dir}/bilag-1-kravspesifikasjon.md")]);
    assert_ne!(status(&alone, "INT-001"), Status::Met);
    assert_eq!(status(&alone, "INT-004"), Status::Met);
}

#[test]
fn the_legend_rows_themselves_are_no_requirements() {
    let doc = read_file(Path::new(
        "fixtures/tenders/nb-kravkoder/konkurransegrunnlag.md",
    ))
    .unwrap();
    let legend = TypeLegend::gather(std::slice::from_ref(&doc));
    let prepared = prepare_with(&doc, &legend);
    for (block, p) in doc.blocks.iter().zip(&prepared) {
        if matches!(block.kind, BlockKind::TableRow(_)) {
            assert!(p.statements.iter().all(|s| s.glossary), "{}", block.text);
        }
    }
}

/// The Indigo SSA-L tender (`../shared/corpora/tenders-real/digiskjema-SSA-L/`):
/// Bilag 1 defines A, V and AV in a «Kravkode | Beskrivelse» table and types its
/// requirement tables («Krav type») with them.
#[test]
fn the_real_ssa_l_tender_defines_and_uses_a_v_and_av() {
    let dir = Path::new("../shared/corpora/tenders-real/digiskjema-SSA-L");
    let file = dir.join("Del II - SSA-L Bilag 1 - Kundens kravspesifikasjon.docx");
    if !file.exists() {
        eprintln!(
            "skipped: {} is absent (the shared corpora are not beside this checkout)",
            file.display()
        );
        return;
    }
    let doc = read_file(&file).unwrap();
    let legend = TypeLegend::gather(std::slice::from_ref(&doc));
    let code = |c: &str| legend.lookup(c).map(|e| e.modality);
    assert_eq!(code("a"), Some(Modality::Binding));
    assert_eq!(code("v"), Some(Modality::Should));
    assert_eq!(code("av"), Some(Modality::Binding));

    let prepared = prepare_with(&doc, &legend);
    let mut typed = [0usize; 3];
    for (block, p) in doc.blocks.iter().zip(&prepared) {
        let (Some(row), Some(statement)) = (&p.table, p.statements.first()) else {
            continue;
        };
        if row.is_header || !row.columns.requirement {
            continue;
        }
        let Some(kind) = row.columns.kind.and_then(|k| block.cell(k)) else {
            continue;
        };
        let expected = match kind.trim() {
            "A" => (0, Modality::Binding),
            "V" => (1, Modality::Should),
            "AV" => (2, Modality::Binding),
            _ => continue,
        };
        assert!(row.legend.is_some(), "{}", block.text);
        // The wording may weaken a typed row further (a question), never strengthen it.
        assert!(
            statement.modality == expected.1 || statement.modality.is_weak(),
            "{kind}: {:?} in {}",
            statement.modality,
            block.text
        );
        if statement.modality == expected.1 {
            typed[expected.0] += 1;
        }
    }
    assert!(
        typed.iter().all(|&n| n > 0),
        "A, V, AV rows typed: {typed:?}"
    );
}
