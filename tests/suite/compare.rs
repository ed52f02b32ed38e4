//! `tenderlint compare` (issue 28) run as a coordinator runs it: three fixture
//! tenders, each with its own configuration, side by side. Every cell must be
//! what `check` gives that tender alone; the workbook must hold the same cells
//! in the same colours; a region.yaml naming a folder that is not there is an
//! error that names it.

use crate::support::tenderlint_in as run;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

const ACCURACY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/accuracy");
const TENDERS: [&str; 3] = ["nb-feller", "nb-svak-helsestasjon", "nn-prosa-heimeteneste"];
/// A waiver only the third member's own configuration has.
const WAIVER: &str = "Regionen dekker innsyn i tilgangslogg felles";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A region in a temporary repository: the three fixture tenders copied into
/// `members/NAME/`; the second with a tenderlint.yaml of its own (found as
/// `check` finds it) that lowers `fail-on`, the third checked with the
/// configuration region.yaml names, which waives SEC-006.
fn region() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::create_dir(root.join(".git")).expect(".git");
    for name in TENDERS {
        let to = root.join("members").join(name);
        std::fs::create_dir_all(&to).expect("member folder");
        for entry in std::fs::read_dir(Path::new(ACCURACY).join(name)).expect("fixture") {
            let from = entry.expect("entry").path();
            let file = from.file_name().expect("file name");
            std::fs::copy(&from, to.join(file)).expect("copy");
        }
    }
    std::fs::write(
        root.join("members/nb-svak-helsestasjon/tenderlint.yaml"),
        "fail-on: never\n",
    )
    .expect("config");
    std::fs::write(
        root.join("heimeteneste.yaml"),
        format!("waivers:\n  - rule: SEC-006\n    reason: \"{WAIVER}\"\n"),
    )
    .expect("named config");
    std::fs::write(
        root.join("region.yaml"),
        "name: Fjordregionen\nmembers:\n  - name: Feller\n    folder: members/nb-feller\n  - name: Helsestasjon\n    folder: members/nb-svak-helsestasjon\n  - name: Heimeteneste\n    folder: members/nn-prosa-heimeteneste\n    config: heimeteneste.yaml\n",
    )
    .expect("region.yaml");
    dir
}

/// What `check --format json` says of each rule of one tender alone:
/// (status, outcome, waiver reason) by rule id; and its exit status.
fn alone(dir: &Path, args: &[&str]) -> (BTreeMap<String, (String, String, String)>, i32) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let o = run(dir, &all);
    let report: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&o.stderr)));
    let results = report["results"].as_array().expect("results");
    let by_rule = results
        .iter()
        .map(|r| {
            let s = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
            (
                s(&r["rule"]),
                (s(&r["status"]), s(&r["outcome"]), s(&r["waiver"]["reason"])),
            )
        })
        .collect();
    (by_rule, o.status.code().unwrap_or(-1))
}

fn comparison(dir: &Path, extra: &[&str]) -> (serde_json::Value, Output) {
    let mut args = vec!["compare", "region.yaml", "--format", "json"];
    args.extend_from_slice(extra);
    let o = run(dir, &args);
    let value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", text(&o.stdout), text(&o.stderr)));
    (value, o)
}

#[test]
fn every_cell_of_a_comparison_is_what_check_gives_that_tender_alone_with_its_own_configuration() {
    let dir = region();
    let root = dir.path();
    let (compared, o) = comparison(root, &[]);
    let checks = [
        alone(root, &["members/nb-feller"]),
        alone(root, &["members/nb-svak-helsestasjon"]),
        alone(
            root,
            &[
                "--config",
                "heimeteneste.yaml",
                "members/nn-prosa-heimeteneste",
            ],
        ),
    ];
    let names: Vec<&str> = compared["tenders"]
        .as_array()
        .expect("tenders")
        .iter()
        .map(|t| t["name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(names, ["Feller", "Helsestasjon", "Heimeteneste"]);
    let rows = compared["rules"].as_array().expect("rules");
    let mut cells = 0;
    for row in rows {
        let rule = row["rule"].as_str().expect("rule id");
        for (column, (by_rule, _)) in checks.iter().enumerate() {
            let cell = &row["cells"][column];
            let expected = &by_rule[rule];
            let got = (
                cell["status"].as_str().unwrap_or("").to_string(),
                cell["outcome"].as_str().unwrap_or("").to_string(),
                cell["waiver"]["reason"].as_str().unwrap_or("").to_string(),
            );
            assert_eq!(&got, expected, "{rule} in {}", names[column]);
            cells += 1;
        }
    }
    assert_eq!(rows.len(), checks[0].0.len(), "one row per rule");
    assert!(cells >= 3 * 80, "{cells} cells");
    // The configuration region.yaml names was used: its waiver is in the cell.
    let sec_006 = rows
        .iter()
        .find(|r| r["rule"] == "SEC-006")
        .expect("SEC-006");
    assert_eq!(sec_006["cells"][2]["outcome"], "waived");
    // The gate: the second tender's own `fail-on: never` keeps it from failing; the
    // others fail alone, so the comparison fails as `check` would.
    assert_eq!(
        checks.iter().map(|(_, code)| *code).collect::<Vec<_>>(),
        [1, 0, 1]
    );
    let fails: Vec<bool> = compared["tenders"]
        .as_array()
        .expect("tenders")
        .iter()
        .map(|t| t["fails_run"].as_bool().unwrap_or(false))
        .collect();
    assert_eq!(fails, [true, false, true]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
}

#[test]
fn rules_the_members_disagree_on_come_first_within_their_category_and_severity() {
    let dir = region();
    let (compared, _) = comparison(dir.path(), &[]);
    let rows = compared["rules"].as_array().expect("rules");
    let severity = |r: &serde_json::Value| match r["severity"].as_str() {
        Some("error") => 2,
        Some("warning") => 1,
        _ => 0,
    };
    for pair in rows.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a["category"] == b["category"] && severity(a) == severity(b) {
            assert!(
                a["disagree"].as_bool() >= b["disagree"].as_bool(),
                "{} before {}",
                a["rule"],
                b["rule"]
            );
        }
        if a["category"] == b["category"] {
            assert!(
                severity(a) >= severity(b),
                "{} before {}",
                a["rule"],
                b["rule"]
            );
        }
    }
    assert!(rows.iter().any(|r| r["disagree"] == true));
}

/// The workbook read back by openpyxl: each sheet's name and frozen cell, the
/// matrix's header and every cell with its fill, the evidence sheet's header and
/// row count.
const READ_WORKBOOK: &str = r#"
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
matrix, evidence = book.worksheets
rows = list(matrix.iter_rows())
header = [c.value for c in rows[0]]
cells = [[[c.value, (c.fill.fgColor.rgb or "")[-6:].upper()] for c in row] for row in rows[1:]]
print(json.dumps({
    "sheets": book.sheetnames,
    "freeze": matrix.freeze_panes,
    "filter": matrix.auto_filter.ref,
    "evidence_freeze": evidence.freeze_panes,
    "header": header,
    "cells": cells,
    "evidence_header": [c.value for c in next(evidence.iter_rows())],
    "evidence_rows": [[c.value for c in row] for row in list(evidence.iter_rows())[1:]],
}))
"#;

#[test]
fn the_workbook_holds_the_same_cells_in_the_outcomes_colours_and_the_evidence() {
    let Some(python) = crate::support::python_or_skip("openpyxl", "compare workbook test") else {
        return;
    };
    let dir = region();
    let root = dir.path();
    let o = run(
        root,
        &[
            "compare",
            "region.yaml",
            "--format",
            "xlsx",
            "-o",
            "region.xlsx",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let (compared, _) = comparison(root, &[]);
    let read = Command::new(python)
        .args(["-c", READ_WORKBOOK])
        .arg(root.join("region.xlsx"))
        .output()
        .expect("python runs");
    assert!(read.status.success(), "{}", text(&read.stderr));
    let book: serde_json::Value = serde_json::from_slice(&read.stdout).expect("JSON");
    assert_eq!(book["sheets"], serde_json::json!(["Matrise", "Belegg"]));
    assert_eq!(book["freeze"], "C2", "header row and rule columns frozen");
    assert_eq!(book["evidence_freeze"], "A2");
    let rules = compared["rules"].as_array().map_or(0, Vec::len);
    assert_eq!(
        book["filter"],
        format!("A1:I{}", rules + 1),
        "every rule row sortable and filterable, the figures below left out"
    );
    let header = book["header"].as_array().expect("header");
    assert_eq!(header[0], "Regel");
    assert_eq!(&header[2..5], ["Feller", "Helsestasjon", "Heimeteneste"]);
    let words = [
        ("met", "oppfylt"),
        ("weak", "svakt"),
        ("missing", "mangler"),
        ("violation", "brudd"),
        ("passed", "bestått"),
        ("not-applicable", "ikke relevant"),
        ("waived", "unntatt"),
    ];
    let fill = |outcome: &str| {
        let o = tenderlint::findings::Outcome::ALL
            .into_iter()
            .find(|o| o.as_str() == outcome);
        format!("{:06X}", tenderlint::report::compare::outcome_fill(o))
    };
    let rows = compared["rules"].as_array().expect("rules");
    let sheet_rows = book["cells"].as_array().expect("cells");
    for (row, sheet_row) in rows.iter().zip(sheet_rows) {
        assert_eq!(sheet_row[0][0], row["rule"]);
        for column in 0..3 {
            let outcome = row["cells"][column]["outcome"].as_str().expect("outcome");
            let word = words.iter().find(|(k, _)| *k == outcome).expect("a word").1;
            let cell = &sheet_row[2 + column];
            assert_eq!(cell[0], word, "{} column {column}", row["rule"]);
            assert_eq!(cell[1], fill(outcome), "{} column {column}", row["rule"]);
        }
    }
    assert_ne!(fill("met"), fill("missing"), "outcomes differ in colour");
    assert_eq!(
        book["evidence_header"],
        serde_json::json!([
            "Konkurransegrunnlag",
            "Regel",
            "Status",
            "Fil",
            "Sted",
            "Utdrag",
            "Begrunnelse"
        ])
    );
    let evidence = book["evidence_rows"].as_array().expect("evidence rows");
    let waived = evidence
        .iter()
        .find(|r| r[0] == "Heimeteneste" && r[1] == "SEC-006")
        .expect("the waived rule is in the evidence sheet");
    assert_eq!(waived[2], "unntatt");
    assert_eq!(waived[6], WAIVER);
    let binding = evidence
        .iter()
        .find(|r| r[0] == "Heimeteneste" && r[1] == "INT-001")
        .expect("evidence of INT-001");
    assert!(
        binding[5]
            .as_str()
            .is_some_and(|e| e.contains("Kjernejournal")),
        "{binding:?}"
    );
}

#[test]
fn a_region_file_naming_a_missing_folder_exits_2_and_names_it() {
    let dir = region();
    let root = dir.path();
    std::fs::write(
        root.join("region.yaml"),
        "members:\n  - name: Feller\n    folder: members/nb-feller\n  - name: Askøy\n    folder: members/askoy\n",
    )
    .expect("region.yaml");
    let o = run(root, &["compare", "region.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.contains("region.yaml"), "{err}");
    assert!(
        err.contains("member `Askøy`: folder `members/askoy` does not exist"),
        "{err}"
    );
    assert!(o.stdout.is_empty(), "nothing is compared");
}

#[test]
fn explain_shows_each_tenders_evidence_for_one_rule() {
    let dir = region();
    let root = dir.path();
    let o = run(
        root,
        &[
            "compare",
            "region.yaml",
            "--explain",
            "int-001",
            "--lang",
            "en",
        ],
    );
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(out.starts_with("INT-001 — "), "{out}");
    assert!(out.contains("Feller: missing"), "{out}");
    assert!(out.contains("Helsestasjon: weak"), "{out}");
    assert!(out.contains("Heimeteneste: met"), "{out}");
    assert!(
        out.contains("«2.1 Løysinga skal integrerast med Kjernejournal"),
        "{out}"
    );
    assert!(!out.contains("INT-002"), "only the rule asked about");
    let o = run(
        root,
        &["compare", "region.yaml", "--explain", "NO-SUCH-RULE"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("no rule `NO-SUCH-RULE`"));
}

#[test]
fn folders_and_grouped_files_are_tenders_of_their_own() {
    let dir = region();
    let root = dir.path();
    let o = run(
        root,
        &[
            "compare",
            "members/nb-feller",
            "--tender",
            "Heimeteneste=members/nn-prosa-heimeteneste/konkurransegrunnlag.md,members/nn-prosa-heimeteneste/bilag-1-kravspesifikasjon.md",
            "--format",
            "markdown",
        ],
    );
    let out = text(&o.stdout);
    assert!(
        out.contains("| Regel | Tittel | nb-feller | Heimeteneste | Bindende |"),
        "{out}"
    );
    // Without --format, the output file's extension names it.
    let o = run(root, &["compare", "members/nb-feller", "-o", "matrise.md"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let written = std::fs::read_to_string(root.join("matrise.md")).expect("matrise.md");
    assert!(
        written.contains("| Regel | Tittel | nb-feller | Bindende |"),
        "{written}"
    );
    let o = run(root, &["compare", "members/nowhere"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("members/nowhere: no such file or folder"));
}
