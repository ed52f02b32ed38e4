//! The static page (issue 26, «the checker in the browser»): `scripts/build-web.sh`
//! builds `target/web/`; `tests/browser/web-page.mjs` hosts it on a plain static
//! server, cuts the network once the page has loaded, drops tenders on it in
//! headless Chromium and reads what the page shows. That must be what
//! `tenderlint check --format json` says of the same files, read by the page
//! alone, with no request after the cut and no axe-core violation.
//!
//! `scripts/test.sh` builds the page first and sets `TENDERLINT_REQUIRE_WEB`;
//! without both (a plain `cargo test`) the test says it did not run.

use super::serve::{browser_test_missing, chromium};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use tenderlint::Lang;
use tenderlint::report::i18n::word;

const SITE: &str = "target/web";

/// The files of a tender folder with one of `extensions`, sorted.
fn tender_files(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| extensions.iter().any(|x| e == *x))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} has tender files", dir.display());
    files
}

/// The real 10-file SSA-L tender of the shared corpora, when they are here
/// (`TENDERLINT_SHARED`, else `../shared` beside this checkout).
fn real_tender() -> Option<PathBuf> {
    let shared = std::env::var_os("TENDERLINT_SHARED").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    );
    let dir = shared.join("corpora/tenders-real/digiskjema-SSA-L");
    dir.is_dir().then_some(dir)
}

/// `tenderlint check --isolated --format json --lang nb` in the tender's folder,
/// with the files by name: the paths evidence carries are the names the page sees.
fn cli_report(files: &[PathBuf]) -> Value {
    let dir = files[0].parent().expect("a folder");
    let output = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .current_dir(dir)
        .args(["check", "--isolated", "--format", "json", "--lang", "nb"])
        .args(files.iter().map(|f| f.file_name().expect("a name")))
        .output()
        .expect("run tenderlint check");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("check's JSON")
}

fn run_driver(tenders: &[(&str, Vec<PathBuf>)]) -> Value {
    let mut command = Command::new("node");
    command
        .arg("tests/browser/web-page.mjs")
        .args(["--dir", SITE])
        .arg("--chromium")
        .arg(chromium().expect("chromium"));
    for (name, files) in tenders {
        command.args(["--tender", name]).args(files);
    }
    let output = command.output().expect("run the browser driver");
    assert!(
        output.status.success(),
        "the driver failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("driver JSON")
}

fn count(expected: &Value, key: &str) -> u64 {
    expected["summary"][key].as_u64().unwrap()
}

/// Every rule's status and evidence on the page are the CLI's, and so are the
/// files read and the totals.
fn assert_page_shows(seen: &Value, expected: &Value) {
    let name = &seen["name"];
    assert_eq!(seen["problem"], "", "{name}");
    let totals = seen["totals"].as_str().unwrap();
    // The one tally every format shows (issue 25), in the page's words.
    let want = format!(
        "{} regler · {} oppfylt · {} svakt · {} mangler · {} brudd · {} bestått · {} ikke relevant · {} unntatt",
        count(expected, "rules"),
        count(expected, "met"),
        count(expected, "weak"),
        count(expected, "missing"),
        count(expected, "violation"),
        count(expected, "passed"),
        count(expected, "not_applicable"),
        count(expected, "waived")
    );
    assert_eq!(totals, want, "{name}");

    // The services line and the notices, as the CLI says them; on the page the
    // services are changed with its checkboxes, not the flag.
    let cli_line = expected["services_statement"].as_str().unwrap();
    let assumed = cli_line
        .split(word(Lang::Nb, "services-if-wrong"))
        .next()
        .unwrap();
    let line = seen["servicesLine"].as_str().unwrap();
    assert!(line.starts_with(assumed.trim_end()), "{name}: {line}");
    assert!(!line.contains("--services"), "{name}: {line}");
    let notices: Vec<String> = expected["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let severity = match n["level"].as_str().unwrap() {
                "error" => "feil",
                "warning" => "advarsel",
                _ => "info",
            };
            format!("{severity}: {}", n["message"].as_str().unwrap())
        })
        .collect();
    assert_eq!(seen["notices"], serde_json::json!(notices), "{name}");

    let files: Vec<String> = expected["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} – lest ({} avsnitt og celler)",
                f["path"].as_str().unwrap(),
                f["blocks"]
            )
        })
        .collect();
    assert_eq!(seen["files"], serde_json::json!(files), "{name}");

    let shown = seen["rules"].as_array().unwrap();
    let results = expected["results"].as_array().unwrap();
    assert_eq!(shown.len(), results.len(), "{name}: every rule is shown");
    for result in results {
        let rule = result["rule"].as_str().unwrap();
        let on_page = shown
            .iter()
            .find(|r| r["rule"] == rule)
            .unwrap_or_else(|| panic!("{name}: {rule} is not on the page"));
        assert_eq!(on_page["status"], result["status"], "{name}: {rule}");
        let evidence = result["evidence"].as_array().unwrap();
        let page_evidence = on_page["evidence"].as_array().unwrap();
        assert_eq!(page_evidence.len(), evidence.len(), "{name}: {rule}");
        for (page, cli) in page_evidence.iter().zip(evidence) {
            assert_eq!(page["excerpt"], cli["excerpt"], "{name}: {rule}");
            let place = page["where"].as_str().unwrap();
            for key in ["file", "location"] {
                let part = cli[key].as_str().unwrap();
                assert!(place.contains(part), "{name}: {rule}: {place} lacks {part}");
            }
        }
    }
}

/// The Word, HTML and JSON reports and the reviewed documents were made in the
/// browser, the JSON report equal to the CLI's in everything it says about the tender.
fn assert_downloads(downloads: &Value, expected: &Value) {
    let word = &downloads["docx"];
    assert_eq!(word["state"], "completed", "{word}");
    assert_eq!(word["name"], "tenderlint-rapport.docx");
    assert_eq!(word["zip"], true);
    let html = &downloads["html"];
    assert_eq!(html["name"], "tenderlint-rapport.html", "{html}");
    let text = html["text"].as_str().unwrap();
    let first = expected["results"][0]["rule"].as_str().unwrap();
    assert!(text.contains("<html") && text.contains(first), "{html}");
    // Two Word files: their reviewed copies come as one zip.
    let review = &downloads["review"];
    assert_eq!(review["state"], "completed", "{review}");
    assert_eq!(review["name"], "tenderlint-gjennomgang.zip");
    assert_eq!(review["zip"], true);
    let json = &downloads["json"];
    assert_eq!(json["name"], "tenderlint-rapport.json", "{json}");
    let report: Value = serde_json::from_str(json["text"].as_str().unwrap()).unwrap();
    for key in ["files", "services", "results", "notices", "summary"] {
        assert_eq!(report[key], expected[key], "the downloaded JSON's {key}");
    }
}

#[test]
fn the_static_page_checks_offline_in_chromium_as_the_cli_does_and_passes_axe() {
    if !static_page_test_can_run("the browser test of the static page") {
        return;
    }
    // The Markdown tender with an empty file beside it, which the page must note.
    let markdown = tempfile::tempdir().expect("temp dir");
    for file in tender_files(Path::new("fixtures/tenders/nn-heimeteneste"), &["md"]) {
        let copy = markdown.path().join(file.file_name().expect("a name"));
        std::fs::copy(&file, copy).expect("copy the fixture");
    }
    std::fs::write(markdown.path().join("tom.md"), "").expect("write an empty file");
    let mut tenders = vec![
        (
            "nb-legevakt (Word)",
            tender_files(Path::new("fixtures/tenders-docx/nb-legevakt"), &["docx"]),
        ),
        (
            "nn-heimeteneste (Markdown, one file empty)",
            tender_files(markdown.path(), &["md"]),
        ),
    ];
    match real_tender() {
        Some(dir) => tenders.push(("SSA-L (real, 10 files)", tender_files(&dir, &["docx"]))),
        None => eprintln!("note: the real SSA-L tender is absent (no ../shared); fixtures only"),
    }
    let expected: Vec<Value> = tenders.iter().map(|(_, files)| cli_report(files)).collect();
    let seen = run_driver(&tenders);

    // Loaded from the static server, checked by WebAssembly, then nothing more asked of the network.
    assert_eq!(seen["start"]["ready"], true, "{}", seen["start"]);
    assert_eq!(seen["start"]["checker"], "wasm");
    assert!(
        seen["servedBeforeCut"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p.as_str().unwrap().ends_with(".wasm")),
        "{}",
        seen["servedBeforeCut"]
    );
    assert_eq!(seen["seen"]["requestsAfterCut"], serde_json::json!([]));

    let shown = seen["tenders"].as_array().unwrap();
    assert_eq!(shown.len(), tenders.len());
    for (page, cli) in shown.iter().zip(&expected) {
        assert_page_shows(page, cli);
    }
    assert!(
        shown[1]["notices"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap().contains("tom.md er tom")),
        "{}",
        shown[1]
    );
    assert_downloads(&shown[0]["downloads"], &expected[0]);

    let violations = &seen["axe"]["violations"];
    assert_eq!(
        violations,
        &serde_json::json!([]),
        "axe-core: {violations:#}"
    );
    for kind in ["console", "exceptions", "log"] {
        assert_eq!(seen["seen"][kind], serde_json::json!([]), "{kind}");
    }
}

/// Whether a test of the static page can run here: a browser test that can, and
/// `target/web` built. Where not, it says so and the test returns — unless
/// `TENDERLINT_REQUIRE_WEB` is set (scripts/test.sh builds the page), where it fails.
pub(super) fn static_page_test_can_run(what: &str) -> bool {
    let missing = browser_test_missing().or_else(|| {
        (!Path::new(SITE).join("index.html").is_file())
            .then(|| format!("{SITE} is not built (scripts/build-web.sh)"))
    });
    let Some(missing) = missing else {
        return true;
    };
    assert!(
        std::env::var_os("TENDERLINT_REQUIRE_WEB").is_none(),
        "{what} cannot run: {missing}"
    );
    eprintln!("NOTE: {what} DID NOT RUN: {missing}");
    false
}
