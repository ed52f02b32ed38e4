//! The library's front door: check a tender (paths or documents) with rule sets.

mod language;
mod read;
mod services;
#[cfg(test)]
mod tests;
mod upload;

pub use crate::findings::UnknownService;
pub(crate) use language::detect_language;
pub use language::suggestion_language;
pub use services::resolve_services;
pub use upload::upload_name;

use crate::Lang;
use crate::document::{self, Document};
use crate::engine::{self, EngineOptions};
use crate::findings::{
    About, CheckReport, FileEntry, Notice, RuleResult, RuleSetInfo, Services, Skip, Summary, Tool,
};
use crate::parallel::prelude::*;
use crate::policy::{self, Policy};
use crate::rules::RuleSet;
pub use read::{
    REPORT_MARKER, Read, is_marked_text, read_bytes_one, refusal, skipped, unless_marked,
};
use services::service_notices;
use std::path::PathBuf;

/// What the caller decides about a check.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Services, document facts and what else the engine takes.
    pub engine: EngineOptions,
    /// Which walked files form the tender (`files:` in the configuration); files
    /// named explicitly are always checked. The caller that walks applies it.
    pub files: Option<std::sync::Arc<dyn FileFilter>>,
    /// Rules switched off or given another severity by the configuration.
    pub rule_levels: Vec<(String, policy::levels::RuleLevel)>,
    /// Waivers from the configuration; inline waivers come from the documents.
    pub waivers: Vec<policy::waivers::ConfigWaiver>,
    /// The day expiry dates are compared with. The core has no clock: the binary
    /// passes today in the user's time zone; `None` takes every dated waiver as expired.
    pub today: Option<crate::date::Date>,
    /// An earlier report to compare with (`--baseline`): each result then says
    /// whether it is new, the same, fixed or worse.
    pub baseline: Option<policy::baseline::Baseline>,
    /// The lowest severity that fails the run (`--fail-on`, `fail_on:`); `None`
    /// for never. The gate records on each result whether it fails the run.
    pub fail_on: Option<crate::rules::Severity>,
    /// Say in a notice when a newer version of a rule set used is built in (the
    /// binary and the web page tell people; rule examples and tests need not).
    pub newer_versions: bool,
    /// How a newer version beside a rule-set file is found (the root lists the
    /// file's directory); without it only built-in sets are told of newer versions.
    pub newest_beside: Option<crate::rules::versions::NewestBeside>,
    /// The language the user asked for (`--lang`, `lang:` in the configuration).
    /// Suggested requirement texts come in it; without it, in the tender's own
    /// language. See [`suggestion_language`].
    pub lang: Option<Lang>,
    /// The file a path `-` stands for: read from standard input by the caller.
    pub stdin: Option<StdinFile>,
    /// The file standard output is redirected to, by device and inode
    /// (the walk compares it): `check . --format docx > rapport.docx` creates it in the
    /// tender's folder before the check, half-written, so it is skipped.
    pub standard_output: Option<FileId>,
    /// Told how far [`check_paths`] has come, for a progress display.
    pub progress: Option<ProgressSink>,
}

/// Errors fail the run unless told otherwise, as `check` without `--fail-on` does.
impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            engine: EngineOptions::default(),
            files: None,
            rule_levels: Vec::new(),
            waivers: Vec::new(),
            today: None,
            baseline: None,
            fail_on: Some(crate::rules::Severity::Error),
            newer_versions: false,
            newest_beside: None,
            lang: None,
            stdin: None,
            standard_output: None,
            progress: None,
        }
    }
}

/// A file's identity on its file system (device and inode), to know a file
/// under another name: the caller that walks compares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    /// The device the file is on.
    pub device: u64,
    /// The file's inode on it.
    pub inode: u64,
}

/// Which of the files a walk found belong to the tender (the configuration's
/// `files:` globs); the core never walks, the caller that does asks this.
pub trait FileFilter: std::fmt::Debug + Send + Sync {
    /// Whether a file found by walking a directory belongs to the tender.
    fn allows(&self, path: &std::path::Path) -> bool;
}

/// How far a check has come (the library never prints; the binary may draw it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// About to read `files` files of `bytes` bytes on disk.
    Start {
        /// Files to read.
        files: usize,
        /// Their size.
        bytes: u64,
    },
    /// Read `done` of `total` files.
    Reading {
        /// Files read so far.
        done: usize,
        /// Files to read.
        total: usize,
    },
    /// Every file is read; the rule sets are being evaluated.
    Evaluating {
        /// Documents read.
        files: usize,
    },
}

/// Where [`Progress`] goes.
#[derive(Clone)]
pub struct ProgressSink(pub std::sync::Arc<dyn Fn(Progress) + Send + Sync>);

impl std::fmt::Debug for ProgressSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProgressSink")
    }
}

/// A tender file that arrived on standard input: its name decides the reader
/// (`.md`, `.docx`) and is what evidence shows.
#[derive(Debug, Clone, Default)]
pub struct StdinFile {
    /// The name it stands for (`--stdin-filename`).
    pub name: PathBuf,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// The path that stands for standard input.
pub const STDIN_PATH: &str = "-";

/// Checks files whose content is already in memory (uploads) as one tender. Each
/// name is the file's path in evidence and its extension chooses the reader;
/// files that cannot be read are listed with their error, as in [`check_paths`].
pub fn check_contents(
    files: &[(PathBuf, Vec<u8>)],
    sets: &[RuleSet],
    options: &CheckOptions,
) -> CheckReport {
    let never = std::sync::atomic::AtomicBool::new(false);
    let read = read_contents(files, &never).into_iter().flatten().collect();
    check_read(read, Vec::new(), Vec::new(), sets, options)
}

/// [`check_contents`] that gives up when `stop` is set: a caller that no longer
/// wants the answer (`tenderlint serve` past its time limit) frees the cores.
/// `stop` is looked at before each file is read, and by the engine before each
/// stretch of blocks it observes; only one file's reading, or one stretch, runs on
/// after it is set. `None` when the check was given up.
pub fn check_contents_unless(
    files: &[(PathBuf, Vec<u8>)],
    sets: &[RuleSet],
    options: &CheckOptions,
    stop: &std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> Option<CheckReport> {
    let stopped = || stop.load(std::sync::atomic::Ordering::Relaxed);
    let read: Option<Vec<(PathBuf, Read)>> = read_contents(files, stop).into_iter().collect();
    let read = read?;
    if stopped() {
        return None;
    }
    let mut options = options.clone();
    options.engine.stop = Some(std::sync::Arc::clone(stop));
    let report = check_read(read, Vec::new(), Vec::new(), sets, &options);
    // A report of an evaluation stopped half-way is incomplete: never hand it out.
    (!stopped()).then_some(report)
}

/// Each file read from memory, in parallel; `None` for those not begun once `stop` was set.
fn read_contents(
    files: &[(PathBuf, Vec<u8>)],
    stop: &std::sync::atomic::AtomicBool,
) -> Vec<Option<(PathBuf, Read)>> {
    files
        .par_iter()
        .map(|(path, bytes)| {
            if stop.load(std::sync::atomic::Ordering::Relaxed) {
                return None;
            }
            let read = match document::Format::from_path(path) {
                Some(format) => read_bytes_one(path, format, bytes),
                None => Read::Failed(refusal(path)),
            };
            Some((path.clone(), read))
        })
        .collect()
}

/// Checks what reading the tender's files gave (the caller read them: from disk,
/// from memory) as one tender, with the files that could not be walked and the
/// notices so far.
pub fn check_read(
    read: Vec<(PathBuf, Read)>,
    walk_errors: Vec<FileEntry>,
    mut notices: Vec<Notice>,
    sets: &[RuleSet],
    options: &CheckOptions,
) -> CheckReport {
    let mut entries: Vec<FileEntry> = Vec::new();
    let mut docs = Vec::new();
    for (path, result) in read {
        match result {
            Read::Document(doc) => {
                entries.push(FileEntry {
                    path: path.display().to_string(),
                    format: Some(doc.format),
                    blocks: doc.blocks.len(),
                    error: None,
                    problem: None,
                });
                docs.push(*doc);
            }
            Read::OwnReport => {
                notices.push(skipped(&path, Skip::CarriesMarker));
            }
            Read::Failed(e) => entries.push(FileEntry {
                path: path.display().to_string(),
                format: document::Format::from_path(&path),
                blocks: 0,
                error: Some(e.to_string()),
                problem: Some(e.kind),
            }),
        }
    }
    entries.extend(walk_errors);
    if let Some(sink) = &options.progress {
        (sink.0)(Progress::Evaluating { files: docs.len() });
    }
    check_tender(&docs, entries, notices, &options.engine, sets, options)
}

/// Checks documents already read as one tender.
pub fn check_documents(docs: &[Document], sets: &[RuleSet], options: &CheckOptions) -> CheckReport {
    let files = docs
        .iter()
        .map(|d| FileEntry {
            path: d.path.display().to_string(),
            format: Some(d.format),
            blocks: d.blocks.len(),
            error: None,
            problem: None,
        })
        .collect();
    check_tender(docs, files, Vec::new(), &options.engine, sets, options)
}

/// The one place a report is built: the engine's results with fix texts, the
/// policy applied, then the report with every file (read or not) and notice, and
/// last its summary.
fn check_tender(
    docs: &[Document],
    files: Vec<FileEntry>,
    mut notices: Vec<Notice>,
    engine: &EngineOptions,
    sets: &[RuleSet],
    options: &CheckOptions,
) -> CheckReport {
    let (mut results, services) = evaluate(docs, sets, engine);
    // A file with no text checks silently as a tender that says nothing.
    notices.extend(docs.iter().filter(|d| d.blocks.is_empty()).map(|d| Notice {
        level: crate::rules::Severity::Warning,
        about: About::EmptyFile {
            path: d.path.display().to_string(),
        },
    }));
    notices.extend(service_notices(docs, sets));
    let tender_language = detect_language(docs);
    crate::fixes::attach(&mut results, tender_language);
    if options.newer_versions {
        notices.extend(newer_versions_notice(sets, options.newest_beside));
    }
    let policy = Policy {
        rule_levels: &options.rule_levels,
        waivers: &options.waivers,
        today: options.today.unwrap_or(crate::date::Date::MAX),
        baseline: options.baseline.as_ref(),
        fail_on: options.fail_on,
    };
    notices.extend(policy::apply(&mut results, docs, sets, &policy));
    let summary = Summary::of(&results, &files);
    CheckReport {
        tool: Tool::default(),
        rulesets: sets
            .iter()
            .map(|s| RuleSetInfo {
                id: s.id.clone(),
                version: s.version.to_string(),
                title: s.title.nb.clone(),
                titles: s.title.clone(),
                origin: s.origin.clone(),
                sha256: s.sha256.clone(),
                categories: s.categories.clone(),
            })
            .collect(),
        files,
        services,
        tender_language,
        suggestion_language: suggestion_language(options.lang, tender_language),
        results,
        notices,
        summary,
        sources: docs
            .iter()
            .filter_map(|d| {
                d.source
                    .as_ref()
                    .map(|s| (d.path.display().to_string(), s.clone()))
            })
            .collect(),
    }
}

/// The engine's results for every set, and the services they were judged for.
fn evaluate(
    docs: &[Document],
    sets: &[RuleSet],
    engine: &EngineOptions,
) -> (Vec<RuleResult>, Services) {
    let mut results: Vec<RuleResult> = Vec::new();
    let mut services = Services::default();
    for (set_results, scope) in engine::evaluate(docs, sets, engine) {
        results.extend(set_results);
        merge(&mut services.declared, scope.declared.clone());
        merge(&mut services.detected, scope.detected.clone());
        merge(&mut services.effective, scope.effective().to_vec());
        services.origins.extend(scope.origins.iter().cloned());
    }
    services.origins.sort();
    services.origins.dedup();
    services.scoped_rules = sets
        .iter()
        .flat_map(|s| &s.rules)
        .filter(|r| !r.scopes.is_empty())
        .map(|r| r.id.clone())
        .collect();
    (results, services)
}

fn merge(into: &mut Vec<String>, more: Vec<String>) {
    into.extend(more);
    into.sort();
    into.dedup();
}

/// One notice naming every set for which a newer version exists, or none.
fn newer_versions_notice(
    sets: &[RuleSet],
    beside: Option<crate::rules::versions::NewestBeside>,
) -> Option<Notice> {
    let newer = crate::rules::versions::newer_versions(sets, beside);
    (!newer.is_empty()).then(|| Notice {
        level: crate::rules::Severity::Info,
        about: About::NewerVersions(newer),
    })
}
