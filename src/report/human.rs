//! Output for people at a terminal: every rule with its status, evidence and the
//! requirement text to paste; violations with a snippet of the source (miette).

use super::RenderOptions;
use crate::Lang;
use crate::findings::{CheckReport, Coverage, Evidence, RuleResult, Status};
use crate::rules::Severity;
use std::fmt::Write as _;
use std::sync::Arc;

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn bold(&self, t: &str) -> String {
        self.paint("1", t)
    }
    fn dim(&self, t: &str) -> String {
        self.paint("2", t)
    }
    fn red(&self, t: &str) -> String {
        self.paint("31", t)
    }
    fn yellow(&self, t: &str) -> String {
        self.paint("33", t)
    }
    fn green(&self, t: &str) -> String {
        self.paint("32", t)
    }
    fn cyan(&self, t: &str) -> String {
        self.paint("36", t)
    }
}

/// Words of the human report in bokmål and English.
pub fn word(lang: Lang, key: &str) -> &'static str {
    let en = lang == Lang::En;
    match key {
        "met" => {
            if en {
                "met"
            } else {
                "oppfylt"
            }
        }
        "weak" => {
            if en {
                "weak"
            } else {
                "svakt"
            }
        }
        "missing" => {
            if en {
                "missing"
            } else {
                "mangler"
            }
        }
        "violation" => {
            if en {
                "violation"
            } else {
                "brudd"
            }
        }
        "passed" => {
            if en {
                "passed"
            } else {
                "ok"
            }
        }
        "not-applicable" => {
            if en {
                "not applicable"
            } else {
                "ikke relevant"
            }
        }
        "waived" => {
            if en {
                "waived"
            } else {
                "unntatt"
            }
        }
        "rules" => {
            if en {
                "rules"
            } else {
                "regler"
            }
        }
        "files" => {
            if en {
                "files"
            } else {
                "filer"
            }
        }
        "suggestion" => {
            if en {
                "Suggested requirement"
            } else {
                "Forslag til kravtekst"
            }
        }
        "replacement" => {
            if en {
                "Use instead"
            } else {
                "Bruk heller"
            }
        }
        "services" => {
            if en {
                "services"
            } else {
                "tjenester"
            }
        }
        "declared" => {
            if en {
                "declared"
            } else {
                "oppgitt"
            }
        }
        "detected" => {
            if en {
                "detected"
            } else {
                "funnet i teksten"
            }
        }
        "unreadable" => {
            if en {
                "could not be read"
            } else {
                "kunne ikke leses"
            }
        }
        "accepted" => {
            if en {
                "accepted: the rule leaves the strength to the municipality"
            } else {
                "godtatt: regelen overlater styrken til kommunen"
            }
        }
        "not-accepted" => {
            if en {
                "not enough: the rule wants a binding requirement"
            } else {
                "ikke nok: regelen krever et bindende krav"
            }
        }
        "more" => {
            if en {
                "more"
            } else {
                "flere"
            }
        }
        _ => "",
    }
}

pub(crate) fn coverage_word(lang: Lang, c: Coverage) -> &'static str {
    let en = lang == Lang::En;
    match c {
        Coverage::Binding => {
            if en {
                "binding"
            } else {
                "bindende"
            }
        }
        Coverage::Weak => {
            if en {
                "weak"
            } else {
                "svakt"
            }
        }
        Coverage::Negated => {
            if en {
                "put out of scope"
            } else {
                "holdt utenfor"
            }
        }
        Coverage::NonNormative => {
            if en {
                "background text, not a requirement"
            } else {
                "bakgrunnstekst, ikke et krav"
            }
        }
        Coverage::Descriptive => {
            if en {
                "description without «skal»/«bør»"
            } else {
                "beskrivelse uten «skal»/«bør»"
            }
        }
        Coverage::Violation => {
            if en {
                "here"
            } else {
                "her"
            }
        }
    }
}

/// Renders the whole report.
pub fn render(report: &CheckReport, options: &RenderOptions) -> String {
    let lang = options.lang;
    let style = Style {
        color: options.color,
    };
    let mut out = String::new();
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
        word(lang, "files")
    );
    if !report.services.effective.is_empty() {
        let how = if report.services.declared.is_empty() {
            word(lang, "detected")
        } else {
            word(lang, "declared")
        };
        let _ = writeln!(
            out,
            "{}: {} ({how})",
            word(lang, "services"),
            report.services.effective.join(", ")
        );
    }
    for file in report.files.iter().filter(|f| f.error.is_some()) {
        let _ = writeln!(
            out,
            "{} {}: {}",
            style.red("error:"),
            file.path,
            file.error.as_deref().unwrap_or(word(lang, "unreadable"))
        );
    }
    for notice in &report.notices {
        let _ = writeln!(out, "{} {}", style.cyan("note:"), notice.message);
    }

    let mut categories: Vec<&str> = Vec::new();
    for r in &report.results {
        if !categories.contains(&r.category.as_str()) {
            categories.push(&r.category);
        }
    }
    for category in categories {
        let mut results: Vec<&RuleResult> = report
            .results
            .iter()
            .filter(|r| r.category == category)
            .collect();
        results.sort_by_key(|r| (!r.fails(), std::cmp::Reverse(r.severity), r.rule.clone()));
        let shown: Vec<&&RuleResult> = results
            .iter()
            .filter(|r| !options.quiet || r.fails())
            .collect();
        if shown.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", style.bold(&category_title(category, lang)));
        for r in shown {
            render_result(&mut out, report, r, &style, options);
        }
    }

    let s = &report.summary;
    let mut parts = vec![format!("{} {}", s.rules, word(lang, "rules"))];
    for (n, key) in [
        (s.met, "met"),
        (s.weak, "weak"),
        (s.missing, "missing"),
        (s.violation, "violation"),
        (s.passed, "passed"),
        (s.not_applicable, "not-applicable"),
        (s.waived, "waived"),
    ] {
        if n > 0 || matches!(key, "met" | "weak" | "missing") {
            parts.push(format!("{n} {}", word(lang, key)));
        }
    }
    let line = parts.join(" · ");
    let _ = writeln!(
        out,
        "\n{}",
        if s.failed > 0 {
            style.red(&line)
        } else {
            style.green(&line)
        }
    );
    out
}

pub(crate) fn category_title(category: &str, lang: Lang) -> String {
    let en = lang == Lang::En;
    let title = match category {
        "interoperability" => {
            if en {
                "Interoperability"
            } else {
                "Samhandling og integrasjoner"
            }
        }
        "information-sharing" => {
            if en {
                "Information sharing"
            } else {
                "Informasjonsdeling"
            }
        }
        "architecture" => {
            if en {
                "Architecture"
            } else {
                "Arkitektur"
            }
        }
        "security" => {
            if en {
                "Security and privacy"
            } else {
                "Informasjonssikkerhet og personvern"
            }
        }
        "archiving" => {
            if en {
                "Archiving and data lifecycle"
            } else {
                "Arkiv og livsløp for data"
            }
        }
        "usability" => {
            if en {
                "Usability and accessibility"
            } else {
                "Brukervennlighet og universell utforming"
            }
        }
        "hygiene" => {
            if en {
                "Procurement hygiene"
            } else {
                "Anskaffelsesfaglig kvalitet"
            }
        }
        "contract" => {
            if en {
                "Contract and options"
            } else {
                "Kontrakt og opsjoner"
            }
        }
        other => other,
    };
    title.to_string()
}

fn render_result(
    out: &mut String,
    report: &CheckReport,
    r: &RuleResult,
    style: &Style,
    options: &RenderOptions,
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
    let severity = match r.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    };
    let _ = writeln!(
        out,
        "  {mark} {:<8} {} {} — {status_text}",
        severity,
        style.bold(&r.rule),
        info.title.get(lang)
    );
    let indent = "             ";
    if let Some(w) = &r.waiver {
        let _ = writeln!(out, "{indent}{}: {}", word(lang, "waived"), w.reason);
        return;
    }
    match r.status {
        Status::Met | Status::Passed | Status::NotApplicable => {
            if let Some(e) = r.evidence.first()
                && !options.quiet
            {
                let _ = writeln!(out, "{indent}{}", style.dim(&evidence_line(e, lang, false)));
            }
        }
        Status::Weak => {
            let note = if r.ok {
                word(lang, "accepted")
            } else {
                word(lang, "not-accepted")
            };
            let _ = writeln!(out, "{indent}{}", style.dim(note));
            for e in r.evidence.iter().take(3) {
                let _ = writeln!(out, "{indent}{}", evidence_line(e, lang, true));
            }
            suggestion(out, report, r, style, lang, indent);
        }
        Status::Missing => {
            let _ = writeln!(out, "{indent}{}", info.message.get(lang));
            for e in r.evidence.iter().take(3) {
                let _ = writeln!(out, "{indent}{}", style.dim(&evidence_line(e, lang, true)));
            }
            suggestion(out, report, r, style, lang, indent);
        }
        Status::Violation => {
            let _ = writeln!(out, "{indent}{}", info.message.get(lang));
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
                    }
                    None => {
                        let _ = writeln!(out, "{indent}{}", evidence_line(e, lang, false));
                    }
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
    let suggestion_lang = if lang == Lang::Nb && report.tender_language == Lang::Nn {
        Lang::Nn
    } else {
        lang
    };
    if let Some(s) = &r.rule_info.suggestion {
        let _ = writeln!(
            out,
            "{indent}{}: {}",
            style.cyan(word(lang, "suggestion")),
            s.get(suggestion_lang).trim()
        );
    }
}

fn evidence_line(e: &Evidence, lang: Lang, with_coverage: bool) -> String {
    let mut line = format!("{}:{}", e.file, e.location);
    if !e.section.is_empty() {
        line.push_str(&format!(" › {}", e.section));
    }
    if let Some(id) = &e.requirement_id {
        line.push_str(&format!(" [{id}]"));
    }
    line.push_str(&format!(": «{}»", e.excerpt));
    if with_coverage {
        line.push_str(&format!(" ({})", coverage_word(lang, e.coverage)));
    }
    line
}

/// A miette snippet for evidence in a Markdown file.
fn snippet(
    report: &CheckReport,
    r: &RuleResult,
    e: &Evidence,
    lang: Lang,
    options: &RenderOptions,
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
