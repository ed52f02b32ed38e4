//! tenderlint: checks draft tender documents against versioned rule sets.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod document;
pub mod rules;
pub mod text;
