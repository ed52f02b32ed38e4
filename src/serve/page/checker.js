// tenderlint's page: where its results come from. One small interface, two
// checkers. `tenderlint serve` answers over HTTP; the static build
// (scripts/build-web.sh marks its page `data-checker="wasm"`) checks in this tab
// with the checker compiled to WebAssembly, so the files never leave the machine.
// Each answers `{ text }` (check) or `{ blob, name }` (report), or `{ error }` for
// a refusal it can explain; a throw means the checker could not be reached, and
// `unreachable` words that. Loaded before app.js, whose `t` it uses.
"use strict";

async function errorText(response) {
  try {
    const body = await response.json();
    let text = body.error || response.statusText;
    for (const f of body.files || []) {
      if (f.error) text += "\n" + f.path + ": " + f.error;
    }
    return text;
  } catch (e) {
    return response.status + " " + response.statusText;
  }
}

// The language rides in the address too: a refusal that comes before the form is
// read (busy, too large) is then worded in the page's language as well.
function withLang(url, lang) {
  return lang ? url + (url.includes("?") ? "&" : "?") + "lang=" + encodeURIComponent(lang) : url;
}

function uploadForm(files, services, lang) {
  const data = new FormData();
  for (const file of files) data.append("files", file, file.name);
  if (services.length) data.append("services", services.join(","));
  data.append("lang", lang);
  return data;
}

const serverChecker = {
  async catalogue(lang) {
    const response = await fetch(withLang("/api/rules", lang));
    return response.json();
  },
  async check(files, services, lang) {
    const response = await fetch(withLang("/api/check", lang), { method: "POST", body: uploadForm(files, services, lang) });
    if (!response.ok) return { error: await errorText(response) };
    return { text: await response.text() };
  },
  async report(format, files, services, lang) {
    // The reviewed documents (issue 27) come from their own route; the reports from /api/report.
    const url = format === "review" ? "/api/review" : "/api/report?format=" + format;
    const response = await fetch(withLang(url, lang), { method: "POST", body: uploadForm(files, services, lang) });
    if (!response.ok) return { error: await errorText(response) };
    const disposition = response.headers.get("Content-Disposition") || "";
    const match = /filename="([^"]+)"/.exec(disposition);
    return { blob: await response.blob(), name: match ? match[1] : "tenderlint." + format };
  },
  // Several tenders in one upload: each a `tender` field, then its files.
  async compare(tenders, format, lang) {
    const data = new FormData();
    for (const tender of tenders) {
      data.append("tender", tender.name);
      for (const file of tender.files) data.append("files", file, file.name);
    }
    data.append("lang", lang);
    const response = await fetch(withLang("/api/compare?format=" + format, lang), { method: "POST", body: data });
    if (!response.ok) return { error: await errorText(response) };
    if (format === "json") return { text: await response.text() };
    const disposition = response.headers.get("Content-Disposition") || "";
    const match = /filename="([^"]+)"/.exec(disposition);
    return { blob: await response.blob(), name: match ? match[1] : "tenderlint." + format };
  },
  unreachable() {
    return t("network");
  },
};

const REPORT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html;charset=utf-8",
  json: "application/json",
};

// The user's calendar day, which reports carry and inline waivers expire by.
function today() {
  const now = new Date();
  const two = (n) => String(n).padStart(2, "0");
  return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
}

function wasmChecker() {
  let web = null;
  // The last tender checked: a download of the same files renders from it
  // instead of checking them again.
  let last = null;
  const same = (files, services) => last && last.services === services.join(",")
    && last.files.length === files.length && last.files.every((f, i) => f === files[i]);

  async function checked(files, services, lang) {
    if (same(files, services)) return last.checked;
    const tender = new web.Tender();
    for (const file of files) {
      tender.add(file.name, new Uint8Array(await file.arrayBuffer()));
    }
    // The check holds the tab until it is done: first let `say` (30 ms) announce it.
    await new Promise((resolve) => window.setTimeout(resolve, 60));
    // The language words the refusal when no file could be read; results are worded later.
    const result = tender.check(services.join(","), today(), lang || "");
    tender.free();
    if (last) last.checked.free();
    last = { files: files.slice(), services: services.join(","), checked: result };
    return result;
  }

  return {
    async load() {
      web = await import("./tenderlint_web.js");
      await web.default();
    },
    async catalogue(lang) {
      return JSON.parse(web.catalogue(lang || ""));
    },
    async check(files, services, lang) {
      try {
        return { text: (await checked(files, services, lang)).json(lang) };
      } catch (e) {
        return { error: e.message || String(e) };
      }
    },
    async report(format, files, services, lang) {
      try {
        const result = await checked(files, services, lang);
        if (format === "review") {
          const reviewed = result.review();
          const answer = { blob: new Blob([reviewed.bytes], { type: reviewed.contentType }), name: reviewed.name };
          reviewed.free();
          return answer;
        }
        const bytes = result.render(format, lang);
        return { blob: new Blob([bytes], { type: REPORT_TYPES[format] }), name: web.reportFileName(format, lang) };
      } catch (e) {
        return { error: e.message || String(e) };
      }
    },
    // Each tender checked in this tab as a single one is, then laid side by side.
    async compare(tenders, format, lang) {
      const region = new web.Region();
      try {
        for (const tender of tenders) {
          const files = new web.Tender();
          for (const file of tender.files) files.add(file.name, new Uint8Array(await file.arrayBuffer()));
          await new Promise((resolve) => window.setTimeout(resolve, 60));
          const result = files.check("", today(), lang || "");
          files.free();
          region.add(tender.name, result);
          result.free();
        }
        const download = region.render(format, lang);
        const answer = format === "json"
          ? { text: new TextDecoder().decode(download.bytes) }
          : { blob: new Blob([download.bytes], { type: download.contentType }), name: download.name };
        download.free();
        return answer;
      } catch (e) {
        return { error: e.message || String(e) };
      } finally {
        region.free();
      }
    },
    unreachable(e) {
      return t("error", { error: e.message || String(e) });
    },
  };
}

let checker = serverChecker;
