//! `tenderlint explain RULE`: everything the rule's YAML says, for a terminal.
//! Its labels are bokmål or English ([`label`]: bokmål for nynorsk).

use super::i18n::{self, label};
use super::paint::Paint;
use crate::Lang;
use crate::rules::schema::{AnnexReading, AwardReading, OptionReading, Verification};
use crate::rules::{CompiledRule, RuleKind, RuleSet, Severity, Strength};
use std::fmt::Write as _;

/// Words for a severity, as the reports print them.
fn severity_word(s: Severity, lang: Lang) -> &'static str {
    label(lang, super::common::severity_str(s))
}

fn kind_word(k: RuleKind, lang: Lang) -> &'static str {
    let key = match k {
        RuleKind::Require => "kind-require",
        RuleKind::Forbid => "kind-forbid",
        RuleKind::RequireWith => "kind-require-with",
        RuleKind::Prefer => "kind-prefer",
        RuleKind::Check => "kind-check",
    };
    label(lang, key)
}

fn strength_word(s: Strength, lang: Lang) -> &'static str {
    let key = match s {
        Strength::Binding => "strength-binding",
        Strength::Any => "strength-any",
        Strength::Mention => "strength-mention",
    };
    label(lang, key)
}

fn verification_word(v: Verification, lang: Lang) -> &'static str {
    let key = match v {
        Verification::V => "verified-v",
        Verification::S => "verified-s",
        Verification::U => "verified-u",
    };
    label(lang, key)
}

/// The rule, its set, category, severity and kind, what it wants, its message
/// and why; then what to paste, scopes, sources, examples and where it is defined.
pub fn render(set: &RuleSet, rule: &CompiledRule, lang: Lang, color: bool) -> String {
    let paint = Paint::always(color);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {}",
        paint.bold(&rule.id),
        paint.bold(rule.title.get(lang))
    );
    let _ = writeln!(
        out,
        "{}: {}@{} · {}: {} · {}: {} · {}: {}",
        label(lang, "explain-ruleset"),
        set.id,
        set.version,
        label(lang, "explain-category"),
        i18n::category_title_in(&set.categories, &rule.category, lang),
        label(lang, "explain-severity"),
        severity_word(rule.severity, lang),
        label(lang, "explain-kind"),
        kind_word(rule.kind, lang)
    );
    if rule.kind == RuleKind::Require {
        let _ = writeln!(
            out,
            "{}: {}",
            label(lang, "explain-strength"),
            strength_word(rule.strength, lang)
        );
        // A rule's own reading is shown only where it differs from every rule's.
        let own_reading = [
            (
                rule.reading.options == OptionReading::Binding,
                "explain-options-binding",
            ),
            (
                rule.reading.annexes == AnnexReading::Binding,
                "explain-annexes-binding",
            ),
            (
                rule.reading.award_criteria == AwardReading::Binding,
                "explain-award-criteria-binding",
            ),
        ];
        for (_, key) in own_reading.iter().filter(|(own, _)| *own) {
            let _ = writeln!(out, "{}", label(lang, key));
        }
    }
    // Each outcome's message under its word: `message` is what a missing topic
    // (`require`) or a violation (every other kind) says.
    let failing = if rule.kind == RuleKind::Require {
        "missing"
    } else {
        "violation"
    };
    let _ = writeln!(
        out,
        "\n{}: {}",
        i18n::word(lang, failing),
        rule.message.get(lang).trim()
    );
    // What the other outcomes say, where the set writes it (else reports generate it).
    for (text, outcome) in [
        (&rule.messages.met, "met"),
        (&rule.messages.weak, "weak"),
        (&rule.messages.passed, "passed"),
    ] {
        if let Some(text) = text {
            let _ = writeln!(
                out,
                "{}: {}",
                i18n::word(lang, outcome),
                text.get(lang).trim()
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{}\n{}",
        paint.bold(label(lang, "explain-why")),
        rule.rationale.get(lang).trim()
    );
    texts(&mut out, rule, lang, &paint);
    concepts(&mut out, set, rule, lang, &paint);
    sources(&mut out, rule, lang, &paint);
    examples(&mut out, rule, lang, &paint);
    let _ = writeln!(
        out,
        "\n{}: {}:{}",
        label(lang, "explain-defined-in"),
        set.origin,
        rule.line
    );
    out
}

/// The requirement text in every language, the replacement, the scopes.
fn texts(out: &mut String, rule: &CompiledRule, lang: Lang, paint: &Paint) {
    if let Some(s) = &rule.suggestion {
        let _ = writeln!(out, "\n{}", paint.bold(label(lang, "explain-paste")));
        for (l, name) in [(Lang::Nb, "nb"), (Lang::Nn, "nn"), (Lang::En, "en")] {
            let _ = writeln!(out, "  [{name}] {}", crate::fixes::plain(s.get(l).trim()));
        }
    }
    if let Some(r) = &rule.replacement {
        let _ = writeln!(
            out,
            "\n{}: {}",
            paint.bold(label(lang, "replacement")),
            r.get(lang)
        );
    }
    if !rule.scopes.is_empty() {
        let _ = writeln!(out, "\n{}", paint.bold(label(lang, "explain-scope")));
        for s in &rule.scopes {
            let what = if s.applies {
                [
                    s.severity.map(|v| severity_word(v, lang).to_string()),
                    s.strength.map(|v| strength_word(v, lang).to_string()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
            } else {
                label(lang, "explain-not-applicable").to_string()
            };
            let services = if s.otherwise {
                label(lang, "explain-otherwise").to_string()
            } else {
                s.services.join(", ")
            };
            let _ = writeln!(out, "  {services}: {what}");
        }
    }
}

/// The concepts of the set's lexicon the rule names, each with its words by language.
fn concepts(out: &mut String, set: &RuleSet, rule: &CompiledRule, lang: Lang, paint: &Paint) {
    let named: Vec<&crate::rules::ConceptWords> = rule
        .concepts
        .iter()
        .filter_map(|id| set.concepts.iter().find(|c| &c.id == id))
        .collect();
    if named.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", paint.bold(label(lang, "explain-concepts")));
    for concept in named {
        let _ = writeln!(out, "  {} — {}", concept.id, concept.title.get(lang));
        for (name, words) in [
            ("nb", &concept.nb),
            ("nn", &concept.nn),
            ("en", &concept.en),
        ] {
            if !words.is_empty() {
                let list: Vec<&str> = words.iter().map(|w| w.shown.as_str()).collect();
                let _ = writeln!(out, "    [{name}] {}", list.join(", "));
            }
        }
    }
}

fn sources(out: &mut String, rule: &CompiledRule, lang: Lang, paint: &Paint) {
    let _ = writeln!(out, "\n{}", paint.bold(label(lang, "sources")));
    for s in &rule.sources {
        let level = verification_word(s.verified, lang);
        let note = s
            .note
            .as_deref()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default();
        let _ = writeln!(out, "  {} ({level}){note}", s.url);
    }
}

fn examples(out: &mut String, rule: &CompiledRule, lang: Lang, paint: &Paint) {
    let examples = &rule.examples;
    if examples.pass.is_empty() && examples.fail.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", paint.bold(label(lang, "explain-examples")));
    for (mark, list) in [
        ("✓", &examples.pass),
        ("✗", &examples.fail),
        ("~", &examples.weak),
    ] {
        for e in list.iter().take(3) {
            let first = e
                .trim()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" ⏎ ");
            let short: String = first.chars().take(160).collect();
            let _ = writeln!(out, "  {mark} {short}");
        }
    }
}
