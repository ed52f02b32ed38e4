//! Reading the tender's files for a check: each file once, with the reader its
//! extension chooses, leaving out the reports tenderlint wrote itself.

use crate::document::{self, Document, ReadError, Unreadable};
use crate::findings::{About, Notice, Skip};

/// What reading one file of the tender gave.
pub enum Read {
    /// The document, with what it says of itself (its facts).
    Document(Box<Document>),
    /// A report tenderlint wrote (its marker): never tender text.
    OwnReport,
    /// The reason it could not be read.
    Failed(ReadError),
}

/// Reads a file whose bytes are at hand (an upload, or a DOCX read for its
/// properties first), leaving out what tenderlint wrote itself.
pub fn read_bytes_one(path: &std::path::Path, format: document::Format, bytes: &[u8]) -> Read {
    let properties = match format {
        document::Format::Docx => document::docx::properties(bytes).ok(),
        _ => None,
    };
    if properties
        .as_ref()
        .is_some_and(|p| p.custom(REPORT_MARKER).is_some())
    {
        return Read::OwnReport;
    }
    unless_marked(document::read::read_bytes(
        path.to_path_buf(),
        format,
        bytes,
    ))
}

/// What reading gave, unless the text carries the marker of a report tenderlint
/// wrote (Markdown and HTML reports; a Word report is told by its properties).
pub fn unless_marked(result: Result<Document, ReadError>) -> Read {
    match result {
        Ok(doc) if doc.source.as_deref().is_some_and(is_marked_text) => Read::OwnReport,
        Ok(doc) => Read::Document(Box::new(doc)),
        Err(e) => Read::Failed(e),
    }
}

/// The notice for a file left out of the tender, and why.
pub fn skipped(path: &std::path::Path, why: Skip) -> Notice {
    Notice {
        level: crate::rules::Severity::Info,
        about: About::Skipped {
            path: path.display().to_string(),
            why,
        },
    }
}

/// Why a file of a format tenderlint does not read is refused, with what to do.
pub fn refusal(path: &std::path::Path) -> ReadError {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "doc" => ReadError::new(
            Unreadable::LegacyWord,
            "legacy Word 97–2003 .doc is not read",
        )
        .with_hint("save it as .docx in Word"),
        "docm" | "dotx" | "dotm" => ReadError::new(
            Unreadable::WordVariant,
            format!("Word .{ext} files are not read"),
        )
        .with_hint("save the tender as a plain .docx"),
        "odt" => ReadError::new(Unreadable::OtherDocument, "OpenDocument .odt is not read")
            .with_hint("save it as .docx"),
        "rtf" => ReadError::new(Unreadable::OtherDocument, "RTF is not read")
            .with_hint("save it as .docx"),
        "pdf" => ReadError::new(Unreadable::Pdf, "PDF is not read")
            .with_hint("check the Word or Markdown source instead"),
        _ => ReadError::new(Unreadable::NotTenderFile, "not a file tenderlint reads")
            .with_hint("use .md, .markdown or .docx"),
    }
}

/// The name of the DOCX custom property, and the word in the Markdown and HTML
/// comment, that mark a file as a report tenderlint wrote. A report beside the
/// tender must never be read as tender text: its suggested requirement texts
/// would make missing topics «met».
pub const REPORT_MARKER: &str = "tenderlint-report";

/// Whether a Markdown or HTML text is a report tenderlint wrote: the marker
/// comment is in its first lines (after a byte-order mark, a doctype).
pub fn is_marked_text(text: &str) -> bool {
    let mut head_end = text.len().min(1024);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    text[..head_end]
        .match_indices("<!--")
        .any(|(i, _)| text[i + 4..].trim_start().starts_with(REPORT_MARKER))
}
