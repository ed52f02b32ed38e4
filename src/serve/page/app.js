// tenderlint serve: the page's behaviour. No framework and no network beyond
// this server (the CSP forbids it); nothing is stored in the browser.
"use strict";

const WORDS = {
  nb: {
    "coverage-binding": "bindende krav", "coverage-weak": "svakt krav", "coverage-negated": "holdt utenfor",
    "possibly-covered": "mulig dekket — sjekk",
    "coverage-non-normative": "bakgrunnstekst, ikke et krav", "coverage-descriptive": "beskrivelse, ikke et krav",
    "coverage-violation": "her",
    "coverage-conditional": "betinget krav", "coverage-evaluated": "evalueres, kreves ikke",
    "coverage-redefined": "definert annerledes i konkurransegrunnlaget",
    "coverage-excluded": "ikke temaet konkurransegrunnlaget holder utenfor",
    "skip": "Hopp til resultatet",
    "language": "Språk",
    "title": "Sjekk konkurransegrunnlaget mot KS «Felles journalløft»",
    "intro": "Legg inn Word- eller Markdown-filene i anskaffelsen. Flere filer regnes som ett konkurransegrunnlag. Filene leses bare på denne maskinen og lagres ikke.",
    "drop": "Slipp filene her, eller",
    "choose": "Velg filer (.docx, .md)",
    "clear": "Fjern alle filene",
    "remove": "Fjern",
    "services": "Tjenester anskaffelsen gjelder",
    "services-hint": "Velger du ingen, finner tenderlint dem i teksten.",
    "run": "Sjekk filene",
    "result": "Resultat",
    "by-category": "Per kategori",
    "download": "Last ned rapporten",
    "download-docx": "Word",
    "download-html": "HTML",
    "download-json": "JSON",
    "download-review": "Last ned dokumentene med kommentarer",
    "rules": "Reglene",
    "filter-status": "Vis status",
    "filter-category": "Kategori",
    "all-categories": "Alle kategorier",
    "status-met": "Oppfylt", "status-weak": "Svakt", "status-missing": "Mangler",
    "status-violation": "Brudd", "status-passed": "Bestått", "status-not-applicable": "Gjelder ikke",
    "status-waived": "Unntatt", "status-other": "Andre",
    "no-files": "Velg eller slipp minst én fil først.",
    "too-large": "Filene er til sammen større enn de {mib} MiB denne serveren tar imot (tenderlint serve --max-upload).",
    "checking": "Sjekker {n} fil(er) …",
    "done": "Ferdig: {met} oppfylt, {weak} svake, {missing} mangler.",
    "done-skipped": "{skipped} av {files} filer kunne ikke leses og er ikke sjekket (se filene under).",
    "totals": "{rules} regler: {met} oppfylt, {weak} svake, {missing} mangler, {other} andre.",
    "read": "lest ({blocks} avsnitt og celler)",
    "unreadable": "kunne ikke leses: {error}",
    "shown": "Viser {n} av {total} regler.",
    "evidence": "Funnet i teksten",
    "no-evidence": "Ingenting i teksten dekker dette.",
    "more-evidence": "… og {n} steder til (se rapporten).",
    "file": "Fil", "section": "Avsnitt", "where": "Sted", "requirement": "Krav",
    "suggestion": "Kravtekst å lime inn",
    "copy": "Kopier kravteksten",
    "copied": "Kravteksten er kopiert.",
    "copy-failed": "Kunne ikke kopiere; merk teksten og kopier den selv.",
    "downloading": "Lager rapporten …",
    "downloaded": "Rapporten er lastet ned.",
    "error": "Noe gikk galt: {error}",
    "network": "Fikk ikke kontakt med tenderlint. Kjører «tenderlint serve» fortsatt?",
    "severity-error": "feil", "severity-warning": "advarsel", "severity-info": "info",
    "about": "tenderlint {version} · regelsett: {sets}",
    "waived": "Unntatt: {reason}",
  },
  nn: {
    "coverage-binding": "bindande krav", "coverage-weak": "svakt krav", "coverage-negated": "halde utanfor",
    "possibly-covered": "mogleg dekt — sjekk",
    "coverage-non-normative": "bakgrunnstekst, ikkje eit krav", "coverage-descriptive": "skildring, ikkje eit krav",
    "coverage-violation": "her",
    "coverage-conditional": "vilkårsbunde krav", "coverage-evaluated": "blir evaluert, blir ikkje kravd",
    "coverage-redefined": "definert annleis i konkurransegrunnlaget",
    "coverage-excluded": "ikkje temaet konkurransegrunnlaget held utanfor",
    "skip": "Hopp til resultatet",
    "language": "Språk",
    "title": "Sjekk konkurransegrunnlaget mot KS «Felles journalløft»",
    "intro": "Legg inn Word- eller Markdown-filene i anskaffinga. Fleire filer blir rekna som eitt konkurransegrunnlag. Filene blir berre lesne på denne maskina og blir ikkje lagra.",
    "drop": "Slepp filene her, eller",
    "choose": "Vel filer (.docx, .md)",
    "clear": "Fjern alle filene",
    "remove": "Fjern",
    "services": "Tenester anskaffinga gjeld",
    "services-hint": "Vel du ingen, finn tenderlint dei i teksten.",
    "run": "Sjekk filene",
    "result": "Resultat",
    "by-category": "Per kategori",
    "download": "Last ned rapporten",
    "download-docx": "Word",
    "download-html": "HTML",
    "download-json": "JSON",
    "download-review": "Last ned dokumenta med kommentarar",
    "rules": "Reglane",
    "filter-status": "Vis status",
    "filter-category": "Kategori",
    "all-categories": "Alle kategoriar",
    "status-met": "Oppfylt", "status-weak": "Svakt", "status-missing": "Manglar",
    "status-violation": "Brot", "status-passed": "Bestått", "status-not-applicable": "Gjeld ikkje",
    "status-waived": "Unnateke", "status-other": "Andre",
    "no-files": "Vel eller slepp minst éi fil først.",
    "too-large": "Filene er til saman større enn dei {mib} MiB denne tenaren tek imot (tenderlint serve --max-upload).",
    "checking": "Sjekkar {n} fil(er) …",
    "done": "Ferdig: {met} oppfylte, {weak} svake, {missing} manglar.",
    "done-skipped": "{skipped} av {files} filer kunne ikkje lesast og er ikkje sjekka (sjå filene under).",
    "totals": "{rules} reglar: {met} oppfylte, {weak} svake, {missing} manglar, {other} andre.",
    "read": "lesen ({blocks} avsnitt og celler)",
    "unreadable": "kunne ikkje lesast: {error}",
    "shown": "Viser {n} av {total} reglar.",
    "evidence": "Funne i teksten",
    "no-evidence": "Ingenting i teksten dekkjer dette.",
    "more-evidence": "… og {n} stader til (sjå rapporten).",
    "file": "Fil", "section": "Avsnitt", "where": "Stad", "requirement": "Krav",
    "suggestion": "Kravtekst å lime inn",
    "copy": "Kopier kravteksten",
    "copied": "Kravteksten er kopiert.",
    "copy-failed": "Kunne ikkje kopiere; merk teksten og kopier han sjølv.",
    "downloading": "Lagar rapporten …",
    "downloaded": "Rapporten er lasta ned.",
    "error": "Noko gjekk gale: {error}",
    "network": "Fekk ikkje kontakt med tenderlint. Køyrer «tenderlint serve» framleis?",
    "severity-error": "feil", "severity-warning": "åtvaring", "severity-info": "info",
    "about": "tenderlint {version} · regelsett: {sets}",
    "waived": "Unnateke: {reason}",
  },
  en: {
    "coverage-binding": "binding requirement", "coverage-weak": "weak requirement", "coverage-negated": "put out of scope",
    "possibly-covered": "possibly covered — check",
    "coverage-non-normative": "background text, not a requirement", "coverage-descriptive": "a description, not a requirement",
    "coverage-violation": "here",
    "coverage-conditional": "conditional requirement", "coverage-evaluated": "evaluated, not required",
    "coverage-redefined": "defined otherwise by the tender",
    "coverage-excluded": "not the topic the tender puts out of scope",
    "skip": "Skip to the result",
    "language": "Language",
    "title": "Check a tender against KS «Felles journalløft»",
    "intro": "Add the tender's Word or Markdown files. Several files count as one tender. The files are read on this machine only and are not stored.",
    "drop": "Drop the files here, or",
    "choose": "Choose files (.docx, .md)",
    "clear": "Remove all files",
    "remove": "Remove",
    "services": "Services the procurement covers",
    "services-hint": "Choose none and tenderlint finds them in the text.",
    "run": "Check the files",
    "result": "Result",
    "by-category": "By category",
    "download": "Download the report",
    "download-docx": "Word",
    "download-html": "HTML",
    "download-json": "JSON",
    "download-review": "Download the documents with comments",
    "rules": "The rules",
    "filter-status": "Show status",
    "filter-category": "Category",
    "all-categories": "All categories",
    "status-met": "Met", "status-weak": "Weak", "status-missing": "Missing",
    "status-violation": "Violation", "status-passed": "Passed", "status-not-applicable": "Not applicable",
    "status-waived": "Waived", "status-other": "Other",
    "no-files": "Choose or drop at least one file first.",
    "too-large": "The files together are larger than the {mib} MiB this server accepts (tenderlint serve --max-upload).",
    "checking": "Checking {n} file(s) …",
    "done": "Done: {met} met, {weak} weak, {missing} missing.",
    "done-skipped": "{skipped} of {files} files could not be read and were not checked (see the files below).",
    "totals": "{rules} rules: {met} met, {weak} weak, {missing} missing, {other} other.",
    "read": "read ({blocks} paragraphs and cells)",
    "unreadable": "could not be read: {error}",
    "shown": "Showing {n} of {total} rules.",
    "evidence": "Found in the text",
    "no-evidence": "Nothing in the text covers this.",
    "more-evidence": "… and {n} more places (see the report).",
    "file": "File", "section": "Section", "where": "Place", "requirement": "Requirement",
    "suggestion": "Requirement text to paste",
    "copy": "Copy the requirement text",
    "copied": "The requirement text is copied.",
    "copy-failed": "Could not copy; select the text and copy it yourself.",
    "downloading": "Making the report …",
    "downloaded": "The report is downloaded.",
    "error": "Something went wrong: {error}",
    "network": "Could not reach tenderlint. Is «tenderlint serve» still running?",
    "severity-error": "error", "severity-warning": "warning", "severity-info": "info",
    "about": "tenderlint {version} · rule sets: {sets}",
    "waived": "Waived: {reason}",
  },
};

// Failing first: what the writer must act on comes before what is fine.
const ORDER = ["missing", "violation", "weak", "met", "passed", "not-applicable"];

const page = {
  lang: "nb",
  files: [],          // File objects in the order they were added
  catalogue: null,    // GET /api/rules
  report: null,       // the last POST /api/check answer
  reportText: "",
  reportLang: null,
};

const $ = (selector) => document.querySelector(selector);

function t(key, values) {
  const words = WORDS[page.lang] || WORDS.nb;
  let text = words[key] !== undefined ? words[key] : (WORDS.nb[key] !== undefined ? WORDS.nb[key] : key);
  for (const [name, value] of Object.entries(values || {})) {
    text = text.split("{" + name + "}").join(String(value));
  }
  return text;
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function say(message) {
  // Cleared first so that the same message twice is announced twice.
  const status = $("#status");
  status.textContent = "";
  window.setTimeout(() => { status.textContent = message; }, 30);
}

function problem(message) {
  $("#problem").textContent = message || "";
}

function initialLang() {
  for (const tag of navigator.languages || [navigator.language || ""]) {
    const head = String(tag).toLowerCase().split(/[-_]/)[0];
    if (head === "nn") return "nn";
    if (head === "nb" || head === "no") return "nb";
    if (head === "en") return "en";
  }
  return "nb";
}

function applyWords() {
  document.documentElement.lang = page.lang;
  document.title = "tenderlint – " + t("title");
  for (const node of document.querySelectorAll("[data-i18n]")) {
    node.textContent = t(node.dataset.i18n);
  }
  $("#lang").value = page.lang;
  renderChosen();
}

async function loadCatalogue() {
  try {
    page.catalogue = await checker.catalogue(page.lang);
  } catch (e) {
    problem(checker.unreachable(e));
    return;
  }
  renderServices();
  const c = page.catalogue;
  const sets = (c.rulesets || []).map((s) => s.id + "@" + s.version).join(", ");
  const version = (c.version || "");
  $("#about").textContent = t("about", { version, sets });
}

function renderServices() {
  const list = $("#service-list");
  const ticked = new Set(Array.from(list.querySelectorAll("input:checked")).map((i) => i.value));
  const first = list.children.length === 0;
  const defaults = new Set(((page.catalogue || {}).defaults || {}).services || []);
  list.replaceChildren();
  for (const service of (page.catalogue || {}).services || []) {
    const id = "service-" + service.id;
    const box = el("input", { type: "checkbox", id, name: "services", value: service.id });
    box.checked = first ? defaults.has(service.id) : ticked.has(service.id);
    list.append(el("label", { for: id }, box, " ", service.name));
  }
}

function addFiles(fileList) {
  for (const file of fileList) {
    if (!page.files.some((f) => f.name === file.name && f.size === file.size)) {
      page.files.push(file);
    }
  }
  renderChosen();
}

function renderChosen() {
  const list = $("#chosen");
  list.replaceChildren();
  page.files.forEach((file, index) => {
    const remove = el("button", { type: "button", class: "link", text: t("remove"),
      "aria-label": t("remove") + " " + file.name });
    remove.addEventListener("click", () => {
      page.files.splice(index, 1);
      renderChosen();
      $("#files").focus();
    });
    const size = file.size >= 1048576 ? (file.size / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(file.size / 1024)) + " kB";
    list.append(el("li", {}, el("span", { text: file.name + " (" + size + ")" }), remove));
  });
  $("#clear").hidden = page.files.length === 0;
}

function chosenServices() {
  return Array.from(document.querySelectorAll("#service-list input:checked")).map((i) => i.value);
}

async function runCheck() {
  problem("");
  if (page.files.length === 0) {
    problem(t("no-files"));
    $("#files").focus();
    return;
  }
  // The server refuses an upload over its limit from the header, before the body,
  // which a browser may show only as a broken connection: say it here instead.
  const limit = page.catalogue && page.catalogue.max_upload;
  const total = page.files.reduce((sum, f) => sum + f.size, 0);
  if (limit && total > limit) {
    problem(t("too-large", { mib: Math.floor(limit / 1048576) }));
    return;
  }
  const button = $("#run");
  button.disabled = true;
  say(t("checking", { n: page.files.length }));
  try {
    const answer = await checker.check(page.files, chosenServices(), page.lang);
    if (answer.error) {
      say("");
      problem(t("error", { error: answer.error }));
      return;
    }
    page.reportText = answer.text;
    page.report = JSON.parse(page.reportText);
    page.reportLang = page.lang;
    renderReport();
    const s = page.report.summary;
    // A check of one file in three must not read as a check of the tender.
    const skipped = s.unreadable_files
      ? " " + t("done-skipped", { skipped: s.unreadable_files, files: page.report.files.length })
      : "";
    say(t("done", { met: s.met, weak: s.weak, missing: s.missing + s.violation }) + skipped);
  } catch (e) {
    say("");
    problem(checker.unreachable(e));
  } finally {
    button.disabled = false;
  }
}

function statusWord(status) {
  return t("status-" + status);
}

function categoryTitle(id) {
  const found = ((page.catalogue || {}).categories || []).find((c) => c.id === id);
  return found ? found.title : id;
}

function renderReport() {
  const report = page.report;
  if (!report) return;
  $("#result").hidden = false;

  const files = $("#files-read");
  files.replaceChildren();
  for (const f of report.files) {
    const text = f.error ? t("unreadable", { error: f.error }) : t("read", { blocks: f.blocks });
    files.append(el("li", { class: f.error ? "unreadable" : "" }, el("strong", { text: f.path }), " – " + text));
  }

  const s = report.summary;
  const other = s.rules - s.met - s.weak - s.missing - s.violation;
  $("#totals").textContent = t("totals", { rules: s.rules, met: s.met, weak: s.weak, missing: s.missing + s.violation, other });

  renderChart(report);
  renderCategoryFilter(report);
  renderRules();
}

function renderChart(report) {
  const chart = $("#chart");
  chart.replaceChildren();
  const categories = [];
  for (const r of report.results) {
    if (!categories.includes(r.category)) categories.push(r.category);
  }
  for (const category of categories) {
    const counts = { met: 0, weak: 0, missing: 0 };
    for (const r of report.results) {
      if (r.category !== category) continue;
      if (r.status === "met" || r.status === "passed") counts.met += 1;
      else if (r.status === "weak") counts.weak += 1;
      else if (r.status === "missing" || r.status === "violation") counts.missing += 1;
    }
    if (counts.met + counts.weak + counts.missing === 0) continue;
    const title = categoryTitle(category);
    const summary = [
      counts.met + " " + statusWord("met").toLowerCase(),
      counts.weak + " " + statusWord("weak").toLowerCase(),
      counts.missing + " " + statusWord("missing").toLowerCase(),
    ].join(", ");
    const bar = el("div", { class: "bar", role: "img", "aria-label": title + ": " + summary });
    for (const key of ["met", "weak", "missing"]) {
      if (counts[key] === 0) continue;
      const part = el("span", { class: key, text: String(counts[key]), "aria-hidden": "true" });
      // CSSOM, not a style attribute: the CSP forbids inline styles.
      part.style.flexGrow = String(counts[key]);
      bar.append(part);
    }
    chart.append(el("li", { "data-category": category }, el("span", { text: title }), bar));
  }
}

function renderCategoryFilter(report) {
  const select = $("#category");
  const before = select.value;
  select.replaceChildren(el("option", { value: "", text: t("all-categories") }));
  const seen = [];
  for (const r of report.results) {
    if (seen.includes(r.category)) continue;
    seen.push(r.category);
    select.append(el("option", { value: r.category, text: categoryTitle(r.category) }));
  }
  select.value = seen.includes(before) ? before : "";
}

function statusGroup(status) {
  if (status === "missing" || status === "violation") return "missing";
  if (status === "weak") return "weak";
  if (status === "met" || status === "passed") return "met";
  return "other";
}

function renderRules() {
  const report = page.report;
  if (!report) return;
  const wanted = new Set(Array.from(document.querySelectorAll("input[name=status]:checked")).map((i) => i.value));
  const category = $("#category").value;
  const results = report.results
    .map((r, index) => ({ r, index }))
    .sort((a, b) => (ORDER.indexOf(a.r.status) - ORDER.indexOf(b.r.status)) || (a.index - b.index))
    .map((x) => x.r);
  const list = $("#rules");
  list.replaceChildren();
  let shown = 0;
  for (const r of results) {
    if (!wanted.has(statusGroup(r.status))) continue;
    if (category && r.category !== category) continue;
    list.append(renderRule(r, shown));
    shown += 1;
  }
  $("#shown").textContent = t("shown", { n: shown, total: results.length });
}

function renderRule(r, index) {
  const headingId = "rule-" + index;
  const item = el("li", { class: "rule " + r.status, "data-rule": r.rule, "aria-labelledby": headingId });
  item.append(el("h4", { id: headingId },
    el("span", { class: "badge " + r.status, text: statusWord(r.status) }),
    r.rule + " " + r.title));
  item.append(el("p", { class: "meta", text: categoryTitle(r.category) + " · " + t("severity-" + r.severity) + " · " + r.ruleset + "@" + r.ruleset_version }));
  if (r.message) item.append(el("p", { class: "reason", text: r.message }));
  if (r.waiver) item.append(el("p", { class: "reason", text: t("waived", { reason: r.waiver.reason }) }));

  if (r.evidence && r.evidence.length) {
    item.append(el("p", { class: "label", text: t("evidence") }));
    const list = el("ul", { class: "evidence" });
    for (const e of r.evidence) {
      const where = [
        t("file") + ": " + e.file,
        e.section ? t("section") + ": " + e.section : null,
        t("where") + ": " + e.location,
        e.requirement_id ? t("requirement") + ": " + e.requirement_id : null,
        e.review ? t("possibly-covered") : t("coverage-" + e.coverage),
      ].filter(Boolean).join(" · ");
      list.append(el("li", { class: "evidence-item" },
        el("span", { class: "where", text: where }),
        el("q", { class: "excerpt", text: e.excerpt })));
    }
    item.append(list);
    if (r.evidence_total > r.evidence.length) {
      item.append(el("p", { class: "meta", text: t("more-evidence", { n: r.evidence_total - r.evidence.length }) }));
    }
  } else if (!r.ok) {
    item.append(el("p", { class: "meta", text: t("no-evidence") }));
  }

  if (r.suggestion && !r.ok) {
    const textId = "suggestion-" + index;
    const box = el("div", { class: "suggestion" });
    box.append(el("p", { class: "label", text: t("suggestion") }));
    box.append(el("blockquote", { id: textId, text: r.suggestion }));
    const button = el("button", { type: "button", class: "copy", "aria-describedby": textId, text: t("copy") });
    button.addEventListener("click", () => copyText(r.suggestion, button));
    box.append(button);
    item.append(box);
  }
  return item;
}

async function copyText(text, button) {
  let copied = false;
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch (e) {
      copied = false;
    }
  }
  if (!copied) {
    // Older browsers and denied permissions: a selected, off-screen text area.
    const area = el("textarea", { "aria-hidden": "true", readonly: true, class: "offscreen" });
    area.value = text;
    area.style.position = "fixed";
    area.style.left = "-9999px";
    document.body.append(area);
    area.select();
    try {
      copied = document.execCommand("copy");
    } catch (e) {
      copied = false;
    }
    area.remove();
    button.focus();
  }
  button.dataset.copied = copied ? "yes" : "no";
  say(copied ? t("copied") : t("copy-failed"));
}

async function download(format) {
  if (!page.report) return;
  problem("");
  let blob;
  let name;
  if (format === "json") {
    blob = new Blob([page.reportText], { type: "application/json" });
    name = (page.lang === "en" ? "tenderlint-report" : "tenderlint-rapport") + ".json";
  } else {
    say(t("downloading"));
    try {
      const answer = await checker.report(format, page.files, chosenServices(), page.lang);
      if (answer.error) {
        problem(t("error", { error: answer.error }));
        say("");
        return;
      }
      ({ blob, name } = answer);
    } catch (e) {
      problem(checker.unreachable(e));
      say("");
      return;
    }
  }
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10000);
  say(t("downloaded"));
}

function wire() {
  const drop = $("#drop");
  const input = $("#files");
  input.addEventListener("change", () => {
    addFiles(input.files);
    input.value = "";
  });
  for (const name of ["dragenter", "dragover"]) {
    drop.addEventListener(name, (event) => {
      event.preventDefault();
      drop.classList.add("over");
    });
  }
  for (const name of ["dragleave", "drop"]) {
    drop.addEventListener(name, () => drop.classList.remove("over"));
  }
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files) addFiles(event.dataTransfer.files);
  });
  // A file dropped beside the zone must not make the browser leave the page.
  window.addEventListener("dragover", (event) => event.preventDefault());
  window.addEventListener("drop", (event) => event.preventDefault());

  $("#clear").addEventListener("click", () => {
    page.files = [];
    renderChosen();
    input.focus();
  });
  $("#upload").addEventListener("submit", (event) => {
    event.preventDefault();
    runCheck();
  });
  $("#lang").addEventListener("change", async () => {
    page.lang = $("#lang").value;
    applyWords();
    await loadCatalogue();
    if (page.report && page.files.length) {
      // Messages and requirement texts come from the server in the chosen language.
      await runCheck();
    }
  });
  for (const box of document.querySelectorAll("input[name=status]")) {
    box.addEventListener("change", renderRules);
  }
  $("#category").addEventListener("change", renderRules);
  for (const button of document.querySelectorAll("button.download")) {
    button.addEventListener("click", () => download(button.dataset.format));
  }
}

async function start() {
  wire();
  page.lang = initialLang();
  if (document.body.dataset.checker === "wasm") {
    checker = wasmChecker();
    try {
      await checker.load();
    } catch (e) {
      problem(checker.unreachable(e));
      return;
    }
  }
  // The configuration's language, when it names one, wins over the browser's.
  const probe = await checker.catalogue(null).catch(() => null);
  if (probe && probe.defaults && probe.defaults.lang) page.lang = probe.defaults.lang;
  applyWords();
  await loadCatalogue();
  document.body.dataset.ready = "yes";
}

document.addEventListener("DOMContentLoaded", start);
