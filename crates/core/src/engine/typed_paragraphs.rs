//! The type a requirement gets from its type cell or a bracketed marker, weighed against its
//! own words; and the markers that type a paragraph as a type column types a row: before
//! its text («7.3 (Bør) …») or after a sentence («… (ønske).», «… (absolutt krav)»).

use crate::text::modality::{self, Modality};
use std::ops::Range;

/// Types the statements of a paragraph by its markers: a marker before the text types
/// every sentence; otherwise a marker after a sentence types that sentence (a paragraph
/// may hold several, each typed by its own).
pub(super) fn type_by_markers<'a>(
    text: &str,
    statements: impl Iterator<Item = (Range<usize>, &'a mut Modality)>,
) {
    let leading = leading_type_marker(text).map(|marked| {
        let permits_only = modality::weak_only_by_permission(text);
        (marked, permits_only)
    });
    for (range, statement) in statements {
        let typed_by = leading.or_else(|| {
            let own = text.get(range)?;
            let marked = super::composite::requirement_paragraph(own)?.marked?;
            Some((marked, modality::weak_only_by_permission(own)))
        });
        if let Some((marked, permits_only)) = typed_by {
            *statement = typed(marked, *statement, permits_only);
        }
    }
}

/// The modality of a requirement its type (a type cell, a bracketed marker) and its
/// own words give it: an option stays an option even typed as a minimum, and a
/// binding type cannot make words that only wish, ask or plan bind; otherwise the
/// type decides.
/// `permits_only`: the text is weak by «kan»/"may"/"can" alone, which asks («Kan
/// løsningen motta epikriser?») or describes a capability («API-er som kommunen kan
/// bruke») as often as it permits; a binding type decides such a row. A wish («bør»,
/// «ønskeleg», "should") in the text still makes it weak.
pub(super) fn typed(type_given: Modality, text: Modality, permits_only: bool) -> Modality {
    let wishes = text.is_weak() && !(text == Modality::Should && permits_only);
    if text == Modality::Option || type_given == Modality::Binding && wishes {
        text
    } else {
        type_given
    }
}

/// The type a paragraph gives itself with a marker in brackets before its text, as a
/// type column would: «7.3 (Bør) Hjemmetenesta skal …», «[Skal] Løsningen …», "R-4
/// (Should) The solution …". A single letter is no type: «(a)», «(b)» number a list.
/// `text` is normalised; the marker stands within its first words.
fn leading_type_marker(text: &str) -> Option<Modality> {
    const MARKER_REACH: usize = 24;
    const MIN_MARKER_CHARS: usize = 2;
    let head = text.get(..text.len().min(MARKER_REACH * 2)).unwrap_or(text);
    let open = head.find(['(', '['])?;
    // Only a number («7.3», «R-4») may stand before the marker.
    if head[..open].chars().any(char::is_alphabetic) && !head[..open].contains(char::is_numeric)
        || head[..open].chars().count() > MARKER_REACH
    {
        return None;
    }
    let inner = &head[open + 1..];
    let close = inner.find([')', ']'])?;
    let marker = inner[..close].trim();
    if marker.chars().count() < MIN_MARKER_CHARS || !marker.chars().all(char::is_alphabetic) {
        return None;
    }
    crate::text::type_cells::classify_type_cell(marker)
}
