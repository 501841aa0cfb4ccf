// Page-load bytes and time to form of a small Vite app with and without the package, fast and
// throttled (CDP: 150 ms RTT, 1.6 Mbps down and up, CPU 4x slower), served gzipped (-9) from
// 127.0.0.1. "form" is the first render of the form; "checks" is when `ready` resolved (the first
// field can be checked). Bytes are what crossed the wire (gzip) before that point, and the wasm
// among them. Median of N runs (default 5). Needs tests/compat/vite installed (tools/compat.sh
// vite7-build does) and pkg/ built. Usage: node tests/compat/measure.mjs [N] [OTHER_PKG_DIR]
// (OTHER_PKG_DIR: another build of the package, measured the same way for comparison.)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, cpSync } from "node:fs";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { launchChromium } from "../js/browser.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "../..");
const runs = Number(process.argv[2] || 5);
const other = process.argv[3];
const vite = join(HERE, "vite/node_modules/vite7/bin/vite.js");

const form = `document.getElementById("app").innerHTML = '<h1 id="form-title">ICP 备案</h1><form><label>身份证号码 <input name="resident_id"></label><label>域名 <input name="domain"></label></form>';\n`;
const pages = {
  without: `${form}performance.mark("form");\n`,
  with: `import { ready, validateField } from "icp-validate";\n${form}performance.mark("form");\nready.then(() => { validateField("resident_id", "11010519491231002X"); performance.mark("checks"); });\n`,
  // A build that may have no `ready` (one ready on import): checks once the imports are done.
  other: `import { validateField } from "icp-validate";\n${form}performance.mark("form");\nPromise.resolve().then(() => { validateField("resident_id", "11010519491231002X"); performance.mark("checks"); });\n`,
};

function build(name, pkg) {
  const dir = mkdtempSync(join(tmpdir(), `icp-measure-${name}-`));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(pkg, join(dir, "node_modules/icp-validate"), "dir");
  writeFileSync(join(dir, "index.html"), readFileSync(join(HERE, "shared/index.html"), "utf8"));
  writeFileSync(join(dir, "main.js"), pages[name]);
  execFileSync("node", [vite, "build", "--logLevel", "silent"], { cwd: dir });
  return dir;
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm" };
async function serveGzipped(base) {
  const server = createServer(async (req, res) => {
    const path = normalize(new URL(req.url, "http://x").pathname).replace(/\/$/, "/index.html");
    try {
      const body = gzipSync(await readFile(join(base, path)), { level: 9 });
      res.writeHead(200, { "content-type": TYPES[extname(path)] || "application/octet-stream", "content-encoding": "gzip", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

async function once(browser, url, throttled, name) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (throttled) {
    const bytesPerSecond = (1.6 * 1000 * 1000) / 8;
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  await page.goto(url);
  const until = name === "without" ? "form" : "checks";
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, until, { timeout: 60000 });
  const m = await page.evaluate((until) => {
    const at = (n) => performance.getEntriesByName(n)[0].startTime;
    const end = at(until);
    const nav = performance.getEntriesByType("navigation")[0];
    const res = performance.getEntriesByType("resource").filter((e) => e.startTime <= end);
    return {
      form: at("form"),
      checks: until === "checks" ? end : null,
      bytes: nav.transferSize + res.reduce((n, e) => n + e.transferSize, 0),
      wasm: res.filter((e) => e.name.endsWith(".wasm")).reduce((n, e) => n + e.transferSize, 0),
    };
  }, until);
  await context.close();
  return m;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await launchChromium();
const rows = [];
const variants = [["without", join(ROOT, "pkg"), "without"], ["with", join(ROOT, "pkg"), "with the package"]];
if (other) variants.push(["other", other, `with ${other}`]);
for (const [name, pkg, label] of variants) {
  const dir = build(name, pkg);
  const server = await serveGzipped(join(dir, "dist"));
  for (const throttled of [false, true]) {
    const ms = [];
    for (let i = 0; i < runs; i++) ms.push(await once(browser, server.url, throttled, name));
    const pick = (k) => median(ms.map((m) => m[k]));
    rows.push({ page: label, profile: throttled ? "throttled" : "fast", form_ms: Math.round(pick("form")), checks_ms: name === "without" ? null : Math.round(pick("checks")), kb: (pick("bytes") / 1024).toFixed(1), wasm_kb: (pick("wasm") / 1024).toFixed(1) });
  }
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
await browser.close();
console.log(`| page | profile | form rendered (ms) | first check possible (ms) | bytes before it (KB, gzip) | of which wasm (KB) |\n|---|---|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.page} | ${r.profile} | ${r.form_ms} | ${r.checks_ms ?? "–"} | ${r.kb} | ${r.wasm_kb} |`);
console.log(`\nmedian of ${runs} runs; throttled: 150 ms RTT, 1.6 Mbps, CPU 4x; served gzip -9 from 127.0.0.1 (Vite ${JSON.parse(readFileSync(join(HERE, "vite/node_modules/vite7/package.json"), "utf8")).version} build)`);
