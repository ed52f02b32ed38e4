//! Tables, rows and cells: each row's block reserved before the rows of tables
//! nested in it, cells by grid column, deleted rows and cells kept apart, and a
//! table's header found by evidence when the table ends.

use super::super::xml::{Xml, attr, on_off};
use super::{Container, Walker, walk_properties};
use crate::document::{
    Block, BlockKind, CELL_SEPARATOR, CellRef, DropReason, Location, OffsetMap, ReadError, TableRow,
};
use crate::text::column_titles::{is_column_title, title_key};
use std::sync::Arc;

#[derive(Debug)]
pub(super) struct Row {
    /// Reserved when the first cell starts (after `w:trPr` says whether the row is
    /// deleted); `None` before that and for deleted rows.
    block: Option<usize>,
    offset: u64,
    paragraph: u32,
    number: u32,
    deleted: bool,
    header_marked: bool,
    grid_after: u32,
    /// Cell texts by grid column.
    cells: Vec<String>,
    grid_col: u32,
    facts: RowFacts,
}

/// What a row shows of being a header or a caption, gathered as it is read.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct RowFacts {
    block: Option<usize>,
    marked: bool,
    /// `w:tc` elements, merged or not.
    cells: u32,
    filled: u32,
    /// Cells with text, all of it bold.
    bold: u32,
    shaded: u32,
    /// Cells with text that reads as a column title.
    titles: u32,
}

impl RowFacts {
    fn reads_as_titles(&self) -> bool {
        self.filled > 0 && self.titles * 2 > self.filled
    }

    /// All its text bold, or all its cells shaded.
    fn set_apart(&self) -> bool {
        self.filled > 0 && (self.bold == self.filled || self.shaded == self.cells)
    }
}

#[derive(Debug)]
pub(super) struct Cell {
    pub(super) text: String,
    span: u32,
    continuation: bool,
    /// The continuation is of a cell above (`w:vMerge`), not to the left (`w:hMerge`).
    merged_down: bool,
    deleted: bool,
    shaded: bool,
    pub(super) bold_chars: u32,
    pub(super) plain_chars: u32,
}

#[derive(Debug)]
pub(super) struct Table {
    number: u32,
    rows: u32,
    parent_row: Option<usize>,
    /// Inside a deleted row or cell: every row of it is deleted too.
    deleted: bool,
    rows_read: Vec<RowFacts>,
    /// The cells of the row above by grid column, as read (merged labels filled in):
    /// what a vertically merged label cell of the next row continues.
    above: Vec<String>,
    pub(super) row: Option<Row>,
    pub(super) cells: Vec<Cell>,
}

/// Rows looked at for titles: a header is at the top.
const HEADER_CANDIDATES: usize = 3;

impl Walker<'_, '_> {
    pub(super) fn start_table(&mut self) {
        self.side.tables += 1;
        let parent_row = self.row_block();
        let deleted = self.tables.last().is_some_and(|t| {
            t.deleted
                || t.row.as_ref().is_some_and(|r| r.deleted)
                || t.cells.last().is_some_and(|c| c.deleted)
        });
        self.tables.push(Table {
            number: self.side.tables,
            rows: 0,
            parent_row,
            deleted,
            rows_read: Vec::new(),
            above: Vec::new(),
            row: None,
            cells: Vec::new(),
        });
    }

    pub(super) fn start_row(&mut self, offset: u64) {
        let paragraph = self.paragraphs + 1;
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        table.rows += 1;
        table.cells.clear();
        table.row = Some(Row {
            block: None,
            offset,
            paragraph,
            number: table.rows,
            deleted: table.deleted,
            header_marked: false,
            grid_after: 0,
            cells: Vec::new(),
            grid_col: 0,
            facts: RowFacts::default(),
        });
    }

    pub(super) fn start_cell(&mut self) {
        self.row_block();
        if let Some(t) = self.tables.last_mut() {
            t.cells.push(Cell {
                text: String::new(),
                span: 1,
                continuation: false,
                merged_down: false,
                deleted: false,
                shaded: false,
                bold_chars: 0,
                plain_chars: 0,
            });
        }
        self.containers.push(Container::Cell);
    }

    /// The block of the row being read, reserved when first needed — after `w:trPr`,
    /// before anything in its cells, so a row comes before the rows of tables nested
    /// in it. `None` for a deleted row, which has no block.
    pub(super) fn row_block(&mut self) -> Option<usize> {
        let table = self.tables.last()?;
        let row = table.row.as_ref()?;
        if row.block.is_some() || row.deleted {
            return row.block;
        }
        let (number, row_number, parent_row) = (table.number, row.number, table.parent_row);
        let (paragraph, offset) = (row.paragraph, row.offset);
        let section = self.current_section();
        let in_text_box = self.containers.contains(&Container::TextBox);
        let origin = self.origin(in_text_box);
        let placeholder = Block {
            kind: BlockKind::TableRow(Box::new(TableRow {
                table: number,
                row: row_number,
                is_header: false,
                header: self.no_header.clone(),
                cells: Vec::new(),
                parent_row,
            })),
            text: String::new(),
            location: Location::Docx {
                part: self.part.clone(),
                paragraph,
                cell: Some(CellRef {
                    table: number,
                    row: row_number,
                    column: 1,
                }),
                xml_offset: offset,
            },
            section,
            origin,
            offsets: OffsetMap::default(),
        };
        let block = self.emit(placeholder, Vec::new());
        if let Some(row) = self.tables.last_mut().and_then(|t| t.row.as_mut()) {
            row.block = Some(block);
        }
        Some(block)
    }

    pub(super) fn end_cell(&mut self) {
        let location = self.cell_ref().map(|cell| Location::Docx {
            part: self.part.clone(),
            paragraph: self.paragraphs,
            cell: Some(cell),
            xml_offset: self
                .tables
                .last()
                .and_then(|t| t.row.as_ref())
                .map_or(0, |r| r.offset),
        });
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        let Some(cell) = table.cells.pop() else {
            return;
        };
        let candidate = table.rows_read.len() < HEADER_CANDIDATES;
        let Some(row) = table.row.as_mut() else {
            return;
        };
        let col = row.grid_col as usize;
        if row.cells.len() < col {
            row.cells.resize(col, String::new());
        }
        let dropped = (cell.deleted && !row.deleted && !cell.text.trim().is_empty())
            .then(|| cell.text.clone());
        let text = if cell.deleted || cell.continuation && !cell.merged_down {
            String::new()
        } else if cell.merged_down {
            merged_label(table.above.get(col).map_or("", String::as_str))
        } else if cell.text.contains(CELL_SEPARATOR) {
            cell.text.replace(CELL_SEPARATOR, " ")
        } else {
            cell.text
        };
        let facts = &mut row.facts;
        facts.cells += 1;
        if cell.shaded {
            facts.shaded += 1;
        }
        if !text.trim().is_empty() {
            facts.filled += 1;
            if cell.bold_chars > 0 && cell.plain_chars == 0 {
                facts.bold += 1;
            }
            if candidate && is_column_title(&title_key(&text)) {
                facts.titles += 1;
            }
        }
        row.cells.push(text);
        for _ in 1..cell.span {
            row.cells.push(String::new());
        }
        row.grid_col += cell.span;
        if let (Some(text), Some(location)) = (dropped, location) {
            self.drop_text(text.trim(), DropReason::DeletedCell, location, false);
        }
    }

    pub(super) fn end_row(&mut self) {
        // A row without cells still has its (empty) block.
        self.row_block();
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        let Some(mut row) = table.row.take() else {
            return;
        };
        for _ in 0..row.grid_after {
            row.cells.push(String::new());
        }
        row.facts.block = row.block;
        row.facts.marked = row.header_marked;
        table.rows_read.push(row.facts);
        // A row deleted with tracked changes is not shown: a merge continues past it.
        if row.block.is_some() {
            table.above.clone_from(&row.cells);
        }
        let table_number = table.number;
        let separators = row.cells.len().saturating_sub(1) * CELL_SEPARATOR.len_utf8();
        let mut text =
            String::with_capacity(row.cells.iter().map(String::len).sum::<usize>() + separators);
        let mut ranges = Vec::with_capacity(row.cells.len());
        for (i, cell) in row.cells.iter().enumerate() {
            if i > 0 {
                text.push(CELL_SEPARATOR);
            }
            let start = text.len();
            text.push_str(cell);
            ranges.push(start..text.len());
        }
        let Some(block) = row.block else {
            let shown: Vec<&str> = row
                .cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect();
            if !shown.is_empty() {
                let location = Location::Docx {
                    part: self.part.clone(),
                    paragraph: row.paragraph,
                    cell: Some(CellRef {
                        table: table_number,
                        row: row.number,
                        column: 1,
                    }),
                    xml_offset: row.offset,
                };
                let in_text_box = self.containers.contains(&Container::TextBox);
                self.drop_text(
                    &shown.join(" | "),
                    DropReason::DeletedRow,
                    location,
                    in_text_box,
                );
            }
            return;
        };
        if let Some(block) = self.doc.blocks.get_mut(block) {
            block.text = text;
            if let BlockKind::TableRow(r) = &mut block.kind {
                r.cells = ranges;
            }
        }
    }

    pub(super) fn end_table(&mut self) {
        let Some(table) = self.tables.pop() else {
            return;
        };
        let rows: Vec<RowFacts> = table
            .rows_read
            .iter()
            .filter(|r| r.block.is_some())
            .copied()
            .collect();
        let (captions, header_rows) = header_of(&rows);
        // Several header rows are read column by column («Krav» over «ID»).
        let mut header: Vec<String> = Vec::new();
        for facts in &rows[captions..captions + header_rows] {
            let Some(block) = facts.block.and_then(|b| self.doc.blocks.get_mut(b)) else {
                continue;
            };
            if let BlockKind::TableRow(r) = &mut block.kind {
                r.is_header = true;
                for (i, range) in r.cells.iter().enumerate() {
                    let cell = block.text.get(range.clone()).unwrap_or_default().trim();
                    if header.len() <= i {
                        header.resize(i + 1, String::new());
                    }
                    if !cell.is_empty() {
                        if !header[i].is_empty() {
                            header[i].push(' ');
                        }
                        header[i].push_str(cell);
                    }
                }
            }
        }
        if header.is_empty() {
            return;
        }
        // Caption rows above the header are not under it.
        let header: Arc<[String]> = Arc::from(header);
        for facts in &rows[captions..] {
            if let Some(Block {
                kind: BlockKind::TableRow(r),
                ..
            }) = facts.block.and_then(|b| self.doc.blocks.get_mut(b))
            {
                r.header = header.clone();
            }
        }
    }

    pub(super) fn row_properties(&mut self, xml: &mut Xml) -> Result<(), ReadError> {
        walk_properties(xml, &[], |name, e, depth, _| {
            let Some(row) = self.tables.last_mut().and_then(|t| t.row.as_mut()) else {
                return;
            };
            if depth != 1 {
                return;
            }
            let number = || {
                attr(e, "val")
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .unwrap_or(0)
                    .min(64)
            };
            match name {
                "tblHeader" => row.header_marked = on_off(e),
                "del" => row.deleted = true,
                "gridBefore" => {
                    row.grid_col += number();
                    row.cells.resize(row.grid_col as usize, String::new());
                }
                "gridAfter" => row.grid_after = number(),
                _ => {}
            }
        })
    }

    pub(super) fn cell_properties(&mut self, xml: &mut Xml) -> Result<(), ReadError> {
        walk_properties(xml, &[], |name, e, depth, _| {
            if depth != 1 {
                return;
            }
            let Some(cell) = self.tables.last_mut().and_then(|t| t.cells.last_mut()) else {
                return;
            };
            match name {
                "gridSpan" => {
                    cell.span = attr(e, "val")
                        .and_then(|v| v.trim().parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 64)
                }
                "vMerge" | "hMerge" => {
                    cell.continuation = attr(e, "val").is_none_or(|v| v == "continue");
                    cell.merged_down = cell.continuation && name == "vMerge";
                }
                "cellDel" | "del" => cell.deleted = true,
                "shd" => {
                    let fill = attr(e, "fill").unwrap_or_default().to_ascii_lowercase();
                    let pattern = attr(e, "val").unwrap_or_default();
                    cell.shaded = !matches!(fill.as_str(), "" | "auto" | "ffffff")
                        || !matches!(pattern.as_str(), "" | "clear" | "nil");
                }
                _ => {}
            }
        })
    }

    pub(super) fn cell_ref(&self) -> Option<CellRef> {
        let t = self.tables.last()?;
        let row = t.row.as_ref()?;
        Some(CellRef {
            table: t.number,
            row: row.number,
            column: row.grid_col + 1,
        })
    }
}

/// The text a vertically merged cell continues into the rows below its first: a label
/// (a type code such as «Minstekrav», a category) reads on every row it spans, as Word
/// shows it. A longer text stays with its first row, so one passage is not read as
/// many, and so does anything with a digit: a merged id («K-2») is one requirement's,
/// and repeating it would make one id many requirements.
fn merged_label(above: &str) -> String {
    const LABEL_CHARS: usize = 40;
    const LABEL_WORDS: usize = 4;
    let label = above.trim();
    if label.chars().count() <= LABEL_CHARS
        && label.split_whitespace().count() <= LABEL_WORDS
        && !label.chars().any(|c| c.is_ascii_digit())
    {
        label.to_string()
    } else {
        String::new()
    }
}

/// Which leading rows of a table (deleted rows left out) are captions, and how many
/// rows after them form its header: rows Word marks as repeating headers
/// (`w:tblHeader`); else one row that reads as column titles, or that bold or shading
/// sets apart from the rows below. Otherwise the table has no header, and its first
/// row is an ordinary row. A caption is a single merged cell over a row of several
/// cells («Tabell 3 Integrasjonskrav» above «Krav-ID | Krav | Type»).
fn header_of(rows: &[RowFacts]) -> (usize, usize) {
    let mut captions = 0;
    while captions + 1 < rows.len().min(HEADER_CANDIDATES)
        && rows[captions].cells == 1
        && rows[captions + 1].cells > 1
    {
        captions += 1;
    }
    let Some(first) = rows.get(captions) else {
        return (0, 0);
    };
    let marked = rows[captions..].iter().take_while(|r| r.marked).count();
    if marked > 0 {
        return (captions, marked);
    }
    // Set apart from the body: some row with text below it is not (a bold group
    // row such as «Kriterium – Kvalitet» may follow the header).
    let header = first.reads_as_titles()
        || (first.set_apart()
            && rows[captions + 1..]
                .iter()
                .any(|r| r.filled > 0 && !r.set_apart()));
    if header { (captions, 1) } else { (0, 0) }
}

#[cfg(test)]
mod tests {
    use super::{RowFacts, header_of};

    fn row(cells: u32, filled: u32, titles: u32, bold: u32) -> RowFacts {
        RowFacts {
            block: Some(0),
            cells,
            filled,
            titles,
            bold,
            ..RowFacts::default()
        }
    }

    #[test]
    fn a_header_needs_evidence_and_a_caption_is_not_one() {
        let plain = row(3, 3, 0, 0);
        let titles = row(3, 3, 3, 0);
        let bold = row(3, 3, 0, 3);
        let caption = row(1, 1, 0, 0);
        let marked = RowFacts {
            marked: true,
            ..plain
        };
        // By position alone: no header.
        assert_eq!(header_of(&[plain, plain]), (0, 0));
        assert_eq!(header_of(&[titles, plain]), (0, 1));
        assert_eq!(header_of(&[caption, titles, plain]), (1, 1));
        assert_eq!(header_of(&[marked, marked, plain]), (0, 2));
        assert_eq!(header_of(&[caption, marked, plain]), (1, 1));
        // Bold over a bold group row and a plain body; bold over bold only is not.
        assert_eq!(header_of(&[bold, bold, plain]), (0, 1));
        assert_eq!(header_of(&[bold, bold]), (0, 0));
        assert_eq!(header_of(&[bold]), (0, 0));
        // A single merged row with nothing below it is just a row.
        assert_eq!(header_of(&[caption]), (0, 0));
        assert_eq!(header_of(&[]), (0, 0));
    }
}
