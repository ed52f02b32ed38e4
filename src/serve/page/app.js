// tenderlint serve: the page's behaviour. No framework and no network beyond
// this server (the CSP forbids it); nothing is stored in the browser. Its words
// are words.js's `WORDS`; where results come from, checker.js's `checker`.
"use strict";

// The outcomes in the order every format lists them (findings::Outcome).
const OUTCOMES = ["met", "weak", "missing", "violation", "passed", "not-applicable", "waived"];
// Most important first: errors (the legal duties), then warnings, then info.
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
// Severity is told by a shape and a word, never by colour alone.
const SHAPES = { error: "■", warning: "▲", info: "●" };

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
    say(t("done", { n: s.failed, tally: tallyWords(s, false) }) + skipped);
    // The answer is below the form: bring it into view and give it focus, so
    // keyboard and screen-reader users land on it too.
    const result = $("#result");
    result.scrollIntoView({ block: "start" });
    result.focus({ preventScroll: true });
  } catch (e) {
    say("");
    problem(checker.unreachable(e));
  } finally {
    button.disabled = false;
  }
}

// A result's outcome: its status, or waived when a waiver accepts it
// (the JSON carries it; older servers did not).
function outcomeOf(r) {
  return r.outcome || (r.waiver ? "waived" : r.status);
}

function outcomeWord(outcome) {
  return t("outcome-" + outcome);
}

// A tally in words, «8 oppfylt · 4 svakt · …»: every outcome, or only those some
// result has — the same words and numbers as the terminal and every report.
function tallyWords(tally, nonzero) {
  return OUTCOMES
    .map((o) => [tally[o.replace("-", "_")] || 0, o])
    .filter(([n]) => !nonzero || n > 0)
    .map(([n, o]) => n + " " + outcomeWord(o))
    .join(" · ");
}

// The failing results in the order to fix them (report::common::to_fix).
function toFix(report) {
  const order = [];
  for (const r of report.results) if (!order.includes(r.category)) order.push(r.category);
  return report.results
    .filter((r) => !r.ok && !r.waiver)
    .sort((a, b) => (SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
      || (order.indexOf(a.category) - order.indexOf(b.category))
      || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
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
  // The files in one line, folded, so the to-do list comes first; open when one
  // could not be read, since the result then leaves its text out.
  const bad = report.files.filter((f) => f.error).length;
  const read = report.files.length - bad;
  $("#files-summary").textContent = bad ? t("files-summary", { n: read, bad }) : t("files-summary-ok", { n: read });
  $("#files-details").open = bad > 0;
  $("#files-summary").className = bad ? "unreadable" : "";

  const s = report.summary;
  $("#totals").textContent = t("totals", { rules: s.rules, tally: tallyWords(s, false) });
  // The services assumed and the notices (a file skipped or empty, a service no rule
  // set knows), worded by the checker in the page's language, as the terminal says them.
  $("#services-line").textContent = report.services_statement || "";
  const notices = report.notices || [];
  $("#notices").hidden = notices.length === 0;
  $("#notices").replaceChildren(...notices.map((n) => el("li", { class: "notice " + n.level },
    el("span", { class: "severity " + n.level, text: t("severity-" + n.level) }), ": " + n.message)));

  renderTodo(report);
  renderChart(report);
  renderCategoryFilter(report);
  renderRules();
}

// What to fix, most important first: one line each (severity in shape and word,
// the rule, its outcome), the message, evidence and text to paste folded away.
function renderTodo(report) {
  const list = $("#todo");
  list.replaceChildren();
  const items = toFix(report);
  $("#todo-title").textContent = t("todo") + " (" + items.length + ")";
  if (items.length === 0) {
    list.append(el("li", { class: "none", text: t("todo-none") }));
    return;
  }
  items.forEach((r, index) => {
    const details = el("details", {});
    details.append(el("summary", {},
      el("span", { class: "shape " + r.severity, "aria-hidden": "true", text: SHAPES[r.severity] || "" }),
      el("span", { class: "severity " + r.severity, text: t("severity-" + r.severity) }),
      " ",
      el("strong", { text: r.rule }),
      " " + r.title + " — ",
      el("span", { class: "badge " + outcomeOf(r), text: outcomeWord(outcomeOf(r)) })));
    details.append(ruleBody(r, "todo-" + index));
    list.append(el("li", { class: "todo-item " + r.severity, "data-rule": r.rule }, details));
  });
}

function renderChart(report) {
  const chart = $("#chart");
  chart.replaceChildren();
  // The report's own tally per category: the page counts nothing itself.
  for (const c of report.summary.categories || []) {
    const title = categoryTitle(c.category);
    const summary = tallyWords(c, true);
    const bar = el("div", { class: "bar", role: "img", "aria-label": title + ": " + summary });
    for (const outcome of OUTCOMES) {
      const n = c[outcome.replace("-", "_")] || 0;
      if (n === 0) continue;
      const part = el("span", { class: outcome, text: String(n), title: n + " " + outcomeWord(outcome), "aria-hidden": "true" });
      // CSSOM, not a style attribute: the CSP forbids inline styles.
      part.style.flexGrow = String(n);
      bar.append(part);
    }
    chart.append(el("li", { "data-category": c.category },
      el("span", { text: title }), bar, el("span", { class: "tally", text: summary })));
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

function renderRules() {
  const report = page.report;
  if (!report) return;
  const wanted = new Set(Array.from(document.querySelectorAll("input[name=status]:checked")).map((i) => i.value));
  const category = $("#category").value;
  // The to-do order first, then the rest in rule-set order.
  const failing = toFix(report);
  const results = failing.concat(report.results.filter((r) => !failing.includes(r)));
  const list = $("#rules");
  list.replaceChildren();
  let shown = 0;
  for (const r of results) {
    if (!wanted.has(outcomeOf(r))) continue;
    if (category && r.category !== category) continue;
    list.append(renderRule(r, shown));
    shown += 1;
  }
  $("#shown").textContent = t("shown", { n: shown, total: results.length });
}

function renderRule(r, index) {
  const headingId = "rule-" + index;
  const outcome = outcomeOf(r);
  const item = el("li", { class: "rule " + outcome, "data-rule": r.rule, "aria-labelledby": headingId });
  item.append(el("h4", { id: headingId },
    el("span", { class: "badge " + outcome, text: outcomeWord(outcome) }),
    r.rule + " " + r.title));
  item.append(el("p", { class: "meta" },
    el("span", { class: "shape " + r.severity, "aria-hidden": "true", text: (SHAPES[r.severity] || "") + " " }),
    t("severity-" + r.severity) + " · " + categoryTitle(r.category) + " · " + r.ruleset + "@" + r.ruleset_version));
  item.append(ruleBody(r, "rule-" + index));
  return item;
}

// A result's message (the one for its outcome), waiver, evidence and the text
// to paste; `id` makes the ids inside it unique on the page.
function ruleBody(r, id) {
  const body = el("div", { class: "rule-body" });
  if (r.message) body.append(el("p", { class: "reason", text: r.message }));
  if (r.waiver) body.append(el("p", { class: "reason", text: t("waived", { reason: r.waiver.reason }) }));

  if (r.evidence && r.evidence.length) {
    body.append(el("p", { class: "label", text: t("evidence") }));
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
    body.append(list);
    if (r.evidence_total > r.evidence.length) {
      body.append(el("p", { class: "meta", text: t("more-evidence", { n: r.evidence_total - r.evidence.length }) }));
    }
  } else if (!r.ok) {
    body.append(el("p", { class: "meta", text: t("no-evidence") }));
  }

  if (r.suggestion && !r.ok) {
    const textId = "suggestion-" + id;
    const box = el("div", { class: "suggestion" });
    box.append(el("p", { class: "label", text: t("suggestion") }));
    box.append(el("blockquote", { id: textId, text: r.suggestion }));
    const button = el("button", { type: "button", class: "copy", "aria-describedby": textId, text: t("copy") });
    button.addEventListener("click", () => copyText(r.suggestion, button));
    box.append(button);
    body.append(box);
  }
  return body;
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
