//! Reading tender text the way a procurement lawyer does: normalisation,
//! sentences, modality and negation, conditions.

pub mod column_titles;
pub mod conditions;
pub mod language;
pub mod modality;
pub mod normalize;
pub mod sentences;
pub mod wordlist;

pub use modality::Modality;

/// What separates the cells of a table row's text (the unit separator); never occurs
/// in cell text. The readers join cells with it; sentences never run across it.
pub const CELL_SEPARATOR: char = '\u{1F}';
pub use normalize::{Normalized, normalize};
