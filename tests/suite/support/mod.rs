//! Helpers shared by several areas of the suite.

pub(crate) mod accuracy;
pub(crate) mod docx;
pub(crate) mod tender;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A Python that has lxml: `TENDERLINT_PYTHON`, the venv `scripts/test.sh` makes, or
/// `python3` on the path.
pub(crate) fn python_with_lxml() -> Option<PathBuf> {
    python_with("lxml")
}

/// A Python that can import `module` (lxml, openpyxl), found where
/// [`python_with_lxml`] looks.
pub(crate) fn python_with(module: &str) -> Option<PathBuf> {
    let venv = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/target/fidelity-venv/bin/python"
    ));
    std::env::var_os("TENDERLINT_PYTHON")
        .map(PathBuf::from)
        .into_iter()
        .chain([venv, PathBuf::from("python3")])
        .find(|python| {
            Command::new(python)
                .args(["-c", &format!("import {module}")])
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// A Python that can import `module`, or `None` with a note that `test` did not run.
/// CI installs the modules through scripts/test.sh: there a missing one is a broken
/// install step, not a reason to skip, and fails.
pub(crate) fn python_or_skip(module: &str, test: &str) -> Option<PathBuf> {
    let python = python_with(module);
    if python.is_none() {
        eprintln!(
            "note: the {test} DID NOT RUN: no Python with {module} \
             (scripts/test.sh installs one in target/fidelity-venv; or set TENDERLINT_PYTHON)"
        );
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but no Python with {module} was found for the {test}"
        );
    }
    python
}

/// The binary run in `dir` with no locale at all (no `LANG`, `LC_ALL`, `LC_MESSAGES`),
/// nothing on standard input and a 100-column terminal: what the tests of the words a
/// reader sees by default need (bokmål, unless a flag asks for another language).
pub(crate) fn tenderlint_without_locale(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("tenderlint runs")
}

/// The binary run in `dir` as a user's shell would run it there, with what makes its
/// output the same on every machine: no colour, no locale, a fixed today.
pub(crate) fn tenderlint_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env("TENDERLINT_TODAY", "2026-11-25")
        .output()
        .expect("runs")
}
