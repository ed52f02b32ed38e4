use super::*;
use crate::check::FileFilter as _;

fn parse_in(dir: &Path, text: &str) -> Result<Config, ConfigError> {
    parse(
        RuleSetSource {
            name: FILE_NAME.into(),
            text: std::sync::Arc::from(text),
        },
        &dir.join(FILE_NAME),
        dir,
    )
}

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    dir
}

fn first_problem(err: &ConfigError) -> (String, usize, usize) {
    let p = &err.problems[0];
    let (line, column) = err.line_column(p.span.clone().expect("a span").start);
    (p.message.clone(), line, column)
}

#[test]
fn a_full_configuration_parses() {
    let dir = repo();
    let root = dir.path().canonicalize().unwrap();
    let text = r#"
files:
  include: ["**/*.md"]
  exclude: ["utkast/**"]
rulesets:
  - ks-felles-journalloft@1.0.0
  - {path: rules/local.yaml, sha256: "0000000000000000000000000000000000000000000000000000000000000000"}
services: [legevakt]
lang: en
fail-on: warning
rules:
  INT-014: off
  SEC-003: {severity: error}
  ARK-003: info
waivers:
  - rule: INT-014
    reason: "Besluttet i styringsgruppen"
    expires: 2027-06-30
    approved-by: Kari Nordmann
"#;
    let c = parse_in(&root, text).unwrap();
    assert_eq!(c.rulesets.len(), 2);
    assert_eq!(
        c.rulesets[0].value,
        RuleSetPin::Embedded {
            id: "ks-felles-journalloft".into(),
            version: Some(semver::Version::new(1, 0, 0))
        }
    );
    assert_eq!(c.lang, Some(Lang::En));
    assert_eq!(c.fail_on, Some(FailOn::Warning));
    assert_eq!(c.services, vec!["legevakt"]);
    let levels = c.rule_levels();
    assert!(levels.contains(&("INT-014".into(), RuleLevel::Off)));
    assert!(levels.contains(&("SEC-003".into(), RuleLevel::Severity(Severity::Error))));
    assert!(levels.contains(&("ARK-003".into(), RuleLevel::Severity(Severity::Info))));
    assert_eq!(c.waivers.len(), 1);
    assert_eq!(c.waivers[0].expires, crate::date::parse("2027-06-30"));
    assert_eq!(c.waivers[0].approved_by.as_deref(), Some("Kari Nordmann"));
    assert_eq!(c.waivers[0].line, 16);
    let filter = c.files.unwrap();
    std::fs::create_dir_all(root.join("utkast")).unwrap();
    std::fs::write(root.join("a.md"), "x").unwrap();
    std::fs::write(root.join("utkast/b.md"), "x").unwrap();
    std::fs::write(root.join("c.docx"), "x").unwrap();
    assert!(filter.allows(&root.join("a.md")));
    assert!(!filter.allows(&root.join("utkast/b.md")));
    assert!(!filter.allows(&root.join("c.docx")));
}

#[test]
fn unknown_key_is_reported_at_its_line_and_column() {
    let dir = repo();
    let err = parse_in(dir.path(), "services: [legevakt]\nfail_on: error\n").unwrap_err();
    let (message, line, column) = first_problem(&err);
    assert!(message.contains("fail_on"), "{message}");
    assert_eq!((line, column), (2, 1));
    assert!(
        err.problems[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("fail-on")
    );
}

#[test]
fn bad_fail_on_value_is_reported() {
    let dir = repo();
    let err = parse_in(dir.path(), "lang: nb\nfail-on: sometimes\n").unwrap_err();
    let (message, line, _) = first_problem(&err);
    assert!(message.contains("sometimes"), "{message}");
    assert_eq!(line, 2);
}

#[test]
fn outside_a_git_repository_the_refusal_says_the_configs_folder_is_the_boundary() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let err = parse_in(&root, "rulesets:\n  - {path: \"../region/rules.yaml\"}\n").unwrap_err();
    let (message, _, _) = first_problem(&err);
    assert!(message.contains("no git repository was found"), "{message}");
    // Inside a repository the refusal names the repository alone.
    let repo = repo();
    let root = repo.path().canonicalize().unwrap();
    let err = parse_in(&root, "rulesets:\n  - {path: \"../region/rules.yaml\"}\n").unwrap_err();
    let (message, _, _) = first_problem(&err);
    assert!(!message.contains("no git repository"), "{message}");
}

#[test]
fn rule_set_paths_must_stay_in_the_repository() {
    let dir = repo();
    let root = dir.path().canonicalize().unwrap();
    for bad in [
        "../elsewhere/rules.yaml",
        "/etc/rules.yaml",
        "a/../../x.yaml",
    ] {
        let text = format!("rulesets:\n  - {{path: \"{bad}\"}}\n");
        let err = parse_in(&root, &text).unwrap_err();
        let (message, line, _) = first_problem(&err);
        assert!(
            message.contains("leaves the repository") || message.contains("absolute"),
            "{bad}: {message}"
        );
        assert_eq!(line, 2);
    }
    // A path that goes up and comes back inside is fine.
    let sub = root.join("tender");
    std::fs::create_dir(&sub).unwrap();
    parse_in(&sub, "rulesets:\n  - {path: ../rules/x.yaml}\n").unwrap();
}

#[test]
fn waivers_need_a_reason_and_a_real_date() {
    let dir = repo();
    let err = parse_in(dir.path(), "waivers:\n  - rule: INT-014\n").unwrap_err();
    assert!(err.problems[0].message.contains("reason"), "{err}");
    let err = parse_in(
        dir.path(),
        "waivers:\n  - rule: INT-014\n    reason: \"  \"\n    expires: 2027-13-40\n",
    )
    .unwrap_err();
    let messages: Vec<_> = err.problems.iter().map(|p| p.message.clone()).collect();
    assert!(
        messages.iter().any(|m| m.contains("needs a reason")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("not a date")),
        "{messages:?}"
    );
}

#[test]
fn bad_rule_level_and_pin_are_reported() {
    let dir = repo();
    let err = parse_in(dir.path(), "rules:\n  INT-014: loud\n").unwrap_err();
    assert!(err.problems[0].message.contains("loud"), "{err}");
    let err = parse_in(dir.path(), "rulesets: [\"ks@one\"]\n").unwrap_err();
    assert!(err.problems[0].message.contains("not a version"), "{err}");
}

#[test]
fn unknown_rule_ids_point_at_the_id() {
    let dir = repo();
    let c = parse_in(dir.path(), "rules:\n  NOPE-1: off\n").unwrap();
    let sets = crate::rules::embedded::load_defaults().unwrap();
    let err = c.check_rule_ids(&sets).unwrap_err().remove(0);
    let (message, line, column) = first_problem(&err);
    assert!(message.contains("NOPE-1"), "{message}");
    assert_eq!((line, column), (2, 3));
}

#[test]
fn discovery_stops_at_the_repository_root() {
    let outer = tempfile::tempdir().unwrap();
    std::fs::write(outer.path().join(FILE_NAME), "").unwrap();
    let repo = outer.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::fs::create_dir_all(repo.join("docs/bilag")).unwrap();
    assert_eq!(discover(&repo.join("docs/bilag")), None);
    std::fs::write(repo.join(FILE_NAME), "").unwrap();
    assert_eq!(
        discover(&repo.join("docs/bilag")),
        Some(repo.canonicalize().unwrap().join(FILE_NAME))
    );
}

#[test]
fn an_empty_file_is_an_empty_configuration() {
    let dir = repo();
    let c = parse_in(dir.path(), "# nothing yet\n").unwrap();
    assert!(c.rulesets.is_empty() && c.waivers.is_empty());
}
