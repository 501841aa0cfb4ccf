// A page that imports the package as an app would, bundled by Vite and by esbuild, validates
// a field in headless Chromium without calling init(): the "icp-validate" export gives
// bundlers the entry that is ready on import. It fetches the filing module only when it
// first checks a whole filing. Served from 127.0.0.1; no network.
import { test, after } from "node:test";
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
writeFileSync(
  join(dir, "main.js"),
  `import { validateField, isValid, loadLocale, validateFiling } from "icp-validate";
const zh = validateField("resident_id", "110105194912310021");
await loadLocale("en");
const en = validateField("resident_id", "110105194912310021", null, "en");
document.body.dataset.result = JSON.stringify({ zh, en, ok: isValid("resident_id", "11010519491231002X"), bad: isValid("resident_id", "110105194912310021") });
const sample = ${readFileSync(join(ROOT, "tests/filings/emergency_same_as_contact.json"), "utf8")};
window.checkFiling = async () => JSON.stringify(await validateFiling(sample.filing, sample.options));
`,
);
writeFileSync(join(dir, "index.html"), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><script type="module" src="./main.js"></script></head><body></body></html>\n');

let browser;
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Loads the built page and returns what it recorded, and the paths it requested. */
async function run(out) {
  const requests = [];
  const server = await serveDir(out, { requests });
  browser = browser || (await launchChromium());
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.result, null, { timeout: 15000 });
    const beforeFiling = [...requests];
    const report = JSON.parse(await page.evaluate(() => window.checkFiling()));
    assert.deepStrictEqual(errors, []);
    return { result: JSON.parse(await page.evaluate(() => document.body.dataset.result)), beforeFiling, report, requests };
  } finally {
    await page.close();
    await server.close();
  }
}

function check({ result, beforeFiling, report, requests }) {
  assert.equal(result.zh.valid, false);
  assert.equal(result.zh.errors[0].code, "resident_id.checksum");
  assert.match(result.zh.errors[0].message, /校验位/);
  assert.match(result.en.errors[0].message, /check character/);
  assert.deepStrictEqual([result.ok, result.bad], [true, false]);
  // Fields alone fetch the field module and the IDN module (awaited by the bundler entry,
  // whose functions are all ready on import), nothing of the filing module.
  assert.deepStrictEqual(beforeFiling.filter((p) => p.endsWith(".wasm")).map((p) => p.replace(/^.*\/|-[\w-]+(?=\.wasm$)/g, "")).sort(), ["icp_validate_bg.wasm", "icp_validate_idn_bg.wasm"], beforeFiling.join(" "));
  assert.ok(!beforeFiling.some((p) => p.includes("filing")), beforeFiling.join(" "));
  // The first whole-filing check fetches it, and answers as natively.
  assert.equal(requests.filter((p) => p.endsWith(".wasm") && p.includes("filing")).length, 1, requests.join(" "));
  assert.equal(report.valid, false);
  assert.ok(report.errors.some((e) => e.code === "filing.emergency_same_as_contact" && /应急联系电话/.test(e.message)), JSON.stringify(report.errors));
}

test("Vite: the page validates a field with no init() and no plugin", async () => {
  const { build } = await import("vite");
  const out = join(dir, "vite-dist");
  await build({ root: dir, logLevel: "silent", build: { outDir: out, emptyOutDir: true } });
  check(await run(out));
});

test("esbuild: the page validates a field with no init(); the wasm is copied beside the bundle", async () => {
  const esbuild = await import("esbuild");
  const out = join(dir, "esbuild-dist");
  await esbuild.build({ entryPoints: [join(dir, "main.js")], bundle: true, splitting: true, format: "esm", platform: "browser", outdir: out, logLevel: "silent" });
  // esbuild leaves `new URL("./web/icp_validate_bg.wasm", import.meta.url)` to the app (README).
  mkdirSync(join(out, "web"));
  cpSync(join(ROOT, "pkg/web/icp_validate_bg.wasm"), join(out, "web/icp_validate_bg.wasm"));
  cpSync(join(ROOT, "pkg/web/icp_validate_filing_bg.wasm"), join(out, "web/icp_validate_filing_bg.wasm"));
  cpSync(join(ROOT, "pkg/web/icp_validate_idn_bg.wasm"), join(out, "web/icp_validate_idn_bg.wasm"));
  cpSync(join(dir, "index.html"), join(out, "index.html"));
  check(await run(out));
});
