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
                return match document::read_file(path) {
                    Ok(doc) => Read::Document(Box::new(doc), None),
                    Err(e) => Read::Failed(e),
                };
            };
            let properties = document::docx::properties(&bytes).ok();
            if properties
                .as_ref()
                .is_some_and(|p| p.custom(crate::report::REPORT_MARKER).is_some())
            {
                return Read::OwnReport;
            }
            match document::read_bytes(path.to_path_buf(), document::Format::Docx, &bytes) {
                Ok(doc) => Read::Document(Box::new(doc), properties),
                Err(e) => Read::Failed(e),
            }
        }
        Some(_) => match document::read_file(path) {
            Ok(doc)
                if doc
                    .source
                    .as_deref()
                    .is_some_and(crate::report::is_marked_text) =>
            {
                Read::OwnReport
            }
            Ok(doc) => Read::Document(Box::new(doc), None),
            Err(e) => Read::Failed(e),
        },
        None => Read::Failed(refusal(path)),
    }
}

/// Walks `paths`, reads every file (in parallel), and checks them as one tender.
/// Files that cannot be read are listed with their error; the rest are still checked.
/// Reports tenderlint wrote (marked, or found by walking under a report's usual
/// name) and files the configuration excludes are left out; a notice names each
/// report left out.
pub fn check_paths(paths: &[PathBuf], sets: &[RuleSet], options: &CheckOptions) -> CheckReport {
    let (mut files, walk_errors) = tender::collect(paths);
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
    let read: Vec<(PathBuf, Read)> = files
        .par_iter()
        .map(|f| (f.path.clone(), read_one(&f.path, f.format)))
        .collect();
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
    for e in walk_errors {
        entries.push(FileEntry {
            path: e.path.display().to_string(),
            format: None,
            blocks: 0,
            error: Some(e.message),
        });
    }
    let mut report = check_documents(&docs, sets, options);
    report.summary.unreadable_files = entries.iter().filter(|f| f.error.is_some()).count();
    report.files = entries;
    notices.append(&mut report.notices);
    report.notices = notices;
    report
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
