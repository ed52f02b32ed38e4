//! Source text: the words every stage uses to point into a file it read — the
//! line index of a tender file, and the YAML files a user writes (rule sets,
//! `tenderlint.yaml`) with where in them a problem is.
//!
//! A bottom layer: it imports nothing from the rest of the crate, so the readers,
//! the rule loader, the configuration and the engine can all use it without an
//! arrow running back up.

mod lines;
pub mod yaml;

pub use lines::line_column;
pub(crate) use lines::{LineIndex, LineIndexRef};
