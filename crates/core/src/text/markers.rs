//! How many binding markers a text may hold: the cheap test before a requirement
//! row is split into clauses, one automaton scan for all the markers.

use super::modal_words::BUYER_DEMANDS;
use super::modality::{BINDING_WORDS, REQUIRED_PHRASES};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::OnceLock;

/// How many binding markers a normalised text may hold, counted up to `at_most`:
/// every occurrence of a binding word or a «required» phrase as a substring, so
/// the count is never below the number of disjoint parts of the text that
/// [`classify`](super::modality::classify) reads as [`Modality::Binding`](super::modality::Modality::Binding) (a binding part holds a binding
/// word, or a «required» phrase, of its own). A cheap test before splitting a text
/// into clauses.
pub(crate) fn binding_markers(text: &str, at_most: usize) -> usize {
    let Some(markers) = marker_automaton() else {
        return at_most;
    };
    // One scan for all markers (a substring search set up a searcher per marker and row);
    // each marker's occurrences counted apart and without overlap, as `str::matches` does.
    let mut counted_to =
        [0usize; BINDING_WORDS.len() + REQUIRED_PHRASES.len() + BUYER_DEMANDS.len()];
    let mut count = 0;
    for found in markers.find_overlapping_iter(text) {
        let end = &mut counted_to[found.pattern().as_usize()];
        if found.start() >= *end {
            *end = found.end();
            count += 1;
            if count >= at_most {
                break;
            }
        }
    }
    count
}

/// The binding words, «required» phrases and the buyer's own demands in one automaton
/// (`None` only if the crate refused to build it, when every text counts as binding
/// enough to read on).
fn marker_automaton() -> Option<&'static AhoCorasick> {
    static AUTOMATON: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let kind = Some(AhoCorasickKind::ContiguousNFA);
    let markers = || {
        let phrases = REQUIRED_PHRASES.iter().chain(BUYER_DEMANDS);
        BINDING_WORDS.iter().chain(phrases)
    };
    let build = || AhoCorasick::builder().kind(kind).build(markers()).ok();
    AUTOMATON.get_or_init(build).as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binding_markers_count_binding_words_and_required_phrases() {
        assert_eq!(binding_markers("løsningen skal x. den må y.", 2), 2);
        assert_eq!(binding_markers("løsningen bør x.", 2), 0);
        assert_eq!(binding_markers("support is required", 2), 1);
    }

    /// The one-scan count is the count of each marker's occurrences without overlap
    /// (`str::matches`), summed and capped: a marker that overlaps itself (« uten
    /// uten ») or another («må» in «påkrevd må») counts as it did.
    #[test]
    fn binding_markers_count_each_markers_occurrences_apart() {
        let by_substring_search = |text: &str, at_most: usize| {
            let markers = BINDING_WORDS
                .iter()
                .chain(REQUIRED_PHRASES)
                .chain(BUYER_DEMANDS);
            markers
                .map(|m| text.matches(m).count())
                .sum::<usize>()
                .min(at_most)
        };
        let texts = [
            "",
            "løsningen skal x, skalskal må, påkrevd og påkrevet, must shall",
            " uten uten uten , kan bare kan kun may only",
            "det er et krav at det er et krav at x, inngår som en del av og inngår i",
            "is required and are required and is a requirement that",
            "kommunen krever at kommunen krever, the customer requires that",
        ];
        for text in texts {
            for at_most in 1..8 {
                assert_eq!(
                    binding_markers(text, at_most),
                    by_substring_search(text, at_most),
                    "{text:?} up to {at_most}"
                );
            }
        }
    }
}
