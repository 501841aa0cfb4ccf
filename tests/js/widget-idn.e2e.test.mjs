// The widget and the IDN module that arrives after the field module: a name that is not
// plain ASCII, left before the IDN module is here, shows nothing yet and is checked once it
// arrives; a plain ASCII name is checked at once. In headless Chromium, through the web entry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ROOT } from "./helpers.mjs";
import { serveDir, launchChromium } from "./browser.mjs";

// Given the package's loadIdn, or without it (the wait the package's error names).
for (const withLoadIdn of [true, false]) test(`widget: a name typed before the IDN module arrives is checked when it does (${withLoadIdn ? "given loadIdn" : "without loadIdn"})`, async () => {
  const server = await serveDir(ROOT);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(server.url + "tests/js/package.json");
    await page.evaluate(async (withLoadIdn) => {
      document.body.innerHTML = '<form><label for="d">域名</label><input id="d" data-icp-field="domain"><label for="a">域名</label><input id="a" data-icp-field="domain"><button>提交</button></form>';
      const web = await import("/pkg/web.js");
      const { attach } = await import("/pkg/widget.js");
      // The IDN module's bytes arrive when the test says so.
      let arrive;
      const bytes = new Promise((resolve) => (arrive = resolve));
      window.arriveIdn = async () => arrive(await (await fetch("/pkg/web/icp_validate_idn_bg.wasm")).arrayBuffer());
      await web.default({ locale: "zh-CN", idn: () => bytes });
      attach(document.querySelector("form"), withLoadIdn ? { validateField: web.validateField, loadIdn: web.loadIdn } : { validateField: web.validateField });
    }, withLoadIdn);
    await page.locator("#d").fill("例子😀.中国");
    await page.locator("#d").press("Tab");
    await page.locator("#a").fill("bad..example.com");
    await page.locator("#a").press("Tab");
    const state = (id) => page.evaluate((id) => {
      const el = document.getElementById(id);
      const messages = (el.getAttribute("aria-describedby") || "").split(" ").map((m) => document.getElementById(m)).filter((m) => m && !m.hidden);
      return { invalid: el.getAttribute("aria-invalid"), message: messages.map((m) => m.textContent).join(" ") };
    }, id);
    // The ASCII name at once; the other waits, with no message and no verdict.
    assert.equal((await state("a")).invalid, "true");
    assert.deepEqual(await state("d"), { invalid: null, message: "" });
    await page.evaluate(() => window.arriveIdn());
    await page.waitForFunction(() => document.getElementById("d").getAttribute("aria-invalid") === "true", null, { timeout: 10000 });
    assert.match((await state("d")).message, /😀/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

// The package's default entry has no top-level await: a value left before the field module
// itself is here (ICP_NOT_READY, with its `ready` promise) is checked once it arrives, never
// thrown out of the widget's event handler.
test("widget: a value typed before the field module arrives is checked when it does (bundler entry, no init)", async () => {
  const server = await serveDir(ROOT);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route("**/web/icp_validate_bg.wasm", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.url + "tests/js/package.json");
    await page.evaluate(async () => {
      document.body.innerHTML = '<form><label for="r">身份证号码</label><input id="r" data-icp-field="resident_id"><button>提交</button></form>';
      const icp = await import("/pkg/bundler.js");
      const { attach } = await import("/pkg/widget.js");
      attach(document.querySelector("form"), { validateField: icp.validateField });
    });
    await page.locator("#r").fill("110105194912310021");
    await page.locator("#r").press("Tab");
    assert.equal(await page.evaluate(() => document.getElementById("r").getAttribute("aria-invalid")), null);
    release();
    await page.waitForFunction(() => document.getElementById("r").getAttribute("aria-invalid") === "true", null, { timeout: 15000 });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
