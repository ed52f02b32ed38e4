//! One-file tenders checked through the library, as most behaviour tests need them.

use std::path::Path;
use tenderlint::findings::{CheckReport, RuleResult};
use tenderlint::{CheckOptions, check_paths};

/// Checks `markdown` as a tender of one file, `konkurransegrunnlag.md`, with the one
/// rule set `set` (an embedded `ID@VERSION` or a path); every file must be readable.
pub(crate) fn check_markdown(markdown: &str, set: &str) -> CheckReport {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("konkurransegrunnlag.md"), markdown).expect("write");
    let set = tenderlint::rules::resolve(set).unwrap_or_else(|e| panic!("{set}: {:?}", e.problems));
    let report = check_paths(
        &[dir.path().to_path_buf()],
        &[set],
        &CheckOptions::default(),
    );
    assert_eq!(report.summary.unreadable_files, 0);
    report
}

/// The result of `rule` in `report`.
pub(crate) fn result<'a>(report: &'a CheckReport, rule: &str) -> &'a RuleResult {
    report
        .results
        .iter()
        .find(|r| r.rule == rule)
        .unwrap_or_else(|| panic!("no result for {rule}"))
}

/// The default sets over one tender folder; every file must be readable.
pub(crate) fn check_dir(dir: &Path) -> Vec<RuleResult> {
    let sets = tenderlint::rules::embedded::load_defaults().expect("default rule sets load");
    let report = check_paths(&[dir.to_path_buf()], &sets, &CheckOptions::default());
    for f in &report.files {
        assert!(f.error.is_none(), "{}: {:?}", f.path, f.error);
    }
    report.results
}

/// The default sets over one Markdown file.
pub(crate) fn check_md(text: &str) -> Vec<RuleResult> {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("krav.md"), text).expect("write");
    check_dir(dir.path())
}

/// The result of rule `id` among `results`.
pub(crate) fn rule<'a>(results: &'a [RuleResult], id: &str) -> &'a RuleResult {
    results
        .iter()
        .find(|r| r.rule == id)
        .unwrap_or_else(|| panic!("{id} ran"))
}

/// The excerpts of a result's evidence, for a failing assertion's message.
pub(crate) fn excerpts(r: &RuleResult) -> Vec<String> {
    r.evidence.iter().map(|e| e.excerpt.clone()).collect()
}

/// The one-file tender `markdown` gives rule `id` the status `status`.
pub(crate) fn reads(markdown: &str, id: &str, status: tenderlint::findings::Status) {
    let results = check_md(markdown);
    let r = rule(&results, id);
    assert_eq!(r.status, status, "{id}: {:?}", excerpts(r));
}

/// Each sentence, alone under a section titled `section`, reads as `status` for `rule`.
pub(crate) fn each_reads(
    section: &str,
    sentences: &[&str],
    rule: &str,
    status: tenderlint::findings::Status,
) {
    for sentence in sentences {
        reads(
            &format!("# Krav\n\n## {section}\n\n{sentence}\n"),
            rule,
            status,
        );
    }
}
