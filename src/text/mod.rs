//! Reading tender text the way a procurement lawyer does: normalisation,
//! sentences, modality and negation, conditions.

pub mod column_titles;
pub mod conditions;
pub mod modality;
pub mod normalize;
pub mod sentences;
pub mod wordlist;

pub use modality::Modality;
pub use normalize::{Normalized, normalize};
