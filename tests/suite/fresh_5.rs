//! Accuracy of tenderlint on the fifth fresh corpus (`fixtures/fresh-5`): ten tenders
//! written on 2026-12-08 by a helper who read only the domain documents in `shared/domain/`
//! and the lead's definitions of the four ids they do not define (INF-010, INF-011, HYG-015,
//! HYG-016) — never the rules, the fixtures, the tests, the source or the tool
//! (`fixtures/fresh-5-src/README.md`, which also names a slip: the other corpora's file names
//! seen once, after the labels were written).
//!
//! Scored once before and once after issue 22's fifth reading pass; since then it is spent:
//! one cause was fixed after its misses were read (below), so it is a development corpus now.

use crate::support::accuracy as accuracy_support;

const CORPUS: &str = "fixtures/fresh-5";
/// The Ctrl-F text of its DOCX tenders (`fixtures/fresh-5-src/ctrl-f-text.py`).
const DOCX_SOURCES: &str = "fixtures/fresh-5-src";

/// Measured once before the fifth reading pass (main 438793d, rule sets 1.2.2): 89.5 % of
/// 910 results, 12 false `met`. Measured once after it (main 7aa1c78, rule sets 1.2.3, tuned
/// on fresh-4 and the older corpora by engineers who never opened this one): **92.7 %, 8
/// false `met`** — the held-out number.
///
/// Then its misses were read, and one cause the pass had introduced was fixed (a row typed
/// «Krav» that asks «Kan løsningen …?» read weak): 93.4 %, 8 false `met`. The floor and the
/// cap were that measurement. The sixth pass's KS branch (s6-reading-ks, rule sets 1.2.4, now
/// reading this corpus as a development corpus): 96.2 %, 1 false `met`; with the hygiene
/// branch merged beside it (s6-reading-hyg): 97.3 %, 0.
const FLOOR_ACCURACY: f64 = 97.2;
/// Rules the catalogue names that no shipped set implements; their labels are kept.
const NOT_IMPLEMENTED: &[&str] = &["HYG-013"];
const MAX_FALSE_MET: usize = 0;

#[test]
fn tenderlint_on_the_fifth_fresh_corpus_holds_its_measurement() {
    let out = accuracy_support::measure(CORPUS, DOCX_SOURCES);
    accuracy_support::assert_holds(
        &out,
        &accuracy_support::Holds {
            name: "fresh-5",
            min_tenders: 10,
            not_implemented: NOT_IMPLEMENTED,
            max_false_met: MAX_FALSE_MET,
            floor: FLOOR_ACCURACY,
            lead: 0.0,
        },
    );
}
