//! What users of linters expect (issue 17): a tender file on standard input,
//! shell completions and manual pages generated from the clap definitions.

use std::io::Write;
use std::process::{Command, Stdio};

fn tenderlint(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .args(args)
        .output()
        .expect("tenderlint runs")
}

#[test]
fn completions_for_every_shell_know_the_subcommands_and_flags() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = tenderlint(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(out.stdout).expect("UTF-8");
        for word in [
            "check",
            "explain",
            "baseline",
            "stdin-filename",
            "id-prefix",
        ] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    let out = tenderlint(&["completions", "tcsh"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

/// Generates `docs/man/`: the top page and one per subcommand it lists, so the
/// pages follow the clap definitions (a new subcommand gets its page here).
#[test]
fn manual_pages_are_generated_into_docs() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/man");
    std::fs::create_dir_all(&dir).expect("docs/man");
    let top = tenderlint(&["man"]);
    assert_eq!(top.status.code(), Some(0));
    let top = String::from_utf8(top.stdout).expect("UTF-8");
    let subcommands: Vec<String> = top
        .lines()
        .filter_map(|l| l.strip_prefix("tenderlint\\-")?.strip_suffix("(1)"))
        .map(|s| s.replace("\\-", "-"))
        .filter(|s| s != "help")
        .collect();
    assert!(subcommands.iter().any(|s| s == "check"), "{subcommands:?}");
    let mut pages = vec![("tenderlint".to_string(), top)];
    for sub in &subcommands {
        let out = tenderlint(&["man", sub]);
        assert_eq!(out.status.code(), Some(0), "{sub}");
        pages.push((
            format!("tenderlint-{sub}"),
            String::from_utf8(out.stdout).expect("UTF-8"),
        ));
    }
    for (name, page) in &pages {
        assert!(
            page.contains(".TH ") && page.contains(".SH SYNOPSIS"),
            "{name} is roff"
        );
        let path = dir.join(format!("{name}.1"));
        if std::fs::read_to_string(&path).ok().as_deref() != Some(page.as_str()) {
            std::fs::write(&path, page).expect("write the page");
        }
    }
    let check = &pages
        .iter()
        .find(|(n, _)| n == "tenderlint-check")
        .expect("check page")
        .1;
    assert!(
        check.contains("baseline"),
        "the check page documents its flags"
    );
    assert_eq!(tenderlint(&["man", "nope"]).status.code(), Some(2));
}

fn with_stdin(args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tenderlint runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("tenderlint ends")
}

#[test]
fn a_markdown_tender_on_stdin_is_checked_under_its_name() {
    let md = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/tenders/nb-legevakt/bilag-1-kravspesifikasjon.md"
    ))
    .expect("fixture");
    let from_file = tenderlint(&[
        "check",
        "--isolated",
        "-f",
        "json",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/tenders/nb-legevakt/bilag-1-kravspesifikasjon.md"
        ),
    ]);
    let out = with_stdin(
        &[
            "check",
            "-",
            "--stdin-filename",
            "anbud/bilag-1.md",
            "-f",
            "json",
            "--isolated",
        ],
        &md,
    );
    assert_eq!(out.status.code(), from_file.status.code());
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let b: serde_json::Value = serde_json::from_slice(&from_file.stdout).expect("JSON");
    assert_eq!(a["files"][0]["path"], "anbud/bilag-1.md");
    assert_eq!(
        a["summary"], b["summary"],
        "the same statuses as from the file"
    );
    let evidence = a["results"]
        .as_array()
        .expect("results")
        .iter()
        .flat_map(|r| r["evidence"].as_array().cloned().unwrap_or_default())
        .find(|e| e.get("line").is_some())
        .expect("some evidence with a line");
    assert_eq!(evidence["file"], "anbud/bilag-1.md");
}

#[test]
fn a_word_tender_on_stdin_is_read_as_word_by_its_name() {
    let docx = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/tenders-docx/nb-legevakt/bilag-1-kravspesifikasjon.docx"
    ))
    .expect("fixture");
    let out = with_stdin(
        &[
            "check",
            "-",
            "--stdin-filename",
            "bilag-1.docx",
            "-f",
            "json",
            "--isolated",
        ],
        &docx,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["files"][0]["format"], "docx");
    assert!(v["summary"]["met"].as_u64().expect("met") > 0);
    // Without a name, Word bytes are known by their zip signature (issue 25).
    let out = with_stdin(&["check", "-", "--isolated", "-f", "json"], &docx);
    assert_ne!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["files"][0]["path"], "stdin.docx");
}

#[test]
fn stdin_flags_that_do_not_fit_are_usage_errors() {
    let out = with_stdin(
        &["check", "-", "--stdin-filename", "x.pdf", "--isolated"],
        b"text",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("x.pdf"));
    let out = tenderlint(&[
        "check",
        "fixtures/tenders/nb-legevakt",
        "--stdin-filename",
        "a.md",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

/// A tender large enough for a progress bar: 60 files.
fn large_tender() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let md = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/tenders/nb-legevakt/bilag-1-kravspesifikasjon.md"
    );
    for i in 0..60 {
        std::fs::copy(md, dir.path().join(format!("bilag-{i}.md"))).expect("copy");
    }
    dir
}

#[test]
fn no_progress_bar_in_pipes_or_ci() {
    let dir = large_tender();
    let path = dir.path().to_str().expect("UTF-8 path");
    let out = tenderlint(&["check", "--isolated", "-f", "compact", path]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// With a terminal (`script` gives one), a large tender gets a bar on stderr;
/// `--quiet` and `CI` switch it off. Skipped where `script` is missing.
#[test]
fn a_progress_bar_on_a_terminal_for_large_tenders() {
    let dir = large_tender();
    let bin = env!("CARGO_BIN_EXE_tenderlint");
    let run = |extra: &str, env: &[(&str, &str)]| -> Option<String> {
        let command = format!(
            "{bin} check --isolated --lang en -f compact {extra} {} > /dev/null",
            dir.path().display()
        );
        let mut c = Command::new("script");
        c.args(["-qec", &command, "/dev/null"]).env_remove("CI");
        for (k, v) in env {
            c.env(k, v);
        }
        let out = c.output().ok()?;
        Some(String::from_utf8_lossy(&out.stdout).to_string())
    };
    let Some(shown) = run("", &[]) else {
        eprintln!("note: `script` is not available; the terminal case did not run");
        return;
    };
    assert!(shown.contains("reading files"), "{shown:?}");
    assert!(
        !run("--quiet", &[])
            .unwrap_or_default()
            .contains("reading files")
    );
    assert!(
        !run("", &[("CI", "true")])
            .unwrap_or_default()
            .contains("reading files")
    );
}
