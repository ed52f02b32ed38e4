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

/// The stems of a text's words, in order, stop words left out.
pub(crate) fn stems(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    each_stem(&lower, |s| out.push(s.to_string()));
    out
}

/// Calls `f` with the stem of each word of `lower` (lower-case text, such as
/// normalised tender text), stop words left out; a stem is a prefix of its word,
/// so nothing is allocated. Called on every normative sentence: it splits on
/// ASCII bytes that are not letters or digits (every byte of a non-ASCII
/// character is ≥ 0x80) and trims the rare non-ASCII punctuation at a word's ends.
pub(crate) fn each_stem<'t>(lower: &'t str, mut f: impl FnMut(&'t str)) {
    let bytes = lower.as_bytes();
    let word_byte = |b: u8| b >= 0x80 || b.is_ascii_alphanumeric();
    let mut at = 0;
    while at < bytes.len() {
        while at < bytes.len() && !word_byte(bytes[at]) {
            at += 1;
        }
        let start = at;
        while at < bytes.len() && word_byte(bytes[at]) {
            at += 1;
        }
        // Both ends are at ASCII bytes or the text's ends: char boundaries.
        let Some(token) = lower.get(start..at) else {
            continue;
        };
        let word = if token.is_ascii() {
            token
        } else {
            token.trim_matches(|c: char| !c.is_alphanumeric())
        };
        if word.len() < 2 || word.bytes().all(|b| b.is_ascii_digit()) || is_stop(word) {
            continue;
        }
        f(stem(word));
    }
}

/// Words that say nothing about a requirement's topic: function words, the modal
/// verbs, the parties every requirement names and the words of any requirement
/// («krav», «følge», «ISO … eller tilsvarende»), which made an environmental
/// or quality certificate look like an information-security one. A `match`
/// on the byte length, then on the word: called on every word a check stems,
/// where a binary search over the strings cost more than the stemming. Words
/// longer than 12 bytes are never stop words (so «leverandøren», 13 bytes, is
/// kept, as it always was: the similarity scores were chosen with it).
#[rustfmt::skip] // One line per length, not one per word.
fn is_stop(word: &str) -> bool {
    match word.len() {
        1 => matches!(word, "a" | "f"),
        2 => matches!(word,
            "an" | "as" | "at" | "av" | "be" | "bl" | "by" | "da" | "de" | "du" | "en" | "er" |
            "et" | "ha" | "in" | "is" | "mv" | "of" | "og" | "om" | "on" | "or" | "to" | "ut"
        ),
        3 => matches!(word,
            "and" | "are" | "dei" | "del" | "den" | "der" | "det" | "ein" | "eit" | "eks" | "for" |
            "fra" | "har" | "her" | "hva" | "inn" | "iso" | "kan" | "man" | "med" | "men" | "må" |
            "opp" | "osv" | "på" | "seg" | "sin" | "som" | "så" | "the" | "til" | "ved" | "vil" |
            "òg"
        ),
        4 => matches!(word,
            "alle" | "anna" | "bør" | "from" | "frå" | "før" | "hele" | "hver" | "ikke" | "krav" |
            "kvar" | "must" | "samt" | "sine" | "sitt" | "skal" | "slik" | "svar" | "that" |
            "this" | "utan" | "uten" | "vera" | "vere" | "vår" | "with"
        ),
        5 => matches!(word,
            "andre" | "annet" | "blant" | "både" | "denne" | "dette" | "døme" | "eller" | "etter" |
            "heile" | "ikkje" | "krava" | "kunde" | "kunne" | "også" | "shall" | "våre" | "være"
        ),
        6 => matches!(word,
            "følge" | "kravet" | "kunden" | "mellom" | "should" | "skulle" | "system"
        ),
        7 => matches!(word, "beskriv" | "besvare" | "følgje" | "kravene" | "kundens"),
        8 => matches!(word,
            "beskrive" | "eksempel" | "kommunen" | "løsning" | "løysing" | "oppfylla" | "oppfylle" |
            "solution" | "supplier" | "systemet"
        ),
        9 => matches!(word, "kommunens" | "løsninga" | "løysinga"),
        10 => matches!(word, "løsningen"),
        11 => matches!(word, "leverandør" | "requirement" | "tilsvarande" | "tilsvarende"),
        12 => matches!(word, "requirements"),
        _ => false,
    }
}

/// One lower-case word's stem: the word without its inflection ending, if at
/// least [`SHORTEST_STEM`] bytes remain.
pub(crate) fn stem(word: &str) -> &str {
    // Every ending ends in one of these letters: most words end otherwise. Bytes,
    // not chars: a non-ASCII character's last byte is ≥ 0x80.
    if !matches!(
        word.as_bytes().last(),
        Some(b'a' | b'e' | b'n' | b'r' | b's' | b't')
    ) {
        return word;
    }
    for ending in ENDINGS {
        // An ASCII ending at the word's end: the cut is at a char boundary.
        if word.len() >= SHORTEST_STEM + ending.len()
            && word.as_bytes().ends_with(ending.as_bytes())
            && let Some(stem) = word.get(..word.len() - ending.len())
        {
            return stem;
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stop words as they were listed (sorted, byte order) before `is_stop`
    /// became a `match`, with their binary search, as the reference.
    const STOP: &[&str] = &[
        "a",
        "alle",
        "an",
        "and",
        "andre",
        "anna",
        "annet",
        "are",
        "as",
        "at",
        "av",
        "be",
        "beskriv",
        "beskrive",
        "besvare",
        "bl",
        "blant",
        "by",
        "både",
        "bør",
        "da",
        "de",
        "dei",
        "del",
        "den",
        "denne",
        "der",
        "det",
        "dette",
        "du",
        "døme",
        "ein",
        "eit",
        "eks",
        "eksempel",
        "eller",
        "en",
        "er",
        "et",
        "etter",
        "f",
        "for",
        "fra",
        "from",
        "frå",
        "følge",
        "følgje",
        "før",
        "ha",
        "har",
        "heile",
        "hele",
        "her",
        "hva",
        "hver",
        "ikke",
        "ikkje",
        "in",
        "inn",
        "is",
        "iso",
        "kan",
        "kommunen",
        "kommunens",
        "krav",
        "krava",
        "kravene",
        "kravet",
        "kunde",
        "kunden",
        "kundens",
        "kunne",
        "kvar",
        "leverandør",
        "leverandøren",
        "leverandørens",
        "løsning",
        "løsninga",
        "løsningen",
        "løysing",
        "løysinga",
        "man",
        "med",
        "mellom",
        "men",
        "must",
        "mv",
        "må",
        "of",
        "og",
        "også",
        "om",
        "on",
        "opp",
        "oppfylla",
        "oppfylle",
        "or",
        "osv",
        "på",
        "requirement",
        "requirements",
        "samt",
        "seg",
        "shall",
        "should",
        "sin",
        "sine",
        "sitt",
        "skal",
        "skulle",
        "slik",
        "solution",
        "som",
        "supplier",
        "svar",
        "system",
        "systemet",
        "så",
        "that",
        "the",
        "this",
        "til",
        "tilsvarande",
        "tilsvarende",
        "to",
        "ut",
        "utan",
        "uten",
        "ved",
        "vera",
        "vere",
        "vil",
        "vår",
        "våre",
        "være",
        "with",
        "òg",
    ];

    fn is_stop_by_search(word: &str) -> bool {
        word.len() <= 12 && STOP.binary_search(&word).is_ok()
    }

    #[test]
    fn the_stop_word_match_agrees_with_the_sorted_list() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]));
        for word in STOP {
            assert_eq!(is_stop(word), is_stop_by_search(word), "{word}");
        }
        let text = "Leverandøren skal beskrive hvordan løsningen støtter e-resept, \
            kjernejournal og ISO 27001 eller tilsvarende; the supplier shall describe \
            requirements for løysinga og leverandørens kunden kommunens systemet òg";
        let mut words = 0;
        for word in text.to_lowercase().split(|c: char| !c.is_alphanumeric()) {
            assert_eq!(is_stop(word), is_stop_by_search(word), "{word}");
            words += 1;
        }
        assert!(words > 20);
    }

    /// `stem` as it was written with `str::strip_suffix`, as the reference.
    fn stem_by_strip_suffix(word: &str) -> &str {
        if !word.ends_with(['a', 'e', 'n', 'r', 's', 't']) {
            return word;
        }
        for ending in ENDINGS {
            if let Some(stem) = word.strip_suffix(ending)
                && stem.len() >= SHORTEST_STEM
            {
                return stem;
            }
        }
        word
    }

    #[test]
    fn the_byte_stem_agrees_with_strip_suffix() {
        let words = "journalløsningen journalløsninger løysinga tenesta teneste \
            kjernejournalen sikkerheten tryggheita brukerne tilgangene ansatte \
            leverandørens leverandøren årsaken går bør øst ærets kvitteringsmeldinger \
            meldingene rapportert rapporterte støtter støttes å as es ers ert ane \
            heten heita endeane dataene ståande";
        for word in words.split(' ').filter(|w| !w.is_empty()) {
            assert_eq!(stem(word), stem_by_strip_suffix(word), "{word}");
        }
        for word in STOP {
            assert_eq!(stem(word), stem_by_strip_suffix(word), "{word}");
        }
    }

    #[test]
    fn inflected_forms_share_a_stem_and_stop_words_go() {
        assert_eq!(stem("journalløsningen"), stem("journalløsninger"));
        assert_eq!(stem("kjernejournalen"), stem("kjernejournal"));
        assert_eq!(stem("tenesta"), stem("teneste"));
        assert_eq!(
            stems("Løsningen skal støtte e-resept."),
            [stem("støtte"), stem("resept")]
        );
        let mut each = Vec::new();
        each_stem("løsningen skal støtte e-resept.", |s| each.push(s));
        assert_eq!(each, [stem("støtte"), stem("resept")]);
    }
}
