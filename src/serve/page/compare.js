// tenderlint's page: «Sammenlign» (issue 28). Tenders are added one by one, each
// a name and its files; the checker compares them (`tenderlint serve`:
// POST /api/compare) and the page shows the matrix — rules down, tenders across,
// each cell its outcome's word on its colour — and downloads the workbook or the
// heat-map. Loaded after words.js, whose `WORDS` it adds to, and app.js, whose
// `page`, `t`, `el`, `$` and `checker` it uses.
"use strict";

Object.assign(WORDS.nb, {
  "compare-title": "Sammenlign konkurransegrunnlag",
  "compare-intro": "Legg til konkurransegrunnlagene ett om gangen, hvert med sine filer, og se dem side om side: hvilke krav hvert av dem stiller, og hvor dere er uenige.",
  "compare-name": "Navn på konkurransegrunnlaget",
  "compare-choose": "Velg filene (.docx, .md)",
  "compare-add": "Legg til",
  "compare-run": "Sammenlign",
  "compare-files": "{n} fil(er)",
  "compare-need-files": "Gi konkurransegrunnlaget et navn og velg filene først.",
  "compare-need-two": "Legg til minst to konkurransegrunnlag.",
  "compare-added": "{name} er lagt til.",
  "compare-checking": "Sjekker {n} konkurransegrunnlag …",
  "compare-done": "Ferdig: {n} konkurransegrunnlag side om side.",
  "compare-rule": "Regel", "compare-rule-title": "Tittel", "compare-disagree": "Uenige", "compare-yes": "ja",
  "compare-xlsx": "Last ned regnearket (XLSX)", "compare-html": "Last ned varmekartet (HTML)",
});
Object.assign(WORDS.nn, {
  "compare-title": "Samanlikn konkurransegrunnlag",
  "compare-intro": "Legg til konkurransegrunnlaga eitt om gongen, kvart med sine filer, og sjå dei side om side: kva krav kvart av dei stiller, og kvar de er usamde.",
  "compare-name": "Namn på konkurransegrunnlaget",
  "compare-choose": "Vel filene (.docx, .md)",
  "compare-add": "Legg til",
  "compare-run": "Samanlikn",
  "compare-files": "{n} fil(er)",
  "compare-need-files": "Gje konkurransegrunnlaget eit namn og vel filene først.",
  "compare-need-two": "Legg til minst to konkurransegrunnlag.",
  "compare-added": "{name} er lagt til.",
  "compare-checking": "Sjekkar {n} konkurransegrunnlag …",
  "compare-done": "Ferdig: {n} konkurransegrunnlag side om side.",
  "compare-rule": "Regel", "compare-rule-title": "Tittel", "compare-disagree": "Usamde", "compare-yes": "ja",
  "compare-xlsx": "Last ned reknearket (XLSX)", "compare-html": "Last ned varmekartet (HTML)",
});
Object.assign(WORDS.en, {
  "compare-title": "Compare tenders",
  "compare-intro": "Add the tenders one at a time, each with its files, and see them side by side: what each requires, and where you disagree.",
  "compare-name": "Name of the tender",
  "compare-choose": "Choose its files (.docx, .md)",
  "compare-add": "Add",
  "compare-run": "Compare",
  "compare-files": "{n} file(s)",
  "compare-need-files": "Name the tender and choose its files first.",
  "compare-need-two": "Add at least two tenders.",
  "compare-added": "{name} added.",
  "compare-checking": "Checking {n} tenders …",
  "compare-done": "Done: {n} tenders side by side.",
  "compare-rule": "Rule", "compare-rule-title": "Title", "compare-disagree": "Disagree", "compare-yes": "yes",
  "compare-xlsx": "Download the workbook (XLSX)", "compare-html": "Download the heat-map (HTML)",
});

const comparing = {
  tenders: [],      // { name, files } in the order added
  chosen: [],       // the files chosen for the next tender
  answer: null,     // the last comparison (JSON)
};

function compareSay(message) {
  const status = $("#compare-status");
  status.textContent = "";
  window.setTimeout(() => { status.textContent = message; }, 30);
}

function renderTenders() {
  const list = $("#compare-list");
  list.replaceChildren();
  comparing.tenders.forEach((tender, index) => {
    const remove = el("button", { type: "button", class: "link", text: t("remove") });
    remove.setAttribute("aria-label", t("remove") + " " + tender.name);
    remove.addEventListener("click", () => {
      comparing.tenders.splice(index, 1);
      renderTenders();
      $("#compare-name").focus();
    });
    list.append(el("li", null, el("strong", { text: tender.name }), " · " + t("compare-files", { n: tender.files.length }) + " ", remove));
  });
  $("#compare-chosen").textContent = comparing.chosen.map((f) => f.name).join(", ");
}

function addTender() {
  const name = $("#compare-name").value.trim();
  if (!name || !comparing.chosen.length) {
    problem(t("compare-need-files"));
    return;
  }
  problem("");
  comparing.tenders.push({ name, files: comparing.chosen });
  comparing.chosen = [];
  $("#compare-name").value = "";
  renderTenders();
  compareSay(t("compare-added", { name }));
  $("#compare-name").focus();
}

function renderMatrix(answer) {
  const names = answer.tenders.map((tender) => tender.name);
  const head = el("tr", null,
    el("th", { scope: "col", text: t("compare-rule") }),
    el("th", { scope: "col", text: t("compare-rule-title") }),
    ...names.map((name) => el("th", { scope: "col", text: name })),
    el("th", { scope: "col", text: t("compare-disagree") }));
  const rows = answer.rules.map((row) => el("tr", null,
    el("th", { scope: "row", class: "rule", text: row.rule }),
    el("td", { text: row.title }),
    ...row.cells.map((cell) => cell
      ? el("td", { class: "cell o-" + cell.outcome, text: t("outcome-" + cell.outcome) })
      : el("td", { class: "cell", text: "—" })),
    el("td", { text: row.disagree ? t("compare-yes") : "" })));
  const table = el("table", { id: "compare-table" }, el("thead", null, head), el("tbody", null, ...rows));
  const matrix = $("#compare-matrix");
  matrix.replaceChildren(table);
  matrix.hidden = false;
  for (const button of document.querySelectorAll("button.compare-download")) button.hidden = false;
}

async function runComparison(format) {
  if (comparing.tenders.length < 2) {
    problem(t("compare-need-two"));
    return;
  }
  problem("");
  compareSay(t("compare-checking", { n: comparing.tenders.length }));
  let answer;
  try {
    answer = await checker.compare(comparing.tenders, format, page.lang);
  } catch (e) {
    problem(checker.unreachable(e));
    compareSay("");
    return;
  }
  if (answer.error) {
    problem(t("error", { error: answer.error }));
    compareSay("");
    return;
  }
  if (format === "json") {
    comparing.answer = JSON.parse(answer.text);
    renderMatrix(comparing.answer);
    compareSay(t("compare-done", { n: comparing.tenders.length }));
    return;
  }
  const url = URL.createObjectURL(answer.blob);
  const link = el("a", { href: url, download: answer.name });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10000);
  compareSay(t("downloaded"));
}

function wireComparison() {
  const input = $("#compare-files");
  input.addEventListener("change", () => {
    comparing.chosen = Array.from(input.files);
    input.value = "";
    renderTenders();
  });
  $("#compare-add").addEventListener("click", addTender);
  $("#compare-run").addEventListener("click", () => runComparison("json"));
  for (const button of document.querySelectorAll("button.compare-download")) {
    button.addEventListener("click", () => runComparison(button.dataset.format));
  }
  // The matrix's words follow the page's language.
  $("#lang").addEventListener("change", () => {
    renderTenders();
    if (comparing.answer) runComparison("json");
  });
}

// After app.js has chosen its checker (the static page's is set when it starts).
document.addEventListener("DOMContentLoaded", () => window.setTimeout(wireComparison, 0));
