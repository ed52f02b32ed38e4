//! `POST /api/compare` (issue 28, the page's «Sammenlign»): several tenders in one
//! upload, each named by a `tender` field before its files, compared as
//! `tenderlint compare` compares them; every cell what `/api/check` gives that
//! tender alone; the workbook downloadable; a malformed upload refused with 400.

use crate::serve::{Server, client, form, post_check};
use reqwest::blocking::multipart;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

const ACCURACY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/accuracy");
const TENDERS: [&str; 2] = ["nb-feller", "nn-prosa-heimeteneste"];

fn files_of(tender: &str) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(Path::new(ACCURACY).join(tender))
        .expect("fixture")
        .map(|e| e.expect("entry").path())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("read"))
        })
        .collect();
    files.sort();
    files
}

/// The tenders as the page sends them: a name, then its files, tender by tender.
fn comparison_form(tenders: &[&str]) -> multipart::Form {
    let mut form = multipart::Form::new();
    for tender in tenders {
        form = form.text("tender", tender.to_string());
        for (name, bytes) in files_of(tender) {
            form = form.part("files", multipart::Part::bytes(bytes).file_name(name));
        }
    }
    form.text("lang", "nb")
}

fn post(server: &Server, format: &str, form: multipart::Form) -> reqwest::blocking::Response {
    client()
        .post(server.at(&format!("/api/compare?format={format}")))
        .multipart(form)
        .send()
        .expect("POST /api/compare")
}

#[test]
fn a_comparison_of_uploaded_tenders_gives_each_cell_the_check_of_that_tender_alone() {
    let server = Server::isolated();
    let response = post(&server, "json", comparison_form(&TENDERS));
    assert_eq!(response.status().as_u16(), 200);
    let comparison: Value = serde_json::from_str(&response.text().expect("body")).expect("JSON");
    let names: Vec<&str> = comparison["tenders"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert_eq!(names, TENDERS);
    for (column, tender) in TENDERS.iter().enumerate() {
        let (status, alone) = post_check(&server, form(&files_of(tender)));
        assert_eq!(status, 200);
        for result in alone["results"].as_array().unwrap() {
            let row = comparison["rules"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["rule"] == result["rule"] && r["ruleset"] == result["ruleset"])
                .unwrap_or_else(|| panic!("no row for {}", result["rule"]));
            assert_eq!(
                row["cells"][column]["outcome"], result["outcome"],
                "{tender} {}",
                result["rule"]
            );
        }
    }
}

#[test]
fn the_comparison_downloads_as_a_workbook_and_a_heat_map() {
    let server = Server::isolated();
    let response = post(&server, "xlsx", comparison_form(&TENDERS));
    assert_eq!(response.status().as_u16(), 200);
    let headers = response.headers().clone();
    assert_eq!(
        headers[reqwest::header::CONTENT_TYPE],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(
        headers[reqwest::header::CONTENT_DISPOSITION],
        "attachment; filename=\"tenderlint-sammenligning.xlsx\""
    );
    assert!(response.bytes().expect("bytes").starts_with(b"PK"));
    let response = post(&server, "html", comparison_form(&TENDERS));
    assert_eq!(response.status().as_u16(), 200);
    let html = response.text().expect("text");
    assert!(html.contains("<table id=\"matrix\">") && html.contains("nn-prosa-heimeteneste"));
}

#[test]
fn an_upload_without_tender_names_or_with_an_empty_tender_is_refused() {
    let server = Server::isolated();
    let unnamed = form(&files_of(TENDERS[0]));
    let response = post(&server, "json", unnamed);
    assert_eq!(response.status().as_u16(), 400);
    let body: Value = serde_json::from_str(&response.text().expect("body")).expect("JSON error");
    assert_eq!(body["code"], "compare-unnamed", "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("`tender`"),
        "{body}"
    );
    let empty = comparison_form(&TENDERS[..1]).text("tender", "tom");
    let response = post(&server, "json", empty);
    assert_eq!(response.status().as_u16(), 400);
    let response = post(&server, "terminal", comparison_form(&TENDERS[..1]));
    assert_eq!(response.status().as_u16(), 400);
}

/// The page's «Sammenlign» in a real browser: two tenders added one by one, the
/// matrix shown with each cell the outcome `check` gives that tender alone (its
/// word on its colour), the workbook downloaded, no axe-core WCAG 2.1 A/AA
/// violation.
#[test]
fn the_page_compares_tenders_added_one_by_one_and_downloads_the_workbook() {
    if !crate::serve::browser_test_can_run("the «Sammenlign» browser test") {
        return;
    }
    let server = Server::isolated();
    let seen = drive_compare_page(&["--url", &server.at("/")]);
    assert_eq!(seen["checker"], "server");
    assert_compared_as_check_alone(&seen);
}

/// The same in the static page (scripts/build-web.sh): the tenders compared in
/// the tab by the WebAssembly checker, the workbook made there too.
#[test]
fn the_static_page_compares_tenders_in_the_tab_and_downloads_the_workbook() {
    const SITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/target/web");
    if !crate::web::static_page_test_can_run("the static page's «Sammenlign» test") {
        return;
    }
    let seen = drive_compare_page(&["--dir", SITE]);
    assert_eq!(seen["checker"], "wasm");
    assert_compared_as_check_alone(&seen);
}

/// `tests/browser/compare-page.mjs` with the fixture tenders: what it saw.
fn drive_compare_page(page: &[&str]) -> Value {
    let mut driver = Command::new("node");
    driver
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/compare-page.mjs"))
        .args(page)
        .arg("--chromium")
        .arg(crate::serve::chromium().expect("chromium"));
    for tender in TENDERS {
        driver.args(["--tender", tender]);
        let folder = Path::new(ACCURACY).join(tender);
        driver.args(files_of(tender).iter().map(|(name, _)| folder.join(name)));
    }
    let output = driver.output().expect("node runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the driver's JSON")
}

/// Each tender alone, as `tenderlint check --isolated` judges it.
fn check_alone(tender: &str) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .args(["check", "--isolated", "--format", "json", tender])
        .current_dir(ACCURACY)
        .output()
        .expect("check runs");
    serde_json::from_slice(&output.stdout).expect("check's JSON")
}

fn assert_compared_as_check_alone(seen: &Value) {
    assert_eq!(seen["listed"], serde_json::json!(TENDERS));
    assert_eq!(seen["matrix"]["problem"], "");
    let rows = seen["matrix"]["rows"].as_array().expect("rows");
    for (column, tender) in TENDERS.iter().enumerate() {
        let alone = check_alone(tender);
        let results = alone["results"].as_array().unwrap();
        assert_eq!(rows.len(), results.len(), "one row per rule");
        for result in results {
            let row = rows
                .iter()
                .find(|r| r["rule"] == result["rule"])
                .unwrap_or_else(|| panic!("no row for {}", result["rule"]));
            let (word, background) =
                crate::compare_html::shown(result["outcome"].as_str().unwrap());
            assert_eq!(
                row["cells"][column]["text"], word,
                "{tender} {}",
                result["rule"]
            );
            assert_eq!(
                row["cells"][column]["background"], background,
                "{tender} {}",
                result["rule"]
            );
        }
    }
    assert_eq!(
        seen["workbook"]["state"], "completed",
        "{}",
        seen["workbook"]
    );
    assert_eq!(seen["workbook"]["zip"], true);
    assert_eq!(
        seen["axe"]["violations"],
        serde_json::json!([]),
        "{}",
        seen["axe"]
    );
    assert_eq!(
        seen["seen"],
        serde_json::json!({"console": [], "exceptions": []})
    );
}

/// All the checks of one comparison share one `--time-limit`: past it the
/// request gets 503 and the server goes on.
#[test]
fn a_comparison_over_the_time_limit_is_answered_with_503_and_the_server_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = Server::start(dir.path(), &["--isolated", "--time-limit", "1"]);
    // Two tenders of about 4.5 MB of requirements each: seconds of checking together.
    let mut text = String::from("# Kravspesifikasjon\n\n");
    for i in 0..30_000 {
        text.push_str(&format!(
            "Leverandøren skal levere integrasjon nummer {i} med kjernejournal og e-resept.\n\n"
        ));
    }
    let mut form = multipart::Form::new();
    for name in ["a", "b"] {
        form = form.text("tender", name).part(
            "files",
            multipart::Part::bytes(text.clone().into_bytes()).file_name("stor.md"),
        );
    }
    let started = std::time::Instant::now();
    let response = post(&server, "json", form);
    assert_eq!(response.status().as_u16(), 503);
    let body: Value = serde_json::from_str(&response.text().expect("body")).expect("JSON");
    assert_eq!(body["code"], "took-too-long", "{body}");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    let health = client().get(server.at("/healthz")).send().expect("healthz");
    assert_eq!(health.status().as_u16(), 200);
}
