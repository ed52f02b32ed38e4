//! A region's shared profile (issue 28): a member's tenderlint.yaml `extends:` the
//! region's, and `check` and `config` run with the merged settings, as a member
//! would run them from its own folder.

use crate::support::tenderlint_in as run;
use std::path::Path;
use std::process::Command;

const INCOMPLETE: &str = "# Konkurransegrunnlag\n\n## Krav\n\nLøsningen skal være rask.\n";

/// The region's agreed requirements as its own rule set, a profile pinning it,
/// and a member that extends the profile and lowers one rule with its reason.
const PROFILE: &str = "rulesets:\n  - {path: regler/felles.yaml}\nfail-on: warning\nrules:\n  DEMO-004: error\nwaivers:\n  - rule: DEMO-002\n    reason: \"Regionen kjøper e-resept samlet\"\n";
const MEMBER: &str = "extends: ../region/profil.yaml\nrules:\n  DEMO-003: {severity: info, reason: \"Logging kommer i fase 2 hos oss\"}\n";

fn region(member: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rulesets/demo/1.1.0.yaml");
    std::fs::create_dir_all(root.join(".git")).expect(".git");
    std::fs::create_dir_all(root.join("region/regler")).expect("region");
    std::fs::create_dir_all(root.join("kommune")).expect("member");
    std::fs::copy(demo, root.join("region/regler/felles.yaml")).expect("rule set");
    std::fs::write(root.join("region/profil.yaml"), PROFILE).expect("profile");
    std::fs::write(root.join("kommune/tenderlint.yaml"), member).expect("member");
    std::fs::write(root.join("kommune/anbud.md"), INCOMPLETE).expect("tender");
    dir
}

fn result<'a>(report: &'a serde_json::Value, rule: &str) -> &'a serde_json::Value {
    report["results"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["rule"] == rule))
        .unwrap_or_else(|| panic!("no {rule} in {report}"))
}

#[test]
fn check_runs_with_the_settings_a_member_inherits_and_overrides() {
    let dir = region(MEMBER);
    let o = run(&dir.path().join("kommune"), &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)));
    // The region's own rule set, found relative to the profile.
    assert_eq!(report["ruleset"][0]["id"], "demo");
    // The region's waiver, pointing at the profile.
    let waiver = &result(&report, "DEMO-002")["waiver"];
    assert_eq!(waiver["reason"], "Regionen kjøper e-resept samlet");
    assert!(
        waiver["location"]
            .as_str()
            .unwrap_or("")
            .starts_with("../region/profil.yaml:"),
        "{waiver}"
    );
    // The region's severity, and the member's own over the region's default.
    assert_eq!(result(&report, "DEMO-004")["severity"], "error");
    assert_eq!(result(&report, "DEMO-003")["severity"], "info");
    // fail-on: warning from the profile fails the incomplete tender.
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn config_shows_each_value_with_its_file_and_the_override_with_its_reason() {
    let member = format!("{MEMBER}  DEMO-004: warning\nfail-on: never\n");
    let dir = region(&member);
    let o = run(&dir.path().join("kommune"), &["config"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("extends ../region/profil.yaml"), "{out}");
    assert!(
        out.contains("regler/felles.yaml  from ../region/profil.yaml"),
        "{out}"
    );
    assert!(
        out.contains("DEMO-003: info  from tenderlint.yaml"),
        "{out}"
    );
    assert!(
        out.contains("rules: DEMO-004: warning in tenderlint.yaml over error from tenderlint.yaml → ../region/profil.yaml"),
        "{out}"
    );
    assert!(
        out.contains("fail-on: never in tenderlint.yaml over warning"),
        "{out}"
    );
    assert!(
        out.contains("DEMO-002: \"Regionen kjøper e-resept samlet\"  from ../region/profil.yaml:7"),
        "{out}"
    );
    // And check follows it: nothing fails with fail-on: never.
    let o = run(&dir.path().join("kommune"), &["check"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn a_cycle_or_a_missing_profile_exits_2_with_the_chain() {
    let dir = region(MEMBER);
    let profile = format!("extends: ../kommune/tenderlint.yaml\n{PROFILE}");
    std::fs::write(dir.path().join("region/profil.yaml"), profile).expect("profile");
    for args in [&["check"][..], &["config"]] {
        let o = run(&dir.path().join("kommune"), args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(
            err.contains("cycle: tenderlint.yaml → ../region/profil.yaml → tenderlint.yaml"),
            "{err}"
        );
    }
    std::fs::remove_file(dir.path().join("region/profil.yaml")).expect("remove");
    let o = run(&dir.path().join("kommune"), &["check"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("extends `../region/profil.yaml`"), "{err}");
}

/// Checks the member in `folder` with its own settings, as `compare` checks each tender.
fn checked(
    root: &Path,
    folder: &str,
) -> (
    tenderlint::config::Config,
    tenderlint::settings::Settings,
    tenderlint::findings::CheckReport,
) {
    use tenderlint::settings::{ConfigSource, Flags, find_config, resolve};
    let dir = root.join(folder);
    let config = find_config(ConfigSource::FoundFrom(&dir))
        .expect("configuration")
        .expect("found");
    let settings = resolve(Some(config.clone()), &Flags::default()).expect("settings");
    let report = tenderlint::check_paths(&[dir], &settings.rulesets, &settings.options);
    (config, settings, report)
}

#[test]
fn a_members_own_waiver_and_lower_level_are_deviations_in_the_comparison() {
    use tenderlint::compare::{Comparison, DeviationKind};
    use tenderlint::rules::Severity;
    let waiving =
        format!("{MEMBER}waivers:\n  - rule: DEMO-001\n    reason: \"Vi har egen innlogging\"\n");
    let dir = region(&waiving);
    let nabo = dir.path().join("nabo");
    std::fs::create_dir(&nabo).expect("second member");
    std::fs::write(
        nabo.join("tenderlint.yaml"),
        "extends: ../region/profil.yaml\n",
    )
    .expect("config");
    std::fs::write(nabo.join("anbud.md"), INCOMPLETE).expect("tender");
    let members = [checked(dir.path(), "kommune"), checked(dir.path(), "nabo")];
    let mut comparison = Comparison::of(
        members.iter().map(|(_, _, report)| ("member", report)),
        None,
    );
    for (column, (config, settings, report)) in members.iter().enumerate() {
        comparison.mark_deviations(column, config.deviations(&settings.rulesets, report));
    }
    let cell = |rule: &str, column: usize| {
        comparison
            .rows_of(rule)
            .next()
            .and_then(|r| r.cells[column].clone())
            .expect("a cell")
    };
    let waived = cell("DEMO-001", 0)
        .deviation
        .expect("the member's waiver deviates");
    assert_eq!(waived.kind, DeviationKind::Waived);
    assert_eq!(waived.reason.as_deref(), Some("Vi har egen innlogging"));
    assert!(
        waived.location.ends_with("kommune/tenderlint.yaml:5:5"),
        "{waived:?}"
    );
    let lowered = cell("DEMO-003", 0)
        .deviation
        .expect("the lower level deviates");
    assert_eq!(
        lowered.kind,
        DeviationKind::Lowered {
            from: Severity::Error,
            to: Severity::Info
        }
    );
    assert_eq!(
        lowered.reason.as_deref(),
        Some("Logging kommer i fase 2 hos oss")
    );
    // The region's own waiver is the region's decision, not a member's deviation.
    assert_eq!(
        cell("DEMO-002", 0).outcome,
        tenderlint::findings::Outcome::Waived
    );
    assert_eq!(cell("DEMO-002", 0).deviation, None);
    assert!(comparison.tenders[1].deviations.is_empty());
    assert_eq!(comparison.tenders[0].deviations.len(), 2);
    // In JSON, where the cell says so.
    let json = serde_json::to_value(&comparison).expect("json");
    assert!(
        json.to_string().contains("\"decision\":\"lowered\""),
        "{json}"
    );
}

#[test]
fn compare_shows_a_members_deviation_with_its_reason_in_every_format() {
    let dir = region(MEMBER);
    let nabo = dir.path().join("nabo");
    std::fs::create_dir(&nabo).expect("second member");
    std::fs::write(
        nabo.join("tenderlint.yaml"),
        "extends: ../region/profil.yaml\n",
    )
    .expect("config");
    std::fs::write(nabo.join("anbud.md"), INCOMPLETE).expect("tender");
    let sentence = "senket fra feil til info av medlemmet: «Logging kommer i fase 2 hos oss»";
    for format in ["human", "markdown"] {
        let o = run(
            dir.path(),
            &[
                "compare", "kommune", "nabo", "--format", format, "--lang", "nb",
            ],
        );
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            out.contains("Avvik fra regionens profil"),
            "{format}: {out}"
        );
        assert!(
            out.contains("DEMO-003") && out.contains(sentence),
            "{format}: {out}"
        );
    }
    let o = run(
        dir.path(),
        &["compare", "kommune", "nabo", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let row = json["rules"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["rule"] == "DEMO-003"))
        .expect("DEMO-003");
    assert_eq!(row["cells"][0]["deviation"]["decision"], "lowered");
    assert_eq!(
        row["cells"][0]["deviation"]["reason"],
        "Logging kommer i fase 2 hos oss"
    );
    assert!(row["cells"][1].get("deviation").is_none(), "{row}");
}

#[test]
fn the_workbook_notes_a_members_deviation_on_its_cell() {
    let Some(python) = crate::support::python_with("openpyxl") else {
        eprintln!("note: the deviation workbook test DID NOT RUN: no Python with openpyxl");
        assert!(
            std::env::var_os("CI").is_none(),
            "CI needs a Python with openpyxl"
        );
        return;
    };
    let dir = region(MEMBER);
    let o = run(
        dir.path(),
        &[
            "compare", "kommune", "--format", "xlsx", "-o", "r.xlsx", "--lang", "nb",
        ],
    );
    assert!(
        o.status.code() != Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let script = "import openpyxl,sys\nws=openpyxl.load_workbook(sys.argv[1]).worksheets[0]\nfor row in ws.iter_rows():\n    for c in row:\n        if c.comment: print(ws.cell(c.row,1).value, c.comment.text)\n";
    let notes = Command::new(python)
        .args(["-c", script])
        .arg(dir.path().join("r.xlsx"))
        .output()
        .expect("python runs");
    let notes = String::from_utf8_lossy(&notes.stdout);
    assert_eq!(
        notes.trim(),
        "DEMO-003 avvik: senket fra feil til info av medlemmet: «Logging kommer i fase 2 hos oss» (kommune/tenderlint.yaml:3)"
    );
}
