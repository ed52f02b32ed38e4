//! The words tables use as column titles («Krav-ID», «Kravtekst», «Type», «Vekt»,
//! «Leverandørens svar» …, in bokmål, nynorsk and English). The engine reads a
//! requirement table's columns by them; the DOCX reader takes a first row that
//! reads as titles for the table's header. One vocabulary for both, so a table the
//! reader calls headed is one the engine can read.
//!
//! Every function takes a title as [`normalize`](super::normalize) gives it, with
//! a trailing «.» or «:» trimmed ([`title_key`]).

use super::normalize;

/// A cell's text as the title predicates take it.
pub fn title_key(cell: &str) -> String {
    normalize(cell)
        .text
        .trim()
        .trim_end_matches(['.', ':'])
        .trim()
        .to_string()
}

/// The requirement text column: «Kravtekst», «Krav», «Requirement».
pub fn is_requirement_text_title(h: &str) -> bool {
    h.starts_with("kravtekst") || h.starts_with("krav") || h.starts_with("requirement")
}

/// The column naming each option of a table of options: «Opsjon», «Opsjoner»,
/// «Opsjon nr.», "Option". Each row of such a table is an option, whatever its cells say.
pub(crate) fn is_option_title(h: &str) -> bool {
    let first = h.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    matches!(
        first,
        "opsjon" | "opsjoner" | "opsjonar" | "opsjonene" | "opsjonane" | "option" | "options"
    )
}

/// The term column of a glossary: «Begrep», «Forkortelse», «Definisjon».
pub(crate) fn is_glossary_title(h: &str) -> bool {
    [
        "begrep",
        "forkort",
        "definisjon",
        "definition",
        "abbreviation",
        "glossary",
        "uttrykk",
        "term",
    ]
    .iter()
    .any(|g| h.starts_with(g))
}

/// Titles of descriptive columns that name no role of their own: «Beskrivelse»,
/// «Merknad», «Tema», and one-word compounds ending in such a title
/// («Endringsnr», «Ikraftsettelsesdato», «Arkivreferanse»).
fn is_descriptive_title(h: &str) -> bool {
    let compound = !h.contains(' ')
        && [
            "nr",
            "nummer",
            "dato",
            "referanse",
            "beskrivelse",
            "tekst",
            "navn",
            "type",
        ]
        .iter()
        .any(|tail| h.len() > tail.len() + 2 && h.ends_with(tail));
    compound
        || matches!(
            h,
            "beskrivelse"
                | "skildring"
                | "description"
                | "tekst"
                | "text"
                | "merknad"
                | "merknader"
                | "note"
                | "notes"
                | "tema"
                | "emne"
                | "topic"
                | "område"
                | "kategori"
                | "category"
                | "funksjon"
                | "function"
                | "navn"
                | "name"
                | "spørsmål"
                | "question"
                | "kapittel"
                | "punkt"
                | "forklaring"
                | "innhold"
                | "kilde"
                | "status"
                | "dato"
                | "date"
                | "versjon"
                | "version"
                | "ansvar"
                | "ansvarlig"
        )
}

/// Whether a cell reads as a column title of some table (a role the engine knows,
/// or a plain descriptive title). Titles are short: a sentence is never one.
pub(crate) fn is_column_title(h: &str) -> bool {
    if h.is_empty() || h.split_whitespace().count() > 4 {
        return false;
    }
    is_id_header(h)
        || is_type_header(h)
        || is_answer_or_weight_header(h)
        || is_requirement_text_title(h)
        || is_glossary_title(h)
        || is_descriptive_title(h)
}

/// An id column: «Krav-ID», «Nr», «Ref.nr».
pub(crate) fn is_id_header(h: &str) -> bool {
    matches!(
        h,
        "id" | "nr" | "#" | "nummer" | "ref" | "ref.nr" | "løpenr" | "no"
    ) || [
        "krav-id",
        "kravid",
        "krav id",
        "kravnr",
        "krav nr",
        "kravnummer",
        "krav-nr",
        "requirement id",
        "req id",
        "req. id",
        "req-id",
        "id-nr",
        "id nr",
    ]
    .iter()
    .any(|p| h.starts_with(p))
}

/// A type column: «Type», «M/E», «Skal/bør», «Minstekrav», «Prioritet».
pub(crate) fn is_type_header(h: &str) -> bool {
    h.contains("type")
        || [
            "må/bør",
            "skal/bør",
            "m/e",
            "m/b",
            "m/ø",
            "a/e",
            "a/b",
            "minstekrav/",
            "mk/ek",
            "mandatory/",
        ]
        .iter()
        .any(|p| h.contains(p))
        || matches!(
            h,
            "m/e" | "kategori (m/e)" | "minstekrav" | "absolutt" | "prioritet" | "priority"
        )
        || h.contains("moscow")
        || names_its_codes(h)
}

/// A header made of the codes its cells hold, joined by «/»: «Krav/Ønske», «Krav/Ønske/Info»,
/// "Must/Should/Could", «Skal/Bør». Each part must be a type word, so «Krav/Dokumentasjon»
/// and «Ja/Nei» stay other columns.
fn names_its_codes(h: &str) -> bool {
    h.contains('/')
        && h.split('/')
            .all(|part| super::type_cells::classify_type_cell(part.trim()).is_some())
}

/// A column that says why a requirement is there or where it comes from
/// («Begrunnelse», «Kilde»): explanation, which mentions other topics in passing
/// and must not become part of the requirement. Whole headers only, so that
/// «Kildesystem» stays content.
pub(crate) fn is_explanation_header(h: &str) -> bool {
    matches!(
        h,
        "begrunnelse"
            | "grunngjeving"
            | "grunngiving"
            | "rationale"
            | "justification"
            | "kilde"
            | "kilder"
            | "kjelde"
            | "kjelder"
            | "source"
            | "sources"
    )
}

/// A column for the vendor's answer, a weight or a price: «Leverandørens svar», «Vekt».
pub(crate) fn is_answer_or_weight_header(h: &str) -> bool {
    [
        "vekt",
        "weight",
        "poeng",
        "score",
        "svar",
        "response",
        "besvarelse",
        "leverandørens",
        "leverandøren sitt",
        "leverandøren si",
        "tilbyders",
        "tilbydars",
        "referanse til",
        "kommentar",
        "comment",
        "oppfylt",
        "ja/nei",
        "yes/no",
        "pris",
        "price",
        "dokumentasjon",
        "compliance",
    ]
    .iter()
    .any(|p| starts_a_word_in(h, p))
}

/// Whether `p` occurs in `h` at its start or after a space or «(»: «vekt», «(vekt)»,
/// «leverandørens svar».
/// Looked at where a word may start rather than searched for: a substring searcher
/// set up for each of a tender's header cells cost more than the test itself.
pub(crate) fn starts_a_word_in(h: &str, p: &str) -> bool {
    let (h, p) = (h.as_bytes(), p.as_bytes());
    h.starts_with(p)
        || h.iter()
            .enumerate()
            .any(|(i, b)| matches!(b, b' ' | b'(') && h[i + 1..].starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_word_is_found_where_the_old_search_found_it() {
        let headers = [
            "vekt",
            "(vekt)",
            "kravets vekt",
            "ekvekt",
            "leverandørens svar",
            "svar fra leverandøren sitt",
            "aa aab",
            "øvekt vekt",
            "",
        ];
        for h in headers {
            for p in [
                "vekt",
                "svar",
                "leverandøren sitt",
                "aab",
                "ab",
                "vekt vekt",
            ] {
                let old = h.starts_with(p)
                    || h.contains(&format!(" {p}"))
                    || h.contains(&format!("({p}"));
                assert_eq!(starts_a_word_in(h, p), old, "{h:?} {p:?}");
            }
        }
    }

    #[test]
    fn titles_are_recognised_in_three_languages_and_sentences_are_not() {
        for title in [
            "Krav-ID",
            "Kravtekst",
            "Type",
            "Vekt (%)",
            "Leverandørens svar",
            "Leverandøren sitt svar",
            "Requirement ID",
            "Description",
            "Skildring",
            "Nr.",
            "Endringsnr.",
            "Ikraftsettelsesdato",
        ] {
            assert!(is_column_title(&title_key(title)), "{title}");
        }
        for cell in [
            "K-3.1",
            "Løsningen skal være integrert med Kjernejournal",
            "M",
            "Tabell 3 Integrasjonskrav",
            "",
        ] {
            assert!(!is_column_title(&title_key(cell)), "{cell}");
        }
    }
}
