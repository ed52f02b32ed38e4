//! Reporter tests: a small fixture tender checked with a small fixture rule set,
//! rendered in every format; snapshots for the text formats, and each format
//! read back by a real consumer (a JSON-Schema validator for SARIF, a JUnit
//! parser, a ZIP/XML reader for Word, headless Chromium for HTML when present).

use std::path::{Path, PathBuf};
use tenderlint::Lang;
use tenderlint::findings::{CheckReport, Coverage, Evidence, FileEntry, Status, Waiver};
use tenderlint::report::common::Date;
use tenderlint::report::{self, Format, RenderOptions};
use tenderlint::rules::{self, RuleSet};

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture report, with what the engine cannot produce yet added by hand: a
/// waiver and a piece of Word evidence (no line, a paragraph/table location, and
/// a control character that XML cannot hold).
pub(crate) fn fixture_report() -> CheckReport {
    fixture_report_failing_on(Some(tenderlint::rules::Severity::Error))
}

/// The fixture report with the gate at `fail_on` (`--fail-on`).
fn fixture_report_failing_on(fail_on: Option<tenderlint::rules::Severity>) -> CheckReport {
    // Relative paths, so that no output holds an absolute path.
    std::env::set_current_dir(manifest()).expect("cd to the manifest dir");
    let source = rules::read_source(Path::new("fixtures/reports/ruleset.yaml")).expect("rule set");
    let set = RuleSet::load(&source).expect("rule set loads");
    let mut report = tenderlint::check_paths(
        &[PathBuf::from("fixtures/reports/tender")],
        &[set],
        &tenderlint::CheckOptions {
            fail_on,
            ..Default::default()
        },
    );
    report.files.push(FileEntry {
        path: "fixtures/reports/tender/bilag-3 rapportering.docx".into(),
        format: Some(tenderlint::document::Format::Docx),
        blocks: 12,
        error: None,
        problem: None,
    });
    for r in &mut report.results {
        if r.rule == "HYG-001" {
            r.evidence.push(Evidence {
                file: "fixtures/reports/tender/bilag-3 rapportering.docx".into(),
                line: None,
                column: None,
                location: "¶ 41, table 2 row 3 column 2".into(),
                byte_offset: None,
                byte_length: None,
                section: "3 Rapportering".into(),
                requirement_id: Some("K-17".into()),
                excerpt: "Rapporter <b>som\u{7} i ACME</b> & co".into(),
                coverage: Coverage::Violation,
                modality: tenderlint::text::Modality::Binding,
                matched: Some("acme".into()),
                type_legend: None,
                definition: None,
                fix: None,
                also_at: Vec::new(),
                review: false,
                place: None,
            });
            r.evidence_total = r.evidence.len();
        }
        if r.rule == "HYG-002" {
            r.waiver = Some(Waiver {
                reason: "Begrepet er sitert fra kommunens vedtak".into(),
                origin: "inline".into(),
                expires: Some("2027-06-30".into()),
                approved_by: Some("innkjøpsleder".into()),
                location: Some("fixtures/reports/tender/konkurransegrunnlag.md:9".into()),
            });
        }
    }
    report.summary = tenderlint::findings::Summary::of(&report.results, &report.files);
    report
}

pub(crate) fn options(lang: Lang) -> RenderOptions<'static> {
    RenderOptions {
        lang,
        date: Some(Date::constant(2026, 11, 25)),
        ..RenderOptions::default()
    }
}

fn render(report: &CheckReport, format: Format, lang: Lang) -> String {
    String::from_utf8(report::render(report, format, &options(lang))).expect("UTF-8 output")
}

#[test]
fn fixture_covers_every_status() {
    let report = fixture_report();
    let status = |id: &str| {
        report
            .results
            .iter()
            .find(|r| r.rule == id)
            .map(|r| (r.status, r.ok))
            .expect(id)
    };
    assert_eq!(status("INT-001"), (Status::Met, true));
    assert_eq!(status("ARK-003"), (Status::Weak, true));
    assert_eq!(status("SEC-002"), (Status::Weak, false));
    assert_eq!(status("ARC-010"), (Status::Missing, false));
    assert_eq!(status("USE-004"), (Status::Missing, false));
    assert_eq!(status("HYG-001"), (Status::Violation, false));
    assert_eq!(status("HYG-002"), (Status::Violation, false));
    assert_eq!(status("LEG-001"), (Status::NotApplicable, true));
}

#[test]
fn snapshots() {
    let report = fixture_report();
    for (name, format) in [
        ("sarif", Format::Sarif),
        ("junit", Format::Junit),
        ("gitlab", Format::Gitlab),
        ("github", Format::Github),
        ("compact", Format::Compact),
        ("markdown", Format::Markdown),
    ] {
        insta::assert_snapshot!(name, render(&report, format, Lang::Nb));
    }
    // As `--lang en` resolves it: English messages and suggestions.
    let mut report = report;
    report.suggestion_language = Lang::En;
    insta::assert_snapshot!("markdown_en", render(&report, Format::Markdown, Lang::En));
    insta::assert_snapshot!("compact_en", render(&report, Format::Compact, Lang::En));
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
fn sarif_is_valid_against_the_oasis_schema() {
    let Some(schema) = sarif_schema() else {
        return;
    };
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    let mut report = fixture_report();
    for lang in [Lang::Nb, Lang::En] {
        let value: serde_json::Value =
            serde_json::from_str(&render(&report, Format::Sarif, lang)).expect("SARIF is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "SARIF invalid: {errors:#?}");
    }
    // The validator does reject what GitHub would reject.
    let mut broken: serde_json::Value =
        serde_json::from_str(&render(&report, Format::Sarif, Lang::Nb)).expect("JSON");
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        serde_json::json!(0);
    assert!(!validator.is_valid(&broken));
    // Nynorsk suggestions for a nynorsk tender, still valid.
    report.tender_language = Lang::Nn;
    report.suggestion_language = Lang::Nn;
    let value: serde_json::Value =
        serde_json::from_str(&render(&report, Format::Sarif, Lang::Nb)).expect("SARIF is JSON");
    assert!(validator.is_valid(&value));
    assert!(
        value
            .to_string()
            .contains("Løysinga skal integrerast med kjernejournal.")
    );
}

#[test]
fn sarif_meets_github_code_scanning_constraints() {
    let report = fixture_report();
    let value: serde_json::Value =
        serde_json::from_str(&render(&report, Format::Sarif, Lang::Nb)).expect("JSON");
    let run = &value["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    // Every rule of the results is described, passing ones too.
    assert_eq!(rules.len(), report.results.len());
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    for rule in rules {
        let uri = rule["helpUri"].as_str();
        if let Some(uri) = uri {
            assert!(uri.starts_with("https://"), "{uri}");
        }
    }
    // The help URI falls back to the first valid source; an invalid one is left out.
    let by_id = |id: &str| rules.iter().find(|r| r["id"] == id).expect(id);
    assert_eq!(
        by_id("INT-001")["helpUri"],
        "https://example.org/rules/INT-001"
    );
    assert_eq!(by_id("ARK-003")["helpUri"], "https://example.org/helseid");
    assert!(by_id("SEC-002").get("helpUri").is_none());

    let results = run["results"].as_array().expect("results");
    let mut fingerprints = std::collections::HashSet::new();
    for r in results {
        let id = r["ruleId"].as_str().expect("ruleId");
        assert!(ids.contains(&id));
        assert_eq!(
            rules[r["ruleIndex"].as_u64().expect("index") as usize]["id"],
            id
        );
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(!uri.starts_with('/') && !uri.contains('\\') && !uri.contains(' '));
        assert!(loc["region"]["startLine"].as_u64().expect("startLine") >= 1);
        let fp = r["partialFingerprints"]["tenderlint/logicalIdentity/v1"]
            .as_str()
            .expect("fingerprint");
        assert!(fingerprints.insert(fp.to_string()), "duplicate fingerprint");
    }
    // A missing requirement without near miss points at the main file, line 1.
    let missing = results
        .iter()
        .find(|r| r["ruleId"] == "ARC-010")
        .expect("ARC-010");
    assert_eq!(
        missing["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "fixtures/reports/tender/konkurransegrunnlag.md"
    );
    // Word evidence: line 1, the paragraph in the message and properties.
    let docx = results
        .iter()
        .find(|r| r["properties"]["docxLocation"].is_string())
        .expect("DOCX result");
    assert_eq!(
        docx["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
    assert!(
        docx["message"]["text"]
            .as_str()
            .expect("text")
            .contains("¶ 41")
    );
    // The waived result is a suppression, not a dropped finding.
    let waived = results
        .iter()
        .find(|r| r["ruleId"] == "HYG-002")
        .expect("HYG-002");
    assert_eq!(waived["suppressions"][0]["kind"], "inSource");
    assert_eq!(waived["suppressions"][0]["status"], "accepted");
}

#[test]
fn sarif_fingerprints_ignore_line_numbers() {
    let report = fixture_report();
    let mut moved = report.clone();
    for r in &mut moved.results {
        for e in &mut r.evidence {
            e.line = e.line.map(|l| l + 10);
        }
    }
    let fps = |r: &CheckReport| -> Vec<String> {
        let v: serde_json::Value =
            serde_json::from_str(&render(r, Format::Sarif, Lang::Nb)).expect("JSON");
        v["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| r["partialFingerprints"].to_string())
            .collect()
    };
    assert_eq!(fps(&report), fps(&moved));
}

#[test]
fn junit_parses_with_a_junit_reader() {
    let report = fixture_report();
    // With the default --fail-on error, only SEC-002 (an error) is a failure; the
    // warnings and the info pass with their message.
    let default = render(&report, Format::Junit, Lang::Nb);
    let parsed =
        junit_parser::from_reader(std::io::Cursor::new(default.as_bytes())).expect("JUnit");
    let failed: Vec<&str> = parsed.suites[0]
        .cases
        .iter()
        .filter(|c| c.status.is_failure())
        .map(|c| c.original_name.as_str())
        .collect();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert!(failed[0].starts_with("SEC-002 "));
    let passed_with_message = parsed.suites[0]
        .cases
        .iter()
        .find(|c| c.original_name.starts_with("USE-004 "))
        .expect("USE-004");
    assert!(passed_with_message.status.is_success());
    assert!(
        passed_with_message
            .system_out
            .as_deref()
            .is_some_and(|o| o.contains("advarsel"))
    );
    let report = fixture_report_failing_on(Some(tenderlint::rules::Severity::Info));
    let xml = String::from_utf8(tenderlint::report::render(
        &report,
        Format::Junit,
        &options(Lang::Nb),
    ))
    .expect("UTF-8");
    let parsed = junit_parser::from_reader(std::io::Cursor::new(xml.as_bytes())).expect("JUnit");
    assert_eq!(parsed.suites.len(), 1);
    let suite = &parsed.suites[0];
    assert_eq!(suite.name, "report-fixture");
    assert_eq!(suite.tests, report.results.len() as u64);
    assert_eq!(suite.cases.len(), report.results.len());
    let failures = suite.cases.iter().filter(|c| c.status.is_failure()).count();
    let skipped = suite.cases.iter().filter(|c| c.status.is_skipped()).count();
    assert_eq!(suite.failures, failures as u64);
    assert_eq!(suite.skipped, skipped as u64);
    // SEC-002, ARC-010, USE-004, HYG-001 fail; HYG-002 is waived, LEG-001 not applicable.
    assert_eq!(failures, 4);
    assert_eq!(skipped, 2);
    let hyg = suite
        .cases
        .iter()
        .find(|c| c.original_name.starts_with("HYG-001 "))
        .expect("HYG-001");
    assert_eq!(hyg.classname.as_deref(), Some("report-fixture"));
    match &hyg.status {
        junit_parser::TestStatus::Failure(f) => {
            assert_eq!(f.failure_type, "warning");
            assert!(
                f.text.contains("¶ 41, table 2 row 3 column 2"),
                "{}",
                f.text
            );
            assert!(f.text.contains("<b>som i ACME</b> & co"), "{}", f.text);
        }
        other => panic!("HYG-001 should fail, got {other:?}"),
    }
    assert!(!xml.contains('\u{7}'));
}

#[test]
fn gitlab_issues_are_unique_and_unwaived() {
    let report = fixture_report();
    let value: serde_json::Value =
        serde_json::from_str(&render(&report, Format::Gitlab, Lang::Nb)).expect("JSON");
    let items = value.as_array().expect("array");
    let mut seen = std::collections::HashSet::new();
    for i in items {
        assert!(seen.insert(i["fingerprint"].as_str().expect("fp").to_string()));
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&i["severity"].as_str().expect("severity"))
        );
        assert!(i["location"]["lines"]["begin"].as_u64().expect("begin") >= 1);
        assert!(!i["check_name"].as_str().expect("name").ends_with("HYG-002"));
    }
}

#[test]
fn every_format_is_registered() {
    for (name, format) in Format::ALL {
        assert_eq!(Format::parse(name), Some(*format));
        assert_eq!(format.name(), *name);
    }
}

#[test]
fn html_is_self_contained_and_escaped() {
    let report = fixture_report();
    let html = render(&report, Format::Html, Lang::Nb);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("2026-11-25"));
    // No external assets: no src/href attributes, no <link>, a CSP that forbids fetches.
    assert!(!html.contains(" src="), "external script or image");
    assert!(!html.contains(" href="), "link");
    assert!(!html.contains("<link"));
    assert!(html.contains("default-src 'none'"));
    // Tender text is escaped, control characters dropped.
    assert!(html.contains("Rapporter &lt;b&gt;som i ACME&lt;/b&gt; &amp; co"));
    assert!(!html.contains("<b>som"));
    assert!(!html.contains('\u{7}'));
    assert!(html.contains("&quot;Noark 5&quot;-format &lt;uttrekk&gt;"));
    // Every rule is a row, with its rule set and status for the filters.
    for r in &report.results {
        assert!(html.contains(&format!(">{}</td>", r.rule)), "{}", r.rule);
    }
    assert_eq!(
        html.matches("<tr data-status=").count(),
        report.results.len()
    );
    assert!(html.contains("data-status=\"waived\""));
    assert!(html.contains("data-status=\"not-applicable\""));
    assert!(html.contains("<svg class=\"bar\""));
    assert!(html.contains("class=\"copy\""));
    assert!(html.contains("@media print"));
    assert!(html.contains("Bilag") || html.contains("bilag-2.md"));
    // Balanced elements that the layout depends on.
    for tag in ["table", "tr", "td", "section", "svg", "script", "style"] {
        let open =
            html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        let close = html.matches(&format!("</{tag}>")).count();
        assert_eq!(open, close, "<{tag}>");
    }
    let en = render(&report, Format::Html, Lang::En);
    assert!(en.contains("<html lang=\"en\">") && en.contains("Suggested requirement"));
}

fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Opens the report in headless Chromium: the page must render (a screenshot),
/// its script must run (the filter count is filled in) and log no errors.
#[test]
fn html_renders_in_headless_chromium() {
    let Some(chromium) = chromium() else {
        eprintln!(
            "NOTE: chromium is not installed; the headless-browser test of the HTML report DID NOT RUN (apt-get install -y chromium)"
        );
        return;
    };
    let report = fixture_report();
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("rapport.html");
    std::fs::write(&page, render(&report, Format::Html, Lang::Nb)).expect("write");
    let url = format!("file://{}", page.display());
    let profile = tempfile::tempdir().expect("profile dir");
    let base = |cmd: &mut std::process::Command| {
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=1200,900",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()));
    };
    let shot = dir.path().join("rapport.png");
    let mut cmd = std::process::Command::new(&chromium);
    base(&mut cmd);
    let out = cmd
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .expect("run chromium");
    let png = std::fs::read(&shot).unwrap_or_else(|_| {
        panic!(
            "no screenshot; chromium said: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    // Kept for a person to look at.
    let _ = std::fs::copy(&shot, manifest().join("target/html-report.png"));

    let mut cmd = std::process::Command::new(&chromium);
    base(&mut cmd);
    let out = cmd
        .args(["--enable-logging=stderr", "--v=0", "--dump-dom"])
        .arg(&url)
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&out.stdout);
    let log = String::from_utf8_lossy(&out.stderr);
    let n = report.results.len();
    assert!(
        dom.contains(&format!("{n} / {n}</span>")),
        "the filter script did not run; log:\n{log}"
    );
    for bad in ["Uncaught", "Refused to", "ERR_"] {
        let hit: Vec<&str> = log.lines().filter(|l| l.contains(bad)).collect();
        assert!(hit.is_empty(), "console errors: {hit:#?}");
    }
}

#[test]
fn docx_report_opens_and_holds_the_matrix() {
    let report = fixture_report();
    let bytes = report::render(&report, Format::Docx, &options(Lang::Nb));
    assert!(bytes.starts_with(b"PK"), "not a ZIP");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP archive");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("word/document.xml"),
        &mut xml,
    )
    .expect("UTF-8");
    // Well-formed XML, as Word demands.
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("document.xml is not well-formed: {e}"),
        }
    }
    for r in &report.results {
        assert!(xml.contains(&format!(">{}<", r.rule)), "{}", r.rule);
    }
    for status in [
        "oppfylt",
        "svakt",
        "mangler",
        "brudd",
        "ikke relevant",
        "unntatt",
    ] {
        assert!(xml.contains(status), "{status}");
    }
    assert!(xml.contains("report-fixture@0.3.1"));
    assert!(xml.contains("2026-11-25"));
    assert!(xml.contains("¶ 41, table 2 row 3 column 2"));
    assert!(xml.contains("Rapporter &lt;b&gt;som i ACME&lt;/b&gt; &amp;"));
    assert!(!xml.contains('\u{7}'));
    assert!(xml.contains("Løsningen skal tilfredsstille WCAG 2.1 nivå AA."));
    let en = report::render(&report, Format::Docx, &options(Lang::En));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(en)).expect("ZIP");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("part"),
        &mut xml,
    )
    .expect("UTF-8");
    assert!(xml.contains("Compliance matrix") && xml.contains("missing"));
}

#[test]
fn tender_wide_findings_point_at_the_main_document() {
    let mut report = fixture_report();
    let entry = |path: &str| FileEntry {
        path: path.into(),
        format: Some(tenderlint::document::Format::Markdown),
        blocks: 1,
        error: None,
        problem: None,
    };
    report.files = vec![
        entry("a/bilag-10.md"),
        entry("a\\Bilag 1 krav.md"),
        entry("a/z.md"),
    ];
    assert_eq!(
        tenderlint::report::common::main_file(&report).as_deref(),
        Some("a/Bilag 1 krav.md")
    );
    report.files = vec![entry("a/b.md"), entry("a/Kravspesifikasjon_EPJ.docx")];
    assert_eq!(
        tenderlint::report::common::main_file(&report).as_deref(),
        Some("a/Kravspesifikasjon_EPJ.docx")
    );
    report.files = vec![entry("a/b.md"), entry("a/c.md")];
    assert_eq!(
        tenderlint::report::common::main_file(&report).as_deref(),
        Some("a/b.md")
    );
}
