//! Missing requirements as tracked insertions: new rows after a requirement
//! table's last row (shaped like that row: its cell widths, spans, paragraph
//! and run formatting), or a new section at the end of the body.

use super::super::plan::{NewParagraph, NewRow};
use super::splice::{Revision, Splice};
use super::{Ids, offset_in};
use crate::document::{BlockKind, Document};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::ops::Range;

/// Child elements by qualified name and byte range.
type Children = Vec<(String, Range<usize>)>;

/// The direct children of the element starting at `start`, and where it ends.
fn children(xml: &str, start: usize) -> Option<(Children, usize)> {
    let mut reader = Reader::from_str(xml.get(start..)?);
    reader.config_mut().trim_text(false);
    let mut depth = 0usize;
    let mut out = Vec::new();
    let mut open: Option<(String, usize)> = None;
    loop {
        let before = start + reader.buffer_position() as usize;
        let event = reader.read_event().ok()?;
        let after = start + reader.buffer_position() as usize;
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth == 2 {
                    open = Some((e.name().as_ref().to_string(), before));
                }
            }
            // An empty element has no children.
            Event::Empty(_) if depth == 0 => return Some((out, after)),
            Event::Empty(e) if depth == 1 => {
                out.push((e.name().as_ref().to_string(), before..after));
            }
            Event::End(_) => {
                if depth == 2
                    && let Some((name, s)) = open.take()
                {
                    out.push((name, s..after));
                }
                depth -= 1;
                if depth == 0 {
                    return Some((out, after));
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

fn child<'c>(children: &'c [(String, Range<usize>)], name: &str) -> Option<&'c Range<usize>> {
    children.iter().find(|(n, _)| n == name).map(|(_, r)| r)
}

/// `raw` (one element) without the named child elements; the element itself kept.
fn without(xml: &str, raw: &Range<usize>, names: &[&str]) -> String {
    let Some((kids, _)) = children(xml, raw.start) else {
        return xml[raw.clone()].to_string();
    };
    let mut out = String::new();
    let mut at = raw.start;
    for (name, r) in &kids {
        if names.contains(&name.as_str()) {
            out.push_str(&xml[at..r.start]);
            at = r.end;
        }
    }
    out.push_str(&xml[at..raw.end]);
    out
}

/// The inner XML of an element given as a whole (`<w:x …>inner</w:x>`); empty for `<w:x/>`.
fn inner(element: &str) -> &str {
    if element.ends_with("/>") && !element.contains("</") {
        return "";
    }
    let open_end = element.find('>').map_or(0, |i| i + 1);
    let close = element.rfind("</").unwrap_or(element.len());
    &element[open_end..close.max(open_end)]
}

/// One cell of the model row: its properties, its first paragraph's properties and
/// its first run's properties, and how many grid columns it spans.
struct ModelCell {
    tcpr: String,
    ppr: String,
    rpr: String,
    span: usize,
    numbered: bool,
}

struct ModelRow {
    prefix: String,
    trpr_inner: String,
    cells: Vec<ModelCell>,
    end: usize,
}

fn model_row(xml: &str, start: usize) -> Option<ModelRow> {
    let (kids, end) = children(xml, start)?;
    let mut row = ModelRow {
        prefix: String::new(),
        trpr_inner: String::new(),
        cells: Vec::new(),
        end,
    };
    for (name, r) in &kids {
        match name.as_str() {
            "w:tblPrEx" => row.prefix = without(xml, r, &["w:tblPrExChange"]),
            "w:trPr" => {
                let cleaned = without(
                    xml,
                    r,
                    &[
                        "w:ins",
                        "w:del",
                        "w:trPrChange",
                        "w:tblHeader",
                        "w:gridBefore",
                        "w:gridAfter",
                    ],
                );
                row.trpr_inner = inner(&cleaned).to_string();
            }
            "w:tc" => row.cells.push(model_cell(xml, r)?),
            // Cells inside content controls or custom XML: a layout not modelled.
            "w:sdt" | "w:customXml" => return None,
            _ => {}
        }
    }
    (!row.cells.is_empty()).then_some(row)
}

fn model_cell(xml: &str, r: &Range<usize>) -> Option<ModelCell> {
    let (kids, _) = children(xml, r.start)?;
    let tcpr = child(&kids, "w:tcPr")
        .map(|t| {
            without(
                xml,
                t,
                &[
                    "w:vMerge",
                    "w:hMerge",
                    "w:cellIns",
                    "w:cellDel",
                    "w:cellMerge",
                    "w:tcPrChange",
                ],
            )
        })
        .unwrap_or_default();
    let span = tcpr
        .split("<w:gridSpan w:val=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(1usize)
        .max(1);
    let (mut ppr, mut rpr) = (String::new(), String::new());
    if let Some(p) = child(&kids, "w:p")
        && let Some((pk, _)) = children(xml, p.start)
    {
        if let Some(pp) = child(&pk, "w:pPr") {
            ppr = without(xml, pp, &["w:rPr", "w:pPrChange", "w:sectPr"]);
        }
        if let Some(run) = pk.iter().find(|(n, _)| n == "w:r").map(|(_, r)| r)
            && let Some((rk, _)) = children(xml, run.start)
            && let Some(rp) = child(&rk, "w:rPr")
        {
            rpr = without(xml, rp, &["w:rPrChange"]);
        }
    }
    Some(ModelCell {
        numbered: ppr.contains("<w:numPr>"),
        tcpr,
        ppr,
        rpr,
        span,
    })
}

/// Adds each new row after its table's last row; how many were added.
pub(super) fn add_rows(
    xml: &str,
    doc: &Document,
    main: &str,
    rows: &[NewRow],
    rev: &Revision,
    ids: &mut Ids,
    splices: &mut Vec<Splice>,
) -> usize {
    let mut added = 0;
    let mut by_table: Vec<(usize, Vec<&NewRow>)> = Vec::new();
    for r in rows {
        match by_table.iter_mut().find(|(b, _)| *b == r.after_block) {
            Some((_, list)) => list.push(r),
            None => by_table.push((r.after_block, vec![r])),
        }
    }
    for (block, list) in by_table {
        let Some(offset) = doc.blocks.get(block).and_then(|b| offset_in(b, main)) else {
            continue;
        };
        let Some(model) = model_row(xml, offset) else {
            continue;
        };
        let mut text = String::new();
        for row in list {
            text.push_str(&render_row(&model, row, rev, ids));
            added += 1;
        }
        splices.push(Splice {
            range: model.end..model.end,
            text,
        });
    }
    added
}

fn render_row(model: &ModelRow, row: &NewRow, rev: &Revision, ids: &mut Ids) -> String {
    let mut out = format!(
        "<w:tr>{}<w:trPr>{}<w:ins {}/></w:trPr>",
        model.prefix,
        model.trpr_inner,
        rev.attrs(ids.take())
    );
    let mut grid = 0;
    for cell in &model.cells {
        let mut text = row.cells.get(grid).map_or("", String::as_str);
        // A numbered paragraph writes its own id.
        if cell.numbered && !text.contains(' ') {
            text = "";
        }
        let runs = if text.is_empty() {
            String::new()
        } else {
            rev.inserted_run(ids.take(), &cell.rpr, text)
        };
        out.push_str(&format!(
            "<w:tc>{}<w:p>{}{runs}</w:p></w:tc>",
            cell.tcpr, cell.ppr
        ));
        grid += cell.span;
    }
    out.push_str("</w:tr>");
    out
}

/// Adds the section (a heading like the document's top-level headings, then one
/// paragraph per requirement) at the end of the body; how many requirements.
#[allow(clippy::too_many_arguments)]
pub(super) fn add_section(
    xml: &str,
    doc: &Document,
    main: &str,
    title: &str,
    paragraphs: &[NewParagraph],
    rev: &Revision,
    ids: &mut Ids,
    splices: &mut Vec<Splice>,
) -> usize {
    let Some(at) = body_end(xml) else {
        return 0;
    };
    let inserted_mark =
        |ids: &mut Ids| format!("<w:rPr><w:ins {}/></w:rPr>", rev.attrs(ids.take()));
    let heading_ppr = top_heading(doc, main)
        .and_then(|offset| children(xml, offset))
        .and_then(|(kids, _)| {
            child(&kids, "w:pPr").map(|r| without(xml, r, &["w:rPr", "w:pPrChange", "w:sectPr"]))
        })
        .map(|p| inner(&p).to_string());
    let mut text = String::new();
    let heading_run = match &heading_ppr {
        Some(_) => rev.inserted_run(ids.take(), "", title),
        None => rev.inserted_run(ids.take(), "<w:rPr><w:b/></w:rPr>", title),
    };
    text.push_str(&format!(
        "<w:p><w:pPr>{}{}</w:pPr>{heading_run}</w:p>",
        heading_ppr.unwrap_or_default(),
        inserted_mark(ids)
    ));
    for p in paragraphs {
        text.push_str(&format!(
            "<w:p><w:pPr>{}</w:pPr>{}</w:p>",
            inserted_mark(ids),
            rev.inserted_run(ids.take(), "", &p.text)
        ));
    }
    splices.push(Splice {
        range: at..at,
        text,
    });
    paragraphs.len()
}

/// Where the body's content ends: before its final `w:sectPr`, else before `</w:body>`.
fn body_end(xml: &str) -> Option<usize> {
    let close = xml.rfind("</w:body>")?;
    let last_content = ["</w:p>", "</w:tbl>", "</w:sdt>", "<w:p/>"]
        .iter()
        .filter_map(|t| xml[..close].rfind(t).map(|i| i + t.len()))
        .max()
        .unwrap_or(0);
    match xml[..close].rfind("<w:sectPr") {
        Some(s) if s >= last_content => Some(s),
        _ => Some(close),
    }
}

/// The last heading of the document's top level, in the main part's body.
fn top_heading(doc: &Document, main: &str) -> Option<usize> {
    let level = |b: &crate::document::Block| match b.kind {
        BlockKind::Heading { level } => Some(level),
        _ => None,
    };
    let top = doc.blocks.iter().filter_map(level).min()?;
    doc.blocks
        .iter()
        .filter(|b| level(b) == Some(top) && b.origin == crate::document::Origin::Body)
        .filter_map(|b| offset_in(b, main))
        .next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_and_cleaning() {
        let xml = r#"<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="10"/><w:vMerge/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>"#;
        let m = model_row(xml, 0).unwrap();
        assert_eq!(m.trpr_inner, "<w:cantSplit/>");
        assert_eq!(m.cells[0].tcpr, r#"<w:tcPr><w:tcW w:w="10"/></w:tcPr>"#);
        assert_eq!(m.end, xml.len());
    }

    #[test]
    fn the_section_goes_before_the_final_section_properties() {
        let xml = "<w:body><w:p/><w:sectPr><w:pgSz/></w:sectPr></w:body>";
        assert_eq!(body_end(xml), xml.find("<w:sectPr"));
        let xml = "<w:body><w:p><w:pPr><w:sectPr/></w:pPr></w:p></w:body>";
        assert_eq!(body_end(xml), xml.find("</w:body>"));
    }
}
