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
    /// The file a path `-` stands for: read from standard input by the caller.
    pub stdin: Option<StdinFile>,
    /// Told how far [`check_paths`] has come, for a progress display.
    pub progress: Option<ProgressSink>,
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
pub fn check_paths(paths: &[PathBuf], sets: &[RuleSet], options: &CheckOptions) -> CheckReport {
    let is_stdin = |p: &PathBuf| p.as_os_str() == STDIN_PATH;
    let walked: Vec<PathBuf> = paths.iter().filter(|p| !is_stdin(p)).cloned().collect();
    let (mut files, walk_errors) = tender::collect(&walked);
    if let Some(filter) = &options.files {
        files.retain(|f| paths.contains(&f.path) || filter.allows(&f.path));
    }
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
                Some(format) => document::read_bytes(s.name.clone(), format, &s.bytes),
                None => Err(refusal(&s.name)),
            },
        ),
        None => (
            PathBuf::from(STDIN_PATH),
            Err(ReadError::new("standard input was not read")),
        ),
    });
    let read: Vec<(PathBuf, Result<Document, ReadError>)> = files
        .par_iter()
        .map(|f| {
            let result = match f.format {
                Some(_) => document::read_file(&f.path),
                None => Err(refusal(&f.path)),
            };
            if options.progress.is_some() {
                let done = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                progress(Progress::Reading { done, total });
            }
            (f.path.clone(), result)
        })
        .chain(from_stdin)
        .collect();
    let mut entries: Vec<FileEntry> = Vec::new();
    let mut docs = Vec::new();
    for (path, result) in read {
        match result {
            Ok(doc) => {
                entries.push(FileEntry {
                    path: path.display().to_string(),
                    format: Some(doc.format),
                    blocks: doc.blocks.len(),
                    error: None,
                });
                docs.push(doc);
            }
            Err(e) => entries.push(FileEntry {
                path: path.display().to_string(),
                format: document::Format::from_path(&path),
                blocks: 0,
                error: Some(e.to_string()),
            }),
        }
    }
    for e in walk_errors {
        entries.push(FileEntry {
            path: e.path.display().to_string(),
            format: None,
            blocks: 0,
            error: Some(e.message),
        });
    }
    progress(Progress::Evaluating { files: docs.len() });
    let mut report = check_documents(&docs, sets, options);
    report.summary.unreadable_files = entries.iter().filter(|f| f.error.is_some()).count();
    report.files = entries;
    report
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
        tender_language: detect_language(docs),
        results,
        notices: Vec::<Notice>::new(),
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
