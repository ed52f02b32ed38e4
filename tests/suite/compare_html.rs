//! The HTML heat-map of `tenderlint compare` (issue 28) in a real browser: three
//! fixture tenders side by side, every cell the outcome `check` gives that tender
//! alone, in its word and its colour; sortable with the keyboard; each cell one
//! click from its evidence; no axe-core WCAG 2.1 A/AA violation; no request
//! beyond the file. The screenshot is the README's picture of the matrix.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

const ACCURACY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/accuracy");
const TENDERS: [&str; 3] = ["nb-feller", "nb-svak-helsestasjon", "nn-prosa-heimeteneste"];

fn tenderlint(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .args(args)
        .current_dir(ACCURACY)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env("TENDERLINT_TODAY", "2026-11-25")
        .output()
        .expect("runs")
}

/// The word and the background (as the browser computes it) of each outcome.
pub(super) fn shown(outcome: &str) -> (&'static str, &'static str) {
    match outcome {
        "met" => ("oppfylt", "rgb(198, 239, 206)"),
        "passed" => ("bestått", "rgb(226, 239, 218)"),
        "weak" => ("svakt", "rgb(255, 235, 156)"),
        "missing" => ("mangler", "rgb(255, 199, 206)"),
        "violation" => ("brudd", "rgb(244, 140, 140)"),
        "waived" => ("unntatt", "rgb(221, 235, 247)"),
        "not-applicable" => ("ikke relevant", "rgb(237, 237, 237)"),
        other => panic!("unknown outcome {other}"),
    }
}

/// Each tender alone: rule → outcome, as `check` gives it.
fn alone(tender: &str) -> BTreeMap<String, String> {
    let o = tenderlint(&["check", tender, "--format", "json", "--isolated"]);
    let report: Value = serde_json::from_slice(&o.stdout).expect("check's JSON");
    report["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            let rule = r["rule"].as_str().unwrap_or_default().to_string();
            (rule, r["outcome"].as_str().unwrap_or_default().to_string())
        })
        .collect()
}

#[test]
fn the_heat_map_shows_each_tenders_outcomes_sorts_links_to_evidence_and_passes_axe() {
    if !crate::serve::browser_test_can_run("the heat-map browser test") {
        return;
    }
    let scratch = tempfile::tempdir().expect("temp dir");
    let html = scratch.path().join("region.html");
    let html_arg = html.to_string_lossy().into_owned();
    let mut args = vec![
        "compare",
        "--isolated",
        "--lang",
        "nb",
        "--format",
        "html",
        "-o",
        &html_arg,
    ];
    args.extend(TENDERS);
    let o = tenderlint(&args);
    assert_ne!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/compare.png");
    let seen = drive(&html, &shot);
    assert_cells_are_each_tender_alone(&seen);
    assert_sorts_links_and_passes_axe(&seen);
    assert!(
        std::fs::read(&shot)
            .expect("screenshot")
            .starts_with(b"\x89PNG")
    );
}

/// `tests/browser/heatmap.mjs` on the file: what it saw, as JSON.
fn drive(html: &Path, shot: &Path) -> Value {
    let driver = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/heatmap.mjs");
    let output = Command::new("node")
        .arg(driver)
        .arg("--file")
        .arg(html)
        .arg("--chromium")
        .arg(crate::serve::chromium().expect("chromium"))
        .arg("--screenshot")
        .arg(shot)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the driver's JSON")
}

/// Every cell: the word and the colour of the outcome check gives the tender alone.
fn assert_cells_are_each_tender_alone(seen: &Value) {
    let heads: Vec<&str> = seen["matrix"]["heads"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let rows = seen["matrix"]["rows"].as_array().unwrap();
    for (column, tender) in TENDERS.iter().enumerate() {
        assert_eq!(heads[3 + column], *tender);
        let expected = alone(tender);
        assert_eq!(rows.len(), expected.len(), "one row per rule");
        for row in rows {
            let rule = row["rule"].as_str().unwrap();
            let cell = &row["cells"][3 + column];
            let (word, background) = shown(&expected[rule]);
            assert_eq!(cell["text"], word, "{tender} {rule}");
            assert_eq!(cell["background"], background, "{tender} {rule}");
        }
    }
}

fn assert_sorts_links_and_passes_axe(seen: &Value) {
    // Sorted by the first tender's column with the keyboard: worst outcome first.
    assert_eq!(seen["focused"], true);
    assert_eq!(seen["sorted"]["sort"], "ascending");
    let order: Vec<u64> = seen["sorted"]["order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().parse().unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    assert!(order.first() < order.last(), "outcomes differ: {order:?}");
    // One click from a cell to its evidence.
    assert_eq!(seen["link"]["closed"], true);
    assert_eq!(seen["arrived"]["open"], true);
    assert_eq!(seen["arrived"]["inView"], true);
    let rule = seen["link"]["rule"].as_str().unwrap();
    assert!(
        seen["arrived"]["summary"]
            .as_str()
            .unwrap()
            .starts_with(rule),
        "{seen}"
    );
    assert!(
        seen["arrived"]["heading"]
            .as_str()
            .unwrap()
            .starts_with(TENDERS[0]),
        "{seen}"
    );
    // Accessible, self-contained, quiet.
    assert_eq!(
        seen["axe"]["violations"],
        serde_json::json!([]),
        "{}",
        seen["axe"]
    );
    assert_eq!(
        seen["seen"],
        serde_json::json!({"console": [], "exceptions": [], "requests": []})
    );
}
