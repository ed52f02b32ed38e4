//! Is a word Norwegian? One question asked of Norsk ordbank's bokmål and nynorsk
//! lemma lists (Språkbanken, CC BY 4.0; 187 000 lemmas), embedded as a
//! finite-state set (`data/nb-nn-words.fst`, 1 MB, built by
//! `examples/build-wordlist.rs`; see `data/README.md` for the source).
//!
//! The list holds lemmas, not full forms, so a word is Norwegian when it is a
//! lemma, a regular inflection of one («kunden», «tenesta», «leverte»), or a
//! compound whose last part is one of those and whose first part is a lemma
//! («databehandleravtalens») — Norwegian writes compounds as one word, and no
//! list can hold them all.
//!
//! The set is read in place from the binary: opening it checks a header and
//! builds nothing, and it is opened only when a caller first asks, so a run that
//! never asks pays nothing. A lookup walks the word's bytes a few dozen times.

use std::sync::OnceLock;

static WORDS: &[u8] = include_bytes!("data/nb-nn-words.fst");

/// Regular inflection endings of bokmål and nynorsk nouns, verbs and adjectives,
/// longest first; a lemma ending in «-e» loses it before them («kunde» →
/// «kunder», «teneste» → «tenesta»).
const ENDINGS: [&str; 26] = [
    "ende", "enes", "anes", "ene", "ane", "ere", "est", "ast", "ete", "en", "et", "er", "ar", "or",
    "ne", "te", "de", "dd", "st", "a", "e", "i", "n", "r", "t", "s",
];

/// The shortest lemma a compound is split into; shorter «words» (prefixes,
/// abbreviations) would make almost any name a compound.
const SHORTEST_PART: usize = 4;

fn words() -> Option<&'static fst::Set<&'static [u8]>> {
    static SET: OnceLock<Option<fst::Set<&'static [u8]>>> = OnceLock::new();
    SET.get_or_init(|| fst::Set::new(WORDS).ok()).as_ref()
}

/// Whether `word` (any case) is a bokmål or nynorsk word: a lemma of the list,
/// a regular inflection of one, or a compound ending in one.
pub(crate) fn is_norwegian_word(word: &str) -> bool {
    let lower: String = unicode_normalization::UnicodeNormalization::nfc(word)
        .flat_map(char::to_lowercase)
        .collect();
    words().is_some_and(|set| is_word(set, &lower) || is_compound(set, &lower))
}

/// A lemma or a regular inflection of one, or the genitive of either.
fn is_word(set: &fst::Set<&[u8]>, word: &str) -> bool {
    is_form(set, word) || word.strip_suffix('s').is_some_and(|w| is_form(set, w))
}

fn is_form(set: &fst::Set<&[u8]>, word: &str) -> bool {
    // «bekreft» is the imperative of «bekrefte».
    if set.contains(word) || set.contains(format!("{word}e")) {
        return true;
    }
    ENDINGS.iter().any(|ending| {
        let Some(stem) = word.strip_suffix(ending) else {
            return false;
        };
        stem.chars().count() >= 2
            && (set.contains(stem)
                || set.contains(format!("{stem}e"))
                || undoubled(stem).is_some_and(|single| set.contains(single))
                || doubled(stem).is_some_and(|double| set.contains(double)))
    })
}

/// «programm» (from «programmet») → «program».
fn undoubled(stem: &str) -> Option<&str> {
    let mut chars = stem.chars().rev();
    let last = chars.next()?;
    (chars.next() == Some(last) && !"aeiouyæøå".contains(last))
        .then(|| &stem[..stem.len() - last.len_utf8()])
}

/// «utfyl» (from «utfylt») → «utfylle».
fn doubled(stem: &str) -> Option<String> {
    let last = stem.chars().next_back()?;
    (!"aeiouyæøå".contains(last)).then(|| format!("{stem}{last}e"))
}

/// A first part that is a lemma (with the linking «s» or «e» it may take) and a
/// last part that is a word or, in turn, a compound («data|behandler|avtalens»).
fn is_compound(set: &fst::Set<&[u8]>, word: &str) -> bool {
    word.char_indices().skip(SHORTEST_PART).any(|(at, _)| {
        let (head, tail) = word.split_at(at);
        if tail.chars().count() < SHORTEST_PART {
            return false;
        }
        let head_is_lemma = set.contains(head)
            || ["s", "e"].iter().any(|link| {
                head.strip_suffix(link)
                    .is_some_and(|h| h.chars().count() >= SHORTEST_PART && set.contains(h))
            });
        head_is_lemma && (is_word(set, tail) || is_compound(set, tail))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_list_opens_and_knows_both_written_standards() {
        assert!(words().is_some(), "the embedded word list does not open");
        for word in [
            "Løsningen",
            "kunden",
            "leverandøren",
            "tenesta",
            "løysinga",
            "journalen",
            "Databehandleravtalens",
            "Underdatabehandleren",
            "leverte",
            "programmet",
        ] {
            assert!(is_norwegian_word(word), "{word}");
        }
        for name in [
            "Vendrix",
            "PostgreSQL",
            "SharePoint",
            "Qlik",
            "Snowflake",
            "Tableau",
            "MariaDB",
        ] {
            assert!(!is_norwegian_word(name), "{name}");
        }
    }
}
