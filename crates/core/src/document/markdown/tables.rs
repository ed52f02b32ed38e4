//! Tables the Markdown reader reads from the source itself, beside pulldown-cmark's
//! pipe tables: pandoc's grid tables and raw HTML `<table>` blocks. Each reader
//! gives rows of cells located in the source; the Markdown reader turns them into
//! the same table-row blocks as pipe tables.

use std::ops::Range;

/// A table read from the source, with the offset just past it.
#[derive(Debug)]
pub(crate) struct SourceTable {
    pub(crate) rows: Vec<SourceRow>,
    pub(crate) end: usize,
}

#[derive(Debug)]
pub(crate) struct SourceRow {
    pub(crate) is_header: bool,
    /// The row's lines in the source.
    pub(crate) bytes: Range<usize>,
    pub(crate) cells: Vec<SourceCell>,
}

#[derive(Debug)]
pub(crate) enum SourceCell {
    /// The cell's lines, trimmed, as source ranges: Markdown still to be read.
    Markdown(Vec<Range<usize>>),
    /// Text already read (HTML), each piece with where it came from.
    Text(Vec<Piece>),
}

/// Text and its place in the source; `exact` when the text is the source slice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) text: String,
    pub(crate) source: Range<usize>,
    pub(crate) exact: bool,
}
