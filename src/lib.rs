//! tenderlint: checks draft tender documents against versioned rule sets.
//!
//! Data flows one way: paths → [`tender`] (which files) → [`document`] readers →
//! [`engine`] with compiled [`rules`] → [`findings`] → reporters in [`report`].
//! The checker over documents in memory is the `tenderlint-core` crate, the
//! renderers `tenderlint-report`; this crate walks the tender, reads the files
//! and configuration, says which day it is, and serves the page.
//! The library never prints; the binary decides what to show and the exit status.
#![deny(clippy::print_stdout, clippy::print_stderr)]
#![warn(missing_docs)]

pub mod config;
pub mod region;
mod rule_files;
pub mod serve;
pub mod settings;
pub mod tender;
mod walk;

pub use tenderlint_core::{
    Lang, check, compare, date, engine, extract, findings, fixes, policy, selftest, source, text,
};
pub use tenderlint_report as report;

/// The document model and its readers (the core's), and reading a file from disk.
pub mod document {
    pub use crate::walk::read_file;
    pub use tenderlint_core::document::read::{read_bytes, read_owned};
    pub use tenderlint_core::document::*;
}

/// Rule sets (the core's), and reading a rule-set file from disk.
pub mod rules {
    pub use crate::rule_files::{read_source, resolve, resolve_with_yaml};
    pub use tenderlint_core::rules::*;
}

pub use check::{CheckOptions, FileId, Progress, ProgressSink, StdinFile};
pub use rule_files::COMPILED_RULE_SETS;
pub use walk::file_id;
pub use walk::{check_contents, check_contents_unless, check_documents, check_paths};
