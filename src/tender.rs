//! Which files form the tender: every readable file under the given paths,
//! walked with `.gitignore` respected. A konkurransegrunnlag and its bilag are
//! one tender, so a topic required in Bilag 1 counts for all of it.

use crate::document::Format;
// Which texts are tenderlint's own reports is read in the core; the walk names them too.
pub use crate::check::{REPORT_MARKER, is_marked_text};
use std::path::{Path, PathBuf};

/// A file the walk found, with what tenderlint will do with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenderFile {
    /// The path as walked.
    pub path: PathBuf,
    /// The reader it goes to; `None` for a format that is refused with a reason.
    pub format: Option<Format>,
}

/// A path that could not be walked (missing, unreadable, a symlink loop).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    /// The path given or found.
    pub path: PathBuf,
    /// What went wrong, for the user.
    pub message: String,
}

/// Legacy and look-alike formats that get a clear refusal instead of silence.
const REFUSED_EXTENSIONS: &[&str] = &["doc", "docm", "dotx", "dotm", "odt", "rtf", "pdf"];

/// Files of the tender under `paths`, sorted, plus the paths that could not be read.
/// Directories contribute Markdown and DOCX files (and refused look-alikes such as
/// `.doc`, so the user hears about them); a file named explicitly is always included.
pub fn collect(paths: &[PathBuf]) -> (Vec<TenderFile>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        if !root.exists() {
            errors.push(WalkError {
                path: root.clone(),
                message: "no such file or directory".into(),
            });
            continue;
        }
        if root.is_file() {
            files.push(TenderFile {
                path: root.clone(),
                format: Format::from_path(root),
            });
            continue;
        }
        let walker = ignore::WalkBuilder::new(root)
            .hidden(true)
            .git_ignore(true)
            .follow_links(false)
            .build();
        for entry in walker {
            match entry {
                Ok(entry) => {
                    let path = entry.path();
                    if !entry.file_type().is_some_and(|t| t.is_file()) || is_lock_file(path) {
                        continue;
                    }
                    let format = Format::from_path(path);
                    if format.is_some() || has_refused_extension(path) {
                        files.push(TenderFile {
                            path: clean(path),
                            format,
                        });
                    }
                }
                Err(e) => errors.push(WalkError {
                    path: root.clone(),
                    message: e.to_string(),
                }),
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup();
    (files, errors)
}

/// Names tenderlint's reports usually get (`tenderlint-report.md`, `rapport.docx`,
/// `samsvarsrapport.md`, reviewed copies `bilag-1.tenderlint.docx`): skipped when a directory is walked, so a report written
/// beside the tender without its marker (an older version, a copy) is not read as
/// tender text either. A file named on the command line is read whatever its name.
pub fn is_report_name(path: &Path) -> bool {
    let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
        return false;
    };
    let stem = stem.to_lowercase();
    // `bilag-1.tenderlint.docx` is a reviewed copy (`tenderlint review`).
    stem.starts_with("tenderlint")
        || stem.ends_with(".tenderlint")
        || matches!(
            stem.as_str(),
            "report" | "rapport" | "samsvarsrapport" | "compliance-report" | "samsvarsmatrise"
        )
}

fn has_refused_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REFUSED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Word's owner files (`~$bilag.docx`) are not documents.
fn is_lock_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("~$"))
}

fn clean(path: &Path) -> PathBuf {
    path.strip_prefix("./").unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_directories_respecting_gitignore() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join(".gitignore"), "utkast/\n").unwrap();
        std::fs::create_dir_all(root.join("utkast")).unwrap();
        std::fs::write(root.join("utkast/gammel.md"), "x").unwrap();
        std::fs::write(root.join("konkurransegrunnlag.md"), "x").unwrap();
        std::fs::write(root.join("bilag-1.docx"), "x").unwrap();
        std::fs::write(root.join("gammel.doc"), "x").unwrap();
        std::fs::write(root.join("notater.txt"), "x").unwrap();
        std::fs::write(root.join("~$bilag-1.docx"), "x").unwrap();
        let (files, errors) = collect(&[root.to_path_buf()]);
        assert!(errors.is_empty());
        let names: Vec<_> = files
            .iter()
            .map(|f| f.path.file_name().unwrap().to_string_lossy().to_string())
            .collect();
        assert_eq!(
            names,
            vec!["bilag-1.docx", "gammel.doc", "konkurransegrunnlag.md"]
        );
        assert_eq!(files[1].format, None);
    }

    #[test]
    fn usual_report_names_are_recognised() {
        for name in [
            "tenderlint-report.md",
            "rapport.docx",
            "Samsvarsrapport.md",
            "tenderlint.docx",
        ] {
            assert!(is_report_name(Path::new(name)), "{name}");
        }
        for name in ["konkurransegrunnlag.md", "bilag-2-rapportering.docx"] {
            assert!(!is_report_name(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn missing_paths_are_errors() {
        let (files, errors) = collect(&[PathBuf::from("/no/such/tender")]);
        assert!(files.is_empty());
        assert_eq!(errors.len(), 1);
    }
}
