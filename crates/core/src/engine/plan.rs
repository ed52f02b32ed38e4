//! What a rule set reads a tender with before it observes any statement: which
//! rules each term triggers, and per document which sections are non-normative,
//! about the scope, or the award criteria, and which abbreviations the tender
//! redefines.

use super::exclusion::{Exclusions, NegatedBlocks, exclusions};
use super::forms;
use super::reading;
use super::scope::scope_sections;
use crate::document::Document;
use crate::rules::RuleSet;

/// What a rule set needs at hand while observing: which rules each term triggers,
/// and each document's non-normative sections by its headings.
pub(super) struct SetPlan {
    pub(super) triggers: Triggers,
    /// Indexed by document, then section.
    pub(super) nonnormative: Vec<Vec<bool>>,
    /// Award-criteria sections, indexed by document, then section (`reading:
    /// award_criteria`; empty otherwise).
    pub(super) award: Vec<Vec<bool>>,
    /// Per document, what each section's heading says of its requirements (`reading:
    /// section_headings`; empty otherwise).
    pub(super) sections: Vec<Vec<super::section_reading::SectionSays>>,
    /// The abbreviations each rule does not count in this tender (`reading:
    /// definitions`), indexed by rule.
    pub(super) redefined: reading::Redefinitions,
    /// Sections about the tender's scope, where service detection reads even
    /// background text («1 Innledning og omfang»). Indexed like `nonnormative`.
    pub(super) scope: Vec<Vec<bool>>,
    /// The `require` rules' profiles for «possibly covered — check».
    pub(super) review: std::sync::Arc<crate::rules::review::ReviewProfiles>,
    /// The terms the tender's scope exclusions name, by rule (`reading:
    /// exclusions`; empty lists otherwise).
    pub(super) excluded: Exclusions,
    /// By term: whether a service's `detect` list has it.
    pub(super) detects: Vec<bool>,
}

impl SetPlan {
    pub(super) fn new(
        set: &RuleSet,
        docs: &[Document],
        definitions: &[reading::Definition],
        negated: &NegatedBlocks,
    ) -> SetPlan {
        let mut by_term: Vec<Vec<usize>> = vec![Vec::new(); set.matcher.term_count()];
        let mut always = Vec::new();
        for (ri, rule) in set.rules.iter().enumerate() {
            if rule.always {
                always.push(ri);
            }
            for &t in &rule.triggers {
                if let Some(rules) = by_term.get_mut(t) {
                    rules.push(ri);
                }
            }
        }
        let nonnormative: Vec<Vec<bool>> = docs
            .iter()
            .map(|doc| nonnormative_sections(doc, set))
            .collect();
        let scope: Vec<Vec<bool>> = docs.iter().map(scope_sections).collect();
        let mut detects = vec![false; set.matcher.term_count()];
        for &t in set.services.iter().flat_map(|s| &s.detect) {
            if let Some(d) = detects.get_mut(t) {
                *d = true;
            }
        }
        SetPlan {
            detects,
            triggers: Triggers { by_term, always },
            excluded: exclusions(set, docs, negated, (&nonnormative, &scope)),
            nonnormative,
            award: if set.reading.award_criteria {
                docs.iter().map(reading::award_sections).collect()
            } else {
                Vec::new()
            },
            sections: if set.reading.section_headings {
                docs.iter()
                    .map(super::section_reading::section_readings)
                    .collect()
            } else {
                Vec::new()
            },
            redefined: reading::redefinitions(set, definitions),
            scope,
            review: crate::rules::review::ReviewProfiles::of(set),
        }
    }
}

/// Which rules a term can trigger, and the rules evaluated on every statement.
pub(super) struct Triggers {
    /// Indexed by term: looked up for every hit, so no hashing.
    pub(super) by_term: Vec<Vec<usize>>,
    pub(super) always: Vec<usize>,
}

/// Sections whose heading (or an ancestor's, unless its own names the contract and the
/// set reads `section_headings`) starts with a non-normative heading term;
/// for a set that reads forms (`reading: forms`), every section of a standard
/// contract text (the state's own wording, which the buyer attaches and does not
/// write: [`forms::is_standard_contract_text`]).
pub(crate) fn nonnormative_sections(doc: &Document, set: &RuleSet) -> Vec<bool> {
    if set.reading.forms && forms::is_standard_contract_text(doc) {
        return vec![true; doc.sections.len()];
    }
    let mut flags = vec![false; doc.sections.len()];
    for (i, section) in doc.sections.iter().enumerate() {
        let inherited = section.parent.is_some_and(|p| p < i && flags[p]);
        let title = crate::text::normalize(&section.title).text;
        // «Bakgrunn og formål» starts with «bakgrunn»; «Bakgrunnsdata for integrasjon» does not:
        // a heading term must end at a word boundary, compounds are listed explicitly.
        let own = !title.is_empty()
            && set.non_normative_headings.iter().any(|h| {
                title.starts_with(h.as_str())
                    && !title[h.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
            });
        // The contract's own terms and annexes bind, even listed in the introduction
        // («1 Innledning › 1.4 Kontraktsbilag»).
        let contract =
            set.reading.section_headings && super::section_reading::names_the_contract(&title);
        flags[i] = inherited && !contract || own;
    }
    flags
}
