//! Rule sets: the YAML format, loading with spans, and compiling to one automaton.

pub mod schema;
