//! Accuracy of tenderlint on the fresh corpus: a third labelled corpus, written for
//! issue 15 by a helper who read only the domain brief (§0, §4, §5) — never the rules'
//! YAML, the other corpora, the rule language or the tool — after the 1.1.0 work was
//! done, and scored once. Its tenders carry the hard cases on purpose: glossaries that
//! redefine the catalogue's abbreviations, product names no list holds, conditional
//! requirements, award tables, compounds that only look like a topic.
//!
//! Nobody tunes rules against this corpus. The floor and the cap below are the first
//! measurement (2026-12-02) minus a small margin, so a regression shows; a later change
//! that improves the numbers re-measures and says so in its commit, and a change made
//! *because* of a miss here turns this corpus into a tuned one (say so, and write a new one).

use crate::support::accuracy as accuracy_support;

const CORPUS: &str = "fixtures/fresh";
/// The Ctrl-F text of its DOCX tenders (`fixtures/fresh-src/ctrl-f-text.py`).
const DOCX_SOURCES: &str = "fixtures/fresh-src";

/// The first measurement, 2026-12-02, rule sets 1.1.0: 6 tenders, 486 rule results,
/// tenderlint 92.4 %, Ctrl-F 53.5 %, 6 false `met` (bergvik SEC-009, fjordnes INF-002,
/// vesterfjord INF-009, ARK-003, SEC-005, ARC-005). Rule sets 1.2.0: 95.6 % of 546, 5.
///
/// Re-measured after issue 22's third reading pass (2026-12-07, rule sets 1.2.1): 97.4 %
/// of 546 results, 4 false `met` (bergvik SEC-009, vesterfjord INF-009, ARK-003,
/// SEC-005). That pass read this corpus's misses beside fresh-2's (INF-003, INF-004,
/// ARK-006 and INF-002 wordings were fixed as causes it shares), so it is a tuned corpus
/// now; `fixtures/fresh-3` is the held-out one. Floor and cap are that measurement.
///
/// After issue 22's fourth reading pass (2026-12-08, rule sets 1.2.2, branch s4-reading-ks
/// with the hygiene branch merged): 99.1 % of 546 results, 1 false `met` (bergvik SEC-009,
/// a condition on the delivery model the label reads as conditional).
///
/// After the fifth pass's KS branch (2026-12-08, s5-reading-ks): 99.1 %, 0 false `met` —
/// a demand on a delivery model the vendor may not offer is conditional now. One result
/// moved the other way: fjordnes INT-020, unlabelled (this corpus predates the rule), is
/// weak for a binding read-only look-up of critical information.
/// The sixth pass's hygiene reading: 99.5 %.
const FLOOR_ACCURACY: f64 = 99.4;
/// False `met` at the last measurement; the cap is that number, so none is added unseen.
const MAX_FALSE_MET: usize = 0;
/// Rules the brief's catalogue names that no shipped set implements yet; their labels
/// are kept (they say what the tender holds) but cannot be compared.
const NOT_IMPLEMENTED: &[&str] = &["HYG-013"];

#[test]
fn tenderlint_on_the_fresh_corpus_holds_its_first_measurement() {
    let out = accuracy_support::measure(CORPUS, DOCX_SOURCES);
    accuracy_support::assert_holds(
        &out,
        &accuracy_support::Holds {
            name: "fresh",
            min_tenders: 5,
            not_implemented: NOT_IMPLEMENTED,
            max_false_met: MAX_FALSE_MET,
            floor: FLOOR_ACCURACY,
            lead: 0.0,
        },
    );
}
