//! What the review of one tender says where: findings → per-file notes (a
//! comment on the words of one block, perhaps with a tracked change) and the
//! missing requirements with the place they are added. The same plan feeds the
//! Word patcher and the Markdown diff, so both formats say the same things.

use super::place::{Places, block_of};
use super::trial::{self, Planned, binds};
use super::words;
use crate::Lang;
use crate::document::{BlockKind, Document};
use crate::engine::{Columns, TableShapes, TypeLegend};
use crate::findings::{CheckReport, Evidence, RuleResult, Status};
use crate::rules::{BuiltinCheck, RuleSet};
use crate::text::Modality;
use crate::text::{is_requirement_text_title, title_key};
use std::collections::BTreeMap;

/// A comment on the words of one block, and the change it explains, if any.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Note {
    /// The block's index in its document; [`UNPLACED`] for evidence outside the
    /// body, which the summary comment names instead.
    pub(crate) block: usize,
    /// The words the comment spans (an evidence excerpt, perhaps cut with «…»).
    pub(crate) excerpt: String,
    /// Where the evidence is, as reports say it (for a note the summary names).
    pub(crate) place: String,
    /// The comment's paragraphs.
    pub(crate) text: Vec<String>,
    /// The tracked change the comment proposes, when the finding can fix the
    /// words itself (a binding modal verb, «eller tilsvarende» after a brand).
    pub(crate) change: Option<Change>,
}

/// The block of a note whose evidence is not in the main story.
pub(crate) const UNPLACED: usize = usize::MAX;

/// A tracked change inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Change {
    /// Insert `text` right after the words `prefix` (the excerpt up to a product name).
    InsertAfter { prefix: String, text: String },
    /// Replace the modal word (`bør`) with the binding one (`skal`).
    Modal { from: String, to: String },
}

/// A missing requirement added as a new row of a requirement table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NewRow {
    /// The block index of the table's last row; the new row follows it.
    pub(crate) after_block: usize,
    /// The cell texts by grid column (id, requirement text, type); others empty.
    pub(crate) cells: Vec<String>,
    /// The id of the rule whose suggested requirement the row carries.
    pub(crate) rule: String,
}

/// A missing requirement added as a paragraph of a new section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NewParagraph {
    /// The rule's suggested requirement, in the tender's language.
    pub(crate) text: String,
    /// The id of the rule it answers.
    pub(crate) rule: String,
}

/// Everything the review of one file holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilePlan {
    /// The comments on this file's words, in the order of the findings.
    pub(crate) notes: Vec<Note>,
    /// The missing requirements added to this file's requirement tables.
    pub(crate) rows: Vec<NewRow>,
    /// The new section's title and paragraphs, when requirements fit no table.
    pub(crate) section: Option<(String, Vec<NewParagraph>)>,
    /// The comment at the start: what the whole tender misses.
    pub(crate) summary: Vec<String>,
}

/// The plan for every file of the tender, by path as the report names it.
pub fn plan(
    report: &CheckReport,
    docs: &[Document],
    sets: &[RuleSet],
) -> BTreeMap<String, FilePlan> {
    let lang = report.tender_language;
    let mut plans: BTreeMap<String, FilePlan> = docs
        .iter()
        .map(|d| (d.path.display().to_string(), FilePlan::default()))
        .collect();
    let places = Places::gather(report, docs);
    let summary = words::summary(report, places.requirements.is_some(), lang);
    for p in plans.values_mut() {
        p.summary.clone_from(&summary);
    }
    for r in report.results.iter().filter(|r| failing(r)) {
        let modal_fix = check_of(sets, r) == Some(BuiltinCheck::TypeModalityMismatch);
        for e in &r.evidence {
            // Evidence in a footnote, header or footer has no block in the body: its
            // note goes into the summary comment (see `Note::block`).
            let Some((doc_index, block)) = block_of(docs, e).or_else(|| {
                let d = docs
                    .iter()
                    .position(|d| d.path.display().to_string() == e.file)?;
                Some((d, UNPLACED))
            }) else {
                continue;
            };
            let Some(why) = words::why(r, e, lang) else {
                continue;
            };
            let change = change_for(r, e, modal_fix, lang);
            let text = words::comment(report, r, &why, change.is_some(), lang);
            let path = docs[doc_index].path.display().to_string();
            let notes = &mut plans.entry(path).or_default().notes;
            if !notes.iter().any(|n| n.block == block && n.text == text) {
                notes.push(Note {
                    block,
                    excerpt: e.excerpt.clone(),
                    place: e.location.clone(),
                    text,
                    change,
                });
            }
        }
    }
    add_missing(report, docs, sets, &places, &mut plans, lang);
    plans
}

/// Failing and not waived: what the review speaks about.
fn failing(r: &RuleResult) -> bool {
    r.fails() && matches!(r.status, Status::Missing | Status::Weak | Status::Violation)
}

fn check_of(sets: &[RuleSet], r: &RuleResult) -> Option<BuiltinCheck> {
    sets.iter()
        .filter(|s| s.id == r.ruleset)
        .flat_map(|s| s.rules.iter())
        .find(|rule| rule.id == r.rule)
        .and_then(|rule| rule.check)
}

/// The tracked change a finding can make itself: «eller tilsvarende» after a
/// product name, «skal» for «bør» in a row typed mandatory.
fn change_for(r: &RuleResult, e: &Evidence, modal_fix: bool, lang: Lang) -> Option<Change> {
    if r.status != Status::Violation {
        return None;
    }
    if r.rule_info.fix_adds_equivalent
        && let Some(fix) = &e.fix
    {
        let excerpt = e.excerpt.as_str();
        let common = fix
            .char_indices()
            .zip(excerpt.chars())
            .find(|((_, a), b)| a != b)
            .map_or(excerpt.len(), |((i, _), _)| i);
        let added = fix.len().checked_sub(excerpt.len())?;
        let text = fix.get(common..common + added)?.to_string();
        // The prefix ends where the product name ends: trailing spaces belong after the insertion.
        let prefix = excerpt.get(..common)?.trim_end().to_string();
        let text = if excerpt[prefix.len()..common].is_empty() {
            text
        } else {
            format!("{}{}", &excerpt[prefix.len()..common], text.trim_end())
        };
        return Some(Change::InsertAfter { prefix, text });
    }
    // The row's type binds while its words say «bør» (a mismatch whose words wish has
    // a binding type): the words follow the type. The other way round (typed E,
    // worded «skal») is the author's choice to make, so it only gets a comment.
    if modal_fix
        && crate::text::modality::classify(&crate::text::normalize(&e.excerpt).text)
            == Modality::Should
    {
        let (from, to) = match lang {
            Lang::En => ("should", "shall"),
            Lang::Nb | Lang::Nn => ("bør", "skal"),
        };
        return Some(Change::Modal {
            from: from.into(),
            to: to.into(),
        });
    }
    None
}

/// A requirement table: where its last row is and which columns hold what.
struct TableTarget {
    doc: usize,
    last_row: usize,
    columns: usize,
    id: Option<usize>,
    text: usize,
    kind: Option<usize>,
    next_id: Option<IdPattern>,
    mandatory: Option<String>,
    /// The code of an evaluated requirement, for a suggestion that says «bør».
    evaluated: Option<String>,
}

/// Missing requirements go to the end of the table that holds the category's
/// requirements, else (or when the text would not count under that table's
/// headings) into a new section at the end of the requirements document.
fn add_missing(
    report: &CheckReport,
    docs: &[Document],
    sets: &[RuleSet],
    places: &Places,
    plans: &mut BTreeMap<String, FilePlan>,
    lang: Lang,
) {
    let legend = &places.legend;
    let mut ids_in_use = places.ids_in_use.clone();
    let mut targets: BTreeMap<(usize, u32), TableTarget> = BTreeMap::new();
    let mut section: Vec<NewParagraph> = Vec::new();
    let planned: Vec<Planned> = report
        .results
        .iter()
        .filter(|r| failing(r) && r.status == Status::Missing)
        .filter_map(|r| {
            Some(Planned {
                result: r,
                text: crate::common::suggestion(report, r)?,
                table: places.category_table(report, docs, &r.category),
            })
        })
        .collect();
    let trial = trial::run(&planned, docs, sets);
    for Planned {
        result: r,
        text,
        table,
    } in planned
    {
        if let Some(objections) = trial.objections.get(&r.rule) {
            for p in plans.values_mut() {
                p.summary.push(words::not_inserted(r, objections, lang));
            }
            continue;
        }
        let table = table.filter(|_| !trial.not_counted.contains(&r.rule));
        let target = table.and_then(|key| match targets.entry(key) {
            std::collections::btree_map::Entry::Occupied(o) => Some(o.into_mut()),
            std::collections::btree_map::Entry::Vacant(v) => {
                table_target(docs, key, legend).map(|t| v.insert(t))
            }
        });
        // A table with a type column takes a row only with a code of the table's own: a
        // «bør» suggestion in a table that only knows «M» would be a row without a type.
        let typed = target.filter(|t| {
            let code = if binds(&text) {
                &t.mandatory
            } else {
                &t.evaluated
            };
            t.kind.is_none() || code.is_some()
        });
        let Some(t) = typed else {
            section.push(NewParagraph {
                text,
                rule: r.rule.clone(),
            });
            continue;
        };
        let code = if binds(&text) {
            t.mandatory.clone()
        } else {
            t.evaluated.clone()
        };
        let mut cells = vec![String::new(); t.columns];
        cells[t.text] = text;
        if let (Some(id), Some(next)) = (t.id, t.next_id.as_mut()) {
            cells[id] = next.next_unused(&mut ids_in_use);
        }
        if let (Some(kind), Some(code)) = (t.kind, code) {
            cells[kind] = code;
        }
        let path = docs[t.doc].path.display().to_string();
        plans.entry(path).or_default().rows.push(NewRow {
            after_block: t.last_row,
            cells,
            rule: r.rule.clone(),
        });
    }
    if section.is_empty() {
        return;
    }
    if let Some(doc) = places.requirements {
        let path = docs[doc].path.display().to_string();
        plans.entry(path).or_default().section =
            Some((words::word(lang, "review-section").to_string(), section));
    }
}

fn table_target(
    docs: &[Document],
    (doc, table): (usize, u32),
    legend: &TypeLegend,
) -> Option<TableTarget> {
    let d = &docs[doc];
    let rows: Vec<(usize, &crate::document::TableRow)> = d
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match &b.kind {
            BlockKind::TableRow(row) if row.table == table => Some((i, &**row)),
            _ => None,
        })
        .collect();
    let (last_row, last) = *rows.last()?;
    // The columns as the check reads them: the header's titles, corrected by the
    // table's shape (a type column found by its values).
    let roles = Columns::from_header(&last.header);
    if roles.glossary {
        return None;
    }
    let shapes = TableShapes::gather(d, legend);
    let columns = last.header.len().max(last.cells.len());
    let id = roles.id;
    let kind = roles.kind.or(shapes.of(table).type_column);
    let titled = |c: &usize| is_requirement_text_title(&title_key(&last.header[*c]));
    let content: Vec<usize> = roles
        .content
        .iter()
        .copied()
        .filter(|c| Some(*c) != kind)
        .collect();
    let text = content
        .iter()
        .copied()
        .find(|c| titled(c))
        .or_else(|| content.first().copied())
        .or_else(|| widest_column(d, &rows, columns, &[id, kind]))?;
    if !(roles.requirement || kind.is_some()) {
        return None;
    }
    let ids: Vec<String> = id
        .map(|c| {
            rows.iter()
                .filter(|(_, r)| !r.is_header)
                .filter_map(|(i, _)| d.blocks[*i].cell(c).map(str::trim).map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let values: Vec<&str> = kind
        .map(|c| {
            rows.iter()
                .filter(|(_, r)| !r.is_header)
                .filter_map(|(i, _)| d.blocks[*i].cell(c).map(str::trim))
                .collect()
        })
        .unwrap_or_default();
    let mandatory = type_code(&values, legend, Modality::Binding);
    let evaluated = type_code(&values, legend, Modality::Should);
    Some(TableTarget {
        doc,
        last_row,
        columns,
        id,
        text,
        kind,
        next_id: IdPattern::from_ids(&ids),
        mandatory,
        evaluated,
    })
}

/// The column with the longest text on average, not the id or type column.
fn widest_column(
    d: &Document,
    rows: &[(usize, &crate::document::TableRow)],
    columns: usize,
    not: &[Option<usize>],
) -> Option<usize> {
    (0..columns)
        .filter(|c| !not.contains(&Some(*c)))
        .max_by_key(|c| {
            rows.iter()
                .filter_map(|(i, _)| d.blocks[*i].cell(*c))
                .map(|t| t.chars().count())
                .sum::<usize>()
        })
}

/// The code the table itself uses for a requirement of `modality` (the tender's
/// legend first, then the common codes): M, «Minstekrav», A … for a binding one,
/// E, «Bør», V … for an evaluated one.
fn type_code(values: &[&str], legend: &TypeLegend, modality: Modality) -> Option<String> {
    let is = |v: &str| match legend.lookup(&v.to_lowercase()) {
        Some(entry) => entry.modality == modality,
        None => crate::text::type_cells::classify_type_cell(v) == Some(modality),
    };
    values
        .iter()
        .find(|v| !v.is_empty() && is(v))
        .map(|v| (*v).to_string())
}

/// Requirement ids as a prefix, a number and a width («K-07» → «K-», 7, 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct IdPattern {
    prefix: String,
    number: u64,
    width: usize,
    suffix: String,
}

impl IdPattern {
    /// The pattern of the last id that has a number, continuing after the highest
    /// number with the same prefix.
    pub(super) fn from_ids(ids: &[String]) -> Option<IdPattern> {
        let parsed: Vec<IdPattern> = ids.iter().filter_map(|id| IdPattern::parse(id)).collect();
        let last = parsed.last()?.clone();
        let highest = parsed
            .iter()
            .filter(|p| p.prefix == last.prefix)
            .map(|p| p.number)
            .max()
            .unwrap_or(last.number);
        Some(IdPattern {
            number: highest,
            ..last
        })
    }

    fn parse(id: &str) -> Option<IdPattern> {
        let end = id.rfind(|c: char| c.is_ascii_digit())? + 1;
        let start = id[..end]
            .rfind(|c: char| !c.is_ascii_digit())
            .map_or(0, |i| i + id[i..].chars().next().map_or(1, char::len_utf8));
        Some(IdPattern {
            prefix: id[..start].to_string(),
            number: id[start..end].parse().ok()?,
            width: end - start,
            suffix: id[end..].to_string(),
        })
    }

    /// The next id that no requirement of the tender has yet, taken: a table's
    /// numbering may go on in another table («SP-01…04» here, «SP-05…» there).
    pub(super) fn next_unused(&mut self, used: &mut std::collections::BTreeSet<String>) -> String {
        loop {
            let id = self.next();
            if used.insert(id.clone()) {
                return id;
            }
        }
    }

    /// The next id.
    pub(super) fn next(&mut self) -> String {
        self.number += 1;
        format!(
            "{}{:0width$}{}",
            self.prefix,
            self.number,
            self.suffix,
            width = self.width
        )
    }
}

#[cfg(test)]
mod tests {
    use super::IdPattern;

    #[test]
    fn ids_continue_the_tables_numbering() {
        let ids = ["K-1", "K-2", "K-10", "K-3"].map(String::from);
        assert_eq!(IdPattern::from_ids(&ids).unwrap().next(), "K-11");
        let ids = ["INT-007", "INT-008"].map(String::from);
        let mut p = IdPattern::from_ids(&ids).unwrap();
        assert_eq!((p.next(), p.next()), ("INT-009".into(), "INT-010".into()));
        assert_eq!(
            IdPattern::from_ids(&["4.2.1".into()]).unwrap().next(),
            "4.2.2"
        );
        assert!(IdPattern::from_ids(&["Krav".into()]).is_none());
    }

    #[test]
    fn a_new_id_skips_the_ids_another_table_of_the_tender_uses() {
        let ids = ["SP-01", "SP-02"].map(String::from);
        let mut used = ["SP-01", "SP-02", "SP-03", "SP-04"]
            .map(String::from)
            .into();
        let mut p = IdPattern::from_ids(&ids).unwrap();
        assert_eq!(p.next_unused(&mut used), "SP-05");
        assert_eq!(p.next_unused(&mut used), "SP-06");
    }
}
