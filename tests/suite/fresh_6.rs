//! Accuracy of tenderlint on the sixth fresh corpus (`fixtures/fresh-6`): ten tenders
//! written on 2026-12-08 by a helper who read only the domain documents in `shared/domain/`
//! and the lead's definitions of the four ids they do not define (INF-010, INF-011, HYG-015,
//! HYG-016) — never the rules, the source, the tests or the tool. `fixtures/fresh-6-src/README.md`
//! names a slip: a grep late in the writing printed four lines of two other corpora, after
//! the tenders and labels were written.
//!
//! Held out for issue 22's sixth reading pass: nobody who changed the rules read it, and it
//! was scored once before and once after that pass. Since then it is spent: its misses were
//! read and causes fixed (below), so it is a development corpus now.

use crate::support::accuracy as accuracy_support;

const CORPUS: &str = "fixtures/fresh-6";
/// The Ctrl-F text of its DOCX tenders (`fixtures/fresh-6-src/ctrl-f-text.py`).
const DOCX_SOURCES: &str = "fixtures/fresh-6-src";

/// Measured once before the sixth reading pass (main ae354aa, rule sets 1.2.3): 87.1 % of 910
/// results, 17 false `met`. Measured once after it (both reading branches merged, rule sets
/// 1.2.4, tuned on fresh-5 and the older corpora by engineers who never opened this one):
/// **88.5 %, 15 false `met`** — the held-out number.
///
/// Then its misses were read and eight causes fixed, each with tests of other wording (a type
/// column titled by its codes, «Info» and MoSCoW codes, a question typed binding, the kind of
/// contract as a heading, the work surface far from a verb of seeing, «planlagte» as an
/// adjective, SSA bilag 10 by name, the buyer's «krever», a type in brackets after a sentence):
/// 92.2 %, 13 false `met`. The floor and the cap are that last measurement.
const FLOOR_ACCURACY: f64 = 92.1;
/// Rules the catalogue names that no shipped set implements; their labels are kept.
const NOT_IMPLEMENTED: &[&str] = &["HYG-013"];
const MAX_FALSE_MET: usize = 13;

#[test]
fn tenderlint_on_the_sixth_fresh_corpus_holds_its_measurement() {
    let out = accuracy_support::measure(CORPUS, DOCX_SOURCES);
    accuracy_support::assert_holds(
        &out,
        &accuracy_support::Holds {
            name: "fresh-6",
            min_tenders: 10,
            not_implemented: NOT_IMPLEMENTED,
            max_false_met: MAX_FALSE_MET,
            floor: FLOOR_ACCURACY,
            lead: 0.0,
        },
    );
}
