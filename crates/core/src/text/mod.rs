//! Reading tender text the way a procurement lawyer does: normalisation,
//! sentences, modality and negation, conditions.

pub(crate) mod annexes;
pub(crate) mod column_titles;
pub(crate) mod conditions;
pub(crate) mod instructions;
pub(crate) mod language;
pub(crate) mod markers;
pub(crate) mod modal_shapes;
pub(crate) mod modal_words;
pub mod modality;
pub(crate) mod normalize;
pub(crate) mod reach;
pub(crate) mod sentences;
pub(crate) mod stems;
pub mod type_cells;
pub(crate) mod wordlist;

pub use modality::Modality;
// The review (the report crate) finds a table's requirement text column by its title.
pub use column_titles::{is_requirement_text_title, title_key};

/// What separates the cells of a table row's text (the unit separator); never occurs
/// in cell text. The readers join cells with it; sentences never run across it.
pub const CELL_SEPARATOR: char = '\u{1F}';
pub use normalize::{Normalized, normalize};
