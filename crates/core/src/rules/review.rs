//! «Possibly covered — check»: what each `require` rule is about, as weighted
//! word stems, so that a normative sentence that matched none of a rule's terms
//! but says nearly what its requirement text says can be shown for review.
//!
//! A rule's profile is the stems of its suggestion (every language), title,
//! message and pass examples, each weighted by how rare it is across the set's
//! rules (inverse document frequency over rules): a stem every rule uses says
//! nothing. Synonym groups (the set's concept lexicon, when it has one) fold
//! their members onto one stem. Profiles are compiled once per rule set and
//! shared by every check of it; a check looks each statement stem up in an
//! inverted index from stems to rules, so only rules sharing a stem are scored.

use super::RuleSet;
use super::schema::{Localized, RuleKind};
use crate::text::stems::{each_stem, stems};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

/// The similarity below which a sentence is not shown for review, chosen on
/// fixtures/accuracy and fixtures/heldout: of the sentences between 0.15 and
/// 0.23 few cover their rule (about one in ten, 47 read), above it about half do.
/// With the 1.2.0 sets and their concept lexicon, 0.23 flags 9 of 574 missing
/// results in those 12 tenders, and 24 sentences in all 33 tenders measured
/// (with fixtures/fresh, fixtures/tenders and the real tenders), 12 of which
/// cover or nearly cover their rule.
pub const REVIEW_THRESHOLD: f32 = 0.23;

/// Every `require` rule's profile and the index from stems to rules.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct ReviewProfiles {
    /// Stem → (rule index, the stem's weight in the rule's profile).
    /// Rule indexes are `u32` and each list exactly as long as it is: with many
    /// rules the postings are most of the profiles' memory.
    index: StemMap<Vec<(u32, f32)>>,
    /// Rule index → the length of its weight vector (0 for rules not profiled).
    norms: Vec<f32>,
    /// Member stem → the stem of its synonym group.
    synonyms: StemMap<String>,
}

/// A map from stems, looked up twice for every stem of every normative sentence
/// of a tender, once per set: SipHash, the default, was a fifth of that work.
/// The keys come from rule sets, not from the tender, so a hash that an attacker
/// could collide buys nothing: tender text only looks keys up.
type StemMap<V> = HashMap<String, V, BuildHasherDefault<StemHasher>>;

/// The multiply-rotate hash rustc uses for its own tables (FxHash), eight bytes
/// at a time.
#[derive(Default, Clone, Copy)]
struct StemHasher(u64);

impl Hasher for StemHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &byte in chunks.remainder() {
            self.add(u64::from(byte));
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl StemHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl ReviewProfiles {
    /// The profiles of `set` with its concept lexicon, compiled on first use and
    /// kept for the process (keyed by the set's origin and digest, so an edited
    /// file is compiled anew).
    pub fn of(set: &RuleSet) -> Arc<ReviewProfiles> {
        if let Some(built) = &set.review {
            return built.clone();
        }
        type Cache = Mutex<HashMap<(String, String), Arc<ReviewProfiles>>>;
        static CACHE: OnceLock<Cache> = OnceLock::new();
        let key = (set.origin.clone(), set.sha256.clone());
        let cache = CACHE.get_or_init(Cache::default);
        if let Some(found) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return found;
        }
        let compiled = Arc::new(ReviewProfiles::of_set(set));
        if let Ok(mut c) = cache.lock() {
            c.insert(key, compiled.clone());
        }
        compiled
    }

    /// The profiles of `set` with its concept lexicon, compiled now.
    pub(crate) fn of_set(set: &RuleSet) -> ReviewProfiles {
        ReviewProfiles::compile(set, &concept_groups(set))
    }

    /// Compiles the profiles; `synonym_groups` are the set's concept lexicon
    /// (words of one concept, any language), empty for a set without one.
    pub fn compile(set: &RuleSet, synonym_groups: &[Vec<String>]) -> ReviewProfiles {
        let mut synonyms = StemMap::default();
        for group in synonym_groups {
            let mut members = group.iter().flat_map(|w| stems(w));
            if let Some(head) = members.next() {
                for member in members {
                    synonyms.insert(member, head.clone());
                }
            }
        }
        // Each rule's text; its bag of stems borrows from the text in lower case (or
        // from `synonyms`), sorted and without repeats: one String per distinct stem
        // of the set (in the index) instead of one per word.
        let texts: Vec<String> = set.rules.iter().map(|rule| profile_text(rule)).collect();
        // Rules copied within a set (a local set built from a default one) share
        // their texts: each distinct text is lowered and stemmed once (lowering
        // Norwegian text goes character by character), and its rules share the bag.
        let mut distinct: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
        let mut lowered: Vec<String> = Vec::new();
        // Distinct text → the rules that have it, in rule order.
        let mut rules_of: Vec<Vec<u32>> = Vec::new();
        for (ri, text) in texts.iter().enumerate() {
            let bag = *distinct.entry(text.as_str()).or_insert_with(|| {
                lowered.push(text.to_lowercase());
                rules_of.push(Vec::new());
                lowered.len() - 1
            });
            rules_of[bag].push(ri as u32);
        }
        let stemmed: Vec<Vec<&str>> = lowered
            .iter()
            .map(|lower| {
                let mut bag = Vec::new();
                each_stem(lower, |s| {
                    bag.push(synonyms.get(s).map_or(s, String::as_str));
                });
                bag.sort_unstable();
                bag.dedup();
                bag
            })
            .collect();
        let rules = stemmed
            .iter()
            .zip(&rules_of)
            .filter(|(bag, _)| !bag.is_empty())
            .map(|(_, rules)| rules.len())
            .sum::<usize>()
            .max(1) as f32;
        let mut df: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
        for (bag, rules) in stemmed.iter().zip(&rules_of) {
            for &s in bag {
                *df.entry(s).or_default() += rules.len();
            }
        }
        let idf = |s: &str| (rules / df.get(s).copied().unwrap_or(1) as f32).ln();
        let mut index: StemMap<Vec<(u32, f32)>> = StemMap::default();
        let mut norms = vec![0.0; texts.len()];
        for (bag, rules) in stemmed.iter().zip(&rules_of) {
            // The bag's weights and their vector's length, summed in the bag's order.
            let weights: Vec<(&str, f32)> = bag
                .iter()
                .map(|&s| (s, idf(s)))
                .filter(|&(_, w)| w > 0.0)
                .collect();
            let norm = weights.iter().fold(0.0f32, |sum, &(_, w)| sum + w * w);
            for &(s, w) in &weights {
                let of_bag = rules.iter().map(|&ri| (ri, w));
                if let Some(postings) = index.get_mut(s) {
                    postings.extend(of_bag);
                } else {
                    index.insert(s.to_owned(), of_bag.collect());
                }
            }
            for &ri in rules {
                norms[ri as usize] = norm.sqrt();
            }
        }
        for postings in index.values_mut() {
            // In rule order, as a check reads them.
            postings.sort_unstable_by_key(|&(ri, _)| ri);
            postings.shrink_to_fit();
        }
        index.shrink_to_fit();
        ReviewProfiles {
            index,
            norms,
            synonyms,
        }
    }

    /// The distinct stems of a statement's lower-case (normalised) text, folded
    /// through the synonym groups; borrowed from the text or the profiles.
    pub fn statement_stems<'s>(&'s self, lower: &'s str) -> Vec<&'s str> {
        // About one stem in every eight bytes of a sentence: sized once, not grown.
        let mut out: Vec<&str> = Vec::with_capacity(lower.len() / 8);
        each_stem(lower, |s| {
            out.push(self.synonyms.get(s).map_or(s, String::as_str));
        });
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Each rule sharing stems with `statement_stems`, with its similarity, at
    /// least [`REVIEW_THRESHOLD`].
    pub fn similar_rules(&self, statement_stems: &[&str]) -> Vec<(usize, f32)> {
        let mut out = self.scores(statement_stems);
        out.retain(|(_, score)| *score >= REVIEW_THRESHOLD);
        out
    }

    /// The similarity of every rule sharing at least two stems with the
    /// statement: the cosine of the rule's idf weights and the statement's stems,
    /// each weighted by its highest idf in the set.
    pub fn scores(&self, statement_stems: &[&str]) -> Vec<(usize, f32)> {
        // (rule, dot product, shared stems), a few rules per statement, in the
        // order first met; `slot` finds a rule's entry without a search through
        // them, which with many rules cost more than the rest of the check.
        let mut shared: Vec<(usize, f32, u32)> = Vec::new();
        let mut slot: Vec<u32> = vec![u32::MAX; self.norms.len()];
        let mut statement_norm = 0.0;
        for s in statement_stems {
            let Some(postings) = self.index.get(*s) else {
                // Words the set never uses still make a sentence longer: counted
                // at the weight of a rare stem, so a long sentence is not close
                // to everything.
                statement_norm += 1.0;
                continue;
            };
            let w = postings.iter().map(|p| p.1).fold(0.0, f32::max);
            statement_norm += w * w;
            for &(ri, rw) in postings {
                let ri = ri as usize;
                match slot.get(ri).and_then(|&at| shared.get_mut(at as usize)) {
                    Some(e) => {
                        e.1 += rw * w;
                        e.2 += 1;
                    }
                    None => {
                        if let Some(at) = slot.get_mut(ri) {
                            *at = shared.len() as u32;
                        }
                        shared.push((ri, rw * w, 1));
                    }
                }
            }
        }
        let statement_norm: f32 = statement_norm.sqrt();
        let mut out: Vec<(usize, f32)> = shared
            .into_iter()
            .filter(|e| e.2 >= 2)
            .filter_map(|(ri, dot, _)| {
                let norm = self.norms.get(ri).copied().unwrap_or(0.0) * statement_norm;
                (norm > 0.0).then(|| (ri, dot / norm))
            })
            .collect();
        out.sort_unstable_by_key(|&(ri, _)| ri);
        out
    }
}

/// The set's concept lexicon as synonym groups: each concept's one-word terms
/// (a `*` prefix term by its stem). Words of several words are left out: their
/// parts are not synonyms of the concept.
fn concept_groups(set: &RuleSet) -> Vec<Vec<String>> {
    set.concepts
        .iter()
        .map(|concept| {
            concept
                .words()
                .filter_map(|word| word.text.as_deref())
                .map(|w| w.trim_end_matches('*').to_lowercase())
                .filter(|w| !w.contains(' ') && w.chars().count() >= 3)
                .collect()
        })
        .collect()
}

/// What a `require` rule's profile is made of: its title, message and suggestion
/// (every language) and its pass examples; empty for the other kinds.
fn profile_text(rule: &super::CompiledRule) -> String {
    let mut text = String::new();
    if rule.kind != RuleKind::Require {
        return text;
    }
    for l in [
        Some(&rule.title),
        Some(&rule.message),
        rule.suggestion.as_deref(),
    ]
    .into_iter()
    .flatten()
    {
        push_localized(&mut text, l);
    }
    for example in &rule.examples.pass {
        text.push_str(example);
        text.push(' ');
    }
    text
}

fn push_localized(text: &mut String, l: &Localized) {
    for t in [Some(&l.nb), l.nn.as_ref(), l.en.as_ref()]
        .into_iter()
        .flatten()
    {
        text.push_str(t);
        text.push(' ');
    }
}
