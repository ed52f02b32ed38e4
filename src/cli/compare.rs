//! `tenderlint compare TENDER…`: many tenders side by side (issue 28). Each
//! tender — a folder or file, `--tender NAME=PATHS`, or the members of a
//! region.yaml — is checked alone through `check`'s settings stage, with its own
//! tenderlint.yaml as `check` finds it (or the one region.yaml names), then the
//! reports are laid out as one comparison.
//!
//! Exit status as `check`'s gate: 0 when no tender fails its own gate, 1 when one
//! does, 2 for a usage error, a missing folder, a bad region.yaml or
//! configuration, or an unreadable file (the comparison is still written).

use super::args::{CheckArgs, CompareArgs};
use super::output::{print_rule_set_error, write_atomically, write_stdout};
use super::settings::{self, Environment};
use super::{ERROR, FAILED, OK};
use std::path::{Path, PathBuf};
use tenderlint::compare::{Comparison, Deviation};
use tenderlint::findings::CheckReport;
use tenderlint::region::{self, Member};
use tenderlint::report::compare::{self as render, CompareFormat};

pub(crate) fn run(args: &CompareArgs) -> u8 {
    match compare(args) {
        Ok(status) | Err(status) => status,
    }
}

fn compare(args: &CompareArgs) -> Result<u8, u8> {
    let env = Environment::read();
    let options = settings::compare_render(args.lang.as_deref(), &env).map_err(|p| {
        p.print();
        ERROR
    })?;
    let format = match &args.format {
        Some(name) => parse_format(name)?,
        None => format_of(args.output.as_deref()),
    };
    if format.is_binary() && args.output.is_none() && env.stdout_is_terminal() {
        eprintln!(
            "error: --format xlsx writes a binary file, not for a terminal\n  help: use -o FILE (e.g. -o region.xlsx), or redirect standard output to a file"
        );
        return Err(ERROR);
    }
    let members = members(args)?;
    let mut reports: Vec<(String, CheckReport)> = Vec::with_capacity(members.len());
    let mut deviations = Vec::with_capacity(members.len());
    for member in &members {
        let (report, deviating) = check(member, args, &env)?;
        reports.push((member.name.clone(), report));
        deviations.push(deviating);
    }
    let mut comparison = Comparison::of(reports.iter().map(|(n, r)| (n.as_str(), r)), None);
    for (column, deviating) in deviations.into_iter().enumerate() {
        comparison.mark_deviations(column, deviating);
    }
    let shown = match &args.explain {
        Some(rule) => only(&comparison, rule)?,
        None => comparison,
    };
    let bytes = render::render(&shown, format, &options, args.explain.is_some()).map_err(|e| {
        eprintln!("error: cannot write the workbook: {e}");
        ERROR
    })?;
    write(args.output.as_deref(), &bytes)?;
    let mut status = if shown.fails_run() { FAILED } else { OK };
    for (name, report) in &reports {
        if super::check::report_problems(report, options.lang) {
            eprintln!("  (in the tender `{name}`)");
            status = ERROR;
        }
    }
    Ok(status)
}

/// The formats `compare` writes.
fn parse_format(name: &str) -> Result<CompareFormat, u8> {
    if let Some(f) = CompareFormat::parse(name) {
        return Ok(f);
    }
    let names: Vec<&str> = CompareFormat::ALL.iter().map(|(n, _)| *n).collect();
    eprintln!(
        "error: unknown format `{name}` (use one of: {})",
        names.join(", ")
    );
    Err(ERROR)
}

/// Every tender to compare, in the order named: folders and files as tenders of
/// their own, the members of each region.yaml, then `--tender NAME=PATHS`.
fn members(args: &CompareArgs) -> Result<Vec<Member>, u8> {
    let mut members: Vec<Member> = Vec::new();
    for path in &args.tenders {
        if region::is_region_file(path) {
            let region = region::read(path).map_err(|e| {
                print_rule_set_error(&e);
                ERROR
            })?;
            members.extend(region.members);
        } else {
            exists(path)?;
            members.push(Member {
                name: name_of(path),
                paths: vec![path.clone()],
                config: None,
            });
        }
    }
    for spec in &args.grouped {
        members.push(grouped(spec)?);
    }
    if members.is_empty() {
        eprintln!(
            "error: no tenders to compare\n  help: name folders (`tenderlint compare bergen/ voss/`), --tender NAME=PATHS, or a region.yaml"
        );
        return Err(ERROR);
    }
    distinct_names(&mut members, &args.tenders);
    Ok(members)
}

/// `--tender NAME=PATH[,PATH…]`.
fn grouped(spec: &str) -> Result<Member, u8> {
    let Some((name, paths)) = spec
        .split_once('=')
        .filter(|(n, p)| !n.trim().is_empty() && !p.is_empty())
    else {
        eprintln!("error: --tender takes NAME=PATH[,PATH…], got `{spec}`");
        return Err(ERROR);
    };
    let paths: Vec<PathBuf> = paths.split(',').map(PathBuf::from).collect();
    for p in &paths {
        exists(p)?;
    }
    Ok(Member {
        name: name.trim().to_string(),
        paths,
        config: None,
    })
}

fn exists(path: &Path) -> Result<(), u8> {
    if path.exists() {
        Ok(())
    } else {
        eprintln!("error: {}: no such file or folder", path.display());
        Err(ERROR)
    }
}

/// A tender named by its folder: the folder's own name (`bergen/` is «bergen»).
fn name_of(path: &Path) -> String {
    let named = path
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
    named.unwrap_or_else(|| path.display().to_string())
}

/// Two folders of one name (`a/tender`, `b/tender`) are told apart by their paths.
fn distinct_names(members: &mut [Member], positional: &[PathBuf]) {
    let names: Vec<String> = members.iter().map(|m| m.name.clone()).collect();
    for m in members.iter_mut() {
        let twice = names.iter().filter(|n| **n == m.name).count() > 1;
        if twice && m.paths.len() == 1 && positional.contains(&m.paths[0]) {
            m.name = m.paths[0].display().to_string();
        }
    }
}

/// One tender checked as `check` checks it: the same settings stage (its own
/// tenderlint.yaml, or the one its region names), the same check; and where its
/// configuration deviates from the region's profile it extends.
fn check(
    member: &Member,
    args: &CompareArgs,
    env: &Environment,
) -> Result<(CheckReport, Vec<Deviation>), u8> {
    let check_args = CheckArgs {
        paths: member.paths.clone(),
        stdin_filename: None,
        rulesets: args.rulesets.clone(),
        format: "human".into(),
        outputs: Vec::new(),
        fail_on: args.fail_on,
        config: member.config.clone(),
        isolated: args.isolated,
        lang: args.lang.clone(),
        services: Vec::new(),
        quiet: true,
        verbose: false,
        id_prefix: "TL-".into(),
        baseline: None,
        write_baseline: None,
    };
    let settings = settings::check(&check_args, env).map_err(|p| {
        eprintln!("error: the tender `{}`:", member.name);
        p.print();
        ERROR
    })?;
    let report = tenderlint::check_paths(&member.paths, &settings.rulesets, &settings.options);
    if report.files.iter().all(|f| f.error.is_some()) {
        eprintln!("error: the tender `{}`:", member.name);
        super::check::explain_nothing_read(&report, &member.paths, settings.render.lang);
        return Err(ERROR);
    }
    let deviations = settings
        .config
        .as_ref()
        .map(|c| c.deviations(&settings.rulesets, &report))
        .unwrap_or_default();
    Ok((report, deviations))
}

/// The comparison of one rule (`--explain`); an error when no tender knows it.
fn only(comparison: &Comparison, rule: &str) -> Result<Comparison, u8> {
    let rows: Vec<_> = comparison.rows_of(rule).cloned().collect();
    if rows.is_empty() {
        eprintln!(
            "error: no rule `{rule}` in the rule sets the tenders are checked against\n  help: `tenderlint rules list` lists them"
        );
        return Err(ERROR);
    }
    Ok(Comparison {
        rules: rows,
        ..comparison.clone()
    })
}

fn write(output: Option<&Path>, bytes: &[u8]) -> Result<(), u8> {
    match output {
        Some(path) => write_atomically(path, bytes).map_err(|e| {
            eprintln!("error: cannot write {}: {e}", path.display());
            ERROR
        }),
        None if write_stdout(bytes) => Ok(()),
        None => Err(ERROR),
    }
}

/// The format an output file's extension names (`-o region.xlsx`); human otherwise.
fn format_of(output: Option<&Path>) -> CompareFormat {
    let extension = output
        .and_then(Path::extension)
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("xlsx") => CompareFormat::Xlsx,
        Some("json") => CompareFormat::Json,
        Some("md" | "markdown") => CompareFormat::Markdown,
        Some("html" | "htm") => CompareFormat::Html,
        _ => CompareFormat::Human,
    }
}
