//! `tenderlint serve` through HTTP: the real binary on an ephemeral port, the way
//! the page and scripts reach it.

use reqwest::blocking::{Client, multipart};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const TENDER: &str = "fixtures/tenders-docx/nb-legevakt";

/// A running `tenderlint serve`; stopped with Ctrl-C (SIGINT) when dropped.
pub(super) struct Server {
    pub(super) child: Child,
    pub(super) url: String,
    stderr: std::process::ChildStderr,
}

impl Server {
    pub(super) fn start(dir: &Path, args: &[&str]) -> Server {
        Server::spawn(Command::new(env!("CARGO_BIN_EXE_tenderlint")), dir, args)
    }

    /// Starts `command` (the binary, perhaps with limits set) as the server.
    pub(super) fn spawn(mut command: Command, dir: &Path, args: &[&str]) -> Server {
        let mut child = command
            .arg("serve")
            .args(["--port", "0"])
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start tenderlint serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the server's first line");
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in `{line}`"))
            .trim_end_matches('/')
            .to_string();
        let stderr = child.stderr.take().expect("stderr");
        Server { child, url, stderr }
    }

    pub(super) fn isolated() -> Server {
        let dir = tempfile::tempdir().expect("tempdir");
        Server::start(dir.path(), &["--isolated"])
    }

    pub(super) fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    /// `signal` twice, `gap` apart, and the exit status if the server exits
    /// within `within` of the second (it must still run after the first).
    pub(super) fn signal_twice(
        mut self,
        signal: i32,
        gap: Duration,
        within: Duration,
    ) -> (Option<std::process::ExitStatus>, String) {
        let pid = self.child.id() as i32;
        // SAFETY: kill(2) on our own child's pid has no memory effects.
        unsafe {
            libc::kill(pid, signal);
        }
        std::thread::sleep(gap);
        assert!(
            matches!(self.child.try_wait(), Ok(None)),
            "the first signal should let the request in flight finish"
        );
        // SAFETY: as above.
        unsafe {
            libc::kill(pid, signal);
        }
        let started = std::time::Instant::now();
        let mut status = None;
        while started.elapsed() < within {
            if let Ok(Some(s)) = self.child.try_wait() {
                status = Some(s);
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let mut stderr = String::new();
        if status.is_some() {
            let _ = self.stderr.read_to_string(&mut stderr);
        }
        (status, stderr)
    }

    /// Ctrl-C, then the exit status and what the server wrote to stderr.
    fn interrupt(mut self) -> (std::process::ExitStatus, String) {
        // SAFETY: kill(2) on our own child's pid has no memory effects.
        unsafe {
            libc::kill(self.child.id() as i32, libc::SIGINT);
        }
        let status = self.child.wait().expect("wait for the server");
        let mut stderr = String::new();
        let _ = self.stderr.read_to_string(&mut stderr);
        (status, stderr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

pub(super) fn client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(120))
        .build()
        .expect("client")
}

fn tender_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(TENDER)
        .expect("fixture tender")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "the fixture tender has several files");
    files
}

pub(super) fn form(files: &[(String, Vec<u8>)]) -> multipart::Form {
    files
        .iter()
        .fold(multipart::Form::new(), |form, (name, bytes)| {
            form.part(
                "files",
                multipart::Part::bytes(bytes.clone()).file_name(name.clone()),
            )
        })
}

pub(super) fn read_tender() -> Vec<(String, Vec<u8>)> {
    tender_files()
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read(p).expect("read fixture"),
            )
        })
        .collect()
}

pub(super) fn post_check(server: &Server, form: multipart::Form) -> (u16, Value) {
    let response = client()
        .post(server.at("/api/check"))
        .multipart(form)
        .send()
        .expect("POST /api/check");
    let status = response.status().as_u16();
    let body: Value = serde_json::from_str(&response.text().expect("body")).expect("JSON body");
    (status, body)
}

/// A piece of evidence as `(file name, location, requirement id)`.
type Place = (String, String, String);

/// `(rule, status, evidence places)` per result.
fn statuses(report: &Value) -> Vec<(String, String, Vec<Place>)> {
    report["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            let evidence = r["evidence"]
                .as_array()
                .expect("evidence")
                .iter()
                .map(|e| {
                    let file = e["file"].as_str().unwrap_or("");
                    let name = Path::new(file)
                        .file_name()
                        .map(|n| n.to_string_lossy().to_string())
                        .unwrap_or_default();
                    (
                        name,
                        e["location"].as_str().unwrap_or("").to_string(),
                        e["requirement_id"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect();
            (
                r["rule"].as_str().unwrap_or("").to_string(),
                r["status"].as_str().unwrap_or("").to_string(),
                evidence,
            )
        })
        .collect()
}

#[test]
fn a_multi_file_word_tender_gets_the_statuses_and_evidence_the_cli_gives() {
    let server = Server::isolated();
    let (status, served) = post_check(&server, form(&read_tender()));
    assert_eq!(status, 200, "{served}");

    let cli = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .args(["check", "--isolated", "--format", "json"])
        .args(tender_files())
        .output()
        .expect("run check");
    let expected: Value = serde_json::from_slice(&cli.stdout).expect("CLI JSON");

    assert_eq!(served["format_version"], expected["format_version"]);
    assert_eq!(served["summary"], expected["summary"]);
    assert_eq!(statuses(&served), statuses(&expected));
    // Evidence names the uploaded file, not a temporary path.
    let names: Vec<&str> = served["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["bilag-1-kravspesifikasjon.docx", "konkurransegrunnlag.docx"]
    );
    assert!(
        served["summary"]["met"].as_u64().unwrap() > 0
            && served["summary"]["missing"].as_u64().unwrap() > 0,
        "the fixture has both met and missing rules: {}",
        served["summary"]
    );
}

#[test]
fn a_corrupt_and_a_legacy_file_are_listed_with_their_error_beside_the_results() {
    let server = Server::isolated();
    let mut files = read_tender();
    files.push(("ødelagt.docx".into(), b"this is no zip archive".to_vec()));
    files.push(("gammel.doc".into(), b"\xd0\xcf\x11\xe0 legacy".to_vec()));
    let (status, body) = post_check(&server, form(&files));
    assert_eq!(status, 200, "{body}");
    let entries = body["files"].as_array().unwrap();
    let error_of = |name: &str| {
        entries
            .iter()
            .find(|f| f["path"] == name)
            .and_then(|f| f["error"].as_str())
            .unwrap_or_else(|| panic!("no error for {name}: {body}"))
            .to_string()
    };
    // Worded for the people who wrote the file, the technical cause beside it.
    assert!(error_of("ødelagt.docx").contains("Word"), "{body}");
    assert!(error_of("gammel.doc").contains(".doc"), "{body}");
    let detail_of = |name: &str| {
        entries
            .iter()
            .find(|f| f["path"] == name)
            .and_then(|f| f["detail"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    assert!(detail_of("ødelagt.docx").contains("zip"), "{body}");
    assert_eq!(body["summary"]["unreadable_files"], 2);
    assert!(body["summary"]["met"].as_u64().unwrap() > 0);

    // With nothing readable there is no tender: 422 and the reasons, never a 500 —
    // in the page's language, each file's error worded as beside the results (issue 25).
    let (status, body) = post_check(&server, form(&files[2..]));
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["files"].as_array().unwrap().len(), 2);
    assert_eq!(body["error"], "Ingen av filene kunne leses", "{body}");
    let worded = &body["files"][0]["error"];
    assert!(worded.as_str().unwrap().contains("Word-dokument"), "{body}");
    let (status, body) = post_check(&server, form(&files[2..]).text("lang", "nn"));
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"], "Ingen av filene kunne lesast", "{body}");
}

#[test]
fn an_upload_over_the_limit_gets_413_with_a_json_error() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &["--isolated", "--max-upload", "1"]);
    let big = vec![b'a'; 2 * 1024 * 1024];
    // Without a declared length the limit is met while reading. (A declared one
    // is answered from the header: serve_safety::an_upload_declared_over_the_limit_…)
    let stream = multipart::Part::reader(std::io::Cursor::new(big)).file_name("big.md");
    let (status, body) = post_check(&server, multipart::Form::new().part("files", stream));
    assert_eq!(status, 413, "{body}");
    assert!(body["error"].as_str().unwrap().contains("1 MiB"), "{body}");
    assert_eq!(body["code"], "too-large", "{body}");

    // The server is still there for the next request.
    let (status, _) = post_check(&server, form(&[("small.md".into(), b"# Krav\n".to_vec())]));
    assert_eq!(status, 200);
}

#[test]
fn a_check_over_the_time_limit_is_answered_with_503_and_the_server_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &["--isolated", "--time-limit", "1"]);
    // About 9 MB of requirements: several seconds of checking in a test build
    // even on idle cores (the check goes on after the answer; the server is
    // killed when the test ends).
    let mut text = String::from("# Kravspesifikasjon\n\n");
    for i in 0..60_000 {
        text.push_str(&format!(
            "Leverandøren skal levere integrasjon nummer {i} med kjernejournal og e-resept, \
             og løsningen bør ha god brukervennlighet.\n\n"
        ));
    }
    let started = std::time::Instant::now();
    let (status, body) = post_check(&server, form(&[("stor.md".into(), text.into_bytes())]));
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["code"], "took-too-long", "{body}");
    assert!(body["error"].as_str().unwrap().contains(" 1 s "), "{body}");
    assert!(started.elapsed() < Duration::from_secs(10));
    let health = client().get(server.at("/healthz")).send().unwrap();
    assert_eq!(health.status().as_u16(), 200);
}

#[test]
fn concurrent_requests_are_all_answered_alike() {
    let server = Server::isolated();
    let files = read_tender();
    let answers: Vec<(u16, Value)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| scope.spawn(|| post_check(&server, form(&files))))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let first = statuses(&answers[0].1);
    for (status, body) in &answers {
        assert_eq!(*status, 200);
        assert_eq!(statuses(body), first);
    }
}

#[test]
fn unknown_routes_wrong_methods_and_bad_fields_answer_json_errors() {
    let server = Server::isolated();
    let client = client();
    let response = client.get(server.at("/nope")).send().unwrap();
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "application/json"
    );
    let body: Value = serde_json::from_str(&response.text().unwrap()).unwrap();
    assert!(body["error"].is_string());

    let response = client.get(server.at("/api/check")).send().unwrap();
    assert_eq!(response.status().as_u16(), 405);

    let response = client
        .post(server.at("/api/check"))
        .body("not multipart")
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);

    let (status, body) = post_check(
        &server,
        form(&read_tender()).text("ruleset", "../../etc/passwd"),
    );
    assert_eq!(status, 400, "{body}");

    let (status, body) = post_check(&server, form(&read_tender()).text("services", "sykehus"));
    assert_eq!(status, 400, "{body}");
    assert!(body["error"].as_str().unwrap().contains("sykehus"));

    // A service given in the request is declared for the check.
    let (status, body) = post_check(
        &server,
        form(&read_tender()).text("services", "sykehjem,legevakt"),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["services"]["declared"],
        serde_json::json!(["legevakt", "sykehjem"])
    );
}

#[test]
fn reports_download_with_their_content_type_and_file_name() {
    let server = Server::isolated();
    let client = client();
    for (format, content_type, name) in [
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "tenderlint-rapport.docx",
        ),
        (
            "html",
            "text/html; charset=utf-8",
            "tenderlint-rapport.html",
        ),
        (
            "sarif",
            "application/sarif+json",
            "tenderlint-rapport.sarif",
        ),
        (
            "markdown",
            "text/markdown; charset=utf-8",
            "tenderlint-rapport.md",
        ),
    ] {
        let response = client
            .post(server.at(&format!("/api/report?format={format}")))
            .multipart(form(&read_tender()))
            .send()
            .unwrap();
        assert_eq!(response.status().as_u16(), 200, "{format}");
        let headers = response.headers().clone();
        assert_eq!(headers["content-type"], content_type);
        assert_eq!(
            headers["content-disposition"],
            format!("attachment; filename=\"{name}\"").as_str()
        );
        let bytes = response.bytes().unwrap();
        match format {
            "docx" => assert!(bytes.starts_with(b"PK")),
            "sarif" => {
                let sarif: Value = serde_json::from_slice(&bytes).unwrap();
                assert_eq!(sarif["version"], "2.1.0");
            }
            _ => assert!(String::from_utf8_lossy(&bytes).contains("INT-007")),
        }
    }
    let response = client
        .post(server.at("/api/report?format=pdf"))
        .multipart(form(&read_tender()))
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
}

#[test]
fn the_page_and_its_assets_are_served_under_a_strict_csp() {
    let server = Server::isolated();
    let client = client();
    let page = client.get(server.at("/")).send().unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("default-src 'self'") && !csp.contains("unsafe-inline"));
    assert!(page.headers().get("set-cookie").is_none());
    let html = page.text().unwrap();
    // Relative asset paths: the same page is the static build's, which may be hosted in a folder.
    assert!(html.contains(r#"<script src="app.js""#) && !html.contains("<script>"));
    assert!(html.contains(r#"<script src="checker.js""#));
    for (path, kind) in [
        ("/app.js", "text/javascript"),
        ("/checker.js", "text/javascript"),
        ("/words.js", "text/javascript"),
        ("/compare.js", "text/javascript"),
        ("/app.css", "text/css"),
        ("/favicon.svg", "image/svg+xml"),
    ] {
        let asset = client.get(server.at(path)).send().unwrap();
        assert_eq!(asset.status().as_u16(), 200, "{path}");
        assert!(
            asset.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with(kind)
        );
    }
    let health: Value = serde_json::from_str(
        &client
            .get(server.at("/healthz"))
            .send()
            .unwrap()
            .text()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(health["status"], "ok");
    let rules: Value = serde_json::from_str(
        &client
            .get(server.at("/api/rules?lang=en"))
            .send()
            .unwrap()
            .text()
            .unwrap(),
    )
    .unwrap();
    let ids: Vec<&str> = rules["rulesets"][0]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"INT-001"));
    assert!(
        rules["services"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == "legevakt")
    );
}

#[test]
fn the_server_reads_the_configuration_of_the_tender_repository_like_check() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(
        dir.path().join("tenderlint.yaml"),
        "rulesets:\n  - ks-felles-journalloft@1.0.0\nservices: [sykehjem]\nlang: en\n\
         waivers:\n  - rule: INT-007\n    reason: \"Decided by the steering group\"\n",
    )
    .unwrap();
    let server = Server::start(dir.path(), &[]);
    // The page starts from the configuration's language and services.
    let rules: Value = serde_json::from_str(
        &client()
            .get(server.at("/api/rules"))
            .send()
            .unwrap()
            .text()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(rules["defaults"]["lang"], "en");
    assert_eq!(
        rules["defaults"]["services"],
        serde_json::json!(["sykehjem"])
    );
    let (status, body) = post_check(&server, form(&read_tender()));
    assert_eq!(status, 200, "{body}");
    let sets: Vec<&str> = body["ruleset"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(sets, ["ks-felles-journalloft"]);
    assert_eq!(body["services"]["declared"][0], "sykehjem");
    assert_eq!(body["lang"], "en");
    let waived = body["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "INT-007")
        .unwrap();
    assert_eq!(waived["waiver"]["reason"], "Decided by the steering group");

    // The same tender through `check` inside the same repository: the same statuses.
    let tender = dir.path().join("tender");
    std::fs::create_dir(&tender).unwrap();
    for file in tender_files() {
        std::fs::copy(&file, tender.join(file.file_name().unwrap())).unwrap();
    }
    let output = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .args(["check", "--format", "json", "tender"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let expected: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(expected["services"]["declared"][0], "sykehjem");
    assert_eq!(statuses(&body), statuses(&expected));
}

#[test]
fn ctrl_c_stops_the_server_cleanly_and_other_addresses_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &["--isolated", "--addr", "0.0.0.0"]);
    let health = client().get(server.at("/healthz")).send().unwrap();
    assert_eq!(health.status().as_u16(), 200);
    let (status, stderr) = server.interrupt();
    assert!(status.success(), "{status:?}");
    assert!(stderr.contains("no login"), "{stderr}");

    let server = Server::isolated();
    let (status, stderr) = server.interrupt();
    assert!(status.success());
    assert!(!stderr.contains("no login"), "{stderr}");
}

pub(super) fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Whether a browser test can run here. Where it cannot, it says so and the test
/// returns — unless `TENDERLINT_REQUIRE_BROWSER` is set (scripts/test.sh installs all
/// it needs), where a test that cannot run fails.
pub(super) fn browser_test_can_run(what: &str) -> bool {
    let Some(missing) = browser_test_missing() else {
        return true;
    };
    assert!(
        std::env::var_os("TENDERLINT_REQUIRE_BROWSER").is_none(),
        "{what} cannot run: {missing}"
    );
    eprintln!("NOTE: {what} DID NOT RUN: {missing}");
    false
}

/// What keeps the browser test from running, if anything.
pub(super) fn browser_test_missing() -> Option<String> {
    if chromium().is_none() {
        return Some("chromium is not installed (apt-get install -y chromium)".into());
    }
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|o| o.status.success()) {
        return Some("node is not installed (apt-get install -y nodejs npm)".into());
    }
    if !Path::new("tests/browser/node_modules/chrome-remote-interface").is_dir()
        || !Path::new("tests/browser/node_modules/axe-core").is_dir()
    {
        return Some(
            "the driver's npm packages are missing (npm ci --prefix tests/browser)".into(),
        );
    }
    None
}

/// The page in a real browser: files set on the file input, the check started
/// with the keyboard, the result read from the DOM, a requirement text copied,
/// a screenshot taken (docs/serve.png, for the README), and axe-core's WCAG 2.1
/// A/AA rules with no serious or critical violation.
#[test]
fn the_page_works_in_headless_chromium_and_passes_axe() {
    if !browser_test_can_run("the browser test of `tenderlint serve`") {
        return;
    }
    let server = Server::isolated();
    // The tender's files and, beside them, one that is not Word at all.
    let scratch = tempfile::tempdir().unwrap();
    let corrupt = scratch.path().join("skadet.docx");
    std::fs::write(&corrupt, b"not a zip archive").unwrap();
    // And an empty one, which the check notes.
    let empty = scratch.path().join("tom.md");
    std::fs::write(&empty, b"").unwrap();
    let mut files = read_tender();
    files.push(("skadet.docx".into(), b"not a zip archive".to_vec()));
    files.push(("tom.md".into(), Vec::new()));
    let (status, expected) = post_check(&server, form(&files));
    assert_eq!(status, 200);

    let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/serve.png");
    let seen = run_browser_driver(&server, &shot, &[&corrupt, &empty]);
    assert_summary_files_and_download(&seen, &expected);
    assert_order_and_evidence(&seen, &expected);
    assert_todo_first_and_in_view(&seen, &expected);
    assert_copy_filter_and_axe(&seen, &expected);
    assert_nynorsk_and_no_errors(&seen, &expected);
    assert_services_line_and_notices(&seen, &expected);
    let png = std::fs::read(&shot).expect("screenshot");
    assert!(png.starts_with(b"\x89PNG"));
}

/// `tests/browser/serve-page.mjs` on the page: what it saw, as JSON.
fn run_browser_driver(server: &Server, shot: &Path, extra: &[&Path]) -> Value {
    let output = Command::new("node")
        .arg("tests/browser/serve-page.mjs")
        .args(["--url", &server.at("/")])
        .arg("--chromium")
        .arg(chromium().unwrap())
        .arg("--screenshot")
        .arg(shot)
        .args(tender_files())
        .args(extra)
        .output()
        .expect("run the browser driver");
    assert!(
        output.status.success(),
        "the driver failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("driver JSON")
}

/// A count of the server's summary.
fn count(expected: &Value, key: &str) -> u64 {
    expected["summary"][key].as_u64().unwrap()
}

fn assert_summary_files_and_download(seen: &Value, expected: &Value) {
    let count = |key: &str| count(expected, key);
    // The summary the page shows is the server's one tally, in the outcome words
    // of every format.
    let totals = seen["dom"]["totals"].as_str().unwrap();
    assert_eq!(
        totals,
        format!(
            "{} regler · {} oppfylt · {} svakt · {} mangler · {} brudd · {} bestått · {} ikke relevant · {} unntatt",
            count("rules"),
            count("met"),
            count("weak"),
            count("missing"),
            count("violation"),
            count("passed"),
            count("not_applicable"),
            count("waived")
        )
    );
    assert_eq!(seen["lang"], "nb");
    let listed: Vec<&str> = seen["dom"]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(listed.len(), 4, "{listed:?}");
    assert!(
        listed
            .iter()
            .any(|f| f.starts_with("skadet.docx – kunne ikke leses: ikke et Word-dokument (.docx)")),
        "{listed:?}"
    );

    // The Word report downloads from the page.
    let word = &seen["word"];
    assert_eq!(word["state"], "completed", "{word}");
    assert_eq!(word["name"], "tenderlint-rapport.docx");
    assert_eq!(word["zip"], true);
    assert_eq!(
        seen["focusVisible"], true,
        "the focused button shows its focus"
    );
    assert!(seen["dom"]["chart"].as_array().unwrap().len() >= 3);
}

fn assert_order_and_evidence(seen: &Value, expected: &Value) {
    let count = |key: &str| count(expected, key);
    // Missing first.
    let order: Vec<&str> = seen["dom"]["order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(order.len() as u64, count("rules"));
    let first_fine = order.iter().position(|r| r.ends_with(":met")).unwrap();
    assert!(order[..first_fine].iter().any(|r| r.ends_with(":missing")));
    assert!(!order[first_fine..].iter().any(|r| r.ends_with(":missing")));

    // One rule's evidence, as the server found it.
    let evidence = &seen["dom"]["evidence"];
    let rule = evidence["rule"].as_str().unwrap();
    let result = expected["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == rule)
        .unwrap();
    let first = &result["evidence"][0];
    let where_ = evidence["where"].as_str().unwrap();
    assert!(where_.contains(first["file"].as_str().unwrap()), "{where_}");
    assert!(
        where_.contains(first["location"].as_str().unwrap()),
        "{where_}"
    );
    assert_eq!(evidence["excerpt"], first["excerpt"]);
}

/// Issue 25.3: the result is scrolled into view and focused when it arrives, and
/// opens on a to-do list — every failing rule, errors first, then warnings, then
/// info, severity in a word and a shape — before the (folded) list of every rule.
fn assert_todo_first_and_in_view(seen: &Value, expected: &Value) {
    let arrived = &seen["arrived"];
    assert_eq!(arrived["inView"], true, "{arrived}");
    assert_eq!(arrived["focused"], "result", "{arrived}");
    let todo = &seen["todo"];
    assert_eq!(todo["beforeAllRules"], true, "{todo}");
    assert_eq!(todo["allRulesOpen"], false, "{todo}");
    let items = todo["items"].as_array().unwrap();
    assert_eq!(items.len() as u64, count(expected, "failed"), "{todo}");
    assert_eq!(
        todo["title"],
        format!("Å rette ({})", count(expected, "failed"))
    );
    let rank = |w: &str| match w {
        "feil" => 0,
        "advarsel" => 1,
        "info" => 2,
        other => panic!("severity word {other}"),
    };
    let ranks: Vec<u8> = items
        .iter()
        .map(|i| rank(i["severity"].as_str().unwrap()))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    assert_eq!(ranks.first(), Some(&0), "an error first: {todo}");
    for item in items {
        assert_eq!(item["open"], false, "details folded: {item}");
        let shape = item["shape"].as_str().unwrap();
        assert!(["■", "▲", "●"].contains(&shape), "{item}");
        let result = expected["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["rule"] == item["rule"])
            .unwrap();
        assert_eq!(item["message"], result["message"], "{item}");
    }
    // The chart's tally per category is the server's.
    let tallies = todo["chartTallies"].as_array().unwrap();
    assert_eq!(
        tallies.len(),
        expected["summary"]["categories"].as_array().unwrap().len()
    );
}

fn assert_copy_filter_and_axe(seen: &Value, expected: &Value) {
    // The copy button put the requirement text on the clipboard and said so.
    let copy = &seen["copy"];
    assert_eq!(copy["copied"], "yes", "{copy}");
    assert_eq!(copy["clipboard"], copy["text"], "{copy}");
    assert_eq!(copy["announced"], "Kravteksten er kopiert.");
    let copied_rule = expected["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == copy["rule"])
        .unwrap();
    assert_eq!(copy["text"], copied_rule["suggestion"]);

    let filtered = &seen["filtered"];
    assert_eq!(filtered["onlyMissing"], true, "{filtered}");

    // Accessibility: no serious or critical WCAG 2.1 A/AA violation.
    let serious: Vec<&Value> = seen["axe"]["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .collect();
    assert!(serious.is_empty(), "axe-core: {serious:#?}");
    assert!(seen["axe"]["passes"].as_u64().unwrap() > 10);
}

fn assert_nynorsk_and_no_errors(seen: &Value, expected: &Value) {
    let too_large = &seen["tooLarge"];
    assert_eq!(too_large["limit"], 100 * 1024 * 1024, "{too_large}");
    assert!(
        too_large["text"]
            .as_str()
            .is_some_and(|t| t.contains("--max-upload")),
        "{too_large}"
    );
    let count = |key: &str| count(expected, key);
    let nynorsk = &seen["nynorsk"];
    assert_eq!(nynorsk["lang"], "nn");
    assert_eq!(nynorsk["run"], "Sjekk filene");
    assert_eq!(nynorsk["badge"], "manglar", "{nynorsk}");
    assert!(
        nynorsk["totals"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{} reglar · ", count("rules"))),
        "{nynorsk}"
    );

    // No script error, no CSP refusal, no failed load.
    for key in ["console", "exceptions", "log"] {
        assert!(
            seen["seen"][key].as_array().unwrap().is_empty(),
            "{key}: {}",
            seen["seen"][key]
        );
    }
}

/// Issue 25: the page says what the terminal says after a check — which services
/// were assumed and how to change them there (its checkboxes, not a flag), and
/// each notice (here: an empty file) — worded by the checker in the page's language.
fn assert_services_line_and_notices(seen: &Value, expected: &Value) {
    use tenderlint::Lang;
    use tenderlint::report::i18n::word;
    let line = seen["dom"]["servicesLine"].as_str().unwrap();
    assert_eq!(line, expected["services_statement"], "{line}");
    assert!(line.starts_with("Tjenester: "), "{line}");
    assert!(!line.contains("--services"), "the page has no flag: {line}");
    if line.contains(word(Lang::Nb, "services-if-wrong")) {
        assert!(
            line.contains(word(Lang::Nb, "services-change-page")),
            "{line}"
        );
    }
    let notices: Vec<String> = expected["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let level = n["level"].as_str().unwrap();
            let severity = match level {
                "error" => "feil",
                "warning" => "advarsel",
                _ => "info",
            };
            format!("{severity}: {}", n["message"].as_str().unwrap())
        })
        .collect();
    assert_eq!(seen["dom"]["notices"], serde_json::json!(notices));
    assert!(
        notices.iter().any(|n| n.contains("tom.md er tom")),
        "{notices:?}"
    );
    let nynorsk = &seen["nynorsk"];
    assert!(
        nynorsk["servicesLine"]
            .as_str()
            .is_some_and(|l| l.starts_with("Tenester: ")),
        "{nynorsk}"
    );
    assert!(
        nynorsk["notices"].as_array().unwrap().iter().any(|n| n
            .as_str()
            .unwrap()
            .contains("tom.md er tom: ingenting i henne vart sjekka")),
        "{nynorsk}"
    );
}

/// Every kind of evidence the JSON can carry has its words on the page, in each of
/// its languages: an unknown key would show the raw key to the user.
#[test]
fn the_page_has_words_for_every_coverage() {
    use tenderlint::findings::Coverage::*;
    let all = [
        Binding,
        Weak,
        Negated,
        NonNormative,
        Descriptive,
        Conditional,
        Evaluated,
        Redefined,
        Excluded,
        Violation,
    ];
    // A new variant breaks this match, so the list above stays complete.
    for c in &all {
        match c {
            Binding | Weak | Negated | NonNormative | Descriptive | Conditional | Evaluated
            | Redefined | Excluded | Violation => {}
        }
    }
    let page = include_str!("../../src/serve/page/words.js");
    for c in all {
        let name = serde_json::to_value(c).expect("serialises");
        let key = format!("\"coverage-{}\"", name.as_str().expect("a string"));
        assert_eq!(
            page.matches(&key).count(),
            3,
            "{key} should have nb, nn and en words in words.js"
        );
    }
}
