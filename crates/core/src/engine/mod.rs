//! The engine: compiled rule sets over a tender → one result per rule.
//!
//! The tender is taken in stretches of blocks: each stretch is prepared
//! (normalised, cut into statements), observed by every rule set and dropped, and
//! what the rules observed is kept as a tally. Within a stretch, one pass per block
//! and rule set: the set's automaton finds every term, the hits are grouped by
//! statement, and only the rules those terms trigger are evaluated there.

mod checks;
mod composite;
mod evidence;
mod exclusion;
mod forms;
mod inherited;
mod legend;
mod observation;
mod observe;
mod plan;
pub mod reading;
mod requirement_rows;
mod review;
mod rule_reading;
mod scope;
mod section_reading;
mod statement_reading;
mod statements;
mod stretch_hits;
mod tally;
mod typed_paragraphs;
mod where_bought;

pub use crate::findings::ServiceOrigin;
pub use forms::{TableShapes, is_standard_contract_text};
pub use legend::{LegendEntry, TypeLegend};
pub(crate) use plan::nonnormative_sections;
pub use scope::ScopeInfo;
pub(crate) use scope::front_matter;
pub use statements::{Columns, PreparedBlock, RowInfo, Statement, prepare, prepare_with};

use crate::document::Document;
use crate::findings::RuleResult;
use crate::parallel::join;
use crate::parallel::prelude::*;
use crate::rules::RuleSet;
use plan::SetPlan;
use tally::SetConclusion;

/// How many pieces of evidence a result keeps (the total is reported too).
pub(crate) const MAX_EVIDENCE: usize = 25;

/// Settings that change what the engine concludes.
#[derive(Debug, Clone, Default)]
pub struct EngineOptions {
    /// Services declared for the tender (flag or configuration); front matter adds to these.
    pub services: Vec<String>,
    /// Where [`EngineOptions::services`] came from: `--services`, or the
    /// configuration file's path.
    pub services_origin: String,
    /// Set by a caller that no longer wants the answer (`serve` past its time limit):
    /// the stretches of blocks not yet observed are skipped, so the cores are free
    /// within one stretch's time. The results of a stopped evaluation are incomplete;
    /// the caller discards them.
    pub stop: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

/// Evaluates rule sets over a tender: for each set, in order, one result per rule
/// and the services in scope.
pub fn evaluate(
    docs: &[Document],
    sets: &[RuleSet],
    options: &EngineOptions,
) -> Vec<(Vec<RuleResult>, ScopeInfo)> {
    // Before any set searches a text with an automaton of its own.
    crate::rules::share_term_search(sets);
    let (definitions, (legend, negated)) = join(
        || definitions_of(docs, sets),
        || {
            // What the tender's own type codes mean, from wherever in the tender it says so.
            let legend = TypeLegend::gather(docs);
            // What the tender puts out of scope is read once, for every set that reads it.
            let negated = exclusion::NegatedBlocks::gather(docs, sets, &legend);
            (legend, negated)
        },
    );
    let plans: Vec<SetPlan> = sets
        .iter()
        .map(|set| SetPlan::new(set, docs, &definitions, &negated))
        .collect();
    let observed = observe::observe_tender(docs, sets, &plans, &legend, options.stop.as_deref());
    let declared = scope::declared(docs, options);
    let concluded: Vec<SetConclusion> = sets
        .iter()
        .zip(observed)
        .map(|(set, (tally, detected_at))| {
            let scope = scope::set_scope(set, docs, &declared, detected_at);
            let results = set
                .rules
                .iter()
                .zip(tally.into_rules())
                .map(|(rule, tally)| tally::conclude(set, rule, tally, scope.effective()))
                .collect();
            (results, scope)
        })
        .collect();
    evidence::cite(concluded, docs, &definitions, &legend)
}

/// The tender's definitions, for sets that read them: a definition in one file of
/// the tender holds for all, so they are all read first (a cheap pass: most blocks
/// have no capitals). Read beside the type legend, which every check and extract
/// reads, so that a tender of one file reads both at once on two cores.
fn definitions_of(docs: &[Document], sets: &[RuleSet]) -> Vec<reading::Definition> {
    if sets.iter().any(|s| s.reading.definitions) {
        docs.par_iter()
            .enumerate()
            .flat_map_iter(|(di, doc)| reading::definitions_in(doc, di))
            .collect()
    } else {
        Vec::new()
    }
}
