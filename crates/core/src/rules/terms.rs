//! How a rule writes a term in its short form, read in one place: the compiler
//! builds the automaton from it and the loader's checks ask it whether a term or an
//! `except:` entry is empty, so the two can never read a term differently.

use super::schema::TermMode;

/// `kjernejournal*` → prefix, `*integrasjon` → suffix, `*journal*` → substring,
/// else a whole word; with the text between the stars.
pub(crate) fn short(raw: &str) -> (TermMode, &str) {
    let raw = raw.trim();
    match (raw.starts_with('*'), raw.ends_with('*') && raw.len() > 1) {
        (true, true) => (TermMode::Substring, raw.trim_matches('*')),
        (true, false) => (TermMode::Suffix, raw.trim_start_matches('*')),
        (false, true) => (TermMode::Prefix, raw.trim_end_matches('*')),
        (false, false) => (TermMode::Word, raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_give_the_mode_and_are_not_part_of_the_term() {
        assert_eq!(short("kjernejournal*"), (TermMode::Prefix, "kjernejournal"));
        assert_eq!(short("*integrasjon"), (TermMode::Suffix, "integrasjon"));
        assert_eq!(short("*journal*"), (TermMode::Substring, "journal"));
        assert_eq!(short(" helseid "), (TermMode::Word, "helseid"));
        assert_eq!(
            short("logget på som gjest"),
            (TermMode::Word, "logget på som gjest")
        );
        // A star alone is an empty suffix, which the loader refuses as an empty term.
        assert_eq!(short("*"), (TermMode::Suffix, ""));
        assert_eq!(short("**"), (TermMode::Substring, ""));
    }
}
