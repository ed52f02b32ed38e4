//! GitHub Actions workflow commands: each line becomes an annotation on the
//! file and line (`::error file=…,line=…,title=…::message`). Only failing,
//! non-waived results are printed.

use super::{RenderOptions, common, i18n};
use crate::findings::CheckReport;
use crate::rules::Severity;
use std::fmt::Write as _;

/// Escapes a command's message as the runner decodes it.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: the message escapes plus `:` and `,`, which
/// separate properties.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub(crate) fn render(report: &CheckReport, options: &RenderOptions<'_>) -> Vec<u8> {
    let lang = options.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "::notice title=tenderlint services::{}",
        escape_data(&common::services_statement(report, lang))
    );
    for issue in common::all_issues(report) {
        let r = issue.result;
        if r.waiver.is_some() {
            continue;
        }
        let command = match r.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let title = format!("{} {}", r.rule, r.rule_info.title.get(lang).trim());
        let mut message = common::message(&issue, lang);
        if let Some(s) = common::suggestion(report, r) {
            message.push_str(&format!("\n{}: {s}", i18n::label(lang, "suggestion")));
        }
        let _ = write!(
            out,
            "::{command} file={},line={}",
            escape_property(&issue.file),
            issue.line
        );
        if issue.has_line {
            let _ = write!(out, ",col={}", issue.column);
        }
        let _ = writeln!(
            out,
            ",title={}::{}",
            escape_property(&title),
            escape_data(&message)
        );
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_github_documents() {
        assert_eq!(escape_data("50%\r\nok"), "50%25%0D%0Aok");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
