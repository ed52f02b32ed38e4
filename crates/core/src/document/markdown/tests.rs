//! The Markdown reader's tests: blocks, sections, directives and every kind of table.

use super::*;

fn doc(text: &str) -> Document {
    read(PathBuf::from("t.md"), text)
}

#[test]
fn headings_open_sections_with_numbers() {
    let d =
        doc("# 3 Kravspesifikasjon\n\n## 3.2 Integrasjoner\n\nLøsningen skal støtte HelseID.\n");
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
            BlockKind::ListItem { depth, label } => Some((b.text.as_str(), *depth, label.clone())),
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

/// One random table written three ways (a grid table, an HTML table and, when it
/// has two columns and a header, a pandoc multiline table), with its words.
struct Generated {
    grid: String,
    html: String,
    multiline: Option<String>,
    header: bool,
    rows: usize,
    words: Vec<&'static str>,
}

fn generate_table(rng: &mut Lcg) -> Generated {
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
        let cells: Vec<Vec<&'static str>> = (0..columns)
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
    Generated {
        grid,
        html,
        multiline: (columns >= 2 && multiline_rows >= 2).then_some(multiline),
        header,
        rows: body_rows + usize::from(header),
        words,
    }
}

/// The table's rows, header and words all arrive, and no offset points past the source.
fn assert_read_whole(case: usize, src: &str, header: bool, expected_rows: usize, words: &[&str]) {
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
    for w in words {
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

#[test]
fn generated_tables_keep_every_word_and_their_rows() {
    let mut rng = Lcg(13);
    for case in 0..300 {
        let t = generate_table(&mut rng);
        assert_read_whole(case, &t.grid, t.header, t.rows, &t.words);
        assert_read_whole(case, &t.html, t.header, t.rows, &t.words);
        if let Some(multiline) = &t.multiline {
            // A multiline table's first row is always its header.
            assert_read_whole(case, multiline, true, t.rows, &t.words);
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
