//! Compiling a rule set: every term of every rule goes into one Aho-Corasick
//! automaton over normalised text, so matching costs one pass per block however
//! many rules there are; word boundaries are checked in code, because Unicode
//! `\b` over big alternations is two orders of magnitude slower.

use super::load::{self, RuleSetError, RuleSetSource};
use super::products;
use super::schema::{
    self, BuiltinCheck, ChangelogEntry, Localized, Match, RuleKind, RuleSource, ScopeOverride,
    Severity, SourceDocument, Strength, Term, TermMode,
};
use crate::text::normalize::{Normalized, is_word_char, normalize_term};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::sync::Arc;

pub type TermId = usize;

/// How a `products` term is written in its [`TermInfo`]: no rule text can be
/// empty-prefixed like this, so it never equals a written term.
const PRODUCT_TERM: &str = "\u{0}named product";

/// A rule set ready to run.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub id: String,
    pub version: semver::Version,
    pub title: Localized,
    pub description: Option<Localized>,
    pub sources: Vec<SourceDocument>,
    pub changelog: Vec<ChangelogEntry>,
    /// Normalised heading prefixes of non-normative sections.
    pub non_normative_headings: Vec<String>,
    pub services: Vec<CompiledService>,
    /// The reading behaviours the set opts into.
    pub reading: schema::Reading,
    /// The titles the set declares for its categories (`categories:`), by key.
    pub categories: std::collections::BTreeMap<String, Localized>,
    pub rules: Vec<Arc<CompiledRule>>,
    /// How many distinct patterns the rules have (see [`CompiledRule::pattern_key`]).
    pub distinct_patterns: usize,
    pub matcher: TermMatcher,
    /// Where the set came from: a path or `embedded:ID@VERSION`.
    pub origin: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// The YAML text, for `explain` and diagnostics.
    pub text: Arc<str>,
}

#[derive(Debug, Clone)]
pub struct CompiledService {
    pub id: String,
    pub name: Localized,
    pub detect: Vec<TermId>,
}

/// One rule, compiled.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    pub id: String,
    pub title: Localized,
    pub message: Localized,
    pub category: String,
    pub severity: Severity,
    pub kind: RuleKind,
    pub strength: Strength,
    pub pattern: Option<CompiledMatch>,
    pub with: Option<CompiledMatch>,
    pub within: u32,
    pub replacement: Option<Localized>,
    pub check: Option<BuiltinCheck>,
    pub rationale: Localized,
    pub sources: Vec<RuleSource>,
    pub suggestion: Option<Localized>,
    pub scopes: Vec<ScopeOverride>,
    pub examples: schema::Examples,
    pub help_uri: Option<String>,
    /// Terms whose hit in a statement makes the rule worth evaluating there.
    pub triggers: Vec<TermId>,
    /// The rule has a regex somewhere and must be evaluated on every statement.
    pub always: bool,
    /// Rules of a set with equal patterns share this number (`u32::MAX` for none).
    pub pattern_key: u32,
    /// 1-based line of the rule in its file.
    pub line: usize,
    /// A `require-with` rule whose `with` terms are «eller tilsvarende» / «or
    /// equivalent»: its violation is fixed by adding that phrase after the name found.
    pub fix_adds_equivalent: bool,
}

/// A `match` with its terms resolved to ids. Equal matches in a set (a rule copied
/// into a local set, two versions of a set side by side) compare equal, so the
/// engine evaluates each distinct one once per statement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct CompiledMatch {
    any: Vec<TermId>,
    all: Vec<Vec<TermId>>,
    near: Option<(u32, Vec<Vec<TermId>>)>,
    not: Vec<TermId>,
    regex: Option<Arc<LazyRegex>>,
    /// Terms one of which occurs wherever `regex` matches (its literal prefixes),
    /// so a regex-only match need not run on every statement.
    regex_prefilter: Vec<TermId>,
    one_of: Vec<CompiledMatch>,
}

/// A rule regex compiled on first use: Unicode classes (`\w`, `\d`, `\b`) take
/// milliseconds to compile, and most regexes are never reached because their
/// rule's terms do not occur. The pattern was validated when the set was loaded.
#[derive(Debug)]
struct LazyRegex {
    pattern: String,
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
    fn is_match(&self, text: &str) -> bool {
        self.compiled
            .get_or_init(|| load::build_regex(&self.pattern).ok())
            .as_ref()
            .is_some_and(|r| r.is_match(text))
    }
}

/// A term found in a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    pub term: TermId,
    /// Byte range in the normalised text of the block.
    pub start: usize,
    pub end: usize,
    /// Index of the word the hit starts in (for `near` and context windows).
    pub word: u32,
    /// The hit is in the lead-in paragraph of a list item («Løsningen skal støtte
    /// følgende integrasjoner:»), not in the item itself; its range is in another block.
    pub inherited: bool,
}

impl Hit {
    /// Hits in the statement itself come before inherited ones, then by position.
    fn rank(&self) -> (bool, usize) {
        (self.inherited, self.start)
    }
}

#[derive(Debug, Clone)]
struct TermInfo {
    mode: TermMode,
    /// As written in the rule (after NFC), for `exact` comparison.
    written: String,
    context: Vec<TermId>,
    window: Option<u32>,
    /// Senses that do not count (`except:`); empty for almost every term, and then
    /// a hit costs nothing more.
    except: Vec<Exception>,
    /// For the patterns of a `products` term: what a hit is, and the term whose hit
    /// the product becomes.
    role: Option<(products::Anchor, TermId)>,
}

/// One `except:` entry: its spellings, normalised like the text, and how it must
/// sit at word boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Exception {
    mode: TermMode,
    spellings: Vec<String>,
}

impl Exception {
    fn parse(raw: &str) -> Exception {
        let (mode, text) = parse_short(raw);
        Exception {
            mode,
            spellings: spelling_variants(&normalize_term(text)),
        }
    }

    /// Whether an occurrence of this exception holds the byte range `start..end` of `text`.
    fn covers(&self, text: &str, start: usize, end: usize) -> bool {
        self.spellings.iter().any(|spelling| {
            let len = spelling.len();
            if len < end - start || len == 0 {
                return false;
            }
            let mut lo = (end).saturating_sub(len);
            while !text.is_char_boundary(lo) {
                lo -= 1;
            }
            let mut hi = (start + len).min(text.len());
            while !text.is_char_boundary(hi) {
                hi += 1;
            }
            text[lo..hi]
                .match_indices(spelling.as_str())
                .any(|(at, _)| {
                    let (s, e) = (lo + at, lo + at + len);
                    s <= start
                        && e >= end
                        && match self.mode {
                            TermMode::Word | TermMode::Exact => {
                                !word_char_before(text, s) && !word_char_at(text, e)
                            }
                            TermMode::Prefix => !word_char_before(text, s),
                            TermMode::Suffix => !word_char_at(text, e),
                            TermMode::Substring => true,
                        }
                })
        })
    }
}

type TermKey = (String, TermMode, Vec<TermId>, Option<u32>, Vec<Exception>);

/// All terms of a rule set in one automaton.
#[derive(Debug, Clone, Default)]
pub struct TermMatcher {
    automaton: Option<AhoCorasick>,
    /// Pattern index → term.
    pattern_terms: Vec<TermId>,
    terms: Vec<TermInfo>,
    /// (normalised text, mode, context, window, exceptions) → id, to share identical terms.
    index: HashMap<TermKey, TermId>,
    patterns: Vec<String>,
    /// Rule regexes by pattern, so that identical ones compile once.
    regexes: HashMap<String, Arc<LazyRegex>>,
}

impl TermMatcher {
    fn add_short(&mut self, raw: &str) -> TermId {
        let (mode, text) = parse_short(raw);
        self.add(text, mode, Vec::new(), None, Vec::new())
    }

    fn add_term(&mut self, term: &Term) -> TermId {
        match term {
            Term::Short(raw) => self.add_short(raw),
            Term::Long(spec) => {
                let context: Vec<TermId> = spec.context.iter().map(|c| self.add_short(c)).collect();
                let mode = spec.mode.unwrap_or(TermMode::Word);
                let except = spec.except.iter().map(|e| Exception::parse(e)).collect();
                self.add(&spec.term, mode, context, spec.window, except)
            }
            Term::Products(spec) => self.add_products(&spec.products),
        }
    }

    /// A `products` term: one term whose hits are products, fed by two hidden
    /// terms whose patterns (gazetteer names, words that introduce a product) go
    /// into the automaton like any other.
    fn add_products(&mut self, spec: &schema::ProductSpec) -> TermId {
        let mut gazetteers = spec.gazetteers.clone();
        gazetteers.sort_by_key(|g| *g as u8);
        gazetteers.dedup();
        let key_text = format!("\u{0}products {gazetteers:?} {:?}", spec.after);
        let key = (key_text, TermMode::Word, Vec::new(), None, Vec::new());
        if let Some(&id) = self.index.get(&key) {
            return id;
        }
        let owner = self.push_info(PRODUCT_TERM, TermMode::Word, None);
        self.index.insert(key, owner);
        let names = self.push_info("", TermMode::Word, Some((products::Anchor::Name, owner)));
        for gazetteer in &gazetteers {
            let list: Vec<&str> = match gazetteer {
                schema::Gazetteer::Vendors => products::vendors().collect(),
                schema::Gazetteer::Products => products::products().collect(),
            };
            for name in list {
                self.push_patterns(&normalize_term(name), names);
            }
        }
        let after = self.push_info("", TermMode::Word, Some((products::Anchor::After, owner)));
        for word in &spec.after {
            self.push_patterns(&normalize_term(word), after);
        }
        owner
    }

    fn push_info(
        &mut self,
        written: &str,
        mode: TermMode,
        role: Option<(products::Anchor, TermId)>,
    ) -> TermId {
        self.terms.push(TermInfo {
            mode,
            written: written.to_string(),
            context: Vec::new(),
            window: None,
            except: Vec::new(),
            role,
        });
        self.terms.len() - 1
    }

    fn push_patterns(&mut self, normalized: &str, term: TermId) {
        if normalized.is_empty() {
            return;
        }
        for variant in spelling_variants(normalized) {
            self.patterns.push(variant);
            self.pattern_terms.push(term);
        }
    }

    fn add(
        &mut self,
        text: &str,
        mode: TermMode,
        context: Vec<TermId>,
        window: Option<u32>,
        except: Vec<Exception>,
    ) -> TermId {
        let normalized = normalize_term(text);
        let key = (
            normalized.clone(),
            mode,
            context.clone(),
            window,
            except.clone(),
        );
        if let Some(&id) = self.index.get(&key) {
            return id;
        }
        let id = self.terms.len();
        let written: String =
            unicode_normalization::UnicodeNormalization::nfc(text.trim()).collect();
        self.terms.push(TermInfo {
            mode,
            written,
            context,
            window,
            except,
            role: None,
        });
        self.index.insert(key, id);
        for variant in spelling_variants(&normalized) {
            self.patterns.push(variant);
            self.pattern_terms.push(id);
        }
        id
    }

    fn build(&mut self) -> Result<(), String> {
        if self.patterns.is_empty() {
            return Ok(());
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&self.patterns)
            .map_err(|e| format!("cannot build the term automaton: {e}"))?;
        self.automaton = Some(automaton);
        Ok(())
    }

    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Every term hit in a normalised block text. `original` is the text before
    /// normalisation, for `exact` terms.
    pub fn find(&self, normalized: &Normalized, original: &str) -> Vec<Hit> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let text = normalized.text.as_str();
        let mut hits = Vec::new();
        let mut products_found = false;
        for m in automaton.find_overlapping_iter(text) {
            let term = self.pattern_terms[m.pattern().as_usize()];
            let info = &self.terms[term];
            let (start, end) = (m.start(), m.end());
            let starts_word = !word_char_before(text, start);
            let ends_word = !word_char_at(text, end);
            let ok = match info.mode {
                TermMode::Word => starts_word && ends_word,
                TermMode::Prefix => starts_word,
                TermMode::Suffix => ends_word,
                TermMode::Substring => true,
                TermMode::Exact => {
                    starts_word
                        && ends_word
                        && original
                            .get(normalized.original_range(start..end))
                            .is_some_and(|s| {
                                let composed: String =
                                    unicode_normalization::UnicodeNormalization::nfc(s).collect();
                                composed == info.written
                            })
                }
            };
            if let Some((anchor, owner)) = info.role {
                if ok
                    && let Some((start, end)) =
                        products::product_at(anchor, normalized, original, start, end)
                {
                    products_found = true;
                    hits.push(Hit {
                        term: owner,
                        start,
                        end,
                        word: 0,
                        inherited: false,
                    });
                }
                continue;
            }
            let excepted = || info.except.iter().any(|e| e.covers(text, start, end));
            if ok && (info.except.is_empty() || !excepted()) {
                hits.push(Hit {
                    term,
                    start,
                    end,
                    word: 0,
                    inherited: false,
                });
            }
        }
        hits.sort_by_key(|h| (h.start, h.term, std::cmp::Reverse(h.end)));
        hits.dedup_by_key(|h| (h.start, h.term));
        if products_found {
            // One product, one hit: «SharePoint» inside «Microsoft SharePoint» is the same one.
            let all = hits.clone();
            hits.retain(|h| {
                self.terms[h.term].written != PRODUCT_TERM
                    || !all
                        .iter()
                        .any(|o| o.term == h.term && o.start <= h.start && o.end >= h.end && o != h)
            });
        }
        number_words(text, &mut hits);
        hits
    }

    /// Whether a term is the abbreviation `abbreviation` (lower case) as a whole word:
    /// a `word` or `exact` term of that text, which a tender's definition can redefine.
    pub fn is_abbreviation_term(&self, term: TermId, abbreviation: &str) -> bool {
        self.terms.get(term).is_some_and(|info| {
            matches!(info.mode, TermMode::Word | TermMode::Exact)
                && normalize_term(&info.written) == abbreviation
        })
    }

    /// The context terms a term demands («KJ» near «kjernejournal*»).
    pub fn context_of(&self, term: TermId) -> &[TermId] {
        self.terms
            .get(term)
            .map(|info| info.context.as_slice())
            .unwrap_or_default()
    }

    /// Keeps only hits whose context demand is met within the statement's hits.
    pub fn with_context(&self, mut hits: Vec<Hit>) -> Vec<Hit> {
        // Most terms demand no context: then there is nothing to filter.
        if hits.iter().all(|h| self.terms[h.term].context.is_empty()) {
            return hits;
        }
        let keep: Vec<bool> = hits
            .iter()
            .map(|hit| {
                let info = &self.terms[hit.term];
                info.context.is_empty()
                    || hits.iter().any(|other| {
                        info.context.contains(&other.term)
                            && info
                                .window
                                .is_none_or(|w| other.word.abs_diff(hit.word) <= w)
                    })
            })
            .collect();
        let mut flags = keep.into_iter();
        hits.retain(|_| flags.next().unwrap_or(false));
        hits
    }
}

/// Whether a word character ends just before byte `at`.
fn word_char_before(text: &str, at: usize) -> bool {
    let byte = at.checked_sub(1).and_then(|i| text.as_bytes().get(i));
    word_char(byte, || text.get(..at).and_then(|t| t.chars().next_back()))
}

/// Whether a word character starts at byte `at`.
fn word_char_at(text: &str, at: usize) -> bool {
    word_char(text.as_bytes().get(at), || {
        text.get(at..).and_then(|t| t.chars().next())
    })
}

/// [`is_word_char`] of the character a byte belongs to; ASCII, most of any tender,
/// is decided by the byte without decoding.
fn word_char(byte: Option<&u8>, decode: impl FnOnce() -> Option<char>) -> bool {
    match byte {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => decode().is_some_and(is_word_char),
    }
}

/// Sets each hit's `word` to the index of the word it starts in. One sweep over the
/// text up to the last hit, rather than a word table kept for every block: most
/// blocks have no hits, and the table would cost more memory than the text.
fn number_words(text: &str, hits: &mut [Hit]) {
    let bytes = text.as_bytes();
    let (mut at, mut words, mut in_word) = (0usize, 0u32, false);
    for hit in hits.iter_mut() {
        while at <= hit.start && at < bytes.len() {
            let (is_word, len) = match bytes[at] {
                b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
                _ => text[at..]
                    .chars()
                    .next()
                    .map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
            };
            words += u32::from(is_word && !in_word);
            in_word = is_word;
            at += len;
        }
        hit.word = words.saturating_sub(1);
    }
}

/// `kjernejournal*` → prefix, `*integrasjon` → suffix, `*journal*` → substring, else word.
fn parse_short(raw: &str) -> (TermMode, &str) {
    let raw = raw.trim();
    match (raw.starts_with('*'), raw.ends_with('*') && raw.len() > 1) {
        (true, true) => (TermMode::Substring, raw.trim_matches('*')),
        (true, false) => (TermMode::Suffix, raw.trim_start_matches('*')),
        (false, true) => (TermMode::Prefix, raw.trim_end_matches('*')),
        (false, false) => (TermMode::Word, raw),
    }
}

/// A term with a hyphen or space also matches the other spellings writers use:
/// «e-resept», «e resept», «eresept».
fn spelling_variants(term: &str) -> Vec<String> {
    let mut variants = vec![term.to_string()];
    let joints: Vec<usize> = term
        .char_indices()
        .filter(|&(i, c)| {
            (c == '-' || c == ' ')
                && term[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                && term[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
        .map(|(i, _)| i)
        .collect();
    // Uniform variants only (all joints the same way) to keep the automaton small.
    if !joints.is_empty() && joints.len() <= 4 {
        for replacement in ["-", " ", ""] {
            let mut v = String::with_capacity(term.len());
            let mut last = 0;
            for &j in &joints {
                v.push_str(&term[last..j]);
                v.push_str(replacement);
                last = j + 1;
            }
            v.push_str(&term[last..]);
            if !variants.contains(&v) {
                variants.push(v);
            }
        }
    }
    variants
}

impl CompiledMatch {
    fn compile(m: &Match, matcher: &mut TermMatcher) -> Result<CompiledMatch, String> {
        let regex = m.regex.as_ref().map(|r| {
            matcher
                .regexes
                .entry(r.value.clone())
                .or_insert_with(|| {
                    Arc::new(LazyRegex {
                        pattern: r.value.clone(),
                        compiled: std::sync::OnceLock::new(),
                    })
                })
                .clone()
        });
        let regex_prefilter = m
            .regex
            .as_ref()
            .and_then(|r| literal_prefixes(&r.value))
            .map(|literals| {
                sorted(
                    literals
                        .iter()
                        .map(|(l, mode)| matcher.add(l, *mode, Vec::new(), None, Vec::new()))
                        .collect(),
                )
            })
            .unwrap_or_default();
        Ok(CompiledMatch {
            any: sorted(m.any.iter().map(|t| matcher.add_term(t)).collect()),
            all: m
                .all
                .iter()
                .map(|g| sorted(g.iter().map(|t| matcher.add_term(t)).collect()))
                .collect(),
            near: m.near.as_ref().map(|n| {
                (
                    n.within,
                    n.groups
                        .iter()
                        .map(|g| sorted(g.iter().map(|t| matcher.add_term(t)).collect()))
                        .collect(),
                )
            }),
            not: sorted(m.not.iter().map(|t| matcher.add_term(t)).collect()),
            regex,
            regex_prefilter,
            one_of: m
                .one_of
                .iter()
                .map(|a| CompiledMatch::compile(a, matcher))
                .collect::<Result<_, _>>()?,
        })
    }

    /// Does the statement match? `hits` are the statement's (context-checked) hits,
    /// `text` its normalised text. Returns the hit to point at, if any.
    pub fn eval(&self, hits: &StatementHits<'_>, text: &str) -> Option<Option<Hit>> {
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
        for group in &self.all {
            note(hits.first_of(group)?);
        }
        if let Some((within, groups)) = &self.near {
            let found = near(hits.hits, groups, *within)?;
            note(found);
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

    /// Every term the match looks for (not its `not` terms), sorted.
    pub fn terms(&self) -> Vec<TermId> {
        let mut out: Vec<TermId> = self.any.clone();
        out.extend(self.all.iter().flatten());
        if let Some((_, groups)) = &self.near {
            out.extend(groups.iter().flatten());
        }
        for alt in &self.one_of {
            out.extend(alt.terms());
        }
        sorted(out)
    }

    /// The hits of the top-level `any` terms (each is checked on its own by
    /// `require-with`), or `None` when the pattern has no `any` list.
    pub fn anchors(&self, hits: &[Hit]) -> Option<Vec<Hit>> {
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
    fn necessary_terms(&self, out: &mut Vec<TermId>, always: &mut bool) {
        if !self.any.is_empty() {
            out.extend(&self.any);
        } else if let Some(group) = self.all.iter().min_by_key(|g| g.len()) {
            // Any one group is necessary; the smallest is usually the topic.
            out.extend(group);
        } else if let Some(group) = self.near.as_ref().and_then(|(_, groups)| groups.first()) {
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

/// Literals one of which starts every match of `pattern`, if there are few enough
/// and each is long enough (two bytes or more) to be worth searching for.
fn literal_prefixes(pattern: &str) -> Option<Vec<(String, TermMode)>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let mut extractor = Extractor::new();
    extractor.kind(ExtractKind::Prefix);
    let seq = extractor.extract(&hir);
    let literals = seq.literals()?;
    if literals.is_empty() || literals.len() > 64 {
        return None;
    }
    // A regex that opens with `\b` matches only where a word starts; its literals
    // need only be looked for there: «plo» or «en» occur inside countless words,
    // and every such hit would be filtered and sorted for nothing.
    let at_word_start = starts_with_word_boundary(&hir);
    literals
        .iter()
        .map(|l| {
            let text = std::str::from_utf8(l.as_bytes()).ok()?;
            // What the automaton searches for is the normalised literal: it must
            // still be a substring of every match (not emptied, not shortened to one
            // byte that occurs everywhere).
            let normalized = normalize_term(text);
            if normalized.len() < 2 || !text.contains(normalized.as_str()) {
                return None;
            }
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
            Some((text.to_string(), mode))
        })
        .collect()
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
pub struct StatementHits<'a> {
    pub hits: &'a [Hit],
    /// (term, index in `hits` of its first hit of lowest rank), by term.
    by_term: Vec<(TermId, usize)>,
}

impl<'a> StatementHits<'a> {
    pub fn new(hits: &'a [Hit]) -> StatementHits<'a> {
        let mut by_term: Vec<(TermId, usize)> =
            hits.iter().enumerate().map(|(i, h)| (h.term, i)).collect();
        by_term.sort_unstable_by_key(|&(term, i)| (term, hits[i].rank(), i));
        by_term.dedup_by_key(|(term, _)| *term);
        StatementHits { hits, by_term }
    }

    fn position(&self, term: TermId) -> Option<usize> {
        self.by_term
            .binary_search_by_key(&term, |&(t, _)| t)
            .ok()
            .map(|k| self.by_term[k].1)
    }

    /// Whether a hit has one of `terms` (sorted).
    fn has_any(&self, terms: &[TermId]) -> bool {
        terms.iter().any(|&t| self.position(t).is_some())
    }

    /// The hit of lowest rank among those with one of `terms` (sorted), the first
    /// in `hits` of equals, as a scan of `hits` would find it.
    fn first_of(&self, terms: &[TermId]) -> Option<Hit> {
        terms
            .iter()
            .filter_map(|&t| self.position(t))
            .min_by_key(|&i| (self.hits[i].rank(), i))
            .map(|i| self.hits[i])
    }
}

/// A hit of every group, all within `within` words of the first group's hit.
fn near(hits: &[Hit], groups: &[Vec<TermId>], within: u32) -> Option<Hit> {
    let (first, rest) = groups.split_first()?;
    hits.iter()
        .filter(|h| first.binary_search(&h.term).is_ok())
        .find_map(|anchor| {
            let all_near = rest.iter().all(|group| {
                hits.iter().any(|h| {
                    group.binary_search(&h.term).is_ok() && h.word.abs_diff(anchor.word) <= within
                })
            });
            all_near.then_some(*anchor)
        })
}

impl RuleSet {
    /// Parses, validates and compiles a rule-set file.
    pub fn load(source: &RuleSetSource) -> Result<RuleSet, RuleSetError> {
        let file = load::parse(source)?;
        let mut matcher = TermMatcher::default();
        let mut rules = Vec::with_capacity(file.rules.len());
        let mut problems = Vec::new();
        // The key's only interior mutability is a lazily compiled regex, which
        // equality and hashing never look at (they use the pattern text).
        #[allow(clippy::mutable_key_type)]
        let mut pattern_keys: HashMap<CompiledMatch, u32> = HashMap::new();
        for rule in &file.rules {
            let compiled = |m: &Option<serde_saphyr::Spanned<Match>>, matcher: &mut TermMatcher| {
                m.as_ref()
                    .map(|m| CompiledMatch::compile(&m.value, matcher))
                    .transpose()
            };
            let (pattern, with) = match (
                compiled(&rule.pattern, &mut matcher),
                compiled(&rule.with, &mut matcher),
            ) {
                (Ok(p), Ok(w)) => (p, w),
                (Err(e), _) | (_, Err(e)) => {
                    problems.push(load::Problem {
                        message: e,
                        span: None,
                        help: None,
                    });
                    continue;
                }
            };
            let mut triggers = Vec::new();
            let mut always = false;
            // Only `match` decides where a rule can fire; `with` is looked for around its hits.
            match &pattern {
                Some(m) => m.necessary_terms(&mut triggers, &mut always),
                None => always = rule.check.is_none(),
            }
            triggers.sort_unstable();
            triggers.dedup();
            let next_key = pattern_keys.len() as u32;
            let pattern_key = pattern.as_ref().map_or(u32::MAX, |p| {
                *pattern_keys.entry(p.clone()).or_insert(next_key)
            });
            let line = rule.id.referenced.line() as usize;
            rules.push(Arc::new(CompiledRule {
                id: rule.id.value.clone(),
                title: rule.title.clone(),
                message: rule.message.clone(),
                category: rule.category.clone(),
                severity: rule.severity,
                kind: rule.kind,
                strength: rule.strength.unwrap_or(Strength::Any),
                pattern,
                with,
                within: rule.within.unwrap_or(12),
                replacement: rule.replacement.clone(),
                check: rule.check,
                rationale: rule.rationale.clone(),
                sources: rule.sources.clone(),
                suggestion: rule.suggestion.clone(),
                scopes: rule.scopes.clone(),
                examples: rule.examples.clone(),
                help_uri: rule.help_uri.clone(),
                triggers,
                always,
                pattern_key,
                line,
                fix_adds_equivalent: rule.kind == RuleKind::RequireWith
                    && rule.with.as_ref().is_some_and(|w| {
                        w.value.any.iter().any(|t| {
                            let text = match t {
                                schema::Term::Short(s) => s.as_str(),
                                schema::Term::Long(spec) => spec.term.as_str(),
                                // Product names are what a fix qualifies, never the qualifier.
                                schema::Term::Products(_) => "",
                            };
                            let text = text.to_lowercase();
                            ["tilsvar", "equivalent"]
                                .iter()
                                .any(|p| text.starts_with(p))
                        })
                    }),
            }));
        }
        let services = file
            .services
            .iter()
            .map(|s| CompiledService {
                id: s.id.clone(),
                name: s.name.clone(),
                detect: s.detect.iter().map(|t| matcher.add_term(t)).collect(),
            })
            .collect();
        if let Err(e) = matcher.build() {
            problems.push(load::Problem {
                message: e,
                span: None,
                help: None,
            });
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
            matcher,
            origin: source.name.clone(),
            sha256: super::embedded::known_digest(&source.text).map_or_else(
                || crate::sha256::hex_digest(source.text.as_bytes()),
                str::to_string,
            ),
            text: source.text.clone(),
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

impl Localized {
    /// The text in a language, falling back to bokmål.
    pub fn get(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Nb => &self.nb,
            crate::Lang::Nn => self.nn.as_deref().unwrap_or(&self.nb),
            crate::Lang::En => self.en.as_deref().unwrap_or(&self.nb),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    fn matcher(terms: &[Term]) -> (TermMatcher, Vec<TermId>) {
        let mut m = TermMatcher::default();
        let ids = terms.iter().map(|t| m.add_term(t)).collect();
        m.build().unwrap();
        (m, ids)
    }

    fn found(m: &TermMatcher, text: &str) -> Vec<(TermId, String)> {
        let n = normalize(text);
        m.find(&n, text)
            .into_iter()
            .map(|h| (h.term, n.text[h.start..h.end].to_string()))
            .collect()
    }

    fn short(s: &str) -> Term {
        Term::Short(s.into())
    }

    #[test]
    fn prefix_terms_match_inflections_and_compounds() {
        let (m, ids) = matcher(&[short("kjernejournal*")]);
        for text in [
            "kjernejournalen",
            "Kjernejournal-oppslag",
            "kjernejournalintegrasjon",
            "KJERNE\u{AD}JOURNAL",
        ] {
            assert_eq!(found(&m, text).len(), 1, "{text}");
            assert_eq!(found(&m, text)[0].0, ids[0]);
        }
        assert!(found(&m, "pasientkjernejournal").is_empty());
    }

    #[test]
    fn word_terms_need_boundaries() {
        let (m, _) = matcher(&[short("helseid")]);
        assert_eq!(found(&m, "Støtte for HelseID.").len(), 1);
        assert!(found(&m, "helseidentitet").is_empty());
    }

    #[test]
    fn suffix_and_substring_terms() {
        let (m, _) = matcher(&[short("*integrasjon"), short("*journal*")]);
        let hits = found(&m, "kjernejournalintegrasjonen");
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(found(&m, "kjernejournalintegrasjon").len(), 2);
    }

    #[test]
    fn exact_terms_keep_case() {
        let spec = Term::Long(schema::TermSpec {
            term: "KJ".into(),
            mode: Some(TermMode::Exact),
            context: vec![],
            window: None,
            except: vec![],
        });
        let (m, _) = matcher(&[spec]);
        assert_eq!(found(&m, "oppslag i KJ").len(), 1);
        assert!(found(&m, "kj og kJ").is_empty());
        assert!(found(&m, "KJERNE").is_empty());
    }

    #[test]
    fn exceptions_drop_the_compounds_and_senses_they_cover() {
        let spec = Term::Long(schema::TermSpec {
            term: "logg".into(),
            mode: Some(TermMode::Substring),
            context: vec![],
            window: None,
            except: vec![
                "*kjørelogg*".into(),
                "vaktlogg*".into(),
                "logget på som gjest".into(),
            ],
        });
        let (m, _) = matcher(&[spec]);
        for kept in [
            "tilgangslogg",
            "logging av oppslag",
            "loggen viser kjøring",
            "logget på av legen",
        ] {
            assert_eq!(found(&m, kept).len(), 1, "{kept}");
        }
        for dropped in [
            "kjørelogg",
            "elektronisk kjørelogg-app",
            "vaktloggen",
            "brukaren er logget på som gjest",
        ] {
            assert!(found(&m, dropped).is_empty(), "{dropped}");
        }
        // An exception must hold the hit, not merely sit nearby.
        assert_eq!(found(&m, "vaktlogg og tilgangslogg").len(), 1);
    }

    #[test]
    fn hyphen_and_space_spellings_are_equivalent() {
        let (m, _) = matcher(&[short("e-resept*")]);
        for text in ["e-resept", "E resept", "eResept", "e\u{2011}resepten"] {
            assert_eq!(found(&m, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn context_terms_filter_abbreviations() {
        let spec = Term::Long(schema::TermSpec {
            term: "AR".into(),
            mode: Some(TermMode::Exact),
            context: vec!["her-id".into(), "adresse*".into()],
            window: Some(5),
            except: vec![],
        });
        let (m, _) = matcher(&[spec]);
        let with = |text: &str| {
            let n = normalize(text);
            let hits = m.find(&n, text);
            m.with_context(hits.clone())
                .iter()
                .filter(|h| h.term == 2)
                .count()
        };
        assert_eq!(with("Løsningen skal slå opp HER-id i AR."), 1);
        assert_eq!(with("Løsningen skal støtte AR-briller for opplæring."), 0);
    }
}

#[cfg(test)]
mod sharing_tests {
    use super::*;

    fn load(rules: &str) -> RuleSet {
        let text = format!("id: t\nversion: 1.0.0\ntitle: {{nb: T}}\nrules:\n{rules}");
        RuleSet::load(&RuleSetSource {
            name: "t.yaml".into(),
            text: Arc::from(text.as_str()),
        })
        .unwrap_or_else(|e| panic!("{:?}", e.problems))
    }

    fn rule(id: &str, pattern: &str) -> String {
        format!(
            "  - id: {id}\n    title: {{nb: T}}\n    message: {{nb: M}}\n    category: c\n    severity: warning\n    kind: require\n    match: {pattern}\n    rationale: {{nb: R}}\n    sources: [{{url: \"https://example.org\", verified: V}}]\n"
        )
    }

    #[test]
    fn a_regex_alone_is_triggered_by_its_literal_prefixes() {
        let set = load(&rule(
            "R",
            r#"{regex: "(oppfylt|innfridd) (innen|by) \\d+"}"#,
        ));
        let r = &set.rules[0];
        assert!(
            !r.always,
            "a regex with literal prefixes needs no full scan"
        );
        assert!(!r.triggers.is_empty());
        let text = "Kravene skal være oppfylt innen 12.03.2027.";
        let n = crate::text::normalize(text);
        let hits = set.matcher.find(&n, text);
        assert!(
            hits.iter().any(|h| r.triggers.contains(&h.term)),
            "{hits:?}"
        );
        let pattern = r.pattern.as_ref().unwrap();
        assert!(pattern.eval(&StatementHits::new(&hits), &n.text).is_some());
    }

    /// The term index finds the hit a scan of the statement's hits finds: lowest
    /// rank, and the first of equals (hits at one place, own before inherited).
    #[test]
    fn statement_hits_pick_what_a_scan_picks() {
        let hits: Vec<Hit> = (0..40usize)
            .map(|i| Hit {
                term: (i * 7) % 9,
                start: (i * 5) % 7,
                end: (i * 5) % 7 + 3,
                word: 0,
                inherited: i % 2 == 0,
            })
            .collect();
        let index = StatementHits::new(&hits);
        for terms in [
            vec![],
            vec![0],
            vec![3, 5],
            vec![1, 2, 4, 8],
            vec![9, 10],
            (0..9).collect(),
        ] {
            let scanned = hits
                .iter()
                .filter(|h| terms.binary_search(&h.term).is_ok())
                .min_by_key(|h| h.rank())
                .copied();
            assert_eq!(index.first_of(&terms), scanned, "{terms:?}");
            assert_eq!(
                index.has_any(&terms),
                hits.iter().any(|h| terms.binary_search(&h.term).is_ok())
            );
        }
    }

    #[test]
    fn literals_of_a_regex_opening_with_a_word_boundary_must_start_a_word() {
        let set = load(&rule("R", r#"{regex: "\\b(plo|epikrise)[a-z]* \\d"}"#));
        let r = &set.rules[0];
        let text = "Deploy 2. PLO 3.";
        let n = crate::text::normalize(text);
        let hits = set.matcher.find(&n, text);
        let triggered: Vec<&str> = hits
            .iter()
            .filter(|h| r.triggers.contains(&h.term))
            .map(|h| &n.text[h.start..h.end])
            .collect();
        assert_eq!(triggered, ["plo"], "«plo» inside «deploy» is no trigger");
        // Without the boundary the literal may sit anywhere.
        let set = load(&rule("R", r#"{regex: "(plo|epikrise)[a-z]* \\d"}"#));
        let n = crate::text::normalize(text);
        let hits = set.matcher.find(&n, text);
        assert_eq!(
            hits.iter()
                .filter(|h| set.rules[0].triggers.contains(&h.term))
                .count(),
            2
        );
    }

    #[test]
    fn word_boundary_tests_agree_with_decoding_every_character() {
        let text = "Æ-ø 3x_é\u{1F}ß.«kjernejournal» 12ö";
        for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let before = text[..at].chars().next_back().is_some_and(is_word_char);
            let after = text[at..].chars().next().is_some_and(is_word_char);
            assert_eq!(word_char_before(text, at), before, "before {at}");
            assert_eq!(word_char_at(text, at), after, "at {at}");
        }
    }

    #[test]
    fn a_regex_without_literal_prefixes_runs_everywhere() {
        let set = load(&rule("R", r#"{regex: "\\d{2} ?%"}"#));
        assert!(set.rules[0].always);
    }

    #[test]
    fn equal_patterns_share_a_key_and_a_regex() {
        let set = load(&format!(
            "{}{}{}",
            rule("A", r#"{any: [kjernejournal], regex: "\\w+"}"#),
            rule("B", r#"{any: [kjernejournal], regex: "\\w+"}"#),
            rule("C", r#"{any: [e-resept]}"#),
        ));
        assert_eq!(set.rules[0].pattern_key, set.rules[1].pattern_key);
        assert_ne!(set.rules[0].pattern_key, set.rules[2].pattern_key);
        assert_eq!(set.distinct_patterns, 2);
        let regex = |i: usize| {
            set.rules[i]
                .pattern
                .as_ref()
                .unwrap()
                .regex
                .clone()
                .unwrap()
        };
        assert!(Arc::ptr_eq(&regex(0), &regex(1)));
    }
}
