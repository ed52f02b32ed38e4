//! The default terminal report: what to do next, on one screen for a typical
//! draft. The header, a summary per category (counts and a bar), the errors in
//! full, the warnings one line each, then where to read more. `--verbose` gives
//! the full report (`human`). UI words in bokmål, nynorsk or English.

use super::RenderOptions;
use super::common::{self, definition_sentence, summary_line};
use super::i18n::{self, word};
use super::paint::Paint;
use crate::Lang;
use crate::findings::{CheckReport, Evidence, RuleResult, Status};
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

/// Text cut from the start, so a place keeps its line and column: `…md:12:5`.
fn fit_start(text: &str, max: usize) -> String {
    let n = text.chars().count();
    if n <= max {
        return text.to_string();
    }
    let kept: String = text.chars().skip(n + 1 - max).collect();
    format!("…{kept}")
}

fn status_word(r: &RuleResult, lang: Lang) -> &'static str {
    word(lang, r.status.as_str())
}

/// Where a result's nearest evidence is, short: `bilag-1.md:12:5 [K-3.1]`; a
/// dash when the tender says nothing about the topic.
fn nearest(r: &RuleResult, lang: Lang) -> String {
    let verdict = || r.evidence.iter().filter(|e| !e.review);
    match verdict().find(|e| e.line.is_some()).or(verdict().next()) {
        Some(e) => {
            let path = common::display_path(&e.file);
            let name = path.rsplit('/').next().unwrap_or(&path);
            let mut s = format!("{name}:{}", common::location(e, lang));
            if let Some(id) = &e.requirement_id {
                s.push_str(&format!(" [{id}]"));
            }
            s
        }
        None => "—".to_string(),
    }
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
    header(&mut out, report, lang, width, &paint);

    if !options.quiet {
        categories(&mut out, report, lang, width, &paint);
    }

    let failing: Vec<&RuleResult> = report.results.iter().filter(|r| r.fails()).collect();
    let order = common::categories(report);
    let rank = |c: &str| order.iter().position(|o| *o == c).unwrap_or(usize::MAX);
    let of = |s: Severity| -> Vec<&RuleResult> {
        let mut v: Vec<&RuleResult> = failing
            .iter()
            .copied()
            .filter(|r| r.severity == s)
            .collect();
        v.sort_by(|a, b| (rank(&a.category), &a.rule).cmp(&(rank(&b.category), &b.rule)));
        v
    };
    let errors = of(Severity::Error);
    let warnings = of(Severity::Warning);
    let infos = of(Severity::Info);

    if !errors.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            paint.bold(&format!("{} ({})", word(lang, "errors"), errors.len()))
        );
        for r in &errors {
            error_in_full(&mut out, report, r, lang, width, &paint);
        }
    }
    if !warnings.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            paint.bold(&format!("{} ({})", word(lang, "warnings"), warnings.len()))
        );
        for r in &warnings {
            warning_line(&mut out, r, lang, width, &paint);
        }
    }
    if !infos.is_empty() && !options.quiet {
        let _ = writeln!(
            out,
            "\n{}",
            paint.dim(&word(lang, "infos").replace("{n}", &infos.len().to_string()))
        );
    }

    let s = &report.summary;
    let line = summary_line(report, lang);
    let colour = if s.failed > 0 {
        AnsiColor::Red
    } else {
        AnsiColor::Green
    };
    let _ = writeln!(out, "\n{}", paint.fg(colour, &line));
    if !options.quiet && !failing.is_empty() {
        let first = errors.first().or(warnings.first()).or(infos.first());
        let _ = writeln!(out, "{}", paint.dim(word(lang, "more-verbose")));
        if let Some(r) = first {
            let _ = writeln!(
                out,
                "{}",
                paint.dim(&word(lang, "more-explain").replace("{rule}", &r.rule))
            );
        }
    }
    out.into_bytes()
}

/// What was checked with what, the services the verdicts assume, unreadable
/// files and notices.
fn header(out: &mut String, report: &CheckReport, lang: Lang, width: usize, paint: &Paint) {
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
    for f in report.files.iter().filter(|f| f.error.is_some()) {
        let _ = writeln!(
            out,
            "{} {}: {}",
            paint.fg(AnsiColor::Red, &format!("{}:", word(lang, "error"))),
            f.path,
            super::i18n::unreadable_with_cause(f, lang)
        );
    }
    for n in &report.notices {
        let _ = writeln!(
            out,
            "{} {}",
            paint.fg(AnsiColor::Cyan, &format!("{}:", word(lang, "note"))),
            fit(&super::i18n::notice(n, lang), width - 6)
        );
    }
}

/// One line per category: its title, how many rules are met, weak and failing,
/// and a bar of the same when the terminal is wide enough.
fn categories(out: &mut String, report: &CheckReport, lang: Lang, width: usize, paint: &Paint) {
    let titles: Vec<(String, &str)> = common::categories(report)
        .into_iter()
        .map(|c| (i18n::category_title(report, c, lang), c))
        .collect();
    let title_width = titles
        .iter()
        .map(|(t, _)| t.chars().count())
        .max()
        .unwrap_or(0)
        .min(if width >= 100 { 42 } else { 34 });
    let _ = writeln!(out);
    for (title, category) in &titles {
        let results: Vec<&RuleResult> = report
            .results
            .iter()
            .filter(|r| r.category == *category)
            .collect();
        let good = results
            .iter()
            .filter(|r| r.ok || r.waiver.is_some())
            .count();
        let weak = results
            .iter()
            .filter(|r| r.fails() && r.status == Status::Weak)
            .count();
        let bad = results.len() - good - weak;
        let counts = format!(
            "{good:>3} {}  {weak:>2} {}  {bad:>3} {}",
            word(lang, "ok"),
            word(lang, "weak"),
            word(lang, "missing")
        );
        let title = format!("{:<title_width$}", fit(title, title_width));
        let used = title_width + 2 + counts.chars().count() + 2;
        // A bar only where it has room to mean something.
        let bar_width = width.saturating_sub(used + 1).min(30);
        let bar = if bar_width >= 10 && !results.is_empty() {
            let cells = |n: usize| (n * bar_width).div_ceil(results.len()).min(bar_width);
            let g = cells(good);
            let w = cells(weak).min(bar_width - g);
            let b = bar_width - g - w;
            format!(
                "  {}{}{}",
                paint.fg(AnsiColor::Green, &"█".repeat(g)),
                paint.fg(AnsiColor::Yellow, &"▒".repeat(w)),
                paint.dim(&"·".repeat(b))
            )
        } else {
            String::new()
        };
        let _ = writeln!(out, "{title}  {counts}{bar}");
    }
}

fn mark(r: &RuleResult, paint: &Paint) -> String {
    let colour = if r.severity == Severity::Error {
        AnsiColor::Red
    } else {
        AnsiColor::Yellow
    };
    paint.fg(colour, "✗")
}

fn error_in_full(
    out: &mut String,
    report: &CheckReport,
    r: &RuleResult,
    lang: Lang,
    width: usize,
    paint: &Paint,
) {
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
    if r.status == Status::Weak {
        say(word(lang, "not-accepted"));
    } else {
        say(info.message.get(lang).trim());
    }
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
    if r.status != Status::Violation
        && let Some(s) = common::suggestion(report, r)
    {
        say(&format!("{}: {s}", word(lang, "suggestion")));
    }
}

fn warning_line(out: &mut String, r: &RuleResult, lang: Lang, width: usize, paint: &Paint) {
    let status = format!("{}{}", status_word(r, lang), super::baseline::tag(r, lang));
    // rule, title, status, nearest evidence; the place gives way first, then the title.
    let fixed = 4 + 10 + 3 + status.chars().count() + 3;
    let room = width.saturating_sub(fixed);
    let nearest = fit_start(&nearest(r, lang), (room * 2 / 5).max(8));
    let title_room = room.saturating_sub(nearest.chars().count()).max(12);
    let title = fit(r.rule_info.title.get(lang).trim(), title_room);
    let _ = writeln!(
        out,
        "  {} {:<9} {title} — {} {}",
        mark(r, paint),
        r.rule,
        paint.fg(AnsiColor::Yellow, &status),
        paint.dim(&format!("· {nearest}"))
    );
    // A missing rule whose topic a sentence may cover says which, to check.
    if let Some(e) = common::review_evidence(r) {
        let line = format!(
            "{}: {} «{}»",
            common::evidence_word(lang, e),
            place(e, lang),
            common::one_line(&e.excerpt)
        );
        let _ = writeln!(
            out,
            "              {}",
            fit(&line, width.saturating_sub(14).max(30))
        );
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
        assert_eq!(fit_start("bilag.md:12:5", 8), "…md:12:5");
        let lines = wrap("en to tre fire fem seks", 9);
        assert!(lines.iter().all(|l| l.chars().count() <= 9), "{lines:?}");
        assert_eq!(lines.join(" "), "en to tre fire fem seks");
    }
}
