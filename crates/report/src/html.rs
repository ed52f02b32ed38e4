//! One self-contained HTML file for a procurement officer: what was checked,
//! a summary per category with a small bar chart, and every rule with its
//! status, evidence and the requirement text to paste (with a copy button).
//!
//! Everything is inline (CSS, JS, SVG) and a Content-Security-Policy forbids
//! any fetch, because the file is mailed around and opened offline. Every text
//! from the tender or a rule set is escaped.

use super::RenderOptions;
use super::common::{self, Date};
use super::i18n::{self, label};
use crate::Lang;
use crate::findings::{CheckReport, RuleResult, Status};
use std::fmt::Write as _;

/// Escapes text for HTML element content and double-quoted attributes, without
/// the characters XML cannot hold (Word text has some). Not quick-xml's
/// `escape`: that writes `'` as `&apos;` (not HTML 4) and `\r` as `&#13;`, so
/// every report with an apostrophe in it would change.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in common::strip_xml_illegal(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The status class of a result, its outcome: drives colour and the status filter.
fn status_class(r: &RuleResult) -> &'static str {
    r.outcome().as_str()
}

const STYLE: &str = r#"
:root{--fg:#1d232b;--muted:#5b6573;--line:#d9dee5;--bg:#fff;--head:#f3f5f8;
--met:#1e7b34;--weak:#a15c00;--missing:#b3261e;--violation:#8e1b5a;--passed:#2e6e3f;--na:#7a8290;--waived:#596273}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg);margin:0;padding:24px 32px}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.6rem 0 .6rem}
.meta{color:var(--muted);margin:0 0 1rem}
.meta dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0}
.meta dt{font-weight:600;color:var(--fg)}.meta dd{margin:0}
.meta ul{margin:0;padding-left:1.1rem}
.cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:.4rem 0 1rem}
.card{border:1px solid var(--line);border-radius:6px;padding:.4rem .8rem;min-width:6.5rem}
.card b{display:block;font-size:1.35rem}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:.45rem .5rem;text-align:left;vertical-align:top}
th{background:var(--head);font-weight:600;position:sticky;top:0}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:999px;padding:.05rem .55rem;font-size:.82rem;font-weight:600;color:#fff;white-space:nowrap}
.s-met{background:var(--met)}.s-weak{background:var(--weak)}.s-missing{background:var(--missing)}
.s-violation{background:var(--violation)}.s-passed{background:var(--passed)}.s-not-applicable{background:var(--na)}.s-waived{background:var(--waived)}
.sev{font-size:.85rem;color:var(--muted)}.sev-error{color:var(--missing);font-weight:600}.sev-warning{color:var(--weak);font-weight:600}
.rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:nowrap}
.cat{color:var(--muted);font-size:.85rem}
.ev{margin:0 0 .4rem}.ev .loc{display:block;color:var(--muted);font-size:.82rem;font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.ev q{quotes:"«" "»"}
.msg{margin:0 0 .3rem}
.sugg mark{background:#fff3a3;padding:0 .15em;border-radius:2px}
.sugg{display:flex;gap:.5rem;align-items:flex-start}
.sugg p{margin:0;flex:1;background:#f6f8fa;border-left:3px solid #7a9cc6;padding:.35rem .5rem;white-space:pre-wrap}
button.copy{font:inherit;font-size:.82rem;border:1px solid var(--line);background:#fff;border-radius:4px;padding:.2rem .5rem;cursor:pointer}
button.copy:hover{background:var(--head)}
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin:.4rem 0 .8rem}
.filters label{font-weight:600}.filters select{font:inherit;padding:.15rem .3rem}
.count{color:var(--muted)}
.waiver{color:var(--waived);font-size:.88rem}
.legend{display:flex;flex-wrap:wrap;gap:.8rem;font-size:.82rem;color:var(--muted);margin:.4rem 0}
.legend i{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.25rem;vertical-align:-1px}
.error-file{color:var(--missing)}
ol.todo{padding-left:1.6rem}ol.todo li{margin:0 0 .5rem}ol.todo .shape{display:inline-block;width:1.1em;text-align:center}
ol.todo li.todo-error .shape,ol.todo li.todo-error b{color:var(--missing)}ol.todo li.todo-warning .shape,ol.todo li.todo-warning b{color:var(--weak)}
tr[hidden]{display:none}
@media print{
 body{padding:0;font-size:11pt}
 .filters,button.copy{display:none}
 th{position:static}
 tr{break-inside:avoid}
 .badge{color:#000;border:1px solid #000;background:none!important}
 a{color:inherit;text-decoration:none}
}
"#;

const SCRIPT: &str = r#"
(function(){
 var st=document.getElementById('f-status'),ca=document.getElementById('f-category'),
     rows=[].slice.call(document.querySelectorAll('#rules tbody tr')),cnt=document.getElementById('f-count');
 function apply(){
  var s=st.value,c=ca.value,n=0;
  rows.forEach(function(r){
   var ok=(s==='all'||(s==='failing'?r.dataset.failing==='1':r.dataset.status===s))&&(c==='all'||r.dataset.category===c);
   r.hidden=!ok;if(ok)n++;
  });
  cnt.textContent=n+' / '+rows.length;
 }
 st.addEventListener('change',apply);ca.addEventListener('change',apply);apply();
 function fallback(t){var a=document.createElement('textarea');a.value=t;a.setAttribute('readonly','');a.style.position='fixed';a.style.opacity='0';document.body.appendChild(a);a.select();try{document.execCommand('copy');}catch(e){}document.body.removeChild(a);}
 document.addEventListener('click',function(e){
  var b=e.target.closest('button.copy');if(!b)return;
  var t=document.getElementById(b.dataset.target).textContent;
  var done=function(){var o=b.textContent;b.textContent=b.dataset.copied;setTimeout(function(){b.textContent=o;},1500);};
  if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(t).then(done,function(){fallback(t);done();});}
  else{fallback(t);done();}
 });
})();
"#;

/// The segments of a category's bar: (outcome, colour variable).
const BAR: &[(&str, &str)] = &[
    ("met", "--met"),
    ("passed", "--passed"),
    ("weak", "--weak"),
    ("missing", "--missing"),
    ("violation", "--violation"),
    ("waived", "--waived"),
    ("not-applicable", "--na"),
];

/// An outcome's word (the class is the outcome's key).
fn status_label(class: &'static str, lang: Lang) -> String {
    i18n::word(lang, class).to_string()
}

/// A horizontal stacked bar of the results of one category, inline SVG.
fn bar(results: &[&RuleResult], lang: Lang) -> String {
    const W: f64 = 220.0;
    let total = results.len().max(1) as f64;
    let mut x = 0.0;
    let mut svg = format!(
        "<svg class=\"bar\" width=\"{W}\" height=\"14\" viewBox=\"0 0 {W} 14\" role=\"img\" aria-label=\""
    );
    let parts: Vec<(&str, usize)> = BAR
        .iter()
        .map(|(class, _)| {
            (
                *class,
                results.iter().filter(|r| status_class(r) == *class).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let label: Vec<String> = parts
        .iter()
        .map(|(c, n)| format!("{n} {}", status_label(c, lang)))
        .collect();
    let _ = write!(svg, "{}\">", esc(&label.join(", ")));
    let _ = write!(
        svg,
        "<rect width=\"{W}\" height=\"14\" rx=\"3\" fill=\"#eef0f3\"/>"
    );
    for (class, n) in parts {
        let w = W * n as f64 / total;
        let colour = BAR
            .iter()
            .find(|(c, _)| *c == class)
            .map(|(_, v)| *v)
            .unwrap_or("--na");
        let _ = write!(
            svg,
            "<rect x=\"{x:.1}\" width=\"{w:.1}\" height=\"14\" style=\"fill:var({colour})\"><title>{n} {}</title></rect>",
            esc(&status_label(class, lang))
        );
        x += w;
    }
    svg.push_str("</svg>");
    svg
}

fn evidence_html(report: &CheckReport, r: &RuleResult, lang: Lang) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<p class=\"msg\">{}</p>",
        esc(&common::outcome_message(r, lang))
    );
    if r.status == Status::Violation
        && let Some(rep) = &r.rule_info.replacement
    {
        let _ = write!(
            out,
            "<p class=\"msg\">{}: <b>{}</b></p>",
            esc(label(lang, "replacement")),
            esc(rep.get(lang).trim())
        );
    }
    if r.evidence.is_empty() {
        if !r.ok
            && let Some(main) = common::main_file(report)
        {
            let _ = write!(
                out,
                "<div class=\"ev\"><span class=\"loc\">{} ({})</span></div>",
                esc(&main),
                esc(label(lang, "whole-tender"))
            );
        }
        return out;
    }
    for e in common::shown_evidence(r, 5) {
        let why = if matches!(r.status, Status::Missing | Status::Weak) {
            format!(" ({})", common::evidence_word(lang, e))
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "<div class=\"ev\"><span class=\"loc\">{}</span><q>{}</q>{}</div>",
            esc(&common::evidence_place(e, lang)),
            esc(&common::one_line(&e.excerpt)),
            esc(&why)
        );
    }
    if r.evidence_total > 5 {
        let _ = write!(
            out,
            "<div class=\"ev cat\">… +{}</div>",
            r.evidence_total - 5
        );
    }
    if let Some(w) = &r.waiver {
        let _ = write!(
            out,
            "<div class=\"waiver\">{}: {}</div>",
            esc(label(lang, "waived")),
            esc(&w.reason)
        );
    }
    out
}

/// A suggestion with its placeholders highlighted: values to fill in before pasting.
fn placeholders_html(text: &str, lang: Lang) -> String {
    let fill_in = label(lang, "fill-in");
    crate::fixes::placeholder_parts(text)
        .into_iter()
        .map(|(t, placeholder)| {
            if placeholder {
                format!("<mark title=\"{}\">{}</mark>", esc(fill_in), esc(t))
            } else {
                esc(t)
            }
        })
        .collect()
}

pub(crate) fn render(report: &CheckReport, options: &RenderOptions<'_>) -> Vec<u8> {
    let lang = options.lang;
    let date = options.date.unwrap_or_else(crate::date::today);
    let mut out = String::new();
    head(&mut out, report, lang, date);
    todo(&mut out, report, lang);
    summary(&mut out, report, lang);
    matrix(&mut out, report, lang);
    let _ = write!(
        out,
        "</tbody></table>\n</section>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    out.into_bytes()
}

/// The document's head and the header: what was checked, with what, when.
fn head(out: &mut String, report: &CheckReport, lang: Lang, date: Date) {
    let w = |k| label(lang, k);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n{}\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
<meta name=\"generator\" content=\"{} {}\">\n<title>{} – {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        super::marker_comment(),
        lang.as_str(),
        esc(&report.tool.name),
        esc(&report.tool.version),
        esc(w("report-title")),
        date
    );

    // Header: what was checked, with what, when.
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<div class=\"meta\"><dl>\n<dt>{}</dt><dd>{date}</dd>\n<dt>{}</dt><dd><ul>",
        esc(w("report-title")),
        esc(w("date")),
        esc(w("rulesets"))
    );
    for s in &report.rulesets {
        let _ = write!(
            out,
            "<li><span class=\"rule\">{}@{}</span> – {}</li>",
            esc(&s.id),
            esc(&s.version),
            esc(s.titles.get(lang))
        );
    }
    let _ = write!(
        out,
        "</ul></dd>\n<dt>{}</dt><dd><ul>",
        esc(w("files-heading"))
    );
    for f in &report.files {
        match f.error.as_ref().map(|_| i18n::unreadable(f, lang)) {
            Some(e) => {
                let _ = write!(
                    out,
                    "<li class=\"error-file\">{}: {}</li>",
                    esc(&common::display_path(&f.path)),
                    esc(&e)
                );
            }
            None => {
                let _ = write!(out, "<li>{}</li>", esc(&common::display_path(&f.path)));
            }
        }
    }
    let _ = write!(
        out,
        "</ul></dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{} {}</dd>\n</dl></div>\n</header>\n",
        esc(w("language")),
        report.tender_language.as_str(),
        esc(w("tool")),
        esc(&report.tool.name),
        esc(&report.tool.version)
    );
    let _ = writeln!(
        out,
        "<p class=\"cat services\">{}</p>",
        esc(&common::services_statement(report, lang))
    );
    for n in &report.notices {
        let _ = writeln!(out, "<p class=\"cat\">{}</p>", esc(&i18n::notice(n, lang)));
    }
}

/// The counts per outcome and the table of categories with their bars: the
/// report's one tally (`findings::Summary`).
fn summary(out: &mut String, report: &CheckReport, lang: Lang) {
    let w = |k| label(lang, k);
    let s = &report.summary;
    let _ = write!(
        out,
        "<section id=\"summary\">\n<h2>{}</h2>\n<div class=\"cards\"><div class=\"card\"><b>{}</b>{}</div>",
        esc(w("summary")),
        s.rules,
        esc(i18n::word(lang, "rules"))
    );
    for (n, outcome) in s.counts() {
        let _ = write!(
            out,
            "<div class=\"card\" data-outcome=\"{}\"><b>{n}</b>{}</div>",
            outcome.as_str(),
            esc(common::outcome_word(lang, outcome))
        );
    }
    out.push_str("</div>\n<div class=\"legend\">");
    for (class, colour) in BAR {
        let _ = write!(
            out,
            "<span><i style=\"background:var({colour})\"></i>{}</span>",
            esc(&status_label(class, lang))
        );
    }
    let _ = write!(
        out,
        "</div>\n<table id=\"categories\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th></th></tr></thead><tbody>\n",
        esc(w("category")),
        esc(w("total")),
        esc(w("summary")),
        esc(i18n::word(lang, "to-fix"))
    );
    for c in &s.categories {
        let results: Vec<&RuleResult> = report
            .results
            .iter()
            .filter(|r| r.category == c.category)
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&i18n::category_title(report, &c.category, lang)),
            c.tally.rules,
            esc(&common::tally_words(&c.tally, lang, true)),
            c.tally.failed,
            bar(&results, lang)
        );
    }
    out.push_str("</tbody></table>\n</section>\n");
}

/// The failing results, most important first (`common::to_fix`): severity in
/// words and a shape, not only a colour, and the outcome's message. No links:
/// the report holds none (its test forbids `href`), and the table below has the rest.
fn todo(out: &mut String, report: &CheckReport, lang: Lang) {
    let list = common::to_fix(report);
    let _ = write!(
        out,
        "<section id=\"todo\">\n<h2>{} ({})</h2>\n",
        esc(i18n::word(lang, "todo-title")),
        list.len()
    );
    if list.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(i18n::word(lang, "todo-none")));
    } else {
        out.push_str("<ol class=\"todo\">\n");
        for r in list {
            let sev = common::severity_str(r.severity);
            let _ = writeln!(
                out,
                "<li class=\"todo-{sev}\"><span class=\"shape\" aria-hidden=\"true\">{}</span> <b>{}</b> <span class=\"rule\">{}</span> {} — <span class=\"badge s-{}\">{}</span><div class=\"cat\">{}</div></li>",
                severity_shape(r.severity),
                esc(common::severity_word(lang, r.severity)),
                esc(&r.rule),
                esc(r.rule_info.title.get(lang).trim()),
                status_class(r),
                esc(&common::status_word(r, lang)),
                esc(&common::outcome_message(r, lang))
            );
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

/// A shape per severity, so that severity is not told by colour alone.
fn severity_shape(s: crate::rules::Severity) -> &'static str {
    match s {
        crate::rules::Severity::Error => "■",
        crate::rules::Severity::Warning => "▲",
        crate::rules::Severity::Info => "●",
    }
}

/// The id of a result's row in the table (rule ids repeat across rule sets).
fn anchor(r: &RuleResult) -> String {
    format!("{}-{}", r.ruleset, r.rule)
}

/// The status and category filters and the table of every rule.
fn matrix(out: &mut String, report: &CheckReport, lang: Lang) {
    let w = |k| label(lang, k);
    let categories = common::categories(report);
    // Filters and the table of every rule.
    let _ = write!(
        out,
        "<section id=\"rules-section\">\n<h2>{}</h2>\n<div class=\"filters\"><label for=\"f-status\">{}</label><select id=\"f-status\">\
<option value=\"all\">{}</option><option value=\"failing\">{}</option>",
        esc(w("matrix")),
        esc(w("status")),
        esc(w("all")),
        esc(w("failing-only"))
    );
    for (class, _) in BAR {
        let _ = write!(
            out,
            "<option value=\"{class}\">{}</option>",
            esc(&status_label(class, lang))
        );
    }
    let _ = write!(
        out,
        "</select><label for=\"f-category\">{}</label><select id=\"f-category\"><option value=\"all\">{}</option>",
        esc(w("category")),
        esc(w("all"))
    );
    for c in &categories {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            esc(c),
            esc(&i18n::category_title(report, c, lang))
        );
    }
    let _ = write!(
        out,
        "</select><span class=\"count\" id=\"f-count\"></span></div>\n<table id=\"rules\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        esc(w("status")),
        esc(w("severity")),
        esc(w("rule")),
        esc(w("title")),
        esc(w("evidence")),
        esc(w("suggestion"))
    );
    // What there is to fix first, in the to-do list's order; then the rest in
    // rule-set order.
    let mut order = common::to_fix(report);
    order.extend(report.results.iter().filter(|r| !r.fails()));
    for (i, r) in order.iter().enumerate() {
        let class = status_class(r);
        let sev = common::severity_str(r.severity);
        let suggestion = match common::suggestion_raw(report, r) {
            Some(text) if !r.ok || r.waiver.is_some() => format!(
                "<div class=\"sugg\"><p id=\"sugg-{i}\">{}</p><button type=\"button\" class=\"copy\" data-target=\"sugg-{i}\" data-copied=\"{}\">{}</button></div>",
                placeholders_html(text, lang),
                esc(w("copied")),
                esc(w("copy"))
            ),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "<tr data-status=\"{class}\" id=\"r-{}\" data-category=\"{}\" data-failing=\"{}\"><td><span class=\"badge s-{class}\">{}</span></td>\
<td class=\"sev sev-{sev}\"><span aria-hidden=\"true\">{}</span> {}</td><td class=\"rule\" title=\"{}\">{}</td><td>{}<div class=\"cat\">{}</div></td><td>{}</td><td>{suggestion}</td></tr>",
            esc(&anchor(r)),
            esc(&r.category),
            u8::from(r.fails()),
            esc(&status_label(class, lang)),
            severity_shape(r.severity),
            esc(common::severity_word(lang, r.severity)),
            esc(&format!("{}@{}", r.ruleset, r.ruleset_version)),
            esc(&r.rule),
            esc(r.rule_info.title.get(lang).trim()),
            esc(&i18n::category_title(report, &r.category, lang)),
            evidence_html(report, r, lang)
        );
    }
}
