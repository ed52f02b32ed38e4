//! What the review's comments say, from the one word table
//! ([`crate::i18n`]) and the rules' own texts, in the tender's language.

use crate::Lang;
use crate::common;
use crate::findings::{CheckReport, Coverage, Evidence, RuleResult, Status};
pub(super) use crate::i18n::word;
use crate::rules::Severity;

/// Why this evidence is worth a comment; `None` when it is not (a binding
/// requirement that only supports the verdict).
pub(super) fn why(r: &RuleResult, e: &Evidence, lang: Lang) -> Option<String> {
    if e.review {
        return Some(word(lang, "review-possibly").to_string());
    }
    let key = match (r.status, e.coverage) {
        (Status::Violation, _) => "review-violation",
        (_, Coverage::Weak) => "review-weak",
        (_, Coverage::Conditional) => "review-conditional",
        (_, Coverage::Evaluated) => "review-evaluated",
        (_, Coverage::NonNormative) => "review-non-normative",
        (_, Coverage::Descriptive) => "review-descriptive",
        (_, Coverage::Negated) => "review-negated",
        (_, Coverage::Excluded) => "review-excluded",
        (_, Coverage::Redefined) => "review-redefined",
        (_, Coverage::Binding | Coverage::Violation) => return None,
    };
    let mut text = word(lang, key).to_string();
    if let Some(d) = &e.definition {
        text.push(' ');
        text.push_str(&common::definition_sentence(lang, d));
    }
    Some(text)
}

/// The paragraphs of one finding's comment: the rule, why this place, what the
/// rule says, and the fix (the tracked change, the text to use instead, or the
/// requirement to write).
pub(super) fn comment(
    report: &CheckReport,
    r: &RuleResult,
    why: &str,
    tracked: bool,
    lang: Lang,
) -> Vec<String> {
    let info = &r.rule_info;
    let mut text = vec![
        format!(
            "tenderlint {} {} — {}",
            r.rule,
            info.title.get(lang).trim(),
            common::status_word(r, lang)
        ),
        why.to_string(),
        // The message of the outcome: a weak finding says why it does not bind.
        common::one_line(&common::outcome_message(r, lang)),
    ];
    if tracked {
        text.push(word(lang, "review-tracked").to_string());
    } else if r.status == Status::Violation
        && let Some(replacement) = &info.replacement
    {
        text.push(format!(
            "{}: {}",
            word(lang, "replacement"),
            replacement.get(lang).trim()
        ));
    } else if let Some(s) = common::suggestion(report, r) {
        let key = if r.status == Status::Violation {
            "review-fix"
        } else {
            "suggestion"
        };
        text.push(format!("{}: {s}", word(lang, key)));
    }
    text
}

/// The comment at the start of each reviewed document: what the whole tender
/// lacks, by category, the most severe category first and the most severe rule
/// first within it; and whether the missing requirements are inserted (they are
/// not when no file of the tender is the buyer's to add them to).
pub(super) fn summary(report: &CheckReport, inserted: bool, lang: Lang) -> Vec<String> {
    let missing: Vec<&RuleResult> = report
        .results
        .iter()
        .filter(|r| r.fails() && r.status == Status::Missing)
        .collect();
    if missing.is_empty() {
        return vec![word(lang, "review-summary-none").to_string()];
    }
    let rank = |s: Severity| match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    };
    let mut categories: Vec<(&str, Vec<&RuleResult>)> = Vec::new();
    for r in &missing {
        match categories.iter_mut().find(|(c, _)| *c == r.category) {
            Some((_, rs)) => rs.push(r),
            None => categories.push((&r.category, vec![r])),
        }
    }
    for (_, rs) in &mut categories {
        rs.sort_by_key(|r| rank(r.severity));
    }
    categories.sort_by_key(|(_, rs)| {
        (
            rs.iter().map(|r| rank(r.severity)).min(),
            std::cmp::Reverse(rs.len()),
        )
    });
    let mut text = vec![word(lang, "review-summary").to_string()];
    for (category, rs) in categories {
        let rules: Vec<String> = rs
            .iter()
            .map(|r| {
                format!(
                    "{} {} ({})",
                    r.rule,
                    r.rule_info.title.get(lang).trim(),
                    word(lang, common::severity_str(r.severity))
                )
            })
            .collect();
        text.push(format!(
            "{}: {}",
            crate::i18n::category_title(report, category, lang),
            rules.join("; ")
        ));
    }
    text.push(
        word(
            lang,
            if inserted {
                "review-summary-added"
            } else {
                "review-summary-no-place"
            },
        )
        .to_string(),
    );
    text
}

/// A line of the summary: the rule's suggested text was not inserted, because
/// these rules object to it.
pub(super) fn not_inserted(r: &RuleResult, objections: &[String], lang: Lang) -> String {
    word(lang, "review-not-inserted")
        .replace("{rule}", &r.rule)
        .replace("{rules}", &objections.join(", "))
}
