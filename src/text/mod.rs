//! Reading tender text the way a procurement lawyer does: normalisation,
//! sentences, modality and negation, conditions.

pub mod conditions;
pub mod modality;
pub mod normalize;
pub mod sentences;

pub use modality::Modality;
pub use normalize::{Normalized, normalize};
