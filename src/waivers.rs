//! Waivers: a decision, written down with its reason, that a rule does not apply
//! to this tender. They come from `tenderlint.yaml` (the whole rule) or from
//! comments in the tender (`<!-- tenderlint-disable INT-014: reason -->` in Markdown,
//! a Word comment `tenderlint-disable INT-014: reason` in DOCX), either with an
//! expiry: `tenderlint-disable INT-014 until 2027-01-31: reason`.
//!
//! Applied after the engine and before reporting: a waived result keeps its status
//! and evidence and gains [`Waiver`], so every format shows what was waived and why.
//! Waivers that are expired, name an unknown rule, waive nothing or lack a reason
//! become results of their own (`TL-WAIVER-*`), so they show up — and can fail CI —
//! in every format, the way cargo-deny reports advisories that are no longer needed.

use crate::document::{BlockKind, Document, Location};
use crate::findings::{
    CheckReport, Coverage, Evidence, RuleInfo, RuleResult, Status, Summary, Waiver,
};
use crate::rules::{Localized, RuleKind, Severity};
use crate::text::Modality;
use std::collections::HashSet;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// A waiver that has expired: it no longer suppresses anything.
pub const EXPIRED: &str = "TL-WAIVER-EXPIRED";
/// A waiver for a rule id no loaded rule set has.
pub const UNKNOWN_RULE: &str = "TL-WAIVER-UNKNOWN-RULE";
/// A waiver whose rule passes anyway.
pub const UNUSED: &str = "TL-WAIVER-UNUSED";
/// An inline waiver without a reason; it is not applied.
pub const NO_REASON: &str = "TL-WAIVER-NO-REASON";
/// A `tenderlint-…` comment tenderlint does not understand.
pub const UNKNOWN_DIRECTIVE: &str = "TL-DIRECTIVE-UNKNOWN";
/// An inline waiver whose `until` is not a date; it is not applied.
pub const BAD_DATE: &str = "TL-WAIVER-BAD-DATE";

/// The pseudo rule set the `TL-*` results belong to.
pub const RULESET: &str = "tenderlint";

/// A calendar date (proleptic Gregorian), enough for expiry dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// `YYYY-MM-DD`, a real day of a real month.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        let leap = date.year % 4 == 0 && (date.year % 100 != 0 || date.year % 400 == 0);
        let days = match date.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&date.day).then_some(date)
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_unix_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Today in UTC, from the system clock.
    pub fn today_utc() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_unix_days(secs.div_euclid(86_400))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A waiver from `tenderlint.yaml`: it waives the rule for the whole tender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWaiver {
    pub rule: String,
    pub reason: String,
    /// The last day the waiver holds.
    pub expires: Option<Date>,
    pub approved_by: Option<String>,
    /// Where it is written: the configuration file, line and column (1-based).
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub byte_offset: Option<usize>,
}

/// What the blocks of a waiver cover, in the terms evidence carries.
#[derive(Debug, Clone)]
enum Region {
    /// Markdown: byte ranges of the source.
    Bytes(Vec<Range<usize>>),
    /// DOCX: the locations of the blocks as displayed.
    Places(HashSet<String>),
}

#[derive(Debug, Clone)]
struct InlineWaiver {
    rules: Vec<String>,
    reason: String,
    /// The last day it holds (`until YYYY-MM-DD`).
    expires: Option<Date>,
    file: String,
    location: Location,
    region: Region,
}

impl InlineWaiver {
    fn covers(&self, e: &Evidence) -> bool {
        if e.file != self.file {
            return false;
        }
        match &self.region {
            Region::Bytes(ranges) => e
                .byte_offset
                .is_some_and(|o| ranges.iter().any(|r| r.contains(&o) || r.start == o)),
            Region::Places(places) => places.contains(&e.location),
        }
    }

    fn waiver(&self) -> Waiver {
        Waiver {
            reason: self.reason.clone(),
            origin: "inline".into(),
            expires: self.expires.map(|d| d.to_string()),
            approved_by: None,
            location: Some(format!("{}:{}", self.file, self.location.display())),
        }
    }

    fn names(&self, rule: &str) -> bool {
        self.rules.iter().any(|r| r.eq_ignore_ascii_case(rule))
    }
}

/// A problem found while reading waivers, before it becomes a `TL-*` result.
struct Diagnostic {
    code: &'static str,
    evidence: Evidence,
}

/// The blocks a directive on `block` covers: a heading's whole section when the
/// directive is on the heading (or, in Markdown, directly under it), else the block.
fn covered_blocks(doc: &Document, block: usize) -> Vec<usize> {
    let is_heading = |b: usize| {
        doc.blocks
            .get(b)
            .is_some_and(|b| matches!(b.kind, BlockKind::Heading { .. }))
    };
    let markdown = matches!(
        doc.blocks.get(block).map(|b| &b.location),
        Some(Location::Text { .. })
    );
    let heading = if is_heading(block) {
        Some(block)
    } else if markdown && block > 0 && is_heading(block - 1) {
        Some(block - 1)
    } else {
        None
    };
    let Some(heading) = heading else {
        return vec![block];
    };
    let section = doc.blocks[heading].section;
    let within = |mut s: usize| loop {
        if s == section {
            return true;
        }
        match doc.sections.get(s).and_then(|x| x.parent) {
            Some(p) if p != s => s = p,
            _ => return false,
        }
    };
    (0..doc.blocks.len())
        .filter(|&b| within(doc.blocks[b].section))
        .collect()
}

fn region(doc: &Document, blocks: &[usize]) -> Region {
    let markdown = doc.format == crate::document::Format::Markdown;
    if markdown {
        Region::Bytes(
            blocks
                .iter()
                .filter_map(|&b| match &doc.blocks.get(b)?.location {
                    Location::Text { bytes, .. } => Some(bytes.clone()),
                    Location::Docx { .. } => None,
                })
                .collect(),
        )
    } else {
        Region::Places(
            blocks
                .iter()
                .filter_map(|&b| doc.blocks.get(b).map(|b| b.location.display()))
                .collect(),
        )
    }
}

fn directive_evidence(doc: &Document, location: &Location, excerpt: String) -> Evidence {
    let (line, column, byte_offset, byte_length) = match location {
        Location::Text {
            bytes,
            line,
            column,
        } => (
            Some(*line),
            Some(*column),
            Some(bytes.start),
            Some(bytes.len()),
        ),
        Location::Docx { xml_offset, .. } => (None, None, Some(*xml_offset as usize), None),
    };
    Evidence {
        file: doc.path.display().to_string(),
        line,
        column,
        location: location.display(),
        byte_offset,
        byte_length,
        section: String::new(),
        requirement_id: None,
        excerpt,
        coverage: Coverage::Violation,
        modality: Modality::None,
        matched: None,
        type_legend: None,
        definition: None,
        fix: None,
        place: None,
    }
}

fn config_evidence(w: &ConfigWaiver, excerpt: String) -> Evidence {
    Evidence {
        file: w.file.clone(),
        line: Some(w.line),
        column: Some(w.column),
        location: format!("{}:{}", w.line, w.column),
        byte_offset: w.byte_offset,
        byte_length: None,
        section: "waivers".into(),
        requirement_id: None,
        excerpt,
        coverage: Coverage::Violation,
        modality: Modality::None,
        matched: None,
        type_legend: None,
        definition: None,
        fix: None,
        place: None,
    }
}

/// Reads the `tenderlint-…` directives of every document.
fn inline_waivers(docs: &[Document], diagnostics: &mut Vec<Diagnostic>) -> Vec<InlineWaiver> {
    let mut out = Vec::new();
    for doc in docs {
        for d in &doc.directives {
            let text = d.text.trim();
            let Some(rest) = text.strip_prefix("disable") else {
                diagnostics.push(Diagnostic {
                    code: UNKNOWN_DIRECTIVE,
                    evidence: directive_evidence(doc, &d.location, format!("tenderlint-{text}")),
                });
                continue;
            };
            if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
                diagnostics.push(Diagnostic {
                    code: UNKNOWN_DIRECTIVE,
                    evidence: directive_evidence(doc, &d.location, format!("tenderlint-{text}")),
                });
                continue;
            }
            let (ids, reason) = match rest.split_once(':') {
                Some((ids, reason)) => (ids, reason.trim()),
                None => (rest, ""),
            };
            let mut words: Vec<&str> = ids
                .split([',', ' '])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            // `INT-014 until 2027-01-31`: the last day the waiver holds.
            let mut expires = None;
            if let Some(at) = words.iter().position(|w| w.eq_ignore_ascii_case("until")) {
                match words.get(at + 1).and_then(|d| Date::parse(d)) {
                    Some(date) if words.len() == at + 2 => expires = Some(date),
                    _ => {
                        diagnostics.push(Diagnostic {
                            code: BAD_DATE,
                            evidence: directive_evidence(
                                doc,
                                &d.location,
                                format!("tenderlint-{text}"),
                            ),
                        });
                        continue;
                    }
                }
                words.truncate(at);
            }
            let rules: Vec<String> = words.into_iter().map(str::to_string).collect();
            if rules.is_empty() || reason.is_empty() {
                diagnostics.push(Diagnostic {
                    code: NO_REASON,
                    evidence: directive_evidence(doc, &d.location, format!("tenderlint-{text}")),
                });
                continue;
            }
            let blocks = d.block.map(|b| covered_blocks(doc, b)).unwrap_or_default();
            out.push(InlineWaiver {
                rules,
                reason: reason.to_string(),
                expires,
                file: doc.path.display().to_string(),
                location: d.location.clone(),
                region: region(doc, &blocks),
            });
        }
    }
    out
}

/// Whether a result is about the tender as a whole (a topic the tender must cover)
/// rather than about places in it.
fn tender_level(r: &RuleResult) -> bool {
    r.kind == RuleKind::Require || r.evidence.is_empty()
}

/// Applies waivers to a report's results and adds `TL-*` results for waivers that
/// are expired, unknown, unused or without a reason. `known` holds every rule id
/// of the rule sets used (rules switched off in the configuration included).
pub fn apply(
    report: &mut CheckReport,
    docs: &[Document],
    config: &[ConfigWaiver],
    known: &HashSet<String>,
    today: Date,
) {
    let mut diagnostics = Vec::new();
    let inline = inline_waivers(docs, &mut diagnostics);
    let is_known = |rule: &str| known.iter().any(|k| k.eq_ignore_ascii_case(rule));
    let mut config_used = vec![false; config.len()];
    let mut inline_used = vec![false; inline.len()];

    for (i, w) in config.iter().enumerate() {
        if !is_known(&w.rule) {
            config_used[i] = true;
            diagnostics.push(Diagnostic {
                code: UNKNOWN_RULE,
                evidence: config_evidence(w, format!("{}: {}", w.rule, w.reason)),
            });
        } else if let Some(expires) = w.expires.filter(|e| *e < today) {
            config_used[i] = true;
            diagnostics.push(Diagnostic {
                code: EXPIRED,
                evidence: config_evidence(
                    w,
                    format!("{} (expired {expires}): {}", w.rule, w.reason),
                ),
            });
        }
    }
    for (i, w) in inline.iter().enumerate() {
        if let Some(expires) = w.expires.filter(|e| *e < today) {
            inline_used[i] = true;
            if let Some(doc) = docs.iter().find(|d| d.path.display().to_string() == w.file) {
                diagnostics.push(Diagnostic {
                    code: EXPIRED,
                    evidence: directive_evidence(
                        doc,
                        &w.location,
                        format!("{} (expired {expires}): {}", w.rules.join(", "), w.reason),
                    ),
                });
            }
            continue;
        }
        let unknown: Vec<&String> = w.rules.iter().filter(|r| !is_known(r)).collect();
        if !unknown.is_empty() {
            if unknown.len() == w.rules.len() {
                inline_used[i] = true;
            }
            if let Some(doc) = docs.iter().find(|d| d.path.display().to_string() == w.file) {
                for rule in unknown {
                    diagnostics.push(Diagnostic {
                        code: UNKNOWN_RULE,
                        evidence: directive_evidence(
                            doc,
                            &w.location,
                            format!("{rule}: {}", w.reason),
                        ),
                    });
                }
            }
        }
    }

    for r in &mut report.results {
        if r.ok {
            continue;
        }
        let live = config.iter().position(|w| {
            w.rule.eq_ignore_ascii_case(&r.rule) && w.expires.is_none_or(|e| e >= today)
        });
        if let Some(i) = live {
            let w = &config[i];
            config_used[i] = true;
            r.waiver = Some(Waiver {
                reason: w.reason.clone(),
                origin: "config".into(),
                expires: w.expires.map(|d| d.to_string()),
                approved_by: w.approved_by.clone(),
                location: Some(format!("{}:{}:{}", w.file, w.line, w.column)),
            });
            continue;
        }
        let naming: Vec<usize> = (0..inline.len())
            .filter(|&i| inline[i].names(&r.rule) && inline[i].expires.is_none_or(|e| e >= today))
            .collect();
        if naming.is_empty() {
            continue;
        }
        if tender_level(r) {
            inline_used[naming[0]] = true;
            r.waiver = Some(inline[naming[0]].waiver());
            continue;
        }
        // Violations are waived where they are: evidence in a waived block goes.
        let covering = |e: &Evidence| naming.iter().copied().find(|&i| inline[i].covers(e));
        let all_shown = r.evidence_total == r.evidence.len();
        if all_shown && r.evidence.iter().all(|e| covering(e).is_some()) {
            let first = covering(&r.evidence[0]).unwrap_or(naming[0]);
            for e in &r.evidence {
                if let Some(i) = covering(e) {
                    inline_used[i] = true;
                }
            }
            r.waiver = Some(inline[first].waiver());
            continue;
        }
        let before = r.evidence.len();
        r.evidence.retain(|e| match covering(e) {
            Some(i) => {
                inline_used[i] = true;
                false
            }
            None => true,
        });
        r.evidence_total -= before - r.evidence.len();
    }

    for (i, w) in config.iter().enumerate() {
        if !config_used[i] {
            diagnostics.push(Diagnostic {
                code: UNUSED,
                evidence: config_evidence(w, format!("{}: {}", w.rule, w.reason)),
            });
        }
    }
    for (i, w) in inline.iter().enumerate() {
        if !inline_used[i]
            && let Some(doc) = docs.iter().find(|d| d.path.display().to_string() == w.file)
        {
            diagnostics.push(Diagnostic {
                code: UNUSED,
                evidence: directive_evidence(
                    doc,
                    &w.location,
                    format!("{}: {}", w.rules.join(", "), w.reason),
                ),
            });
        }
    }

    for code in [
        NO_REASON,
        BAD_DATE,
        UNKNOWN_DIRECTIVE,
        EXPIRED,
        UNKNOWN_RULE,
        UNUSED,
    ] {
        let evidence: Vec<Evidence> = diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| d.evidence.clone())
            .collect();
        if !evidence.is_empty() {
            report.results.push(diagnostic_result(code, evidence));
        }
    }
    report.summary = Summary::of(&report.results, &report.files);
}

fn localized(nb: &str, en: &str) -> Localized {
    Localized {
        nb: nb.into(),
        nn: None,
        en: Some(en.into()),
    }
}

/// Title, message and severity of each `TL-*` code.
fn describe(code: &str) -> (Localized, Localized, Severity) {
    match code {
        NO_REASON => (
            localized("Unntak uten begrunnelse", "Waiver without a reason"),
            localized(
                "Et unntak i teksten mangler begrunnelse og er ikke brukt. Skriv `tenderlint-disable REGEL: begrunnelse`.",
                "An inline waiver has no reason and is not applied. Write `tenderlint-disable RULE: reason`.",
            ),
            Severity::Error,
        ),
        BAD_DATE => (
            localized("Unntak med ugyldig dato", "Waiver with an invalid date"),
            localized(
                "Et unntak i teksten har `until` uten en gyldig dato etter og er ikke brukt. Skriv `tenderlint-disable REGEL until ÅÅÅÅ-MM-DD: begrunnelse`.",
                "An inline waiver has `until` without a valid date after it and is not applied. Write `tenderlint-disable RULE until YYYY-MM-DD: reason`.",
            ),
            Severity::Error,
        ),
        UNKNOWN_DIRECTIVE => (
            localized(
                "Ukjent tenderlint-kommentar",
                "Unknown tenderlint directive",
            ),
            localized(
                "En kommentar som starter med `tenderlint-` er ikke en instruks tenderlint kjenner; bare `tenderlint-disable` finnes.",
                "A comment starting with `tenderlint-` is not a directive tenderlint knows; only `tenderlint-disable` exists.",
            ),
            Severity::Warning,
        ),
        EXPIRED => (
            localized("Unntaket er utløpt", "Waiver expired"),
            localized(
                "Unntaket er utløpt og gjelder ikke lenger; regelen vurderes på vanlig måte. Forny eller fjern unntaket.",
                "The waiver has expired and no longer applies; the rule is judged as usual. Renew or remove the waiver.",
            ),
            Severity::Warning,
        ),
        UNKNOWN_RULE => (
            localized("Unntak for ukjent regel", "Waiver for an unknown rule"),
            localized(
                "Unntaket nevner en regel som ingen av regelsettene har. Sjekk stavingen med `tenderlint rules list`.",
                "The waiver names a rule no rule set has. Check the spelling with `tenderlint rules list`.",
            ),
            Severity::Warning,
        ),
        _ => (
            localized("Unødvendig unntak", "Unused waiver"),
            localized(
                "Unntaket unntar ingenting: regelen er oppfylt uansett. Fjern unntaket.",
                "The waiver suppresses nothing: the rule passes anyway. Remove the waiver.",
            ),
            Severity::Warning,
        ),
    }
}

fn diagnostic_result(code: &'static str, evidence: Vec<Evidence>) -> RuleResult {
    let (title, message, severity) = describe(code);
    let rule = RuleInfo {
        id: code.into(),
        title,
        message: message.clone(),
        severity,
        replacement: None,
        rationale: localized(
            "Unntak er beslutninger som skal kunne etterprøves: med begrunnelse, og fjernet når de ikke trengs.",
            "Waivers are decisions that must stand review: with a reason, and removed when no longer needed.",
        ),
        sources: Vec::new(),
        suggestion: None,
        help_uri: None,
        fix_adds_equivalent: false,
    };
    RuleResult {
        ruleset: RULESET.into(),
        ruleset_version: env!("CARGO_PKG_VERSION").into(),
        rule: code.into(),
        kind: RuleKind::Check,
        status: Status::Violation,
        ok: false,
        severity,
        strength: None,
        category: RULESET.into(),
        evidence_total: evidence.len(),
        evidence,
        waiver: None,
        baseline: None,
        rule_info: Arc::new(rule),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{CheckOptions, check_documents};
    use crate::rules::RuleSet;
    use std::path::PathBuf;

    fn demo() -> RuleSet {
        let path = format!(
            "{}/fixtures/rulesets/demo/1.0.0.yaml",
            env!("CARGO_MANIFEST_DIR")
        );
        crate::rules::resolve(&path).expect("fixture loads")
    }

    fn waiver(rule: &str, expires: Option<&str>) -> ConfigWaiver {
        ConfigWaiver {
            rule: rule.into(),
            reason: "besluttet".into(),
            expires: expires.and_then(Date::parse),
            approved_by: Some("Kari".into()),
            file: "tenderlint.yaml".into(),
            line: 3,
            column: 5,
            byte_offset: None,
        }
    }

    fn run(markdown: &str, config: Vec<ConfigWaiver>) -> CheckReport {
        let doc = crate::document::markdown::read(PathBuf::from("anbud.md"), markdown);
        let options = CheckOptions {
            waivers: config,
            today: Date::parse("2026-11-25"),
            ..CheckOptions::default()
        };
        check_documents(&[doc], &[demo()], &options)
    }

    fn result<'a>(report: &'a CheckReport, rule: &str) -> Option<&'a RuleResult> {
        report.results.iter().find(|r| r.rule == rule)
    }

    const COMPLETE: &str = "# Krav\n\nLøsningen skal bruke HelseID.\n\nLøsningen skal integreres med kjernejournal og logge tilgang.\n";

    #[test]
    fn dates() {
        assert_eq!(Date::from_unix_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_unix_days(20_597).to_string(), "2026-05-24");
        assert_eq!(Date::from_unix_days(11_016).to_string(), "2000-02-29");
        assert_eq!(Date::parse("2028-02-29").map(|d| d.day), Some(29));
        assert_eq!(Date::parse("2027-02-29"), None);
        assert_eq!(Date::parse("2027-6-30"), None);
    }

    #[test]
    fn a_config_waiver_waives_the_rule_with_its_reason() {
        let report = run(
            "# Krav\n\nLøsningen skal bruke HelseID.\n",
            vec![waiver("DEMO-002", Some("2027-06-30"))],
        );
        let r = result(&report, "DEMO-002").unwrap();
        let w = r.waiver.as_ref().expect("waived");
        assert_eq!(w.origin, "config");
        assert_eq!(w.reason, "besluttet");
        assert_eq!(w.expires.as_deref(), Some("2027-06-30"));
        assert!(!r.fails());
        assert_eq!(report.summary.waived, 1);
        assert!(result(&report, UNUSED).is_none());
    }

    #[test]
    fn an_expired_waiver_does_not_waive_and_is_reported() {
        let report = run(
            COMPLETE.replace("HelseID", "passord").as_str(),
            vec![waiver("DEMO-001", Some("2026-11-24"))],
        );
        assert!(result(&report, "DEMO-001").unwrap().fails());
        let expired = result(&report, EXPIRED).expect("expired reported");
        assert!(expired.evidence[0].excerpt.contains("2026-11-24"));
        assert_eq!(expired.evidence[0].file, "tenderlint.yaml");
        // The last day still counts.
        let report = run(
            COMPLETE.replace("HelseID", "passord").as_str(),
            vec![waiver("DEMO-001", Some("2026-11-25"))],
        );
        assert!(result(&report, "DEMO-001").unwrap().waiver.is_some());
    }

    #[test]
    fn unknown_and_unused_waivers_are_reported() {
        let report = run(
            COMPLETE,
            vec![waiver("DEMO-777", None), waiver("DEMO-001", None)],
        );
        assert_eq!(result(&report, UNKNOWN_RULE).unwrap().evidence.len(), 1);
        let unused = result(&report, UNUSED).unwrap();
        assert!(unused.evidence[0].excerpt.starts_with("DEMO-001"));
        assert_eq!(unused.severity, Severity::Warning);
        assert!(unused.fails());
    }

    #[test]
    fn an_inline_waiver_covers_the_next_block_only() {
        let md = format!(
            "{COMPLETE}\n<!-- tenderlint-disable DEMO-003: nødrutine -->\nVed nedetid skal papirjournal brukes.\n\nLøsningen skal også skrive ut papirjournal.\n"
        );
        let report = run(&md, vec![]);
        let r = result(&report, "DEMO-003").unwrap();
        assert!(r.waiver.is_none());
        assert!(r.fails());
        assert_eq!(r.evidence.len(), 1, "{:?}", r.evidence);
        assert_eq!(r.evidence_total, 1);
        assert!(r.evidence[0].excerpt.contains("skrive ut"));
        assert!(result(&report, UNUSED).is_none());
    }

    #[test]
    fn an_inline_waiver_under_a_heading_covers_the_section() {
        let md = format!(
            "{COMPLETE}\n## Nødrutiner\n<!-- tenderlint-disable DEMO-003: nødrutine -->\n\nVed nedetid skal papirjournal brukes.\n\n### Utskrift\n\nLøsningen skal skrive ut papirjournal.\n"
        );
        let report = run(&md, vec![]);
        let r = result(&report, "DEMO-003").unwrap();
        let w = r.waiver.as_ref().expect("waived");
        assert_eq!(w.origin, "inline");
        assert_eq!(w.reason, "nødrutine");
        assert_eq!(r.evidence.len(), 2);
    }

    #[test]
    fn an_inline_waiver_anywhere_waives_a_missing_requirement() {
        let md = "# Krav\n\nLøsningen skal bruke HelseID og logge.\n\n<!-- tenderlint-disable DEMO-002: kjernejournal er avklart i bilag 3 -->\n";
        let report = run(md, vec![]);
        let r = result(&report, "DEMO-002").unwrap();
        assert_eq!(
            r.waiver.as_ref().map(|w| w.reason.as_str()),
            Some("kjernejournal er avklart i bilag 3")
        );
        assert!(
            report.results.iter().all(|r| !r.fails()),
            "{:?}",
            report
                .results
                .iter()
                .filter(|r| r.fails())
                .map(|r| &r.rule)
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn an_inline_waiver_without_reason_is_not_applied() {
        let md = "# Krav\n\nLøsningen skal bruke HelseID og logge.\n\n<!-- tenderlint-disable DEMO-002 -->\n";
        let report = run(md, vec![]);
        assert!(result(&report, "DEMO-002").unwrap().fails());
        let r = result(&report, NO_REASON).unwrap();
        assert_eq!(r.severity, Severity::Error);
        assert_eq!(r.evidence[0].line, Some(5));
    }

    #[test]
    fn an_unused_inline_waiver_is_reported_where_it_is() {
        let md = format!("{COMPLETE}\n<!-- tenderlint-disable DEMO-001: gammel -->\nMer tekst.\n");
        let report = run(&md, vec![]);
        let r = result(&report, UNUSED).unwrap();
        assert_eq!(r.evidence[0].file, "anbud.md");
        assert_eq!(r.evidence[0].line, Some(7));
    }

    #[test]
    fn an_inline_waiver_holds_until_its_date() {
        let md = "# Krav\n\nLøsningen skal bruke HelseID og logge.\n\n<!-- tenderlint-disable DEMO-002 until 2026-11-25: avklares i bilag 3 -->\n";
        let report = run(md, vec![]);
        let w = result(&report, "DEMO-002")
            .unwrap()
            .waiver
            .clone()
            .expect("waived");
        assert_eq!(w.reason, "avklares i bilag 3");
        assert_eq!(w.expires.as_deref(), Some("2026-11-25"));
        assert!(result(&report, EXPIRED).is_none());
    }

    #[test]
    fn an_expired_inline_waiver_is_not_applied_and_says_so() {
        let md = "# Krav\n\nLøsningen skal bruke HelseID og logge.\n\n<!-- tenderlint-disable DEMO-002 until 2026-11-24: avklares i bilag 3 -->\n";
        let report = run(md, vec![]);
        assert!(result(&report, "DEMO-002").unwrap().fails());
        let r = result(&report, EXPIRED).expect("an expiry finding");
        assert_eq!(r.evidence[0].line, Some(5));
        assert!(r.evidence[0].excerpt.contains("expired 2026-11-24"));
        assert!(result(&report, UNUSED).is_none());
    }

    #[test]
    fn an_inline_waiver_with_a_bad_date_is_not_applied() {
        for bad in ["until 2026-13-01", "until", "until 2026-11-24 DEMO-001"] {
            let md = format!(
                "# Krav\n\nLøsningen skal bruke HelseID og logge.\n\n<!-- tenderlint-disable DEMO-002 {bad}: grunn -->\n"
            );
            let report = run(&md, vec![]);
            assert!(result(&report, "DEMO-002").unwrap().fails(), "{bad}");
            let r = result(&report, BAD_DATE).expect("a bad-date finding");
            assert_eq!(r.severity, Severity::Error);
        }
    }
}
