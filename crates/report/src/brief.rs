//! The default terminal report: what to do next, on one screen for a typical
//! draft (≤ 60 lines). The header, the errors (the legal duties) in full, then
//! per category the one tally and what else there is to fix there (warnings,
//! info) with the command that shows it, and the summary line. `--quiet` prints
//! the errors and the summary line only; `--verbose` gives the full report
//! (`human`). UI words in bokmål, nynorsk or English.

use super::RenderOptions;
use super::common::{self, definition_sentence, summary_line};
use super::i18n::{self, word};
use super::paint::Paint;
use crate::Lang;
use crate::findings::{CheckReport, Evidence, RuleResult};
use crate::rules::Severity;
use anstyle::AnsiColor;
use std::fmt::Write as _;

/// Text cut to `max` characters, with «…» where it was cut.
fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

fn status_word(r: &RuleResult, lang: Lang) -> &'static str {
    word(lang, r.status.as_str())
}

fn place(e: &Evidence, lang: Lang) -> String {
    let mut s = format!(
        "{}:{}",
        common::display_path(&e.file),
        common::location(e, lang)
    );
    if let Some(id) = &e.requirement_id {
        s.push_str(&format!(" [{id}]"));
    }
    s
}

/// Renders the brief report.
pub(crate) fn render(report: &CheckReport, options: &RenderOptions<'_>) -> Vec<u8> {
    let lang = options.lang;
    let width = options.width.clamp(40, 200);
    let paint = Paint::new(options.color);
    let mut out = String::new();
    header(&mut out, report, lang, width, &paint, options.quiet);

    let to_fix = common::to_fix(report);
    let errors: Vec<&RuleResult> = to_fix
        .iter()
        .copied()
        .filter(|r| r.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            paint.bold(&format!("{} ({})", word(lang, "errors"), errors.len()))
        );
        for r in &errors {
            error_in_full(&mut out, r, lang, width, &paint);
        }
    }
    if !options.quiet {
        categories(&mut out, report, lang, width, &paint);
        // The warnings and info are counted above; the full report shows them,
        // and every missing rule's requirement text to paste.
        if !to_fix.is_empty() {
            let _ = writeln!(out, "{}", paint.dim(word(lang, "more-verbose")));
        }
    }

    if options.quiet {
        // Nothing above the errors to set them apart from.
        out = out.trim_start_matches('\n').to_string();
    }
    let s = &report.summary;
    let line = summary_line(report, lang);
    let colour = if s.failed > 0 {
        AnsiColor::Red
    } else {
        AnsiColor::Green
    };
    let _ = writeln!(out, "\n{}", paint.fg(colour, &line));
    if !options.quiet
        && let Some(r) = to_fix.first()
    {
        let _ = writeln!(
            out,
            "{}",
            paint.dim(&word(lang, "more-explain").replace("{rule}", &r.rule))
        );
    }
    out.into_bytes()
}

/// What was checked with what, the services the verdicts assume, unreadable
/// files and notices.
fn header(
    out: &mut String,
    report: &CheckReport,
    lang: Lang,
    width: usize,
    paint: &Paint,
    quiet: bool,
) {
    // Quiet: only the files that could not be read (errors too) come before the errors.
    if quiet {
        unreadable(out, report, lang, paint);
        return;
    }
    let sets: Vec<String> = report
        .rulesets
        .iter()
        .map(|s| format!("{}@{}", s.id, s.version))
        .collect();
    let files = report.files.len();
    let _ = writeln!(
        out,
        "{} {} · {} · {files} {}",
        paint.bold(&report.tool.name),
        report.tool.version,
        sets.join(", "),
        word(lang, if files == 1 { "file" } else { "files" })
    );
    // Which services the verdicts assume, and where that came from (or that none
    // were found, which changes what the scope-dependent rules demand).
    let _ = writeln!(
        out,
        "{}",
        common::services_statement_for(report, lang, common::ServicesChange::Flag)
    );
    unreadable(out, report, lang, paint);
    for n in &report.notices {
        let _ = writeln!(
            out,
            "{} {}",
            paint.fg(AnsiColor::Cyan, &format!("{}:", word(lang, "note"))),
            fit(&super::i18n::notice(n, lang), width - 6)
        );
    }
}

/// The files that could not be read, and why.
fn unreadable(out: &mut String, report: &CheckReport, lang: Lang, paint: &Paint) {
    for f in report.files.iter().filter(|f| f.error.is_some()) {
        let _ = writeln!(
            out,
            "{} {}: {}",
            paint.fg(AnsiColor::Red, &format!("{}:", word(lang, "error"))),
            f.path,
            super::i18n::unreadable_with_cause(f, lang)
        );
    }
}

/// One line per category: its title, its tally (the report's one tally, only
/// the outcomes it has), and what else there is to fix in it — the warnings and
/// info the errors above leave out, counted with their shape.
fn categories(out: &mut String, report: &CheckReport, lang: Lang, width: usize, paint: &Paint) {
    let lines: Vec<(String, String, String)> = report
        .summary
        .categories
        .iter()
        .map(|c| {
            let failing = |s: Severity| {
                report
                    .results
                    .iter()
                    .filter(|r| r.category == c.category && r.fails() && r.severity == s)
                    .count()
            };
            let mut rest = Vec::new();
            for severity in [Severity::Warning, Severity::Info] {
                let n = failing(severity);
                let key = match severity {
                    Severity::Warning if n == 1 => "warning-1",
                    Severity::Warning => "warnings-n",
                    _ => "infos-n",
                };
                if n > 0 {
                    rest.push(format!(
                        "{} {}",
                        shape(severity),
                        word(lang, key).replace("{n}", &n.to_string())
                    ));
                }
            }
            (
                i18n::category_title(report, &c.category, lang),
                common::tally_words(&c.tally, lang, true),
                rest.join(" · "),
            )
        })
        .collect();
    let tally_width = lines
        .iter()
        .map(|(_, t, _)| t.chars().count())
        .max()
        .unwrap_or(0);
    let rest_width = lines
        .iter()
        .map(|(_, _, r)| r.chars().count())
        .max()
        .unwrap_or(0);
    let longest_title = lines
        .iter()
        .map(|(t, _, _)| t.chars().count())
        .max()
        .unwrap_or(0);
    // The counts never give way; the title does, down to 16 characters.
    let title_width = longest_title
        .min(width.saturating_sub(tally_width + rest_width + 6))
        .max(16);
    let _ = writeln!(out, "\n{}", paint.bold(word(lang, "per-category")));
    for (title, tally, rest) in lines {
        let title = format!("{:<title_width$}", fit(&title, title_width));
        let line = format!(
            "{title}  {tally:<tally_width$}  {}",
            paint.fg(AnsiColor::Yellow, &rest)
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// A severity's shape: severity is told by shape and word, not by colour alone.
fn shape(s: Severity) -> &'static str {
    match s {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "●",
    }
}

fn mark(r: &RuleResult, paint: &Paint) -> String {
    let colour = if r.severity == Severity::Error {
        AnsiColor::Red
    } else {
        AnsiColor::Yellow
    };
    paint.fg(colour, shape(r.severity))
}

fn error_in_full(out: &mut String, r: &RuleResult, lang: Lang, width: usize, paint: &Paint) {
    let info = &r.rule_info;
    let _ = writeln!(
        out,
        "  {} {} {} — {}{}",
        mark(r, paint),
        paint.bold(&r.rule),
        info.title.get(lang).trim(),
        paint.fg(AnsiColor::Red, status_word(r, lang)),
        super::baseline::tag(r, lang)
    );
    let indent = "    ";
    let text_width = width.saturating_sub(indent.len()).max(30);
    let mut say = |text: &str| {
        for line in wrap(text, text_width) {
            let _ = writeln!(out, "{indent}{line}");
        }
    };
    say(&common::outcome_message(r, lang));
    for e in common::shown_evidence(r, 3) {
        if e.review {
            say(&format!(
                "{}: «{}» ({})",
                place(e, lang),
                common::one_line(&e.excerpt),
                common::evidence_word(lang, e)
            ));
        } else {
            say(&format!(
                "{}: «{}»",
                place(e, lang),
                common::one_line(&e.excerpt)
            ));
        }
        if let Some(d) = &e.definition {
            say(&definition_sentence(lang, d));
        }
        if !e.also_at.is_empty() {
            say(&format!(
                "{} {}",
                word(lang, "also-used-at"),
                common::other_places(&e.also_at, lang)
            ));
        }
        // A violation's fix is its own sentence corrected, never a canned example.
        if let Some(fix) = &e.fix {
            say(&format!("→ {fix}"));
        }
    }
    if r.evidence_total > 3 {
        say(&format!(
            "… {} {}",
            r.evidence_total - 3,
            word(lang, "more")
        ));
    }
}

/// Words wrapped to lines of at most `width` characters (a longer word stands alone).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for w in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + w.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(w);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_and_wrapped_to_the_width() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
        let lines = wrap("en to tre fire fem seks", 9);
        assert!(lines.iter().all(|l| l.chars().count() <= 9), "{lines:?}");
        assert_eq!(lines.join(" "), "en to tre fire fem seks");
    }
}
