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
