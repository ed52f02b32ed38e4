//! A waiver written in the tender, and the places it covers.

use crate::date::Date;
use crate::document::{BlockKind, Document, Location};
use crate::findings::{Evidence, Waiver};
use std::collections::HashSet;
use std::ops::Range;

/// What the blocks of a waiver cover, in the terms evidence carries.
#[derive(Debug, Clone)]
pub(super) enum Region {
    /// Markdown: byte ranges of the source.
    Bytes(Vec<Range<usize>>),
    /// DOCX: the locations of the blocks as displayed.
    Places(HashSet<String>),
}

#[derive(Debug, Clone)]
pub(super) struct InlineWaiver {
    pub(super) rules: Vec<String>,
    pub(super) reason: String,
    /// The last day it holds (`until YYYY-MM-DD`).
    pub(super) expires: Option<Date>,
    pub(super) file: String,
    pub(super) location: Location,
    pub(super) region: Region,
}

impl InlineWaiver {
    pub(super) fn covers(&self, e: &Evidence) -> bool {
        if e.file != self.file {
            return false;
        }
        match &self.region {
            Region::Bytes(ranges) => e
                .byte_offset
                .is_some_and(|o| ranges.iter().any(|r| r.contains(&o) || r.start == o)),
            Region::Places(places) => places.contains(&e.location),
        }
    }

    pub(super) fn waiver(&self) -> Waiver {
        Waiver {
            reason: self.reason.clone(),
            origin: "inline".into(),
            expires: self.expires.map(|d| d.to_string()),
            approved_by: None,
            location: Some(format!("{}:{}", self.file, self.location.display())),
        }
    }

    pub(super) fn names(&self, rule: &str) -> bool {
        self.rules.iter().any(|r| r.eq_ignore_ascii_case(rule))
    }

    /// The document it is written in.
    pub(super) fn document<'d>(&self, docs: &'d [Document]) -> Option<&'d Document> {
        docs.iter()
            .find(|d| d.path.display().to_string() == self.file)
    }
}

/// The blocks a directive on `block` covers: a heading's whole section when the
/// directive is on the heading (or, in Markdown, directly under it), else the block.
pub(super) fn covered_blocks(doc: &Document, block: usize) -> Vec<usize> {
    let is_heading = |b: usize| {
        doc.blocks
            .get(b)
            .is_some_and(|b| matches!(b.kind, BlockKind::Heading { .. }))
    };
    let markdown = matches!(
        doc.blocks.get(block).map(|b| &b.location),
        Some(Location::Text { .. })
    );
    let heading = if is_heading(block) {
        Some(block)
    } else if markdown && block > 0 && is_heading(block - 1) {
        Some(block - 1)
    } else {
        None
    };
    let Some(heading) = heading else {
        return vec![block];
    };
    let section = doc.blocks[heading].section;
    let within = |mut s: usize| loop {
        if s == section {
            return true;
        }
        match doc.sections.get(s).and_then(|x| x.parent) {
            Some(p) if p != s => s = p,
            _ => return false,
        }
    };
    (0..doc.blocks.len())
        .filter(|&b| within(doc.blocks[b].section))
        .collect()
}

pub(super) fn region(doc: &Document, blocks: &[usize]) -> Region {
    let markdown = doc.format == crate::document::Format::Markdown;
    if markdown {
        Region::Bytes(
            blocks
                .iter()
                .filter_map(|&b| match &doc.blocks.get(b)?.location {
                    Location::Text { bytes, .. } => Some(bytes.clone()),
                    Location::Docx { .. } => None,
                })
                .collect(),
        )
    } else {
        Region::Places(
            blocks
                .iter()
                .filter_map(|&b| doc.blocks.get(b).map(|b| b.location.display()))
                .collect(),
        )
    }
}
