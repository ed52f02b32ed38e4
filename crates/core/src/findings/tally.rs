//! The one vocabulary of outcomes and the one tally of a check (issue 25): each
//! result counts once, by its outcome, for the whole tender and per category;
//! every format shows these numbers with the same words.

use super::{FileEntry, RuleResult, Status};
use serde::Serialize;

/// What a result comes to for the reader: the engine's [`Status`], or `waived`
/// when a waiver accepts it. Every format counts and names results by this one
/// vocabulary, so that a count means the same in the terminal, on the page and in
/// every report (README, «Outcomes»).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// A binding requirement (or, for a `mention` rule, a statement) covers the topic.
    Met,
    /// Only weak coverage («bør», evaluation question, option): accepted or not by
    /// the rule, it does not bind the supplier.
    Weak,
    /// Nothing in the tender covers the topic.
    Missing,
    /// The tender says something the rule objects to.
    Violation,
    /// A forbid/prefer/check rule found nothing to object to.
    Passed,
    /// The rule does not apply to the services this tender covers.
    NotApplicable,
    /// A waiver accepts the result, whatever its status.
    Waived,
}

impl Outcome {
    /// Every outcome, in the order reports list them.
    pub const ALL: [Outcome; 7] = [
        Outcome::Met,
        Outcome::Weak,
        Outcome::Missing,
        Outcome::Violation,
        Outcome::Passed,
        Outcome::NotApplicable,
        Outcome::Waived,
    ];

    /// Its key in reports and in the word table (`met`, `not-applicable`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Met => "met",
            Outcome::Weak => "weak",
            Outcome::Missing => "missing",
            Outcome::Violation => "violation",
            Outcome::Passed => "passed",
            Outcome::NotApplicable => "not-applicable",
            Outcome::Waived => "waived",
        }
    }

    fn of_status(status: Status) -> Outcome {
        match status {
            Status::Met => Outcome::Met,
            Status::Weak => Outcome::Weak,
            Status::Missing => Outcome::Missing,
            Status::Violation => Outcome::Violation,
            Status::Passed => Outcome::Passed,
            Status::NotApplicable => Outcome::NotApplicable,
        }
    }
}

impl RuleResult {
    /// What the result comes to: its status, or `waived` when a waiver accepts it.
    pub fn outcome(&self) -> Outcome {
        if self.waiver.is_some() {
            Outcome::Waived
        } else {
            Outcome::of_status(self.status)
        }
    }
}

/// How many results have each outcome (each result counts once, so the counts
/// add up to `rules`), and how many of them fail.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Tally {
    pub rules: usize,
    pub met: usize,
    pub weak: usize,
    pub missing: usize,
    pub violation: usize,
    pub passed: usize,
    pub not_applicable: usize,
    pub waived: usize,
    /// Results that fail and are not waived: what there is to fix.
    pub failed: usize,
}

impl Tally {
    /// The tally of these results.
    pub fn of<'a>(results: impl IntoIterator<Item = &'a RuleResult>) -> Tally {
        Tally::of_outcomes(results.into_iter().map(|r| (r.outcome(), r.fails())))
    }

    /// The tally of outcomes, each with whether it fails (cells of a comparison).
    pub fn of_outcomes(outcomes: impl IntoIterator<Item = (Outcome, bool)>) -> Tally {
        let mut t = Tally::default();
        for (outcome, fails) in outcomes {
            t.rules += 1;
            *t.count_mut(outcome) += 1;
            if fails {
                t.failed += 1;
            }
        }
        t
    }

    fn count_mut(&mut self, outcome: Outcome) -> &mut usize {
        match outcome {
            Outcome::Met => &mut self.met,
            Outcome::Weak => &mut self.weak,
            Outcome::Missing => &mut self.missing,
            Outcome::Violation => &mut self.violation,
            Outcome::Passed => &mut self.passed,
            Outcome::NotApplicable => &mut self.not_applicable,
            Outcome::Waived => &mut self.waived,
        }
    }

    /// How many results have this outcome.
    pub fn count(&self, outcome: Outcome) -> usize {
        match outcome {
            Outcome::Met => self.met,
            Outcome::Weak => self.weak,
            Outcome::Missing => self.missing,
            Outcome::Violation => self.violation,
            Outcome::Passed => self.passed,
            Outcome::NotApplicable => self.not_applicable,
            Outcome::Waived => self.waived,
        }
    }

    /// Counts per outcome, in the order reports show them.
    pub fn counts(&self) -> [(usize, Outcome); 7] {
        Outcome::ALL.map(|o| (self.count(o), o))
    }
}

/// The tally of one category.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CategoryTally {
    pub category: String,
    #[serde(flatten)]
    pub tally: Tally,
}

/// The one tally of a check: the whole tender and each category (in the order
/// categories first appear in the results), computed once; every format shows
/// these numbers.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    #[serde(flatten)]
    pub tally: Tally,
    /// Files that could not be read.
    pub unreadable_files: usize,
    pub categories: Vec<CategoryTally>,
}

/// The whole tender's counts read as the summary's own (`summary.met`), as they
/// did before the categories joined them.
impl std::ops::Deref for Summary {
    type Target = Tally;
    fn deref(&self) -> &Tally {
        &self.tally
    }
}

impl Summary {
    /// The summary of these results and files.
    pub fn of(results: &[RuleResult], files: &[FileEntry]) -> Summary {
        let mut categories: Vec<CategoryTally> = Vec::new();
        for r in results {
            if !categories.iter().any(|c| c.category == r.category) {
                categories.push(CategoryTally {
                    category: r.category.clone(),
                    tally: Tally::of(results.iter().filter(|o| o.category == r.category)),
                });
            }
        }
        Summary {
            tally: Tally::of(results),
            unreadable_files: files.iter().filter(|f| f.error.is_some()).count(),
            categories,
        }
    }

    /// The tally of one category (empty for a category no result has).
    pub fn category(&self, category: &str) -> Tally {
        self.categories
            .iter()
            .find(|c| c.category == category)
            .map(|c| c.tally)
            .unwrap_or_default()
    }
}
