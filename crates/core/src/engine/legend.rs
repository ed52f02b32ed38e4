//! The tender's own type legend: what the codes of its type column mean.
//!
//! Tenders define their requirement codes themselves, in a table («Kravkode |
//! Beskrivelse»: A = must be met at the deadline, V = vurderingskrav evaluated in
//! the award criteria, AV = both) or a list («A – absolutt krav»). What the tender
//! says a code means decides a row's type before the built-in code list does: AV,
//! which no built-in list knows, binds because it must be met; V, evaluated only,
//! is weak. A legend in one file applies to all files of the tender.
//!
//! The legend is gathered in one cheap pass over the tender's blocks before any
//! stretch is prepared (a table's header is looked at once, a paragraph only when
//! it starts like «A –»), so it holds wherever in the tender it is written. The
//! shapes of the tender's tables are read with it ([`super::forms`]): a type column
//! is recognised by the codes the legend defines.

mod running_text;

use super::forms::TableShapes;
use crate::document::{Block, BlockKind, Document};
use crate::text::{Modality, normalize};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The codes a tender defines, in the order it defines them, and the shapes of its
/// tables read with them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeLegend {
    entries: Vec<Arc<LegendEntry>>,
    /// By document path.
    shapes: Vec<(PathBuf, TableShapes)>,
}

/// One code the tender defines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendEntry {
    /// Normalised (lower case), as type cells are compared.
    pub code: String,
    /// The code as the tender writes it.
    pub written: String,
    /// What a row typed with the code demands, read from its definition (a must or a should).
    pub modality: Modality,
    /// What the tender says the code means, as written.
    pub definition: String,
    /// Where: file and location.
    pub file: String,
    /// Where in the file the legend defines it.
    pub location: String,
}

impl LegendEntry {
    /// One line for evidence: «AV» = … (file ¶ 80, table 1 row 4 column 1).
    pub fn describe(&self) -> String {
        const WIDTH: usize = 120;
        let mut definition: String = self.definition.chars().take(WIDTH).collect();
        if definition.len() < self.definition.len() {
            definition.push('…');
        }
        format!(
            "«{}» per the tender's legend: {} ({}:{})",
            self.written, definition, self.file, self.location
        )
    }
}

impl TypeLegend {
    /// The legend the tender's documents define together.
    pub fn gather(docs: &[Document]) -> TypeLegend {
        let mut legend = TypeLegend::default();
        for doc in docs {
            legend.gather_document(doc);
        }
        // Only once every code is known: a type column is recognised by them.
        let shapes = docs
            .iter()
            .map(|doc| (doc.path.clone(), TableShapes::gather(doc, &legend)))
            .collect();
        legend.shapes = shapes;
        legend
    }

    /// The shapes of a document's tables, if the legend was gathered with it.
    pub(crate) fn shapes_of(&self, path: &Path) -> Option<&TableShapes> {
        self.shapes.iter().find(|(p, _)| p == path).map(|(_, s)| s)
    }

    /// The tender defines no type codes.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry for a type cell's normalised text, when the tender defines it.
    pub fn lookup(&self, type_cell: &str) -> Option<&Arc<LegendEntry>> {
        if self.entries.is_empty() {
            return None;
        }
        let code = type_cell.trim_matches(|c: char| !c.is_alphanumeric());
        self.entries.iter().find(|e| e.code == code)
    }

    fn gather_document(&mut self, doc: &Document) {
        // The legend columns of the table being read, found once per header.
        let mut header: Option<(Arc<[String]>, LegendColumns)> = None;
        let file = doc.path.display().to_string();
        // The list item before defined a code: its siblings are the legend's lines.
        let mut in_a_legend_list = false;
        for block in &doc.blocks {
            let is_item = matches!(block.kind, BlockKind::ListItem { .. });
            in_a_legend_list &= is_item;
            match &block.kind {
                BlockKind::TableRow(row) => {
                    if row.is_header {
                        continue;
                    }
                    let columns = match &header {
                        Some((h, columns)) if Arc::ptr_eq(h, &row.header) => *columns,
                        _ => {
                            let columns = legend_columns(&row.header);
                            header = Some((row.header.clone(), columns));
                            columns
                        }
                    };
                    if let Some((code, definition)) = columns
                        && let (Some(code), Some(definition)) =
                            (block.cell(code), block.cell(definition))
                    {
                        self.define(code, definition, block, &file, false);
                    }
                }
                BlockKind::Paragraph | BlockKind::ListItem { .. } => {
                    in_a_legend_list = self.gather_running_text(block, &file, in_a_legend_list);
                }
                _ => {}
            }
        }
    }

    /// The codes a paragraph, list item or footnote defines. A code counts when the
    /// text names it as a requirement type («Type O = …»), when its definition names
    /// a requirement («A – absolutt krav»), or when the text defines two codes or more
    /// («O = obligatory, W = weighted») or is an item of a list whose item before
    /// defined one: a line of «NB: …» or «A: Ja» is no legend. Whether it defined one.
    fn gather_running_text(&mut self, block: &Block, file: &str, in_a_legend_list: bool) -> bool {
        let found = running_text::definitions(&block.text);
        if found.is_empty() {
            return false;
        }
        let mut defined = false;
        let with_meaning = found
            .iter()
            .filter(|d| definition_modality(&normalize(d.definition).text).is_some())
            .count();
        for d in found {
            let legend_like = d.introduced || with_meaning >= 2 || in_a_legend_list;
            if legend_like || names_a_requirement(d.definition) {
                defined |= self.define(d.code, d.definition, block, file, true);
            }
        }
        defined
    }

    fn define(
        &mut self,
        written: &str,
        definition: &str,
        block: &Block,
        file: &str,
        upper_case_only: bool,
    ) -> bool {
        let written = written.trim();
        if !is_code(written, upper_case_only) {
            return false;
        }
        let Some(modality) = definition_modality(&normalize(definition).text) else {
            return false;
        };
        let code = normalize(written).text;
        // The first definition of a code holds.
        if self.entries.iter().any(|e| e.code == code) {
            return true;
        }
        self.entries.push(Arc::new(LegendEntry {
            code,
            written: written.to_string(),
            modality,
            definition: definition
                .trim()
                .replace(crate::document::CELL_SEPARATOR, " "),
            file: file.to_string(),
            location: block.location.display(),
        }));
        true
    }
}

/// A legend table's code and definition columns, if it is one.
type LegendColumns = Option<(usize, usize)>;

/// The code and definition columns of a legend table's header: a code-like title
/// («Kravkode», «Kode», «Type») beside a description-like one («Beskrivelse»,
/// «Forklaring», «Betydning»).
pub(crate) fn legend_columns(header: &[String]) -> LegendColumns {
    if !(2..=3).contains(&header.len()) {
        return None;
    }
    let titles: Vec<String> = header
        .iter()
        .map(|h| {
            normalize(h)
                .text
                .trim_end_matches(['.', ':'])
                .trim()
                .to_string()
        })
        .collect();
    let code = titles.iter().position(|t| {
        [
            "kravkode",
            "kode",
            "code",
            "kravtype",
            "krav type",
            "type",
            "kategori",
            "category",
            "forkortelse",
            "abbreviation",
        ]
        .iter()
        .any(|p| {
            t.strip_prefix(p)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
    })?;
    let definition = titles.iter().enumerate().position(|(i, t)| {
        i != code
            && [
                "beskrivelse",
                "skildring",
                "forklaring",
                "betydning",
                "tyding",
                "definisjon",
                "description",
                "meaning",
                "definition",
            ]
            .iter()
            .any(|p| t.starts_with(p))
    })?;
    // Any other column is a note, not the requirement text or id of a requirement
    // table whose category column happens to sit beside a description.
    let other_is_requirement = titles.iter().enumerate().any(|(i, t)| {
        i != code
            && i != definition
            && ["krav", "requirement", "id", "nr", "nummer"]
                .iter()
                .any(|p| t.starts_with(p))
    });
    (!other_is_requirement).then_some((code, definition))
}

/// Whether a written code can be one: one to four letters (capitals only where the
/// text around it is running text), or one digit («Kravtype 1»).
fn is_code(written: &str, upper_case_only: bool) -> bool {
    let count = written.chars().count();
    let letters = (1..=4).contains(&count)
        && written.chars().all(char::is_alphabetic)
        && (!upper_case_only || written.chars().all(char::is_uppercase));
    let digit = count == 1 && written.chars().all(|c| c.is_ascii_digit());
    letters || digit
}

/// Whether a line's definition is about requirements («absolutt krav»,
/// «vurderingskrav»), as a legend's are; «NB: …» and «A: …» answers are not.
fn names_a_requirement(definition: &str) -> bool {
    let d = definition.to_lowercase();
    ["krav", "requirement", "kriter", "criteri"]
        .iter()
        .any(|w| d.contains(w))
}

/// What a definition says a code means: binding when the requirement must be met
/// (AV, «both a minimum requirement and evaluated», binds), an option, or weak when
/// it is only evaluated or wished for; `None` when it says neither.
pub(crate) fn definition_modality(definition: &str) -> Option<Modality> {
    const BINDING: &[&str] = &[
        "absolutt",
        "minimumskrav",
        "minstekrav",
        "må være oppfylt",
        "må vere oppfylt",
        "må være oppfylte",
        "skal være oppfylt",
        "skal vere oppfylt",
        "må oppfylles",
        "skal oppfylles",
        "må oppfyllast",
        "skal oppfyllast",
        "må tilfredsstilles",
        "skal tilfredsstilles",
        "obligatorisk",
        "ufravikelig",
        "ufråvikeleg",
        "kvalifikasjonskrav",
        "skal-krav",
        "skalkrav",
        "må-krav",
        "påkrevd",
        "påkravd",
        "avvis",
        "mandatory",
        "obligatory",
        "compulsory",
        "minimum requirement",
        "absolute",
        "must be met",
        "must be fulfilled",
        "must be complied",
        "must have",
        "shall be met",
        "shall be fulfilled",
        "rejected",
    ];
    // Not «optional», which is a wish.
    const OPTION: &[&str] = &["opsjon", "option ", "options", "option,", "option)"];
    const WEAK: &[&str] = &[
        "vurderingskrav",
        "evalueringskrav",
        "tildelingskrit",
        "evalueres",
        "evaluerast",
        "vurderes",
        "vurderast",
        "vektes",
        "vektast",
        "vektet",
        "ønskekrav",
        "ønskelig",
        "ønskjeleg",
        "bør",
        "vektlegg",
        "vekta",
        "poeng",
        "bør-krav",
        "børkrav",
        "ønske",
        "ynskje",
        "valgfri",
        "valfri",
        "award criteri",
        "evaluated",
        "weighted",
        "scored",
        "assessed",
        "desirable",
        "preferred",
        "optional",
        "nice to have",
        "could have",
        "should",
    ];
    if has_marker(definition, BINDING) {
        Some(Modality::Binding)
    } else if has_marker(&format!("{definition} "), OPTION) {
        Some(Modality::Option)
    } else if has_marker(definition, WEAK) {
        Some(Modality::Should)
    } else {
        None
    }
}

/// Whether a marker starts a word of the text and no «ikke» comes just before it.
fn has_marker(text: &str, markers: &[&str]) -> bool {
    markers.iter().any(|m| {
        text.match_indices(m).any(|(at, _)| {
            let before = &text[..at];
            let starts_word = before
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let negated = before
                .split_whitespace()
                .rev()
                .take(2)
                .any(|w| matches!(w, "ikke" | "ikkje" | "not" | "no"));
            starts_word && !negated
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::markdown;
    use std::path::PathBuf;

    fn legend(md: &str) -> TypeLegend {
        TypeLegend::gather(&[markdown::read(PathBuf::from("t.md"), md)])
    }

    fn modality_of(l: &TypeLegend, code: &str) -> Option<Modality> {
        l.lookup(code).map(|e| e.modality)
    }

    #[test]
    fn a_legend_table_like_the_ssa_l_tender_defines_a_v_and_av() {
        let l = legend(
            "| Kravkode | Beskrivelse |\n|---|---|\n\
             | A | Krav som må være oppfylt ved tilbudsfrist (i dag). Leverandør må bekrefte at kravet er oppfylt. |\n\
             | V | Vurderingskrav, krav som inngår i tildelingskriteriene. Dersom ikke kravet oppfylles i dag skal det brukes svarkoder. |\n\
             | AV | Krav som er kategorisert som AV er både krav som må være oppfylt ved tilbudsfrist og vurderingskrav som inngår i tildelingskriteriene. |\n",
        );
        assert_eq!(modality_of(&l, "a"), Some(Modality::Binding));
        assert_eq!(modality_of(&l, "v"), Some(Modality::Should));
        assert_eq!(modality_of(&l, "av"), Some(Modality::Binding));
        assert_eq!(modality_of(&l, "m"), None);
        let av = l.lookup("av").unwrap();
        assert_eq!(av.written, "AV");
        assert!(
            av.describe()
                .starts_with("«AV» per the tender's legend: Krav som")
        );
        assert!(av.describe().ends_with("(t.md:5:1)"), "{}", av.describe());
    }

    #[test]
    fn a_legend_list_defines_codes() {
        let l = legend(
            "Kravene er merket slik:\n\n- A – absolutt krav\n- B: bør-krav som evalueres\n- O = opsjonskrav\n- E-resept skal støttes\n\nV: Ja, det vurderes.\n",
        );
        assert_eq!(modality_of(&l, "a"), Some(Modality::Binding));
        assert_eq!(modality_of(&l, "b"), Some(Modality::Should));
        assert_eq!(modality_of(&l, "o"), Some(Modality::Option));
        assert_eq!(modality_of(&l, "e"), None);
        // An answer line names no requirement type.
        assert_eq!(modality_of(&l, "v"), None);
    }

    #[test]
    fn tables_and_lines_that_are_no_legend_define_nothing() {
        // A requirement table with a category beside a description.
        assert!(
            legend("| Kategori | Krav | Beskrivelse |\n|---|---|---|\n| A | x | Absolutt krav |\n")
                .is_empty()
        );
        // A requirement table: no description column.
        assert!(
            legend("| Krav-ID | Kravtekst | Type |\n|---|---|---|\n| A | Absolutt krav | M |\n")
                .is_empty()
        );
        // A glossary row whose term is no code, and one whose text defines no type.
        assert!(
            legend("| Forkortelse | Forklaring |\n|---|---|\n| HelseID | Absolutt krav |\n| KJ | Kjernejournal |\n")
                .is_empty()
        );
        assert!(
            legend("NAV – Arbeids- og velferdsetaten.\n\nDette er ikke absolutt.\n").is_empty()
        );
        assert!(
            legend("V – ikke absolutt krav\n")
                .lookup("v")
                .is_none_or(|e| e.modality != Modality::Binding)
        );
    }

    #[test]
    fn codes_named_in_running_text_are_defined() {
        let l = legend(
            "Krav av type K må oppfylles for at tilbudet skal kunne vurderes. Krav av type P er \
             poengsatte krav som vektes under kvalitet.\n",
        );
        assert_eq!(modality_of(&l, "k"), Some(Modality::Binding));
        assert_eq!(modality_of(&l, "p"), Some(Modality::Should));
        assert!(legend("Kravtype skal angis for hvert krav.\n").is_empty());
        assert!(
            legend("Strategien 2025–2028 peikar på kunstig intelligens (KI) i helsa.\n").is_empty()
        );
    }

    #[test]
    fn the_first_definition_of_a_code_holds() {
        let l = legend("- A – absolutt krav\n\nA: vurderes\n");
        assert_eq!(modality_of(&l, "a"), Some(Modality::Binding));
    }
}
