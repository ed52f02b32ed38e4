//! Fix texts built from a finding, and the placeholder notation of suggestions.
//!
//! A violation's fix is the tender's own sentence corrected, never a canned
//! example: a SQL Server finding must not be offered a text about Azure. Where no
//! correction can be built from the finding, none is offered.
//!
//! Suggested requirement texts mark example values to fill in as `[[bilag X]]`;
//! reporters show them as `⟨bilag X⟩` (text formats) or highlighted (HTML, Word).

use crate::Lang;
use crate::findings::{Evidence, RuleResult, Status};

/// Opens a placeholder in a suggestion text.
pub const PLACEHOLDER_OPEN: &str = "[[";
/// Closes a placeholder.
pub const PLACEHOLDER_CLOSE: &str = "]]";

/// A suggestion split into plain text and placeholders (`true`), in order.
pub fn placeholder_parts(text: &str) -> Vec<(&str, bool)> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(PLACEHOLDER_OPEN) {
        let after = &rest[open + PLACEHOLDER_OPEN.len()..];
        let Some(close) = after.find(PLACEHOLDER_CLOSE) else {
            break;
        };
        if open > 0 {
            parts.push((&rest[..open], false));
        }
        parts.push((&after[..close], true));
        rest = &after[close + PLACEHOLDER_CLOSE.len()..];
    }
    if !rest.is_empty() {
        parts.push((rest, false));
    }
    parts
}

/// A suggestion for text formats: placeholders as `⟨…⟩`.
pub fn plain(text: &str) -> String {
    placeholder_parts(text)
        .into_iter()
        .map(|(t, placeholder)| {
            if placeholder {
                format!("⟨{t}⟩")
            } else {
                t.to_string()
            }
        })
        .collect()
}

/// The phrase that opens a requirement to equivalent products, in the tender's language.
fn or_equivalent(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "eller tilsvarende",
        Lang::Nn => "eller tilsvarande",
        Lang::En => "or equivalent",
    }
}

/// Fills in `fix` on the evidence of violations the finding itself can correct:
/// a name without «eller tilsvarende» gets the phrase after the product name.
pub fn attach(results: &mut [RuleResult], tender: Lang) {
    for r in results.iter_mut() {
        if r.status != Status::Violation || !r.rule_info.fix_adds_equivalent {
            continue;
        }
        for e in &mut r.evidence {
            e.fix = add_equivalent(e, tender);
        }
    }
}

/// The excerpt with «eller tilsvarende» after the product name the rule matched:
/// the matched words and the capitalised words or numbers that continue the
/// name («Microsoft SQL Server 2019»). None when the excerpt is cut (the sentence
/// is not whole) or the match cannot be found in it.
fn add_equivalent(e: &Evidence, lang: Lang) -> Option<String> {
    let matched = e.matched.as_deref()?.trim();
    let excerpt = e.excerpt.trim();
    if matched.is_empty() || excerpt.starts_with('…') || excerpt.ends_with('…') {
        return None;
    }
    let lower = excerpt.to_lowercase();
    // Lower-casing can change byte lengths; only positions that agree are used.
    if lower.len() != excerpt.len() {
        return None;
    }
    let start = lower
        .match_indices(&matched.to_lowercase())
        .find_map(|(i, _)| {
            let before_ok = !excerpt[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            before_ok.then_some(i)
        })?;
    let mut end = start + matched.len();
    // Extend over the rest of the name: words that start with a capital or a digit.
    loop {
        let rest = &excerpt[end..];
        let word_start = rest.len() - rest.trim_start_matches(' ').len();
        // «ISO/IEC 27001», «SQL-Server»: a slash or hyphen joins the name's parts.
        let joined = rest.len() > 1
            && rest.starts_with(['/', '-'])
            && rest[1..].chars().next().is_some_and(char::is_alphanumeric);
        if word_start == 0
            && !rest.is_empty()
            && (joined || rest.chars().next().is_some_and(char::is_alphanumeric))
        {
            // Still inside the matched word («microsoft» in «Microsofts»).
            let skip = usize::from(joined);
            let word_len = rest[skip..]
                .find(|c: char| !c.is_alphanumeric() && c != '-')
                .map_or(rest.len(), |i| i + skip);
            end += word_len;
            continue;
        }
        let next = &rest[word_start..];
        let starts_name = next
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if word_start == 0 || !starts_name {
            break;
        }
        let word_len = next
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '/')))
            .unwrap_or(next.len());
        // A sentence-ending dot is not part of the name.
        let word = next[..word_len].trim_end_matches('.');
        end += word_start + word.len();
    }
    Some(format!(
        "{} {}{}",
        &excerpt[..end],
        or_equivalent(lang),
        &excerpt[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Coverage;
    use crate::text::Modality;

    fn evidence(excerpt: &str, matched: &str) -> Evidence {
        Evidence {
            file: "a.md".into(),
            line: Some(1),
            column: Some(1),
            location: "1:1".into(),
            byte_offset: None,
            byte_length: None,
            section: String::new(),
            requirement_id: None,
            excerpt: excerpt.into(),
            coverage: Coverage::Violation,
            modality: Modality::Binding,
            matched: Some(matched.into()),
            fix: None,
            also_at: Vec::new(),
            review: false,
            type_legend: None,
            definition: None,
            place: None,
        }
    }

    #[test]
    fn equivalent_goes_after_the_whole_product_name() {
        let e = evidence(
            "Databasen skal være Microsoft SQL Server 2019. Den driftes av kommunen.",
            "microsoft",
        );
        assert_eq!(
            add_equivalent(&e, Lang::Nb).as_deref(),
            Some(
                "Databasen skal være Microsoft SQL Server 2019 eller tilsvarende. Den driftes av kommunen."
            )
        );
        let e = evidence("Løsningen skal bruke Gerica i hjemmetjenesten.", "gerica");
        assert_eq!(
            add_equivalent(&e, Lang::Nn).as_deref(),
            Some("Løsningen skal bruke Gerica eller tilsvarande i hjemmetjenesten.")
        );
    }

    #[test]
    fn a_name_joined_by_a_slash_is_one_name() {
        let e = evidence("Leverandøren skal følge ISO/IEC 27001 i driften.", "iso");
        assert_eq!(
            add_equivalent(&e, Lang::Nb).as_deref(),
            Some("Leverandøren skal følge ISO/IEC 27001 eller tilsvarende i driften.")
        );
    }

    #[test]
    fn a_cut_excerpt_gets_no_fix() {
        let e = evidence("…skal bruke Gerica i hjemmetjenesten.", "gerica");
        assert_eq!(add_equivalent(&e, Lang::Nb), None);
    }

    #[test]
    fn placeholders_are_split_and_shown() {
        assert_eq!(
            placeholder_parts("krav i [[bilag X]] og [[99,5]] %"),
            vec![
                ("krav i ", false),
                ("bilag X", true),
                (" og ", false),
                ("99,5", true),
                (" %", false)
            ]
        );
        assert_eq!(plain("i [[bilag X]]."), "i ⟨bilag X⟩.");
        assert_eq!(plain("ingen [[ lukking"), "ingen [[ lukking");
    }
}
