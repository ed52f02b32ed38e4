//! Is a word Norwegian? One question asked of Debian's bokmål and nynorsk word
//! lists (`wnorwegian`, 1.34 million full forms), embedded as a finite-state set
//! (`data/nb-nn-words.fst`, 2.6 MB, built by `examples/build-wordlist.rs`; see
//! `data/README.md` for the source and its licence).
//!
//! The set is read in place from the binary: opening it checks a header and
//! builds nothing, and it is opened only when a caller first asks, so a run that
//! never asks pays nothing. A lookup walks the word's bytes once.

use std::sync::OnceLock;

static WORDS: &[u8] = include_bytes!("data/nb-nn-words.fst");

fn words() -> Option<&'static fst::Set<&'static [u8]>> {
    static SET: OnceLock<Option<fst::Set<&'static [u8]>>> = OnceLock::new();
    SET.get_or_init(|| fst::Set::new(WORDS).ok()).as_ref()
}

/// Whether `word` (any case) is a bokmål or nynorsk word form in the list.
pub fn is_norwegian_word(word: &str) -> bool {
    let lower: String = unicode_normalization::UnicodeNormalization::nfc(word)
        .flat_map(char::to_lowercase)
        .collect();
    words().is_some_and(|set| set.contains(lower.as_bytes()))
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
        ] {
            assert!(is_norwegian_word(word), "{word}");
        }
        for name in ["Vendrix", "PostgreSQL", "SharePoint", "Qlik"] {
            assert!(!is_norwegian_word(name), "{name}");
        }
    }
}
