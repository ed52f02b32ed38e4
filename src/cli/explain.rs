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
    ERROR
}
