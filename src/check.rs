//! The library's front door: check a tender (paths or documents) with rule sets.

use crate::Lang;
use crate::document::{self, Document, ReadError};
use crate::engine::{self, EngineOptions};
use crate::findings::{
    CheckReport, FileEntry, Notice, RuleResult, RuleSetInfo, Services, Summary, Tool,
};
use crate::rules::RuleSet;
use crate::tender;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::PathBuf;

/// What the caller decides about a check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub engine: EngineOptions,
    /// Which walked files form the tender (`files:` in the configuration); files
    /// named explicitly are always checked.
    pub files: Option<crate::config::FileFilter>,
    /// Rules switched off or given another severity by the configuration.
    pub rule_levels: Vec<(String, crate::config::RuleLevel)>,
    /// Waivers from the configuration; inline waivers come from the documents.
    pub waivers: Vec<crate::waivers::ConfigWaiver>,
    /// The day expiry dates are compared with; the system clock when `None`.
    pub today: Option<crate::waivers::Date>,
    /// The language the user asked for (`--lang`, `lang:` in the configuration).
    /// Suggested requirement texts come in it; without it, in the tender's own
    /// language. See [`suggestion_language`].
    pub lang: Option<Lang>,
    /// The file a path `-` stands for: read from standard input by the caller.
    pub stdin: Option<StdinFile>,
    /// Told how far [`check_paths`] has come, for a progress display.
    pub progress: Option<ProgressSink>,
}

/// The language suggested requirement texts come in: the one the user asked
/// for, else the language the tender is written in (an English tender gets
/// English suggestions, a nynorsk one nynorsk). Asking for bokmål keeps a
/// nynorsk tender's texts in nynorsk: messages have no nynorsk of their own, so
/// `nb` says «Norwegian», and the text pasted must match the tender's written form.
pub fn suggestion_language(asked: Option<Lang>, tender: Lang) -> Lang {
    match (asked, tender) {
        (Some(Lang::Nb), Lang::Nn) => Lang::Nn,
        (Some(asked), _) => asked,
        (None, tender) => tender,
    }
}

/// What reading one file of the tender gave.
enum Read {
    Document(Box<Document>, Option<crate::document::docx::Properties>),
    /// A report tenderlint wrote (its marker): never tender text.
    OwnReport,
    Failed(ReadError),
}

fn read_one(path: &std::path::Path, format: Option<document::Format>) -> Read {
    match format {
        Some(document::Format::Docx) => {
            // The properties say whether tenderlint wrote the file before the body
            // is read; the bytes are read once for both.
            let small = std::fs::metadata(path)
                .is_ok_and(|m| m.is_file() && m.len() <= document::MAX_FILE_BYTES);
            let bytes = if small {
                std::fs::read(path).ok()
            } else {
                None
            };
            let Some(bytes) = bytes else {
                return unless_marked(document::read_file(path), None);
            };
            read_bytes_one(path, document::Format::Docx, &bytes)
        }
        Some(_) => unless_marked(document::read_file(path), None),
        None => Read::Failed(refusal(path)),
    }
}

/// Reads a file whose bytes are at hand (an upload, or a DOCX read for its
/// properties first), leaving out what tenderlint wrote itself.
fn read_bytes_one(path: &std::path::Path, format: document::Format, bytes: &[u8]) -> Read {
    let properties = match format {
        document::Format::Docx => document::docx::properties(bytes).ok(),
        _ => None,
    };
    if properties
        .as_ref()
        .is_some_and(|p| p.custom(crate::report::REPORT_MARKER).is_some())
    {
        return Read::OwnReport;
    }
    unless_marked(
        document::read_bytes(path.to_path_buf(), format, bytes),
        properties,
    )
}

/// What reading gave, unless the text carries the marker of a report tenderlint
/// wrote (Markdown and HTML reports; a Word report is told by its properties).
fn unless_marked(
    result: Result<Document, ReadError>,
    properties: Option<crate::document::docx::Properties>,
) -> Read {
    match result {
        Ok(doc)
            if doc
                .source
                .as_deref()
                .is_some_and(crate::report::is_marked_text) =>
        {
            Read::OwnReport
        }
        Ok(doc) => Read::Document(Box::new(doc), properties),
        Err(e) => Read::Failed(e),
    }
}

/// How far a check has come (the library never prints; the binary may draw it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// About to read `files` files of `bytes` bytes on disk.
    Start { files: usize, bytes: u64 },
    /// Read `done` of `total` files.
    Reading { done: usize, total: usize },
    /// Every file is read; the rule sets are being evaluated.
    Evaluating { files: usize },
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
    pub name: PathBuf,
    pub bytes: Vec<u8>,
}

/// The path that stands for standard input.
pub const STDIN_PATH: &str = "-";

/// Walks `paths`, reads every file (in parallel), and checks them as one tender.
/// Files that cannot be read are listed with their error; the rest are still checked.
/// Reports tenderlint wrote (marked, or found by walking under a report's usual
/// name) and files the configuration excludes are left out; a notice names each
/// report left out.
pub fn check_paths(paths: &[PathBuf], sets: &[RuleSet], options: &CheckOptions) -> CheckReport {
    let is_stdin = |p: &PathBuf| p.as_os_str() == STDIN_PATH;
    let walked: Vec<PathBuf> = paths.iter().filter(|p| !is_stdin(p)).cloned().collect();
    let (mut files, walk_errors) = tender::collect(&walked);
    if let Some(filter) = &options.files {
        files.retain(|f| paths.contains(&f.path) || filter.allows(&f.path));
    }
    let mut notices = Vec::new();
    files.retain(|f| {
        let named = paths.contains(&f.path);
        let skip = !named && tender::is_report_name(&f.path);
        if skip {
            notices.push(skipped_report(
                &f.path,
                "named like a tenderlint report (name it on the command line to read it anyway)",
            ));
        }
        !skip
    });
    let progress = |p: Progress| {
        if let Some(sink) = &options.progress {
            (sink.0)(p);
        }
    };
    let total = files.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    if options.progress.is_some() {
        // Sizes only for a display that asked: one stat per file.
        let bytes = files
            .iter()
            .filter_map(|f| std::fs::metadata(&f.path).ok())
            .map(|m| m.len())
            .sum();
        progress(Progress::Start {
            files: total,
            bytes,
        });
    }
    let from_stdin = paths.iter().any(is_stdin).then(|| match &options.stdin {
        Some(s) => (
            s.name.clone(),
            match document::Format::from_path(&s.name) {
                Some(format) => read_bytes_one(&s.name, format, &s.bytes),
                None => Read::Failed(refusal(&s.name)),
            },
        ),
        None => (
            PathBuf::from(STDIN_PATH),
            Read::Failed(ReadError::new("standard input was not read")),
        ),
    });
    let read: Vec<(PathBuf, Read)> = files
        .par_iter()
        .map(|f| {
            let read = read_one(&f.path, f.format);
            if options.progress.is_some() {
                let done = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                progress(Progress::Reading { done, total });
            }
            (f.path.clone(), read)
        })
        .chain(from_stdin)
        .collect();
    let walk_errors = walk_errors
        .into_iter()
        .map(|e| FileEntry {
            path: e.path.display().to_string(),
            format: None,
            blocks: 0,
            error: Some(e.message),
        })
        .collect();
    check_read(read, walk_errors, notices, sets, options)
}

/// Checks files whose content is already in memory (uploads) as one tender. Each
/// name is the file's path in evidence and its extension chooses the reader;
/// files that cannot be read are listed with their error, as in [`check_paths`].
pub fn check_contents(
    files: &[(PathBuf, Vec<u8>)],
    sets: &[RuleSet],
    options: &CheckOptions,
) -> CheckReport {
    let read = files
        .par_iter()
        .map(|(path, bytes)| {
            let read = match document::Format::from_path(path) {
                Some(format) => read_bytes_one(path, format, bytes),
                None => Read::Failed(refusal(path)),
            };
            (path.clone(), read)
        })
        .collect();
    check_read(read, Vec::new(), Vec::new(), sets, options)
}

fn check_read(
    read: Vec<(PathBuf, Read)>,
    walk_errors: Vec<FileEntry>,
    mut notices: Vec<Notice>,
    sets: &[RuleSet],
    options: &CheckOptions,
) -> CheckReport {
    let mut entries: Vec<FileEntry> = Vec::new();
    let mut docs = Vec::new();
    let mut properties = Vec::new();
    for (path, result) in read {
        match result {
            Read::Document(doc, props) => {
                entries.push(FileEntry {
                    path: path.display().to_string(),
                    format: Some(doc.format),
                    blocks: doc.blocks.len(),
                    error: None,
                });
                properties.push(props);
                docs.push(*doc);
            }
            Read::OwnReport => {
                notices.push(skipped_report(
                    &path,
                    "a report tenderlint wrote (it carries tenderlint's marker)",
                ));
            }
            Read::Failed(e) => entries.push(FileEntry {
                path: path.display().to_string(),
                format: document::Format::from_path(&path),
                blocks: 0,
                error: Some(e.to_string()),
            }),
        }
    }
    entries.extend(walk_errors);
    let mut options = options.clone();
    options.engine.document_facts.extend(
        properties
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.as_ref().map(|p| document_facts(i, p))),
    );
    if let Some(sink) = &options.progress {
        (sink.0)(Progress::Evaluating { files: docs.len() });
    }
    let mut report = check_documents(&docs, sets, &options);
    report.summary.unreadable_files = entries.iter().filter(|f| f.error.is_some()).count();
    report.files = entries;
    notices.append(&mut report.notices);
    report.notices = notices;
    report
}

/// One notice naming every set for which a newer version exists, or none.
pub fn newer_versions_notice(sets: &[RuleSet]) -> Option<Notice> {
    let newer: Vec<String> = crate::rules::versions::newer_versions(sets)
        .iter()
        .map(|n| {
            format!(
                "{}@{} (checked with {}; `tenderlint rules diff {} {}` shows what changed)",
                n.id, n.newest, n.checked, n.checked_reference, n.newest_reference
            )
        })
        .collect();
    if newer.is_empty() {
        return None;
    }
    Some(Notice {
        level: crate::rules::Severity::Info,
        message: format!(
            "newer rule-set version available: {}; results follow the pinned version until the pin is changed",
            newer.join("; ")
        ),
    })
}

fn skipped_report(path: &std::path::Path, why: &str) -> Notice {
    Notice {
        level: crate::rules::Severity::Info,
        message: format!("skipped {}: {why}; not read as tender text", path.display()),
    }
}

fn refusal(path: &std::path::Path) -> ReadError {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "doc" => ReadError::new("legacy Word 97–2003 .doc is not read")
            .with_hint("save it as .docx in Word"),
        "docm" | "dotx" | "dotm" => ReadError::new(format!("Word .{ext} files are not read"))
            .with_hint("save the tender as a plain .docx"),
        "odt" => ReadError::new("OpenDocument .odt is not read").with_hint("save it as .docx"),
        "rtf" => ReadError::new("RTF is not read").with_hint("save it as .docx"),
        "pdf" => {
            ReadError::new("PDF is not read").with_hint("check the Word or Markdown source instead")
        }
        _ => ReadError::new("not a file tenderlint reads").with_hint("use .md, .markdown or .docx"),
    }
}

/// Checks documents already read as one tender.
pub fn check_documents(docs: &[Document], sets: &[RuleSet], options: &CheckOptions) -> CheckReport {
    let mut results: Vec<RuleResult> = Vec::new();
    let mut services = Services::default();
    let evaluated = engine::evaluate(docs, sets, &options.engine);
    for (set_results, scope) in evaluated {
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
    let mut notices: Vec<Notice> = Vec::new();
    // Services a document declares must be ones the rule sets know: a typo would
    // silently leave the scope-aware rules at their defaults.
    for doc in docs {
        let declared = engine::front_matter(doc).services;
        let origin = format!("the front matter of {}", doc.path.display());
        if let Err(e) = check_service_names(&declared, &origin, sets) {
            notices.push(service_notice(e));
        }
    }
    for facts in &options.engine.document_facts {
        if let Some(doc) = docs.get(facts.doc) {
            let origin = format!("the Word document properties of {}", doc.path.display());
            if let Err(e) = check_service_names(&facts.declared, &origin, sets) {
                notices.push(service_notice(e));
            }
        }
    }
    let files: Vec<FileEntry> = docs
        .iter()
        .map(|d| FileEntry {
            path: d.path.display().to_string(),
            format: Some(d.format),
            blocks: d.blocks.len(),
            error: None,
        })
        .collect();
    crate::config::apply_rule_levels(&mut results, &options.rule_levels);
    let tender_language = detect_language(docs);
    crate::fixes::attach(&mut results, tender_language);
    if tender_language == Lang::En {
        for e in results.iter_mut().flat_map(|r| r.evidence.iter_mut()) {
            e.relocate(Lang::En);
        }
    }
    let summary = Summary::of(&results, &files);
    let mut report = CheckReport {
        tool: Tool::default(),
        rulesets: sets
            .iter()
            .map(|s| RuleSetInfo {
                id: s.id.clone(),
                version: s.version.to_string(),
                title: s.title.nb.clone(),
                origin: s.origin.clone(),
                sha256: s.sha256.clone(),
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
    };
    let known: HashSet<String> = sets
        .iter()
        .flat_map(|s| s.rules.iter().map(|r| r.id.clone()))
        .collect();
    let today = options
        .today
        .unwrap_or_else(crate::waivers::Date::today_utc);
    crate::waivers::apply(&mut report, docs, &options.waivers, &known, today);
    report
}

/// A document's service the rule sets do not know. A tender is written for any
/// rule set, so a name other sets know (`sykehjem` checked with a set that
/// defines only `legevakt`) is a warning; a near miss of a known name is a typo,
/// and an error, since it silently leaves scope-aware rules at their defaults.
fn service_notice(e: UnknownService) -> Notice {
    let level = if e.suggestion.is_some() {
        crate::rules::Severity::Error
    } else {
        crate::rules::Severity::Warning
    };
    Notice {
        level,
        message: e.to_string(),
    }
}

/// A service name no rule set knows, with the nearest known one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownService {
    pub name: String,
    /// Where it was named: «--services», «tenderlint.yaml», «the front matter of x.md».
    pub origin: String,
    pub suggestion: Option<String>,
    pub known: Vec<String>,
}

impl std::fmt::Display for UnknownService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown service `{}` in {}", self.name, self.origin)?;
        if let Some(s) = &self.suggestion {
            write!(f, " (did you mean `{s}`?)")?;
        }
        if self.known.is_empty() {
            write!(f, "; the rule sets define no services")
        } else {
            write!(f, "; known services: {}", self.known.join(", "))
        }
    }
}

/// The service ids the rule sets know: those they define and those their rules' scopes name.
pub fn known_services(sets: &[RuleSet]) -> Vec<String> {
    let mut known: Vec<String> = sets
        .iter()
        .flat_map(|s| {
            s.services.iter().map(|v| v.id.clone()).chain(
                s.rules
                    .iter()
                    .flat_map(|r| r.scopes.iter().flat_map(|sc| sc.services.iter().cloned())),
            )
        })
        .collect();
    known.sort();
    known.dedup();
    known
}

/// Every name must be a known service; the first that is not is the error.
pub fn check_service_names(
    names: &[String],
    origin: &str,
    sets: &[RuleSet],
) -> Result<(), UnknownService> {
    let known = known_services(sets);
    for name in names {
        if known.iter().any(|k| k == name) {
            continue;
        }
        let suggestion = known
            .iter()
            .map(|k| (strsim::jaro_winkler(name, k), k))
            .filter(|(score, _)| *score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| k.clone());
        return Err(UnknownService {
            name: name.clone(),
            origin: origin.to_string(),
            suggestion,
            known,
        });
    }
    Ok(())
}

/// The services declared for a check and where they came from: the flag's, else
/// the configuration's. Unknown names are an error. The binary and `serve` both
/// resolve them here.
pub fn resolve_services(
    flag: &[String],
    config: Option<&crate::config::Config>,
    sets: &[RuleSet],
) -> Result<(Vec<String>, String), UnknownService> {
    let (names, origin) = match config {
        Some(c) if flag.is_empty() => (c.services.clone(), c.source.name.clone()),
        _ => (flag.to_vec(), "--services".to_string()),
    };
    let names: Vec<String> = names
        .iter()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    check_service_names(&names, &origin, sets)?;
    Ok((names, origin))
}

/// What Word document properties say for the engine: services declared in a
/// custom property `services` (or `tjenester`), and the title, subject and
/// keywords that service detection reads.
fn document_facts(doc: usize, props: &crate::document::docx::Properties) -> engine::DocumentFacts {
    let declared = ["services", "tjenester", "tenester"]
        .iter()
        .filter_map(|name| props.custom(name))
        .flat_map(|v| v.split([',', ';']))
        .map(|s| s.trim().trim_matches(['[', ']']).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let titles = [&props.title, &props.subject, &props.keywords]
        .into_iter()
        .filter(|t| !t.is_empty())
        .cloned()
        .collect();
    engine::DocumentFacts {
        doc,
        declared,
        titles,
    }
}

fn merge(into: &mut Vec<String>, more: Vec<String>) {
    into.extend(more);
    into.sort();
    into.dedup();
}

/// Bokmål, nynorsk or English, by counting words only one of them uses.
pub fn detect_language(docs: &[Document]) -> Lang {
    const NN: &[&str] = &[
        "ikkje",
        "korleis",
        "kva",
        "løysing",
        "løysinga",
        "tenester",
        "teneste",
        "vere",
        "eller tilsvarande",
        "frå",
        "kommunen sine",
        "difor",
        "berre",
        "gjennomføre",
        "eit",
        "ein",
        "mykje",
        "leverandøren sitt",
    ];
    const NB: &[&str] = &[
        "ikke",
        "hvordan",
        "hva",
        "løsning",
        "løsningen",
        "tjenester",
        "tjeneste",
        "være",
        "fra",
        "derfor",
        "bare",
        "et",
        "en",
        "mye",
    ];
    const EN: &[&str] = &[
        "the", "shall", "and", "of", "supplier", "solution", "must", "should", "with",
    ];
    // A sample decides the language as well as the whole tender would, and keeps
    // this pass from costing as much as the check itself on a long tender.
    const SAMPLE_WORDS: usize = 20_000;
    let (mut nn, mut nb, mut en) = (0usize, 0usize, 0usize);
    let mut seen = 0;
    'documents: for doc in docs {
        for block in &doc.blocks {
            let text = crate::text::normalize(&block.text).text;
            for word in crate::text::modality::words(&text) {
                nn += NN.contains(&word) as usize;
                nb += NB.contains(&word) as usize;
                en += EN.contains(&word) as usize;
                seen += 1;
            }
            if seen >= SAMPLE_WORDS {
                break 'documents;
            }
        }
    }
    if en > nb + nn {
        Lang::En
    } else if nn > nb {
        Lang::Nn
    } else {
        Lang::Nb
    }
}
