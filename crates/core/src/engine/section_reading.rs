//! What a heading says about the requirements under it (`reading: section_headings`).
//!
//! A tender often says once, in a heading, what would otherwise have to stand in every
//! sentence of its section: «5 Kunstig intelligens (gjelder ved utløst opsjon 2)» makes
//! every «skal» below it depend on an option the buyer may never exercise, and a list
//! headed «Bør-krav» or "Desirable requirements" holds wishes even where a sentence in
//! it says «skal». Subsections inherit what their parent's heading says unless their
//! own heading says something.

use crate::document::Document;
use crate::text::normalize;

/// What a section's heading (or an enclosing one) says about its requirements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum SectionSays {
    /// Nothing: each statement is read on its own.
    #[default]
    Nothing,
    /// The section applies only if the buyer exercises an option or a condition holds.
    Conditional,
    /// The section lists wishes, evaluated rather than demanded.
    Wished,
    /// The section lists qualification requirements: each must be met to take part,
    /// also where it is written as a label without a verb («Kvalitetssikring:
    /// styringssystem etter ISO/IEC 27001 eller tilsvarende»), as a table under such a
    /// heading binds its rows.
    Qualification,
}

/// Headings (without their number) that type their section as wishes: the tender's own
/// «bør» group, as a type column would type a row.
const WISHED_HEADINGS: &[&str] = &[
    "bør-krav",
    "bør krav",
    "børkrav",
    "bør-krava",
    "ønskekrav",
    "ønskte krav",
    "ønska krav",
    "ønskede krav",
    "ønskete krav",
    "ynskte krav",
    "evalueringskrav",
    "vurderingskrav",
    "desirable requirements",
    "should requirements",
    "should-requirements",
    "optional requirements",
];

/// Words in a heading that tie its section to an option: «(gjelder ved utløst opsjon
/// 2)», «(gjeld berre dersom opsjonen blir utløyst)», "(applies only if option B is
/// exercised)".
const OPTION_WORDS: &[&str] = &["opsjon", "option"];
const APPLIES_WORDS: &[&str] = &[
    "gjelder", "gjeld", "gjelde", "dersom", "hvis", "viss", "ved", "if", "applies", "apply",
    "only", "berre", "bare", "kun",
];

/// Headings that name the contract, its annexes, or what is bought and on which terms:
/// a subsection so headed states the tender's own commitments, which bind, even inside
/// a background section («1 Innledning › 1.3 Kva som skal kjøpast», «› 1.6 Tilslutning
/// for andre kommunar»).
const CONTRACT_HEADINGS: &[&str] = &[
    "kontrakt",
    "avtalevilkår",
    "avtaledokument",
    "avtaleverk",
    "avtaleform",
    "avtaletype",
    "bilag",
    "vedlegg til kontrakt",
    "opsjon",
    "pris",
    "tilslutning",
    "omfang",
    "anskaffelsens omfang",
    "anskaffingas omfang",
    "leveransens omfang",
    "oppdragets omfang",
    "hva som skal",
    "kva som skal",
    // «Type avtale», "Type of contract": the kind of contract is its terms, named first.
    "type avtale",
    "type kontrakt",
    "contract",
    "type of contract",
    "form of contract",
    "annexes",
    "terms and conditions",
    "option",
    "pricing",
    "price",
    "scope",
    "what is bought",
];

/// Whether a normalised heading (without its number) names the contract or its annexes.
pub(crate) fn names_the_contract(title: &str) -> bool {
    CONTRACT_HEADINGS.iter().any(|h| title.starts_with(h))
}

/// What a lead-in says the new solution shall do («Systema løysinga skal integrerast
/// med:», "The solution shall integrate with:"): background text says what is today, so a
/// list the tender opens this way demands, wherever it stands.
const SOLUTION_DEMANDS: &[&str] = &[
    "løsningen skal",
    "løysinga skal",
    "løsninga skal",
    "den nye løsningen skal",
    "det nye systemet skal",
    "the solution shall",
    "the solution must",
    "the new solution shall",
];

/// Whether a normalised block is a lead-in («…:») that demands of the new solution.
pub(crate) fn demands_of_the_solution(text: &str) -> bool {
    text.trim_end().ends_with(':') && SOLUTION_DEMANDS.iter().any(|d| text.contains(d))
}

/// What each section of `doc` says, indexed like `doc.sections`.
pub(super) fn section_readings(doc: &Document) -> Vec<SectionSays> {
    let mut says = vec![SectionSays::Nothing; doc.sections.len()];
    for (i, section) in doc.sections.iter().enumerate() {
        let own = heading_says(&normalize(&section.title).text);
        let inherited = section
            .parent
            .filter(|&p| p < i)
            .map_or(SectionSays::Nothing, |p| says[p]);
        says[i] = if own == SectionSays::Nothing {
            inherited
        } else {
            own
        };
    }
    says
}

/// What one normalised heading says.
fn heading_says(title: &str) -> SectionSays {
    let title = title.trim();
    if WISHED_HEADINGS.iter().any(|w| {
        title
            .strip_prefix(w)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-'))
    }) {
        return SectionSays::Wished;
    }
    if super::forms::names_qualification_requirements(title) {
        return SectionSays::Qualification;
    }
    let words: Vec<&str> = crate::text::modality::words(title).collect();
    let names_option = words
        .iter()
        .any(|w| OPTION_WORDS.iter().any(|o| w.starts_with(o)));
    let says_applies = words.iter().any(|w| APPLIES_WORDS.contains(w));
    if names_option && says_applies || crate::text::conditions::is_conditional(title) {
        SectionSays::Conditional
    } else {
        SectionSays::Nothing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn says(title: &str) -> SectionSays {
        heading_says(&normalize(title).text)
    }

    #[test]
    fn a_heading_that_ties_its_section_to_an_option_makes_it_conditional() {
        for title in [
            "Kunstig intelligens (gjelder ved utløst opsjon 2)",
            "Tale til tekst (gjeld berre dersom opsjonen i konkurransegrunnlaget blir utløyst)",
            "Speech recognition (applies only if option B is exercised)",
            "Dersom kommunen tar i bruk velferdsteknologi",
        ] {
            assert_eq!(says(title), SectionSays::Conditional, "{title}");
        }
    }

    #[test]
    fn a_heading_that_names_wishes_types_its_section() {
        for title in [
            "Bør-krav",
            "Ønskte krav",
            "Evalueringskrav",
            "Desirable requirements",
        ] {
            assert_eq!(says(title), SectionSays::Wished, "{title}");
        }
    }

    #[test]
    fn a_heading_that_names_qualification_requirements_binds_its_section() {
        for title in [
            "4. Kvalifikasjonskrav",
            "Kvalifikasjonskriterier",
            "5 Selection criteria",
            "Qualification requirements",
        ] {
            assert_eq!(says(title), SectionSays::Qualification, "{title}");
        }
    }

    #[test]
    fn headings_that_name_the_contract_are_told_from_background() {
        for title in ["Kontraktsbilag", "Kontraktsvilkår", "Contract and annexes"] {
            assert!(names_the_contract(&normalize(title).text), "{title}");
        }
        for title in [
            "Bakgrunn",
            "Om kommunen",
            "Dagens kontraktsituasjon med leverandøren",
        ] {
            assert!(!names_the_contract(&normalize(title).text), "{title}");
        }
    }

    #[test]
    fn ordinary_headings_say_nothing() {
        for title in [
            "Opsjoner",
            "Opsjon 2: utvidelse med fysioterapi",
            "Krav til løsningen",
            "Børkrav-oversikt for leverandøren",
            "Integrasjoner ved oppstart",
        ] {
            assert_eq!(says(title), SectionSays::Nothing, "{title}");
        }
    }
}
