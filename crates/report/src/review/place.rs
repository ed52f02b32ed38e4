//! Where a missing requirement is added: the buyer's requirement tables, never a
//! document the vendor writes or fills in (its answer to the requirements, its
//! description of the solution, the offer letter) and never the state's standard
//! contract texts. Among the buyer's tables the kravspesifikasjon's come first.

use crate::document::{BlockKind, Document, Location};
use crate::engine::{Columns, TableShapes, TypeLegend, is_standard_contract_text};
use crate::findings::{CheckReport, Coverage, Evidence};
use std::collections::{BTreeMap, BTreeSet};

/// The title lines a document says what it is in: the first few non-empty blocks,
/// up to its table of contents.
const TITLE_LINES: usize = 4;

/// Whose a document is, said before what it is: «Leverandørens beskrivelse av
/// tjenesten», «Leverandøren si løysingsskildring», «Supplier's response».
const VENDOR: &[&str] = &[
    "leverandørens",
    "leverandøren sin",
    "leverandøren sitt",
    "leverandøren si ",
    "tilbyders",
    "tilbyderens",
    "tilbydarens",
    "tilbydar sin",
    "konsulentens",
    "supplier's",
    "vendor's",
    "tenderer's",
    "bidder's",
    "contractor's",
];

/// What a vendor's document is: its answer, description, offer or specification.
const VENDOR_WRITES: &[&str] = &[
    "beskrivelse",
    "skildring",
    "besvarelse",
    "svar",
    "tilbud",
    "tilbod",
    "spesifikasjon",
    "løsning",
    "løysing",
    "description",
    "response",
    "answer",
    "solution",
    "offer",
    "proposal",
    "specification",
];

/// Documents that are the vendor's by their name alone.
const VENDOR_FORMS: &[&str] = &[
    "tilbudsbrev",
    "tilbodsbrev",
    "svarskjema",
    "besvarelsesskjema",
    "response form",
    "response template",
];

/// Words that make a title the buyer's, whatever else it names («Kundens
/// kravspesifikasjon — krav til leverandørens løsning»).
const BUYER: &[&str] = &[
    "kundens",
    "kunden sin",
    "oppdragsgivers",
    "oppdragsgjevars",
    "kravspesifikasjon",
    "customer's",
    "buyer's",
    "contracting authority",
    "requirements specification",
];

/// A document the vendor writes or fills in, by its file name or its title lines.
pub(super) fn is_vendors_document(doc: &Document) -> bool {
    let name = doc
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().replace(['-', '_'], " "))
        .unwrap_or_default();
    std::iter::once(name)
        .chain(title_lines(doc))
        .any(|line| is_vendors_title(&crate::text::normalize(&line).text))
}

fn title_lines(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .map(|b| b.text.trim())
        .filter(|t| !t.is_empty())
        .take_while(|t| !is_contents_title(t))
        .take(TITLE_LINES)
        .map(str::to_string)
        .collect()
}

fn is_contents_title(text: &str) -> bool {
    let t = text.trim_end_matches(':').trim().to_lowercase();
    matches!(
        t.as_str(),
        "innhold" | "innholdsfortegnelse" | "innhaldsliste" | "contents" | "table of contents"
    )
}

/// A title line that names the vendor's answer or description and not the buyer's
/// requirements; `line` normalised (lower case).
fn is_vendors_title(line: &str) -> bool {
    let line = line.replace('\u{2019}', "'");
    if BUYER.iter().any(|w| line.contains(w)) {
        return false;
    }
    let after_owner = VENDOR
        .iter()
        .filter_map(|w| line.find(w).map(|i| &line[i + w.len()..]));
    after_owner
        .flat_map(|rest| rest.split(|c: char| !c.is_alphanumeric()))
        .any(names_what_the_vendor_writes)
        || VENDOR_FORMS.iter().any(|w| line.contains(w))
}

/// A word that is, begins with or (for a long enough stem) ends in what a vendor
/// writes: «løsningsbeskrivelse», «besvarelsen», but not «ansvar».
fn names_what_the_vendor_writes(word: &str) -> bool {
    VENDOR_WRITES
        .iter()
        .any(|w| word.starts_with(w) || (w.chars().count() >= 6 && word.ends_with(w)))
}

/// Which documents may take a missing requirement, and which of them is the
/// requirements document the buyer wrote.
pub(super) struct Places {
    /// Each document's table shapes; none for a document that takes nothing.
    pub(super) readable: Vec<Option<TableShapes>>,
    /// The kravspesifikasjon (or what stands for it), whose tables come first and
    /// which takes the new section; none when no document takes requirements.
    pub(super) requirements: Option<usize>,
    /// The tender's type legend, which the new rows' type codes follow.
    pub(super) legend: TypeLegend,
    /// Every requirement id a table row of the tender has, so a new row's id is
    /// one no other requirement has.
    pub(super) ids_in_use: BTreeSet<String>,
}

impl Places {
    pub(super) fn gather(report: &CheckReport, docs: &[Document]) -> Places {
        let legend = TypeLegend::gather(docs);
        let readable: Vec<Option<TableShapes>> = docs
            .iter()
            .map(|d| takes_requirements(d).then(|| TableShapes::gather(d, &legend)))
            .collect();
        let requirements = requirements_document(report, docs, &readable);
        Places {
            readable,
            requirements,
            legend,
            ids_in_use: ids_in_use(docs),
        }
    }

    /// The table whose rows cover a category most: (document, table number), a
    /// table of the requirements document before any other. Only tables the
    /// check reads as requirements count: not forms (answer templates, price
    /// tables), nothing in a document that takes no requirement.
    pub(super) fn category_table(
        &self,
        report: &CheckReport,
        docs: &[Document],
        category: &str,
    ) -> Option<(usize, u32)> {
        let mut counts: BTreeMap<(usize, u32), usize> = BTreeMap::new();
        for r in report.results.iter().filter(|r| r.category == category) {
            for e in r.evidence.iter().filter(|e| !e.review) {
                let weight = match e.coverage {
                    Coverage::Binding => 2,
                    Coverage::Weak => 1,
                    _ => continue,
                };
                if let Some((d, b)) = block_of(docs, e)
                    && let Some(shapes) = &self.readable[d]
                    && let BlockKind::TableRow(row) = &docs[d].blocks[b].kind
                    && !row.header.is_empty()
                    && row.parent_row.is_none()
                    && shapes.of(row.table).form.is_none()
                {
                    *counts.entry((d, row.table)).or_default() += weight;
                }
            }
        }
        counts
            .into_iter()
            .max_by_key(|((d, table), n)| {
                (
                    Some(*d) == self.requirements,
                    *n,
                    std::cmp::Reverse((*d, *table)),
                )
            })
            .map(|(key, _)| key)
    }
}

/// The ids of every table row of the tender: the id column's, or the first
/// cell's when it looks like one (a table continued after a page break often has
/// no header row of its own). Taking a number that is no id only skips it.
fn ids_in_use(docs: &[Document]) -> BTreeSet<String> {
    docs.iter()
        .flat_map(|d| &d.blocks)
        .filter_map(|b| match &b.kind {
            BlockKind::TableRow(row) if !row.is_header => {
                match Columns::from_header(&row.header).id {
                    Some(id) => b.cell(id),
                    None => b.cell(0).filter(|c| looks_like_id(c.trim())),
                }
            }
            _ => None,
        })
        .map(|id| id.trim().to_string())
        .filter(|id| !id.is_empty())
        .collect()
}

/// A short word with a number in it: «SP-05», «K1.2», «INT-007».
fn looks_like_id(cell: &str) -> bool {
    cell.chars().count() <= 16
        && !cell.contains(char::is_whitespace)
        && cell.contains(|c: char| c.is_ascii_digit())
}

/// A document a missing requirement may go into: the buyer's, and not the
/// state's standard contract text, whose requirements the check does not read.
fn takes_requirements(doc: &Document) -> bool {
    !is_standard_contract_text(doc) && !is_vendors_document(doc)
}

/// The requirements document: the one named «kravspesifikasjon», else the main
/// tender document, else the one with the most binding requirements — among the
/// documents that take requirements; none when no document does.
fn requirements_document(
    report: &CheckReport,
    docs: &[Document],
    readable: &[Option<TableShapes>],
) -> Option<usize> {
    let candidate = |i: &usize| readable[*i].is_some();
    let named = (0..docs.len()).filter(candidate).find(|&i| {
        docs[i]
            .path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().to_lowercase().contains("kravspes"))
    });
    let main = || {
        let main = crate::common::main_file(report)?;
        (0..docs.len())
            .filter(candidate)
            .find(|&i| crate::common::display_path(&docs[i].path.display().to_string()) == main)
    };
    let most_binding = || {
        (0..docs.len()).filter(candidate).max_by_key(|&i| {
            let path = docs[i].path.display().to_string();
            report
                .results
                .iter()
                .flat_map(|r| &r.evidence)
                .filter(|e| e.file == path && e.coverage == Coverage::Binding)
                .count()
        })
    };
    named.or_else(main).or_else(most_binding)
}

/// The document and block an evidence points at: for Word the paragraph or row at
/// its XML offset in the main part or in a footnote or endnote (the parts Word
/// anchors comments in; a header or footer holds none), for Markdown the block
/// holding its bytes.
pub(super) fn block_of(docs: &[Document], e: &Evidence) -> Option<(usize, usize)> {
    use crate::document::Origin;
    let offset = e.byte_offset?;
    let doc_index = docs
        .iter()
        .position(|d| d.path.display().to_string() == e.file)?;
    let doc = &docs[doc_index];
    let main = main_part(doc);
    let block = doc.blocks.iter().position(|b| match &b.location {
        Location::Docx {
            part, xml_offset, ..
        } => {
            *xml_offset as usize == offset
                && (Some(&**part) == main || matches!(b.origin, Origin::Footnote | Origin::Endnote))
                // The same offset in two parts: the place the evidence names says which.
                && b.location.display() == e.location
        }
        Location::Text { bytes, .. } => bytes.contains(&offset),
    })?;
    Some((doc_index, block))
}

/// The part a block of a Word document is in.
pub(super) fn part_of(doc: &Document, block: usize) -> Option<&str> {
    match &doc.blocks.get(block)?.location {
        Location::Docx { part, .. } => Some(part),
        Location::Text { .. } => None,
    }
}

/// The part the body of a Word document is in (the first block's part).
pub(super) fn main_part(doc: &Document) -> Option<&str> {
    doc.blocks.iter().find_map(|b| match &b.location {
        Location::Docx { part, .. } if b.origin == crate::document::Origin::Body => Some(&**part),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::is_vendors_title;

    #[test]
    fn a_title_that_names_the_vendors_answer_is_the_vendors() {
        for title in [
            "ssa-l bilag 2 - leverandørens beskrivelse av tjenesten",
            "leverandørens løsningsbeskrivelse",
            "bilag 2: konsulentens spesifikasjon av oppdraget",
            "leverandøren si løysingsskildring",
            "annex 2: supplier's response",
            "tilbudsbrev",
        ] {
            assert!(is_vendors_title(title), "{title}");
        }
    }

    #[test]
    fn a_title_that_names_the_buyers_requirements_is_not() {
        for title in [
            "ssa-l bilag 1 - kundens kravspesifikasjon",
            "kravspesifikasjon - krav til leverandørens løsning",
            "bilag 1 – kravspesifikasjon",
            "konkurransegrunnlag",
            "leverandørens plikter",
            "leverandørens ansvar for tjenesten",
            "requirements specification: the supplier's solution",
        ] {
            assert!(!is_vendors_title(title), "{title}");
        }
    }
}
