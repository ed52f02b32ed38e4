//! The review of a Markdown tender as a unified diff (`git apply`): comments as
//! `<!-- tenderlint: … -->` lines before the block they are about (before the
//! table or list, which a line inside would break), the changes a finding can
//! make in the text itself, and missing requirements as new table rows or a new
//! section at the end.

use super::plan::{Change, FilePlan};
use crate::document::{Block, BlockKind, Document, Location};

/// A change to the source: `delete` bytes at `at` replaced by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Edit {
    at: usize,
    delete: usize,
    text: String,
}

/// The unified diff that reviews `source` (the file `doc` was read from); `None`
/// when the plan changes nothing.
pub fn diff(path: &str, source: &str, doc: &Document, plan: &FilePlan) -> Option<String> {
    let edits = edits(source, doc, plan);
    if edits.is_empty() {
        return None;
    }
    Some(unified(path, source, &edits))
}

fn comment_line(paragraphs: &[String], excerpt: Option<&str>) -> String {
    let mut parts: Vec<String> = paragraphs.to_vec();
    if let Some(e) = excerpt {
        parts.insert(1, format!("«{e}»"));
    }
    // «--» may not occur inside an HTML comment.
    let text = parts.join(" — ").replace("--", "–").replace('\n', " ");
    // The Word comments name tenderlint themselves; here the line's prefix does.
    let text = text
        .strip_prefix("tenderlint")
        .map_or(text.as_str(), |t| t.trim_start_matches(':').trim_start());
    format!("<!-- tenderlint: {text} -->\n")
}

fn edits(source: &str, doc: &Document, plan: &FilePlan) -> Vec<Edit> {
    let mut edits = Vec::new();
    if !plan.summary.is_empty()
        && let Some(first) = doc.blocks.first().and_then(|b| line_start_of(source, b))
    {
        edits.push(Edit {
            at: first,
            delete: 0,
            text: comment_line(&plan.summary, None),
        });
    }
    for note in &plan.notes {
        let Some(block) = doc.blocks.get(note.block) else {
            continue;
        };
        let Some(at) = group_start(doc, note.block).and_then(|b| line_start_of(source, b)) else {
            continue;
        };
        edits.push(Edit {
            at,
            delete: 0,
            text: comment_line(&note.text, Some(&note.excerpt)),
        });
        if let Some(change) = &note.change
            && let Some(edit) = change_edit(source, block, &note.excerpt, change)
        {
            edits.push(edit);
        }
    }
    // A file without a final newline gets one before the first line added at its end.
    let mut ended = source.is_empty() || source.ends_with('\n');
    for row in &plan.rows {
        let Some(Location::Text { bytes, .. }) =
            doc.blocks.get(row.after_block).map(|b| &b.location)
        else {
            continue;
        };
        let line_end = source[bytes.end.min(source.len())..]
            .find('\n')
            .map_or(source.len(), |i| bytes.end + i + 1);
        let cells: Vec<String> = row.cells.iter().map(|c| c.replace('|', "\\|")).collect();
        let newline = if line_end == source.len() && !ended {
            ended = true;
            "\n"
        } else {
            ""
        };
        edits.push(Edit {
            at: line_end,
            delete: 0,
            text: format!("{newline}| {} |\n", cells.join(" | ")),
        });
    }
    if let Some((title, paragraphs)) = &plan.section {
        let level = doc
            .blocks
            .iter()
            .filter_map(|b| match b.kind {
                BlockKind::Heading { level } => Some(level),
                _ => None,
            })
            .min()
            .unwrap_or(2);
        let mut text = if ended {
            String::from("\n")
        } else {
            String::from("\n\n")
        };
        text.push_str(&format!("{} {title}\n", "#".repeat(usize::from(level))));
        for p in paragraphs {
            text.push_str(&format!("\n{}\n", p.text));
        }
        edits.push(Edit {
            at: source.len(),
            delete: 0,
            text,
        });
    }
    // Insertions at one place keep the order they were planned in.
    edits.sort_by_key(|e| e.at);
    edits
}

/// The block a comment line goes before: the table's first row, the list's first item.
fn group_start(doc: &Document, index: usize) -> Option<&Block> {
    let block = doc.blocks.get(index)?;
    let same_group = |a: &Block, b: &Block| match (&a.kind, &b.kind) {
        (BlockKind::TableRow(x), BlockKind::TableRow(y)) => x.table == y.table,
        (BlockKind::ListItem { .. }, BlockKind::ListItem { .. }) => true,
        (BlockKind::Quote, BlockKind::Quote) => true,
        _ => false,
    };
    let mut first = index;
    while first > 0 && same_group(&doc.blocks[first - 1], block) {
        first -= 1;
    }
    doc.blocks.get(first)
}

fn line_start_of(source: &str, block: &Block) -> Option<usize> {
    let Location::Text { bytes, .. } = &block.location else {
        return None;
    };
    let at = bytes.start.min(source.len());
    Some(source[..at].rfind('\n').map_or(0, |i| i + 1))
}

/// The edit a change makes inside its block's source.
fn change_edit(source: &str, block: &Block, excerpt: &str, change: &Change) -> Option<Edit> {
    let Location::Text { bytes, .. } = &block.location else {
        return None;
    };
    let range = bytes.start.min(source.len())..bytes.end.min(source.len());
    let text = &source[range.clone()];
    match change {
        Change::InsertAfter {
            prefix,
            text: added,
        } => {
            // The excerpt's start, then the prefix's end, whitespace ignored.
            let start = find_loose(text, 0, excerpt.trim_start_matches('…'))?.0;
            let (_, end) = find_loose(text, start, prefix.trim_start_matches('…'))?;
            Some(Edit {
                at: range.start + end,
                delete: 0,
                text: added.clone(),
            })
        }
        Change::Modal { from, to } => {
            let lower = text.to_lowercase();
            if lower.len() != text.len() {
                return None;
            }
            let at = lower.match_indices(from.as_str()).find_map(|(i, _)| {
                let before = text[..i].chars().next_back();
                let after = text[i + from.len()..].chars().next();
                let apart = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
                (apart(before) && apart(after)).then_some(i)
            })?;
            let capital = text[at..].chars().next().is_some_and(char::is_uppercase);
            let mut replacement = to.clone();
            if capital {
                replacement = replacement
                    .chars()
                    .next()
                    .map(|c| c.to_uppercase().chain(to.chars().skip(1)).collect())
                    .unwrap_or_default();
            }
            Some(Edit {
                at: range.start + at,
                delete: from.len(),
                text: replacement,
            })
        }
    }
}

/// Where `needle` occurs in `hay` from byte `from`, whitespace ignored on both
/// sides: (start, end) byte offsets in `hay`.
fn find_loose(hay: &str, from: usize, needle: &str) -> Option<(usize, usize)> {
    let key: Vec<(usize, char)> = hay
        .char_indices()
        .filter(|(i, c)| *i >= from && !c.is_whitespace())
        .collect();
    let needle: Vec<char> = needle
        .trim_end_matches('…')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if needle.is_empty() || needle.len() > key.len() {
        return None;
    }
    let start = (0..=key.len() - needle.len()).find(|&i| {
        key[i..i + needle.len()]
            .iter()
            .zip(&needle)
            .all(|((_, k), c)| k == c)
    })?;
    let (last_at, last) = key[start + needle.len() - 1];
    Some((key[start].0, last_at + last.len_utf8()))
}

/// The edits as a unified diff with three lines of context.
fn unified(path: &str, source: &str, edits: &[Edit]) -> String {
    const CONTEXT: usize = 3;
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let starts: Vec<usize> = lines
        .iter()
        .scan(0, |at, l| {
            let s = *at;
            *at += l.len();
            Some(s)
        })
        .collect();
    let line_of = |byte: usize| starts.partition_point(|&s| s <= byte).saturating_sub(1);
    // Each edit as the old lines it rewrites: [a, b), empty for a whole-line insertion.
    let mut groups: Vec<(usize, usize, Vec<&Edit>)> = Vec::new();
    for e in edits {
        let whole_lines = e.delete == 0
            && e.text.ends_with('\n')
            && (e.at == source.len() && source.ends_with('\n') || starts.contains(&e.at));
        let (a, b) = if lines.is_empty() {
            (0, 0)
        } else if whole_lines {
            let a = if e.at == source.len() {
                lines.len()
            } else {
                line_of(e.at)
            };
            (a, a)
        } else {
            (line_of(e.at), line_of(e.at + e.delete) + 1)
        };
        match groups.last_mut() {
            // Edits that rewrite the same old line are one change.
            Some((_, gb, list)) if a < *gb => {
                *gb = (*gb).max(b);
                list.push(e);
            }
            _ => groups.push((a, b, vec![e])),
        }
    }
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    // How many lines the hunks so far added: new line numbers run ahead by it.
    let mut shift: isize = 0;
    let mut i = 0;
    while i < groups.len() {
        // One hunk: groups whose contexts touch.
        let mut j = i;
        while j + 1 < groups.len() && groups[j + 1].0 <= groups[j].1 + 2 * CONTEXT {
            j += 1;
        }
        let start = groups[i].0.saturating_sub(CONTEXT);
        let end = (groups[j].1 + CONTEXT).min(lines.len());
        let mut body = String::new();
        let (mut old_n, mut new_n) = (0, 0);
        let mut at = start;
        for (a, b, list) in &groups[i..=j] {
            for l in &lines[at..*a] {
                push_line(&mut body, ' ', l);
                old_n += 1;
                new_n += 1;
            }
            let old_start = starts.get(*a).copied().unwrap_or(source.len());
            let old_end = starts.get(*b).copied().unwrap_or(source.len());
            let mut new_text = source[old_start..old_end].to_string();
            for e in list.iter().rev() {
                let from = e.at - old_start;
                new_text.replace_range(from..from + e.delete, &e.text);
            }
            for l in &lines[*a..*b] {
                push_line(&mut body, '-', l);
                old_n += 1;
            }
            for l in new_text.split_inclusive('\n') {
                push_line(&mut body, '+', l);
                new_n += 1;
            }
            at = *b;
        }
        for l in &lines[at..end] {
            push_line(&mut body, ' ', l);
            old_n += 1;
            new_n += 1;
        }
        let old_start = if old_n == 0 { start } else { start + 1 };
        let new_base = start.saturating_add_signed(shift);
        let new_start = if new_n == 0 { new_base } else { new_base + 1 };
        shift += new_n as isize - old_n as isize;
        out.push_str(&format!(
            "@@ -{old_start},{old_n} +{new_start},{new_n} @@\n"
        ));
        out.push_str(&body);
        i = j + 1;
    }
    out
}

fn push_line(out: &mut String, sign: char, line: &str) {
    out.push(sign);
    out.push_str(line);
    if !line.ends_with('\n') {
        out.push_str("\n\\ No newline at end of file\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::plan::{FilePlan, NewRow};

    fn apply(source: &str, edits: &[Edit]) -> String {
        let mut out = source.to_string();
        for e in edits.iter().rev() {
            out.replace_range(e.at..e.at + e.delete, &e.text);
        }
        out
    }

    #[test]
    fn rows_added_at_the_end_of_a_file_without_a_final_newline_stay_one_table() {
        let source = "| Krav-ID | Kravtekst | Type |\n|---|---|---|\n| K-1 | Løsningen skal støtte HelseID. | M |";
        let doc = crate::document::markdown::read("krav.md".into(), source);
        let last = doc.blocks.len() - 1;
        let row = |id: &str| NewRow {
            after_block: last,
            cells: vec![
                id.into(),
                "Løsningen skal støtte e-resept.".into(),
                "M".into(),
            ],
            rule: "INT-004".into(),
        };
        let plan = FilePlan {
            rows: vec![row("K-2"), row("K-3")],
            ..FilePlan::default()
        };
        let patched = apply(source, &edits(source, &doc, &plan));
        assert!(
            patched.ends_with("| M |\n| K-2 | Løsningen skal støtte e-resept. | M |\n| K-3 | Løsningen skal støtte e-resept. | M |\n"),
            "{patched}"
        );
        let diff = unified("krav.md", source, &edits(source, &doc, &plan));
        assert!(
            diff.contains("\n\\ No newline at end of file\n+| K-1 "),
            "{diff}"
        );
    }
}
