//! Issue 13: read every row and every word the vendor reads in a Word tender, and
//! none that they don't. Each case is a small DOCX built here (hand-written XML, as
//! in `docx_fixtures.rs`), run through `tenderlint check` (the status of INT-001,
//! Kjernejournal) and `tenderlint extract` (what is shown and how it is marked).
use crate::support::docx as support;

use std::path::{Path, PathBuf};
use std::process::Command;
use support::{document_xml, docx};

const STYLES_PART: &str = "word/styles.xml";
const RELS_PART: &str = "word/_rels/document.xml.rels";
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

fn para(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn heading(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

/// A cell with one paragraph; `rpr` goes into its run's properties, `tcpr` into the cell's.
fn cell_with(text: &str, rpr: &str, tcpr: &str) -> String {
    format!(
        r#"<w:tc><w:tcPr>{tcpr}</w:tcPr><w:p><w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:tc>"#
    )
}

fn row(cells: &[&str], trpr: &str) -> String {
    let cells: String = cells.iter().map(|c| cell_with(c, "", "")).collect();
    format!("<w:tr><w:trPr>{trpr}</w:trPr>{cells}</w:tr>")
}

fn table(rows: &[String]) -> String {
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>{}</w:tbl>"#,
        rows.concat()
    )
}

const KJ_ROW: [&str; 3] = [
    "K-3.1",
    "Løsningen skal være integrert med Kjernejournal for oppslag på kritisk informasjon.",
    "M",
];
const ERESEPT_ROW: [&str; 3] = [
    "K-3.2",
    "Løsningen skal støtte e-resept og Reseptformidleren.",
    "M",
];

/// Writes a tender of one DOCX with the given body and styles into a fresh folder.
fn tender(name: &str, body: &str, styles: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{}">{styles}</w:styles>"#,
        support::W_NS
    );
    let document = document_xml(&format!(
        "{}{}{body}",
        heading("3 Kravspesifikasjon"),
        para("Kravene nedenfor gjelder løsningen som tilbys.")
    ));
    let bytes = docx(&document, &[(STYLES_PART, &styles), (RELS_PART, RELS)]);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn run(args: &[&str], path: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "tenderlint {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The status `check` gives INT-001 (Kjernejournal).
fn kjernejournal_status(path: &Path) -> String {
    let json = run(
        &[
            "check",
            "--isolated",
            "--format",
            "json",
            "--ruleset",
            "ks-felles-journalloft",
        ],
        path,
    );
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    report["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "INT-001")
        .map(|r| r["status"].as_str().unwrap().to_string())
        .unwrap()
}

fn extract(path: &Path) -> Vec<serde_json::Value> {
    let json = run(&["extract", "--format", "json"], path);
    serde_json::from_str(&json).unwrap()
}

fn block_kind<'e>(blocks: &'e [serde_json::Value], needle: &str) -> &'e str {
    blocks
        .iter()
        .find(|b| b["text"].as_str().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("no block with {needle:?}"))["kind"]
        .as_str()
        .unwrap()
}

fn statement_of<'e>(blocks: &'e [serde_json::Value], needle: &str) -> &'e serde_json::Value {
    blocks
        .iter()
        .flat_map(|b| b["statements"].as_array().unwrap())
        .find(|s| s["text"].as_str().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("no statement with {needle:?}"))
}

#[test]
fn a_requirement_table_without_a_header_row_keeps_its_first_requirement() {
    let body = table(&[row(&KJ_ROW, ""), row(&ERESEPT_ROW, "")]);
    let (_dir, path) = tender("uten-overskrift.docx", &body, "");
    assert_eq!(kjernejournal_status(&path), "met");
    let blocks = extract(&path);
    assert_eq!(block_kind(&blocks, "K-3.1"), "table1-row1");
    assert_eq!(
        statement_of(&blocks, "kjernejournal")["modality"],
        "binding"
    );
}

#[test]
fn a_merged_title_row_is_a_caption_above_the_header() {
    let caption = format!(
        r#"<w:tr>{}</w:tr>"#,
        cell_with(
            "Tabell 3 Integrasjonskrav",
            "",
            r#"<w:gridSpan w:val="3"/>"#
        )
    );
    let body = table(&[
        caption,
        row(&["Krav-ID", "Kravtekst", "Type"], ""),
        row(&KJ_ROW, ""),
        row(&ERESEPT_ROW, ""),
    ]);
    let (_dir, path) = tender("tittelrad.docx", &body, "");
    assert_eq!(kjernejournal_status(&path), "met");
    let blocks = extract(&path);
    assert_eq!(block_kind(&blocks, "Tabell 3"), "table1-row1");
    assert_eq!(block_kind(&blocks, "Krav-ID"), "table1-row2-header");
    // Read under the real header: the id column gives the requirement id.
    assert_eq!(
        statement_of(&blocks, "kjernejournal")["requirement_id"],
        "K-3.1"
    );
    // The caption's words are still read.
    assert!(statement_of(&blocks, "integrasjonskrav").is_object());
}

#[test]
fn hidden_text_is_dropped_and_does_not_make_a_requirement_met() {
    let hidden_run = r#"<w:p><w:r><w:t xml:space="preserve">Løsningen skal støtte e-resept. </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>Løsningen skal være integrert med Kjernejournal.</w:t></w:r></w:p>"#;
    // Hidden by its character style, and by a paragraph style.
    let by_styles = r#"<w:p><w:r><w:rPr><w:rStyle w:val="Skjult"/></w:rPr><w:t>Kjernejournal skal brukes for oppslag.</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Merknad"/></w:pPr><w:r><w:t>Leverandøren skal lese Kjernejournal.</w:t></w:r></w:p>"#;
    let styles = r#"<w:style w:type="character" w:styleId="Skjult"><w:name w:val="Skjult"/><w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Merknad"><w:name w:val="Merknad"/><w:rPr><w:specVanish/></w:rPr></w:style>"#;
    let (_dir, path) = tender("skjult.docx", &format!("{hidden_run}{by_styles}"), styles);
    assert_eq!(kjernejournal_status(&path), "missing");
    let blocks = extract(&path);
    let dropped: Vec<&serde_json::Value> =
        blocks.iter().filter(|b| b["kind"] == "dropped").collect();
    assert_eq!(dropped.len(), 3, "{dropped:#?}");
    assert!(dropped.iter().all(|b| b["dropped"] == "hidden"));
    assert!(
        dropped
            .iter()
            .all(|b| b["statements"].as_array().unwrap().is_empty())
    );
    assert!(
        dropped[0]["text"]
            .as_str()
            .unwrap()
            .contains("Kjernejournal")
    );
    // The visible half of the paragraph is read, without the hidden half.
    assert_eq!(
        statement_of(&blocks, "e-resept")["text"],
        "løsningen skal støtte e-resept."
    );
    let text = run(&["extract"], &path);
    assert!(text.contains("[dropped: hidden text]"), "{text}");
}

#[test]
fn a_deleted_row_is_dropped_and_does_not_count() {
    let body = table(&[
        row(&["Krav-ID", "Kravtekst", "Type"], ""),
        row(
            &KJ_ROW,
            r#"<w:del w:id="7" w:author="A" w:date="2026-01-01T00:00:00Z"/>"#,
        ),
        row(&ERESEPT_ROW, ""),
    ]);
    let (_dir, path) = tender("slettet-rad.docx", &body, "");
    assert_eq!(kjernejournal_status(&path), "missing");
    let blocks = extract(&path);
    let dropped = blocks.iter().find(|b| b["kind"] == "dropped").unwrap();
    assert_eq!(dropped["dropped"], "deleted-row");
    assert!(
        dropped["text"]
            .as_str()
            .unwrap()
            .starts_with("K-3.1 | Løsningen")
    );
    let text = run(&["extract"], &path);
    assert!(text.contains("[dropped: deleted table row]"), "{text}");
}

#[test]
fn a_row_word_marks_as_header_is_the_header_even_with_plain_titles() {
    // «Nummer | Tekst | Art» are not titles the vocabulary knows: Word's mark decides.
    let body = table(&[
        row(
            &["Nummer", "Løsningen skal oppfylle", "Art"],
            "<w:tblHeader/>",
        ),
        row(&KJ_ROW, ""),
        row(&ERESEPT_ROW, ""),
    ]);
    let (_dir, path) = tender("overskriftsrad.docx", &body, "");
    assert_eq!(kjernejournal_status(&path), "met");
    let blocks = extract(&path);
    assert_eq!(block_kind(&blocks, "Nummer"), "table1-row1-header");
    assert_eq!(block_kind(&blocks, "K-3.1"), "table1-row2");
    // A header cell that is a sentence with «skal» is read as a statement too.
    assert_eq!(
        statement_of(&blocks, "løsningen skal oppfylle")["modality"],
        "binding"
    );
}

#[test]
fn a_bold_first_row_over_plain_rows_is_the_header() {
    let bold = |t: &str| cell_with(t, "<w:b/>", "");
    let header = format!(
        "<w:tr>{}{}{}</w:tr>",
        bold("Nummer"),
        bold("Innhold"),
        bold("Art")
    );
    let body = table(&[header, row(&KJ_ROW, ""), row(&ERESEPT_ROW, "")]);
    let (_dir, path) = tender("fet-rad.docx", &body, "");
    let blocks = extract(&path);
    assert_eq!(block_kind(&blocks, "Nummer"), "table1-row1-header");
    assert_eq!(block_kind(&blocks, "K-3.1"), "table1-row2");
    assert_eq!(kjernejournal_status(&path), "met");
}

#[test]
fn line_breaks_and_tabs_separate_words() {
    let body = r#"<w:p><w:r><w:t>Løsningen skal støtte</w:t><w:br/><w:t>Kjernejournal</w:t><w:tab/><w:t>og</w:t><w:cr/><w:t>e-resept.</w:t></w:r></w:p>"#;
    let (_dir, path) = tender("linjeskift.docx", body, "");
    let blocks = extract(&path);
    let s = statement_of(&blocks, "kjernejournal")["text"]
        .as_str()
        .unwrap();
    assert!(s.contains("støtte kjernejournal og e-resept"), "{s}");
    assert_eq!(kjernejournal_status(&path), "met");
}
