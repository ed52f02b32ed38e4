//! The document model every reader produces and the engine consumes.
//!
//! A tender is several files; each file becomes one [`Document`]: a flat list of
//! [`Block`]s in reading order, each with a [`Location`] a person can find and the
//! index of the [`Section`] it sits in. Readers know nothing of rules; they only
//! say what the vendor will read and where.

pub mod docx;
pub mod markdown;
pub mod read;
mod read_error;

pub use read_error::{ReadError, Unreadable};

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The file formats tenderlint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// Word (`.docx`, Office Open XML).
    Docx,
}

impl Format {
    /// The format a path's extension names, if tenderlint reads it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

/// One file of the tender, as read.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user will recognise it (relative to where they ran the tool).
    pub path: PathBuf,
    /// Which reader read it.
    pub format: Format,
    /// The full source text for formats that have one (Markdown); used for snippets.
    pub source: Option<Arc<str>>,
    /// What the vendor reads, in reading order: the unit rules are checked on.
    pub blocks: Vec<Block>,
    /// `sections[0]` is the document root (text before the first heading).
    pub sections: Vec<Section>,
    /// YAML front matter (Markdown) with the byte offset of its body in `source`.
    pub front_matter: Option<FrontMatter>,
    /// `tenderlint-…` directives found in comments (HTML comments, Word comments).
    pub directives: Vec<Directive>,
    /// Text the file holds but the vendor never sees (hidden, deleted rows and
    /// cells): not tender text, kept so `extract` can show what was left out and why.
    pub dropped: Vec<Dropped>,
    /// What the file says about itself outside its text (Word's document properties),
    /// read with it by the reader.
    pub facts: DocumentFacts,
}

/// What a document says about itself outside its body: services it declares and
/// title-like texts (title, subject, keywords) that service detection reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentFacts {
    /// Services a custom property (`services`, `tjenester`, `tenester`) declares.
    pub declared: Vec<String>,
    /// The title, subject and keywords that are not empty.
    pub titles: Vec<String>,
}

impl Document {
    /// An empty document with only the root section.
    pub fn new(path: PathBuf, format: Format) -> Document {
        Document {
            path,
            format,
            source: None,
            blocks: Vec::new(),
            sections: vec![Section::root()],
            front_matter: None,
            directives: Vec::new(),
            dropped: Vec::new(),
            facts: DocumentFacts::default(),
        }
    }

    /// The section path of a section, outermost first (the root is left out).
    pub fn section_path(&self, section: usize) -> Vec<&Section> {
        let mut path = Vec::new();
        let mut current = Some(section);
        while let Some(index) = current {
            let Some(s) = self.sections.get(index) else {
                break;
            };
            if index != 0 {
                path.push(s);
            }
            current = s.parent;
        }
        path.reverse();
        path
    }

    /// The section path rendered for people: `3 Kravspesifikasjon › 3.2 Integrasjoner`.
    pub fn section_display(&self, section: usize) -> String {
        self.section_path(section)
            .iter()
            .map(|s| s.display())
            .collect::<Vec<_>>()
            .join(" › ")
    }

    /// Opens a new section under the nearest enclosing one with a lower level and
    /// returns its index. Readers call this for each heading.
    pub fn open_section(
        &mut self,
        level: u8,
        number: Option<String>,
        title: String,
        block: usize,
    ) -> usize {
        let mut parent = self.sections.len() - 1;
        while parent != 0 && self.sections[parent].level >= level {
            parent = self.sections[parent].parent.unwrap_or(0);
        }
        self.sections.push(Section {
            level,
            number,
            title,
            parent: Some(parent),
            block: Some(block),
        });
        self.sections.len() - 1
    }
}

/// Where a Word block is, as a reader of the document finds it without page
/// numbers: the nearest heading above (with its number) and the block's position
/// under it. Paragraph numbers of the file («¶ 863») count paragraphs inside
/// tables and empty ones, and Word cannot jump to them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FindablePlace {
    /// «3.2 Integrasjoner»; `None` before the first heading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The paragraph's position under the heading (from 1): paragraphs, list
    /// items and quotes with text, not table rows or headings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// The table's position under the heading (from 1), the row in it and the
    /// column of the cell the finding is in (all from 1, header rows counted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<u32>,
    /// The row in that table (from 1, header rows counted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// The column of the cell (from 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// The block is the heading itself.
    pub is_heading: bool,
}

impl Document {
    /// For each block, its position under its heading: the paragraph number for
    /// text blocks, the table number for table rows (tables counted as they
    /// start, nested ones too), 0 for headings. One pass over the document.
    pub fn positions_under_headings(&self) -> Vec<u32> {
        let mut positions = Vec::with_capacity(self.blocks.len());
        let mut section = usize::MAX;
        let (mut paragraphs, mut tables) = (0u32, 0u32);
        // Tables under the current heading: document table number → position.
        let mut seen: Vec<(u32, u32)> = Vec::new();
        for block in &self.blocks {
            if block.section != section {
                section = block.section;
                paragraphs = 0;
                tables = 0;
                seen.clear();
            }
            let position = match &block.kind {
                BlockKind::Heading { .. } => 0,
                // A table seen before under this heading (an outer table resuming
                // after a nested one) keeps its number.
                BlockKind::TableRow(row) => match seen.iter().find(|(t, _)| *t == row.table) {
                    Some((_, position)) => *position,
                    None => {
                        tables += 1;
                        seen.push((row.table, tables));
                        tables
                    }
                },
                _ if block.origin == Origin::Body || block.origin == Origin::ContentControl => {
                    paragraphs += 1;
                    paragraphs
                }
                _ => 0,
            };
            positions.push(position);
        }
        positions
    }

    /// The findable place of a block, given [`Document::positions_under_headings`]
    /// and the byte offset in the block's text the finding is at (for its column).
    pub fn findable_place(
        &self,
        block: usize,
        positions: &[u32],
        offset: Option<usize>,
    ) -> Option<FindablePlace> {
        let b = self.blocks.get(block)?;
        let heading = self
            .sections
            .get(b.section)
            .filter(|_| b.section != 0)
            .map(Section::display)
            .filter(|h| !h.trim().is_empty());
        let position = positions.get(block).copied().unwrap_or(0);
        let mut place = FindablePlace {
            heading,
            paragraph: None,
            table: None,
            row: None,
            column: None,
            is_heading: false,
        };
        match &b.kind {
            BlockKind::Heading { .. } => place.is_heading = true,
            BlockKind::TableRow(row) => {
                place.table = Some(position.max(1));
                place.row = Some(row.row);
                let at = offset.unwrap_or(0);
                place.column = row
                    .cells
                    .iter()
                    .position(|c| c.start <= at && at <= c.end)
                    .map(|i| i as u32 + 1)
                    .or(Some(1));
            }
            _ => place.paragraph = (position > 0).then_some(position),
        }
        Some(place)
    }
}

/// A heading and everything under it until the next heading of the same or a higher level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// 1–9 for headings; 0 for the root.
    pub level: u8,
    /// The heading's number as rendered («3.2»), when the heading has one.
    pub number: Option<String>,
    /// The heading text without its number.
    pub title: String,
    /// The index of the enclosing section in [`Document::sections`]; `None` for the root.
    pub parent: Option<usize>,
    /// The heading block that opened it.
    pub block: Option<usize>,
}

impl Section {
    fn root() -> Section {
        Section {
            level: 0,
            number: None,
            title: String::new(),
            parent: None,
            block: None,
        }
    }

    /// The section's number and title as a heading shows them («3.2 Integrasjoner»).
    pub fn display(&self) -> String {
        match &self.number {
            Some(n) => format!("{n} {}", self.title),
            None => self.title.clone(),
        }
    }
}

/// A unit of text the vendor reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Heading, paragraph, list item, table row or quote: what decides how the engine reads it.
    pub kind: BlockKind,
    /// The text as the vendor reads it; for table rows the cells joined by [`CELL_SEPARATOR`].
    pub text: String,
    /// Where it is in the file, for evidence.
    pub location: Location,
    /// Index into [`Document::sections`].
    pub section: usize,
    /// Where the block lives in the file: body text, a footnote, a header or footer …
    pub origin: Origin,
    /// Maps byte offsets in `text` back to the source (Markdown); empty when the
    /// location is block-level only (DOCX).
    pub offsets: OffsetMap,
}

/// Text that is in the file but not in what the vendor reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    /// The text left out.
    pub text: String,
    /// Why it is left out (hidden, in a deleted row or cell).
    pub reason: DropReason,
    /// Where it is in the file.
    pub location: Location,
    /// Index into [`Document::sections`].
    pub section: usize,
    /// Where in the file it lives: body text, a footnote, a header …
    pub origin: Origin,
    /// The index of the first block read after it, so it can be shown in reading order.
    pub before: usize,
}

/// Why text is not tender text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DropReason {
    /// Formatted hidden (`w:vanish`, `w:specVanish`), directly or by its style.
    Hidden,
    /// In a table row deleted with tracked changes.
    DeletedRow,
    /// In a table cell deleted with tracked changes.
    DeletedCell,
}

impl DropReason {
    /// The reason's name in reports and `extract` output.
    pub fn as_str(self) -> &'static str {
        match self {
            DropReason::Hidden => "hidden text",
            DropReason::DeletedRow => "deleted table row",
            DropReason::DeletedCell => "deleted table cell",
        }
    }
}

/// What separates cells in a table row's [`Block::text`]; never occurs in cell text.
/// Defined with the text layer, which cuts sentences at it.
pub use crate::text::CELL_SEPARATOR;

/// What a block is, which decides how the engine reads it.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    /// A heading: it opens a section and is never a requirement by itself.
    Heading {
        /// 1 for a top-level heading.
        level: u8,
    },
    /// Running text.
    Paragraph,
    /// An item of a bulleted or numbered list; it inherits the modal verb of its lead-in.
    ListItem {
        /// Nesting depth, 0 for a top-level item.
        depth: u8,
        /// The rendered label («1.», «a)», «•»), when known.
        label: Option<String>,
    },
    /// Boxed: rows are a minority of blocks, and inline they would make every block
    /// 56 bytes bigger.
    TableRow(Box<TableRow>),
    /// A quotation: quoted text binds nobody.
    Quote,
}

/// A table row with its header cells, so the engine can find the requirement id,
/// text and type columns.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// Tables are numbered from 1 in document order (nested tables included).
    pub table: u32,
    /// Row number within the table, from 1; header rows included.
    pub row: u32,
    /// True for header rows: the first row in Markdown (a pipe table always has one);
    /// in DOCX a row Word marks (`w:tblHeader`), or a first row that reads as column
    /// titles or is set apart by bold or shading. A header's text is still tender
    /// text; its cells name the columns of the rows below.
    pub is_header: bool,
    /// The header cells of the table this row belongs to (empty when there is none).
    pub header: Arc<[String]>,
    /// Byte ranges of each cell in [`Block::text`].
    pub cells: Vec<Range<usize>>,
    /// The block index of the row whose cell holds this row's (nested) table.
    pub parent_row: Option<usize>,
}

impl Block {
    /// The text of cell `index` of a table row.
    pub fn cell(&self, index: usize) -> Option<&str> {
        match &self.kind {
            BlockKind::TableRow(row) => row.cells.get(index).and_then(|r| self.text.get(r.clone())),
            _ => None,
        }
    }
}

/// Where in a file a block lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// The main text.
    Body,
    /// A footnote.
    Footnote,
    /// An endnote.
    Endnote,
    /// Page headers and footers: read, but never a requirement.
    HeaderFooter,
    /// A Word text box.
    TextBox,
    /// A Word content control (a form field).
    ContentControl,
}

/// Where a block is, in terms a person can find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A text file: the block's byte range and its 1-based line and column.
    Text {
        /// The block's byte range in the file.
        bytes: Range<usize>,
        /// 1-based line of its start.
        line: u32,
        /// 1-based column of its start.
        column: u32,
    },
    /// A Word file: the part, the paragraph number in that part (from 1), the table
    /// cell if any, and the byte offset of the paragraph in the part's XML.
    Docx {
        /// Shared by the part's blocks: one allocation per part, not per paragraph.
        part: Arc<str>,
        /// The paragraph's number in the part, from 1 (empty and table paragraphs counted).
        paragraph: u32,
        /// The table cell the paragraph is in, if any.
        cell: Option<CellRef>,
        /// Byte offset of the paragraph in the part's XML, where `review` finds it again.
        xml_offset: u64,
    },
}

/// Table n, row r, column c (all from 1), as Word users count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRef {
    /// Table number in document order.
    pub table: u32,
    /// Row in the table.
    pub row: u32,
    /// Column in the row.
    pub column: u32,
}

impl Location {
    /// The 1-based line, for formats that have lines.
    pub fn line(&self) -> Option<u32> {
        match self {
            Location::Text { line, .. } => Some(*line),
            Location::Docx { .. } => None,
        }
    }

    /// A short human form: `12:3` or `¶ 41, tabell 2 rad 3 kolonne 2`.
    pub fn display(&self) -> String {
        match self {
            Location::Text { line, column, .. } => format!("{line}:{column}"),
            Location::Docx {
                part,
                paragraph,
                cell,
                ..
            } => {
                let mut s = if &**part == "word/document.xml" {
                    format!("¶ {paragraph}")
                } else {
                    format!("{part} ¶ {paragraph}")
                };
                if let Some(c) = cell {
                    s.push_str(&format!(
                        ", table {} row {} column {}",
                        c.table, c.row, c.column
                    ));
                }
                s
            }
        }
    }
}

/// Piecewise map from offsets in a block's text to offsets in the source file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Segment {
    text_start: usize,
    source: Range<usize>,
    /// The text slice equals the source slice byte for byte, so offsets inside map 1:1.
    exact: bool,
}

impl OffsetMap {
    /// Records that text from `text_start` on came from `source`.
    pub fn push(&mut self, text_start: usize, source: Range<usize>, exact: bool) {
        // A paragraph arrives as many text events (one per line, around every
        // escape); where they continue each other byte for byte one segment
        // serves, and the map stays far smaller than the text.
        if let Some(last) = self.segments.last_mut()
            && exact
            && last.exact
            && last.source.end == source.start
            && last.text_start + last.source.len() == text_start
        {
            last.source.end = source.end;
            return;
        }
        self.segments.push(Segment {
            text_start,
            source,
            exact,
        });
    }

    /// No piece of text is mapped to the source yet.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// Gives back the room kept for further segments.
    pub fn shrink_to_fit(&mut self) {
        self.segments.shrink_to_fit();
    }

    /// The end of the last source range recorded.
    pub fn last_source_end(&self) -> Option<usize> {
        self.segments.last().map(|s| s.source.end)
    }

    /// The source offset of byte `offset` of the block text, if the block has a map.
    pub fn to_source(&self, offset: usize) -> Option<usize> {
        let index = self
            .segments
            .partition_point(|s| s.text_start <= offset)
            .checked_sub(1)?;
        let seg = &self.segments[index];
        if seg.exact {
            Some((seg.source.start + (offset - seg.text_start)).min(seg.source.end))
        } else {
            Some(seg.source.start)
        }
    }
}

/// YAML front matter of a Markdown file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    /// The YAML between the `---` lines.
    pub yaml: String,
    /// Byte offset of `yaml` in the file.
    pub offset: usize,
}

/// A `tenderlint-…` instruction written in a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The comment text after `tenderlint-` was found, trimmed (e.g. `disable INT-014: reason`).
    pub text: String,
    /// Where the comment is.
    pub location: Location,
    /// The block the comment is anchored on or stands before; `None` at the end of the file.
    pub block: Option<usize>,
}

/// Largest file tenderlint reads (bytes); larger ones are refused, not truncated.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Most text one file may hold (bytes). Checking costs about 35 bytes of memory per
/// byte of text, so 32 MiB — some 10,000 pages, ten times the largest real tender —
/// keeps a check within a CI runner's memory; a larger file is refused, not truncated.
pub const MAX_TEXT_BYTES: usize = 32 * 1024 * 1024;

#[cfg(test)]
mod tests {
    use super::OffsetMap;

    #[test]
    fn continuing_segments_merge_without_moving_any_offset() {
        let mut map = OffsetMap::default();
        map.push(0, 10..15, true);
        map.push(5, 15..20, true);
        // Not exact, or not continuing: kept apart.
        map.push(10, 30..32, false);
        map.push(11, 32..40, true);
        map.push(19, 41..45, true);
        assert_eq!(map.segments.len(), 4);
        let expected = [
            10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 30, 32, 33, 34, 35, 36, 37, 38, 39, 41, 42,
        ];
        let got: Vec<usize> = (0..21).filter_map(|o| map.to_source(o)).collect();
        assert_eq!(got, expected);
    }
}
