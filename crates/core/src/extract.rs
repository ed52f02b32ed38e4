//! What tenderlint reads from a document, block by block, so a user can see why
//! a rule did or did not fire (`tenderlint extract`).

use crate::document::{BlockKind, Document, DropReason, Dropped, Origin};
use crate::engine::{TypeLegend, nonnormative_sections, prepare_with};
use crate::rules::RuleSet;
use crate::text::Modality;
use serde::Serialize;

/// A block as tenderlint read it.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractedBlock {
    /// The file, as evidence names it.
    pub file: String,
    /// Where in the file, as evidence shows it.
    pub location: String,
    /// The section path, titles joined.
    pub section: String,
    /// `heading2`, `paragraph`, `list-item:1`, `table0-row3-header`, `quote`, or `dropped`.
    pub kind: String,
    /// What part of the document holds it (body, footnote, header or footer, …).
    pub origin: Origin,
    /// False for background sections, glossaries, headers and footers.
    pub normative: bool,
    /// The block's text, a row's cells joined with ` | `.
    pub text: String,
    /// The statements the engine reads in it.
    pub statements: Vec<ExtractedStatement>,
    /// Set for text the file holds but the vendor never sees (`kind` is `dropped`):
    /// why it is not tender text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dropped: Option<DropReason>,
    /// Abbreviations the block defines («AR – Avdeling for rehabilitering»); sets
    /// with `reading: definitions` read them for the whole tender.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub definitions: Vec<crate::engine::reading::Definition>,
}

/// A statement of a block with how binding it reads.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractedStatement {
    /// The statement's text.
    pub text: String,
    /// Shall, should, may, or none.
    pub modality: Modality,
    /// Negated («skal ikke»).
    pub negated: bool,
    /// Applies only under a condition («Dersom kommunen utløser opsjonen, skal …»):
    /// weak for sets with `reading: conditions`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub conditional: bool,
    /// The tender's own id of the requirement («K-12»), where it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirement_id: Option<String>,
}

/// Every block of a document with its statements, and in reading order among them
/// the text that was dropped; normative sections are judged with `set`'s heading list.
/// Type codes are read by the document's own legend.
pub fn extract(doc: &Document, set: Option<&RuleSet>) -> Vec<ExtractedBlock> {
    extract_with(doc, set, &TypeLegend::gather(std::slice::from_ref(doc)))
}

/// [`extract`] for every document of a tender, whose type legend they share.
pub fn extract_tender(docs: &[Document], set: Option<&RuleSet>) -> Vec<ExtractedBlock> {
    let legend = TypeLegend::gather(docs);
    docs.iter()
        .flat_map(|doc| extract_with(doc, set, &legend))
        .collect()
}

fn extract_with(doc: &Document, set: Option<&RuleSet>, legend: &TypeLegend) -> Vec<ExtractedBlock> {
    let prepared = prepare_with(doc, legend);
    let mut definitions = crate::engine::reading::definitions_in(doc, 0)
        .into_iter()
        .peekable();
    let nonnormative = set
        .map(|s| nonnormative_sections(doc, s))
        .unwrap_or_default();
    let mut dropped = doc.dropped.iter().peekable();
    let mut out = Vec::with_capacity(doc.blocks.len() + doc.dropped.len());
    let blocks = doc
        .blocks
        .iter()
        .zip(&prepared)
        .enumerate()
        .map(|(index, (block, p))| {
            let mut defined = Vec::new();
            while let Some(d) = definitions.next_if(|d| d.block == index) {
                defined.push(d);
            }
            let kind = match &block.kind {
                BlockKind::Heading { level } => format!("heading{level}"),
                BlockKind::Paragraph => "paragraph".into(),
                BlockKind::ListItem { depth, .. } => format!(
                    "list-item{}",
                    if *depth > 0 {
                        format!(":{depth}")
                    } else {
                        String::new()
                    }
                ),
                BlockKind::TableRow(r) => format!(
                    "table{}-row{}{}",
                    r.table,
                    r.row,
                    if r.is_header { "-header" } else { "" }
                ),
                BlockKind::Quote => "quote".into(),
            };
            let glossary = p.statements.iter().any(|s| s.glossary);
            let normative = block.origin != Origin::HeaderFooter
                && !nonnormative.get(block.section).copied().unwrap_or(false)
                && !glossary;
            let extracted = ExtractedBlock {
                file: doc.path.display().to_string(),
                location: block.location.display(),
                section: doc.section_display(block.section),
                kind,
                origin: block.origin,
                normative,
                text: block.text.replace(crate::document::CELL_SEPARATOR, " | "),
                statements: p
                    .statements
                    .iter()
                    .map(|s| ExtractedStatement {
                        text: p.norm.text[s.range.clone()]
                            .replace(crate::document::CELL_SEPARATOR, " | "),
                        modality: s.modality,
                        negated: s.negated,
                        conditional: crate::text::conditions::is_conditional(
                            &p.norm.text[s.range.clone()],
                        ),
                        requirement_id: s.requirement_id.clone(),
                    })
                    .collect(),
                dropped: None,
                definitions: defined,
            };
            (index, extracted)
        });
    for (index, block) in blocks {
        while let Some(d) = dropped.next_if(|d| d.before <= index) {
            out.push(dropped_block(doc, d));
        }
        out.push(block);
    }
    out.extend(dropped.map(|d| dropped_block(doc, d)));
    out
}

fn dropped_block(doc: &Document, d: &Dropped) -> ExtractedBlock {
    ExtractedBlock {
        file: doc.path.display().to_string(),
        location: d.location.display(),
        section: doc.section_display(d.section),
        kind: "dropped".into(),
        origin: d.origin,
        normative: false,
        text: d.text.clone(),
        statements: Vec::new(),
        dropped: Some(d.reason),
        definitions: Vec::new(),
    }
}
