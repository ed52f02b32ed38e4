//! Sharing one automaton among the term matchers of the sets checked together, so
//! that a block is searched once for all of them rather than once per set. Each
//! distinct spelling is one pattern of the automaton, however many terms and sets
//! have it, and a match of it is handed to each of them.

use super::{Found, Hit, TermMatcher, number_words_each};
use crate::text::normalize::Normalized;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::Arc;

/// More pattern bytes than any rule file holds; below it the automaton's states and
/// pattern ids cannot run out, the only ways building it fails.
pub(super) const MAX_PATTERN_BYTES: usize = 1 << 28;

/// The automaton a matcher searches with, and which matcher of those sharing it
/// this one is.
#[derive(Debug, Clone)]
pub(super) struct Search {
    shared: Arc<Shared>,
    matcher: u32,
}

/// One automaton over the distinct spellings of several matchers' patterns.
#[derive(Debug)]
struct Shared {
    automaton: AhoCorasick,
    /// How many matchers share it.
    matchers: usize,
    /// The automaton's pattern `p` stands for the (matcher, pattern of that matcher)
    /// pairs `owners[starts[p]..starts[p + 1]]`.
    starts: Vec<u32>,
    owners: Vec<(u32, u32)>,
}

impl Search {
    /// An automaton of the matcher's own, or `None` when it has no patterns.
    pub(super) fn of(patterns: &[String]) -> Option<Search> {
        let shared = Shared::build(&[patterns])?;
        Some(Search { shared, matcher: 0 })
    }

    pub(super) fn automaton(&self) -> &AhoCorasick {
        &self.shared.automaton
    }

    /// The matcher's own numbers of the patterns the automaton's pattern stands for.
    pub(super) fn own(&self, pattern: usize) -> impl Iterator<Item = usize> + '_ {
        self.shared
            .owners_of(pattern)
            .iter()
            .filter(|(matcher, _)| *matcher == self.matcher)
            .map(|&(_, own)| own as usize)
    }
}

impl Shared {
    /// The automaton over every matcher's patterns, `None` when there are none. The
    /// matchers' sizes are checked when they are compiled ([`TermMatcher::build`]),
    /// so building it does not fail.
    fn build(matchers: &[&[String]]) -> Option<Arc<Shared>> {
        let mut ids: foldhash::HashMap<&str, u32> = foldhash::HashMap::default();
        let mut distinct: Vec<&str> = Vec::new();
        // Each pattern's distinct spelling, and how many patterns have each.
        let mut spelling_of: Vec<u32> = Vec::new();
        let mut counts: Vec<u32> = Vec::new();
        for pattern in matchers.iter().flat_map(|patterns| patterns.iter()) {
            let id = *ids.entry(pattern.as_str()).or_insert_with(|| {
                distinct.push(pattern);
                counts.push(0);
                (distinct.len() - 1) as u32
            });
            counts[id as usize] += 1;
            spelling_of.push(id);
        }
        if distinct.is_empty() {
            return None;
        }
        let mut starts: Vec<u32> = Vec::with_capacity(counts.len() + 1);
        starts.push(0);
        for count in &counts {
            starts.push(starts[starts.len() - 1] + count);
        }
        let mut next = starts.clone();
        let mut owners = vec![(0, 0); spelling_of.len()];
        let numbered = (matchers.iter().enumerate())
            .flat_map(|(m, patterns)| (0..patterns.len()).map(move |p| (m as u32, p as u32)));
        for (owner, id) in numbered.zip(&spelling_of) {
            let slot = &mut next[*id as usize];
            owners[*slot as usize] = owner;
            *slot += 1;
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&distinct)
            .ok()?;
        Some(Arc::new(Shared {
            automaton,
            matchers: matchers.len(),
            starts,
            owners,
        }))
    }

    fn owners_of(&self, pattern: usize) -> &[(u32, u32)] {
        let from = self.starts.get(pattern).copied().unwrap_or(0) as usize;
        let to = self.starts.get(pattern + 1).copied().unwrap_or(0) as usize;
        self.owners.get(from..to).unwrap_or_default()
    }
}

/// Puts the patterns of all `matchers` into one automaton that each of them then
/// searches with, so that [`find_each`] searches a text once for all of them
/// instead of once per matcher (the two default sets have many terms in common).
/// A matcher that has searched already keeps its own automaton.
pub(crate) fn share_search(matchers: &[&TermMatcher]) {
    if matchers.len() < 2 || matchers.iter().any(|m| m.search.get().is_some()) {
        return;
    }
    let patterns: Vec<&[String]> = matchers.iter().map(|m| m.patterns.as_slice()).collect();
    let Some(shared) = Shared::build(&patterns) else {
        return;
    };
    for (index, matcher) in matchers.iter().enumerate() {
        // Set by another thread meanwhile, the matcher keeps its own; `find_each` then
        // searches for each matcher apart.
        let _ = matcher.search.set(Some(Search {
            shared: Arc::clone(&shared),
            matcher: index as u32,
        }));
    }
}

/// Every matcher's hits in a normalised text, as [`TermMatcher::find`] finds them,
/// in one pass when they share an automaton ([`share_search`]).
pub(crate) fn find_each(
    matchers: &[&TermMatcher],
    normalized: &Normalized,
    original: &str,
) -> Vec<Vec<Hit>> {
    let Some((shared, slots)) = one_search(matchers) else {
        return matchers
            .iter()
            .map(|m| m.find(normalized, original))
            .collect();
    };
    let text = normalized.text.as_str();
    let mut found: Vec<Found> = matchers.iter().map(|_| Found::new(text)).collect();
    for m in shared.automaton.find_overlapping_iter(text) {
        for &(matcher, own) in shared.owners_of(m.pattern().as_usize()) {
            if let Some(&Some(slot)) = slots.get(matcher as usize) {
                let span = (m.start(), m.end());
                matchers[slot].gather(own as usize, span, (normalized, original), &mut found[slot]);
            }
        }
    }
    let mut hits: Vec<Vec<Hit>> = (matchers.iter().zip(found))
        .map(|(matcher, found)| matcher.settle(found))
        .collect();
    number_words_each(text, &mut hits);
    hits
}

/// The automaton all of several matchers search with, and for each matcher of
/// those sharing it, its place among `matchers`; `None` when they do not share
/// one, or a matcher is given twice.
fn one_search<'m>(matchers: &[&'m TermMatcher]) -> Option<(&'m Shared, Vec<Option<usize>>)> {
    let searches: Vec<&Search> = matchers.iter().map(|m| m.search()).collect::<Option<_>>()?;
    let (first, rest) = searches.split_first()?;
    if rest.is_empty() || !rest.iter().all(|s| Arc::ptr_eq(&s.shared, &first.shared)) {
        return None;
    }
    let mut slots = vec![None; first.shared.matchers];
    for (slot, search) in searches.iter().enumerate() {
        let place = slots.get_mut(search.matcher as usize)?;
        if place.is_some() {
            return None;
        }
        *place = Some(slot);
    }
    Some((&first.shared, slots))
}
