//! The file-system half of a check: walk the paths, read each file (in
//! parallel), and hand what was read to the core with today filled in.

use crate::check::{
    CheckOptions, FileId, Progress, Read, STDIN_PATH, check_read, read_bytes_one, refusal, skipped,
    unless_marked,
};
use crate::document::{self, Document, ReadError, Unreadable};
use crate::findings::Skip;
use crate::findings::{CheckReport, FileEntry, Notice};
use crate::rules::RuleSet;
use crate::tender;
use rayon::prelude::*;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// Walks `paths`, reads every file (in parallel), and checks them as one tender.
/// Files that cannot be read are listed with their error; the rest are still checked.
/// Reports tenderlint wrote (marked, or found by walking under a report's usual
/// name) and files the configuration excludes are left out; a notice names each
/// report left out.
pub fn check_paths(paths: &[PathBuf], sets: &[RuleSet], options: &CheckOptions) -> CheckReport {
    // The sets' shared term automaton is built on a spare core while the tender is
    // walked and read: it was on the check's critical path, and a tender of one
    // large file is read on one core.
    let ((read, walk_errors, notices), ()) = rayon::join(
        || walk_and_read(paths, options),
        || crate::rules::share_term_search(sets),
    );
    check_read(read, walk_errors, notices, sets, &dated(options))
}

/// The tender's files, walked and read, with the errors of walking and the notices
/// of files left out.
fn walk_and_read(
    paths: &[PathBuf],
    options: &CheckOptions,
) -> (Vec<(PathBuf, Read)>, Vec<FileEntry>, Vec<Notice>) {
    let is_stdin = |p: &PathBuf| p.as_os_str() == STDIN_PATH;
    let walked: Vec<PathBuf> = paths.iter().filter(|p| !is_stdin(p)).cloned().collect();
    let (mut files, walk_errors) = tender::collect(&walked);
    if let Some(filter) = &options.files {
        files.retain(|f| paths.contains(&f.path) || filter.allows(&f.path));
    }
    let mut notices = Vec::new();
    if let Some(out) = options.standard_output {
        files.retain(|f| {
            let is_out = std::fs::metadata(&f.path).ok().and_then(|m| file_id(&m)) == Some(out);
            if is_out {
                notices.push(skipped(&f.path, Skip::IsStandardOutput));
            }
            !is_out
        });
    }
    files.retain(|f| {
        let named = paths.contains(&f.path);
        let skip = !named && tender::is_report_name(&f.path);
        if skip {
            notices.push(skipped(&f.path, Skip::NamedLikeReport));
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
            Read::Failed(ReadError::new(
                Unreadable::CannotOpen,
                "standard input was not read",
            )),
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
            problem: Some(Unreadable::CannotOpen),
        })
        .collect();
    (read, walk_errors, notices)
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
                return unless_marked(read_file(path));
            };
            read_bytes_one(path, document::Format::Docx, &bytes)
        }
        Some(_) => unless_marked(read_file(path)),
        None => Read::Failed(refusal(path)),
    }
}

/// Reads one file of the tender in the format its extension names.
pub fn read_file(path: &Path) -> Result<Document, ReadError> {
    let format = document::Format::from_path(path).ok_or_else(|| {
        ReadError::new(Unreadable::NotTenderFile, "not a file tenderlint reads")
            .with_hint("use .md, .markdown or .docx")
    })?;
    let meta = std::fs::metadata(path)
        .map_err(|e| ReadError::new(Unreadable::CannotOpen, format!("cannot read: {e}")))?;
    if !meta.is_file() {
        return Err(ReadError::new(Unreadable::CannotOpen, "not a regular file"));
    }
    if meta.len() > document::MAX_FILE_BYTES {
        return Err(ReadError::new(
            Unreadable::TooLarge,
            format!(
                "file is {} MiB, more than the {} MiB tenderlint reads",
                meta.len() / (1024 * 1024),
                document::MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| ReadError::new(Unreadable::CannotOpen, format!("cannot read: {e}")))?;
    document::read::read_owned(path, format, bytes)
}

/// A file's identity (device and inode) from its metadata; `None` off Unix,
/// where no file is then known under another name.
pub fn file_id(metadata: &std::fs::Metadata) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(FileId {
            device: metadata.dev(),
            inode: metadata.ino(),
        })
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        None
    }
}

/// The options with what the core cannot find out itself: today in the user's time
/// zone when the caller named no day (the core has no clock), and how newer versions
/// beside a rule-set file are found (it reads no directory).
pub(crate) fn dated(options: &CheckOptions) -> Cow<'_, CheckOptions> {
    if options.today.is_some() && options.newest_beside.is_some() {
        return Cow::Borrowed(options);
    }
    let mut options = options.clone();
    options.today = options.today.or_else(|| Some(crate::report::today()));
    options.newest_beside = options
        .newest_beside
        .or(Some(crate::rule_files::newest_sibling));
    Cow::Owned(options)
}

/// [`tenderlint_core::check_contents`] on today's date unless the options name a day.
pub fn check_contents(
    files: &[(PathBuf, Vec<u8>)],
    sets: &[RuleSet],
    options: &CheckOptions,
) -> CheckReport {
    tenderlint_core::check_contents(files, sets, &dated(options))
}

/// [`tenderlint_core::check_contents_unless`] on today's date unless the options name a day.
pub fn check_contents_unless(
    files: &[(PathBuf, Vec<u8>)],
    sets: &[RuleSet],
    options: &CheckOptions,
    stop: &std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> Option<CheckReport> {
    tenderlint_core::check_contents_unless(files, sets, &dated(options), stop)
}

/// [`tenderlint_core::check_documents`] on today's date unless the options name a day.
pub fn check_documents(docs: &[Document], sets: &[RuleSet], options: &CheckOptions) -> CheckReport {
    tenderlint_core::check_documents(docs, sets, &dated(options))
}
