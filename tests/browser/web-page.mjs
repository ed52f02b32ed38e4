// Drives the static page (scripts/build-web.sh → target/web/) in headless
// Chromium over the DevTools protocol, and prints what it saw as one JSON object
// on standard output for tests/suite/web.rs (and benches/web.sh) to judge.
//
//   node web-page.mjs --dir target/web --chromium PATH [--no-axe]
//                     --tender NAME FILE… [--tender NAME FILE…]
//
// A small static server of its own serves the folder, as any web server would.
// Once the page says it is ready, the network is cut (DevTools
// Network.emulateNetworkConditions, offline) and the server closed; then each
// tender's files are set on the file input and checked, every rule's status and
// evidence read from the DOM, the first tender's Word, HTML and JSON reports and
// its reviewed documents downloaded, and axe-core (WCAG 2.1 A and AA) run in the page. Every request the page
// makes after the cut is reported.

import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import CDP from "chrome-remote-interface";
import { closeChromium, pageScript, serveFolder, sleep, startChromium } from "./chromium.mjs";

const require = createRequire(import.meta.url);

function parseArgs(argv) {
  const args = { tenders: [], axe: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--dir" || a === "--chromium") args[a.slice(2)] = argv[++i];
    else if (a === "--no-axe") args.axe = false;
    else if (a === "--tender") args.tenders.push({ name: argv[++i], files: [] });
    else if (args.tenders.length) args.tenders[args.tenders.length - 1].files.push(resolve(a));
    else throw new Error(`a file before any --tender: ${a}`);
  }
  for (const key of ["dir", "chromium"]) {
    if (!args[key]) throw new Error(`missing --${key}`);
  }
  if (!args.tenders.length || args.tenders.some((t) => !t.files.length)) throw new Error("each --tender needs files");
  return args;
}

// Every rule as the page shows it: status, and each piece of evidence's place and excerpt.
const READ_PAGE = `(() => ({
  totals: document.querySelector('#totals').textContent,
  servicesLine: document.querySelector('#services-line').textContent,
  notices: Array.from(document.querySelectorAll('#notices li')).map((li) => li.textContent),
  problem: document.querySelector('#problem').textContent,
  files: Array.from(document.querySelectorAll('#files-read li')).map((li) => li.textContent),
  rules: Array.from(document.querySelectorAll('#rules li.rule')).map((li) => ({
    rule: li.dataset.rule,
    status: li.className.replace('rule ', ''),
    evidence: Array.from(li.querySelectorAll('.evidence-item')).map((item) => ({
      where: item.querySelector('.where').textContent,
      excerpt: item.querySelector('.excerpt').textContent,
    })),
  })),
}))()`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { server, served, port } = await serveFolder(args.dir);
  const profile = mkdtempSync(join(tmpdir(), "tenderlint-chromium-"));
  const downloads = mkdtempSync(join(tmpdir(), "tenderlint-downloads-"));
  const { child, port: debugPort } = await startChromium(args.chromium, profile);
  let client;
  const seen = { console: [], exceptions: [], log: [], requestsAfterCut: [] };
  try {
    client = await CDP({ port: debugPort });
    const { Page, Runtime, DOM, Browser, Log, Network } = client;
    Runtime.consoleAPICalled(({ type, args: values }) => {
      if (type === "error" || type === "warning") {
        seen.console.push(type + ": " + values.map((v) => v.value ?? v.description).join(" "));
      }
    });
    Runtime.exceptionThrown(({ exceptionDetails }) => {
      seen.exceptions.push(exceptionDetails.exception?.description || exceptionDetails.text);
    });
    Log.entryAdded(({ entry }) => {
      if (entry.level === "error" || entry.level === "warning") seen.log.push(entry.source + ": " + entry.text);
    });
    let cut = false;
    Network.requestWillBeSent(({ request }) => {
      // blob: URLs are the downloads the page makes in memory, not the network.
      if (cut && !request.url.startsWith("blob:") && !request.url.startsWith("data:")) seen.requestsAfterCut.push(request.url);
    });
    await Promise.all([Page.enable(), Runtime.enable(), DOM.enable(), Log.enable(), Network.enable()]);

    const { evaluate, waitFor } = pageScript(Runtime, { ms: 300000, step: 25 });

    const loadStart = Date.now();
    await Page.navigate({ url: `http://127.0.0.1:${port}/` });
    // Ready, or a problem said (the checker could not be loaded): either ends the wait.
    await waitFor("document.readyState === 'complete' && (document.body.dataset.ready === 'yes' || document.querySelector('#problem').textContent !== '')", "the page to start", 120000);
    const loadMs = Date.now() - loadStart;
    const start = await evaluate(`({
      ready: document.body.dataset.ready === 'yes',
      problem: document.querySelector('#problem').textContent,
      checker: document.body.dataset.checker || null,
      lang: document.documentElement.lang,
      services: document.querySelectorAll('#service-list input').length,
      about: document.querySelector('#about').textContent,
    })`);
    const servedBeforeCut = served.slice();

    // From here on the page has no network and no server.
    await Network.emulateNetworkConditions({ offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    cut = true;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));

    await Browser.setDownloadBehavior({ behavior: "allow", downloadPath: downloads, eventsEnabled: true });
    const names = new Map();
    client.on("Browser.downloadWillBegin", (event) => names.set(event.guid, event.suggestedFilename));
    const download = async (format) => {
      const finished = new Promise((resolveDownload) => {
        const listener = (event) => {
          if (event.state === "completed" || event.state === "canceled") {
            client.removeListener("Browser.downloadProgress", listener);
            resolveDownload(event);
          }
        };
        client.on("Browser.downloadProgress", listener);
      });
      await evaluate(`document.querySelector('button.download[data-format=${format}]').click()`, { userGesture: true });
      // unref: a pending timer must not keep the driver alive once it is done.
      const timeout = new Promise((r) => setTimeout(() => r({ state: "timeout" }), 120000).unref());
      const progress = await Promise.race([finished, timeout]);
      const got = { state: progress.state, name: names.get(progress.guid) || null };
      if (progress.state === "completed") {
        const bytes = readFileSync(join(downloads, got.name));
        got.size = bytes.length;
        got.zip = bytes.subarray(0, 2).toString("latin1") === "PK";
        if (format === "html" || format === "json") got.text = bytes.toString("utf8");
      }
      return got;
    };

    const { root } = await DOM.getDocument({});
    const { nodeId } = await DOM.querySelector({ nodeId: root.nodeId, selector: "#files" });
    const tenders = [];
    for (const [index, tender] of args.tenders.entries()) {
      await evaluate("document.querySelector('#clear').hidden || document.querySelector('#clear').click()");
      await DOM.setFileInputFiles({ nodeId, files: tender.files });
      await waitFor(`document.querySelectorAll('#chosen li').length === ${tender.files.length}`, "the chosen files to be listed");
      await evaluate("window.previousReport = page.report; document.querySelector('#run').click()");
      const began = Date.now();
      await waitFor("(page.report !== window.previousReport || document.querySelector('#problem').textContent !== '') && !document.querySelector('#run').disabled", `the result of ${tender.name}`);
      const ms = Date.now() - began;
      const shown = await evaluate(READ_PAGE);
      const result = { name: tender.name, ms, ...shown };
      if (index === 0) {
        result.downloads = {};
        for (const format of ["docx", "html", "json", "review"]) result.downloads[format] = await download(format);
      }
      tenders.push(result);
    }

    let axe = null;
    if (args.axe) {
      // Put in through the protocol: the page's CSP refuses scripts from anywhere else.
      await evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
      axe = await evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
        .then((r) => ({
          passes: r.passes.length,
          violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })),
        }))`);
    }
    const wasm = readdirSync(args.dir).filter((f) => f.endsWith(".wasm"));
    process.stdout.write(JSON.stringify({ loadMs, start, servedBeforeCut, wasm, tenders, axe, seen }) + "\n");
  } finally {
    server.closeAllConnections();
    server.close();
    await closeChromium(child, client, [profile, downloads]);
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
