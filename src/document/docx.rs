//! DOCX reader (placeholder until the DOCX reader lands).

use super::{Document, ReadError};
use std::path::PathBuf;

pub fn read(_path: PathBuf, _bytes: &[u8]) -> Result<Document, ReadError> {
    Err(ReadError::new("DOCX files are not supported yet")
        .with_hint("convert to Markdown, e.g. with pandoc"))
}
