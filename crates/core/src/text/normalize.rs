//! One normalisation for tender text and rule terms, so that «Kjerne­journal»
//! (soft hyphen), «KJERNEJOURNAL», «kjernejournal» with NBSP around it and a
//! decomposed «å» all compare equal — with a map back to the original offsets.

use super::CELL_SEPARATOR;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

/// Normalised text plus a map from its byte offsets back to the original's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text: NFC, lower case, dashes folded, white space collapsed ([`normalize`]).
    pub text: String,
    /// Runs `(normalised offset, original offset)` inside which offsets advance
    /// together; a new run starts where normalisation dropped, folded or collapsed
    /// bytes. Most text is one long run, so the map costs little memory.
    runs: Vec<(u32, u32)>,
    original_len: u32,
}

/// Records that normalised byte `normalized` came from original byte `original`.
fn map(runs: &mut Vec<(u32, u32)>, normalized: usize, original: u32) {
    let normalized = normalized as u32;
    if let Some(&(n, o)) = runs.last()
        && i64::from(o) - i64::from(n) == i64::from(original) - i64::from(normalized)
    {
        return;
    }
    runs.push((normalized, original));
}

impl Normalized {
    /// The original byte offset of normalised byte `offset`.
    pub fn to_original(&self, offset: usize) -> usize {
        if offset >= self.text.len() {
            return self.original_len as usize;
        }
        let index = self
            .runs
            .partition_point(|&(n, _)| n as usize <= offset)
            .saturating_sub(1);
        match self.runs.get(index) {
            Some(&(n, o)) => (o as usize + (offset - n as usize)).min(self.original_len as usize),
            None => 0,
        }
    }

    /// The original byte range of a normalised range.
    pub fn original_range(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.to_original(range.start);
        let end = if range.end > range.start {
            // The end is just past the last normalised byte's original character.
            let last = self.to_original(range.end - 1);
            self.to_original(range.end).max(last + 1)
        } else {
            start
        };
        start..end
    }
}

/// NFC, lower case, dashes folded to `-`, soft hyphens dropped, every run of
/// white space (NBSP included) folded to one space, leading/trailing space dropped.
pub fn normalize(input: &str) -> Normalized {
    let mut out = Builder::with_capacity(input.len());
    let bytes = input.as_bytes();
    let mut segments = Segments::new(input);
    while segments.pos < bytes.len() {
        // Fast path: a run of ASCII letters, digits and punctuation is already NFC and
        // only needs lower-casing; its offsets advance together, so it is one map run.
        // The run's last character stays out when a non-ASCII byte follows it, since
        // that may be a combining mark composing with it.
        // A single space between two such characters maps one to one as well, so
        // the run goes on over it (most of a tender's spaces).
        let pos = segments.pos;
        let mut end = pos;
        while let Some(&b) = bytes.get(end) {
            let single_space = b == b' '
                && end > pos
                && bytes.get(end + 1).is_some_and(|&next| is_plain_ascii(next));
            if !is_plain_ascii(b) && !single_space {
                break;
            }
            end += 1;
        }
        if end < bytes.len() && !bytes[end].is_ascii() {
            end = end.saturating_sub(1).max(pos);
        }
        // A run never ends in a space: when the character after it had to stay out,
        // the space goes with it, as it always did.
        if end > pos && bytes[end - 1] == b' ' {
            end -= 1;
        }
        if end > pos {
            out.push_ascii_run(&input[pos..end], pos as u32);
            segments.pos = end;
            continue;
        }
        // Compose per starter segment so each output char maps to the offset of the
        // segment it came from; most tender text is already NFC.
        let Some((start, segment)) = segments.next_segment() else {
            break;
        };
        let mut chars = segment.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => out.push(c, start as u32),
            _ => segment.nfc().for_each(|c| out.push(c, start as u32)),
        }
    }
    out.finish(input)
}

/// ASCII that normalisation keeps as it is, but for case: not white space, not the
/// cell separator.
fn is_plain_ascii(b: u8) -> bool {
    b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ') && b != CELL_SEPARATOR as u8
}

/// The normalised text under construction.
struct Builder {
    text: String,
    runs: Vec<(u32, u32)>,
    /// Where a run of white space began, to be written as one space before the next
    /// visible character (and dropped at the end).
    pending_space: Option<u32>,
}

impl Builder {
    fn with_capacity(capacity: usize) -> Builder {
        Builder {
            text: String::with_capacity(capacity),
            runs: Vec::new(),
            pending_space: None,
        }
    }

    fn finish(self, input: &str) -> Normalized {
        Normalized {
            text: self.text,
            runs: self.runs,
            original_len: input.len() as u32,
        }
    }

    fn flush_space(&mut self) {
        if let Some(space_at) = self.pending_space.take() {
            self.text.push(' ');
            map(&mut self.runs, self.text.len() - 1, space_at);
        }
    }

    /// Appends plain ASCII (see [`is_plain_ascii`]) that starts at original byte `at`.
    fn push_ascii_run(&mut self, run: &str, at: u32) {
        self.flush_space();
        let start = self.text.len();
        map(&mut self.runs, start, at);
        self.text.push_str(run);
        self.text[start..].make_ascii_lowercase();
    }

    fn push(&mut self, c: char, at: u32) {
        if c == CELL_SEPARATOR {
            // Cell boundaries survive normalisation: sentences and terms never cross them.
            self.pending_space = None;
            self.text.push(c);
            map(&mut self.runs, self.text.len() - c.len_utf8(), at);
            return;
        }
        if c.is_whitespace() || c == '\u{FEFF}' {
            if !self.text.is_empty() && self.pending_space.is_none() {
                self.pending_space = Some(at);
            }
            return;
        }
        let folded = match c {
            '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' => return,
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            other => other,
        };
        self.flush_space();
        if folded.is_ascii() {
            self.text.push(folded.to_ascii_lowercase());
            map(&mut self.runs, self.text.len() - 1, at);
        } else {
            for lower in folded.to_lowercase() {
                let before = self.text.len();
                self.text.push(lower);
                map(&mut self.runs, before, at);
            }
        }
    }
}

/// Iterates over "a starter and its combining marks" segments of a string.
struct Segments<'a> {
    input: &'a str,
    pos: usize,
}

impl<'a> Segments<'a> {
    fn new(input: &'a str) -> Self {
        Segments { input, pos: 0 }
    }

    fn next_segment(&mut self) -> Option<(usize, &'a str)> {
        let rest = &self.input[self.pos..];
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let mut end = first.len_utf8();
        for (i, c) in chars {
            // Everything below U+0300 is a starter: skip the table look-up for the
            // Latin text tenders are made of.
            if c < '\u{300}' || canonical_combining_class(c) == 0 && !is_hangul_jamo_vt(c) {
                break;
            }
            end = i + c.len_utf8();
        }
        let start = self.pos;
        self.pos += end;
        Some((start, &rest[..end]))
    }
}

fn is_hangul_jamo_vt(c: char) -> bool {
    ('\u{1161}'..='\u{11FF}').contains(&c)
}

/// Normalises a rule term the same way as text.
pub(crate) fn normalize_term(term: &str) -> String {
    normalize(term).text
}

/// True for characters that make up words: letters and digits in any script.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_nbsp_soft_hyphen_and_dashes() {
        let n = normalize("KJERNE\u{AD}JOURNAL\u{A0}\u{A0}og e\u{2013}resept");
        assert_eq!(n.text, "kjernejournal og e-resept");
    }

    #[test]
    fn composes_decomposed_norwegian_letters_and_maps_back() {
        let original = "A\u{30A}rlig gjennomgang";
        let n = normalize(original);
        assert_eq!(n.text, "årlig gjennomgang");
        let start = n.text.find("gjennomgang").unwrap();
        let range = n.original_range(start..n.text.len());
        assert_eq!(&original[range], "gjennomgang");
        assert_eq!(n.to_original(0), 0);
    }

    #[test]
    fn maps_offsets_across_removed_soft_hyphens() {
        let original = "Løsningen skal integreres med kjerne\u{AD}journalen.";
        let n = normalize(original);
        let start = n.text.find("kjernejournalen").unwrap();
        let range = n.original_range(start..start + "kjernejournalen".len());
        assert_eq!(&original[range], "kjerne\u{AD}journalen");
    }

    #[test]
    fn trims_and_collapses_whitespace() {
        assert_eq!(
            normalize("  Leverandøren\n\t skal  ").text,
            "leverandøren skal"
        );
    }

    #[test]
    fn upper_case_aeoeaa_lowercase() {
        assert_eq!(normalize("ØVRIGE KRAV ÆØÅ").text, "øvrige krav æøå");
    }
}

#[cfg(test)]
mod map_tests {
    use super::*;

    #[test]
    fn offsets_map_back_through_multibyte_letters_and_collapsed_space() {
        let original = "Leverandøren  skal\u{A0}støtte ÅPNE\u{2013}API";
        let n = normalize(original);
        assert_eq!(n.text, "leverandøren skal støtte åpne-api");
        for word in ["skal", "støtte", "åpne", "api"] {
            let at = n.text.find(word).unwrap();
            let range = n.original_range(at..at + word.len());
            assert_eq!(original[range].to_lowercase(), word, "{word}");
        }
        assert_eq!(n.to_original(n.text.len()), original.len());
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    /// The normalisation without the ASCII fast path: every character through
    /// `Builder::push`, segment by segment.
    fn normalize_slowly(input: &str) -> Normalized {
        let mut out = Builder::with_capacity(input.len());
        let mut segments = Segments::new(input);
        while let Some((start, segment)) = segments.next_segment() {
            segment.nfc().for_each(|c| out.push(c, start as u32));
        }
        out.finish(input)
    }

    #[test]
    fn fast_path_agrees_with_the_character_path() {
        let alphabet = [
            "a", "B", "z", " ", "\t", "\n", "\u{1F}", "e\u{301}", "\u{301}", "A\u{30A}", "ø", "Å",
            "\u{AD}", "\u{A0}", "\u{2013}", "-", ".", "1", "«", "»", "ß", "İ", "\u{FEFF}", "\r",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut input = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (seed >> 59) as usize + 1;
            for _ in 0..len {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                input.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            let fast = normalize(&input);
            let slow = normalize_slowly(&input);
            assert_eq!(fast.text, slow.text, "{input:?}");
            for offset in 0..=fast.text.len() {
                assert_eq!(
                    fast.to_original(offset),
                    slow.to_original(offset),
                    "{input:?} at {offset}"
                );
            }
        }
    }
}
