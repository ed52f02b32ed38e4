//! What requirement-quality tools check of a requirement table's rows and no
//! pattern can: that every requirement has an id of its own (a vendor's answer to
//! «K-4» must name one requirement), and that one row asks for one thing (a row
//! with several independent «skal» is answered «ja» to all or none, and the
//! evaluation cannot score its parts apart).
//!
//! Ids are judged over the whole tender, so rows are gathered while observing and
//! judged once every file has been read ([`judge_ids`]).

use super::observation::Observation;
use crate::text::modality::{self, Modality};
use crate::text::sentences;
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// A row of a requirement table that numbers its requirements, as the id check
/// needs it.
#[derive(Debug, Clone)]
pub(super) struct RowId {
    pub(super) rule: usize,
    /// (document, table number): the table the row is in.
    pub(super) table: (usize, u32),
    /// The id as compared (see [`id_key`]); `None` when the id cell is empty.
    pub(super) key: Option<String>,
    /// A bare number numbers rows within its table, not requirements across the tender.
    pub(super) row_number: bool,
    /// The requirement's text, hashed: the same id on the same text (a requirement
    /// repeated in an answer form) names one requirement.
    pub(super) text: u64,
    /// The row is a requirement (typed, or worded with a modal verb), not a caption.
    pub(super) is_requirement: bool,
    pub(super) at: Observation,
}

impl RowId {
    /// A row as a check finds it, for rule 0; [`super::checks::record`] gives it
    /// the rule that runs the check.
    pub(super) fn new(
        table: (usize, u32),
        id: &str,
        text: &str,
        is_requirement: bool,
        at: Observation,
    ) -> RowId {
        let key = id_key(id);
        let row_number = key
            .as_deref()
            .is_some_and(|k| k.chars().all(|c| c.is_ascii_digit()));
        let mut hasher = DefaultHasher::new();
        text.hash(&mut hasher);
        RowId {
            rule: 0,
            table,
            key,
            row_number,
            text: hasher.finish(),
            is_requirement,
            at,
        }
    }
}

/// An id as a vendor would write it back: case, white space and the kind of dash
/// do not tell ids apart («K-4», «k – 4», «K–4»), nor a trailing full stop («4.»).
fn id_key(id: &str) -> Option<String> {
    let mut key = String::with_capacity(id.len());
    for c in id.chars() {
        match c {
            c if c.is_whitespace() => {}
            '\u{2010}'..='\u{2015}' | '\u{2212}' => key.push('-'),
            c => key.extend(c.to_lowercase()),
        }
    }
    let key = key.trim_end_matches('.');
    (!key.is_empty()).then(|| key.to_string())
}

/// Whose id a use is: the rule's, within one table for a row number, and the id.
type IdUse = (usize, Option<(usize, u32)>, String);

/// What the id check finds: the rows without an id, each once, and each id that
/// names more than one requirement, once, at its first use with its other uses.
/// A table none of whose rows has an id does not number its requirements (its
/// «Nr» column is for the vendor, or unused); a row without a modal verb or type
/// is a caption inside the table.
pub(super) fn judge_ids(rows: Vec<RowId>) -> Vec<(usize, Observation, Vec<Observation>)> {
    let numbered: std::collections::BTreeSet<(usize, (usize, u32))> = rows
        .iter()
        .filter(|r| r.key.is_some())
        .map(|r| (r.rule, r.table))
        .collect();
    let mut found = Vec::new();
    let mut uses: BTreeMap<IdUse, Vec<RowId>> = BTreeMap::new();
    for row in rows {
        match row.key.clone() {
            None => {
                if row.is_requirement && numbered.contains(&(row.rule, row.table)) {
                    found.push((row.rule, row.at, Vec::new()));
                }
            }
            Some(key) => {
                // Row numbers restart in every table; only a repeat inside one table
                // is ambiguous.
                let table = row.row_number.then_some(row.table);
                uses.entry((row.rule, table, key)).or_default().push(row);
            }
        }
    }
    for ((rule, _, _), same_id) in uses {
        let first_text = same_id[0].text;
        if same_id.iter().all(|r| r.text == first_text) {
            continue;
        }
        let mut places = same_id.into_iter().map(|r| r.at);
        if let Some(first) = places.next() {
            found.push((rule, first, places.collect()));
        }
    }
    found.sort_by_key(|(rule, at, _)| (*rule, *at));
    found
}

/// Words that say who must do something or that a thing is required, not what:
/// they do not make two statements about the same thing.
const NOT_TOPICS: &[&str] = &[
    "løsni", "løysi", "syste", "lever", "tilby", "tilbu", "kommu", "oppdr", "kunde", "kunna",
    "kunne", "skull", "støtt", "sikre", "sørge", "sørgj", "inneh", "minim", "minst", "eller",
    "andre", "annen", "anna", "dette", "denne", "disse", "desse", "slike", "eksem", "følge",
    "knytt", "gjenn", "gjere", "gjøre", "alle", "mulig", "mogle", "brukt", "bruke", "bruka",
    "solut", "suppl", "shall", "must", "provi", "suppo", "ensur", "which", "other", "their",
    "there", "these", "those", "where", "krave", "kreve",
];

/// Words that open a statement about what the statement before it named (their
/// subject is the earlier statement's).
const BACK_REFERENCES: &[&str] = &[
    "den", "det", "dette", "denne", "disse", "desse", "dei", "de", "slik", "slike", "it", "this",
    "these", "they", "such",
];

/// True when a requirement row's text (normalised) holds two or more binding
/// statements of which one binds the solution or the supplier to something nothing
/// before it in the row is about: «Løsningen skal ha integrasjon mot kjernejournal.
/// Løsningen skal sende e-resept.» A statement that names again what the row named before
/// («…, og integrasjonen skal bruke HelseID», «sikkerhetstiltak … Tiltakene skal»),
/// refers back to it («Den skal …») or goes on with the same subject («…, og skal
/// være adskilt») elaborates it.
pub(super) fn is_composite(text: &str) -> bool {
    // Two binding clauses need two binding markers; most rows have one.
    if modality::binding_markers(text, 2) < 2 {
        return false;
    }
    let mut bindings = 0;
    let mut before: Vec<&str> = Vec::new();
    for (clause, explains) in clauses(text) {
        let words = topic_words(clause);
        if modality::classify(clause) == Modality::Binding {
            bindings += 1;
            let first = clause
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or_default();
            let formal_subject = opens_with_a_formal_subject(clause);
            let elaborates = explains
                || !(binds_a_party(clause) || formal_subject || is_passive(clause))
                || (BACK_REFERENCES.contains(&first) && !formal_subject)
                || refers_back(clause)
                || modality::classify(first) == Modality::Binding
                || words.is_empty()
                || words
                    .iter()
                    .any(|w| before.iter().any(|b| same_topic(w, b)));
            if bindings > 1 && !elaborates {
                return true;
            }
        }
        before.extend(words);
    }
    false
}

/// True when a clause points back at what the row said before it, wherever the
/// pointer stands: «…, og leverandøren skal legge fram en plan for dette», "and the
/// supplier shall document this".
fn refers_back(clause: &str) -> bool {
    clause
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "dette" | "this" | "herfor" | "thereof"))
}

/// True when a clause's «det»/"it" is no word pointing back but the formal subject
/// of a capability: «Det skal være mulig å sperre …», «Det skal vere mogleg å …»,
/// "It shall be possible to …" demand a new thing of the solution.
fn opens_with_a_formal_subject(clause: &str) -> bool {
    let mut words = clause.split_whitespace();
    if !matches!(words.next(), Some("det" | "it")) {
        return false;
    }
    let rest: Vec<&str> = words.take(4).collect();
    rest.first()
        .is_some_and(|w| modality::classify(w) == Modality::Binding)
        && rest.windows(2).any(|pair| {
            matches!(pair[0], "være" | "vere" | "be")
                && matches!(pair[1], "mulig" | "mogleg" | "mogeleg" | "possible")
        })
}

/// A clause's words (hyphenated words whole) and where its first binding modal
/// verb stands, when it has one.
fn words_and_modal(clause: &str) -> Option<(Vec<&str>, usize)> {
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let modal = words
        .iter()
        .position(|w| modality::classify(w) == Modality::Binding)?;
    Some((words, modal))
}

/// True when the verb a binding clause's modal governs is passive: «Tilgang skal
/// styres etter rolle», «skal kunne skjermast», «all data skal leverast», "shall be
/// returned". What is done is demanded of the solution or supplier, though the
/// sentence does not name it.
fn is_passive(clause: &str) -> bool {
    words_and_modal(clause).is_some_and(|(words, modal)| {
        crate::text::modal_shapes::passive_follows(&words[modal + 1..])
    })
}

/// The parties a requirement binds: the solution and the supplier.
const BOUND_PARTIES: &[&str] = &[
    "løsning",
    "løysing",
    "system",
    "leverandør",
    "tilbyder",
    "tilbydar",
    "solution",
    "supplier",
    "vendor",
    "contractor",
    "tenderer",
];

/// True when a binding clause says what the solution or the supplier must do: the
/// subject before its modal verb, or right after it («Hvis …, skal systemet gi …»),
/// names one. A «skal» about something else — the user («brukeren skal kunne velge
/// målform»), a breach («brudd skal utløse kompensasjon») — says how the requirement
/// before it is to work.
fn binds_a_party(clause: &str) -> bool {
    let Some((words, modal)) = words_and_modal(clause) else {
        return false;
    };
    words[..modal]
        .iter()
        .chain(words.get(modal + 1))
        .any(|w| BOUND_PARTIES.iter().any(|p| w.contains(p)))
}

/// Two words are about the same thing when one holds the other's first four
/// letters: «integrasjon» and «integrasjonen», «sikkerhetstiltak» and «tiltakene»,
/// «test» and «testmetodikk», «bistå» and «bistand».
fn same_topic(a: &str, b: &str) -> bool {
    let stem = |w: &str| {
        let end = w.char_indices().nth(4).map_or(w.len(), |(i, _)| i);
        w[..end].to_string()
    };
    b.contains(&stem(a)) || a.contains(&stem(b))
}

/// The statements of a text: its sentences, each cut where «og», «samt», «men» or
/// «;» joins two binding clauses («…, og X skal kunne …»). «A og B skal …» is one
/// clause about two things, and a part without a modal verb of its own goes on
/// with the clause before it («skal støtte A og B»). Each comes with whether it
/// follows a colon, which introduces what explains the clause before it.
fn clauses(text: &str) -> Vec<(&str, bool)> {
    const JOINS: &[&str] = &[
        "; ", ", og ", " og ", ", samt ", " samt ", ", men ", ", and ", " and ",
    ];
    let mut out = Vec::new();
    let mut after_colon = false;
    for range in sentences::split(text) {
        let sentence = &text[range];
        let mut start = 0;
        let mut cuts: Vec<(usize, usize)> = JOINS
            .iter()
            .flat_map(|j| sentence.match_indices(j).map(|(i, j)| (i, i + j.len())))
            .collect();
        cuts.sort_unstable();
        for (cut, next) in cuts {
            if cut < start {
                continue;
            }
            let rest = &sentence[next..];
            let part_end = JOINS
                .iter()
                .filter_map(|j| rest.find(j))
                .min()
                .unwrap_or(rest.len());
            let opens_clause = rest[..part_end]
                .split_whitespace()
                .take(3)
                .any(|w| modality::classify(w) == Modality::Binding);
            if opens_clause && modality::classify(&sentence[start..cut]) == Modality::Binding {
                out.push((&sentence[start..cut], after_colon));
                after_colon = false;
                start = next;
            }
        }
        // A colon inside the sentence explains too: what follows it elaborates.
        let last = &sentence[start..];
        match last.find(": ") {
            Some(colon) => {
                out.push((&last[..colon], after_colon));
                out.push((&last[colon + 2..], true));
            }
            None => out.push((last, after_colon)),
        }
        after_colon = last.trim_end().ends_with(':');
    }
    out
}

/// The words of a statement that say what it is about: four letters or more,
/// not a word that only says who must act or that something is required.
fn topic_words(clause: &str) -> Vec<&str> {
    clause
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.chars().count() >= 4 && w.chars().any(char::is_alphabetic))
        .filter(|w| {
            let end = w.char_indices().nth(5).map_or(w.len(), |(i, _)| i);
            !NOT_TOPICS.contains(&&w[..end]) && modality::classify(w) == Modality::None
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn independent_binding_statements_make_a_composite_row() {
        assert!(is_composite(
            "løsningen skal ha integrasjon mot kjernejournal. løsningen skal sende e-resept via sfm."
        ));
        assert!(is_composite(
            "systemet skal logge all tilgang til journalen, og leverandøren skal gi opplæring på norsk."
        ));
    }

    #[test]
    fn elaborations_and_lists_are_one_requirement() {
        for text in [
            "løsningen skal ha integrasjon mot kjernejournal, og integrasjonen skal bruke helseid.",
            "løsningen skal støtte e-resept og pll.",
            "løsningen skal logge all tilgang. loggen skal kunne hentes ut av kommunen.",
            "leverandøren skal levere opplæring. den skal gis på norsk.",
            "konkrete test og akseptansekriterier skal avtales. leverandøren skal bruke en testmetodikk.",
            "løsningen skal støtte en-kommune og fler-kommune bruk: det skal være mulig å opprette ett skjema sentralt.",
            "løsningen skal støtte følgende:\nleverandøren skal ha support på norsk.",
            "brukergrensesnittet skal være på bokmål og nynorsk, og brukeren skal kunne velge målform.",
            "løsningen skal ha en oppetid på 99,5 %, og brudd skal utløse kompensasjoner.",
            "løsningen skal ha integrasjon mot kjernejournal. beskriv hvordan dette gjøres.",
            "løsningen skal ha integrasjon mot kjernejournal. det er ønskelig med sanntid.",
            "løsningen skal være universelt utformet, og leverandøren skal levere en erklæring om dette.",
        ] {
            assert!(!is_composite(text), "{text}");
        }
    }

    #[test]
    fn ids_compare_as_a_vendor_writes_them() {
        assert_eq!(id_key(" K – 4 "), Some("k-4".to_string()));
        assert_eq!(id_key("K-4."), id_key("k-4"));
        assert_eq!(id_key("  "), None);
    }
}
