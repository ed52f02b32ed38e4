//! The settings stage with `extends:`: a member's tenderlint.yaml over a region's
//! profile over a shared base, read from disk as `check` reads them.

use super::*;
use crate::cli::args::{Cli, Command};
use clap::Parser;
use tenderlint::policy::levels::RuleLevel;
use tenderlint::rules::Severity;

/// A repository with the files `(path, text)` written in it.
fn repository(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn load(dir: &tempfile::TempDir, path: &str) -> Result<Config, Problem> {
    load_config(ConfigSource::File(&dir.path().join(path))).map(Option::unwrap)
}

fn check(config: Config) -> Settings {
    let argv = ["tenderlint", "check"];
    let Command::Check(args) = Cli::try_parse_from(argv).unwrap().command else {
        unreachable!()
    };
    resolve_check(&args, Some(config), &Environment::default()).unwrap()
}

fn message(result: Result<Config, Problem>) -> String {
    match result {
        Err(Problem::Sources(errors)) => errors
            .iter()
            .flat_map(|e| e.error.problems.iter().map(|p| p.message.clone()))
            .collect::<Vec<_>>()
            .join("\n"),
        Err(Problem::Usage(m)) => panic!("usage: {m}"),
        Ok(_) => panic!("the configuration loaded"),
    }
}

const BASE: &str = "rulesets: [ks-felles-journalloft@1.1.0]
services: [legevakt, sykehjem]
fail-on: warning
rules:
  INT-013: error
  INT-010: error
waivers:
  - rule: INT-012
    reason: \"VKP er nasjonalt, ikke vårt kjøp\"
";

const REGION: &str = "extends: ../felles/base.yaml
rulesets: [ks-felles-journalloft@1.2.0]
rules:
  INT-017: error
";

const MEMBER: &str = "extends: [../region/tenderlint.yaml]
services: [legevakt]
rules:
  INT-013: {severity: info, reason: \"FHIR kommer i fase 2 hos oss\"}
waivers:
  - rule: INT-014
    reason: \"SMART on FHIR er ikke i vår plan\"
";

fn region() -> tempfile::TempDir {
    repository(&[
        ("felles/base.yaml", BASE),
        ("region/tenderlint.yaml", REGION),
        ("kommune/tenderlint.yaml", MEMBER),
    ])
}

fn level(settings: &Settings, rule: &str) -> Option<RuleLevel> {
    settings
        .options
        .rule_levels
        .iter()
        .find(|(id, _)| id == rule)
        .map(|(_, l)| *l)
}

#[test]
fn a_member_inherits_a_profile_over_two_levels() {
    let dir = region();
    let settings = check(load(&dir, "kommune/tenderlint.yaml").unwrap());
    // fail-on from the base, through the region.
    assert_eq!(settings.options.fail_on, Some(Severity::Warning));
    // The region's pin wins over the base's; the member pins nothing.
    let keys: Vec<String> = settings.rulesets.iter().map(|s| s.key()).collect();
    assert_eq!(keys, ["ks-felles-journalloft@1.2.0"]);
    // Levels from both profiles.
    assert_eq!(
        level(&settings, "INT-010"),
        Some(RuleLevel::Severity(Severity::Error))
    );
    assert_eq!(
        level(&settings, "INT-017"),
        Some(RuleLevel::Severity(Severity::Error))
    );
    // The base's waiver is kept, with the base's file as where it is written.
    let base = settings
        .options
        .waivers
        .iter()
        .find(|w| w.rule == "INT-012")
        .unwrap();
    assert!(base.file.ends_with("felles/base.yaml"), "{}", base.file);
    assert_eq!(base.line, 8);
}

#[test]
fn a_member_overrides_a_level_and_a_single_value_with_its_reason_shown() {
    let dir = region();
    let config = load(&dir, "kommune/tenderlint.yaml").unwrap();
    let int_013 = config
        .overrides
        .iter()
        .find(|o| o.key == "rules: INT-013")
        .unwrap();
    assert_eq!(
        (int_013.value.as_str(), int_013.replaced.as_str()),
        ("info", "error")
    );
    assert_eq!(
        int_013.reason.as_deref(),
        Some("FHIR kommer i fase 2 hos oss")
    );
    assert!(
        int_013.replaced_from.contains("region/tenderlint.yaml → ")
            && int_013.replaced_from.ends_with("felles/base.yaml"),
        "the chain to the base: {}",
        int_013.replaced_from
    );
    let services = config
        .overrides
        .iter()
        .find(|o| o.key == "services")
        .unwrap();
    assert_eq!(services.replaced, "legevakt, sykehjem");
    let settings = check(config);
    assert_eq!(
        level(&settings, "INT-013"),
        Some(RuleLevel::Severity(Severity::Info))
    );
    assert_eq!(settings.options.engine.services, ["legevakt"]);
}

#[test]
fn a_member_waiver_adds_to_the_inherited_ones_and_replaces_one_of_the_same_rule() {
    let dir = region();
    let settings = check(load(&dir, "kommune/tenderlint.yaml").unwrap());
    let rules: Vec<&str> = settings
        .options
        .waivers
        .iter()
        .map(|w| w.rule.as_str())
        .collect();
    assert_eq!(rules, ["INT-012", "INT-014"]);
    let member = "extends: ../region/tenderlint.yaml\nwaivers:\n  - rule: int-012\n    reason: \"egen grunn\"\n";
    std::fs::write(dir.path().join("kommune/tenderlint.yaml"), member).unwrap();
    let config = load(&dir, "kommune/tenderlint.yaml").unwrap();
    let waiver = config
        .overrides
        .iter()
        .find(|o| o.key == "waivers: int-012")
        .unwrap();
    assert_eq!(waiver.reason.as_deref(), Some("egen grunn"));
    let settings = check(config);
    assert_eq!(settings.options.waivers.len(), 1);
    assert_eq!(settings.options.waivers[0].reason, "egen grunn");
}

#[test]
fn a_cycle_is_an_error_with_the_chain() {
    let dir = repository(&[
        ("a/tenderlint.yaml", "extends: ../b/profil.yaml\n"),
        ("b/profil.yaml", "extends: ../c/profil.yaml\n"),
        ("c/profil.yaml", "extends: ../a/tenderlint.yaml\n"),
    ]);
    let m = message(load(&dir, "a/tenderlint.yaml"));
    assert!(m.contains("cycle"), "{m}");
    let chain = [
        "a/tenderlint.yaml",
        "b/profil.yaml",
        "c/profil.yaml",
        "a/tenderlint.yaml",
    ];
    let positions: Vec<Option<usize>> = chain.iter().map(|f| m.find(f)).collect();
    assert!(positions.iter().all(Option::is_some), "{m}");
    // A file extending itself is the shortest cycle.
    let dir = repository(&[("tenderlint.yaml", "extends: ./tenderlint.yaml\n")]);
    assert!(message(load(&dir, "tenderlint.yaml")).contains("cycle"));
}

#[test]
fn a_missing_profile_is_an_error_naming_it_and_the_chain() {
    let dir = repository(&[
        (
            "kommune/tenderlint.yaml",
            "extends: ../region/tenderlint.yaml\n",
        ),
        ("region/tenderlint.yaml", "extends: [felles.yaml]\n"),
    ]);
    let m = message(load(&dir, "kommune/tenderlint.yaml"));
    assert!(m.contains("extends `felles.yaml`"), "{m}");
    assert!(
        m.contains("kommune/tenderlint.yaml → ")
            && m.contains("region/tenderlint.yaml → felles.yaml"),
        "{m}"
    );
}

#[test]
fn a_profile_outside_the_repository_is_refused() {
    let dir = repository(&[("tenderlint.yaml", "extends: ../../region.yaml\n")]);
    assert!(message(load(&dir, "tenderlint.yaml")).contains("leaves the repository"));
}

#[test]
fn profiles_pinning_one_set_differently_conflict_until_the_member_pins_it() {
    let dir = repository(&[
        ("a.yaml", "rulesets: [ks-felles-journalloft@1.0.0]\n"),
        ("b.yaml", "rulesets: [ks-felles-journalloft@1.1.0]\n"),
        ("tenderlint.yaml", "extends: [a.yaml, b.yaml]\n"),
    ]);
    let m = message(load(&dir, "tenderlint.yaml"));
    assert!(m.contains("conflicting pins"), "{m}");
    assert!(
        m.contains("ks-felles-journalloft@1.0.0") && m.contains("ks-felles-journalloft@1.1.0"),
        "{m}"
    );
    assert!(
        m.contains("tenderlint.yaml → ") && m.contains("/a.yaml and") && m.ends_with("/b.yaml"),
        "{m}"
    );
    let member = "extends: [a.yaml, b.yaml]\nrulesets: [ks-felles-journalloft@1.1.0]\n";
    std::fs::write(dir.path().join("tenderlint.yaml"), member).unwrap();
    let settings = check(load(&dir, "tenderlint.yaml").unwrap());
    let keys: Vec<String> = settings.rulesets.iter().map(|s| s.key()).collect();
    assert_eq!(keys, ["ks-felles-journalloft@1.1.0"]);
}

#[test]
fn a_later_profile_wins_over_an_earlier_one() {
    let dir = repository(&[
        ("a.yaml", "fail-on: never\nrules:\n  INT-010: error\n"),
        ("b.yaml", "fail-on: info\nrules:\n  INT-010: warning\n"),
        ("tenderlint.yaml", "extends: [a.yaml, b.yaml]\n"),
    ]);
    let settings = check(load(&dir, "tenderlint.yaml").unwrap());
    assert_eq!(settings.options.fail_on, Some(Severity::Info));
    assert_eq!(
        level(&settings, "INT-010"),
        Some(RuleLevel::Severity(Severity::Warning))
    );
}

#[test]
fn a_profile_rule_set_path_is_relative_to_the_profile() {
    let demo = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/rulesets/demo/1.1.0.yaml"
    );
    let dir = repository(&[
        (
            "region/regler/demo.yaml",
            &std::fs::read_to_string(demo).unwrap(),
        ),
        (
            "region/profil.yaml",
            "rulesets:\n  - {path: regler/demo.yaml}\nrules:\n  DEMO-004: off\n",
        ),
        (
            "kommune/tenderlint.yaml",
            "extends: ../region/profil.yaml\n",
        ),
    ]);
    let settings = check(load(&dir, "kommune/tenderlint.yaml").unwrap());
    assert_eq!(settings.rulesets[0].id, "demo");
    assert_eq!(level(&settings, "DEMO-004"), Some(RuleLevel::Off));
}
