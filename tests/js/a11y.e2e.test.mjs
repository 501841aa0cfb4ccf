// Accessibility of the demo with axe-core, in headless Chromium, in three states: fresh,
// after a blocked submit (messages, error summary), and complete.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { serveWww, launchChromium } from "./browser.mjs";

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let server, browser, page;

before(async () => {
  server = await serveWww();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 15000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// axe is evaluated through the debugging protocol, so the page's CSP (no inline script) stays.
async function violations() {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("fresh: no axe violation", async () => {
  assert.deepEqual(await violations(), []);
});

test("after a blocked submit (messages and the error summary): no axe violation", async () => {
  await page.locator("#person_id").fill("110105194912310021");
  await page.locator("#person_id").press("Tab");
  await page.locator("#add_domain").click();
  await page.locator("#extra_domains input").fill("bad..example.com");
  await page.locator("button[type=submit]").click();
  await page.waitForSelector("[data-icp-summary]:not([hidden])");
  assert.deepEqual(await violations(), []);
});

test("complete (every check passes): no axe violation", async () => {
  for (const row of await page.locator("#extra_domains .remove-row").all()) await row.click();
  // The filing of examples/filings/website.json, typed into the form.
  const values = {
    province: "北京",
    entity_name: "北京云帆科技有限公司",
    entity_cert_no: "91110108MA01ABCD5T",
    entity_address: "北京市海淀区中关村大街1号",
    person_name: "张三",
    person_id: "11010519491231002X",
    person_validity: "2016-08-01~长期",
    person_mobile: "13000100000",
    person_emergency: "010-82998299",
    person_email: "zhangsan@yunfan.com.cn",
    website_name: "云帆科技官网",
    website_domain: "yunfan.com.cn",
    website_categories: "企业官网",
  };
  for (const [id, value] of Object.entries(values)) {
    await page.locator(`#${id}`).fill(value);
    await page.locator(`#${id}`).press("Tab");
  }
  await page.locator("button[type=submit]").click();
  await page.waitForFunction(() => window.icpDemo.report() !== null);
  const report = await page.evaluate(() => window.icpDemo.report());
  assert.deepEqual(report.errors.map((e) => `${e.path} ${e.code}`), []);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('[aria-invalid="true"]')].map((c) => c.id + " " + c.value)), []);
  await page.waitForFunction(() => document.getElementById("summary").textContent !== "");
  assert.equal(await page.locator("[data-icp-summary]").isVisible(), false);
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
  assert.deepEqual(await violations(), []);
});
