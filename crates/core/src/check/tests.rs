//! The report is built once: the policy's notices come after the check's own.

use super::*;
use crate::policy::baseline::Baseline;

fn tender() -> Document {
    crate::document::markdown::read(
        PathBuf::from("anbud.md"),
        "# Krav\n\nLøsningen skal bruke HelseID.\n",
    )
}

#[test]
fn the_baseline_notice_follows_the_newer_version_notice() {
    let old =
        crate::rules::resolve_embedded("ks-felles-journalloft@1.0.0").expect("an embedded set");
    let baseline = Baseline::parse(
        r#"{"format_version": 1, "ruleset": [{"id": "ks-felles-journalloft", "version": "0.9.0"}], "results": []}"#,
    )
    .expect("a baseline");
    let options = CheckOptions {
        baseline: Some(baseline),
        newer_versions: true,
        ..CheckOptions::default()
    };
    let report = check_documents(&[tender()], &[old], &options);
    let notices: Vec<&About> = report.notices.iter().map(|n| &n.about).collect();
    assert_eq!(notices.len(), 2, "{notices:?}");
    let newest = crate::rules::embedded::newest("ks-felles-journalloft").expect("embedded");
    assert!(
        matches!(notices[0], About::NewerVersions(v) if v[0].id == "ks-felles-journalloft" && v[0].newest.to_string() == newest.to_string()),
        "{notices:?}"
    );
    assert_eq!(
        notices[1],
        &About::BaselineVersions(vec![(
            "ks-felles-journalloft".into(),
            Some("0.9.0".into()),
            "1.0.0".into()
        )])
    );
    assert!(report.results.iter().all(|r| r.baseline.is_some()));
}

#[test]
fn without_a_baseline_or_the_notice_asked_for_the_report_has_neither() {
    let old =
        crate::rules::resolve_embedded("ks-felles-journalloft@1.0.0").expect("an embedded set");
    let report = check_documents(&[tender()], &[old], &CheckOptions::default());
    assert!(report.notices.is_empty(), "{:?}", report.notices);
    assert!(report.results.iter().all(|r| r.baseline.is_none()));
}

#[test]
fn the_summary_counts_unreadable_files_and_waived_results() {
    // The core reads no disk: the two files come as bytes, as uploads do.
    let files = vec![
        (
            PathBuf::from("krav.md"),
            "# Krav\n\nLøsningen skal bruke HelseID.\n"
                .as_bytes()
                .to_vec(),
        ),
        (PathBuf::from("gammel.doc"), b"x".to_vec()),
    ];
    let sets = crate::rules::embedded::load_defaults().expect("embedded sets");
    let rule = sets[0].rules[0].id.clone();
    let options = CheckOptions {
        waivers: vec![crate::policy::waivers::ConfigWaiver {
            rule,
            reason: "besluttet".into(),
            expires: None,
            approved_by: None,
            file: "tenderlint.yaml".into(),
            line: 1,
            column: 1,
            byte_offset: None,
        }],
        ..CheckOptions::default()
    };
    let report = check_contents(&files, &sets, &options);
    assert_eq!(report.files.len(), 2);
    assert_eq!(report.summary.unreadable_files, 1);
    assert_eq!(report.summary.rules, report.results.len());
    assert_eq!(
        report.summary.waived,
        report.results.iter().filter(|r| r.waiver.is_some()).count()
    );
    assert_eq!(
        report.summary.failed,
        report.results.iter().filter(|r| r.fails()).count()
    );
}

#[test]
fn a_stopped_evaluation_observes_no_more_stretches() {
    let sets = crate::rules::embedded::load_defaults().expect("embedded sets");
    let met = |options: &CheckOptions| {
        check_documents(&[tender()], &sets, options)
            .results
            .iter()
            .filter(|r| r.status == crate::findings::Status::Met)
            .count()
    };
    assert!(met(&CheckOptions::default()) > 0, "HelseID is required");
    let mut stopped = CheckOptions::default();
    stopped.engine.stop = Some(std::sync::Arc::new(std::sync::atomic::AtomicBool::new(
        true,
    )));
    assert_eq!(met(&stopped), 0, "a stopped evaluation observed a stretch");
}
