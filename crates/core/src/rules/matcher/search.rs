//! Sharing one automaton among the term matchers of the sets checked together, so
//! that a block is searched once for all of them rather than once per set.

use super::{Found, Hit, TermMatcher};
use crate::text::normalize::Normalized;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::Arc;

/// More pattern bytes than any rule file holds; below it the automaton's states and
/// pattern ids cannot run out, the only ways building it fails.
pub(super) const MAX_PATTERN_BYTES: usize = 1 << 28;

/// An automaton and where one matcher's patterns are in it.
#[derive(Debug, Clone)]
pub(super) struct Search {
    pub(super) automaton: Arc<AhoCorasick>,
    /// The automaton's number of the matcher's first pattern.
    pub(super) first: usize,
    /// How many patterns the matcher has.
    pub(super) len: usize,
}

impl Search {
    /// The matcher's own number of the automaton's pattern `pattern`, if it is one
    /// of the matcher's.
    pub(super) fn own(&self, pattern: usize) -> Option<usize> {
        pattern.checked_sub(self.first).filter(|&p| p < self.len)
    }
}

/// One automaton over the patterns of `patterns`, or `None` when there are none.
/// The matchers' sizes are checked when they are compiled ([`TermMatcher::build`]),
/// so building it does not fail.
pub(super) fn automaton_of<'p>(
    patterns: impl Iterator<Item = &'p str>,
) -> Option<Arc<AhoCorasick>> {
    let patterns: Vec<&str> = patterns.collect();
    if patterns.is_empty() {
        return None;
    }
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .ok()
        .map(Arc::new)
}

/// Puts the patterns of all `matchers` into one automaton that each of them then
/// searches with, so that [`find_each`] searches a text once for all of them
/// instead of once per matcher (the two default sets have many terms in common).
/// A matcher that has searched already keeps its own automaton.
pub(crate) fn share_search(matchers: &[&TermMatcher]) {
    if matchers.len() < 2 || matchers.iter().any(|m| m.search.get().is_some()) {
        return;
    }
    let Some(automaton) = automaton_of(
        matchers
            .iter()
            .flat_map(|m| m.patterns.iter().map(String::as_str)),
    ) else {
        return;
    };
    let mut first = 0;
    for matcher in matchers {
        let len = matcher.patterns.len();
        // Set by another thread meanwhile, the matcher keeps its own; `find_each` then
        // searches for each matcher apart.
        let _ = matcher.search.set(Some(Search {
            automaton: Arc::clone(&automaton),
            first,
            len,
        }));
        first += len;
    }
}

/// Every matcher's hits in a normalised text, as [`TermMatcher::find`] finds them,
/// in one pass when they share an automaton ([`share_search`]).
pub(crate) fn find_each(
    matchers: &[&TermMatcher],
    normalized: &Normalized,
    original: &str,
) -> Vec<Vec<Hit>> {
    let searches: Option<Vec<&Search>> = matchers.iter().map(|m| m.search()).collect();
    let shared = searches.filter(|all| {
        all.windows(2)
            .all(|pair| Arc::ptr_eq(&pair[0].automaton, &pair[1].automaton))
    });
    let Some(searches) = shared.filter(|all| all.len() > 1) else {
        return matchers
            .iter()
            .map(|m| m.find(normalized, original))
            .collect();
    };
    let text = normalized.text.as_str();
    let mut found: Vec<Found> = matchers.iter().map(|_| Found::new(text)).collect();
    for m in searches[0].automaton.find_overlapping_iter(text) {
        let pattern = m.pattern().as_usize();
        for ((matcher, search), found) in matchers.iter().zip(&searches).zip(&mut found) {
            if let Some(own) = search.own(pattern) {
                matcher.gather(own, (m.start(), m.end()), (normalized, original), found);
            }
        }
    }
    matchers
        .iter()
        .zip(found)
        .map(|(matcher, found)| matcher.finish(found, text))
        .collect()
}
