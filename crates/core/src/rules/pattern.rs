//! A rule's `match` (and `with`) compiled: its terms resolved to ids of the set's
//! [`TermMatcher`], evaluated against the hits of one statement. Only rules whose
//! necessary terms hit a statement are evaluated there, so most statements cost no
//! pattern at all.

use super::concepts::Lexicon;
use super::load;
use super::matcher::{Hit, TermId, TermMatcher};
use super::schema::{Match, Term, TermMode};
use crate::text::normalize::{is_word_char, normalize_term};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use std::collections::HashMap;
use std::sync::Arc;

/// Rule regexes by pattern while a set compiles, so that identical ones compile once,
/// each with the literals its rule is looked at for: a pattern is parsed for them
/// once, however many rules repeat it.
pub(super) type Regexes = HashMap<String, (Arc<LazyRegex>, Option<Vec<(String, TermMode)>>)>;

/// A `match` with its terms resolved to ids. Equal matches in a set (a rule copied
/// into a local set, two versions of a set side by side) compare equal, so the
/// engine evaluates each distinct one once per statement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub(crate) struct CompiledMatch {
    any: Vec<TermId>,
    all: Vec<Vec<TermId>>,
    near: Option<Near>,
    not: Vec<TermId>,
    regex: Option<Arc<LazyRegex>>,
    /// Terms one of which occurs wherever `regex` matches (its literal prefixes),
    /// so a regex-only match need not run on every statement.
    regex_prefilter: Vec<TermId>,
    one_of: Vec<CompiledMatch>,
    /// With `reach: true`: the topic's terms (the first `all` group, else the
    /// first `near` group) whose hit where a requirement reaches is enough. An
    /// abbreviation (`exact`) is left out: «KJ» may be the tender's «Kommunale
    /// journalgruppe», and its context words are too weak a sense check alone.
    reach: Vec<TermId>,
}

/// A `near` condition with its groups resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
struct Near {
    within: u32,
    groups: Vec<Vec<TermId>>,
    /// Each group's hit must be another word.
    distinct: bool,
}

/// A rule regex compiled on first use: Unicode classes (`\w`, `\d`, `\b`) take
/// milliseconds to compile (`\D{0,30}` alone tens of millions of instructions), and
/// most regexes are never reached, or reached only by text they cannot match. The
/// pattern was validated when the set was loaded.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub(super) struct LazyRegex {
    pattern: String,
    /// Strings one of which is in every match (see [`Needles`]); empty when none are
    /// known. Text without any of them is answered without compiling or running the regex.
    needles: Vec<String>,
    /// Not serialised: a compiled set is written before any regex ran.
    #[serde(skip)]
    compiled: std::sync::OnceLock<Option<regex::Regex>>,
}

impl PartialEq for LazyRegex {
    fn eq(&self, other: &Self) -> bool {
        self.pattern == other.pattern
    }
}

impl Eq for LazyRegex {}

impl std::hash::Hash for LazyRegex {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.pattern.hash(state);
    }
}

impl LazyRegex {
    fn new(pattern: &str, needles: Option<&Needles>) -> LazyRegex {
        LazyRegex {
            pattern: pattern.to_string(),
            needles: needles.map(Needles::exact).unwrap_or_default(),
            compiled: std::sync::OnceLock::new(),
        }
    }

    fn is_match(&self, text: &str) -> bool {
        if !self.needles.is_empty() && !self.needles.iter().any(|n| text.contains(n.as_str())) {
            return false;
        }
        self.compiled
            .get_or_init(|| load::build_regex(&self.pattern).ok())
            .as_ref()
            .is_some_and(|r| r.is_match(text))
    }
}

/// Where a pattern's terms go while it compiles: the set's matcher, with the
/// concepts of the set's lexicon expanded into their words on the way.
pub(super) struct TermsOf<'c, 'f> {
    pub(super) matcher: &'c mut TermMatcher,
    pub(super) lexicon: &'c Lexicon<'f>,
    /// The concepts the pattern names.
    pub(super) concepts: &'c mut Vec<String>,
}

impl<'f> TermsOf<'_, 'f> {
    /// One group's term ids, sorted, its concepts expanded.
    fn group(&mut self, terms: &'f [Term]) -> Vec<TermId> {
        let expanded = self.lexicon.expand(terms, self.concepts);
        sorted(
            expanded
                .into_iter()
                .map(|t| self.matcher.add_term(t))
                .collect(),
        )
    }

    /// The topic terms of a `reach` pattern: its first group's, but abbreviations.
    fn topic(&mut self, m: &'f Match) -> Vec<TermId> {
        let Some(group) = m
            .all
            .first()
            .or_else(|| m.near.as_ref().and_then(|n| n.groups.first()))
        else {
            return Vec::new();
        };
        let expanded = self.lexicon.expand(group, self.concepts);
        let words = expanded
            .into_iter()
            .filter(|t| !matches!(t, Term::Long(spec) if spec.mode == Some(TermMode::Exact)));
        sorted(words.map(|t| self.matcher.add_term(t)).collect())
    }
}

impl CompiledMatch {
    pub(super) fn compile<'f>(
        m: &'f Match,
        terms: &mut TermsOf<'_, 'f>,
        regexes: &mut Regexes,
    ) -> Result<CompiledMatch, String> {
        let regex = m.regex.as_ref().map(|r| {
            regexes
                .entry(r.value.clone())
                .or_insert_with(|| {
                    let needles = Needles::of(&r.value);
                    let regex = Arc::new(LazyRegex::new(&r.value, needles.as_ref()));
                    (regex, needles.as_ref().and_then(Needles::terms))
                })
                .clone()
        });
        let regex_prefilter = regex
            .as_ref()
            .and_then(|(_, literals)| literals.as_ref())
            .map(|literals| {
                sorted(
                    literals
                        .iter()
                        .map(|(l, mode)| terms.matcher.add_literal(l, *mode))
                        .collect(),
                )
            })
            .unwrap_or_default();
        Ok(CompiledMatch {
            any: terms.group(&m.any),
            all: m.all.iter().map(|g| terms.group(g)).collect(),
            near: m.near.as_ref().map(|n| Near {
                within: n.within,
                groups: n.groups.iter().map(|g| terms.group(g)).collect(),
                distinct: n.distinct,
            }),
            not: terms.group(&m.not),
            regex: regex.map(|(regex, _)| regex),
            regex_prefilter,
            one_of: m
                .one_of
                .iter()
                .map(|a| CompiledMatch::compile(a, terms, regexes))
                .collect::<Result<_, _>>()?,
            reach: if m.reach { terms.topic(m) } else { Vec::new() },
        })
    }

    /// Does the statement match? `hits` are the statement's (context-checked) hits,
    /// `text` its normalised text. Returns the hit to point at, if any.
    pub(crate) fn eval(&self, hits: &StatementHits<'_>, text: &str) -> Option<Option<Hit>> {
        if hits.has_any(&self.not) {
            return None;
        }
        let mut primary: Option<Hit> = None;
        let mut note = |h: Hit| {
            if primary.is_none_or(|p| h.rank() < p.rank()) {
                primary = Some(h);
            }
        };
        if !self.any.is_empty() {
            note(hits.first_of(&self.any)?);
        }
        match self.groups(hits) {
            Some(found) => found.into_iter().for_each(&mut note),
            None if !self.reach.is_empty() => note(self.topic_in_reach(hits, text)?),
            None => return None,
        }
        if let Some(regex) = &self.regex
            && !regex.is_match(text)
        {
            return None;
        }
        if !self.one_of.is_empty() {
            let inner = self.one_of.iter().find_map(|alt| alt.eval(hits, text))?;
            if let Some(h) = inner {
                note(h);
            }
        }
        Some(primary)
    }

    /// The `all` and `near` groups: `None` when one has no hit, else the hits to
    /// point at.
    fn groups(&self, hits: &StatementHits<'_>) -> Option<Vec<Hit>> {
        let mut found = Vec::new();
        for group in &self.all {
            found.push(hits.first_of(group)?);
        }
        if let Some(n) = &self.near {
            found.push(near(hits.hits, n)?);
        }
        Some(found)
    }

    /// A hit of the topic in the statement's own text, where its requirement reaches.
    fn topic_in_reach(&self, hits: &StatementHits<'_>, text: &str) -> Option<Hit> {
        hits.hits
            .iter()
            .filter(|h| !h.inherited && self.reach.binary_search(&h.term).is_ok())
            .find(|h| hits.in_reach(h, text))
            .copied()
    }

    /// Every term the match looks for (not its `not` terms), sorted.
    pub(crate) fn terms(&self) -> Vec<TermId> {
        let mut out: Vec<TermId> = self.any.clone();
        out.extend(self.all.iter().flatten());
        if let Some(n) = &self.near {
            out.extend(n.groups.iter().flatten());
        }
        for alt in &self.one_of {
            out.extend(alt.terms());
        }
        sorted(out)
    }

    /// The hits of the top-level `any` terms (each is checked on its own by
    /// `require-with`), or `None` when the pattern has no `any` list.
    pub(crate) fn anchors(&self, hits: &[Hit]) -> Option<Vec<Hit>> {
        if self.any.is_empty() {
            return None;
        }
        Some(
            hits.iter()
                .copied()
                .filter(|h| self.any.binary_search(&h.term).is_ok())
                .collect(),
        )
    }

    /// Terms of which at least one must be in any statement this match accepts: the
    /// `any` list, else one `all` group, else the first `near` group; for `one_of`, the
    /// union over the alternatives. A rule is evaluated only where one of these hits,
    /// so a group of common verbs («støtte», «bruke») does not make every sentence a
    /// candidate. `always` is set when no such set exists (a regex alone, or an
    /// alternative without terms).
    pub(super) fn necessary_terms(&self, out: &mut Vec<TermId>, always: &mut bool) {
        if !self.any.is_empty() {
            out.extend(&self.any);
        } else if let Some(group) = self.all.iter().min_by_key(|g| g.len()) {
            // Any one group is necessary; the smallest is usually the topic.
            out.extend(group);
        } else if let Some(group) = self.near.as_ref().and_then(|n| n.groups.first()) {
            out.extend(group);
        } else if !self.one_of.is_empty() {
            for alt in &self.one_of {
                alt.necessary_terms(out, always);
            }
        } else if !self.regex_prefilter.is_empty() {
            out.extend(&self.regex_prefilter);
        } else {
            *always = true;
        }
    }
}

/// Literals one of which is in every match of a regex, each with whether it starts
/// the match at a word start. Found as the regex's literal prefixes, else its
/// suffixes, else, for an alternation, the union of its branches' own:
/// `(tilgjengelig\w*|…)\D{0,30}\d{2} ?%|\d{2} ?%\D{0,20}(tilgjengelig|…)` ends in
/// «%» or the word, but each branch also names the word, a rarer one to look for.
struct Needles(regex_syntax::hir::Hir);

/// More literals than this are not worth searching for.
const MAX_NEEDLES: usize = 64;

impl Needles {
    fn of(pattern: &str) -> Option<Needles> {
        regex_syntax::Parser::new().parse(pattern).ok().map(Needles)
    }

    /// The literals as they are, for a test on the text the regex runs on: longer
    /// ones if there are, single characters («%») if that is all.
    fn exact(&self) -> Vec<String> {
        let found = [2, 1].into_iter().find_map(|shortest| {
            let mut out = Vec::new();
            needles_of(&self.0, &|l: &str| l.len() >= shortest, &mut out).map(|()| out)
        });
        let mut out: Vec<String> = found
            .unwrap_or_default()
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The literals as terms of the set's automaton, if each is long enough (two bytes
    /// or more) to be worth searching for, so the regex's rule is looked at only where
    /// one occurs.
    fn terms(&self) -> Option<Vec<(String, TermMode)>> {
        // What the automaton searches for is the normalised literal: it must still be
        // a substring of every match (not emptied, not shortened to one byte that
        // occurs everywhere).
        let searchable = |text: &str| {
            let normalized = normalize_term(text);
            normalized.len() >= 2 && text.contains(normalized.as_str())
        };
        // Only the whole regex's prefixes: a rule without such terms is looked at on every
        // statement, and a set with one also looks at statements that have only
        // inherited words (`Observer::statement`), which other rules then match; finding
        // this rule's terms in suffixes or branches too would change what they find.
        let at_word_start = starts_with_word_boundary(&self.0);
        let found = literals_of(&self.0, ExtractKind::Prefix, at_word_start, &searchable)?;
        let terms = found.into_iter().map(|(text, at_word_start)| {
            let normalized = normalize_term(&text);
            // Only a literal normalisation left in front is sure to start the match,
            // and `\b` means «after a non-word character» only before a word character.
            let mode = if at_word_start
                && text.starts_with(normalized.as_str())
                && normalized.chars().next().is_some_and(is_word_char)
            {
                TermMode::Prefix
            } else {
                TermMode::Substring
            };
            (text, mode)
        });
        Some(terms.collect())
    }
}

/// The literal prefixes or suffixes of `hir`, each `usable`, if there are at most
/// [`MAX_NEEDLES`]; `starts` is whether each starts its match at a word start.
fn literals_of(
    hir: &regex_syntax::hir::Hir,
    kind: ExtractKind,
    starts: bool,
    usable: &dyn Fn(&str) -> bool,
) -> Option<Vec<(String, bool)>> {
    let mut extractor = Extractor::new();
    extractor.kind(kind);
    let seq = extractor.extract(hir);
    let literals = seq.literals()?;
    if literals.is_empty() || literals.len() > MAX_NEEDLES {
        return None;
    }
    literals
        .iter()
        .map(|l| {
            let text = std::str::from_utf8(l.as_bytes()).ok()?;
            usable(text).then(|| (text.to_string(), starts))
        })
        .collect()
}

/// Adds to `out` literals, each `usable`, one of which is in every match of `hir`;
/// `None` when no such list of at most [`MAX_NEEDLES`] is found.
fn needles_of(
    hir: &regex_syntax::hir::Hir,
    usable: &dyn Fn(&str) -> bool,
    out: &mut Vec<(String, bool)>,
) -> Option<()> {
    use regex_syntax::hir::HirKind;
    // A regex that opens with `\b` matches only where a word starts; its literal
    // prefixes need only be looked for there: «plo» or «en» occur inside countless
    // words, and every such hit would be filtered and sorted for nothing.
    let at_word_start = starts_with_word_boundary(hir);
    for (kind, starts) in [
        (ExtractKind::Prefix, at_word_start),
        (ExtractKind::Suffix, false),
    ] {
        if let Some(found) = literals_of(hir, kind, starts, usable)
            && out.len() + found.len() <= MAX_NEEDLES
        {
            out.extend(found);
            return Some(());
        }
    }
    match hir.kind() {
        HirKind::Capture(c) => needles_of(&c.sub, usable, out),
        HirKind::Alternation(branches) => {
            branches.iter().try_for_each(|b| needles_of(b, usable, out))
        }
        _ => None,
    }
}

/// Whether every match of `hir` begins at a Unicode word boundary (`\b`, `\<`).
fn starts_with_word_boundary(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::{HirKind, Look};
    match hir.kind() {
        // ASCII boundaries would also hold after «ø», which is a letter to us.
        HirKind::Look(look) => matches!(
            look,
            Look::WordUnicode | Look::WordStartUnicode | Look::WordStartHalfUnicode
        ),
        HirKind::Capture(c) => starts_with_word_boundary(&c.sub),
        HirKind::Concat(items) => items.first().is_some_and(starts_with_word_boundary),
        HirKind::Alternation(branches) => branches.iter().all(starts_with_word_boundary),
        _ => false,
    }
}

/// Term lists are searched per hit, so keep them sorted for binary search.
fn sorted(mut terms: Vec<TermId>) -> Vec<TermId> {
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// A statement's hits, with each term's first hit of lowest rank at hand: a
/// statement is asked «which hit of these terms comes first» once per candidate
/// rule, and looking up a rule's few terms here costs less than testing every hit
/// of the statement against them.
pub(crate) struct StatementHits<'a> {
    /// The statement's hits, sorted by position.
    pub hits: &'a [Hit],
    /// (term, index in `hits` of its first hit of lowest rank), by term.
    by_term: Vec<(TermId, usize)>,
    /// `by_term` by term id, when the statement was indexed into the observer's
    /// [`TermSlots`]: a look-up instead of a binary search.
    slots: Option<&'a TermSlots>,
    /// Where the statement starts in its block's text (hits count from there);
    /// `None` where the statement's text is not at hand.
    offset: Option<usize>,
    /// The stretches of the statement outside its requirement's reach, read on
    /// first need.
    outside_reach: std::cell::OnceCell<Vec<std::ops::Range<usize>>>,
}

/// For each term id, where the current statement's first hit of it is: one table
/// kept by an observer for every statement it reads, told apart by a stamp rather
/// than cleared. Binary searches of the statement's terms were half the cost of
/// evaluating the rules.
#[derive(Default)]
pub(crate) struct TermSlots {
    stamp: u32,
    /// Term id → (stamp of the statement that set it, index in its hits).
    slots: Vec<(u32, u32)>,
}

impl TermSlots {
    /// Makes `by_term` the current statement's terms.
    fn index(&mut self, by_term: &[(TermId, usize)]) {
        if self.stamp == u32::MAX {
            self.slots.fill((0, 0));
            self.stamp = 0;
        }
        self.stamp += 1;
        for &(term, i) in by_term {
            if term >= self.slots.len() {
                self.slots.resize(term + 1, (0, 0));
            }
            self.slots[term] = (self.stamp, i as u32);
        }
    }

    fn get(&self, term: TermId) -> Option<usize> {
        self.slots
            .get(term)
            .filter(|(stamp, _)| *stamp == self.stamp)
            .map(|&(_, i)| i as usize)
    }
}

impl<'a> StatementHits<'a> {
    /// Indexes a statement's hits.
    pub(crate) fn new(hits: &'a [Hit]) -> StatementHits<'a> {
        let mut by_term: Vec<(TermId, usize)> =
            hits.iter().enumerate().map(|(i, h)| (h.term, i)).collect();
        by_term.sort_unstable_by_key(|&(term, i)| (term, hits[i].rank(), i));
        by_term.dedup_by_key(|(term, _)| *term);
        StatementHits {
            hits,
            by_term,
            slots: None,
            offset: None,
            outside_reach: std::cell::OnceCell::new(),
        }
    }

    /// [`StatementHits::of_statement`], with its terms entered in `slots` for
    /// look-ups by term id; `slots` holds them until it indexes another statement.
    pub(crate) fn of_statement_in(
        hits: &'a [Hit],
        offset: usize,
        slots: &'a mut TermSlots,
    ) -> StatementHits<'a> {
        let indexed = StatementHits::of_statement(hits, offset);
        slots.index(&indexed.by_term);
        StatementHits {
            slots: Some(slots),
            ..indexed
        }
    }

    /// Indexes the hits of a statement that starts at `offset` in its block's
    /// text, so that what its requirement reaches can be read.
    pub(crate) fn of_statement(hits: &'a [Hit], offset: usize) -> StatementHits<'a> {
        StatementHits {
            offset: Some(offset),
            ..StatementHits::new(hits)
        }
    }

    /// Whether a hit of the statement's own text stands where its requirement
    /// reaches (`text` is the statement's normalised text).
    fn in_reach(&self, hit: &Hit, text: &str) -> bool {
        let Some(offset) = self.offset else {
            return false;
        };
        let (Some(start), Some(end)) = (hit.start.checked_sub(offset), hit.end.checked_sub(offset))
        else {
            return false;
        };
        if end > text.len() {
            return false;
        }
        let outside = self
            .outside_reach
            .get_or_init(|| crate::text::reach::outside_reach(text));
        !outside.iter().any(|r| r.start < end && start < r.end)
    }

    fn position(&self, term: TermId) -> Option<usize> {
        if let Some(slots) = self.slots {
            return slots.get(term);
        }
        self.by_term
            .binary_search_by_key(&term, |&(t, _)| t)
            .ok()
            .map(|k| self.by_term[k].1)
    }

    /// The index in `hits` of the first hit of lowest rank of each of `terms`
    /// (sorted) that the statement has. A rule's list may hold dozens of terms and
    /// a statement a few: the statement's terms are searched for in the list when
    /// that is fewer steps than looking each listed term up.
    fn positions<'t>(&'t self, terms: &'t [TermId]) -> impl Iterator<Item = usize> + 't {
        let by_term = self.by_term.as_slice();
        let statement_shorter = if self.slots.is_some() {
            let search_steps = (usize::BITS - terms.len().leading_zeros()) as usize;
            by_term.len() * search_steps < terms.len()
        } else {
            by_term.len() < terms.len()
        };
        let from_statement = by_term
            .iter()
            .filter(move |(t, _)| statement_shorter && terms.binary_search(t).is_ok())
            .map(|&(_, i)| i);
        let from_terms = terms
            .iter()
            .filter(move |_| !statement_shorter)
            .filter_map(|&t| self.position(t));
        from_statement.chain(from_terms)
    }

    /// Whether a hit has one of `terms` (sorted).
    fn has_any(&self, terms: &[TermId]) -> bool {
        self.positions(terms).next().is_some()
    }

    /// The hit of lowest rank among those with one of `terms` (sorted), the first
    /// in `hits` of equals, as a scan of `hits` would find it.
    fn first_of(&self, terms: &[TermId]) -> Option<Hit> {
        self.positions(terms)
            .min_by_key(|&i| (self.hits[i].rank(), i))
            .map(|i| self.hits[i])
    }
}

/// A hit of every group, all within `within` words of the first group's hit (and,
/// when `distinct`, each group's hit another word than the others'). The anchor is
/// the statement's own word: inherited hits all stand at one far word, so a heading
/// holding every group («Opsjon for nabokommunane») would otherwise be «near» in
/// each statement under it.
fn near(hits: &[Hit], n: &Near) -> Option<Hit> {
    let (first, rest) = n.groups.split_first()?;
    hits.iter()
        .filter(|h| !h.inherited && first.binary_search(&h.term).is_ok())
        .find_map(|anchor| {
            // Words already taken by a group (only kept for `distinct`, so the
            // common case allocates nothing).
            let mut taken: Vec<u32> = Vec::new();
            if n.distinct {
                taken.push(anchor.word);
            }
            let all_near = rest.iter().all(|group| {
                let found = hits.iter().find(|h| {
                    group.binary_search(&h.term).is_ok()
                        && h.word.abs_diff(anchor.word) <= n.within
                        && !taken.contains(&h.word)
                });
                if n.distinct
                    && let Some(h) = found
                {
                    taken.push(h.word);
                }
                found.is_some()
            });
            all_near.then_some(*anchor)
        })
}

#[cfg(test)]
mod tests;
