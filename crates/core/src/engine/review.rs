//! «Possibly covered — check»: while a stretch is observed, each normative
//! statement (binding or weak, not negated, not a glossary row, not furniture or
//! background) is compared with the profiles of the set's `require` rules
//! ([`crate::rules::review`]), and each rule keeps the closest statement. A rule
//! that ends missing cites it for review; it never changes a status. A rule whose
//! topic the tender excludes («… inngår ikke i leveransen») is offered nothing.

use super::observation::Observation;
use super::plan::SetPlan;
use super::statements::{self, PreparedBlock, PreparedStretch};
use super::tally::SetTally;
use crate::document::{Block, Document};
use crate::findings::Coverage;
use crate::rules::review::ReviewProfiles;

/// Offers the normative statements of a prepared stretch to the rules they are
/// close to.
pub(super) fn consider_stretch(
    plan: &SetPlan,
    (doc, di): (&Document, usize),
    stretch: &PreparedStretch,
    nonnormative: &[bool],
    found: &mut SetTally,
) {
    let range = stretch.range.clone();
    for (bi, block) in range.clone().zip(&doc.blocks[range]) {
        if let Some(prepared) = stretch.get(bi) {
            consider_block(
                (&plan.review, &plan.excluded),
                found,
                (di, bi),
                block,
                prepared,
                nonnormative,
            );
        }
    }
}

/// Offers the block's normative statements to the rules they are close to.
fn consider_block(
    (profiles, excluded): (&ReviewProfiles, &[Vec<String>]),
    found: &mut SetTally,
    (di, bi): (usize, usize),
    block: &Block,
    prepared: &PreparedBlock,
    nonnormative: &[bool],
) {
    if statements::block_is_furniture(block)
        || nonnormative.get(block.section).copied().unwrap_or(false)
    {
        return;
    }
    for (si, statement) in prepared.statements.iter().enumerate() {
        let coverage = if statement.modality.is_binding() {
            Coverage::Binding
        } else if statement.modality.is_weak() {
            Coverage::Weak
        } else {
            continue;
        };
        if statement.negated || statement.glossary {
            continue;
        }
        let Some(text) = prepared.norm.text.get(statement.range.clone()) else {
            continue;
        };
        let stems = profiles.statement_stems(text);
        if stems.len() < 2 {
            continue;
        }
        for (ri, score) in profiles.similar_rules(&stems) {
            // The tender excludes the rule's topic: nothing is «possibly covered».
            if excluded.get(ri).is_some_and(|terms| !terms.is_empty()) {
                continue;
            }
            found.offer_review(
                ri,
                score,
                Observation {
                    doc: di,
                    block: bi,
                    statement: si,
                    hit: None,
                    coverage,
                    definition: None,
                },
            );
        }
    }
}
