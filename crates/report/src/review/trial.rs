//! A trial check of the missing requirements the review means to insert, before
//! it inserts them: each suggested text as a row of a requirement table under the
//! headings of the table it is meant for. A text another rule objects to is not
//! inserted (it would trade a missing requirement for a violation); a text that
//! does not count under its table's headings goes into the new section instead
//! (a heading such as «Drift, data og avslutning» makes ARC-005 read a migration
//! requirement as one about the end of the contract).

use crate::document::{BlockKind, Document};
use crate::findings::{Coverage, RuleResult, Status};
use crate::rules::RuleSet;
use crate::text::Modality;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// A missing requirement the review means to insert, and where.
pub(super) struct Planned<'a> {
    pub(super) result: &'a RuleResult,
    pub(super) text: String,
    /// The (document, table) it is meant for; none for the new section.
    pub(super) table: Option<(usize, u32)>,
}

/// What the trial found.
#[derive(Debug, Default)]
pub(super) struct Trial {
    /// By the rule a text is suggested for: the rules that object to it.
    pub(super) objections: BTreeMap<String, Vec<String>>,
    /// The rules whose text does not count in the table it was meant for.
    pub(super) not_counted: BTreeSet<String>,
}

/// Checks every planned text at once, one file per table (each under that
/// table's headings), typed M or E by its wording, the way it is inserted.
pub(super) fn run(planned: &[Planned<'_>], docs: &[Document], sets: &[RuleSet]) -> Trial {
    let mut files: BTreeMap<Option<(usize, u32)>, String> = BTreeMap::new();
    for (i, p) in planned.iter().enumerate() {
        let file = files.entry(p.table).or_insert_with(|| {
            format!(
                "{}\n| Krav-ID | Kravtekst | Type |\n|---|---|---|\n",
                headings(docs, p.table)
            )
        });
        file.push_str(&format!(
            "| {} | {} | {} |\n",
            trial_id(i),
            p.text.replace('|', "\\|"),
            if binds(&p.text) { "M" } else { "E" },
        ));
    }
    let files: Vec<(PathBuf, Vec<u8>)> = files
        .into_values()
        .enumerate()
        .map(|(n, text)| {
            (
                PathBuf::from(format!("suggestions-{n}.md")),
                text.into_bytes(),
            )
        })
        .collect();
    let report = crate::check::check_contents(&files, sets, &crate::check::CheckOptions::default());
    let index = |id: Option<&str>| -> Option<usize> {
        id?.strip_prefix("TL-")?
            .parse::<usize>()
            .ok()?
            .checked_sub(1)
    };
    let mut trial = Trial::default();
    for r in report
        .results
        .iter()
        .filter(|r| r.status == Status::Violation)
    {
        for e in &r.evidence {
            if let Some(p) = index(e.requirement_id.as_deref()).and_then(|i| planned.get(i)) {
                let list = trial.objections.entry(p.result.rule.clone()).or_default();
                if !list.contains(&r.rule) {
                    list.push(r.rule.clone());
                }
            }
        }
    }
    for (i, p) in planned.iter().enumerate() {
        let counted = report
            .results
            .iter()
            .filter(|r| r.rule == p.result.rule && r.ruleset == p.result.ruleset)
            .flat_map(|r| &r.evidence)
            .any(|e| {
                index(e.requirement_id.as_deref()) == Some(i)
                    && !e.review
                    && matches!(e.coverage, Coverage::Binding | Coverage::Weak)
            });
        if p.table.is_some() && !counted {
            trial.not_counted.insert(p.result.rule.clone());
        }
    }
    trial
}

/// Whether a suggested requirement binds or says «bør»/«should»: its row is typed
/// to match, or the type and wording would disagree. Only «bør» makes a row E; a
/// requirement with a deadline («innen de nasjonale fristene») is still M.
pub(super) fn binds(text: &str) -> bool {
    crate::text::modality::classify(&crate::text::normalize(text).text) != Modality::Should
}

fn trial_id(i: usize) -> String {
    format!("TL-{}", i + 1)
}

/// The Markdown headings a table stands under in its document; «# Krav» for the
/// new section.
fn headings(docs: &[Document], table: Option<(usize, u32)>) -> String {
    let path = table.and_then(|(d, t)| {
        let doc = &docs[d];
        let block = doc.blocks.iter().find(|b| match &b.kind {
            BlockKind::TableRow(row) => row.table == t,
            _ => false,
        })?;
        Some(doc.section_path(block.section))
    });
    match path {
        Some(path) if !path.is_empty() => path
            .iter()
            .enumerate()
            .map(|(depth, s)| {
                let title = match &s.number {
                    Some(n) if !s.title.starts_with(n.as_str()) => format!("{n} {}", s.title),
                    _ => s.title.clone(),
                };
                format!("{} {}\n", "#".repeat(depth + 1), title.replace('\n', " "))
            })
            .collect(),
        _ => "# Krav\n".to_string(),
    }
}
