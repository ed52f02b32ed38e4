//! Source text: the words every stage uses to point into a file it read.
//!
//! A bottom layer: it imports nothing from the rest of the crate, so the readers,
//! the rule loader, the configuration and the engine can all use it without an
//! arrow running back up.

mod lines;

pub(crate) use lines::{LineIndex, LineIndexRef, line_column};
