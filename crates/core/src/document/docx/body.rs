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
//!
//! This file holds the walk and its dispatch on element names; what a paragraph
//! becomes is in `paragraph`, rows, cells and headers in `table`.

mod paragraph;
mod table;

use super::super::{Block, Document, DropReason, Dropped, Location, Origin, ReadError};
use super::numbering::Numbering;
use super::styles::Styles;
use super::xml::{Ev, Ns, Xml, attr, local_name};
use paragraph::{Para, Run};
use quick_xml::events::BytesStart;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use table::Table;

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
        if skipped(ns, name) {
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
        let Some(tag) = self.start_w(xml, name, e, offset, empty)? else {
            return Ok(());
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

    /// A WordprocessingML element starts: the tag it opens, or `None` when it was
    /// read whole here (properties, an empty paragraph or run, a special note).
    fn start_w(
        &mut self,
        xml: &mut Xml,
        name: &str,
        e: &BytesStart,
        offset: u64,
        empty: bool,
    ) -> Result<Option<Tag>, ReadError> {
        let tag = match name {
            "p" => {
                self.start_paragraph(offset);
                if empty {
                    self.end_paragraph();
                    return Ok(None);
                }
                Tag::P
            }
            "pPr" if !empty && self.tags.last() == Some(&Tag::P) => {
                self.paragraph_properties(xml)?;
                return Ok(None);
            }
            "r" => {
                self.runs.push(Run::default());
                if empty {
                    self.runs.pop();
                    return Ok(None);
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
                self.field_char(e);
                Tag::Other
            }
            "tbl" => {
                self.start_table();
                Tag::Tbl
            }
            "tr" if !empty && !self.tables.is_empty() => {
                self.start_row(offset);
                Tag::Tr
            }
            "trPr" if !empty && self.tags.last() == Some(&Tag::Tr) => {
                self.row_properties(xml)?;
                return Ok(None);
            }
            "tc" if !empty && self.tables.last().is_some_and(|t| t.row.is_some()) => {
                self.start_cell();
                Tag::Tc
            }
            "tcPr" if !empty && self.tags.last() == Some(&Tag::Tc) => {
                self.cell_properties(xml)?;
                return Ok(None);
            }
            "txbxContent" => {
                self.containers.push(Container::TextBox);
                Tag::Txbx
            }
            "sdtContent" => self.start_sdt_content(),
            "footnote" | "endnote"
                if matches!(self.kind, PartKind::Footnotes | PartKind::Endnotes) =>
            {
                if !self.start_note(name == "endnote", e) {
                    if !empty {
                        xml.skip()?;
                    }
                    return Ok(None);
                }
                Tag::Other
            }
            "footnoteReference" | "endnoteReference" if self.kind == PartKind::Body => {
                self.note_reference(name == "endnoteReference", e);
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
        Ok(Some(tag))
    }

    /// A footnote or endnote starts: its blocks go to the section of the paragraph
    /// that references it. `false` for a special note (a separator), not read.
    fn start_note(&mut self, endnote: bool, e: &BytesStart) -> bool {
        let special = attr(e, "type").is_some_and(|t| t != "normal");
        if special {
            return false;
        }
        let key = (endnote, attr(e, "id").unwrap_or_default());
        self.note_section = self.side.note_sections.get(&key).copied().unwrap_or(0);
        true
    }

    /// A note referenced in the body: remember the section it is referenced from.
    fn note_reference(&mut self, endnote: bool, e: &BytesStart) {
        if let Some(id) = attr(e, "id") {
            let section = self.current_section();
            self.side
                .note_sections
                .entry((endnote, id))
                .or_insert(section);
        }
    }

    /// A complex field's `w:fldChar`: its instruction part is hidden until
    /// `separate`, and its result shown until `end`.
    fn field_char(&mut self, e: &BytesStart) {
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
    }

    fn start_sdt_content(&mut self) -> Tag {
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

    fn current_section(&self) -> usize {
        match self.kind {
            PartKind::Body => self.doc.sections.len() - 1,
            PartKind::Footnotes | PartKind::Endnotes => self.note_section,
            PartKind::HeaderFooter => 0,
        }
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
}

/// Elements passed over whole: deleted and moved-away text, field instructions,
/// content-control, table and stray run properties, revision records (`*Change`),
/// ruby text and Office's fallbacks.
fn skipped(ns: Ns, name: &str) -> bool {
    match ns {
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
    }
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
