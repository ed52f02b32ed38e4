//! Type codes a tender defines in running text, a list or a footnote, in the forms
//! buyers write them: «Type O = obligatory (…). Type W = weighted (…)», «Kravtype: M =
//! minstekrav, B = bør-krav», «K – krav som må oppfyllast; Ø – ønske», «(A) Absolutt
//! krav», «merket S (skal-krav) eller B (bør-krav)», «M for minstekrav», «Krav av
//! type K må oppfylles», "Requirement type 1 means a minimum requirement".
//!
//! Only the words are found here; whether a definition says what a requirement of
//! the code demands, and whether the text is a legend at all, is decided by the
//! caller ([`super::TypeLegend`]).

/// One code and what the text says it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RunningDefinition<'a> {
    pub(super) code: &'a str,
    pub(super) definition: &'a str,
    /// A word that names a type code stands just before it («Type», «Kravtype»,
    /// «merket», "marked"): the text says it is defining a code.
    pub(super) introduced: bool,
}

/// Words that name the code after them as a requirement type.
const INTRODUCERS: &[&str] = &[
    "type",
    "typen",
    "types",
    "kravtype",
    "kravtypen",
    "kravtypar",
    "kravtyper",
    "kode",
    "koden",
    "kravkode",
    "code",
    "kategori",
    "kategorien",
    "category",
    "klasse",
    "class",
    "merket",
    "merka",
    "markert",
    "marked",
];

/// Words that say what the code before them means («M betyr …», "W means …").
const MEANING_VERBS: &[&str] = &[
    "er ",
    "betyr ",
    "tyder ",
    "står for ",
    "angir ",
    "for ",
    "is ",
    "are ",
    "means ",
    "stands for ",
    "indicates ",
];

/// How far around a code its definition is looked for, in bytes.
const DEFINITION_BYTES: usize = 160;

/// Modal verbs a sentence «Krav merket A skal være oppfylt …» opens its definition with.
const MODALS: &[&str] = &["skal ", "må ", "shall ", "must "];

/// The codes the text defines, in the order it writes them.
pub(super) fn definitions(text: &str) -> Vec<RunningDefinition<'_>> {
    // (where the definition's words start, the code, where its definition starts, and
    // where a parenthesised definition ends).
    let mut found: Vec<(usize, &str, usize, Option<usize>, bool)> = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in text.char_indices() {
        let starts_token = previous.is_none_or(|p| p.is_whitespace() || "(;,:«\"“'/".contains(p));
        previous = Some(c);
        if !starts_token || !(c.is_uppercase() || c.is_ascii_digit() || "(«\"“'".contains(c)) {
            continue;
        }
        if let Some((code, definition_at, closing)) = code_at(text, at) {
            let introduced = introduced_before(&text[..at]);
            if code.chars().all(|c| c.is_ascii_digit()) && !introduced {
                continue;
            }
            // «et minstekrav (M) eller et evalueringskrav (E)»: the words before a
            // code in parentheses inside a sentence are what it means.
            if closing == Some(true)
                && let Some(words_at) = phrase_before(text, at)
            {
                found.push((at, code, words_at, Some(at), introduced));
                continue;
            }
            let Some((definition_at, closing)) =
                definition_start(text, definition_at, closing, introduced)
            else {
                continue;
            };
            found.push((at, code, definition_at, closing, introduced));
        }
    }
    let mut definitions = Vec::with_capacity(found.len());
    for (i, &(_, code, start, closing, introduced)) in found.iter().enumerate() {
        let next = found.get(i + 1).map_or(text.len(), |n| n.0);
        let end = closing.unwrap_or_else(|| sentence_end(text, start, next));
        if end <= start {
            continue;
        }
        let definition =
            text[start..end].trim_matches(|c: char| c.is_whitespace() || ",;.".contains(c));
        if !definition.is_empty() {
            definitions.push(RunningDefinition {
                code,
                definition,
                introduced,
            });
        }
    }
    definitions
}

/// The code written at `at` (bare, quoted or in parentheses), where the text after
/// it starts, and whether it stood in parentheses («(A) Absolutt krav»).
fn code_at(text: &str, at: usize) -> Option<(&str, usize, Option<bool>)> {
    let rest = &text[at..];
    let (open, inner) = match rest.chars().next()? {
        '(' => (Some(')'), 1),
        '«' => (Some('»'), '«'.len_utf8()),
        '"' => (Some('"'), 1),
        '“' => (Some('”'), '“'.len_utf8()),
        '\'' => (Some('\''), 1),
        _ => (None, 0),
    };
    let body = &rest[inner..];
    let len = code_len(body)?;
    let mut after = at + inner + len;
    if let Some(close) = open {
        if !text[after..].starts_with(close) {
            return None;
        }
        after += close.len_utf8();
    } else if let Some(next) = text[after..].chars().next()
        && (next.is_alphanumeric() || next == '-' || next == '.')
    {
        // «E-resept», «HelseID», «A. Nasjonale tjenester»: no code.
        return None;
    }
    Some((&body[..len], after, open.map(|c| c == ')')))
}

/// The length in bytes of a code: one to three capitals, or one digit.
fn code_len(text: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    if first.is_ascii_digit() {
        let ends = text[1..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        return ends.then_some(1);
    }
    let len = text
        .char_indices()
        .take_while(|(_, c)| c.is_uppercase())
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let next_is_letter = text[len..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    (text[..len].chars().count() <= 3 && !next_is_letter).then_some(len)
}

/// Where the definition after a code starts, and where it ends when it is written
/// in parentheses after the code («S (skal-krav)»). `parenthesised` is whether the
/// code itself stood in parentheses («(A) Absolutt krav»).
fn definition_start(
    text: &str,
    after: usize,
    parenthesised: Option<bool>,
    introduced: bool,
) -> Option<(usize, Option<usize>)> {
    let rest = &text[after..];
    let trimmed = rest.trim_start();
    let at = after + (rest.len() - trimmed.len());
    let spaced = at > after;
    let mut chars = trimmed.chars();
    let first = chars.next()?;
    match first {
        '=' | ':' | '–' | '—' => return Some((at + first.len_utf8(), None)),
        // A hyphen only with space around it.
        '-' if spaced && chars.next().is_some_and(char::is_whitespace) => {
            return Some((at + 1, None));
        }
        '(' if spaced && parenthesised != Some(true) => {
            // A definition in parentheses is a few words; a long text is not read
            // again for every code in it.
            let close = trimmed
                .get(..DEFINITION_BYTES)
                .unwrap_or(trimmed)
                .find(')')?;
            return Some((at + 1, Some(at + close)));
        }
        _ => {}
    }
    if !spaced {
        return None;
    }
    if parenthesised == Some(true) {
        return Some((at, None));
    }
    let head: String = trimmed
        .chars()
        .take(12)
        .flat_map(char::to_lowercase)
        .collect();
    if let Some(verb) = MEANING_VERBS.iter().find(|v| head.starts_with(*v)) {
        return Some((at + verb.len(), None));
    }
    (introduced && MODALS.iter().any(|m| head.starts_with(m))).then_some((at, None))
}

/// Where the last words before `at` start (at most four, within its clause), when
/// the clause has words before `at`: «(A) Absolutt krav» opens its line, «et
/// minstekrav (M)» names the code after its meaning.
fn phrase_before(text: &str, at: usize) -> Option<usize> {
    let near = at.saturating_sub(DEFINITION_BYTES);
    let near = (near..at).find(|&i| text.is_char_boundary(i)).unwrap_or(at);
    let clause_start = text[near..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| ".;:()=–—".contains(c))
        .map_or(near, |(i, c)| near + i + c.len_utf8());
    let clause = &text[clause_start..at];
    let mut start = None;
    let mut words = 0;
    for (i, c) in clause.char_indices().rev() {
        let word_starts = !c.is_whitespace()
            && clause[..i]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace);
        if word_starts {
            start = Some(clause_start + i);
            words += 1;
            if words == 4 {
                break;
            }
        }
    }
    start
}

/// Whether the word just before a code names it as a requirement type.
fn introduced_before(before: &str) -> bool {
    let before = before.trim_end_matches(|c: char| c.is_whitespace() || "«\"“'(".contains(c));
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_end_matches([':', ','])
        .to_lowercase();
    INTRODUCERS.contains(&word.as_str())
}

/// Where the sentence the definition starts in ends: the first full stop or
/// semicolon outside parentheses, or `limit` (the next code).
fn sentence_end(text: &str, from: usize, limit: usize) -> usize {
    let mut depth = 0usize;
    let bytes = text.as_bytes();
    let ends_here = |i: usize| bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
    for (i, &b) in bytes[..limit].iter().enumerate().skip(from) {
        match b {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b'.' | b';' if depth == 0 && ends_here(i) => return i,
            _ => {}
        }
    }
    limit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(&str, &str, bool)> {
        definitions(text)
            .into_iter()
            .map(|d| (d.code, d.definition, d.introduced))
            .collect()
    }

    #[test]
    fn codes_with_a_sign_or_a_dash() {
        assert_eq!(pairs("AV – både"), [("AV", "både", false)]);
        assert_eq!(pairs("A - x"), [("A", "x", false)]);
        assert_eq!(
            pairs("Kravtype: M = minstekrav, B = bør-krav"),
            [("M", "minstekrav", true), ("B", "bør-krav", false)]
        );
        assert_eq!(
            pairs(
                "Type O = obligatory (minimum requirement; rejected otherwise). Type W = weighted. Other."
            ),
            [
                (
                    "O",
                    "obligatory (minimum requirement; rejected otherwise)",
                    true
                ),
                ("W", "weighted", true)
            ]
        );
    }

    #[test]
    fn codes_in_parentheses_quotes_and_with_words() {
        assert_eq!(pairs("(A) Absolutt krav"), [("A", "Absolutt krav", false)]);
        assert_eq!(
            pairs("Krava er merka S (skal-krav) eller B (bør-krav)."),
            [("S", "skal-krav", true), ("B", "bør-krav", false)]
        );
        assert_eq!(
            pairs("Kode «V» betyr vurderingskrav"),
            [("V", "vurderingskrav", true)]
        );
        assert_eq!(
            pairs("Kolonna viser om kravet er eit minstekrav (M) eller eit evalueringskrav (E)."),
            [
                ("M", "kravet er eit minstekrav", false),
                ("E", "eller eit evalueringskrav", false)
            ]
        );
        assert_eq!(
            pairs("Krav merket A skal være oppfylt"),
            [("A", "skal være oppfylt", true)]
        );
        assert_eq!(
            pairs("Requirement type 1 means a minimum requirement"),
            [("1", "a minimum requirement", true)]
        );
    }

    #[test]
    fn words_that_are_no_code() {
        for text in [
            "E-resept skal støttes",
            "ABCD: x",
            "Avtale: x",
            "A:",
            "",
            "A. Nasjonale tjenester",
            "HelseID skal brukes",
            "Se punkt 2 = pris",
            "Prioritet 1 – kritisk feil",
        ] {
            assert_eq!(pairs(text), [], "{text}");
        }
    }
}
