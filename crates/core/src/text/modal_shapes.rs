//! Modal readings that a word list cannot give, because they depend on the words
//! around «kan»: the buyer's right to order more is an option («Kommunen kan
//! bestille inntil 20 brukarar til einingsprisen»), and a permission limited by
//! «bare»/«kun» or by «ikke … uten» is a restriction that binds («Databehandleren
//! kan bare bruke underleverandører som kommunen har godkjent»).

/// Stems of verbs that order more of the delivery: with a buyer's «kan» they make
/// the statement an option. The English ones are written out to their «e», so
/// «includes» and «included» match but not «inclusion».
const ORDER_STEMS: &[&str] = &[
    "bestill", "utvid", "utløs", "utløys", "forleng", "kjøp", "avrop", "inkluder", "order",
    "extend", "include", "purchase", "exercise",
];

/// Words that may stand between «kan» and the ordering verb («kan i avtaleperioden
/// utvide», "may at any time order").
const ORDER_REACH: usize = 4;

/// True when the buyer may order more: a buyer word, «kan»/"may", and within a few
/// words an ordering verb. A capability the solution gives the municipality
/// («Kommunen kan selv opprette brukere») orders nothing and is not an option.
pub(crate) fn buyer_may_order(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        matches!(*w, "kan" | "may")
            && i > 0
            && super::conditions::BUYER_WORDS.contains(&words[i - 1])
            && words[i + 1..]
                .iter()
                .take(ORDER_REACH)
                .any(|next| ORDER_STEMS.iter().any(|stem| next.starts_with(stem)))
    })
}

/// True when the verb that follows a modal (`after` starts after it, past adverbs
/// such as «kunne», «også», "only") is passive: «deles», «skjermast», «bli lagret»,
/// "be returned". What is done is not said to be done by a named party.
pub(crate) fn passive_follows(after: &[&str]) -> bool {
    const PAST: &[&str] = &[
        "kunne", "kun", "alltid", "only", "always", "also", "også", "òg", "berre", "bare",
    ];
    let mut after = after.iter().copied().filter(|w| !PAST.contains(w));
    match after.next() {
        Some("bli" | "verte" | "be") => after
            .next()
            .is_some_and(|w| w.ends_with("ed") || w.ends_with("en") || w.ends_with('t')),
        Some(verb) => {
            let letters = verb.chars().count();
            verb.chars().all(char::is_alphabetic)
                && ((verb.ends_with("es") && letters >= 5) || verb.ends_with("ast"))
        }
        None => false,
    }
}

/// True when «kan»/"may" is limited so that it binds: «kan bare», «kan berre», «kan
/// kun», "may only", "can only", or «kan ikke/ikkje … uten/utan», "can not …
/// without": the vendor is permitted one thing and so forbidden the rest; "may not"
/// forbids outright.
pub(crate) fn restricts(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        if !matches!(*w, "kan" | "may" | "can") {
            return false;
        }
        match words.get(i + 1) {
            Some(&("bare" | "berre" | "kun" | "only")) => true,
            // "may not" forbids in a requirement's English ("The Contractor may not use
            // the data …"); «kan ikke» and "cannot" say what is impossible.
            Some(&"not") if *w == "may" => true,
            Some(&("ikke" | "ikkje" | "not")) => words[i + 2..]
                .iter()
                .any(|later| matches!(*later, "uten" | "utan" | "without")),
            _ => false,
        }
    })
}

/// True when every «opsjon» of a sentence is one to extend the contract term
/// («Avtalen inngås på SSA-L for 4 år med opsjon på forlengelse i 2 år»): the
/// sentence is about the contract, and the extension does not make it an option.
pub(crate) fn only_extends_the_term(words: &[&str]) -> bool {
    let mut options = words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.starts_with("opsjon"))
        .peekable();
    options.peek().is_some()
        && options.all(|(i, _)| {
            words[i + 1..]
                .iter()
                .take(2)
                .any(|w| w.starts_with("forleng") || w.starts_with("fornying"))
        })
}

/// Whether `word`, a slice of `text`, stands in a clause of result or purpose after the
/// requirement: «…, slik at data kan brukes av andre løsninger», "…, so that data can be
/// used by others" says what follows from the requirement, not what it permits.
pub(crate) fn in_result_clause(text: &str, word: &str) -> bool {
    const RESULT_OPENERS: &[&str] = &[
        "slik at",
        "så at",
        "sånn at",
        "for at",
        "so that",
        "such that",
    ];
    let at = (word.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    let before = text.get(..at).unwrap_or("");
    let clause = before.rsplit([',', ';', ':']).next().unwrap_or(before);
    before.len() > clause.len() && RESULT_OPENERS.iter().any(|o| clause.contains(o))
}

/// Whether a plan phrase found at `range` of `text` plans: it starts a word («etter
/// veikartet» plans, «uplanlagt» does not), and «planlagt» is not the adjective of a noun
/// («planlagte hjemmebesøk»).
pub(crate) fn plans(text: &str, range: std::ops::Range<usize>) -> bool {
    let before = text.get(..range.start).and_then(|s| s.chars().next_back());
    let found = text.get(range.clone()).unwrap_or_default();
    let after = text.get(range.end..).unwrap_or_default();
    let adjective = found.ends_with("planlagt") && after.starts_with('e');
    !before.is_some_and(char::is_alphanumeric) && !adjective
}

#[cfg(test)]
mod tests {
    use super::{buyer_may_order, in_result_clause, only_extends_the_term, plans, restricts};

    #[test]
    fn a_plan_starts_a_word_and_is_no_adjective() {
        let text = "skal vise planlagte besøk, planlagt innført, uplanlagt, etter veikartet.";
        let at = |w: &str, from: usize| {
            let i = text[from..].find(w).map_or(0, |i| i + from);
            i..i + w.len()
        };
        assert!(!plans(text, at("planlagt", 0)));
        assert!(plans(text, at("planlagt", 20)));
        assert!(!plans(text, at("planlagt", 40)));
        assert!(plans(text, at("etter veikart", 0)));
    }

    #[test]
    fn a_modal_after_slik_at_stands_in_a_clause_of_result() {
        let text = "løsningen skiller funksjonalitet og data, slik at data kan brukes av andre.";
        let kan = text.find("kan").map(|i| &text[i..i + 3]).unwrap_or("");
        assert!(in_result_clause(text, kan));
        let text = "data kan brukes av andre løsninger.";
        assert!(!in_result_clause(text, &text[5..8]));
    }
    use crate::text::modality::words;
    use crate::text::normalize;

    fn shape(s: &str, f: fn(&[&str]) -> bool) -> bool {
        let norm = normalize(s).text;
        let w: Vec<&str> = words(&norm).collect();
        f(&w)
    }

    #[test]
    fn the_buyers_right_to_order_more_is_an_option() {
        assert!(shape(
            "Kommunen kan i kontraktsperioden kjøpe tilleggsmoduler til avtalt enhetspris.",
            buyer_may_order
        ));
        assert!(shape(
            "The customer may extend the licence count by 30 seats.",
            buyer_may_order
        ));
        assert!(!shape(
            "Kommunen kan selv opprette brukere i løsningen.",
            buyer_may_order
        ));
        assert!(!shape(
            "Leverandøren kan bestille reservedeler.",
            buyer_may_order
        ));
    }

    #[test]
    fn an_option_to_extend_the_term_leaves_the_sentence_about_the_contract() {
        assert!(shape(
            "Rammeavtalen gjelder i tre år, med opsjon på forlenging ett år av gangen.",
            only_extends_the_term
        ));
        assert!(!shape(
            "Opsjon på modul for rus og psykiatri, med opsjon på forlengelse.",
            only_extends_the_term
        ));
    }

    #[test]
    fn a_limited_permission_is_a_restriction() {
        assert!(shape("Leverandøren kan kun lagre data i EØS.", restricts));
        assert!(shape(
            "Leverandøren kan ikke endre behandlingen uten skriftlig samtykke.",
            restricts
        ));
        assert!(!shape("Brukeren kan søke i journalen.", restricts));
        assert!(!shape(
            "Andre kommuner kan ikke slutte seg til avtalen.",
            restricts
        ));
    }
}
