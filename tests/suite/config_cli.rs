//! The binary in a tender repository: configuration discovery, pins, digests,
//! waivers, `rules diff` and `init`, run as a user would run them.

use crate::support::tenderlint_in as run;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const COMPLETE: &str = "# Konkurransegrunnlag\n\n## Krav\n\nLøsningen skal bruke HelseID.\n\nLøsningen skal integreres med kjernejournal.\n\nLøsningen skal logge all tilgang.\n";
const INCOMPLETE: &str = "# Konkurransegrunnlag\n\n## Krav\n\nLøsningen skal være rask.\n";

fn fixture(version: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/rulesets/demo")
        .join(format!("{version}.yaml"))
}

/// A temporary repository with the demo rule sets under `rules/demo/`.
fn repo(tender: &str, config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::create_dir(root.join(".git")).expect(".git");
    std::fs::create_dir_all(root.join("rules/demo")).expect("rules dir");
    for v in ["1.0.0", "1.1.0"] {
        std::fs::copy(fixture(v), root.join(format!("rules/demo/{v}.yaml"))).expect("copy");
    }
    std::fs::write(root.join("anbud.md"), tender).expect("tender");
    if !config.is_empty() {
        std::fs::write(root.join("tenderlint.yaml"), config).expect("config");
    }
    dir
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn json(dir: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let o = run(dir, &all);
    let value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(&o), stderr(&o)));
    (o.status.code().unwrap_or(-1), value)
}

fn result<'a>(report: &'a serde_json::Value, rule: &str) -> Option<&'a serde_json::Value> {
    report["results"]
        .as_array()?
        .iter()
        .find(|r| r["rule"] == rule)
}

#[test]
fn the_configuration_is_found_from_a_subdirectory_and_pins_the_set() {
    let dir = repo(INCOMPLETE, "rulesets:\n  - {path: rules/demo/1.1.0.yaml}\n");
    std::fs::create_dir(dir.path().join("bilag")).unwrap();
    std::fs::write(dir.path().join("bilag/bilag-1.md"), COMPLETE).unwrap();
    let (code, report) = json(&dir.path().join("bilag"), &[]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["ruleset"][0]["id"], "demo");
    assert_eq!(report["ruleset"][0]["version"], "1.1.0");
    assert_eq!(report["notices"].as_array().map(Vec::len), Some(0));
    // --isolated ignores it: the built-in sets are used.
    let (_, report) = json(&dir.path().join("bilag"), &["--isolated"]);
    assert_ne!(report["ruleset"][0]["id"], "demo");
}

#[test]
fn flags_override_the_configuration() {
    let dir = repo(
        INCOMPLETE,
        "rulesets:\n  - {path: rules/demo/1.1.0.yaml}\nfail-on: never\nlang: en\n",
    );
    let o = run(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("missing"), "{}", stdout(&o));
    let o = run(dir.path(), &["check", "--fail-on", "error", "--lang", "nb"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("mangler"), "{}", stdout(&o));
    let (_, report) = json(dir.path(), &["--ruleset", "rules/demo/1.0.0.yaml"]);
    assert_eq!(report["ruleset"][0]["version"], "1.0.0");
}

#[test]
fn an_older_pin_gives_one_notice_and_keeps_its_results() {
    let dir = repo(COMPLETE, "rulesets:\n  - {path: rules/demo/1.0.0.yaml}\n");
    let (code, report) = json(dir.path(), &[]);
    assert_eq!(code, 0, "{report}");
    let notices = report["notices"].as_array().unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0]["level"], "info");
    assert!(
        notices[0]["message"]
            .as_str()
            .unwrap()
            .contains("demo@1.1.0")
    );
    // DEMO-004 exists only in 1.1.0: the pinned version decides.
    assert!(result(&report, "DEMO-004").is_none());
    assert!(result(&report, "DEMO-009").is_some());
}

#[test]
fn a_digest_mismatch_is_an_error_naming_both_digests() {
    let wrong = "0".repeat(64);
    let dir = repo(
        COMPLETE,
        &format!("rulesets:\n  - {{path: rules/demo/1.1.0.yaml, sha256: \"{wrong}\"}}\n"),
    );
    let o = run(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    let actual = {
        use sha2::Digest;
        let bytes = std::fs::read(fixture("1.1.0")).unwrap();
        sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    assert!(err.contains(&wrong), "{err}");
    assert!(err.contains(&actual), "{err}");
    assert!(err.contains("rules/demo/1.1.0.yaml"), "{err}");
    // The right digest passes.
    std::fs::write(
        dir.path().join("tenderlint.yaml"),
        format!("rulesets:\n  - {{path: rules/demo/1.1.0.yaml, sha256: \"{actual}\"}}\n"),
    )
    .unwrap();
    let o = run(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn configuration_errors_point_at_the_line_and_exit_2() {
    let dir = repo(COMPLETE, "rulesets:\n  - {path: ../outside.yaml}\n");
    let o = run(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("leaves the repository"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("tenderlint.yaml:2:"), "{}", stderr(&o));

    let dir = repo(
        COMPLETE,
        "rulesets:\n  - {path: rules/demo/1.1.0.yaml}\nrules:\n  DEMO-404: off\n",
    );
    let o = run(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no rule `DEMO-404`"), "{}", stderr(&o));

    let o = run(dir.path(), &["check", "--config", "missing.yaml"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn rule_levels_switch_rules_off_and_change_severity() {
    let dir = repo(
        INCOMPLETE,
        "rulesets:\n  - {path: rules/demo/1.1.0.yaml}\nrules:\n  DEMO-001: off\n  DEMO-002: {severity: info}\n  DEMO-004: info\n",
    );
    let (code, report) = json(dir.path(), &[]);
    assert!(result(&report, "DEMO-001").is_none());
    assert_eq!(result(&report, "DEMO-002").unwrap()["severity"], "info");
    assert_eq!(code, 0, "only info-level failures remain");
}

#[test]
fn waivers_show_in_json_and_human_output() {
    let config = "rulesets:\n  - {path: rules/demo/1.1.0.yaml}\nwaivers:\n  - rule: DEMO-001\n    reason: \"HelseID kommer i fase 2\"\n    expires: 2027-06-30\n    approved-by: Kari Nordmann\n  - rule: DEMO-002\n    reason: gammel\n    expires: 2026-01-01\n";
    let tender = "# Krav\n\nLøsningen skal støtte e-resept.\n\n<!-- tenderlint-disable DEMO-002: avklart i bilag 3 -->\n";
    let dir = repo(tender, config);
    let (code, report) = json(dir.path(), &[]);
    assert_eq!(code, 0, "{report}");
    let w = &result(&report, "DEMO-001").unwrap()["waiver"];
    assert_eq!(w["reason"], "HelseID kommer i fase 2");
    assert_eq!(w["origin"], "config");
    assert_eq!(w["approved_by"], "Kari Nordmann");
    assert_eq!(w["expires"], "2027-06-30");
    // The expired config waiver does not count, the inline one does.
    let w = &result(&report, "DEMO-002").unwrap()["waiver"];
    assert_eq!(w["origin"], "inline");
    assert_eq!(w["location"], "anbud.md:5:1");
    let expired = result(&report, "TL-WAIVER-EXPIRED").unwrap();
    assert_eq!(expired["severity"], "warning");
    assert_eq!(expired["evidence"][0]["file"], "tenderlint.yaml");
    assert_eq!(expired["evidence"][0]["line"], 8);
    assert_eq!(report["summary"]["waived"], 2);

    let o = run(dir.path(), &["check", "--lang", "en", "--verbose"]);
    let out = stdout(&o);
    assert!(out.contains("waived: HelseID kommer i fase 2"), "{out}");
    assert!(out.contains("TL-WAIVER-EXPIRED"), "{out}");
    // Warnings fail when asked to.
    let o = run(dir.path(), &["check", "--fail-on", "warning"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn a_bad_today_is_refused() {
    let dir = repo(COMPLETE, "");
    let o = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .args(["check", "--ruleset", "rules/demo/1.1.0.yaml"])
        .current_dir(dir.path())
        .env("TENDERLINT_TODAY", "tomorrow")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn files_include_and_exclude_select_the_tender() {
    let config =
        "rulesets:\n  - {path: rules/demo/1.1.0.yaml}\nfiles:\n  exclude: [\"utkast/**\"]\n";
    let dir = repo(INCOMPLETE, config);
    std::fs::create_dir(dir.path().join("utkast")).unwrap();
    std::fs::write(dir.path().join("utkast/gammel.md"), COMPLETE).unwrap();
    let (_, report) = json(dir.path(), &[]);
    let files: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(files, vec!["anbud.md"], "{report}");
    // A file named on the command line is checked even when excluded.
    let (_, report) = json(dir.path(), &["anbud.md", "utkast/gammel.md"]);
    assert_eq!(report["files"].as_array().unwrap().len(), 2);
}

#[test]
fn rules_diff_lists_added_removed_and_changed_rules() {
    let dir = repo(COMPLETE, "");
    let o = run(
        dir.path(),
        &[
            "rules",
            "diff",
            "rules/demo/1.0.0.yaml",
            "rules/demo/1.1.0.yaml",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("demo@1.0.0 → demo@1.1.0\n"), "{out}");
    assert!(out.contains("+ DEMO-004"), "{out}");
    assert!(out.contains("- DEMO-009"), "{out}");
    assert!(
        out.contains("~ DEMO-002   severity: warning → error"),
        "{out}"
    );
    assert!(out.contains("~ DEMO-003   match"), "{out}");
    let o = run(
        dir.path(),
        &[
            "rules",
            "diff",
            "rules/demo/1.0.0.yaml",
            "rules/demo/1.1.0.yaml",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["added"][0]["rule"], "DEMO-004");
    let o = run(
        dir.path(),
        &["rules", "diff", "demo@9.9.9", "rules/demo/1.1.0.yaml"],
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn init_writes_a_configuration_once_and_prints_snippets() {
    let dir = repo(COMPLETE, "");
    let o = run(dir.path(), &["init"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("id: tenderlint"), "{out}");
    assert!(out.contains("upload-sarif"), "{out}");
    let written = std::fs::read_to_string(dir.path().join("tenderlint.yaml")).unwrap();
    assert!(written.contains("ks-felles-journalloft@"), "{written}");
    // What init writes is a valid configuration.
    let o = run(dir.path(), &["check"]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    // And it never overwrites.
    std::fs::write(dir.path().join("tenderlint.yaml"), "# mine\n").unwrap();
    let o = run(dir.path(), &["init"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("tenderlint.yaml")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn rules_list_explain_and_extract_use_the_configured_sets() {
    let dir = repo(
        INCOMPLETE,
        "rulesets:\n  - {path: rules/demo/1.1.0.yaml}\nlang: en\n",
    );
    std::fs::create_dir(dir.path().join("sub")).expect("subdir");
    let sub = dir.path().join("sub");
    // The local set, not the embedded defaults.
    let list = run(&sub, &["rules", "list"]);
    assert_eq!(list.status.code(), Some(0), "{}", stderr(&list));
    let text = stdout(&list);
    assert!(
        text.contains("demo@1.1.0") && text.contains("DEMO-004"),
        "{text}"
    );
    assert!(!text.contains("ks-felles-journalloft"), "{text}");
    // explain finds a rule only the local set has, in the configured language.
    let explain = run(&sub, &["explain", "DEMO-004"]);
    assert_eq!(explain.status.code(), Some(0), "{}", stderr(&explain));
    assert!(run(&sub, &["explain", "INT-001"]).status.code() == Some(2));
    // extract marks requirement ids and modality with the configured set.
    let extract = run(dir.path(), &["extract", "anbud.md", "--format", "json"]);
    assert_eq!(extract.status.code(), Some(0), "{}", stderr(&extract));
    // Flags still win over the configuration.
    let flagged = run(
        &sub,
        &["rules", "list", "--ruleset", "ks-felles-journalloft"],
    );
    assert!(stdout(&flagged).contains("ks-felles-journalloft"));
    // A broken configuration is an error for these commands too.
    std::fs::write(
        dir.path().join("tenderlint.yaml"),
        "rulesets: [{pathh: x}]\n",
    )
    .expect("write");
    assert_eq!(run(&sub, &["rules", "list"]).status.code(), Some(2));
}
