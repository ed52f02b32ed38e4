//! A member's deviations from its region's profile in words, the same in every
//! format: what it decided, why, and where it wrote it.

use crate::Lang;
use crate::common::severity_word;
use crate::i18n::word;
use tenderlint_core::compare::{Comparison, Deviation, DeviationKind};

/// Every tender's deviations, tender by tender.
pub(super) fn list(comparison: &Comparison) -> Vec<(&str, &Deviation)> {
    comparison
        .tenders
        .iter()
        .flat_map(|t| t.deviations.iter().map(move |d| (t.name.as_str(), d)))
        .collect()
}

/// What the member decided: «senket fra feil til info av medlemmet».
pub(super) fn decision(deviation: &Deviation, lang: Lang) -> String {
    match deviation.kind {
        DeviationKind::Waived => word(lang, "deviation-waived").to_string(),
        DeviationKind::Off => word(lang, "deviation-off").to_string(),
        DeviationKind::Lowered { from, to } => word(lang, "deviation-lowered")
            .replace("{from}", severity_word(lang, from))
            .replace("{to}", severity_word(lang, to)),
    }
}

/// The decision with its reason and place, on one line:
/// «senket fra feil til info av medlemmet: «Fase 2» (tenderlint.yaml:4)».
pub(super) fn sentence(deviation: &Deviation, lang: Lang) -> String {
    let mut text = decision(deviation, lang);
    if let Some(reason) = &deviation.reason {
        text.push_str(&format!(": «{}»", reason.trim()));
    }
    format!("{text} ({})", deviation.location)
}
