//! Issue 22, fifth reading pass, the KS set: causes found on `fixtures/fresh-4` (and
//! the earlier development corpora), each proven with a one-file tender of its own,
//! worded unlike those corpora. Every test goes through `check_paths`, as a user's
//! check does.

use crate::support::tender::reads;
use tenderlint::findings::Status;

// ---------------------------------------------------------------------------
// A row typed binding whose own words only wish: the weaker reading wins
// ---------------------------------------------------------------------------

#[test]
fn a_row_typed_as_a_minimum_whose_text_says_bor_is_weak() {
    // The type column says «must», the sentence says «should»: a vendor may answer
    // the sentence, so the row does not cover its topic bindingly.
    for row in [
        "| 4 | Journalen bør kunne sende og motta meldinger via Meldingstjener-API (EDI 2.0). | Minstekrav |",
        "| 4 | Det er ønskeleg at journalen kan nytte EDI 2.0 mot meldingstenaren. | Skal |",
        "| 4 | The record should exchange messages through EDI 2.0 and the message service API. | Mandatory |",
    ] {
        let md = format!("# Krav\n\n| Nr | Krav | Type |\n|---|---|---|\n{row}\n");
        reads(&md, "INT-010", Status::Weak);
    }
    // The same row with a binding verb of its own stays met.
    reads(
        "# Krav\n\n| Nr | Krav | Type |\n|---|---|---|\n\
         | 4 | Journalen skal sende og motta meldinger via Meldingstjener-API (EDI 2.0). | Minstekrav |\n",
        "INT-010",
        Status::Met,
    );
}

#[test]
fn may_not_in_a_mandatory_row_forbids_and_binds() {
    // "may not" is a prohibition, not a permission: the row's binding type stands.
    let md = "# Requirements\n\n| Id | Requirement | Type |\n|---|---|---|\n\
        | D-1 | The customer has full ownership of the record data. The supplier may not reuse the records for any purpose of its own. | Mandatory |\n";
    reads(md, "INF-001", Status::Met);
}
