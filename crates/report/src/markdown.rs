//! Markdown for pull-request comments: a summary table, then per category a
//! table of the failing rules with their evidence and, folded in `<details>`,
//! the requirement text to paste. GitHub and GitLab render raw HTML in
//! comments, so text from the tender is escaped as well as table cells.

use super::i18n::{self, label};
use super::{RenderOptions, common};
use crate::Lang;
use crate::findings::{CheckReport, RuleResult, Status};
use std::fmt::Write as _;

use common::{markdown_cell as cell, markdown_inline as inline};

/// Text inside a code span in a table cell: entities are not decoded there, so
/// only what would end the span or the cell is replaced.
fn code_cell(s: &str) -> String {
    format!(
        "`{}`",
        common::one_line(s).replace('`', "'").replace('|', "\\|")
    )
}

/// A fenced block that no backtick run in the text can close early.
fn fenced(s: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat((longest + 1).max(3));
    format!("{fence}text\n{}\n{fence}\n", s.trim())
}

fn evidence_cell(report: &CheckReport, r: &RuleResult, lang: Lang) -> String {
    if r.evidence.is_empty() {
        return match common::main_file(report) {
            Some(m) => format!("— ({}, {})", label(lang, "whole-tender"), code_cell(&m)),
            None => "—".into(),
        };
    }
    let mut parts: Vec<String> = common::shown_evidence(r, 3)
        .into_iter()
        .map(|e| {
            let mut why = if r.status == Status::Missing {
                format!(" ({})", common::evidence_word(lang, e))
            } else {
                String::new()
            };
            if !e.also_at.is_empty() {
                why.push_str(&format!(
                    " — {} {}",
                    i18n::word(lang, "also-used-at"),
                    cell(&common::other_places(&e.also_at, lang))
                ));
            }
            format!(
                "{} «{}»{why}",
                code_cell(&common::evidence_place(e, lang)),
                cell(&e.excerpt)
            )
        })
        .collect();
    if r.evidence_total > 3 {
        parts.push(format!("… +{}", r.evidence_total - 3));
    }
    parts.join("<br>")
}

pub(crate) fn render(report: &CheckReport, options: &RenderOptions<'_>) -> Vec<u8> {
    let lang = options.lang;
    let mut out = String::new();
    header(&mut out, report, lang);
    let failing: Vec<&RuleResult> = report.results.iter().filter(|r| r.fails()).collect();
    if failing.is_empty() {
        let _ = writeln!(out, "{}", label(lang, "none"));
        return out.into_bytes();
    }
    for category in common::categories(report) {
        let mut rows: Vec<&RuleResult> = failing
            .iter()
            .copied()
            .filter(|r| r.category == category)
            .collect();
        if rows.is_empty() {
            continue;
        }
        rows.sort_by_key(|r| (std::cmp::Reverse(r.severity), r.rule.clone()));
        section(&mut out, report, category, &rows, lang);
    }
    out.into_bytes()
}

/// The title, what was checked, the counts, unreadable files, services, notices.
fn header(out: &mut String, report: &CheckReport, lang: Lang) {
    let w = |k| label(lang, k);
    let _ = writeln!(out, "{}\n", super::marker_comment());
    let _ = writeln!(out, "## {}\n", w("report-title"));
    let sets: Vec<String> = report
        .rulesets
        .iter()
        .map(|s| code_cell(&format!("{}@{}", s.id, s.version)))
        .collect();
    let _ = writeln!(
        out,
        "{}: {} · {}: {} · {} {}\n",
        w("rulesets"),
        sets.join(", "),
        w("files-heading"),
        report.files.len(),
        report.tool.name,
        report.tool.version
    );
    let s = &report.summary;
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} | {} |",
        w("total"),
        w("met"),
        w("weak"),
        w("missing"),
        w("violation"),
        w("passed"),
        w("not-applicable"),
        w("waived")
    );
    out.push_str("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
        s.rules, s.met, s.weak, s.missing, s.violation, s.passed, s.not_applicable, s.waived
    );
    if let Some(b) = super::baseline::summary(report, lang) {
        let _ = writeln!(out, "{}\n", inline(&b));
    }
    for f in report.files.iter().filter(|f| f.error.is_some()) {
        let _ = writeln!(
            out,
            "> [!WARNING]\n> {}: {}\n",
            code_cell(&f.path),
            inline(&i18n::unreadable(f, lang))
        );
    }
    let _ = writeln!(
        out,
        "{}\n",
        inline(&common::services_statement(report, lang))
    );
    for n in &report.notices {
        let _ = writeln!(out, "> [!NOTE]\n> {}\n", inline(&i18n::notice(n, lang)));
    }
}

/// One category's failing rules: a table, then the texts to paste.
fn section(
    out: &mut String,
    report: &CheckReport,
    category: &str,
    rows: &[&RuleResult],
    lang: Lang,
) {
    let w = |k| label(lang, k);
    let _ = writeln!(
        out,
        "### {}\n",
        inline(&i18n::category_title(report, category, lang))
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |",
        w("rule"),
        w("severity"),
        w("status"),
        w("title"),
        w("evidence")
    );
    out.push_str("|---|---|---|---|---|\n");
    for r in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            code_cell(&r.rule),
            w(common::severity_str(r.severity)),
            cell(&format!(
                "{}{}",
                common::status_word(r, lang),
                super::baseline::tag(r, lang)
            )),
            cell(r.rule_info.title.get(lang).trim()),
            evidence_cell(report, r, lang)
        );
    }
    out.push('\n');
    for r in rows {
        if let Some(sug) = common::suggestion(report, r) {
            let _ = writeln!(
                out,
                "<details><summary>{} — {}</summary>\n\n{}\n</details>\n",
                inline(&r.rule),
                w("suggestion"),
                fenced(&sug)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_tables_or_inject_html() {
        assert_eq!(cell("a|b\n<script>"), "a\\|b &lt;script&gt;");
        assert!(fenced("x ```` y").starts_with("`````text"));
    }
}
