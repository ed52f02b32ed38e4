//! Conditional requirements: «Dersom kommunen utløser opsjonen, skal …» binds the
//! vendor only if something happens that may never happen, so it does not demand
//! its topic the way an unconditional «skal» does.
//!
//! The reading rule (docs/rule-language.md, «Conditions»): a statement is
//! conditional when it holds a condition about the buyer's decisions or
//! circumstances — its opening word («dersom», «hvis», «viss», sentence-initial «om»,
//! «der», "if", sentence-initial "where") followed, before the next comma or modal
//! verb, by the buyer, an option, the use or adoption of something, or a delivery model
//! the vendor may not offer («leveres som skytjeneste») — or a phrase
//! that is a condition by itself («ved bruk av», «der det er aktuelt», "where
//! applicable"). Two kinds of condition stay binding:
//! - a condition on the state of the system («Dersom oppslaget i kjernejournal feiler,
//!   skal brukeren varsles») describes behaviour the solution must have;
//! - a condition that the buyer asks for it («Leverandøren skal, dersom kommunen ber om
//!   det, levere …», "if requested") binds the vendor to do it whenever asked: the
//!   buyer needs no option or event, only to ask.
//!
//! «Ved levering skal …» (at delivery) names a time, not a condition, and so does
//! «når» (when).

/// Words that open a condition wherever they stand.
const OPENERS: &[&str] = &["dersom", "hvis", "viss", "if", "såfremt", "safremt"];
/// Words that open a condition only as the first word of a sentence: «Om kommunen …»,
/// «Der kommunen nyttar …», "Where the municipality uses …" (elsewhere they mean
/// «about», «there», «where» in a relative clause).
const SENTENCE_OPENERS: &[&str] = &["om", "der", "where", "in case", "i tilfelle"];
/// Phrases that are a condition by themselves only when they open the sentence:
/// «Ved bruk av mobile enheter skal …» (when using), where «… skal gjennomføres ved
/// bruk av leverandørens metoder» is the means.
const OPENING_CONDITION_PHRASES: &[&str] = &["ved bruk av", "when using"];
/// Phrases that are a condition by themselves.
const CONDITION_PHRASES: &[&str] = &[
    "ved eventuell",
    "ved ei eventuell",
    "ved en eventuell",
    "ved et eventuelt",
    "ved eit eventuelt",
    "der det er aktuelt",
    "der dette er aktuelt",
    "der det er relevant",
    "der dette er relevant",
    "om aktuelt",
    "hvis aktuelt",
    "dersom aktuelt",
    "viss aktuelt",
    "når det er aktuelt",
    "når det er relevant",
    "where applicable",
    "where relevant",
    "if applicable",
    "if relevant",
    "when applicable",
    "in the event that",
];
/// What makes a condition one about the buyer's decisions or circumstances: the buyer
/// itself, an option, the use, adoption or joining of something, its relevance.
/// Prefixes (a word starting with one of these).
const CIRCUMSTANCE_PREFIXES: &[&str] = &[
    "opsjon", "option", "benytt", "utløs", "utløys", "innfør", "velg", "exercis", "particip",
];
/// The buyer as the subject of a clause («kommunen», not «kommunens»: «dersom det er
/// feil i kundens kravspesifikasjon» is a state of things). Shared with
/// `modal_shapes`, where the buyer's «kan» grants a right.
pub(crate) const BUYER_WORDS: &[&str] = &[
    "kommunen",
    "kommunene",
    "kommunane",
    "kommuna",
    "oppdragsgiver",
    "oppdragsgiveren",
    "oppdragsgjevar",
    "oppdragsgjevaren",
    "kunden",
    "municipality",
    "municipalities",
    "buyer",
    "customer",
    "authority",
];
/// Whole words of the same kind as [`CIRCUMSTANCE_PREFIXES`], besides the buyer.
const CIRCUMSTANCE_WORDS: &[&str] = &[
    "delta",
    "deltar",
    "deltek",
    "aktuelt",
    "relevant",
    "applicable",
    "brukes",
    "brukast",
    "nyttar",
    "nyttast",
    "nytta",
    "use",
    "uses",
    "used",
    "join",
    "joins",
    "chooses",
    "decides",
];
/// Phrases of the same kind.
const CIRCUMSTANCE_PHRASES: &[&str] = &[
    "tas i bruk",
    "tar i bruk",
    "takast i bruk",
    "tek i bruk",
    "blir med",
    "vert med",
    "blir brukt",
    "vert brukt",
    "går inn",
    "gå inn",
    "slutter seg",
    "slutta seg",
    // The delivery model the vendor may or may not offer: «Dersom løsningen leveres som
    // skytjeneste, skal …» binds only an offer of that model.
    "leveres som",
    "leverast som",
    "blir levert som",
    "vert levert som",
    "tilbys som",
    "tilbydast som",
    "is delivered as",
    "is offered as",
    "is provided as",
    "is supplied as",
];
/// A condition that the buyer asks, or sets the solution up for: the requirement binds
/// whenever the buyer does («dersom kommunen har konfigurert dette» is a setting the
/// solution must offer).
const REQUEST_PREFIXES: &[&str] = &[
    "request",
    "anmod",
    "etterspør",
    "forespørsel",
    "forlang",
    "konfigur",
    "configur",
];
const REQUEST_PHRASES: &[&str] = &[
    "ber om",
    "bed om",
    "bes om",
    "be om",
    "krever det",
    "krev det",
    "so requires",
    "ønsker det",
    "ønskjer det",
    "ynskjer det",
    "so wishes",
    "asks",
    "asked",
];
/// Words that end a condition's clause (the main clause begins).
const MAIN_CLAUSE_WORDS: &[&str] = &["skal", "må", "shall", "must", "will", "bør", "should"];

/// Whether a normalised statement (lower case) is a conditional requirement. A
/// statement of several sentences (a requirement-table row) is conditional when every
/// sentence with a modal verb is, or, with no modal verb, when any sentence is: one
/// conditional sentence in a row does not make the row's other demands conditional.
pub(crate) fn is_conditional(statement: &str) -> bool {
    // Most statements hold no word a condition can start with: say so after one scan
    // of the words instead of cutting sentences and searching every phrase.
    if statement.len() < crate::text::sentences::MAX_SENTENCE_BYTES
        && !may_be_conditional(statement)
    {
        return false;
    }
    let sentences: Vec<&str> = crate::text::sentences::split(statement)
        .into_iter()
        .filter_map(|r| statement.get(r))
        .collect();
    let modal: Vec<&str> = sentences
        .iter()
        .copied()
        .filter(|s| {
            words_with_offsets(s)
                .iter()
                .any(|(_, w)| MAIN_CLAUSE_WORDS.contains(w))
        })
        .collect();
    if modal.is_empty() {
        sentences.iter().any(|s| sentence_is_conditional(s))
    } else {
        modal.iter().all(|s| sentence_is_conditional(s))
    }
}

/// False only when no sentence of `statement` can be conditional: no opener
/// anywhere, no word every condition phrase holds, and no sentence-initial opener.
/// A superset of what [`sentence_is_conditional`] accepts, checked in one pass.
fn may_be_conditional(statement: &str) -> bool {
    words_with_offsets(statement).iter().any(|&(at, w)| {
        OPENERS.contains(&w)
            // Every CONDITION_PHRASES entry holds one of these words.
            || w.starts_with("eventuel")
            || w.starts_with("aktuel")
            || w == "relevant"
            || w == "applicable"
            || w == "event"
            // The first words of SENTENCE_OPENERS and OPENING_CONDITION_PHRASES.
            || matches!(w, "om" | "der" | "where" | "in" | "i" | "ved" | "when")
                && may_start_a_sentence(statement, at)
    })
}

/// Whether the word at `at` can be the first word of a sentence the splitter cuts:
/// nothing but punctuation and spaces between it and the text's start or a
/// sentence end (`.`, `!`, `?`, a line break, a cell boundary).
fn may_start_a_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(|c: char| {
        !c.is_alphanumeric() && !matches!(c, '.' | '!' | '?' | '\n' | crate::text::CELL_SEPARATOR)
    });
    before
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | crate::text::CELL_SEPARATOR))
}

fn sentence_is_conditional(sentence: &str) -> bool {
    let words = words_with_offsets(sentence);
    if CONDITION_PHRASES
        .iter()
        .any(|p| contains_phrase(sentence, p))
        || OPENING_CONDITION_PHRASES.iter().any(|p| {
            words
                .first()
                .is_some_and(|&(at, _)| sentence[at..].starts_with(p))
        })
    {
        return true;
    }
    for (i, &(at, word)) in words.iter().enumerate() {
        let opens = OPENERS.contains(&word)
            || i == 0
                && SENTENCE_OPENERS
                    .iter()
                    .any(|o| sentence[at..].starts_with(o) && contains_phrase(sentence, o));
        if !opens {
            continue;
        }
        let clause = clause_after(sentence, at + word.len());
        if is_request(clause) || qualifies_an_alternative(&sentence[..at]) {
            continue;
        }
        if is_circumstance(clause) {
            return true;
        }
    }
    false
}

/// Whether a condition that follows `before` qualifies only an alternative the main
/// clause offers: «Kontrakten skal byggje på SSA-T, eller SSA-sky dersom løysinga blir
/// levert som skyteneste» demands a contract either way; the condition picks which.
fn qualifies_an_alternative(before: &str) -> bool {
    let part = before.rsplit([',', ';']).next().unwrap_or(before);
    let modal_before = words_with_offsets(before)
        .iter()
        .any(|(_, w)| MAIN_CLAUSE_WORDS.contains(w));
    modal_before
        && words_with_offsets(part)
            .iter()
            .any(|(_, w)| matches!(*w, "eller" | "or" | "alternativt" | "alternatively"))
}

/// The condition's clause: from `from` to the next comma, semicolon, colon or full
/// stop, or to the modal verb that starts the main clause.
fn clause_after(sentence: &str, from: usize) -> &str {
    let rest = sentence.get(from..).unwrap_or("");
    let mut end = rest.find([',', ';', ':', '.']).unwrap_or(rest.len());
    for (at, word) in words_with_offsets(rest) {
        if at >= end {
            break;
        }
        if MAIN_CLAUSE_WORDS.contains(&word) {
            end = at;
            break;
        }
    }
    &rest[..end]
}

fn is_request(clause: &str) -> bool {
    REQUEST_PHRASES.iter().any(|p| contains_phrase(clause, p))
        || words_with_offsets(clause)
            .iter()
            .any(|(_, w)| REQUEST_PREFIXES.iter().any(|p| w.starts_with(p)))
}

fn is_circumstance(clause: &str) -> bool {
    CIRCUMSTANCE_PHRASES
        .iter()
        .any(|p| contains_phrase(clause, p))
        || words_with_offsets(clause).iter().any(|(_, w)| {
            BUYER_WORDS.contains(w)
                || CIRCUMSTANCE_WORDS.contains(w)
                || CIRCUMSTANCE_PREFIXES.iter().any(|p| w.starts_with(p))
        })
}

/// Whether `phrase` occurs in `text` as whole words.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|t| t.find(phrase)) {
        let at = from + found;
        let end = at + phrase.len();
        let before = text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let after = text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if !before && !after {
            return true;
        }
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// The words of a text (runs of letters and digits) with their byte offsets.
fn words_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    fn conditional(s: &str) -> bool {
        is_conditional(&normalize(s).text)
    }

    #[test]
    fn conditions_about_the_buyer_an_option_or_use_are_conditional() {
        for s in [
            // bokmål
            "Dersom kommunen utløser opsjonen, skal leverandøren levere integrasjon mot VKP.",
            "Hvis kommunen tar i bruk Helsenorge, skal løsningen støtte digital dialog.",
            "Ved bruk av mobile enheter skal pålogging skje med HelseID.",
            "Der det er aktuelt, skal løsningen støtte dokumentdeling i kjernejournal.",
            "Leverandøren skal delta i utprøvinger dersom kommunen blir med i Felles journalløft.",
            "Hvis løsningen benytter skytjenester, skal data lagres i EØS.",
            // nynorsk
            "Dersom kommunen vert med i utprøvingar i Felles journalløft, skal leverandøren delta i utprøvinga.",
            "Viss kommunen tek i bruk velferdsteknologi, skal løysinga integrerast med VKP.",
            "Om kommunen utløyser opsjonen, skal leverandøren levere opplæring.",
            // English
            "If the municipality exercises the option, the supplier shall deliver the integration.",
            "Where applicable, the solution shall support document sharing.",
            "The supplier shall take part in national trials if the municipality joins them.",
            // A row whose only demand is conditional.
            "Ved bruk av mobile enheter skal pålogging skje med HelseID. Påloggingen testes ved levering.",
        ] {
            assert!(conditional(s), "{s}");
        }
    }

    #[test]
    fn times_system_states_and_requests_are_not_conditions() {
        for s in [
            // A time, not a condition.
            "Ved levering skal leverandøren dokumentere integrasjonen med kjernejournal.",
            "Ved levering skal løysinga vere testa mot e-resept.",
            "At delivery, the supplier shall document the integration.",
            // Behaviour the solution must have.
            "Dersom oppslaget i kjernejournal feiler, skal brukeren varsles.",
            "Leverandøren skal varsle kommunen dersom det oppstår avvik.",
            "Viss oppslaget feilar, skal løysinga vise ei feilmelding.",
            "If the lookup fails, the solution shall notify the user.",
            // The buyer need only ask: binding (docs/rule-language.md).
            "Leverandøren skal, dersom kommunen ber om det, levere loggene.",
            "Leverandøren skal, viss kommunen ber om det, levere loggane.",
            "The supplier shall, if the municipality so requests, deliver the logs.",
            "If requested by the municipality, the supplier shall deliver the logs.",
            // «ved bruk av» inside a sentence is the means.
            "Leveransen skal gjennomføres ved bruk av leverandørens prosjektmetoder.",
            // A setting the buyer makes is one the solution must offer.
            "Skjema skal kunne åpnes uten autentisering dersom kommunen har konfigurert dette.",
            // One conditional sentence in a row leaves the row's other demands binding.
            "Løsningen skal integreres med kjernejournal. Dersom kommunen tar i bruk PLL, skal også PLL støttes.",
            // A state of things, not the buyer's decision.
            "Dersom det er åpenbare feil i kundens kravspesifikasjon, skal leverandøren påpeke dette.",
            "Dersom aktuelle data mangler, skal løsningen varsle brukeren.",
            "Dersom det skjer endringer i deltakerstrukturen, skal nye deltakere tre inn i avtalen.",
            // «om» and «der» inside a sentence mean «about» and «there».
            "Løsningen skal gi informasjon om kommunens tjenester.",
            "Løsningen skal støtte kjernejournal.",
            "The solution shall state where the municipality stores its data.",
        ] {
            assert!(!conditional(s), "{s}");
        }
    }
}
