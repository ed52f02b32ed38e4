//! What a requirement governs: the stretch of a statement its modal verb reaches.
//! A requirement is about what its main clause names — the subject («Kjernejournalen
//! skal være tilgjengelig …») and what the modal verb chain governs («… skal kunne se
//! kjernejournalen»). A subordinate clause says something about another thing
//! («… slik at data som i dag ligger i kjernejournalen …», «… før visjonen
//! presenteres»), and a reference names a source, not the topic («jf. …», «i henhold
//! til …»): neither is in reach. This module finds those stretches by the words
//! that open them, as a reader would, with no list of topics.

use super::CELL_SEPARATOR;
use std::ops::Range;

/// Words that open a subordinate clause wherever they stand. Not «hva», «hvilke»,
/// «kva»: an indirect question is what the verb governs («skal kunne se hvilke
/// tjenester pasienten mottar»).
const SUBORDINATORS: &[&str] = &[
    "når", "fordi", "dersom", "hvis", "viss", "før", "mens", "medan", "ettersom", "sidan", "der",
    "hvor", "kor", "which", "who", "whom", "whose", "where", "when", "because", "before", "while",
    "if", "unless", "whereas", "although",
];
/// Words that with a following «at» / "that" open a subordinate clause («slik at»,
/// «etter at», "so that"); «at» alone opens what the modal governs («skal sikre at …»).
const BEFORE_AT: &[&str] = &[
    "slik", "så", "etter", "uten", "utan", "for", "fordi", "sjølv", "selv",
];
const BEFORE_THAT: &[&str] = &["so", "such", "order"];
/// After «som», a word that shows a relative clause (a verb, pronoun or adverb),
/// not «som» = «such as» («nasjonale løsninger som kjernejournal»).
const RELATIVE_AFTER_SOM: &[&str] = &[
    "i", "er", "var", "har", "hadde", "skal", "kan", "må", "bør", "vil", "blir", "ble", "vert",
    "vart", "ikke", "ikkje", "allerede", "alt", "alltid", "nå", "no", "det", "de", "dei", "den",
    "vi", "me", "man", "du", "hun", "han", "ho",
];
/// Words that open a reference to a source: «jf. forskriften», «i henhold til …».
const REFERENCES: &[&[&str]] = &[
    &["jf"],
    &["jfr"],
    &["iht"],
    &["cf"],
    &["i", "henhold", "til"],
    &["i", "samsvar", "med"],
    &["i", "tråd", "med"],
    &["som", "beskrevet", "i"],
    &["som", "skildra", "i"],
    &["som", "nevnt", "i"],
    &["som", "nemnt", "i"],
    &["according", "to"],
    &["in", "accordance", "with"],
    &["as", "described", "in"],
];
/// Modal verbs: the first one of a sentence ends a clause that opened before it
/// («Opplysninger som hjemmesykepleien registrerer, skal …», «Når … er nede skal …»).
const MODALS: &[&str] = &[
    "skal", "må", "bør", "kan", "shall", "must", "should", "may", "kreves", "krevst",
];

/// The byte ranges of a normalised statement that are *not* in its requirement's
/// reach: subordinate clauses and references, each up to the punctuation (or cell
/// boundary) that ends it.
pub(crate) fn outside_reach(text: &str) -> Vec<Range<usize>> {
    let words: Vec<(usize, &str)> = super::modality::words(text)
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut modal_seen = false;
    let mut previous_end = 0;
    for (i, &(start, word)) in words.iter().enumerate() {
        let gap = &text[previous_end..start];
        if let Some(from) = open
            && let Some(p) = gap.find(ends_clause)
        {
            out.push(from..previous_end + p);
            open = None;
        }
        previous_end = start + word.len();
        let is_modal = MODALS.contains(&word);
        if let Some(from) = open
            && is_modal
            && !modal_seen
        {
            out.push(from..start);
            open = None;
        }
        modal_seen |= is_modal;
        if open.is_some() {
            continue;
        }
        let next = words.get(i + 1).map(|&(_, w)| w);
        let before = i.checked_sub(1).and_then(|k| words.get(k));
        let opens_here = opens_reference(&words[i..])
            || SUBORDINATORS.contains(&word)
            || word == "som" && (gap.contains(',') || next.is_some_and(opens_relative));
        if opens_here {
            open = Some(start);
        } else if (word == "at" && before.is_some_and(|&(_, w)| BEFORE_AT.contains(&w)))
            || (word == "that" && before.is_some_and(|&(_, w)| BEFORE_THAT.contains(&w)))
        {
            open = before.map(|&(s, _)| s);
        }
    }
    if let Some(from) = open {
        let end = text[previous_end..]
            .find(ends_clause)
            .map_or(text.len(), |p| previous_end + p);
        out.push(from..end);
    }
    out
}

/// Punctuation that ends a clause (a comma too: a subordinate clause runs to it). A
/// full stop inside a statement is an abbreviation's («jf.», «bl.a.»): the sentence
/// splitter has already cut at every sentence's end.
fn ends_clause(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | ')' | CELL_SEPARATOR)
}

/// A verb, pronoun or adverb after «som»: a relative clause, not «such as».
fn opens_relative(next: &str) -> bool {
    RELATIVE_AFTER_SOM.contains(&next)
        || next.chars().count() >= 5
            && ["er", "es", "ast", "te", "de"]
                .iter()
                .any(|ending| next.ends_with(ending))
}

/// Whether a reference phrase starts at the first of `words`.
fn opens_reference(words: &[(usize, &str)]) -> bool {
    REFERENCES.iter().any(|phrase| {
        phrase.len() <= words.len() && phrase.iter().zip(words).all(|(p, (_, w))| p == w)
    })
}

#[cfg(test)]
mod tests {
    use super::outside_reach;

    fn outside(text: &str) -> Vec<&str> {
        outside_reach(text)
            .into_iter()
            .map(|r| text[r].trim().trim_end_matches('.'))
            .collect()
    }

    #[test]
    fn what_the_modal_governs_is_in_reach() {
        assert!(
            outside("sykepleieren skal kunne se kjernejournalen fra pasientbildet.").is_empty()
        );
        assert!(outside("kjernejournalen skal være tilgjengelig fra journalen.").is_empty());
        assert!(outside("løsningen skal støtte nasjonale løsninger som kjernejournal.").is_empty());
        assert!(
            outside(
                "legevakten skal kunne se hvilke tjenester pasienten mottar fra hjemmesykepleien."
            )
            .is_empty()
        );
    }

    #[test]
    fn subordinate_clauses_and_references_are_not() {
        assert_eq!(
            outside(
                "løsningen skal lagre dokumenter slik at data som i dag ligger i kjernejournalen blir bevart."
            ),
            ["slik at data som i dag ligger i kjernejournalen blir bevart"]
        );
        assert_eq!(
            outside("brukerne skal få opplæring før kjernejournal-visjonen presenteres."),
            ["før kjernejournal-visjonen presenteres"]
        );
        assert_eq!(
            outside("når kjernejournalen er nede, skal løsningen varsle brukeren."),
            ["når kjernejournalen er nede"]
        );
        assert_eq!(
            outside("løsningen skal logge bruk, jf. forskrift om kjernejournal."),
            ["jf. forskrift om kjernejournal"]
        );
        assert_eq!(
            outside("opplysninger som i dag ligger i kjernejournalen skal kunne skrives ut."),
            ["som i dag ligger i kjernejournalen"]
        );
    }
}
