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

/// Words of the human report: (key, English, bokmål, nynorsk).
const WORDS: &[(&str, &str, &str, &str)] = &[
    ("met", "met", "oppfylt", "oppfylt"),
    ("weak", "weak", "svakt", "svakt"),
    ("missing", "missing", "mangler", "manglar"),
    ("violation", "violation", "brudd", "brot"),
    ("passed", "passed", "ok", "ok"),
    (
        "not-applicable",
        "not applicable",
        "ikke relevant",
        "ikkje relevant",
    ),
    ("waived", "waived", "unntatt", "unnateke"),
    ("rules", "rules", "regler", "reglar"),
    ("files", "files", "filer", "filer"),
    ("file", "file", "fil", "fil"),
    (
        "suggestion",
        "Suggested requirement",
        "Forslag til kravtekst",
        "Forslag til kravtekst",
    ),
    ("replacement", "Use instead", "Bruk heller", "Bruk heller"),
    ("services", "services", "tjenester", "tenester"),
    ("declared", "declared", "oppgitt", "oppgjeve"),
    (
        "detected",
        "detected",
        "funnet i teksten",
        "funne i teksten",
    ),
    (
        "unreadable",
        "could not be read",
        "kunne ikke leses",
        "kunne ikkje lesast",
    ),
    (
        "accepted",
        "accepted: the rule leaves the strength to the municipality",
        "godtatt: regelen overlater styrken til kommunen",
        "godteke: regelen overlèt styrken til kommunen",
    ),
    (
        "not-accepted",
        "not enough: the rule wants a binding requirement",
        "ikke nok: regelen krever et bindende krav",
        "ikkje nok: regelen krev eit bindande krav",
    ),
    ("more", "more", "flere", "fleire"),
    ("binding", "binding", "bindende", "bindande"),
    ("weak-coverage", "weak", "svakt", "svakt"),
    (
        "negated",
        "put out of scope",
        "holdt utenfor",
        "halde utanfor",
    ),
    ("conditional", "conditional", "betinget", "vilkårsbunde"),
    (
        "evaluated",
        "evaluated, not required",
        "evalueres, kreves ikke",
        "blir evaluert, blir ikkje kravd",
    ),
    (
        "redefined",
        "defined otherwise by the tender",
        "definert annerledes i konkurransegrunnlaget",
        "definert annleis i konkurransegrunnlaget",
    ),
    (
        "non-normative",
        "background text, not a requirement",
        "bakgrunnstekst, ikke et krav",
        "bakgrunnstekst, ikkje eit krav",
    ),
    (
        "descriptive",
        "description without «skal»/«bør»",
        "beskrivelse uten «skal»/«bør»",
        "skildring utan «skal»/«bør»",
    ),
    ("here", "here", "her", "her"),
    (
        "interoperability",
        "Interoperability",
        "Samhandling og integrasjoner",
        "Samhandling og integrasjonar",
    ),
    (
        "information-sharing",
        "Information sharing",
        "Informasjonsdeling",
        "Informasjonsdeling",
    ),
    ("architecture", "Architecture", "Arkitektur", "Arkitektur"),
    (
        "security",
        "Security and privacy",
        "Informasjonssikkerhet og personvern",
        "Informasjonstryggleik og personvern",
    ),
    (
        "archiving",
        "Archiving and data lifecycle",
        "Arkiv og livsløp for data",
        "Arkiv og livsløp for data",
    ),
    (
        "usability",
        "Usability and accessibility",
        "Brukervennlighet og universell utforming",
        "Brukarvenlegheit og universell utforming",
    ),
    (
        "hygiene",
        "Procurement hygiene",
        "Anskaffelsesfaglig kvalitet",
        "Anskaffingsfagleg kvalitet",
    ),
    (
        "contract",
        "Contract and options",
        "Kontrakt og opsjoner",
        "Kontrakt og opsjonar",
    ),
    (
        "tenderlint",
        "tenderlint's own findings",
        "tenderlints egne funn",
        "tenderlint sine eigne funn",
    ),
];

/// A word of the human report in the language asked for; the key itself if unknown.
pub fn word(lang: Lang, key: &str) -> &str {
    known_word(lang, key).unwrap_or(key)
}

/// A word of the reports' shared table (statuses, category titles …), which the
/// brief report and the requirement table fall back on for what they share.
pub(crate) fn known_word(lang: Lang, key: &str) -> Option<&'static str> {
    WORDS
        .iter()
        .find(|(k, ..)| *k == key)
        .map(|(_, en, nb, nn)| match lang {
            Lang::En => *en,
            Lang::Nb => *nb,
            Lang::Nn => *nn,
        })
}

/// The closing count of a terminal report: «81 regler · 40 oppfylt · 3 svakt …».
pub(crate) fn summary_line(report: &CheckReport, lang: Lang) -> String {
    let s = &report.summary;
    let mut parts = vec![format!("{} {}", s.rules, word(lang, "rules"))];
    for (n, key) in s.counts() {
        if n > 0 || matches!(key, "met" | "weak" | "missing") {
            parts.push(format!("{n} {}", word(lang, key)));
        }
    }
    if let Some(b) = super::baseline::summary(report, lang) {
        parts.push(b);
    }
    parts.join(" · ")
}

pub(crate) fn coverage_word(lang: Lang, c: Coverage) -> &'static str {
    let key = match c {
        Coverage::Binding => "binding",
        Coverage::Weak => "weak-coverage",
        Coverage::Negated => "negated",
        Coverage::NonNormative => "non-normative",
        Coverage::Descriptive => "descriptive",
        Coverage::Conditional => "conditional",
        Coverage::Evaluated => "evaluated",
        Coverage::Redefined => "redefined",
        Coverage::Violation => "here",
    };
    word(lang, key)
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
        if report.files.len() == 1 {
            word(lang, "file")
        } else {
            word(lang, "files")
        }
    );
    let _ = writeln!(out, "{}", super::common::services_statement(report, lang));
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
        let label = match notice.level {
            crate::rules::Severity::Error => style.red("error:"),
            _ => style.cyan("note:"),
        };
        let _ = writeln!(out, "{label} {}", notice.message);
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
    out
}

pub(crate) fn category_title(category: &str, lang: Lang) -> String {
    word(lang, category).to_string()
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
    if let Some(s) = super::common::suggestion(report, r, lang) {
        let _ = writeln!(out, "{indent}{}: {s}", style.cyan(word(lang, "suggestion")),);
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
    if let Some(d) = &e.definition {
        line.push_str(&format!(" — {}", definition_sentence(lang, d)));
    }
    line
}

/// «SSO er i dette dokumentet definert som «Sentralt sykehjemskontor» (fil 12:1)».
pub(crate) fn definition_sentence(lang: Lang, d: &crate::findings::DefinitionNote) -> String {
    let says = match lang {
        Lang::En => "is defined in this tender as",
        Lang::Nb | Lang::Nn => "er i dette dokumentet definert som",
    };
    format!(
        "{} {says} «{}» ({}:{})",
        d.abbreviation, d.expansion, d.file, d.location
    )
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
