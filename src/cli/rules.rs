//! `tenderlint rules list|validate|test|schema|diff`: the rule sets themselves.

use super::args::{RuleSetArgs, RulesCommand};
use super::output::print_rule_set_error;
use super::settings::{self, TextOrJson};
use super::{ERROR, FAILED, OK};
use std::path::{Path, PathBuf};
use tenderlint::rules::{self, RuleSet, RuleSetError};

pub(crate) fn run(cmd: &RulesCommand) -> u8 {
    match cmd {
        RulesCommand::List { rulesets, versions } => list(rulesets, *versions),
        RulesCommand::Validate { files } => validate(files),
        RulesCommand::Test {
            files,
            rule,
            strict,
        } => test(files, rule.as_deref(), *strict),
        RulesCommand::Diff { from, to, format } => diff(from, to, format),
        RulesCommand::Schema => {
            let schema = schemars::schema_for!(tenderlint::rules::schema::RuleSetFile);
            match serde_json::to_string_pretty(&schema) {
                Ok(text) => {
                    println!("{text}");
                    OK
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ERROR
                }
            }
        }
    }
}

fn list(rulesets: &RuleSetArgs, versions: bool) -> u8 {
    if versions {
        for (id, version) in rules::embedded::available() {
            let newest = rules::embedded::newest(id).is_some_and(|n| n == version);
            println!("{id}@{version}{}", if newest { "  (newest)" } else { "" });
        }
        return OK;
    }
    let sets = match settings::rule_sets(Path::new("."), rulesets) {
        Ok((_, sets)) => sets,
        Err(problem) => {
            problem.print();
            return ERROR;
        }
    };
    for set in &sets {
        println!(
            "{}@{}  {}  ({} rules, {})",
            set.id,
            set.version,
            set.title.nb,
            set.rules.len(),
            set.origin
        );
        for rule in &set.rules {
            let severity = format!("{:?}", rule.severity).to_lowercase();
            let kind = format!("{:?}", rule.kind).to_lowercase();
            println!(
                "  {:<9} {:<8} {:<12} {}",
                rule.id, severity, kind, rule.title.nb
            );
        }
    }
    OK
}

fn validate(files: &[PathBuf]) -> u8 {
    let mut status = OK;
    for file in files {
        match rules::read_source(file).and_then(|s| RuleSet::load(&s)) {
            Ok(set) => println!(
                "{}: ok ({}@{}, {} rules)",
                file.display(),
                set.id,
                set.version,
                set.rules.len()
            ),
            Err(e) => {
                print_rule_set_error(&e);
                status = ERROR;
            }
        }
    }
    status
}

fn test(files: &[PathBuf], rule: Option<&str>, strict: bool) -> u8 {
    let sets: Vec<Result<RuleSet, RuleSetError>> = if files.is_empty() {
        rules::embedded::available()
            .into_iter()
            .filter_map(|(id, v)| rules::embedded::source(id, Some(&v)))
            .map(|s| RuleSet::load(&s))
            .collect()
    } else {
        files
            .iter()
            .map(|f| rules::read_source(f).and_then(|s| RuleSet::load(&s)))
            .collect()
    };
    let (mut passed, mut failed) = (0usize, 0usize);
    let mut status = OK;
    for set in sets {
        let set = match set {
            Ok(s) => s,
            Err(e) => {
                print_rule_set_error(&e);
                status = ERROR;
                continue;
            }
        };
        for outcome in tenderlint::selftest::run(&set, rule) {
            if outcome.ok {
                passed += 1;
            } else {
                failed += 1;
                let snippet: String = outcome
                    .snippet
                    .trim()
                    .lines()
                    .map(|l| format!("      {l}\n"))
                    .collect();
                println!(
                    "FAIL {} {} {:?} example {}: got `{}`\n{snippet}",
                    outcome.ruleset,
                    outcome.rule,
                    outcome.expectation,
                    outcome.index,
                    outcome.status.as_str()
                );
            }
        }
        if strict {
            for thin in tenderlint::selftest::thin_rules(&set, 3) {
                println!(
                    "FAIL {} {thin}: fewer than three pass and three fail examples",
                    set.key()
                );
                failed += 1;
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if status != OK {
        status
    } else if failed > 0 {
        FAILED
    } else {
        OK
    }
}

fn diff(from: &str, to: &str, format: &str) -> u8 {
    let (a, b) = match (rules::resolve_with_yaml(from), rules::resolve_with_yaml(to)) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            for e in [a.err(), b.err()].into_iter().flatten() {
                print_rule_set_error(&e);
            }
            return ERROR;
        }
    };
    if a.0.id != b.0.id {
        eprintln!(
            "warning: comparing two different rule sets ({} and {})",
            a.0.id, b.0.id
        );
    }
    let diff = match rules::versions::diff((&a.0, &a.1), (&b.0, &b.1)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return ERROR;
        }
    };
    match TextOrJson::parse(format) {
        Ok(TextOrJson::Text) => print!("{}", render_diff(&diff)),
        Ok(TextOrJson::Json) => match serde_json::to_string_pretty(&diff) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ERROR;
            }
        },
        Err(problem) => {
            problem.print();
            return ERROR;
        }
    }
    OK
}

/// `rules diff` as text: one line per reading behaviour, rule added, removed or changed.
fn render_diff(diff: &rules::versions::RuleSetDiff) -> String {
    use std::fmt::Write as _;
    let mut out = format!("{} → {}\n", diff.from, diff.to);
    if !diff.reading.is_empty() {
        let fields: Vec<String> = diff
            .reading
            .iter()
            .map(|f| {
                let value = |v: &Option<String>| v.clone().unwrap_or_default();
                format!("{}: {} → {}", f.field, value(&f.from), value(&f.to))
            })
            .collect();
        let _ = writeln!(out, "~ reading    {}", fields.join("; "));
    }
    if diff.added.is_empty() && diff.removed.is_empty() && diff.changed.is_empty() {
        out.push_str("no rule changed\n");
        return out;
    }
    for r in &diff.added {
        let _ = writeln!(
            out,
            "+ {:<10} {:<8} {:<12} {}",
            r.rule, r.severity, r.kind, r.title
        );
    }
    for r in &diff.removed {
        let _ = writeln!(
            out,
            "- {:<10} {:<8} {:<12} {}",
            r.rule, r.severity, r.kind, r.title
        );
    }
    for r in &diff.changed {
        let fields: Vec<String> = r
            .fields
            .iter()
            .map(|f| match (&f.from, &f.to) {
                (Some(a), Some(b)) => format!("{}: {a} → {b}", f.field),
                _ => f.field.clone(),
            })
            .collect();
        let _ = writeln!(out, "~ {:<10} {}", r.rule, fields.join("; "));
    }
    let _ = writeln!(
        out,
        "{} added, {} removed, {} changed",
        diff.added.len(),
        diff.removed.len(),
        diff.changed.len()
    );
    out
}

#[cfg(test)]
mod render_diff_tests {
    use super::*;
    use std::sync::Arc;

    fn fixture(path: &str) -> (RuleSet, Arc<str>) {
        let path = format!(
            "{}/fixtures/rulesets/{path}.yaml",
            env!("CARGO_MANIFEST_DIR")
        );
        rules::resolve_with_yaml(&path).expect("fixture loads")
    }

    fn diff(from: &str, to: &str) -> rules::versions::RuleSetDiff {
        let (from, to) = (fixture(from), fixture(to));
        rules::versions::diff((&from.0, &from.1), (&to.0, &to.1)).unwrap()
    }

    #[test]
    fn the_diff_text_names_reading_behaviours_and_changed_fields() {
        let d = diff("reading/off", "reading/on");
        let text = render_diff(&d);
        assert!(
            text.contains("~ reading    definitions: false → true; conditions: false → true"),
            "{text}"
        );
        let d = diff("demo/1.0.0", "demo/1.1.0");
        let text = render_diff(&d);
        assert!(
            text.contains("~ DEMO-002   severity: warning → error"),
            "{text}"
        );
        assert!(text.contains("1 added, 1 removed, 2 changed"), "{text}");
    }
}
