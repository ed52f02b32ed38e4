//! DOCX reader: zip + a streaming XML walk, no DOM.
//!
//! Reads the main document, then footnotes, endnotes, and every header and footer
//! the document's relationships name, into one [`Document`]. Comments are read only
//! for `tenderlint-…` directives.
//!
//! Choices worth knowing:
//! - Macro-enabled (`.docm`) and template (`.dotx`, `.dotm`) main parts are read like
//!   `.docx`; nothing is ever executed, so refusing them would only be unfriendly.
//!   Spreadsheets and presentations renamed `.docx` are refused.
//! - Table rows: `cells` is indexed by **grid column**: a cell spanning two grid
//!   columns (`gridSpan`) gives its text to the first and an empty cell to the
//!   second; a `vMerge` continuation cell repeats a label of up to four words and no
//!   digit from the cell above (a type code, a category); an id or a longer text stays
//!   with its first row and the continuation is empty. So `cells[i]` lines up with
//!   `header[i]`. `CellRef.column` counts grid columns too; a row block's own
//!   location has column 1.
//! - A row's block comes **before** the rows of tables nested in its cells; nested
//!   rows carry `parent_row`. Paragraphs in a cell are joined with `\n`; a numbered
//!   paragraph in a cell keeps its label in the cell text (auto-numbered id columns).
//! - Paragraphs inside a block-level content control get [`Origin::ContentControl`];
//!   inline controls are plain text of their paragraph. Tags and aliases are not kept.
//! - Text-box paragraphs get [`Origin::TextBox`] and follow their anchoring paragraph;
//!   they never open sections. Headings open sections only in the body, outside tables.
//! - `Location::Docx.xml_offset` is a byte offset in the part's text as decoded (equal
//!   to the file offset for UTF-8 parts).
//! - Empty paragraphs produce no block but are counted in `paragraph`.
//! - A table's header is found by evidence, never by position: rows Word marks
//!   `w:tblHeader`, else a first row that mostly reads as column titles
//!   ([`crate::text::column_titles`]) or whose text is all bold or cells all shaded
//!   while some row with text below it is not. A single merged cell above a row of several
//!   is a caption: an ordinary row, not under the header. Without evidence the table
//!   has no header and every row is read as text.
//! - Text the vendor never sees is not read: runs hidden by `w:vanish`/`w:specVanish`
//!   (directly, by character or paragraph style, or by the document defaults), and
//!   rows (`w:del` in `w:trPr`) and cells (`w:cellDel`) deleted with tracked changes.
//!   It is kept in [`Document::dropped`](super::Document::dropped) with the reason.

mod body;
mod numbering;
mod package;
mod styles;
mod xml;

use super::{Directive, Document, Format, Location, ReadError};
use body::{Context, PartKind, Side};
use numbering::Numbering;
pub(crate) use package::properties;
use package::{Package, PartError, Relationship};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use styles::Styles;
use xml::{Ev, Ns, Xml, attr, local_name};

/// Resource caps for one file. The defaults suit real tenders with a wide margin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest inflated size of any one part read.
    pub part_bytes: u64,
    /// Largest inflated size of all parts read together.
    pub total_bytes: u64,
    /// Largest inflated size of a part as a multiple of its compressed size, once
    /// it has inflated past `ratio_after_bytes`.
    pub max_ratio: u64,
    /// Inflated size below which the ratio is not looked at: small XML parts of
    /// repeated markup compress 100-fold honestly.
    pub ratio_after_bytes: u64,
    /// Deepest XML element nesting accepted.
    pub max_depth: usize,
}

/// Measured on every DOCX in the shared corpora (docx-real, docx-generated,
/// tenders-real; 370 files): the largest part is 5.2 MB (`word/document.xml` of a
/// 1,000-page generated document; of a real tender 1.0 MB), and the highest ratio
/// of a part over 1 MiB is 13.4. The caps allow 12 times that part, 40 times the
/// largest whole document, and 7 times that ratio, as Apache POI's `ZipSecureFile`
/// does (it refuses ratios below 1 %). A part of empty paragraphs inflating to
/// 250 MiB from 0.4 MiB is refused after 4 MiB, in milliseconds.
impl Default for Limits {
    fn default() -> Limits {
        Limits {
            part_bytes: 64 * 1024 * 1024,
            total_bytes: 256 * 1024 * 1024,
            max_ratio: 100,
            ratio_after_bytes: 4 * 1024 * 1024,
            max_depth: 256,
        }
    }
}

/// Reads a DOCX file's bytes into a [`Document`].
pub fn read(path: PathBuf, bytes: &[u8]) -> Result<Document, ReadError> {
    read_with_limits(path, bytes, Limits::default())
}

/// [`read`] with explicit resource caps.
pub fn read_with_limits(
    path: PathBuf,
    bytes: &[u8],
    limits: Limits,
) -> Result<Document, ReadError> {
    let mut package = Package::open(bytes, limits)?;
    let depth = limits.max_depth;
    let main = main_part(&mut package, depth)?;
    let main_text = match package.read_part(&main) {
        Ok(Some(t)) => t,
        Ok(None) => return Err(no_document()),
        Err(e) => return Err(e.into_error()),
    };
    let rels = package.relationships(&main, depth)?;
    let have_rels = !rels.is_empty();
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d).to_string();
    // Without relationships, fall back to the names Word uses.
    let part_for = |kind: &str, fallback: &str| -> Option<String> {
        rels.iter()
            .find(|r| r.kind == kind)
            .map(|r| r.target.clone())
            .or_else(|| {
                (!have_rels).then(|| {
                    if dir.is_empty() {
                        fallback.to_string()
                    } else {
                        format!("{dir}/{fallback}")
                    }
                })
            })
    };

    let styles = match part_for("styles", "styles.xml") {
        Some(p) => match optional_part(&mut package, &p)? {
            Some(text) => Styles::parse(&text, &p, depth)?,
            None => Styles::default(),
        },
        None => Styles::default(),
    };
    let mut numbering = match part_for("numbering", "numbering.xml") {
        Some(p) => match optional_part(&mut package, &p)? {
            Some(text) => Numbering::parse(&text, &p, depth)?,
            None => Numbering::default(),
        },
        None => Numbering::default(),
    };
    let comments = match part_for("comments", "comments.xml") {
        Some(p) => match optional_part(&mut package, &p)? {
            Some(text) => read_comments(&text, &p, depth)?,
            None => Vec::new(),
        },
        None => Vec::new(),
    };

    let mut doc = Document::new(path, Format::Docx);
    let mut side = Side::default();
    let mut ctx = Context {
        styles: &styles,
        numbering: &mut numbering,
        max_depth: depth,
    };
    body::walk(
        &main_text,
        &main,
        PartKind::Body,
        &mut doc,
        &mut ctx,
        &mut side,
    )?;
    drop(main_text);

    for (kind, name, fallback) in [
        (PartKind::Footnotes, "footnotes", "footnotes.xml"),
        (PartKind::Endnotes, "endnotes", "endnotes.xml"),
    ] {
        if let Some(p) = part_for(name, fallback)
            && let Some(text) = optional_part(&mut package, &p)?
        {
            body::walk(&text, &p, kind, &mut doc, &mut ctx, &mut side)?;
        }
    }

    for part in header_footer_parts(&package, &rels, &side.header_refs, have_rels, &dir) {
        if let Some(text) = optional_part(&mut package, &part)? {
            body::walk(
                &text,
                &part,
                PartKind::HeaderFooter,
                &mut doc,
                &mut ctx,
                &mut side,
            )?;
        }
    }

    doc.directives = directives(comments, &side);
    // What the file says of itself travels with it. Properties that cannot be read
    // leave no facts; they never made a document unreadable.
    if let Ok(props) = package::properties_in(&mut package, limits) {
        doc.facts = props.facts();
    }
    // The block list grew by doubling; it lives as long as the check.
    doc.blocks.shrink_to_fit();
    Ok(doc)
}

fn no_document() -> ReadError {
    ReadError::new(
        crate::document::Unreadable::NotWord,
        "no word/document.xml: the zip is not a Word document",
    )
    .with_hint("open the file in Word and save it as .docx")
}

/// The main document part: the package's `officeDocument` relationship, else
/// `word/document.xml`. Refuses spreadsheets and presentations renamed `.docx`.
fn main_part(package: &mut Package, depth: usize) -> Result<String, ReadError> {
    let root = package.relationships("", depth)?;
    let main = root
        .iter()
        .find(|r| r.kind == "officeDocument" && package.has(&r.target))
        .map(|r| r.target.clone())
        .or_else(|| {
            package
                .has("word/document.xml")
                .then(|| "word/document.xml".to_string())
        })
        .ok_or_else(no_document)?;
    if let Some(content_type) = package.content_type(&main, depth)? {
        let ct = content_type.to_ascii_lowercase();
        if ct.contains("spreadsheetml") || ct.contains("ms-excel") {
            return Err(ReadError::new(
                crate::document::Unreadable::Excel,
                "this is an Excel workbook, not a Word document",
            )
            .with_hint("export the requirements to .docx or Markdown"));
        }
        if ct.contains("presentationml") || ct.contains("ms-powerpoint") {
            return Err(ReadError::new(
                crate::document::Unreadable::PowerPoint,
                "this is a PowerPoint presentation, not a Word document",
            )
            .with_hint("export the text to .docx or Markdown"));
        }
    }
    Ok(main)
}

/// An optional part: absent or damaged (CRC, unsupported compression) parts are
/// skipped; caps are never skipped.
fn optional_part(package: &mut Package, part: &str) -> Result<Option<String>, ReadError> {
    match package.read_part(part) {
        Ok(t) => Ok(t),
        Err(PartError::Damaged(_)) => Ok(None),
        Err(PartError::Fatal(e)) => Err(e),
    }
}

/// Headers and footers in the order the section properties name them, then any
/// other header/footer relationship; by file name when relationships are missing.
fn header_footer_parts(
    package: &Package,
    rels: &[Relationship],
    refs: &[String],
    have_rels: bool,
    dir: &str,
) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut parts = Vec::new();
    let by_id: HashMap<&str, &Relationship> = rels.iter().map(|r| (r.id.as_str(), r)).collect();
    let referenced = refs.iter().filter_map(|id| by_id.get(id.as_str()).copied());
    let others = rels
        .iter()
        .filter(|r| r.kind == "header" || r.kind == "footer");
    for r in referenced.chain(others) {
        if (r.kind == "header" || r.kind == "footer") && seen.insert(r.target.to_ascii_lowercase())
        {
            parts.push(r.target.clone());
        }
    }
    if !have_rels {
        let prefix = if dir.is_empty() {
            String::new()
        } else {
            format!("{}/", dir.to_ascii_lowercase())
        };
        parts = package.parts_where(|n| {
            n.strip_prefix(prefix.as_str()).is_some_and(|f| {
                !f.contains('/')
                    && (f.starts_with("header") || f.starts_with("footer"))
                    && f.ends_with(".xml")
            })
        });
    }
    parts
}

/// A comment whose text starts with `tenderlint-`.
#[derive(Debug)]
struct DirectiveComment {
    id: String,
    text: String,
    location: Location,
}

/// Collects `tenderlint-…` comments; every other comment is ignored.
fn read_comments(text: &str, part: &str, depth: usize) -> Result<Vec<DirectiveComment>, ReadError> {
    let mut xml = Xml::new(text, part, depth);
    let mut found = Vec::new();
    let mut current: Option<(String, String, Location)> = None;
    let mut in_t = false;
    let mut level = 0usize;
    let mut comment_level = 0usize;
    let mut paragraphs = 0u32;
    loop {
        match xml.next()? {
            Ev::Start(ns, e, _) if not_comment_text(ns, local_name(&e)) => xml.skip()?,
            Ev::Start(ns, e, offset) => {
                level += 1;
                if ns != Ns::W {
                    continue;
                }
                match local_name(&e) {
                    "comment" if current.is_none() => {
                        let location = Location::Docx {
                            part: std::sync::Arc::from(part),
                            paragraph: paragraphs + 1,
                            cell: None,
                            xml_offset: offset,
                        };
                        current =
                            Some((attr(&e, "id").unwrap_or_default(), String::new(), location));
                        comment_level = level;
                    }
                    "p" => {
                        paragraphs += 1;
                        if let Some((_, t, _)) = current.as_mut()
                            && !t.is_empty()
                        {
                            t.push(' ');
                        }
                    }
                    "t" => in_t = true,
                    _ => {}
                }
            }
            Ev::Empty(ns, e, _) => {
                if ns == Ns::W {
                    match local_name(&e) {
                        "p" => paragraphs += 1,
                        "tab" | "br" => {
                            if let Some((_, t, _)) = current.as_mut() {
                                t.push(' ');
                            }
                        }
                        _ => {}
                    }
                }
            }
            Ev::End => {
                in_t = false;
                if level == comment_level
                    && let Some((id, t, location)) = current.take()
                {
                    let t = t.trim();
                    let prefix = "tenderlint-";
                    if t.len() >= prefix.len()
                        && t.is_char_boundary(prefix.len())
                        && t[..prefix.len()].eq_ignore_ascii_case(prefix)
                    {
                        found.push(DirectiveComment {
                            id,
                            text: t[prefix.len()..].trim().to_string(),
                            location,
                        });
                    }
                }
                level = level.saturating_sub(1);
            }
            Ev::Text(s) => {
                if in_t && let Some((_, t, _)) = current.as_mut() {
                    t.push_str(&s);
                }
            }
            Ev::Eof => break,
        }
    }
    Ok(found)
}

fn not_comment_text(ns: Ns, name: &str) -> bool {
    (ns == Ns::Mc && name == "Fallback")
        || (ns == Ns::W && matches!(name, "del" | "moveFrom" | "delText" | "instrText"))
}

fn directives(comments: Vec<DirectiveComment>, side: &Side) -> Vec<Directive> {
    let anchors: HashMap<&str, &body::Anchor> = side
        .anchors
        .iter()
        .map(|a| (a.comment.as_str(), a))
        .collect();
    let mut out: Vec<(usize, Directive)> = comments
        .into_iter()
        .map(|c| match anchors.get(c.id.as_str()) {
            Some(a) => (
                a.block.unwrap_or(usize::MAX),
                Directive {
                    text: c.text,
                    location: a.location.clone(),
                    block: a.block,
                },
            ),
            None => (
                usize::MAX,
                Directive {
                    text: c.text,
                    location: c.location,
                    block: None,
                },
            ),
        })
        .collect();
    // Document order of the anchors; unanchored ones last.
    out.sort_by_key(|(b, _)| *b);
    out.into_iter().map(|(_, d)| d).collect()
}
