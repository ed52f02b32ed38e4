//! Evidence: the observations a result cites, built into what reporters show —
//! file, line or Word place, section, excerpt, the text matched. The blocks cited
//! are prepared again, a few per rule, rather than kept from the observing.

use super::TypeLegend;
use super::observation::Observation;
use super::reading::Definition;
use super::scope::ScopeInfo;
use super::statements::{PreparedBlock, prepare_each};
use super::tally::SetConclusion;
use crate::document::{Block, Document, Location};
use crate::findings::{DefinitionNote, Evidence, OtherPlace, RuleResult};
use crate::parallel::prelude::*;
use crate::rules::Hit;
use crate::source::LineIndexRef;
use crate::text::Modality;

/// The results with their evidence: the observations they cite, built into
/// [`Evidence`] from the blocks they point at.
pub(super) fn cite(
    concluded: Vec<SetConclusion>,
    docs: &[Document],
    definitions: &[Definition],
    legend: &TypeLegend,
) -> Vec<(Vec<RuleResult>, ScopeInfo)> {
    // Rules citing the same statement for the same hit cite the same evidence:
    // each piece is built once and copied to the results citing it.
    let mut cited: Vec<Observation> = concluded
        .iter()
        .flat_map(|(results, _)| {
            results.iter().flat_map(|(_, chosen, review)| {
                chosen
                    .iter()
                    .flat_map(|c| std::iter::once(&c.at).chain(&c.also))
                    .chain(review)
            })
        })
        .copied()
        .collect();
    cited.sort_unstable();
    cited.dedup();
    // The blocks evidence points at are prepared again, a few per rule, where keeping
    // every prepared block for them would hold the whole tender.
    let mut wanted: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for o in &cited {
        if let Some(blocks) = wanted.get_mut(o.doc)
            && blocks.last() != Some(&o.block)
        {
            blocks.push(o.block);
        }
    }
    let cited_blocks: Vec<CitedBlocks> = wanted
        .into_par_iter()
        .zip(docs)
        .map(|(indices, doc)| {
            let prepared = prepare_each(doc, &indices, legend);
            let lines = doc
                .source
                .as_ref()
                .filter(|_| !indices.is_empty())
                .map(|s| LineIndexRef::new(s.clone()));
            // Word evidence is placed under its heading; one pass per cited document.
            let positions = if doc.format == crate::document::Format::Docx && !indices.is_empty() {
                doc.positions_under_headings()
            } else {
                Vec::new()
            };
            (indices, prepared, lines, positions)
        })
        .collect();
    let sources = Sources {
        docs,
        cited: &cited_blocks,
        definitions,
    };
    let built: Vec<Option<Evidence>> = cited.par_iter().map(|o| evidence(o, &sources)).collect();
    let evidence_of = |o: &Observation| {
        let at = cited.binary_search(o).ok()?;
        built.get(at)?.clone()
    };
    concluded
        .into_iter()
        .map(|(results, scope)| {
            let results = results
                .into_iter()
                .map(|(mut result, chosen, review)| {
                    result.evidence = chosen
                        .iter()
                        .filter_map(|c| {
                            let mut evidence = evidence_of(&c.at)?;
                            evidence.also_at = c
                                .also
                                .iter()
                                .filter_map(evidence_of)
                                .map(other_place)
                                .collect();
                            Some(evidence)
                        })
                        .collect();
                    // The closest sentence of a missing rule, marked for review; it
                    // changes no status and no count.
                    if let Some(mut e) = review.as_ref().and_then(evidence_of) {
                        e.review = true;
                        result.evidence.push(e);
                    }
                    result
                })
                .collect();
            (results, scope)
        })
        .collect()
}

/// Evidence as another place the same thing is said.
fn other_place(e: Evidence) -> OtherPlace {
    OtherPlace {
        file: e.file,
        line: e.line,
        location: e.location,
        place: e.place,
        excerpt: e.excerpt,
    }
}

/// What evidence is built from: the documents and, for each, the blocks it cites
/// (indices in increasing order, their preparation) and its line index if it is
/// Markdown.
struct Sources<'a> {
    docs: &'a [Document],
    cited: &'a [CitedBlocks],
    definitions: &'a [Definition],
}

/// One document's cited blocks (indices in increasing order), their preparation,
/// its line index (Markdown) and its blocks' positions under headings (Word).
type CitedBlocks = (
    Vec<usize>,
    Vec<PreparedBlock>,
    Option<LineIndexRef>,
    Vec<u32>,
);

impl Sources<'_> {
    fn block(&self, doc: usize, block: usize) -> Option<&PreparedBlock> {
        let (indices, prepared, _, _) = self.cited.get(doc)?;
        prepared.get(indices.binary_search(&block).ok()?)
    }

    fn lines(&self, doc: usize) -> Option<&LineIndexRef> {
        self.cited.get(doc)?.2.as_ref()
    }

    fn positions(&self, doc: usize) -> &[u32] {
        self.cited
            .get(doc)
            .map(|c| c.3.as_slice())
            .unwrap_or_default()
    }
}

fn evidence(o: &Observation, sources: &Sources<'_>) -> Option<Evidence> {
    // A hit inherited from a lead-in lies in another block: locate the item instead.
    let own_hit = o.hit.filter(|h| !h.inherited);
    let doc = sources.docs.get(o.doc)?;
    let block = doc.blocks.get(o.block)?;
    let prepared = sources.block(o.doc, o.block)?;
    let lines = sources.lines(o.doc);
    let statement = prepared.statements.get(o.statement);
    let file = doc.path.display().to_string();
    let section = doc.section_display(block.section);
    let (line, column, location, byte_offset, byte_length) =
        position(block, prepared, own_hit, lines);
    // In the main part, a Word user finds the block by its heading, not by «¶ 863».
    let place = match &block.location {
        Location::Docx { part, .. }
            if &**part == "word/document.xml"
                && block.origin != crate::document::Origin::HeaderFooter =>
        {
            let at = own_hit
                .map(|h| prepared.norm.to_original(h.start))
                .or_else(|| statement.map(|s| prepared.norm.to_original(s.range.start)));
            doc.findable_place(o.block, sources.positions(o.doc), at)
        }
        _ => None,
    };
    let excerpt = match statement {
        Some(s) => excerpt(&block.text, &prepared.norm, s.range.clone(), own_hit),
        None => excerpt(
            &block.text,
            &prepared.norm,
            0..prepared.norm.text.len(),
            None,
        ),
    };
    Some(Evidence {
        file,
        line,
        column,
        location,
        byte_offset,
        byte_length,
        section,
        requirement_id: statement.and_then(|s| s.requirement_id.clone()),
        excerpt,
        coverage: o.coverage,
        modality: statement.map(|s| s.modality).unwrap_or(Modality::None),
        matched: own_hit.and_then(|h| prepared.norm.text.get(h.start..h.end).map(str::to_string)),
        type_legend: prepared
            .table
            .as_ref()
            .and_then(|t| t.legend.as_ref())
            .map(|entry| entry.describe()),
        definition: o
            .definition
            .and_then(|d| definition_note(d as usize, sources)),
        fix: None,
        also_at: Vec::new(),
        place,
        review: false,
    })
}

/// Where evidence is in its file: line, column and the location as shown, and
/// the byte offset and length.
type Position = (
    Option<u32>,
    Option<u32>,
    String,
    Option<usize>,
    Option<usize>,
);

/// The position of a block's evidence, at the hit itself where a Markdown block
/// maps back to its source.
fn position(
    block: &Block,
    prepared: &PreparedBlock,
    own_hit: Option<Hit>,
    lines: Option<&LineIndexRef>,
) -> Position {
    match &block.location {
        Location::Text {
            bytes,
            line,
            column,
        } => {
            // Point at the hit itself when the block maps back to the source.
            let source = own_hit.and_then(|h| {
                let start = block
                    .offsets
                    .to_source(prepared.norm.to_original(h.start))?;
                let end_orig = prepared.norm.original_range(h.start..h.end).end;
                let end = block
                    .offsets
                    .to_source(end_orig.saturating_sub(1))
                    .map(|e| e + 1)?;
                Some((start, end.max(start)))
            });
            match (source, lines) {
                (Some((start, end)), Some(lines)) => {
                    let (l, c) = lines.line_column(start);
                    (
                        Some(l),
                        Some(c),
                        format!("{l}:{c}"),
                        Some(start),
                        Some(end - start),
                    )
                }
                _ => (
                    Some(*line),
                    Some(*column),
                    format!("{line}:{column}"),
                    Some(bytes.start),
                    Some(bytes.len()),
                ),
            }
        }
        Location::Docx { xml_offset, .. } => (
            None,
            None,
            block.location.display(),
            Some(*xml_offset as usize),
            None,
        ),
    }
}

/// The tender's definition of the abbreviation a `redefined` observation points at.
fn definition_note(definition: usize, sources: &Sources<'_>) -> Option<DefinitionNote> {
    let d = sources.definitions.get(definition)?;
    let doc = sources.docs.get(d.doc)?;
    Some(DefinitionNote {
        abbreviation: d.abbreviation.clone(),
        expansion: d.expansion.clone(),
        file: doc.path.display().to_string(),
        location: doc.blocks.get(d.block)?.location.display(),
    })
}

/// The statement's original text, cut to about 200 characters around the hit.
fn excerpt(
    original: &str,
    norm: &crate::text::Normalized,
    range: std::ops::Range<usize>,
    hit: Option<Hit>,
) -> String {
    const WIDTH: usize = 200;
    let orig = norm.original_range(range);
    let text = original.get(orig.clone()).unwrap_or("");
    // Cells are shown apart by «|», and whitespace runs become one space, trimmed;
    // in one pass, since evidence is built for every result on every run.
    let mut collapsed = String::with_capacity(text.len());
    let mut total = 0usize;
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !collapsed.is_empty();
            continue;
        }
        if std::mem::take(&mut space) {
            collapsed.push(' ');
            total += 1;
        }
        collapsed.push(if c == crate::document::CELL_SEPARATOR {
            '|'
        } else {
            c
        });
        total += 1;
    }
    let text = collapsed;
    if total <= WIDTH {
        return text;
    }
    // Centre the window on the hit.
    let hit_char = hit
        .map(|h| {
            let at = norm.to_original(h.start).saturating_sub(orig.start);
            original
                .get(orig.start..orig.start + at)
                .map(|s| s.chars().count())
                .unwrap_or(0)
        })
        .unwrap_or(0);
    let start = hit_char
        .saturating_sub(WIDTH / 3)
        .min(total.saturating_sub(WIDTH));
    let cut: String = text.chars().skip(start).take(WIDTH).collect();
    let prefix = if start > 0 { "…" } else { "" };
    let suffix = if start + WIDTH < total { "…" } else { "" };
    format!("{prefix}{}{suffix}", cut.trim())
}
