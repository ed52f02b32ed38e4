//! The binary's settings stage: flags, `tenderlint.yaml` and the environment
//! resolved into one value per command before anything is checked or printed.
//! Flags win over the configuration, the configuration over the environment, the
//! environment over the defaults.
//!
//! The library's `tenderlint::settings` keeps the part every caller shares (which
//! configuration applies, rule sets, services, rule levels, waivers), so that `check`
//! and the web page of `serve` judge a tender alike. This module adds what only a
//! process has: the environment ([`Environment`], read once), and the flags that
//! are about printing (format, outputs, language, width, colour, progress).
//!
//! The order in which problems are found is the order they were reported in before
//! this stage existed: configuration, language, `TENDERLINT_TODAY`, format, outputs,
//! rule sets and services, standard input.

use super::args::{CheckArgs, RuleSetArgs, ServeArgs};
use super::output;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use tenderlint::config::{Config, FailOn};
use tenderlint::date::{self, Date};
use tenderlint::report::{Format, RenderOptions};
use tenderlint::rules::RuleSet;
use tenderlint::settings::{self as library, ConfigSource, SettingsError};
use tenderlint::{CheckOptions, Lang};

#[cfg(test)]
mod extends_tests;
#[cfg(test)]
mod tests;

/// What the binary takes from its environment, read once at the start.
#[derive(Debug, Clone, Default)]
pub(crate) struct Environment {
    /// `LC_ALL`, `LC_MESSAGES` and `LANG`, first wins.
    locale: [Option<String>; 3],
    /// `TENDERLINT_TODAY`.
    today: Option<String>,
    /// `CI` is set and not empty.
    ci: bool,
    /// `TERM=dumb`.
    dumb_terminal: bool,
    /// `COLUMNS`.
    columns: Option<String>,
    /// The terminal's width, when standard output is one.
    terminal_width: Option<usize>,
    /// Colours on standard output, as anstream decides them (`NO_COLOR`,
    /// `CLICOLOR(_FORCE)`, `TERM=dumb`, a terminal or not).
    stdout_color: bool,
    stdout_is_terminal: bool,
    stderr_is_terminal: bool,
}

impl Environment {
    pub(crate) fn read() -> Environment {
        let var = |name: &str| std::env::var(name).ok();
        Environment {
            locale: [var("LC_ALL"), var("LC_MESSAGES"), var("LANG")],
            today: var("TENDERLINT_TODAY"),
            ci: std::env::var_os("CI").is_some_and(|v| !v.is_empty()),
            dumb_terminal: var("TERM").is_some_and(|t| t == "dumb"),
            columns: var("COLUMNS"),
            terminal_width: output::terminal_width(),
            stdout_color: output::stdout_color(),
            stdout_is_terminal: std::io::stdout().is_terminal(),
            stderr_is_terminal: std::io::stderr().is_terminal(),
        }
    }

    /// The language of the locale: the first of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// that is set and names one tenderlint speaks.
    pub(crate) fn lang(&self) -> Option<Lang> {
        self.locale
            .iter()
            .flatten()
            .filter(|v| !v.is_empty())
            .find_map(|v| Lang::parse(v))
    }

    /// `TENDERLINT_TODAY=YYYY-MM-DD` fixes the day waiver expiry is judged on (tests, reruns).
    fn today(&self) -> Result<Option<Date>, Problem> {
        match &self.today {
            Some(v) if !v.trim().is_empty() => date::parse(v).map(Some).ok_or_else(|| {
                Problem::Usage(format!("TENDERLINT_TODAY=`{v}` is not a YYYY-MM-DD date"))
            }),
            _ => Ok(None),
        }
    }

    /// `COLUMNS` when set (tests, scripts), else the terminal's width, else 100.
    fn width(&self) -> usize {
        self.columns
            .as_deref()
            .and_then(|c| c.parse().ok())
            .or(self.terminal_width)
            .unwrap_or(100)
    }

    /// A progress bar would be seen and not get in the way: standard error is a
    /// terminal, not a CI log, not a dumb terminal.
    fn shows_progress(&self) -> bool {
        !self.ci && !self.dumb_terminal && self.stderr_is_terminal
    }

    /// Colours on standard output.
    pub(crate) fn stdout_color(&self) -> bool {
        self.stdout_color
    }

    /// Standard output is a terminal: no binary formats there.
    pub(crate) fn stdout_is_terminal(&self) -> bool {
        self.stdout_is_terminal
    }
}

/// Why a command cannot start: said once, on standard error, with exit status 2.
#[derive(Debug)]
pub(crate) enum Problem {
    /// One line, `error: …`.
    Usage(String),
    /// Problems in `tenderlint.yaml` or the rule sets, each shown in its file.
    Sources(Vec<SettingsError>),
}

impl Problem {
    pub(crate) fn print(&self) {
        match self {
            Problem::Usage(message) => eprintln!("error: {message}"),
            Problem::Sources(errors) => output::print_settings_errors(errors),
        }
    }
}

impl From<Vec<SettingsError>> for Problem {
    fn from(errors: Vec<SettingsError>) -> Problem {
        Problem::Sources(errors)
    }
}

/// Everything `check` runs and prints with.
#[derive(Debug)]
pub(crate) struct Settings {
    /// The effective tenderlint.yaml (with the profiles it extends), if any.
    pub(crate) config: Option<Config>,
    pub(crate) rulesets: Vec<RuleSet>,
    /// The library's options: services, rule levels, waivers, today, the language
    /// the user named (for suggestions).
    pub(crate) options: CheckOptions,
    /// Standard output's format.
    pub(crate) format: Format,
    /// Formats written to files (`--output FORMAT=PATH`).
    pub(crate) outputs: Vec<(Format, PathBuf)>,
    /// How standard output is rendered: language of messages, colour, width.
    pub(crate) render: RenderOptions<'static>,
    pub(crate) progress: bool,
}

/// Everything `serve` runs with.
#[derive(Debug)]
pub(crate) struct ServeSettings {
    pub(crate) resolved: library::Settings,
    /// The language of messages when the page names none; `None` leaves it to the browser.
    pub(crate) lang: Option<Lang>,
}

/// The settings of `tenderlint check`.
pub(crate) fn check(args: &CheckArgs, env: &Environment) -> Result<Settings, Problem> {
    let config = load_config(check_config_source(args))?;
    resolve_check(args, config, env)
}

/// The settings of `tenderlint serve`: the same configuration, rule sets, services
/// and `TENDERLINT_TODAY` as `check`, found from the working directory.
pub(crate) fn serve(args: &ServeArgs, env: &Environment) -> Result<ServeSettings, Problem> {
    let source = match &args.config {
        _ if args.isolated => ConfigSource::Isolated,
        Some(file) => ConfigSource::File(file),
        None => ConfigSource::FoundFrom(Path::new(".")),
    };
    let config = load_config(source)?;
    resolve_serve(args, config, env)
}

/// For `rules list`, `explain` and `extract`, which have no `--config`: the
/// tenderlint.yaml that applies from `start` upward, and the rule sets to use.
pub(crate) fn rule_sets(
    start: &Path,
    args: &RuleSetArgs,
) -> Result<(Option<Config>, Vec<RuleSet>), Problem> {
    let config = load_config(ConfigSource::FoundFrom(start))?;
    let sets = library::rulesets(&args.rulesets, config.as_ref())?;
    Ok((config, sets))
}

/// For `config`: the configuration `--config` names, else the one found upward from `start`.
pub(crate) fn config_at(start: &Path, file: Option<&Path>) -> Result<Option<Config>, Problem> {
    load_config(file.map_or(ConfigSource::FoundFrom(start), ConfigSource::File))
}

/// The language of `explain`'s text: `--lang`, else tenderlint.yaml's, else the
/// locale's, else bokmål. A `--lang` it does not know gives bokmål, not an error.
pub(crate) fn explain_lang(flag: Option<&str>, config: Option<&Config>, env: &Environment) -> Lang {
    named_lang(flag, config).map_or(Lang::Nb, |named| {
        named.or_else(|| env.lang()).unwrap_or_default()
    })
}

/// How `compare` renders: `--lang`, else the locale's language (each tender's
/// own tenderlint.yaml decides only its own check), colour and width as `check`'s.
pub(crate) fn compare_render(
    lang: Option<&str>,
    env: &Environment,
) -> Result<RenderOptions<'static>, Problem> {
    let named = named_lang(lang, None)
        .map_err(|v| Problem::Usage(format!("unknown language `{v}` (use nb, nn or en)")))?;
    Ok(RenderOptions {
        lang: named.or_else(|| env.lang()).unwrap_or_default(),
        color: env.stdout_color,
        width: env.width(),
        date: None,
        ..RenderOptions::default()
    })
}

/// The configuration for a check: `--config FILE`, else `tenderlint.yaml` found
/// upward from the first path, else none (`--isolated` or nothing found).
fn check_config_source(args: &CheckArgs) -> ConfigSource<'_> {
    match (&args.config, args.paths.first()) {
        _ if args.isolated => ConfigSource::Isolated,
        (Some(file), _) => ConfigSource::File(file),
        // Standard input has no place: the configuration is found from where its
        // name says it belongs, else the current directory.
        (None, Some(first)) if first.as_os_str() == tenderlint::check::STDIN_PATH => {
            let named = args.stdin_filename.as_deref().and_then(Path::parent);
            ConfigSource::FoundFrom(named.filter(|d| d.is_dir()).unwrap_or(Path::new(".")))
        }
        (None, Some(first)) => ConfigSource::FoundFrom(first),
        (None, None) => ConfigSource::Isolated,
    }
}

fn load_config(source: ConfigSource) -> Result<Option<Config>, Problem> {
    library::find_config(source).map_err(|e| Problem::Sources(vec![e]))
}

/// The language the user named: `--lang`, else tenderlint.yaml's `lang:`. The
/// error is the unknown `--lang` value.
fn named_lang<'a>(flag: Option<&'a str>, config: Option<&Config>) -> Result<Option<Lang>, &'a str> {
    match flag {
        Some(value) => Lang::parse(value).map(Some).ok_or(value),
        None => Ok(config.and_then(|c| c.lang)),
    }
}

/// The rule sets and library options both `check` and `serve` run with. An
/// unknown service is said in `lang`, the language of the command's messages.
fn resolve_library(
    config: Option<Config>,
    rulesets: &[String],
    services: &[String],
    today: Option<Date>,
    lang: Lang,
) -> Result<library::Settings, Problem> {
    let flags = library::Flags { rulesets, services };
    let mut resolved = library::resolve(config, &flags).map_err(|e| match e {
        library::ResolveError::Sources(errors) => Problem::Sources(errors),
        library::ResolveError::UnknownService(unknown) => {
            Problem::Usage(tenderlint::report::i18n::unknown_service(&unknown, lang))
        }
    })?;
    resolved.options.today = today;
    Ok(resolved)
}

fn resolve_serve(
    args: &ServeArgs,
    config: Option<Config>,
    env: &Environment,
) -> Result<ServeSettings, Problem> {
    let lang = named_lang(args.lang.as_deref(), config.as_ref())
        .map_err(|v| Problem::Usage(format!("unknown language `{v}` (use nb, nn or en)")))?;
    let today = env.today()?;
    let words = lang.or_else(|| env.lang()).unwrap_or_default();
    let resolved = resolve_library(
        config,
        &args.rulesets.rulesets,
        &args.services,
        today,
        words,
    )?;
    Ok(ServeSettings { resolved, lang })
}

fn resolve_check(
    args: &CheckArgs,
    config: Option<Config>,
    env: &Environment,
) -> Result<Settings, Problem> {
    let named = named_lang(args.lang.as_deref(), config.as_ref())
        .map_err(|v| Problem::Usage(format!("unknown language `{v}` (use nb, nn or en)")))?;
    let lang = named.or_else(|| env.lang()).unwrap_or_default();
    let today = env.today()?;
    let format = parse_format(&args.format)?;
    let outputs = parse_outputs(&args.outputs)?;
    // A Word file is binary: on a terminal it is noise and can upset the terminal.
    if format == Format::Docx
        && !outputs.iter().any(|(f, _)| *f == Format::Docx)
        && env.stdout_is_terminal
    {
        return Err(Problem::Usage(
            "--format docx writes a binary Word file, not for a terminal\n  help: use --output docx=FILE (e.g. --output docx=rapport.docx), or redirect standard output to a file".into(),
        ));
    }
    let fail_on = args
        .fail_on
        .or_else(|| config.as_ref().and_then(|c| c.fail_on))
        .unwrap_or(FailOn::Error);
    let library::Settings {
        config,
        rulesets,
        mut options,
        ..
    } = resolve_library(config, &args.rulesets.rulesets, &args.services, today, lang)?;
    // Only a language the user names decides the suggestions; LANG is the
    // terminal's, not the tender's.
    options.lang = named;
    options.fail_on = fail_on.threshold();
    if args.stdin_filename.is_some() && !reads_stdin(args) {
        return Err(Problem::Usage(
            "--stdin-filename names the file `-` reads; no path is `-`".into(),
        ));
    }
    let render = RenderOptions {
        lang,
        color: env.stdout_color,
        width: env.width(),
        quiet: args.quiet,
        verbose: args.verbose,
        date: None,
        // The requirement tables take `--id-prefix` where they are rendered.
        ..RenderOptions::default()
    };
    Ok(Settings {
        config,
        rulesets,
        options,
        format,
        outputs,
        render,
        progress: !args.quiet && env.shows_progress(),
    })
}

/// One of the paths is `-`, standard input.
pub(crate) fn reads_stdin(args: &CheckArgs) -> bool {
    args.paths
        .iter()
        .any(|p| p.as_os_str() == tenderlint::check::STDIN_PATH)
}

fn parse_format(name: &str) -> Result<Format, Problem> {
    Format::parse(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|(n, _)| *n).collect();
        Problem::Usage(format!(
            "unknown format `{name}` (use one of: {})",
            names.join(", ")
        ))
    })
}

/// `--output FORMAT=PATH`, each.
fn parse_outputs(specs: &[String]) -> Result<Vec<(Format, PathBuf)>, Problem> {
    specs
        .iter()
        .map(|spec| {
            let (name, path) = spec.split_once('=').ok_or_else(|| {
                Problem::Usage(format!("--output takes FORMAT=PATH, got `{spec}`"))
            })?;
            let format = Format::parse(name)
                .ok_or_else(|| Problem::Usage(format!("unknown format `{name}` in --output")))?;
            Ok((format, PathBuf::from(path)))
        })
        .collect()
}

/// `--format text|json` of `extract` and `rules diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextOrJson {
    Text,
    Json,
}

impl TextOrJson {
    pub(crate) fn parse(name: &str) -> Result<TextOrJson, Problem> {
        match name {
            "text" => Ok(TextOrJson::Text),
            "json" => Ok(TextOrJson::Json),
            other => Err(Problem::Usage(format!(
                "unknown format `{other}` (use text or json)"
            ))),
        }
    }
}
