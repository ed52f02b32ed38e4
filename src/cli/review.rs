//! `tenderlint review TENDER… [--out DIR] [--format docx|diff]`: check the tender,
//! then write each Word file back as a reviewed copy (`<name>.tenderlint.docx`,
//! comments and tracked changes), or print a Markdown tender's review as a
//! unified diff. A file that cannot be reviewed is named with its reason (exit
//! 2); the others are still reviewed. The originals are only read.

use super::args::{CheckArgs, ReviewArgs};
use super::output::{write_atomically, write_stdout};
use super::settings::{self, Environment};
use super::{ERROR, OK};
use std::path::PathBuf;
use tenderlint::document::{Document, Format};

pub(crate) fn run(args: &ReviewArgs) -> u8 {
    let diff = match args.format.as_str() {
        "docx" => false,
        "diff" => true,
        other => {
            eprintln!(
                "error: --format {other}: review writes docx (reviewed copies) or diff (Markdown)"
            );
            return ERROR;
        }
    };
    let check_args = as_check_args(args);
    let settings = match settings::check(&check_args, &Environment::read()) {
        Ok(s) => s,
        Err(problem) => {
            problem.print();
            return ERROR;
        }
    };
    let report = tenderlint::check_paths(&args.paths, &settings.rulesets, &settings.options);
    let mut status = OK;
    for f in report.files.iter().filter(|f| f.error.is_some()) {
        eprintln!(
            "error: {}: not reviewed: {}",
            f.path,
            f.error.as_deref().unwrap_or("")
        );
        status = ERROR;
    }
    // The documents again, as the check read them: the plan points into their blocks.
    let mut docs: Vec<(Document, Vec<u8>)> = Vec::new();
    for f in report
        .files
        .iter()
        .filter(|f| f.error.is_none() && f.format.is_some())
    {
        let path = PathBuf::from(&f.path);
        match std::fs::read(&path) {
            Ok(bytes) => match tenderlint::document::read_file(&path) {
                Ok(doc) => docs.push((doc, bytes)),
                Err(e) => {
                    eprintln!("error: {}: not reviewed: {e}", f.path);
                    status = ERROR;
                }
            },
            Err(e) => {
                eprintln!("error: {}: not reviewed: {e}", f.path);
                status = ERROR;
            }
        }
    }
    if docs.is_empty() {
        eprintln!("error: nothing to review in {}", display(&args.paths));
        return ERROR;
    }
    let documents: Vec<Document> = docs.iter().map(|(d, _)| d.clone()).collect();
    let plans = tenderlint::report::review::plan(&report, &documents, &settings.rulesets);
    let date = tenderlint::report::review::revision_date(settings.options.today);
    let mut patch = String::new();
    // Two files of one name in different folders would write one copy in `--out`.
    let mut written: Vec<PathBuf> = Vec::new();
    for (doc, bytes) in &docs {
        let key = doc.path.display().to_string();
        let plan = plans.get(&key).cloned().unwrap_or_default();
        match (doc.format, diff) {
            (Format::Docx, false) => {
                if review_docx(doc, bytes, &plan, &date, args, &mut written) != OK {
                    status = ERROR;
                }
            }
            (Format::Markdown, true) => {
                let source = String::from_utf8_lossy(bytes);
                let path = key.replace('\\', "/");
                let path = path.strip_prefix("./").unwrap_or(&path);
                if let Some(d) =
                    tenderlint::report::review::markdown::diff(path, &source, doc, &plan)
                {
                    patch.push_str(&d);
                }
            }
            (Format::Markdown, false) => {
                eprintln!(
                    "note: {key}: a Markdown file is reviewed as a diff: tenderlint review --format diff"
                );
            }
            (Format::Docx, true) => {
                eprintln!(
                    "note: {key}: a Word file is reviewed as a copy: tenderlint review (without --format diff)"
                );
            }
        }
    }
    if diff && !write_stdout(patch.as_bytes()) {
        return ERROR;
    }
    status
}

fn review_docx(
    doc: &Document,
    bytes: &[u8],
    plan: &tenderlint::report::review::FilePlan,
    date: &str,
    args: &ReviewArgs,
    written: &mut Vec<PathBuf>,
) -> u8 {
    let target = tenderlint::report::review::reviewed_name(&doc.path, args.out.as_deref());
    if same_file(&target, &doc.path) {
        eprintln!(
            "error: {}: the reviewed copy would replace the original",
            doc.path.display()
        );
        return ERROR;
    }
    if written.contains(&target) {
        eprintln!(
            "error: {}: not reviewed: its copy {} would replace another file's; review it with its own --out",
            doc.path.display(),
            target.display()
        );
        return ERROR;
    }
    written.push(target.clone());
    match tenderlint::report::review::patch(bytes, doc, plan, date) {
        Ok(reviewed) => {
            if let Some(dir) = args.out.as_deref()
                && let Err(e) = std::fs::create_dir_all(dir)
            {
                eprintln!("error: {}: {e}", dir.display());
                return ERROR;
            }
            if let Err(e) = write_atomically(&target, &reviewed.bytes) {
                eprintln!("error: {}: {e}", target.display());
                return ERROR;
            }
            eprintln!(
                "{}: {} comments, {} tracked changes",
                target.display(),
                reviewed.comments,
                reviewed.changes
            );
            OK
        }
        Err(refusal) => {
            eprintln!("error: {}: not reviewed: {refusal}", doc.path.display());
            ERROR
        }
    }
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

fn display(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The check behind the review runs with `check`'s settings stage: configuration,
/// rule sets, services and language are resolved the same way.
fn as_check_args(args: &ReviewArgs) -> CheckArgs {
    CheckArgs {
        paths: args.paths.clone(),
        stdin_filename: None,
        rulesets: args.rulesets.clone(),
        format: "human".into(),
        outputs: Vec::new(),
        fail_on: None,
        config: args.config.clone(),
        isolated: args.isolated,
        lang: args.lang.clone(),
        services: args.services.clone(),
        quiet: true,
        verbose: false,
        id_prefix: "TL-".into(),
        baseline: None,
        write_baseline: None,
    }
}
