//! Word stems for lexical similarity: lower case, stop words dropped, and the
//! regular bokmål/nynorsk (and a few English) inflection endings stripped, so
//! «journalløsningen», «journalløsninger» and «journalløysinga» are near each
//! other without a dictionary. A stem is a key, not a word: it is never shown.

/// Endings stripped from a word of at least [`SHORTEST_STEM`] + the ending's
/// letters, longest first; one ending per word.
const ENDINGS: [&str; 18] = [
    "heten", "heita", "ene", "ane", "ende", "ande", "ers", "ert", "en", "et", "er", "ar", "ast",
    "es", "a", "e", "s", "t",
];

const SHORTEST_STEM: usize = 4;

/// Words that say nothing about a requirement's topic: function words, the modal
/// verbs and the parties every requirement names.
const STOP: &[&str] = &[
    "alle",
    "andre",
    "at",
    "av",
    "bør",
    "både",
    "da",
    "de",
    "dei",
    "del",
    "denne",
    "den",
    "der",
    "det",
    "dette",
    "du",
    "ein",
    "eit",
    "eller",
    "en",
    "er",
    "et",
    "etter",
    "for",
    "fra",
    "frå",
    "før",
    "ha",
    "har",
    "hele",
    "heile",
    "her",
    "hva",
    "kan",
    "kommunen",
    "kunne",
    "kunde",
    "kunden",
    "leverandøren",
    "leverandør",
    "løsningen",
    "løysinga",
    "løsning",
    "løysing",
    "man",
    "med",
    "mellom",
    "men",
    "må",
    "ikke",
    "ikkje",
    "inn",
    "som",
    "seg",
    "sin",
    "sine",
    "sitt",
    "skal",
    "skulle",
    "slik",
    "så",
    "til",
    "også",
    "òg",
    "om",
    "og",
    "opp",
    "på",
    "samt",
    "ut",
    "uten",
    "utan",
    "ved",
    "være",
    "vere",
    "vera",
    "vil",
    "vår",
    "våre",
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "for",
    "with",
    "shall",
    "must",
    "should",
    "be",
    "is",
    "are",
    "that",
    "this",
    "by",
    "as",
    "at",
    "from",
    "supplier",
    "solution",
    "system",
    "systemet",
    "løsninga",
    "hver",
    "kvar",
    "mv",
    "osv",
    "bl",
    "blant",
    "annet",
    "anna",
    "eks",
    "f",
];

/// The stems of a text's words, in order, stop words left out.
pub fn stems(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

/// One word's stem.
pub fn stem(word: &str) -> String {
    let letters = word.chars().count();
    for ending in ENDINGS {
        if let Some(stem) = word.strip_suffix(ending)
            && letters - ending.chars().count() >= SHORTEST_STEM
        {
            // «løsning»/«løysing», «tjeneste»/«teneste» fold only through a
            // lexicon; the stem is the word without its inflection.
            return stem.to_string();
        }
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_share_a_stem_and_stop_words_go() {
        assert_eq!(stem("journalløsningen"), stem("journalløsninger"));
        assert_eq!(stem("kjernejournalen"), stem("kjernejournal"));
        assert_eq!(stem("tenesta"), stem("teneste"));
        assert_eq!(
            stems("Løsningen skal støtte e-resept."),
            [stem("støtte"), stem("resept")]
        );
    }
}
