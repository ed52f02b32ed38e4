//! Annexes of a contract («Bilag 8», «vedlegg 4», «sikkerhetsbilaget», "Annex 11"):
//! a text that names its topic as one names a document attached to the contract,
//! which binds the parties by being attached, whatever the sentence's modal verb.

use super::modality::words;

/// How a word naming an annex begins (nb, nn, en); compounds that end in one
/// («sikkerhetsbilag», «prisvedlegg») name an annex too.
const ANNEX_WORDS: &[&str] = &[
    "bilag",
    "vedlegg",
    "annex",
    "appendix",
    "appendices",
    "schedule",
    // What is attached is an annex too: «DFØ sin mal for databehandleravtale er vedlagt»
    // (nb «vedlagt», «vedlagte»; nn «vedlagd», «vedlagde»; "attached").
    "vedlagt",
    "vedlagd",
    "attached",
];

/// The longest inflection after an annex word («bilagene», «vedlegga», "annexes");
/// a longer tail is another word («bilagsføring»).
const MAX_ENDING: usize = 3;

/// True when a normalised text names an annex of the contract: a word that is or
/// ends in «bilag»/«vedlegg» with at most an inflection after it («bilaget»,
/// «sikkerhetsbilaget», «vedlegga»), or "annex", "appendix", "schedule". The same words make `CON-005` see an attached agreement,
/// so the rules that read annexes agree with it.
pub(crate) fn names_annex(text: &str) -> bool {
    words(text).any(|word| {
        ANNEX_WORDS.iter().any(|annex| {
            word.match_indices(annex)
                .any(|(at, _)| word.len() - at - annex.len() <= MAX_ENDING)
        })
    })
}

/// Phrases that say an agreement is entered into as part of the contract («Databehandleravtale
/// inngås», «… vert inngått», "A data processing agreement is entered into"): a stated fact of
/// the contract, which binds as an annex does.
const ENTERED_INTO: &[&str] = &[
    "inngås",
    "inngåast",
    // «blir inngått», «vert inngått», «blir det inngått», «vil bli inngått».
    "inngått",
    "entered into",
    "is concluded",
    "will be concluded",
];

/// True when a normalised text says an agreement is entered into.
pub(crate) fn enters_an_agreement(text: &str) -> bool {
    ENTERED_INTO.iter().any(|p| text.contains(p))
}

#[cfg(test)]
mod tests {
    use super::names_annex;
    use crate::text::normalize;

    fn names(text: &str) -> bool {
        names_annex(&normalize(text).text)
    }

    #[test]
    fn an_annex_is_named() {
        assert!(names("Se SSA-O Bilag 8 Databehandleravtaler."));
        assert!(names("Databehandlaravtale, jf. vedlegg nr. 4"));
        assert!(names("Databehandleravtalen ligger ved som vedlegg."));
        assert!(names("Databehandleravtalen i sikkerhetsbilaget gjelder."));
        assert!(names("The DPA in Annex 11 applies."));
        assert!(names("DFØ sin mal for databehandleravtale er vedlagt."));
    }

    #[test]
    fn a_text_without_an_annex_does_not() {
        assert!(!names(
            "Leverandøren har databehandleravtaler med sine underleverandører."
        ));
        assert!(!names("Bilagsføring skjer i økonomisystemet."));
    }
}
