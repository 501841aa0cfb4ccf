// A page that imports the package as an app would, bundled by Vite and by esbuild, in headless
// Chromium: the form renders at once (no top-level await holds it), checks answer from the
// moment the field module arrives (ICP_NOT_READY with a `ready` promise before), the page load
// fetches the field module's wasm alone, the filing module comes when the page is idle after
// the first check, the IDN module only when a name needs it. With the wasm responses held 3 s
// the form is there long before; with the IDN download failing the app still works, reports
// the typed "failed" state, and a later check tries again. Served from 127.0.0.1; no network.
// (tests/compat/run.mjs runs the same page in every bundler and framework.)
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./helpers.mjs";
import { serveDir, launchChromium } from "./browser.mjs";

assert.ok(existsSync(join(ROOT, "pkg/package.json")), "pkg/ is missing: run tools/build-pkg.sh first");
const dir = mkdtempSync(join(tmpdir(), "icp-validate-bundlers-"));
mkdirSync(join(dir, "node_modules"));
symlinkSync(join(ROOT, "pkg"), join(dir, "node_modules/icp-validate"), "dir");
const sample = readFileSync(join(ROOT, "tests/filings/emergency_same_as_contact.json"), "utf8");
writeFileSync(
  join(dir, "main.js"),
  `import { validateField, isValid, loadLocale, validateFiling, ready, loadStatus } from "icp-validate";
document.body.insertAdjacentHTML("beforeend", '<h1 id="title">ICP 备案</h1><form><input name="resident_id"></form>');
window.mountedAt = performance.now();
let before;
try { validateField("resident_id", "11010519491231002X"); before = "answered"; } catch (e) { before = { code: e.code, state: e.state, hasReady: typeof e.ready?.then === "function" }; }
window.icpStatus = () => loadStatus();
const tryName = (value) => { try { return validateField("domain", value); } catch (e) { return { code: e.code, state: e.state, ready: e.ready }; } };
window.checkName = (value) => { const { ready, ...answer } = tryName(value); return answer; };
// The retry a widget would make: wait for the error's ready, then check again.
window.checkNameWhenLoaded = async (value) => {
  const first = tryName(value);
  if (!first.ready) return first;
  try { await first.ready; } catch (e) { return { code: e.code, module: e.module, after: first.code }; }
  return window.checkName(value);
};
const sample = ${sample};
window.checkFiling = async () => JSON.stringify(await validateFiling(sample.filing, sample.options));
await ready;
window.readyAt = performance.now();
const zh = validateField("resident_id", "110105194912310021");
await loadLocale("en");
const en = validateField("resident_id", "110105194912310021", null, "en");
document.body.dataset.result = JSON.stringify({ before, zh, en, ok: isValid("resident_id", "11010519491231002X"), bad: isValid("resident_id", "110105194912310021") });
`,
);
writeFileSync(join(dir, "index.html"), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="./main.js"></script></head><body></body></html>\n');

let browser;
const builds = {};
before(async () => {
  const { build } = await import("vite");
  builds.vite = join(dir, "vite-dist");
  await build({ root: dir, logLevel: "silent", build: { outDir: builds.vite, emptyOutDir: true } });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const wasmName = (p) => p.replace(/^.*\//, "").replace(/-[\w-]+(?=\.wasm$)/, "");

/** Opens the built page (with `route` handlers set first) and hands it to `body`. */
async function withPage(out, route, body) {
  const requests = [];
  const server = await serveDir(out, { requests });
  const page = await browser.newPage();
  const errors = [];
  const failed = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  try {
    if (route) await route(page);
    const t0 = Date.now();
    await page.goto(server.url);
    return await body({ page, requests, errors, failed, t0 });
  } finally {
    await page.close();
    await server.close();
  }
}

async function checkPage(out) {
  await withPage(out, null, async ({ page, requests, errors, failed }) => {
    await page.waitForFunction(() => document.body.dataset.result, null, { timeout: 15000 });
    const result = JSON.parse(await page.evaluate(() => document.body.dataset.result));
    assert.deepStrictEqual(result.before, { code: "ICP_NOT_READY", state: "loading", hasReady: true });
    assert.equal(result.zh.valid, false);
    assert.equal(result.zh.errors[0].code, "resident_id.checksum");
    assert.match(result.zh.errors[0].message, /校验位/);
    assert.match(result.en.errors[0].message, /check character/);
    assert.deepStrictEqual([result.ok, result.bad], [true, false]);
    // The page load fetched the field module alone; the first check asked for the filing
    // module when idle, and no IDN module yet.
    await page.waitForFunction(() => window.icpStatus().filing === "loaded", null, { timeout: 15000 });
    assert.deepStrictEqual(requests.filter((p) => p.endsWith(".wasm")).map(wasmName), ["icp_validate_bg.wasm", "icp_validate_filing_bg.wasm"], requests.join(" "));
    assert.equal(await page.evaluate(() => window.icpStatus().idn), "idle");
    // ASCII names need no IDN module; the first name that does loads it, and is answered.
    assert.equal((await page.evaluate(() => window.checkName("example.com"))).valid, true);
    assert.equal(await page.evaluate(() => window.icpStatus().idn), "idle");
    const idn = await page.evaluate(() => window.checkNameWhenLoaded("例子.中国"));
    assert.equal(idn.valid, true, JSON.stringify(idn));
    assert.equal(requests.filter((p) => p.endsWith(".wasm") && p.includes("idn")).length, 1, requests.join(" "));
    // The whole filing answers as natively, with no second download of the filing module.
    const report = JSON.parse(await page.evaluate(() => window.checkFiling()));
    assert.equal(report.valid, false);
    assert.ok(report.errors.some((e) => e.code === "filing.emergency_same_as_contact" && /应急联系电话/.test(e.message)), JSON.stringify(report.errors));
    assert.equal(requests.filter((p) => p.endsWith(".wasm") && p.includes("filing")).length, 1, requests.join(" "));
    assert.deepStrictEqual([errors, failed], [[], []]);
  });
}

test("Vite: the page renders at once, checks answer once the field module is here, later modules come on need", async () => {
  await checkPage(builds.vite);
});

test("esbuild: the same page, the wasm copied beside the bundle as the README says", async () => {
  const esbuild = await import("esbuild");
  const out = join(dir, "esbuild-dist");
  await esbuild.build({ entryPoints: [join(dir, "main.js")], bundle: true, splitting: true, format: "esm", platform: "browser", outdir: out, logLevel: "silent" });
  // esbuild leaves `new URL("./web/…", import.meta.url)` to the app (README): the web/ folder.
  cpSync(join(ROOT, "pkg/web"), join(out, "web"), { recursive: true });
  cpSync(join(dir, "index.html"), join(out, "index.html"));
  await checkPage(out);
});

test("the form renders while the wasm responses are held 3 s, and checks answer when they arrive", async () => {
  await withPage(builds.vite, (page) => page.route("**/*.wasm", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await route.continue();
  }), async ({ page, errors, failed, t0 }) => {
    await page.waitForSelector("#title", { timeout: 2500 });
    const rendered = Date.now() - t0;
    assert.ok(rendered < 2500, `the form took ${rendered} ms`);
    assert.equal(await page.evaluate(() => window.icpStatus().field), "loading");
    await page.waitForFunction(() => document.body.dataset.result, null, { timeout: 15000 });
    const { mountedAt, readyAt } = await page.evaluate(() => ({ mountedAt: window.mountedAt, readyAt: window.readyAt }));
    assert.ok(readyAt - mountedAt >= 2500, `ready ${readyAt - mountedAt} ms after mount, the wasm was held 3 s`);
    assert.equal(JSON.parse(await page.evaluate(() => document.body.dataset.result)).zh.errors[0].code, "resident_id.checksum");
    assert.deepStrictEqual([errors, failed], [[], []]);
  });
});

test("when the IDN download fails the app still works, reports the failed state, and a later check tries again", async () => {
  let blocked = true;
  let idnRequests = 0;
  await withPage(builds.vite, (page) => page.route("**/*idn*.wasm", (route) => {
    idnRequests++;
    return blocked ? route.abort("connectionfailed") : route.continue();
  }), async ({ page, errors }) => {
    await page.waitForFunction(() => document.body.dataset.result, null, { timeout: 15000 });
    assert.equal(JSON.parse(await page.evaluate(() => document.body.dataset.result)).zh.errors[0].code, "resident_id.checksum");
    // Every try fails: the typed state, never a blank page or an unhandled rejection.
    const failedCheck = await page.evaluate(() => window.checkNameWhenLoaded("例子.中国"));
    assert.deepStrictEqual(failedCheck, { code: "ICP_NOT_LOADED", module: "IDN", after: "ICP_IDN_NOT_LOADED" });
    assert.equal(await page.evaluate(() => window.icpStatus().idn), "failed");
    assert.equal(idnRequests, 3, "one try and two retries");
    assert.ok(await page.isVisible("#title"));
    assert.equal((await page.evaluate(() => window.checkName("example.com"))).valid, true, "ASCII names still answer");
    // The network is back: the next check that needs the module tries again, and answers.
    blocked = false;
    const again = await page.evaluate(() => window.checkName("例子.中国"));
    assert.deepStrictEqual([again.code, again.state], ["ICP_IDN_NOT_LOADED", "failed"]);
    const retried = await page.evaluate(() => window.checkNameWhenLoaded("例子.中国"));
    assert.equal(retried.valid, true, JSON.stringify(retried));
    assert.equal(await page.evaluate(() => window.icpStatus().idn), "loaded");
    // Chromium reports an aborted fetch on the console only; nothing reached the page as an error.
    assert.deepStrictEqual(errors, []);
  });
});
