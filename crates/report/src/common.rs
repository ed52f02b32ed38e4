//! What the reporters share: which results are issues, where a finding without
//! a place points, a stable fingerprint, the suggestion to paste, the services
//! statement. The words themselves are in [`super::i18n`].
//!
//! CI consumers reject or hide findings without a file and line, but a missing
//! requirement has neither; so every issue gets a location here, once, and all
//! formats agree on it.

use super::i18n::{self, label, word};
use crate::Lang;
use crate::findings::{CheckReport, Coverage, Evidence, Outcome, RuleResult, Status, Tally};
use crate::rules::Severity;
use sha2::{Digest, Sha256};

/// One thing a CI system shows: a failing result at one location.
#[derive(Debug, Clone)]
pub struct Issue<'a> {
    /// The failing result.
    pub result: &'a RuleResult,
    /// The evidence the location comes from, if any (a violation, a weak
    /// requirement, a near miss).
    pub evidence: Option<&'a Evidence>,
    /// Path as reported (forward slashes).
    pub file: String,
    /// 1-based; 1 when the evidence has no line (DOCX, or a missing requirement).
    pub line: u32,
    /// 1-based, in characters; 1 when the evidence has no column.
    pub column: u32,
    /// The evidence has a real line/column (Markdown), not the fallback.
    pub has_line: bool,
    /// Which issue of the result this is (violations have one per evidence).
    pub index: usize,
}

impl Issue<'_> {
    /// Where in a Word file the evidence is (`3 Rapportering, tabell 2, rad 3`),
    /// in `lang`; `None` for evidence with a line, or none.
    pub fn docx_location(&self, lang: Lang) -> Option<String> {
        self.evidence
            .filter(|e| e.line.is_none())
            .map(|e| location(e, lang).into_owned())
    }
}

/// Where a piece of evidence is in its file, in `lang`: the Word place a reader
/// finds (heading, paragraph, table, row, column) where there is one, else the
/// location as its format gives it (`12:5`, `¶ 863`).
pub fn location(e: &Evidence, lang: Lang) -> std::borrow::Cow<'_, str> {
    match &e.place {
        Some(p) => i18n::place(p, lang).into(),
        None => e.location.as_str().into(),
    }
}

/// The text to paste for a result, with its `[[…]]` placeholders: for a violation
/// the fix built from its first finding (none when the finding gives none — a
/// canned example would not fit it); otherwise the rule's suggested requirement
/// text in the language the check chose for suggestions
/// ([`crate::check::suggestion_language`], the one place that choice is made).
pub fn suggestion_raw<'a>(report: &CheckReport, r: &'a RuleResult) -> Option<&'a str> {
    if r.status == Status::Violation {
        return r.evidence.iter().find_map(|e| e.fix.as_deref());
    }
    r.rule_info
        .suggestion
        .as_ref()
        .map(|s| s.get(report.suggestion_language).trim())
        .filter(|s| !s.is_empty())
}

/// [`suggestion_raw`] for text formats: placeholders shown as `⟨…⟩`.
pub fn suggestion(report: &CheckReport, r: &RuleResult) -> Option<String> {
    suggestion_raw(report, r).map(crate::fixes::plain)
}

/// The text to paste for one issue: a violation's own fix, else the result's suggestion.
pub fn issue_suggestion(report: &CheckReport, issue: &Issue<'_>) -> Option<String> {
    if issue.result.status == Status::Violation {
        return issue.evidence.and_then(|e| e.fix.clone());
    }
    suggestion(report, issue.result)
}

/// A severity's name as the formats write it (`error`, `warning`, `info`).
pub fn severity_str(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// Paths with forward slashes and without a leading `./`, as CI systems want them.
pub fn display_path(path: &str) -> String {
    let p = path.replace('\\', "/");
    p.strip_prefix("./").map(str::to_string).unwrap_or(p)
}

/// The file a finding about the whole tender points at: the main tender document.
/// Procurement teams name it «konkurransegrunnlag», «kravspesifikasjon» or
/// «bilag 1»; otherwise the first readable file.
pub fn main_file(report: &CheckReport) -> Option<String> {
    let readable: Vec<&str> = report
        .files
        .iter()
        .filter(|f| f.format.is_some() && f.error.is_none())
        .map(|f| f.path.as_str())
        .collect();
    let candidates: Vec<&str> = if readable.is_empty() {
        report.files.iter().map(|f| f.path.as_str()).collect()
    } else {
        readable
    };
    let preferred = candidates.iter().find(|p| {
        let name = p
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(p)
            .to_lowercase()
            .replace(['_', ' '], "-");
        ["konkurransegrunnlag", "kravspesifikasjon", "bilag-1"]
            .iter()
            .any(|k| {
                // «bilag-1» but not «bilag-10».
                name.match_indices(k).any(|(i, _)| {
                    *k != "bilag-1"
                        || !name[i + k.len()..].starts_with(|c: char| c.is_ascii_digit())
                })
            })
    });
    preferred.or(candidates.first()).map(|p| display_path(p))
}

/// Whether a result is reported as an issue: it fails (waived or not).
pub fn is_issue(r: &RuleResult) -> bool {
    !r.ok && matches!(r.status, Status::Missing | Status::Weak | Status::Violation)
}

fn at<'a>(r: &'a RuleResult, e: &'a Evidence, index: usize) -> Issue<'a> {
    Issue {
        result: r,
        evidence: Some(e),
        file: display_path(&e.file),
        line: e.line.unwrap_or(1).max(1),
        column: e.column.unwrap_or(1).max(1),
        has_line: e.line.is_some(),
        index,
    }
}

/// The issues of one result: none when it passes; one for a missing or weak
/// requirement; one per evidence for a violation. Waived results are included
/// (SARIF shows them as suppressed); callers that drop them check `waiver`.
pub fn issues<'a>(report: &CheckReport, r: &'a RuleResult) -> Vec<Issue<'a>> {
    if !is_issue(r) {
        return Vec::new();
    }
    let fallback = || Issue {
        result: r,
        evidence: None,
        file: main_file(report).unwrap_or_else(|| ".".into()),
        line: 1,
        column: 1,
        has_line: false,
        index: 0,
    };
    match r.status {
        Status::Violation if !r.evidence.is_empty() => r
            .evidence
            .iter()
            .enumerate()
            .map(|(i, e)| at(r, e, i))
            .collect(),
        // The weak requirement is where the fix goes, Word or Markdown.
        Status::Weak => vec![r.evidence.first().map_or_else(fallback, |e| at(r, e, 0))],
        // A near miss with a line shows where the topic almost counted; otherwise
        // the finding is about the whole tender.
        _ => vec![
            // A sentence shown for review is not where the finding is: the
            // finding keeps its place (and fingerprint) with or without it.
            r.evidence
                .iter()
                .find(|e| e.line.is_some() && !e.review)
                .map_or_else(fallback, |e| at(r, e, 0)),
        ],
    }
}

/// Every issue of the report, in result order.
pub fn all_issues(report: &CheckReport) -> Vec<Issue<'_>> {
    report
        .results
        .iter()
        .flat_map(|r| issues(report, r))
        .collect()
}

/// A hex SHA-256 of the parts, separated so that `a|bc` and `ab|c` differ.
pub fn hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    format!("{:x}", h.finalize())
}

/// The logical identity of an issue, without line numbers, so that editing the
/// tender above a finding does not turn it into a new alert: rule set, rule,
/// file, and the requirement id or the section path of the evidence (plus the
/// matched text for violations, which can occur several times in one section).
pub fn identity(issue: &Issue<'_>) -> Vec<String> {
    let r = issue.result;
    let mut parts = vec![r.ruleset.clone(), r.rule.clone(), issue.file.clone()];
    if let Some(e) = issue.evidence {
        match &e.requirement_id {
            Some(id) => parts.push(format!("req:{id}")),
            None => parts.push(format!("section:{}", e.section)),
        }
        if r.status == Status::Violation {
            parts.push(e.matched.clone().unwrap_or_else(|| e.excerpt.clone()));
        }
    }
    parts
}

/// The logical fingerprint of an issue (see [`identity`]).
pub fn fingerprint(issue: &Issue<'_>) -> String {
    let parts = identity(issue);
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    hash(&refs)
}

/// Fingerprints for a list of issues, made unique: a repeat of the same logical
/// identity gets its occurrence number hashed in, because GitLab shows only the
/// first of equal fingerprints.
pub fn unique_fingerprints(issues: &[Issue<'_>]) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    issues
        .iter()
        .map(|i| {
            let base = fingerprint(i);
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                base
            } else {
                hash(&[&base, &n.to_string()])
            }
        })
        .collect()
}

/// The one-line message of an issue: the rule's message, plus where in a Word
/// file the evidence is (CI systems only know lines) and the excerpt.
pub fn message(issue: &Issue<'_>, lang: Lang) -> String {
    let r = issue.result;
    // The outcome word first: CI systems show only this line, and it names the
    // outcome as every other format does.
    let mut text = format!(
        "{}: {}",
        status_word(r, lang),
        one_line(&outcome_message(r, lang))
    );
    if let Some(e) = issue.evidence {
        let mut place = String::new();
        if let Some(loc) = issue.docx_location(lang) {
            place.push_str(&loc);
        }
        if let Some(id) = &e.requirement_id {
            if !place.is_empty() {
                place.push_str(", ");
            }
            place.push_str(id);
        }
        let excerpt = one_line(&e.excerpt);
        // A near miss says why the text found does not count.
        let why = if r.status == Status::Missing {
            format!(" ({})", evidence_word(lang, e))
        } else {
            String::new()
        };
        if !excerpt.is_empty() {
            if place.is_empty() {
                text.push_str(&format!(" «{excerpt}»{why}"));
            } else {
                text.push_str(&format!(" ({place}: «{excerpt}»){why}"));
            }
        } else if !place.is_empty() {
            text.push_str(&format!(" ({place}){why}"));
        }
    }
    if let Some(e) = review_evidence(r)
        && !issue.evidence.is_some_and(|shown| std::ptr::eq(shown, e))
    {
        text.push_str(&format!(
            " — {}: «{}» ({})",
            word(lang, "possibly-covered"),
            one_line(&e.excerpt),
            evidence_place(e, lang)
        ));
    }
    if r.status == Status::Violation
        && let Some(rep) = &r.rule_info.replacement
    {
        text.push_str(&format!(
            " {}: {}",
            label(lang, "replacement"),
            rep.get(lang).trim()
        ));
    }
    text
}

/// Where else a piece of evidence's requirement id is used: file, place and text.
pub fn other_places(places: &[crate::findings::OtherPlace], lang: Lang) -> String {
    places
        .iter()
        .map(|p| {
            let at = match &p.place {
                Some(place) => i18n::place(place, lang),
                None => p.location.clone(),
            };
            format!("{}:{at} («{}»)", p.file, one_line(&p.excerpt))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Text on one line without control characters (Word text holds some; CI logs
/// and terminals should not get them).
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if matches!(c, '\n' | '\r' | '\t') {
            out.push(' ');
        } else if !c.is_control() {
            out.push(c);
        }
    }
    out
}

/// Text safe inside a Markdown table cell: no pipes, no line breaks, no HTML.
pub fn markdown_cell(s: &str) -> String {
    markdown_inline(s).replace('|', "\\|")
}

/// Text safe in a Markdown paragraph: HTML and line-leading Markdown neutralised.
pub fn markdown_inline(s: &str) -> String {
    one_line(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('`', "\\`")
}

/// Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates are
/// impossible in Rust strings, U+FFFE/U+FFFF); Word text contains some of them.
pub fn strip_xml_illegal(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || (('\u{20}'..='\u{D7FF}').contains(&c))
                || (('\u{E000}'..='\u{FFFD}').contains(&c))
                || c >= '\u{10000}'
        })
        .collect()
}

/// One sentence on the services scope-aware rules used and where each came from,
/// or, when there are none, that none were found and what that changes. Every
/// format states it: a wrong scope changes verdicts without any other sign.
pub fn services_statement(report: &CheckReport, lang: Lang) -> String {
    services_statement_for(report, lang, ServicesChange::Any)
}

/// Where the reader of a report changes the services the check assumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServicesChange {
    /// The terminal: `--services`.
    Flag,
    /// A Word report: the document property `services`.
    WordProperty,
    /// A report read anywhere: the flag or the configuration.
    Any,
    /// The page (`tenderlint serve`, the static page): its checkboxes.
    Page,
}

/// [`services_statement`] that says how to change the services where its reader
/// can: the flag in the terminal, the property in Word.
pub fn services_statement_for(report: &CheckReport, lang: Lang, how: ServicesChange) -> String {
    let services = &report.services;
    let title = word(lang, "services-title");
    let change = word(
        lang,
        match how {
            ServicesChange::Flag => "services-change-flag",
            ServicesChange::WordProperty => "services-change-property",
            ServicesChange::Any => "services-change-any",
            ServicesChange::Page => "services-change-page",
        },
    );
    if services.effective.is_empty() {
        if services.scoped_rules.is_empty() {
            return format!("{title}: {}", word(lang, "services-none"));
        }
        let rest = word(lang, "services-none-scoped")
            .replace("{n}", &services.scoped_rules.len().to_string());
        return format!("{title}: {rest} {change}");
    }
    // Services from the same place are listed together: «a, b (front matter of x.md)».
    let mut groups: Vec<(Vec<&str>, String)> = Vec::new();
    for service in &services.effective {
        let name = i18n::service_name(lang, service);
        let from: Vec<String> = services
            .origins
            .iter()
            .filter(|o| &o.service == service)
            .map(|o| origin_words(o, lang))
            .collect();
        let from = from.join("; ");
        match groups.iter_mut().find(|(_, f)| *f == from) {
            Some((names, _)) => names.push(name),
            None => groups.push((vec![name], from)),
        }
    }
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(names, from)| {
            if from.is_empty() {
                names.join(", ")
            } else {
                format!("{} ({from})", names.join(", "))
            }
        })
        .collect();
    let assumed = format!("{title}: {}.", parts.join(", "));
    if services.scoped_rules.is_empty() {
        return assumed;
    }
    format!("{assumed} {} {change}", word(lang, "services-if-wrong"))
}

fn origin_words(o: &crate::engine::ServiceOrigin, lang: Lang) -> String {
    let file = o.file.as_deref().map(display_path).unwrap_or_default();
    let of = word(lang, "origin-front-matter");
    let found_in = word(lang, "origin-detected");
    let title_of = word(lang, "origin-title");
    let title_props_of = word(lang, "origin-title-properties");
    let props_of = word(lang, "origin-properties");
    match o.kind.as_str() {
        "flag" => "--services".to_string(),
        "config" => file,
        "front-matter" => format!("{of} {file}"),
        "document-properties" => format!("{props_of} {file}"),
        "title" => format!("{title_of} {file}"),
        "document-properties-title" => format!("{title_props_of} {file}"),
        _ => {
            let place = match &o.section {
                Some(s) => format!("{found_in} {file} › {s}"),
                None => format!("{found_in} {file}"),
            };
            // The line or Word paragraph that decided it.
            match (o.line, o.paragraph) {
                (Some(line), _) => format!("{place}, {} {line}", word(lang, "origin-line")),
                (None, Some(p)) => format!("{place}, {} {p}", word(lang, "origin-paragraph")),
                (None, None) => place,
            }
        }
    }
}

/// The outcome word of a result (`oppfylt`, `svakt`, `unntatt` …): the same word
/// for the same result in every format and the terminal.
pub fn status_word(r: &RuleResult, lang: Lang) -> String {
    outcome_word(lang, r.outcome()).to_string()
}

/// An outcome's word in `lang`.
pub fn outcome_word(lang: Lang, outcome: Outcome) -> &'static str {
    word(lang, outcome.as_str())
}

/// What a result says, for its outcome: the rule's `message` when the topic is
/// missing or the tender says something wrong; the rule set's own text for met,
/// weak and passed, else one generated for any rule (rule sets before 1.2.0 write
/// none). A waived result says what its status would.
pub fn outcome_message(r: &RuleResult, lang: Lang) -> String {
    let info = &r.rule_info;
    let own =
        |m: &Option<crate::rules::Localized>| m.as_ref().map(|m| m.get(lang).trim().to_string());
    let generated = |key: &'static str| word(lang, key).to_string();
    match r.status {
        Status::Missing | Status::Violation => info.message.get(lang).trim().to_string(),
        Status::Met => own(&info.messages.met).unwrap_or_else(|| {
            let binding = r.evidence.iter().any(|e| e.coverage == Coverage::Binding);
            generated(if binding {
                "message-met-binding"
            } else {
                "message-met-stated"
            })
        }),
        Status::Weak => own(&info.messages.weak).unwrap_or_else(|| {
            generated(if r.ok {
                "message-weak-accepted"
            } else {
                "message-weak-not-accepted"
            })
        }),
        Status::Passed => own(&info.messages.passed).unwrap_or_else(|| generated("message-passed")),
        Status::NotApplicable => generated("message-not-applicable"),
    }
}

/// The failing results in the order to fix them: errors (the legal duties) first,
/// then warnings, then info; within a severity by category (in the order the
/// results give them) and rule id. Waived results are not to fix.
pub fn to_fix(report: &CheckReport) -> Vec<&RuleResult> {
    let order = categories(report);
    let rank = |c: &str| order.iter().position(|o| *o == c).unwrap_or(usize::MAX);
    let mut out: Vec<&RuleResult> = report.results.iter().filter(|r| r.fails()).collect();
    out.sort_by(|a, b| {
        (std::cmp::Reverse(a.severity), rank(&a.category), &a.rule).cmp(&(
            std::cmp::Reverse(b.severity),
            rank(&b.category),
            &b.rule,
        ))
    });
    out
}

/// A severity in words (`feil`, `advarsel`, `info`).
pub fn severity_word(lang: Lang, s: Severity) -> &'static str {
    word(lang, severity_str(s))
}

/// A tally in words: «8 oppfylt · 4 svakt · …», every outcome, or (`nonzero`)
/// only the outcomes some result has.
pub fn tally_words(tally: &Tally, lang: Lang, nonzero: bool) -> String {
    tally
        .counts()
        .iter()
        .filter(|(n, _)| !nonzero || *n > 0)
        .map(|(n, o)| format!("{n} {}", outcome_word(lang, *o)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// What a piece of evidence is, in words: its coverage, or «possibly covered —
/// check» for a sentence shown for review.
pub fn evidence_word(lang: Lang, e: &Evidence) -> &'static str {
    if e.review {
        word(lang, "possibly-covered")
    } else {
        coverage_word(lang, e.coverage)
    }
}

/// The evidence a format with room for `n` pieces shows: the first `n` that
/// support the verdict, then the sentence shown for review, if any (it is last,
/// and would be cut off by a plain `take(n)`).
pub fn shown_evidence(r: &RuleResult, n: usize) -> Vec<&Evidence> {
    let mut shown: Vec<&Evidence> = r.evidence.iter().filter(|e| !e.review).take(n).collect();
    shown.extend(review_evidence(r));
    shown
}

/// The sentence a missing rule shows for review («possibly covered — check»).
pub fn review_evidence(r: &RuleResult) -> Option<&Evidence> {
    r.evidence.iter().find(|e| e.review)
}

/// The word for a kind of coverage (binding, weak, …) in `lang`.
pub fn coverage_word(lang: Lang, c: Coverage) -> &'static str {
    let key = match c {
        Coverage::Binding => "binding",
        Coverage::Weak => "weak-coverage",
        Coverage::Negated => "negated",
        Coverage::NonNormative => "non-normative",
        Coverage::Descriptive => "descriptive",
        Coverage::Conditional => "conditional",
        Coverage::Evaluated => "evaluated",
        Coverage::Redefined => "redefined",
        Coverage::Excluded => "excluded",
        Coverage::Violation => "here",
    };
    word(lang, key)
}

/// «SSO er i dette dokumentet definert som «Sentralt sykehjemskontor» (fil 12:1)».
pub fn definition_sentence(lang: Lang, d: &crate::findings::DefinitionNote) -> String {
    format!(
        "{} {} «{}» ({}:{})",
        d.abbreviation,
        word(lang, "defined-as"),
        d.expansion,
        d.file,
        d.location
    )
}

/// The closing count of a terminal report: «91 regler · 40 oppfylt · 3 svakt …»,
/// every outcome, so that each format states the same numbers in the same words.
pub fn summary_line(report: &CheckReport, lang: Lang) -> String {
    let s = &report.summary;
    let mut line = format!(
        "{} {} · {}",
        s.rules,
        word(lang, "rules"),
        tally_words(s, lang, false)
    );
    if let Some(b) = super::baseline::summary(report, lang) {
        line.push_str(" · ");
        line.push_str(&b);
    }
    line
}

/// Categories in the order they first appear in the results.
pub fn categories(report: &CheckReport) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for r in &report.results {
        if !out.contains(&r.category.as_str()) {
            out.push(&r.category);
        }
    }
    out
}

/// Where a piece of evidence is, for people: `file:12:5 › Section [K-1]`.
pub fn evidence_place(e: &Evidence, lang: Lang) -> String {
    let mut s = format!("{}:{}", display_path(&e.file), location(e, lang));
    if !e.section.is_empty() {
        s.push_str(&format!(" › {}", e.section));
    }
    if let Some(id) = &e.requirement_id {
        s.push_str(&format!(" [{id}]"));
    }
    s
}

/// The date reports show (tests fix it); the same calendar date as waiver expiry.
pub use crate::date::Date;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn illegal_xml_characters_are_stripped() {
        assert_eq!(strip_xml_illegal("a\u{1}b\u{b}<c>\u{FFFF}\n"), "ab<c>\n");
    }

    #[test]
    fn hash_separates_parts() {
        assert_ne!(hash(&["a", "bc"]), hash(&["ab", "c"]));
    }
}
