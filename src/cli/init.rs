//! `tenderlint init`: a commented tenderlint.yaml for the tender in the current
//! directory, and the pre-commit and CI snippets to use it.

use super::{ERROR, OK};
use std::io::Write;
use std::path::{Path, PathBuf};
use tenderlint::config;
use tenderlint::rules;

// A local hook runs the tenderlint on the PATH, so the snippet works as written:
// no address of tenderlint's repository to fill in.
const PRE_COMMIT_SNIPPET: &str = r#"# .pre-commit-config.yaml (tenderlint installed, on the PATH)
repos:
  - repo: local
    hooks:
      - id: tenderlint
        name: tenderlint
        entry: tenderlint check
        language: system
        pass_filenames: false
        files: '\.(md|markdown|docx)$'
"#;

// The repository's address is the user's to give, once, as a variable of their
// CI (never a made-up one in the snippet); the tag is this build's version.
const CI_SNIPPET: &str = concat!(
    r#"# .github/workflows/tenderlint.yml (more in docs/ci.md)
# Set the variable TENDERLINT_GIT to the Git address of tenderlint's repository
# (Settings › Secrets and variables › Actions › Variables).
name: tenderlint
on: [push, pull_request]
jobs:
  tenderlint:
    runs-on: ubuntu-latest
    permissions: {contents: read, security-events: write}
    steps:
      - uses: actions/checkout@v4
      - run: cargo install --locked --git "${{ vars.TENDERLINT_GIT }}" --tag v"#,
    env!("CARGO_PKG_VERSION"),
    r#" tenderlint
      - run: tenderlint check --format human --output sarif=tenderlint.sarif
      - if: always()
        uses: github/codeql-action/upload-sarif@v3
        with: {sarif_file: tenderlint.sarif, category: tenderlint}
"#
);

pub(crate) fn run() -> u8 {
    let path = Path::new(config::FILE_NAME);
    if path.exists() {
        eprintln!(
            "error: {} already exists here; tenderlint init never overwrites it",
            config::FILE_NAME
        );
        return ERROR;
    }
    let pins: Vec<String> = rules::embedded::DEFAULT_SETS
        .iter()
        .filter_map(|id| rules::embedded::newest(id).map(|v| format!("{id}@{v}")))
        .collect();
    // The services the tender already talks about become the declared ones, so
    // scope-aware rules stop depending on detection once the file is committed.
    let services = rules::embedded::load_defaults()
        .map(|sets| {
            tenderlint::check_paths(&[PathBuf::from(".")], &sets, &Default::default())
                .services
                .detected
        })
        .unwrap_or_default();
    let text = config::template(&pins, &services);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    if let Err(e) = written {
        eprintln!("error: cannot write {}: {e}", config::FILE_NAME);
        return ERROR;
    }
    println!("wrote {}\n", config::FILE_NAME);
    println!("pre-commit — add to .pre-commit-config.yaml:\n\n{PRE_COMMIT_SNIPPET}");
    println!("GitHub Actions:\n\n{CI_SNIPPET}");
    OK
}
