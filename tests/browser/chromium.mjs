// What the browser drivers (serve-page.mjs, web-page.mjs, compare-page.mjs,
// heatmap.mjs) need: Chromium started headless with the flags this machine's
// closed network needs, on a DevTools port of its own; and the static page served
// from a folder.
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

export function startChromium(path, profile) {
  const child = spawn(path, [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
    "--lang=nb-NO", "--accept-lang=nb-NO,nb",
    "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank",
  ], { stdio: ["ignore", "ignore", "pipe"] });
  return new Promise((resolveStart, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error("Chromium did not start:\n" + log)), 30000);
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(log);
      if (match) {
        clearTimeout(timer);
        resolveStart({ child, port: Number(match[1]) });
      }
    });
    child.on("exit", (code) => reject(new Error(`Chromium exited (${code}):\n` + log)));
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
};

// A plain static file server over the folder: what a municipality's intranet
// server or a Pages site does, and nothing more (no CSP header: the page brings its own).
export function serveFolder(dir) {
  const root = resolve(dir);
  const served = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    const file = normalize(join(root, path === "/" ? "index.html" : path));
    served.push(path);
    if (!file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream" });
      response.end(body);
    } catch (e) {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolveListen) => {
    server.listen(0, "127.0.0.1", () => resolveListen({ server, served, port: server.address().port }));
  });
}

// Every driver ends so, whether it passed or threw: the browser and the connection to it
// closed, its exit awaited (5 s at most, then killed), and its folders removed — a folder
// Chromium still writes to may refuse the first tries.
export async function closeChromium(child, client, dirs) {
  const exited = new Promise((r) => { child.once("exit", r); setTimeout(r, 5000).unref(); });
  if (client) {
    await client.Browser.close().catch(() => {});
    await client.close().catch(() => {});
  }
  await exited;
  child.kill("SIGKILL");
  for (const dir of dirs) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch (e) {
      process.stderr.write(`note: could not remove ${dir}: ${e.message}\n`);
    }
  }
}

// A page's JavaScript run through DevTools: `evaluate` returns the expression's value (an
// exception in the page becomes an error naming the expression); `waitFor` polls one until
// it is true, every `step` ms, for at most `ms` (each driver's own patience).
export function pageScript(Runtime, { ms = 60000, step = 100 } = {}) {
  const evaluate = async (expression, options = {}) => {
    const { result, exceptionDetails } = await Runtime.evaluate({
      expression, returnByValue: true, awaitPromise: true, ...options,
    });
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description || exceptionDetails.text}`);
    return result.value;
  };
  const waitFor = async (expression, what, limit = ms) => {
    const end = Date.now() + limit;
    while (Date.now() < end) {
      if (await evaluate(expression)) return;
      await sleep(step);
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  return { evaluate, waitFor };
}
