//! «Tillegg til kravspesifikasjon»: the rules a tender misses or states weakly,
//! as a requirement table in the shape tenders use (Krav-ID, Kravtekst, Type,
//! Kilde, Begrunnelse), grouped by category, in the tender's language, for the
//! procurement officer to paste into Bilag 1. Markdown and Word (docx-rs, as the
//! Word report) render the same [`Addendum`].
//!
//! The table is written so that tenderlint reads it back as binding: the
//! requirement text is the rule's suggestion, the type column says M where the
//! rule wants a binding requirement, and Kilde/Begrunnelse are columns the
//! engine reads as explanation, not as part of the requirement.

use super::RenderOptions;
use super::common::{self, strip_xml_illegal};
use crate::Lang;
use crate::findings::{CheckReport, RuleResult, Status};
use crate::rules::{Severity, Strength};
use crate::text::modality::{self, Modality};
use std::fmt::Write as _;

/// The id prefix when the user gives none: «TL-1», «TL-2» … stand out from the
/// tender's own numbering until someone renumbers them.
pub const DEFAULT_ID_PREFIX: &str = "TL-";

/// One requirement to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The requirement's id (`TL-…`, or as the tender numbers its requirements).
    pub id: String,
    /// The rule the requirement answers.
    pub rule: String,
    /// The requirement text to paste.
    pub text: String,
    /// `M` (minimum requirement, «skal») or `E` (evaluated, «bør»).
    pub kind: char,
    /// Where the recommendation comes from (the rule set's source).
    pub source: String,
    /// Why the requirement is there.
    pub rationale: String,
}

/// The requirements of one category.
#[derive(Debug, Clone)]
pub struct Group {
    /// The category's title.
    pub title: String,
    /// Its requirements.
    pub rows: Vec<Row>,
}

/// The whole addendum, in one language.
#[derive(Debug, Clone)]
pub struct Addendum {
    /// The language it is written in.
    pub lang: Lang,
    /// The requirements by category.
    pub groups: Vec<Group>,
}

/// A word of the addendum, in the tender's language.
fn word(lang: Lang, key: &'static str) -> &'static str {
    super::i18n::word(lang, key)
}

/// Whether a result belongs in the addendum: a `require` rule the tender misses
/// or states too weakly, not waived, with a text to suggest.
fn wanted(r: &RuleResult) -> bool {
    matches!(r.status, Status::Missing | Status::Weak)
        && !r.ok
        && r.waiver.is_none()
        && r.rule_info.suggestion.is_some()
}

/// M for a rule that wants a binding requirement or whose absence is an error;
/// otherwise what the suggested text itself says: «skal» M (also where the
/// reader takes «skal legge fram» for a plan: the type cell decides in a table),
/// «bør», an option or a question E.
fn kind(r: &RuleResult, text: &str) -> char {
    if r.strength == Some(Strength::Binding) || r.severity == Severity::Error {
        return 'M';
    }
    match modality::classify(&crate::text::normalize(text).text) {
        Modality::Binding | Modality::Future => 'M',
        _ => 'E',
    }
}

/// The rationale shortened to what fits a table cell: whole sentences up to
/// about 300 characters.
fn short_rationale(text: &str) -> String {
    let text = common::one_line(text);
    const ABOUT: usize = 300;
    if text.chars().count() <= ABOUT {
        return text;
    }
    let mut end = 0;
    for (i, _) in text.match_indices(". ") {
        if text[..i].chars().count() > ABOUT && end > 0 {
            break;
        }
        end = i + 1;
    }
    if end == 0 {
        let cut: String = text.chars().take(ABOUT).collect();
        return format!("{}…", cut.trim_end());
    }
    text[..end].to_string()
}

/// The addendum of a report: in the tender's language, ids `PREFIX1`, `PREFIX2` …
/// in category order.
pub fn addendum(report: &CheckReport, id_prefix: &str) -> Addendum {
    let lang = report.tender_language;
    let mut groups = Vec::new();
    let mut n = 0;
    for category in common::categories(report) {
        let mut rows = Vec::new();
        for r in report
            .results
            .iter()
            .filter(|r| r.category == category && wanted(r))
        {
            let Some(text) = r.rule_info.suggestion.as_ref().map(|s| s.get(lang).trim()) else {
                continue;
            };
            n += 1;
            let set_title = report
                .rulesets
                .iter()
                .find(|s| s.id == r.ruleset)
                .map_or(r.ruleset.as_str(), |s| s.title.as_str());
            let mut source = format!("{set_title}, {}", r.rule);
            if let Some(first) = r.rule_info.sources.first() {
                source.push_str(&format!(" – {}", first.url));
            }
            rows.push(Row {
                id: format!("{id_prefix}{n}"),
                rule: r.rule.clone(),
                text: common::one_line(text),
                kind: kind(r, text),
                source,
                rationale: short_rationale(r.rule_info.rationale.get(lang)),
            });
        }
        if !rows.is_empty() {
            groups.push(Group {
                title: super::i18n::category_title(report, category, lang),
                rows,
            });
        }
    }
    Addendum { lang, groups }
}

fn intro(report: &CheckReport, lang: Lang) -> String {
    let sets: Vec<String> = report
        .rulesets
        .iter()
        .map(|s| format!("{}@{}", s.id, s.version))
        .collect();
    word(lang, "addendum-intro")
        .replace("{version}", &report.tool.version)
        .replace("{sets}", &sets.join(", "))
}

fn headers(lang: Lang) -> [&'static str; 5] {
    [
        "addendum-id",
        "addendum-text",
        "addendum-type",
        "addendum-source",
        "addendum-rationale",
    ]
    .map(|k| word(lang, k))
}

/// The addendum as Markdown: a heading per category, one table each.
pub(crate) fn render_markdown(report: &CheckReport, options: &RenderOptions<'_>) -> Vec<u8> {
    let addendum = addendum(report, options.id_prefix);
    let lang = addendum.lang;
    let cell = common::markdown_cell;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", word(lang, "addendum-title"));
    let _ = writeln!(out, "{}\n", cell(&intro(report, lang)));
    if addendum.groups.is_empty() {
        let _ = writeln!(out, "{}", word(lang, "addendum-none"));
        return out.into_bytes();
    }
    let _ = writeln!(out, "{}\n", word(lang, "addendum-legend"));
    let h = headers(lang);
    for group in &addendum.groups {
        let _ = writeln!(out, "## {}\n", cell(&group.title));
        let _ = writeln!(out, "| {} |", h.join(" | "));
        out.push_str("|---|---|---|---|---|\n");
        for row in &group.rows {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                cell(&row.id),
                cell(&row.text),
                row.kind,
                cell(&row.source),
                cell(&row.rationale)
            );
        }
        out.push('\n');
    }
    out.into_bytes()
}

/// Column widths in twentieths of a point; they add up to the text width of
/// portrait A4 with one-inch margins (11 906 − 2 × 1 440).
const COLUMNS: [usize; 5] = [1_000, 3_900, 700, 1_700, 1_726];

/// The addendum as the bytes of a .docx file; empty if docx-rs fails to pack it
/// (it writes to memory, so only a bug in it could make it fail).
pub(crate) fn render_docx(report: &CheckReport, options: &RenderOptions<'_>) -> Vec<u8> {
    use docx_rs::{Docx, Paragraph, Run, Shading, Table, TableCell, TableRow};
    let addendum = addendum(report, options.id_prefix);
    let lang = addendum.lang;
    let run = |s: &str| Run::new().add_text(strip_xml_illegal(s));
    let para = |s: &str| Paragraph::new().add_run(run(s));
    let heading = |s: &str, style: &str| Paragraph::new().style(style).add_run(run(s));
    let cell = |p: Paragraph, width: usize| {
        TableCell::new()
            .width(width, docx_rs::WidthType::Dxa)
            .add_paragraph(p)
    };
    let mut doc = crate::docx::with_heading_styles(Docx::new())
        .add_paragraph(heading(word(lang, "addendum-title"), "Heading1"))
        .add_paragraph(para(&intro(report, lang)));
    if addendum.groups.is_empty() {
        doc = doc.add_paragraph(para(word(lang, "addendum-none")));
    } else {
        doc = doc.add_paragraph(para(word(lang, "addendum-legend")));
    }
    let h = headers(lang);
    for group in &addendum.groups {
        doc = doc.add_paragraph(heading(&group.title, "Heading2"));
        let mut rows = vec![TableRow::new(
            h.iter()
                .zip(COLUMNS)
                .map(|(label, w)| {
                    cell(Paragraph::new().add_run(run(label).bold()), w)
                        .shading(Shading::new().fill("D9DEE5"))
                })
                .collect(),
        )];
        for row in &group.rows {
            let small = |s: &str| Paragraph::new().add_run(run(s).size(18));
            rows.push(TableRow::new(vec![
                cell(small(&row.id), COLUMNS[0]),
                cell(small(&row.text), COLUMNS[1]),
                cell(small(&row.kind.to_string()), COLUMNS[2]),
                cell(small(&row.source), COLUMNS[3]),
                cell(small(&row.rationale), COLUMNS[4]),
            ]));
        }
        doc = doc.add_table(Table::new(rows).set_grid(COLUMNS.to_vec()));
    }
    let mut buffer = std::io::Cursor::new(Vec::new());
    match doc.build().pack(&mut buffer) {
        Ok(()) => buffer.into_inner(),
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rationale_is_cut_at_a_sentence() {
        let long = "Første setning er her. ".repeat(30);
        let short = short_rationale(&long);
        assert!(short.ends_with('.'));
        assert!(short.chars().count() <= 330, "{}", short.len());
        assert_eq!(short_rationale("Kort."), "Kort.");
    }

    #[test]
    fn column_titles_are_in_the_tenders_language() {
        assert_eq!(word(Lang::Nn, "addendum-source"), "Kjelde");
        assert_eq!(headers(Lang::En)[0], "Req. ID");
    }
}
