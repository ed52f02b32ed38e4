//! What a rule set's observations come to, and what is concluded from them: per
//! rule, a count of each kind of coverage and the first observations of each (the
//! evidence to cite), then one result per rule.

use super::MAX_EVIDENCE;
use super::observation::Observation;
use super::requirement_rows::{RowId, judge_ids};
use super::scope::{ScopeInfo, scoped};
use crate::findings::{Coverage, RuleInfo, RuleResult, Status};
use crate::rules::schema::{RuleKind, Strength};
use crate::rules::{CompiledRule, RuleSet};
use std::sync::Arc;

/// What a rule set's observations come to: for each rule, how many there are of each
/// coverage, and the first [`MAX_EVIDENCE`] of each in document order. That is all a
/// conclusion reads, so the engine's memory is bounded by the rules, not by the
/// length of the tender (a long tender with many rules had hundreds of thousands of
/// observations). The kept observations of all rules share one list: a list per
/// rule made every stretch allocate and grow as many small vectors as there are rules.
#[derive(Debug)]
pub(super) struct SetTally {
    /// Indexed by rule, then [`Coverage::index`].
    counts: Vec<[usize; Coverage::COUNT]>,
    /// (rule index, observation) in document order; for each rule at most
    /// [`MAX_EVIDENCE`] of each coverage.
    kept: Vec<(usize, Observation)>,
    /// Indexed by rule: the normative statement closest to the rule's requirement
    /// text, and its similarity («possibly covered — check»; see `engine::review`).
    review: Vec<Option<(f32, Observation)>>,
    /// Rows of tables that number their requirements, for the id check, which
    /// judges them once the whole tender is read.
    row_ids: Vec<RowId>,
}

impl SetTally {
    pub(super) fn new(rules: usize) -> SetTally {
        SetTally {
            counts: vec![[0; Coverage::COUNT]; rules],
            kept: Vec::new(),
            review: vec![None; rules],
            row_ids: Vec::new(),
        }
    }

    /// Keeps `observation` as the rule's review candidate if it is closer than the
    /// one kept (the earlier one on a tie).
    pub(super) fn offer_review(&mut self, rule: usize, score: f32, observation: Observation) {
        if let Some(slot) = self.review.get_mut(rule)
            && slot.is_none_or(|(best, _)| score > best)
        {
            *slot = Some((score, observation));
        }
    }

    pub(super) fn add_row_id(&mut self, row: RowId) {
        self.row_ids.push(row);
    }

    pub(super) fn add(&mut self, rule: usize, observation: Observation) {
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
    pub(super) fn append(&mut self, later: SetTally) {
        for (rule, candidate) in later.review.into_iter().enumerate() {
            if let Some((score, observation)) = candidate {
                self.offer_review(rule, score, observation);
            }
        }
        self.row_ids.extend(later.row_ids);
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
    pub(super) fn into_rules(mut self) -> Vec<Tally> {
        // The id check's findings, now that every file is read: each cited with the
        // other places that use the same id.
        let mut elsewhere: Vec<(usize, Observation, Vec<Observation>)> = Vec::new();
        let mut reordered = Vec::new();
        for (rule, at, also) in judge_ids(std::mem::take(&mut self.row_ids)) {
            self.add(rule, at);
            reordered.push(rule);
            if !also.is_empty() {
                elsewhere.push((rule, at, also));
            }
        }
        let mut tallies: Vec<Tally> = self
            .counts
            .into_iter()
            .zip(self.review)
            .map(|(counts, review)| Tally {
                counts,
                kept: Vec::new(),
                review: review.map(|(_, o)| o),
                elsewhere: Vec::new(),
            })
            .collect();
        for (rule, observation) in self.kept {
            if let Some(tally) = tallies.get_mut(rule) {
                tally.kept.push(observation);
            }
        }
        for rule in reordered {
            if let Some(tally) = tallies.get_mut(rule) {
                tally.kept.sort_unstable();
            }
        }
        for (rule, at, also) in elsewhere {
            if let Some(tally) = tallies.get_mut(rule) {
                tally.elsewhere.push((at, also));
            }
        }
        tallies
    }
}

/// One rule's part of a [`SetTally`].
#[derive(Debug, Default)]
pub(super) struct Tally {
    counts: [usize; Coverage::COUNT],
    /// In document order; at most [`MAX_EVIDENCE`] of each coverage.
    kept: Vec<Observation>,
    /// The statement closest to the rule's requirement text, if any is close.
    review: Option<Observation>,
    /// For an observation of a requirement id used again, the other places it is used.
    elsewhere: Vec<(Observation, Vec<Observation>)>,
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

/// A set's results before their evidence is built, each with the observations it
/// will cite, and the set's scope.
pub(super) type SetConclusion = (Vec<Concluded>, ScopeInfo);

/// An observation a result cites, with the other places it names (where the
/// requirement id it is about is used again; usually none).
#[derive(Debug, Clone)]
pub(super) struct Cited {
    pub(super) at: Observation,
    pub(super) also: Vec<Observation>,
}

/// A rule's result before its evidence is built, the observations it will cite,
/// and the statement it cites for review («possibly covered — check»), if any.
pub(super) type Concluded = (RuleResult, Vec<Cited>, Option<Observation>);

/// A rule's result from its tally: the status, whether it is satisfied, and the
/// observations its evidence will be built from.
pub(super) fn conclude(
    set: &RuleSet,
    rule: &CompiledRule,
    tally: Tally,
    services: &[String],
) -> Concluded {
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
        Excluded,
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
    // Only a missing rule is offered for review, and not where the tender negates,
    // excludes or redefines its topic, nor with a statement it already cites.
    let review = tally.review.filter(|candidate| {
        status == Status::Missing
            && tally.count(&[Negated, Redefined, Excluded]) == 0
            && !chosen.iter().any(|o| {
                (o.doc, o.block, o.statement)
                    == (candidate.doc, candidate.block, candidate.statement)
            })
    });
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
        gate: crate::findings::Gate::Passes,
        rule_info: Arc::new(rule_info(rule)),
    };
    let mut elsewhere = tally.elsewhere;
    let cited = chosen
        .into_iter()
        .map(|at| {
            let also = elsewhere
                .iter_mut()
                .find(|(first, _)| *first == at)
                .map(|(_, also)| std::mem::take(also))
                .unwrap_or_default();
            Cited { at, also }
        })
        .collect();
    (result, cited, review)
}

/// What reporters show of a rule: its texts, not its patterns.
fn rule_info(rule: &CompiledRule) -> RuleInfo {
    RuleInfo {
        id: rule.id.clone(),
        title: rule.title.clone(),
        message: rule.message.clone(),
        messages: rule.messages.clone(),
        severity: rule.severity,
        replacement: rule.replacement.clone(),
        rationale: rule.rationale.clone(),
        sources: rule.sources.clone(),
        suggestion: rule.suggestion.clone(),
        help_uri: rule.help_uri.clone(),
        fix_adds_equivalent: rule.fix_adds_equivalent,
    }
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
