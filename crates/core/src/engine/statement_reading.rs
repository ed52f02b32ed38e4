//! How the set's opt-in readings (`reading:`) read one statement: in the award
//! criteria, under a condition, in a row left without a type, under a heading that
//! says what its section's requirements are.

use super::reading;
use super::section_reading::SectionSays;
use crate::text::modality::Modality;

/// What the opt-in reading behaviours (`reading:`) say about one statement; whether
/// it is conditional is read once, when a rule first needs to know.
pub(super) struct StatementReading {
    /// The set reads conditions.
    pub(super) conditions: bool,
    /// The set reads award criteria.
    pub(super) award_criteria: bool,
    /// The statement is in an award-criteria section, table or list.
    pub(super) in_award_criteria: bool,
    pub(super) conditional: Option<bool>,
    /// The statement weighs a criterion («Kvalitet 40 %»).
    pub(super) weighs: Option<bool>,
    /// The statement is a row left without a type in a table with a type column,
    /// and the set reads such rows as weak (`reading: untyped_rows`).
    pub(super) untyped_row: bool,
    /// What the headings above the statement say of their section's requirements.
    pub(super) section: SectionSays,
    pub(super) row_typed: bool,
}

impl StatementReading {
    pub(super) fn is_evaluation(&mut self, text: &str) -> bool {
        self.award_criteria
            && (self.in_award_criteria
                || *self
                    .weighs
                    .get_or_insert_with(|| reading::weighs_a_criterion(text)))
    }

    /// A statement without a modal verb under a heading of qualification requirements:
    /// a qualification requirement must be met to take part, however it is worded.
    pub(super) fn qualifies(&self, modality: Modality) -> bool {
        self.section == SectionSays::Qualification && modality == Modality::None
    }

    /// `options_bind`: the rule reads options, and so an option's section, as binding.
    pub(super) fn is_conditional(&mut self, text: &str, options_bind: bool) -> bool {
        self.section == SectionSays::Conditional && !options_bind
            || self.conditions
                && *self
                    .conditional
                    .get_or_insert_with(|| crate::text::conditions::is_conditional(text))
    }
}
