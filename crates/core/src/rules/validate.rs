//! The checks serde cannot do on a parsed rule-set file: ids, semver, kinds and
//! the fields they need, empty term lists, exceptions that cannot hold their term,
//! services a rule names, regexes that would not compile or would explode. Every
//! problem is collected (not only the first), each at its line and column.

use super::load::build_regex;
use super::schema::{Match, Rule, RuleKind, RuleSetFile, Term};
use super::terms;
use crate::source::yaml::{Problem, spanned_range};
use std::collections::HashSet;
use std::ops::Range;

/// Every problem of a parsed file; empty when it is a valid rule set. With
/// `compile_regexes` off (embedded sets) regexes are only parsed.
pub(super) fn validate(file: &RuleSetFile, text: &str, compile_regexes: bool) -> Vec<Problem> {
    let mut problems = Vec::new();

    let id = &file.id.value;
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        push(
            &mut problems,
            format!("rule-set id `{id}` must be lower-case letters, digits and hyphens"),
            spanned_range(text, &file.id),
            None,
        );
    }
    if semver::Version::parse(&file.version.value).is_err() {
        push(
            &mut problems,
            format!("version `{}` is not a semantic version", file.version.value),
            spanned_range(text, &file.version),
            Some("write it as MAJOR.MINOR.PATCH, e.g. 1.0.0"),
        );
    }
    let services: HashSet<&str> = file.services.iter().map(|s| s.id.as_str()).collect();
    let mut seen: HashSet<&str> = HashSet::new();
    for rule in &file.rules {
        let rule_span = spanned_range(text, &rule.id);
        let rid = rule.id.value.as_str();
        if rid.is_empty() || rid.chars().any(char::is_whitespace) {
            push(
                &mut problems,
                format!("rule id `{rid}` must be non-empty and without spaces"),
                rule_span.clone(),
                None,
            );
        }
        if !seen.insert(rid) {
            push(
                &mut problems,
                format!("duplicate rule id `{rid}`"),
                rule_span.clone(),
                Some("rule ids must be unique in a set"),
            );
        }
        check_patterns(rule, rid, &rule_span, text, compile_regexes, &mut problems);
        check_fields(rule, rid, &rule_span, &services, &mut problems);
    }
    super::categories::validate(file, text, &mut problems);
    for (message, at) in super::concepts::problems(file) {
        let span = match at {
            Some(super::concepts::ConceptSpan::Concept(c)) => spanned_range(text, &c.id),
            Some(super::concepts::ConceptSpan::Pattern(p)) => spanned_range(text, p),
            None => None,
        };
        push(&mut problems, message, span, None);
    }
    for concept in &file.concepts {
        for term in concept.terms() {
            let field = format!("concepts.{}", concept.id.value);
            check_term(
                term,
                &concept.id.value,
                &field,
                spanned_range(text, &concept.id),
                &mut problems,
            );
        }
    }
    for service in &file.services {
        for term in &service.detect {
            check_term(term, &service.id, "services.detect", None, &mut problems);
        }
        for term in &service.detect_where_bought {
            check_term(
                term,
                &service.id,
                "services.detect_where_bought",
                None,
                &mut problems,
            );
        }
    }
    problems
}

/// A rule's `match` and `with`: present where its kind needs them, absent where it
/// takes none, and each valid.
fn check_patterns(
    rule: &Rule,
    rid: &str,
    rule_span: &Option<Range<usize>>,
    text: &str,
    compile_regexes: bool,
    problems: &mut Vec<Problem>,
) {
    match (rule.kind, &rule.pattern, &rule.check) {
        (RuleKind::Check, _, None) => push(
            problems,
            format!("rule `{rid}` is a `check` but names no `check`"),
            rule_span.clone(),
            None,
        ),
        (RuleKind::Check, Some(p), _) => push(
            problems,
            format!("rule `{rid}` is a `check`; it takes no `match`"),
            spanned_range(text, p),
            None,
        ),
        (kind, None, _) if kind != RuleKind::Check => push(
            problems,
            format!("rule `{rid}` has no `match`"),
            rule_span.clone(),
            None,
        ),
        _ => {}
    }
    for (p, key) in [(&rule.pattern, "match"), (&rule.partial, "partial")] {
        if let Some(p) = p {
            check_match(
                &p.value,
                rid,
                key,
                text,
                spanned_range(text, p),
                compile_regexes,
                problems,
            );
        }
    }
    match (&rule.kind, &rule.with) {
        (RuleKind::RequireWith, None) => problems.push(Problem {
            message: format!("rule `{rid}` is `require-with` but has no `with`"),
            span: rule_span.clone(),
            help: None,
        }),
        (RuleKind::RequireWith, Some(_))
            if rule
                .pattern
                .as_ref()
                .is_some_and(|p| p.value.any.is_empty()) =>
        {
            // The `with` window starts at each hit of a top-level `any` term; a regex or an
            // `all` group gives no such anchor, so the rule could never report anything.
            problems.push(Problem {
                message: format!(
                    "rule `{rid}` is `require-with`, so its `match` needs `any` terms to anchor on"
                ),
                span: rule.pattern.as_ref().and_then(|p| spanned_range(text, p)),
                help: Some(
                    "keep a regex as an extra condition, but list the anchor terms under `any`"
                        .into(),
                ),
            })
        }
        (RuleKind::RequireWith, Some(with)) => check_match(
            &with.value,
            rid,
            "with",
            text,
            spanned_range(text, with),
            compile_regexes,
            problems,
        ),
        (_, Some(with)) => problems.push(Problem {
            message: format!("rule `{rid}`: `with` only applies to `require-with` rules"),
            span: spanned_range(text, with),
            help: None,
        }),
        _ => {}
    }
}

/// The fields a rule's kind requires or forbids beyond its patterns, the services
/// its scopes name, and its sources.
fn check_fields(
    rule: &Rule,
    rid: &str,
    rule_span: &Option<Range<usize>>,
    services: &HashSet<&str>,
    problems: &mut Vec<Problem>,
) {
    if rule.kind == RuleKind::Prefer && rule.replacement.is_none() {
        problems.push(Problem {
            message: format!("rule `{rid}` is `prefer` but has no `replacement`"),
            span: rule_span.clone(),
            help: None,
        });
    }
    if rule.strength.is_some() && rule.kind != RuleKind::Require {
        problems.push(Problem {
            message: format!("rule `{rid}`: `strength` only applies to `require` rules"),
            span: rule_span.clone(),
            help: None,
        });
    }
    if rule.partial.is_some() && rule.kind != RuleKind::Require {
        problems.push(Problem {
            message: format!("rule `{rid}`: `partial` only applies to `require` rules"),
            span: rule_span.clone(),
            help: None,
        });
    }
    if rule.reading != super::schema::RuleReading::default() && rule.kind != RuleKind::Require {
        problems.push(Problem {
            message: format!("rule `{rid}`: `reading` only applies to `require` rules"),
            span: rule_span.clone(),
            help: None,
        });
    }
    for scope in &rule.scopes {
        if scope.services.is_empty() != scope.otherwise {
            problems.push(Problem {
                message: format!(
                    "rule `{rid}`: a `scopes` entry names `services` or is `otherwise: true`, one of the two"
                ),
                span: rule_span.clone(),
                help: None,
            });
        }
        for service in &scope.services {
            if !services.contains(service.as_str()) {
                problems.push(Problem {
                    message: format!(
                        "rule `{rid}` names service `{service}`, which the set does not declare"
                    ),
                    span: rule_span.clone(),
                    help: Some("declare it under `services:` at the top of the set".into()),
                });
            }
        }
    }
    if rule.sources.is_empty() {
        problems.push(Problem {
            message: format!("rule `{rid}` has no sources"),
            span: rule_span.clone(),
            help: Some("every rule says where its recommendation comes from".into()),
        });
    }
}

fn push(out: &mut Vec<Problem>, message: String, span: Option<Range<usize>>, help: Option<&str>) {
    out.push(Problem {
        message,
        span,
        help: help.map(str::to_string),
    });
}

fn check_match(
    m: &Match,
    rid: &str,
    field: &str,
    text: &str,
    span: Option<Range<usize>>,
    compile_regexes: bool,
    out: &mut Vec<Problem>,
) {
    let empty = m.any.is_empty()
        && m.all.is_empty()
        && m.near.is_none()
        && m.regex.is_none()
        && m.one_of.is_empty();
    if empty {
        out.push(Problem {
            message: format!(
                "rule `{rid}`: `{field}` has no terms (`any`, `all`, `near`, `regex` or `one_of`)"
            ),
            span: span.clone(),
            help: None,
        });
    }
    for group in &m.all {
        if group.is_empty() {
            out.push(Problem {
                message: format!("rule `{rid}`: an `all` group is empty"),
                span: span.clone(),
                help: None,
            });
        }
    }
    if let Some(near) = &m.near
        && (near.groups.len() < 2 || near.groups.iter().any(Vec::is_empty))
    {
        {
            out.push(Problem {
                message: format!("rule `{rid}`: `near` needs at least two non-empty groups"),
                span: span.clone(),
                help: None,
            });
        }
    }
    let terms = m
        .any
        .iter()
        .chain(m.all.iter().flatten())
        .chain(m.not.iter());
    let terms = terms.chain(m.near.iter().flat_map(|n| n.groups.iter().flatten()));
    for term in terms {
        check_term(term, rid, field, span.clone(), out);
    }
    if let Some(regex) = &m.regex {
        let regex_span = spanned_range(text, regex).or(span.clone());
        let built = if compile_regexes {
            build_regex(&regex.value).map(drop)
        } else {
            regex_syntax::Parser::new()
                .parse(&regex.value)
                .map(drop)
                .map_err(|e| e.to_string())
        };
        if let Err(e) = built {
            out.push(Problem {
                message: format!(
                    "rule `{rid}`: bad regex: {}",
                    e.lines().last().unwrap_or(&e)
                ),
                span: regex_span,
                help: Some("regexes run over normalised, lower-case text".into()),
            });
        }
    }
    for alternative in &m.one_of {
        check_match(
            alternative,
            rid,
            field,
            text,
            span.clone(),
            compile_regexes,
            out,
        );
    }
}

fn check_term(
    term: &Term,
    rid: &str,
    field: &str,
    span: Option<Range<usize>>,
    out: &mut Vec<Problem>,
) {
    let text = match term {
        Term::Short(s) => terms::short(s).1,
        Term::Long(spec) => spec.term.as_str(),
        Term::Products(p) => {
            if p.products.gazetteers.is_empty() && p.products.after.is_empty() {
                out.push(Problem {
                    message: format!(
                        "rule `{rid}`: a `products` term in `{field}` names no gazetteer and no `after` word"
                    ),
                    span,
                    help: Some("e.g. `{ products: { gazetteers: [vendors, products], after: [\"basert på\"] } }`".into()),
                });
            }
            return;
        }
        // Checked by the lexicon (`concepts::problems`); its words are checked there.
        Term::Concept(_) => return,
    };
    let normalized = |text: &str| crate::text::normalize(text).text;
    // Normalising keeps an ASCII letter or digit, so a term holding one (nearly
    // every term, and a large set has tens of thousands) is not normalised only
    // to see that something is left.
    if !text.bytes().any(|b| b.is_ascii_alphanumeric()) && normalized(text).is_empty() {
        out.push(Problem {
            message: format!("rule `{rid}`: empty term in `{field}`"),
            span: span.clone(),
            help: None,
        });
    }
    // An exception that does not contain the term can never cover one of its hits:
    // it would be a silent no-op.
    if let Term::Long(spec) = term
        && !spec.except.is_empty()
    {
        // Hyphen, space and nothing are one spelling (`her-id` is also «her id»).
        let joined = |s: &str| s.replace(['-', ' '], "");
        let term = joined(&normalized(text));
        for exception in &spec.except {
            let written = joined(&normalized(terms::short(exception).1));
            if !term.is_empty() && !written.contains(term.as_str()) {
                out.push(Problem {
                    message: format!(
                        "rule `{rid}`: exception `{exception}` of term `{text}` in `{field}` does not contain the term"
                    ),
                    span: span.clone(),
                    help: Some("an `except:` entry names a longer word or phrase the term's hit lies in".into()),
                });
            }
        }
    }
}
