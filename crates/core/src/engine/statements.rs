//! Cutting blocks into requirement statements with their modality: sentences of
//! paragraphs and list items, whole rows of requirement tables (typed by their
//! type column), and list items that inherit the «skal» of their lead-in.

use super::forms::{self, TableForm, TableShape, TableShapes};
use super::legend::{self, LegendEntry, TypeLegend};
use super::typed_paragraphs::typed;
use crate::document::{Block, BlockKind, CELL_SEPARATOR, Document, Origin, TableRow};
use crate::parallel::prelude::*;
use crate::text::column_titles::{
    is_answer_or_weight_header, is_explanation_header, is_glossary_title, is_id_header,
    is_option_title, is_requirement_text_title, is_type_header,
};
use crate::text::modality::{self, Modality};
use crate::text::{Normalized, normalize, sentences};
use std::ops::Range;
use std::sync::Arc;

/// A block, normalised and cut into statements.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedBlock {
    /// The block's text normalised (lower case, folded), with the map back to the source.
    pub norm: Normalized,
    /// The block cut into statements, in order.
    pub statements: Vec<Statement>,
    /// For a table row: what its columns are and what its type cell says.
    pub table: Option<RowInfo>,
    /// For a list item: the block index of the paragraph ending in «:» that introduces
    /// its list, whose last statement the item continues.
    pub lead_in: Option<usize>,
    /// A line of a table of contents ([`forms::is_contents_line`]): for a set that
    /// reads forms, it requires nothing and violates nothing.
    pub contents_line: bool,
}

impl PreparedBlock {
    /// A table row of a form (a price table, an answer template, an inventory) or a
    /// line of a table of contents: nothing in it requires or violates.
    pub(super) fn in_a_form(&self) -> bool {
        self.contents_line
            || self
                .table
                .as_ref()
                .is_some_and(|t| t.columns.form.is_some())
    }
}

/// One thing the tender says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Byte range in the block's normalised text.
    pub range: Range<usize>,
    /// The modal verb that makes it a requirement («skal», «bør» …), if any.
    pub modality: Modality,
    /// It says the opposite («skal ikke …»), so it does not cover a `require` rule.
    pub negated: bool,
    /// The requirement id from the row's id column.
    pub requirement_id: Option<String>,
    /// A glossary row: never a requirement.
    pub glossary: bool,
}

/// What a table row is, from its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowInfo {
    /// Shared by the rows of a table.
    pub columns: Arc<Columns>,
    /// The modality the type cell gives, if the row has a type.
    pub row_type: Option<Modality>,
    /// The tender's legend entry that gave the type, when its legend defines the code.
    pub legend: Option<Arc<LegendEntry>>,
    /// The type column holds something that is not a type (empty, «se tabell»).
    pub untyped: bool,
    /// The row's text modality (what the words say), for type/wording mismatches.
    pub text_modality: Modality,
    /// The words are weak only by an active «kan»/"can" — a question to the vendor or what
    /// someone can do («Kan løsningen motta …?») — which asks rather than wishes. Read for
    /// typed rows only, the ones whose words are weighed against their type.
    pub permits_only: bool,
    /// The row names the columns rather than requiring anything.
    pub is_header: bool,
}

/// The roles of a table's columns, read from its header cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    /// The column of requirement ids («Krav-ID», «Nr.»).
    pub id: Option<usize>,
    /// The column of requirement types («Type», M/B/E).
    pub kind: Option<usize>,
    /// Columns that are neither requirement text nor id nor type (answers, weights, comments).
    pub other: Vec<usize>,
    /// The columns whose text is the requirement.
    pub content: Vec<usize>,
    /// The header says the table holds requirements (an id or type column, a requirement-text title).
    pub requirement: bool,
    /// The table is a glossary: its rows define terms, never require.
    pub glossary: bool,
    /// The form the table's shape says it is (a price table, an answer template,
    /// an inventory of today's systems): for a set that reads forms
    /// (`reading: forms`), its rows require nothing and violate nothing.
    pub form: Option<TableForm>,
    /// The type every row has because the text column's title or the heading above
    /// the table names the kind of requirement: qualification requirements
    /// («Kvalifikasjonskrav», "Qualification requirement") must be met, whatever the
    /// row says.
    pub titled_type: Option<Modality>,
}

impl Columns {
    /// The roles the header gave, corrected by what the table's shape says: a type
    /// column found by its values is the type column, not text (its «Må» is no
    /// modal verb of the requirement), and the form the table is, if any.
    fn with_shape(mut self, shape: TableShape) -> Columns {
        if self.kind.is_none()
            && !self.glossary
            && let Some(kind) = shape.type_column
        {
            // A table without titles (one continued from an earlier page) has every
            // other column as its text.
            if self.id.is_none() && self.content.is_empty() && self.other.is_empty() {
                self.id = (shape.ids_first && kind != 0).then_some(0);
                self.content = (0..shape.columns).filter(|&c| Some(c) != self.id).collect();
            }
            self.kind = Some(kind);
            self.content.retain(|&c| c != kind);
            self.other.retain(|&c| c != kind);
            self.requirement = true;
        }
        self.form = shape.form;
        if shape.qualification && self.kind.is_none() && self.requirement {
            self.titled_type = Some(Modality::Binding);
        }
        self
    }

    /// The roles of a table's columns, read from its header.
    pub fn from_header(header: &[String]) -> Columns {
        let mut c = Columns::default();
        let mut glossary_header = false;
        let mut requirement_header = false;
        let mut option_header = false;
        for (i, cell) in header.iter().enumerate() {
            let h = normalize(cell).text;
            let h = h.trim_end_matches(['.', ':']);
            if c.id.is_none() && is_id_header(h) {
                c.id = Some(i);
            } else if c.kind.is_none() && is_type_header(h) {
                c.kind = Some(i);
            } else if is_answer_or_weight_header(h) || is_explanation_header(h) {
                c.other.push(i);
                if h.contains("leverandør") || h.contains("tilbyder") || h.contains("supplier") {
                    requirement_header = true;
                }
            } else {
                if is_requirement_text_title(h) || forms::names_qualification_requirements(h) {
                    requirement_header = true;
                }
                if is_option_title(h) {
                    option_header = true;
                }
                if is_glossary_title(h) {
                    glossary_header = true;
                }
                c.content.push(i);
            }
        }
        c.requirement =
            c.kind.is_some() || (c.id.is_some() && !c.content.is_empty()) || requirement_header;
        if c.kind.is_none()
            && c.content.iter().any(|&i| {
                header
                    .get(i)
                    .is_some_and(|h| forms::names_qualification_requirements(h))
            })
        {
            c.titled_type = Some(Modality::Binding);
        }
        // A table of options («Opsjon | Omfang | Pris | Frist») lists what the buyer
        // may order later: each row is one option, as a sentence «Opsjon 1: …» is.
        if option_header && c.kind.is_none() && !c.content.is_empty() {
            c.requirement = true;
            c.titled_type = Some(Modality::Option);
            // An option's price is part of what it offers («Opsjon | Innhold | Prising»),
            // not a vendor's price to fill in.
            let prices = |i: &usize| {
                header.get(*i).is_some_and(|h| {
                    let h = normalize(h).text;
                    h.starts_with("pris") || h.starts_with("price") || h.starts_with("pricing")
                })
            };
            c.content.extend(c.other.iter().copied().filter(prices));
            c.other.retain(|i| !prices(i));
            c.content.sort_unstable();
        }
        c.glossary = glossary_header && c.kind.is_none() && c.id.is_none();
        // The tender's type legend defines codes; its rows are no requirements.
        if legend::legend_columns(header).is_some() {
            c.glossary = true;
        }
        if c.glossary {
            c.requirement = false;
        }
        c
    }
}

/// Prepares every block of a document, with the type legend the document defines.
pub fn prepare(doc: &Document) -> Vec<PreparedBlock> {
    prepare_with(doc, &TypeLegend::gather(std::slice::from_ref(doc)))
}

/// Prepares every block of a document of a tender whose type legend is `legend`.
pub fn prepare_with(doc: &Document, legend: &TypeLegend) -> Vec<PreparedBlock> {
    // Stretches are prepared in parallel; each looks back past its start for what
    // its blocks inherit (a nested table's type, a lead-in's «skal»), exactly as the
    // engine's stretches do.
    let ranges: Vec<Range<usize>> = stretches(doc.blocks.len()).collect();
    let stretches: Vec<Vec<PreparedBlock>> = ranges
        .into_par_iter()
        .map_init(
            || ColumnsCache::new(legend, doc),
            |columns, range| prepare_range(doc, range, columns).blocks,
        )
        .collect();
    stretches.into_iter().flatten().collect()
}

/// The blocks of one stretch of a document, prepared exactly as [`prepare`] prepares
/// them, with the earlier blocks they look up: the headings above them and the
/// lead-in of a list that runs into the stretch. The engine prepares a stretch,
/// observes it and drops it, so a long tender is never held normalised in full.
pub(super) struct PreparedStretch {
    pub range: Range<usize>,
    blocks: Vec<PreparedBlock>,
    /// Blocks before the stretch, by index.
    earlier: Vec<(usize, PreparedBlock)>,
}

impl PreparedStretch {
    /// The prepared block at a document index: one of the stretch's, or an earlier
    /// heading or lead-in of them.
    pub(super) fn get(&self, index: usize) -> Option<&PreparedBlock> {
        if self.range.contains(&index) {
            return self.blocks.get(index - self.range.start);
        }
        self.earlier
            .binary_search_by_key(&index, |(i, _)| *i)
            .ok()
            .map(|k| &self.earlier[k].1)
    }
}

/// Prepares the blocks `range` of a document, and the earlier blocks they look up.
pub(super) fn prepare_stretch(
    doc: &Document,
    range: Range<usize>,
    legend: &TypeLegend,
) -> PreparedStretch {
    let mut columns = ColumnsCache::new(legend, doc);
    let mut stretch = prepare_range(doc, range, &mut columns);
    let mut wanted: Vec<usize> = stretch.earlier.iter().map(|(i, _)| *i).collect();
    let start = stretch.range.start;
    let mut last_section = None;
    for block in &doc.blocks[stretch.range.clone()] {
        if last_section == Some(block.section) {
            continue;
        }
        last_section = Some(block.section);
        // The same walk as the engine's heading look-up.
        let mut current = Some(block.section);
        while let Some(index) = current {
            let Some(section) = doc.sections.get(index) else {
                break;
            };
            if let Some(heading) = section.block.filter(|&h| h < start) {
                wanted.push(heading);
            }
            current = section.parent.filter(|p| *p < index);
        }
    }
    wanted.sort_unstable();
    wanted.dedup();
    let mut earlier = std::mem::take(&mut stretch.earlier);
    for index in wanted {
        if earlier.binary_search_by_key(&index, |(i, _)| *i).is_err()
            && let Some(prepared) = prepare_range(doc, index..index + 1, &mut columns)
                .blocks
                .pop()
        {
            earlier.push((index, prepared));
        }
    }
    earlier.sort_unstable_by_key(|(i, _)| *i);
    stretch.earlier = earlier;
    stretch
}

/// Prepares the blocks at `indices` (in increasing order), each exactly as [`prepare`]
/// would; rows of one table read its header once.
pub(super) fn prepare_each(
    doc: &Document,
    indices: &[usize],
    legend: &TypeLegend,
) -> Vec<PreparedBlock> {
    let mut columns = ColumnsCache::new(legend, doc);
    indices
        .iter()
        .filter_map(|&i| {
            prepare_range(doc, i..i.saturating_add(1), &mut columns)
                .blocks
                .pop()
        })
        .collect()
}

/// Prepares the blocks `range`, looking back past its start for what they inherit
/// (the type of the row holding a nested table, the modality of a list's lead-in),
/// so that a block comes out the same wherever a stretch is cut; `earlier` holds
/// the lead-in paragraph, if one before the range was read.
fn prepare_range(
    doc: &Document,
    range: Range<usize>,
    columns: &mut ColumnsCache<'_>,
) -> PreparedStretch {
    let range = range.start.min(doc.blocks.len())..range.end.min(doc.blocks.len());
    let start = range.start;
    let mut blocks: Vec<PreparedBlock> = doc.blocks[range.clone()]
        .iter()
        .map(|block| prepare_block(block, None, columns))
        .collect();
    for (index, block) in (start..).zip(&doc.blocks[range.clone()]) {
        if let BlockKind::TableRow(row) = &block.kind
            && let Some(parent) = row.parent_row.filter(|&p| p < index)
            && blocks[index - start]
                .table
                .as_ref()
                .is_some_and(|t| t.untyped)
        {
            let parent_type = if parent >= start {
                blocks[parent - start]
                    .table
                    .as_ref()
                    .and_then(|t| t.row_type)
            } else {
                row_type(doc, parent, columns)
            };
            if let Some(parent_type) = parent_type {
                blocks[index - start] = prepare_block(block, Some(parent_type), columns);
            }
        }
    }
    for (index, p) in (start..).zip(&mut blocks) {
        p.contents_line = forms::is_contents_line(doc, index);
    }
    // A list running into the range continues the lead-in of the last block before
    // it that is not a list item.
    let mut earlier = Vec::new();
    let mut lead_in: Option<(usize, Modality)> = None;
    if let Some(before) = doc.blocks[..start]
        .iter()
        .rposition(|b| !matches!(b.kind, BlockKind::ListItem { .. }))
        && is_lead_in(&doc.blocks[before])
    {
        let prepared = prepare_block(&doc.blocks[before], None, columns);
        lead_in = lead_in_of(before, &prepared);
        earlier.push((before, prepared));
    }
    for (index, (block, p)) in (start..).zip(doc.blocks[range.clone()].iter().zip(&mut blocks)) {
        match &block.kind {
            BlockKind::ListItem { .. } => {
                if let Some((lead_block, inherited)) = lead_in {
                    p.lead_in = Some(lead_block);
                    for s in &mut p.statements {
                        if s.modality == Modality::None {
                            s.modality = inherited;
                        }
                    }
                }
            }
            _ if is_lead_in(block) => lead_in = lead_in_of(index, p),
            _ => lead_in = None,
        }
    }
    PreparedStretch {
        range,
        blocks,
        earlier,
    }
}

/// A paragraph ending in «:», which may introduce the list after it.
fn is_lead_in(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Paragraph) && block.text.trim_end().ends_with(':')
}

/// What a lead-in paragraph hands its list: its index and the modality of its last
/// statement, when it has one.
fn lead_in_of(index: usize, prepared: &PreparedBlock) -> Option<(usize, Modality)> {
    prepared
        .statements
        .last()
        .map(|s| (index, s.modality))
        .filter(|(_, m)| *m != Modality::None)
}

/// The type a table row ends up with: its own, or for an untyped row of a nested
/// table, that of the row holding the table (which may be nested in turn).
fn row_type(doc: &Document, index: usize, columns: &mut ColumnsCache<'_>) -> Option<Modality> {
    // The rows holding one another, innermost first; walked without recursion, since
    // the nesting depth comes from the document.
    let mut chain = vec![index];
    while let Some(&inner) = chain.last()
        && let Some(BlockKind::TableRow(row)) = doc.blocks.get(inner).map(|b| &b.kind)
        && let Some(parent) = row.parent_row.filter(|&p| p < inner)
    {
        chain.push(parent);
    }
    let mut inherited = None;
    for &i in chain.iter().rev() {
        let own = prepare_block(&doc.blocks[i], None, columns).table;
        inherited = match own {
            // An untyped row takes the type of the row holding its table.
            Some(t) if t.untyped => inherited,
            Some(t) => t.row_type,
            None => None,
        };
    }
    inherited
}

/// How many blocks a stretch holds: enough to make a task's overhead and its
/// look-ups of earlier headings negligible, few enough to share a long document
/// evenly between cores (256 rather than 512: 164 → 152 ms on the 1,000-page
/// Markdown benchmark, no change on the 800-page DOCX).
const STRETCH_BLOCKS: usize = 256;

/// The stretches a document of `blocks` blocks is prepared and observed in.
pub(super) fn stretches(blocks: usize) -> impl Iterator<Item = Range<usize>> {
    (0..blocks.div_ceil(STRETCH_BLOCKS))
        .map(move |i| i * STRETCH_BLOCKS..((i + 1) * STRETCH_BLOCKS).min(blocks))
}

/// The columns of the table being read: its rows share one header, so read it once.
/// With the tender's type legend, which its type cells are read by, and the shapes
/// of the document's tables.
struct ColumnsCache<'a> {
    header: Option<(Arc<[String]>, u32)>,
    columns: Arc<Columns>,
    legend: &'a TypeLegend,
    shapes: Option<&'a TableShapes>,
}

impl<'a> ColumnsCache<'a> {
    fn new(legend: &'a TypeLegend, doc: &Document) -> ColumnsCache<'a> {
        ColumnsCache {
            header: None,
            columns: Arc::default(),
            legend,
            shapes: legend.shapes_of(&doc.path),
        }
    }

    fn of(&mut self, row: &TableRow) -> Arc<Columns> {
        let same = self
            .header
            .as_ref()
            .is_some_and(|(h, t)| Arc::ptr_eq(h, &row.header) && *t == row.table);
        if !same {
            let shape = self.shapes.map(|s| s.of(row.table)).unwrap_or_default();
            self.columns = Arc::new(Columns::from_header(&row.header).with_shape(shape));
            self.header = Some((row.header.clone(), row.table));
        }
        self.columns.clone()
    }
}

/// The sentences of a normalised text as statements, each read for its own modality.
fn push_sentences(text: &str, glossary: bool, statements: &mut Vec<Statement>) {
    for range in sentences::split(text) {
        let (modality, negated) = modality::analyze(&text[range.clone()]);
        statements.push(Statement {
            modality,
            negated,
            range,
            requirement_id: None,
            glossary,
        });
    }
}

/// Normalises a block and cuts it into statements. `parent_type` is the type of the
/// row holding a nested table, which an untyped row of that table takes.
fn prepare_block(
    block: &Block,
    parent_type: Option<Modality>,
    columns_cache: &mut ColumnsCache<'_>,
) -> PreparedBlock {
    let norm = normalize(&block.text);
    let mut statements = Vec::new();
    let mut table = None;
    match &block.kind {
        BlockKind::Heading { .. } => {}
        BlockKind::TableRow(row) => {
            let columns = columns_cache.of(row);
            let cells = cell_ranges(&norm.text);
            let cell_text = |i: usize| cells.get(i).map(|r| &norm.text[r.clone()]).unwrap_or("");
            let content_range = columns
                .content
                .iter()
                .filter_map(|&i| cells.get(i).cloned())
                .filter(|r| !r.is_empty())
                .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end));
            let text_modality = content_range
                .as_ref()
                .map(|r| row_modality(&norm.text[r.clone()]))
                .unwrap_or(Modality::None);
            let type_cell = columns.kind.map(cell_text);
            // The tender's own legend first, then the codes tenders commonly use.
            let legend = type_cell
                .and_then(|cell| columns_cache.legend.lookup(cell))
                .cloned();
            let mut row_type = match &legend {
                Some(entry) => Some(entry.modality),
                None => type_cell
                    .and_then(crate::text::type_cells::classify_type_cell)
                    .or(columns.titled_type),
            };
            // A row of a table with no type column that states nothing with a modal verb
            // («Oppetid | 99,5 % | 3 % av vederlaget», «Bilag 1 | Kravspesifikasjon») is
            // data, not a requirement left without its type.
            let states_a_requirement = columns.kind.is_some() || text_modality != Modality::None;
            let mut untyped = columns.requirement
                && row_type.is_none()
                && states_a_requirement
                && !is_caption(&cells, text_modality);
            if untyped && let Some(parent_type) = parent_type {
                row_type = Some(parent_type);
                untyped = false;
            }
            // Only a typed row weighs its words against its type.
            let permits_only = row_type.is_some()
                && text_modality == Modality::Should
                && content_range
                    .as_ref()
                    .is_some_and(|r| modality::weak_only_by_permission(&norm.text[r.clone()]));
            if !row.is_header && columns.requirement {
                if let Some(range) = content_range {
                    let statement_text = &norm.text[range.clone()];
                    let modality = match row_type {
                        Some(t) => typed(t, text_modality, permits_only),
                        None => text_modality,
                    };
                    let requirement_id = columns
                        .id
                        .map(|i| block.cell(i).unwrap_or("").trim().to_string())
                        .filter(|s| !s.is_empty());
                    let negated = modality::covers_nothing(statement_text);
                    // A row's text is one statement, but a cell of megabytes (a
                    // pasted export) is cut into bounded pieces of the same row.
                    for range in sentences::bounded(&norm.text, range) {
                        statements.push(Statement {
                            negated,
                            range,
                            modality,
                            requirement_id: requirement_id.clone(),
                            glossary: false,
                        });
                    }
                }
            } else {
                // Rows of other tables, and header rows: what a header says is still
                // said to the vendor (a title that is a sentence with «skal» binds);
                // the rows and titles of a glossary or legend table define, they do
                // not require.
                push_sentences(&norm.text, columns.glossary, &mut statements);
            }
            table = Some(RowInfo {
                columns,
                row_type,
                legend,
                untyped,
                text_modality,
                permits_only,
                is_header: row.is_header,
            });
        }
        BlockKind::Paragraph | BlockKind::ListItem { .. } => {
            push_sentences(&norm.text, false, &mut statements);
            super::typed_paragraphs::type_by_markers(
                &norm.text,
                statements
                    .iter_mut()
                    .map(|s| (s.range.clone(), &mut s.modality)),
            );
        }
        _ => push_sentences(&norm.text, false, &mut statements),
    }
    // Most blocks are one or two sentences; the four slots a growing Vec starts
    // with would cost more than the text on a long tender.
    statements.shrink_to_fit();
    PreparedBlock {
        norm,
        statements,
        table,
        lead_in: None,
        contents_line: false,
    }
}

/// A row that only names the part of the table below it: one filled cell (a merged
/// title row such as «Tabell 3.1 Legemidler» over the header, or a group heading
/// inside the table) and no modal verb. It has no type because it is no requirement.
fn is_caption(cells: &[Range<usize>], text_modality: Modality) -> bool {
    text_modality == Modality::None && cells.iter().filter(|r| !r.is_empty()).count() == 1
}

/// The modality of a row's text: the strongest claim of its sentences, except that a
/// question or option anywhere makes the row weak (conservative: no false «met»).
fn row_modality(text: &str) -> Modality {
    let modalities: Vec<Modality> = sentences::split(text)
        .into_iter()
        .map(|r| modality::classify(&text[r]))
        .collect();
    for weak in [Modality::Option, Modality::Question, Modality::Future] {
        if modalities.contains(&weak) {
            return weak;
        }
    }
    modalities.into_iter().max().unwrap_or(Modality::None)
}

/// Ranges of the cells in a normalised row text (split at [`CELL_SEPARATOR`]).
fn cell_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == CELL_SEPARATOR {
            ranges.push(trim_range(text, start..i));
            start = i + c.len_utf8();
        }
    }
    ranges.push(trim_range(text, start..text.len()));
    ranges
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead >= s.len() {
        r.start..r.start
    } else {
        r.start + lead..r.end - trail
    }
}

/// True when a block is never a requirement, whatever it says.
pub(super) fn block_is_furniture(block: &Block) -> bool {
    block.origin == Origin::HeaderFooter
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod stretch_tests;
