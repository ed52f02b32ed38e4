//! The comparison as one self-contained HTML heat-map: rules down, tenders
//! across, each cell in its outcome's colour *and* word (never colour alone), the
//! table sortable by any column, and each cell one click from that tender's
//! evidence. It is mailed around and printed, so everything is inline, a
//! Content-Security-Policy forbids any fetch, and printing opens the evidence.

use super::{binding_share, category_title, cell_word, figure, outcome_fill};
use super::{deviation, tender_figures, waivers};
use crate::common::{evidence_place, evidence_word, one_line, severity_word};
use crate::findings::Outcome;
use crate::html::esc;
use crate::i18n::word;
use crate::{Lang, RenderOptions};
use std::fmt::Write as _;
use tenderlint_core::compare::{CompareCell, CompareRow, Comparison};

const STYLE: &str = r#"
:root{--fg:#1d232b;--muted:#5b6573;--line:#c9d0d9;--head:#f3f5f8}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);margin:0;padding:24px 32px}
h1{font-size:1.5rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin:1.6rem 0 .6rem}h3{font-size:1rem;margin:.8rem 0 .3rem}
.meta{color:var(--muted);margin:0 0 .8rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;font-size:.85rem;margin:.4rem 0;padding:0;list-style:none}
.legend i{display:inline-block;width:.9rem;height:.9rem;border:1px solid var(--line);margin-right:.3rem;vertical-align:-2px}
.notes{font-size:.85rem;color:var(--muted);margin:.3rem 0 1rem;padding-left:1.1rem}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
thead th{background:var(--head);position:sticky;top:0}
thead button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer;color:inherit;text-align:left}
thead button::after{content:" ↕";color:var(--muted)}
th[aria-sort=ascending] button::after{content:" ↑"}th[aria-sort=descending] button::after{content:" ↓"}
.rule{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}
td.cell{white-space:nowrap}td.cell a{color:var(--fg)}
.dev{font-size:.8rem;font-weight:600}
.cat{font-size:.85rem;color:var(--muted)}
tfoot th,tfoot td{background:var(--head)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
details{border-top:1px solid var(--line);padding:.3rem 0}summary{cursor:pointer;font-weight:600}
.ev{margin:.2rem 0 .4rem}.ev .loc{display:block;color:var(--muted);font-size:.82rem;overflow-wrap:anywhere}
.ev q{quotes:"«" "»"}
@media print{body{padding:0;font-size:10pt}.scroll{overflow:visible}thead th{position:static}thead button::after{content:""}a{text-decoration:none}th,td{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
"#;

// Sorting keeps the evidence one click away: each cell's link names its section,
// which opens wherever the reader arrives from (a click, a bookmark, print).
const SCRIPT: &str = r#"
(function(){
var table=document.getElementById('matrix');if(!table)return;var body=table.tBodies[0];
table.querySelectorAll('thead button').forEach(function(b){b.addEventListener('click',function(){
var th=b.parentElement,col=th.cellIndex,dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
table.querySelectorAll('thead th').forEach(function(h){h.removeAttribute('aria-sort')});th.setAttribute('aria-sort',dir);
var rows=Array.prototype.slice.call(body.rows);
rows.sort(function(a,b){var x=a.cells[col].getAttribute('data-sort'),y=b.cells[col].getAttribute('data-sort');
var c=(x!==''&&y!==''&&!isNaN(x)&&!isNaN(y))?x-y:x.localeCompare(y,document.documentElement.lang);return dir==='ascending'?c:-c;});
rows.forEach(function(r){body.appendChild(r)});});});
function arrive(){var id=decodeURIComponent(location.hash.slice(1)),el=id&&document.getElementById(id);if(!el)return;
var d=el.closest('details');if(d)d.open=true;el.scrollIntoView();}
window.addEventListener('hashchange',arrive);arrive();
window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})});
})();
"#;

/// Worst first, so sorting a tender's column puts what it lacks on top.
fn outcome_rank(cell: Option<&CompareCell>) -> usize {
    match cell.map(|c| c.outcome) {
        Some(Outcome::Violation) => 0,
        Some(Outcome::Missing) => 1,
        Some(Outcome::Weak) => 2,
        Some(Outcome::Waived) => 3,
        Some(Outcome::Met) => 4,
        Some(Outcome::Passed) => 5,
        Some(Outcome::NotApplicable) => 6,
        None => 7,
    }
}

pub(super) fn render(comparison: &Comparison, options: &RenderOptions<'_>) -> Vec<u8> {
    let lang = options.lang;
    let date = options.date.unwrap_or_else(crate::date::today);
    let title = word(lang, "compare-title").replace("{n}", &comparison.tenders.len().to_string());
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n{}\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
<title>{} – {date}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n<p class=\"meta\">{date}</p>\n",
        crate::marker_comment(),
        lang.as_str(),
        esc(&title),
        esc(&title),
    );
    legend(&mut out, lang);
    matrix(&mut out, comparison, lang);
    lists(&mut out, comparison, lang);
    evidence(&mut out, comparison, lang);
    let _ = write!(
        out,
        "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    out.into_bytes()
}

fn legend(out: &mut String, lang: Lang) {
    out.push_str("<ul class=\"legend\">");
    for outcome in Outcome::ALL {
        let _ = write!(
            out,
            "<li><i style=\"background:#{:06X}\"></i>{}</li>",
            outcome_fill(Some(outcome)),
            esc(crate::common::outcome_word(lang, outcome))
        );
    }
    out.push_str("</ul>\n<ul class=\"notes\">");
    for key in [
        "compare-legend-disagree",
        "compare-legend-binding",
        "compare-legend-absent",
        "compare-legend-distance",
    ] {
        let _ = write!(out, "<li>{}</li>", esc(word(lang, key)));
    }
    out.push_str("</ul>\n");
}

fn matrix(out: &mut String, comparison: &Comparison, lang: Lang) {
    let sortable = |out: &mut String, label: &str| {
        let _ = write!(
            out,
            "<th scope=\"col\"><button type=\"button\">{}</button></th>",
            esc(label)
        );
    };
    let _ = write!(
        out,
        "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">\n<table id=\"matrix\">\n<thead><tr>",
        esc(word(lang, "compare-sheet-matrix"))
    );
    for key in ["rule", "title", "category"] {
        sortable(out, word(lang, key));
    }
    for t in &comparison.tenders {
        sortable(out, &t.name);
    }
    for key in ["severity", "compare-binding", "compare-disagree"] {
        sortable(out, word(lang, key));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    // The comparison's order is by category; a row's place is also its evidence's anchor.
    for (index, row) in comparison.rules.iter().enumerate() {
        matrix_row(out, comparison, row, index, lang);
    }
    out.push_str("</tbody>\n<tfoot>\n");
    for (label, values) in tender_figures(comparison, lang) {
        let _ = write!(
            out,
            "<tr><th scope=\"row\" colspan=\"3\">{}</th>",
            esc(label)
        );
        for v in values {
            let _ = write!(out, "<td class=\"num\">{}</td>", figure(v));
        }
        out.push_str("<td colspan=\"3\"></td></tr>\n");
    }
    out.push_str("</tfoot>\n</table>\n</div>\n");
}

fn matrix_row(
    out: &mut String,
    comparison: &Comparison,
    row: &CompareRow,
    index: usize,
    lang: Lang,
) {
    let _ = write!(
        out,
        "<tr><th scope=\"row\" class=\"rule\" data-sort=\"{}\">{}</th><td data-sort=\"{}\">{}</td><td class=\"cat\" data-sort=\"{index}\">{}</td>",
        esc(&row.rule),
        esc(&row.rule),
        esc(row.rule_info.title.get(lang)),
        esc(row.rule_info.title.get(lang)),
        esc(&category_title(comparison, row, lang)),
    );
    for (column, cell) in row.cells.iter().enumerate() {
        let cell = cell.as_ref();
        let _ = write!(
            out,
            "<td class=\"cell\" style=\"background:#{:06X}\" data-sort=\"{}\">",
            outcome_fill(cell.map(|c| c.outcome)),
            outcome_rank(cell)
        );
        let words = esc(cell_word(cell, lang));
        match cell {
            Some(c) => {
                let _ = write!(out, "<a href=\"#r{index}-t{column}\">{words}</a>");
                if c.deviation.is_some() {
                    let _ = write!(
                        out,
                        " <span class=\"dev\">· {}</span>",
                        esc(word(lang, "compare-deviation"))
                    );
                }
            }
            None => out.push_str(&words),
        }
        out.push_str("</td>");
    }
    let disagree = if row.disagree {
        word(lang, "compare-yes")
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "<td data-sort=\"{}\">{}</td><td class=\"num\" data-sort=\"{}\">{}</td><td data-sort=\"{}\">{}</td></tr>",
        row.severity as u8,
        esc(severity_word(lang, row.severity)),
        row.binding,
        esc(&binding_share(row)),
        u8::from(row.disagree),
        esc(disagree),
    );
}

/// Waivers and the members' deviations from the region, each with its reason.
fn lists(out: &mut String, comparison: &Comparison, lang: Lang) {
    let waived = waivers(comparison);
    if !waived.is_empty() {
        let _ = write!(out, "<h2>{}</h2>\n<ul>", esc(word(lang, "compare-waivers")));
        for (tender, row, reason) in waived {
            let _ = write!(
                out,
                "<li>{} <span class=\"rule\">{}</span>: {}</li>",
                esc(tender),
                esc(&row.rule),
                esc(&one_line(reason))
            );
        }
        out.push_str("</ul>\n");
    }
    let deviations = deviation::list(comparison);
    if !deviations.is_empty() {
        let _ = write!(
            out,
            "<h2>{}</h2>\n<ul>",
            esc(word(lang, "compare-deviations"))
        );
        for (tender, d) in deviations {
            let _ = write!(
                out,
                "<li>{} <span class=\"rule\">{}</span>: {}</li>",
                esc(tender),
                esc(&d.rule),
                esc(&deviation::sentence(d, lang))
            );
        }
        out.push_str("</ul>\n");
    }
}

/// Per rule, a closed section with each tender's outcome and evidence.
fn evidence(out: &mut String, comparison: &Comparison, lang: Lang) {
    let _ = writeln!(
        out,
        "<h2>{}</h2>",
        esc(word(lang, "compare-sheet-evidence"))
    );
    for (index, row) in comparison.rules.iter().enumerate() {
        let _ = writeln!(
            out,
            "<details id=\"r{index}\"><summary><span class=\"rule\">{}</span> – {}</summary>",
            esc(&row.rule),
            esc(row.rule_info.title.get(lang))
        );
        for (column, (tender, cell)) in comparison.tenders.iter().zip(&row.cells).enumerate() {
            let Some(cell) = cell else { continue };
            let _ = write!(
                out,
                "<section id=\"r{index}-t{column}\"><h3>{}: {}</h3>",
                esc(&tender.name),
                esc(cell_word(Some(cell), lang))
            );
            let shown: Vec<_> = cell.evidence.iter().collect();
            if shown.is_empty() {
                let _ = write!(
                    out,
                    "<p class=\"ev\">{}</p>",
                    esc(word(lang, "compare-no-evidence"))
                );
            }
            for e in shown {
                let _ = write!(
                    out,
                    "<p class=\"ev\"><span class=\"loc\">{} · {}</span><q>{}</q></p>",
                    esc(evidence_word(lang, e)),
                    esc(&evidence_place(e, lang)),
                    esc(&one_line(&e.excerpt))
                );
            }
            if let Some(w) = &cell.waiver {
                let _ = write!(
                    out,
                    "<p>{}: {}</p>",
                    esc(word(lang, "compare-reason")),
                    esc(&w.reason)
                );
            }
            if let Some(d) = &cell.deviation {
                let _ = write!(
                    out,
                    "<p><strong>{}</strong>: {}</p>",
                    esc(word(lang, "compare-deviation")),
                    esc(&deviation::sentence(d, lang))
                );
            }
            out.push_str("</section>\n");
        }
        out.push_str("</details>\n");
    }
}
