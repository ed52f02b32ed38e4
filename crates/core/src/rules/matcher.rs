//! The term automaton: every term of every rule of a set goes into one
//! Aho-Corasick automaton over normalised text, so matching costs one pass per
//! block however many rules there are; word boundaries are checked in code,
//! because Unicode `\b` over big alternations is two orders of magnitude slower.
//! The sets checked together share one automaton ([`share_search`]), so a block
//! is searched once for all of them ([`find_each`]).

use super::products;
use super::schema::{self, Term, TermMode};
use super::terms;
use crate::text::normalize::{Normalized, is_word_char, normalize_term};
use search::{MAX_PATTERN_BYTES, Search};
pub(crate) use search::{find_each, share_search};
use std::sync::OnceLock;

/// A term of a set's matcher, by its index.
pub type TermId = usize;

/// How a `products` term is written in its [`TermInfo`]: no rule text can be
/// empty-prefixed like this, so it never equals a written term.
const PRODUCT_TERM: &str = "\u{0}named product";

/// A term found in a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Hit {
    /// The term hit.
    pub term: TermId,
    /// Byte range in the normalised text of the block.
    pub start: usize,
    /// End of the byte range in the normalised text of the block.
    pub end: usize,
    /// Index of the word the hit starts in (for `near` and context windows).
    pub word: u32,
    /// The hit is in the lead-in paragraph of a list item («Løsningen skal støtte
    /// følgende integrasjoner:»), not in the item itself; its range is in another block.
    pub inherited: bool,
}

impl Hit {
    /// Hits in the statement itself come before inherited ones, then by position.
    pub(super) fn rank(&self) -> (bool, usize) {
        (self.inherited, self.start)
    }
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
struct Exception {
    mode: TermMode,
    /// Each spelling with the byte offsets in it where a spelling of its term
    /// begins: where a hit of the term can sit inside an occurrence of the exception.
    spellings: Vec<(String, Vec<usize>)>,
}

impl Exception {
    /// `raw` as an exception to the term spelt `term_spellings`.
    fn parse(raw: &str, term_spellings: &[String]) -> Exception {
        let (mode, text) = terms::short(raw);
        let spellings = spelling_variants(&normalize_term(text))
            .into_iter()
            .map(|spelling| {
                let mut offsets: Vec<usize> = term_spellings
                    .iter()
                    .flat_map(|term| occurrences(spelling.as_bytes(), term.as_bytes()))
                    .collect();
                offsets.sort_unstable();
                offsets.dedup();
                (spelling, offsets)
            })
            .collect();
        Exception { mode, spellings }
    }

    /// Whether an occurrence of this exception holds the byte range `start..end` of
    /// `text`, a hit of its term. Such an occurrence holds the hit at one of the
    /// offsets where the term is in the exception, so only those places are
    /// compared: scanning a window around every hit was a tenth of the term search.
    fn covers(&self, text: &str, start: usize, end: usize) -> bool {
        self.spellings.iter().any(|(spelling, offsets)| {
            offsets.iter().any(|&offset| {
                let Some(s) = start.checked_sub(offset) else {
                    return false;
                };
                let e = s + spelling.len();
                e >= end
                    && text.as_bytes().get(s..e) == Some(spelling.as_bytes())
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

/// Where `needle` occurs in `haystack`, overlapping occurrences included. Both are
/// short (an exception and its term); a match of valid UTF-8 in valid UTF-8 starts
/// on a character boundary, so bytes are compared as they are.
fn occurrences<'a>(haystack: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let last = haystack.len().checked_sub(needle.len());
    (0..last.map_or(0, |last| last + 1))
        .filter(move |&at| !needle.is_empty() && haystack[at..].starts_with(needle))
}

type TermKey = (String, TermMode, Vec<TermId>, Option<u32>, Vec<Exception>);

/// All terms of a rule set in one automaton. A compiled set keeps the patterns
/// and terms; the automaton is built from them on first use, or shared with the
/// other sets of a check ([`share_search`]).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct TermMatcher {
    /// `None` inside when the matcher has no patterns.
    #[serde(skip)]
    search: OnceLock<Option<Search>>,
    /// Pattern index → term.
    pattern_terms: Vec<TermId>,
    terms: Vec<TermInfo>,
    /// (normalised text, mode, context, window, exceptions) → id, to share identical
    /// terms while the set compiles; a set read in compiled form adds no terms.
    #[serde(skip)]
    index: foldhash::HashMap<TermKey, TermId>,
    /// Term text as written → normalised, while the set compiles: a set's terms
    /// repeat (concept words named by many rules, rules copied in a local set), and
    /// normalising is most of the cost of adding a term.
    #[serde(skip)]
    normalized_texts: foldhash::HashMap<String, String>,
    /// A short term as written → its id, while the set compiles: rules name the same
    /// short terms again and again, and a set that repeats its rules repeats them all.
    #[serde(skip)]
    short_ids: foldhash::HashMap<String, TermId>,
    patterns: Vec<String>,
}

impl TermMatcher {
    fn add_short(&mut self, raw: &str) -> TermId {
        if let Some(&id) = self.short_ids.get(raw) {
            return id;
        }
        let (mode, text) = terms::short(raw);
        let id = self.add(text, mode, Vec::new(), None, Vec::new());
        self.short_ids.insert(raw.to_string(), id);
        id
    }

    pub(super) fn add_term(&mut self, term: &Term) -> TermId {
        match term {
            Term::Short(raw) => self.add_short(raw),
            Term::Long(spec) => {
                let context: Vec<TermId> = spec.context.iter().map(|c| self.add_short(c)).collect();
                let mode = spec.mode.unwrap_or(TermMode::Word);
                let term_spellings = spelling_variants(&self.normalized(&spec.term));
                let except = spec
                    .except
                    .iter()
                    .map(|e| Exception::parse(e, &term_spellings))
                    .collect();
                self.add(&spec.term, mode, context, spec.window, except)
            }
            Term::Products(spec) => self.add_products(&spec.products),
            // A rule's concepts are expanded into their words before its terms
            // come here (`concepts::Lexicon`); a concept as such has no words.
            Term::Concept(_) => self.push_info("", TermMode::Word, None),
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

    /// A term with no context and no exceptions (a regex's literal prefix).
    pub(super) fn add_literal(&mut self, text: &str, mode: TermMode) -> TermId {
        self.add(text, mode, Vec::new(), None, Vec::new())
    }

    fn add(
        &mut self,
        text: &str,
        mode: TermMode,
        context: Vec<TermId>,
        window: Option<u32>,
        except: Vec<Exception>,
    ) -> TermId {
        let normalized = self.normalized(text);
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

    /// `text` normalised, once per distinct text (`normalized_texts`).
    fn normalized(&mut self, text: &str) -> String {
        if let Some(done) = self.normalized_texts.get(text) {
            return done.clone();
        }
        let done = normalize_term(text);
        self.normalized_texts.insert(text.to_string(), done.clone());
        done
    }

    /// Ends compiling: no term is added after this. The automaton is built on
    /// first use, since the sets of a check share one; here only its size is
    /// checked, the one way building it can fail.
    pub(super) fn build(&mut self) -> Result<(), String> {
        // With many rules the index of every term's key is megabytes a check would
        // carry for nothing.
        self.index = foldhash::HashMap::default();
        self.normalized_texts = foldhash::HashMap::default();
        self.short_ids = foldhash::HashMap::default();
        let bytes: usize = self.patterns.iter().map(String::len).sum();
        if bytes > MAX_PATTERN_BYTES {
            return Err(format!(
                "cannot build the term automaton: its terms are {bytes} bytes, more than {MAX_PATTERN_BYTES}"
            ));
        }
        Ok(())
    }

    /// How many terms the matcher has (hidden ones of `products` terms included).
    pub(crate) fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The automaton this matcher's patterns are in: shared, or its own, built now.
    fn search(&self) -> Option<&Search> {
        self.search
            .get_or_init(|| Search::of(&self.patterns))
            .as_ref()
    }

    /// Every term hit in a normalised block text. `original` is the text before
    /// normalisation, for `exact` terms.
    pub(crate) fn find(&self, normalized: &Normalized, original: &str) -> Vec<Hit> {
        let Some(search) = self.search() else {
            return Vec::new();
        };
        let text = normalized.text.as_str();
        let mut found = Found::new(text);
        for m in search.automaton().find_overlapping_iter(text) {
            for pattern in search.own(m.pattern().as_usize()) {
                self.gather(
                    pattern,
                    (m.start(), m.end()),
                    (normalized, original),
                    &mut found,
                );
            }
        }
        self.finish(found, text)
    }

    /// Takes in a hit of `pattern` at `start..end`, if its term's boundaries,
    /// exceptions and roles let it count.
    fn gather(
        &self,
        pattern: usize,
        (start, end): (usize, usize),
        (normalized, original): (&Normalized, &str),
        found: &mut Found,
    ) {
        let text = normalized.text.as_str();
        let term = self.pattern_terms[pattern];
        let info = &self.terms[term];
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
                found.products = true;
                found.hits.push(Hit {
                    term: owner,
                    start,
                    end,
                    word: 0,
                    inherited: false,
                });
            }
            return;
        }
        let excepted = || info.except.iter().any(|e| e.covers(text, start, end));
        if ok && (info.except.is_empty() || !excepted()) {
            found.hits.push(Hit {
                term,
                start,
                end,
                word: 0,
                inherited: false,
            });
        }
    }

    /// The hits gathered from a text, in order, each once, with their word numbers.
    fn finish(&self, found: Found, text: &str) -> Vec<Hit> {
        let mut hits = self.settle(found);
        number_words(text, &mut hits);
        hits
    }

    /// The hits gathered from a text, in order and each once, not yet numbered by word.
    fn settle(&self, found: Found) -> Vec<Hit> {
        let Found { mut hits, products } = found;
        hits.sort_by_key(|h| (h.start, h.term, std::cmp::Reverse(h.end)));
        hits.dedup_by_key(|h| (h.start, h.term));
        if products {
            // One product, one hit: «SharePoint» inside «Microsoft SharePoint» is the same one.
            let all = hits.clone();
            hits.retain(|h| {
                self.terms[h.term].written != PRODUCT_TERM
                    || !all
                        .iter()
                        .any(|o| o.term == h.term && o.start <= h.start && o.end >= h.end && o != h)
            });
        }
        hits
    }

    /// Whether a term is the abbreviation `abbreviation` (lower case) as a whole word:
    /// a `word` or `exact` term of that text, which a tender's definition can redefine.
    pub(crate) fn is_abbreviation_term(&self, term: TermId, abbreviation: &str) -> bool {
        self.terms.get(term).is_some_and(|info| {
            matches!(info.mode, TermMode::Word | TermMode::Exact)
                && normalize_term(&info.written) == abbreviation
        })
    }

    /// The context terms a term demands («KJ» near «kjernejournal*»).
    pub(crate) fn context_of(&self, term: TermId) -> &[TermId] {
        self.terms
            .get(term)
            .map(|info| info.context.as_slice())
            .unwrap_or_default()
    }

    /// Keeps only hits whose context demand is met within the statement's hits.
    pub(crate) fn with_context(&self, mut hits: Vec<Hit>) -> Vec<Hit> {
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

/// The hits of one matcher gathered from one text.
struct Found {
    hits: Vec<Hit>,
    /// Whether any hit is a product, which then must be found once.
    products: bool,
}

impl Found {
    fn new(text: &str) -> Found {
        // Grown from empty, the list was reallocated about three times a block
        // (30,000 times on pandoc_big.docx); bounded, since most blocks hit little.
        Found {
            hits: Vec::with_capacity((text.len() / 16).min(256)),
            products: false,
        }
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
/// blocks have no hits, and the table would cost more memory than the text. The
/// sweep takes eight ASCII bytes at a time ([`ascii_word_starts`]): byte by byte it
/// was a sixth of the term search of a large tender.
fn number_words(text: &str, hits: &mut [Hit]) {
    let mut counter = WordCounter::new(text);
    for hit in hits.iter_mut() {
        hit.word = counter.word_at(hit.start);
    }
}

/// [`number_words`] for the hits of several matchers in one text, each list sorted
/// by start, in one sweep of the text rather than one per matcher.
fn number_words_each(text: &str, lists: &mut [Vec<Hit>]) {
    let mut counter = WordCounter::new(text);
    let mut next = vec![0usize; lists.len()];
    while let Some(k) = (0..lists.len())
        .filter(|&k| next[k] < lists[k].len())
        .min_by_key(|&k| lists[k][next[k]].start)
    {
        let hit = &mut lists[k][next[k]];
        hit.word = counter.word_at(hit.start);
        next[k] += 1;
    }
}

/// Counts the words of a text up to positions asked for in increasing order.
struct WordCounter<'t> {
    text: &'t str,
    at: usize,
    words: u32,
    in_word: bool,
}

impl<'t> WordCounter<'t> {
    fn new(text: &'t str) -> WordCounter<'t> {
        WordCounter {
            text,
            at: 0,
            words: 0,
            in_word: false,
        }
    }

    /// The index of the word byte `start` is in, or of the last word before it.
    fn word_at(&mut self, start: usize) -> u32 {
        let bytes = self.text.as_bytes();
        // The bytes up to and including the hit's first are counted.
        let stop = start.saturating_add(1).min(bytes.len());
        while self.at < stop {
            let at = self.at;
            if at + 8 <= stop
                && let Some(Ok(chunk)) = bytes.get(at..at + 8).map(<[u8; 8]>::try_from)
                && let Some((starts, ends_in_word)) = ascii_word_starts(chunk, self.in_word)
            {
                self.words += starts;
                self.in_word = ends_in_word;
                self.at += 8;
                continue;
            }
            let (is_word, len) = match bytes[at] {
                b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
                _ => self.text[at..]
                    .chars()
                    .next()
                    .map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
            };
            self.words += u32::from(is_word && !self.in_word);
            self.in_word = is_word;
            self.at += len;
        }
        self.words.saturating_sub(1)
    }
}

/// How many words start in eight ASCII bytes, given whether a word runs into them,
/// and whether one runs on past them; `None` when a byte is not ASCII. Each byte's
/// class is computed in parallel in one 64-bit word: a byte `x < 0x80` is in
/// `lo..=hi` when `x + 0x80 - lo` has its top bit and `x + 0x7f - hi` has not, and
/// neither sum carries into the next byte.
fn ascii_word_starts(chunk: [u8; 8], in_word: bool) -> Option<(u32, bool)> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = ONES * 0x80;
    let x = u64::from_le_bytes(chunk);
    if x & TOPS != 0 {
        return None;
    }
    let within = |lo: u8, hi: u8| {
        (x + ONES * u64::from(0x80 - lo)) & !(x + ONES * u64::from(0x7f - hi)) & TOPS
    };
    let word = within(b'0', b'9') | within(b'a', b'z') | within(b'A', b'Z');
    // Byte i's predecessor is byte i - 1, the next lower one in little-endian order.
    let before = (word << 8) | if in_word { 0x80 } else { 0 };
    // Each byte of `starts >> 7` is 0 or 1: multiplying by `ONES` sums them into the
    // top byte, where no popcount instruction is at hand.
    let starts = (word & !before) >> 7;
    let count = (starts.wrapping_mul(ONES) >> 56) as u32;
    Some((count, word & (1 << 63) != 0))
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

mod search;
#[cfg(test)]
mod tests;
