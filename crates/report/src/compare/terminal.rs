//! The comparison in the terminal: the matrix with one column per tender, or
//! for `--explain` each tender's evidence for one rule.

use super::{
    binding_share, by_category, category_title, figure, short_cell_word, tender_figures, waivers,
};
use crate::common::{evidence_place, evidence_word, one_line, outcome_word};
use crate::findings::Outcome;
use crate::i18n::word;
use crate::paint::Paint;
use crate::{Lang, RenderOptions};
use anstyle::AnsiColor;
use std::fmt::Write;
use tenderlint_core::compare::{CompareCell, CompareRow, Comparison};

/// The narrowest a tender's column gets: the longest short outcome word.
const MIN_COLUMN: usize = 8;
/// The widest: longer tender names are cut.
const MAX_COLUMN: usize = 12;
/// Below this a rule's title is left out rather than cut to nothing.
const MIN_TITLE: usize = 10;
const MAX_TITLE: usize = 40;

/// How wide each part of a row is.
struct Layout {
    /// The terminal's width.
    width: usize,
    id: usize,
    title: usize,
    column: usize,
    binding: usize,
}

impl Layout {
    /// The layout for this comparison in `width` columns; `None` when the tenders
    /// do not fit.
    fn of(comparison: &Comparison, lang: Lang, width: usize) -> Option<Layout> {
        let id = comparison
            .rules
            .iter()
            .map(|r| r.rule.chars().count())
            .max()
            .unwrap_or(0);
        let longest_name = comparison
            .tenders
            .iter()
            .map(|t| t.name.chars().count())
            .max()
            .unwrap_or(0);
        let binding = word(lang, "compare-binding").chars().count();
        let tenders = comparison.tenders.len().max(1);
        // Long tender names are cut before the matrix gives up on the terminal.
        let room_per_tender = width.saturating_sub(2 + id + 1 + binding) / tenders;
        let column = longest_name
            .clamp(MIN_COLUMN, MAX_COLUMN)
            .min(room_per_tender.saturating_sub(1));
        if column < MIN_COLUMN {
            return None;
        }
        let room = width - (2 + id + 1 + tenders * (column + 1) + binding);
        let title = if room > MIN_TITLE {
            (room - 1).min(MAX_TITLE)
        } else {
            0
        };
        Some(Layout {
            width,
            id,
            title,
            column,
            binding,
        })
    }

    /// The width of what stands left of the tenders' columns.
    fn left(&self) -> usize {
        2 + self.id + if self.title > 0 { self.title + 1 } else { 0 }
    }
}

pub(super) fn render(comparison: &Comparison, options: &RenderOptions<'_>) -> Vec<u8> {
    let lang = options.lang;
    let paint = Paint::new(options.color);
    let mut out = String::new();
    let n = comparison.tenders.len();
    let title = word(lang, "compare-title").replace("{n}", &n.to_string());
    let _ = writeln!(out, "{}\n", paint.bold(&title));
    let Some(layout) = Layout::of(comparison, lang, options.width) else {
        let _ = writeln!(
            out,
            "{}",
            word(lang, "compare-too-wide")
                .replace("{n}", &n.to_string())
                .replace("{width}", &options.width.to_string())
        );
        out.push('\n');
        summaries(&mut out, comparison, lang);
        return out.into_bytes();
    };
    header(&mut out, comparison, &layout, lang, paint);
    for (_, rows) in by_category(comparison) {
        let heading = category_title(comparison, rows[0], lang);
        let _ = writeln!(out, "{}", paint.bold(&fit(&heading, layout.width)));
        for row in rows {
            matrix_row(&mut out, row, &layout, lang, paint);
        }
    }
    out.push('\n');
    footer(&mut out, comparison, &layout, lang);
    waiver_list(&mut out, comparison, lang);
    deviation_list(&mut out, comparison, lang);
    out.push('\n');
    for key in [
        "compare-legend-disagree",
        "compare-legend-binding",
        "compare-legend-distance",
        "compare-legend-absent",
        "compare-explain-hint",
    ] {
        let _ = writeln!(out, "{}", paint.dim(word(lang, key)));
    }
    out.into_bytes()
}

fn header(out: &mut String, comparison: &Comparison, layout: &Layout, lang: Lang, paint: Paint) {
    let mut line = " ".repeat(layout.left());
    for t in &comparison.tenders {
        line.push(' ');
        line.push_str(&pad(&fit(&t.name, layout.column), layout.column));
    }
    line.push(' ');
    line.push_str(word(lang, "compare-binding"));
    let _ = writeln!(out, "{}", paint.bold(line.trim_end()));
}

fn matrix_row(out: &mut String, row: &CompareRow, layout: &Layout, lang: Lang, paint: Paint) {
    let mark = if row.disagree { "≠ " } else { "  " };
    let mut line = format!("{mark}{}", pad(&row.rule, layout.id));
    if layout.title > 0 {
        line.push(' ');
        line.push_str(&pad(
            &fit(row.rule_info.title.get(lang), layout.title),
            layout.title,
        ));
    }
    for cell in &row.cells {
        let word = pad(short_cell_word(cell.as_ref(), lang), layout.column);
        line.push(' ');
        line.push_str(&paint_cell(paint, cell.as_ref(), &word));
    }
    line.push(' ');
    line.push_str(&format!(
        "{:>width$}",
        binding_share(row),
        width = layout.binding
    ));
    let _ = writeln!(out, "{}", line.trim_end());
}

fn paint_cell(paint: Paint, cell: Option<&CompareCell>, text: &str) -> String {
    match cell.map(|c| c.outcome) {
        Some(Outcome::Met | Outcome::Passed) => paint.fg(AnsiColor::Green, text),
        Some(Outcome::Weak) => paint.fg(AnsiColor::Yellow, text),
        Some(Outcome::Missing | Outcome::Violation) => paint.fg(AnsiColor::Red, text),
        Some(Outcome::Waived) => paint.fg(AnsiColor::Blue, text),
        Some(Outcome::NotApplicable) | None => paint.dim(text),
    }
}

/// Per tender: how far from the majority (and the profile), and what it has to fix.
fn footer(out: &mut String, comparison: &Comparison, layout: &Layout, lang: Lang) {
    for (label, values) in tender_figures(comparison, lang) {
        // A label longer than the rule columns stands on a line of its own,
        // above its figures, rather than be cut.
        let mut line = if label.chars().count() <= layout.left() {
            pad(label, layout.left())
        } else {
            let _ = writeln!(out, "{label}");
            " ".repeat(layout.left())
        };
        for v in values {
            line.push(' ');
            line.push_str(&pad(&figure(v), layout.column));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    cut_names(out, comparison, layout, lang);
}

/// The tenders' whole names, in column order, when a column cut one.
fn cut_names(out: &mut String, comparison: &Comparison, layout: &Layout, lang: Lang) {
    let names = &comparison.tenders;
    if names
        .iter()
        .all(|t| t.name.chars().count() <= layout.column)
    {
        return;
    }
    let mut line = format!("\n{}:", word(lang, "compare-tender"));
    let mut used = line.chars().count() - 1;
    for (i, t) in names.iter().enumerate() {
        let name = format!(" {}{}", t.name, if i + 1 < names.len() { "," } else { "" });
        let n = name.chars().count();
        if used + n > layout.width && used > 0 {
            line.push_str("\n ");
            used = 1;
        }
        line.push_str(&name);
        used += n;
    }
    let _ = writeln!(out, "{line}");
}

fn waiver_list(out: &mut String, comparison: &Comparison, lang: Lang) {
    let list = waivers(comparison);
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", word(lang, "compare-waivers"));
    for (tender, row, reason) in list {
        let _ = writeln!(out, "  {tender} {}: {}", row.rule, one_line(reason));
    }
}

/// The members' own decisions against the region's profile, with their reasons.
fn deviation_list(out: &mut String, comparison: &Comparison, lang: Lang) {
    let list = super::deviation::list(comparison);
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", word(lang, "compare-deviations"));
    for (tender, d) in list {
        let sentence = super::deviation::sentence(d, lang);
        let _ = writeln!(out, "  {tender} {}: {}", d.rule, one_line(&sentence));
    }
}

/// Without room for the matrix: each tender's tally on a line.
fn summaries(out: &mut String, comparison: &Comparison, lang: Lang) {
    for t in &comparison.tenders {
        let _ = writeln!(
            out,
            "{}: {} · {}: {}",
            t.name,
            crate::common::tally_words(&t.summary, lang, true),
            word(lang, "compare-distance"),
            t.distance.from_majority
        );
    }
}

/// `--explain RULE`: for each row, each tender's outcome and evidence.
pub(super) fn explain(comparison: &Comparison, options: &RenderOptions<'_>) -> Vec<u8> {
    let lang = options.lang;
    let paint = Paint::always(options.color);
    let mut out = String::new();
    for row in &comparison.rules {
        let _ = writeln!(
            out,
            "{} — {} ({})",
            paint.bold(&row.rule),
            row.rule_info.title.get(lang),
            category_title(comparison, row, lang)
        );
        let share = binding_share(row);
        let mut about = Vec::new();
        if !share.is_empty() {
            about.push(format!("{} {share}", word(lang, "compare-binding")));
        }
        if row.disagree {
            about.push(format!("≠ {}", word(lang, "compare-disagree")));
        }
        let about = about.join(" · ");
        let _ = writeln!(out, "{}\n", paint.dim(&about));
        for (tender, cell) in comparison.tenders.iter().zip(&row.cells) {
            explain_cell(&mut out, &tender.name, cell.as_ref(), lang);
        }
    }
    out.into_bytes()
}

fn explain_cell(out: &mut String, tender: &str, cell: Option<&CompareCell>, lang: Lang) {
    let Some(cell) = cell else {
        let _ = writeln!(out, "{tender}: — {}\n", word(lang, "compare-not-checked"));
        return;
    };
    let _ = write!(out, "{tender}: {}", outcome_word(lang, cell.outcome));
    if let Some(w) = &cell.waiver {
        let _ = write!(
            out,
            " — {}: {}",
            word(lang, "compare-reason"),
            one_line(&w.reason)
        );
    }
    out.push('\n');
    if cell.evidence.is_empty() {
        let _ = writeln!(out, "  {}", word(lang, "compare-no-evidence"));
    }
    for e in &cell.evidence {
        let _ = writeln!(
            out,
            "  {} — {}",
            evidence_place(e, lang),
            evidence_word(lang, e)
        );
        let _ = writeln!(out, "    «{}»", one_line(&e.excerpt));
    }
    out.push('\n');
}

/// Text cut to `width` characters, with «…» where it was cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Text padded with spaces to `width` characters.
fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}
