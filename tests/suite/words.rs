//! Issue 26 «findings are data» and issue 25 points 4–5: results carry places,
//! notices and file errors as data, and every format words them in its reader's
//! language (nb, nn, en) from the one word table.

use crate::support::tenderlint_without_locale;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn tenderlint(args: &[&str]) -> Output {
    tenderlint_without_locale(manifest(), args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A Word place is worded by the report, in its language — not in bokmål by
/// the engine and English by the check when the tender is English.
#[test]
fn word_places_are_worded_in_the_readers_language() {
    let tender = "fixtures/tenders-docx/nb-legevakt";
    for (lang, paragraph, not) in [
        ("en", "paragraph", "avsnitt"),
        ("nb", "avsnitt", "paragraph"),
    ] {
        let json = stdout(&tenderlint(&[
            "check", "--format", "json", "--lang", lang, tender,
        ]));
        assert!(
            json.contains(&format!("integrasjoner, {paragraph} ")),
            "{lang}: {json}"
        );
        assert!(!json.contains(&format!(", {not} ")), "{lang}: {json}");
        let human = stdout(&tenderlint(&["check", "--verbose", "--lang", lang, tender]));
        assert!(
            human.contains(&format!(", {paragraph} ")),
            "{lang}: {human}"
        );
    }
    // The results themselves hold the place as data, no words.
    let sets = tenderlint::rules::embedded::load_defaults().expect("sets");
    let report = tenderlint::check_paths(
        &[manifest().join(tender)],
        &sets,
        &tenderlint::CheckOptions::default(),
    );
    let placed: Vec<_> = report
        .results
        .iter()
        .flat_map(|r| &r.evidence)
        .filter(|e| e.place.is_some())
        .collect();
    assert!(!placed.is_empty());
    for e in placed {
        assert!(
            !e.location.contains("avsnitt") && !e.location.contains("tabell"),
            "{}",
            e.location
        );
    }
}

/// Issue 25: `explain INT-01` points at INT-001.
#[test]
fn explain_of_a_mistyped_id_suggests_the_rule() {
    let out = tenderlint(&["explain", "INT-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `INT-001`?"),
        "{}",
        stderr(&out)
    );
}

/// Issue 25: nynorsk is a language tenderlint speaks, so the error names it.
#[test]
fn an_unknown_language_names_nb_nn_and_en() {
    let out = tenderlint(&["check", "--lang", "de", "fixtures/tenders"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("use nb, nn or en"),
        "{}",
        stderr(&out)
    );
}

/// Issue 25: a Word file on standard input is read as Word without
/// `--stdin-filename`, known by its zip signature.
#[test]
fn a_word_file_on_standard_input_is_read_as_word() {
    let docx = std::fs::read(
        manifest().join("fixtures/tenders-docx/nb-legevakt/bilag-1-kravspesifikasjon.docx"),
    )
    .expect("fixture");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .current_dir(manifest())
        .args(["check", "--format", "json", "--isolated", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tenderlint runs");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), &docx).expect("write");
    let out = child.wait_with_output().expect("waits");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["files"][0]["path"], "stdin.docx", "{}", stderr(&out));
    assert_eq!(json["files"][0]["format"], "docx");
    assert!(json["files"][0]["error"].is_null(), "{json}");
    assert!(json["files"][0]["blocks"].as_u64().unwrap_or(0) > 0);
}

/// A copy of a fixture tender in a temporary folder.
fn copy_of(tender: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(manifest().join(tender)).expect("fixture") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    dir
}

/// Issue 25: `check . --format requirements-docx > krav.docx` creates krav.docx
/// in the tender's folder before tenderlint starts; the half-written file is
/// skipped, not read as tender text (an unreadable zip: exit 2).
#[test]
fn the_file_standard_output_goes_to_is_not_read_as_tender_text() {
    let dir = copy_of("fixtures/tenders/nb-legevakt");
    let target = dir.path().join("krav.docx");
    let out = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .current_dir(dir.path())
        .args(["check", "--isolated", "--format", "requirements-docx", "."])
        .stdout(std::fs::File::create(&target).expect("create"))
        .stderr(Stdio::piped())
        .output()
        .expect("tenderlint runs");
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!stderr(&out).contains("krav.docx"), "{}", stderr(&out));
    let written = std::fs::read(&target).expect("written");
    assert!(written.starts_with(b"PK\x03\x04"), "a Word file");
    // The notice says why, in the reader's language.
    let markdown = dir.path().join("krav.md");
    let out = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .current_dir(dir.path())
        .args([
            "check",
            "--isolated",
            "--format",
            "markdown",
            "--lang",
            "nn",
            ".",
        ])
        .stdout(std::fs::File::create(&markdown).expect("create"))
        .output()
        .expect("tenderlint runs");
    assert_ne!(out.status.code(), Some(2));
    let report = std::fs::read_to_string(&markdown).expect("read");
    assert!(
        report.contains("hoppa over krav.md: denne køyringa skriv rapporten sin dit"),
        "{report}"
    );
}

/// Issue 25: an empty Markdown file is said to be empty, not checked silently.
#[test]
fn an_empty_file_is_reported_as_empty() {
    let dir = copy_of("fixtures/tenders/nb-legevakt");
    std::fs::write(dir.path().join("bilag-2.md"), "\n").expect("write");
    for (lang, words) in [("nb", "bilag-2.md er tom"), ("en", "bilag-2.md is empty")] {
        let out =
            tenderlint_without_locale(dir.path(), &["check", "--isolated", "--lang", lang, "."]);
        assert!(stdout(&out).contains(words), "{lang}: {}", stdout(&out));
    }
}

/// Issue 25: `init` prints snippets that work as written, with no
/// `github.com/OWNER/…` to replace.
#[test]
fn init_writes_no_owner_placeholders() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = tenderlint_without_locale(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed = stdout(&out);
    let config = std::fs::read_to_string(dir.path().join("tenderlint.yaml")).expect("written");
    for text in [&printed, &config] {
        assert!(!text.contains("OWNER"), "{text}");
    }
    assert!(
        printed.contains("repo: local") && printed.contains("entry: tenderlint check"),
        "{printed}"
    );
    assert!(printed.contains("vars.TENDERLINT_GIT"), "{printed}");
}

/// Issue 25: a file that cannot be read is explained in the reader's language
/// (on the page too, which shows the JSON's `error`), the technical cause kept
/// beside it for whoever looks into it.
#[test]
fn file_errors_are_worded_for_the_people_who_wrote_the_file() {
    let dir = copy_of("fixtures/tenders/nb-legevakt");
    std::fs::write(
        dir.path().join("bilag-2.docx"),
        b"PK\x03\x04 not really a zip",
    )
    .expect("write");
    for (lang, words) in [
        (
            "nb",
            "Word-filen er skadet eller ufullstendig (åpne den i Word og lagre den på nytt)",
        ),
        (
            "nn",
            "Word-fila er skadd eller ufullstendig (opne henne i Word og lagre henne på nytt)",
        ),
        (
            "en",
            "the Word file is damaged or incomplete (open it in Word and save it again)",
        ),
    ] {
        let out = tenderlint_without_locale(
            dir.path(),
            &[
                "check",
                "--isolated",
                "--format",
                "json",
                "--lang",
                lang,
                ".",
            ],
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let file = json["files"]
            .as_array()
            .expect("files")
            .iter()
            .find(|f| f["path"] == "bilag-2.docx")
            .expect("listed");
        assert_eq!(file["error"], words, "{lang}");
        assert_eq!(file["problem"], "damaged");
        assert!(
            file["detail"].as_str().is_some_and(|d| d.contains("zip")),
            "{file}"
        );
        let html = stdout(&tenderlint_without_locale(
            dir.path(),
            &[
                "check",
                "--isolated",
                "--format",
                "html",
                "--lang",
                lang,
                ".",
            ],
        ));
        assert!(html.contains(words), "{lang}");
    }
}

/// Issue 25: the services line says which services were assumed and how to
/// change that where its reader is — the flag in the terminal, the property in
/// Word — not a paragraph about front matter.
#[test]
fn the_services_line_says_in_plain_words_how_to_change_the_services() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("konkurransegrunnlag.md"),
        "# Kravspesifikasjon\n\nLøsningen skal støtte e-resept.\n",
    )
    .expect("write");
    let brief = stdout(&tenderlint_without_locale(
        dir.path(),
        &["check", "--isolated", "--lang", "nb", "."],
    ));
    let line = brief
        .lines()
        .find(|l| l.starts_with("Tjenester:"))
        .expect("services line");
    assert!(
        line.contains("--services legevakt") && !line.contains("front matter"),
        "{line}"
    );
    assert!(
        line.chars().count() < 240,
        "{} characters: {line}",
        line.chars().count()
    );
    let word = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .current_dir(dir.path())
        .args([
            "check",
            "--isolated",
            "--format",
            "docx",
            "--lang",
            "nn",
            ".",
        ])
        .output()
        .expect("runs");
    let document = document_xml(&word.stdout);
    assert!(
        document.contains("dokumenteigenskapen «services»"),
        "{document}"
    );
    assert!(!document.contains("--services"), "{document}");
}

/// Issue 25: under nb and nn, `--verbose` and JUnit print no English severity,
/// coverage or baseline words.
#[test]
fn verbose_and_junit_speak_the_readers_language() {
    let tender = "fixtures/tenders/nn-heimeteneste";
    let verbose = stdout(&tenderlint(&[
        "check",
        "--isolated",
        "--verbose",
        "--lang",
        "nn",
        tender,
    ]));
    assert!(verbose.contains("✗ åtvaring"), "{verbose}");
    for english in ["✗ error", "✗ warning", "(non-normative)", "(binding)"] {
        assert!(!verbose.contains(english), "{english}: {verbose}");
    }
    let junit = stdout(&tenderlint(&[
        "check",
        "--isolated",
        "--format",
        "junit",
        "--fail-on",
        "error",
        "--lang",
        "nb",
        tender,
    ]));
    assert!(junit.contains("advarsel (under --fail-on"), "{junit}");
    for english in ["warning (", "(binding)", "(non-normative)", "(descriptive)"] {
        assert!(!junit.contains(english), "{english}: {junit}");
    }
}

/// Issue 25: the page's status says when files were not read, in every language.
#[test]
fn the_pages_status_says_when_files_were_skipped() {
    let page = include_str!("../../src/serve/page/app.js");
    let page_words = include_str!("../../src/serve/page/words.js");
    assert_eq!(
        page_words.matches("\"done-skipped\":").count(),
        3,
        "nb, nn and en"
    );
    assert!(page.contains("s.unreadable_files"));
    assert!(page.contains("t(\"done-skipped\""));
}

/// The main part of a Word file, as XML text.
fn document_xml(docx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut part = zip.by_name("word/document.xml").expect("the main part");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut part, &mut xml).expect("UTF-8");
    xml
}

/// Issue 25 point 4: the HTML and Word reports under `--lang nn` show the rule
/// sets' titles and the placeholder hint in nynorsk, not in bokmål.
#[test]
fn html_and_word_reports_speak_nynorsk_under_nn() {
    let tender = "fixtures/tenders/nb-legevakt";
    let out = tenderlint(&["check", tender, "--lang", "nn", "--format", "html"]);
    let html = stdout(&out);
    assert!(html.contains("<html"), "{}", stderr(&out));

    let dir = tempfile::tempdir().expect("temp dir");
    let docx = dir.path().join("r.docx");
    let target = format!("docx={}", docx.display());
    let out = tenderlint(&["check", tender, "--lang", "nn", "-o", &target]);
    let bytes = std::fs::read(&docx).unwrap_or_else(|_| panic!("{}", stderr(&out)));
    let xml = document_xml(&bytes);

    for (name, text) in [("html", &html), ("docx", &xml)] {
        for bokmaal in [
            "Anskaffelseshygiene for konkurransegrunnlag",
            "anbefalinger for anskaffelse av journalløsninger i kommunene",
        ] {
            assert!(!text.contains(bokmaal), "{name} shows bokmål «{bokmaal}»");
        }
        for nynorsk in [
            "Anskaffingshygiene for konkurransegrunnlag",
            "tilrådingar for anskaffing av journalløysingar i kommunane",
        ] {
            assert!(text.contains(nynorsk), "{name} lacks nynorsk «{nynorsk}»");
        }
    }
    assert!(
        !html.contains("fyll inn / fill in"),
        "the placeholder hint is bilingual"
    );
    assert!(
        html.contains("<mark title=\"fyll inn\">"),
        "the placeholder hint"
    );
}

/// Issue 25 point 4: a folder without a tender file is reported in the
/// reader's language.
#[test]
fn no_tender_files_is_said_in_the_readers_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().to_str().expect("UTF-8 path");
    for (lang, words) in [
        ("nb", "fant ingen Markdown- eller DOCX-filer i"),
        ("nn", "fann ingen Markdown- eller DOCX-filer i"),
        ("en", "no Markdown or DOCX files found in"),
    ] {
        let out = tenderlint(&["check", path, "--lang", lang]);
        assert!(stderr(&out).contains(words), "{lang}: {}", stderr(&out));
    }
}
