//! Splitting normalised tender text into sentences without cutting at the
//! abbreviations and numbers Norwegian tenders are full of («f.eks.», «jf.»,
//! «pkt. 3.2», «§ 15-1»).

use std::ops::Range;

/// Abbreviations (normalised, without the final dot) after which a dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "f.eks", "bl.a", "jf", "jfr", "nr", "ca", "pkt", "kap", "e.l", "o.l", "m.m", "evt", "inkl",
    "ekskl", "tlf", "e.g", "i.e", "etc", "vs", "mv", "m.v", "iht", "ifm", "mht", "dvs", "osv", "s",
    "ref", "min", "maks", "avd", "vedl", "stk", "kl", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "okt", "nov", "des", "dec", "no", "fig", "tab", "art", "pt", "t.o.m",
    "f.o.m", "fr.o.m", "t.d", "m.a", "mfl", "m.fl", "bla", "eks", "hhv",
];

/// Longest sentence (bytes) before it is cut at the next space. Requirement
/// sentences are a few hundred bytes; a run of megabytes without a sentence end
/// (a pasted table, a broken export) would otherwise be one statement, and the
/// work per statement (term context, near-hit windows) grows with its square.
pub(crate) const MAX_SENTENCE_BYTES: usize = 4096;

/// Byte ranges of the sentences of a normalised text (no leading/trailing space).
/// A sentence longer than [`MAX_SENTENCE_BYTES`] is cut at the next space (or,
/// without one, at twice the length on a character boundary).
pub(crate) fn split(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let long = i - start;
        if long >= MAX_SENTENCE_BYTES
            && (b == b' ' || (long >= 2 * MAX_SENTENCE_BYTES && text.is_char_boundary(i)))
        {
            push_trimmed(text, start..i, &mut sentences);
            start = i;
        }
        let ends = match b {
            b'!' | b'?' => true,
            b'.' => !is_non_final_dot(text, start, i),
            b'\n' => true,
            0x1F => {
                // A table cell boundary (CELL_SEPARATOR) always ends a sentence.
                push_trimmed(text, start..i, &mut sentences);
                start = i + 1;
                i += 1;
                continue;
            }
            _ => false,
        };
        if ends {
            // Take closing quotes/brackets with the sentence.
            let mut end = i + 1;
            while end < bytes.len()
                && matches!(bytes[end], b'"' | b')' | b'\'' | b'.' | b'!' | b'?')
            {
                end += 1;
            }
            if end >= bytes.len() || bytes[end] == b' ' || bytes[end] == b'\n' {
                push_trimmed(text, start..end, &mut sentences);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start..bytes.len(), &mut sentences);
    sentences
}

/// A range of `text` cut into pieces of at most [`MAX_SENTENCE_BYTES`] (at a space,
/// or without one at twice that on a character boundary), for statements that are
/// not split into sentences (a requirement row's text): the same bound on the work
/// per statement.
pub(crate) fn bounded(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    if range.len() <= MAX_SENTENCE_BYTES {
        return vec![range];
    }
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let mut start = range.start;
    for i in range.clone() {
        let long = i - start;
        if long >= MAX_SENTENCE_BYTES
            && (bytes[i] == b' ' || (long >= 2 * MAX_SENTENCE_BYTES && text.is_char_boundary(i)))
        {
            push_trimmed(text, start..i, &mut pieces);
            start = i;
        }
    }
    push_trimmed(text, start..range.end, &mut pieces);
    pieces
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// A dot that belongs to an abbreviation, a number («3.2», «1.») or a single letter.
fn is_non_final_dot(text: &str, sentence_start: usize, dot: usize) -> bool {
    let before = &text[sentence_start..dot];
    let word_start = before.rfind([' ', '(', '"']).map(|p| p + 1).unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    // «3.2», «1.», «a.» at the start of a list-like sentence, «kap. 5.» mid-number.
    let next = text[dot + 1..].chars().next();
    if word.chars().all(|c| c.is_ascii_digit() || c == '.') {
        // A number followed by a digit continues («3.2»); a number ending a sentence is rare
        // next to an item number («1. Leverandøren …»), so only a bare leading number is kept.
        return next.is_some_and(|c| c.is_ascii_digit()) || word_start == 0;
    }
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return true;
    }
    // Dotted abbreviations not in the list («f.o.m.»): letters separated by dots.
    word.contains('.') && word.split('.').all(|p| p.chars().count() <= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_at_sentence_ends() {
        assert_eq!(
            sentences(
                "løsningen skal støtte helseid. leverandøren bør beskrive sso! hva koster det?"
            ),
            vec![
                "løsningen skal støtte helseid.",
                "leverandøren bør beskrive sso!",
                "hva koster det?"
            ]
        );
    }

    #[test]
    fn keeps_norwegian_abbreviations_inside_the_sentence() {
        assert_eq!(
            sentences("løsningen skal bl.a. støtte e-resept, jf. pkt. 3.2 i bilag 1. neste krav."),
            vec![
                "løsningen skal bl.a. støtte e-resept, jf. pkt. 3.2 i bilag 1.",
                "neste krav."
            ]
        );
    }

    #[test]
    fn keeps_section_numbers_and_paragraph_signs() {
        assert_eq!(
            sentences("krav etter foa § 15-1 og kap. 7.2.1 gjelder. det er alt."),
            vec![
                "krav etter foa § 15-1 og kap. 7.2.1 gjelder.",
                "det er alt."
            ]
        );
    }

    #[test]
    fn dotted_unknown_abbreviation_does_not_split() {
        assert_eq!(
            sentences("gjelder f.o.m. 2026 og t.o.m. 2030."),
            vec!["gjelder f.o.m. 2026 og t.o.m. 2030."]
        );
    }

    #[test]
    fn cell_boundaries_end_sentences() {
        assert_eq!(
            sentences("k-1\u{1F}løsningen skal støtte sso\u{1F}m"),
            vec!["k-1", "løsningen skal støtte sso", "m"]
        );
    }

    #[test]
    fn a_sentence_without_end_is_cut_into_bounded_pieces() {
        let text = "ord ".repeat(10_000) + &"x".repeat(3 * MAX_SENTENCE_BYTES);
        let pieces = split(&text);
        assert!(pieces.len() > 10);
        assert!(pieces.iter().all(|r| r.len() <= 2 * MAX_SENTENCE_BYTES));
        let covered: usize = pieces.iter().map(|r| r.len()).sum();
        assert!(covered + pieces.len() >= text.trim().len());
    }

    #[test]
    fn bounded_cuts_only_long_ranges() {
        let text = "kort tekst";
        assert_eq!(bounded(text, 0..text.len()), vec![0..text.len()]);
        let long = "ord ".repeat(5_000);
        let pieces = bounded(&long, 0..long.len());
        assert!(pieces.len() >= 4);
        assert!(pieces.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES + 4));
    }

    #[test]
    fn empty_and_space_only_text_has_no_sentences() {
        assert!(split("").is_empty());
        assert!(split("   ").is_empty());
    }
}
