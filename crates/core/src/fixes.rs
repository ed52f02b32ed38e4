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
    let end = name_end(excerpt, start + matched.len());
    Some(format!(
        "{} {}{}",
        &excerpt[..end],
        or_equivalent(lang),
        &excerpt[end..]
    ))
}

/// Where the product name that a match starting before `end` is part of ends:
/// the rest of the token the match is in («ISO» in «ISO/IEC»), the capitalised
/// words or numbers that continue the name («Microsoft SQL Server 2019»), and
/// further names it is listed with («iPhone eller Android»), so that the phrase
/// goes after the whole name or list, never inside one.
fn name_end(excerpt: &str, mut end: usize) -> usize {
    end += token_len(&excerpt[end..]);
    loop {
        let rest = &excerpt[end..];
        let word_start = rest.len() - rest.trim_start_matches(' ').len();
        if word_start == 0 {
            // A list written with a comma: «Gerica, Profil og CosDoc».
            let Some(after_comma) = rest.strip_prefix(',') else {
                break;
            };
            let gap = after_comma.len() - after_comma.trim_start_matches(' ').len();
            let next = &after_comma[gap..];
            if gap == 0 || !starts_name(next) {
                break;
            }
            end += 1 + gap + token_len(next);
            continue;
        }
        let next = &rest[word_start..];
        if starts_name(next) {
            end += word_start + token_len(next);
            continue;
        }
        // A list: «iPhone eller Android», «Word og Excel», «Word / Excel».
        let connector = ["eller ", "og ", "or ", "and ", "/ "]
            .into_iter()
            .find(|c| next.starts_with(c));
        match connector {
            Some(c) if starts_name(&next[c.len()..]) => {
                end += word_start + c.len() + token_len(&next[c.len()..]);
            }
            _ => break,
        }
    }
    end
}

/// Whether a word continues or starts a product name: a capital letter in it
/// («Server», «iPhone») or a leading digit («2019»).
fn starts_name(text: &str) -> bool {
    let word = &text[..token_len(text)];
    word.starts_with(|c: char| c.is_ascii_digit()) || word.chars().any(char::is_uppercase)
}

/// The length of the token `text` starts with: up to the next space, without
/// the punctuation that ends a clause or sentence after it.
fn token_len(text: &str) -> usize {
    let token = &text[..text.find(char::is_whitespace).unwrap_or(text.len())];
    token
        .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '»', '"', '\''])
        .len()
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

    /// Issue 25: the phrase never splits a token or a list.
    #[test]
    fn equivalent_goes_after_a_whole_token_and_a_whole_list() {
        let fixed =
            |excerpt: &str, matched: &str| add_equivalent(&evidence(excerpt, matched), Lang::Nb);
        assert_eq!(
            fixed(
                "Leverandøren skal være sertifisert etter ISO/IEC 27001.",
                "iso"
            )
            .as_deref(),
            Some("Leverandøren skal være sertifisert etter ISO/IEC 27001 eller tilsvarende.")
        );
        assert_eq!(
            fixed("Appen skal kjøre på iPhone eller Android.", "iphone").as_deref(),
            Some("Appen skal kjøre på iPhone eller Android eller tilsvarende.")
        );
        assert_eq!(
            fixed(
                "Maler skal lages i Microsoft Word, Excel og PowerPoint i dag.",
                "microsoft"
            )
            .as_deref(),
            Some("Maler skal lages i Microsoft Word, Excel og PowerPoint eller tilsvarende i dag.")
        );
        assert_eq!(
            fixed("Løsningen skal bruke Gerica og kommunens arkiv.", "gerica").as_deref(),
            Some("Løsningen skal bruke Gerica eller tilsvarende og kommunens arkiv.")
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
