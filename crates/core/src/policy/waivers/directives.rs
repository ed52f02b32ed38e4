//! Reading the `tenderlint-…` directives of the tender's documents into inline
//! waivers; directives that cannot be applied become diagnostics.

use super::diagnostics::{Diagnostic, directive_evidence};
use super::inline::{InlineWaiver, covered_blocks, region};
use super::{BAD_DATE, NO_REASON, UNKNOWN_DIRECTIVE};
use crate::document::Document;

/// Reads the `tenderlint-…` directives of every document.
pub(super) fn read(docs: &[Document], diagnostics: &mut Vec<Diagnostic>) -> Vec<InlineWaiver> {
    let mut out = Vec::new();
    for doc in docs {
        for d in &doc.directives {
            let text = d.text.trim();
            let refuse = |diagnostics: &mut Vec<Diagnostic>, code| {
                diagnostics.push(Diagnostic {
                    code,
                    evidence: directive_evidence(doc, &d.location, format!("tenderlint-{text}")),
                });
            };
            let Some(rest) = text.strip_prefix("disable") else {
                refuse(diagnostics, UNKNOWN_DIRECTIVE);
                continue;
            };
            if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
                refuse(diagnostics, UNKNOWN_DIRECTIVE);
                continue;
            }
            let (ids, reason) = match rest.split_once(':') {
                Some((ids, reason)) => (ids, reason.trim()),
                None => (rest, ""),
            };
            let mut words: Vec<&str> = ids
                .split([',', ' '])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            // `INT-014 until 2027-01-31`: the last day the waiver holds.
            let mut expires = None;
            if let Some(at) = words.iter().position(|w| w.eq_ignore_ascii_case("until")) {
                match words.get(at + 1).and_then(|d| crate::date::parse(d)) {
                    Some(date) if words.len() == at + 2 => expires = Some(date),
                    _ => {
                        refuse(diagnostics, BAD_DATE);
                        continue;
                    }
                }
                words.truncate(at);
            }
            let rules: Vec<String> = words.into_iter().map(str::to_string).collect();
            if rules.is_empty() || reason.is_empty() {
                refuse(diagnostics, NO_REASON);
                continue;
            }
            let blocks = d.block.map(|b| covered_blocks(doc, b)).unwrap_or_default();
            out.push(InlineWaiver {
                rules,
                reason: reason.to_string(),
                expires,
                file: doc.path.display().to_string(),
                location: d.location.clone(),
                region: region(doc, &blocks),
            });
        }
    }
    out
}
