//! Reading tender text the way a procurement lawyer does: normalisation,
//! sentences, modality and negation.

pub mod normalize;
