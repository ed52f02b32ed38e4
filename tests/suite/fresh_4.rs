//! Accuracy of tenderlint on the fourth fresh corpus (`fixtures/fresh-4`): ten tenders
//! written on 2026-12-08 by a helper who read only the domain documents in `shared/domain/`
//! — never the rules, the fixtures, the tests, the source or the tool
//! (`fixtures/fresh-4-src/README.md`, which also names a slip: a dozen commit subjects seen).
//! The writer guessed the meaning of four ids the domain documents do not define; a second
//! helper who never read the rules relabelled them (INF-010, INF-011, HYG-015, HYG-016) from
//! their definitions before the corpus was scored.
//!
//! It is held out: nobody who changes the rules or the engine reads its misses. A change made
//! *because* of a miss here turns it into a tuned corpus (say so, and write a new one).

use crate::support::accuracy as accuracy_support;

const CORPUS: &str = "fixtures/fresh-4";
/// The Ctrl-F text of its DOCX tenders (`fixtures/fresh-4-src/ctrl-f-text.py`).
const DOCX_SOURCES: &str = "fixtures/fresh-4-src";

/// Measured once, on main 06b0e65 (rule sets 1.2.1, before issue 22's fourth reading pass),
/// over 910 results of 91 rules: 85.5 %, 10 false `met`. The floor and the cap are that
/// measurement.
///
/// Measured a second time, once, after the fourth reading pass (main e2ddc48, rule sets 1.2.2,
/// tuned on fresh, fresh-2 and fresh-3 by engineers who never opened this corpus): 86.8 %, 11
/// false `met` (fresh-3 went 92.9 → 98.0 % in the same pass). The floor and the cap follow that
/// measurement; from here on the corpus is spent as held-out text.
///
/// Issue 22's fifth reading pass took it as a development corpus (fresh-5 is held out).
/// After the KS branch (2026-12-08, branch s5-reading-ks, before the hygiene branch's
/// type-legend fix): 89.7 % of 910, 8 false `met` (7 of them UX-002, an award criterion
/// this corpus labels weak where fresh, fresh-2 and fresh-3 label it met).
/// With the hygiene branch merged (s5-reading-hyg: type legends in running text, lists
/// and footnotes; HYG-016 passive demands; HYG-006 go-live wording): 94.0 % of 910, 8
/// false `met`. The sixth pass's KS branch (s6-reading-ks, rule sets 1.2.4): 94.4 %, 8 (7 of them
/// the disputed UX-002 labels); with the hygiene branch merged beside it (s6-reading-hyg):
/// 94.9 %, 8.
const FLOOR_ACCURACY: f64 = 94.8;
/// Rules the catalogue names that no shipped set implements; their labels are kept.
const NOT_IMPLEMENTED: &[&str] = &["HYG-013"];
const MAX_FALSE_MET: usize = 8;

#[test]
fn tenderlint_on_the_fourth_fresh_corpus_holds_its_measurement() {
    let out = accuracy_support::measure(CORPUS, DOCX_SOURCES);
    accuracy_support::assert_holds(
        &out,
        &accuracy_support::Holds {
            name: "fresh-4",
            min_tenders: 10,
            not_implemented: NOT_IMPLEMENTED,
            max_false_met: MAX_FALSE_MET,
            floor: FLOOR_ACCURACY,
            lead: 0.0,
        },
    );
}
