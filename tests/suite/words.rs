//! Issue 26 «findings are data» and issue 25 points 4–5: results carry places,
//! notices and file errors as data, and every format words them in its reader's
//! language (nb, nn, en) from the one word table.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn tenderlint_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null())
        .output()
        .expect("tenderlint runs")
}

fn tenderlint(args: &[&str]) -> Output {
    tenderlint_in(manifest(), args)
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
