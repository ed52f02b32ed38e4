//! Rule sets: the YAML format, loading with spans, and compiling to one automaton.

pub mod compile;
pub mod embedded;
pub mod load;
pub mod schema;

pub use compile::{CompiledMatch, CompiledRule, Hit, RuleSet, TermMatcher};
pub use load::{Problem, RuleSetError, RuleSetSource};
pub use schema::{BuiltinCheck, Localized, RuleKind, Severity, Strength};
