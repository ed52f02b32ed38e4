//! Baseline mode (issue 17): two versions of a fixture tender, the first as the
//! baseline. From v1 to v2 SEC-001 goes from met to weak, HYG-002 gets a new
//! violation, UX-001 and SEC-011 become met; the JSON and SARIF reports say so,
//! SARIF stays valid against the OASIS schema, and the gate fails only on what
//! got worse.

use std::path::{Path, PathBuf};
use tenderlint::Lang;
use tenderlint::findings::CheckReport;
use tenderlint::findings::{BaselineState, Gate};
use tenderlint::policy::baseline::Baseline;
use tenderlint::policy::waivers::ConfigWaiver;
use tenderlint::report::{self, Format, RenderOptions};
use tenderlint::rules;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn check_with(version: &str, options: &tenderlint::CheckOptions) -> CheckReport {
    std::env::set_current_dir(manifest()).expect("cd to the manifest dir");
    let sets = rules::embedded::load_defaults().expect("embedded sets");
    tenderlint::check_paths(
        &[PathBuf::from("fixtures/baseline").join(version)],
        &sets,
        options,
    )
}

fn check(version: &str) -> CheckReport {
    check_with(version, &tenderlint::CheckOptions::default())
}

fn json(report: &CheckReport) -> String {
    String::from_utf8(report::render(
        report,
        Format::Json,
        &RenderOptions::default(),
    ))
    .expect("UTF-8")
}

/// A check of `version` with `baseline_report` as its baseline.
fn compared(
    baseline_report: &CheckReport,
    version: &str,
    options: tenderlint::CheckOptions,
) -> CheckReport {
    let b = Baseline::parse(&json(baseline_report)).expect("a JSON report is a baseline");
    check_with(
        version,
        &tenderlint::CheckOptions {
            baseline: Some(b),
            ..options
        },
    )
}

fn state(report: &CheckReport, rule: &str) -> BaselineState {
    report
        .results
        .iter()
        .find(|r| r.rule == rule)
        .and_then(|r| r.baseline.as_ref())
        .map(|c| c.state)
        .unwrap_or_else(|| panic!("{rule} has a baseline state"))
}

#[test]
fn states_across_two_versions_in_json() {
    let v1 = check("v1");
    let v2 = compared(&v1, "v2", Default::default());
    assert_eq!(state(&v2, "SEC-001"), BaselineState::Worse, "met → weak");
    assert_eq!(
        state(&v2, "HYG-002"),
        BaselineState::Worse,
        "a new violation"
    );
    assert_eq!(state(&v2, "UX-001"), BaselineState::Fixed, "missing → met");
    assert_eq!(state(&v2, "SEC-004"), BaselineState::Same, "met in both");
    assert_eq!(
        state(&v2, "INT-001"),
        BaselineState::Same,
        "missing in both"
    );

    let value: serde_json::Value = serde_json::from_str(&json(&v2)).expect("JSON");
    let of = |rule: &str| {
        value["results"]
            .as_array()
            .expect("results")
            .iter()
            .find(|r| r["rule"] == rule)
            .map(|r| r["baseline"].clone())
            .expect(rule)
    };
    assert_eq!(of("SEC-001"), "worse");
    assert_eq!(of("HYG-002"), "worse");
    assert_eq!(of("UX-001"), "fixed");
    assert_eq!(of("SEC-004"), "same");
    // Only what got worse fails the gate; the 60-odd rules missing in both do not.
    let failing = |report: &CheckReport| -> Vec<String> {
        report
            .results
            .iter()
            .filter(|r| r.gate == Gate::Fails)
            .map(|r| r.rule.clone())
            .collect()
    };
    let at_info = compared(
        &v1,
        "v2",
        tenderlint::CheckOptions {
            fail_on: Some(tenderlint::rules::Severity::Info),
            ..Default::default()
        },
    );
    assert_eq!(failing(&at_info), ["SEC-001", "HYG-002"]);
    // At the default `--fail-on error`, the warning that got worse does not fail the run.
    assert_eq!(failing(&v2), ["SEC-001"]);
    let hyg = v2
        .results
        .iter()
        .find(|r| r.rule == "HYG-002")
        .expect("HYG-002");
    assert_eq!(hyg.gate, Gate::BelowFailOn);
    // Without a baseline nothing carries the field.
    assert!(!json(&check("v2")).contains("\"baseline\""));
}

#[test]
fn a_violation_that_moves_is_the_same_violation() {
    let v2 = check("v2");
    let again = compared(&v2, "v2", Default::default());
    assert!(
        again
            .results
            .iter()
            .all(|r| r.baseline.as_ref().map(|c| c.state) == Some(BaselineState::Same))
    );
    // The baseline's evidence moved to other lines: matched by text, not place.
    let mut moved = v2.clone();
    for r in &mut moved.results {
        for e in &mut r.evidence {
            e.line = e.line.map(|l| l + 40);
            e.location = format!("{}:1", e.line.unwrap_or(0));
        }
    }
    let again = compared(&moved, "v2", Default::default());
    assert_eq!(state(&again, "HYG-002"), BaselineState::Same);
}

#[test]
fn an_expired_waiver_is_worse() {
    let waiver = |expires| ConfigWaiver {
        rule: "SEC-001".into(),
        reason: "Normen kommer i neste versjon".into(),
        expires: Some(expires),
        approved_by: None,
        file: "tenderlint.yaml".into(),
        line: 1,
        column: 1,
        byte_offset: None,
    };
    let day = |d| tenderlint::date::Date::constant(2027, 1, d);
    let options = |today| tenderlint::CheckOptions {
        waivers: vec![waiver(day(31))],
        today: Some(today),
        ..Default::default()
    };
    let before = check_with("v2", &options(day(30)));
    assert!(
        before
            .results
            .iter()
            .any(|r| r.rule == "SEC-001" && r.waiver.is_some())
    );
    let after = compared(&before, "v2", options(day(31)));
    let expired = compared(
        &before,
        "v2",
        tenderlint::CheckOptions {
            waivers: vec![waiver(day(1))],
            today: Some(day(31)),
            ..Default::default()
        },
    );
    assert_eq!(
        state(&after, "SEC-001"),
        BaselineState::Same,
        "still waived"
    );
    assert_eq!(state(&expired, "SEC-001"), BaselineState::Worse, "expired");
}

#[test]
fn another_rule_set_version_is_matched_by_rule_id_and_said() {
    let v1 = check("v1");
    let mut text: serde_json::Value = serde_json::from_str(&json(&v1)).expect("JSON");
    text["ruleset"][0]["version"] = serde_json::json!("0.9.0");
    for r in text["results"].as_array_mut().expect("results") {
        r["ruleset"] = serde_json::json!("renamed-set");
    }
    let b = Baseline::parse(&text.to_string()).expect("baseline");
    let v2 = check_with(
        "v2",
        &tenderlint::CheckOptions {
            baseline: Some(b),
            ..Default::default()
        },
    );
    assert_eq!(state(&v2, "SEC-001"), BaselineState::Worse);
    assert!(
        v2.notices
            .iter()
            .any(|n| tenderlint::report::i18n::notice(n, Lang::En).contains("matched by rule id")),
        "{:?}",
        v2.notices
    );
}

fn sarif_schema() -> Option<serde_json::Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/schemas/sarif-schema-2.1.0.json"
    );
    match std::fs::read_to_string(path) {
        Ok(text) => Some(serde_json::from_str(&text).expect("the SARIF schema is JSON")),
        Err(_) => {
            eprintln!("note: {path} is absent; SARIF schema validation did not run");
            None
        }
    }
}

#[test]
fn states_across_two_versions_in_sarif() {
    let v1 = check("v1");
    let v2 = compared(&v1, "v2", Default::default());
    let sarif = String::from_utf8(report::render(
        &v2,
        Format::Sarif,
        &RenderOptions {
            lang: Lang::En,
            ..Default::default()
        },
    ))
    .expect("UTF-8");
    let value: serde_json::Value = serde_json::from_str(&sarif).expect("SARIF is JSON");
    let results = value["runs"][0]["results"].as_array().expect("results");
    let states = |rule: &str| -> Vec<String> {
        results
            .iter()
            .filter(|r| r["ruleId"].as_str().is_some_and(|id| id.ends_with(rule)))
            .map(|r| r["baselineState"].as_str().unwrap_or("—").to_string())
            .collect()
    };
    assert_eq!(states("SEC-001"), ["new"], "not an issue in v1");
    assert!(states("HYG-002").contains(&"new".to_string()));
    assert_eq!(states("UX-001"), ["absent"], "fixed");
    assert_eq!(states("INT-001"), ["unchanged"]);
    assert!(
        results.iter().all(|r| r.get("baselineState").is_some()),
        "every result has a state once there is a baseline"
    );
    if let Some(schema) = sarif_schema() {
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("schema compiles");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "SARIF invalid: {errors:#?}");
    }
}

#[test]
fn a_changed_status_is_updated_in_sarif() {
    // SEC-001 weak in v2 and missing in v1 (the v1 row removed).
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("krav.md"),
        "# Krav\n\nLøsningen skal ha rollebasert tilgangsstyring basert på tjenstlig behov.\n",
    )
    .expect("write");
    let sets = rules::embedded::load_defaults().expect("sets");
    let before = tenderlint::check_paths(&[dir.path().to_path_buf()], &sets, &Default::default());
    let v2 = compared(&before, "v2", Default::default());
    assert_eq!(
        state(&v2, "SEC-001"),
        BaselineState::Fixed,
        "missing → weak"
    );
    let value: serde_json::Value = serde_json::from_str(
        &String::from_utf8(report::render(
            &v2,
            Format::Sarif,
            &RenderOptions::default(),
        ))
        .expect("UTF-8"),
    )
    .expect("JSON");
    let sec = value["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| {
            r["ruleId"]
                .as_str()
                .is_some_and(|id| id.ends_with("SEC-001"))
        })
        .expect("SEC-001 is an issue");
    assert_eq!(sec["baselineState"], "updated");
}

#[test]
fn the_exit_status_comes_from_the_comparison() {
    let bin = env!("CARGO_BIN_EXE_tenderlint");
    let dir = tempfile::tempdir().expect("temp dir");
    let base = dir.path().join("main.json");
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .current_dir(manifest())
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .expect("tenderlint runs")
    };
    let base_arg = base.to_str().expect("UTF-8 path");
    // v1 fails on its own (missing requirements) but writes the baseline.
    let first = run(&[
        "check",
        "fixtures/baseline/v1",
        "-q",
        "--write-baseline",
        base_arg,
    ]);
    assert_eq!(first.status.code(), Some(1));
    assert!(Baseline::parse(&std::fs::read_to_string(&base).expect("written")).is_ok());
    // The same tender against its own baseline: nothing got worse.
    let same = run(&[
        "check",
        "fixtures/baseline/v1",
        "-q",
        "--baseline",
        base_arg,
    ]);
    assert_eq!(
        same.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&same.stdout)
    );
    // v2 is worse in two rules.
    let worse = run(&[
        "check",
        "fixtures/baseline/v2",
        "-q",
        "--baseline",
        base_arg,
    ]);
    assert_eq!(worse.status.code(), Some(1));
    let out = String::from_utf8_lossy(&worse.stdout);
    assert!(out.contains("SEC-001") && out.contains("[verre]"), "{out}");
    assert!(out.contains("mot referansen: 2 verre"), "{out}");
    // A baseline that is not a report is a usage error naming the file.
    std::fs::write(dir.path().join("bad.json"), "[]").expect("write");
    let bad_path = dir.path().join("bad.json");
    let bad = run(&[
        "check",
        "fixtures/baseline/v2",
        "--baseline",
        bad_path.to_str().expect("path"),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("bad.json"));
}

/// Issue 26: one gate decides what fails, and JUnit reads it as the exit status
/// does — a rule failing in the baseline too is no JUnit failure when the run
/// passes, and a rule that got worse is one when the run fails.
#[test]
fn junit_failures_are_what_fails_the_run_with_a_baseline() {
    let bin = env!("CARGO_BIN_EXE_tenderlint");
    let dir = tempfile::tempdir().expect("temp dir");
    let base = dir.path().join("main.json");
    let base_arg = base.to_str().expect("UTF-8 path");
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .current_dir(manifest())
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .expect("tenderlint runs")
    };
    let first = run(&[
        "check",
        "fixtures/baseline/v1",
        "-q",
        "--write-baseline",
        base_arg,
    ]);
    assert_eq!(first.status.code(), Some(1));
    let failures = |out: &std::process::Output| {
        let xml = String::from_utf8_lossy(&out.stdout).into_owned();
        let n = xml.matches("<failure ").count();
        (n, xml)
    };
    let same = run(&[
        "check",
        "fixtures/baseline/v1",
        "--format",
        "junit",
        "--baseline",
        base_arg,
    ]);
    let (n, xml) = failures(&same);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(n, 0, "the run passes, so no test case fails: {xml}");
    assert!(xml.contains("failures=\"0\""), "{xml}");
    let worse = run(&[
        "check",
        "fixtures/baseline/v2",
        "--format",
        "junit",
        "--baseline",
        base_arg,
    ]);
    let (n, xml) = failures(&worse);
    assert_eq!(worse.status.code(), Some(1));
    assert_eq!(n, 1, "SEC-001 got worse (HYG-002 too, a warning): {xml}");
    assert!(
        xml.contains("<failure message=") && xml.contains("SEC-001"),
        "{xml}"
    );
}
