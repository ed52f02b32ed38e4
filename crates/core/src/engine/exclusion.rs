//! Scope exclusions (`reading: exclusions`): a tender's statement that a topic is
//! outside the delivery («Det stilles ikke krav til bevaring og kassasjon i
//! journalløsningen», «X inngår ikke i leveransen», "X is out of scope") holds for
//! the whole tender. Read once, before any rule observes a statement: for each
//! `require` rule, the topic an exclusion names — the words of the rule's own terms
//! it hits. A later statement that matches the rule only through other words — a
//! neighbour, such as the regulation the excluded topic shares a citation with
//! («arkivuttrekk i henhold til Riksarkivarens forskrift») — does not bring the topic
//! back (its evidence is `excluded`); a statement that names the excluded topic
//! itself does («kassasjonsfrister», "retention periods" after "retention and
//! disposal").

use super::TypeLegend;
use super::statements::{self, PreparedBlock, prepare_each};
use crate::document::{BlockKind, Document};
use crate::parallel::prelude::*;
use crate::rules::schema::RuleKind;
use crate::rules::{Hit, RuleSet, StatementHits};
use crate::text::modality;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// For each rule of a set (by index), the topic words an exclusion of the tender
/// names (see [`topic_word`]); empty for a rule no exclusion names.
pub(super) type Exclusions = Vec<Vec<String>>;

/// Words shorter than this are not a topic («og», «til», "and").
const TOPIC_WORD_LETTERS: usize = 5;
/// Words are compared on this many first letters, so inflections and compounds
/// that start with the word agree («kassasjon», «kassasjonsfrister»), as the
/// definitions reading compares a definition with a rule's title.
const TOPIC_PREFIX_LETTERS: usize = 6;

/// The words of a hit's text that name a topic, each as its first letters.
fn topic_words(hit_text: &str) -> impl Iterator<Item = String> + '_ {
    modality::words(hit_text)
        .filter(|w| w.chars().count() >= TOPIC_WORD_LETTERS)
        .map(topic_word)
}

/// Whether a statement's own hits (not those it inherits) name a topic word an
/// exclusion named. `text` is the statement's normalised text, which starts at
/// `start` in its block's text, where hits point.
pub(super) fn names_excluded_topic(
    text: &str,
    start: usize,
    hits: &[Hit],
    excluded: &[String],
) -> bool {
    hits.iter().filter(|h| !h.inherited).any(|h| {
        let hit_text = text
            .get(h.start.saturating_sub(start)..h.end.saturating_sub(start))
            .unwrap_or_default();
        topic_words(hit_text).any(|w| excluded.contains(&w))
    })
}

/// A word's key for comparing topics: its first [`TOPIC_PREFIX_LETTERS`] letters.
fn topic_word(word: &str) -> String {
    word.chars().take(TOPIC_PREFIX_LETTERS).collect()
}

/// The blocks of a tender that may put a topic out of scope, prepared, by
/// document: read once for all rule sets.
pub(super) struct NegatedBlocks(Vec<Vec<(usize, PreparedBlock)>>);

impl NegatedBlocks {
    /// Blocks with a negated statement, outside headings, headers and footers.
    /// Negation phrases are rare: the block's own text is scanned for them first, and
    /// only blocks that may hold one are prepared. Nothing is read when no set reads
    /// exclusions.
    pub(super) fn gather(docs: &[Document], sets: &[RuleSet], legend: &TypeLegend) -> Self {
        if !sets.iter().any(|s| s.reading.exclusions) {
            return NegatedBlocks(Vec::new());
        }
        let by_doc = docs
            .iter()
            .map(|doc| {
                // On both cores: every block of the tender is scanned here, before the
                // stretches are observed in parallel.
                let candidates: Vec<usize> = doc
                    .blocks
                    .par_iter()
                    .enumerate()
                    .filter(|(_, block)| {
                        !matches!(block.kind, BlockKind::Heading { .. })
                            && !statements::block_is_furniture(block)
                            && may_negate(&block.text)
                    })
                    .map(|(bi, _)| bi)
                    .collect();
                if candidates.is_empty() {
                    return Vec::new();
                }
                let prepared = prepare_each(doc, &candidates, legend);
                candidates
                    .into_iter()
                    .zip(prepared)
                    .filter(|(_, p)| p.statements.iter().any(|s| s.negated && !s.glossary))
                    .collect()
            })
            .collect();
        NegatedBlocks(by_doc)
    }
}

/// Whether a block's text, as written, may hold a negation phrase: one scan of the
/// text with the phrases, ASCII case folded, and no copy of it (every block of a
/// tender passes here). The statements of a block that may are read properly.
fn may_negate(text: &str) -> bool {
    static PHRASES: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    PHRASES
        .get_or_init(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(modality::NEGATION_PHRASES)
                .ok()
        })
        .as_ref()
        .is_none_or(|phrases| phrases.is_match(text))
}

/// The tender's exclusions, read for one rule set: only in normative text (not in
/// background sections, glossaries, headers or footers) or in a section about the
/// scope. `nonnormative` and `scope` are the set's sections, by document.
pub(super) fn exclusions(
    set: &RuleSet,
    docs: &[Document],
    negated: &NegatedBlocks,
    (nonnormative, scope): (&[Vec<bool>], &[Vec<bool>]),
) -> Exclusions {
    let mut excluded: Exclusions = vec![Vec::new(); set.rules.len()];
    if !set.reading.exclusions {
        return excluded;
    }
    for (di, (doc, blocks)) in docs.iter().zip(&negated.0).enumerate() {
        let flag = |flags: &[Vec<bool>], section: usize| {
            flags
                .get(di)
                .and_then(|f| f.get(section))
                .copied()
                .unwrap_or(false)
        };
        for (bi, block) in blocks {
            let section = doc.blocks[*bi].section;
            if flag(nonnormative, section) && !flag(scope, section) {
                continue;
            }
            let hits = set.matcher.find(&block.norm, &doc.blocks[*bi].text);
            for statement in block.statements.iter().filter(|s| s.negated && !s.glossary) {
                let own: Vec<Hit> = hits
                    .iter()
                    .copied()
                    .filter(|h| h.start >= statement.range.start && h.end <= statement.range.end)
                    .collect();
                if own.is_empty() {
                    continue;
                }
                let text = &block.norm.text[statement.range.clone()];
                // A deferral beside the exclusion in the block excludes nothing.
                if !modality::is_negated(text) {
                    continue;
                }
                let own = set.matcher.with_context(own);
                name_excluded_topics(set, &own, (&block.norm.text, text), &mut excluded);
            }
        }
    }
    excluded
}

/// Records, for each `require` rule an exclusion statement matches, the topic words
/// of the rule's own terms it hits. `texts` are the block's normalised text (where
/// hits point) and the statement's.
fn name_excluded_topics(
    set: &RuleSet,
    own: &[Hit],
    (block_text, text): (&str, &str),
    excluded: &mut Exclusions,
) {
    let statement_hits = StatementHits::new(own);
    for (ri, rule) in set.rules.iter().enumerate() {
        if rule.kind != RuleKind::Require {
            continue;
        }
        let Some(pattern) = &rule.pattern else {
            continue;
        };
        if pattern.eval(&statement_hits, text).is_none() {
            continue;
        }
        // The topic is what the exclusion names with the terms the rule cannot match
        // without; a rule matched only by a regex names none, and is left as it was.
        for hit in own.iter().filter(|h| rule.triggers.contains(&h.term)) {
            for word in topic_words(block_text.get(hit.start..hit.end).unwrap_or_default()) {
                if !excluded[ri].contains(&word) {
                    excluded[ri].push(word);
                }
            }
        }
    }
}
