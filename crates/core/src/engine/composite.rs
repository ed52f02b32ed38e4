//! One requirement per requirement row (HYG-016): a row with several independent
//! demands is answered «ja» to all or none, and the evaluation cannot score its
//! parts apart. A demand is a clause with a binding modal of its own, or a verb
//! joined under the same modal («skal følge Normen og bistå med DPIA»); it is a
//! second requirement unless it elaborates what the row named before.

use crate::text::modality::{self, Modality};
use crate::text::{markers, sentences};

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

/// Verbs a demand is made of, in the infinitive a modal governs: after «og» or a
/// comma they join a second demand under the same modal («skal etterleve Normen og
/// inngå databehandleravtale»). Words that are as often nouns or adjectives after
/// «og» («støtte», «sikre», "support", "report") are left out, and so are the verbs
/// of conformance ([`CONFORMING_VERBS`]).
const DEMANDED_VERBS: &[&str] = &[
    "ha",
    "gi",
    "ta",
    "få",
    "gå",
    "se",
    "bistå",
    "levere",
    "delta",
    "bidra",
    "sende",
    "senda",
    "varsle",
    "varsla",
    "hente",
    "henta",
    "dele",
    "dela",
    "vise",
    "visa",
    "registrere",
    "inngå",
    "tilbakelevere",
    "overføre",
    "overføra",
    "være",
    "vere",
    "tilby",
    "legge",
    "leggje",
    "lagre",
    "lagra",
    "logge",
    "logga",
    "eksportere",
    "motta",
    "oppdatere",
    "dokumentere",
    "gjennomføre",
    "gjennomføra",
    "rapportere",
    "behandle",
    "behandla",
    "gjøre",
    "gjere",
    "lage",
    "laga",
    "opprette",
    "slette",
    "sletta",
    "integrere",
    "utveksle",
    "utveksla",
    "tilpasse",
    "tilpassa",
    "holde",
    "halde",
    "godkjenne",
    "informere",
    "opplyse",
    "opplysa",
    "utarbeide",
    "utarbeida",
    "drifte",
    "drifta",
    "vedlikeholde",
    "vedlikehalde",
    "oppgradere",
    "planlegge",
    "planleggje",
    "presentere",
    "tilrettelegge",
    "tilretteleggje",
    "melde",
    "melda",
    "svare",
    "svara",
    "samarbeide",
    "samarbeida",
    "skille",
    "skilje",
    "benytte",
    "kommunisere",
    "beskytte",
    "kryptere",
    "tilgjengeliggjøre",
    "garantere",
    "etablere",
    "implementere",
    "konvertere",
    "migrere",
    "yte",
    "yta",
    "erstatte",
    "provide",
    "ensure",
    "deliver",
    "send",
    "notify",
    "have",
    "give",
    "take",
    "allow",
    "enable",
    "maintain",
    "integrate",
    "participate",
    "contribute",
    "assist",
    "hold",
    "present",
    "inform",
    "migrate",
    "receive",
    "show",
    "handle",
    "approve",
    "guarantee",
    "establish",
    "implement",
    "convert",
    "make",
    "perform",
    "publish",
    "protect",
    "encrypt",
    "disclose",
    "keep",
];

/// Verbs of conformance: «…, og følge Normen», «…, og oppfylle rekvirentkrava», "and
/// comply with …" say what standard the demand before them meets, not a second
/// thing to do.
const CONFORMING_VERBS: &[&str] = &[
    "følge",
    "følgje",
    "etterleve",
    "etterleva",
    "oppfylle",
    "oppfylla",
    "overholde",
    "overhalde",
    "comply",
    "meet",
    "follow",
    "conform",
];

/// Words between a modal and the verb it governs («skal kunne», «skal ikke», "shall
/// be able to").
const BEFORE_THE_VERB: &[&str] = &[
    "kunne", "ikke", "ikkje", "not", "never", "aldri", "også", "òg", "also", "alltid", "always",
    "bare", "berre", "kun", "only", "be", "able", "to",
];

/// One clause of a requirement's text, as [`clauses`] cuts it.
#[derive(Debug, Clone, Copy)]
struct Clause<'a> {
    text: &'a str,
    /// It follows a colon, which introduces what explains the clause before it.
    explains: bool,
    /// It opens a sentence, rather than being joined to one by «og» or «;».
    opens_sentence: bool,
    /// A verb joined under the modal of the clause before it («… og bistå med
    /// DPIA»): it has that clause's subject and modal.
    continues: bool,
}

/// True when a requirement's text (normalised) makes two or more demands of which
/// one is about something nothing before it in the text is about: «Løsningen skal
/// ha integrasjon mot kjernejournal. Løsningen skal sende e-resept.», «Leverandøren
/// skal etterleve Normen og inngå databehandleravtale.» A demand elaborates when
/// it names again what the text named before («…, og integrasjonen skal bruke
/// HelseID»), refers back to it («Den skal …», «… om dette»), or says how the demand
/// before it works («…, og brukeren skal kunne velge målform»). A demand of another
/// party than the one before it («Løsningen skal støtte triage, og leverandøren
/// skal gi opplæring i triage») is one of its own.
pub(super) fn is_composite(text: &str) -> bool {
    // Two demands need two binding markers, or one and a comma that joins a second
    // verb to it; most rows have neither.
    match markers::binding_markers(text, 2) {
        0 => return false,
        1 if !text.contains(", ") => return false,
        _ => {}
    }
    let clauses = clauses(text);
    let demands: Vec<bool> = clauses
        .iter()
        .map(|c| c.continues || modality::classify(c.text) == Modality::Binding)
        .collect();
    if demands.iter().filter(|&&d| d).count() < 2 {
        return false;
    }
    let mut seen = 0;
    let mut before: Vec<&str> = Vec::new();
    for (clause, demand) in clauses.iter().zip(demands) {
        if demand {
            seen += 1;
            if seen > 1 && is_new_demand(clause, &before) {
                return true;
            }
        }
        before.extend(topic_words(clause.text));
    }
    false
}

/// True when a demand after the first is one of its own (see [`is_composite`]);
/// `before` holds the topic words of the text before it.
fn is_new_demand(clause: &Clause<'_>, before: &[&str]) -> bool {
    let text = clause.text;
    let formal_subject = opens_with_a_formal_subject(text);
    let first = text
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or_default();
    // A clause that opens with its modal goes on with the subject before it («…,
    // og skal aksepteres uten forbehold»).
    if clause.explains
        || (BACK_REFERENCES.contains(&first) && !formal_subject)
        || refers_back(text)
        || modality::classify(first) == Modality::Binding
    {
        return false;
    }
    if clause.continues {
        return !points_back(text) && !overlaps(&topic_words(text), before);
    }
    // A «skal» about the user or a breach joined to a demand says how that demand
    // works («…, og brukeren skal kunne velge målform»); a sentence of its own with
    // a modal verb demands («Brukerne skal kunne logge inn fra nettbrett»).
    let words = words_of(text);
    let Some(modal) = modal_at(&words) else {
        return false;
    };
    let passive = is_passive(&words, modal);
    let demanded = binds_a_party(&words, modal) || formal_subject || passive;
    if !demanded && !clause.opens_sentence {
        return false;
    }
    // What an active demand is about, without the verb its modal governs: «logge inn
    // fra nettbrett» after «… skal logges» is about the tablet, not the log. A
    // passive verb is what is demanded («… skal lagres innenfor EU/EØS» after «hvor
    // data lagres»).
    let governed = from_the_verb(&words[modal + 1..])
        .next()
        .filter(|_| !passive);
    let about: Vec<&str> = topic_words(text)
        .into_iter()
        .filter(|w| Some(*w) != governed)
        .collect();
    !about.is_empty() && !overlaps(&about, before)
}

fn overlaps(words: &[&str], before: &[&str]) -> bool {
    words
        .iter()
        .any(|w| before.iter().any(|b| same_topic(w, b)))
}

/// True when a clause points back at what the row said before it, wherever the
/// pointer stands: «…, og leverandøren skal legge fram en plan for dette», "and the
/// supplier shall document this".
fn refers_back(clause: &str) -> bool {
    clause
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "dette" | "this" | "herfor" | "thereof"))
}

/// True when a verb joined under an earlier modal has a pronoun for its object or
/// place: «… og vise den integrert», «… og halde det oppdatert», «… og gjøre målingene
/// tilgjengelige der», "… and keep it updated".
fn points_back(conjunct: &str) -> bool {
    const REACH: usize = 4;
    words_of(conjunct)
        .into_iter()
        .take(REACH)
        .any(|w| BACK_REFERENCES.contains(&w) || matches!(w, "der" | "there" | "dem" | "them"))
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

/// A clause's words (hyphenated words whole).
fn words_of(clause: &str) -> Vec<&str> {
    clause
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect()
}

fn modal_at(words: &[&str]) -> Option<usize> {
    words
        .iter()
        .position(|w| modality::classify(w) == Modality::Binding)
}

/// The words after a modal (from `at`), past those that stand between it and the
/// verb it governs.
fn from_the_verb<'a, 'w>(words: &'w [&'a str]) -> impl Iterator<Item = &'a str> + 'w {
    words
        .iter()
        .copied()
        .skip_while(|w| BEFORE_THE_VERB.contains(w))
}

/// True when the verb a binding clause's modal (at `modal` in its `words`) governs
/// is passive: «Tilgang skal styres etter rolle», «skal kunne skjermast», "shall be
/// returned". What is done is demanded of the solution or supplier, though the
/// sentence does not name it. A prohibition joined to a demand («…, og dataene skal
/// ikke brukes til trening») is left to the demand: the catalogue's own suggestions
/// join them so, and writers judge the shape both ways.
fn is_passive(words: &[&str], modal: usize) -> bool {
    crate::text::modal_shapes::passive_follows(&words[modal + 1..])
}

/// True when a binding clause says what the solution or the supplier must do: the
/// subject before its modal verb (at `modal` in its `words`), or right after it
/// («Hvis …, skal systemet gi …»), names one. A «skal» about something else — the
/// user («brukeren skal kunne velge målform»), a breach («brudd skal utløse
/// kompensasjon») — says how the requirement before it is to work.
fn binds_a_party(words: &[&str], modal: usize) -> bool {
    words[..modal]
        .iter()
        .chain(words.get(modal + 1))
        .any(|w| BOUND_PARTIES.iter().any(|p| w.contains(p)))
}

/// A paragraph or list item written as a requirement row: numbered («4.1.5
/// Løsningen skal …») or typed by a marker in brackets before or after its text
/// («3.1 (Skal) Plattformen skal …», «Løysinga skal … (absolutt krav).»). A
/// paragraph with neither is running text, whose sentences need not be one
/// requirement each.
pub(super) struct RequirementParagraph<'a> {
    /// Its text without number and markers (normalised).
    pub(super) body: &'a str,
    /// The type its marker gives, if it has one.
    pub(super) marked: Option<Modality>,
}

/// Reads a paragraph's normalised text as a requirement row, if it is written as one.
pub(super) fn requirement_paragraph(text: &str) -> Option<RequirementParagraph<'_>> {
    let mut rest = text.trim();
    // Most paragraphs are running text: neither a digit in their first word, nor a
    // bracket at either end.
    let first_word = rest.split(' ').next().unwrap_or_default();
    if !first_word.contains(|c: char| c.is_ascii_digit())
        && !rest.starts_with(['(', '['])
        && !rest.trim_end_matches(['.', ' ']).ends_with(')')
    {
        return None;
    }
    let numbered = rest
        .split_once(' ')
        .is_some_and(|(first, _)| is_requirement_number(first));
    if numbered {
        rest = rest
            .split_once(' ')
            .map_or(rest, |(_, after)| after.trim_start());
    }
    let mut marked = None;
    if let Some(after) = rest.strip_prefix(['(', '['])
        && let Some((marker, after)) = after.split_once([')', ']'])
        && let Some(kind) = type_marker(marker)
    {
        rest = after.trim_start();
        marked = Some(kind);
    }
    let body = rest.trim_end_matches(['.', ' ']);
    if let Some(open) = body.rfind('(')
        && body.ends_with(')')
        && let Some(kind) = type_marker(&body[open + 1..body.len() - 1])
    {
        rest = &body[..open];
        marked = marked.or(Some(kind));
    }
    (numbered || marked.is_some()).then_some(RequirementParagraph { body: rest, marked })
}

/// A requirement's number: digits and letters in parts joined by «.» or «-», at
/// least two parts with a digit among them («4.1.5», «7.2», «a.3», «k-4»); a lone
/// «7.» numbers a list, not requirements.
fn is_requirement_number(token: &str) -> bool {
    let token = token.trim_end_matches('.');
    let parts: Vec<&str> = token.split(['.', '-']).collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(char::is_alphanumeric))
        && token.contains(|c: char| c.is_ascii_digit())
        && parts.iter().all(|p| p.chars().count() <= 4)
}

/// The type a bracketed marker names («Skal», «absolutt krav», «ønske»); a single
/// letter numbers a list («(a)»).
fn type_marker(marker: &str) -> Option<Modality> {
    let marker = marker.trim();
    if marker.chars().count() < 2
        || !marker
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    {
        return None;
    }
    crate::text::type_cells::classify_type_cell(marker)
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

/// How many words may open a clause before its modal verb.
const SUBJECT_REACH: usize = 4;

/// The joins that may open a second clause: «og», «samt», «men», «;».
const JOINS: &[&str] = &[
    "; ", ", og ", " og ", ", samt ", " samt ", ", men ", ", and ", " and ",
];

/// The statements of a text: its sentences, each cut where «og», «samt», «men» or
/// «;» joins two binding clauses («…, og X skal kunne …»), or where a comma (with or
/// without «og») joins a second verb with its own object under one modal («skal
/// delta i utprøvingar, og bidra til standardisering»). «A og B skal …» is one
/// clause about two things, and «skal støtte A og B» or «skal lese og oppdatere
/// PLL» one demand.
fn clauses(text: &str) -> Vec<Clause<'_>> {
    let mut out = Vec::new();
    let mut after_colon = false;
    for range in sentences::split(text) {
        let sentence = &text[range];
        let mut start = 0;
        let mut opens_sentence = true;
        let mut continues = false;
        let mut cuts: Vec<(usize, usize)> = JOINS
            .iter()
            .chain(&[", "])
            .flat_map(|j| sentence.match_indices(j).map(|(i, j)| (i, i + j.len())))
            .collect();
        cuts.sort_unstable();
        for (cut, next) in cuts {
            if cut < start {
                continue;
            }
            let rest = &sentence[next..];
            let part = &sentence[start..cut];
            let part_end = JOINS
                .iter()
                .filter_map(|j| rest.find(j))
                .min()
                .unwrap_or(rest.len());
            let join = &sentence[cut..next];
            let by_comma = join == ", ";
            // The modal stands after the clause's subject: «…, og kommunen sine data
            // skal …».
            let opens_clause = !by_comma
                && rest[..part_end]
                    .split_whitespace()
                    .take(SUBJECT_REACH)
                    .any(|w| modality::classify(w) == Modality::Binding);
            // «og» alone joins the verbs of one demand as often as two demands
            // («skal sende epikrise og motta henvisning»); a comma before it, or
            // between verbs, marks where the writer ends one. The cheap tests first:
            // a long row has many commas.
            let joins_a_verb = !opens_clause
                && join.starts_with(',')
                && opens_with_a_demanded_verb(rest, join)
                && (continues || demands_of_a_party(part))
                && has_an_object(part, continues);
            if (opens_clause || joins_a_verb)
                && (continues || modality::classify(part) == Modality::Binding)
            {
                out.push(Clause {
                    text: part,
                    explains: after_colon,
                    opens_sentence,
                    continues,
                });
                after_colon = false;
                opens_sentence = false;
                continues = joins_a_verb;
                start = next;
            }
        }
        // A colon inside the sentence explains too: what follows it elaborates.
        let last = &sentence[start..];
        let clause = |text, explains, opens_sentence| Clause {
            text,
            explains,
            opens_sentence,
            continues,
        };
        match last.find(": ") {
            Some(colon) => {
                out.push(clause(&last[..colon], after_colon, opens_sentence));
                out.push(clause(&last[colon + 2..], true, false));
            }
            None => out.push(clause(last, after_colon, opens_sentence)),
        }
        after_colon = last.trim_end().ends_with(':');
    }
    out
}

/// True when a clause's modal binds the solution or the supplier: a second verb under
/// it is a second thing that party must do («Leverandøren skal delta i …, og bidra
/// til …»). Verbs about another subject describe that subject («Fjerntilgangen skal
/// skje etter Normen, være godkjent av kommunen, og logges»).
fn demands_of_a_party(clause: &str) -> bool {
    const ARTICLES: &[&str] = &["the", "a", "an"];
    const GENITIVE: &[&str] = &["s", "sin", "si", "sitt", "sine"];
    let words = words_of(clause);
    let Some(modal) = modal_at(&words) else {
        return false;
    };
    // The subject's head: the clause's first noun, or the one right after the modal
    // when an adverbial opens the clause. «Leverandørens fjerntilgang», «leverandøren
    // sin fjerntilgang», "the supplier's remote access" name whose the subject is.
    let first = words[..modal].iter().position(|w| !ARTICLES.contains(w));
    first
        .into_iter()
        .chain(Some(modal + 1))
        .filter_map(|i| Some((words.get(i)?, words.get(i + 1))))
        .any(|(w, next)| {
            BOUND_PARTIES.iter().any(|p| w.contains(p))
                && !w.ends_with('s')
                && !next.is_some_and(|n| GENITIVE.contains(n))
        })
}

/// True when `text` (after the comma of `join`) opens with a verb a modal could
/// govern: one of [`DEMANDED_VERBS`], or after «, og» a Norwegian word in the
/// infinitive («…, og publisere endringslogg»). A comma alone lists nouns as often
/// («kjernejournal, meldingstjeneste og …»), so there only the listed verbs count.
fn opens_with_a_demanded_verb(text: &str, join: &str) -> bool {
    const SHORTEST_INFINITIVE: usize = 4;
    text.split_whitespace().next().is_some_and(|w| {
        DEMANDED_VERBS.contains(&w)
            || (join == ", og "
                && !BEFORE_THE_VERB.contains(&w)
                && !CONFORMING_VERBS.contains(&w)
                && w.chars().count() >= SHORTEST_INFINITIVE
                && w.ends_with(['e', 'a'])
                && w.chars().all(char::is_alphabetic)
                && crate::text::wordlist::is_norwegian_word(w))
    })
}

/// Words that open a clause of their own inside a demand («… der pårørende kan
/// logge inn og se …», «slik at …», "so that …"): a verb after them is that
/// clause's, not the modal's.
const SUBORDINATORS: &[&str] = &[
    "der", "som", "slik", "at", "så", "når", "hvor", "kor", "om", "kan", "that", "which", "where",
    "so", "can", "may", "who",
];

/// True when a demand's verb has an object of its own before «og» or the comma that
/// joins the next verb: «skal følge Normen», not «skal lese» in «skal lese og
/// oppdatere PLL», «skal hente, vise og lagre informasjon» or «skal rekne ut og vise
/// NEWS2». A verb inside a clause of its own («der pårørende kan logge inn og se
/// vaktplaner») is not the modal's.
fn has_an_object(part: &str, continues: bool) -> bool {
    let words = words_of(part);
    let from = if continues {
        Some(0)
    } else {
        modal_at(&words).map(|m| m + 1)
    };
    from.is_some_and(|from| {
        let after: Vec<&str> = from_the_verb(&words[from..]).skip(1).collect();
        !after.iter().any(|w| SUBORDINATORS.contains(w))
            && after
                .iter()
                .any(|w| is_topic_word(w) && !DEMANDED_VERBS.contains(w))
    })
}

fn is_topic_word(w: &str) -> bool {
    if w.chars().count() < 4 || !w.chars().any(char::is_alphabetic) {
        return false;
    }
    let end = w.char_indices().nth(5).map_or(w.len(), |(i, _)| i);
    !NOT_TOPICS.contains(&&w[..end]) && modality::classify(w) == Modality::None
}

/// The words of a statement that say what it is about: four letters or more,
/// not a word that only says who must act or that something is required.
fn topic_words(clause: &str) -> Vec<&str> {
    clause
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| is_topic_word(w))
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
}
