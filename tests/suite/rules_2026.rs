//! Issue 24, rule sets 1.2.0: what a contract signed in 2026/27 must require (INT-019–022,
//! ARK-010, INF-011, SEC-014, HYG-014) and requirements that are well written (HYG-015 ids,
//! HYG-016 composite rows), through `check_paths` on the fixture tenders of
//! `fixtures/tenders-2026/` and their Word twins in `fixtures/tenders-2026-docx/` (made by
//! `fixtures/tenders-2026-src/make_docx.py`), and on the real tenders.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::tender::result;
use tenderlint::findings::{CheckReport, Evidence, Status};
use tenderlint::rules::embedded;
use tenderlint::{CheckOptions, check_paths};

const NEW_REQUIRE_RULES: &[&str] = &[
    "INT-019", "INT-020", "INT-021", "INT-022", "ARK-010", "INF-011", "SEC-014", "HYG-014",
];

fn check(dir: &Path) -> CheckReport {
    let sets = embedded::load_defaults().expect("default sets load");
    let report = check_paths(&[dir.to_path_buf()], &sets, &CheckOptions::default());
    assert_eq!(
        report.summary.unreadable_files,
        0,
        "{}: {:?}",
        dir.display(),
        report.files
    );
    report
}

fn fixture(folder: &str, tender: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(folder)
        .join(tender)
}

#[test]
fn every_2026_rule_is_met_where_a_tender_requires_it_in_nb_nn_en_markdown_and_word() {
    for folder in ["tenders-2026", "tenders-2026-docx"] {
        for tender in ["nb-2026", "nn-2026", "en-2026"] {
            let report = check(&fixture(folder, tender));
            for rule in NEW_REQUIRE_RULES {
                let r = result(&report, rule);
                assert_eq!(r.status, Status::Met, "{folder}/{tender} {rule}: {r:#?}");
            }
            for rule in ["HYG-015", "HYG-016"] {
                let r = result(&report, rule);
                assert_eq!(
                    r.status,
                    Status::Passed,
                    "{folder}/{tender} {rule}: {:#?}",
                    r.evidence
                );
            }
        }
    }
}

/// What evidence of a hygiene finding says: its id, a word of its row and where else the id is used.
fn cited(e: &Evidence) -> (Option<&str>, &str, Vec<&str>) {
    let others = e.also_at.iter().map(|o| o.excerpt.as_str()).collect();
    (e.requirement_id.as_deref(), e.excerpt.as_str(), others)
}

#[test]
fn requirement_ids_report_an_id_less_row_and_each_reused_id_once_with_its_other_places() {
    for folder in ["tenders-2026", "tenders-2026-docx"] {
        let report = check(&fixture(folder, "nb-kravkvalitet"));
        let r = result(&report, "HYG-015");
        assert_eq!(r.status, Status::Violation, "{folder}");
        // Not the caption row «Integrasjoner», not the header row repeated mid-table, not K-1
        // and K-2 repeated with the same text in the answer form: two findings.
        assert_eq!(r.evidence_total, 2, "{folder}: {:#?}", r.evidence);
        let found: Vec<_> = r.evidence.iter().map(cited).collect();
        assert_eq!(found[0].0, None, "{folder}: {found:?}");
        assert!(found[0].1.contains("mobil løsning"), "{folder}: {found:?}");
        assert_eq!(found[1].0, Some("K-4"), "{folder}: {found:?}");
        assert!(found[1].1.contains("e-resept"), "{folder}: {found:?}");
        assert_eq!(found[1].2.len(), 1, "{folder}: {found:?}");
        assert!(found[1].2[0].contains("PLO"), "{folder}: {found:?}");
        assert!(
            r.evidence[1].also_at[0].file.contains("bilag-2-svarskjema"),
            "{folder}: {:?}",
            r.evidence[1].also_at
        );
    }
}

#[test]
fn a_composite_requirement_row_is_reported_once_and_an_elaborating_one_is_not() {
    for folder in ["tenders-2026", "tenders-2026-docx"] {
        let report = check(&fixture(folder, "nb-kravkvalitet"));
        let r = result(&report, "HYG-016");
        assert_eq!(r.status, Status::Violation, "{folder}");
        // K-3 logs access and trains users; K-2's second «skal» is about its integration, and
        // the glossary row with two «skal» is no requirement.
        let ids: Vec<_> = r
            .evidence
            .iter()
            .map(|e| e.requirement_id.clone())
            .collect();
        assert_eq!(
            ids,
            vec![Some("K-3".to_string())],
            "{folder}: {:#?}",
            r.evidence
        );
    }
}

#[test]
fn the_ki_rule_applies_only_where_the_tender_asks_for_ki() {
    let without = check(&fixture("tenders-2026", "nb-kravkvalitet"));
    assert_eq!(result(&without, "SEC-014").status, Status::NotApplicable);
    let with = check(&fixture("tenders-2026", "nb-2026"));
    assert_eq!(result(&with, "SEC-014").status, Status::Met);
    assert!(with.services.effective.iter().any(|s| s == "ki-funksjoner"));
}

/// The real tenders (not health-record tenders), wherever the shared folder is: beside the
/// checkout, or beside the folder of worktrees.
fn real_tenders() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = ["../shared", "../../shared"]
        .iter()
        .map(|up| manifest.join(up).join("corpora/tenders-real"))
        .find(|dir| dir.is_dir());
    if found.is_none() {
        eprintln!("note: no shared/corpora/tenders-real beside the checkout; skipped");
    }
    found
}

/// (tender, rule, requirement id or «-», words of the cited place, why it is a real fault).
/// Each finding was read in the tender.
const REAL_FINDINGS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "antidoping",
        "HYG-015",
        "-",
        "tabell 1, rad 14",
        "the award criteria table numbers criteria 1-3 in its «Nr.» column; criterion 4 \
         «Service, support og vedlikehold» has none",
    ),
    (
        "digiskjema-SSA-L",
        "HYG-015",
        "P12",
        "Bilag 1",
        "Bilag 2's answer table shifts the P ids: its P12 repeats P11's text, so an answer to \
         P12 is not about Bilag 1's P12 (physical security)",
    ),
    (
        "digiskjema-SSA-L",
        "HYG-015",
        "P13",
        "Bilag 1",
        "and its P13 is Bilag 1's P12, so Bilag 1's P13 (separating customers' data) has no answer row",
    ),
    (
        "digiskjema-SSA-L",
        "HYG-016",
        "F54",
        "Bilag 2",
        "one row asks for resuming forms after a crash, encrypted drafts, no session storage in the \
         browser and an error message with a new link: answered and scored as one",
    ),
];

#[test]
fn requirement_quality_findings_on_real_tenders_are_the_faults_that_are_there() {
    let Some(root) = real_tenders() else { return };
    for tender in [
        "antidoping",
        "digiskjema-SSA-L",
        "nve-medieovervaking",
        "vetinst-nettsider",
    ] {
        let report = check(&root.join(tender));
        for rule in ["HYG-015", "HYG-016"] {
            let r = result(&report, rule);
            let expected: Vec<_> = REAL_FINDINGS
                .iter()
                .filter(|(t, ru, ..)| *t == tender && *ru == rule)
                .collect();
            assert_eq!(
                r.evidence_total,
                expected.len(),
                "{tender} {rule}: {:#?}",
                r.evidence
            );
            for (e, (.., id, place, why)) in r.evidence.iter().zip(&expected) {
                // A Word place as the report words it: «… tabell 1, rad 14».
                let at = e.place.as_ref().map_or_else(
                    || e.location.clone(),
                    |p| tenderlint::report::i18n::place(p, tenderlint::Lang::Nb),
                );
                let place_text = format!("{} {at}", e.file);
                assert_eq!(
                    e.requirement_id.as_deref().unwrap_or("-"),
                    *id,
                    "{tender} {rule} ({why})"
                );
                assert!(
                    place_text.contains(place),
                    "{tender} {rule} {id} at {place_text} ({why})"
                );
            }
        }
        // None of the new KS rules is met on a tender that is not about a health record.
        for rule in NEW_REQUIRE_RULES {
            assert_ne!(result(&report, rule).status, Status::Met, "{tender} {rule}");
        }
    }
}

fn tenderlint(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .args(args)
        .output()
        .expect("run tenderlint");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn rules_diff_lists_the_2026_rules_and_explain_knows_them() {
    let ks = tenderlint(&[
        "rules",
        "diff",
        "ks-felles-journalloft@1.1.0",
        "ks-felles-journalloft@1.2.0",
    ]);
    for rule in [
        "INT-019", "INT-020", "INT-021", "INT-022", "ARK-010", "INF-011", "SEC-014",
    ] {
        assert!(
            ks.contains(&format!("+ {rule}")),
            "{rule} not added in:\n{ks}"
        );
    }
    assert!(ks.contains("~ INT-017"), "{ks}");
    let hygiene = tenderlint(&[
        "rules",
        "diff",
        "anskaffelse-hygiene@1.1.0",
        "anskaffelse-hygiene@1.2.0",
    ]);
    for rule in ["HYG-014", "HYG-015", "HYG-016"] {
        assert!(
            hygiene.contains(&format!("+ {rule}")),
            "{rule} not added in:\n{hygiene}"
        );
    }
    let versions = tenderlint(&["rules", "list", "--versions"]);
    assert!(
        versions.contains("ks-felles-journalloft@1.2.0"),
        "{versions}"
    );
    let explained = tenderlint(&["explain", "INT-019", "--lang", "en"]);
    assert!(explained.contains("Pasientens prøvesvar"), "{explained}");
    let scoped = tenderlint(&["explain", "SEC-014", "--lang", "en"]);
    assert!(
        scoped.contains("ki-funksjoner") && scoped.contains("otherwise"),
        "{scoped}"
    );
}

#[test]
fn reports_name_every_other_place_a_reused_id_is_used() {
    let dir = fixture("tenders-2026", "nb-kravkvalitet");
    let dir = dir.to_str().expect("path");
    for (format, also) in [
        (vec!["--verbose"], "også brukt i"),
        (vec!["--format", "markdown"], "også brukt i"),
        (vec!["--format", "json"], "\"also_at\""),
        (vec!["--verbose", "--lang", "en"], "also used at"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
            .args(["check", dir])
            .args(&format)
            .output()
            .expect("run tenderlint");
        let text = String::from_utf8_lossy(&out.stdout);
        let line = text
            .lines()
            .find(|l| l.contains(also))
            .unwrap_or_else(|| panic!("{format:?}: no «{also}» in\n{text}"));
        if format.contains(&"json") {
            assert!(text.contains("bilag-2-svarskjema.md"), "{format:?}");
        } else {
            assert!(
                line.contains("bilag-2-svarskjema.md") && line.contains("PLO"),
                "{format:?}: {line}"
            );
        }
    }
}
