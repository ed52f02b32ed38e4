//! Markdown reader: pulldown-cmark events with byte offsets → blocks.
//!
//! Code blocks and HTML are not tender text; HTML comments that start with
//! `tenderlint-` become directives (inline waivers). Tables pulldown-cmark does not
//! know — pandoc's grid, simple and multiline tables and raw HTML `<table>` blocks —
//! are read from the source into the same table rows as pipe tables.

mod grid;
mod html_table;
mod pandoc_table;
mod table_rows;
mod tables;

use super::{
    Block, BlockKind, CELL_SEPARATOR, Directive, Document, Format, FrontMatter, Location,
    OffsetMap, Origin, TableRow,
};
use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use crate::source::LineIndex;

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
mod tests;
