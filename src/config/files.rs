//! `files:`: which of the walked files form the tender, as globs relative to
//! the configuration.

use super::schema::RawFiles;
use super::{located, problem};
use crate::rules::Problem;
use serde_saphyr::Spanned;
use std::path::{Path, PathBuf};

/// Which of the walked files form the tender.
#[derive(Debug, Clone)]
pub struct FileFilter {
    /// The configuration's directory (canonical); globs are relative to it.
    pub base: PathBuf,
    include: Option<globset::GlobSet>,
    exclude: globset::GlobSet,
}

impl crate::check::FileFilter for FileFilter {
    fn allows(&self, path: &Path) -> bool {
        let absolute = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let Ok(relative) = absolute.strip_prefix(&self.base) else {
            // Outside the configuration's directory no glob can name it.
            return self.include.is_none();
        };
        self.include.as_ref().is_none_or(|g| g.is_match(relative))
            && !self.exclude.is_match(relative)
    }
}

/// The filter `files:` describes; a bad glob is a problem, and then there is no filter.
pub(super) fn filter(
    files: &RawFiles,
    text: &str,
    dir: &Path,
    problems: &mut Vec<Problem>,
) -> Option<FileFilter> {
    let mut build = |globs: &[Spanned<String>]| {
        let mut builder = globset::GlobSetBuilder::new();
        for glob in globs {
            match globset::GlobBuilder::new(&glob.value)
                .literal_separator(true)
                .build()
            {
                Ok(g) => {
                    builder.add(g);
                }
                Err(e) => problems.push(problem(
                    format!("bad glob `{}`: {}", glob.value, e.kind()),
                    located(text, glob),
                    Some("`*` stays within a directory, `**/` spans directories"),
                )),
            }
        }
        builder.build().ok()
    };
    let include = if files.include.is_empty() {
        None
    } else {
        Some(build(&files.include)?)
    };
    let exclude = build(&files.exclude)?;
    Some(FileFilter {
        base: dir.to_path_buf(),
        include,
        exclude,
    })
}
