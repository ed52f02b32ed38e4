//! Issue 22, fourth reading pass, the KS set: causes found on `fixtures/fresh-2` and
//! `fixtures/fresh-3`, each proven with a one-file tender of its own, worded unlike
//! those corpora. Every test goes through `check_paths`, as a user's check does.

use crate::support::tender::{check_md, excerpts, rule};
use tenderlint::findings::Status;

/// The one-file tender `markdown` gives rule `id` the status `status`.
fn reads(markdown: &str, id: &str, status: Status) {
    let results = check_md(markdown);
    let r = rule(&results, id);
    assert_eq!(r.status, status, "{id}: {:?}", excerpts(r));
}

// ---------------------------------------------------------------------------
// Type codes: the nynorsk «Ønskt» types a row as a wish
// ---------------------------------------------------------------------------

#[test]
fn a_type_column_of_absolutt_and_onskt_types_its_rows() {
    // No header names the type column; its values do, and «Ønskt» is a wish.
    let table = "# Krav\n\n| Nr | Krav | Absolutt eller ønskt |\n|---|---|---|\n\
        | 1 | Kommunen eig alle journaldata som vert lagra i systemet. | Absolutt |\n\
        | 2 | Systemet støttar pasienten sin legemiddelliste. | Ønskt |\n";
    reads(table, "INF-001", Status::Met);
    reads(table, "INT-005", Status::Weak);
}

// ---------------------------------------------------------------------------
// What a heading says of its section (`reading: section_headings`)
// ---------------------------------------------------------------------------

#[test]
fn a_skal_under_a_heading_tied_to_an_option_is_conditional() {
    for heading in [
        "## 7 Talegjenkjenning (gjelder kun ved utløst opsjon B)",
        "## 7 Talegjenkjenning (gjeld berre om kommunen utløyser opsjonen)",
        "## 7 Speech recognition (applies only if option B is exercised)",
    ] {
        let md = format!(
            "# Kravspesifikasjon\n\n{heading}\n\nLeverandøren skal utarbeide en personvernkonsekvensvurdering for diktering før oppstart.\n"
        );
        reads(&md, "SEC-003", Status::Weak);
    }
    // Without the heading's condition the same sentence binds.
    reads(
        "# Kravspesifikasjon\n\n## 7 Talegjenkjenning\n\nLeverandøren skal utarbeide en personvernkonsekvensvurdering for diktering før oppstart.\n",
        "SEC-003",
        Status::Met,
    );
}

#[test]
fn demands_on_an_optional_ai_function_are_the_ai_rules_topic() {
    let md = "# Kravspesifikasjon\n\n## 7 Diktering med kunstig intelligens (gjelder ved utløst opsjon B)\n\n\
        Leverandøren skal utarbeide en personvernkonsekvensvurdering for KI-funksjonen før den tas i bruk.\n\n\
        Kommunens lydopptak skal ikke brukes til å trene leverandørens språkmodeller.\n";
    reads(md, "SEC-014", Status::Met);
    reads(md, "SEC-003", Status::Weak);
}

#[test]
fn a_skal_in_a_list_headed_as_wishes_is_weak() {
    for heading in [
        "### Bør-krav",
        "### Ønskte krav",
        "### Desirable requirements",
    ] {
        let md = format!(
            "# Kravspesifikasjon\n\n## 4 Test\n\n{heading}\n\n- Leverandøren skal stille et testmiljø med fiktive pasienter til rådighet.\n"
        );
        reads(&md, "ARK-008", Status::Weak);
    }
    // A row typed by its type column keeps its type under such a heading.
    reads(
        "# Kravspesifikasjon\n\n### Bør-krav\n\n| Nr | Krav | Type |\n|---|---|---|\n| 1 | Leverandøren skal stille et testmiljø med fiktive pasienter til rådighet. | M |\n",
        "ARK-008",
        Status::Met,
    );
}
