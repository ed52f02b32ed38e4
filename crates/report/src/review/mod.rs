//! Review in Word (issue 27): the tender comes back as the author's own files with
//! tenderlint's findings in them — comments on the words each finding is about,
//! tracked changes for what a finding can fix itself, the missing requirements
//! inserted where they belong — or, for Markdown, as a diff to apply.
//!
//! [`plan`] decides what is said where, from the check's findings and the
//! documents as read; [`docx::patch`] and [`markdown::diff`] write it in each
//! format. Nothing here prints or touches files: the binary reads and writes.

mod docx;
pub mod markdown;
mod place;
mod plan;
mod trial;
mod words;

pub use docx::{Refusal, Reviewed, patch};
pub use plan::{FilePlan, plan};
use std::path::{Path, PathBuf};

/// The reviewed copy's name beside `original` or in `dir`: `<stem>.tenderlint.docx`.
pub fn reviewed_name(original: &Path, dir: Option<&Path>) -> PathBuf {
    let stem = original
        .file_stem()
        .map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned());
    let name = format!("{stem}.tenderlint.docx");
    match dir {
        Some(d) => d.join(name),
        None => original.with_file_name(name),
    }
}

/// What the review of one file of a tender gives.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// A Word file's reviewed copy, named `<stem>.tenderlint.docx`.
    Copy {
        /// The copy's file name, without a folder.
        name: String,
        /// The reviewed package.
        bytes: Vec<u8>,
    },
    /// A Markdown file's review as a unified diff.
    Diff(String),
    /// Why the file has no review.
    Refused {
        /// The file as the upload named it.
        name: String,
        /// Why, in one line (a reading error or the patcher's [`Refusal`]).
        reason: String,
    },
}

/// Reviews files already in memory (uploads) whose check is `report`: each is read
/// again as the check read it, and patched or diffed. Nothing is written.
pub fn review_contents(
    files: &[(PathBuf, Vec<u8>)],
    report: &crate::findings::CheckReport,
    sets: &[crate::rules::RuleSet],
    date: &str,
) -> Vec<Outcome> {
    use crate::document::{self, Format};
    let mut docs = Vec::new();
    let mut outcomes = Vec::new();
    for (path, bytes) in files {
        let name = path.display().to_string();
        let read = match Format::from_path(path) {
            Some(Format::Docx) => {
                document::docx::read(path.clone(), bytes).map_err(|e| e.to_string())
            }
            Some(Format::Markdown) => match std::str::from_utf8(bytes) {
                Ok(text) => Ok(document::markdown::read(path.clone(), text)),
                Err(_) => Err("not UTF-8 text".to_string()),
            },
            None => Err("neither a Word nor a Markdown file".to_string()),
        };
        match read {
            Ok(doc) => docs.push((doc, bytes)),
            Err(reason) => outcomes.push(Outcome::Refused { name, reason }),
        }
    }
    let documents: Vec<crate::document::Document> = docs.iter().map(|(d, _)| d.clone()).collect();
    let plans = plan(report, &documents, sets);
    for (doc, bytes) in docs {
        let name = doc.path.display().to_string();
        let file_plan = plans.get(&name).cloned().unwrap_or_default();
        match doc.format {
            crate::document::Format::Docx => match patch(bytes, &doc, &file_plan, date) {
                Ok(reviewed) => outcomes.push(Outcome::Copy {
                    name: reviewed_name(&doc.path, None)
                        .file_name()
                        .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned()),
                    bytes: reviewed.bytes,
                }),
                Err(refusal) => outcomes.push(Outcome::Refused {
                    name,
                    reason: refusal.reason,
                }),
            },
            crate::document::Format::Markdown => {
                let source = String::from_utf8_lossy(bytes);
                if let Some(d) = markdown::diff(&name.replace('\\', "/"), &source, &doc, &file_plan)
                {
                    outcomes.push(Outcome::Diff(d));
                }
            }
        }
    }
    outcomes
}

/// The date revisions and comments carry, in UTC: now, or midnight of `today`
/// when the caller fixes the day (`TENDERLINT_TODAY`, for reproducible copies).
pub fn revision_date(today: Option<crate::date::Date>) -> String {
    match today {
        Some(d) => format!("{d}T00:00:00Z"),
        None => jiff::Timestamp::now()
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string(),
    }
}

/// Several outcomes as one zip: the copies, `review.patch` (the Markdown diffs)
/// and `tenderlint-review.txt` (each file left out and why).
fn bundle(outcomes: Vec<Outcome>) -> Result<Vec<u8>, String> {
    use std::io::Write;
    let failed = |e: &dyn std::fmt::Display| format!("the zip could not be written: {e}");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut patch = String::new();
    let mut refused = String::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Copy { name, bytes } => {
                zip.start_file(name, options).map_err(|e| failed(&e))?;
                zip.write_all(&bytes).map_err(|e| failed(&e))?;
            }
            Outcome::Diff(d) => patch.push_str(&d),
            Outcome::Refused { name, reason } => {
                refused.push_str(&format!("{name}: not reviewed: {reason}\n"));
            }
        }
    }
    for (name, text) in [("review.patch", patch), ("tenderlint-review.txt", refused)] {
        if !text.is_empty() {
            zip.start_file(name, options).map_err(|e| failed(&e))?;
            zip.write_all(text.as_bytes()).map_err(|e| failed(&e))?;
        }
    }
    Ok(zip.finish().map_err(|e| failed(&e))?.into_inner())
}

/// What «Last ned dokumentene med kommentarer» hands the reader, on the page served
/// by `tenderlint serve` and on the static page alike.
#[derive(Debug)]
pub struct ReviewDownload {
    /// The download's file name.
    pub name: String,
    /// Its media type.
    pub content_type: &'static str,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// Why there is nothing to download.
#[derive(Debug)]
pub enum ReviewDownloadError {
    /// Every file was refused; the message names each with its reason.
    NothingReviewed(String),
    /// The zip of several reviews could not be written.
    Zip(String),
}

/// The media type of a Word document.
const DOCX_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// One Word file's reviewed copy as itself; several files (or Markdown, as a diff) as
/// one zip; an error naming each file when none could be reviewed.
pub fn download(mut outcomes: Vec<Outcome>) -> Result<ReviewDownload, ReviewDownloadError> {
    if let [Outcome::Copy { .. }] = outcomes.as_slice()
        && let Some(Outcome::Copy { name, bytes }) = outcomes.pop()
    {
        return Ok(ReviewDownload {
            name,
            content_type: DOCX_CONTENT_TYPE,
            bytes,
        });
    }
    let refused: Vec<String> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Refused { name, reason } => Some(format!("{name}: {reason}")),
            _ => None,
        })
        .collect();
    if refused.len() == outcomes.len() {
        return Err(ReviewDownloadError::NothingReviewed(format!(
            "no file could be reviewed: {}",
            refused.join("; ")
        )));
    }
    Ok(ReviewDownload {
        name: "tenderlint-gjennomgang.zip".into(),
        content_type: "application/zip",
        bytes: bundle(outcomes).map_err(ReviewDownloadError::Zip)?,
    })
}
