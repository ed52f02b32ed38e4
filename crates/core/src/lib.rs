//! tenderlint-core: the checker over documents in memory.
//!
//! Data flows one way: bytes → [`document`] readers → [`engine`] with compiled
//! [`rules`] → [`findings`], with [`policy`] (levels, waivers, baseline) applied
//! by [`check`]. No file system, no clock and no threads unless the `parallel`
//! feature asks for them: the caller reads the files and says which day it is.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod date;
pub mod document;
pub mod engine;
pub mod extract;
pub mod findings;
pub mod fixes;
mod lang;
mod parallel;
pub mod policy;
pub mod rules;
pub mod selftest;
mod sha256;
pub mod source;
pub mod text;

pub mod check;
pub mod compare;

pub use lang::Lang;

pub use check::{
    CheckOptions, FileId, Progress, ProgressSink, StdinFile, check_contents, check_contents_unless,
    check_documents,
};
