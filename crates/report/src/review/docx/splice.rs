//! Marks inside a paragraph's text: a comment's start and end, an inserted
//! phrase, a replaced word. A mark inside a `w:t` splits its run in two; the
//! second half gets the run's formatting again, so the text looks as before.

use super::scan::{Scan, escape};
use std::ops::Range;

/// What goes between the two halves of a split run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Mark {
    CommentStart(u32),
    CommentEnd(u32),
    /// A tracked insertion (`w:ins`) in the run's formatting.
    Insert {
        id: u32,
        text: String,
    },
    /// A tracked deletion of the cut's bytes, then a tracked insertion.
    Replace {
        del: u32,
        ins: u32,
        text: String,
    },
}

impl Mark {
    /// At one place: comment starts first, then changes, then comment ends, so
    /// that a change at the edge of a commented sentence is inside the comment.
    fn order(&self) -> u8 {
        match self {
            Mark::CommentStart(_) => 0,
            Mark::Insert { .. } | Mark::Replace { .. } => 1,
            Mark::CommentEnd(_) => 2,
        }
    }
}

/// A mark at a byte inside a `w:t`; a replacement also removes `byte..delete_to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Cut {
    pub(crate) text: usize,
    pub(crate) byte: usize,
    pub(crate) delete_to: Option<usize>,
    pub(crate) mark: Mark,
}

/// A change to the part: `range` replaced by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Splice {
    pub(crate) range: Range<usize>,
    pub(crate) text: String,
}

/// The author and date of tenderlint's revisions and comments.
#[derive(Debug, Clone)]
pub(crate) struct Revision {
    pub(crate) date: String,
}

impl Revision {
    pub(crate) fn attrs(&self, id: u32) -> String {
        format!(
            r#"w:id="{id}" w:author="tenderlint" w:date="{}""#,
            self.date
        )
    }

    fn render(&self, xml: &str, mark: &Mark, rpr: &str, deleted: Option<Range<usize>>) -> String {
        match mark {
            Mark::CommentStart(id) => format!(r#"<w:commentRangeStart w:id="{id}"/>"#),
            Mark::CommentEnd(id) => format!(
                r#"<w:commentRangeEnd w:id="{id}"/><w:r><w:commentReference w:id="{id}"/></w:r>"#
            ),
            Mark::Insert { id, text } => self.inserted_run(*id, rpr, text),
            Mark::Replace { del, ins, text } => {
                let old = deleted.map_or("", |r| &xml[r]);
                format!(
                    r#"<w:del {}><w:r>{rpr}<w:delText xml:space="preserve">{old}</w:delText></w:r></w:del>{}"#,
                    self.attrs(*del),
                    self.inserted_run(*ins, rpr, text)
                )
            }
        }
    }

    /// A run of new text, marked inserted.
    pub(crate) fn inserted_run(&self, id: u32, rpr: &str, text: &str) -> String {
        format!(
            r#"<w:ins {}><w:r>{rpr}<w:t xml:space="preserve">{}</w:t></w:r></w:ins>"#,
            self.attrs(id),
            escape(text)
        )
    }
}

/// The splices that put `cuts` into the text of `scan`.
pub(super) fn splices(xml: &str, scan: &Scan, mut cuts: Vec<Cut>, rev: &Revision) -> Vec<Splice> {
    // A mark inside a deleted word moves to the word's start.
    let deletions: Vec<(usize, usize, usize)> = cuts
        .iter()
        .filter_map(|c| c.delete_to.map(|end| (c.text, c.byte, end)))
        .collect();
    for c in &mut cuts {
        if c.delete_to.is_none()
            && let Some((_, start, _)) = deletions
                .iter()
                .find(|(t, s, e)| *t == c.text && *s < c.byte && c.byte < *e)
        {
            c.byte = *start;
        }
    }
    cuts.sort_by_key(|c| (c.text, c.byte, c.mark.order()));
    let mut out = Vec::new();
    let mut split: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < cuts.len() {
        let (text, byte) = (cuts[i].text, cuts[i].byte);
        let element = &scan.texts[text];
        let mut end = byte;
        let mut marks = String::new();
        while i < cuts.len() && cuts[i].text == text && cuts[i].byte == byte {
            let deleted = cuts[i].delete_to.map(|e| byte..e);
            if let Some(d) = &deleted {
                end = end.max(d.end);
            }
            marks.push_str(&rev.render(xml, &cuts[i].mark, &element.rpr, deleted));
            i += 1;
        }
        // At the edge of a run of one text, the marks go beside the run, unsplit.
        if end == byte && byte == element.content.start && element.first_in_run {
            out.push(Splice {
                range: element.run.start..element.run.start,
                text: marks,
            });
            continue;
        }
        if end == byte && byte == element.content.end && element.last_in_run {
            out.push(Splice {
                range: element.run.end..element.run.end,
                text: marks,
            });
            continue;
        }
        if !split.contains(&text) {
            split.push(text);
            out.push(Splice {
                range: element.open.clone(),
                text: r#"<w:t xml:space="preserve">"#.to_string(),
            });
        }
        out.push(Splice {
            range: byte..end,
            text: format!(
                r#"</w:t></w:r>{marks}<w:r>{}<w:t xml:space="preserve">"#,
                element.rpr
            ),
        });
    }
    out
}

/// Applies splices (sorted here; overlapping ones are a bug and are skipped).
pub(crate) fn apply(xml: &str, mut splices: Vec<Splice>) -> String {
    splices.sort_by_key(|s| (s.range.start, s.range.end));
    let mut out =
        String::with_capacity(xml.len() + splices.iter().map(|s| s.text.len()).sum::<usize>());
    let mut at = 0;
    for s in splices {
        if s.range.start < at {
            continue;
        }
        out.push_str(&xml[at..s.range.start]);
        out.push_str(&s.text);
        at = s.range.end;
    }
    out.push_str(&xml[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::super::scan::scan;
    use super::*;

    #[test]
    fn a_comment_and_a_replacement_split_the_run_and_keep_its_formatting() {
        let xml = r#"<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Det bør virke.</w:t></w:r></w:p>"#;
        let s = scan(xml, 0).unwrap();
        let t = &s.texts[0];
        let at = |needle: &str| t.content.start + xml[t.content.clone()].find(needle).unwrap();
        let cuts = vec![
            Cut {
                text: 0,
                byte: at("Det"),
                delete_to: None,
                mark: Mark::CommentStart(5),
            },
            Cut {
                text: 0,
                byte: at("bør"),
                delete_to: Some(at(" virke")),
                mark: Mark::Replace {
                    del: 6,
                    ins: 7,
                    text: "skal".into(),
                },
            },
            Cut {
                text: 0,
                byte: t.content.end,
                delete_to: None,
                mark: Mark::CommentEnd(5),
            },
        ];
        let rev = Revision {
            date: "2026-01-01T00:00:00Z".into(),
        };
        let out = apply(xml, splices(xml, &s, cuts, &rev));
        assert!(out.contains(r#"<w:commentRangeStart w:id="5"/><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Det </w:t></w:r><w:del w:id="6" w:author="tenderlint""#), "{out}");
        assert!(
            out.contains(r#"<w:delText xml:space="preserve">bør</w:delText>"#),
            "{out}"
        );
        assert!(out.contains(r#"<w:t xml:space="preserve">skal</w:t></w:r></w:ins><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> virke.</w:t></w:r><w:commentRangeEnd w:id="5"/>"#), "{out}");
    }
}
