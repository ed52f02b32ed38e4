//! What requirement-quality tools check of a requirement table's rows and no
//! pattern can: that every requirement has an id of its own (a vendor's answer to
//! «K-4» must name one requirement). That one row asks for one thing is
//! [`super::composite`]'s.
//!
//! Ids are judged over the whole tender, so rows are gathered while observing and
//! judged once every file has been read ([`judge_ids`]).

use super::observation::Observation;
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// A row of a requirement table that numbers its requirements, as the id check
/// needs it.
#[derive(Debug, Clone)]
pub(super) struct RowId {
    pub(super) rule: usize,
    /// (document, table number): the table the row is in.
    pub(super) table: (usize, u32),
    /// The id as compared (see [`id_key`]); `None` when the id cell is empty.
    pub(super) key: Option<String>,
    /// A bare number numbers rows within its table, not requirements across the tender.
    pub(super) row_number: bool,
    /// The requirement's text, hashed: the same id on the same text (a requirement
    /// repeated in an answer form) names one requirement.
    pub(super) text: u64,
    /// The row is a requirement (typed, or worded with a modal verb), not a caption.
    pub(super) is_requirement: bool,
    pub(super) at: Observation,
}

impl RowId {
    /// A row as a check finds it, for rule 0; [`super::checks::record`] gives it
    /// the rule that runs the check.
    pub(super) fn new(
        table: (usize, u32),
        id: &str,
        text: &str,
        is_requirement: bool,
        at: Observation,
    ) -> RowId {
        let key = id_key(id);
        let row_number = key
            .as_deref()
            .is_some_and(|k| k.chars().all(|c| c.is_ascii_digit()));
        let mut hasher = DefaultHasher::new();
        text.hash(&mut hasher);
        RowId {
            rule: 0,
            table,
            key,
            row_number,
            text: hasher.finish(),
            is_requirement,
            at,
        }
    }
}

/// An id as a vendor would write it back: case, white space and the kind of dash
/// do not tell ids apart («K-4», «k – 4», «K–4»), nor a trailing full stop («4.»).
fn id_key(id: &str) -> Option<String> {
    let mut key = String::with_capacity(id.len());
    for c in id.chars() {
        match c {
            c if c.is_whitespace() => {}
            '\u{2010}'..='\u{2015}' | '\u{2212}' => key.push('-'),
            c => key.extend(c.to_lowercase()),
        }
    }
    let key = key.trim_end_matches('.');
    (!key.is_empty()).then(|| key.to_string())
}

/// Whose id a use is: the rule's, within one table for a row number, and the id.
type IdUse = (usize, Option<(usize, u32)>, String);

/// What the id check finds: the rows without an id, each once, and each id that
/// names more than one requirement, once, at its first use with its other uses.
/// A table none of whose rows has an id does not number its requirements (its
/// «Nr» column is for the vendor, or unused); a row without a modal verb or type
/// is a caption inside the table.
pub(super) fn judge_ids(rows: Vec<RowId>) -> Vec<(usize, Observation, Vec<Observation>)> {
    let numbered: std::collections::BTreeSet<(usize, (usize, u32))> = rows
        .iter()
        .filter(|r| r.key.is_some())
        .map(|r| (r.rule, r.table))
        .collect();
    let mut found = Vec::new();
    let mut uses: BTreeMap<IdUse, Vec<RowId>> = BTreeMap::new();
    for row in rows {
        match row.key.clone() {
            None => {
                if row.is_requirement && numbered.contains(&(row.rule, row.table)) {
                    found.push((row.rule, row.at, Vec::new()));
                }
            }
            Some(key) => {
                // Row numbers restart in every table; only a repeat inside one table
                // is ambiguous.
                let table = row.row_number.then_some(row.table);
                uses.entry((row.rule, table, key)).or_default().push(row);
            }
        }
    }
    for ((rule, _, _), same_id) in uses {
        let first_text = same_id[0].text;
        if same_id.iter().all(|r| r.text == first_text) {
            continue;
        }
        let mut places = same_id.into_iter().map(|r| r.at);
        if let Some(first) = places.next() {
            found.push((rule, first, places.collect()));
        }
    }
    found.sort_by_key(|(rule, at, _)| (*rule, *at));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_compare_as_a_vendor_writes_them() {
        assert_eq!(id_key(" K – 4 "), Some("k-4".to_string()));
        assert_eq!(id_key("K-4."), id_key("k-4"));
        assert_eq!(id_key("  "), None);
    }
}
