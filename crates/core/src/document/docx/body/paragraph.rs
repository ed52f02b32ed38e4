//! Paragraphs and runs: their text and formatting as the walk reads them, and what
//! an ended paragraph becomes — a heading, list item, quote or paragraph block, a
//! text-box block waiting for its anchor, or a piece of its table cell's text.

use super::super::numbering::Label;
use super::super::styles::{RunFormat, StyleInfo};
use super::super::xml::{Xml, attr};
use super::{Container, PartKind, Walker, walk_properties};
use crate::document::{Block, BlockKind, DropReason, Location, OffsetMap, ReadError};

#[derive(Debug)]
pub(super) struct Para {
    pub(super) number: u32,
    offset: u64,
    style: Option<String>,
    outline: Option<u8>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    text: String,
    container: Option<Container>,
    pub(super) anchors: Vec<usize>,
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
pub(super) struct Run {
    format: RunFormat,
    style: Option<String>,
    /// `format` with the character style, paragraph style and defaults applied.
    effective: Option<RunFormat>,
}

impl Walker<'_, '_> {
    pub(super) fn start_paragraph(&mut self, offset: u64) {
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
    }

    pub(super) fn push_text(&mut self, text: &str) {
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

    pub(super) fn paragraph_properties(&mut self, xml: &mut Xml) -> Result<(), ReadError> {
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

    pub(super) fn run_properties(&mut self, xml: &mut Xml) -> Result<(), ReadError> {
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

    pub(super) fn end_paragraph(&mut self) {
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
        let label = self.list_label(&para, info);

        if para.container == Some(Container::Cell) {
            self.add_to_cell(&para, label.as_ref(), text);
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

    /// The paragraph's list label from its own or its style's numbering, with its
    /// level; counting it moves the list on.
    fn list_label(&mut self, para: &Para, info: Option<&StyleInfo>) -> Option<(Label, u8)> {
        let style_num = info.and_then(|i| i.num);
        let num = match (para.num_id, style_num) {
            (Some(0), _) => None,
            (Some(id), style) => Some((id, para.ilvl.or(style.and_then(|s| s.1)))),
            (None, Some((id, ilvl))) => Some((id, para.ilvl.or(ilvl))),
            (None, None) => None,
        };
        num.and_then(|(id, ilvl)| {
            let ilvl = ilvl
                .or_else(|| {
                    para.style
                        .as_deref()
                        .and_then(|s| self.ctx.numbering.level_for_style(id, s))
                })
                .unwrap_or(0)
                .min(8);
            self.ctx.numbering.next_label(id, ilvl).map(|l| (l, ilvl))
        })
    }

    /// A paragraph in a table cell adds its text, and its label when it is a number,
    /// to the cell's text.
    fn add_to_cell(&mut self, para: &Para, label: Option<&(Label, u8)>, text: &str) {
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
    }
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

#[cfg(test)]
mod tests {
    use super::split_typed_number;

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
