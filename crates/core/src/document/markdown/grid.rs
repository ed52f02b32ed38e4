//! Grid tables as pandoc writes them (`+---+` borders, `|` rows, `+===+` under the
//! header, cells over several lines), which pulldown-cmark reads as one paragraph.
//!
//! Columns are found from the `+` of the top border and counted in characters, as
//! pandoc aligns them. A cell spanning columns is one cell followed by empty ones,
//! so every row keeps the header's column count. Anything that is not a whole,
//! well-formed grid table gives `None`, and the text is read as before.

use super::tables::{SourceCell, SourceRow, SourceTable};
use std::ops::Range;

/// Reads the grid table whose top border is the line starting at `start`.
pub(crate) fn parse(text: &str, start: usize) -> Option<SourceTable> {
    let mut lines = Lines { text, at: start };
    let top = lines.next()?;
    let indent = indentation(&text[top.clone()])?;
    let top_chars: Vec<char> = text[top.clone()].chars().skip(indent).collect();
    if !is_border(&top_chars) {
        return None;
    }
    let boundaries: Vec<usize> = top_chars
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == '+')
        .map(|(i, _)| i)
        .collect();
    if boundaries.len() < 2 {
        return None;
    }
    let mut rows = Vec::new();
    let mut open: Vec<Range<usize>> = Vec::new();
    let mut header_rows = None;
    let mut end = top.end;
    while let Some(line) = lines.next() {
        let raw = &text[line.clone()];
        if indentation(raw) != Some(indent) {
            break;
        }
        let chars: Vec<char> = raw.chars().skip(indent).collect();
        match chars.first() {
            Some('+') if is_border(&chars) => {
                if open.is_empty() {
                    return None;
                }
                rows.push(row(text, &std::mem::take(&mut open), indent, &boundaries)?);
                if chars.contains(&'=') && header_rows.is_none() {
                    header_rows = Some(rows.len());
                }
                end = lines.line_end(&line);
            }
            Some('|') => open.push(line),
            _ => break,
        }
    }
    // The last row must be closed by a border.
    if !open.is_empty() || rows.is_empty() {
        return None;
    }
    // A `=` border under the last row marks a footer, not a header.
    if let Some(header) = header_rows.filter(|&n| n < rows.len()) {
        for row in &mut rows[..header] {
            row.is_header = true;
        }
    }
    Some(SourceTable { rows, end })
}

/// The lines of one row: its cells where every line has `|` at a column boundary.
fn row(
    text: &str,
    lines: &[Range<usize>],
    indent: usize,
    boundaries: &[usize],
) -> Option<SourceRow> {
    // Byte offset of every character of each line, past the indentation.
    let offsets: Vec<Vec<usize>> = lines
        .iter()
        .map(|l| {
            text[l.clone()]
                .char_indices()
                .skip(indent)
                .map(|(i, _)| l.start + i)
                .chain(std::iter::once(l.end))
                .collect()
        })
        .collect();
    let bar_at = |line: usize, column: usize| {
        let at = *offsets[line].get(column)?;
        text[at..].starts_with('|').then_some(at)
    };
    let last = *boundaries.last()?;
    // Both outer borders must be there on every line.
    for line in 0..lines.len() {
        bar_at(line, 0)?;
        bar_at(line, last)?;
    }
    let splits: Vec<(usize, usize)> = boundaries
        .iter()
        .enumerate()
        .filter(|(_, b)| (0..lines.len()).all(|l| bar_at(l, **b).is_some()))
        .map(|(k, b)| (k, *b))
        .collect();
    let mut cells = Vec::new();
    for pair in splits.windows(2) {
        let ((k0, c0), (k1, c1)) = (pair[0], pair[1]);
        let segments = (0..lines.len())
            .map(|l| {
                let from = offsets[l][c0] + 1;
                let to = offsets[l][c1];
                trim(text, from..to)
            })
            .collect();
        cells.push(SourceCell::Markdown(segments));
        // A cell spanning columns: the columns it covers stay, empty.
        for _ in k0 + 1..k1 {
            cells.push(SourceCell::Markdown(Vec::new()));
        }
    }
    let first = lines.first()?;
    let last_line = lines.last()?;
    Some(SourceRow {
        is_header: false,
        bytes: first.start..last_line.end,
        cells,
    })
}

/// A border line: `+`, `-`, `=` and `:` only, starting and ending with `+`.
fn is_border(chars: &[char]) -> bool {
    let trimmed_len = chars.len() - chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    let chars = &chars[..trimmed_len];
    chars.len() >= 3
        && chars.first() == Some(&'+')
        && chars.last() == Some(&'+')
        && chars.iter().any(|c| matches!(c, '-' | '='))
        && chars.iter().all(|c| matches!(c, '+' | '-' | '=' | ':'))
}

/// Leading spaces of a line, when it has at most three (more is a code block).
fn indentation(line: &str) -> Option<usize> {
    let n = line.len() - line.trim_start_matches(' ').len();
    (n <= 3).then_some(n)
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    range.start + lead..range.start + lead + trimmed.len()
}

/// The lines from an offset on, without their line ends.
pub(crate) struct Lines<'a> {
    pub(crate) text: &'a str,
    pub(crate) at: usize,
}

impl Lines<'_> {
    /// The offset just past a line's line end.
    pub(crate) fn line_end(&self, line: &Range<usize>) -> usize {
        let rest = &self.text[line.end..];
        if rest.starts_with("\r\n") {
            line.end + 2
        } else if rest.starts_with('\n') {
            line.end + 1
        } else {
            line.end
        }
    }
}

impl Iterator for Lines<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        if self.at >= self.text.len() {
            return None;
        }
        let start = self.at;
        let rest = &self.text[start..];
        let len = rest.find('\n').unwrap_or(rest.len());
        self.at = start + len + 1;
        let end = if rest[..len].ends_with('\r') {
            start + len - 1
        } else {
            start + len
        };
        Some(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str, row: &SourceRow) -> Vec<String> {
        row.cells
            .iter()
            .map(|c| match c {
                SourceCell::Markdown(segments) => segments
                    .iter()
                    .map(|r| &text[r.clone()])
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
                SourceCell::Text(_) => unreachable!("grid cells are Markdown"),
            })
            .collect()
    }

    const PANDOC: &str = "\
+---------+-----------------------+------+
| Krav-ID | Kravtekst             | Type |
+=========+=======================+======+
| K-3.1   | Løsningen skal bruke  | M    |
|         | HelseID for pålogging |      |
+---------+-----------------------+------+
| K-3.2   | Løsningen bør støtte  | E    |
|         | SSO.                  |      |
+---------+-----------------------+------+
";

    #[test]
    fn pandoc_grid_table_rows_cells_and_header() {
        let t = parse(PANDOC, 0).unwrap();
        assert_eq!(t.end, PANDOC.len());
        assert_eq!(t.rows.len(), 3);
        assert!(t.rows[0].is_header && !t.rows[1].is_header);
        assert_eq!(cells(PANDOC, &t.rows[0]), ["Krav-ID", "Kravtekst", "Type"]);
        assert_eq!(
            cells(PANDOC, &t.rows[1]),
            ["K-3.1", "Løsningen skal bruke HelseID for pålogging", "M"]
        );
        assert!(PANDOC[t.rows[2].bytes.clone()].starts_with("| K-3.2"));
    }

    #[test]
    fn a_cell_spanning_columns_keeps_the_column_count() {
        let src = "\
+-----+-----+-----+
| Tabell 3 Krav   |
+=====+=====+=====+
| K-1 | a   | M   |
+-----+-----+-----+
";
        let t = parse(src, 0).unwrap();
        assert_eq!(cells(src, &t.rows[0]), ["Tabell 3 Krav", "", ""]);
        assert_eq!(cells(src, &t.rows[1]), ["K-1", "a", "M"]);
    }

    #[test]
    fn without_an_equals_border_no_row_is_a_header() {
        let src = "+---+---+\n| a | b |\n+---+---+\n| c | d |\n+---+---+\n";
        let t = parse(src, 0).unwrap();
        assert!(t.rows.iter().all(|r| !r.is_header));
        // A footer border under the last row is not a header either.
        let src = "+---+---+\n| a | b |\n+===+===+\n";
        assert!(parse(src, 0).unwrap().rows.iter().all(|r| !r.is_header));
    }

    #[test]
    fn malformed_grids_are_not_tables() {
        for src in [
            "+---+---+\n| a | b |\n",              // never closed
            "+---+---+\n| a | b\n+---+---+\n",     // right border missing
            "+---+---+\n+---+---+\n",              // no row
            "+ not a border +\n| a |\n+---+\n",    // not a border
            "+-+\n|",                              // cut off
            "    +---+\n    | a |\n    +---+\n",   // indented code
            "+---+---+\n| æøå | b |\n+---+---+\n", // misaligned
        ] {
            assert!(parse(src, 0).is_none(), "{src:?}");
        }
    }

    #[test]
    fn the_table_ends_at_its_last_border() {
        let src = "+---+\n| a |\n+---+\nEtter tabellen.\n";
        let t = parse(src, 0).unwrap();
        assert_eq!(&src[t.end..], "Etter tabellen.\n");
    }

    #[test]
    fn crlf_line_ends() {
        let src = "+---+---+\r\n| a | b |\r\n+===+===+\r\n| c | d |\r\n+---+---+\r\n";
        let t = parse(src, 0).unwrap();
        assert_eq!(t.end, src.len());
        assert_eq!(cells(src, &t.rows[1]), ["c", "d"]);
    }
}
