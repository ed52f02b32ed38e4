//! What observing finds and a tally keeps: a place where a rule's pattern matched.
//! Its own module, below both, so observing, tallying, the structural checks and the
//! requirement rows share it without using each other.

use crate::findings::Coverage;
use crate::rules::Hit;

/// A place where a rule's pattern matched. Ordered by place, so that equal
/// observations of different rules sort together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Observation {
    pub(super) doc: usize,
    pub(super) block: usize,
    pub(super) statement: usize,
    pub(super) hit: Option<Hit>,
    pub(super) coverage: Coverage,
    /// For `redefined`: the index of the tender's definition that redefines the hit.
    pub(super) definition: Option<u32>,
}
