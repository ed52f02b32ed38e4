//! Byte offsets → 1-based lines and columns, the one place they are counted.
//!
//! The Markdown reader places every block with it, the engine places evidence with
//! it, and the rule-set and configuration loaders place their problems with it.

use std::sync::Arc;

/// Byte offset → 1-based line and column (in characters).
#[derive(Debug)]
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub(crate) fn line_column(&self, text: &str, offset: usize) -> (u32, u32) {
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts[line];
        let column = text
            .get(start..offset.min(text.len()))
            .map(|s| s.chars().count())
            .unwrap_or(0);
        (line as u32 + 1, column as u32 + 1)
    }
}

impl Default for LineIndex {
    fn default() -> Self {
        LineIndex { starts: vec![0] }
    }
}

/// A line index that owns its text, for turning evidence offsets into lines.
#[derive(Debug, Clone)]
pub(crate) struct LineIndexRef {
    text: Arc<str>,
    index: Arc<LineIndex>,
}

impl LineIndexRef {
    pub(crate) fn new(text: Arc<str>) -> LineIndexRef {
        let index = Arc::new(LineIndex::new(&text));
        LineIndexRef { text, index }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub(crate) fn line_column(&self, offset: usize) -> (u32, u32) {
        self.index.line_column(&self.text, offset)
    }
}

/// 1-based line and column (in characters) of one byte offset in `text`, for a
/// caller that asks once (a problem in a rule set or a configuration file).
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let (line, column) = LineIndex::new(text).line_column(text, offset);
    (line as usize, column as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_from_one_in_characters() {
        let text = "første\nlinje: «å»\n\nslutt";
        let index = LineIndex::new(text);
        assert_eq!(index.line_column(text, 0), (1, 1));
        assert_eq!(index.line_column(text, text.find("linje").unwrap()), (2, 1));
        assert_eq!(index.line_column(text, text.find('å').unwrap()), (2, 9));
        assert_eq!(index.line_column(text, text.find("slutt").unwrap()), (4, 1));
        // A line end belongs to the line it ends.
        assert_eq!(index.line_column(text, text.find('\n').unwrap()), (1, 7));
    }

    #[test]
    fn an_offset_past_the_end_is_placed_at_the_end() {
        let text = "a\nbc";
        assert_eq!(line_column(text, 99), (2, 3));
        assert_eq!(line_column("", 5), (1, 1));
    }

    #[test]
    fn the_owning_index_and_the_one_shot_agree() {
        let text: Arc<str> = Arc::from("en\nto\ntre\n");
        let owned = LineIndexRef::new(Arc::clone(&text));
        for offset in 0..=text.len() {
            let (l, c) = owned.line_column(offset);
            assert_eq!((l as usize, c as usize), line_column(&text, offset));
        }
    }
}
