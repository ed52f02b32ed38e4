//! `tenderlint compare` (issue 28): a [`Comparison`] of many tenders rendered as
//! a matrix of rules × tenders — in the terminal, as Markdown, JSON and XLSX —
//! and, for one rule, each tender's evidence (`--explain`). Every cell is worded
//! with the same outcome words as the reports of a single tender.

mod deviation;
mod html;
mod json;
mod markdown;
mod terminal;
mod xlsx;

use crate::Lang;
use crate::findings::Outcome;
use crate::i18n::{self, word};
use crate::rules::RuleKind;
use tenderlint_core::compare::{CompareCell, CompareRow, Comparison};

pub use xlsx::XlsxError;

/// The formats `compare` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareFormat {
    /// The matrix in the terminal (up to about ten tenders in 120 columns).
    Human,
    /// The comparison as data.
    Json,
    /// The matrix as Markdown tables, one per category.
    Markdown,
    /// A workbook: the matrix in colours, and the evidence.
    Xlsx,
    /// A self-contained, printable, sortable heat-map with the evidence a click away.
    Html,
}

impl CompareFormat {
    /// Every format with the name `--format` takes.
    pub const ALL: &[(&str, CompareFormat)] = &[
        ("human", CompareFormat::Human),
        ("json", CompareFormat::Json),
        ("markdown", CompareFormat::Markdown),
        ("xlsx", CompareFormat::Xlsx),
        ("html", CompareFormat::Html),
    ];

    /// The format of a `--format` name.
    pub fn parse(name: &str) -> Option<CompareFormat> {
        CompareFormat::ALL
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
    }

    /// Not text: refused on a terminal.
    pub fn is_binary(self) -> bool {
        self == CompareFormat::Xlsx
    }

    /// The media type of a download in this format (the page's «Sammenlign»).
    pub fn media_type(self) -> &'static str {
        match self {
            CompareFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            CompareFormat::Html => "text/html; charset=utf-8",
            CompareFormat::Markdown => "text/markdown; charset=utf-8",
            CompareFormat::Json => "application/json",
            CompareFormat::Human => "text/plain; charset=utf-8",
        }
    }

    /// A download's file name in `lang`: `tenderlint-sammenligning.xlsx`.
    pub fn file_name(self, lang: Lang) -> String {
        let extension = match self {
            CompareFormat::Xlsx => "xlsx",
            CompareFormat::Html => "html",
            CompareFormat::Markdown => "md",
            CompareFormat::Json => "json",
            CompareFormat::Human => "txt",
        };
        format!("{}.{extension}", word(lang, "compare-file-stem"))
    }
}

/// The comparison in a format. With `explain`, the terminal and Markdown show
/// each tender's evidence for the comparison's rows (the caller keeps only the
/// rule asked about) instead of the matrix.
pub fn render(
    comparison: &Comparison,
    format: CompareFormat,
    options: &crate::RenderOptions<'_>,
    explain: bool,
) -> Result<Vec<u8>, XlsxError> {
    Ok(match format {
        CompareFormat::Human if explain => terminal::explain(comparison, options),
        CompareFormat::Human => terminal::render(comparison, options),
        CompareFormat::Markdown => markdown::render(comparison, options.lang, explain),
        CompareFormat::Json => json::render(comparison, options.lang),
        CompareFormat::Html => html::render(comparison, options),
        CompareFormat::Xlsx => xlsx::render(
            comparison,
            options.lang,
            options.date.unwrap_or_else(crate::date::today),
        )?,
    })
}

/// The colour of a cell's outcome in the XLSX and HTML matrices (RGB), the same
/// hue as the terminal's; a rule the tender is not checked against is white.
pub fn outcome_fill(outcome: Option<Outcome>) -> u32 {
    match outcome {
        Some(Outcome::Met) => 0x00C6_EFCE,
        Some(Outcome::Passed) => 0x00E2_EFDA,
        Some(Outcome::Weak) => 0x00FF_EB9C,
        Some(Outcome::Missing) => 0x00FF_C7CE,
        Some(Outcome::Violation) => 0x00F4_8C8C,
        Some(Outcome::Waived) => 0x00DD_EBF7,
        Some(Outcome::NotApplicable) => 0x00ED_EDED,
        None => 0x00FF_FFFF,
    }
}

/// A cell in words: its outcome word, or «—» where the tender is not checked
/// against the rule.
fn cell_word(cell: Option<&CompareCell>, lang: Lang) -> &'static str {
    match cell.map(|c| c.outcome) {
        None => "—",
        Some(o) => crate::common::outcome_word(lang, o),
    }
}

/// The same in a narrow terminal column: «ikke relevant» is «i.r.».
fn short_cell_word(cell: Option<&CompareCell>, lang: Lang) -> &'static str {
    match cell.map(|c| c.outcome) {
        Some(Outcome::NotApplicable) => word(lang, "compare-cell-not-applicable"),
        _ => cell_word(cell, lang),
    }
}

/// A row's category title, as its rule set declares it (else the standard one).
fn category_title(comparison: &Comparison, row: &CompareRow, lang: Lang) -> String {
    let version = row
        .cells
        .iter()
        .flatten()
        .map(|c| &c.ruleset_version)
        .next();
    let declared = comparison
        .rulesets
        .iter()
        .find(|s| s.id == row.ruleset && Some(&s.version) == version)
        .map(|s| &s.categories);
    match declared {
        Some(d) => i18n::category_title_in(d, &row.category, lang),
        None => i18n::category_title_in(&Default::default(), &row.category, lang),
    }
}

/// The rows grouped by category, in the comparison's order.
fn by_category(comparison: &Comparison) -> Vec<(&str, Vec<&CompareRow>)> {
    let mut groups: Vec<(&str, Vec<&CompareRow>)> = Vec::new();
    for row in &comparison.rules {
        match groups.last_mut() {
            Some((c, rows)) if *c == row.category => rows.push(row),
            _ => groups.push((&row.category, vec![row])),
        }
    }
    groups
}

/// «1/3»: members requiring the rule bindingly, of those it applies to; empty
/// for a rule that objects to something (`forbid`, `prefer`, a built-in check),
/// which no member requires.
fn binding_share(row: &CompareRow) -> String {
    if row.kind == RuleKind::Require {
        format!("{}/{}", row.binding, row.applies)
    } else {
        String::new()
    }
}

/// What each tender's column ends with: its distance from the majority, from
/// the region's profile (when there is one), and how many of its results are to
/// fix; a label and one figure per tender (`None`: not measured).
fn tender_figures(comparison: &Comparison, lang: Lang) -> Vec<(&'static str, Vec<Option<usize>>)> {
    let tenders = &comparison.tenders;
    let mut rows = vec![(
        word(lang, "compare-distance"),
        tenders
            .iter()
            .map(|t| Some(t.distance.from_majority))
            .collect(),
    )];
    if tenders.iter().any(|t| t.distance.from_profile.is_some()) {
        rows.push((
            word(lang, "compare-distance-profile"),
            tenders.iter().map(|t| t.distance.from_profile).collect(),
        ));
    }
    rows.push((
        word(lang, "todo-title"),
        tenders.iter().map(|t| Some(t.summary.failed)).collect(),
    ));
    rows
}

/// A figure of [`tender_figures`] as text: «—» where it was not measured.
fn figure(value: Option<usize>) -> String {
    value.map_or_else(|| "—".to_string(), |v| v.to_string())
}

/// Every waived cell: tender, rule, the waiver's reason.
fn waivers(comparison: &Comparison) -> Vec<(&str, &CompareRow, &str)> {
    let mut out = Vec::new();
    for row in &comparison.rules {
        for (tender, cell) in comparison.tenders.iter().zip(&row.cells) {
            if let Some(w) = cell.as_ref().and_then(|c| c.waiver.as_ref()) {
                out.push((tender.name.as_str(), row, w.reason.as_str()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
