//! The streaming walk over a story part (the body, a header or footer, the
//! footnotes or endnotes): turns `w:p` and `w:tr` into [`Block`]s in reading order.
//!
//! No DOM is built. Open paragraphs, tables, rows and cells live on explicit
//! stacks (never recursion over the XML), so nesting costs heap, not stack, and
//! the element depth is capped by [`Xml`].
//!
//! Reading order: a table row's block is reserved when `<w:tr>` opens, so a row
//! comes before the rows of tables nested in its cells. Paragraphs of a text box
//! come right after the paragraph that anchors the text box.

use super::super::{
    Block, BlockKind, CELL_SEPARATOR, CellRef, Document, DropReason, Dropped, Location, OffsetMap,
    Origin, ReadError, TableRow,
};
use super::numbering::Numbering;
use super::styles::{RunFormat, Styles};
use super::xml::{Ev, Ns, Xml, attr, local_name, on_off};
use crate::text::column_titles::{is_column_title, title_key};
use quick_xml::events::BytesStart;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// What kind of story a part holds; decides origins and whether headings open sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PartKind {
    Body,
    Footnotes,
    Endnotes,
    HeaderFooter,
}

/// Shared, read-only knowledge of the package plus the list counters.
pub(super) struct Context<'s> {
    pub styles: &'s Styles,
    pub numbering: &'s mut Numbering,
    pub max_depth: usize,
}

/// Where a comment is anchored.
#[derive(Debug, Clone)]
pub(super) struct Anchor {
    pub comment: String,
    pub location: Location,
    pub block: Option<usize>,
}

/// What the walk learns for the parts read after it.
#[derive(Debug, Default)]
pub(super) struct Side {
    /// Tables are numbered across the whole document.
    pub tables: u32,
    /// (is endnote, note id) → section of the paragraph that references it.
    pub note_sections: HashMap<(bool, String), usize>,
    /// Header/footer relationship ids in the order the section properties name them.
    pub header_refs: Vec<String>,
    pub anchors: Vec<Anchor>,
    anchored: HashSet<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    P,
    R,
    T,
    Tbl,
    Tr,
    Tc,
    Txbx,
    SdtContent { block: bool },
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Cell,
    TextBox,
}

#[derive(Debug)]
struct Para {
    number: u32,
    offset: u64,
    style: Option<String>,
    outline: Option<u8>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    text: String,
    container: Option<Container>,
    anchors: Vec<usize>,
    /// The run formatting of the paragraph's style and the defaults, once a run asks.
    style_format: Option<RunFormat>,
    /// Text of hidden runs, kept to show as dropped.
    hidden: String,
    /// Visible letters in bold and not, counted in table cells only.
    bold_chars: u32,
    plain_chars: u32,
}

/// The run being read: what its properties say, and what they come to.
#[derive(Debug, Default)]
struct Run {
    format: RunFormat,
    style: Option<String>,
    /// `format` with the character style, paragraph style and defaults applied.
    effective: Option<RunFormat>,
}

#[derive(Debug)]
struct Row {
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
struct RowFacts {
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
struct Cell {
    text: String,
    span: u32,
    continuation: bool,
    deleted: bool,
    shaded: bool,
    bold_chars: u32,
    plain_chars: u32,
}

#[derive(Debug)]
struct Table {
    number: u32,
    rows: u32,
    parent_row: Option<usize>,
    /// Inside a deleted row or cell: every row of it is deleted too.
    deleted: bool,
    rows_read: Vec<RowFacts>,
    row: Option<Row>,
    cells: Vec<Cell>,
}

/// Rows looked at for titles: a header is at the top.
const HEADER_CANDIDATES: usize = 3;

struct Walker<'w, 's> {
    /// The part's name, shared by the locations of its blocks.
    part: Arc<str>,
    kind: PartKind,
    doc: &'w mut Document,
    ctx: &'w mut Context<'s>,
    side: &'w mut Side,
    tags: Vec<Tag>,
    containers: Vec<Container>,
    paragraphs: u32,
    paras: Vec<Para>,
    runs: Vec<Run>,
    tables: Vec<Table>,
    /// Complex fields: `true` once past `separate` (showing the result).
    fields: Vec<bool>,
    fields_overflow: usize,
    block_sdt: usize,
    /// Text-box blocks waiting for the paragraph that anchors them.
    deferred: Vec<Block>,
    /// Comment anchors waiting for the next block.
    pending: Vec<usize>,
    note_section: usize,
    /// The header a row has until its table ends; shared, so a row costs no allocation for it.
    no_header: Arc<[String]>,
    /// Text buffers of ended paragraphs, cleared, for the next ones to fill without
    /// growing from nothing.
    spare_texts: Vec<String>,
}

const MAX_FIELDS: usize = 64;

pub(super) fn walk(
    text: &str,
    part: &str,
    kind: PartKind,
    doc: &mut Document,
    ctx: &mut Context,
    side: &mut Side,
) -> Result<(), ReadError> {
    let mut xml = Xml::new(text, part, ctx.max_depth);
    let mut w = Walker {
        part: Arc::from(part),
        kind,
        doc,
        ctx,
        side,
        tags: Vec::new(),
        containers: Vec::new(),
        paragraphs: 0,
        paras: Vec::new(),
        runs: Vec::new(),
        tables: Vec::new(),
        fields: Vec::new(),
        fields_overflow: 0,
        block_sdt: 0,
        deferred: Vec::new(),
        pending: Vec::new(),
        note_section: 0,
        no_header: Arc::from(Vec::<String>::new()),
        spare_texts: Vec::new(),
    };
    loop {
        match xml.next()? {
            Ev::Start(ns, e, offset) => w.start(&mut xml, ns, &e, offset, false)?,
            Ev::Empty(ns, e, offset) => w.start(&mut xml, ns, &e, offset, true)?,
            Ev::End => w.end(),
            Ev::Text(t) => w.text(&t),
            Ev::Eof => break,
        }
    }
    // Unclosed elements only happen in truncated parts, which the parser rejects;
    // flush whatever is left so no text is lost.
    while !w.tags.is_empty() {
        w.end();
    }
    let deferred = std::mem::take(&mut w.deferred);
    for block in deferred {
        w.emit(block, Vec::new());
    }
    Ok(())
}

impl Walker<'_, '_> {
    fn start(
        &mut self,
        xml: &mut Xml,
        ns: Ns,
        e: &BytesStart,
        offset: u64,
        empty: bool,
    ) -> Result<(), ReadError> {
        let name = local_name(e);
        if ns == Ns::W && name == "rPr" && !empty && self.tags.last() == Some(&Tag::R) {
            return self.run_properties(xml);
        }
        let skip = match ns {
            Ns::Mc => name == "Fallback",
            Ns::W => {
                matches!(
                    name,
                    "del"
                        | "moveFrom"
                        | "delText"
                        | "instrText"
                        | "delInstrText"
                        | "sdtPr"
                        | "sdtEndPr"
                        | "rPr"
                        | "tblPr"
                        | "tblGrid"
                        | "tblPrEx"
                        | "rt"
                ) || name.ends_with("Change")
            }
            Ns::Other => false,
        };
        if skip {
            if !empty {
                xml.skip()?;
            }
            return Ok(());
        }
        if ns != Ns::W {
            if !empty {
                self.tags.push(Tag::Other);
            }
            return Ok(());
        }
        let tag = match name {
            "p" => {
                self.paragraphs += 1;
                self.paras.push(Para {
                    number: self.paragraphs,
                    offset,
                    style: None,
                    outline: None,
                    num_id: None,
                    ilvl: None,
                    text: self.spare_texts.pop().unwrap_or_default(),
                    container: self.containers.last().copied(),
                    anchors: Vec::new(),
                    style_format: None,
                    hidden: String::new(),
                    bold_chars: 0,
                    plain_chars: 0,
                });
                if empty {
                    self.end_paragraph();
                    return Ok(());
                }
                Tag::P
            }
            "pPr" if !empty && self.tags.last() == Some(&Tag::P) => {
                self.paragraph_properties(xml)?;
                return Ok(());
            }
            "r" => {
                self.runs.push(Run::default());
                if empty {
                    self.runs.pop();
                    return Ok(());
                }
                Tag::R
            }
            "t" => Tag::T,
            "tab" | "ptab" => {
                self.push_text(" ");
                Tag::Other
            }
            "br" | "cr" => {
                self.push_text("\n");
                Tag::Other
            }
            "noBreakHyphen" => {
                self.push_text("-");
                Tag::Other
            }
            "fldChar" => {
                match attr(e, "fldCharType").as_deref() {
                    Some("begin") => {
                        if self.fields.len() < MAX_FIELDS {
                            self.fields.push(false);
                        } else {
                            self.fields_overflow += 1;
                        }
                    }
                    Some("separate") => {
                        if self.fields_overflow == 0
                            && let Some(f) = self.fields.last_mut()
                        {
                            *f = true;
                        }
                    }
                    Some("end") => {
                        if self.fields_overflow > 0 {
                            self.fields_overflow -= 1;
                        } else {
                            self.fields.pop();
                        }
                    }
                    _ => {}
                }
                Tag::Other
            }
            "tbl" => {
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
                    row: None,
                    cells: Vec::new(),
                });
                Tag::Tbl
            }
            "tr" if !empty && !self.tables.is_empty() => {
                self.start_row(offset);
                Tag::Tr
            }
            "trPr" if !empty && self.tags.last() == Some(&Tag::Tr) => {
                self.row_properties(xml)?;
                return Ok(());
            }
            "tc" if !empty && self.tables.last().is_some_and(|t| t.row.is_some()) => {
                self.row_block();
                if let Some(t) = self.tables.last_mut() {
                    t.cells.push(Cell {
                        text: String::new(),
                        span: 1,
                        continuation: false,
                        deleted: false,
                        shaded: false,
                        bold_chars: 0,
                        plain_chars: 0,
                    });
                }
                self.containers.push(Container::Cell);
                Tag::Tc
            }
            "tcPr" if !empty && self.tags.last() == Some(&Tag::Tc) => {
                self.cell_properties(xml)?;
                return Ok(());
            }
            "txbxContent" => {
                self.containers.push(Container::TextBox);
                Tag::Txbx
            }
            "sdtContent" => {
                // Block-level (or row/cell-level) when not inside a paragraph of the
                // innermost container.
                let block = !self
                    .tags
                    .iter()
                    .rev()
                    .find(|t| matches!(t, Tag::P | Tag::Tc | Tag::Txbx | Tag::Tbl | Tag::Tr))
                    .is_some_and(|t| *t == Tag::P);
                if block {
                    self.block_sdt += 1;
                }
                Tag::SdtContent { block }
            }
            "footnote" | "endnote"
                if matches!(self.kind, PartKind::Footnotes | PartKind::Endnotes) =>
            {
                let special = attr(e, "type").is_some_and(|t| t != "normal");
                if special {
                    if !empty {
                        xml.skip()?;
                    }
                    return Ok(());
                }
                let key = (name == "endnote", attr(e, "id").unwrap_or_default());
                self.note_section = self.side.note_sections.get(&key).copied().unwrap_or(0);
                Tag::Other
            }
            "footnoteReference" | "endnoteReference" if self.kind == PartKind::Body => {
                if let Some(id) = attr(e, "id") {
                    let section = self.current_section();
                    self.side
                        .note_sections
                        .entry((name == "endnoteReference", id))
                        .or_insert(section);
                }
                Tag::Other
            }
            "commentRangeStart" | "commentReference" => {
                if let Some(id) = attr(e, "id") {
                    self.anchor(id, offset);
                }
                Tag::Other
            }
            "headerReference" | "footerReference" => {
                if let Some(id) = attr(e, "id") {
                    self.side.header_refs.push(id);
                }
                Tag::Other
            }
            _ => Tag::Other,
        };
        if empty {
            // Only `w:p` needs its end handled for empty elements (done above).
            if tag == Tag::Tbl {
                self.end_table();
            }
        } else {
            self.tags.push(tag);
        }
        Ok(())
    }

    fn end(&mut self) {
        match self.tags.pop() {
            Some(Tag::P) => self.end_paragraph(),
            Some(Tag::R) => {
                self.runs.pop();
            }
            Some(Tag::Tc) => {
                self.containers.pop();
                self.end_cell();
            }
            Some(Tag::Tr) => self.end_row(),
            Some(Tag::Tbl) => self.end_table(),
            Some(Tag::Txbx) => {
                self.containers.pop();
            }
            Some(Tag::SdtContent { block: true }) => {
                self.block_sdt = self.block_sdt.saturating_sub(1)
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.tags.last() == Some(&Tag::T) {
            self.push_text(text);
        }
    }

    fn push_text(&mut self, text: &str) {
        // Text of a field's instruction part is not shown; only its result is.
        if self.fields.iter().any(|shown| !shown) {
            return;
        }
        let format = self.run_format();
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        if format.hidden == Some(true) {
            p.hidden.push_str(text);
            return;
        }
        p.text.push_str(text);
        if p.container == Some(Container::Cell) {
            let letters = text.chars().filter(|c| !c.is_whitespace()).count() as u32;
            if format.bold == Some(true) {
                p.bold_chars += letters;
            } else {
                p.plain_chars += letters;
            }
        }
    }

    /// The formatting of the text being read: the run's own, then its character
    /// style's, its paragraph style's and the document defaults.
    fn run_format(&mut self) -> RunFormat {
        let styles = self.ctx.styles;
        let Some(p) = self.paras.last_mut() else {
            return RunFormat::default();
        };
        let paragraph = *p.style_format.get_or_insert_with(|| {
            styles
                .info(p.style.as_deref())
                .map(|i| i.run)
                .unwrap_or_default()
                .or(styles.defaults())
        });
        // Text outside any run (a tab directly in a paragraph) has the paragraph's.
        let Some(run) = self.runs.last_mut() else {
            return paragraph;
        };
        *run.effective.get_or_insert_with(|| {
            let character = run
                .style
                .as_deref()
                .map(|s| styles.character(s))
                .unwrap_or_default();
            run.format.or(character).or(paragraph)
        })
    }

    fn current_section(&self) -> usize {
        match self.kind {
            PartKind::Body => self.doc.sections.len() - 1,
            PartKind::Footnotes | PartKind::Endnotes => self.note_section,
            PartKind::HeaderFooter => 0,
        }
    }

    fn cell_ref(&self) -> Option<CellRef> {
        let t = self.tables.last()?;
        let row = t.row.as_ref()?;
        Some(CellRef {
            table: t.number,
            row: row.number,
            column: row.grid_col + 1,
        })
    }

    fn origin(&self, in_text_box: bool) -> Origin {
        match self.kind {
            PartKind::Footnotes => Origin::Footnote,
            PartKind::Endnotes => Origin::Endnote,
            PartKind::HeaderFooter => Origin::HeaderFooter,
            PartKind::Body if in_text_box => Origin::TextBox,
            PartKind::Body if self.block_sdt > 0 => Origin::ContentControl,
            PartKind::Body => Origin::Body,
        }
    }

    fn anchor(&mut self, comment: String, offset: u64) {
        if !self.side.anchored.insert(comment.clone()) {
            return;
        }
        let paragraph = self.paras.last().map_or(self.paragraphs, |p| p.number);
        let location = Location::Docx {
            part: self.part.clone(),
            paragraph,
            cell: self.cell_ref(),
            xml_offset: offset,
        };
        let index = self.side.anchors.len();
        let row_block = self.row_block();
        let block = match (self.paras.last_mut(), row_block) {
            // In a table the row is the block, whatever paragraph holds the anchor.
            (_, Some(row)) => Some(row),
            (Some(p), None) => {
                p.anchors.push(index);
                None
            }
            (None, None) => {
                self.pending.push(index);
                None
            }
        };
        self.side.anchors.push(Anchor {
            comment,
            location,
            block,
        });
    }

    /// Pushes a block, resolving the comment anchors that wait for it.
    fn emit(&mut self, block: Block, anchors: Vec<usize>) -> usize {
        let index = self.doc.blocks.len();
        for a in self.pending.drain(..).chain(anchors) {
            if let Some(anchor) = self.side.anchors.get_mut(a) {
                anchor.block = Some(index);
            }
        }
        self.doc.blocks.push(block);
        index
    }

    fn paragraph_properties(&mut self, xml: &mut Xml) -> Result<(), ReadError> {
        walk_properties(xml, &["rPr"], |name, e, depth, parent| {
            if matches!(name, "headerReference" | "footerReference")
                && let Some(id) = attr(e, "id")
            {
                self.side.header_refs.push(id);
                return;
            }
            let Some(p) = self.paras.last_mut() else {
                return;
            };
            match name {
                "pStyle" if depth == 1 => p.style = attr(e, "val"),
                "outlineLvl" if depth == 1 => {
                    p.outline = attr(e, "val").and_then(|v| v.trim().parse().ok())
                }
                "numId" if parent == Some("numPr") => {
                    p.num_id = attr(e, "val").and_then(|v| v.trim().parse().ok())
                }
                "ilvl" if parent == Some("numPr") => {
                    p.ilvl = attr(e, "val").and_then(|v| v.trim().parse().ok())
                }
                _ => {}
            }
        })
    }

    fn run_properties(&mut self, xml: &mut Xml) -> Result<(), ReadError> {
        walk_properties(xml, &[], |name, e, depth, _| {
            let Some(run) = self.runs.last_mut() else {
                return;
            };
            if depth != 1 {
                return;
            }
            if name == "rStyle" {
                run.style = attr(e, "val");
            } else {
                run.format.set(name, e);
            }
        })
    }

    fn row_properties(&mut self, xml: &mut Xml) -> Result<(), ReadError> {
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

    fn cell_properties(&mut self, xml: &mut Xml) -> Result<(), ReadError> {
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
                    cell.continuation = attr(e, "val").is_none_or(|v| v == "continue")
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

    fn end_paragraph(&mut self) {
        let Some(mut para) = self.paras.pop() else {
            return;
        };
        let hidden = std::mem::take(&mut para.hidden);
        if !hidden.trim().is_empty() {
            let location = Location::Docx {
                part: self.part.clone(),
                paragraph: para.number,
                cell: self.cell_ref(),
                xml_offset: para.offset,
            };
            let in_text_box = para.container == Some(Container::TextBox);
            self.drop_text(hidden.trim(), DropReason::Hidden, location, in_text_box);
        }
        let mut text = std::mem::take(&mut para.text);
        self.paragraph_block(para, text.trim());
        text.clear();
        self.spare_texts.push(text);
    }

    /// What an ended paragraph adds: a block, or a piece of its cell's text.
    fn paragraph_block(&mut self, para: Para, text: &str) {
        let styles = self.ctx.styles;
        let info = styles.info(para.style.as_deref());
        let heading = match para.outline {
            Some(level) => (level < 9).then_some(level + 1),
            None => info.and_then(|i| i.heading),
        };
        let style_num = info.and_then(|i| i.num);
        let num = match (para.num_id, style_num) {
            (Some(0), _) => None,
            (Some(id), style) => Some((id, para.ilvl.or(style.and_then(|s| s.1)))),
            (None, Some((id, ilvl))) => Some((id, para.ilvl.or(ilvl))),
            (None, None) => None,
        };
        let label = num.and_then(|(id, ilvl)| {
            let ilvl = ilvl
                .or_else(|| {
                    para.style
                        .as_deref()
                        .and_then(|s| self.ctx.numbering.level_for_style(id, s))
                })
                .unwrap_or(0)
                .min(8);
            self.ctx.numbering.next_label(id, ilvl).map(|l| (l, ilvl))
        });

        if para.container == Some(Container::Cell) {
            if let Some(cell) = self.tables.last_mut().and_then(|t| t.cells.last_mut()) {
                cell.bold_chars += para.bold_chars;
                cell.plain_chars += para.plain_chars;
                // An auto-numbered id column («K-1») is only a label: keep it, before
                // the text if there is any.
                let number = match &label {
                    Some((l, _)) if !l.bullet => Some(l.text.as_str()),
                    _ => None,
                };
                if !text.is_empty() || number.is_some_and(|n| !n.is_empty()) {
                    if !cell.text.is_empty() {
                        cell.text.push('\n');
                    }
                    if let Some(number) = number {
                        cell.text.push_str(number);
                        if !text.is_empty() {
                            cell.text.push(' ');
                        }
                    }
                    cell.text.push_str(text);
                }
            }
            // Anchors inside a cell already point at the row.
            self.flush_deferred_if_outermost();
            return;
        }

        let anchors = para.anchors;
        if text.is_empty() {
            self.pending.extend(anchors);
            self.flush_deferred_if_outermost();
            return;
        }
        let in_text_box = para.container == Some(Container::TextBox);
        let location = Location::Docx {
            part: self.part.clone(),
            paragraph: para.number,
            cell: self.cell_ref(),
            xml_offset: para.offset,
        };
        let mut block = Block {
            kind: BlockKind::Paragraph,
            text: text.to_string(),
            location,
            section: self.current_section(),
            origin: self.origin(in_text_box),
            offsets: OffsetMap::default(),
        };
        match (heading, label) {
            (Some(level), label) if self.kind == PartKind::Body && !in_text_box => {
                let auto = label
                    .filter(|(l, _)| !l.bullet)
                    .map(|(l, _)| l.text.trim_end_matches('.').to_string())
                    .filter(|n| !n.is_empty());
                // Numbers typed into the heading (pandoc --number-sections) count too.
                let (number, title) = match auto {
                    Some(n) => (Some(n), text),
                    None => match split_typed_number(text) {
                        Some((n, rest)) => (Some(n.to_string()), rest),
                        None => (None, text),
                    },
                };
                let index = self.doc.blocks.len();
                block.kind = BlockKind::Heading { level };
                block.section = self
                    .doc
                    .open_section(level, number, title.to_string(), index);
            }
            (_, Some((l, ilvl))) => {
                block.kind = BlockKind::ListItem {
                    depth: ilvl,
                    label: Some(l.text),
                };
            }
            _ if info.is_some_and(|i| i.quote) => block.kind = BlockKind::Quote,
            _ => {}
        }
        if !self.paras.is_empty() && in_text_box {
            self.deferred.push(block);
            // The anchors travel with the deferred block's turn: resolve them to the
            // next emitted block, which is the anchoring paragraph or this one.
            self.pending.extend(anchors);
            return;
        }
        self.emit(block, anchors);
        self.flush_deferred_if_outermost();
    }

    fn flush_deferred_if_outermost(&mut self) {
        if self.paras.is_empty() && !self.deferred.is_empty() {
            let deferred = std::mem::take(&mut self.deferred);
            for mut block in deferred {
                block.section = self.current_section();
                self.emit(block, Vec::new());
            }
        }
    }

    /// Records text the vendor does not see.
    fn drop_text(&mut self, text: &str, reason: DropReason, location: Location, in_text_box: bool) {
        self.doc.dropped.push(Dropped {
            text: text.to_string(),
            reason,
            location,
            section: self.current_section(),
            origin: self.origin(in_text_box),
            before: self.doc.blocks.len(),
        });
    }

    fn start_row(&mut self, offset: u64) {
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

    /// The block of the row being read, reserved when first needed — after `w:trPr`,
    /// before anything in its cells, so a row comes before the rows of tables nested
    /// in it. `None` for a deleted row, which has no block.
    fn row_block(&mut self) -> Option<usize> {
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

    fn end_cell(&mut self) {
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
        let text = if cell.continuation || cell.deleted {
            String::new()
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

    fn end_row(&mut self) {
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

    fn end_table(&mut self) {
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

/// `3.2 Integrasjoner` → (`3.2`, `Integrasjoner`): groups of at most three digits
/// joined by dots, an optional final dot, then whitespace.
fn split_typed_number(text: &str) -> Option<(&str, &str)> {
    let end = text.find(char::is_whitespace)?;
    let number = text[..end].trim_end_matches('.');
    let ok = !number.is_empty()
        && number
            .split('.')
            .all(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    let rest = text[end..].trim_start();
    (ok && !rest.is_empty()).then_some((number, rest))
}

/// Walks a properties element (`w:pPr`, `w:trPr`, `w:tcPr`) whose start was just read,
/// calling `visit(name, element, depth, parent)` for each WordprocessingML child
/// (depth 1 for direct children; `parent` the enclosing child's name). Revision
/// records (`*Change`) and the elements named in `skip` are passed over whole.
fn walk_properties(
    xml: &mut Xml,
    skip: &[&str],
    mut visit: impl FnMut(&str, &BytesStart<'_>, usize, Option<&str>),
) -> Result<(), ReadError> {
    // The names of the open children, end to end, and where each starts: most
    // properties are empty elements, so this rarely allocates at all.
    let mut open_names = String::new();
    let mut open_starts: Vec<usize> = Vec::new();
    loop {
        let (ns, e, empty) = match xml.next()? {
            Ev::Start(ns, e, _) => (ns, e, false),
            Ev::Empty(ns, e, _) => (ns, e, true),
            Ev::End => {
                match open_starts.pop() {
                    Some(start) => open_names.truncate(start),
                    None => return Ok(()),
                }
                continue;
            }
            Ev::Text(_) => continue,
            Ev::Eof => return Err(xml.error("unexpected end of the part")),
        };
        let name = local_name(&e);
        if ns != Ns::W || name.ends_with("Change") || skip.contains(&name) {
            if !empty {
                xml.skip()?;
            }
            continue;
        }
        let parent = open_starts.last().map(|&start| &open_names[start..]);
        visit(name, &e, open_starts.len() + 1, parent);
        if !empty {
            open_starts.push(open_names.len());
            open_names.push_str(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{RowFacts, header_of, split_typed_number};

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

    #[test]
    fn typed_heading_numbers_are_split_from_the_title() {
        assert_eq!(
            split_typed_number("3.2 Integrasjoner"),
            Some(("3.2", "Integrasjoner"))
        );
        assert_eq!(
            split_typed_number("1. Innledning"),
            Some(("1", "Innledning"))
        );
        assert_eq!(split_typed_number("2024 budsjett"), None);
        assert_eq!(split_typed_number("Innledning"), None);
        assert_eq!(split_typed_number("12"), None);
    }
}
