//! Loading a rule-set file: YAML through serde-saphyr, then the checks serde
//! cannot do ([`validate`](super::validate)), each problem reported at its line
//! and column.

use super::schema::RuleSetFile;
use super::validate::validate;
use crate::source::yaml::{RuleSetError, RuleSetSource, yaml_error};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// Largest rule-set file read (bytes). Rule sets are small; a huge one is an attack or a mistake.
pub const MAX_RULESET_BYTES: usize = 4 * 1024 * 1024;
/// Compiled size limit for one regex in a rule, so a hostile rule set cannot exhaust memory.
pub(crate) const REGEX_SIZE_LIMIT: usize = 1 << 20;

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

/// Compiles a rule regex with size limits, so a rule set from a repository cannot exhaust memory.
/// Each pattern compiles once per process: a regex with Unicode classes takes
/// milliseconds, and the loader's check and the rule's first use, or the copies of
/// a rule in several sets and versions, would otherwise compile it again each time.
pub(crate) fn build_regex(pattern: &str) -> Result<regex::Regex, String> {
    type Compiled = Mutex<HashMap<String, Result<regex::Regex, String>>>;
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    let compiled = COMPILED.get_or_init(Compiled::default);
    if let Some(found) = compiled.lock().ok().and_then(|c| c.get(pattern).cloned()) {
        return found;
    }
    let built = regex::RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .nest_limit(64)
        .build()
        .map_err(|e| e.to_string());
    if let Ok(mut c) = compiled.lock()
        && c.len() < REGEXES_KEPT
    {
        c.insert(pattern.to_string(), built.clone());
    }
    built
}

/// How many compiled regexes a process keeps for reuse: far more than the embedded
/// sets have, few enough that a hostile set of many large regexes cannot pile them up.
const REGEXES_KEPT: usize = 256;

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

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
