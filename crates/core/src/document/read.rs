//! Reading a file's bytes with the reader its format names, within the size limits.
//! The readers' layer, above the model: the model never calls a reader.

use super::{Document, Format, MAX_TEXT_BYTES, ReadError, Unreadable, docx, markdown};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn too_much_text(bytes: usize) -> ReadError {
    ReadError::new(Unreadable::TooLarge, format!(
        "holds {} MiB of text, more than the {} MiB (about 10,000 pages) tenderlint checks in one file",
        bytes / (1024 * 1024),
        MAX_TEXT_BYTES / (1024 * 1024)
    ))
    .with_hint("split the tender into its parts (konkurransegrunnlag, bilag)")
}

/// Reads one file of the tender whose bytes the caller read, in `format`. The
/// bytes are taken, not borrowed: Markdown keeps them as its text.
pub fn read_owned(path: &Path, format: Format, bytes: Vec<u8>) -> Result<Document, ReadError> {
    match format {
        // The text is kept for line numbers and snippets: move the bytes into it
        // rather than hold a second copy while the parser builds its tree.
        Format::Markdown => {
            check_text_size(bytes.len())?;
            let text = String::from_utf8(bytes).map_err(|e| not_utf8(e.utf8_error()))?;
            Ok(markdown::read_shared(path.to_path_buf(), Arc::from(text)))
        }
        Format::Docx => read_bytes(path.to_path_buf(), format, &bytes),
    }
}

/// Markdown is all text: refuse before parsing, not after.
fn check_text_size(len: usize) -> Result<(), ReadError> {
    if len > MAX_TEXT_BYTES {
        return Err(too_much_text(len));
    }
    Ok(())
}

fn not_utf8(e: std::str::Utf8Error) -> ReadError {
    ReadError::new(
        Unreadable::NotUtf8,
        format!("not valid UTF-8 (byte {})", e.valid_up_to()),
    )
    .with_hint("save the file as UTF-8")
}

/// Reads a file's content that is already in memory.
pub fn read_bytes(path: PathBuf, format: Format, bytes: &[u8]) -> Result<Document, ReadError> {
    match format {
        Format::Markdown => {
            check_text_size(bytes.len())?;
            let text = std::str::from_utf8(bytes).map_err(not_utf8)?;
            Ok(markdown::read(path, text))
        }
        Format::Docx => {
            let doc = docx::read(path, bytes)?;
            let text: usize = doc.blocks.iter().map(|b| b.text.len()).sum();
            if text > MAX_TEXT_BYTES {
                return Err(too_much_text(text));
            }
            Ok(doc)
        }
    }
}
