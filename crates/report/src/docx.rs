//! A Word report for the procurement file: title, what was checked, a summary,
//! and a compliance matrix (rule, title, status, severity, evidence, suggested
//! requirement text) that the team can edit and attach to the case.
//!
//! Written with docx-rs, which escapes text; characters XML 1.0 cannot hold
//! (Word text carries some) are stripped first, or Word refuses the file.

use super::RenderOptions;
use super::common::{self, strip_xml_illegal};
use super::i18n::{self, label};
use crate::Lang;
use crate::findings::{CheckReport, RuleResult, Status};
use docx_rs::{
    AlignmentType, Docx, PageOrientationType, Paragraph, Run, Shading, Style, StyleType, Table,
    TableCell, TableRow, WidthType,
};

/// Landscape A4 in twentieths of a point, one-inch margins.
const PAGE_W: u32 = 16_838;
const PAGE_H: u32 = 11_906;
/// Column widths of the matrix; they add up to the text width (16 838 − 2 × 1 440).
const MATRIX: [usize; 6] = [1_150, 2_300, 1_400, 1_100, 4_400, 3_608];

fn text(s: &str) -> String {
    strip_xml_illegal(s)
}

fn para(s: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text(s)))
}

fn heading(s: &str, level: usize) -> Paragraph {
    Paragraph::new()
        .style(if level == 1 { "Heading1" } else { "Heading2" })
        .add_run(Run::new().add_text(text(s)))
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    let mut c = TableCell::new().width(width, WidthType::Dxa);
    if paragraphs.is_empty() {
        c = c.add_paragraph(Paragraph::new());
    }
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c
}

fn header_row(labels: &[&str], widths: &[usize]) -> TableRow {
    TableRow::new(
        labels
            .iter()
            .zip(widths)
            .map(|(l, w)| {
                cell(
                    vec![Paragraph::new().add_run(Run::new().add_text(text(l)).bold())],
                    *w,
                )
                .shading(Shading::new().fill("D9DEE5"))
            })
            .collect(),
    )
}

/// Cell colour of a status: red for what fails, amber for weak, green for met.
fn status_fill(r: &RuleResult) -> &'static str {
    if r.waiver.is_some() || r.status == Status::NotApplicable {
        "E4E7EB"
    } else if r.ok && matches!(r.status, Status::Met | Status::Passed) {
        "CDEBD3"
    } else if r.status == Status::Weak {
        if r.ok { "FBEBC8" } else { "F8D9A8" }
    } else {
        "F5C6C2"
    }
}

fn matrix_row(report: &CheckReport, r: &RuleResult, lang: Lang) -> TableRow {
    let small = |s: &str| Paragraph::new().add_run(Run::new().add_text(text(s)).size(18));
    let mut evidence: Vec<Paragraph> = vec![small(&common::outcome_message(r, lang))];
    if r.evidence.is_empty()
        && !r.ok
        && let Some(main) = common::main_file(report)
    {
        evidence.push(small(&format!("{main} ({})", label(lang, "whole-tender"))));
    }
    for e in common::shown_evidence(r, 3) {
        evidence.push(
            Paragraph::new().add_run(
                Run::new()
                    .add_text(text(&common::evidence_place(e, lang)))
                    .size(16)
                    .color("5B6573"),
            ),
        );
        if e.review {
            evidence.push(small(&format!(
                "«{}» ({})",
                common::one_line(&e.excerpt),
                common::evidence_word(lang, e)
            )));
        } else {
            evidence.push(small(&format!("«{}»", common::one_line(&e.excerpt))));
        }
    }
    if r.evidence_total > 3 {
        evidence.push(small(&format!("… +{}", r.evidence_total - 3)));
    }
    if let Some(w) = &r.waiver {
        evidence.push(small(&format!("{}: {}", label(lang, "waived"), w.reason)));
    }
    let suggestion = match common::suggestion_raw(report, r) {
        Some(s) if !r.ok || r.waiver.is_some() => {
            // Placeholders are highlighted, as Word users mark what is still to fill in.
            let mut p = Paragraph::new();
            for (t, placeholder) in crate::fixes::placeholder_parts(s) {
                let run = Run::new().add_text(text(t)).size(18);
                p = p.add_run(if placeholder {
                    run.highlight("yellow")
                } else {
                    run
                });
            }
            vec![p]
        }
        _ => Vec::new(),
    };
    TableRow::new(vec![
        cell(vec![small(&r.rule)], MATRIX[0]),
        cell(
            vec![
                small(r.rule_info.title.get(lang).trim()),
                Paragraph::new().add_run(
                    Run::new()
                        .add_text(text(&i18n::category_title(report, &r.category, lang)))
                        .size(16)
                        .color("5B6573"),
                ),
            ],
            MATRIX[1],
        ),
        cell(vec![small(&common::status_word(r, lang))], MATRIX[2])
            .shading(Shading::new().fill(status_fill(r))),
        cell(
            vec![small(common::severity_word(lang, r.severity))],
            MATRIX[3],
        ),
        cell(evidence, MATRIX[4]),
        cell(suggestion, MATRIX[5]),
    ])
}

fn build(report: &CheckReport, options: &RenderOptions<'_>) -> Docx {
    let lang = options.lang;
    let w = |k| label(lang, k);
    let date = options.date.unwrap_or_else(crate::date::today);
    let doc = Docx::new()
        .custom_property(super::REPORT_MARKER, report.tool.version.clone())
        .page_size(PAGE_W, PAGE_H)
        .page_orient(PageOrientationType::Landscape);
    let mut doc = with_heading_styles(doc)
        .add_paragraph(heading(w("report-title"), 1))
        .add_paragraph(para(&format!(
            "{}: {date} · {} {}",
            w("date"),
            report.tool.name,
            report.tool.version
        )));

    doc = doc.add_paragraph(heading(w("rulesets"), 2));
    for s in &report.rulesets {
        doc = doc.add_paragraph(para(&format!(
            "{}@{} – {}",
            s.id,
            s.version,
            s.titles.get(lang)
        )));
    }
    doc = doc.add_paragraph(para(&common::services_statement_for(
        report,
        lang,
        common::ServicesChange::WordProperty,
    )));
    doc = doc.add_paragraph(heading(w("files-heading"), 2));
    for f in &report.files {
        let line = match f.error.as_ref().map(|_| i18n::unreadable(f, lang)) {
            Some(e) => format!("{}: {e}", common::display_path(&f.path)),
            None => common::display_path(&f.path),
        };
        doc = doc.add_paragraph(para(&line));
    }

    // What to fix, most important first; then the one tally, whole and per category.
    let to_fix = common::to_fix(report);
    doc = todo(doc, &to_fix, lang);
    doc = tally(doc, report, lang);

    // The compliance matrix: failing first, as in the HTML report.
    doc = doc.add_paragraph(heading(w("matrix"), 2));
    let mut order = to_fix;
    order.extend(report.results.iter().filter(|r| !r.fails()));
    let mut rows = vec![header_row(
        &[
            w("rule"),
            w("title"),
            w("status"),
            w("severity"),
            w("evidence"),
            w("suggestion"),
        ],
        &MATRIX,
    )];
    rows.extend(order.iter().map(|r| matrix_row(report, r, lang)));
    doc.add_table(Table::new(rows).set_grid(MATRIX.to_vec()))
}

/// The to-do list: the failing results, errors first (`common::to_fix`), severity
/// in words.
fn todo(mut doc: Docx, to_fix: &[&RuleResult], lang: Lang) -> Docx {
    doc = doc.add_paragraph(heading(
        &format!("{} ({})", i18n::word(lang, "todo-title"), to_fix.len()),
        2,
    ));
    if to_fix.is_empty() {
        doc = doc.add_paragraph(para(i18n::word(lang, "todo-none")));
    }
    for r in to_fix {
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(
                    Run::new()
                        .add_text(text(&format!(
                            "{} {} ",
                            common::severity_word(lang, r.severity),
                            r.rule
                        )))
                        .bold(),
                )
                .add_run(Run::new().add_text(text(&format!(
                    "{} — {}",
                    r.rule_info.title.get(lang).trim(),
                    common::status_word(r, lang)
                )))),
        );
    }
    doc
}

/// The one tally: the counts per outcome, then each category's.
fn tally(mut doc: Docx, report: &CheckReport, lang: Lang) -> Docx {
    let w = |k| label(lang, k);
    doc = doc.add_paragraph(heading(w("summary"), 2));
    let s = &report.summary;
    let rules_word = i18n::word(lang, "rules");
    let keys: Vec<(usize, &str)> = std::iter::once((s.rules, rules_word))
        .chain(
            s.counts()
                .into_iter()
                .map(|(n, o)| (n, common::outcome_word(lang, o))),
        )
        .collect();
    let widths = vec![1_744; keys.len()];
    let labels: Vec<&str> = keys.iter().map(|(_, k)| *k).collect();
    let counts = TableRow::new(
        keys.iter()
            .zip(&widths)
            .map(|((n, _), wd)| cell(vec![para(&n.to_string()).align(AlignmentType::Center)], *wd))
            .collect(),
    );
    doc = doc
        .add_table(Table::new(vec![header_row(&labels, &widths), counts]).set_grid(widths.clone()));
    doc = doc.add_paragraph(Paragraph::new());
    let cat_widths = vec![4_000, 1_000, 4_000, 1_000];
    let mut rows = vec![header_row(
        &[
            w("category"),
            w("total"),
            w("summary"),
            i18n::word(lang, "to-fix"),
        ],
        &cat_widths,
    )];
    for c in &s.categories {
        rows.push(TableRow::new(vec![
            cell(
                vec![para(&i18n::category_title(report, &c.category, lang))],
                cat_widths[0],
            ),
            cell(vec![para(&c.tally.rules.to_string())], cat_widths[1]),
            cell(
                vec![para(&common::tally_words(&c.tally, lang, true))],
                cat_widths[2],
            ),
            cell(vec![para(&c.tally.failed.to_string())], cat_widths[3]),
        ]));
    }
    doc = doc.add_table(Table::new(rows).set_grid(cat_widths));
    doc
}

/// The report as the bytes of a .docx file; empty if docx-rs fails to pack it
/// (it writes to memory, so only a bug in it could make it fail).
pub(crate) fn render(report: &CheckReport, options: &RenderOptions<'_>) -> Vec<u8> {
    let mut buffer = std::io::Cursor::new(Vec::new());
    match build(report, options).build().pack(&mut buffer) {
        Ok(()) => buffer.into_inner(),
        Err(_) => Vec::new(),
    }
}

/// The two heading styles the Word reports use (Word's own names, so its navigation
/// pane and table of contents see them).
pub(crate) fn with_heading_styles(doc: Docx) -> Docx {
    doc.add_style(
        Style::new("Heading1", StyleType::Paragraph)
            .name("Heading 1")
            .size(32)
            .bold()
            .outline_lvl(0),
    )
    .add_style(
        Style::new("Heading2", StyleType::Paragraph)
            .name("Heading 2")
            .size(26)
            .bold()
            .outline_lvl(1),
    )
}
