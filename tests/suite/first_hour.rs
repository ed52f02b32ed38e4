//! Issue 14: what a new user hits in the first hour, run through the binary as
//! they would run it. Each test names the point of the issue it guards.

use crate::support::docx as support;

use crate::support::tenderlint_in as run;
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
            .any(|l| l.contains("hoppet over") && l.contains("vedlegg-b.md")),
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

fn write_tender(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join(".git")).expect(".git");
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

const LEGEVAKT_BODY: &str = "## Krav\n\nLøsningen bør støtte oppslag i kjernejournal.\n\nLøsningen skal logge all tilgang.\n";

/// 14.2: a misspelt service, wherever it is named, is an error with a suggestion.
#[test]
fn an_unknown_service_is_an_error_with_a_suggestion() {
    let repo = write_tender(&[("anbud.md", LEGEVAKT_BODY.as_bytes())]);
    let dir = repo.path();
    let flag = run(dir, &["check", "--isolated", "--services", "legevak", "."]);
    assert_eq!(flag.status.code(), Some(2));
    assert!(
        stderr(&flag).contains("ukjent tjeneste `legevak` i --services (mente du `legevakt`?)"),
        "{}",
        stderr(&flag)
    );
    std::fs::write(dir.join("tenderlint.yaml"), "services: [sykehjemm]\n").expect("config");
    let config = run(dir, &["check", "."]);
    assert_eq!(config.status.code(), Some(2));
    assert!(
        stderr(&config).contains("(mente du `sykehjem`?)"),
        "{}",
        stderr(&config)
    );
    std::fs::remove_file(dir.join("tenderlint.yaml")).expect("rm");
    let front = format!("---\nservices: [legevakt, fastlegen]\n---\n{LEGEVAKT_BODY}");
    std::fs::write(dir.join("anbud.md"), front).expect("write");
    let fm = run(dir, &["check", "--isolated", "."]);
    assert_eq!(fm.status.code(), Some(2));
    assert!(
        stderr(&fm).contains("`fastlegen` i front matter i anbud.md (mente du `fastlege`?)"),
        "{}",
        stderr(&fm)
    );
}

fn int001(report: &serde_json::Value) -> (String, String) {
    let r = report["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["rule"] == "INT-001")
        .expect("INT-001");
    (
        r["status"].as_str().unwrap_or("").into(),
        r["severity"].as_str().unwrap_or("").into(),
    )
}

/// 14.2: the title heading and a scope section name the service; the report
/// says where it was found, and the scope-aware rule becomes binding.
#[test]
fn services_are_detected_in_the_title_and_the_scope_section() {
    let title =
        format!("# Anskaffelse av journalløsning for interkommunal legevakt\n\n{LEGEVAKT_BODY}");
    let repo = write_tender(&[("anbud.md", title.as_bytes())]);
    let report = json(repo.path(), &["."]);
    assert_eq!(
        report["services"]["effective"],
        serde_json::json!(["legevakt"])
    );
    let origin = &report["services"]["origins"][0];
    assert_eq!(origin["kind"], "text");
    assert_eq!(origin["file"], "anbud.md");
    // «bør» does not meet a rule that is binding for legevakt.
    assert_eq!(int001(&report), ("weak".into(), "error".into()));

    let scope = format!(
        "# Konkurransegrunnlag\n\n## 1 Innledning og omfang\n\nAnskaffelsen gjelder kommunal legevakt i regionen.\n\n{LEGEVAKT_BODY}"
    );
    let repo = write_tender(&[("anbud.md", scope.as_bytes())]);
    let report = json(repo.path(), &["."]);
    assert_eq!(
        report["services"]["effective"],
        serde_json::json!(["legevakt"])
    );
    assert_eq!(
        report["services"]["origins"][0]["section"],
        "Konkurransegrunnlag › 1 Innledning og omfang"
    );
}

/// A Word custom property `services` declaring two services.
const SERVICES_PROPERTY: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="services"><vt:lpwstr>legevakt, sykehjem</vt:lpwstr></property></Properties>"#;

/// 14.2: Word document properties declare services (custom property
/// `services`) and name them (title, subject, keywords).
#[test]
fn word_document_properties_declare_and_name_services() {
    let body = support::document_xml(
        "<w:p><w:r><w:t>Løsningen bør støtte oppslag i kjernejournal.</w:t></w:r></w:p>",
    );
    let custom = SERVICES_PROPERTY;
    let core = r#"<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Journalløsning for interkommunal legevakt</dc:title></cp:coreProperties>"#;
    let declared = support::docx(&body, &[("docProps/custom.xml", custom)]);
    let repo = write_tender(&[("anbud.docx", &declared)]);
    let report = json(repo.path(), &["."]);
    assert_eq!(
        report["services"]["declared"],
        serde_json::json!(["legevakt", "sykehjem"])
    );
    assert_eq!(
        report["services"]["origins"][0]["kind"],
        "document-properties"
    );
    assert_eq!(int001(&report).1, "error");

    let titled = support::docx(&body, &[("docProps/core.xml", core)]);
    let repo = write_tender(&[("anbud.docx", &titled)]);
    let report = json(repo.path(), &["."]);
    assert_eq!(
        report["services"]["effective"],
        serde_json::json!(["legevakt"])
    );
    assert_eq!(
        report["services"]["origins"][0]["kind"],
        "document-properties-title"
    );
}

/// The properties are part of the document the reader returns, not carried beside it:
/// a tender checked from documents already read (`check_documents`, no file in sight)
/// is scoped by them as a check of the files is.
#[test]
fn word_document_properties_travel_with_the_document_read() {
    let body = support::document_xml(
        "<w:p><w:r><w:t>Løsningen bør støtte oppslag i kjernejournal.</w:t></w:r></w:p>",
    );
    let bytes = support::docx(&body, &[("docProps/custom.xml", SERVICES_PROPERTY)]);
    let doc = tenderlint::document::read_bytes(
        "anbud.docx".into(),
        tenderlint::document::Format::Docx,
        &bytes,
    )
    .expect("the document reads");
    assert_eq!(doc.facts.declared, ["legevakt", "sykehjem"]);
    let sets = tenderlint::rules::embedded::load_defaults().expect("embedded sets");
    let report = tenderlint::check_documents(&[doc], &sets, &tenderlint::CheckOptions::default());
    assert_eq!(report.services.declared, ["legevakt", "sykehjem"]);
}

/// 14.2: with no services, every format says so and names the rules it changes.
#[test]
fn every_format_says_when_no_services_were_found() {
    let repo = write_tender(&[("anbud.md", LEGEVAKT_BODY.as_bytes())]);
    let dir = repo.path();
    for format in [
        "human", "json", "sarif", "junit", "gitlab", "github", "compact", "markdown", "html",
    ] {
        let out = run(
            dir,
            &[
                "check",
                "--isolated",
                "--format",
                format,
                "--lang",
                "en",
                ".",
            ],
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let said = if format == "json" {
            text.contains("\"effective\": []") && text.contains("\"scoped_rules\"")
        } else {
            text.contains("none given or found, so 4 rules")
        };
        assert!(said, "{format}:\n{text}");
    }
    let out = run(
        dir,
        &[
            "check",
            "--isolated",
            "--lang",
            "en",
            "--output",
            "docx=x.docx",
            ".",
        ],
    );
    assert!(matches!(out.status.code(), Some(0 | 1)));
    let bytes = std::fs::read(dir.join("x.docx")).expect("docx");
    let text = tenderlint::document::read_bytes(
        "x.docx".into(),
        tenderlint::document::Format::Docx,
        &bytes,
    )
    .expect("reads");
    assert!(
        text.blocks
            .iter()
            .any(|b| b.text.contains("none given or found")
                && b.text.contains("document property «services»"))
    );
}

const PLACEHOLDER_SET: &str = r#"id: placeholder-fixture
version: 0.1.0
title: {nb: Plassholdere, en: Placeholders}
sources:
  - {title: Test, publisher: Test, url: "https://example.org/kilde"}
rules:
  - id: SLA-001
    title: {nb: Oppetid, en: Availability}
    message: {nb: Oppetid er ikke krevd., en: Availability is not required.}
    category: contract
    severity: error
    kind: require
    match: {any: [oppetid*]}
    rationale: {nb: Avtalen trenger et tall., en: The contract needs a number.}
    sources: [{url: "https://example.org/sla", verified: V}]
    suggestion: {nb: "Løsningen skal ha en oppetid på minst [[99,5]] % etter [[bilag X]]."}
"#;

/// 14.3: a brand violation is offered its own sentence with «eller tilsvarende»
/// after the product it names, in HTML, SARIF, JSON and Word — not a canned text
/// about another product.
#[test]
fn a_brand_violation_is_fixed_in_its_own_sentence() {
    let tender = "# Krav\n\n## Drift\n\nDatabasen skal være Microsoft SQL Server 2019.\n";
    let repo = write_tender(&[("anbud.md", tender.as_bytes())]);
    let dir = repo.path();
    let fixed = "Databasen skal være Microsoft SQL Server 2019 eller tilsvarende.";
    let canned = "skyplattform";
    for format in ["html", "sarif", "json", "junit", "markdown", "human"] {
        let out = run(
            dir,
            &[
                "check",
                "--isolated",
                "-r",
                "anskaffelse-hygiene",
                "--format",
                format,
                "anbud.md",
            ],
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(fixed), "{format} lacks the fix:\n{text}");
        assert!(!text.contains(canned), "{format} offers the canned text");
    }
    let out = run(
        dir,
        &[
            "check",
            "--isolated",
            "-r",
            "anskaffelse-hygiene",
            "--output",
            "docx=r.docx",
            "anbud.md",
        ],
    );
    assert!(matches!(out.status.code(), Some(0 | 1)));
    let bytes = std::fs::read(dir.join("r.docx")).expect("docx");
    let doc = tenderlint::document::read_bytes(
        "r.docx".into(),
        tenderlint::document::Format::Docx,
        &bytes,
    )
    .expect("reads");
    let all: String = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(all.contains(fixed));
    assert!(!all.contains(canned));
}

/// 14.3: example values in a suggestion are marked to fill in, in every format.
#[test]
fn placeholders_in_suggestions_are_marked_in_every_format() {
    let tender = "# Krav\n\nLøsningen skal være rask.\n";
    let repo = write_tender(&[
        ("anbud.md", tender.as_bytes()),
        ("set.yaml", PLACEHOLDER_SET.as_bytes()),
    ]);
    let dir = repo.path();
    // The brief terminal report names the errors and counts the rest; the text to
    // paste is in the full one.
    for format in ["human", "sarif", "junit", "github", "markdown"] {
        let out = run(
            dir,
            &[
                "check",
                "--isolated",
                "-r",
                "set.yaml",
                "--format",
                format,
                "--verbose",
                "anbud.md",
            ],
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("minst ⟨99,5⟩ %") || text.contains("minst ⟨99,5⟩ %25"),
            "{format}:\n{text}"
        );
        assert!(text.contains("etter ⟨bilag X⟩"), "{format}:\n{text}");
        assert!(!text.contains("[["), "{format} shows the raw notation");
    }
    let html = run(
        dir,
        &[
            "check",
            "--isolated",
            "-r",
            "set.yaml",
            "--format",
            "html",
            "anbud.md",
        ],
    );
    assert!(String::from_utf8_lossy(&html.stdout).contains(">bilag X</mark>"));
    let json = json(dir, &["-r", "set.yaml", "anbud.md"]);
    assert_eq!(
        json["results"][0]["suggestion"],
        "Løsningen skal ha en oppetid på minst [[99,5]] % etter [[bilag X]]."
    );
    let out = run(
        dir,
        &[
            "check",
            "--isolated",
            "-r",
            "set.yaml",
            "--output",
            "docx=r.docx",
            "anbud.md",
        ],
    );
    assert!(matches!(out.status.code(), Some(0 | 1)));
    let bytes = std::fs::read(dir.join("r.docx")).expect("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("part"),
        &mut document,
    )
    .expect("read");
    assert!(document.contains("w:highlight w:val=\"yellow\""));
}

/// 14.3: the embedded suggestions' placeholders are well formed, and the
/// obvious example values of 1.0.0 are marked.
#[test]
fn embedded_suggestion_placeholders_are_balanced() {
    let sets = tenderlint::rules::embedded::load_defaults().expect("embedded sets");
    let mut marked = 0;
    for set in &sets {
        for rule in &set.rules {
            let Some(s) = &rule.suggestion else { continue };
            for text in [Some(&s.nb), s.nn.as_ref(), s.en.as_ref()]
                .into_iter()
                .flatten()
            {
                assert_eq!(
                    text.matches("[[").count(),
                    text.matches("]]").count(),
                    "{} {}: {text}",
                    set.id,
                    rule.id
                );
                assert!(!tenderlint::fixes::plain(text).contains("[["), "{text}");
                marked += text.matches("[[").count();
            }
        }
    }
    assert!(marked > 0);
}

fn junit_cases(xml: &str) -> Vec<(String, bool)> {
    // (test case name, has a <failure>) from the rule-set suites.
    let mut out = Vec::new();
    for chunk in xml.split("<testcase ").skip(1) {
        let name = chunk
            .split(" name=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or("")
            .to_string();
        let body = chunk.split("</testcase>").next().unwrap_or("");
        let head_closed = chunk.split('>').next().unwrap_or("").ends_with('/');
        out.push((name, !head_closed && body.contains("<failure")));
    }
    out
}

/// 14.7: JUnit counts as failures only what fails the run; the rest passes
/// with its message. Unreadable files are failures of their own (JUnit, GitLab).
#[test]
fn junit_failures_follow_fail_on_and_unreadable_files_fail() {
    let repo = repo_with("nb-legevakt");
    let dir = repo.path();
    std::fs::write(dir.join("ødelagt.docx"), b"not a zip").expect("write");
    let report = json(dir, &["."]);
    let failing: Vec<(String, String)> = report["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|r| r["ok"] == false && r["waiver"].is_null())
        .map(|r| {
            (
                r["rule"].as_str().unwrap_or("").to_string(),
                r["severity"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(
        failing.iter().any(|(_, s)| s == "warning"),
        "fixture needs a failing warning"
    );
    for (fail_on, counted) in [
        ("error", vec!["error"]),
        ("warning", vec!["error", "warning"]),
    ] {
        let out = run(
            dir,
            &[
                "check",
                "--isolated",
                "--format",
                "junit",
                "--fail-on",
                fail_on,
                ".",
            ],
        );
        let xml = String::from_utf8_lossy(&out.stdout);
        let cases = junit_cases(&xml);
        for (rule, severity) in &failing {
            let (_, failed) = cases
                .iter()
                .find(|(name, _)| name.starts_with(&format!("{rule} ")))
                .unwrap_or_else(|| panic!("{rule} not in JUnit"));
            assert_eq!(
                *failed,
                counted.contains(&severity.as_str()),
                "{rule} {severity} --fail-on {fail_on}"
            );
        }
        let expected = failing
            .iter()
            .filter(|(_, s)| counted.contains(&s.as_str()))
            .count()
            + 1;
        assert!(
            xml.contains("<testsuites name=\"tenderlint\" tests=\"")
                && xml.contains(&format!("failures=\"{expected}\"")),
            "{xml}"
        );
        assert!(xml.contains("name=\"ødelagt.docx\"") && xml.contains("type=\"unreadable\""));
        assert!(xml.contains("<system-out>") || fail_on == "info");
    }
    let out = run(dir, &["check", "--isolated", "--format", "gitlab", "."]);
    let gitlab: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let unreadable: Vec<_> = gitlab
        .as_array()
        .expect("array")
        .iter()
        .filter(|i| i["check_name"] == "tenderlint/unreadable-file")
        .collect();
    assert_eq!(unreadable.len(), 1);
    assert_eq!(unreadable[0]["location"]["path"], "ødelagt.docx");
}

/// 14.7: an absolute path on the command line, run from a subdirectory, still
/// gives paths relative to the repository root in every CI format.
#[test]
fn ci_paths_are_relative_to_the_repository_root() {
    let repo = repo_with("nb-legevakt");
    let root = repo.path().canonicalize().expect("canonical");
    std::fs::create_dir(root.join("sub")).expect("dir");
    let absolute = root.join("konkurransegrunnlag.md");
    let absolute = absolute.to_str().expect("utf-8");
    let root_str = root.to_str().expect("utf-8");
    for format in ["sarif", "junit", "gitlab", "github", "compact"] {
        let out = run(
            &root.join("sub"),
            &["check", "--isolated", "--format", format, absolute],
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("konkurransegrunnlag.md"), "{format}: {text}");
        assert!(
            !text.contains(root_str),
            "{format} has an absolute path:\n{text}"
        );
    }
}

/// 14.7: `--format docx` does not pour a zip archive onto a terminal.
#[test]
fn docx_to_a_terminal_is_refused() {
    let repo = repo_with("nb-legevakt");
    let (mut leader, mut follower) = (0, 0);
    // SAFETY: openpty fills two file descriptors; null pointers are allowed for the rest.
    let rc = unsafe {
        libc::openpty(
            &raw mut leader,
            &raw mut follower,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0, "openpty");
    // SAFETY: `follower` is a fresh descriptor owned by nothing else.
    let tty = unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(follower) };
    let out = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .args(["check", "--isolated", "--format", "docx", "."])
        .current_dir(repo.path())
        .stdout(tty)
        .output()
        .expect("runs");
    // SAFETY: closing the descriptor openpty gave us.
    unsafe { libc::close(leader) };
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--output docx=FILE"),
        "{}",
        stderr(&out)
    );
    // Redirected to a file (not a terminal), the Word file is written.
    let piped = run(
        repo.path(),
        &["check", "--isolated", "--format", "docx", "."],
    );
    assert!(piped.stdout.starts_with(b"PK"));
}

fn suggestions(report: &serde_json::Value) -> Vec<String> {
    report["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["suggestion"].as_str().map(str::to_string))
        .collect()
}

/// 14.4: an English tender gets English suggestions without `--lang en`; the
/// user's `--lang` or `lang:` still decides.
#[test]
fn the_tenders_language_picks_the_suggestion_language() {
    let repo = repo_with("en-summary");
    let dir = repo.path();
    let report = json(dir, &["."]);
    assert_eq!(report["tender_language"], "en");
    assert_eq!(report["suggestion_language"], "en");
    let texts = suggestions(&report);
    assert!(!texts.is_empty());
    assert!(
        texts.iter().all(|s| !s.starts_with("Løsningen")),
        "{texts:?}"
    );
    assert!(texts.iter().any(|s| s.starts_with("The ")), "{texts:?}");
    let asked = json(dir, &["--lang", "nb", "."]);
    assert!(
        suggestions(&asked)
            .iter()
            .any(|s| s.starts_with("Løsningen"))
    );
    std::fs::write(dir.join("tenderlint.yaml"), "lang: nb\n").expect("config");
    let out = run(dir, &["check", "--format", "json", "."]);
    let configured: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(configured["suggestion_language"], "nb");
}

/// 14.4: `explain` prints words, not the enum names of the rule schema.
#[test]
fn explain_shows_words_not_enum_names() {
    let out = run(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["explain", "INT-001", "--lang", "en"],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for name in [
        "Require",
        "Binding",
        "Warning",
        "Error",
        "Any",
        "RequireWith",
    ] {
        assert!(
            !text
                .lines()
                .take(3)
                .any(|l| l.split([' ', ',']).any(|w| w == name)),
            "{name} in:\n{text}"
        );
    }
    assert!(text.contains("severity: warning"), "{text}");
    let nb = run(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["explain", "INT-001", "--lang", "nb"],
    );
    let nb = String::from_utf8_lossy(&nb.stdout);
    assert!(nb.contains("alvorlighet: advarsel"), "{nb}");
    assert!(
        nb.contains("legevakt, fastlege: feil, bindende krav"),
        "{nb}"
    );
}

/// 14.6: a Word finding is placed under its numbered heading, by paragraph or by
/// table, row and the column of the cell it is in — in every format.
#[test]
fn word_locations_name_the_heading_and_the_position_under_it() {
    let repo = tempfile::tempdir().expect("dir");
    std::fs::create_dir(repo.path().join(".git")).expect(".git");
    let docx = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/tenders-docx/nb-legevakt/bilag-1-kravspesifikasjon.docx");
    std::fs::copy(&docx, repo.path().join("bilag-1.docx")).expect("copy");
    let report = json(repo.path(), &["bilag-1.docx"]);
    let evidence: Vec<&serde_json::Value> = report["results"]
        .as_array()
        .expect("results")
        .iter()
        .flat_map(|r| r["evidence"].as_array().into_iter().flatten())
        .collect();
    let row = evidence
        .iter()
        .find(|e| e["requirement_id"] == "K-3.3")
        .expect("K-3.3 cited");
    // The requirement text is in the second column: «¶ 15 … column 1» it was.
    assert_eq!(
        row["location"],
        "3 Krav til integrasjoner, tabell 1, rad 4, kolonne 2"
    );
    assert_eq!(row["place"]["table"], 1);
    assert_eq!(row["place"]["column"], 2);
    let item = evidence
        .iter()
        .find(|e| {
            e["excerpt"]
                .as_str()
                .is_some_and(|x| x.starts_with("e-resept gjennom SFM"))
        })
        .expect("list item cited");
    assert_eq!(item["location"], "3 Krav til integrasjoner, avsnitt 3");
    assert!(
        evidence
            .iter()
            .all(|e| !e["location"].as_str().unwrap_or("").contains('¶'))
    );
    for format in ["human", "html"] {
        let out = run(
            repo.path(),
            // The short terminal report shows errors only; the met rules whose
            // evidence this looks at are listed with --verbose.
            &[
                "check",
                "--isolated",
                "--verbose",
                "--format",
                format,
                "bilag-1.docx",
            ],
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("3 Krav til integrasjoner, tabell 1, rad"),
            "{format}:\n{text}"
        );
        assert!(
            !text.contains("¶"),
            "{format} still counts paragraphs:\n{text}"
        );
    }
    // A violation in Word, in the CI formats: the second paragraph with text
    // (an empty paragraph between is not counted).
    let body = support::document_xml(
        "<w:p><w:r><w:t>Kommunen anskaffer en journalløsning.</w:t></w:r></w:p><w:p/>\
         <w:p><w:r><w:t>Databasen skal være Microsoft SQL Server.</w:t></w:r></w:p>",
    );
    std::fs::write(repo.path().join("drift.docx"), support::docx(&body, &[])).expect("write");
    for format in ["sarif", "gitlab", "github", "compact", "junit", "markdown"] {
        let out = run(
            repo.path(),
            &[
                "check",
                "--isolated",
                "-r",
                "anskaffelse-hygiene",
                "--format",
                format,
                "drift.docx",
            ],
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("avsnitt 2"), "{format}:\n{text}");
        assert!(
            !text.contains("¶"),
            "{format} still counts paragraphs:\n{text}"
        );
    }
}
