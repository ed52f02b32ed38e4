//! The engine: compiled rule sets over a tender → one result per rule.
//!
//! The tender is taken in stretches of blocks: each stretch is prepared
//! (normalised, cut into statements), observed by every rule set and dropped, and
//! what the rules observed is kept as a tally. Within a stretch, one pass per block
//! and rule set: the set's automaton finds every term, the hits are grouped by
//! statement, and only the rules those terms trigger are evaluated there.

mod legend;
pub mod reading;
mod statements;

pub use legend::{LegendEntry, TypeLegend};
pub use statements::{
    Columns, PreparedBlock, PreparedStretch, RowInfo, Statement, prepare, prepare_each,
    prepare_stretch, prepare_with, stretches,
};

use crate::document::markdown::LineIndexRef;
use crate::document::{Document, Location};
use crate::findings::{Coverage, DefinitionNote, Evidence, RuleResult, Status};
use crate::rules::schema::{BuiltinCheck, RuleKind, Severity, Strength};
use crate::rules::{CompiledRule, Hit, RuleSet, StatementHits};
use crate::text::Modality;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// How many pieces of evidence a result keeps (the total is reported too).
pub const MAX_EVIDENCE: usize = 25;

/// Settings that change what the engine concludes.
#[derive(Debug, Clone, Default)]
pub struct EngineOptions {
    /// Services declared for the tender (flag or configuration); front matter adds to these.
    pub services: Vec<String>,
    /// Where [`EngineOptions::services`] came from: `--services`, or the
    /// configuration file's path.
    pub services_origin: String,
    /// What files say about themselves outside their text (Word document
    /// properties), by document index.
    pub document_facts: Vec<DocumentFacts>,
}

/// What a document says about itself outside its body: services it declares and
/// title-like texts (title, subject, keywords) that service detection reads.
#[derive(Debug, Clone, Default)]
pub struct DocumentFacts {
    pub doc: usize,
    pub declared: Vec<String>,
    pub titles: Vec<String>,
}

/// Where a service in scope came from: the flag, the configuration, a file's front
/// matter or Word properties, or the file and heading it was detected under.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct ServiceOrigin {
    pub service: String,
    /// `flag`, `config`, `front-matter`, `document-properties` (declared), or
    /// `title`, `document-properties-title`, `text` (detected).
    pub kind: String,
    /// The file it stands in (the configuration file for `config`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The section path it was detected under (`text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

impl ServiceOrigin {
    fn new(service: &str, kind: &str, file: Option<String>) -> ServiceOrigin {
        ServiceOrigin {
            service: service.to_string(),
            kind: kind.to_string(),
            file,
            section: None,
        }
    }
}

/// Services in scope for one rule set.
#[derive(Debug, Clone, Default)]
pub struct ScopeInfo {
    pub declared: Vec<String>,
    pub detected: Vec<String>,
    pub origins: Vec<ServiceOrigin>,
}

impl ScopeInfo {
    pub fn effective(&self) -> &[String] {
        if self.declared.is_empty() {
            &self.detected
        } else {
            &self.declared
        }
    }
}

/// A place where a rule's pattern matched. Ordered by place, so that equal
/// observations of different rules sort together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Observation {
    doc: usize,
    block: usize,
    statement: usize,
    hit: Option<Hit>,
    coverage: Coverage,
    /// For `redefined`: the index of the tender's definition that redefines the hit.
    definition: Option<u32>,
}

/// Evaluates rule sets over a tender: for each set, in order, one result per rule
/// and the services in scope.
pub fn evaluate(
    docs: &[Document],
    sets: &[RuleSet],
    options: &EngineOptions,
) -> Vec<(Vec<RuleResult>, ScopeInfo)> {
    // A definition in one file of the tender holds for all: read them all first, and
    // only for sets that read them (a cheap pass: most blocks have no capitals).
    let definitions: Vec<reading::Definition> = if sets.iter().any(|s| s.reading.definitions) {
        docs.par_iter()
            .enumerate()
            .flat_map_iter(|(di, doc)| reading::definitions_in(doc, di))
            .collect()
    } else {
        Vec::new()
    };
    let plans: Vec<SetPlan> = sets
        .iter()
        .map(|set| SetPlan::new(set, docs, &definitions))
        .collect();
    // What the tender's own type codes mean, from wherever in the tender it says so.
    let legend = TypeLegend::gather(docs);

    // Blocks are independent until the conclusions (what they inherit from headings
    // and lead-ins is looked up, not carried along): stretches of blocks are prepared
    // and observed in parallel, so one long document uses every core too, and merged
    // in order, so results do not depend on scheduling. A stretch is dropped once
    // observed: only the tallies outlive it.
    let stretches: Vec<(usize, std::ops::Range<usize>)> = docs
        .iter()
        .enumerate()
        .flat_map(|(di, doc)| stretches(doc.blocks.len()).map(move |range| (di, range)))
        .collect();
    let no_observations = || -> Vec<StretchObservations> {
        sets.iter()
            .map(|set| (SetTally::new(set.rules.len()), BTreeMap::new()))
            .collect()
    };
    // rayon's reduce keeps the order of an indexed iterator, and merging as stretches
    // finish keeps only a few stretches' tallies alive at once.
    let observed: Vec<StretchObservations> = stretches
        .into_par_iter()
        .map(|(di, range)| {
            let doc = &docs[di];
            let stretch = prepare_stretch(doc, range, &legend);
            sets.iter()
                .zip(&plans)
                .map(|(set, plan)| observe_stretch(set, plan, doc, di, &stretch))
                .collect::<Vec<_>>()
        })
        .reduce(no_observations, |mut earlier, later| {
            for ((tally, services), (more, more_services)) in earlier.iter_mut().zip(later) {
                tally.append(more);
                // The first place a service is mentioned is the one reported.
                for (service, at) in more_services {
                    services.entry(service).or_insert(at);
                }
            }
            earlier
        });

    let mut declared: Vec<String> = options.services.clone();
    let mut declared_origins: Vec<ServiceOrigin> = options
        .services
        .iter()
        .map(|s| {
            if options.services_origin == "--services" || options.services_origin.is_empty() {
                ServiceOrigin::new(s, "flag", None)
            } else {
                ServiceOrigin::new(s, "config", Some(options.services_origin.clone()))
            }
        })
        .collect();
    for doc in docs {
        let front = front_matter(doc);
        for s in &front.services {
            declared_origins.push(ServiceOrigin::new(
                s,
                "front-matter",
                Some(doc.path.display().to_string()),
            ));
        }
        declared.extend(front.services);
    }
    for facts in &options.document_facts {
        let Some(doc) = docs.get(facts.doc) else {
            continue;
        };
        for s in &facts.declared {
            declared_origins.push(ServiceOrigin::new(
                s,
                "document-properties",
                Some(doc.path.display().to_string()),
            ));
        }
        declared.extend(facts.declared.iter().cloned());
    }
    declared.sort();
    declared.dedup();
    declared_origins.sort();
    declared_origins.dedup();
    let concluded: Vec<SetConclusion> = sets
        .iter()
        .zip(observed)
        .map(|(set, (tally, mut detected_at))| {
            let titled = title_services(set, docs, &options.document_facts);
            for (service, kind, doc) in titled {
                detected_at
                    .entry(service)
                    .or_insert(Place::Named(kind, doc));
            }
            let origins = if declared.is_empty() {
                detected_at
                    .iter()
                    .map(|(service, place)| place.origin(service, docs))
                    .collect()
            } else {
                declared_origins.clone()
            };
            let scope = ScopeInfo {
                declared: declared.clone(),
                detected: detected_at.into_keys().collect(),
                origins,
            };
            let results = set
                .rules
                .iter()
                .zip(tally.into_rules())
                .map(|(rule, tally)| conclude(set, rule, tally, scope.effective()))
                .collect();
            (results, scope)
        })
        .collect();

    // Rules citing the same statement for the same hit cite the same evidence:
    // each piece is built once and copied to the results citing it.
    let mut cited: Vec<Observation> = concluded
        .iter()
        .flat_map(|(results, _)| results.iter().flat_map(|(_, chosen)| chosen))
        .copied()
        .collect();
    cited.sort_unstable();
    cited.dedup();
    // The blocks evidence points at are prepared again, a few per rule, where keeping
    // every prepared block for them would hold the whole tender.
    let mut wanted: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for o in &cited {
        if let Some(blocks) = wanted.get_mut(o.doc)
            && blocks.last() != Some(&o.block)
        {
            blocks.push(o.block);
        }
    }
    let cited_blocks: Vec<CitedBlocks> = wanted
        .into_par_iter()
        .zip(docs)
        .map(|(indices, doc)| {
            let prepared = prepare_each(doc, &indices, &legend);
            let lines = doc
                .source
                .as_ref()
                .filter(|_| !indices.is_empty())
                .map(|s| LineIndexRef::new(s.clone()));
            // Word evidence is placed under its heading; one pass per cited document.
            let positions = if doc.format == crate::document::Format::Docx && !indices.is_empty() {
                doc.positions_under_headings()
            } else {
                Vec::new()
            };
            (indices, prepared, lines, positions)
        })
        .collect();
    let sources = Sources {
        docs,
        cited: &cited_blocks,
        definitions: &definitions,
    };
    let built: Vec<Option<Evidence>> = cited.par_iter().map(|o| evidence(o, &sources)).collect();
    let evidence_of = |o: &Observation| {
        let at = cited.binary_search(o).ok()?;
        built.get(at)?.clone()
    };
    concluded
        .into_iter()
        .map(|(results, scope)| {
            let results = results
                .into_iter()
                .map(|(mut result, chosen)| {
                    result.evidence = chosen.iter().filter_map(evidence_of).collect();
                    result
                })
                .collect();
            (results, scope)
        })
        .collect()
}

/// A set's results before their evidence is built, each with the observations it
/// will cite, and the set's scope.
type SetConclusion = (Vec<(RuleResult, Vec<Observation>)>, ScopeInfo);

/// What a rule set needs at hand while observing: which rules each term triggers,
/// and each document's non-normative sections by its headings.
struct SetPlan {
    triggers: Triggers,
    /// Indexed by document, then section.
    nonnormative: Vec<Vec<bool>>,
    /// Award-criteria sections, indexed by document, then section (`reading:
    /// award_criteria`; empty otherwise).
    award: Vec<Vec<bool>>,
    /// The abbreviations each rule does not count in this tender (`reading:
    /// definitions`), indexed by rule.
    redefined: reading::Redefinitions,
    /// Sections about the tender's scope, where service detection reads even
    /// background text («1 Innledning og omfang»). Indexed like `nonnormative`.
    scope: Vec<Vec<bool>>,
}

impl SetPlan {
    fn new(set: &RuleSet, docs: &[Document], definitions: &[reading::Definition]) -> SetPlan {
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
        SetPlan {
            triggers: Triggers { by_term, always },
            nonnormative: docs
                .iter()
                .map(|doc| nonnormative_sections(doc, set))
                .collect(),
            award: if set.reading.award_criteria {
                docs.iter().map(reading::award_sections).collect()
            } else {
                Vec::new()
            },
            redefined: reading::redefinitions(set, definitions),
            scope: docs.iter().map(scope_sections).collect(),
        }
    }
}

/// One rule set's observations in one prepared stretch: the terms' and the
/// structural checks'.
fn observe_stretch(
    set: &RuleSet,
    plan: &SetPlan,
    doc: &Document,
    di: usize,
    stretch: &PreparedStretch,
) -> StretchObservations {
    let nonnormative = plan
        .nonnormative
        .get(di)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let scope = plan.scope.get(di).map(Vec::as_slice).unwrap_or_default();
    let (mut tally, services) = observe_blocks(set, plan, doc, stretch, di, (nonnormative, scope));
    // Structural checks look at table rows, not terms.
    for (ri, rule) in set.rules.iter().enumerate() {
        if let Some(check) = rule.check {
            run_check(check, doc, stretch, di, nonnormative, ri, &mut tally);
        }
    }
    (tally, services)
}

/// What evidence is built from: the documents and, for each, the blocks it cites
/// (indices in increasing order, their preparation) and its line index if it is
/// Markdown.
struct Sources<'a> {
    docs: &'a [Document],
    cited: &'a [CitedBlocks],
    definitions: &'a [reading::Definition],
}

/// One document's cited blocks (indices in increasing order), their preparation,
/// its line index (Markdown) and its blocks' positions under headings (Word).
type CitedBlocks = (
    Vec<usize>,
    Vec<PreparedBlock>,
    Option<LineIndexRef>,
    Vec<u32>,
);

impl Sources<'_> {
    fn block(&self, doc: usize, block: usize) -> Option<&PreparedBlock> {
        let (indices, prepared, _, _) = self.cited.get(doc)?;
        prepared.get(indices.binary_search(&block).ok()?)
    }

    fn lines(&self, doc: usize) -> Option<&LineIndexRef> {
        self.cited.get(doc)?.2.as_ref()
    }

    fn positions(&self, doc: usize) -> &[u32] {
        self.cited
            .get(doc)
            .map(|c| c.3.as_slice())
            .unwrap_or_default()
    }
}

/// A stretch's observations, tallied for one rule set, and the services its
/// normative text mentions, each with the first place it is mentioned.
type StretchObservations = (SetTally, BTreeMap<String, Place>);

/// Where a service was detected.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    /// A block: document and block index.
    Block(usize, usize),
    /// Outside the body text: the origin kind and the document.
    Named(&'static str, usize),
}

impl Place {
    fn origin(&self, service: &str, docs: &[Document]) -> ServiceOrigin {
        let (kind, d) = match self {
            Place::Named(kind, d) => (*kind, *d),
            Place::Block(d, _) => ("text", *d),
        };
        let doc = docs.get(d);
        let mut origin =
            ServiceOrigin::new(service, kind, doc.map(|d| d.path.display().to_string()));
        if let (Place::Block(_, b), Some(doc)) = (self, doc) {
            origin.section = doc
                .blocks
                .get(*b)
                .map(|block| doc.section_display(block.section))
                .filter(|s| !s.is_empty());
        }
        origin
    }
}

/// What a rule set's observations come to: for each rule, how many there are of each
/// coverage, and the first [`MAX_EVIDENCE`] of each in document order. That is all a
/// conclusion reads, so the engine's memory is bounded by the rules, not by the
/// length of the tender (a long tender with many rules had hundreds of thousands of
/// observations). The kept observations of all rules share one list: a list per
/// rule made every stretch allocate and grow as many small vectors as there are rules.
#[derive(Debug)]
struct SetTally {
    /// Indexed by rule, then [`Coverage::index`].
    counts: Vec<[usize; Coverage::COUNT]>,
    /// (rule index, observation) in document order; for each rule at most
    /// [`MAX_EVIDENCE`] of each coverage.
    kept: Vec<(usize, Observation)>,
}

impl SetTally {
    fn new(rules: usize) -> SetTally {
        SetTally {
            counts: vec![[0; Coverage::COUNT]; rules],
            kept: Vec::new(),
        }
    }

    fn add(&mut self, rule: usize, observation: Observation) {
        let Some(counts) = self.counts.get_mut(rule) else {
            return;
        };
        let count = &mut counts[observation.coverage.index()];
        if *count < MAX_EVIDENCE {
            self.kept.push((rule, observation));
        }
        *count += 1;
    }

    /// Adds the tally of the stretch that follows this one.
    fn append(&mut self, later: SetTally) {
        let mut not_kept = later.counts;
        for (rule, observation) in later.kept {
            if let Some(counts) = not_kept.get_mut(rule) {
                counts[observation.coverage.index()] -= 1;
            }
            self.add(rule, observation);
        }
        for (counts, more) in self.counts.iter_mut().zip(not_kept) {
            for (count, more) in counts.iter_mut().zip(more) {
                *count += more;
            }
        }
    }

    /// The tally of each rule, in rule order.
    fn into_rules(self) -> Vec<Tally> {
        let mut tallies: Vec<Tally> = self
            .counts
            .into_iter()
            .map(|counts| Tally {
                counts,
                kept: Vec::new(),
            })
            .collect();
        for (rule, observation) in self.kept {
            if let Some(tally) = tallies.get_mut(rule) {
                tally.kept.push(observation);
            }
        }
        tallies
    }
}

/// One rule's part of a [`SetTally`].
#[derive(Debug, Default)]
struct Tally {
    counts: [usize; Coverage::COUNT],
    /// In document order; at most [`MAX_EVIDENCE`] of each coverage.
    kept: Vec<Observation>,
}

impl Tally {
    fn count(&self, coverages: &[Coverage]) -> usize {
        coverages.iter().map(|c| self.counts[c.index()]).sum()
    }

    fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// The first [`MAX_EVIDENCE`] observations with one of `coverages`, and how many
    /// there are in all.
    fn evidence_of(&self, coverages: &[Coverage]) -> (Vec<Observation>, usize) {
        let chosen = self
            .kept
            .iter()
            .filter(|o| coverages.contains(&o.coverage))
            .take(MAX_EVIDENCE)
            .copied()
            .collect();
        (chosen, self.count(coverages))
    }
}

/// Which rules a term can trigger, and the rules evaluated on every statement.
struct Triggers {
    /// Indexed by term: looked up for every hit, so no hashing.
    by_term: Vec<Vec<usize>>,
    always: Vec<usize>,
}

/// Every observation in a prepared stretch of one document, tallied by rule, and
/// the services its normative text mentions.
fn observe_blocks(
    set: &RuleSet,
    plan: &SetPlan,
    doc: &Document,
    stretch: &PreparedStretch,
    di: usize,
    (nonnormative, scope): (&[bool], &[bool]),
) -> StretchObservations {
    let triggers = &plan.triggers;
    let award_sections = plan.award.get(di).map(Vec::as_slice).unwrap_or_default();
    let mut award_header: Option<(Arc<[String]>, bool)> = None;
    let mut found = SetTally::new(set.rules.len());
    let mut detected: BTreeMap<String, Place> = BTreeMap::new();
    let mut heading_hits = HeadingHits::default();
    let mut lead_in_cache: Option<(usize, Vec<Hit>)> = None;
    let always = &triggers.always;
    // Pattern results of the current statement, by pattern key; `stamp` tells the
    // current statement's entries from stale ones without clearing.
    let mut memo: Vec<(u32, Option<Option<Hit>>)> = vec![(0, None); set.distinct_patterns];
    let mut stamp = 0u32;
    // Rules to evaluate on the current statement; reused, it stops reallocating.
    // A rule is a candidate of the current statement when its stamp is `stamp`.
    let mut candidates: Vec<usize> = Vec::new();
    let mut candidate_stamps: Vec<u32> = vec![0; set.rules.len()];
    let range = stretch.range.clone();
    for (bi, block) in range.clone().zip(&doc.blocks[range]) {
        let Some(prepared) = stretch.get(bi) else {
            continue;
        };
        let in_scope_section = scope.get(block.section).copied().unwrap_or(false);
        if matches!(block.kind, crate::document::BlockKind::Heading { .. })
            && !statements::block_is_furniture(block)
            && (in_scope_section || !nonnormative.get(block.section).copied().unwrap_or(false))
        {
            // A heading names what the tender is about («3 Krav til legevaktjournal»).
            let hits = set.matcher.find(&prepared.norm, &block.text);
            detect_services(set, &hits, &mut detected, Place::Block(di, bi));
        }
        if prepared.statements.is_empty() {
            continue;
        }
        let hits = set.matcher.find(&prepared.norm, &block.text);
        if hits.is_empty() && always.is_empty() {
            continue;
        }
        let furniture = statements::block_is_furniture(block)
            || nonnormative.get(block.section).copied().unwrap_or(false);
        let mut inherited = match prepared.lead_in {
            Some(lead) => {
                // A list's items share one lead-in: find its hits once.
                if lead_in_cache.as_ref().is_none_or(|(b, _)| *b != lead) {
                    lead_in_cache = Some((lead, lead_in_hits(set, doc, stretch, lead)));
                }
                lead_in_cache
                    .as_ref()
                    .map(|(_, h)| h.clone())
                    .unwrap_or_default()
            }
            None => Vec::new(),
        };
        inherited.extend(heading_hits.of(set, doc, stretch, block.section));
        // Award criteria: their section, their table, or a list they introduce.
        let evaluated = set.reading.award_criteria
            && (award_sections.get(block.section).copied().unwrap_or(false)
                || match &block.kind {
                    crate::document::BlockKind::TableRow(row) => {
                        if award_header
                            .as_ref()
                            .is_none_or(|(h, _)| !Arc::ptr_eq(h, &row.header))
                        {
                            let award = reading::is_award_header(&row.header);
                            award_header = Some((row.header.clone(), award));
                        }
                        award_header.as_ref().is_some_and(|(_, a)| *a)
                    }
                    _ => false,
                }
                || prepared
                    .lead_in
                    .and_then(|l| stretch.get(l))
                    .is_some_and(|lead| {
                        lead.statements.last().is_some_and(|s| {
                            reading::names_award_criteria(&lead.norm.text[s.range.clone()])
                        })
                    }));
        // Hits are sorted by start and statements follow each other: each statement's
        // hits are a slice found by binary search, not a scan of the block's hits
        // (which made one long paragraph cost the square of its length).
        for (si, statement) in prepared.statements.iter().enumerate() {
            let first = hits.partition_point(|h| h.start < statement.range.start);
            let mut in_statement: Vec<Hit> = hits[first..]
                .iter()
                .take_while(|h| h.start < statement.range.end)
                .filter(|h| h.end <= statement.range.end)
                .copied()
                .collect();
            // Inherited words only complete a statement that has words of its own.
            if in_statement.is_empty() && always.is_empty() {
                continue;
            }
            in_statement.extend(&inherited);
            let in_statement = set.matcher.with_context(in_statement);
            let normative = !furniture && !statement.glossary;
            // A scope section's background text says what is bought, even where it
            // requires nothing («Anskaffelsen gjelder interkommunal legevakt»).
            let scope_text =
                in_scope_section && !statements::block_is_furniture(block) && !statement.glossary;
            if (normative || scope_text) && !statement.negated {
                detect_services(set, &in_statement, &mut detected, Place::Block(di, bi));
            }
            stamp += 1;
            // Each rule once, in any order: a rule's observations follow the
            // statements, not the order rules are evaluated in one statement.
            candidates.clear();
            let triggered = in_statement
                .iter()
                .filter_map(|h| triggers.by_term.get(h.term))
                .flatten();
            for &ri in always.iter().chain(triggered) {
                if let Some(seen) = candidate_stamps.get_mut(ri)
                    && *seen != stamp
                {
                    *seen = stamp;
                    candidates.push(ri);
                }
            }
            if candidates.is_empty() {
                continue;
            }
            let text = &prepared.norm.text[statement.range.clone()];
            let statement_hits = StatementHits::new(&in_statement);
            let mut reading = StatementReading {
                conditions: set.reading.conditions,
                award_criteria: set.reading.award_criteria,
                in_award_criteria: evaluated,
                conditional: None,
                weighs: None,
            };
            for &ri in &candidates {
                let rule = &set.rules[ri];
                let Some(pattern) = &rule.pattern else {
                    continue;
                };
                // Hits of abbreviations this tender defines as something else do not
                // count for the rule; if the rule matched only through them, the
                // evidence says so.
                let redefined = plan
                    .redefined
                    .get(ri)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                // An abbreviation term is a whole word of the abbreviation's letters,
                // so every hit of it is the abbreviation.
                let redefinition = |h: &Hit| redefined.iter().find(|r| r.term == h.term);
                let dropped = if redefined.is_empty() {
                    None
                } else {
                    in_statement
                        .iter()
                        .filter_map(|h| redefinition(h).map(|r| (*h, r.definition, &r.places)))
                        .min_by_key(|(h, _, _)| h.inherited)
                };
                let kept: Vec<Hit>;
                let mut own_hits = &in_statement;
                if dropped.is_some() {
                    kept = in_statement
                        .iter()
                        .copied()
                        .filter(|h| redefinition(h).is_none())
                        .collect();
                    own_hits = &kept;
                }
                // Rules with equal patterns get one evaluation per statement.
                let primary = if dropped.is_some() {
                    let kept_hits = StatementHits::new(own_hits);
                    match pattern.eval(&kept_hits, text) {
                        Some(p) => Some(p),
                        None => {
                            // The definition itself is no evidence for the rule.
                            let defines =
                                dropped.is_some_and(|(_, _, places)| places.contains(&(di, bi)));
                            if rule.kind == RuleKind::Require
                                && normative
                                && !defines
                                && pattern.eval(&statement_hits, text).is_some()
                            {
                                found.add(
                                    ri,
                                    Observation {
                                        doc: di,
                                        block: bi,
                                        statement: si,
                                        hit: dropped.map(|(h, _, _)| h),
                                        coverage: Coverage::Redefined,
                                        definition: dropped.map(|(_, d, _)| d as u32),
                                    },
                                );
                            }
                            None
                        }
                    }
                } else {
                    match memo.get_mut(rule.pattern_key as usize) {
                        Some(slot) => {
                            if slot.0 != stamp {
                                *slot = (stamp, pattern.eval(&statement_hits, text));
                            }
                            slot.1
                        }
                        None => pattern.eval(&statement_hits, text),
                    }
                };
                let Some(primary) = primary else {
                    continue;
                };
                observe(
                    rule,
                    pattern,
                    statement,
                    own_hits,
                    text,
                    normative,
                    primary,
                    &mut reading,
                    |hit, coverage| {
                        found.add(
                            ri,
                            Observation {
                                doc: di,
                                block: bi,
                                statement: si,
                                hit,
                                coverage,
                                definition: None,
                            },
                        )
                    },
                );
            }
        }
    }
    (found, detected)
}

fn detect_services(set: &RuleSet, hits: &[Hit], detected: &mut BTreeMap<String, Place>, at: Place) {
    for service in &set.services {
        if !detected.contains_key(&service.id)
            && hits.iter().any(|h| service.detect.contains(&h.term))
        {
            detected.insert(service.id.clone(), at.clone());
        }
    }
}

/// Services named in what documents say of themselves: the front matter's
/// `title:` and the Word title, subject and keywords.
fn title_services(
    set: &RuleSet,
    docs: &[Document],
    facts: &[DocumentFacts],
) -> Vec<(String, &'static str, usize)> {
    let mut texts: Vec<(&'static str, usize, String)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        if let Some(title) = front_matter(doc).title {
            texts.push(("title", d, title));
        }
    }
    for f in facts {
        for t in &f.titles {
            texts.push(("document-properties-title", f.doc, t.clone()));
        }
    }
    let mut found: BTreeMap<String, (&'static str, usize)> = BTreeMap::new();
    for (kind, d, text) in texts {
        let norm = crate::text::normalize(&text);
        let hits = set.matcher.find(&norm, &text);
        for service in &set.services {
            if hits.iter().any(|h| service.detect.contains(&h.term)) {
                found.entry(service.id.clone()).or_insert((kind, d));
            }
        }
    }
    found.into_iter().map(|(s, (k, d))| (s, k, d)).collect()
}

/// Heading words that open a section about what is bought. Detection reads these
/// sections' background text too; the words are generic procurement vocabulary,
/// not a rule set's.
const SCOPE_HEADINGS: &[&str] = &[
    "omfang",
    "anskaffelsens omfang",
    "oppdragets omfang",
    "leveransens omfang",
    "om anskaffelsen",
    "om oppdraget",
    "formål",
    "formålet med anskaffelsen",
    "anskaffelsens formål",
    "kort om anskaffelsen",
    "beskrivelse av anskaffelsen",
    "scope",
    "scope of the procurement",
    "about the procurement",
];

/// Sections whose heading (or an ancestor's) is about the scope; a heading such
/// as «Innledning og omfang» counts by any of its words.
fn scope_sections(doc: &Document) -> Vec<bool> {
    let mut flags = vec![false; doc.sections.len()];
    for (i, section) in doc.sections.iter().enumerate() {
        let inherited = section.parent.is_some_and(|p| p < i && flags[p]);
        let title = crate::text::normalize(&section.title).text;
        let own = SCOPE_HEADINGS.iter().any(|h| {
            title.match_indices(h).any(|(at, _)| {
                let before_ok = !title[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let after_ok = !title[at + h.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                before_ok && after_ok
            })
        });
        flags[i] = inherited || own;
    }
    flags
}

/// Word index given to hits inherited from a lead-in, so that they never count as
/// «near» a hit in the item itself.
const INHERITED_WORD: u32 = 1 << 30;

/// The terms of the headings above a statement, which it inherits like a list item
/// inherits its lead-in: under «4 Tildelingskriterier», «Pris 30 %, kvalitet 70 %» is about
/// award criteria. Computed once per section.
#[derive(Default)]
struct HeadingHits {
    cache: HashMap<usize, Vec<Hit>>,
}

impl HeadingHits {
    fn of(
        &mut self,
        set: &RuleSet,
        doc: &Document,
        stretch: &PreparedStretch,
        section: usize,
    ) -> &[Hit] {
        if self.cache.contains_key(&section) {
            return self
                .cache
                .get(&section)
                .map(Vec::as_slice)
                .unwrap_or_default();
        }
        let mut hits = Vec::new();
        let mut current = Some(section);
        while let Some(index) = current {
            let Some(s) = doc.sections.get(index) else {
                break;
            };
            if let Some(heading) = s.block
                && let (Some(block), Some(prepared)) =
                    (doc.blocks.get(heading), stretch.get(heading))
            {
                let found = set.matcher.find(&prepared.norm, &block.text);
                hits.extend(found.into_iter().map(|h| Hit {
                    inherited: true,
                    word: INHERITED_WORD,
                    ..h
                }));
            }
            current = s.parent.filter(|p| *p < index);
        }
        self.cache.entry(section).or_insert(hits)
    }
}

/// The hits of a lead-in paragraph's last statement, as inherited hits for its list items:
/// «Løsningen skal ha følgende integrasjoner:» + «- velferdsteknologisk knutepunkt».
fn lead_in_hits(set: &RuleSet, doc: &Document, stretch: &PreparedStretch, lead: usize) -> Vec<Hit> {
    let (Some(block), Some(prepared)) = (doc.blocks.get(lead), stretch.get(lead)) else {
        return Vec::new();
    };
    let Some(statement) = prepared.statements.last() else {
        return Vec::new();
    };
    set.matcher
        .find(&prepared.norm, &block.text)
        .into_iter()
        .filter(|h| h.start >= statement.range.start && h.end <= statement.range.end)
        .map(|h| Hit {
            inherited: true,
            word: INHERITED_WORD,
            ..h
        })
        .collect()
}

/// What the opt-in reading behaviours (`reading:`) say about one statement; whether
/// it is conditional is read once, when a rule first needs to know.
struct StatementReading {
    /// The set reads conditions.
    conditions: bool,
    /// The set reads award criteria.
    award_criteria: bool,
    /// The statement is in an award-criteria section, table or list.
    in_award_criteria: bool,
    conditional: Option<bool>,
    /// The statement weighs a criterion («Kvalitet 40 %»).
    weighs: Option<bool>,
}

impl StatementReading {
    fn is_evaluation(&mut self, text: &str) -> bool {
        self.award_criteria
            && (self.in_award_criteria
                || *self
                    .weighs
                    .get_or_insert_with(|| reading::weighs_a_criterion(text)))
    }

    fn is_conditional(&mut self, text: &str) -> bool {
        self.conditions
            && *self
                .conditional
                .get_or_insert_with(|| crate::text::conditions::is_conditional(text))
    }
}

/// What a statement whose text matched the rule's pattern (pointing at `primary`)
/// means for the rule: zero, one or several observations, each passed to `record`.
#[allow(clippy::too_many_arguments)]
fn observe(
    rule: &CompiledRule,
    pattern: &crate::rules::CompiledMatch,
    statement: &Statement,
    hits: &[Hit],
    text: &str,
    normative: bool,
    primary: Option<Hit>,
    reading: &mut StatementReading,
    mut record: impl FnMut(Option<Hit>, Coverage),
) {
    match rule.kind {
        RuleKind::Require => {
            let mut coverage = if !normative {
                Coverage::NonNormative
            } else if statement.negated {
                Coverage::Negated
            } else if statement.modality.is_binding() {
                Coverage::Binding
            } else if statement.modality.is_weak() {
                Coverage::Weak
            } else {
                Coverage::Descriptive
            };
            // What the award criteria state without a modal verb is evaluated, not a
            // description («Kvalitet 40 %: integrasjon med kjernejournal»); their «skal»
            // binds the tenderer or the evaluation («Prisskjemaet skal fylles ut») and
            // stays binding. A requirement under a condition the buyer may never meet
            // is not demanded.
            if coverage == Coverage::Descriptive && reading.is_evaluation(text) {
                coverage = Coverage::Evaluated;
            } else if coverage == Coverage::Binding && reading.is_conditional(text) {
                coverage = Coverage::Conditional;
            }
            record(primary, coverage);
        }
        RuleKind::Forbid => {
            if normative && !statement.negated {
                record(primary, Coverage::Violation);
            }
        }
        RuleKind::Prefer => {
            if normative {
                record(primary, Coverage::Violation);
            }
        }
        RuleKind::RequireWith => {
            let is_requirement =
                statement.modality != Modality::None || statement.requirement_id.is_some();
            if !normative || statement.negated || !is_requirement {
                return;
            }
            let Some(with) = &rule.with else {
                return;
            };
            let anchors = pattern
                .anchors(hits)
                .unwrap_or_else(|| primary.into_iter().collect());
            for anchor in anchors {
                let window: Vec<Hit> = hits
                    .iter()
                    .copied()
                    .filter(|h| h.start >= anchor.start && h.word <= anchor.word + rule.within)
                    .collect();
                if with.eval(&StatementHits::new(&window), text).is_none() {
                    record(Some(anchor), Coverage::Violation);
                }
            }
        }
        RuleKind::Check => {}
    }
}

fn run_check(
    check: BuiltinCheck,
    doc: &Document,
    stretch: &PreparedStretch,
    di: usize,
    nonnormative: &[bool],
    rule: usize,
    found: &mut SetTally,
) {
    let range = stretch.range.clone();
    for (bi, block) in range.clone().zip(&doc.blocks[range]) {
        let Some(prepared) = stretch.get(bi) else {
            continue;
        };
        let Some(row) = &prepared.table else { continue };
        if row.is_header || !row.columns.requirement || prepared.statements.is_empty() {
            continue;
        }
        if nonnormative.get(block.section).copied().unwrap_or(false)
            || statements::block_is_furniture(block)
        {
            continue;
        }
        let violation = match check {
            BuiltinCheck::UntypedRequirement => row.untyped,
            BuiltinCheck::TypeModalityMismatch => matches!(
                (row.row_type, row.text_modality),
                (Some(Modality::Binding), Modality::Should)
                    | (Some(Modality::Should), Modality::Binding)
            ),
        };
        if violation {
            found.add(
                rule,
                Observation {
                    doc: di,
                    block: bi,
                    statement: 0,
                    hit: None,
                    coverage: Coverage::Violation,
                    definition: None,
                },
            );
        }
    }
}

/// Sections whose heading (or an ancestor's) starts with a non-normative heading term.
pub fn nonnormative_sections(doc: &Document, set: &RuleSet) -> Vec<bool> {
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
        flags[i] = inherited || own;
    }
    flags
}

/// What the engine reads in a Markdown file's front matter.
#[derive(Debug, Default, serde::Deserialize)]
pub struct FrontMatterKeys {
    /// `services: [legevakt, sykehjem]`.
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub title: Option<String>,
}

/// The front matter keys the engine reads; none when there is no front matter.
pub fn front_matter(doc: &Document) -> FrontMatterKeys {
    let Some(fm) = &doc.front_matter else {
        return FrontMatterKeys::default();
    };
    // Front matter holds other keys too; only these matter here, and a broken
    // front matter is the document's business, not a reason to stop checking.
    let value: Result<serde_json::Value, _> = serde_saphyr::from_str(&fm.yaml);
    let Ok(mut value) = value else {
        return FrontMatterKeys::default();
    };
    // A title that is not text (a number) is not a reason to drop the services.
    if let Some(map) = value.as_object_mut()
        && map.get("title").is_some_and(|t| !t.is_string())
    {
        map.remove("title");
    }
    serde_json::from_value(value).unwrap_or_default()
}

/// The effective severity, strength and applicability of a rule for the services in scope.
pub fn scoped(rule: &CompiledRule, services: &[String]) -> (Severity, Strength, bool) {
    for scope in &rule.scopes {
        if scope.services.iter().any(|s| services.contains(s)) {
            return (
                scope.severity.unwrap_or(rule.severity),
                scope.strength.unwrap_or(rule.strength),
                scope.applies,
            );
        }
    }
    (rule.severity, rule.strength, true)
}

fn conclude(
    set: &RuleSet,
    rule: &Arc<CompiledRule>,
    tally: Tally,
    services: &[String],
) -> (RuleResult, Vec<Observation>) {
    use Coverage::*;
    const ALL: [Coverage; Coverage::COUNT] = [
        Binding,
        Weak,
        Negated,
        NonNormative,
        Descriptive,
        Conditional,
        Evaluated,
        Redefined,
        Violation,
    ];
    let (severity, strength, applies) = scoped(rule, services);
    // Procedural facts are stated, not demanded: a statement without a modal verb
    // counts, and so do the award criteria (they state how tenders are evaluated),
    // but «bør» and options stay weak, since a wish is not a stated fact.
    let (binding, weak): (&[Coverage], &[Coverage]) = if strength == Strength::Mention {
        (&[Binding, Descriptive, Evaluated], &[Weak, Conditional])
    } else {
        (&[Binding], &[Weak, Conditional, Evaluated])
    };
    let (status, ok, (chosen, evidence_total)) = if !applies {
        (Status::NotApplicable, true, (Vec::new(), 0))
    } else if rule.kind == RuleKind::Require {
        if tally.count(binding) > 0 {
            (Status::Met, true, tally.evidence_of(binding))
        } else if tally.count(weak) > 0 {
            (
                Status::Weak,
                strength != Strength::Binding,
                tally.evidence_of(weak),
            )
        } else {
            // Near misses show why the topic does not count.
            (Status::Missing, false, tally.evidence_of(&ALL))
        }
    } else if tally.total() == 0 {
        (Status::Passed, true, (Vec::new(), 0))
    } else {
        (Status::Violation, false, tally.evidence_of(&ALL))
    };
    let result = RuleResult {
        ruleset: set.id.clone(),
        ruleset_version: set.version.to_string(),
        rule: rule.id.clone(),
        kind: rule.kind,
        status,
        ok,
        severity,
        strength: (rule.kind == RuleKind::Require).then_some(strength),
        category: rule.category.clone(),
        // Filled in once the cited blocks are prepared again.
        evidence: Vec::new(),
        evidence_total,
        waiver: None,
        baseline: None,
        rule_info: rule.clone(),
    };
    (result, chosen)
}

fn evidence(o: &Observation, sources: &Sources<'_>) -> Option<Evidence> {
    // A hit inherited from a lead-in lies in another block: locate the item instead.
    let own_hit = o.hit.filter(|h| !h.inherited);
    let doc = sources.docs.get(o.doc)?;
    let block = doc.blocks.get(o.block)?;
    let prepared = sources.block(o.doc, o.block)?;
    let lines = sources.lines(o.doc);
    let statement = prepared.statements.get(o.statement);
    let file = doc.path.display().to_string();
    let section = doc.section_display(block.section);
    let (line, column, location, byte_offset, byte_length) = match &block.location {
        Location::Text {
            bytes,
            line,
            column,
        } => {
            // Point at the hit itself when the block maps back to the source.
            let source = own_hit.and_then(|h| {
                let start = block
                    .offsets
                    .to_source(prepared.norm.to_original(h.start))?;
                let end_orig = prepared.norm.original_range(h.start..h.end).end;
                let end = block
                    .offsets
                    .to_source(end_orig.saturating_sub(1))
                    .map(|e| e + 1)?;
                Some((start, end.max(start)))
            });
            match (source, lines) {
                (Some((start, end)), Some(lines)) => {
                    let (l, c) = lines.line_column(start);
                    (
                        Some(l),
                        Some(c),
                        format!("{l}:{c}"),
                        Some(start),
                        Some(end - start),
                    )
                }
                _ => (
                    Some(*line),
                    Some(*column),
                    format!("{line}:{column}"),
                    Some(bytes.start),
                    Some(bytes.len()),
                ),
            }
        }
        Location::Docx { xml_offset, .. } => (
            None,
            None,
            block.location.display(),
            Some(*xml_offset as usize),
            None,
        ),
    };
    // In the main part, a Word user finds the block by its heading, not by «¶ 863».
    let place = match &block.location {
        Location::Docx { part, .. }
            if &**part == "word/document.xml"
                && block.origin != crate::document::Origin::HeaderFooter =>
        {
            let at = own_hit
                .map(|h| prepared.norm.to_original(h.start))
                .or_else(|| statement.map(|s| prepared.norm.to_original(s.range.start)));
            doc.findable_place(o.block, sources.positions(o.doc), at)
        }
        _ => None,
    };
    let location = place
        .as_ref()
        .map(|p| p.display(crate::Lang::Nb))
        .unwrap_or(location);
    let excerpt = match statement {
        Some(s) => excerpt(&block.text, &prepared.norm, s.range.clone(), own_hit),
        None => excerpt(
            &block.text,
            &prepared.norm,
            0..prepared.norm.text.len(),
            None,
        ),
    };
    Some(Evidence {
        file,
        line,
        column,
        location,
        byte_offset,
        byte_length,
        section,
        requirement_id: statement.and_then(|s| s.requirement_id.clone()),
        excerpt,
        coverage: o.coverage,
        modality: statement.map(|s| s.modality).unwrap_or(Modality::None),
        matched: own_hit.and_then(|h| prepared.norm.text.get(h.start..h.end).map(str::to_string)),
        type_legend: prepared
            .table
            .as_ref()
            .and_then(|t| t.legend.as_ref())
            .map(|entry| entry.describe()),
        definition: o
            .definition
            .and_then(|d| definition_note(d as usize, sources)),
        fix: None,
        place,
    })
}

/// The tender's definition of the abbreviation a `redefined` observation points at.
fn definition_note(definition: usize, sources: &Sources<'_>) -> Option<DefinitionNote> {
    let d = sources.definitions.get(definition)?;
    let doc = sources.docs.get(d.doc)?;
    Some(DefinitionNote {
        abbreviation: d.abbreviation.clone(),
        expansion: d.expansion.clone(),
        file: doc.path.display().to_string(),
        location: doc.blocks.get(d.block)?.location.display(),
    })
}

/// The statement's original text, cut to about 200 characters around the hit.
fn excerpt(
    original: &str,
    norm: &crate::text::Normalized,
    range: std::ops::Range<usize>,
    hit: Option<Hit>,
) -> String {
    const WIDTH: usize = 200;
    let orig = norm.original_range(range);
    let text = original.get(orig.clone()).unwrap_or("");
    // Cells are shown apart by «|», and whitespace runs become one space, trimmed;
    // in one pass, since evidence is built for every result on every run.
    let mut collapsed = String::with_capacity(text.len());
    let mut total = 0usize;
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !collapsed.is_empty();
            continue;
        }
        if std::mem::take(&mut space) {
            collapsed.push(' ');
            total += 1;
        }
        collapsed.push(if c == crate::document::CELL_SEPARATOR {
            '|'
        } else {
            c
        });
        total += 1;
    }
    let text = collapsed;
    if total <= WIDTH {
        return text;
    }
    // Centre the window on the hit.
    let hit_char = hit
        .map(|h| {
            let at = norm.to_original(h.start).saturating_sub(orig.start);
            original
                .get(orig.start..orig.start + at)
                .map(|s| s.chars().count())
                .unwrap_or(0)
        })
        .unwrap_or(0);
    let start = hit_char
        .saturating_sub(WIDTH / 3)
        .min(total.saturating_sub(WIDTH));
    let cut: String = text.chars().skip(start).take(WIDTH).collect();
    let prefix = if start > 0 { "…" } else { "" };
    let suffix = if start + WIDTH < total { "…" } else { "" };
    format!("{prefix}{}{suffix}", cut.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn observation(block: usize, coverage: Coverage) -> Observation {
        Observation {
            doc: 0,
            block,
            statement: 0,
            hit: None,
            coverage,
            definition: None,
        }
    }

    /// Tallies of stretches appended in order keep what one tally of the whole
    /// sequence keeps, whatever the stretch boundaries, for each of the rules whose
    /// observations interleave.
    #[test]
    fn appended_tallies_equal_one_tally_of_everything() {
        use Coverage::*;
        let kinds = [Binding, Weak, Descriptive, Binding, Negated, Weak, Weak];
        // (rule, observation): rule 1 observes every third block, rule 0 the others.
        let all: Vec<(usize, Observation)> = (0..400)
            .map(|i| {
                (
                    usize::from(i % 3 == 0),
                    observation(i, kinds[(i * 7 + i / 3) % kinds.len()]),
                )
            })
            .collect();
        for cuts in [
            vec![0, 400],
            vec![0, 1, 30, 31, 399, 400],
            vec![0, 100, 250, 400],
        ] {
            let mut merged = SetTally::new(2);
            for pair in cuts.windows(2) {
                let mut stretch = SetTally::new(2);
                all[pair[0]..pair[1]]
                    .iter()
                    .for_each(|(r, o)| stretch.add(*r, *o));
                merged.append(stretch);
            }
            for (rule, tally) in merged.into_rules().into_iter().enumerate() {
                let of_rule: Vec<&Observation> = all
                    .iter()
                    .filter(|(r, _)| *r == rule)
                    .map(|(_, o)| o)
                    .collect();
                assert_eq!(tally.total(), of_rule.len());
                for coverages in [
                    &[Binding][..],
                    &[Weak],
                    &[Binding, Descriptive],
                    &[Negated, Weak],
                ] {
                    let (kept, total) = tally.evidence_of(coverages);
                    let matching = of_rule.iter().filter(|o| coverages.contains(&o.coverage));
                    let expected: Vec<usize> = matching
                        .clone()
                        .take(MAX_EVIDENCE)
                        .map(|o| o.block)
                        .collect();
                    assert_eq!(kept.iter().map(|o| o.block).collect::<Vec<_>>(), expected);
                    assert_eq!(total, matching.count());
                }
            }
        }
    }

    #[test]
    fn coverage_count_covers_every_kind() {
        assert_eq!(Coverage::Violation.index() + 1, Coverage::COUNT);
    }
}
