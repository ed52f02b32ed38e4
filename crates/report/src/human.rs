//! Output for people at a terminal: every rule with its status, evidence and the
//! requirement text to paste; violations with a snippet of the source (miette).

use super::RenderOptions;
use super::common::{self, definition_sentence, summary_line};
use super::i18n::{self, word};
use super::paint::Paint;
use crate::Lang;
use crate::findings::{CheckReport, Evidence, RuleResult, Status};
use crate::rules::Severity;
use anstyle::AnsiColor;
use std::fmt::Write as _;
use std::sync::Arc;

/// The styles of the full report.
struct Style(Paint);

impl Style {
    fn bold(&self, t: &str) -> String {
        self.0.bold(t)
    }
    fn dim(&self, t: &str) -> String {
        self.0.dim(t)
    }
    fn red(&self, t: &str) -> String {
        self.0.fg(AnsiColor::Red, t)
    }
    fn yellow(&self, t: &str) -> String {
        self.0.fg(AnsiColor::Yellow, t)
    }
    fn green(&self, t: &str) -> String {
        self.0.fg(AnsiColor::Green, t)
    }
    fn cyan(&self, t: &str) -> String {
        self.0.fg(AnsiColor::Cyan, t)
    }
}

/// Renders the whole report.
pub(crate) fn render(report: &CheckReport, options: &RenderOptions<'_>) -> Vec<u8> {
    let lang = options.lang;
    let style = Style(Paint::always(options.color));
    let mut out = String::new();
    header(&mut out, report, &style, lang);
    // What fails first, in the order of the to-do list every other format opens
    // with (errors, then warnings, then info); then, per category, the rest.
    let to_fix = common::to_fix(report);
    let _ = writeln!(
        out,
        "\n{}",
        style.bold(&format!("{} ({})", word(lang, "todo-title"), to_fix.len()))
    );
    if to_fix.is_empty() {
        let _ = writeln!(out, "  {}", word(lang, "todo-none"));
    }
    // Within a severity the list runs by category: its title wherever it changes.
    let mut category = None;
    for r in &to_fix {
        if category != Some(&r.category) {
            category = Some(&r.category);
            let title = i18n::category_title(report, &r.category, lang);
            let _ = writeln!(out, " {}", style.dim(&title));
        }
        render_result(&mut out, report, r, &style, options);
    }
    for category in common::categories(report) {
        if options.quiet {
            break;
        }
        let mut rest: Vec<&RuleResult> = report
            .results
            .iter()
            .filter(|r| r.category == category && !r.fails())
            .collect();
        if rest.is_empty() {
            continue;
        }
        rest.sort_by_key(|r| (std::cmp::Reverse(r.severity), r.rule.clone()));
        let _ = writeln!(
            out,
            "\n{}",
            style.bold(&i18n::category_title(report, category, lang))
        );
        for r in rest {
            render_result(&mut out, report, r, &style, options);
        }
    }

    let s = &report.summary;
    let line = summary_line(report, lang);
    let _ = writeln!(
        out,
        "\n{}",
        if s.failed > 0 {
            style.red(&line)
        } else {
            style.green(&line)
        }
    );
    out.into_bytes()
}

/// What was checked with what, the services, unreadable files and notices.
fn header(out: &mut String, report: &CheckReport, style: &Style, lang: Lang) {
    let sets: Vec<String> = report
        .rulesets
        .iter()
        .map(|s| format!("{}@{}", s.id, s.version))
        .collect();
    let _ = writeln!(
        out,
        "{} {} · {} · {} {}",
        style.bold(&report.tool.name),
        report.tool.version,
        sets.join(", "),
        report.files.len(),
        if report.files.len() == 1 {
            word(lang, "file")
        } else {
            word(lang, "files")
        }
    );
    let _ = writeln!(
        out,
        "{}",
        common::services_statement_for(report, lang, common::ServicesChange::Flag)
    );
    for file in report.files.iter().filter(|f| f.error.is_some()) {
        let _ = writeln!(
            out,
            "{} {}: {}",
            style.red(&format!("{}:", word(lang, "error"))),
            file.path,
            super::i18n::unreadable_with_cause(file, lang)
        );
    }
    for notice in &report.notices {
        let label = match notice.level {
            crate::rules::Severity::Error => style.red(&format!("{}:", word(lang, "error"))),
            _ => style.cyan(&format!("{}:", word(lang, "note"))),
        };
        let _ = writeln!(out, "{label} {}", super::i18n::notice(notice, lang));
    }
}

fn render_result(
    out: &mut String,
    report: &CheckReport,
    r: &RuleResult,
    style: &Style,
    options: &RenderOptions<'_>,
) {
    let lang = options.lang;
    let info = &r.rule_info;
    let (mark, status_text) = match (r.status, r.ok, r.waiver.is_some()) {
        (_, _, true) => (style.dim("−"), style.dim(word(lang, "waived"))),
        (Status::Met | Status::Passed, _, _) => {
            (style.green("✓"), style.green(word(lang, r.status.as_str())))
        }
        (Status::NotApplicable, _, _) => (style.dim("·"), style.dim(word(lang, "not-applicable"))),
        (Status::Weak, true, _) => (style.yellow("~"), style.yellow(word(lang, "weak"))),
        (_, _, _) => {
            let paint = |t: &str| {
                if r.severity == Severity::Error {
                    style.red(t)
                } else {
                    style.yellow(t)
                }
            };
            (paint("✗"), paint(word(lang, r.status.as_str())))
        }
    };
    let severity = common::severity_word(lang, r.severity);
    let _ = writeln!(
        out,
        "  {mark} {:<8} {} {} — {status_text}{}",
        severity,
        style.bold(&r.rule),
        info.title.get(lang),
        super::baseline::tag(r, lang)
    );
    let indent = "             ";
    if let Some(w) = &r.waiver {
        let _ = writeln!(out, "{indent}{}: {}", word(lang, "waived"), w.reason);
        return;
    }
    match r.status {
        Status::Met | Status::Passed | Status::NotApplicable => {
            if !options.quiet {
                let _ = writeln!(
                    out,
                    "{indent}{}",
                    style.dim(&common::outcome_message(r, lang))
                );
                if let Some(e) = r.evidence.first() {
                    let _ = writeln!(out, "{indent}{}", style.dim(&evidence_line(e, lang, false)));
                }
            }
        }
        Status::Weak => {
            let _ = writeln!(
                out,
                "{indent}{}",
                style.dim(&common::outcome_message(r, lang))
            );
            for e in r.evidence.iter().take(3) {
                let _ = writeln!(out, "{indent}{}", evidence_line(e, lang, true));
            }
            suggestion(out, report, r, style, lang, indent);
        }
        Status::Missing => {
            let _ = writeln!(out, "{indent}{}", common::outcome_message(r, lang));
            for e in common::shown_evidence(r, 3) {
                // The sentence to review is not dimmed: it asks the reader to look.
                let line = evidence_line(e, lang, true);
                let line = if e.review { line } else { style.dim(&line) };
                let _ = writeln!(out, "{indent}{line}");
            }
            suggestion(out, report, r, style, lang, indent);
        }
        Status::Violation => violation(out, report, r, style, options, indent),
    }
}

/// A violation: the message, the replacement, a snippet per place (five at most)
/// with its fix.
fn violation(
    out: &mut String,
    report: &CheckReport,
    r: &RuleResult,
    style: &Style,
    options: &RenderOptions<'_>,
    indent: &str,
) {
    let lang = options.lang;
    let info = &r.rule_info;
    let _ = writeln!(out, "{indent}{}", common::outcome_message(r, lang));
    if let Some(rep) = &info.replacement {
        let _ = writeln!(
            out,
            "{indent}{}: {}",
            word(lang, "replacement"),
            rep.get(lang)
        );
    }
    for e in r.evidence.iter().take(5) {
        match snippet(report, r, e, lang, options) {
            Some(rendered) => {
                for line in rendered.lines() {
                    let _ = writeln!(out, "{indent}{line}");
                }
                // The snippet shows one place; an id used again names the others.
                if !e.also_at.is_empty() {
                    let _ = writeln!(
                        out,
                        "{indent}{} {}",
                        word(lang, "also-used-at"),
                        common::other_places(&e.also_at, lang)
                    );
                }
            }
            None => {
                let _ = writeln!(out, "{indent}{}", evidence_line(e, lang, false));
            }
        }
        if let Some(fix) = &e.fix {
            let _ = writeln!(
                out,
                "{indent}  {}: {fix}",
                style.cyan(word(lang, "suggestion"))
            );
        }
    }
    if r.evidence_total > 5 {
        let _ = writeln!(
            out,
            "{indent}… {} {}",
            r.evidence_total - 5,
            word(lang, "more")
        );
    }
}

fn suggestion(
    out: &mut String,
    report: &CheckReport,
    r: &RuleResult,
    style: &Style,
    lang: Lang,
    indent: &str,
) {
    if let Some(s) = common::suggestion(report, r) {
        let _ = writeln!(out, "{indent}{}: {s}", style.cyan(word(lang, "suggestion")),);
    }
}

fn evidence_line(e: &Evidence, lang: Lang, with_coverage: bool) -> String {
    let mut line = format!("{}:{}", e.file, common::location(e, lang));
    if !e.section.is_empty() {
        line.push_str(&format!(" › {}", e.section));
    }
    if let Some(id) = &e.requirement_id {
        line.push_str(&format!(" [{id}]"));
    }
    line.push_str(&format!(": «{}»", e.excerpt));
    if with_coverage {
        line.push_str(&format!(" ({})", common::evidence_word(lang, e)));
    }
    if let Some(d) = &e.definition {
        line.push_str(&format!(" — {}", definition_sentence(lang, d)));
    }
    if !e.also_at.is_empty() {
        line.push_str(&format!(
            " — {} {}",
            word(lang, "also-used-at"),
            common::other_places(&e.also_at, lang)
        ));
    }
    line
}

/// A miette snippet for evidence in a Markdown file.
fn snippet(
    report: &CheckReport,
    r: &RuleResult,
    e: &Evidence,
    lang: Lang,
    options: &RenderOptions<'_>,
) -> Option<String> {
    let source = report.sources.get(&e.file)?;
    let offset = e.byte_offset?;
    let len = e.byte_length.unwrap_or(0);
    let diagnostic = Finding {
        code: r.rule.clone(),
        message: r.rule_info.title.get(lang).to_string(),
        severity: r.severity,
        source: miette::NamedSource::new(e.file.clone(), source.clone()),
        span: (offset, len).into(),
        label: e.matched.clone().unwrap_or_default(),
    };
    let theme = if options.color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_context_lines(1);
    let mut rendered = String::new();
    handler.render_report(&mut rendered, &diagnostic).ok()?;
    Some(rendered)
}

/// A located finding as a miette diagnostic; code and severity come from the rule,
/// which miette's derive cannot take per value, so the trait is implemented by hand.
#[derive(Debug)]
struct Finding {
    code: String,
    message: String,
    severity: Severity,
    source: miette::NamedSource<Arc<str>>,
    span: miette::SourceSpan,
    label: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Finding {}

impl miette::Diagnostic for Finding {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let label = (!self.label.is_empty()).then(|| self.label.clone());
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_with_span(label, self.span),
        )))
    }
}
