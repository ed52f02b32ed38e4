// Drives the page's «Sammenlign» (issue 28) of `tenderlint serve` in headless
// Chromium over the DevTools protocol and prints what it saw as one JSON object
// for tests/suite/serve_compare.rs:
//
//   node compare-page.mjs (--url URL | --dir target/web) --chromium PATH
//                         --tender NAME FILE… [--tender NAME FILE…]
//
// `--dir` serves the static page (scripts/build-web.sh) from the folder, where
// the tenders are compared in the tab by the WebAssembly checker.
// Each tender is added as a user adds it — its name typed, its files set on the
// file input, «Legg til» pressed — then «Sammenlign» pressed with the keyboard;
// the matrix is read from the DOM, the workbook downloaded, and axe-core (WCAG
// 2.1 A and AA) run in the page.

import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import CDP from "chrome-remote-interface";
import { closeChromium, pageScript, serveFolder, sleep, startChromium } from "./chromium.mjs";

const require = createRequire(import.meta.url);

function parseArgs(argv) {
  const args = { tenders: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--url" || a === "--dir" || a === "--chromium") args[a.slice(2)] = argv[++i];
    else if (a === "--tender") args.tenders.push({ name: argv[++i], files: [] });
    else if (args.tenders.length) args.tenders[args.tenders.length - 1].files.push(resolve(a));
    else throw new Error(`a file before any --tender: ${a}`);
  }
  if (!args.chromium || !(args.url || args.dir)) throw new Error("needs --chromium and --url or --dir");
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const folder = args.dir ? await serveFolder(args.dir) : null;
  if (folder) args.url = `http://127.0.0.1:${folder.port}/`;
  const profile = mkdtempSync(join(tmpdir(), "tenderlint-chromium-"));
  const downloads = mkdtempSync(join(tmpdir(), "tenderlint-downloads-"));
  const { child, port } = await startChromium(args.chromium, profile);
  let client;
  const seen = { console: [], exceptions: [] };
  try {
    client = await CDP({ port });
    const { Page, Runtime, DOM, Browser, Input } = client;
    Runtime.consoleAPICalled(({ type, args: values }) => {
      if (type === "error" || type === "warning") seen.console.push(type + ": " + values.map((v) => v.value ?? v.description).join(" "));
    });
    Runtime.exceptionThrown(({ exceptionDetails }) => {
      seen.exceptions.push(exceptionDetails.exception?.description || exceptionDetails.text);
    });
    await Promise.all([Page.enable(), Runtime.enable(), DOM.enable()]);
    const { evaluate, waitFor } = pageScript(Runtime, { ms: 120000, step: 25 });
    await Page.navigate({ url: args.url });
    await waitFor("document.readyState === 'complete' && document.body.dataset.ready === 'yes'", "the page to start");
    const checker = await evaluate("document.body.dataset.checker || 'server'");

    const { root } = await DOM.getDocument({});
    const { nodeId } = await DOM.querySelector({ nodeId: root.nodeId, selector: "#compare-files" });
    for (const tender of args.tenders) {
      await evaluate("document.querySelector('#compare-name').focus()");
      await Input.insertText({ text: tender.name });
      await DOM.setFileInputFiles({ nodeId, files: tender.files });
      await waitFor(`document.querySelector('#compare-chosen').textContent !== ''`, "the chosen files");
      await evaluate("document.querySelector('#compare-add').click()");
    }
    const listed = await evaluate("[...document.querySelectorAll('#compare-list li strong')].map((s) => s.textContent)");
    await evaluate("document.querySelector('#compare-run').focus()");
    await Input.dispatchKeyEvent({ type: "keyDown", key: "Enter", code: "Enter", windowsVirtualKeyCode: 13, text: "\r" });
    await Input.dispatchKeyEvent({ type: "keyUp", key: "Enter", code: "Enter", windowsVirtualKeyCode: 13 });
    await waitFor("document.querySelector('#compare-table') !== null || document.querySelector('#problem').textContent !== ''", "the matrix");
    const matrix = await evaluate(`({
      problem: document.querySelector('#problem').textContent,
      heads: [...document.querySelectorAll('#compare-table thead th')].map((c) => c.textContent),
      rows: [...document.querySelectorAll('#compare-table tbody tr')].map((r) => ({
        rule: r.cells[0].textContent,
        cells: [...r.cells].slice(2, -1).map((c) => ({ text: c.textContent, background: getComputedStyle(c).backgroundColor })),
      })),
      status: document.querySelector('#compare-status').textContent,
    })`);

    await Browser.setDownloadBehavior({ behavior: "allow", downloadPath: downloads, eventsEnabled: true });
    const finished = new Promise((resolveDownload) => {
      client.on("Browser.downloadProgress", (event) => {
        if (event.state === "completed" || event.state === "canceled") resolveDownload(event);
      });
    });
    await evaluate("document.querySelector('button.compare-download[data-format=xlsx]').click()", { userGesture: true });
    // A refusal is said in #problem at once; a download takes its time.
    const refused = waitFor("document.querySelector('#problem').textContent !== ''", "a problem", 60000).then(() => ({ state: "refused" }), () => ({ state: "timeout" }));
    const timeout = new Promise((r) => setTimeout(() => r({ state: "timeout" }), 60000).unref());
    const progress = await Promise.race([finished, refused, timeout]);
    const files = readdirSync(downloads);
    const workbook = { state: progress.state, names: files, problem: await evaluate("document.querySelector('#problem').textContent") };
    if (files.length) workbook.zip = readFileSync(join(downloads, files[0])).subarray(0, 2).toString("latin1") === "PK";

    await evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const axe = await evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => ({ passes: r.passes.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })) }))`);
    process.stdout.write(JSON.stringify({ checker, listed, matrix, workbook, axe, seen }) + "\n");
  } finally {
    if (folder) {
      folder.server.closeAllConnections();
      folder.server.close();
    }
    await closeChromium(child, client, [profile, downloads]);
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
