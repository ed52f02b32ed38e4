//! The shared corpora: real-world files from other projects' test suites must each
//! be read or refused (never a panic), and the generated kitchen-sink files must
//! yield the text their producers put in.
use crate::support::docx as support;

use std::path::{Path, PathBuf};
use support::{all_text, corpora};
use tenderlint::document::{BlockKind, Document, Origin, docx::read};

fn docx_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            docx_files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
        {
            out.push(path);
        }
    }
}

#[test]
fn every_real_world_docx_is_read_or_refused_without_panicking() {
    let Some(root) = corpora() else { return };
    let mut files = Vec::new();
    docx_files(&root.join("docx-real"), &mut files);
    files.sort();
    assert!(!files.is_empty(), "no .docx under {}", root.display());
    let (mut read_ok, mut refused, mut panicked) = (0, Vec::new(), Vec::new());
    let started = std::time::Instant::now();
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        let path = file.clone();
        match std::panic::catch_unwind(move || read(path, &bytes)) {
            Ok(Ok(_)) => read_ok += 1,
            Ok(Err(e)) => refused.push(format!("{}: {e}", file.display())),
            Err(_) => panicked.push(file.display().to_string()),
        }
    }
    println!(
        "{} files: {read_ok} read, {} refused, {} panicked in {:?}",
        files.len(),
        refused.len(),
        panicked.len(),
        started.elapsed()
    );
    for r in &refused {
        println!("  refused {r}");
    }
    assert!(panicked.is_empty(), "panicked on: {panicked:#?}");
}

fn generated(name: &str) -> Option<Document> {
    let path = corpora()?.join("docx-generated").join(name);
    let bytes = std::fs::read(&path).unwrap();
    Some(read(path, &bytes).unwrap_or_else(|e| panic!("{name}: {e}")))
}

fn block<'d>(doc: &'d Document, needle: &str) -> &'d tenderlint::document::Block {
    doc.blocks
        .iter()
        .find(|b| b.text.contains(needle))
        .unwrap_or_else(|| panic!("no block with {needle:?}"))
}

fn labels(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::ListItem { label, .. } => label.clone(),
            _ => None,
        })
        .collect()
}

#[test]
fn libreoffice_kitchen_sink_yields_every_feature() {
    let Some(doc) = generated("lo_kitchen.docx") else {
        return;
    };
    let text = all_text(&doc);
    assert_eq!(
        block(&doc, "Fotnotetekst om Norsk Helsenett").origin,
        Origin::Footnote
    );
    assert_eq!(
        block(&doc, "Topptekst: Konkurransegrunnlag").origin,
        Origin::HeaderFooter
    );
    assert_eq!(block(&doc, "Bunntekst").origin, Origin::HeaderFooter);
    assert_eq!(block(&doc, "Tekst i tekstboks.").origin, Origin::TextBox);
    assert_eq!(
        text.matches("Tekst i tekstboks.").count(),
        1,
        "fallback duplicate read"
    );
    assert!(text.contains("Før kontroll innhold i innholdskontroll etter."));
    assert!(text.contains("Endring: innsatt tekst og resten."));
    assert!(!text.contains("slettet tekst"));
    assert!(text.contains("anskaffelser.no"));
    assert_eq!(labels(&doc), ["1.", "2.", "a)"]);
    assert!(block(&doc, "Nestet 1").cell(1) == Some("Nestet 2"));
    assert_eq!(doc.sections.len(), 3);
}

#[test]
fn python_docx_kitchen_sink_yields_every_feature() {
    let Some(doc) = generated("pydocx_kitchen.docx") else {
        return;
    };
    let text = all_text(&doc);
    assert_eq!(
        block(&doc, "Fotnote fra python-docx.").origin,
        Origin::Footnote
    );
    assert_eq!(
        block(&doc, "Topptekst fra python-docx").origin,
        Origin::HeaderFooter
    );
    assert_eq!(
        block(&doc, "Bunntekst fra python-docx").origin,
        Origin::HeaderFooter
    );
    assert_eq!(
        block(&doc, "Tekst i DrawingML-tekstboks").origin,
        Origin::TextBox
    );
    assert_eq!(text.matches("Tekst i DrawingML-tekstboks").count(), 1);
    assert_eq!(
        block(&doc, "Innhold i blokk-sdt").origin,
        Origin::ContentControl
    );
    assert!(text.contains("Før inline sdt-verdi etter."));
    assert!(text.contains("Sporet: innsatt tekst"));
    assert!(!text.contains("slettet tekst"));
    // List Number / List Bullet styles number through the style.
    assert_eq!(labels(&doc), ["1.", "2.", "1.", "•"]);
    let inner = block(&doc, "Indre 1");
    assert!(matches!(&inner.kind, BlockKind::TableRow(r) if r.parent_row.is_some()));
}

#[test]
fn pandoc_kitchen_sink_yields_every_feature() {
    let Some(doc) = generated("pandoc_kitchen.docx") else {
        return;
    };
    assert_eq!(
        block(&doc, "Fotnote: integrasjon mot Norsk Helsenett.").origin,
        Origin::Footnote
    );
    assert!(labels(&doc).starts_with(&["1.".to_string(), "2.".to_string()]));
    let row = block(&doc, "K-1");
    match &row.kind {
        BlockKind::TableRow(r) => assert_eq!(&*r.header, ["Krav-ID", "Beskrivelse", "Type"]),
        other => panic!("{other:?}"),
    }
    assert_eq!(row.cell(2), Some("Absolutt"));
    assert!(
        doc.sections
            .iter()
            .any(|s| s.title.contains("Krav til løsningen"))
    );
}

#[test]
fn libreoffice_resaves_read_the_same_text() {
    for name in [
        "lo_rt_pandoc_kitchen.docx",
        "lo_rt_pydocx_kitchen.docx",
        "lo_rt_pandoc_big.docx",
        "pandoc_big.docx",
    ] {
        let Some(doc) = generated(name) else { return };
        assert!(doc.blocks.len() > 10, "{name}: {} blocks", doc.blocks.len());
    }
    let Some(doc) = generated("lo_rt_pydocx_kitchen.docx") else {
        return;
    };
    let text = all_text(&doc);
    assert!(text.contains("Fotnote fra python-docx."));
    assert!(!text.contains("slettet tekst"));
}

#[test]
fn pandoc_typed_heading_numbers_and_quotes_are_recognised() {
    let Some(doc) = generated("pandoc_kitchen.docx") else {
        return;
    };
    let s = doc
        .sections
        .iter()
        .find(|s| s.title == "Krav til løsningen")
        .unwrap();
    assert_eq!(s.number.as_deref(), Some("1.1"));
    assert_eq!(
        block(&doc, "Tilbudet skal være på norsk").kind,
        BlockKind::Quote
    );
}
