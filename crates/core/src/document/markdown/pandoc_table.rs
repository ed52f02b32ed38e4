//! pandoc's simple and multiline tables — what `pandoc -t markdown` writes for a
//! Word table by default — which pulldown-cmark reads as thematic breaks, setext
//! headings and paragraphs of run-together cells.
//!
//! ```text
//!   -----------------------------------------        ← multiline: a line of dashes,
//!   Krav-ID   Kravtekst                 Type           the header lines,
//!   --------- ------------------------- ------       ← the columns,
//!   K-3.1     Løsningen skal bruke      M              rows separated by blank lines,
//!             HelseID.
//!   -----------------------------------------        ← and a closing line of dashes.
//!
//!   Krav-ID   Kravtekst                 Type         ← simple: one header line,
//!   --------- ------------------------- ------       ← the columns, one line per row,
//!   K-3.1     Løsningen skal bruke HelseID.   M        ending at a blank line.
//! ```
//!
//! Columns run from the start of one dash group to the start of the next, counted
//! in characters. Two columns at least: a lone line of dashes is a thematic break.

use super::grid::Lines;
use super::tables::{SourceCell, SourceRow, SourceTable};
use std::ops::Range;

/// Reads the simple or multiline table whose first line starts at `start`. Lines
/// are read only as far as the table can go, so trying every paragraph is cheap.
pub(crate) fn parse(text: &str, start: usize) -> Option<SourceTable> {
    let mut it = Lines { text, at: start };
    let first = it.next()?;
    let raw = &text[first.clone()];
    if raw.len() - raw.trim_start_matches(' ').len() > 3 {
        return None;
    }
    let second = it.next()?;
    let groups = dash_groups(raw).map(|g| g.len());
    // Most paragraphs are no table: tell before allocating anything.
    if groups.is_none() && columns_of(&text[second.clone()]).is_none() {
        return None;
    }
    let mut lines = vec![first, second];
    match groups {
        Some(1) => {
            // The header lines, up to the column line; a blank line ends it all.
            let mut at = 1;
            loop {
                let line = lines.get(at)?;
                if is_blank(text, line) {
                    return None;
                }
                if dash_groups(&text[line.clone()]).is_some() {
                    break;
                }
                lines.push(it.next()?);
                at += 1;
            }
            columns_of(&text[lines[at].clone()])?;
            read_to_close(text, &mut it, &mut lines)?;
            multiline_with_header(text, &lines)
        }
        Some(_) => {
            read_to_close(text, &mut it, &mut lines)?;
            headerless(text, &lines)
        }
        None => {
            for line in it {
                if is_blank(text, &line) {
                    break;
                }
                lines.push(line);
            }
            simple_with_header(text, &lines)
        }
    }
}

/// Reads lines up to the closing line of dashes; `None` at the end of the text or
/// at two blank lines in a row, which no table holds.
fn read_to_close(text: &str, it: &mut Lines<'_>, lines: &mut Vec<Range<usize>>) -> Option<()> {
    let mut blank = false;
    loop {
        let line = it.next()?;
        let now_blank = is_blank(text, &line);
        if blank && now_blank {
            return None;
        }
        blank = now_blank;
        let close = is_dash_line(text, &line);
        lines.push(line);
        if close {
            return Some(());
        }
    }
}

fn multiline_with_header(text: &str, lines: &[Range<usize>]) -> Option<SourceTable> {
    let columns_at = (1..lines.len())
        .find(|&i| !is_blank(text, &lines[i]) && dash_groups(&text[lines[i].clone()]).is_some())?;
    if columns_at < 2 || (1..columns_at).any(|i| is_blank(text, &lines[i])) {
        return None;
    }
    let columns = columns_of(&text[lines[columns_at].clone()])?;
    // The body: rows separated by blank lines, up to a closing line of dashes.
    let close = (columns_at + 1..lines.len()).find(|&i| is_dash_line(text, &lines[i]))?;
    let mut rows = vec![row(text, &lines[1..columns_at], &columns, true)];
    rows.extend(body_rows(
        text,
        &lines[columns_at + 1..close],
        &columns,
        true,
    ));
    finish(text, rows, &lines[close])
}

fn headerless(text: &str, lines: &[Range<usize>]) -> Option<SourceTable> {
    let columns = columns_of(&text[lines[0].clone()])?;
    let close = (1..lines.len()).find(|&i| is_dash_line(text, &lines[i]))?;
    let body = &lines[1..close];
    // Blank lines between rows make it a multiline table; else a line is a row.
    let multiline = body.iter().any(|l| is_blank(text, l));
    let rows = body_rows(text, body, &columns, multiline);
    finish(text, rows, &lines[close])
}

fn simple_with_header(text: &str, lines: &[Range<usize>]) -> Option<SourceTable> {
    let header = lines.first()?;
    if is_blank(text, header) || text[header.clone()].trim_start().starts_with('#') {
        return None;
    }
    let columns = columns_of(&text[lines.get(1)?.clone()])?;
    let body_end = (2..lines.len())
        .find(|&i| is_blank(text, &lines[i]))
        .unwrap_or(lines.len());
    if body_end == 2 {
        return None;
    }
    let mut rows = vec![row(text, std::slice::from_ref(header), &columns, true)];
    for line in &lines[2..body_end] {
        rows.push(row(text, std::slice::from_ref(line), &columns, false));
    }
    let last = &lines[body_end - 1];
    let end = Lines { text, at: 0 }.line_end(last);
    Some(SourceTable { rows, end })
}

fn finish(text: &str, rows: Vec<SourceRow>, close: &Range<usize>) -> Option<SourceTable> {
    if rows.iter().all(|r| r.is_header) {
        return None;
    }
    Some(SourceTable {
        rows,
        end: Lines { text, at: 0 }.line_end(close),
    })
}

/// The body's rows: lines grouped at blank lines (multiline) or one per line.
fn body_rows(
    text: &str,
    body: &[Range<usize>],
    columns: &[usize],
    multiline: bool,
) -> Vec<SourceRow> {
    if !multiline {
        return body
            .iter()
            .filter(|l| !is_blank(text, l))
            .map(|l| row(text, std::slice::from_ref(l), columns, false))
            .collect();
    }
    body.split(|l| is_blank(text, l))
        .filter(|group| !group.is_empty())
        .map(|group| row(text, group, columns, false))
        .collect()
}

/// A row from its lines: each column's slice of each line, trimmed.
fn row(text: &str, lines: &[Range<usize>], columns: &[usize], is_header: bool) -> SourceRow {
    let mut cells: Vec<Vec<Range<usize>>> = vec![Vec::with_capacity(lines.len()); columns.len()];
    for line in lines {
        let raw = &text[line.clone()];
        // Byte offset of a character column in this line (its end when shorter).
        let byte_at = |column: usize| {
            raw.char_indices()
                .nth(column)
                .map_or(line.end, |(i, _)| line.start + i)
        };
        for (k, cell) in cells.iter_mut().enumerate() {
            let from = if k == 0 {
                line.start
            } else {
                byte_at(columns[k])
            };
            let to = columns.get(k + 1).map_or(line.end, |&c| byte_at(c));
            cell.push(trim(text, from..to.max(from)));
        }
    }
    let first = lines.first().map_or(0..0, Clone::clone);
    let last = lines.last().map_or(0..0, Clone::clone);
    SourceRow {
        is_header,
        bytes: first.start..last.end,
        cells: cells.into_iter().map(SourceCell::Markdown).collect(),
    }
}

/// The starting character columns of the dash groups of a column line, when it has
/// two or more.
fn columns_of(line: &str) -> Option<Vec<usize>> {
    let groups = dash_groups(line)?;
    (groups.len() >= 2).then(|| groups.iter().map(|g| g.start).collect())
}

/// The groups of dashes of a line made of dashes and spaces only (character
/// columns), when it is one.
fn dash_groups(line: &str) -> Option<Vec<Range<usize>>> {
    let line = line.trim_end();
    if !line.trim_start().starts_with('-') || !line.chars().all(|c| c == '-' || c == ' ') {
        return None;
    }
    let mut groups: Vec<Range<usize>> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in line.chars().enumerate() {
        match (c, open) {
            ('-', None) => open = Some(i),
            (' ', Some(s)) => {
                groups.push(s..i);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        groups.push(s..line.chars().count());
    }
    // A dash group of one or two is no column: «- -» is a list.
    (groups.iter().all(|g| g.len() >= 3)).then_some(groups)
}

/// A closing line: dashes and spaces only (one line of dashes under a header, the
/// column groups again under a headerless table).
fn is_dash_line(text: &str, line: &Range<usize>) -> bool {
    dash_groups(&text[line.clone()]).is_some()
}

fn is_blank(text: &str, line: &Range<usize>) -> bool {
    text[line.clone()].trim().is_empty()
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    range.start + lead..range.start + lead + s.trim().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str, t: &SourceTable) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| match c {
                        SourceCell::Markdown(lines) => lines
                            .iter()
                            .map(|l| &text[l.clone()])
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(" "),
                        SourceCell::Text(_) => unreachable!(),
                    })
                    .collect()
            })
            .collect()
    }

    /// As pandoc 2.17 writes a Word table by default.
    const MULTILINE: &str = "  -------------------------------------------------\n  Krav-ID          Kravtekst               Type\n  ---------------- ----------------------- ------\n  K-3.1            Løsningen skal bruke    M\n                   HelseID.\n\n  K-3.2            Løsningen bør støtte    E\n                   SSO.\n  -------------------------------------------------\n\nEtter.\n";

    #[test]
    fn multiline_tables_as_pandoc_writes_them() {
        let t = parse(MULTILINE, 0).unwrap();
        assert_eq!(
            cells(MULTILINE, &t),
            [
                vec!["Krav-ID", "Kravtekst", "Type"],
                vec!["K-3.1", "Løsningen skal bruke HelseID.", "M"],
                vec!["K-3.2", "Løsningen bør støtte SSO.", "E"],
            ]
        );
        assert!(t.rows[0].is_header && !t.rows[1].is_header);
        assert_eq!(&MULTILINE[t.end..], "\nEtter.\n");
    }

    #[test]
    fn simple_tables_with_and_without_header() {
        let src = "Krav-ID  Kravtekst                        Type\n-------  -------------------------------  ----\nK-1      Løsningen skal støtte HelseID.   M\nK-2      Løsningen bør støtte SSO.        E\n\nEtter.\n";
        let t = parse(src, 0).unwrap();
        assert_eq!(cells(src, &t)[2], ["K-2", "Løsningen bør støtte SSO.", "E"]);
        assert!(t.rows[0].is_header);
        assert_eq!(&src[t.end..], "\nEtter.\n");
        let src = "-------  ------\nK-1      a\nK-2      b\n-------  ------\n";
        let t = parse(src, 0).unwrap();
        assert_eq!(cells(src, &t), [vec!["K-1", "a"], vec!["K-2", "b"]]);
        assert!(t.rows.iter().all(|r| !r.is_header));
    }

    #[test]
    fn thematic_breaks_and_setext_headings_are_no_tables() {
        for src in [
            "---\n\nTekst.\n\n---\n",
            "---\nTekst\n---\n\nMer.\n\n---\n",
            "Tittel\n------\n\nTekst.\n",
            "# Tittel\n---- ----\nx\n",
            "Tekst\n--- ---\n\n",
            "-------  ------\nK-1      a\n",
            "- - -\n",
        ] {
            assert!(parse(src, 0).is_none(), "{src:?}");
        }
    }
}
