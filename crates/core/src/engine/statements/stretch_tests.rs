// Reads the repository's fixtures, as tests may (crates/core/clippy.toml bans it in the library).
#![allow(clippy::disallowed_methods)]

use super::*;
use crate::document::read::read_owned;
use crate::document::{Format, markdown};
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md" || e == "docx") {
            out.push(path);
        }
    }
}

/// Every way of cutting a document into stretches prepares each block the same
/// (here against [`prepare`]'s cut), and the earlier blocks a stretch carries
/// (headings, lead-ins) are prepared the same way too.
/// Returns how many blocks took a type from the row holding their table, and how
/// many a lead-in's modality, so the test can show it exercised both.
fn assert_stretches_agree(doc: &Document) -> (usize, usize) {
    let whole = prepare(doc);
    let legend = TypeLegend::gather(std::slice::from_ref(doc));
    let mut columns = ColumnsCache::new(&legend, doc);
    let typed_by_parent = doc
        .blocks
        .iter()
        .zip(&whole)
        .filter(|(b, p)| {
            prepare_block(b, None, &mut columns)
                .table
                .is_some_and(|t| t.untyped)
                && p.table.as_ref().is_some_and(|t| !t.untyped)
        })
        .count();
    let led = whole.iter().filter(|p| p.lead_in.is_some()).count();
    let n = doc.blocks.len();
    for size in [1, 2, 3, 7, 64] {
        let mut start = 0;
        while start < n {
            let end = (start + size).min(n);
            let stretch = prepare_stretch(doc, start..end, &legend);
            for (index, expected) in whole.iter().enumerate().take(end).skip(start) {
                assert_eq!(
                    stretch.get(index),
                    Some(expected),
                    "{}: block {index}, stretch {start}..{end}",
                    doc.path.display()
                );
            }
            for (index, prepared) in &stretch.earlier {
                assert!(*index < start);
                assert_eq!(
                    prepared,
                    &whole[*index],
                    "{}: earlier {index}",
                    doc.path.display()
                );
            }
            start = end;
        }
    }
    let every: Vec<usize> = (0..n).collect();
    assert_eq!(prepare_each(doc, &every, &legend), whole);
    let odd: Vec<usize> = (1..n).step_by(2).collect();
    let expected: Vec<PreparedBlock> = odd.iter().map(|&i| whole[i].clone()).collect();
    assert_eq!(prepare_each(doc, &odd, &legend), expected);
    (typed_by_parent, led)
}

#[test]
fn stretches_prepare_blocks_as_the_whole_document_does() {
    let md = "# Krav\n\nLøsningen skal støtte følgende:\n\n- kjernejournal\n- e-resept\n- pasientens legemiddelliste\n\nTeksten her er bakgrunn:\n\n- ingen krav\n\n## Tabell\n\n| ID | Krav | Type |\n|---|---|---|\n| K1 | Løsningen skal logge | O |\n| K2 | Se tabell | |\n";
    assert_stretches_agree(&markdown::read(PathBuf::from("t.md"), md));
    // Markdown has no nested tables: make the second and third tables nested
    // in a row of the one before, as the DOCX reader would.
    let nested = "| ID | Krav | Type |\n|---|---|---|\n| K1 | Løsningen skal logge alt | Absolutt |\n| K2 | Se tabell | Evaluert |\n\n| ID | Krav | Type |\n|---|---|---|\n| A | Løsningen logger innlogging | |\n| B | Løsningen logger oppslag | |\n\n| ID | Krav | Type |\n|---|---|---|\n| C | Løsningen logger utskrift | |\n";
    let mut doc = markdown::read(PathBuf::from("n.md"), nested);
    let rows: Vec<usize> = (0..doc.blocks.len())
        .filter(|&i| matches!(doc.blocks[i].kind, BlockKind::TableRow(_)))
        .collect();
    assert_eq!(rows.len(), 8);
    for (inner, parent) in [
        (rows[3], rows[2]),
        (rows[4], rows[2]),
        (rows[5], rows[2]),
        (rows[6], rows[5]),
        (rows[7], rows[5]),
    ] {
        if let BlockKind::TableRow(row) = &mut doc.blocks[inner].kind {
            row.parent_row = Some(parent);
        }
    }
    let (typed_by_parent, _) = assert_stretches_agree(&doc);
    assert!(typed_by_parent >= 3, "{typed_by_parent}");
    let mut paths = Vec::new();
    // Unit tests run in the crate's directory; the fixtures are the repository's.
    files(Path::new("../../fixtures"), &mut paths);
    files(
        Path::new("../../../shared/corpora/docx-generated"),
        &mut paths,
    );
    assert!(paths.len() > 20, "fixtures not found");
    let mut led = 0;
    for path in paths {
        // The 800-page document adds nothing the others lack but a minute unoptimised.
        let read = Format::from_path(&path)
            .and_then(|f| read_owned(&path, f, std::fs::read(&path).ok()?).ok());
        if let Some(doc) = read
            && doc.blocks.len() < 2000
        {
            let (_, l) = assert_stretches_agree(&doc);
            led += l;
        }
    }
    assert!(led > 0, "no list took a lead-in's modality");
}
