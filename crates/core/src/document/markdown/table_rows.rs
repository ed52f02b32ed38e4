//! Tables read from the source → the same table-row blocks as pipe tables: which
//! parser a paragraph, thematic break or HTML block starts, and each row's text
//! with its cells and offsets back into the source.

use super::tables::{Piece, SourceCell, SourceTable};
use super::{Reader, grid, html_table, pandoc_table};
use crate::document::{Block, BlockKind, CELL_SEPARATOR, Location, OffsetMap, Origin, TableRow};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;
use std::sync::Arc;

impl Reader<'_> {
    /// The table a paragraph, thematic break or HTML block starts, if it is one.
    pub(super) fn source_table(
        &self,
        event: &Event<'_>,
        range: &Range<usize>,
    ) -> Option<SourceTable> {
        let text = self.text;
        let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
        match event {
            Event::Start(Tag::Paragraph) => {
                if text[line_start..].trim_start_matches(' ').starts_with('+') {
                    grid::parse(text, line_start)
                } else {
                    pandoc_table::parse(text, line_start)
                }
            }
            Event::Rule => pandoc_table::parse(text, line_start),
            Event::Start(Tag::HtmlBlock) => {
                html_table::parse(text, range.start, text.get(range.clone())?)
            }
            _ => None,
        }
    }

    /// Pushes the rows of a table read from the source, as pipe-table rows are.
    pub(super) fn emit_table(&mut self, table: SourceTable) {
        self.table_count += 1;
        let origin = if self.footnote_depth > 0 {
            Origin::Footnote
        } else {
            Origin::Body
        };
        let rows: Vec<(bool, Range<usize>, RowText)> = table
            .rows
            .into_iter()
            .map(|row| (row.is_header, row.bytes, row_text(self.text, &row.cells)))
            .collect();
        let header: Arc<[String]> = match rows.iter().rposition(|(is_header, ..)| *is_header) {
            Some(h) => {
                let (_, _, row) = &rows[h];
                row.cells
                    .iter()
                    .map(|c| row.text[c.clone()].to_string())
                    .collect()
            }
            None => Arc::from(Vec::new()),
        };
        let section = self.doc.sections.len() - 1;
        for (number, (is_header, bytes, row)) in (1..).zip(rows) {
            let (line, column) = self.lines.line_column(self.text, bytes.start);
            let RowText {
                mut text,
                cells,
                mut offsets,
            } = row;
            text.shrink_to_fit();
            offsets.shrink_to_fit();
            self.doc.blocks.push(Block {
                kind: BlockKind::TableRow(Box::new(TableRow {
                    table: self.table_count,
                    row: number,
                    is_header,
                    header: header.clone(),
                    cells,
                    parent_row: None,
                })),
                text,
                location: Location::Text {
                    bytes,
                    line,
                    column,
                },
                section,
                origin,
                offsets,
            });
        }
    }
}

/// A row's text: its cells joined by [`CELL_SEPARATOR`], each cell's range in it,
/// and where the text came from.
struct RowText {
    text: String,
    cells: Vec<Range<usize>>,
    offsets: OffsetMap,
}

fn row_text(source: &str, cells: &[SourceCell]) -> RowText {
    let mut row = RowText {
        text: String::new(),
        cells: Vec::with_capacity(cells.len()),
        offsets: OffsetMap::default(),
    };
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            row.text.push(CELL_SEPARATOR);
        }
        let start = row.text.len();
        let pieces = match cell {
            SourceCell::Markdown(lines) => markdown_cell(source, lines),
            SourceCell::Text(pieces) => pieces.clone(),
        };
        for piece in pieces {
            let exact = piece.exact && !piece.text.contains(CELL_SEPARATOR);
            row.offsets.push(row.text.len(), piece.source, exact);
            row.text.push_str(&piece.text.replace(CELL_SEPARATOR, " "));
        }
        let cell = &row.text[start..];
        let lead = cell.len() - cell.trim_start().len();
        let end = start + cell.trim_end().len();
        row.cells.push((start + lead).min(end)..end);
    }
    row
}

/// The text of a grid-table cell: its lines read as Markdown (emphasis, links,
/// escapes), each piece located in the source.
fn markdown_cell(source: &str, lines: &[Range<usize>]) -> Vec<Piece> {
    // The lines joined by line ends, and where each starts in the joined text.
    let mut joined = String::new();
    let mut starts = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            joined.push('\n');
        }
        starts.push(joined.len());
        joined.push_str(source.get(line.clone()).unwrap_or(""));
    }
    let locate = |range: &Range<usize>, text: &str| -> (Range<usize>, bool) {
        let k = starts
            .partition_point(|&s| s <= range.start)
            .saturating_sub(1);
        let (Some(&joined_start), Some(line)) = (starts.get(k), lines.get(k)) else {
            return (0..0, false);
        };
        // Code spans and escapes: the text sits inside the event's range.
        let inside = joined
            .get(range.clone())
            .and_then(|raw| raw.find(text))
            .unwrap_or(0);
        let from = range.start + inside;
        let at = line.start + (from - joined_start).min(line.len());
        let exact = from + text.len() <= joined_start + line.len()
            && joined.get(from..from + text.len()) == Some(text);
        if exact {
            (at..at + text.len(), true)
        } else {
            (at..at, false)
        }
    };
    let mut pieces: Vec<Piece> = Vec::new();
    let mut space = false;
    for (event, range) in Parser::new_ext(&joined, Options::empty()).into_offset_iter() {
        match event {
            Event::Text(t) | Event::Code(t) => {
                let (at, exact) = locate(&range, &t);
                if space && !pieces.is_empty() {
                    pieces.push(Piece {
                        text: " ".into(),
                        source: at.start..at.start,
                        exact: false,
                    });
                }
                space = false;
                pieces.push(Piece {
                    text: t.to_string(),
                    source: at,
                    exact,
                });
            }
            // Inline markup joins words; every other boundary separates them.
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Strikethrough)
            | Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link | TagEnd::Strikethrough,
            ) => {}
            Event::SoftBreak | Event::HardBreak | Event::End(_) | Event::Start(_) => space = true,
            _ => {}
        }
    }
    pieces
}
