//! Services named bare where a tender says what it buys. «Legevakt» alone names a
//! counterpart in most tenders («melding til legevakten»), so a set detects it only
//! as a compound anywhere; but in the tender's title, its first paragraph and its
//! scope sections («Journalsystem for Nordvik legevakt», «Omfang: … journalsystem
//! for legevakten») the bare name is what is bought. A service's
//! `detect_where_bought` terms are looked for there, and only there.

use super::plan::nonnormative_sections;
use super::scope::{Place, scope_sections};
use super::statements::block_is_furniture;
use crate::document::{BlockKind, Document};
use crate::rules::RuleSet;
use crate::text::{modality, normalize};
use std::collections::BTreeMap;

/// A first line this short without a full stop is the document's title, also
/// where it is not marked as a heading (a bold line, Word's Title style).
const TITLE_WORDS: usize = 12;

/// Adds to `detected` the services a set names bare where the tender says what it
/// buys, each at the first such place (a service already detected keeps its place).
pub(super) fn detect_where_bought(
    set: &RuleSet,
    docs: &[Document],
    detected: &mut BTreeMap<String, Place>,
) {
    if set
        .services
        .iter()
        .all(|s| s.detect_where_bought.is_empty())
    {
        return;
    }
    for (di, doc) in docs.iter().enumerate() {
        let places = places_of_purchase(set, doc);
        for bi in places {
            let block = &doc.blocks[bi];
            let norm = normalize(&block.text);
            // «Legevakten inngår ikke i anskaffelsen» says what is not bought.
            if modality::is_negated(&norm.text) || super::scope::refuses(&norm.text) {
                continue;
            }
            let hits = set.where_bought.find(&norm, &block.text);
            for service in &set.services {
                if hits
                    .iter()
                    .any(|h| service.detect_where_bought.contains(&h.term))
                {
                    detected
                        .entry(service.id.clone())
                        .or_insert(Place::Block(di, bi));
                }
            }
        }
    }
}

/// The blocks of a document that say what the tender buys, in document order: its
/// title line (the first heading with a subtitle heading right under it, or a short
/// first line without a full stop), its
/// opening paragraph (under the title, before any other heading) unless that is
/// background, and every block of its scope sections.
fn places_of_purchase(set: &RuleSet, doc: &Document) -> Vec<usize> {
    let nonnormative = nonnormative_sections(doc, set);
    let scope = scope_sections(doc);
    let flag = |flags: &[bool], section: usize| flags.get(section).copied().unwrap_or(false);
    let mut places = Vec::new();
    let first_heading = doc
        .blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Heading { .. }));
    let title_line = doc.blocks.first().is_some_and(|b| {
        matches!(b.kind, BlockKind::Paragraph)
            && !b.text.trim_end().ends_with(['.', ':', '?', '!'])
            && b.text.split_whitespace().count() <= TITLE_WORDS
    });
    if title_line {
        places.push(0);
    }
    places.extend(first_heading);
    // A subtitle straight under the title heading («# Kommune – Konkurransegrunnlag» over
    // «## Anskaffelse av journalsystem for legevakta») is part of the title.
    let subtitle = first_heading.and_then(|h| {
        let next = doc
            .blocks
            .iter()
            .enumerate()
            .skip(h + 1)
            .find(|(_, b)| !block_is_furniture(b))?;
        matches!(next.1.kind, BlockKind::Heading { .. }).then_some(next.0)
    });
    places.extend(subtitle);
    // The opening paragraph: under the title, before any other heading.
    let opening = doc
        .blocks
        .iter()
        .enumerate()
        .skip(usize::from(title_line))
        .filter(|(_, b)| !block_is_furniture(b))
        .take_while(|(bi, b)| {
            !matches!(b.kind, BlockKind::Heading { .. }) || Some(*bi) == first_heading
        })
        .find(|(_, b)| matches!(b.kind, BlockKind::Paragraph))
        .filter(|(_, b)| !flag(&nonnormative, b.section) || flag(&scope, b.section))
        .map(|(bi, _)| bi);
    places.extend(opening);
    places.extend(doc.blocks.iter().enumerate().filter_map(|(bi, b)| {
        (flag(&scope, b.section)
            && !block_is_furniture(b)
            && !matches!(b.kind, BlockKind::Heading { .. }))
        .then_some(bi)
    }));
    places.sort_unstable();
    places.dedup();
    places
}
