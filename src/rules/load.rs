//! Loading a rule-set file: YAML through serde-saphyr, then the checks serde
//! cannot do (semver, duplicate ids, empty term lists, regex that would not
//! compile or would explode), each reported at its line and column.

use super::schema::{Match, RuleKind, RuleSetFile, Term};
use serde_saphyr::Spanned;
use std::collections::HashSet;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// Largest rule-set file read (bytes). Rule sets are small; a huge one is an attack or a mistake.
pub const MAX_RULESET_BYTES: usize = 4 * 1024 * 1024;
/// Compiled size limit for one regex in a rule, so a hostile rule set cannot exhaust memory.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// The text of a rule-set file and the name to show for it.
#[derive(Debug, Clone)]
pub struct RuleSetSource {
    /// A path, or `embedded:ID@VERSION` for sets built into the binary.
    pub name: String,
    pub text: Arc<str>,
}

/// One thing wrong with a rule-set file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    /// Byte range in the file, when known.
    pub span: Option<Range<usize>>,
    pub help: Option<String>,
}

/// A rule-set file that could not be loaded, with every problem found.
#[derive(Debug, Clone)]
pub struct RuleSetError {
    pub source: RuleSetSource,
    pub problems: Vec<Problem>,
}

impl RuleSetError {
    pub fn single(source: RuleSetSource, message: impl Into<String>) -> RuleSetError {
        RuleSetError {
            source,
            problems: vec![Problem {
                message: message.into(),
                span: None,
                help: None,
            }],
        }
    }

    /// A problem with a file whose text is not at hand (missing, unreadable, a bad
    /// reference): named, with no snippet.
    pub fn about(name: impl Into<String>, message: impl Into<String>) -> RuleSetError {
        RuleSetError::single(
            RuleSetSource {
                name: name.into(),
                text: Arc::from(""),
            },
            message,
        )
    }

    /// 1-based line and column of a byte offset in the file.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        line_column(&self.source.text, offset)
    }

    /// One miette diagnostic per problem, with the file as source code.
    pub fn diagnostics(&self) -> Vec<ProblemDiagnostic> {
        self.diagnostics_with_code("tenderlint::rules")
    }

    /// Like [`diagnostics`](Self::diagnostics), under another code (`tenderlint::config`).
    pub fn diagnostics_with_code(&self, code: &'static str) -> Vec<ProblemDiagnostic> {
        let named = miette::NamedSource::new(self.source.name.clone(), self.source.text.clone())
            .with_language("yaml");
        self.problems
            .iter()
            .map(|p| ProblemDiagnostic {
                problem: p.clone(),
                source: named.clone(),
                code,
            })
            .collect()
    }
}

impl fmt::Display for RuleSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            match &p.span {
                Some(span) => {
                    let (line, column) = self.line_column(span.start);
                    write!(f, "{}:{line}:{column}: {}", self.source.name, p.message)?;
                }
                None => write!(f, "{}: {}", self.source.name, p.message)?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for RuleSetError {}

/// A problem rendered by miette with a snippet of the YAML.
#[derive(Debug)]
pub struct ProblemDiagnostic {
    problem: Problem,
    source: miette::NamedSource<Arc<str>>,
    code: &'static str,
}

impl fmt::Display for ProblemDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.problem.message)
    }
}

impl std::error::Error for ProblemDiagnostic {}

impl miette::Diagnostic for ProblemDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.problem
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.problem
            .span
            .as_ref()
            .map(|_| &self.source as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.problem.span.clone()?;
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_with_span(Some("here".into()), span),
        )))
    }
}

pub(crate) use crate::source::line_column;

/// Parses and validates a rule-set file.
pub fn parse(source: &RuleSetSource) -> Result<RuleSetFile, RuleSetError> {
    if source.text.len() > MAX_RULESET_BYTES {
        return Err(RuleSetError::single(
            source.clone(),
            format!(
                "rule-set file is {} bytes, more than the {MAX_RULESET_BYTES} tenderlint reads",
                source.text.len()
            ),
        ));
    }
    let file: RuleSetFile =
        serde_saphyr::from_str(&source.text).map_err(|e| yaml_error(source, &e))?;
    // Embedded sets are validated in full by the test suite; at run time their
    // regexes are compiled only when a rule reaches them.
    let compile_regexes = !source.name.starts_with("embedded:");
    let problems = validate(&file, &source.text, compile_regexes);
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(RuleSetError {
            source: source.clone(),
            problems,
        })
    }
}

/// Turns a serde-saphyr error into a problem at its location.
pub(crate) fn yaml_error(source: &RuleSetSource, error: &serde_saphyr::Error) -> RuleSetError {
    let span = error
        .location()
        .and_then(|l| span_of_location(&source.text, &l));
    let message = strip_location_suffix(&error.without_snippet().to_string());
    RuleSetError {
        source: source.clone(),
        problems: vec![Problem {
            message,
            span,
            help: yaml_help(error),
        }],
    }
}

fn yaml_help(error: &serde_saphyr::Error) -> Option<String> {
    let text = error.without_snippet().to_string();
    if text.contains("unknown field") {
        Some("check the spelling; `tenderlint rules schema` lists every key".into())
    } else if text.contains("alias") || text.contains("anchor") {
        Some("a term starting with `*` must be quoted, e.g. \"*integrasjon\"".into())
    } else {
        None
    }
}

fn strip_location_suffix(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    match first.rfind(" at line ") {
        Some(i) => first[..i].to_string(),
        None => first.to_string(),
    }
}

pub(crate) fn span_of_location(
    text: &str,
    location: &serde_saphyr::Location,
) -> Option<Range<usize>> {
    let span = location.span();
    if let Some(offset) = span.byte_offset() {
        let offset = offset as usize;
        let len = span.byte_len().unwrap_or(0) as usize;
        if offset <= text.len() {
            return Some(offset..(offset + len).min(text.len()));
        }
    }
    let (line, column) = (location.line() as usize, location.column() as usize);
    if line == 0 {
        return None;
    }
    let start = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum::<usize>();
    let offset = text[start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map(|(i, _)| start + i)
        .unwrap_or(start);
    Some(offset..offset)
}

fn spanned_range<T>(text: &str, value: &Spanned<T>) -> Option<Range<usize>> {
    span_of_location(text, &value.referenced)
}

fn validate(file: &RuleSetFile, text: &str, compile_regexes: bool) -> Vec<Problem> {
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
        match (rule.kind, &rule.pattern, &rule.check) {
            (RuleKind::Check, _, None) => push(
                &mut problems,
                format!("rule `{rid}` is a `check` but names no `check`"),
                rule_span.clone(),
                None,
            ),
            (RuleKind::Check, Some(p), _) => push(
                &mut problems,
                format!("rule `{rid}` is a `check`; it takes no `match`"),
                spanned_range(text, p),
                None,
            ),
            (kind, None, _) if kind != RuleKind::Check => push(
                &mut problems,
                format!("rule `{rid}` has no `match`"),
                rule_span.clone(),
                None,
            ),
            _ => {}
        }
        if let Some(p) = &rule.pattern {
            check_match(
                &p.value,
                rid,
                "match",
                text,
                spanned_range(text, p),
                compile_regexes,
                &mut problems,
            );
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
                    message: format!("rule `{rid}` is `require-with`, so its `match` needs `any` terms to anchor on"),
                    span: rule.pattern.as_ref().and_then(|p| spanned_range(text, p)),
                    help: Some("keep a regex as an extra condition, but list the anchor terms under `any`".into()),
                })
            }
            (RuleKind::RequireWith, Some(with)) => check_match(
                &with.value,
                rid,
                "with",
                text,
                spanned_range(text, with),
                compile_regexes,
                &mut problems,
            ),
            (_, Some(with)) => problems.push(Problem {
                message: format!("rule `{rid}`: `with` only applies to `require-with` rules"),
                span: spanned_range(text, with),
                help: None,
            }),
            _ => {}
        }
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
        for scope in &rule.scopes {
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
    super::categories::validate(file, text, &mut problems);
    for service in &file.services {
        for term in &service.detect {
            check_term(term, &service.id, "services.detect", None, &mut problems);
        }
    }
    problems
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
        Term::Short(s) => s.trim_matches('*').to_string(),
        Term::Long(spec) => spec.term.clone(),
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
    };
    let normalized = crate::text::normalize(&text).text;
    if normalized.is_empty() {
        out.push(Problem {
            message: format!("rule `{rid}`: empty term in `{field}`"),
            span: span.clone(),
            help: None,
        });
    }
    // An exception that does not contain the term can never cover one of its hits:
    // it would be a silent no-op.
    if let Term::Long(spec) = term {
        // Hyphen, space and nothing are one spelling (`her-id` is also «her id»).
        let joined = |s: &str| s.replace(['-', ' '], "");
        let term = joined(&normalized);
        for exception in &spec.except {
            let written = joined(&crate::text::normalize(exception.trim_matches('*')).text);
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

/// Compiles a rule regex with size limits, so a rule set from a repository cannot exhaust memory.
pub(crate) fn build_regex(pattern: &str) -> Result<regex::Regex, String> {
    regex::RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .nest_limit(64)
        .build()
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> RuleSetSource {
        RuleSetSource {
            name: "test.yaml".into(),
            text: Arc::from(text),
        }
    }

    const HEADER: &str = "id: t\nversion: 1.0.0\ntitle: {nb: T}\nrules:\n";
    const RULE: &str = "  - id: R-1\n    title: {nb: T}\n    message: {nb: M}\n    category: c\n    severity: warning\n    kind: require\n    match: {any: [helseid]}\n    rationale: {nb: R}\n    sources: [{url: 'https://x', verified: V}]\n";

    #[test]
    fn a_valid_set_loads() {
        parse(&source(&format!("{HEADER}{RULE}"))).unwrap();
    }

    #[test]
    fn unknown_key_is_reported_at_its_line() {
        let text = format!(
            "{HEADER}{}",
            RULE.replace("severity: warning", "severty: warning")
        );
        let err = parse(&source(&text)).unwrap_err();
        let p = &err.problems[0];
        assert!(p.message.contains("severty"), "{}", p.message);
        let (line, _) = err.line_column(p.span.clone().unwrap().start);
        assert_eq!(line, 9);
    }

    #[test]
    fn an_exception_that_cannot_hold_its_term_is_reported() {
        let bad = RULE.replace(
            "match: {any: [helseid]}",
            "match: {any: [{term: logg, mode: prefix, except: [login, \"logg inn*\"]}]}",
        );
        let err = parse(&source(&format!("{HEADER}{bad}"))).unwrap_err();
        let messages: Vec<_> = err.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].contains("`login`"), "{messages:?}");
        // Hyphen and space are one spelling: `her id card` holds `her-id`.
        let fine = RULE.replace(
            "match: {any: [helseid]}",
            "match: {any: [{term: her-id, mode: prefix, except: [\"her id card*\"]}]}",
        );
        parse(&source(&format!("{HEADER}{fine}"))).unwrap();
    }

    #[test]
    fn duplicate_ids_and_bad_regex_are_reported() {
        let bad = RULE.replace("match: {any: [helseid]}", "match: {regex: '(unclosed'}");
        let err = parse(&source(&format!("{HEADER}{RULE}{bad}"))).unwrap_err();
        let messages: Vec<_> = err.problems.iter().map(|p| p.message.as_str()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("duplicate rule id `R-1`")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("bad regex")),
            "{messages:?}"
        );
    }

    #[test]
    fn empty_term_lists_are_reported() {
        let text = format!("{HEADER}{}", RULE.replace("{any: [helseid]}", "{any: []}"));
        let err = parse(&source(&text)).unwrap_err();
        assert!(err.problems[0].message.contains("has no terms"), "{err}");
    }

    #[test]
    fn wrong_type_is_reported() {
        let text = format!(
            "{HEADER}{}",
            RULE.replace("severity: warning", "severity: loud")
        );
        let err = parse(&source(&text)).unwrap_err();
        assert!(err.problems[0].span.is_some());
    }

    #[test]
    fn unquoted_star_term_gets_a_hint() {
        let text = format!("{HEADER}{}", RULE.replace("[helseid]", "[*integrasjon]"));
        let err = parse(&source(&text)).unwrap_err();
        assert!(
            err.problems[0]
                .help
                .as_deref()
                .unwrap_or("")
                .contains("quoted")
                || err.to_string().contains("alias"),
            "{err}"
        );
    }

    #[test]
    fn exploding_regex_is_refused() {
        let text = format!(
            "{HEADER}{}",
            RULE.replace(
                "match: {any: [helseid]}",
                "match: {regex: '(\\w{1000}){1000}'}"
            )
        );
        let err = parse(&source(&text)).unwrap_err();
        assert!(err.to_string().contains("bad regex"), "{err}");
    }

    #[test]
    fn billion_laughs_is_refused() {
        let mut text = String::from("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for i in 1..10 {
            text.push_str(&format!(
                "{}: &{} [",
                (b'a' + i) as char,
                (b'a' + i) as char
            ));
            text.push_str(&vec![format!("*{}", (b'a' + i - 1) as char); 9].join(","));
            text.push_str("]\n");
        }
        assert!(parse(&source(&text)).is_err());
    }
}
