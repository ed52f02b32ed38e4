// Opens the HTML heat-map of `tenderlint compare --format html` (a file, as a
// coordinator opens a mailed report) in headless Chromium over the DevTools
// protocol and prints what it saw as one JSON object for tests/suite to judge:
//
//   node heatmap.mjs --file HTML --chromium PATH --screenshot PNG
//
// Read from the DOM: each tender's column of cells (word and background), the
// order of the rules after sorting a tender's column, whether a cell's link opens
// its evidence, the screenshot of the matrix, and axe-core (WCAG 2.1 A and AA).

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import CDP from "chrome-remote-interface";
import { closeChromium, pageScript, sleep, startChromium } from "./chromium.mjs";

const require = createRequire(import.meta.url);

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--file" || a === "--chromium" || a === "--screenshot") args[a.slice(2)] = argv[++i];
    else throw new Error(`unknown argument ${a}`);
  }
  for (const key of ["file", "chromium", "screenshot"]) {
    if (!args[key]) throw new Error(`missing --${key}`);
  }
  return args;
}

const READ_MATRIX = `(() => {
  const table = document.getElementById('matrix');
  const heads = [...table.tHead.rows[0].cells].map((c) => c.textContent.trim());
  const rows = [...table.tBodies[0].rows].map((r) => ({
    rule: r.cells[0].textContent.trim(),
    cells: [...r.cells].map((c) => ({ text: c.textContent.trim(), background: getComputedStyle(c).backgroundColor })),
  }));
  return { heads, rows };
})()`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const profile = mkdtempSync(join(tmpdir(), "tenderlint-chromium-"));
  const { child, port } = await startChromium(args.chromium, profile);
  let client;
  const seen = { console: [], exceptions: [], requests: [] };
  try {
    client = await CDP({ port });
    const { Page, Runtime, Emulation, Network } = client;
    Runtime.consoleAPICalled(({ type, args: values }) => {
      if (type === "error" || type === "warning") seen.console.push(type + ": " + values.map((v) => v.value ?? v.description).join(" "));
    });
    Runtime.exceptionThrown(({ exceptionDetails }) => {
      seen.exceptions.push(exceptionDetails.exception?.description || exceptionDetails.text);
    });
    const url = pathToFileURL(resolve(args.file)).href;
    // The report is self-contained: any request but the file itself is a fault.
    Network.requestWillBeSent(({ request }) => {
      if (request.url !== url && !request.url.startsWith("data:")) seen.requests.push(request.url);
    });
    await Promise.all([Page.enable(), Runtime.enable(), Network.enable()]);
    await Emulation.setDeviceMetricsOverride({ width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });
    const { evaluate } = pageScript(Runtime);
    const loaded = new Promise((r) => Page.loadEventFired(r));
    await Page.navigate({ url });
    await loaded;

    const matrix = await evaluate(READ_MATRIX);
    await sleep(100);
    const shot = await Page.captureScreenshot({ format: "png", clip: { x: 0, y: 0, width: 1280, height: 900, scale: 1 } });
    writeFileSync(args.screenshot, Buffer.from(shot.data, "base64"));

    // Sort by the first tender's column (the fourth), with the keyboard: worst first.
    const sortByFirstTender = `(() => { const b = document.querySelectorAll('#matrix thead button')[3]; b.focus(); return document.activeElement === b; })()`;
    const focused = await evaluate(sortByFirstTender);
    await client.Input.dispatchKeyEvent({ type: "keyDown", key: "Enter", code: "Enter", windowsVirtualKeyCode: 13, text: "\r" });
    await client.Input.dispatchKeyEvent({ type: "keyUp", key: "Enter", code: "Enter", windowsVirtualKeyCode: 13 });
    await sleep(100);
    const sorted = await evaluate(`({
      sort: document.querySelectorAll('#matrix thead th')[3].getAttribute('aria-sort'),
      order: [...document.querySelectorAll('#matrix tbody tr')].map((r) => r.cells[3].getAttribute('data-sort')),
      rules: [...document.querySelectorAll('#matrix tbody tr')].map((r) => r.cells[0].textContent.trim()),
    })`);

    // One click from a cell to its evidence: the section opens and is in view.
    const link = await evaluate(`(() => {
      const a = document.querySelector('#matrix tbody tr td.cell a');
      const id = a.getAttribute('href').slice(1);
      const closed = !document.getElementById(id).closest('details').open;
      a.click();
      return { id, closed, rule: a.closest('tr').cells[0].textContent.trim() };
    })()`);
    await sleep(200);
    const arrived = await evaluate(`(() => {
      const target = document.getElementById(${JSON.stringify(link.id)});
      const box = target.getBoundingClientRect();
      return { open: target.closest('details').open, inView: box.top >= 0 && box.top < innerHeight,
        heading: target.querySelector('h3').textContent, summary: target.closest('details').querySelector('summary').textContent };
    })()`);

    await evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const axe = await evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => ({ passes: r.passes.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })) }))`);
    process.stdout.write(JSON.stringify({ matrix, focused, sorted, link, arrived, axe, seen }) + "\n");
  } finally {
    await closeChromium(child, client, [profile]);
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
