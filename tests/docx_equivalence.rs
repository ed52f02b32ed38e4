//! The engine gives the same conclusions for a tender and its Word rendering:
//! `fixtures/tenders-docx/nb-legevakt/*.docx` were made from the Markdown files in
//! `fixtures/tenders/nb-legevakt/` with pandoc 2.17 (`pandoc -o X.docx X.md`).

use std::path::PathBuf;
use tenderlint::rules::embedded;
use tenderlint::{CheckOptions, check_paths};

#[test]
fn markdown_tender_and_its_docx_rendering_get_the_same_statuses() {
    let sets = embedded::load_defaults().unwrap();
    // Pandoc turns front matter into document properties, so state the services for both.
    let mut options = CheckOptions::default();
    options.engine.services = vec![
        "legevakt".into(),
        "sykehjem".into(),
        "hjemmetjeneste".into(),
    ];
    let md = check_paths(
        &[PathBuf::from("fixtures/tenders/nb-legevakt")],
        &sets,
        &options,
    );
    let docx = check_paths(
        &[PathBuf::from("fixtures/tenders-docx/nb-legevakt")],
        &sets,
        &options,
    );
    assert_eq!(docx.summary.unreadable_files, 0, "{:?}", docx.files);
    assert!(docx.files.iter().all(|f| f.blocks > 5), "{:?}", docx.files);
    let statuses = |r: &tenderlint::findings::CheckReport| {
        r.results
            .iter()
            .map(|x| (x.rule.clone(), x.status, x.evidence_total.min(1)))
            .collect::<Vec<_>>()
    };
    let (a, b) = (statuses(&md), statuses(&docx));
    let differences: Vec<_> = a.iter().zip(&b).filter(|(x, y)| x != y).collect();
    assert!(differences.is_empty(), "markdown vs docx: {differences:#?}");
    assert!(
        md.summary.met > 3,
        "the fixture should meet several rules: {:?}",
        md.summary
    );
}
