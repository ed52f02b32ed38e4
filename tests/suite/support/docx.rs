//! Helpers shared by the DOCX tests: corpus paths, a hand-written DOCX builder
//! (for features docx-rs cannot write) and a readable dump of a document.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use tenderlint::document::{BlockKind, CELL_SEPARATOR, Document};

pub(crate) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The shared corpora folder, if this checkout has it.
pub(crate) fn corpora() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("note: {} is absent; corpus test skipped", dir.display());
        None
    }
}

/// A zip from (name, bytes) pairs, deflated.
pub(crate) fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in parts {
            w.start_file(*name, options).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap();
    }
    out.into_inner()
}

pub(crate) const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

pub(crate) const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// `word/document.xml` with the given body XML, in the transitional namespace.
pub(crate) fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>{body}</w:body></w:document>"#
    )
}

/// A minimal package: content types, root relationships, the document and extra parts.
pub(crate) fn docx(document: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ];
    for (name, text) in extra {
        parts.push((name, text.as_bytes()));
    }
    zip(&parts)
}

/// One line per block: kind, origin, section, location and text (cells split by ` | `).
pub(crate) fn dump(doc: &Document) -> String {
    let mut out = String::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        let kind = match &b.kind {
            BlockKind::Heading { level } => format!("H{level}"),
            BlockKind::Paragraph => "P".to_string(),
            BlockKind::ListItem { depth, label } => {
                format!("LI{depth}[{}]", label.clone().unwrap_or_default())
            }
            BlockKind::TableRow(r) => format!(
                "TR t{} r{}{}{}",
                r.table,
                r.row,
                if r.is_header { " hdr" } else { "" },
                r.parent_row.map(|p| format!(" in#{p}")).unwrap_or_default()
            ),
            BlockKind::Quote => "Q".to_string(),
        };
        out.push_str(&format!(
            "#{i} {kind} {:?} s{} [{}] {}\n",
            b.origin,
            b.section,
            b.location.display(),
            b.text.replace(CELL_SEPARATOR, " | ")
        ));
    }
    for (i, s) in doc.sections.iter().enumerate() {
        out.push_str(&format!(
            "section {i}: {:?} {:?} lvl {} parent {:?}\n",
            s.number, s.title, s.level, s.parent
        ));
    }
    for d in &doc.directives {
        out.push_str(&format!(
            "directive {:?} block {:?} at {}\n",
            d.text,
            d.block,
            d.location.display()
        ));
    }
    out
}

pub(crate) fn all_text(doc: &Document) -> String {
    doc.blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}
