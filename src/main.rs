//! The tenderlint binary: parse flags, call the library, print, choose the exit status.
//! Exit status: 0 nothing at or above `--fail-on` fails; 1 something does; 2 usage
//! errors, unreadable inputs or invalid rule sets.

mod cli;
mod serve_command;

use clap::Parser;
use cli::{CheckArgs, Cli, Command, ExplainArgs, ExtractArgs, FailOn, RuleSetArgs, RulesCommand};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tenderlint::Lang;
use tenderlint::config::{self, Config};
use tenderlint::report::{self, Format, RenderOptions};
use tenderlint::rules::{self, RuleSet, RuleSetError};
use tenderlint::settings::{self, ConfigSource, Settings, SettingsError};
use tenderlint::waivers::Date;

const OK: u8 = 0;
const FAILED: u8 = 1;
const ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { ERROR } else { OK });
        }
    };
    let code = match cli.command {
        Command::Check(args) => check(args),
        Command::Rules(cmd) => rules_command(cmd),
        Command::Explain(args) => explain(args),
        Command::Extract(args) => extract(args),
        Command::Init => init(),
        Command::Serve(args) => serve_command::serve(args),
        Command::Completions { shell } => completions(shell),
        Command::Man { command } => man(command.as_deref()),
    };
    ExitCode::from(code)
}

fn completions(shell: clap_complete::Shell) -> u8 {
    use clap::CommandFactory;
    let mut command = Cli::command();
    // Into memory first: clap_complete panics when its writer fails (a closed pipe).
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "tenderlint", &mut out);
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(&out).and_then(|_| stdout.flush()).is_err() {
        return ERROR;
    }
    OK
}

fn man(subcommand: Option<&str>) -> u8 {
    use clap::CommandFactory;
    let mut command = Cli::command();
    command.build();
    let page = match subcommand {
        None => command,
        Some(name) => match command.find_subcommand(name) {
            // Named as clap_mangen's SEE ALSO names it: tenderlint-check(1); the name is
            // leaked once, for the one page this process prints.
            Some(sub) => sub
                .clone()
                .name(String::leak(format!("tenderlint-{name}")) as &str),
            None => {
                eprintln!("error: no subcommand `{name}`");
                return ERROR;
            }
        },
    };
    let mut out = Vec::new();
    match clap_mangen::Man::new(page).render(&mut out) {
        Ok(()) => {
            let mut stdout = std::io::stdout().lock();
            if stdout.write_all(&out).and_then(|_| stdout.flush()).is_err() {
                return ERROR;
            }
            OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            ERROR
        }
    }
}

/// Colours as anstream decides them: NO_COLOR, CLICOLOR(_FORCE), TERM=dumb, and
/// whether the stream is a terminal.
fn color_stdout() -> bool {
    anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
}

fn color_stderr() -> bool {
    anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never
}

fn language(flag: Option<&str>) -> Result<Lang, String> {
    if let Some(value) = flag {
        return Lang::parse(value)
            .ok_or_else(|| format!("unknown language `{value}` (use nb or en)"));
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(lang) = std::env::var(var)
            .ok()
            .filter(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
        {
            return Ok(lang);
        }
    }
    Ok(Lang::Nb)
}

fn print_rule_set_error(error: &RuleSetError) {
    print_problems(error, "tenderlint::rules");
}

fn print_config_error(error: &RuleSetError) {
    print_problems(error, "tenderlint::config");
}

fn print_problems(error: &RuleSetError, code: &'static str) {
    let handler = miette::GraphicalReportHandler::new_themed(if color_stderr() {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    });
    for diagnostic in error.diagnostics_with_code(code) {
        let mut out = String::new();
        if diagnostic_has_span(&diagnostic) && handler.render_report(&mut out, &diagnostic).is_ok()
        {
            eprint!("{out}");
        } else {
            eprintln!("error: {}: {}", error.source.name, diagnostic);
            if let Some(help) = miette::Diagnostic::help(&diagnostic) {
                eprintln!("  help: {help}");
            }
        }
    }
}

fn diagnostic_has_span(d: &dyn miette::Diagnostic) -> bool {
    d.labels().is_some_and(|mut l| l.next().is_some())
}

fn print_settings_errors(errors: &[SettingsError]) {
    for e in errors {
        if e.in_config {
            print_config_error(&e.error);
        } else {
            print_rule_set_error(&e.error);
        }
    }
}

/// The rule sets a command uses. Flags win over the configuration; the
/// configuration (pins, local sets) over the embedded defaults. `check`,
/// `rules list`, `explain` and `extract` all resolve them here.
fn resolve_rulesets(args: &RuleSetArgs, config: Option<&Config>) -> Result<Vec<RuleSet>, ()> {
    settings::rulesets(&args.rulesets, config).map_err(|errors| print_settings_errors(&errors))
}

/// The tenderlint.yaml that applies from `start` upward, for the commands that
/// have no `--config`: `rules list`, `explain`, `extract`.
fn config_from(start: &Path) -> Result<Option<Config>, ()> {
    settings::find_config(ConfigSource::FoundFrom(start)).map_err(|e| print_settings_errors(&[e]))
}

/// The configuration for a check: `--config FILE`, else `tenderlint.yaml` found
/// upward from the first path, else none (`--isolated` or nothing found).
fn find_config(args: &CheckArgs) -> Result<Option<Config>, ()> {
    let source = match (&args.config, args.paths.first()) {
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
    };
    settings::find_config(source).map_err(|e| print_settings_errors(&[e]))
}

/// `TENDERLINT_TODAY=YYYY-MM-DD` fixes the day waiver expiry is judged on (tests, reruns).
fn today() -> Result<Option<Date>, String> {
    match std::env::var("TENDERLINT_TODAY") {
        Ok(v) if !v.trim().is_empty() => Date::parse(&v)
            .map(Some)
            .ok_or_else(|| format!("TENDERLINT_TODAY=`{v}` is not a YYYY-MM-DD date")),
        _ => Ok(None),
    }
}

fn check(args: CheckArgs) -> u8 {
    let Ok(config) = find_config(&args) else {
        return ERROR;
    };
    let lang = match (args.lang.as_deref(), config.as_ref().and_then(|c| c.lang)) {
        (None, Some(lang)) => Ok(lang),
        (flag, _) => language(flag),
    };
    let lang = match lang {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return ERROR;
        }
    };
    let today = match today() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ERROR;
        }
    };
    let Some(format) = Format::parse(&args.format) else {
        let names: Vec<&str> = Format::ALL.iter().map(|(n, _)| *n).collect();
        eprintln!(
            "error: unknown format `{}` (use one of: {})",
            args.format,
            names.join(", ")
        );
        return ERROR;
    };
    let mut outputs: Vec<(Format, PathBuf)> = Vec::new();
    for spec in &args.outputs {
        let Some((name, path)) = spec.split_once('=') else {
            eprintln!("error: --output takes FORMAT=PATH, got `{spec}`");
            return ERROR;
        };
        let Some(f) = Format::parse(name) else {
            eprintln!("error: unknown format `{name}` in --output");
            return ERROR;
        };
        outputs.push((f, PathBuf::from(path)));
    }
    // A Word file is binary: on a terminal it is noise and can upset the terminal.
    if format == Format::Docx
        && !outputs.iter().any(|(f, _)| *f == Format::Docx)
        && std::io::stdout().is_terminal()
    {
        eprintln!(
            "error: --format docx writes a binary Word file, not for a terminal\n  help: use --output docx=FILE (e.g. --output docx=rapport.docx), or redirect standard output to a file"
        );
        return ERROR;
    }
    let flags = settings::Flags {
        rulesets: &args.rulesets.rulesets,
        services: &args.services,
    };
    let Settings {
        config,
        rulesets: sets,
        mut options,
    } = match settings::resolve(config, &flags) {
        Ok(s) => s,
        Err(errors) => {
            print_settings_errors(&errors);
            return ERROR;
        }
    };
    options.today = today;
    // Only a language the user names decides the suggestions; LANG is the
    // terminal's, not the tender's.
    options.lang = match args.lang.as_deref() {
        Some(_) => Some(lang),
        None => config.as_ref().and_then(|c| c.lang),
    };
    if args
        .paths
        .iter()
        .any(|p| p.as_os_str() == tenderlint::check::STDIN_PATH)
    {
        match read_stdin(args.stdin_filename.clone()) {
            Ok(file) => options.stdin = Some(file),
            Err(e) => {
                eprintln!("error: standard input: {e}");
                return ERROR;
            }
        }
    } else if args.stdin_filename.is_some() {
        eprintln!("error: --stdin-filename names the file `-` reads; no path is `-`");
        return ERROR;
    }
    // Read before the check, so that a bad baseline costs no checking time.
    let baseline = match &args.baseline {
        None => None,
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| tenderlint::baseline::Baseline::parse(&text))
        {
            Ok(b) => Some(b),
            Err(e) => {
                eprintln!("error: baseline {}: {e}", path.display());
                return ERROR;
            }
        },
    };
    let bar = progress_display(args.quiet, lang);
    options.progress = bar.as_ref().map(|b| b.sink());
    let mut report = tenderlint::check_paths(&args.paths, &sets, &options);
    if let Some(b) = bar {
        b.finish();
    }
    report
        .notices
        .extend(tenderlint::check::newer_versions_notice(&sets));
    if let Some(b) = &baseline {
        tenderlint::baseline::compare(&mut report, b);
    }

    let nothing_read = report.files.iter().all(|f| f.error.is_some());
    if nothing_read {
        // Without a single readable file there is no tender to judge: say why, render nothing.
        if report.files.is_empty() {
            eprintln!(
                "error: no Markdown or DOCX files found in {}",
                display_paths(&args.paths)
            );
            // Say which files were left out (tenderlint's own reports), if any.
            for n in &report.notices {
                eprintln!("note: {}", n.message);
            }
        }
        for f in &report.files {
            eprintln!("error: {}: {}", f.path, f.error.as_deref().unwrap_or(""));
        }
        return ERROR;
    }
    let fail_on = match args.fail_on {
        Some(FailOn::Error) => config::FailOn::Error,
        Some(FailOn::Warning) => config::FailOn::Warning,
        Some(FailOn::Info) => config::FailOn::Info,
        Some(FailOn::Never) => config::FailOn::Never,
        None => config
            .as_ref()
            .and_then(|c| c.fail_on)
            .unwrap_or(config::FailOn::Error),
    };
    let threshold = fail_on.threshold();
    let render_options = RenderOptions {
        lang,
        color: color_stdout(),
        width: terminal_width(),
        quiet: args.quiet,
        verbose: args.verbose,
        date: None,
        fail_on: threshold,
    };
    // CI systems resolve paths from the repository root, whatever path was given.
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let root = report::repository_root(&cwd);
    let ci_report = (format.is_ci() || outputs.iter().any(|(f, _)| f.is_ci()))
        .then(|| report::relative_to(&report, &root, &cwd));
    let for_format = |f: Format| match &ci_report {
        Some(r) if f.is_ci() => r,
        _ => &report,
    };
    let mut status = OK;
    let baseline_output = args
        .write_baseline
        .iter()
        .map(|p| (Format::Json, p.clone()));
    for (f, path) in outputs.iter().cloned().chain(baseline_output) {
        let bytes = render(
            for_format(f),
            f,
            &RenderOptions {
                color: false,
                ..render_options
            },
            &args,
        );
        if let Err(e) = write_atomically(&path, &bytes) {
            eprintln!("error: cannot write {}: {e}", path.display());
            status = ERROR;
        }
    }
    // Standard output gets `--format`, unless that format already went to a file:
    // `--output sarif=x.sarif` still shows people the human report in the CI log.
    if !outputs.iter().any(|(f, _)| *f == format) {
        let bytes = render(for_format(format), format, &render_options, &args);
        let mut stdout = std::io::stdout().lock();
        if stdout
            .write_all(&bytes)
            .and_then(|_| stdout.flush())
            .is_err()
        {
            return ERROR;
        }
    }
    // Unreadable files make the run an error even though the rest was checked.
    for f in report.files.iter().filter(|f| f.error.is_some()) {
        eprintln!("error: {}: {}", f.path, f.error.as_deref().unwrap_or(""));
        status = ERROR;
    }
    // So does an unknown service named in a document.
    for n in report
        .notices
        .iter()
        .filter(|n| n.level == tenderlint::rules::Severity::Error)
    {
        eprintln!("error: {}", n.message);
        status = ERROR;
    }
    if status != OK {
        return status;
    }
    // With a baseline, only what is new or worse counts.
    let counts = |r: &tenderlint::findings::RuleResult| {
        if baseline.is_some() {
            tenderlint::baseline::regressed(r)
        } else {
            r.fails()
        }
    };
    let fails =
        threshold.is_some_and(|t| report.results.iter().any(|r| counts(r) && r.severity >= t));
    if fails { FAILED } else { OK }
}

/// A report in a format, with what only some formats take from the flags.
fn render(
    report: &tenderlint::findings::CheckReport,
    format: Format,
    options: &RenderOptions,
    args: &CheckArgs,
) -> Vec<u8> {
    report::render_requirements(report, format, &args.id_prefix)
        .unwrap_or_else(|| report::render(report, format, options))
}

/// A progress bar on standard error for large tenders: files read, then rules
/// evaluated. Only when stderr is a terminal, not in CI, not with `--quiet`.
struct ProgressDisplay {
    bar: std::sync::Arc<std::sync::Mutex<Option<indicatif::ProgressBar>>>,
    lang: Lang,
}

/// «Large»: about a second of work or more in a release build.
const PROGRESS_FILES: usize = 50;
const PROGRESS_BYTES: u64 = 8 * 1024 * 1024;

fn progress_display(quiet: bool, lang: Lang) -> Option<ProgressDisplay> {
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if quiet || ci || dumb || !std::io::stderr().is_terminal() {
        return None;
    }
    Some(ProgressDisplay {
        bar: Default::default(),
        lang,
    })
}

impl ProgressDisplay {
    fn sink(&self) -> tenderlint::ProgressSink {
        use tenderlint::Progress;
        let bar = self.bar.clone();
        let (reading, evaluating) = match self.lang {
            Lang::Nb => ("leser filer", "vurderer regler"),
            Lang::Nn => ("les filer", "vurderer reglar"),
            Lang::En => ("reading files", "evaluating rules"),
        };
        tenderlint::ProgressSink(std::sync::Arc::new(move |p| {
            let Ok(mut slot) = bar.lock() else {
                return;
            };
            match p {
                Progress::Start { files, bytes } => {
                    if files >= PROGRESS_FILES || bytes >= PROGRESS_BYTES {
                        let b = indicatif::ProgressBar::new(files as u64);
                        if let Ok(style) = indicatif::ProgressStyle::with_template(
                            "{spinner} {msg} {bar:30} {pos}/{len}",
                        ) {
                            b.set_style(style);
                        }
                        b.set_message(reading);
                        *slot = Some(b);
                    }
                }
                Progress::Reading { done, .. } => {
                    if let Some(b) = slot.as_ref() {
                        b.set_position(done as u64);
                    }
                }
                Progress::Evaluating { .. } => {
                    if let Some(b) = slot.as_ref() {
                        if let Ok(style) =
                            indicatif::ProgressStyle::with_template("{spinner} {msg} {elapsed}")
                        {
                            b.set_style(style);
                        }
                        b.set_message(evaluating);
                        b.enable_steady_tick(std::time::Duration::from_millis(120));
                    }
                }
            }
        }))
    }

    fn finish(self) {
        if let Ok(mut slot) = self.bar.lock()
            && let Some(b) = slot.take()
        {
            b.finish_and_clear();
        }
    }
}

/// Reads the tender file given as `-`, up to the size tenderlint reads from a file.
fn read_stdin(name: Option<PathBuf>) -> std::io::Result<tenderlint::StdinFile> {
    use std::io::Read;
    const LIMIT: u64 = tenderlint::document::MAX_FILE_BYTES;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(LIMIT + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > LIMIT {
        return Err(std::io::Error::other(format!(
            "more than the {} MiB tenderlint reads",
            LIMIT / (1024 * 1024)
        )));
    }
    Ok(tenderlint::StdinFile {
        name: name.unwrap_or_else(|| PathBuf::from("stdin.md")),
        bytes,
    })
}

fn display_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `COLUMNS` when set (tests, scripts), else the terminal's width, else 100.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
        .unwrap_or(100)
}

/// Writes a file so that an existing report is only ever replaced by a complete new one.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "report".into());
    let tmp = dir.join(format!(".{name}.tenderlint-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn rules_command(cmd: RulesCommand) -> u8 {
    match cmd {
        RulesCommand::List { rulesets, versions } => {
            if versions {
                for (id, version) in rules::embedded::available() {
                    let newest = rules::embedded::newest(id).is_some_and(|n| n == version);
                    println!("{id}@{version}{}", if newest { "  (newest)" } else { "" });
                }
                return OK;
            }
            let Ok(config) = config_from(Path::new(".")) else {
                return ERROR;
            };
            let Ok(sets) = resolve_rulesets(&rulesets, config.as_ref()) else {
                return ERROR;
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
        RulesCommand::Validate { files } => {
            let mut status = OK;
            for file in &files {
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
        RulesCommand::Test {
            files,
            rule,
            strict,
        } => rules_test(&files, rule.as_deref(), strict),
        RulesCommand::Diff { from, to, format } => rules_diff(&from, &to, &format),
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

fn rules_test(files: &[PathBuf], rule: Option<&str>, strict: bool) -> u8 {
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

fn explain(args: ExplainArgs) -> u8 {
    let Ok(config) = config_from(Path::new(".")) else {
        return ERROR;
    };
    let lang = match (args.lang.as_deref(), config.as_ref().and_then(|c| c.lang)) {
        (None, Some(lang)) => lang,
        (flag, _) => language(flag).unwrap_or(Lang::Nb),
    };
    let Ok(sets) = resolve_rulesets(&args.rulesets, config.as_ref()) else {
        return ERROR;
    };
    let wanted = args.rule.to_uppercase();
    for set in &sets {
        if let Some(rule) = set.rules.iter().find(|r| r.id.to_uppercase() == wanted) {
            print!(
                "{}",
                tenderlint::report::explain::render(set, rule, lang, color_stdout())
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

fn extract(args: ExtractArgs) -> u8 {
    let start = args.files.first().map_or(Path::new("."), PathBuf::as_path);
    let Ok(config) = config_from(start) else {
        return ERROR;
    };
    let Ok(sets) = resolve_rulesets(&args.rulesets, config.as_ref()) else {
        return ERROR;
    };
    let mut status = OK;
    // The files form one tender: a type legend in one applies to all.
    let mut docs = Vec::new();
    for file in &args.files {
        match tenderlint::document::read_file(file) {
            Ok(doc) => docs.push(doc),
            Err(e) => {
                eprintln!("error: {}: {e}", file.display());
                status = ERROR;
            }
        }
    }
    let all = tenderlint::extract::extract_tender(&docs, sets.first());
    match args.format.as_str() {
        "json" => println!("{}", serde_json::to_string_pretty(&all).unwrap_or_default()),
        "text" => {
            for b in &all {
                if let Some(reason) = b.dropped {
                    println!(
                        "✗ {}:{} [dropped: {}] {}",
                        b.file,
                        b.location,
                        reason.as_str(),
                        b.section
                    );
                    println!("    {}", b.text);
                    continue;
                }
                let flag = if b.normative { " " } else { "·" };
                println!(
                    "{flag} {}:{} [{}] {}",
                    b.file, b.location, b.kind, b.section
                );
                for s in &b.statements {
                    let id = s
                        .requirement_id
                        .as_deref()
                        .map(|i| format!(" [{i}]"))
                        .unwrap_or_default();
                    let neg = if s.negated { " negated" } else { "" };
                    let cond = if s.conditional { " conditional" } else { "" };
                    println!("    {:<9}{neg}{cond}{id} {}", s.modality.as_str(), s.text);
                }
                for d in &b.definitions {
                    println!("    defines  {} = {}", d.abbreviation, d.expansion);
                }
            }
        }
        other => {
            eprintln!("error: unknown format `{other}` (use text or json)");
            return ERROR;
        }
    }
    status
}

fn rules_diff(from: &str, to: &str, format: &str) -> u8 {
    let (a, b) = match (rules::resolve(from), rules::resolve(to)) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            for e in [a.err(), b.err()].into_iter().flatten() {
                print_rule_set_error(&e);
            }
            return ERROR;
        }
    };
    if a.id != b.id {
        eprintln!(
            "warning: comparing two different rule sets ({} and {})",
            a.id, b.id
        );
    }
    let diff = match rules::versions::diff(&a, &b) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return ERROR;
        }
    };
    match format {
        "text" => print!("{}", render_diff(&diff)),
        "json" => match serde_json::to_string_pretty(&diff) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ERROR;
            }
        },
        other => {
            eprintln!("error: unknown format `{other}` (use text or json)");
            return ERROR;
        }
    }
    OK
}

/// `rules diff` as plain text for the terminal.
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

const PRE_COMMIT_SNIPPET: &str = r#"# .pre-commit-config.yaml
repos:
  - repo: https://github.com/OWNER/tenderlint   # where tenderlint's repository lives
    rev: v0.1.0                                 # a tag or commit of tenderlint
    hooks:
      - id: tenderlint
"#;

const CI_SNIPPET: &str = r#"# .github/workflows/tenderlint.yml (more in docs/ci.md)
name: tenderlint
on: [push, pull_request]
jobs:
  tenderlint:
    runs-on: ubuntu-latest
    permissions: {contents: read, security-events: write}
    steps:
      - uses: actions/checkout@v4
      - run: cargo install --locked --git https://github.com/OWNER/tenderlint --tag v0.1.0
      - run: tenderlint check --format human --output sarif=tenderlint.sarif
      - if: always()
        uses: github/codeql-action/upload-sarif@v3
        with: {sarif_file: tenderlint.sarif, category: tenderlint}
"#;

fn init() -> u8 {
    let path = Path::new(config::FILE_NAME);
    if path.exists() {
        eprintln!(
            "error: {} already exists here; tenderlint init never overwrites it",
            config::FILE_NAME
        );
        return ERROR;
    }
    let pins: Vec<String> = rules::embedded::DEFAULT_SETS
        .iter()
        .filter_map(|id| rules::embedded::newest(id).map(|v| format!("{id}@{v}")))
        .collect();
    // The services the tender already talks about become the declared ones, so
    // scope-aware rules stop depending on detection once the file is committed.
    let services = rules::embedded::load_defaults()
        .map(|sets| {
            tenderlint::check_paths(&[PathBuf::from(".")], &sets, &Default::default())
                .services
                .detected
        })
        .unwrap_or_default();
    let text = config::template(&pins, &services);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    if let Err(e) = written {
        eprintln!("error: cannot write {}: {e}", config::FILE_NAME);
        return ERROR;
    }
    println!("wrote {}\n", config::FILE_NAME);
    println!("pre-commit — add to .pre-commit-config.yaml:\n\n{PRE_COMMIT_SNIPPET}");
    println!("GitHub Actions:\n\n{CI_SNIPPET}");
    OK
}

#[cfg(test)]
mod render_diff_tests {
    use super::*;

    fn fixture(path: &str) -> RuleSet {
        let path = format!(
            "{}/fixtures/rulesets/{path}.yaml",
            env!("CARGO_MANIFEST_DIR")
        );
        rules::resolve(&path).expect("fixture loads")
    }

    #[test]
    fn the_diff_text_names_reading_behaviours_and_changed_fields() {
        let d = rules::versions::diff(&fixture("reading/off"), &fixture("reading/on")).unwrap();
        let text = render_diff(&d);
        assert!(
            text.contains("~ reading    definitions: false → true; conditions: false → true"),
            "{text}"
        );
        let d = rules::versions::diff(&fixture("demo/1.0.0"), &fixture("demo/1.1.0")).unwrap();
        let text = render_diff(&d);
        assert!(
            text.contains("~ DEMO-002   severity: warning → error"),
            "{text}"
        );
        assert!(text.contains("1 added, 1 removed, 2 changed"), "{text}");
    }
}
