//! The comparison as a workbook, the coordinator's tool of choice: the sheet
//! «Matrise» (rules down, tenders across, each cell its outcome word on its
//! colour, the header row and the rule columns frozen) and the sheet «Belegg»
//! (one row per piece of evidence: tender, rule, status, file, place, excerpt,
//! and a waiver's reason).

use super::{binding_share, category_title, cell_word, outcome_fill, tender_figures};
use crate::Lang;
use crate::common::{location, one_line, severity_word, strip_xml_illegal};
use crate::i18n::word;
use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, Note, Workbook, Worksheet};
use tenderlint_core::compare::Comparison;

pub use rust_xlsxwriter::XlsxError;

/// Columns before the tenders' in «Matrise»: the rule and its title.
const RULE_COLUMNS: u16 = 2;

pub(super) fn render(
    comparison: &Comparison,
    lang: Lang,
    date: crate::date::Date,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let n = comparison.tenders.len().to_string();
    // The day the caller says, not the clock's: the same input gives the same file.
    let created = ExcelDateTime::from_ymd(
        u16::try_from(date.year()).unwrap_or(2000),
        date.month().unsigned_abs(),
        date.day().unsigned_abs(),
    )?;
    book.set_properties(
        &DocProperties::new()
            .set_title(word(lang, "compare-title").replace("{n}", &n))
            .set_creation_datetime(&created),
    );
    matrix(book.add_worksheet(), comparison, lang)?;
    evidence(book.add_worksheet(), comparison, lang)?;
    book.save_to_buffer()
}

fn header_style() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x00D9_D9D9))
}

fn matrix(sheet: &mut Worksheet, comparison: &Comparison, lang: Lang) -> Result<(), XlsxError> {
    sheet.set_name(word(lang, "compare-sheet-matrix"))?;
    let header = header_style();
    let tenders = comparison.tenders.len() as u16;
    let after = RULE_COLUMNS + tenders;
    let titles = [
        (0, word(lang, "rule")),
        (1, word(lang, "title")),
        (after, word(lang, "category")),
        (after + 1, word(lang, "severity")),
        (after + 2, word(lang, "compare-binding")),
        (after + 3, word(lang, "compare-disagree")),
    ];
    for (column, title) in titles {
        sheet.write_string_with_format(0, column, title, &header)?;
    }
    for (i, t) in comparison.tenders.iter().enumerate() {
        sheet.write_string_with_format(0, RULE_COLUMNS + i as u16, text(&t.name), &header)?;
    }
    let mut at = 1;
    for row in &comparison.rules {
        sheet.write_string(at, 0, text(&row.rule))?;
        sheet.write_string(at, 1, text(row.rule_info.title.get(lang)))?;
        for (i, cell) in row.cells.iter().enumerate() {
            let fill = Format::new()
                .set_background_color(Color::RGB(outcome_fill(cell.as_ref().map(|c| c.outcome))));
            let column = RULE_COLUMNS + i as u16;
            sheet.write_string_with_format(at, column, cell_word(cell.as_ref(), lang), &fill)?;
            // A member's deviation from the region is a note on its cell, the reason in it.
            if let Some(d) = cell.as_ref().and_then(|c| c.deviation.as_ref()) {
                let note = format!(
                    "{}: {}",
                    word(lang, "compare-deviation"),
                    super::deviation::sentence(d, lang)
                );
                sheet.insert_note(at, column, &Note::new(text(&note)).add_author_prefix(false))?;
            }
        }
        sheet.write_string(at, after, category_title(comparison, row, lang))?;
        sheet.write_string(at, after + 1, severity_word(lang, row.severity))?;
        let share = binding_share(row);
        if !share.is_empty() {
            sheet.write_string(at, after + 2, share)?;
        }
        if row.disagree {
            sheet.write_string(at, after + 3, word(lang, "compare-yes"))?;
        }
        at += 1;
    }
    // Sorting and filtering by any column is what a coordinator does first
    // (every rule one member lacks); the figures below stay out of it.
    if at > 1 {
        sheet.autofilter(0, 0, at - 1, after + 3)?;
    }
    at += 1;
    for (label, values) in tender_figures(comparison, lang) {
        sheet.write_string_with_format(at, 1, label, &header)?;
        for (i, value) in values.into_iter().enumerate() {
            if let Some(v) = value {
                sheet.write_number(at, RULE_COLUMNS + i as u16, v as f64)?;
            }
        }
        at += 1;
    }
    sheet.set_column_width(0, 16)?;
    sheet.set_column_width(1, 48)?;
    for i in 0..tenders {
        sheet.set_column_width(RULE_COLUMNS + i, 14)?;
    }
    sheet.set_column_width(after, 32)?;
    sheet.set_freeze_panes(1, RULE_COLUMNS)?;
    Ok(())
}

fn evidence(sheet: &mut Worksheet, comparison: &Comparison, lang: Lang) -> Result<(), XlsxError> {
    sheet.set_name(word(lang, "compare-sheet-evidence"))?;
    let header = header_style();
    let titles = [
        word(lang, "compare-tender"),
        word(lang, "rule"),
        word(lang, "status"),
        word(lang, "compare-file"),
        word(lang, "compare-place"),
        word(lang, "compare-excerpt"),
        word(lang, "compare-reason"),
    ];
    for (column, title) in titles.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, *title, &header)?;
    }
    let mut at = 1;
    for row in &comparison.rules {
        for (tender, cell) in comparison.tenders.iter().zip(&row.cells) {
            let Some(cell) = cell else { continue };
            let status = crate::common::outcome_word(lang, cell.outcome);
            let reason = cell.waiver.as_ref().map(|w| text(&w.reason));
            let mut line = |file: &str, place: &str, excerpt: &str| -> Result<(), XlsxError> {
                let values = [&*tender.name, &*row.rule, status, file, place, excerpt];
                for (column, value) in values.into_iter().enumerate() {
                    sheet.write_string(at, column as u16, text(value))?;
                }
                if let Some(r) = &reason {
                    sheet.write_string(at, 6, r)?;
                }
                at += 1;
                Ok(())
            };
            let shown: Vec<_> = cell.evidence.iter().filter(|e| !e.review).collect();
            if shown.is_empty() && reason.is_some() {
                line("", "", "")?;
            }
            for e in shown {
                line(&e.file, &location(e, lang), &one_line(&e.excerpt))?;
            }
        }
    }
    for (column, width) in [
        (0, 20),
        (1, 16),
        (2, 12),
        (3, 28),
        (4, 28),
        (5, 80),
        (6, 40),
    ] {
        sheet.set_column_width(column, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Text a cell can hold: Word text carries characters XML cannot, and a cell
/// holds at most 32 767 characters.
fn text(s: &str) -> String {
    strip_xml_illegal(s).chars().take(32_767).collect()
}
