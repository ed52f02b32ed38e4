//! Review in Word (issue 27): the tender comes back as the author's own files with
//! tenderlint's findings in them — comments on the words each finding is about,
//! tracked changes for what a finding can fix itself, the missing requirements
//! inserted where they belong — or, for Markdown, as a diff to apply.
//!
//! [`plan`] decides what is said where, from the check's findings and the
//! documents as read; [`docx::patch`] and [`markdown::diff`] write it in each
//! format. Nothing here prints or touches files: the binary reads and writes.

pub mod docx;
pub mod markdown;
pub mod plan;
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
