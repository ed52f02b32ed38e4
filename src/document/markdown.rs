//! Markdown reader: pulldown-cmark events with byte offsets → blocks.
//!
//! Code blocks and HTML are not tender text; HTML comments that start with
//! `tenderlint-` become directives (inline waivers). Tables pulldown-cmark does not
//! know — pandoc's grid, simple and multiline tables and raw HTML `<table>` blocks —
//! are read from the source into the same table rows as pipe tables.

mod grid;
mod html_table;
mod pandoc_table;
mod tables;

use super::{
    Block, BlockKind, CELL_SEPARATOR, Directive, Document, Format, FrontMatter, Location,
    OffsetMap, Origin, TableRow,
};
use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;
use tables::{Piece, SourceCell, SourceTable};

use crate::source::LineIndex;
// The engine still names the line index here; its home is `crate::source`.
pub(crate) use crate::source::LineIndexRef;

/// Reads a Markdown file's text into a document.
pub fn read(path: PathBuf, text: &str) -> Document {
    read_shared(path, Arc::from(text))
}

/// [`read`] for text already in the form the document keeps.
pub(crate) fn read_shared(path: PathBuf, source: Arc<str>) -> Document {
    let mut doc = Document::new(path, Format::Markdown);
    doc.source = Some(Arc::clone(&source));
    let text: &str = &source;
    let lines = LineIndex::new(text);
    let mut reader = Reader {
        doc,
        lines,
        text,
        pending: Pending::default(),
        lists: Vec::new(),
        items: Vec::new(),
        quote_depth: 0,
        footnote_depth: 0,
        code_depth: 0,
        html_block: None,
        metadata: None,
        in_heading: None,
        table: None,
        table_count: 0,
        skip: 0..0,
    };
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        reader.event(event, range);
    }
    let Reader { mut doc, .. } = reader;
    // The block list grew by doubling; it lives as long as the check.
    doc.blocks.shrink_to_fit();
    let block_count = doc.blocks.len();
    for directive in &mut doc.directives {
        if directive.block.is_some_and(|b| b >= block_count) {
            directive.block = None;
        }
    }
    doc
}

/// Text being collected for the block that is open.
#[derive(Default)]
struct Pending {
    kind: Option<BlockKind>,
    text: String,
    offsets: OffsetMap,
    start: Option<usize>,
    origin: Option<Origin>,
    cells: Vec<Range<usize>>,
}

struct Reader<'a> {
    doc: Document,
    lines: LineIndex,
    text: &'a str,
    pending: Pending,
    /// Open lists: the next ordered number (None for bullets).
    lists: Vec<Option<u64>>,
    /// Open list items, with whether their text was already flushed (a nested list started).
    items: Vec<bool>,
    quote_depth: usize,
    footnote_depth: usize,
    code_depth: usize,
    html_block: Option<(String, usize)>,
    metadata: Option<usize>,
    in_heading: Option<u8>,
    table: Option<TableState>,
    table_count: u32,
    /// Events starting here belong to a table read from the source (the ends of
    /// containers opened before it do not).
    skip: Range<usize>,
}

struct TableState {
    header: Vec<String>,
    header_arc: Arc<[String]>,
    in_head: bool,
    row: u32,
    cell_start: usize,
}

impl Reader<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        if self.skip.contains(&range.start) {
            // A paragraph that runs on past a grid table's last border was reopened
            // there; its end closes it.
            let runs_on =
                matches!(event, Event::End(TagEnd::Paragraph)) && range.end > self.skip.end;
            if !runs_on {
                return;
            }
        } else if matches!(
            event,
            Event::Start(Tag::Paragraph | Tag::HtmlBlock) | Event::Rule
        ) && self.lists.is_empty()
            && self.quote_depth == 0
            && self.table.is_none()
            && let Some(table) = self.source_table(&event, &range)
        {
            let end = table.end;
            self.emit_table(table);
            self.skip = range.start..end.max(range.start + 1);
            if matches!(event, Event::Start(Tag::Paragraph)) && range.end > end {
                self.open(BlockKind::Paragraph, end);
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(text) => {
                if let Some(offset) = self.metadata {
                    let _ = offset;
                    self.doc.front_matter = Some(FrontMatter {
                        yaml: text.to_string(),
                        offset: range.start,
                    });
                } else if self.code_depth == 0 {
                    self.push_text(&text, range);
                }
            }
            Event::Code(text) => self.push_text(&text, range),
            Event::SoftBreak | Event::HardBreak => self.push_text(" ", range),
            Event::Html(html) => {
                if let Some((buffer, _)) = &mut self.html_block {
                    buffer.push_str(&html);
                }
            }
            Event::InlineHtml(html) => self.comment(&html, range.start),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) | Event::Rule => {}
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push_text(&text, range),
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush_item_text();
                self.in_heading = Some(level as u8);
                self.open(BlockKind::Heading { level: level as u8 }, range.start);
            }
            Tag::Paragraph => {
                if self.items.last().is_some_and(|flushed| !flushed) && self.pending.kind.is_some()
                {
                    // Another paragraph of the same list item: keep collecting.
                    if !self.pending.text.is_empty() {
                        self.pending.text.push(' ');
                    }
                } else if self.table.is_none() {
                    let kind = if self.quote_depth > 0 {
                        BlockKind::Quote
                    } else {
                        BlockKind::Paragraph
                    };
                    self.open(kind, range.start);
                }
            }
            Tag::List(first) => {
                self.flush_item_text();
                self.lists.push(first);
            }
            Tag::Item => {
                let depth = self.lists.len().saturating_sub(1) as u8;
                let label = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let label = format!("{n}.");
                        *n += 1;
                        Some(label)
                    }
                    _ => Some("•".to_string()),
                };
                self.items.push(false);
                self.open(BlockKind::ListItem { depth, label }, range.start);
            }
            Tag::BlockQuote(_) => self.quote_depth += 1,
            Tag::CodeBlock(_) => self.code_depth += 1,
            Tag::HtmlBlock => self.html_block = Some((String::new(), range.start)),
            Tag::MetadataBlock(MetadataBlockKind::YamlStyle) => self.metadata = Some(range.start),
            Tag::MetadataBlock(_) => self.code_depth += 1,
            Tag::FootnoteDefinition(_) => self.footnote_depth += 1,
            Tag::Table(_) => {
                self.table_count += 1;
                self.table = Some(TableState {
                    header: Vec::new(),
                    header_arc: Arc::from(Vec::new()),
                    in_head: false,
                    row: 0,
                    cell_start: 0,
                });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(table) = &mut self.table {
                    table.in_head = matches!(tag, Tag::TableHead);
                    table.row += 1;
                    let row = TableRow {
                        table: self.table_count,
                        row: table.row,
                        is_header: table.in_head,
                        header: table.header_arc.clone(),
                        cells: Vec::new(),
                        parent_row: None,
                    };
                    self.open(BlockKind::TableRow(Box::new(row)), range.start);
                }
            }
            Tag::TableCell => {
                if !self.pending.text.is_empty() || !self.pending.cells.is_empty() {
                    self.pending.text.push(CELL_SEPARATOR);
                }
                if let Some(table) = &mut self.table {
                    table.cell_start = self.pending.text.len();
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, _range: Range<usize>) {
        match tag {
            TagEnd::Heading(_) => {
                let level = self.in_heading.take().unwrap_or(1);
                let index = self.doc.blocks.len();
                let title_text = self.pending.text.trim().to_string();
                if self.close() {
                    let (number, title) = split_heading_number(&title_text);
                    let section = self.doc.open_section(level, number, title, index);
                    if let Some(block) = self.doc.blocks.get_mut(index) {
                        block.section = section;
                    }
                }
            }
            TagEnd::Paragraph => {
                let in_item = self.items.last().is_some_and(|flushed| !flushed);
                if !in_item && self.table.is_none() {
                    self.close();
                }
            }
            TagEnd::Item if self.items.pop().is_some_and(|flushed| !flushed) => {
                self.close();
            }
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::BlockQuote(_) => self.quote_depth = self.quote_depth.saturating_sub(1),
            TagEnd::CodeBlock => self.code_depth = self.code_depth.saturating_sub(1),
            TagEnd::HtmlBlock => {
                if let Some((html, start)) = self.html_block.take() {
                    self.comment(&html, start);
                }
            }
            TagEnd::MetadataBlock(MetadataBlockKind::YamlStyle) => self.metadata = None,
            TagEnd::MetadataBlock(_) => self.code_depth = self.code_depth.saturating_sub(1),
            TagEnd::FootnoteDefinition => {
                self.footnote_depth = self.footnote_depth.saturating_sub(1)
            }
            TagEnd::TableCell => {
                if let Some(table) = &mut self.table {
                    let start = table.cell_start;
                    // Trim the cell within the row text so ranges hold only the words.
                    let cell = &self.pending.text[start..];
                    let lead = cell.len() - cell.trim_start().len();
                    let end = start + cell.trim_end().len();
                    self.pending.cells.push((start + lead).min(end)..end);
                    if table.in_head {
                        table
                            .header
                            .push(self.pending.text[start..].trim().to_string());
                    }
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(table) = &mut self.table
                    && matches!(tag, TagEnd::TableHead)
                {
                    table.header_arc = Arc::from(table.header.clone());
                    if let Some(BlockKind::TableRow(row)) = &mut self.pending.kind {
                        row.header = table.header_arc.clone();
                    }
                }
                let cells = std::mem::take(&mut self.pending.cells);
                if let Some(BlockKind::TableRow(row)) = &mut self.pending.kind {
                    row.cells = cells;
                }
                self.close_keep_empty();
            }
            TagEnd::Table => self.table = None,
            _ => {}
        }
    }

    /// The table a paragraph, thematic break or HTML block starts, if it is one.
    fn source_table(&self, event: &Event<'_>, range: &Range<usize>) -> Option<SourceTable> {
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
    fn emit_table(&mut self, table: SourceTable) {
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

    fn open(&mut self, kind: BlockKind, start: usize) {
        self.pending = Pending {
            kind: Some(kind),
            start: Some(start),
            origin: Some(if self.footnote_depth > 0 {
                Origin::Footnote
            } else {
                Origin::Body
            }),
            ..Pending::default()
        };
    }

    fn push_text(&mut self, text: &str, range: Range<usize>) {
        if self.pending.kind.is_none() {
            return;
        }
        let exact = self.text.get(range.clone()) == Some(text);
        self.pending
            .offsets
            .push(self.pending.text.len(), range, exact);
        // The cell separator is reserved for table rows.
        if text.contains(CELL_SEPARATOR) {
            self.pending
                .text
                .push_str(&text.replace(CELL_SEPARATOR, " "));
        } else {
            self.pending.text.push_str(text);
        }
    }

    /// A list item whose nested list starts: its own text so far becomes a block.
    fn flush_item_text(&mut self) {
        if let Some(flushed) = self.items.last_mut()
            && !*flushed
        {
            *flushed = true;
            self.close();
        }
    }

    /// Ends the pending block; empty blocks are dropped. Returns whether one was pushed.
    fn close(&mut self) -> bool {
        if self.pending.text.trim().is_empty() {
            self.pending = Pending::default();
            return false;
        }
        self.close_keep_empty()
    }

    fn close_keep_empty(&mut self) -> bool {
        let pending = std::mem::take(&mut self.pending);
        let (Some(kind), Some(start)) = (pending.kind, pending.start) else {
            return false;
        };
        let end = pending_end(&pending.offsets, start);
        let (line, column) = self.lines.line_column(self.text, start);
        let section = self.doc.sections.len() - 1;
        // The block lives as long as the check: give back what growing it reserved.
        let (mut text, mut offsets) = (pending.text, pending.offsets);
        text.shrink_to_fit();
        offsets.shrink_to_fit();
        self.doc.blocks.push(Block {
            kind,
            text,
            location: Location::Text {
                bytes: start..end.max(start),
                line,
                column,
            },
            section,
            origin: pending.origin.unwrap_or(Origin::Body),
            offsets,
        });
        true
    }

    fn comment(&mut self, html: &str, start: usize) {
        let Some(body) = html.trim().strip_prefix("<!--") else {
            return;
        };
        let body = body.trim_end().strip_suffix("-->").unwrap_or(body).trim();
        let Some(directive) = body.strip_prefix("tenderlint-") else {
            return;
        };
        let (line, column) = self.lines.line_column(self.text, start);
        self.doc.directives.push(Directive {
            text: directive.trim().to_string(),
            location: Location::Text {
                bytes: start..start + html.len(),
                line,
                column,
            },
            block: Some(self.doc.blocks.len()),
        });
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

fn pending_end(offsets: &OffsetMap, start: usize) -> usize {
    offsets.last_source_end().unwrap_or(start)
}

/// Splits «3.2 Integrasjoner» / «3.2. Integrasjoner» / «Kapittel 3» into number and title.
pub(crate) fn split_heading_number(heading: &str) -> (Option<String>, String) {
    let trimmed = heading.trim();
    let end = trimmed
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(trimmed.len());
    let number = trimmed[..end].trim_end_matches('.');
    // Section numbers have short parts («3.2.1»); «2026 er året» is a title.
    let plausible = number
        .split('.')
        .all(|part| !part.is_empty() && part.len() <= 3);
    if plausible {
        let rest = trimmed[end..].trim_start_matches([')', ' ', '\t']).trim();
        if !rest.is_empty() && trimmed[end..].starts_with([' ', ')', '\t']) {
            return (Some(number.to_string()), rest.to_string());
        }
    }
    (None, trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        read(PathBuf::from("t.md"), text)
    }

    #[test]
    fn headings_open_sections_with_numbers() {
        let d = doc(
            "# 3 Kravspesifikasjon\n\n## 3.2 Integrasjoner\n\nLøsningen skal støtte HelseID.\n",
        );
        let para = d.blocks.last().unwrap();
        assert_eq!(para.kind, BlockKind::Paragraph);
        assert_eq!(
            d.section_display(para.section),
            "3 Kravspesifikasjon › 3.2 Integrasjoner"
        );
        assert_eq!(para.location.line(), Some(5));
    }

    #[test]
    fn sibling_heading_closes_previous_section() {
        let d = doc("# A\n\n## B\n\ntext\n\n# C\n\nmore\n");
        let last = d.blocks.last().unwrap();
        assert_eq!(d.section_display(last.section), "C");
    }

    #[test]
    fn list_items_with_nested_lists_are_separate_blocks() {
        let d = doc("Løsningen skal støtte:\n\n1. kjernejournal\n   - oppslag\n2. e-resept\n");
        let items: Vec<_> = d
            .blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::ListItem { depth, label } => {
                    Some((b.text.as_str(), *depth, label.clone()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            items,
            vec![
                ("kjernejournal", 0, Some("1.".into())),
                ("oppslag", 1, Some("•".into())),
                ("e-resept", 0, Some("2.".into()))
            ]
        );
    }

    #[test]
    fn table_rows_carry_header_and_cells() {
        let d = doc(
            "| Krav-ID | Kravtekst | Type |\n|---|---|---|\n| K-1 | Løsningen skal støtte HelseID. | M |\n",
        );
        let row = d.blocks.last().unwrap();
        let BlockKind::TableRow(r) = &row.kind else {
            panic!("{:?}", row.kind)
        };
        assert_eq!(
            &*r.header,
            &["Krav-ID".to_string(), "Kravtekst".into(), "Type".into()]
        );
        assert_eq!(row.cell(0), Some("K-1"));
        assert_eq!(row.cell(1), Some("Løsningen skal støtte HelseID."));
        assert_eq!(row.cell(2), Some("M"));
        assert!(!r.is_header);
        assert_eq!(row.location.line(), Some(3));
    }

    #[test]
    fn code_blocks_and_html_comments_are_not_text() {
        let d = doc("```\nskal kjernejournal\n```\n\n<!-- skal kjernejournal -->\n\nTekst.\n");
        assert_eq!(d.blocks.len(), 1);
        assert_eq!(d.blocks[0].text, "Tekst.");
    }

    #[test]
    fn front_matter_is_kept_apart() {
        let d = doc("---\nservices: [legevakt]\n---\n\n# Tittel\n");
        let fm = d.front_matter.unwrap();
        assert_eq!(fm.yaml.trim(), "services: [legevakt]");
        assert_eq!(d.blocks.len(), 1);
    }

    #[test]
    fn directive_comments_anchor_on_the_next_block() {
        let d = doc(
            "<!-- tenderlint-disable INT-014: besluttet i styringsgruppen -->\nLøsningen skal støtte HelseID.\n",
        );
        assert_eq!(d.directives.len(), 1);
        assert_eq!(
            d.directives[0].text,
            "disable INT-014: besluttet i styringsgruppen"
        );
        assert_eq!(d.directives[0].block, Some(0));
    }

    #[test]
    fn offsets_map_back_to_source_lines() {
        let src = "# T\n\nFørste linje\nLøsningen skal bruke HelseID.\n";
        let d = doc(src);
        let b = &d.blocks[1];
        let at = b.text.find("HelseID").unwrap();
        let source = b.offsets.to_source(at).unwrap();
        assert_eq!(&src[source..source + 7], "HelseID");
    }

    fn rows(d: &Document) -> Vec<(u32, bool, Vec<String>)> {
        d.blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::TableRow(r) => Some((
                    b.location.line().unwrap_or(0),
                    r.is_header,
                    (0..r.cells.len())
                        .map(|i| b.cell(i).unwrap_or("").to_string())
                        .collect(),
                )),
                _ => None,
            })
            .collect()
    }

    const GRID: &str = "# Krav\n\n+---------+-----------------------+------+\n| Krav-ID | Kravtekst             | Type |\n+=========+=======================+======+\n| K-3.1   | Løsningen **skal**    | M    |\n|         | bruke `HelseID`.      |      |\n+---------+-----------------------+------+\n| K-3.2   | Løsningen bør støtte  | E    |\n|         | SSO.                  |      |\n+---------+-----------------------+------+\n\nEtter tabellen.\n";

    #[test]
    fn grid_tables_become_table_rows_at_their_lines() {
        let d = doc(GRID);
        assert_eq!(
            rows(&d),
            vec![
                (
                    3 + 1,
                    true,
                    vec!["Krav-ID".into(), "Kravtekst".into(), "Type".into()]
                ),
                (
                    6,
                    false,
                    vec![
                        "K-3.1".into(),
                        "Løsningen skal bruke HelseID.".into(),
                        "M".into()
                    ]
                ),
                (
                    9,
                    false,
                    vec![
                        "K-3.2".into(),
                        "Løsningen bør støtte SSO.".into(),
                        "E".into()
                    ]
                ),
            ]
        );
        let BlockKind::TableRow(r) = &d.blocks[2].kind else {
            unreachable!()
        };
        assert_eq!(&*r.header, ["Krav-ID", "Kravtekst", "Type"]);
        assert_eq!(d.blocks.last().unwrap().text, "Etter tabellen.");
        // Words on a cell's second line map back to that line.
        let row = &d.blocks[2];
        let at = row.text.find("HelseID").unwrap();
        let source = row.offsets.to_source(at).unwrap();
        assert_eq!(&GRID[source..source + 7], "HelseID");
    }

    #[test]
    fn a_paragraph_right_under_a_grid_table_is_kept() {
        let d = doc("+---+---+\n| a | b |\n+---+---+\nLøsningen skal logge.\n");
        assert_eq!(rows(&d).len(), 1);
        let last = d.blocks.last().unwrap();
        assert_eq!(last.kind, BlockKind::Paragraph);
        assert_eq!(last.text, "Løsningen skal logge.");
        assert_eq!(last.location.line(), Some(4));
    }

    #[test]
    fn html_tables_become_table_rows_at_their_lines() {
        let src = "Før.\n\n<table>\n<thead>\n<tr>\n<th>Krav-ID</th>\n<th>Kravtekst</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>K-1</td>\n<td>Løsningen <em>skal</em> st&oslash;tte\nHelseID.</td>\n</tr>\n</tbody>\n</table>\n\nEtter.\n";
        let d = doc(src);
        assert_eq!(
            rows(&d),
            vec![
                (5, true, vec!["Krav-ID".into(), "Kravtekst".into()]),
                (
                    11,
                    false,
                    vec!["K-1".into(), "Løsningen skal støtte HelseID.".into()]
                ),
            ]
        );
        let row = &d.blocks[2];
        let at = row.text.find("HelseID").unwrap();
        let source = row.offsets.to_source(at).unwrap();
        assert_eq!(&src[source..source + 7], "HelseID");
        assert_eq!(d.blocks.last().unwrap().text, "Etter.");
        // Pipe tables and source tables are numbered together.
        let d = doc(&format!("| a | b |\n|---|---|\n| c | d |\n\n{src}"));
        let tables: Vec<u32> = d
            .blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::TableRow(r) => Some(r.table),
                _ => None,
            })
            .collect();
        assert_eq!(tables, [1, 1, 2, 2]);
    }

    #[test]
    fn pandoc_multiline_tables_become_table_rows_at_their_lines() {
        let src = "# Krav\n\n  ------------------------------------\n  Krav-ID    Kravtekst           Type\n  ---------- ------------------- -----\n  K-1        Løsningen skal      M\n             bruke HelseID.\n\n  K-2        Løsningen bør       E\n             støtte SSO.\n  ------------------------------------\n\nEtter.\n";
        let d = doc(src);
        assert_eq!(
            rows(&d),
            vec![
                (
                    4,
                    true,
                    vec!["Krav-ID".into(), "Kravtekst".into(), "Type".into()]
                ),
                (
                    6,
                    false,
                    vec![
                        "K-1".into(),
                        "Løsningen skal bruke HelseID.".into(),
                        "M".into()
                    ]
                ),
                (
                    9,
                    false,
                    vec!["K-2".into(), "Løsningen bør støtte SSO.".into(), "E".into()]
                ),
            ]
        );
        // No heading or section came of the header line and the dashes under it.
        assert!(d.blocks.iter().all(|b| b.section == 1));
        assert_eq!(d.blocks.last().unwrap().text, "Etter.");
    }

    #[test]
    fn a_table_in_a_footnote_ends_with_its_footnote() {
        let d = doc(
            "Tekst[^1].\n\n[^1]: Fotnote.\n\n    <table><tr><td>K-1</td><td>skal</td></tr></table>\n\nEtter.\n",
        );
        let row = d
            .blocks
            .iter()
            .find(|b| matches!(b.kind, BlockKind::TableRow(_)));
        assert_eq!(row.map(|b| b.origin), Some(Origin::Footnote));
        let last = d.blocks.last().unwrap();
        assert_eq!((last.text.as_str(), last.origin), ("Etter.", Origin::Body));
    }

    #[test]
    fn malformed_tables_are_read_as_before() {
        let grid = "+---+---+\n| a | b |\n+---+\n| c\n";
        let d = doc(grid);
        assert!(rows(&d).is_empty());
        assert_eq!(d.blocks.len(), 1);
        assert!(d.blocks[0].text.contains("| a | b |"));
        // An HTML block that is not a table stays out of the text, as all HTML does.
        assert!(doc("<div>\nskal\n</div>\n").blocks.is_empty());
        assert!(doc("<table>\n</table>\n").blocks.is_empty());
    }

    /// A small deterministic generator, so failures repeat.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n.max(1)
        }
    }

    const WORDS: &[&str] = &[
        "skal",
        "Kjernejournal",
        "bør",
        "æøå",
        "HelseID",
        "M",
        "K-1",
        "e-resept",
    ];

    #[test]
    fn generated_tables_keep_every_word_and_their_rows() {
        let mut rng = Lcg(13);
        for case in 0..300 {
            let columns = 1 + rng.next(4);
            let widths: Vec<usize> = (0..columns).map(|_| 14 + rng.next(8)).collect();
            let body_rows = 1 + rng.next(4);
            let header = rng.next(2) == 0;
            let mut words = Vec::new();
            let mut grid = String::from("Før.\n\n");
            let mut html = String::from("Før.\n\n<table>\n");
            let border = |c: char| {
                let mut s = String::from("+");
                for w in &widths {
                    s.push_str(&c.to_string().repeat(*w));
                    s.push('+');
                }
                s.push('\n');
                s
            };
            grid.push_str(&border('-'));
            // pandoc's multiline tables: two columns at least, and a header.
            let total: usize = widths.iter().sum::<usize>() + widths.len() - 1;
            let mut multiline = format!("Før.\n\n  {}\n", "-".repeat(total));
            let column_line = format!(
                "  {}\n",
                widths
                    .iter()
                    .map(|w| "-".repeat(*w))
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            let mut multiline_rows = 0;
            for r in 0..body_rows + usize::from(header) {
                let lines = 1 + rng.next(3);
                let cells: Vec<Vec<&str>> = (0..columns)
                    .map(|_| (0..lines).map(|_| WORDS[rng.next(WORDS.len())]).collect())
                    .collect();
                for line in 0..lines {
                    grid.push('|');
                    for (c, w) in cells.iter().zip(&widths) {
                        let word = c[line];
                        let pad = w - 1 - word.chars().count();
                        grid.push(' ');
                        grid.push_str(word);
                        grid.push_str(&" ".repeat(pad));
                        grid.push('|');
                    }
                    grid.push('\n');
                }
                grid.push_str(&border(if header && r == 0 { '=' } else { '-' }));
                for line in 0..lines {
                    let cells_of_line: Vec<String> = cells
                        .iter()
                        .zip(&widths)
                        .map(|(c, w)| format!("{:<w$}", c[line], w = *w))
                        .collect();
                    multiline.push_str(&format!("  {}\n", cells_of_line.join(" ").trim_end()));
                }
                multiline_rows += 1;
                if r == 0 {
                    multiline.push_str(&column_line);
                } else {
                    multiline.push('\n');
                }
                let tag = if header && r == 0 { "th" } else { "td" };
                html.push_str("<tr>\n");
                for c in &cells {
                    html.push_str(&format!(
                        "<{tag}>{}</{tag}>\n",
                        c.join("\n").replace('æ', "&aelig;")
                    ));
                    words.extend(c.iter().copied());
                }
                html.push_str("</tr>\n");
            }
            html.push_str("</table>\n");
            multiline.push_str(&format!("  {}\n\nEtter.\n", "-".repeat(total)));
            let all_rows = body_rows + usize::from(header);
            let mut sources = vec![(&grid, header, all_rows), (&html, header, all_rows)];
            if columns >= 2 && multiline_rows >= 2 {
                sources.push((&multiline, true, multiline_rows));
            }
            for (src, header, expected_rows) in sources {
                let d = doc(src);
                let got = rows(&d);
                assert_eq!(got.len(), expected_rows, "case {case}: {src}");
                assert_eq!(got[0].1, header, "case {case}: {src}");
                let text: String = d
                    .blocks
                    .iter()
                    .map(|b| b.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                for w in &words {
                    assert!(text.contains(w), "case {case}: {w} lost from {src}");
                }
                for b in &d.blocks {
                    for at in 0..b.text.len() {
                        if let Some(s) = b.offsets.to_source(at) {
                            assert!(s <= src.len());
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn generated_garbage_never_panics_nor_maps_outside_the_source() {
        const PIECES: &[&str] = &[
            "+",
            "-",
            "=",
            "|",
            ":",
            " ",
            "\n",
            "\n\n",
            "+---+",
            "+===+",
            "  ------",
            "--- ---",
            "----  ---\n",
            "\n  -------\n",
            "| ",
            " |",
            "<table>",
            "</table>",
            "<tr>",
            "<td>",
            "</td>",
            "<th colspan=\"99999999999\">",
            "<td rowspan=3>",
            "&amp;",
            "&#x1F;",
            "\u{1F}",
            "æøå",
            "skal",
            "```",
            "> ",
            "- ",
            "    ",
            "\r\n",
            "<!--",
            "-->",
            "`",
            "*",
        ];
        let mut rng = Lcg(7);
        for _ in 0..3000 {
            let len = 1 + rng.next(60);
            let src: String = (0..len).map(|_| PIECES[rng.next(PIECES.len())]).collect();
            let d = doc(&src);
            for b in &d.blocks {
                assert!(!b.text.is_empty() || matches!(b.kind, BlockKind::TableRow(_)));
                for at in 0..=b.text.len() {
                    if let Some(s) = b.offsets.to_source(at) {
                        assert!(s <= src.len(), "{src:?}");
                    }
                }
                if let BlockKind::TableRow(r) = &b.kind {
                    for c in &r.cells {
                        assert!(b.text.get(c.clone()).is_some(), "{src:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn heading_numbers() {
        assert_eq!(
            split_heading_number("3.2 Integrasjoner"),
            (Some("3.2".into()), "Integrasjoner".into())
        );
        assert_eq!(
            split_heading_number("3.2. Integrasjoner"),
            (Some("3.2".into()), "Integrasjoner".into())
        );
        assert_eq!(split_heading_number("Bakgrunn"), (None, "Bakgrunn".into()));
        assert_eq!(
            split_heading_number("2026 er året"),
            (None, "2026 er året".into())
        );
    }
}
