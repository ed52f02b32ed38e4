// What both browser drivers (serve-page.mjs, web-page.mjs) need: Chromium started
// headless with the flags this machine's closed network needs, on a DevTools port
// of its own.
import { spawn } from "node:child_process";

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
