//! tenderlint: checks draft tender documents against versioned rule sets.
//!
//! Data flows one way: paths → [`tender`] (which files) → [`document`] readers →
//! [`engine`] with compiled [`rules`] → [`findings`] → reporters in [`report`].
//! The library never prints; the binary decides what to show and the exit status.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod config;
pub mod date;
pub mod document;
pub mod engine;
pub mod extract;
pub mod findings;
pub mod fixes;
mod lang;
pub mod policy;
pub mod report;
pub mod rules;
pub mod selftest;
pub mod serve;
pub mod settings;
mod sha256;
pub mod source;
pub mod text;

pub mod check;
pub mod tender;

pub use lang::Lang;

pub use check::{
    CheckOptions, FileId, Progress, ProgressSink, StdinFile, check_contents, check_contents_unless,
    check_documents, check_paths,
};
