//! The settings stage on its own: flags, a configuration and an environment in,
//! settings or the problem out. Precedence is flag > tenderlint.yaml > environment
//! > default throughout.

use super::*;
use crate::cli::args::{Cli, Command};
use clap::Parser;
use std::sync::Arc;
use tenderlint::rules::RuleSetSource;

fn check_args(flags: &[&str]) -> CheckArgs {
    let argv = ["tenderlint", "check"].iter().chain(flags);
    match Cli::try_parse_from(argv).unwrap().command {
        Command::Check(args) => args,
        _ => unreachable!(),
    }
}

fn serve_args(flags: &[&str]) -> ServeArgs {
    let argv = ["tenderlint", "serve"].iter().chain(flags);
    match Cli::try_parse_from(argv).unwrap().command {
        Command::Serve(args) => args,
        _ => unreachable!(),
    }
}

/// A configuration with this text, as if it lay in a fresh directory.
fn config(text: &str) -> Config {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().canonicalize().unwrap();
    let source = RuleSetSource {
        name: "tenderlint.yaml".into(),
        text: Arc::from(text),
    };
    tenderlint::config::parse(source, &dir.join("tenderlint.yaml"), &dir).unwrap()
}

fn env_with_lang(lang: &str) -> Environment {
    Environment {
        locale: [None, None, Some(lang.into())],
        ..Environment::default()
    }
}

fn usage(result: Result<Settings, Problem>) -> String {
    match result {
        Err(Problem::Usage(message)) => message,
        Err(Problem::Sources(errors)) => panic!("rule-set problems: {errors:?}"),
        Ok(_) => panic!("settings resolved"),
    }
}

#[test]
fn without_flags_configuration_or_environment_the_defaults_hold() {
    let s = resolve_check(&check_args(&[]), None, &Environment::default()).unwrap();
    assert_eq!(s.render.lang, Lang::Nb);
    assert_eq!(s.options.lang, None);
    assert_eq!(s.format, Format::Human);
    assert!(s.outputs.is_empty());
    assert_eq!(s.options.fail_on, Some(tenderlint::rules::Severity::Error));
    assert_eq!(s.render.width, 100);
    assert!(!s.render.color && !s.progress);
    assert_eq!(s.options.today, None);
    assert!(!s.rulesets.is_empty(), "the embedded default sets");
}

#[test]
fn the_lang_flag_wins_over_the_configuration_and_the_locale() {
    let c = config("lang: nb\n");
    let s = resolve_check(
        &check_args(&["--lang", "nn"]),
        Some(c),
        &env_with_lang("en_GB.UTF-8"),
    )
    .unwrap();
    assert_eq!(s.render.lang, Lang::Nn);
    assert_eq!(s.options.lang, Some(Lang::Nn));
}

#[test]
fn the_configurations_lang_wins_over_the_locale() {
    let c = config("lang: en\n");
    let s = resolve_check(&check_args(&[]), Some(c), &env_with_lang("nn_NO.UTF-8")).unwrap();
    assert_eq!(s.render.lang, Lang::En);
    assert_eq!(s.options.lang, Some(Lang::En));
}

#[test]
fn the_locale_sets_the_messages_but_not_the_suggestions() {
    let s = resolve_check(&check_args(&[]), None, &env_with_lang("en_US.UTF-8")).unwrap();
    assert_eq!(s.render.lang, Lang::En);
    // LANG is the terminal's, not the tender's.
    assert_eq!(s.options.lang, None);
}

#[test]
fn lc_all_wins_over_lc_messages_over_lang_and_unknown_locales_are_passed_over() {
    let env = |locale: [Option<&str>; 3]| Environment {
        locale: locale.map(|l| l.map(String::from)),
        ..Environment::default()
    };
    assert_eq!(
        env([Some("en"), Some("nn"), Some("nb")]).lang(),
        Some(Lang::En)
    );
    assert_eq!(env([None, Some("nn"), Some("en")]).lang(), Some(Lang::Nn));
    assert_eq!(
        env([Some("C.UTF-8"), Some(""), Some("en")]).lang(),
        Some(Lang::En)
    );
    assert_eq!(env([Some("C"), None, Some("POSIX")]).lang(), None);
}

#[test]
fn an_unknown_lang_is_an_error_naming_nb_nn_and_en() {
    let message = usage(resolve_check(
        &check_args(&["--lang", "de"]),
        None,
        &Environment::default(),
    ));
    // Issue 25: nynorsk is accepted, so the message names it too.
    assert_eq!(message, "unknown language `de` (use nb, nn or en)");
    let serve = resolve_serve(
        &serve_args(&["--lang", "de"]),
        None,
        &Environment::default(),
    );
    match serve {
        Err(Problem::Usage(message)) => {
            assert_eq!(message, "unknown language `de` (use nb, nn or en)")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_locale_the_flag_names_is_understood() {
    let s = resolve_check(
        &check_args(&["--lang", "nb_NO.UTF-8"]),
        None,
        &Environment::default(),
    )
    .unwrap();
    assert_eq!(s.render.lang, Lang::Nb);
}

#[test]
fn explain_falls_back_to_bokmal_on_an_unknown_lang_and_otherwise_follows_precedence() {
    let en = config("lang: en\n");
    let nn = env_with_lang("nn");
    assert_eq!(explain_lang(Some("de"), Some(&en), &nn), Lang::Nb);
    assert_eq!(explain_lang(Some("nb"), Some(&en), &nn), Lang::Nb);
    assert_eq!(explain_lang(None, Some(&en), &nn), Lang::En);
    assert_eq!(explain_lang(None, None, &nn), Lang::Nn);
    assert_eq!(explain_lang(None, None, &Environment::default()), Lang::Nb);
}

#[test]
fn serve_takes_no_language_from_the_locale() {
    let s = resolve_serve(&serve_args(&[]), None, &env_with_lang("en")).unwrap();
    assert_eq!(s.lang, None, "the browser's language decides then");
    let s = resolve_serve(
        &serve_args(&[]),
        Some(config("lang: nn\n")),
        &env_with_lang("en"),
    )
    .unwrap();
    assert_eq!(s.lang, Some(Lang::Nn));
}

#[test]
fn the_fail_on_flag_wins_over_the_configuration() {
    let c = || Some(config("fail-on: warning\n"));
    let env = Environment::default();
    let s = resolve_check(&check_args(&[]), c(), &env).unwrap();
    assert_eq!(
        s.options.fail_on,
        Some(tenderlint::rules::Severity::Warning)
    );
    let s = resolve_check(&check_args(&["--fail-on", "never"]), c(), &env).unwrap();
    assert_eq!(s.options.fail_on, None);
}

#[test]
fn tenderlint_today_fixes_the_day_for_check_and_serve_alike() {
    let env = Environment {
        today: Some("2026-12-02".into()),
        ..Environment::default()
    };
    let check = resolve_check(&check_args(&[]), None, &env).unwrap();
    let serve = resolve_serve(&serve_args(&[]), None, &env).unwrap();
    assert_eq!(check.options.today, tenderlint::date::parse("2026-12-02"));
    assert_eq!(
        serve.resolved.options.today,
        tenderlint::date::parse("2026-12-02")
    );
    let blank = Environment {
        today: Some("  ".into()),
        ..Environment::default()
    };
    assert_eq!(
        resolve_check(&check_args(&[]), None, &blank)
            .unwrap()
            .options
            .today,
        None
    );
}

#[test]
fn a_tenderlint_today_that_is_no_date_is_an_error() {
    let env = Environment {
        today: Some("2. desember".into()),
        ..Environment::default()
    };
    assert_eq!(
        usage(resolve_check(&check_args(&[]), None, &env)),
        "TENDERLINT_TODAY=`2. desember` is not a YYYY-MM-DD date"
    );
}

#[test]
fn unknown_formats_are_errors_that_list_the_known_ones() {
    let env = Environment::default();
    assert_eq!(
        usage(resolve_check(&check_args(&["--format", "jsn"]), None, &env)),
        "unknown format `jsn` (use one of: human, json, sarif, junit, gitlab, github, compact, markdown, html, docx, requirements-md, requirements-docx)"
    );
    assert_eq!(
        usage(resolve_check(
            &check_args(&["-o", "jsn=x.json"]),
            None,
            &env
        )),
        "unknown format `jsn` in --output"
    );
    assert_eq!(
        usage(resolve_check(&check_args(&["-o", "x.json"]), None, &env)),
        "--output takes FORMAT=PATH, got `x.json`"
    );
    assert_eq!(
        TextOrJson::parse("yaml")
            .map_err(|p| format!("{p:?}"))
            .unwrap_err(),
        format!(
            "{:?}",
            Problem::Usage("unknown format `yaml` (use text or json)".into())
        )
    );
}

#[test]
fn outputs_name_a_format_and_a_path_each() {
    let args = check_args(&[
        "-o",
        "sarif=out/a.sarif",
        "--output",
        "json=b.json",
        "-f",
        "compact",
    ]);
    let s = resolve_check(&args, None, &Environment::default()).unwrap();
    assert_eq!(s.format, Format::Compact);
    assert_eq!(
        s.outputs,
        vec![
            (Format::Sarif, PathBuf::from("out/a.sarif")),
            (Format::Json, PathBuf::from("b.json"))
        ]
    );
}

#[test]
fn a_word_report_goes_to_a_terminal_only_through_a_file() {
    let terminal = Environment {
        stdout_is_terminal: true,
        ..Environment::default()
    };
    let message = usage(resolve_check(&check_args(&["-f", "docx"]), None, &terminal));
    assert!(
        message.starts_with("--format docx writes a binary Word file"),
        "{message}"
    );
    assert!(
        resolve_check(
            &check_args(&["-f", "docx", "-o", "docx=r.docx"]),
            None,
            &terminal
        )
        .is_ok()
    );
    assert!(resolve_check(&check_args(&["-f", "docx"]), None, &Environment::default()).is_ok());
}

#[test]
fn columns_wins_over_the_terminals_width_unless_it_is_no_number() {
    let env = |columns: Option<&str>, terminal: Option<usize>| Environment {
        columns: columns.map(String::from),
        terminal_width: terminal,
        ..Environment::default()
    };
    assert_eq!(env(Some("80"), Some(120)).width(), 80);
    assert_eq!(env(Some("wide"), Some(120)).width(), 120);
    assert_eq!(env(None, Some(120)).width(), 120);
    assert_eq!(env(None, None).width(), 100);
}

#[test]
fn progress_shows_on_a_terminal_but_not_in_ci_on_a_dumb_terminal_or_with_quiet() {
    let terminal = Environment {
        stderr_is_terminal: true,
        ..Environment::default()
    };
    let progress = |args: &[&str], env: &Environment| {
        resolve_check(&check_args(args), None, env)
            .unwrap()
            .progress
    };
    assert!(progress(&[], &terminal));
    assert!(!progress(&["--quiet"], &terminal));
    let ci = Environment {
        ci: true,
        ..terminal.clone()
    };
    assert!(!progress(&[], &ci));
    let dumb = Environment {
        dumb_terminal: true,
        ..terminal.clone()
    };
    assert!(!progress(&[], &dumb));
    assert!(!progress(&[], &Environment::default()));
}

#[test]
fn colour_on_standard_output_is_the_environments() {
    let env = Environment {
        stdout_color: true,
        ..Environment::default()
    };
    assert!(
        resolve_check(&check_args(&[]), None, &env)
            .unwrap()
            .render
            .color
    );
}

#[test]
fn a_stdin_filename_without_a_dash_path_is_an_error() {
    let env = Environment::default();
    assert_eq!(
        usage(resolve_check(
            &check_args(&["--stdin-filename", "a.md", "."]),
            None,
            &env
        )),
        "--stdin-filename names the file `-` reads; no path is `-`"
    );
    assert!(resolve_check(&check_args(&["--stdin-filename", "a.md", "-"]), None, &env).is_ok());
}

#[test]
fn the_configuration_is_named_found_from_the_first_path_or_skipped() {
    let source = |flags: &[&str]| format!("{:?}", check_config_source(&check_args(flags)));
    assert_eq!(source(&["--isolated", "a"]), "Isolated");
    assert_eq!(source(&["--config", "c.yaml", "a"]), "File(\"c.yaml\")");
    assert_eq!(source(&["a", "b"]), "FoundFrom(\"a\")");
    assert_eq!(source(&[]), "FoundFrom(\".\")");
    // Standard input: from the directory its name gives, when there is one.
    let dir = tempfile::tempdir().unwrap();
    let named = dir.path().join("tender.md");
    let named = named.to_str().unwrap();
    assert_eq!(
        source(&["--stdin-filename", named, "-"]),
        format!("FoundFrom({:?})", dir.path())
    );
    assert_eq!(
        source(&["--stdin-filename", "nowhere/x.md", "-"]),
        "FoundFrom(\".\")"
    );
}

#[test]
fn flags_name_rule_sets_and_services_over_the_configurations() {
    let c = config("rulesets: [ks-felles-journalloft@1.1.0]\nservices: [legevakt]\n");
    let args = check_args(&[
        "-r",
        "ks-felles-journalloft@1.0.0",
        "--services",
        "sykehjem",
    ]);
    let s = resolve_check(&args, Some(c), &Environment::default()).unwrap();
    let keys: Vec<String> = s.rulesets.iter().map(RuleSet::key).collect();
    assert_eq!(keys, ["ks-felles-journalloft@1.0.0"]);
    assert_eq!(s.options.engine.services, ["sykehjem"]);
    let c = config("rulesets: [ks-felles-journalloft@1.1.0]\nservices: [legevakt]\n");
    let s = resolve_check(&check_args(&[]), Some(c), &Environment::default()).unwrap();
    let keys: Vec<String> = s.rulesets.iter().map(RuleSet::key).collect();
    assert_eq!(keys, ["ks-felles-journalloft@1.1.0"]);
    assert_eq!(s.options.engine.services, ["legevakt"]);
}

/// An unknown service is the command's problem, said in its language — not a
/// diagnostic in the configuration file, and not English under nb or nn.
#[test]
fn an_unknown_service_is_a_problem_of_the_flags_said_in_the_commands_language() {
    for (lang, words) in [
        (
            "nb",
            "ukjent tjeneste `legvakt` i --services (mente du `legevakt`?)",
        ),
        (
            "nn",
            "ukjend teneste `legvakt` i --services (meinte du `legevakt`?)",
        ),
        (
            "en",
            "unknown service `legvakt` in --services (did you mean `legevakt`?)",
        ),
    ] {
        match resolve_check(
            &check_args(&["--services", "legvakt", "--lang", lang]),
            None,
            &Environment::default(),
        ) {
            Err(Problem::Usage(message)) => assert!(message.starts_with(words), "{message}"),
            other => panic!("{other:?}"),
        }
    }
}
