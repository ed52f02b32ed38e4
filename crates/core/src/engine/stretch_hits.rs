//! The term hits of a stretch's blocks for every rule set at once: the sets of a
//! check share one automaton ([`crate::rules::share_search`]), so each block is
//! searched once for all of them rather than once per set — the search was a
//! quarter of a check of a large tender.

use super::statements::{PreparedBlock, PreparedStretch};
use crate::document::{Block, BlockKind, Document};
use crate::rules::{Hit, RuleSet, find_each};

/// One set's hits of the blocks of a stretch that observing searches (those with
/// statements, and headings), found ahead; a block not found ahead is searched
/// when it is observed.
#[derive(Default)]
pub(super) struct StretchHits {
    start: usize,
    blocks: Vec<Option<Vec<Hit>>>,
}

impl StretchHits {
    /// The hits of block `index`, found ahead or found now.
    pub(super) fn take(
        &mut self,
        set: &RuleSet,
        index: usize,
        prepared: &PreparedBlock,
        block: &Block,
    ) -> Vec<Hit> {
        index
            .checked_sub(self.start)
            .and_then(|at| self.blocks.get_mut(at))
            .and_then(Option::take)
            .unwrap_or_else(|| set.matcher.find(&prepared.norm, &block.text))
    }
}

/// Each set's hits of the stretch's blocks, by set; nothing is found ahead for
/// a single set, or for sets that do not share an automaton.
pub(super) fn find_ahead(
    sets: &[RuleSet],
    doc: &Document,
    stretch: &PreparedStretch,
) -> Vec<StretchHits> {
    let matchers: Vec<_> = sets.iter().map(|set| &set.matcher).collect();
    let mut ahead: Vec<StretchHits> = sets
        .iter()
        .map(|_| StretchHits {
            start: stretch.range.start,
            blocks: Vec::new(),
        })
        .collect();
    if sets.len() < 2 {
        return ahead;
    }
    for (bi, block) in stretch
        .range
        .clone()
        .zip(&doc.blocks[stretch.range.clone()])
    {
        let searched = stretch.get(bi).filter(|prepared| {
            !prepared.statements.is_empty() || matches!(block.kind, BlockKind::Heading { .. })
        });
        let found: Vec<Option<Vec<Hit>>> = match searched {
            Some(prepared) => find_each(&matchers, &prepared.norm, &block.text)
                .into_iter()
                .map(Some)
                .collect(),
            None => vec![None; sets.len()],
        };
        for (hits, found) in ahead.iter_mut().zip(found) {
            hits.blocks.push(found);
        }
    }
    ahead
}
