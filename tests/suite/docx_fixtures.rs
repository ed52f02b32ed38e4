//! DOCX fixtures built in the test: with docx-rs where it can write the feature,
//! hand-written XML in a zip where it cannot (header rows, text boxes, fields).
use crate::support::docx as support;

use docx_rs::{
    AbstractNumbering, Comment, Delete, Docx, Footer, Footnote, Header, IndentLevel, Insert, Level,
    LevelJc, LevelText, NumberFormat, Numbering, NumberingId, Paragraph, Run, Start, Style,
    StyleType, Table, TableCell, TableRow, VMergeType,
};
use support::{all_text, document_xml, docx};
use tenderlint::document::{BlockKind, Document, Location, Origin, docx::read};

fn pack(d: Docx) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    d.build().pack(&mut out).unwrap();
    out.into_inner()
}

fn read_bytes(bytes: &[u8]) -> Document {
    read("fixture.docx".into(), bytes).unwrap()
}

fn p(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn cell(text: &str) -> TableCell {
    TableCell::new().add_paragraph(p(text))
}

/// Two numbering levels, `(format, text)` each, the first starting at `start`.
fn two_levels(id: usize, start: usize, levels: [(&str, &str); 2]) -> AbstractNumbering {
    let [(f0, t0), (f1, t1)] = levels;
    AbstractNumbering::new(id)
        .add_level(Level::new(
            0,
            Start::new(start),
            NumberFormat::new(f0),
            LevelText::new(t0),
            LevelJc::new("left"),
        ))
        .add_level(Level::new(
            1,
            Start::new(1),
            NumberFormat::new(f1),
            LevelText::new(t1),
            LevelJc::new("left"),
        ))
}

/// Heading styles: a built-in one, a localised name, an outline level and a style based on it.
fn with_heading_styles(d: Docx) -> Docx {
    d.add_style(Style::new("Heading1", StyleType::Paragraph).name("heading 1"))
        .add_style(Style::new("Overskrift2", StyleType::Paragraph).name("Overskrift 2"))
        .add_style(
            Style::new("KravTittel", StyleType::Paragraph)
                .name("Kravtittel")
                .outline_lvl(1),
        )
        .add_style(
            Style::new("KravUnder", StyleType::Paragraph)
                .name("Krav under")
                .based_on("KravTittel"),
        )
}

/// A requirement table with a merged cell, a span and a nested table.
fn requirements_table() -> Table {
    Table::new(vec![
        TableRow::new(vec![cell("ID"), cell("Krav"), cell("Type")]),
        TableRow::new(vec![
            cell("K-1"),
            cell("Systemet skal logge"),
            cell("Absolutt"),
        ]),
        TableRow::new(vec![
            cell("K-2").vertical_merge(VMergeType::Restart),
            cell("Spenner to kolonner").grid_span(2),
        ]),
        TableRow::new(vec![
            TableCell::new()
                .add_paragraph(Paragraph::new())
                .vertical_merge(VMergeType::Continue),
            TableCell::new()
                .add_paragraph(p("Ytre celle"))
                .add_table(Table::new(vec![TableRow::new(vec![
                    cell("Indre A"),
                    cell("Indre B"),
                ])])),
            cell("Evaluert"),
        ]),
    ])
}

fn tender() -> Docx {
    let list = two_levels(11, 1, [("decimal", "%1."), ("lowerLetter", "%2)")]);
    let heads = two_levels(12, 3, [("decimal", "%1."), ("decimal", "%1.%2")]);
    with_heading_styles(Docx::new())
        .add_abstract_numbering(list)
        .add_abstract_numbering(heads)
        .add_numbering(Numbering::new(11, 11))
        .add_numbering(Numbering::new(12, 12))
        .header(Header::new().add_paragraph(p("Konkurransegrunnlag – topptekst")))
        .footer(Footer::new().add_paragraph(p("Side 1 bunntekst")))
        .add_paragraph(p("Innledende tekst før første overskrift."))
        .add_paragraph(
            p("Generelle krav")
                .style("Heading1")
                .numbering(NumberingId::new(12), IndentLevel::new(0)),
        )
        .add_paragraph(
            p("Leverandøren skal levere løsningen.")
                .add_run(
                    Run::new().add_footnote_reference(
                        Footnote::new().add_content(p("Se veileder fra KS.")),
                    ),
                )
                .add_comment_start(
                    Comment::new(1)
                        .author("Kari")
                        .add_paragraph(p("tenderlint-disable INT-014: avklart med KS")),
                )
                .add_comment_end(1),
        )
        .add_paragraph(p("Første krav").numbering(NumberingId::new(11), IndentLevel::new(0)))
        .add_paragraph(p("Andre krav").numbering(NumberingId::new(11), IndentLevel::new(0)))
        .add_paragraph(p("Underkrav").numbering(NumberingId::new(11), IndentLevel::new(1)))
        .add_paragraph(
            p("Integrasjoner")
                .style("Overskrift2")
                .numbering(NumberingId::new(12), IndentLevel::new(1)),
        )
        .add_paragraph(p("Egendefinert overskrift").style("KravUnder"))
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("Leverandøren skal "))
                .add_insert(Insert::new(Run::new().add_text("dokumentere")).author("Ola"))
                .add_delete(
                    Delete::new()
                        .add_run(
                            Run::new().add_delete_text("Leverandøren skal slette alle logger."),
                        )
                        .author("Ola"),
                )
                .add_run(Run::new().add_text(" integrasjonen.")),
        )
        .add_table(requirements_table())
}

#[test]
fn headings_open_sections_with_rendered_numbers_and_style_chains() {
    let doc = read_bytes(&pack(tender()));
    let headings: Vec<_> = doc
        .sections
        .iter()
        .skip(1)
        .map(|s| (s.level, s.number.clone(), s.title.clone()))
        .collect();
    assert_eq!(
        headings,
        [
            (1, Some("3".to_string()), "Generelle krav".to_string()),
            (2, Some("3.1".to_string()), "Integrasjoner".to_string()),
            (2, None, "Egendefinert overskrift".to_string()),
        ]
    );
    assert_eq!(doc.sections[2].parent, Some(1));
    assert_eq!(
        doc.blocks[0].section, 0,
        "text before the first heading is in the root section"
    );
    let krav = doc.blocks.iter().find(|b| b.text == "Første krav").unwrap();
    assert_eq!(krav.section, 1);
    assert!(matches!(
        doc.blocks[doc.sections[1].block.unwrap()].kind,
        BlockKind::Heading { level: 1 }
    ));
}

#[test]
fn numbered_paragraphs_become_list_items_with_labels() {
    let doc = read_bytes(&pack(tender()));
    let items: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::ListItem { depth, label } => {
                Some((b.text.as_str(), *depth, label.clone().unwrap()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        items,
        [
            ("Første krav", 0, "1.".to_string()),
            ("Andre krav", 0, "2.".to_string()),
            ("Underkrav", 1, "a)".to_string())
        ]
    );
}

#[test]
fn tracked_deletion_of_a_requirement_is_not_text_but_insertion_is() {
    let doc = read_bytes(&pack(tender()));
    let text = all_text(&doc);
    assert!(!text.contains("slette alle logger"), "{text}");
    assert!(
        text.contains("Leverandøren skal dokumentere integrasjonen."),
        "{text}"
    );
}

#[test]
fn table_rows_carry_header_cells_merged_cells_and_nested_tables() {
    let doc = read_bytes(&pack(tender()));
    let rows: Vec<_> = doc
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match &b.kind {
            BlockKind::TableRow(r) => Some((i, b, r)),
            _ => None,
        })
        .collect();
    let (_, first, r1) = rows[0];
    assert!(r1.is_header);
    assert_eq!(&*r1.header, ["ID", "Krav", "Type"]);
    assert_eq!(first.cell(1), Some("Krav"));
    let (_, k1, r2) = rows[1];
    assert!(!r2.is_header);
    assert_eq!(&*r2.header, ["ID", "Krav", "Type"]);
    assert_eq!(
        (k1.cell(0), k1.cell(1), k1.cell(2)),
        (Some("K-1"), Some("Systemet skal logge"), Some("Absolutt"))
    );
    // gridSpan: the text sits in the first grid column it covers.
    let (_, span, _) = rows[2];
    assert_eq!(
        (span.cell(1), span.cell(2)),
        (Some("Spenner to kolonner"), Some(""))
    );
    // vMerge continuation: empty, and the nested table follows its parent row.
    let (parent_index, outer, r4) = rows[3];
    assert_eq!(
        (outer.cell(0), outer.cell(1), outer.cell(2)),
        (Some(""), Some("Ytre celle"), Some("Evaluert"))
    );
    let (_, inner, r5) = rows[4];
    assert_eq!(r5.parent_row, Some(parent_index));
    assert_eq!(r5.table, r4.table + 1);
    assert_eq!(inner.cell(0), Some("Indre A"));
    match &outer.location {
        Location::Docx {
            cell: Some(c),
            part,
            ..
        } => {
            assert_eq!((c.table, c.row), (r4.table, 4));
            assert_eq!(&**part, "word/document.xml");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn footnotes_headers_and_footers_are_read_with_their_origin() {
    let doc = read_bytes(&pack(tender()));
    let note = doc
        .blocks
        .iter()
        .find(|b| b.text == "Se veileder fra KS.")
        .unwrap();
    assert_eq!(note.origin, Origin::Footnote);
    assert_eq!(
        note.section, 1,
        "a footnote sits in the section of its reference"
    );
    for t in ["Konkurransegrunnlag – topptekst", "Side 1 bunntekst"] {
        let b = doc
            .blocks
            .iter()
            .find(|b| b.text == t)
            .unwrap_or_else(|| panic!("{t} missing"));
        assert_eq!(b.origin, Origin::HeaderFooter);
    }
}

#[test]
fn tenderlint_comment_becomes_a_directive_on_its_paragraph() {
    let doc = read_bytes(&pack(tender()));
    assert_eq!(doc.directives.len(), 1);
    let d = &doc.directives[0];
    assert_eq!(d.text, "disable INT-014: avklart med KS");
    let block = &doc.blocks[d.block.unwrap()];
    assert!(
        block
            .text
            .starts_with("Leverandøren skal levere løsningen."),
        "{}",
        block.text
    );
}

#[test]
fn paragraph_locations_count_every_paragraph_and_point_at_the_start_tag() {
    let bytes = pack(tender());
    let doc = read_bytes(&bytes);
    let xml = {
        use std::io::Read;
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let mut s = String::new();
        z.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    for b in &doc.blocks {
        if let Location::Docx {
            part,
            xml_offset,
            paragraph,
            ..
        } = &b.location
            && &**part == "word/document.xml"
        {
            let at = &xml[*xml_offset as usize..];
            assert!(
                at.starts_with("<w:p>") || at.starts_with("<w:p ") || at.starts_with("<w:tr"),
                "{at:.40}"
            );
            assert!(*paragraph >= 1);
        }
    }
    assert!(matches!(
        doc.blocks[0].location,
        Location::Docx { paragraph: 1, .. }
    ));
}

const HEADER_TABLE: &str = r#"<w:tbl><w:tblPr><w:tblStyle w:val="Tabell"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>
<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Krav</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Type</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr><w:tc><w:p><w:r><w:t>ID</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Skal logge</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Absolutt</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Sen</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>rad</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>"#;

#[test]
fn rows_marked_tbl_header_form_the_header_column_by_column() {
    let doc = read_bytes(&docx(&document_xml(HEADER_TABLE), &[]));
    let rows: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::TableRow(r) => Some(r),
            _ => None,
        })
        .collect();
    assert_eq!(
        rows.iter().map(|r| r.is_header).collect::<Vec<_>>(),
        [true, true, false, false]
    );
    assert_eq!(&*rows[2].header, ["Krav ID", "Type"]);
}

#[test]
fn text_boxes_are_read_once_without_their_vml_fallback() {
    let body = r#"<w:p><w:r><w:t>Anker.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Tekst i boks.</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Tekst i boks.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Bare VML.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"#;
    let doc = read_bytes(&docx(&document_xml(body), &[]));
    let texts: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| (b.text.as_str(), b.origin))
        .collect();
    assert_eq!(
        texts,
        [
            ("Anker.", Origin::Body),
            ("Tekst i boks.", Origin::TextBox),
            ("Bare VML.", Origin::TextBox)
        ]
    );
}

#[test]
fn fields_show_their_result_not_their_instruction() {
    let body = r#"<w:p><w:r><w:t xml:space="preserve">Se punkt </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3.2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> og </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple><w:r><w:tab/><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:softHyphen/><w:t>C</w:t><w:sym w:font="Symbol" w:char="F0B7"/><w:br/><w:t>D</w:t></w:r></w:p>"#;
    let doc = read_bytes(&docx(&document_xml(body), &[]));
    assert_eq!(doc.blocks[0].text, "Se punkt 3.2 og 7 A-BC\nD");
}

#[test]
fn content_controls_at_block_inline_row_and_cell_level_are_read() {
    let body = r#"<w:sdt><w:sdtPr><w:tag w:val="pris"/><w:placeholder><w:docPart w:val="X"/></w:placeholder></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Blokk</w:t></w:r></w:p></w:sdtContent></w:sdt>
<w:p><w:r><w:t xml:space="preserve">Før </w:t></w:r><w:sdt><w:sdtPr><w:alias w:val="Navn"/></w:sdtPr><w:sdtContent><w:r><w:t>inline</w:t></w:r></w:sdtContent></w:sdt></w:p>
<w:tbl><w:sdt><w:sdtContent><w:tr><w:sdt><w:sdtContent><w:tc><w:p><w:r><w:t>celle</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt></w:tbl>"#;
    let doc = read_bytes(&docx(&document_xml(body), &[]));
    let texts: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| (b.text.as_str(), b.origin))
        .collect();
    assert_eq!(
        texts,
        [
            ("Blokk", Origin::ContentControl),
            ("Før inline", Origin::Body),
            ("celle", Origin::ContentControl)
        ]
    );
}

#[test]
fn numbered_paragraphs_in_cells_keep_their_labels_and_cells_join_paragraphs() {
    let numbering = format!(
        r#"<w:numbering xmlns:w="{}">
             <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="K-%1"/></w:lvl></w:abstractNum>
             <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>
             <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
             <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
           </w:numbering>"#,
        support::W_NS
    );
    let numbered = |num: u32, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
        )
    };
    let plain =
        |text: &str| format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#);
    let cells = [
        numbered(1, ""),
        numbered(1, " Med tekst "),
        numbered(2, "Punkt"),
        format!("{}{}{}", plain("Første"), plain("  "), numbered(1, "andre")),
        plain("a\u{1F}b"),
    ];
    let row: String = cells.iter().map(|c| format!("<w:tc>{c}</w:tc>")).collect();
    let body = format!("<w:tbl><w:tr>{row}</w:tr></w:tbl>");
    let doc = read_bytes(&docx(
        &document_xml(&body),
        &[("word/numbering.xml", &numbering)],
    ));
    let row = &doc.blocks[0];
    let texts: Vec<_> = (0..cells.len()).map(|i| row.cell(i).unwrap()).collect();
    assert_eq!(
        texts,
        ["K-1", "K-2 Med tekst", "Punkt", "Første\nK-3 andre", "a b"]
    );
}
