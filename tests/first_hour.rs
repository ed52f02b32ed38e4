//! Issue 14: what a new user hits in the first hour, run through the binary as
//! they would run it. Each test names the point of the issue it guards.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture_tender(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/tenders")
        .join(name)
}

/// A temporary repository holding a copy of a fixture tender.
fn repo_with(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join(".git")).expect(".git");
    for entry in std::fs::read_dir(fixture_tender(name)).expect("fixture") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env("TENDERLINT_TODAY", "2026-11-25")
        .output()
        .expect("runs")
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["check", "--isolated", "--format", "json"];
    all.extend_from_slice(args);
    let out = run(dir, &all);
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn statuses(report: &serde_json::Value) -> Vec<(String, String)> {
    report["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            (
                r["rule"].as_str().unwrap_or("").to_string(),
                r["status"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn files(report: &serde_json::Value) -> Vec<String> {
    report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().unwrap_or("").to_string())
        .collect()
}

fn notices(report: &serde_json::Value) -> String {
    report["notices"].to_string()
}

/// 14.1: every report format written into the tender folder, then the folder
/// checked again: the same statuses, the reports named in notices, not read.
#[test]
fn reports_written_into_the_tender_folder_are_not_read_as_tender_text() {
    let repo = repo_with("nb-legevakt");
    let dir = repo.path();
    let before = json(dir, &["."]);
    assert!(statuses(&before).iter().any(|(_, s)| s == "missing"));
    // Unusual names, so only the marker can tell these are reports …
    let outputs = [
        "docx=vedlegg-a.docx",
        "markdown=vedlegg-b.md",
        "html=vedlegg-c.html",
        "json=vedlegg-d.json",
        "sarif=vedlegg-e.sarif",
        "junit=vedlegg-f.xml",
        "gitlab=vedlegg-g.json",
        // … and a usual one.
        "docx=rapport.docx",
    ];
    let mut args = vec!["check", "--isolated", "."];
    for o in &outputs {
        args.extend(["--output", o]);
    }
    let written = run(dir, &args);
    assert!(
        matches!(written.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    for name in ["vedlegg-a.docx", "vedlegg-b.md", "rapport.docx"] {
        assert!(dir.join(name).exists(), "{name} not written");
    }
    let after = json(dir, &["."]);
    assert_eq!(statuses(&before), statuses(&after));
    assert_eq!(files(&before), files(&after));
    let notes = notices(&after);
    for name in ["vedlegg-a.docx", "vedlegg-b.md", "rapport.docx"] {
        assert!(notes.contains(name), "no notice for {name}: {notes}");
    }
    // Named on the command line, a marked report is still not tender text.
    let named = json(dir, &["konkurransegrunnlag.md", "vedlegg-a.docx"]);
    assert_eq!(files(&named), vec!["konkurransegrunnlag.md".to_string()]);
    // The human report says so in one line, not as an error.
    let human = run(dir, &["check", "--isolated", "."]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.lines()
            .any(|l| l.contains("skipped") && l.contains("vedlegg-b.md")),
        "{text}"
    );
    assert!(!String::from_utf8_lossy(&human.stderr).contains("vedlegg"));
}

/// 14.1: a report copied without its marker, under a report's usual name, and a
/// file the configuration excludes are left out of a walk too.
#[test]
fn usual_report_names_and_excluded_files_are_left_out_of_a_walk() {
    let repo = repo_with("nb-legevakt");
    let dir = repo.path();
    let before = json(dir, &["."]);
    let suggestion =
        "# Forslag\n\nLøsningen skal logge all tilgang til journalen og støtte HelseID.\n";
    std::fs::write(dir.join("tenderlint-report.md"), suggestion).expect("write");
    std::fs::create_dir(dir.join("utkast")).expect("dir");
    std::fs::write(dir.join("utkast/gammel.md"), suggestion).expect("write");
    std::fs::write(
        dir.join("tenderlint.yaml"),
        "files:\n  exclude: [\"utkast/**\"]\n",
    )
    .expect("config");
    let out = run(dir, &["check", "--format", "json", "."]);
    let after: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(statuses(&before), statuses(&after));
    assert_eq!(files(&before), files(&after));
    assert!(notices(&after).contains("tenderlint-report.md"));
}
