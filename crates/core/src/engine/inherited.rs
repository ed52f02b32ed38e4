//! What a statement inherits besides its own words: the terms of the lead-in that
//! introduces its list, and of the headings above it. Inherited hits complete a
//! statement that has terms of its own; they are never «near» its own words.

use super::statements::PreparedStretch;
use crate::document::Document;
use crate::rules::{Hit, RuleSet};
use std::collections::HashMap;

/// Word index given to hits inherited from a lead-in, so that they never count as
/// «near» a hit in the item itself.
const INHERITED_WORD: u32 = 1 << 30;

/// The terms of the headings above a statement, which it inherits like a list item
/// inherits its lead-in: under «4 Tildelingskriterier», «Pris 30 %, kvalitet 70 %» is about
/// award criteria. Computed once per section.
#[derive(Default)]
pub(super) struct HeadingHits {
    cache: HashMap<usize, Vec<Hit>>,
}

impl HeadingHits {
    pub(super) fn of(
        &mut self,
        set: &RuleSet,
        doc: &Document,
        stretch: &PreparedStretch,
        section: usize,
    ) -> &[Hit] {
        if self.cache.contains_key(&section) {
            return self
                .cache
                .get(&section)
                .map(Vec::as_slice)
                .unwrap_or_default();
        }
        let mut hits = Vec::new();
        let mut current = Some(section);
        while let Some(index) = current {
            let Some(s) = doc.sections.get(index) else {
                break;
            };
            if let Some(heading) = s.block
                && let (Some(block), Some(prepared)) =
                    (doc.blocks.get(heading), stretch.get(heading))
            {
                let found = set.matcher.find(&prepared.norm, &block.text);
                hits.extend(found.into_iter().map(|h| Hit {
                    inherited: true,
                    word: INHERITED_WORD,
                    ..h
                }));
            }
            current = s.parent.filter(|p| *p < index);
        }
        self.cache.entry(section).or_insert(hits)
    }
}

/// The hits of a lead-in paragraph's last statement, as inherited hits for its list items:
/// «Løsningen skal ha følgende integrasjoner:» + «- velferdsteknologisk knutepunkt».
pub(super) fn lead_in_hits(
    set: &RuleSet,
    doc: &Document,
    stretch: &PreparedStretch,
    lead: usize,
) -> Vec<Hit> {
    let (Some(block), Some(prepared)) = (doc.blocks.get(lead), stretch.get(lead)) else {
        return Vec::new();
    };
    let Some(statement) = prepared.statements.last() else {
        return Vec::new();
    };
    set.matcher
        .find(&prepared.norm, &block.text)
        .into_iter()
        .filter(|h| h.start >= statement.range.start && h.end <= statement.range.end)
        .map(|h| Hit {
            inherited: true,
            word: INHERITED_WORD,
            ..h
        })
        .collect()
}

/// The hits of a table's column titles, as inherited hits for its rows.
pub(super) fn header_hits(set: &RuleSet, header: &[String]) -> Vec<Hit> {
    let text = header.join(" | ");
    let norm = crate::text::normalize(&text);
    set.matcher
        .find(&norm, &text)
        .into_iter()
        .map(|h| Hit {
            inherited: true,
            word: INHERITED_WORD,
            ..h
        })
        .collect()
}
