//! Reading the tender's files for a check: each file once, with the reader its
//! extension chooses, leaving out the reports tenderlint wrote itself.

use crate::document::{self, Document, ReadError, Unreadable};
use crate::engine;
use crate::findings::{About, Notice, Skip};

/// What reading one file of the tender gave.
pub(super) enum Read {
    Document(Box<Document>, Option<crate::document::docx::Properties>),
    /// A report tenderlint wrote (its marker): never tender text.
    OwnReport,
    Failed(ReadError),
}

pub(super) fn read_one(path: &std::path::Path, format: Option<document::Format>) -> Read {
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
pub(super) fn read_bytes_one(
    path: &std::path::Path,
    format: document::Format,
    bytes: &[u8],
) -> Read {
    let properties = match format {
        document::Format::Docx => document::docx::properties(bytes).ok(),
        _ => None,
    };
    if properties
        .as_ref()
        .is_some_and(|p| p.custom(crate::tender::REPORT_MARKER).is_some())
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
                .is_some_and(crate::tender::is_marked_text) =>
        {
            Read::OwnReport
        }
        Ok(doc) => Read::Document(Box::new(doc), properties),
        Err(e) => Read::Failed(e),
    }
}

pub(super) fn skipped(path: &std::path::Path, why: Skip) -> Notice {
    Notice {
        level: crate::rules::Severity::Info,
        about: About::Skipped {
            path: path.display().to_string(),
            why,
        },
    }
}

pub(super) fn refusal(path: &std::path::Path) -> ReadError {
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

/// What Word document properties say for the engine: services declared in a
/// custom property `services` (or `tjenester`), and the title, subject and
/// keywords that service detection reads.
pub(super) fn document_facts(
    doc: usize,
    props: &crate::document::docx::Properties,
) -> engine::DocumentFacts {
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
