//! Which language a tender is written in: bokmål, nynorsk or English.
//!
//! Fix texts and evidence places follow the tender's language, so the check asks
//! this once per tender, from its blocks' text.

use crate::Lang;

/// Bokmål, nynorsk or English, by counting words only one of them uses, in the
/// texts given (a tender's blocks, in reading order).
pub(crate) fn detect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Lang {
    const NN: &[&str] = &[
        "ikkje",
        "korleis",
        "kva",
        "løysing",
        "løysinga",
        "tenester",
        "teneste",
        "vere",
        "eller tilsvarande",
        "frå",
        "kommunen sine",
        "difor",
        "berre",
        "gjennomføre",
        "eit",
        "ein",
        "mykje",
        "leverandøren sitt",
    ];
    const NB: &[&str] = &[
        "ikke",
        "hvordan",
        "hva",
        "løsning",
        "løsningen",
        "tjenester",
        "tjeneste",
        "være",
        "fra",
        "derfor",
        "bare",
        "et",
        "en",
        "mye",
    ];
    const EN: &[&str] = &[
        "the", "shall", "and", "of", "supplier", "solution", "must", "should", "with",
    ];
    // A sample decides the language as well as the whole tender would, and keeps
    // this pass from costing as much as the check itself on a long tender.
    const SAMPLE_WORDS: usize = 20_000;
    let (mut nn, mut nb, mut en) = (0usize, 0usize, 0usize);
    let mut seen = 0;
    for block in texts {
        let text = super::normalize(block).text;
        for word in super::modality::words(&text) {
            nn += NN.contains(&word) as usize;
            nb += NB.contains(&word) as usize;
            en += EN.contains(&word) as usize;
            seen += 1;
        }
        if seen >= SAMPLE_WORDS {
            break;
        }
    }
    if en > nb + nn {
        Lang::En
    } else if nn > nb {
        Lang::Nn
    } else {
        Lang::Nb
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_only_one_language_uses_decide_it() {
        assert_eq!(
            detect(["Leverandøren skal ikkje levere løysinga frå eit lager."]),
            Lang::Nn
        );
        assert_eq!(
            detect(["Leverandøren skal ikke levere løsningen fra et lager."]),
            Lang::Nb
        );
        assert_eq!(
            detect(["The supplier shall deliver the solution."]),
            Lang::En
        );
    }

    #[test]
    fn a_tender_without_telling_words_is_bokmal() {
        assert_eq!(detect([]), Lang::Nb);
        assert_eq!(detect(["Krav 1", "Pris"]), Lang::Nb);
    }
}
