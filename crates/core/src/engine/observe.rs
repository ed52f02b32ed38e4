//! Observing: one rule set over one prepared stretch of blocks. For each block the
//! set's automaton finds every term, the hits are grouped by statement (with the
//! hits the statement inherits from its lead-in and headings), and only the rules
//! those terms trigger are evaluated there; each match is an [`Observation`] of a
//! kind of coverage, tallied by rule ([`super::tally`], which knows nothing of observing).

use super::TypeLegend;
use super::checks::{Checked, CheckedStretch, record, run_check};
use super::exclusion::names_excluded_topic;
use super::inherited::{HeadingHits, header_hits, lead_in_hits};
use super::observation::Observation;
use super::plan::SetPlan;
use super::reading;
use super::scope::{Place, detect_services};
use super::section_reading::SectionSays;
use super::statement_reading::StatementReading;
use super::statements::{
    self, PreparedBlock, PreparedStretch, Statement, prepare_stretch, stretches,
};
use super::stretch_hits::StretchHits;
use super::tally::SetTally;
use crate::document::{Block, Document};
use crate::findings::Coverage;
use crate::parallel::prelude::*;
use crate::rules::schema::{BuiltinCheck, RuleKind};
use crate::rules::{CompiledMatch, CompiledRule, Hit, RuleSet, StatementHits, TermSlots};
use crate::text::Modality;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A stretch's observations, tallied for one rule set, and the services its
/// normative text mentions, each with the first place it is mentioned.
pub(super) type StretchObservations = (SetTally, BTreeMap<String, Place>);

/// Every rule set's observations of the whole tender, by set, merged in document
/// order.
pub(super) fn observe_tender(
    docs: &[Document],
    sets: &[RuleSet],
    plans: &[SetPlan],
    legend: &TypeLegend,
    stop: Option<&std::sync::atomic::AtomicBool>,
) -> Vec<StretchObservations> {
    // Blocks are independent until the conclusions (what they inherit from headings and
    // lead-ins is looked up, not carried along): stretches of blocks are prepared and
    // observed in parallel, so one long document uses every core too, and merged in
    // order, so results do not depend on scheduling. Only the tallies outlive a stretch;
    // once `stop` is set, the stretches not yet begun are skipped.
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
    // reduce keeps an indexed iterator's order; merging as stretches finish bounds memory.
    stretches
        .into_par_iter()
        .map(|(di, range)| {
            if stop.is_some_and(|s| s.load(std::sync::atomic::Ordering::Relaxed)) {
                return no_observations();
            }
            let stretch = prepare_stretch(&docs[di], range, legend);
            let ahead = super::stretch_hits::find_ahead(sets, &docs[di], &stretch);
            (sets.iter().zip(plans).zip(ahead))
                .map(|((set, plan), hits)| {
                    observe_stretch((set, plan, hits), &docs[di], di, &stretch)
                })
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
        })
}

/// One rule set's observations in one prepared stretch: the terms' and the
/// structural checks'.
fn observe_stretch(
    (set, plan, hits): (&RuleSet, &SetPlan, StretchHits),
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
    let (mut tally, services) =
        observe_blocks((set, plan, hits), doc, stretch, di, (nonnormative, scope));
    super::review::consider_stretch(plan, (doc, di), stretch, nonnormative, &mut tally);
    // Structural checks look at table rows, not terms.
    let checked = CheckedStretch {
        doc,
        stretch,
        di,
        nonnormative,
        reads_forms: set.reading.forms,
        sections: plan.sections.get(di).map(Vec::as_slice).unwrap_or_default(),
    };
    let mut checks: Vec<(BuiltinCheck, Vec<Checked>)> = Vec::new();
    for (ri, rule) in set.rules.iter().enumerate() {
        if let Some(check) = rule.check {
            let done = match checks.iter().position(|(c, _)| *c == check) {
                Some(done) => done,
                None => {
                    checks.push((check, run_check(check, &checked)));
                    checks.len() - 1
                }
            };
            record(&checks[done].1, ri, &mut tally);
        }
    }
    (tally, services)
}

/// Every observation in a prepared stretch of one document, tallied by rule, and
/// the services its normative text mentions.
fn observe_blocks(
    (set, plan, block_hits): (&RuleSet, &SetPlan, StretchHits),
    doc: &Document,
    stretch: &PreparedStretch,
    di: usize,
    (nonnormative, scope): (&[bool], &[bool]),
) -> StretchObservations {
    let mut observer = Observer {
        set,
        plan,
        doc,
        stretch,
        di,
        nonnormative,
        scope,
        award_sections: plan.award.get(di).map(Vec::as_slice).unwrap_or_default(),
        section_says: plan.sections.get(di).map(Vec::as_slice).unwrap_or_default(),
        award_header: None,
        award_header_hits: Vec::new(),
        found: SetTally::new(set.rules.len()),
        detected: BTreeMap::new(),
        heading_hits: HeadingHits::default(),
        block_hits,
        lead_in_cache: None,
        memo: vec![(0, None); set.distinct_patterns],
        stamp: 0,
        candidates: Vec::new(),
        candidate_stamps: vec![0; set.rules.len()],
        term_slots: TermSlots::default(),
    };
    let range = stretch.range.clone();
    for (bi, block) in range.clone().zip(&doc.blocks[range]) {
        observer.block(bi, block);
    }
    (observer.found, observer.detected)
}

/// One rule set observing one prepared stretch of one document: what it reads
/// the stretch with, what it has found so far, and the caches that spare it work
/// from one block or statement to the next.
struct Observer<'a> {
    set: &'a RuleSet,
    plan: &'a SetPlan,
    doc: &'a Document,
    stretch: &'a PreparedStretch,
    di: usize,
    /// The document's non-normative sections.
    nonnormative: &'a [bool],
    /// The document's sections about the tender's scope.
    scope: &'a [bool],
    /// The document's award-criteria sections (`reading: award_criteria`).
    award_sections: &'a [bool],
    /// What each section's heading says of its requirements (`reading: section_headings`).
    section_says: &'a [SectionSays],
    /// The last table header seen, and whether it is an award-criteria table's.
    award_header: Option<(Arc<[String]>, bool)>,
    /// The hits of that header when it is an award-criteria table's: its column
    /// titles say what each cell is («Vekt» over «40 %»), so its rows inherit them.
    award_header_hits: Vec<Hit>,
    found: SetTally,
    detected: BTreeMap<String, Place>,
    heading_hits: HeadingHits,
    /// The stretch's hits, found ahead for every set at once.
    block_hits: StretchHits,
    lead_in_cache: Option<(usize, Vec<Hit>)>,
    /// Pattern results of the current statement, by pattern key; `stamp` tells the
    /// current statement's entries from stale ones without clearing.
    memo: Vec<(u32, Option<Option<Hit>>)>,
    stamp: u32,
    /// Rules to evaluate on the current statement; reused, it stops reallocating.
    /// A rule is a candidate of the current statement when its stamp is `stamp`.
    candidates: Vec<usize>,
    candidate_stamps: Vec<u32>,
    /// Where the current statement's terms are, by term id, for its rules' patterns.
    term_slots: TermSlots,
}

/// A block being observed, with what its statements share.
struct BlockAt<'b> {
    index: usize,
    block: &'b Block,
    prepared: &'b PreparedBlock,
    /// The block's hits, sorted by start.
    hits: &'b [Hit],
    /// The hits its statements inherit from a lead-in and the headings above.
    inherited: &'b [Hit],
    /// A header or footer, in a non-normative section, or a row of a form.
    furniture: bool,
    in_scope_section: bool,
    /// In an award-criteria section, table or list.
    evaluated: bool,
}

/// A statement whose hits trigger rules: where it is, its text and hits, and how
/// the set's reading behaviours read it.
struct StatementAt<'s> {
    block: usize,
    index: usize,
    statement: &'s Statement,
    text: &'s str,
    /// A table row's whole text: «Bilag 11 | Databehandleravtale» names the annex beside the cell.
    row: Option<&'s str>,
    /// Its own hits and the inherited ones, in context.
    hits: &'s [Hit],
    statement_hits: StatementHits<'s>,
    normative: bool,
    reading: StatementReading,
}

impl Observer<'_> {
    fn block(&mut self, bi: usize, block: &Block) {
        let (set, stretch) = (self.set, self.stretch);
        let Some(prepared) = stretch.get(bi) else {
            return;
        };
        let in_scope_section = self.scope.get(block.section).copied().unwrap_or(false);
        let mut heading_hits = None;
        if matches!(block.kind, crate::document::BlockKind::Heading { .. })
            && !statements::block_is_furniture(block)
            && (in_scope_section
                || !self
                    .nonnormative
                    .get(block.section)
                    .copied()
                    .unwrap_or(false))
        {
            // A heading names what the tender is about («3 Krav til legevaktjournal»).
            let hits = self.block_hits.take(set, bi, prepared, block);
            detect_services(
                set,
                (&hits, &self.plan.detects),
                &mut self.detected,
                Place::Block(self.di, bi),
            );
            heading_hits = Some(hits);
        }
        if prepared.statements.is_empty() {
            return;
        }
        let hits = heading_hits.unwrap_or_else(|| self.block_hits.take(set, bi, prepared, block));
        if hits.is_empty() && self.plan.triggers.always.is_empty() {
            return;
        }
        let furniture = statements::block_is_furniture(block)
            || self
                .nonnormative
                .get(block.section)
                .copied()
                .unwrap_or(false)
                && !(set.reading.section_headings
                    && super::section_reading::demands_of_the_solution(&prepared.norm.text))
            || (set.reading.forms && prepared.in_a_form());
        let mut inherited = self.inherited(prepared, block.section);
        let evaluated = self.in_award_criteria(block, prepared);
        if set.reading.award_criteria
            && let Some(titles) = self.award_table(block)
        {
            inherited.extend_from_slice(titles);
        }
        let at = BlockAt {
            index: bi,
            block,
            prepared,
            hits: &hits,
            inherited: &inherited,
            furniture,
            in_scope_section,
            evaluated,
        };
        for (si, statement) in prepared.statements.iter().enumerate() {
            self.statement(&at, si, statement);
        }
    }

    /// The hits a block's statements inherit: its lead-in's and its headings'.
    fn inherited(&mut self, prepared: &PreparedBlock, section: usize) -> Vec<Hit> {
        let (set, doc, stretch) = (self.set, self.doc, self.stretch);
        // A list's items share one lead-in: find its hits once.
        if let Some(lead) = prepared.lead_in
            && self.lead_in_cache.as_ref().is_none_or(|(b, _)| *b != lead)
        {
            self.lead_in_cache = Some((lead, lead_in_hits(set, doc, stretch, lead)));
        }
        let from_lead: &[Hit] = match (prepared.lead_in, &self.lead_in_cache) {
            (Some(_), Some((_, hits))) => hits,
            _ => &[],
        };
        let from_headings = self.heading_hits.of(set, doc, stretch, section);
        let mut inherited = Vec::with_capacity(from_lead.len() + from_headings.len());
        inherited.extend_from_slice(from_lead);
        inherited.extend_from_slice(from_headings);
        inherited
    }

    /// The column titles' hits when the block is a row of an award-criteria table
    /// (a criterion and a weight column), else `None`.
    fn award_table(&mut self, block: &Block) -> Option<&[Hit]> {
        let crate::document::BlockKind::TableRow(row) = &block.kind else {
            return None;
        };
        if self
            .award_header
            .as_ref()
            .is_none_or(|(h, _)| !Arc::ptr_eq(h, &row.header))
        {
            let award = reading::is_award_header(&row.header);
            self.award_header_hits = if award {
                header_hits(self.set, &row.header)
            } else {
                Vec::new()
            };
            self.award_header = Some((row.header.clone(), award));
        }
        let award = self.award_header.as_ref().is_some_and(|(_, a)| *a);
        (award && !row.is_header).then_some(self.award_header_hits.as_slice())
    }

    /// Award criteria: their section, their table, or a list they introduce.
    fn in_award_criteria(&mut self, block: &Block, prepared: &PreparedBlock) -> bool {
        let stretch = self.stretch;
        self.set.reading.award_criteria
            && (self
                .award_sections
                .get(block.section)
                .copied()
                .unwrap_or(false)
                || self.award_table(block).is_some()
                || prepared
                    .lead_in
                    .and_then(|l| stretch.get(l))
                    .is_some_and(|lead| {
                        lead.statements.last().is_some_and(|s| {
                            reading::names_award_criteria(&lead.norm.text[s.range.clone()])
                        })
                    }))
    }

    fn statement(&mut self, at: &BlockAt<'_>, si: usize, statement: &Statement) {
        let set = self.set;
        let triggers = &self.plan.triggers;
        let always = &triggers.always;
        // Hits are sorted by start and statements follow each other: each statement's
        // hits are a slice found by binary search, not a scan of the block's hits
        // (which made one long paragraph cost the square of its length).
        let first = at.hits.partition_point(|h| h.start < statement.range.start);
        let own = at.hits[first..]
            .iter()
            .take_while(|h| h.start < statement.range.end)
            .filter(|h| h.end <= statement.range.end);
        let own_count = own.clone().count();
        // Inherited words only complete a statement that has words of its own.
        if own_count == 0 && always.is_empty() {
            return;
        }
        // Sized once: growing it to take the inherited hits was a tenth of the
        // allocation work of a large tender's check.
        let mut in_statement: Vec<Hit> = Vec::with_capacity(own_count + at.inherited.len());
        in_statement.extend(own.copied());
        in_statement.extend_from_slice(at.inherited);
        let in_statement = set.matcher.with_context(in_statement);
        let normative = !at.furniture && !statement.glossary;
        // A scope section's background text says what is bought, even where it
        // requires nothing («Anskaffelsen gjelder interkommunal legevakt»).
        let scope_text =
            at.in_scope_section && !statements::block_is_furniture(at.block) && !statement.glossary;
        // Whether it refuses what it names is read only where it names a service.
        let text = &at.prepared.norm.text[statement.range.clone()];
        if (normative || scope_text)
            && !statement.negated
            && super::scope::may_name_a_service(&in_statement, &self.plan.detects)
            && !super::scope::refuses(text)
        {
            detect_services(
                set,
                (&in_statement, &self.plan.detects),
                &mut self.detected,
                Place::Block(self.di, at.index),
            );
        }
        self.stamp += 1;
        // Each rule once, in any order: a rule's observations follow the
        // statements, not the order rules are evaluated in one statement.
        self.candidates.clear();
        let triggered = in_statement
            .iter()
            .filter_map(|h| triggers.by_term.get(h.term))
            .flatten();
        for &ri in always.iter().chain(triggered) {
            if let Some(seen) = self.candidate_stamps.get_mut(ri)
                && *seen != self.stamp
            {
                *seen = self.stamp;
                self.candidates.push(ri);
            }
        }
        if self.candidates.is_empty() {
            return;
        }
        let mut slots = std::mem::take(&mut self.term_slots);
        let mut statement_at = StatementAt {
            block: at.index,
            index: si,
            statement,
            text: &at.prepared.norm.text[statement.range.clone()],
            row: matches!(at.block.kind, crate::document::BlockKind::TableRow(_))
                .then_some(at.prepared.norm.text.as_str()),
            hits: &in_statement,
            statement_hits: StatementHits::of_statement_in(
                &in_statement,
                statement.range.start,
                &mut slots,
            ),
            normative,
            reading: StatementReading {
                conditions: set.reading.conditions,
                award_criteria: set.reading.award_criteria,
                in_award_criteria: at.evaluated,
                conditional: None,
                weighs: None,
                untyped_row: set.reading.untyped_rows && has_empty_type_cell(at),
                section: self
                    .section_says
                    .get(at.block.section)
                    .copied()
                    .unwrap_or_default(),
                // A type column's code is the tender's word for the row, before its heading's.
                row_typed: at
                    .prepared
                    .table
                    .as_ref()
                    .is_some_and(|r| r.row_type.is_some()),
            },
        };
        let candidates = std::mem::take(&mut self.candidates);
        for &ri in &candidates {
            self.rule(ri, &mut statement_at);
        }
        self.candidates = candidates;
        self.term_slots = slots;
    }

    /// Evaluates one candidate rule on a statement and records what it observes.
    fn rule(&mut self, ri: usize, at: &mut StatementAt<'_>) {
        let (di, bi, si) = (self.di, at.block, at.index);
        let rule = &self.set.rules[ri];
        let Some(pattern) = &rule.pattern else {
            return;
        };
        // Hits of abbreviations this tender defines as something else do not
        // count for the rule; if the rule matched only through them, the
        // evidence says so.
        let redefined = self
            .plan
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
            at.hits
                .iter()
                .filter_map(|h| redefinition(h).map(|r| (*h, r.definition, &r.places)))
                .min_by_key(|(h, _, _)| h.inherited)
        };
        let kept: Vec<Hit>;
        let mut own_hits = at.hits;
        if dropped.is_some() {
            kept = at
                .hits
                .iter()
                .copied()
                .filter(|h| redefinition(h).is_none())
                .collect();
            own_hits = &kept;
        }
        // Rules with equal patterns get one evaluation per statement.
        let primary = if dropped.is_some() {
            let kept_hits = StatementHits::of_statement(own_hits, at.statement.range.start);
            match pattern.eval(&kept_hits, at.text) {
                Some(p) => Some(p),
                None => {
                    // The definition itself is no evidence for the rule.
                    let defines = dropped.is_some_and(|(_, _, places)| places.contains(&(di, bi)));
                    if rule.kind == RuleKind::Require
                        && at.normative
                        && !defines
                        && pattern.eval(&at.statement_hits, at.text).is_some()
                    {
                        self.found.add(
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
            match self.memo.get_mut(rule.pattern_key as usize) {
                Some(slot) => {
                    if slot.0 != self.stamp {
                        *slot = (self.stamp, pattern.eval(&at.statement_hits, at.text));
                    }
                    slot.1
                }
                None => pattern.eval(&at.statement_hits, at.text),
            }
        };
        // What covers the topic only in part covers it as weak at most.
        let (primary, pattern, partial) = match primary {
            Some(p) => (p, pattern, false),
            None => match rule
                .partial
                .as_ref()
                .and_then(|part| part.eval(&at.statement_hits, at.text).map(|p| (p, part)))
            {
                Some((p, part)) => (p, part, true),
                None => return,
            },
        };
        let found = &mut self.found;
        let excluded = self.plan.excluded.get(ri).map_or(&[][..], Vec::as_slice);
        let matched = (own_hits, primary, excluded);
        observe(rule, pattern, at, matched, |hit, coverage| {
            let coverage = if partial && coverage == Coverage::Binding {
                Coverage::Weak
            } else {
                coverage
            };
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
        });
    }
}

/// A row of a table with a type column whose type cell is empty: the tender gave it
/// no type (a code the tool does not know, such as «V» without the tender's legend,
/// is a type all the same).
fn has_empty_type_cell(at: &BlockAt<'_>) -> bool {
    at.prepared.table.as_ref().is_some_and(|row| {
        row.untyped
            && row
                .columns
                .kind
                .is_some_and(|k| at.block.cell(k).is_none_or(|c| c.trim().is_empty()))
    })
}

/// What a statement whose text matched the rule's pattern (pointing at `primary`)
/// means for the rule: zero, one or several observations, each passed to `record`.
/// `hits` are the statement's hits that count for the rule; `excluded`, the topic
/// words the tender's scope exclusions name for it.
fn observe(
    rule: &CompiledRule,
    pattern: &CompiledMatch,
    at: &mut StatementAt<'_>,
    (hits, primary, excluded): (&[Hit], Option<Hit>, &[String]),
    mut record: impl FnMut(Option<Hit>, Coverage),
) {
    let statement = at.statement;
    let normative = at.normative;
    match rule.kind {
        RuleKind::Require => {
            let mut coverage = if !normative {
                Coverage::NonNormative
            } else if statement.negated {
                Coverage::Negated
            } else if statement.modality.is_binding()
                || at.reading.qualifies(statement.modality)
                || super::rule_reading::binds(rule, statement.modality, at.row.unwrap_or(at.text))
            {
                Coverage::Binding
            } else if statement.modality.is_weak() {
                Coverage::Weak
            } else {
                Coverage::Descriptive
            };
            // What the award criteria state without a modal verb is evaluated («Kvalitet
            // 40 %: integrasjon med kjernejournal»); their «skal» binds the tenderer or the
            // evaluation and stays binding. A requirement under a condition is not demanded.
            if coverage == Coverage::Descriptive && at.reading.is_evaluation(at.text) {
                // For a rule about how tenders are evaluated, that is the topic stated.
                coverage = if super::rule_reading::binds_in_award_criteria(rule) {
                    Coverage::Binding
                } else {
                    Coverage::Evaluated
                };
            } else if coverage == Coverage::Binding
                && at
                    .reading
                    .is_conditional(at.text, super::rule_reading::reads_options_as_binding(rule))
            {
                coverage = Coverage::Conditional;
            } else if coverage == Coverage::Binding && at.reading.untyped_row {
                // The tender left the row's type empty: its «skal» alone does not make
                // it a minimum requirement.
                coverage = Coverage::Weak;
            } else if coverage == Coverage::Binding
                && at.reading.section == SectionSays::Wished
                && !at.reading.row_typed
            {
                // Under «Bør-krav» a «skal» is a wish the tender typed by its heading.
                coverage = Coverage::Weak;
            }
            // Only a requirement naming an excluded topic itself brings it back: not a
            // neighbouring term, nor a description giving the reason for excluding it.
            if !excluded.is_empty()
                && !matches!(coverage, Coverage::Negated | Coverage::NonNormative)
                && (coverage == Coverage::Descriptive
                    || !names_excluded_topic(at.text, at.statement.range.start, hits, excluded))
            {
                coverage = Coverage::Excluded;
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
                if with.eval(&StatementHits::new(&window), at.text).is_none() {
                    record(Some(anchor), Coverage::Violation);
                }
            }
        }
        RuleKind::Check => {}
    }
}
