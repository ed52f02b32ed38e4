//! The built-in structural checks (`check:` rules such as `untyped-requirement`,
//! `type-modality-mismatch`, `composite-requirement`, `requirement-ids`): they look at
//! the requirement rows of a prepared stretch, not at terms.

use super::composite;
use super::observation::Observation;
use super::requirement_rows;
use super::section_reading::SectionSays;
use super::statements::{self, PreparedBlock, PreparedStretch};
use super::tally::SetTally;
use crate::document::{Block, BlockKind, Document};
use crate::findings::Coverage;
use crate::rules::schema::BuiltinCheck;
use crate::text::Modality;

/// Where a structural check looks: the document and its stretch, and what the set
/// reads as no requirement there.
pub(super) struct CheckedStretch<'a> {
    pub(super) doc: &'a Document,
    pub(super) stretch: &'a PreparedStretch,
    pub(super) di: usize,
    pub(super) nonnormative: &'a [bool],
    /// The set reads forms (`reading: forms`): a form's rows have no requirement type
    /// to check.
    pub(super) reads_forms: bool,
    /// What each section's heading says (`reading: section_headings`; empty when the
    /// set does not read it): a list under «Bør-krav» is typed by its heading.
    pub(super) sections: &'a [SectionSays],
}

/// What a structural check found in a stretch, for any rule that runs it.
pub(super) enum Checked {
    Violation(Observation),
    /// A row of a table with an id column; its `rule` is set when it is recorded.
    Row(requirement_rows::RowId),
}

/// Records what a check found for `rule`, in the order it was found.
pub(super) fn record(found: &[Checked], rule: usize, tally: &mut SetTally) {
    for checked in found {
        match checked {
            Checked::Violation(at) => tally.add(rule, *at),
            Checked::Row(row) => tally.add_row_id(requirement_rows::RowId {
                rule,
                ..row.clone()
            }),
        }
    }
}

/// A «skal» in a list item or paragraph under a heading that types its section as
/// wishes («3 Bør-krav»): the heading types it as a row's type cell would, and its
/// text says otherwise, so the supplier cannot tell which holds.
fn demand_under_wishes(
    block: &Block,
    prepared: &PreparedBlock,
    (doc, bi): (usize, usize),
    sections: &[SectionSays],
) -> Option<Observation> {
    if sections.get(block.section) != Some(&SectionSays::Wished)
        || !matches!(
            block.kind,
            BlockKind::ListItem { .. } | BlockKind::Paragraph
        )
    {
        return None;
    }
    let statement = prepared
        .statements
        .iter()
        .position(|s| s.modality == Modality::Binding && !s.negated)?;
    Some(violation_at(doc, bi, statement))
}

fn violation_at(doc: usize, block: usize, statement: usize) -> Observation {
    Observation {
        doc,
        block,
        statement,
        hit: None,
        coverage: Coverage::Violation,
        definition: None,
    }
}

/// True when a paragraph or list item written as a requirement row (numbered, or
/// typed by a bracketed marker) breaks `check` as a table row would: several demands
/// («4.1.5 Løsningen skal registrere …, og varsle …»), or a marker whose type its words
/// contradict («Løysinga bør ha ei oppetid på 99,5 % (absolutt krav).», «7.3 (Bør)
/// Tenesta skal kunne …»).
fn paragraph_row_breaks(check: BuiltinCheck, block: &Block, prepared: &PreparedBlock) -> bool {
    let is_prose = matches!(
        block.kind,
        BlockKind::ListItem { .. } | BlockKind::Paragraph
    ) && !statements::block_is_furniture(block);
    if !is_prose || prepared.statements.is_empty() {
        return false;
    }
    let Some(paragraph) = composite::requirement_paragraph(&prepared.norm.text) else {
        return false;
    };
    match check {
        BuiltinCheck::CompositeRequirement => composite::is_composite(paragraph.body),
        BuiltinCheck::TypeModalityMismatch => paragraph.marked.is_some_and(|marked| {
            contradicts(marked, crate::text::modality::classify(paragraph.body))
        }),
        _ => false,
    }
}

/// True when a requirement's type and its words give it opposite strengths: typed
/// binding and worded as a wish, or the other way round.
fn contradicts(typed: Modality, worded: Modality) -> bool {
    matches!(
        (typed, worded),
        (Modality::Binding, Modality::Should) | (Modality::Should, Modality::Binding)
    )
}

/// Runs a check over a stretch. Rules repeating a check (a set and its copy
/// loaded side by side) share what it found: see [`record`].
pub(super) fn run_check(check: BuiltinCheck, at: &CheckedStretch<'_>) -> Vec<Checked> {
    let mut found = Vec::new();
    let CheckedStretch {
        doc,
        stretch,
        di,
        nonnormative,
        reads_forms,
        sections,
    } = *at;
    let range = stretch.range.clone();
    for (bi, block) in range.clone().zip(&doc.blocks[range]) {
        let Some(prepared) = stretch.get(bi) else {
            continue;
        };
        let Some(row) = &prepared.table else {
            let at = match check {
                BuiltinCheck::TypeModalityMismatch => {
                    demand_under_wishes(block, prepared, (di, bi), sections)
                }
                _ => None,
            }
            .or_else(|| {
                paragraph_row_breaks(check, block, prepared).then(|| violation_at(di, bi, 0))
            });
            if let Some(at) = at
                && !nonnormative.get(block.section).copied().unwrap_or(false)
            {
                found.push(Checked::Violation(at));
            }
            continue;
        };
        if row.is_header || !row.columns.requirement || prepared.statements.is_empty() {
            continue;
        }
        if nonnormative.get(block.section).copied().unwrap_or(false)
            || statements::block_is_furniture(block)
            || (reads_forms && row.columns.form.is_some() && is_about_types(check))
        {
            continue;
        }
        let at = violation_at(di, bi, 0);
        let violation = match check {
            BuiltinCheck::UntypedRequirement => row.untyped,
            BuiltinCheck::TypeModalityMismatch => row
                .row_type
                .is_some_and(|typed| contradicts(typed, row.text_modality) && !row.permits_only),
            BuiltinCheck::CompositeRequirement => composite::is_composite(row_text(prepared)),
            BuiltinCheck::RequirementIds => {
                if let Some(row_id) = row_id(block, prepared, row, at) {
                    found.push(Checked::Row(row_id));
                }
                false
            }
        };
        if violation {
            found.push(Checked::Violation(at));
        }
    }
    found
}

/// A check of a requirement row's type. A form's rows (a price, an answer, a system
/// of today) have none to check; their ids still name what the vendor answers, so
/// the id and composite checks read them.
fn is_about_types(check: BuiltinCheck) -> bool {
    matches!(
        check,
        BuiltinCheck::UntypedRequirement | BuiltinCheck::TypeModalityMismatch
    )
}

/// A requirement row's text: its statements, from the first to the last.
fn row_text(prepared: &PreparedBlock) -> &str {
    let start = prepared.statements.first().map_or(0, |s| s.range.start);
    let end = prepared.statements.last().map_or(0, |s| s.range.end);
    prepared.norm.text.get(start..end).unwrap_or_default()
}

/// A row of a table with an id column, for the id check. A header row repeated
/// where the table goes on after a page break is the header again, not a row.
fn row_id(
    block: &Block,
    prepared: &PreparedBlock,
    row: &statements::RowInfo,
    at: Observation,
) -> Option<requirement_rows::RowId> {
    let column = row.columns.id?;
    let BlockKind::TableRow(table_row) = &block.kind else {
        return None;
    };
    let id = block.cell(column).unwrap_or_default().trim();
    if table_row
        .header
        .get(column)
        .is_some_and(|title| title.trim().eq_ignore_ascii_case(id))
    {
        return None;
    }
    let is_requirement = row.row_type.is_some() || row.text_modality != Modality::None;
    Some(requirement_rows::RowId::new(
        (at.doc, table_row.table),
        id,
        row_text(prepared),
        is_requirement,
        at,
    ))
}
