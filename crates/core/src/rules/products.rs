//! Named products in a statement, beyond any list a rule writes out (HYG-001).
//!
//! Three ways a product is found, all anchored on hits of the rule set's one
//! automaton, so a block without a candidate costs nothing more:
//!
//! - a vendor from `rules/gazetteers/vendors.txt`, with the capitalised words that
//!   follow it («Microsoft SharePoint Online», «IBM MQ», «Samsung Galaxy»);
//! - a product from `rules/gazetteers/products.txt` («PostgreSQL», «Qlik Sense»);
//! - an unknown capitalised name right after a word that introduces a product
//!   («basert på», «benytte», «via», «using» …) that is not a Norwegian word
//!   ([`crate::text::wordlist`]), not a name that is never a brand
//!   (`rules/gazetteers/not-brands.txt`: Kjernejournal, Helsenorge, HelseID …) and
//!   not a place or organisation («Fjellstrand kommune»).
//!
//! A name written in quotes («Vendrix») is how a tender marks a term it defines: the
//! quote mark stands where the name would begin, so no candidate is read there.

use crate::text::normalize::{Normalized, is_word_char, normalize_term};
use std::sync::OnceLock;

const VENDORS: &str = include_str!("../../../../rules/gazetteers/vendors.txt");
const PRODUCTS: &str = include_str!("../../../../rules/gazetteers/products.txt");
const NOT_BRANDS: &str = include_str!("../../../../rules/gazetteers/not-brands.txt");

/// The most capitalised words a product name takes after its first («Microsoft
/// Dynamics 365 Business Central»).
const MAX_EXTRA_WORDS: usize = 4;

/// Names of one gazetteer, as written (one a line, `#` comments).
pub(crate) fn names(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('*'))
}

pub(crate) fn vendors() -> impl Iterator<Item = &'static str> {
    names(VENDORS)
}

pub(crate) fn products() -> impl Iterator<Item = &'static str> {
    names(PRODUCTS)
}

/// Normalised names that are never brands, and the words after a name that make
/// it a place or an organisation; sorted for binary search. Built on first use
/// (about a hundred short strings).
struct NotBrands {
    names: Vec<String>,
    followers: Vec<String>,
}

fn not_brands() -> &'static NotBrands {
    static LISTS: OnceLock<NotBrands> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut names: Vec<String> = names(NOT_BRANDS).map(normalize_term).collect();
        let mut followers: Vec<String> = NOT_BRANDS
            .lines()
            .filter_map(|l| l.trim().strip_prefix('*'))
            .map(normalize_term)
            .collect();
        names.sort();
        names.dedup();
        followers.sort();
        followers.dedup();
        NotBrands { names, followers }
    })
}

/// Whether a normalised name is never a brand.
pub(super) fn is_never_a_brand(normalized: &str) -> bool {
    not_brands()
        .names
        .binary_search_by(|n| n.as_str().cmp(normalized))
        .is_ok()
}

/// What an automaton hit of a product-finding pattern is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub(super) enum Anchor {
    /// A gazetteer name (vendor or product): the product starts here.
    Name,
    /// A word that introduces a product: the product, if any, is the next word.
    After,
}

/// The byte range (in the normalised text) of the product an anchor hit points
/// at, or `None` when there is none.
pub(super) fn product_at(
    anchor: Anchor,
    normalized: &Normalized,
    original: &str,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let text = normalized.text.as_str();
    match anchor {
        Anchor::Name => {
            let written = original.get(normalized.original_range(start..end))?;
            if !written.chars().any(char::is_uppercase) {
                return None;
            }
            let product_end = extend(normalized, original, end);
            if is_a_counterparts_system(text, start, product_end) {
                return None;
            }
            Some((start, product_end))
        }
        Anchor::After => {
            // The next word, after exactly one space (the normalised text has
            // single spaces): a quote mark or a bracket there is not a name.
            let word_start = end + 1;
            if text.as_bytes().get(end) != Some(&b' ') {
                return None;
            }
            let word_end = word_end(text, word_start)?;
            let word = &text[word_start..word_end];
            let written = original.get(normalized.original_range(word_start..word_end))?;
            if !is_name(written) || word.chars().count() < 3 {
                return None;
            }
            // Short all-capital words are abbreviations and standards (FHIR, REST,
            // XML); the vendors among them (IBM, SAP) are in the gazetteer.
            if written.chars().count() <= 5 && !written.chars().any(char::is_lowercase) {
                return None;
            }
            let product_end = extend(normalized, original, word_end);
            let lists = not_brands();
            // «Digdirs», «Helsenorges»: the genitive of a name is the name.
            let stem = word.strip_suffix('s').filter(|s| s.len() >= 3);
            if is_never_a_brand(word)
                || stem.is_some_and(is_never_a_brand)
                || is_never_a_brand(&text[word_start..product_end])
            {
                return None;
            }
            if let Some(next) = next_word(text, product_end)
                && lists
                    .followers
                    .binary_search_by(|f| f.as_str().cmp(next))
                    .is_ok()
            {
                return None;
            }
            if crate::text::wordlist::is_norwegian_word(written) {
                return None;
            }
            Some((word_start, product_end))
        }
    }
}

/// Words before a name that make it a system another party already runs, named as the
/// counterpart the solution must work with (HYG-001's trap: «dagens system er X» is no
/// specification): a counterpart's genitive, «dagens», «eksisterende». The buyer's own
/// systems («kommunens Azure AD») are not among them: a requirement to work with them
/// names the brand the buyer chose, and wants «eller tilsvarende».
const OWNERS: &[&str] = &[
    "sykehusets",
    "sjukehusets",
    "helseforetakets",
    "foretakets",
    "fastlegens",
    "dagens",
    "eksisterende",
    "eksisterande",
    "nåværende",
    "noverande",
    "existing",
    "current",
];

/// Whether the product at `start..end` of a normalised text is a system another party
/// already runs: an owner word before it (also "the hospital's"), or «ved»/«hos»/"at"
/// a named place after it («DIPS ved Kvitsund sykehus»).
fn is_a_counterparts_system(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let owner = before
        .rsplit(' ')
        .next()
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .unwrap_or("");
    OWNERS.contains(&owner)
        || before.ends_with("hospital's")
        || next_word(text, end).is_some_and(|w| matches!(w, "ved" | "hos" | "at"))
}

/// A name is written with a capital: «Vendrix», «PostgreSQL», «iPhone».
fn is_name(written: &str) -> bool {
    let mut chars = written.chars();
    let first = chars.next();
    first.is_some_and(char::is_uppercase)
        || (first.is_some_and(char::is_lowercase) && chars.any(char::is_uppercase))
}

/// Where the word starting at `at` ends, if a word starts there.
fn word_end(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let len: usize = rest
        .chars()
        .take_while(|&c| is_word_char(c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then_some(at + len)
}

/// The word after `at` (past one space), normalised.
fn next_word(text: &str, at: usize) -> Option<&str> {
    if text.as_bytes().get(at) != Some(&b' ') {
        return None;
    }
    let end = word_end(text, at + 1)?;
    text.get(at + 1..end)
}

/// Extends a product name over the capitalised words (and version numbers) that
/// follow it: «Microsoft» → «Microsoft SharePoint Online», «Windows» → «Windows 11».
fn extend(normalized: &Normalized, original: &str, mut end: usize) -> usize {
    let text = normalized.text.as_str();
    for _ in 0..MAX_EXTRA_WORDS {
        if text.as_bytes().get(end) != Some(&b' ') {
            break;
        }
        let Some(next_end) = word_end(text, end + 1) else {
            break;
        };
        let Some(written) = original.get(normalized.original_range(end + 1..next_end)) else {
            break;
        };
        let version = written.chars().all(|c| c.is_ascii_digit()) && written.len() <= 4;
        if !(is_name(written) || version) {
            break;
        }
        end = next_end;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    fn after(text: &str, trigger: &str) -> Option<String> {
        let n = normalize(text);
        let start = n.text.find(trigger)?;
        let (s, e) = product_at(Anchor::After, &n, text, start, start + trigger.len())?;
        Some(n.text[s..e].to_string())
    }

    #[test]
    fn an_unknown_capitalised_name_after_a_product_word_is_a_product() {
        assert_eq!(
            after("Løsningen skal være basert på Vendrix Flow.", "basert på").as_deref(),
            Some("vendrix flow")
        );
        assert_eq!(
            after(
                "Løysinga skal byggjast på Quorvex 7 med API.",
                "byggjast på"
            )
            .as_deref(),
            Some("quorvex 7")
        );
    }

    #[test]
    fn national_services_words_places_and_abbreviations_are_not_products() {
        for (text, trigger) in [
            ("Pålogging skal skje via HelseID.", "via"),
            ("Løsningen skal samhandle med Helsenorge.", "med"),
            (
                "Løsningen skal integreres med Kjernejournal og e-resept.",
                "med",
            ),
            ("Avtalen skal inngås med Leverandøren.", "med"),
            ("Løsningen skal deles med Fjellstrand kommune.", "med"),
            ("Grensesnittet skal være basert på FHIR.", "basert på"),
            (
                "Løsningen skal benytte «Vendrix» slik det er definert i kapittel 2.",
                "benytte",
            ),
            ("Data skal leveres via Maskinporten.", "via"),
            ("Meldinger skal sendes med Helsenett SSA-D.", "med"),
            ("Searching shall work using Norwegian characters.", "using"),
            ("Signering skal skje via Digdirs signeringstjeneste.", "via"),
        ] {
            assert_eq!(after(text, trigger), None, "{text}");
        }
    }

    #[test]
    fn gazetteer_names_need_a_capital_and_take_the_words_after_them() {
        let text = "Løsningen skal bruke Microsoft SharePoint Online for dokumenter.";
        let n = normalize(text);
        let start = n.text.find("microsoft").unwrap();
        let (s, e) = product_at(Anchor::Name, &n, text, start, start + 9).unwrap();
        assert_eq!(&n.text[s..e], "microsoft sharepoint online");
        let lower = "vi deler ut oracle-kort";
        let n = normalize(lower);
        let start = n.text.find("oracle").unwrap();
        assert_eq!(product_at(Anchor::Name, &n, lower, start, start + 6), None);
    }

    #[test]
    fn a_system_another_party_runs_is_named_not_specified() {
        let owned = |text: &str, name: &str| {
            let at = text.find(name).unwrap_or(0);
            is_a_counterparts_system(text, at, at + name.len())
        };
        assert!(owned("epikriser fra dips ved kvitsund sykehus", "dips"));
        assert!(owned("data fra dagens gerica skal konverteres", "gerica"));
        assert!(owned("results from the hospital's dips", "dips"));
        assert!(!owned("løsningen skal bruke dips for alt", "dips"));
        assert!(!owned("logge inn med kommunens azure ad", "azure"));
    }

    #[test]
    fn gazetteers_do_not_list_what_is_never_a_brand() {
        for name in vendors().chain(products()) {
            assert!(!is_never_a_brand(&normalize_term(name)), "{name}");
        }
    }
}
