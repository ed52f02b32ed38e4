//! The word table's words for what there is to fix (the to-do list, the
//! counts per severity) and the messages of the outcomes a rule set writes no
//! text for (issue 25). The outcome words themselves are in the main table.

use super::Entry;

pub(super) const OUTCOMES: &[Entry] = &[
    // What there is to fix, most important first (issue 25).
    ("to-fix", "å rette", "å rette", "to fix"),
    ("todo-title", "Å rette", "Å rette", "To fix"),
    (
        "todo-none",
        "Ingenting å rette.",
        "Ingenting å rette.",
        "Nothing to fix.",
    ),
    ("warning-1", "{n} advarsel", "{n} åtvaring", "{n} warning"),
    (
        "warnings-n",
        "{n} advarsler",
        "{n} åtvaringar",
        "{n} warnings",
    ),
    ("infos-n", "{n} info", "{n} info", "{n} info"),
    (
        "per-category",
        "Per kategori",
        "Per kategori",
        "By category",
    ),
    // The message of an outcome a rule set writes no text for.
    (
        "message-met-binding",
        "Dekket av et bindende krav i konkurransegrunnlaget; funnet viser hvor.",
        "Dekt av eit bindande krav i konkurransegrunnlaget; funnet viser kvar.",
        "Covered by a binding requirement in the tender; the evidence shows where.",
    ),
    (
        "message-met-stated",
        "Konkurransegrunnlaget sier dette; funnet viser hvor.",
        "Konkurransegrunnlaget seier dette; funnet viser kvar.",
        "The tender states this; the evidence shows where.",
    ),
    (
        "message-weak-accepted",
        "Bare nevnt svakt («bør», evalueringskriterium eller opsjon): regelen godtar det, men det binder ikke leverandøren. Skriv det som et «skal»-krav for å binde.",
        "Berre nemnt svakt («bør», evalueringskriterium eller opsjon): regelen godtek det, men det bind ikkje leverandøren. Skriv det som eit «skal»-krav for å binde.",
        "Only mentioned weakly (should, an award criterion or an option): the rule accepts it, but it does not bind the supplier. Write it as a binding requirement (shall, must) to bind.",
    ),
    (
        "message-weak-not-accepted",
        "Bare nevnt svakt («bør», evalueringskriterium eller opsjon): det binder ikke leverandøren, og regelen krever et bindende krav. Skriv det som et «skal»-krav.",
        "Berre nemnt svakt («bør», evalueringskriterium eller opsjon): det bind ikkje leverandøren, og regelen krev eit bindande krav. Skriv det som eit «skal»-krav.",
        "Only mentioned weakly (should, an award criterion or an option): it does not bind the supplier, and the rule wants a binding requirement. Write it as one (shall, must).",
    ),
    (
        "message-passed",
        "Ingen funn: konkurransegrunnlaget har ikke det regelen ser etter.",
        "Ingen funn: konkurransegrunnlaget har ikkje det regelen ser etter.",
        "Nothing found: the tender has none of what the rule looks for.",
    ),
    (
        "message-not-applicable",
        "Gjelder ikke tjenestene denne anskaffelsen omfatter.",
        "Gjeld ikkje tenestene denne anskaffinga omfattar.",
        "Does not apply to the services this procurement covers.",
    ),
];

#[cfg(test)]
mod tests {
    /// A key the table lacks prints as itself: the words of the outcomes, the to-do
    /// list and the generated messages must all be there.
    #[test]
    fn the_outcome_and_to_do_words_exist() {
        for key in crate::findings::Outcome::ALL
            .iter()
            .map(|o| o.as_str())
            .chain([
                "rules",
                "to-fix",
                "todo-title",
                "todo-none",
                "warning-1",
                "warnings-n",
                "infos-n",
                "per-category",
                "message-met-binding",
                "message-met-stated",
                "message-weak-accepted",
                "message-weak-not-accepted",
                "message-passed",
                "message-not-applicable",
            ])
        {
            assert!(super::super::lookup(key).is_some(), "{key}");
        }
    }
}
