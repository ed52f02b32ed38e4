//! Where the words of one paragraph or table row are in `document.xml`: every
//! `w:t` the reader reads as text, with its byte range and the formatting of its
//! run, so that a comment or a tracked change can be spliced in at a character.
//!
//! The scan reads what the DOCX reader reads and skips what it skips (deleted
//! text, the fallback of alternate content, text boxes, field instructions),
//! so that an evidence excerpt the reader produced can be found again here.

use quick_xml::Reader;
use quick_xml::events::Event;
use std::ops::Range;

/// One `w:t` element.
#[derive(Debug, Clone)]
pub(super) struct TextElement {
    /// The `<w:t …>` start tag.
    pub(crate) open: Range<usize>,
    /// Its content, entity-escaped as written.
    pub(crate) content: Range<usize>,
    /// The `<w:rPr>` of its run, without revision marks of its own; empty without one.
    pub(crate) rpr: String,
    /// Inside an existing tracked change: no tracked change of tenderlint's may go here.
    pub(crate) tracked: bool,
    /// Its run (`<w:r …>` to `</w:r>`).
    pub(crate) run: Range<usize>,
    /// Nothing but the run's properties comes before it in its run.
    pub(crate) first_in_run: bool,
    /// Nothing comes after it in its run.
    pub(crate) last_in_run: bool,
}

/// One character of the element's visible text, without whitespace.
#[derive(Debug, Clone, Copy)]
pub(super) struct KeyChar {
    pub(crate) c: char,
    /// The `w:t` it is in and its byte range there; `None` for a cell boundary.
    pub(crate) at: Option<(usize, usize, usize)>,
}

/// The words of one paragraph or table row.
#[derive(Debug, Clone, Default)]
pub(super) struct Scan {
    pub(crate) texts: Vec<TextElement>,
    /// Visible characters without whitespace, `|` between cells.
    pub(crate) key: Vec<KeyChar>,
    /// The element's end (after its end tag).
    pub(crate) end: usize,
}

/// The run being read.
#[derive(Debug, Default)]
struct RunState {
    start: usize,
    depth: usize,
    /// Where its start tag or its properties end.
    child_end: usize,
    /// Something other than its properties came first.
    other: bool,
    texts: Vec<usize>,
    last_t_end: usize,
}

/// Elements whose content is not text the vendor reads.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "w:del"
            | "w:moveFrom"
            | "mc:Fallback"
            | "w:txbxContent"
            | "w:instrText"
            | "w:delText"
            | "w:pPr"
            | "w:sdtPr"
            | "w:tbl"
    )
}

/// Scans the element (`w:p` or `w:tr`) that starts at `start`; `None` when no
/// such element starts there or the XML does not parse.
pub(super) fn scan(xml: &str, start: usize) -> Option<Scan> {
    let rest = xml.get(start..)?;
    if !(rest.starts_with("<w:p ") || rest.starts_with("<w:p>") || rest.starts_with("<w:tr")) {
        return None;
    }
    let mut reader = Reader::from_str(rest);
    reader.config_mut().trim_text(false);
    let mut walk = Walk {
        xml,
        scan: Scan::default(),
        depth: 0,
        skip_from: None,
        tracked_from: None,
        run_rpr: String::new(),
        rpr_start: None,
        open_t: None,
        run: RunState::default(),
    };
    loop {
        let before = start + reader.buffer_position() as usize;
        let event = reader.read_event().ok()?;
        let after = start + reader.buffer_position() as usize;
        match event {
            Event::Start(e) => walk.start(e.name().as_ref(), before, after),
            Event::Empty(e) if walk.skip_from.is_none() && walk.depth == walk.run.depth => {
                if e.name().as_ref() == "w:rPr" {
                    walk.run_rpr = xml[before..after].to_string();
                    walk.run.child_end = after;
                } else {
                    walk.run.other = true;
                }
            }
            Event::End(e) => {
                walk.end(e.name().as_ref(), before, after);
                if walk.depth == 0 {
                    walk.scan.end = after;
                    return Some(walk.scan);
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The scan's state while it reads one element.
struct Walk<'x> {
    xml: &'x str,
    scan: Scan,
    depth: usize,
    /// Depth at which a skipped subtree began (the outer element itself is never skipped).
    skip_from: Option<usize>,
    tracked_from: Option<usize>,
    run_rpr: String,
    rpr_start: Option<(usize, usize)>,
    open_t: Option<Range<usize>>,
    run: RunState,
}

impl Walk<'_> {
    fn start(&mut self, name: &str, before: usize, after: usize) {
        self.depth += 1;
        let depth = self.depth;
        if self.skip_from.is_some() {
            return;
        }
        if depth > 1 && skipped(name) {
            self.skip_from = Some(depth);
            return;
        }
        match name {
            "w:ins" | "w:moveTo" if self.tracked_from.is_none() => self.tracked_from = Some(depth),
            "w:r" => {
                self.run_rpr.clear();
                self.run = RunState {
                    start: before,
                    depth,
                    child_end: after,
                    ..RunState::default()
                };
            }
            "w:rPr" => self.rpr_start = Some((before, depth)),
            "w:t" => self.open_t = Some(before..after),
            _ => {}
        }
        if name != "w:rPr" && name != "w:t" && depth == self.run.depth + 1 {
            self.run.other = true;
        }
    }

    fn end(&mut self, name: &str, before: usize, after: usize) {
        let depth = self.depth;
        if self.skip_from == Some(depth) {
            self.skip_from = None;
        } else if self.skip_from.is_none() {
            match name {
                "w:rPr" => {
                    if let Some((s, d)) = self.rpr_start.take()
                        && d == depth
                    {
                        self.run_rpr = without_revisions(&self.xml[s..after]);
                        self.run.child_end = after;
                    }
                }
                "w:t" => self.end_text(before, after),
                "w:r" => {
                    let run = &mut self.run;
                    for &t in &run.texts {
                        self.scan.texts[t].run = run.start..after;
                    }
                    if let Some(&t) = run.texts.last()
                        && run.last_t_end == before
                    {
                        self.scan.texts[t].last_in_run = true;
                    }
                    run.texts.clear();
                }
                "w:tc" => self.scan.key.push(KeyChar { c: '|', at: None }),
                _ => {}
            }
        }
        if self.tracked_from == Some(depth) {
            self.tracked_from = None;
        }
        self.depth -= 1;
    }

    fn end_text(&mut self, before: usize, after: usize) {
        let Some(open) = self.open_t.take() else {
            return;
        };
        let first = !self.run.other && open.start == self.run.child_end;
        self.run.texts.push(self.scan.texts.len());
        self.run.other = true;
        self.run.last_t_end = after;
        let tracked = self.tracked_from.is_some();
        self.scan
            .add_text(self.xml, open, before, &self.run_rpr, tracked);
        if let Some(t) = self.scan.texts.last_mut() {
            t.first_in_run = first;
        }
    }
}

impl Scan {
    fn add_text(&mut self, xml: &str, open: Range<usize>, end: usize, rpr: &str, tracked: bool) {
        let content = open.end..end;
        // Hidden runs are not tender text.
        let hidden = rpr.contains("<w:vanish/>")
            || (rpr.contains("<w:vanish ")
                && !rpr.contains("<w:vanish w:val=\"0\"")
                && !rpr.contains("<w:vanish w:val=\"false\""));
        let index = self.texts.len();
        self.texts.push(TextElement {
            open,
            content: content.clone(),
            rpr: rpr.to_string(),
            tracked,
            run: 0..0,
            first_in_run: false,
            last_in_run: false,
        });
        if hidden {
            return;
        }
        for (c, range) in decoded_chars(&xml[content.clone()]) {
            if !c.is_whitespace() {
                self.key.push(KeyChar {
                    c,
                    at: Some((
                        index,
                        content.start + range.start,
                        content.start + range.end,
                    )),
                });
            }
        }
    }

    /// The key characters as a string.
    #[cfg(test)]
    pub(crate) fn key_string(&self) -> String {
        self.key.iter().map(|k| k.c).collect()
    }
}

/// A run's properties without `w:rPrChange`, whose id must stay unique.
fn without_revisions(rpr: &str) -> String {
    let mut out = rpr.to_string();
    while let Some(s) = out.find("<w:rPrChange") {
        let tail = &out[s..];
        let end = if let Some(close) = tail.find("</w:rPrChange>") {
            close + "</w:rPrChange>".len()
        } else if let Some(close) = tail.find("/>") {
            close + 2
        } else {
            break;
        };
        out.replace_range(s..s + end, "");
    }
    out
}

/// The characters of escaped XML text with their byte ranges: an entity is one character.
pub(super) fn decoded_chars(raw: &str) -> Vec<(char, Range<usize>)> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let rest = &raw[i..];
        if rest.starts_with('&')
            && let Some(semi) = rest.find(';')
            && let Some(c) = entity(&rest[1..semi])
        {
            out.push((c, i..i + semi + 1));
            i += semi + 1;
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        out.push((c, i..i + c.len_utf8()));
        i += c.len_utf8();
    }
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// Text escaped for XML content and attributes; characters XML 1.0 cannot hold are dropped.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_finds_text_runs_and_skips_deleted_text() {
        let xml = r#"<w:body><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>A &amp; B</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:ins><w:r><w:t>C</w:t></w:r></w:ins></w:p></w:body>"#;
        let start = xml.find("<w:p>").unwrap();
        let s = scan(xml, start).unwrap();
        assert_eq!(s.key_string(), "A&BC");
        assert_eq!(s.texts.len(), 2);
        assert_eq!(s.texts[0].rpr, "<w:rPr><w:b/></w:rPr>");
        assert!(!s.texts[0].tracked);
        assert!(s.texts[1].tracked);
        assert_eq!(&xml[s.end - 6..s.end], "</w:p>");
        assert!(s.texts[0].first_in_run && s.texts[0].last_in_run);
        assert_eq!(
            &xml[s.texts[0].run.clone()],
            r#"<w:r><w:rPr><w:b/></w:rPr><w:t>A &amp; B</w:t></w:r>"#
        );
    }

    #[test]
    fn a_text_after_a_tab_is_not_first_in_its_run() {
        let xml =
            r#"<w:p><w:r><w:tab/><w:t>A</w:t><w:t>B</w:t></w:r><w:r><w:t>C</w:t></w:r></w:p>"#;
        let s = scan(xml, 0).unwrap();
        assert!(!s.texts[0].first_in_run && !s.texts[0].last_in_run);
        assert!(s.texts[1].last_in_run);
        assert!(s.texts[2].first_in_run && s.texts[2].last_in_run);
    }

    #[test]
    fn a_row_separates_its_cells() {
        let xml = r#"<w:tr><w:tc><w:p><w:r><w:t>K-1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Skal x</w:t></w:r></w:p></w:tc></w:tr>"#;
        assert_eq!(scan(xml, 0).unwrap().key_string(), "K-1|Skalx|");
    }

    #[test]
    fn not_an_element_start_is_refused() {
        assert!(scan("<w:body><w:p/></w:body>", 1).is_none());
    }
}
