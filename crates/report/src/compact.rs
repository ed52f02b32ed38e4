//! One line per finding, `file:line:col: severity [RULE] message`, the shape
//! editors and `grep` understand. A finding about the whole tender or in a
//! Word file has no line; it gets 1:1 so the line still parses.

use super::{RenderOptions, common};
use crate::findings::CheckReport;
use std::fmt::Write as _;

pub(crate) fn render(report: &CheckReport, options: &RenderOptions<'_>) -> Vec<u8> {
    let lang = options.lang;
    let mut out = String::new();
    for issue in common::all_issues(report) {
        let r = issue.result;
        if r.waiver.is_some() {
            continue;
        }
        // One line each, whatever the message holds.
        let message = common::message(&issue, lang).replace(['\r', '\n'], " ");
        let _ = writeln!(
            out,
            "{}:{}:{}: {} [{}] {}",
            issue.file,
            issue.line,
            issue.column,
            common::severity_str(r.severity),
            r.rule,
            message
        );
    }
    if report.services.effective.is_empty() {
        let file = common::main_file(report).unwrap_or_else(|| ".".into());
        let _ = writeln!(
            out,
            "{file}:1:1: info [services] {}",
            common::services_statement(report, lang)
        );
    }
    out.into_bytes()
}
