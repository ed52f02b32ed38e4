//! Instructions to the tenderer to describe something («Konsulenten skal levere en
//! kort beskrivelse av …», «Leverandøren skal beskrive …», "The supplier shall
//! describe …"): what is asked for is an answer, evaluated, not a property the
//! solution must have — whatever the modal verb. The question-only form («Beskriv
//! hvordan …») is read in [`super::modality`].

use super::modality::words;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

const MODALS: &[&str] = &["skal", "må", "shall", "must"];
/// What every verb and noun below begins with or holds.
const DESCRIPTION_STEMS: &[&str] = &[
    "beskriv",
    "redegj",
    "forklar",
    "skildr",
    "rede for",
    "greie for",
    "reie for",
    "describ",
    "descript",
    "explain",
    "explanation",
];
/// Verbs that ask for a description themselves.
const DESCRIBE_VERBS: &[&str] = &[
    "beskrive",
    "beskriva",
    "redegjøre",
    "redegjere",
    "forklare",
    "skildre",
    "describe",
    "explain",
];
/// «legge ved», «leggje fram»: a hand-over verb with its particle.
const PLACING_VERBS: &[&str] = &["legge", "leggje"];
const PLACING_PARTICLES: &[&str] = &["ved", "fram", "frem"];
/// Between the modal and its verb, these make it a capability of the solution
/// («Brukeren skal kunne gi en beskrivelse …»), not an instruction.
const ABILITY: &[&str] = &["kunne", "kunna", "able"];
/// «gjøre rede for», «gjere greie for».
const ACCOUNT_VERBS: &[&str] = &["gjøre", "gjere"];
const ACCOUNT_NOUNS: &[&str] = &["rede", "greie", "reie"];
/// Verbs that hand over a document: with a description as their object they ask
/// for one («levere en beskrivelse av»).
const HAND_OVER_VERBS: &[&str] = &[
    "levere", "leverere", "gi", "vedlegge", "provide", "submit", "include", "give",
];
const DESCRIPTION_NOUNS: &[&str] = &[
    "beskrivelse",
    "beskrivelsen",
    "beskriving",
    "beskrivinga",
    "skildring",
    "redegjørelse",
    "redegjørelsen",
    "redegjering",
    "forklaring",
    "description",
    "explanation",
];
/// How many words may stand between the modal verb and its verb («skal i
/// tilbudet beskrive»), and between a hand-over verb and the description («levere
/// en kort og presis beskrivelse»).
const VERB_REACH: usize = 3;
const OBJECT_REACH: usize = 5;

/// True when a normalised sentence instructs the tenderer to describe, explain or
/// account for something.
pub(crate) fn asks_to_describe(sentence: &str) -> bool {
    // Every binding sentence of a tender passes here: most name no description at
    // all, and one scan for the stems says so before any word is looked at.
    static STEMS: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let may_ask = STEMS
        .get_or_init(|| AhoCorasick::new(DESCRIPTION_STEMS).ok())
        .as_ref()
        .is_none_or(|stems| stems.is_match(sentence));
    if !may_ask {
        return false;
    }
    let words: Vec<&str> = words(sentence).collect();
    words.iter().enumerate().any(|(i, w)| {
        MODALS.contains(w)
            && words
                .iter()
                .enumerate()
                .skip(i + 1)
                .take(VERB_REACH)
                .take_while(|(_, w)| !ABILITY.contains(w))
                .any(|(j, verb)| describes(&words, j, verb))
    })
}

/// Whether the verb at `at` asks for a description.
fn describes(words: &[&str], at: usize, verb: &str) -> bool {
    DESCRIBE_VERBS.contains(&verb)
        || ACCOUNT_VERBS.contains(&verb)
            && words.get(at + 1).is_some_and(|n| ACCOUNT_NOUNS.contains(n))
        || (HAND_OVER_VERBS.contains(&verb)
            || PLACING_VERBS.contains(&verb)
                && words
                    .get(at + 1)
                    .is_some_and(|p| PLACING_PARTICLES.contains(p)))
            && words
                .iter()
                .skip(at + 1)
                .take(OBJECT_REACH)
                .any(|n| DESCRIPTION_NOUNS.contains(n))
}

#[cfg(test)]
mod tests {
    use super::asks_to_describe;
    use crate::text::normalize;

    fn asks(s: &str) -> bool {
        asks_to_describe(&normalize(s).text)
    }

    #[test]
    fn instructions_to_describe_are_asks() {
        assert!(asks(
            "Konsulenten skal levere en kort og presis beskrivelse av sin tilbudte service, support og responstid."
        ));
        assert!(asks("Leverandøren skal beskrive sine rutiner for support."));
        assert!(asks("Tilbyder må i tilbudet redegjøre for oppetid."));
        assert!(asks("Leverandøren skal gjøre rede for tjenestenivået."));
        assert!(asks("The supplier shall provide a description of the SLA."));
        assert!(asks(
            "Tilbyder skal legge ved en beskrivelse av supportordningen."
        ));
    }

    #[test]
    fn requirements_on_the_solution_are_not() {
        assert!(!asks(
            "Leverandøren skal levere en løsning med 99,5 % oppetid."
        ));
        assert!(!asks(
            "Løsningen skal støtte beskrivelse av tiltak i pleieplanen."
        ));
        assert!(!asks(
            "Leverandøren skal levere en oversikt over integrasjoner."
        ));
        assert!(!asks(
            "Brukeren skal kunne legge inn en beskrivelse av hendelsen i journalen."
        ));
    }
}
