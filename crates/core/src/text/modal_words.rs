//! Which modal word a word of a sentence is («skal» binds, «bør» wishes), in one
//! table lookup. [`super::modality`] reads every word of every sentence; searching
//! its word lists one by one for each was a tenth of its cost on a large tender.

use std::sync::OnceLock;

/// What a modal word makes of the sentence it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ModalWord {
    /// «skal», «må», «shall»: the sentence binds.
    Binding,
    /// «bør», «ønskes», «should»: the sentence wishes.
    Should,
}

/// The binding and the wishing words, each list as [`super::modality`] keeps it;
/// a word in both lists binds, as when the binding list was searched first.
pub(crate) struct ModalWords(foldhash::HashMap<&'static str, ModalWord>);

impl ModalWords {
    fn new(binding: &[&'static str], should: &[&'static str]) -> ModalWords {
        let mut table = foldhash::HashMap::default();
        for word in should {
            table.insert(*word, ModalWord::Should);
        }
        for word in binding {
            table.insert(*word, ModalWord::Binding);
        }
        ModalWords(table)
    }

    /// The modal word `word` is, if it is one.
    pub(crate) fn get(&self, word: &str) -> Option<ModalWord> {
        self.0.get(word).copied()
    }
}

/// The table of [`super::modality`]'s word lists, built on first use.
pub(crate) fn modal_words(
    binding: &[&'static str],
    should: &[&'static str],
) -> &'static ModalWords {
    static TABLE: OnceLock<ModalWords> = OnceLock::new();
    TABLE.get_or_init(|| ModalWords::new(binding, should))
}

/// What the buyer would like, in a clause rather than a word: «Det ville vore fint om legen
/// kunne sjå prøvesvar», «Det er en fordel om …», "It would be nice if …". A wish, as
/// «ønskelig» is.
pub(crate) const WISH_PHRASES: &[&str] = &[
    "ville vært fint",
    "ville vore fint",
    "hadde vært fint",
    "hadde vore fint",
    "vil være fint",
    "vil vere fint",
    "ville vært en fordel",
    "ville vore ein fordel",
    "hadde vært en fordel",
    "hadde vore ein fordel",
    "er en fordel om",
    "er ein fordel om",
    "er en fordel at",
    "er ein fordel at",
    "er en fordel dersom",
    "er ein fordel dersom",
    "vil være en fordel",
    "vil vere ein fordel",
    "would be nice",
    "would be good if",
    "would be an advantage",
    "is an advantage",
    "will be an advantage",
];

/// «helst» after «som» means "ever", not "preferably": «når som helst», «kva som helst»,
/// «hvem som helst» wish nothing.
pub(crate) fn means_ever(previous: Option<&str>, word: &str) -> bool {
    word == "helst" && previous == Some("som")
}

/// The buyer demanding in its own name («Kommunen krever at …», «Oppdragsgjevar krev …»),
/// which binds as «skal» does. English "requires" also means "needs", so only "requires
/// that" demands.
pub(crate) const BUYER_DEMANDS: &[&str] = &[
    "kommunen krever",
    "kommunene krever",
    "oppdragsgiver krever",
    "oppdragsgiverne krever",
    "kunden krever",
    "kommunen krev",
    "kommunane krev",
    "oppdragsgjevar krev",
    "oppdragsgjevaren krev",
    "the municipality requires that",
    "the municipalities require that",
    "the contracting authority requires that",
    "the customer requires that",
    "the buyer requires that",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_in_both_lists_binds_and_others_are_not_modal() {
        let table = ModalWords::new(&["skal", "må"], &["bør", "må"]);
        assert_eq!(table.get("skal"), Some(ModalWord::Binding));
        assert_eq!(table.get("må"), Some(ModalWord::Binding));
        assert_eq!(table.get("bør"), Some(ModalWord::Should));
        assert_eq!(table.get("skall"), None);
        assert_eq!(table.get(""), None);
    }
}
