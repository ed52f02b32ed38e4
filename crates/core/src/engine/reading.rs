//! Reading a tender in its own terms, for the rule sets that opt in (`reading:`):
//! the abbreviations it defines, and where its award criteria are.
//!
//! A tender writes «KJ» for its *Kommunale journalgruppe* or «AR» for *Avdeling for
//! rehabilitering*; a rule that knows «KJ» as Kjernejournal would read «skal tas i
//! bruk ved AR» as a requirement on Adresseregisteret. The definitions are read from
//! every file of the tender before any rule looks at a statement, since a glossary in
//! one file defines the words of all of them.

use super::statements::Columns;
use crate::document::{Block, BlockKind, CELL_SEPARATOR, Document};
use crate::parallel::prelude::*;
use crate::rules::{CompiledRule, RuleSet, TermId};
use crate::text::normalize;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

/// One abbreviation the tender defines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Definition {
    /// As the tender writes it («AR»).
    pub abbreviation: String,
    /// What it stands for («Avdeling for rehabilitering»).
    pub expansion: String,
    /// Where: the document (index in the tender) and block.
    #[serde(skip)]
    pub doc: usize,
    /// The block of the definition in that document.
    #[serde(skip)]
    pub block: usize,
}

/// Headings of glossary sections, normalised: a section whose title starts with one
/// of these (or one inside it) defines its abbreviations without further ado.
const GLOSSARY_HEADINGS: &[&str] = &[
    "ordliste",
    "ordforklaring",
    "forkortelse",
    "forkorting",
    "definisjon",
    "begrep",
    "omgrep",
    "glossary",
    "abbreviation",
    "definition",
    "terms and",
    "terminolog",
];

/// The longest abbreviation read, in characters: longer capitals are names or shouting.
const MAX_ABBREVIATION: usize = 8;
/// The longest expansion kept, in characters.
const MAX_EXPANSION: usize = 120;

/// Every definition in a document, in block order.
pub fn definitions_in(doc: &Document, di: usize) -> Vec<Definition> {
    let glossary_sections: Vec<bool> = {
        let mut flags = vec![false; doc.sections.len()];
        for (i, section) in doc.sections.iter().enumerate() {
            let inherited = section.parent.is_some_and(|p| p < i && flags[p]);
            let title = normalize(&section.title).text;
            flags[i] = inherited || GLOSSARY_HEADINGS.iter().any(|h| title.starts_with(h));
        }
        flags
    };
    // Stretches of blocks are read in parallel, as the engine reads them, so a long
    // document does not wait for this pass on one core.
    const CHUNK: usize = 512;
    doc.blocks
        .par_chunks(CHUNK)
        .enumerate()
        .flat_map_iter(|(chunk, blocks)| {
            let mut header: Option<(Arc<[String]>, bool)> = None;
            let mut out = Vec::new();
            for (bi, block) in (chunk * CHUNK..).zip(blocks) {
                // Two capitals in a row are rare: most blocks are passed over on this
                // byte test alone, which keeps the pass to a small share of a check.
                if matches!(block.kind, BlockKind::Heading { .. })
                    || !has_capital_pair(block.text.as_bytes())
                {
                    continue;
                }
                let glossary_table = match &block.kind {
                    BlockKind::TableRow(row) if row.is_header => continue,
                    BlockKind::TableRow(row) => {
                        if header
                            .as_ref()
                            .is_none_or(|(h, _)| !Arc::ptr_eq(h, &row.header))
                        {
                            let glossary = Columns::from_header(&row.header).glossary;
                            header = Some((row.header.clone(), glossary));
                        }
                        header.as_ref().is_some_and(|(_, g)| *g)
                    }
                    _ => false,
                };
                let in_glossary = glossary_sections
                    .get(block.section)
                    .copied()
                    .unwrap_or(false);
                // Elsewhere a definition needs its sign: «(», «=», «:», «–», «—» or « - ».
                if !glossary_table && !in_glossary && !has_definition_sign(&block.text) {
                    continue;
                }
                for (abbreviation, expansion) in
                    definitions_in_block(block, glossary_table, in_glossary)
                {
                    out.push(Definition {
                        abbreviation,
                        expansion,
                        doc: di,
                        block: bi,
                    });
                }
            }
            out
        })
        .collect()
}

/// The definitions a block makes: a glossary row «AR | Avdeling for rehabilitering»,
/// «Avdeling for rehabilitering (AR)», «AR (Avdeling for rehabilitering)», «AR –
/// Avdeling for rehabilitering», «AR = …», «AR: …». Outside glossaries the long form
/// must spell the abbreviation (its letters in order, the first starting a word, as
/// Schwartz and Hearst read biomedical abbreviations), so «KJ (se 3.2)» or «PLL –
/// skal støttes» define nothing.
fn definitions_in_block(block: &Block, table: bool, glossary: bool) -> Vec<(String, String)> {
    let text = block.text.as_str();
    let mut out = Vec::new();
    if table {
        let mut cells = text
            .split(CELL_SEPARATOR)
            .map(|c| c.trim().trim_matches(['*', '_', ':']).trim());
        if let (Some(term), Some(meaning)) = (cells.next(), cells.find(|c| !c.is_empty()))
            && is_abbreviation(term)
        {
            let meaning = first_clause(meaning, &['.', ';', '\n']);
            if !meaning.is_empty() {
                out.push((term.to_string(), meaning));
            }
        }
        return out;
    }
    for (start, end) in capital_runs(text) {
        let abbreviation = &text[start..end];
        let before = text[..start].trim_end_matches(['*', '_']).trim_end();
        // Markdown emphasis around the abbreviation («**AR** – …») is no text.
        let after = text[end..].trim_start_matches(['*', '_']);
        let after_trim = after.trim_start();
        // «Avdeling for rehabilitering (AR)»
        if before.ends_with('(') && after_trim.starts_with(')') {
            let head = before[..before.len() - 1].trim_end();
            if let Some(long) = long_form_before(head, abbreviation) {
                out.push((abbreviation.to_string(), long));
            }
            continue;
        }
        // «AR (Avdeling for rehabilitering)»
        if let Some(inside) = after_trim.strip_prefix('(') {
            if let Some(close) = inside.find(')') {
                let long = inside[..close].trim();
                if long.split_whitespace().count() <= 8 && (glossary || spells(abbreviation, long))
                {
                    out.push((abbreviation.to_string(), long.to_string()));
                }
            }
            continue;
        }
        // «AR – Avdeling for rehabilitering», «AR = …», «AR: …»: at the start of the
        // block or of an item in a run-in list («Forkortelser: KJ = …, AR = …»).
        let opens_item = before.is_empty()
            || before.ends_with([',', ';', ':'])
            || before.chars().all(|c| !c.is_alphanumeric());
        let Some((sign, rest)) = ["=", "–", "—", " - ", ":"].iter().find_map(|s| {
            let trimmed = if *s == " - " { after } else { after_trim };
            trimmed.strip_prefix(s).map(|r| (*s, r))
        }) else {
            continue;
        };
        if !opens_item && sign != "=" {
            continue;
        }
        let long = first_clause(rest, &[',', ';', '.', '(', '\n']);
        if long.is_empty() || long.split_whitespace().count() > 8 {
            continue;
        }
        if sign == "=" || glossary || spells(abbreviation, &long) {
            out.push((abbreviation.to_string(), long));
        }
    }
    out
}

/// Whether a capital stands at byte `i`, and its length (ASCII, or Æ, Ø, Å).
fn capital_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i) {
        Some(b) if b.is_ascii_uppercase() => Some(1),
        Some(0xC3) if matches!(bytes.get(i + 1), Some(0x85 | 0x86 | 0x98)) => Some(2),
        _ => None,
    }
}

/// The byte offsets where two capitals stand side by side, one of them ASCII.
fn capital_pairs(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    (0..bytes.len()).filter(move |&i| match bytes[i] {
        b if b.is_ascii_uppercase() => capital_at(bytes, i + 1).is_some(),
        0xC3 => capital_at(bytes, i)
            .is_some_and(|len| bytes.get(i + len).is_some_and(u8::is_ascii_uppercase)),
        _ => false,
    })
}

/// [`capital_pairs`] is not empty. Every block of a tender passes through here, so it
/// is one plain loop over the bytes: a pair needs an ASCII capital, or the lead byte
/// of Æ, Ø, Å.
fn has_capital_pair(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i + 1 < bytes.len() {
        let b = bytes[i];
        if (b.is_ascii_uppercase() || b == 0xC3)
            && capital_pairs(&bytes[i..i + 4.min(bytes.len() - i)]).next() == Some(0)
        {
            return true;
        }
        i += 1;
    }
    false
}

/// Byte ranges of the words written in capitals (two or more, digits allowed after the
/// first letter): «AR», «SSO», «PLO2». Only the words around a pair of capitals are
/// looked at.
fn capital_runs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for at in capital_pairs(bytes) {
        if out.last().is_some_and(|&(_, end)| at < end) {
            continue;
        }
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric())
            .last()
            .map_or(at, |(i, _)| i);
        let end = text[at..]
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(text.len(), |(i, _)| at + i);
        if out.last().is_some_and(|&(s, _)| s == start) {
            continue;
        }
        if is_abbreviation(&text[start..end]) {
            out.push((start, end));
        }
    }
    out
}

fn has_definition_sign(text: &str) -> bool {
    text.bytes().any(|b| matches!(b, b'(' | b'=' | b':'))
        || text.contains(['–', '—'])
        || text.contains(" - ")
}

/// A word of 2–8 letters and digits, starting with a capital, with no lower-case
/// letter and at least two capitals.
fn is_abbreviation(word: &str) -> bool {
    let count = word.chars().count();
    (2..=MAX_ABBREVIATION).contains(&count)
        && word.chars().all(char::is_alphanumeric)
        && word.chars().next().is_some_and(char::is_uppercase)
        && !word.chars().any(char::is_lowercase)
        && word.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// The text up to the first of `stops`, trimmed, at most [`MAX_EXPANSION`] characters.
fn first_clause(text: &str, stops: &[char]) -> String {
    let end = text.find(stops).unwrap_or(text.len());
    let clause = text[..end]
        .trim()
        .trim_matches(['*', '_', '«', '»', '"'])
        .trim();
    clause.chars().take(MAX_EXPANSION).collect()
}

/// Whether `long` spells `short`: its letters in order from the end, the first one
/// starting a word of `long`; and is not a cross-reference («se punkt 3.2», "see
/// section 3.2" spell SSO too).
fn spells(short: &str, long: &str) -> bool {
    const REFERENCES: &[&str] = &[
        "se", "sjå", "see", "jf", "cf", "vedlegg", "bilag", "annex", "appendix", "kapittel", "kap",
        "punkt", "section", "chapter", "side", "page", "eg", "f",
    ];
    let first = long
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_lowercase);
    !first.is_some_and(|w| REFERENCES.contains(&w.as_str())) && spelled_from(short, long).is_some()
}

/// Where in `long` (byte offset of the word) the spelling of `short` starts.
fn spelled_from(short: &str, long: &str) -> Option<usize> {
    let short: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let long_chars: Vec<(usize, char)> = long
        .char_indices()
        .flat_map(|(i, c)| c.to_lowercase().map(move |l| (i, l)))
        .collect();
    let mut li = long_chars.len();
    for (si, &c) in short.iter().enumerate().rev() {
        loop {
            li = li.checked_sub(1)?;
            let (_, l) = long_chars[li];
            let starts_word = li == 0 || !long_chars[li - 1].1.is_alphanumeric();
            if l == c && (si > 0 || starts_word) {
                break;
            }
        }
    }
    long_chars.get(li).map(|(i, _)| *i)
}

/// The long form that a parenthesised abbreviation closes: the shortest run of the
/// last words before it that spells the abbreviation, within its clause.
fn long_form_before(head: &str, short: &str) -> Option<String> {
    let clause_start = head
        .rfind(['.', ';', ':', '(', ')', ',', CELL_SEPARATOR])
        .map_or(0, |i| i + 1);
    let clause = &head[clause_start..];
    // At most as many words as Schwartz and Hearst allow: min(|A| + 5, 2|A|).
    let n = short.chars().count();
    let max_words = (n + 5).min(2 * n);
    let words: Vec<usize> = clause
        .char_indices()
        .filter(|&(i, c)| {
            c.is_alphanumeric()
                && clause[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|p| !p.is_alphanumeric())
        })
        .map(|(i, _)| i)
        .collect();
    let window_start = words.len().checked_sub(max_words).map_or(0, |k| words[k]);
    let window = &clause[window_start..];
    let mut from = spelled_from(short, window)?;
    // The shortest spelling can start inside the name: «Sentralt sykehjemskontor (SSO)»
    // is spelled by «sykehjemskontor» alone. A capitalised word before a lower-case
    // start, with the same first letter, is the name's first word («via Velferds-
    // teknologisk knutepunkt (VKP)» keeps its «via» out).
    let first = short.chars().next()?.to_lowercase().next()?;
    let starts_lower = window[from..]
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    if starts_lower
        && let Some(&previous) = words
            .iter()
            .rev()
            .find(|&&w| w >= window_start && w - window_start < from)
        && let Some(initial) = window[previous - window_start..].chars().next()
        && initial.is_uppercase()
        && initial.to_lowercase().next() == Some(first)
    {
        from = previous - window_start;
    }
    // Start at the word holding the first letter.
    let word_start = window[..from]
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let long = window[word_start..].trim();
    (!long.is_empty()).then(|| long.chars().take(MAX_EXPANSION).collect())
}

/// For one rule set: the abbreviations each rule must not count in this tender,
/// indexed by rule.
pub type Redefinitions = Vec<Vec<Redefined>>;

/// An abbreviation term of a rule that the tender defines as something else.
#[derive(Debug, Clone)]
pub struct Redefined {
    /// The rule's term that matched the abbreviation.
    pub term: TermId,
    /// Lower case, as the tender's text normalised reads.
    pub abbreviation: String,
    /// Index of the (first) definition that disagrees.
    pub definition: usize,
    /// Every place the tender defines the abbreviation (document, block): a
    /// definition is no evidence for the rule.
    pub places: Vec<(usize, usize)>,
}

/// Words too common in rule titles and expansions to show that two meanings agree.
const GENERIC_WORDS: &[&str] = &[
    "løsning", "løysing", "system", "tjenest", "tenest", "kommun", "nasjon", "solution", "servic",
    "suppor", "integr", "støtte", "avdeli", "senter", "sentra", "leveran",
];

/// Which of a set's rules lose which abbreviation in this tender: those whose
/// abbreviation term («KJ», a whole word or exact term) the tender defines with an
/// expansion that neither hits another term of the rule (nor a context term of the
/// abbreviation) nor shares a word with the rule's title. A definition that agrees
/// («KJ (kjernejournal)») keeps the term counting, even if another disagrees.
pub fn redefinitions(set: &RuleSet, definitions: &[Definition]) -> Redefinitions {
    let mut out = vec![Vec::new(); set.rules.len()];
    if definitions.is_empty() || !set.reading.definitions {
        return out;
    }
    // Each abbreviation once, with its distinct meanings (the first definition of each)
    // and every place it is defined: a tender repeats its glossary in every file.
    struct Abbreviation {
        text: String,
        meanings: Vec<usize>,
        places: Vec<(usize, usize)>,
    }
    let mut abbreviations: Vec<Abbreviation> = Vec::new();
    for (di, d) in definitions.iter().enumerate() {
        let text = normalize(&d.abbreviation).text;
        let at = match abbreviations.iter().position(|a| a.text == text) {
            Some(at) => at,
            None => {
                abbreviations.push(Abbreviation {
                    text,
                    meanings: Vec::new(),
                    places: Vec::new(),
                });
                abbreviations.len() - 1
            }
        };
        let a = &mut abbreviations[at];
        a.places.push((d.doc, d.block));
        if !a
            .meanings
            .iter()
            .any(|&m| definitions[m].expansion == d.expansion)
        {
            a.meanings.push(di);
        }
    }
    let mut expansions: HashMap<usize, Vec<TermId>> = HashMap::new();
    for (ri, rule) in set.rules.iter().enumerate() {
        let Some(pattern) = &rule.pattern else {
            continue;
        };
        let terms = pattern.terms();
        for a in &abbreviations {
            let own: Vec<TermId> = terms
                .iter()
                .copied()
                .filter(|&t| set.matcher.is_abbreviation_term(t, &a.text))
                .collect();
            if own.is_empty() {
                continue;
            }
            let meaning: Vec<TermId> = terms
                .iter()
                .copied()
                .filter(|t| !own.contains(t))
                .chain(
                    own.iter()
                        .flat_map(|&t| set.matcher.context_of(t).iter().copied()),
                )
                .collect();
            let mut agrees = |di: usize| {
                let hits = expansions.entry(di).or_insert_with(|| {
                    let d = &definitions[di];
                    let norm = normalize(&d.expansion);
                    let mut terms: Vec<TermId> = set
                        .matcher
                        .find(&norm, &d.expansion)
                        .into_iter()
                        .map(|h| h.term)
                        .collect();
                    terms.sort_unstable();
                    terms.dedup();
                    terms
                });
                hits.iter().any(|t| meaning.contains(t))
                    || shares_title_word(rule, &definitions[di].expansion)
            };
            // One agreeing meaning keeps the abbreviation counting.
            let mut disagreeing = None;
            let mut agreed = false;
            for &di in &a.meanings {
                if agrees(di) {
                    agreed = true;
                    break;
                }
                disagreeing.get_or_insert(di);
            }
            if let (false, Some(definition)) = (agreed, disagreeing) {
                out[ri].extend(own.into_iter().map(|term| Redefined {
                    term,
                    abbreviation: a.text.clone(),
                    definition,
                    places: a.places.clone(),
                }));
            }
        }
    }
    out
}

fn shares_title_word(rule: &CompiledRule, expansion: &str) -> bool {
    let stems = |text: &str| -> Vec<String> {
        normalize(text)
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 5)
            .map(|w| w.chars().take(6).collect::<String>())
            .filter(|s| !GENERIC_WORDS.contains(&s.as_str()))
            .collect()
    };
    let expansion = stems(expansion);
    let title = &rule.title;
    [Some(&title.nb), title.nn.as_ref(), title.en.as_ref()]
        .into_iter()
        .flatten()
        .flat_map(|t| stems(t))
        .any(|s| expansion.contains(&s))
}

/// Headings of award-criteria sections, normalised: the section and those inside it
/// are evaluation.
const AWARD_HEADINGS: &[&str] = &[
    "tildelingskriteri",
    "tildelingskriterium",
    "evalueringskriteri",
    "kriterier for tildeling",
    "kriterium for tildeling",
    "vekting",
    "award criteri",
    "evaluation criteri",
    "criteria for award",
    "weighting",
];

/// Whether a normalised text names award criteria.
pub fn names_award_criteria(text: &str) -> bool {
    AWARD_HEADINGS.iter().any(|h| {
        text.match_indices(h).any(|(at, _)| {
            text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// Whether a normalised statement weighs an award criterion: «Kvalitet 40 %», «pris
/// (vekt 30 %)», «miljø – 10 prosent», "quality (weight 50 %)". Such a statement is
/// evaluation wherever it stands.
pub fn weighs_a_criterion(statement: &str) -> bool {
    static WEIGHT: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    // Only a statement with a per cent sign or word can weigh anything.
    if !statement.contains('%') && !statement.contains("prosent") && !statement.contains("percent")
    {
        return false;
    }
    WEIGHT
        .get_or_init(|| {
            regex::Regex::new(
                r"\b(kvalitet|pris|kostnad|miljø|klima|kompetanse|gjennomføringsevne|brukervennlighet|brukarvennlegheit|funksjonalitet|quality|price|cost|environment|climate|usability|functionality)\w*\s*[:(,-]?\s*\(?\s*(vekt|vekta|vekting|vektet|vektes|weight|weighted|weighting)?\s*:?\s*\d{1,3}\s*(%|prosent|percent)",
            )
            .ok()
        })
        .as_ref()
        .is_some_and(|r| r.is_match(statement))
}

/// The award-criteria sections of a document (a heading naming them, or inside one).
pub fn award_sections(doc: &Document) -> Vec<bool> {
    let mut flags = vec![false; doc.sections.len()];
    for (i, section) in doc.sections.iter().enumerate() {
        let inherited = section.parent.is_some_and(|p| p < i && flags[p]);
        let title = normalize(&section.title).text;
        flags[i] = inherited || names_award_criteria(&title) || names_the_award(&title);
    }
    flags
}

/// A heading naming the award itself: «6 Tildeling», «Kvalifikasjon og tildeling»,
/// «Tildeling av kontrakt», "Award", «Evaluering av tilbod». The allocation of a
/// service («Tildeling av sykehjemsplass») is another sense of «tildeling».
fn names_the_award(title: &str) -> bool {
    let words: Vec<&str> = crate::text::modality::words(title).collect();
    words.iter().enumerate().any(|(i, word)| {
        let next = words.get(i + 1).copied();
        let after_of = words.get(i + 2).copied().unwrap_or("");
        let of_the_contract = [
            "kontrakt",
            "kontrakten",
            "avtale",
            "avtalen",
            "contract",
            "tilbud",
        ]
        .iter()
        .any(|w| after_of.starts_with(w))
            || after_of.starts_with("tilbod");
        match *word {
            "tildeling" | "tildelinga" | "tildelingen" | "award" | "evaluering" | "evaluation" => {
                !matches!(next, Some("av" | "of")) || of_the_contract
            }
            _ => false,
        }
    })
}

/// Whether a table header is that of an award-criteria table: a criterion column and
/// a weight column («Tildelingskriterium | Vekt», «Kriterium | Vekting», "Award
/// criterion | Weight").
pub fn is_award_header(header: &[String]) -> bool {
    let cells: Vec<String> = header.iter().map(|h| normalize(h).text).collect();
    let criterion = cells.iter().any(|c| {
        [
            "tildelingskriteri",
            "kriteri",
            "award criteri",
            "criteri",
            "evalueringskriteri",
        ]
        .iter()
        .any(|p| c.starts_with(p))
    });
    let weight = cells
        .iter()
        .any(|c| ["vekt", "weight"].iter().any(|p| c.starts_with(p)));
    criterion && weight
}

#[cfg(test)]
mod tests;
