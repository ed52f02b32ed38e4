//! `tenderlint check`: resolve the settings, read standard input and the baseline,
//! check, write the reports, choose the exit status.

use super::args::CheckArgs;
use super::output::{write_atomically, write_stdout};
use super::progress::ProgressDisplay;
use super::settings::{self, Environment, Settings};
use super::{ERROR, FAILED, OK};
use std::path::PathBuf;
use tenderlint::findings::CheckReport;
use tenderlint::policy::baseline::Baseline;
use tenderlint::report::{self, Format, RenderOptions};
use tenderlint::rules::Severity;

pub(crate) fn run(args: &CheckArgs) -> u8 {
    let mut settings = match settings::check(args, &Environment::read()) {
        Ok(s) => s,
        Err(problem) => {
            problem.print();
            return ERROR;
        }
    };
    if settings::reads_stdin(args) {
        match read_stdin(args.stdin_filename.clone()) {
            Ok(file) => settings.options.stdin = Some(file),
            Err(e) => {
                eprintln!("error: standard input: {e}");
                return ERROR;
            }
        }
    }
    // Read before the check, so that a bad baseline costs no checking time.
    settings.options.baseline = match &args.baseline {
        None => None,
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| Baseline::parse(&text))
        {
            Ok(b) => Some(b),
            Err(e) => {
                eprintln!("error: baseline {}: {e}", path.display());
                return ERROR;
            }
        },
    };
    settings.options.standard_output = standard_output();
    let bar = settings
        .progress
        .then(|| ProgressDisplay::new(settings.render.lang));
    settings.options.progress = bar.as_ref().map(ProgressDisplay::sink);
    // The newer-versions notice comes before the baseline's, as it always did.
    settings.options.newer_versions = true;
    let report = tenderlint::check_paths(&args.paths, &settings.rulesets, &settings.options);
    if let Some(b) = bar {
        b.finish();
    }
    if report.files.iter().all(|f| f.error.is_some()) {
        explain_nothing_read(&report, &args.paths, settings.render.lang);
        return ERROR;
    }
    let status = write_reports(&report, &settings, args);
    if status != OK {
        return status;
    }
    if report.fails_run() { FAILED } else { OK }
}

/// Without a single readable file there is no tender to judge: say why, render nothing.
pub(super) fn explain_nothing_read(
    report: &CheckReport,
    paths: &[PathBuf],
    lang: tenderlint::Lang,
) {
    if report.files.is_empty() {
        eprintln!(
            "error: {}",
            report::i18n::word(lang, "no-tender-files").replace("{paths}", &display_paths(paths))
        );
        // Say which files were left out (tenderlint's own reports), if any.
        for n in &report.notices {
            eprintln!("note: {}", report::i18n::notice(n, lang));
        }
    }
    for f in &report.files {
        eprintln!(
            "error: {}: {}",
            f.path,
            report::i18n::unreadable_with_cause(f, lang)
        );
    }
}

/// Writes `--output` files, `--write-baseline` and standard output; then says what
/// makes the run an error although it was checked. `OK` when nothing does.
fn write_reports(report: &CheckReport, settings: &Settings, args: &CheckArgs) -> u8 {
    let outputs = &settings.outputs;
    // CI systems resolve paths from the repository root, whatever path was given.
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let root = report::repository_root(&cwd);
    let ci_report = (settings.format.is_ci() || outputs.iter().any(|(f, _)| f.is_ci()))
        .then(|| report::relative_to(report, &root, &cwd));
    let for_format = |f: Format| match &ci_report {
        Some(r) if f.is_ci() => r,
        _ => report,
    };
    let mut status = OK;
    let baseline_output = args
        .write_baseline
        .iter()
        .map(|p| (Format::Json, p.clone()));
    let to_file = RenderOptions {
        color: false,
        ..settings.render
    };
    for (f, path) in outputs.iter().cloned().chain(baseline_output) {
        let bytes = render(for_format(f), f, &to_file, &args.id_prefix);
        if let Err(e) = write_atomically(&path, &bytes) {
            eprintln!("error: cannot write {}: {e}", path.display());
            status = ERROR;
        }
    }
    // Standard output gets `--format`, unless that format already went to a file:
    // `--output sarif=x.sarif` still shows people the human report in the CI log.
    let format = settings.format;
    if !outputs.iter().any(|(f, _)| *f == format) {
        let bytes = render(
            for_format(format),
            format,
            &settings.render,
            &args.id_prefix,
        );
        if !write_stdout(&bytes) {
            return ERROR;
        }
    }
    if report_problems(report, settings.render.lang) {
        status = ERROR;
    }
    status
}

/// Says what makes a checked run an error all the same: unreadable files (the
/// rest was checked) and an unknown service named in a document. `true` when
/// something does.
pub(super) fn report_problems(report: &CheckReport, lang: tenderlint::Lang) -> bool {
    let mut any = false;
    for f in report.files.iter().filter(|f| f.error.is_some()) {
        eprintln!(
            "error: {}: {}",
            f.path,
            report::i18n::unreadable_with_cause(f, lang)
        );
        any = true;
    }
    for n in report.notices.iter().filter(|n| n.level == Severity::Error) {
        eprintln!("error: {}", report::i18n::notice(n, lang));
        any = true;
    }
    any
}

/// A report in a format, with what only some formats take from the flags.
fn render(
    report: &CheckReport,
    format: Format,
    options: &RenderOptions<'_>,
    id_prefix: &str,
) -> Vec<u8> {
    report::render_requirements(report, format, id_prefix)
        .unwrap_or_else(|| report::render(report, format, options))
}

/// The regular file standard output is redirected to, if it is one: a report
/// redirected into the tender's folder must not be read as tender text.
#[cfg(unix)]
fn standard_output() -> Option<tenderlint::FileId> {
    use std::os::fd::AsFd;
    let out = std::io::stdout().as_fd().try_clone_to_owned().ok()?;
    let metadata = std::fs::File::from(out).metadata().ok()?;
    if !metadata.is_file() {
        return None;
    }
    tenderlint::file_id(&metadata)
}

#[cfg(not(unix))]
fn standard_output() -> Option<tenderlint::FileId> {
    None
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
    // Without a name, a Word file is known by the zip signature it starts with;
    // read as Markdown it would only be «not valid UTF-8».
    let unnamed = if bytes.starts_with(b"PK\x03\x04") {
        "stdin.docx"
    } else {
        "stdin.md"
    };
    Ok(tenderlint::StdinFile {
        name: name.unwrap_or_else(|| PathBuf::from(unnamed)),
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
