//! Forms recognised by their shape, not by a word: tables whose rows the vendor
//! fills in or reads as data (a price table, an answer template, an inventory of
//! today's systems), the type column of a requirement table found by its values,
//! and the state's standard contract texts (the DFØ data processing agreement,
//! the SSA general terms) recognised by their title lines.
//!
//! What is in a form binds nothing and violates nothing: a cell holding «12» in a
//! price table is no requirement without a type, «Microsoft SQL Server» in a list
//! of today's systems is no brand demanded, «tilstrekkelig beskyttelsesnivå» in
//! the standard agreement is the regulation's wording, not the buyer's. A word
//! alone never decides: «integrasjon» in a heading says nothing of the shape of
//! the text under it.
//!
//! The shapes are read in one pass over the tender's table rows before any
//! stretch is prepared (as the type legend is, whose codes the type column is
//! recognised by), from at most [`ROWS_READ`] body rows of each table, so every
//! stretch of a table reads it the same way.

use super::legend::TypeLegend;
use crate::document::{Block, BlockKind, Document};
use crate::text::column_titles::{
    is_answer_or_weight_header, is_id_header, is_option_title, is_requirement_text_title,
    is_type_header, starts_a_word_in, title_key,
};
use crate::text::{Modality, modality, normalize};
use std::collections::BTreeMap;

/// How many body rows of a table its shape is read from: enough for any table a
/// person lays out, bounded for a pasted export of thousands of rows.
const ROWS_READ: usize = 200;
/// How many columns of a row its shape is read from: no form a person lays out is
/// wider, and a hostile row of a million cells costs no more than this.
const COLUMNS_READ: usize = 64;

/// What a table is, when its shape says it is a form and not requirements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableForm {
    /// Prices, quantities and sums: every cell beside the row labels is an amount,
    /// a placeholder or empty.
    Prices,
    /// A template the vendor answers in: rows that hand the vendor the word
    /// («Konsulentens besvarelse»), or short labels beside answer columns.
    AnswerTemplate,
    /// Today's systems and their vendors or interfaces («System | Leverandør |
    /// Integrasjon»), with no requirement or type column.
    Inventory,
}

/// What the shape of one table says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TableShape {
    /// The column whose values are all type codes (the built-in ones or the
    /// tender's legend), when the header's words name no type column.
    pub type_column: Option<usize>,
    pub form: Option<TableForm>,
    /// The most cells a row of the table has.
    pub columns: usize,
    /// The first column holds ids («S-01», «K1», «4.2») on every filled row.
    pub ids_first: bool,
    /// The table stands under a heading naming qualification requirements
    /// («2 Kvalifikasjonskrav», "5 Qualification requirements").
    pub qualification: bool,
}

/// The shapes of one document's tables, by table number; tables whose shape says
/// nothing are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableShapes {
    tables: BTreeMap<u32, TableShape>,
}

impl TableShapes {
    /// Reads the shape of every table of a document, with the tender's legend.
    pub fn gather(doc: &Document, legend: &TypeLegend) -> TableShapes {
        let mut profiles: BTreeMap<u32, Profile> = BTreeMap::new();
        for block in &doc.blocks {
            let BlockKind::TableRow(row) = &block.kind else {
                continue;
            };
            let profile = profiles.entry(row.table).or_insert_with(|| {
                let mut profile = Profile::new(&row.header);
                profile.qualification = doc
                    .section_path(block.section)
                    .iter()
                    .any(|s| names_qualification_requirements(&s.title));
                profile
            });
            if !row.is_header && profile.rows < ROWS_READ {
                profile.add(block, row.cells.len(), legend);
            }
        }
        TableShapes {
            tables: profiles
                .into_iter()
                .map(|(table, profile)| (table, profile.shape()))
                .filter(|(_, shape)| {
                    shape.type_column.is_some() || shape.form.is_some() || shape.qualification
                })
                .collect(),
        }
    }

    /// The shape of table `table` (numbered as [`crate::document::TableRow::table`]).
    pub fn of(&self, table: u32) -> TableShape {
        self.tables.get(&table).copied().unwrap_or_default()
    }
}

/// What the body rows of one table hold, column by column.
struct Profile {
    /// Header titles as [`title_key`] gives them.
    titles: Vec<String>,
    rows: usize,
    /// The most cells a row has.
    widest: usize,
    /// The first [`COLUMNS_READ`] columns.
    columns: Vec<ColumnValues>,
    /// A row whose only text is an answer title: the vendor answers below it.
    answer_label_row: bool,
    qualification: bool,
    /// A title names a type column; a price title stands over a column.
    type_title: bool,
    price_title: bool,
}

#[derive(Debug, Clone, Copy, Default)]
struct ColumnValues {
    filled: usize,
    /// Cells that are one type code alone («M», «Bør», «AV» of the legend).
    codes: usize,
    /// Numbers, amounts, percentages and placeholders («12», «kr 1 200,-», «[fylles ut]»).
    amounts: usize,
    /// Cells of more than six words: sentences, not labels.
    long: usize,
    /// Cells that say something with a modal verb («skal», «bør», «Beskriv …»),
    /// counted up to one: only whether there is any is read.
    modal: usize,
    /// One short token with a digit: «S-01», «K1», «4.2».
    ids: usize,
}

impl Profile {
    fn new(header: &[String]) -> Profile {
        let titles: Vec<String> = header.iter().map(|h| title_key(h)).collect();
        Profile {
            type_title: titles.iter().any(|t| is_type_header(t)),
            price_title: titles.iter().any(|t| is_price_title(t)),
            titles,
            rows: 0,
            widest: 0,
            columns: Vec::new(),
            answer_label_row: false,
            qualification: false,
        }
    }

    fn add(&mut self, block: &Block, cells: usize, legend: &TypeLegend) {
        self.rows += 1;
        self.widest = self.widest.max(cells);
        let cells = cells.min(COLUMNS_READ);
        if self.columns.len() < cells {
            self.columns.resize(cells, ColumnValues::default());
        }
        let mut filled = Vec::new();
        let titles = (self.price_title, self.type_title);
        for (i, values) in self.columns.iter_mut().enumerate().take(cells) {
            let cell = block.cell(i).unwrap_or("").trim();
            if cell.is_empty() {
                continue;
            }
            filled.push(i);
            values.filled += 1;
            // Only one, more than one and more than six are told apart.
            let words = cell.split_whitespace().take(7).count();
            if words > 6 {
                values.long += 1;
            }
            if words == 1 && cell.len() <= 12 && cell.chars().any(|c| c.is_ascii_digit()) {
                values.ids += 1;
            }
            if is_amount_or_placeholder(cell) {
                values.amounts += 1;
                continue;
            }
            // Normalised once, when read: a code is looked up, a sentence read for its
            // modal verb while that could still change the shape.
            let modal_open = words > 1 && Profile::modal_open(titles.0, titles.1, values);
            if words != 1 && !modal_open {
                continue;
            }
            let norm = normalize(cell).text;
            // One word: «Krav type» in a title row that stands among the rows is no code.
            if words == 1
                && (legend.lookup(&norm).is_some()
                    || crate::text::type_cells::classify_type_cell(cell).is_some())
            {
                values.codes += 1;
            }
            if modal_open && modality::classify(&norm) != Modality::None {
                values.modal += 1;
            }
        }
        if let [only] = filled[..]
            && is_answer_title(&title_key(block.cell(only).unwrap_or("")))
        {
            self.answer_label_row = true;
        }
    }

    /// Whether a cell's modal verb could still change the table's shape: only
    /// whether a column holds any modal cell is read, by the price test (under a
    /// price title) and, when no title names a type column, beside the column's
    /// long cells (which answer the same question).
    fn modal_open(price_title: bool, type_title: bool, values: &ColumnValues) -> bool {
        values.modal == 0 && (price_title || (!type_title && values.long == 0))
    }

    fn shape(&self) -> TableShape {
        TableShape {
            type_column: self.type_column(),
            form: self.form(),
            columns: self.widest,
            ids_first: self
                .columns
                .first()
                .is_some_and(|v| v.filled > 0 && v.ids == v.filled),
            qualification: self.qualification,
        }
    }

    /// A column whose filled cells are all type codes, beside a column of text (long
    /// cells, or cells with a modal verb), when no title names a type column. The rightmost, where tables keep it.
    fn type_column(&self) -> Option<usize> {
        if self.titles.iter().any(|t| is_type_header(t)) {
            return None;
        }
        let text_elsewhere = |c: usize| {
            self.columns
                .iter()
                .enumerate()
                .any(|(i, v)| i != c && (v.long > 0 || v.modal > 0))
        };
        (0..self.columns.len()).rev().find(|&c| {
            let v = self.columns[c];
            let title = self.titles.get(c).map_or("", String::as_str);
            v.filled >= 2.min(self.rows)
                && v.filled > 0
                && v.codes == v.filled
                && !is_id_header(title)
                // Options are named «A», «B» too.
                && !is_option_title(title)
                && text_elsewhere(c)
        })
    }

    fn form(&self) -> Option<TableForm> {
        if self.answer_label_row {
            return Some(TableForm::AnswerTemplate);
        }
        let named_type = self.titles.iter().any(|t| is_type_header(t));
        let requirement_title = self
            .titles
            .iter()
            .any(|t| is_requirement_text_title(t) && !is_answer_or_weight_header(t));
        if self.is_price_table() {
            return Some(TableForm::Prices);
        }
        if named_type || requirement_title {
            return None;
        }
        // Numbered systems («I-1 | Helsenettet | Inn») are still a list of systems
        // while every cell is a short label that demands nothing (long cells are
        // not read for a modal verb, so a long one keeps the table a requirement table).
        let ids = self.titles.iter().any(|t| is_id_header(t));
        let labels_only = self.columns.iter().all(|v| v.modal == 0 && v.long == 0);
        if self.is_inventory() && (!ids || labels_only) {
            return Some(TableForm::Inventory);
        }
        if ids {
            return None;
        }
        // Labels beside the columns the vendor answers in.
        let answers: Vec<usize> = (0..self.titles.len())
            .filter(|&c| is_answer_title(&self.titles[c]))
            .collect();
        let labels_only = self
            .columns
            .iter()
            .enumerate()
            .filter(|(c, _)| !answers.contains(c))
            .all(|(_, v)| v.long == 0 && v.modal == 0);
        (!answers.is_empty() && labels_only && self.rows > 0).then_some(TableForm::AnswerTemplate)
    }

    /// A price title over the table, and beside the row labels (the first column
    /// with text) only amounts, placeholders or nothing; the labels say nothing
    /// with a modal verb.
    fn is_price_table(&self) -> bool {
        if self.rows == 0 || !self.titles.iter().any(|t| is_price_title(t)) {
            return false;
        }
        let label = self.columns.iter().position(|v| v.filled > v.amounts);
        self.columns.iter().enumerate().all(|(c, v)| {
            if Some(c) == label {
                v.modal == 0
            } else {
                v.amounts == v.filled
            }
        })
    }

    /// A column naming systems or products beside one naming their vendors,
    /// interfaces or the direction their data flows.
    fn is_inventory(&self) -> bool {
        const SYSTEM: &[&str] = &[
            "system",
            "fagsystem",
            "dagens system",
            "applikasjon",
            "program",
            "produkt",
            "application",
            "product",
            "software",
            "current system",
        ];
        const ABOUT_IT: &[&str] = &[
            "leverandør",
            "leverandor",
            "produsent",
            "vendor",
            "supplier",
            "integrasjon",
            "grensesnitt",
            "interface",
            "integration",
            "kobling",
            "protokoll",
            "meldingsformat",
            "retning",
            "direction",
            "dataflyt",
            "data flow",
        ];
        let system = self
            .titles
            .iter()
            .position(|t| SYSTEM.iter().any(|s| t.starts_with(s)));
        system.is_some_and(|s| {
            self.titles.iter().enumerate().any(|(i, t)| {
                i != s && !is_answer_title(t) && ABOUT_IT.iter().any(|p| t.starts_with(p))
            })
        })
    }
}

/// «Pris», «Enhetspris», «Totalpris pr. år», «Engangskost», «Antall», «Sum», «Beløp».
fn is_price_title(t: &str) -> bool {
    ["pris", "kost", "beløp", "price", "cost", "amount"]
        .iter()
        .any(|p| t.contains(p))
        || t.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w,
                "antall" | "sum" | "total" | "totalt" | "mva" | "quantity" | "qty" | "vat"
            )
        })
}

/// A column or row title that hands the vendor the word: «Leverandørens svar»,
/// «Konsulentens besvarelse», «Tilbyders svar», «Svar (Ja/Nei)», «Response».
fn is_answer_title(t: &str) -> bool {
    [
        "svar",
        "besvarelse",
        "response",
        "answer",
        "ja/nei",
        "yes/no",
    ]
    .iter()
    .any(|p| starts_a_word_in(t, p))
        || t.contains("besvarelse")
}

/// «12», «1 200», «kr 450,-», «25 %», «NOK 1,5 mill.», «-», «[fylles ut]», «…».
fn is_amount_or_placeholder(cell: &str) -> bool {
    let t = cell.trim();
    if t.starts_with('[') && t.ends_with(']') || t.starts_with('<') && t.ends_with('>') {
        return true;
    }
    let has_digit = t.chars().any(|c| c.is_ascii_digit());
    let only_dashes = t
        .chars()
        .all(|c| matches!(c, '-' | '–' | '—' | '.' | '…' | '_' | ' '));
    if only_dashes {
        return true;
    }
    has_digit
        && t.split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | '.' | '-' | '(' | ')' | '%' | ':'));
            w.is_empty()
                || w.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '%'))
                || matches!(
                    w.to_lowercase().as_str(),
                    "kr" | "nok"
                        | "eur"
                        | "mill"
                        | "mrd"
                        | "pr"
                        | "per"
                        | "eks"
                        | "inkl"
                        | "mva"
                        | "timer"
                        | "time"
                        | "t"
                        | "mnd"
                        | "år"
                        | "stk"
                        | "dager"
                        | "dag"
                )
        })
}

/// The title lines a standard contract text opens with: the DFØ data processing
/// agreement («Databehandleravtale» between the parties it names «Databehandler»
/// and «Behandlingsansvarlig»), and the general terms of the state's standard
/// agreements (a title page naming «Statens standardavtaler» and the parties the
/// agreement is made between, «heretter kalt Leverandøren»). The buyer's own bilag
/// («Bilag til SSA-O», «SSA-L Bilag 1 – Kundens kravspesifikasjon») and requirement
/// documents do not open so.
pub fn is_standard_contract_text(doc: &Document) -> bool {
    /// The title page and its first section: where the text says what it is.
    const OPENING: usize = 40;
    let opening: Vec<String> = doc
        .blocks
        .iter()
        .filter(|b| !b.text.trim().is_empty())
        .take(OPENING)
        .map(|b| normalize(&b.text).text)
        .collect();
    let Some(title) = opening.first() else {
        return false;
    };
    let title = title.trim().trim_end_matches(['.', ':']);
    let dpa = matches!(
        title,
        "databehandleravtale" | "databehandlaravtale" | "data processing agreement"
    ) && ["databehandler", "databehandlar", "processor"]
        .iter()
        .any(|p| opening.iter().skip(1).any(|l| l.contains(p)))
        && ["behandlingsansvarlig", "controller"]
            .iter()
            .any(|p| opening.iter().skip(1).any(|l| l.contains(p)));
    // The agreement itself, not a bilag to it: the state's title page, with no
    // «Bilag» among its title lines, and the parties it is made between.
    let title_lines = &opening[..opening.len().min(8)];
    let general_terms = title_lines.iter().any(|l| {
        l.contains("statens standardavtale")
            || l.contains("generelle kontraktsbestemmelser")
            || l.contains("alminnelige kontraktsbestemmelser")
    }) && !title_lines.iter().any(|l| l.contains("bilag"))
        && opening.iter().any(|l| l.contains("heretter kalt"));
    dpa || general_terms
}

/// A line of a table of contents: a title and its page number, after dot leaders
/// or a tab («3.1 Felles etablering ........ 4»), or without them in a run of at
/// least three such lines («1 Innledning 2», «2 Formål og omfang 3», …). Read from
/// the document's blocks around `index`, so every stretch reads a line the same way.
pub(super) fn is_contents_line(doc: &Document, index: usize) -> bool {
    let entry = |i: usize| doc.blocks.get(i).and_then(contents_entry);
    let Some(leader) = entry(index) else {
        return false;
    };
    if leader {
        return true;
    }
    const RUN: usize = 3;
    let before = (1..RUN)
        .take_while(|&k| index.checked_sub(k).is_some_and(|i| entry(i).is_some()))
        .count();
    let after = (1..RUN).take_while(|&k| entry(index + k).is_some()).count();
    before + 1 + after >= RUN
}

/// Whether a block reads as a contents entry, and if so whether it has leaders.
fn contents_entry(block: &Block) -> Option<bool> {
    if !matches!(
        block.kind,
        BlockKind::Paragraph | BlockKind::ListItem { .. }
    ) {
        return None;
    }
    let text = block.text.trim_end();
    let title_end = text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let page = text.len() - title_end;
    if page == 0 || page > 4 {
        return None;
    }
    let with_leader = &text[..title_end];
    let title = with_leader
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '…' | '_' | '·'));
    let leader = &with_leader[title.len()..];
    let has_leader = leader.contains('\t') || leader.contains("...") || leader.contains('…');
    if leader.is_empty() || title.ends_with([',', '!', '?', ':', ';', '-', '–']) {
        return None;
    }
    let words = title.split_whitespace().count();
    let has_letters = title.chars().any(char::is_alphabetic);
    if !has_letters || words > 14 || modality::classify(&normalize(title).text) != Modality::None {
        return None;
    }
    Some(has_leader)
}

/// A column title or heading naming qualification requirements: «Kvalifikasjonskrav»,
/// «Kvalifikasjonskrava», «Kvalifikasjonskriterier», "Qualification requirement(s)",
/// "Selection criteria" (the EU directive's word for them), with or without its number.
/// A column so titled («Kvalifikasjonskrav | Dokumentasjon») is requirement text, though
/// no column says «Krav»: the tenderer must meet each row to take part.
pub(super) fn names_qualification_requirements(title: &str) -> bool {
    let key = title_key(title);
    let t = key.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ' '));
    [
        "kvalifikasjonskrav",
        "kvalifikasjonskriteri",
        "krav til kvalifikasjon",
        "qualification requirement",
        "qualification criteri",
        "selection criteri",
    ]
    .iter()
    .any(|name| t.starts_with(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_placeholders_are_told_from_words() {
        for cell in [
            "12",
            "1 200",
            "kr 450,-",
            "25 %",
            "NOK 1,5 mill.",
            "-",
            "[fylles ut]",
            "…",
        ] {
            assert!(is_amount_or_placeholder(cell), "{cell}");
        }
        for cell in [
            "M",
            "Bør",
            "Nord-Odal",
            "ISO 27001",
            "Løsningen skal ha 99 % oppetid",
            "HL7 v2",
        ] {
            assert!(!is_amount_or_placeholder(cell), "{cell}");
        }
    }

    #[test]
    fn price_and_answer_titles() {
        for t in [
            "pris pr. måned",
            "totalpris pr. år",
            "engangskost",
            "antall måneder",
            "sum",
        ] {
            assert!(is_price_title(t), "{t}");
        }
        for t in ["kravtekst", "beskrivelse", "summary of needs"] {
            assert!(!is_price_title(t), "{t}");
        }
        for t in [
            "konsulentens besvarelse",
            "leverandørens svar",
            "svar (ja/nei)",
        ] {
            assert!(is_answer_title(t), "{t}");
        }
        assert!(!is_answer_title("dokumentasjon"));
    }
}
