//! `tenderlint explain ID`: one rule's text, from the rule sets the tender uses.

use super::args::ExplainArgs;
use super::settings::{self, Environment};
use super::{ERROR, OK};
use std::path::Path;

pub(crate) fn run(args: &ExplainArgs) -> u8 {
    let (config, sets) = match settings::rule_sets(Path::new("."), &args.rulesets) {
        Ok(found) => found,
        Err(problem) => {
            problem.print();
            return ERROR;
        }
    };
    let env = Environment::read();
    let lang = settings::explain_lang(args.lang.as_deref(), config.as_ref(), &env);
    let wanted = args.rule.to_uppercase();
    for set in &sets {
        if let Some(rule) = set.rules.iter().find(|r| r.id.to_uppercase() == wanted) {
            print!(
                "{}",
                tenderlint::report::explain::render(set, rule, lang, env.stdout_color())
            );
            return OK;
        }
    }
    eprintln!(
        "error: no rule `{}` in {}",
        args.rule,
        sets.iter().map(|s| s.key()).collect::<Vec<_>>().join(", ")
    );
    let ids: Vec<&str> = sets
        .iter()
        .flat_map(|s| s.rules.iter().map(|r| r.id.as_str()))
        .collect();
    if let Some(id) = nearest_id(&wanted, &ids) {
        eprintln!("  help: did you mean `{id}`?");
    }
    ERROR
}

/// The rule id a mistyped one most likely means: the same prefix and number
/// written with other zeros (`INT-01`, `int-1` → `INT-001`), else the closest
/// spelling.
fn nearest_id<'a>(wanted: &str, ids: &[&'a str]) -> Option<&'a str> {
    let split = |id: &str| -> Option<(String, u32)> {
        let (prefix, number) = id.rsplit_once('-')?;
        Some((prefix.to_uppercase(), number.parse().ok()?))
    };
    if let Some(key) = split(wanted)
        && let Some(id) = ids.iter().find(|id| split(id).as_ref() == Some(&key))
    {
        return Some(id);
    }
    ids.iter()
        .map(|id| (strsim::jaro_winkler(wanted, &id.to_uppercase()), *id))
        .filter(|(score, _)| *score >= 0.9)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id)
}

#[cfg(test)]
mod tests {
    use super::nearest_id;

    #[test]
    fn a_rule_id_with_other_zeros_or_a_typo_finds_the_rule() {
        let ids = ["INT-001", "INT-010", "SEC-001"];
        assert_eq!(nearest_id("INT-01", &ids), Some("INT-001"));
        assert_eq!(nearest_id("INT-1", &ids), Some("INT-001"));
        assert_eq!(nearest_id("INT-10", &ids), Some("INT-010"));
        assert_eq!(nearest_id("SEK-001", &ids), Some("SEC-001"));
        assert_eq!(nearest_id("XYZ", &ids), None);
    }
}
