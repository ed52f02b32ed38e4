//! Accuracy of tenderlint on the third fresh corpus (`fixtures/fresh-3`): ten tenders
//! written on 2026-12-07 by a helper who read only the domain documents in `shared/domain/`
//! — never the rules, the fixtures, the tests, the source or the tool
//! (`fixtures/fresh-3-src/README.md`).
//!
//! It is the corpus the next accuracy work on issue 22 starts from, so it is held out: nobody
//! who changes the rules or the engine reads its misses. A change made *because* of a miss here
//! turns it into a tuned corpus (say so, and write a new one).

use crate::support::accuracy as accuracy_support;

const CORPUS: &str = "fixtures/fresh-3";
/// The Ctrl-F text of its DOCX tenders (`fixtures/fresh-3-src/ctrl-f-text.py`).
const DOCX_SOURCES: &str = "fixtures/fresh-3-src";

/// The writer assumed meanings for four ids the domain documents do not define; three match
/// the rule sets (INF-010 real-time sharing, HYG-015 requirement ids, HYG-016 composite rows).
/// INF-011 did not (the writer read it as «innsyn through Helsenorge», the set means the
/// citizen rights of EHDS), and a second helper who never read the rules relabelled it from
/// `shared/domain/regulation-2026.md` before its results were scored.
///
/// Measured once, on main 4cf7eef (rule sets 1.2.0, before the work of issues 25–27), over
/// 910 results of 91 rules: tenderlint 91.9 %, 8 false `met`. The floor and the cap are that
/// measurement.
///
/// Measured a second time, once, after the third reading pass on issue 22 (main 6b61819, rule
/// sets 1.2.1, tuned on fresh and fresh-2 by an engineer who never opened this corpus):
/// 92.9 %, 8 false `met` (fresh-2 went 89.0 → 93.9 % in the same pass: most of that did not
/// carry over). The floor follows that measurement; its misses are still unread.
///
/// Since then its misses have been read: issue 22's fourth reading pass took it as a
/// development corpus (fresh-4 is held out now). After it (2026-12-08, rule sets 1.2.2,
/// branch s4-reading-ks with the hygiene branch's last causes merged): 98.0 % of 910,
/// 2 false `met`. After the fifth pass's KS branch (2026-12-08, s5-reading-ks): 98.1 %, 2,
/// unchanged with the hygiene branch merged (s5-reading-hyg). The sixth pass's KS branch
/// (s6-reading-ks, rule sets 1.2.4): 98.5 %, 1; with the hygiene branch merged beside it
/// (s6-reading-hyg): 98.7 %, 1.
const FLOOR_ACCURACY: f64 = 98.6;
/// Rules the catalogue names that no shipped set implements; their labels are kept.
const NOT_IMPLEMENTED: &[&str] = &["HYG-013"];
const MAX_FALSE_MET: usize = 1;

#[test]
fn tenderlint_on_the_third_fresh_corpus_holds_its_measurement() {
    let out = accuracy_support::measure(CORPUS, DOCX_SOURCES);
    accuracy_support::assert_holds(
        &out,
        &accuracy_support::Holds {
            name: "fresh-3",
            min_tenders: 10,
            not_implemented: NOT_IMPLEMENTED,
            max_false_met: MAX_FALSE_MET,
            floor: FLOOR_ACCURACY,
            lead: 0.0,
        },
    );
}
