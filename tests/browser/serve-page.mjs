// Drives the page of `tenderlint serve` in headless Chromium over the DevTools
// protocol, as a person would use it, and prints what it saw as one JSON object
// on standard output for tests/suite/serve.rs to judge.
//
//   node serve-page.mjs --url URL --chromium PATH --screenshot PNG FILE…
//
// Steps: open the page, set the files on the file input, start the check with
// the keyboard, wait for the result, read the summary and one rule's evidence
// from the DOM, press a copy button and read the clipboard, take a screenshot,
// and run axe-core (WCAG 2.1 A and AA rules) in the page.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import CDP from "chrome-remote-interface";
import { closeChromium, pageScript, sleep, startChromium } from "./chromium.mjs";

const require = createRequire(import.meta.url);

function parseArgs(argv) {
  const args = { files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--url" || a === "--chromium" || a === "--screenshot") args[a.slice(2)] = argv[++i];
    else args.files.push(resolve(a));
  }
  for (const key of ["url", "chromium", "screenshot"]) {
    if (!args[key]) throw new Error(`missing --${key}`);
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const profile = mkdtempSync(join(tmpdir(), "tenderlint-chromium-"));
  const { child, port } = await startChromium(args.chromium, profile);
  let client;
  const seen = { console: [], exceptions: [], log: [] };
  try {
    client = await CDP({ port });
    const { Page, Runtime, DOM, Input, Emulation, Browser, Log } = client;
    Runtime.consoleAPICalled(({ type, args: values }) => {
      if (type === "error" || type === "warning") {
        seen.console.push(type + ": " + values.map((v) => v.value ?? v.description).join(" "));
      }
    });
    Runtime.exceptionThrown(({ exceptionDetails }) => {
      seen.exceptions.push(exceptionDetails.exception?.description || exceptionDetails.text);
    });
    // CSP violations and failed loads arrive here.
    Log.entryAdded(({ entry }) => {
      if (entry.level === "error" || entry.level === "warning") seen.log.push(entry.source + ": " + entry.text);
    });
    await Promise.all([Page.enable(), Runtime.enable(), DOM.enable(), Log.enable()]);
    await Emulation.setDeviceMetricsOverride({ width: 1280, height: 2100, deviceScaleFactor: 1, mobile: false });
    const origin = new URL(args.url).origin;
    await Browser.grantPermissions({ origin, permissions: ["clipboardReadWrite", "clipboardSanitizedWrite"] });

    const { evaluate, waitFor } = pageScript(Runtime, { ms: 60000, step: 100 });

    await Page.navigate({ url: args.url });
    await waitFor("document.body && document.body.dataset.ready === 'yes'", "the page to start");
    const lang = await evaluate("document.documentElement.lang");

    const { root } = await DOM.getDocument({});
    const { nodeId } = await DOM.querySelector({ nodeId: root.nodeId, selector: "#files" });
    await DOM.setFileInputFiles({ nodeId, files: args.files });
    await waitFor(`document.querySelectorAll('#chosen li').length === ${args.files.length}`, "the chosen files to be listed");

    // Keyboard only: Tab from the file input to the button, then Enter.
    await evaluate("document.querySelector('#files').focus()");
    const key = async (name, code, keyCode, text) => {
      await Input.dispatchKeyEvent({ type: "keyDown", key: name, code, windowsVirtualKeyCode: keyCode, text });
      await Input.dispatchKeyEvent({ type: "keyUp", key: name, code, windowsVirtualKeyCode: keyCode });
    };
    for (let i = 0; i < 40 && (await evaluate("document.activeElement.id")) !== "run"; i++) {
      await key("Tab", "Tab", 9);
    }
    const focusVisible = await evaluate(`document.activeElement.id === 'run'
      && document.activeElement.matches(':focus-visible')
      && getComputedStyle(document.activeElement).outlineStyle !== 'none'`);
    await key("Enter", "Enter", 13, "\r");
    await waitFor("!document.querySelector('#result').hidden && document.querySelectorAll('#rules li.rule').length > 0", "the result");
    await sleep(300);
    // The result is brought into view and focused when it arrives.
    const arrived = await evaluate(`(() => {
      const top = document.querySelector('#result').getBoundingClientRect().top;
      return { scrollY: window.scrollY, top, inView: top >= -1 && top < window.innerHeight / 2,
        focused: document.activeElement && document.activeElement.id };
    })()`);
    // The to-do list: what to fix, most important first, before every other rule.
    const todo = await evaluate(`(() => {
      const items = Array.from(document.querySelectorAll('#todo li.todo-item'));
      const todo = document.querySelector('#todo');
      const all = document.querySelector('#rules');
      return {
        title: document.querySelector('#todo-title').textContent,
        items: items.map((li) => ({
          rule: li.dataset.rule,
          severity: li.querySelector('.severity').textContent,
          shape: li.querySelector('.shape').textContent,
          outcome: li.querySelector('.badge').textContent,
          open: li.querySelector('details').open,
          message: li.querySelector('.reason') ? li.querySelector('.reason').textContent : null,
        })),
        beforeAllRules: !!(todo.compareDocumentPosition(all) & Node.DOCUMENT_POSITION_FOLLOWING),
        allRulesOpen: document.querySelector('#all-rules').open,
        chartTallies: Array.from(document.querySelectorAll('#chart .tally')).map((s) => s.textContent),
      };
    })()`);
    // The list of every rule is folded away; open it for the checks below.
    await evaluate("document.querySelector('#all-rules').open = true; document.querySelector('#todo details').open = false");

    const dom = await evaluate(`(() => {
      const rules = Array.from(document.querySelectorAll('#rules li.rule'));
      const withEvidence = rules.find((li) => li.querySelector('.evidence-item'));
      const item = withEvidence && withEvidence.querySelector('.evidence-item');
      return {
        totals: document.querySelector('#totals').textContent,
        servicesLine: document.querySelector('#services-line').textContent,
        notices: Array.from(document.querySelectorAll('#notices li')).map((li) => li.textContent),
        status: document.querySelector('#status').textContent,
        files: Array.from(document.querySelectorAll('#files-read li')).map((li) => li.textContent),
        chart: Array.from(document.querySelectorAll('#chart .bar')).map((b) => b.getAttribute('aria-label')),
        order: rules.map((li) => li.dataset.rule + ':' + li.className.replace('rule ', '')),
        evidence: withEvidence ? {
          rule: withEvidence.dataset.rule,
          where: item.querySelector('.where').textContent,
          excerpt: item.querySelector('.excerpt').textContent,
        } : null,
      };
    })()`);

    // The first copy button: the text it copies must reach the clipboard.
    const copy = await evaluate(`(() => {
      const button = document.querySelector('#rules button.copy');
      if (!button) return null;
      const text = document.getElementById(button.getAttribute('aria-describedby')).textContent;
      const rule = button.closest('li.rule').dataset.rule;
      button.scrollIntoView({ block: 'center' });
      const box = button.getBoundingClientRect();
      return { text, rule, x: box.left + box.width / 2, y: box.top + box.height / 2 };
    })()`);
    if (copy) {
      for (const type of ["mousePressed", "mouseReleased"]) {
        await Input.dispatchMouseEvent({ type, x: copy.x, y: copy.y, button: "left", clickCount: 1 });
      }
      await waitFor("document.querySelector('#rules button.copy').dataset.copied !== undefined", "the copy to finish", 10000);
      copy.copied = await evaluate("document.querySelector('#rules button.copy').dataset.copied");
      copy.clipboard = await evaluate("navigator.clipboard.readText().catch((e) => 'ERROR ' + e)", { userGesture: true });
      await sleep(100);
      copy.announced = await evaluate("document.querySelector('#status').textContent");
    }

    // The filters: only missing rules of one category.
    const filtered = await evaluate(`(() => {
      for (const box of document.querySelectorAll('input[name=status]')) {
        box.checked = box.value === 'missing';
        box.dispatchEvent(new Event('change'));
      }
      const select = document.querySelector('#category');
      select.value = select.options[1] ? select.options[1].value : '';
      select.dispatchEvent(new Event('change'));
      const shown = Array.from(document.querySelectorAll('#rules li.rule'));
      const ok = shown.every((li) => li.classList.contains('missing') || li.classList.contains('violation'));
      const result = { category: select.value, shown: shown.length, onlyMissing: ok };
      for (const box of document.querySelectorAll('input[name=status]')) {
        box.checked = true;
        box.dispatchEvent(new Event('change'));
      }
      select.value = '';
      select.dispatchEvent(new Event('change'));
      return result;
    })()`);

    // The Word download, as the page does it: the report arrives as a file.
    const downloads = mkdtempSync(join(tmpdir(), "tenderlint-downloads-"));
    await Browser.setDownloadBehavior({ behavior: "allow", downloadPath: downloads, eventsEnabled: true });
    const downloaded = new Promise((resolveDownload) => {
      client.on("Browser.downloadProgress", (event) => {
        if (event.state === "completed" || event.state === "canceled") resolveDownload(event);
      });
    });
    const names = new Map();
    client.on("Browser.downloadWillBegin", (event) => names.set(event.guid, event.suggestedFilename));
    await evaluate("document.querySelector('button.download[data-format=docx]').click()", { userGesture: true });
    const timeout = new Promise((r) => setTimeout(() => r({ state: "timeout" }), 60000).unref());
    const progress = await Promise.race([downloaded, timeout]);
    let word = { state: progress.state, name: names.get(progress.guid) || null };
    if (progress.state === "completed") {
      // "allow" keeps the name the server gave (Content-Disposition).
      const bytes = readFileSync(join(downloads, word.name || "missing"));
      word.size = bytes.length;
      word.zip = bytes.subarray(0, 2).toString("latin1") === "PK";
    }
    rmSync(downloads, { recursive: true, force: true });

    // The picture for the README: the result as it arrives, the to-do list first
    // with its first item opened, the list of every rule folded as a user finds it.
    await evaluate("document.querySelector('#all-rules').open = false; document.querySelector('#todo details').open = true");
    const resultTop = await evaluate("Math.max(0, Math.round(document.querySelector('#result').getBoundingClientRect().top + window.scrollY) - 16)");
    await evaluate("window.scrollTo(0, 0)");
    await sleep(200);
    const shot = await Page.captureScreenshot({ format: "png", clip: { x: 0, y: resultTop, width: 1280, height: 1400, scale: 1 }, captureBeyondViewport: true });
    await evaluate("document.querySelector('#all-rules').open = true; document.querySelector('#todo details').open = false");
    writeFileSync(args.screenshot, Buffer.from(shot.data, "base64"));

    // axe-core is put into the page through the protocol, not a script tag:
    // the page's CSP rightly refuses scripts from anywhere else.
    await evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const axe = await evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => ({
        passes: r.passes.length,
        violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })),
      }))`);

    // Another language: the page's words change and the result is fetched again in it.
    await evaluate(`(() => {
      const select = document.querySelector('#lang');
      select.value = 'nn';
      select.dispatchEvent(new Event('change'));
    })()`);
    await waitFor("/reglar ·/.test(document.querySelector('#totals').textContent)", "the result in nynorsk");
    const nynorsk = await evaluate(`({
      lang: document.documentElement.lang,
      run: document.querySelector('#run').textContent,
      totals: document.querySelector('#totals').textContent,
      servicesLine: document.querySelector('#services-line').textContent,
      notices: Array.from(document.querySelectorAll('#notices li')).map((li) => li.textContent),
      badge: document.querySelector('#rules .badge').textContent,
    })`);

    // Files over the server's --max-upload are refused by the page itself: the server
    // would answer 413 from the header, before the body, which a browser may show as a
    // broken connection. Seen by lowering the limit the page read from /api/rules.
    const tooLarge = await evaluate(`(() => {
      const limit = page.catalogue.max_upload;
      page.catalogue.max_upload = 1;
      document.querySelector('#run').click();
      const text = document.querySelector('#problem').textContent;
      page.catalogue.max_upload = limit;
      return { limit, text };
    })()`);

    process.stdout.write(JSON.stringify({ lang, focusVisible, arrived, todo, dom, copy, filtered, word, axe, nynorsk, tooLarge, seen }) + "\n");
  } finally {
    await closeChromium(child, client, [profile]);
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
