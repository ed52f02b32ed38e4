//! `tenderlint config`: the effective configuration a check runs with — each value
//! with the file it comes from (the tender's own tenderlint.yaml or a profile it
//! extends), and the inherited values a nearer file overrides, with its reason.
//! A member of a region sees here what it takes from the region and where it
//! deviates.

use super::args::ConfigArgs;
use super::settings;
use super::{ERROR, OK};
use std::fmt::Write as _;
use std::sync::Arc;
use tenderlint::config::{Config, ConfigFile};

pub(crate) fn run(args: &ConfigArgs) -> u8 {
    match settings::config_at(&args.path, args.config.as_deref()) {
        Ok(Some(config)) => {
            print!("{}", render(&config));
            OK
        }
        Ok(None) => {
            println!(
                "no {} found from {}: the defaults apply",
                tenderlint::config::FILE_NAME,
                args.path.display()
            );
            OK
        }
        Err(problem) => {
            problem.print();
            ERROR
        }
    }
}

/// The effective settings as text, one value a line with its file.
fn render(config: &Config) -> String {
    let mut out = format!("configuration: {}\n", config.source.name);
    for file in &config.extended {
        let _ = writeln!(
            out,
            "  extends {}  ({})",
            file.source.name,
            file.chain_text()
        );
    }
    out.push_str("rulesets:\n");
    if config.rulesets.is_empty() {
        out.push_str("  (the newest built-in sets)\n");
    }
    for pin in &config.rulesets {
        line(&mut out, &pin.value.to_string(), &pin.file.source.name);
    }
    let single = |value: String, file: &Option<Arc<ConfigFile>>| {
        (
            value,
            file.as_ref()
                .map_or("", |f| f.source.name.as_str())
                .to_string(),
        )
    };
    if !config.services.is_empty() {
        let (v, f) = single(config.services.join(", "), &config.origins.services);
        out.push_str(&format!("services: {v}  from {f}\n"));
    }
    if let Some(lang) = config.lang {
        let (v, f) = single(lang.as_str().into(), &config.origins.lang);
        out.push_str(&format!("lang: {v}  from {f}\n"));
    }
    if let Some(fail_on) = config.fail_on {
        let (v, f) = single(fail_on.as_str().into(), &config.origins.fail_on);
        out.push_str(&format!("fail-on: {v}  from {f}\n"));
    }
    if !config.rules.is_empty() {
        out.push_str("rules:\n");
    }
    for (id, level) in config.rule_levels() {
        let file = config
            .rules
            .iter()
            .find(|r| r.id.value == id)
            .map_or("", |r| r.id.file.source.name.as_str());
        line(
            &mut out,
            &format!("{id}: {}", tenderlint::config::level_str(level)),
            file,
        );
    }
    if !config.waivers.is_empty() {
        out.push_str("waivers:\n");
    }
    for w in &config.waivers {
        let place = format!("{}:{}", w.file, w.line);
        line(&mut out, &format!("{}: \"{}\"", w.rule, w.reason), &place);
    }
    if !config.overrides.is_empty() {
        out.push_str("overrides:\n");
    }
    for o in &config.overrides {
        let _ = write!(
            out,
            "  {}: {} in {} over {} from {}",
            o.key, o.value, o.file, o.replaced, o.replaced_from
        );
        match &o.reason {
            Some(reason) => {
                let _ = writeln!(out, " — reason: \"{reason}\"");
            }
            None => out.push('\n'),
        }
    }
    out
}

fn line(out: &mut String, value: &str, file: &str) {
    let _ = writeln!(out, "  {value}  from {file}");
}
