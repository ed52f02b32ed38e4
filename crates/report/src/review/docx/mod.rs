//! The reviewed copy of a Word file: the original package with comments and
//! tracked changes spliced into its document part at byte offsets, a comments
//! part added or extended, and every other zip entry copied as stored.
//!
//! Nothing is re-serialised: what tenderlint does not add stays byte for byte as
//! the author's Word wrote it (content controls, fields, numbering, styles,
//! earlier comments and revisions). A package the patcher does not model — an
//! encrypted file, ISO-strict OOXML, WordprocessingML under another prefix, a
//! UTF-16 part — is refused with a one-line [`Refusal`].

mod package;
mod rows;
mod scan;
mod splice;

use super::place::{main_part, part_of};
use super::plan::{Change, FilePlan, Note};
use crate::document::{Document, Location};
use package::Original;
use scan::{Scan, escape, scan};
use splice::{Cut, Mark, Revision, Splice};
use std::collections::BTreeMap;

const W_MAIN: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const COMMENTS_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

/// Why a Word file gets no reviewed copy, in one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// What in the package the patcher does not model, said so the author can
    /// act on it (save the file again as .docx, remove the encryption, …).
    pub reason: String,
}

impl Refusal {
    pub(crate) fn new(reason: &str) -> Refusal {
        Refusal {
            reason: reason.to_string(),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

/// A reviewed copy and what it holds.
#[derive(Debug, Clone)]
pub struct Reviewed {
    /// The whole reviewed package, ready to be written beside the original.
    pub bytes: Vec<u8>,
    /// Comments added, the summary comment included.
    pub comments: usize,
    /// Tracked changes (insertions and replacements; a new row or section counts once per requirement).
    pub changes: usize,
}

/// The reviewed copy of `original`, whose reading is `doc`, with `plan`'s comments
/// and changes, dated `date` (`2026-12-07T18:20:00Z`).
pub fn patch(
    original: &[u8],
    doc: &Document,
    plan: &FilePlan,
    date: &str,
) -> Result<Reviewed, Refusal> {
    let mut package = Original::open(original)?;
    let main = main_part(doc).unwrap_or("word/document.xml").to_string();
    let main_name = package
        .name_of(&main)
        .ok_or_else(|| Refusal::new("the package has no main document part"))?;
    let (xml, bom) = package
        .text(&main)?
        .ok_or_else(|| Refusal::new("the package has no main document part"))?;
    check_namespace(&xml)?;
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d).to_string();
    let rels_part = match main.rsplit_once('/') {
        Some((d, f)) => format!("{d}/_rels/{f}.rels"),
        None => format!("_rels/{main}.rels"),
    };
    let rels = package.text(&rels_part)?.map(|(t, _)| t);
    let comments_part = rels.as_deref().and_then(|r| comments_target(r, &dir));
    let existing_comments = match &comments_part {
        Some(p) => package.text(p)?.map(|(t, _)| t),
        None => None,
    };
    if let Some(c) = &existing_comments
        && !c.contains("<w:comments")
    {
        return Err(Refusal::new(
            "the comments part binds WordprocessingML to another prefix",
        ));
    }
    // Notes, headers and footers hold annotations too; their ids are avoided as well.
    let stories = package.story_texts(&dir, &main);
    let mut parts: Vec<&str> = vec![&xml, existing_comments.as_deref().unwrap_or("")];
    parts.extend(stories.iter().map(String::as_str));
    let mut ids = Ids::avoiding(&parts);
    let rev = Revision {
        date: date.to_string(),
    };
    let mut changed: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let notes = notes_in_stories(&mut package, doc, plan, &main, &rev, &mut ids, &mut changed)?;
    let mut review = Patch {
        xml: &xml,
        part: &main,
        rev: &rev,
        splices: Vec::new(),
        comments: notes.comments,
        changes: notes.changes,
    };
    review.notes_and_summary(doc, plan, &notes.placed, &mut ids);
    review.changes += rows::add_rows(
        &xml,
        doc,
        &main,
        &plan.rows,
        &rev,
        &mut ids,
        &mut review.splices,
    );
    if let Some((title, paragraphs)) = &plan.section {
        review.changes += rows::add_section(
            &xml,
            doc,
            &main,
            title,
            paragraphs,
            &rev,
            &mut ids,
            &mut review.splices,
        );
    }
    let comment_count = review.comments.len();
    let changes = review.changes;
    let comments_xml = render_comments(&review.comments, &rev);
    let patched = splice::apply(&xml, review.splices);
    let mut added: Vec<(String, Vec<u8>)> = Vec::new();
    changed.insert(main_name, with_bom(patched, bom));
    if comment_count > 0 {
        let parts = Parts {
            dir: &dir,
            rels_part: &rels_part,
            rels: rels.as_deref(),
            comments_part: comments_part.as_deref(),
            existing_comments: existing_comments.as_deref(),
        };
        parts.add_comments(&mut package, &comments_xml, &mut changed, &mut added)?;
    }
    let bytes = package.write(&changed, &added)?;
    Ok(Reviewed {
        bytes,
        comments: comment_count,
        changes,
    })
}

/// Where the main part's comments go: its relationships and any comments part it has.
struct Parts<'p> {
    dir: &'p str,
    rels_part: &'p str,
    rels: Option<&'p str>,
    comments_part: Option<&'p str>,
    existing_comments: Option<&'p str>,
}

impl Parts<'_> {
    /// The comments into the existing comments part, or a new one with its
    /// relationship and content type.
    fn add_comments(
        &self,
        package: &mut Original<'_>,
        comments: &str,
        changed: &mut BTreeMap<String, Vec<u8>>,
        added: &mut Vec<(String, Vec<u8>)>,
    ) -> Result<(), Refusal> {
        if let (Some(part), Some(existing)) = (self.comments_part, self.existing_comments) {
            let name = package.name_of(part).unwrap_or_else(|| part.to_string());
            let bom = package.text(part)?.is_some_and(|(_, bom)| bom);
            changed.insert(name, with_bom(extend_comments(existing, comments)?, bom));
            return Ok(());
        }
        add_comments_part(
            package,
            self.dir,
            self.rels_part,
            self.rels,
            comments,
            changed,
            added,
        )
    }
}

/// Only transitional WordprocessingML under the prefix `w` is patched.
fn check_namespace(xml: &str) -> Result<(), Refusal> {
    let root = xml
        .find("<w:document")
        .and_then(|s| xml[s..].find('>').map(|e| &xml[s..s + e]));
    match root {
        Some(tag) if tag.contains(&format!("xmlns:w=\"{W_MAIN}\"")) => Ok(()),
        _ if xml.contains(W_STRICT) => Err(Refusal::new(
            "strict OOXML (ISO/IEC 29500 Strict): save it as an ordinary Word document (.docx) to review it",
        )),
        _ => Err(Refusal::new(
            "the document part binds WordprocessingML to a prefix other than «w»: a layout tenderlint does not patch",
        )),
    }
}

/// Numbers for tenderlint's comments and revisions: the smallest ones no `w:id`
/// of the parts uses yet (comments, revisions and bookmarks must not share one,
/// and Word reads them as 32-bit numbers, so «the highest plus one» can overflow).
pub(super) struct Ids {
    used: std::collections::HashSet<u64>,
    next: u32,
}

impl Ids {
    fn avoiding(parts: &[&str]) -> Ids {
        let used = parts
            .iter()
            .flat_map(|xml| {
                xml.match_indices("w:id=\"").filter_map(|(i, m)| {
                    let rest = &xml[i + m.len()..];
                    rest[..rest.find('"')?].parse::<u64>().ok()
                })
            })
            .collect();
        Ids { used, next: 0 }
    }

    pub(super) fn take(&mut self) -> u32 {
        loop {
            self.next += 1;
            if !self.used.contains(&u64::from(self.next)) {
                return self.next;
            }
        }
    }
}

/// The byte offset of a block in the main part, if it is there.
fn offset_in(block: &crate::document::Block, main: &str) -> Option<usize> {
    match &block.location {
        Location::Docx {
            part, xml_offset, ..
        } if &**part == main => Some(*xml_offset as usize),
        _ => None,
    }
}

/// What the notes on footnotes and endnotes gave: their comments, their tracked
/// changes, and which notes (by index in the plan) they placed.
struct StoryNotes {
    comments: Vec<(u32, Vec<String>)>,
    changes: usize,
    placed: std::collections::BTreeSet<usize>,
}

/// Places the notes whose words are in a footnote or endnote in that part (Word
/// anchors comments there as in the body), each changed part into `changed`.
fn notes_in_stories(
    package: &mut Original<'_>,
    doc: &Document,
    plan: &FilePlan,
    main: &str,
    rev: &Revision,
    ids: &mut Ids,
    changed: &mut BTreeMap<String, Vec<u8>>,
) -> Result<StoryNotes, Refusal> {
    let mut out = StoryNotes {
        comments: Vec::new(),
        changes: 0,
        placed: std::collections::BTreeSet::new(),
    };
    let mut parts: Vec<&str> = plan
        .notes
        .iter()
        .filter_map(|n| part_of(doc, n.block))
        .filter(|p| *p != main)
        .collect();
    parts.sort_unstable();
    parts.dedup();
    for part in parts {
        let (Some(name), Some((xml, bom))) = (package.name_of(part), package.text(part)?) else {
            continue;
        };
        let mut story = Patch {
            xml: &xml,
            part,
            rev,
            splices: Vec::new(),
            comments: Vec::new(),
            changes: 0,
        };
        for (i, note) in plan.notes.iter().enumerate() {
            if part_of(doc, note.block) == Some(part) && story.note(doc, note, ids) {
                out.placed.insert(i);
            }
        }
        if !story.splices.is_empty() {
            let patched = splice::apply(&xml, story.splices);
            changed.insert(name, with_bom(patched, bom));
        }
        out.comments.extend(story.comments);
        out.changes += story.changes;
    }
    Ok(out)
}

struct Patch<'a> {
    xml: &'a str,
    /// The part `xml` is: the main document part, a footnotes or endnotes part.
    part: &'a str,
    rev: &'a Revision,
    splices: Vec<Splice>,
    /// (id, paragraphs)
    comments: Vec<(u32, Vec<String>)>,
    changes: usize,
}

impl Patch<'_> {
    /// Every note on its words (but those `placed` in a footnote or endnote); then
    /// the summary, with the notes whose block was not found in the XML (a header
    /// or footer, where Word anchors no comment), on the first paragraph.
    fn notes_and_summary(
        &mut self,
        doc: &Document,
        plan: &FilePlan,
        placed: &std::collections::BTreeSet<usize>,
        ids: &mut Ids,
    ) {
        let main = self.part;
        let mut summary = plan.summary.clone();
        for (i, note) in plan.notes.iter().enumerate() {
            if !placed.contains(&i) && !self.note(doc, note, ids) {
                summary.push(format!(
                    "{} ({}): «{}»",
                    note.text.first().map_or("", String::as_str),
                    note.place,
                    note.excerpt
                ));
            }
        }
        if let Some(first) = doc.blocks.iter().position(|b| offset_in(b, main).is_some()) {
            self.comment_on_block(doc, first, None, summary, ids);
        }
    }

    /// Places one note; false when its block cannot be found in the XML.
    fn note(&mut self, doc: &Document, note: &Note, ids: &mut Ids) -> bool {
        self.comment_on_block(doc, note.block, Some(note), note.text.clone(), ids)
    }

    fn comment_on_block(
        &mut self,
        doc: &Document,
        block: usize,
        note: Option<&Note>,
        text: Vec<String>,
        ids: &mut Ids,
    ) -> bool {
        let Some(offset) = doc.blocks.get(block).and_then(|b| offset_in(b, self.part)) else {
            return false;
        };
        let Some(scan) = scan(self.xml, offset) else {
            return false;
        };
        let Some(span) = note
            .and_then(|n| find(&scan, &n.excerpt))
            .or_else(|| whole(&scan))
        else {
            return false;
        };
        let id = ids.take();
        let mut cuts = vec![
            cut_before(&scan, span.start, Mark::CommentStart(id)),
            cut_after(&scan, span.end - 1, Mark::CommentEnd(id)),
        ];
        if let Some(change) = note.and_then(|n| n.change.as_ref())
            && let Some(c) = change_cut(self.xml, &scan, span.clone(), change, ids)
        {
            cuts.push(c);
            self.changes += 1;
        }
        self.splices.extend(splice::splices(
            self.xml,
            &scan,
            cuts.into_iter().flatten().collect(),
            self.rev,
        ));
        self.comments.push((id, text));
        true
    }
}

/// The key-character range of `excerpt` in the scanned element (whitespace
/// ignored; a cut excerpt's «…» dropped).
fn find(scan: &Scan, excerpt: &str) -> Option<std::ops::Range<usize>> {
    let needle: Vec<char> = excerpt
        .trim_matches(|c: char| c == '…' || c.is_whitespace())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if needle.is_empty() || needle.len() > scan.key.len() {
        return None;
    }
    let start = (0..=scan.key.len() - needle.len()).find(|&i| {
        scan.key[i..i + needle.len()]
            .iter()
            .zip(&needle)
            .all(|(k, c)| k.c == *c)
    })?;
    let mut range = start..start + needle.len();
    // A cell boundary is no place for a mark: move inward.
    while range.start < range.end && scan.key[range.start].at.is_none() {
        range.start += 1;
    }
    while range.end > range.start && scan.key[range.end - 1].at.is_none() {
        range.end -= 1;
    }
    (!range.is_empty()).then_some(range)
}

/// All of the element's text.
fn whole(scan: &Scan) -> Option<std::ops::Range<usize>> {
    let first = scan.key.iter().position(|k| k.at.is_some())?;
    let last = scan.key.iter().rposition(|k| k.at.is_some())?;
    Some(first..last + 1)
}

fn cut_before(scan: &Scan, key: usize, mark: Mark) -> Option<Cut> {
    let (text, start, _) = scan.key.get(key)?.at?;
    Some(Cut {
        text,
        byte: start,
        delete_to: None,
        mark,
    })
}

fn cut_after(scan: &Scan, key: usize, mark: Mark) -> Option<Cut> {
    let (text, _, end) = scan.key.get(key)?.at?;
    Some(Cut {
        text,
        byte: end,
        delete_to: None,
        mark,
    })
}

/// The cut of a tracked change inside the commented words; none where an earlier
/// revision already is (no revision inside another) or the words are not found.
fn change_cut(
    xml: &str,
    scan: &Scan,
    span: std::ops::Range<usize>,
    change: &Change,
    ids: &mut Ids,
) -> Option<Option<Cut>> {
    match change {
        Change::InsertAfter { prefix, text } => {
            let in_span = find_within(scan, span, prefix)?;
            let last = in_span.end - 1;
            let (t, _, _) = scan.key[last].at?;
            if scan.texts[t].tracked {
                return None;
            }
            Some(cut_after(
                scan,
                last,
                Mark::Insert {
                    id: ids.take(),
                    text: text.clone(),
                },
            ))
        }
        Change::Modal { from, to } => {
            let first_text = scan.key[span.start].at?.0;
            let last_text = scan.key[span.end - 1].at?.0;
            for t in first_text..=last_text {
                let element = &scan.texts[t];
                if element.tracked {
                    continue;
                }
                let raw = &xml[element.content.clone()];
                if let Some((at, word)) = find_word(raw, from) {
                    let start = element.content.start + at;
                    let capital = word.chars().next().is_some_and(char::is_uppercase);
                    let replacement = if capital { capitalised(to) } else { to.clone() };
                    let del = ids.take();
                    return Some(Some(Cut {
                        text: t,
                        byte: start,
                        delete_to: Some(start + word.len()),
                        mark: Mark::Replace {
                            del,
                            ins: ids.take(),
                            text: replacement,
                        },
                    }));
                }
            }
            None
        }
    }
}

/// `prefix`'s range when it starts where `span` starts.
fn find_within(
    scan: &Scan,
    span: std::ops::Range<usize>,
    prefix: &str,
) -> Option<std::ops::Range<usize>> {
    let needle: Vec<char> = prefix
        .trim_start_matches('…')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let end = span.start + needle.len();
    (end <= span.end
        && !needle.is_empty()
        && scan.key[span.start..end]
            .iter()
            .zip(&needle)
            .all(|(k, c)| k.c == *c))
    .then_some(span.start..end)
}

/// A whole word in escaped text, case-insensitive: its byte offset and spelling.
fn find_word<'r>(raw: &'r str, word: &str) -> Option<(usize, &'r str)> {
    let lower = raw.to_lowercase();
    if lower.len() != raw.len() {
        return None;
    }
    lower.match_indices(word).find_map(|(i, _)| {
        let before = raw[..i].chars().next_back();
        let after = raw[i + word.len()..].chars().next();
        let apart = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
        (apart(before) && apart(after)).then(|| (i, &raw[i..i + word.len()]))
    })
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn with_bom(text: String, bom: bool) -> Vec<u8> {
    if bom {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(text.as_bytes());
        bytes
    } else {
        text.into_bytes()
    }
}

/// The comments part's name from the main part's relationships.
fn comments_target(rels: &str, dir: &str) -> Option<String> {
    rels.split("<Relationship ").skip(1).find_map(|r| {
        let tag = &r[..r.find('>')?];
        if !tag.contains(&format!("Type=\"{COMMENTS_TYPE}\"")) {
            return None;
        }
        let target = tag.split("Target=\"").nth(1)?.split('"').next()?;
        Some(match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None if dir.is_empty() => target.to_string(),
            None => format!("{dir}/{target}"),
        })
    })
}

fn render_comments(comments: &[(u32, Vec<String>)], rev: &Revision) -> String {
    let mut out = String::new();
    for (id, paragraphs) in comments {
        out.push_str(&format!(
            r#"<w:comment {} w:initials="TL">"#,
            rev.attrs(*id)
        ));
        for (i, p) in paragraphs.iter().enumerate() {
            let reference = if i == 0 {
                "<w:r><w:annotationRef/></w:r>"
            } else {
                ""
            };
            out.push_str(&format!(
                r#"<w:p>{reference}<w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
                escape(p)
            ));
        }
        out.push_str("</w:comment>");
    }
    out
}

fn extend_comments(existing: &str, comments: &str) -> Result<String, Refusal> {
    if let Some(end) = existing.rfind("</w:comments>") {
        let mut out = existing.to_string();
        out.insert_str(end, comments);
        return Ok(out);
    }
    let start = existing
        .find("<w:comments")
        .ok_or_else(|| Refusal::new("the comments part has no w:comments element"))?;
    let close = existing[start..]
        .find("/>")
        .map(|i| start + i)
        .ok_or_else(|| Refusal::new("the comments part is not well-formed"))?;
    Ok(format!(
        "{}>{comments}</w:comments>{}",
        &existing[..close],
        &existing[close + 2..]
    ))
}

/// A new comments part, its relationship and its content type.
fn add_comments_part(
    package: &mut Original<'_>,
    dir: &str,
    rels_part: &str,
    rels: Option<&str>,
    comments: &str,
    changed: &mut BTreeMap<String, Vec<u8>>,
    added: &mut Vec<(String, Vec<u8>)>,
) -> Result<(), Refusal> {
    let file = if package.name_of(&join(dir, "comments.xml")).is_some() {
        "tenderlint-comments.xml"
    } else {
        "comments.xml"
    };
    let part = join(dir, file);
    added.push((
        part.clone(),
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:comments xmlns:w=\"{W_MAIN}\">{comments}</w:comments>"
        )
        .into_bytes(),
    ));
    let relationship = format!(
        r#"<Relationship Id="rIdTenderlintComments" Type="{COMMENTS_TYPE}" Target="{file}"/>"#
    );
    // Read again with its byte-order mark, which the copy keeps.
    match rels.and(package.text(rels_part)?) {
        Some((r, bom)) => {
            let end = r
                .rfind("</Relationships>")
                .ok_or_else(|| Refusal::new("the document's relationships are not well-formed"))?;
            let mut out = r.clone();
            out.insert_str(end, &relationship);
            let name = package.name_of(rels_part).unwrap_or_else(|| rels_part.to_string());
            changed.insert(name, with_bom(out, bom));
        }
        None => added.push((
            rels_part.to_string(),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{relationship}</Relationships>"
            )
            .into_bytes(),
        )),
    }
    let (types, types_bom) = package
        .text("[Content_Types].xml")?
        .ok_or_else(|| Refusal::new("the package has no [Content_Types].xml"))?;
    let end = types
        .rfind("</Types>")
        .ok_or_else(|| Refusal::new("[Content_Types].xml is not well-formed"))?;
    let mut out = types.clone();
    out.insert_str(
        end,
        &format!(r#"<Override PartName="/{part}" ContentType="{COMMENTS_CONTENT_TYPE}"/>"#),
    );
    let name = package
        .name_of("[Content_Types].xml")
        .unwrap_or_else(|| "[Content_Types].xml".into());
    changed.insert(name, with_bom(out, types_bom));
    Ok(())
}

fn join(dir: &str, file: &str) -> String {
    if dir.is_empty() {
        file.to_string()
    } else {
        format!("{dir}/{file}")
    }
}
