//! `tenderlint explain RULE`: everything the rule's YAML says, for a terminal.

use crate::Lang;
use crate::rules::{CompiledRule, RuleKind, RuleSet, Severity, Strength};
use std::fmt::Write as _;

/// Words for a severity, as the reports print them.
fn severity_word(s: Severity, lang: Lang) -> &'static str {
    super::common::word(lang, super::common::severity_str(s))
}

fn kind_word(k: RuleKind, en: bool) -> &'static str {
    match (k, en) {
        (RuleKind::Require, false) => "krav som må stå i konkurransegrunnlaget",
        (RuleKind::Require, true) => "must be required by the tender",
        (RuleKind::Forbid, false) => "formulering som ikke skal stå i et krav",
        (RuleKind::Forbid, true) => "wording a requirement must not use",
        (RuleKind::RequireWith, false) => "må følges av en bestemt formulering",
        (RuleKind::RequireWith, true) => "must be followed by a given wording",
        (RuleKind::Prefer, false) => "utdatert begrep med erstatning",
        (RuleKind::Prefer, true) => "outdated term with a replacement",
        (RuleKind::Check, false) => "strukturell kontroll",
        (RuleKind::Check, true) => "structural check",
    }
}

fn strength_word(s: Strength, en: bool) -> &'static str {
    match (s, en) {
        (Strength::Binding, false) => "bindende krav («skal», «må», minstekrav)",
        (Strength::Binding, true) => "a binding requirement (shall, must, minimum requirement)",
        (Strength::Any, false) => {
            "bindende krav, eller svakt («bør», evalueringsspørsmål, opsjon) som godtas"
        }
        (Strength::Any, true) => {
            "a binding requirement, or a weak one (should, evaluation question, option), accepted"
        }
        (Strength::Mention, false) => "at konkurransegrunnlaget sier det, også uten modalverb",
        (Strength::Mention, true) => "that the tender states it, even without a modal verb",
    }
}

pub fn render(set: &RuleSet, rule: &CompiledRule, lang: Lang, color: bool) -> String {
    let bold = |t: &str| {
        if color {
            format!("\x1b[1m{t}\x1b[0m")
        } else {
            t.to_string()
        }
    };
    let en = lang == Lang::En;
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", bold(&rule.id), bold(rule.title.get(lang)));
    let _ = writeln!(
        out,
        "{}: {}@{} · {}: {} · {}: {} · {}: {}",
        if en { "Rule set" } else { "Regelsett" },
        set.id,
        set.version,
        if en { "category" } else { "kategori" },
        super::common::category_title(&rule.category, lang),
        if en { "severity" } else { "alvorlighet" },
        severity_word(rule.severity, lang),
        if en { "kind" } else { "type" },
        kind_word(rule.kind, en)
    );
    if rule.kind == crate::rules::RuleKind::Require {
        let _ = writeln!(
            out,
            "{}: {}",
            if en {
                "Strength wanted"
            } else {
                "Styrke som kreves"
            },
            strength_word(rule.strength, en)
        );
    }
    let _ = writeln!(out, "\n{}", rule.message.get(lang).trim());
    let _ = writeln!(
        out,
        "\n{}\n{}",
        bold(if en { "Why" } else { "Hvorfor" }),
        rule.rationale.get(lang).trim()
    );
    if let Some(s) = &rule.suggestion {
        let _ = writeln!(
            out,
            "\n{}",
            bold(if en {
                "Requirement text to paste"
            } else {
                "Kravtekst å lime inn"
            })
        );
        for (l, label) in [(Lang::Nb, "nb"), (Lang::Nn, "nn"), (Lang::En, "en")] {
            let _ = writeln!(out, "  [{label}] {}", crate::fixes::plain(s.get(l).trim()));
        }
    }
    if let Some(r) = &rule.replacement {
        let _ = writeln!(
            out,
            "\n{}: {}",
            bold(if en { "Use instead" } else { "Bruk heller" }),
            r.get(lang)
        );
    }
    if !rule.scopes.is_empty() {
        let _ = writeln!(out, "\n{}", bold(if en { "Scope" } else { "Omfang" }));
        for s in &rule.scopes {
            let what = if !s.applies {
                (if en { "not applicable" } else { "gjelder ikke" }).to_string()
            } else {
                [
                    s.severity.map(|v| severity_word(v, lang).to_string()),
                    s.strength.map(|v| strength_word(v, en).to_string()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
            };
            let _ = writeln!(out, "  {}: {what}", s.services.join(", "));
        }
    }
    let _ = writeln!(out, "\n{}", bold(if en { "Sources" } else { "Kilder" }));
    for s in &rule.sources {
        let level = match s.verified {
            crate::rules::schema::Verification::V => {
                if en {
                    "verified"
                } else {
                    "verifisert"
                }
            }
            crate::rules::schema::Verification::S => {
                if en {
                    "secondary source"
                } else {
                    "sekundærkilde"
                }
            }
            crate::rules::schema::Verification::U => {
                if en {
                    "unverified"
                } else {
                    "ikke verifisert"
                }
            }
        };
        let note = s
            .note
            .as_deref()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default();
        let _ = writeln!(out, "  {} ({level}){note}", s.url);
    }
    let examples = &rule.examples;
    if !examples.pass.is_empty() || !examples.fail.is_empty() {
        let _ = writeln!(out, "\n{}", bold(if en { "Examples" } else { "Eksempler" }));
        for (label, list) in [
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
                let _ = writeln!(out, "  {label} {short}");
            }
        }
    }
    let _ = writeln!(
        out,
        "\n{}: {}:{}",
        if en { "Defined in" } else { "Definert i" },
        set.origin,
        rule.line
    );
    out
}
