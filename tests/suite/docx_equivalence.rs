//! The engine gives the same conclusions for a tender and its Word rendering:
//! `fixtures/tenders-docx/nb-legevakt/*.docx` were made from the Markdown files in
//! `fixtures/tenders/nb-legevakt/` with pandoc 2.17 (`pandoc -o X.docx X.md`).
//!
//! And back: `fixtures/tenders-md-{multiline,grid,html}/` are those Word files
//! converted to Markdown by pandoc 2.17, as tenders converted from Word arrive:
//! with pandoc's default multiline tables (`pandoc -f docx -t markdown`), with grid
//! tables (`-t markdown-simple_tables-multiline_tables-pipe_tables`) and with raw
//! HTML tables (`…-pipe_tables-grid_tables`).

use std::path::PathBuf;
use tenderlint::findings::CheckReport;
use tenderlint::rules::embedded;
use tenderlint::{CheckOptions, check_paths};

fn check(dir: &str) -> CheckReport {
    let sets = embedded::load_defaults().unwrap();
    // Pandoc turns front matter into document properties, so state the services for all.
    let mut options = CheckOptions::default();
    options.engine.services = vec![
        "legevakt".into(),
        "sykehjem".into(),
        "hjemmetjeneste".into(),
    ];
    let report = check_paths(&[PathBuf::from(dir)], &sets, &options);
    assert_eq!(
        report.summary.unreadable_files, 0,
        "{dir}: {:?}",
        report.files
    );
    assert!(
        report.files.iter().all(|f| f.blocks > 5),
        "{dir}: {:?}",
        report.files
    );
    report
}

/// Each rule's status, whether it has evidence, and the requirement ids its
/// evidence cites (which only a table row read as a row has).
type Conclusion = (String, tenderlint::findings::Status, usize, Vec<String>);

fn statuses(r: &CheckReport) -> Vec<Conclusion> {
    r.results
        .iter()
        .map(|x| {
            let mut ids: Vec<String> = x
                .evidence
                .iter()
                .filter_map(|e| e.requirement_id.clone())
                .collect();
            ids.sort();
            ids.dedup();
            (x.rule.clone(), x.status, x.evidence_total.min(1), ids)
        })
        .collect()
}

fn assert_same(a: &CheckReport, b: &CheckReport, what: &str) {
    let (a, b) = (statuses(a), statuses(b));
    assert_eq!(a.len(), b.len());
    let differences: Vec<_> = a.iter().zip(&b).filter(|(x, y)| x != y).collect();
    assert!(differences.is_empty(), "{what}: {differences:#?}");
}

#[test]
fn markdown_tender_and_its_docx_rendering_get_the_same_statuses() {
    let md = check("fixtures/tenders/nb-legevakt");
    let docx = check("fixtures/tenders-docx/nb-legevakt");
    assert_same(&md, &docx, "markdown vs docx");
    assert!(
        statuses(&md).iter().any(|(.., ids)| !ids.is_empty()),
        "some evidence should cite a requirement id"
    );
    assert!(
        md.summary.met > 3,
        "the fixture should meet several rules: {:?}",
        md.summary
    );
}

#[test]
fn pandoc_multiline_table_rendering_gets_the_statuses_of_its_docx() {
    let docx = check("fixtures/tenders-docx/nb-legevakt");
    let multiline = check("fixtures/tenders-md-multiline/nb-legevakt");
    assert_same(&multiline, &docx, "multiline-table markdown vs docx");
}

#[test]
fn pandoc_grid_table_rendering_gets_the_statuses_of_its_docx() {
    let docx = check("fixtures/tenders-docx/nb-legevakt");
    let grid = check("fixtures/tenders-md-grid/nb-legevakt");
    assert_same(&grid, &docx, "grid-table markdown vs docx");
}

#[test]
fn pandoc_html_table_rendering_gets_the_statuses_of_its_docx() {
    let docx = check("fixtures/tenders-docx/nb-legevakt");
    let html = check("fixtures/tenders-md-html/nb-legevakt");
    assert_same(&html, &docx, "html-table markdown vs docx");
}
