//! The type cell of a requirement table: the codes and words tenders commonly
//! write there («M», «Minstekrav», «Bør», «Vurderingskrav», "Weighted"), read
//! when the tender's own legend does not define the cell's code.

use super::modality::{Modality, words};

const BINDING: &[&str] = &[
    "m",
    "mk",
    "a",
    "minstekrav",
    "minimumskrav",
    "absolutt",
    "absolutte",
    "absoluttkrav",
    "skal",
    "må",
    "mandatory",
    "must",
    "shall",
    "obligatorisk",
    "obligatory",
    "required",
    "skal-krav",
    "skalkrav",
    "k",
    "krav",
    "kvalifikasjonskrav",
    // «MIN/TK»: a minimum requirement («MIN») beside the award criterion code «TK».
    "min",
];
const WEAK: &[&str] = &[
    "e",
    "ek",
    "b",
    "ø",
    "bør",
    "evalueringskrav",
    "evaluering",
    "evaluert",
    "vurderingskrav",
    "vurdering",
    "bør-krav",
    "børkrav",
    "weighted",
    "evaluated",
    "ønske",
    "ønsket",
    // Nynorsk participles and the older nynorsk «ynskje» spelling of the same wish.
    "ønskt",
    "ønska",
    "ynskt",
    "ynska",
    "ynske",
    "ønskelig",
    "ønskeleg",
    "ynskjeleg",
    "ønskekrav",
    "desirable",
    "desired",
    "tk",
    "should",
    "tildelingskrav",
    // A row marked as an award criterion is evaluated, not demanded («Minstekrav /
    // Tildelingskriterium» over the column).
    "tildelingskriterium",
    "tildelingskriterie",
    "tildelingskriterier",
    "tildelingskriteriet",
    "vektet",
    "valgfri",
    "valfri",
    "optional",
    "nice",
    // MoSCoW: «Could have» is wished, as «Should have» is.
    "could",
];
const OPTION: &[&str] = &["o", "opsjon", "option"];
/// A row typed for information («Info», «Til orientering») asks nothing of the vendor:
/// it has a type, and that type requires nothing.
const INFORMATION: &[&str] = &[
    "info",
    "informasjon",
    "information",
    "orientering",
    "til orientering",
    "for information",
];
/// MoSCoW's «Won't (this time)»: named so the vendor knows the direction, not required.
const WONT: &[&str] = &["won't", "won’t", "wont"];
/// A row on a roadmap is promised for later, not demanded at delivery.
const ROADMAP: &[&str] = &["roadmap", "veikart", "future"];

/// The modality a requirement-table type cell («M», «Minstekrav», «Bør», «E») gives a row,
/// or `None` when the cell does not name a type.
pub fn classify_type_cell(cell: &str) -> Option<Modality> {
    let normalized = crate::text::normalize(cell);
    let value = normalized.text.trim_matches(|c: char| !c.is_alphanumeric());
    if value.is_empty() {
        return None;
    }
    let first_word = words(value).next().unwrap_or(value);
    if let Some((first, rest)) = value.split_once('/') {
        // Two codes in one cell («MIN/TK», «M/E», «A/V»): a requirement that must be met and
        // is also evaluated binds, as the legend's «AV» does.
        let parts = [first, rest].map(classify_type_cell);
        if parts.iter().all(Option::is_some) {
            return parts.into_iter().flatten().max();
        }
    }
    if BINDING.contains(&value) || BINDING.contains(&first_word) {
        Some(Modality::Binding)
    } else if OPTION.contains(&value) || OPTION.contains(&first_word) {
        Some(Modality::Option)
    } else if WEAK.contains(&value) || WEAK.contains(&first_word) {
        Some(Modality::Should)
    } else if ROADMAP.contains(&value) {
        Some(Modality::Future)
    } else if INFORMATION.contains(&value) || WONT.iter().any(|w| value.starts_with(w)) {
        Some(Modality::None)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_cells() {
        assert_eq!(classify_type_cell("M"), Some(Modality::Binding));
        assert_eq!(classify_type_cell("Minstekrav"), Some(Modality::Binding));
        assert_eq!(classify_type_cell("Absolutt krav"), Some(Modality::Binding));
        assert_eq!(classify_type_cell("EK"), Some(Modality::Should));
        assert_eq!(classify_type_cell("Bør"), Some(Modality::Should));
        assert_eq!(classify_type_cell("Ø"), Some(Modality::Should));
        assert_eq!(classify_type_cell("Opsjon"), Some(Modality::Option));
        assert_eq!(classify_type_cell("COULD"), Some(Modality::Should));
        assert_eq!(classify_type_cell("Could have"), Some(Modality::Should));
        assert_eq!(
            classify_type_cell("Tildelingskriterium"),
            Some(Modality::Should)
        );
        assert_eq!(classify_type_cell(""), None);
        assert_eq!(classify_type_cell("Se tabell"), None);
        assert_eq!(classify_type_cell("Info"), Some(Modality::None));
        assert_eq!(classify_type_cell("MIN/TK"), Some(Modality::Binding));
        assert_eq!(classify_type_cell("TK"), Some(Modality::Should));
        assert_eq!(classify_type_cell("Desired"), Some(Modality::Should));
        assert_eq!(classify_type_cell("Roadmap"), Some(Modality::Future));
        assert_eq!(classify_type_cell("Ja/Nei"), None);
        assert_eq!(classify_type_cell("Won't have"), Some(Modality::None));
        assert_eq!(classify_type_cell("Info om tjenesten"), None);
    }
}
