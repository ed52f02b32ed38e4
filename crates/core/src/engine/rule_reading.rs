//! A rule's own reading (`reading:` on a rule): a `require` rule whose topic an
//! option, an annex of the contract or the award criteria are reads them as
//! binding, where every other rule reads an option as weak, an annex named without
//! a modal verb as a description and what the award criteria state as evaluated.

use crate::rules::CompiledRule;
use crate::rules::schema::{AnnexReading, AwardReading, OptionReading};
use crate::text::Modality;

/// Whether the rule reads a statement of this modality and (normalised) text as
/// binding by its own reading: an option («Opsjon 2: Kommunen kan bestille …»)
/// for a rule about options, or a statement without a modal verb that names an
/// annex of the contract («SSA-O Bilag 8 Databehandleravtaler») for a rule about
/// an agreement that binds by being attached.
pub(super) fn binds(rule: &CompiledRule, modality: Modality, text: &str) -> bool {
    match modality {
        Modality::Option => reads_options_as_binding(rule),
        Modality::None => {
            rule.reading.annexes == AnnexReading::Binding
                && (crate::text::annexes::names_annex(text)
                    || crate::text::annexes::enters_an_agreement(text))
        }
        _ => false,
    }
}

/// Whether the rule reads options as binding: its topic is what an option buys.
pub(super) fn reads_options_as_binding(rule: &CompiledRule) -> bool {
    rule.reading.options == OptionReading::Binding
}

/// Whether the rule reads what the award criteria state as binding: its topic is
/// how the tenders are evaluated (usability tested with scenarios), which the award
/// criteria state rather than demand.
pub(super) fn binds_in_award_criteria(rule: &CompiledRule) -> bool {
    rule.reading.award_criteria == AwardReading::Binding
}
