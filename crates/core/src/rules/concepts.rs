//! The concept lexicon of a rule set: words many rules share (to share, to show, to
//! make available; the municipal service areas; patient information …) defined once
//! in bokmål, nynorsk and English, and named in a rule's groups as `{ concept: deling }`.
//! A concept is expanded into its words where the rule set compiles, so it costs no
//! more at run time than writing the words out; `tenderlint explain` shows the
//! concepts a rule names with their words.

use super::schema::{Concept, Localized, Match, RuleSetFile, Term, TermMode};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A concept as the compiled set keeps it for `explain` and the review profiles:
/// its words as written, without the YAML they were read from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConceptWords {
    /// What rules call it (`deling`).
    pub id: String,
    /// What it means.
    pub title: Localized,
    /// Bokmål words.
    pub nb: Vec<ConceptWord>,
    /// Nynorsk words.
    pub nn: Vec<ConceptWord>,
    /// English words.
    pub en: Vec<ConceptWord>,
}

/// One word of a concept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConceptWord {
    /// As a rule writes it (`kjernejournal*`, `share*`, `(products)`).
    pub shown: String,
    /// The term's text without the long form's mode (`None` for products): what
    /// the review profiles fold as a synonym.
    pub text: Option<String>,
}

impl ConceptWords {
    pub(super) fn of(concept: &Concept) -> ConceptWords {
        let words = |terms: &[Term]| terms.iter().map(ConceptWord::of).collect();
        ConceptWords {
            id: concept.id.value.clone(),
            title: concept.title.clone(),
            nb: words(&concept.nb),
            nn: words(&concept.nn),
            en: words(&concept.en),
        }
    }

    /// Every word of the concept, whatever its language.
    pub fn words(&self) -> impl Iterator<Item = &ConceptWord> {
        self.nb.iter().chain(&self.nn).chain(&self.en)
    }
}

impl ConceptWord {
    fn of(term: &Term) -> ConceptWord {
        let (shown, text) = match term {
            Term::Short(s) => (s.clone(), Some(s.clone())),
            Term::Long(spec) => (
                match spec.mode {
                    Some(TermMode::Prefix) => format!("{}*", spec.term),
                    Some(TermMode::Suffix) => format!("*{}", spec.term),
                    Some(TermMode::Substring) => format!("*{}*", spec.term),
                    Some(TermMode::Word | TermMode::Exact) | None => spec.term.clone(),
                },
                Some(spec.term.clone()),
            ),
            Term::Products(_) => ("(products)".to_string(), None),
            Term::Concept(c) => (c.concept.clone(), None),
        };
        ConceptWord { shown, text }
    }
}

/// The set's concepts by id, for expanding the terms of its rules.
pub(super) struct Lexicon<'a> {
    by_id: HashMap<&'a str, &'a Concept>,
}

impl<'a> Lexicon<'a> {
    pub(super) fn of(file: &'a RuleSetFile) -> Lexicon<'a> {
        Lexicon {
            by_id: file
                .concepts
                .iter()
                .map(|c| (c.id.value.as_str(), c))
                .collect(),
        }
    }

    /// A group's terms with every concept replaced by its words; the ids of the
    /// concepts named are added to `used` (once each).
    pub(super) fn expand(&self, terms: &'a [Term], used: &mut Vec<String>) -> Vec<&'a Term> {
        let mut out = Vec::with_capacity(terms.len());
        for term in terms {
            match term {
                Term::Concept(c) => {
                    if !used.contains(&c.concept) {
                        used.push(c.concept.clone());
                    }
                    if let Some(concept) = self.by_id.get(c.concept.as_str()) {
                        out.extend(concept.terms());
                    }
                }
                other => out.push(other),
            }
        }
        out
    }
}

/// Problems of the lexicon itself (ids, duplicates, a concept inside a concept) and
/// every concept a pattern names that the set does not define.
pub(super) fn problems(file: &RuleSetFile) -> Vec<(String, Option<ConceptSpan<'_>>)> {
    let mut out = Vec::new();
    let mut seen: HashMap<&str, ()> = HashMap::new();
    for concept in &file.concepts {
        let id = concept.id.value.as_str();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            out.push((
                format!("concept id `{id}` must be lower-case letters, digits and hyphens"),
                Some(ConceptSpan::Concept(concept)),
            ));
        }
        if seen.insert(id, ()).is_some() {
            out.push((
                format!("duplicate concept `{id}`"),
                Some(ConceptSpan::Concept(concept)),
            ));
        }
        if concept.terms().next().is_none() {
            out.push((
                format!("concept `{id}` has no words"),
                Some(ConceptSpan::Concept(concept)),
            ));
        }
        if concept.terms().any(|t| matches!(t, Term::Concept(_))) {
            out.push((
                format!("concept `{id}` names another concept; write its words instead"),
                Some(ConceptSpan::Concept(concept)),
            ));
        }
    }
    for rule in &file.rules {
        for pattern in rule.pattern.iter().chain(&rule.with) {
            let mut named = Vec::new();
            names(&pattern.value, &mut named);
            for name in named {
                if !seen.contains_key(name) {
                    out.push((
                        format!(
                            "rule `{}` names the concept `{name}`, which the set does not define",
                            rule.id.value
                        ),
                        Some(ConceptSpan::Pattern(pattern)),
                    ));
                }
            }
        }
    }
    for service in &file.services {
        if service.detect.iter().any(|t| matches!(t, Term::Concept(_))) {
            out.push((
                format!(
                    "service `{}` detects by a concept; list its words instead",
                    service.id
                ),
                None,
            ));
        }
    }
    out
}

/// Where a problem of the lexicon is shown.
pub(super) enum ConceptSpan<'a> {
    Concept(&'a Concept),
    Pattern(&'a serde_saphyr::Spanned<Match>),
}

/// Every concept a pattern names, with its alternatives'.
fn names<'m>(m: &'m Match, out: &mut Vec<&'m str>) {
    let groups = m
        .any
        .iter()
        .chain(m.all.iter().flatten())
        .chain(&m.not)
        .chain(m.near.iter().flat_map(|n| n.groups.iter().flatten()));
    for term in groups {
        if let Term::Concept(c) = term {
            out.push(c.concept.as_str());
        }
    }
    for alternative in &m.one_of {
        names(alternative, out);
    }
}
