//! The comparison as Markdown: a table per category (rules down, tenders
//! across), each tender's distance, the waivers with their reasons; with
//! `--explain`, each tender's evidence for the rule.

use super::{
    binding_share, by_category, category_title, cell_word, figure, tender_figures, waivers,
};
use crate::Lang;
use crate::common::{evidence_word, location, markdown_cell as cell, markdown_inline as inline};
use crate::i18n::word;
use std::fmt::Write;
use tenderlint_core::compare::{CompareRow, Comparison};

pub(super) fn render(comparison: &Comparison, lang: Lang, explain: bool) -> Vec<u8> {
    let mut out = crate::marker_comment();
    let n = comparison.tenders.len();
    let _ = writeln!(
        out,
        "\n# {}\n",
        word(lang, "compare-title").replace("{n}", &n.to_string())
    );
    for (_, rows) in by_category(comparison) {
        let _ = writeln!(
            out,
            "## {}\n",
            inline(&category_title(comparison, rows[0], lang))
        );
        table(&mut out, comparison, &rows, lang);
        if explain {
            for row in &rows {
                evidence(&mut out, comparison, row, lang);
            }
        }
    }
    distances(&mut out, comparison, lang);
    let list = waivers(comparison);
    if !list.is_empty() {
        let _ = writeln!(out, "## {}\n", word(lang, "compare-waivers"));
        for (tender, row, reason) in list {
            let _ = writeln!(
                out,
                "- {} {}: {}",
                inline(tender),
                inline(&row.rule),
                inline(reason)
            );
        }
        out.push('\n');
    }
    let list = super::deviation::list(comparison);
    if !list.is_empty() {
        let _ = writeln!(out, "## {}\n", word(lang, "compare-deviations"));
        for (tender, d) in list {
            let sentence = super::deviation::sentence(d, lang);
            let _ = writeln!(
                out,
                "- {} {}: {}",
                inline(tender),
                inline(&d.rule),
                inline(&sentence)
            );
        }
        out.push('\n');
    }
    for key in [
        "compare-legend-disagree",
        "compare-legend-binding",
        "compare-legend-absent",
    ] {
        let _ = writeln!(out, "- {}", inline(word(lang, key)));
    }
    out.into_bytes()
}

fn table(out: &mut String, comparison: &Comparison, rows: &[&CompareRow], lang: Lang) {
    let names: Vec<String> = comparison.tenders.iter().map(|t| cell(&t.name)).collect();
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |",
        word(lang, "rule"),
        word(lang, "title"),
        names.join(" | "),
        word(lang, "compare-binding")
    );
    let _ = writeln!(out, "|---|---|{}---:|", "---|".repeat(names.len()));
    for row in rows {
        let cells: Vec<&str> = row
            .cells
            .iter()
            .map(|c| cell_word(c.as_ref(), lang))
            .collect();
        let mark = if row.disagree { "≠ " } else { "" };
        let _ = writeln!(
            out,
            "| {mark}{} | {} | {} | {} |",
            cell(&row.rule),
            cell(row.rule_info.title.get(lang)),
            cells.join(" | "),
            binding_share(row)
        );
    }
    out.push('\n');
}

fn evidence(out: &mut String, comparison: &Comparison, row: &CompareRow, lang: Lang) {
    let _ = writeln!(
        out,
        "### {} — {}\n",
        inline(&row.rule),
        inline(row.rule_info.title.get(lang))
    );
    for (tender, c) in comparison.tenders.iter().zip(&row.cells) {
        let Some(c) = c else {
            let _ = writeln!(
                out,
                "- **{}**: {}",
                inline(&tender.name),
                word(lang, "compare-not-checked")
            );
            continue;
        };
        let _ = write!(
            out,
            "- **{}**: {}",
            inline(&tender.name),
            crate::common::outcome_word(lang, c.outcome)
        );
        if let Some(w) = &c.waiver {
            let _ = write!(
                out,
                " — {}: {}",
                word(lang, "compare-reason"),
                inline(&w.reason)
            );
        }
        out.push('\n');
        for e in &c.evidence {
            let _ = writeln!(
                out,
                "  - `{}` {} ({}): «{}»",
                e.file.replace('`', "'"),
                inline(&location(e, lang)),
                evidence_word(lang, e),
                inline(&e.excerpt)
            );
        }
    }
    out.push('\n');
}

fn distances(out: &mut String, comparison: &Comparison, lang: Lang) {
    let figures = tender_figures(comparison, lang);
    let labels: Vec<&str> = figures.iter().map(|(l, _)| *l).collect();
    let _ = writeln!(
        out,
        "| {} | {} |",
        word(lang, "compare-tender"),
        labels.join(" | ")
    );
    let _ = writeln!(out, "|---|{}", "---:|".repeat(labels.len()));
    for (i, t) in comparison.tenders.iter().enumerate() {
        let values: Vec<String> = figures.iter().map(|(_, v)| figure(v[i])).collect();
        let _ = writeln!(out, "| {} | {} |", cell(&t.name), values.join(" | "));
    }
    out.push('\n');
}
