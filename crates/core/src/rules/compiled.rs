//! A rule set ready to run: the parsed file's rules with their patterns compiled
//! against one [`TermMatcher`], equal patterns numbered alike, and the set's
//! identity (origin, SHA-256) kept for reports and pins.

use super::concepts::{ConceptWords, Lexicon};
use super::load;
use super::matcher::{TermId, TermMatcher};
use super::pattern::{CompiledMatch, Regexes, TermsOf};
use super::schema::{
    self, BuiltinCheck, ChangelogEntry, Localized, Match, RuleKind, RuleSource, ScopeOverride,
    Severity, SourceDocument, Strength,
};
use crate::source::yaml::{Problem, RuleSetError, RuleSetSource};
use crate::text::normalize::normalize_term;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A rule set ready to run. Serde gives the binary form the embedded sets are
/// built into ([`super::frozen`]); the automata are rebuilt from it and the YAML
/// text comes from beside it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RuleSet {
    /// The set's id (`ks-felles-journalloft`).
    pub id: String,
    /// Its version.
    pub version: semver::Version,
    /// Its title.
    pub title: Localized,
    /// What the set covers, when it says.
    pub description: Option<Localized>,
    /// The documents the set encodes.
    pub sources: Vec<SourceDocument>,
    /// What changed in each version, newest first.
    pub changelog: Vec<ChangelogEntry>,
    /// Normalised heading prefixes of non-normative sections.
    pub non_normative_headings: Vec<String>,
    /// The services the set's scope-aware rules refer to.
    pub services: Vec<CompiledService>,
    /// The reading behaviours the set opts into.
    pub reading: schema::Reading,
    /// The titles the set declares for its categories (`categories:`), by key.
    pub categories: std::collections::BTreeMap<String, Localized>,
    /// The rules, in file order.
    pub rules: Vec<Arc<CompiledRule>>,
    /// The set's concept lexicon (`concepts:`), for `explain` and the review profiles.
    pub concepts: Arc<[ConceptWords]>,
    /// How many distinct patterns the rules have (see [`CompiledRule::pattern_key`]).
    pub(crate) distinct_patterns: usize,
    /// The automaton of every term of the set.
    pub(crate) matcher: TermMatcher,
    /// The services' `detect_where_bought` terms, in an automaton of their own: they
    /// are looked for only in the few places a tender says what it buys, and are
    /// never a rule's term.
    pub(crate) where_bought: TermMatcher,
    /// Where the set came from: a path or `embedded:ID@VERSION`.
    pub origin: String,
    /// SHA-256 of the file's bytes, hex. The YAML text itself is not kept: a check
    /// never reads it, and with a large local set it was megabytes held through the
    /// whole check; `rules diff` takes it from the source beside the set.
    pub sha256: String,
    /// The «possibly covered» profiles, when they were compiled with the set (the
    /// embedded sets, at build time); else they are compiled on first use.
    #[serde(default)]
    pub(crate) review: Option<Arc<super::review::ReviewProfiles>>,
}

/// A service with its detection terms resolved to the set's matcher.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CompiledService {
    /// Its id (`legevakt`).
    pub id: String,
    /// Its name.
    pub name: Localized,
    /// Terms whose hit in normative text puts the service in scope.
    pub detect: Vec<TermId>,
    /// Terms that put it in scope only where the tender says what it buys; their
    /// ids are in the set's [`RuleSet::where_bought`] matcher.
    pub detect_where_bought: Vec<TermId>,
}

/// One rule, compiled.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CompiledRule {
    /// Stable identifier (`INT-001`).
    pub id: String,
    /// Its title.
    pub title: Localized,
    /// What a finding says when the rule is not met.
    pub message: Localized,
    /// What a finding says for the outcomes met, weak and passed, where the set writes it.
    pub messages: schema::OutcomeMessages,
    /// Category id.
    pub category: String,
    /// Severity of a finding.
    pub severity: Severity,
    /// What the rule checks.
    pub kind: RuleKind,
    /// For `require`: how strong the coverage must be (`any` when not written).
    pub strength: Strength,
    /// For `require`: how it reads options and annexes.
    pub reading: schema::RuleReading,
    /// `match`, compiled (all kinds but `check`).
    pub(crate) pattern: Option<CompiledMatch>,
    /// For `require-with`: what must follow `match`.
    pub(crate) with: Option<CompiledMatch>,
    /// For `require`: what covers the topic only in part, as weak at most.
    pub(crate) partial: Option<CompiledMatch>,
    /// For `require-with`: how many words after the hit `with` may appear (12 when not written).
    pub within: u32,
    /// For `prefer`: the term to use instead.
    pub replacement: Option<Localized>,
    /// For `check`: which built-in check.
    pub check: Option<BuiltinCheck>,
    /// Why the rule exists. This and the other long texts of a rule are shared
    /// with the set's rules that repeat them ([`Shared`]).
    pub rationale: Arc<Localized>,
    /// Where its recommendation comes from.
    pub sources: Arc<Vec<RuleSource>>,
    /// A requirement text to paste into the tender.
    pub suggestion: Option<Arc<Localized>>,
    /// Per-service strength and severity.
    pub scopes: Vec<ScopeOverride>,
    /// The rule's own examples (`tenderlint rules test`).
    pub examples: Arc<schema::Examples>,
    /// The concepts of the set's lexicon its patterns name, in the order named.
    pub concepts: Vec<String>,
    /// Link to further documentation of the rule.
    pub help_uri: Option<String>,
    /// Terms whose hit in a statement makes the rule worth evaluating there.
    pub(crate) triggers: Vec<TermId>,
    /// The rule has a regex somewhere and must be evaluated on every statement.
    pub(crate) always: bool,
    /// Rules of a set with equal patterns share this number (`u32::MAX` for none).
    pub(crate) pattern_key: u32,
    /// 1-based line of the rule in its file.
    pub line: usize,
    /// A `require-with` rule whose `with` terms are «eller tilsvarende» / «or
    /// equivalent»: its violation is fixed by adding that phrase after the name found.
    pub fix_adds_equivalent: bool,
}

/// Pattern → its number in the set. The key's only interior mutability is a lazily
/// compiled regex, which equality and hashing never look at (they use the pattern text).
type PatternKeys = foldhash::HashMap<CompiledMatch, u32>;

impl RuleSet {
    /// Parses, validates and compiles a rule-set file.
    pub fn load(source: &RuleSetSource) -> Result<RuleSet, RuleSetError> {
        let file = load::parse(source)?;
        let mut matcher = TermMatcher::default();
        let mut regexes = Regexes::new();
        let mut rules = Vec::with_capacity(file.rules.len());
        let mut problems = Vec::new();
        // See [`PatternKeys`] for why a key with a lazy regex inside is sound.
        #[allow(clippy::mutable_key_type)]
        let mut pattern_keys = PatternKeys::default();
        let lexicon = Lexicon::of(&file);
        let mut shared = Shared::default();
        for rule in &file.rules {
            let compiling = Compiling {
                lexicon: &lexicon,
                regexes: &mut regexes,
                pattern_keys: &mut pattern_keys,
                shared: &mut shared,
            };
            match compile_rule(rule, &mut matcher, compiling) {
                Ok(compiled) => rules.push(Arc::new(compiled)),
                Err(message) => problems.push(Problem {
                    message,
                    span: None,
                    help: None,
                }),
            }
        }
        let mut where_bought = TermMatcher::default();
        let services = file
            .services
            .iter()
            .map(|s| CompiledService {
                id: s.id.clone(),
                name: s.name.clone(),
                detect: s.detect.iter().map(|t| matcher.add_term(t)).collect(),
                detect_where_bought: s
                    .detect_where_bought
                    .iter()
                    .map(|t| where_bought.add_term(t))
                    .collect(),
            })
            .collect();
        for built in [matcher.build(), where_bought.build()] {
            if let Err(e) = built {
                problems.push(Problem {
                    message: e,
                    span: None,
                    help: None,
                });
            }
        }
        if !problems.is_empty() {
            return Err(RuleSetError {
                source: source.clone(),
                problems,
            });
        }
        let version = semver::Version::parse(&file.version.value)
            .map_err(|e| RuleSetError::single(source.clone(), format!("bad version: {e}")))?;
        Ok(RuleSet {
            id: file.id.value.clone(),
            version,
            title: file.title.clone(),
            description: file.description.clone(),
            sources: file.sources.clone(),
            changelog: file.changelog.clone(),
            non_normative_headings: file
                .non_normative_headings
                .iter()
                .map(|h| normalize_term(h))
                .collect(),
            services,
            reading: file.reading,
            categories: file
                .categories
                .as_ref()
                .map(|c| c.value.clone())
                .unwrap_or_default(),
            distinct_patterns: pattern_keys.len(),
            rules,
            concepts: file.concepts.iter().map(ConceptWords::of).collect(),
            matcher,
            where_bought,
            origin: source.name.clone(),
            sha256: super::embedded::known_digest(&source.text).map_or_else(
                || crate::sha256::hex_digest(source.text.as_bytes()),
                str::to_string,
            ),
            review: None,
        })
    }

    /// `ID@VERSION`.
    pub fn key(&self) -> String {
        format!("{}@{}", self.id, self.version)
    }

    /// A copy holding only one rule (for running a rule's examples alone).
    pub fn only(&self, rule: &str) -> RuleSet {
        let mut set = self.clone();
        set.rules.retain(|r| r.id == rule);
        set
    }
}

/// What the rules of a set share while they compile.
#[allow(clippy::mutable_key_type)] // see [`PatternKeys`]
struct Compiling<'c, 'f> {
    lexicon: &'c Lexicon<'f>,
    regexes: &'c mut Regexes,
    pattern_keys: &'c mut PatternKeys,
    shared: &'c mut Shared,
}

/// The long texts of a set's rules, each kept once: a set that repeats rules (a
/// local set built from copies of a default one) would otherwise hold every
/// rationale, suggestion and example once per copy.
#[derive(Default)]
struct Shared {
    localized: Interned<Localized>,
    sources: Interned<Vec<RuleSource>>,
    examples: Interned<schema::Examples>,
}

/// Values by content, each behind one `Arc`.
struct Interned<T>(foldhash::HashMap<Arc<T>, ()>);

impl<T> Default for Interned<T> {
    fn default() -> Self {
        Interned(foldhash::HashMap::default())
    }
}

impl<T: Clone + Eq + std::hash::Hash> Interned<T> {
    fn of(&mut self, value: &T) -> Arc<T> {
        if let Some((kept, ())) = self.0.get_key_value(value) {
            return kept.clone();
        }
        let kept = Arc::new(value.clone());
        self.0.insert(kept.clone(), ());
        kept
    }
}

/// One rule with its patterns compiled; its terms go into the set's matcher.
#[allow(clippy::mutable_key_type)] // see [`PatternKeys`]
fn compile_rule<'f>(
    rule: &'f schema::Rule,
    matcher: &mut TermMatcher,
    compiling: Compiling<'_, 'f>,
) -> Result<CompiledRule, String> {
    let Compiling {
        lexicon,
        regexes,
        pattern_keys,
        shared,
    } = compiling;
    let mut concepts = Vec::new();
    let mut compiled = |m: &'f Option<serde_saphyr::Spanned<Match>>,
                        matcher: &mut TermMatcher,
                        regexes: &mut Regexes| {
        m.as_ref()
            .map(|m| {
                let mut terms = TermsOf {
                    matcher,
                    lexicon,
                    concepts: &mut concepts,
                };
                CompiledMatch::compile(&m.value, &mut terms, regexes)
            })
            .transpose()
    };
    let pattern = compiled(&rule.pattern, matcher, regexes);
    let with = compiled(&rule.with, matcher, regexes);
    let partial = compiled(&rule.partial, matcher, regexes);
    let (pattern, with, partial) = match (pattern, with, partial) {
        (Ok(p), Ok(w), Ok(part)) => (p, w, part),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return Err(e),
    };
    let mut triggers = Vec::new();
    let mut always = false;
    // Only `match` decides where a rule can fire; `with` is looked for around its hits.
    match &pattern {
        Some(m) => m.necessary_terms(&mut triggers, &mut always),
        None => always = rule.check.is_none(),
    }
    // A partial match can fire where `match` cannot.
    if let Some(p) = &partial {
        p.necessary_terms(&mut triggers, &mut always);
    }
    triggers.sort_unstable();
    triggers.dedup();
    let next_key = pattern_keys.len() as u32;
    let pattern_key = pattern.as_ref().map_or(u32::MAX, |p| {
        *pattern_keys.entry(p.clone()).or_insert(next_key)
    });
    let line = rule.id.referenced.line() as usize;
    Ok(CompiledRule {
        id: rule.id.value.clone(),
        title: rule.title.clone(),
        message: rule.message.clone(),
        messages: rule.messages.clone(),
        category: rule.category.clone(),
        severity: rule.severity,
        kind: rule.kind,
        strength: rule.strength.unwrap_or(Strength::Any),
        reading: rule.reading,
        pattern,
        with,
        partial,
        within: rule.within.unwrap_or(12),
        replacement: rule.replacement.clone(),
        check: rule.check,
        rationale: shared.localized.of(&rule.rationale),
        sources: shared.sources.of(&rule.sources),
        suggestion: rule.suggestion.as_ref().map(|s| shared.localized.of(s)),
        scopes: rule.scopes.clone(),
        examples: shared.examples.of(&rule.examples),
        concepts,
        help_uri: rule.help_uri.clone(),
        triggers,
        always,
        pattern_key,
        line,
        fix_adds_equivalent: fix_adds_equivalent(rule),
    })
}

/// A `require-with` rule whose `with` terms are «eller tilsvarende» / «or
/// equivalent» (see [`CompiledRule::fix_adds_equivalent`]).
fn fix_adds_equivalent(rule: &schema::Rule) -> bool {
    rule.kind == RuleKind::RequireWith
        && rule.with.as_ref().is_some_and(|w| {
            w.value.any.iter().any(|t| {
                let text = match t {
                    schema::Term::Short(s) => s.as_str(),
                    schema::Term::Long(spec) => spec.term.as_str(),
                    // Product names are what a fix qualifies, never the qualifier.
                    schema::Term::Products(_) | schema::Term::Concept(_) => "",
                };
                let text = text.to_lowercase();
                ["tilsvar", "equivalent"]
                    .iter()
                    .any(|p| text.starts_with(p))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A check holds its sets to the end; the YAML text they were read from (4.8 MB
    /// for ten copies of the defaults) is not held with them.
    #[test]
    fn a_loaded_set_keeps_no_reference_to_its_yaml() {
        let embedded = super::super::embedded::source("anskaffelse-hygiene", None).unwrap();
        let source = RuleSetSource {
            name: "local/hygiene.yaml".into(),
            text: Arc::from(&*embedded.text),
        };
        let set = RuleSet::load(&source).unwrap();
        assert_eq!(Arc::strong_count(&source.text), 1);
        assert_eq!(
            set.sha256,
            crate::sha256::hex_digest(source.text.as_bytes())
        );
    }
}
