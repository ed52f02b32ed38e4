//! The word table's words for clap's usage errors (issue 25): the frame (`error:`,
//! `tip:`, `Usage:`, where to find help) and the messages whose data clap gives,
//! worded by the binary when the user asked for nb or nn. The English rows are
//! clap's own words, which the binary prints itself for English.

use super::Entry;

pub(super) const USAGE: &[Entry] = &[
    ("usage-error", "feil:", "feil:", "error:"),
    ("usage-tip", "tips:", "tips:", "tip:"),
    ("usage-usage", "Bruk:", "Bruk:", "Usage:"),
    (
        "usage-more",
        "Mer hjelp: '--help'.",
        "Meir hjelp: '--help'.",
        "For more information, try '--help'.",
    ),
    (
        "usage-unknown-argument",
        "ukjent argument '{arg}'",
        "ukjend argument '{arg}'",
        "unexpected argument '{arg}' found",
    ),
    (
        "usage-unknown-command",
        "ukjent kommando '{arg}'",
        "ukjend kommando '{arg}'",
        "unrecognized subcommand '{arg}'",
    ),
    (
        "usage-value-required",
        "'{arg}' trenger en verdi, men fikk ingen",
        "'{arg}' treng ein verdi, men fekk ingen",
        "a value is required for '{arg}' but none was supplied",
    ),
    (
        "usage-invalid-value",
        "ugyldig verdi '{value}' for '{arg}'",
        "ugyldig verdi '{value}' for '{arg}'",
        "invalid value '{value}' for '{arg}'",
    ),
    (
        "usage-possible-values",
        "mulige verdier",
        "moglege verdiar",
        "possible values",
    ),
    (
        "usage-missing",
        "disse argumentene mangler:",
        "desse argumenta manglar:",
        "the following required arguments were not provided:",
    ),
    (
        "usage-similar",
        "mente du {names}?",
        "meinte du {names}?",
        "a similar name exists: {names}",
    ),
    (
        "usage-pass-as-value",
        "skriv '-- {arg}' for å gi '{arg}' som en verdi",
        "skriv '-- {arg}' for å gje '{arg}' som ein verdi",
        "to pass '{arg}' as a value, use '-- {arg}'",
    ),
];
