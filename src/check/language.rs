//! The tender's language, and the one suggested requirement texts come in.

use crate::Lang;
use crate::document::Document;

/// The language suggested requirement texts come in: the one the user asked
/// for, else the language the tender is written in (an English tender gets
/// English suggestions, a nynorsk one nynorsk). Asking for bokmål keeps a
/// nynorsk tender's texts in nynorsk: messages have no nynorsk of their own, so
/// `nb` says «Norwegian», and the text pasted must match the tender's written form.
pub fn suggestion_language(asked: Option<Lang>, tender: Lang) -> Lang {
    match (asked, tender) {
        (Some(Lang::Nb), Lang::Nn) => Lang::Nn,
        (Some(asked), _) => asked,
        (None, tender) => tender,
    }
}

/// Bokmål, nynorsk or English, by counting words only one of them uses.
pub(crate) fn detect_language(docs: &[Document]) -> Lang {
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
    'documents: for doc in docs {
        for block in &doc.blocks {
            let text = crate::text::normalize(&block.text).text;
            for word in crate::text::modality::words(&text) {
                nn += NN.contains(&word) as usize;
                nb += NB.contains(&word) as usize;
                en += EN.contains(&word) as usize;
                seen += 1;
            }
            if seen >= SAMPLE_WORDS {
                break 'documents;
            }
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
