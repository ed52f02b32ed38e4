//! One-file tenders checked through the library, as most behaviour tests need them.

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
