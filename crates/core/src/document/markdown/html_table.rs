//! Raw HTML `<table>` blocks in Markdown (pandoc writes them for tables that fit no
//! Markdown table syntax), read with html5ever's tokenizer: entities decoded, the
//! text of nested markup kept, `<th>` and `<thead>` rows as headers, `colspan` as a
//! cell followed by empty ones and `rowspan` as empty cells below, so every row
//! keeps its columns. Tables nested in a cell are read as that cell's text.
//!
//! The tokenizer reports the line of each token; each row is located at the line
//! of its `<tr>`, and each piece of text at its occurrence in the source from there
//! on (or, where entities changed it, at the place the search reached).

use super::tables::{Piece, SourceCell, SourceRow, SourceTable};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

/// Reads the HTML block `html`, which starts at byte `start` of `text`, as a table,
/// when it holds one (also inside a `<div>` or `<figure>`) with a row of text.
pub(crate) fn parse(text: &str, start: usize, html: &str) -> Option<SourceTable> {
    if !html
        .as_bytes()
        .windows(6)
        .any(|w| w.eq_ignore_ascii_case(b"<table"))
    {
        return None;
    }
    let end = start + html.len();
    let region = text.get(start..end)?;
    let mut line_starts = vec![start];
    line_starts.extend(region.match_indices('\n').map(|(i, _)| start + i + 1));
    let builder = Builder {
        text,
        end,
        line_starts,
        cursor: start,
        depth: 0,
        in_head: false,
        skip: 0,
        rows: Vec::new(),
        row: None,
        cell: None,
        spans_down: Vec::new(),
    };
    let tokenizer = Tokenizer::new(Sink(RefCell::new(builder)), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(region));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut builder = tokenizer.sink.0.into_inner();
    builder.close_row();
    let rows = builder.rows;
    let has_text = rows.iter().any(|r| {
        r.cells
            .iter()
            .any(|c| matches!(c, SourceCell::Text(p) if !p.is_empty()))
    });
    has_text.then_some(SourceTable { rows, end })
}

struct Sink<'a>(RefCell<Builder<'a>>);

impl TokenSink for Sink<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let mut b = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let line = usize::try_from(line).unwrap_or(usize::MAX);
                let span = |name: &str| {
                    tag.attrs
                        .iter()
                        .find(|a| &*a.name.local == name)
                        .and_then(|a| a.value.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, MAX_SPAN)
                };
                let (colspan, rowspan) = (span("colspan"), span("rowspan"));
                b.tag(
                    &tag.name,
                    tag.kind,
                    tag.self_closing,
                    line,
                    colspan,
                    rowspan,
                );
            }
            Token::CharacterTokens(chars) => b.characters(&chars),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// More columns than any real table has: a bigger span is a typo, not a layout.
const MAX_SPAN: usize = 64;

struct Builder<'a> {
    text: &'a str,
    /// End of the HTML block in `text`.
    end: usize,
    /// Offsets in `text` where the block's lines start.
    line_starts: Vec<usize>,
    /// Where the search for the next piece of text starts.
    cursor: usize,
    /// How many `<table>`s are open.
    depth: usize,
    in_head: bool,
    /// Open `<script>`/`<style>` elements, whose content is not text.
    skip: usize,
    rows: Vec<SourceRow>,
    row: Option<OpenRow>,
    cell: Option<OpenCell>,
    /// Per column, how many more rows a cell above still covers.
    spans_down: Vec<usize>,
}

struct OpenRow {
    start: usize,
    /// In a `<thead>`.
    in_head: bool,
    /// Every cell so far is a `<th>`.
    all_th: bool,
    cells: Vec<SourceCell>,
}

struct OpenCell {
    pieces: Vec<Piece>,
    header: bool,
    colspan: usize,
    rowspan: usize,
    /// Whitespace or a block boundary came after the last piece.
    space: bool,
}

impl Builder<'_> {
    fn line_start(&self, line: usize) -> usize {
        let index = line.saturating_sub(1).min(self.line_starts.len() - 1);
        self.line_starts[index]
    }

    fn tag(
        &mut self,
        name: &str,
        kind: TagKind,
        self_closing: bool,
        line: usize,
        colspan: usize,
        rowspan: usize,
    ) {
        let start = matches!(kind, TagKind::StartTag);
        match name {
            "script" | "style" if !self_closing => {
                self.skip = if start {
                    self.skip + 1
                } else {
                    self.skip.saturating_sub(1)
                };
            }
            "table" => {
                if start {
                    self.depth += 1;
                    self.space();
                } else {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        self.close_row();
                    }
                }
            }
            _ if self.depth != 1 => self.space(),
            "thead" => self.in_head = start,
            "tbody" | "tfoot" => self.in_head = false,
            "tr" => {
                self.close_row();
                if start {
                    let at = self.line_start(line).max(self.cursor);
                    self.cursor = at;
                    self.row = Some(OpenRow {
                        start: at,
                        in_head: self.in_head,
                        all_th: true,
                        cells: Vec::new(),
                    });
                }
            }
            "td" | "th" => {
                self.close_cell();
                if start {
                    if self.row.is_none() {
                        let at = self.line_start(line).max(self.cursor);
                        self.row = Some(OpenRow {
                            start: at,
                            in_head: self.in_head,
                            all_th: true,
                            cells: Vec::new(),
                        });
                    }
                    self.cursor = self.cursor.max(self.line_start(line));
                    self.cell = Some(OpenCell {
                        pieces: Vec::new(),
                        header: name == "th",
                        colspan,
                        rowspan,
                        space: false,
                    });
                }
            }
            "caption" => self.close_row(),
            _ => self.space(),
        }
    }

    /// A tag inside a cell separates words unless it is inline markup.
    fn space(&mut self) {
        if let Some(cell) = &mut self.cell {
            cell.space = true;
        }
    }

    fn characters(&mut self, chars: &str) {
        if self.skip > 0 {
            return;
        }
        let Some(cell) = &mut self.cell else {
            return;
        };
        if chars.starts_with(char::is_whitespace) {
            cell.space = true;
        }
        for line in chars.split(['\n', '\r']) {
            let run = line.trim();
            if run.is_empty() {
                continue;
            }
            let found = self
                .text
                .get(self.cursor..self.end)
                .and_then(|rest| rest.find(run))
                .map(|i| self.cursor + i);
            let at = found.unwrap_or(self.cursor);
            if cell.space && !cell.pieces.is_empty() {
                cell.pieces.push(Piece {
                    text: " ".into(),
                    source: at..at,
                    exact: false,
                });
            }
            let text = run.split_whitespace().collect::<Vec<_>>().join(" ");
            let exact = found.is_some() && text == run;
            if found.is_some() {
                self.cursor = at + run.len();
            }
            cell.pieces.push(Piece {
                text,
                source: at..at + if found.is_some() { run.len() } else { 0 },
                exact,
            });
            cell.space = true;
        }
        cell.space = chars.ends_with(char::is_whitespace);
    }

    fn close_cell(&mut self) {
        let Some(cell) = self.cell.take() else {
            return;
        };
        let Some(len) = self.row.as_ref().map(|r| r.cells.len()) else {
            return;
        };
        self.fill_spanned(len);
        let Some(row) = &mut self.row else {
            return;
        };
        row.all_th &= cell.header;
        let column = row.cells.len();
        row.cells.push(SourceCell::Text(cell.pieces));
        for k in 0..cell.colspan {
            if k > 0 {
                row.cells.push(SourceCell::Text(Vec::new()));
            }
            if cell.rowspan > 1 {
                let c = column + k;
                if self.spans_down.len() <= c {
                    self.spans_down.resize(c + 1, 0);
                }
                self.spans_down[c] = cell.rowspan - 1;
            }
        }
    }

    /// Empty cells where cells of rows above reach down into this one.
    fn fill_spanned(&mut self, mut column: usize) {
        let Some(row) = &mut self.row else {
            return;
        };
        while let Some(left) = self.spans_down.get_mut(column).filter(|l| **l > 0) {
            *left -= 1;
            row.cells.push(SourceCell::Text(Vec::new()));
            column += 1;
        }
    }

    fn close_row(&mut self) {
        self.close_cell();
        if let Some(len) = self.row.as_ref().map(|r| r.cells.len()) {
            self.fill_spanned(len);
        }
        let Some(row) = self.row.take() else {
            return;
        };
        if row.cells.is_empty() {
            return;
        }
        // A row of `<th>` cells heads the table when only header rows are above it.
        let is_header = row.in_head || (row.all_th && self.rows.iter().all(|r| r.is_header));
        let end = self.cursor.max(row.start);
        let end = self.text[end..self.end]
            .find('\n')
            .map_or(self.end, |i| end + i);
        self.rows.push(SourceRow {
            is_header,
            bytes: row.start..end,
            cells: row.cells,
        });
    }
}

/// The text of a cell's pieces, for tests.
#[cfg(test)]
fn cell_text(cell: &SourceCell) -> String {
    match cell {
        SourceCell::Text(pieces) => pieces.iter().map(|p| p.text.as_str()).collect(),
        SourceCell::Markdown(_) => unreachable!("HTML cells are text"),
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn table(html: &str) -> SourceTable {
        parse(html, 0, html).expect("a table")
    }

    fn texts(t: &SourceTable) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(cell_text).collect())
            .collect()
    }

    #[test]
    fn pandoc_html_table() {
        let html = "<table>\n<colgroup>\n<col style=\"width: 33%\" />\n</colgroup>\n<thead>\n<tr class=\"header\">\n<th>Krav-ID</th>\n<th>Kravtekst</th>\n</tr>\n</thead>\n<tbody>\n<tr class=\"odd\">\n<td>K-3.2</td>\n<td>Løsningen bør støtte single sign-on mellom journal og\nfagsystemer.</td>\n</tr>\n</tbody>\n</table>\n";
        let t = table(html);
        assert_eq!(
            texts(&t),
            [
                vec!["Krav-ID", "Kravtekst"],
                vec![
                    "K-3.2",
                    "Løsningen bør støtte single sign-on mellom journal og fagsystemer."
                ]
            ]
        );
        assert!(t.rows[0].is_header && !t.rows[1].is_header);
        assert!(html[t.rows[1].bytes.clone()].starts_with("<tr class=\"odd\">"));
        // Pieces point at their words in the source.
        let SourceCell::Text(pieces) = &t.rows[1].cells[1] else {
            unreachable!()
        };
        assert_eq!(&html[pieces[2].source.clone()], "fagsystemer.");
    }

    #[test]
    fn entities_nested_markup_and_th_rows() {
        let t = table(
            "<table><tr><th>ID</th><th>Krav</th></tr><tr><td>K&#8209;1</td><td>Løsningen <b>skal</b> st&oslash;tte <a href=\"x\">HelseID</a>&nbsp;og&nbsp;FHIR</td></tr></table>",
        );
        assert!(t.rows[0].is_header);
        assert_eq!(texts(&t)[1][1], "Løsningen skal støtte HelseID og FHIR");
        assert_eq!(texts(&t)[1][0], "K\u{2011}1");
    }

    #[test]
    fn spans_keep_the_columns() {
        let t = table(
            "<table><tr><td colspan=\"3\">Tabell 3</td></tr><tr><td rowspan=\"2\">A</td><td>b</td><td>c</td></tr><tr><td>e</td><td>f</td></tr></table>",
        );
        assert_eq!(
            texts(&t),
            [
                vec!["Tabell 3", "", ""],
                vec!["A", "b", "c"],
                vec!["", "e", "f"]
            ]
        );
    }

    #[test]
    fn unclosed_cells_and_nested_tables() {
        let t =
            table("<table><tr><td>a<td>b<table><tr><td>inner</td></tr></table>c<tr><td>d</table>");
        assert_eq!(texts(&t), [vec!["a", "b inner c"], vec!["d"]]);
    }

    #[test]
    fn a_table_wrapped_in_a_figure() {
        let t = table("<figure>\n<TABLE><TR><TD>K-1</TD><TD>skal</TD></TR></TABLE>\n</figure>");
        assert_eq!(texts(&t), [vec!["K-1", "skal"]]);
    }

    #[test]
    fn not_a_table() {
        assert!(parse("<div>x</div>", 0, "<div>x</div>").is_none());
        assert!(parse("<table></table>", 0, "<table></table>").is_none());
        assert!(parse("<table", 0, "<table").is_none());
    }
}
