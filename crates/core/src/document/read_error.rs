//! Why a file could not be read: what the people who wrote it can do about it
//! ([`Unreadable`], worded by each report), and the technical cause.

/// Why a file could not be read. Always names the cause in one line; the path is
/// added by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// What is wrong, for the people who wrote the file; each report words it.
    pub kind: Unreadable,
    /// What exactly is wrong, for whoever looks into it (English, technical).
    pub message: String,
    /// What the user can do about it («save as .docx without a password»).
    pub hint: Option<String>,
}

impl ReadError {
    /// A one-line cause, without a hint.
    pub fn new(kind: Unreadable, message: impl Into<String>) -> ReadError {
        ReadError {
            kind,
            message: message.into(),
            hint: None,
        }
    }

    /// The same error with what the user can do about it.
    pub fn with_hint(mut self, hint: impl Into<String>) -> ReadError {
        self.hint = Some(hint.into());
        self
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

/// Why a file could not be read, in the terms of the people who wrote it: what
/// they can do about it is the same within a kind. Reports word it
/// (`report::i18n::unreadable`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unreadable {
    /// Not a Word document at all (no zip, or a zip without one).
    NotWord,
    /// A Word file that is damaged or incomplete.
    Damaged,
    /// An Excel workbook named like a Word document.
    Excel,
    /// A PowerPoint presentation named like a Word document.
    PowerPoint,
    /// Password-protected.
    Encrypted,
    /// Word 97–2003 (.doc).
    LegacyWord,
    /// A Word variant that is not a plain .docx (.docm, .dotx, .dotm).
    WordVariant,
    /// OpenDocument or RTF: to be saved as .docx.
    OtherDocument,
    /// A PDF: the Word or Markdown source is to be checked.
    Pdf,
    /// A kind of file tenderlint does not read.
    NotTenderFile,
    /// A text file not in UTF-8.
    NotUtf8,
    /// Too large to check, or inflating like a zip bomb.
    TooLarge,
    /// The file could not be opened (missing, no permission, not a regular file).
    CannotOpen,
}
