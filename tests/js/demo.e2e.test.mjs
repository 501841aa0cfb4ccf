// End to end in headless Chromium: the demo page as a person uses it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveWww, launchChromium } from "./browser.mjs";

let server, browser, page;
const seen = { cspViolations: [], foreignRequests: [], pageErrors: [] };

before(async () => {
  server = await serveWww();
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("console", (m) => /Content Security Policy/i.test(m.text()) && seen.cspViolations.push(m.text()));
  page.on("pageerror", (e) => seen.pageErrors.push(String(e)));
  page.on("request", (r) => !r.url().startsWith(server.url) && !r.url().startsWith("data:") && seen.foreignRequests.push(r.url()));
  await page.goto(server.url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 15000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("a wrong resident ID check character shows the message and sets aria-invalid", async () => {
  const input = page.locator("#person_id");
  await input.fill("110105194912310021");
  await input.press("Tab");
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  const describedBy = await input.getAttribute("aria-describedby");
  const message = page.locator(`#${describedBy.split(" ").pop()}`);
  assert.match(await message.textContent(), /校验位不正确/);
  assert.equal(await message.isVisible(), true);
  await page.waitForFunction(() => document.querySelector("[data-icp-live]").textContent.includes("校验位"));
});

test("fixing the value clears the error while typing, and blur writes the normalized form", async () => {
  const input = page.locator("#person_id");
  await input.fill("11010519491231002x");
  assert.equal(await input.getAttribute("aria-invalid"), null);
  await input.press("Tab");
  assert.equal(await input.inputValue(), "11010519491231002X");
});

test("markup typed into a field is shown as text and never executed", async () => {
  const input = page.locator("#entity_cert_no");
  await input.fill('<img src=x onerror="window.__pwned=1">');
  await input.press("Tab");
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("form img").count(), 0);
});

test("submit with errors focuses the first invalid field", async () => {
  await page.locator("#person_id").fill("110105194912310021");
  await page.locator("button[type=submit]").click();
  const focused = await page.evaluate(() => document.activeElement.getAttribute("aria-invalid"));
  assert.equal(focused, "true");
});

// A baseline JPEG header (SOI, SOF0 with 3 components, SOS) padded to `size` bytes.
function jpeg(width, height, size) {
  const head = [0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0];
  const bytes = new Uint8Array(size);
  bytes.set(head);
  bytes.set([0xff, 0xd9], size - 2);
  return Buffer.from(bytes);
}

test("choosing a licence scan below 1500×1100 shows the dimension message", async () => {
  const input = page.locator("#entity_certificate");
  await input.setInputFiles({ name: "licence.jpg", mimeType: "image/jpeg", buffer: jpeg(1280, 720, 150 * 1024) });
  const describedBy = await input.getAttribute("aria-describedby");
  const message = page.locator(`#${describedBy.split(" ").pop()}`);
  await page.waitForFunction((id) => document.getElementById(id).textContent !== "", describedBy.split(" ").pop());
  assert.match(await message.textContent(), /1280×720.*1500×1100/);
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  await input.setInputFiles({ name: "licence.jpg", mimeType: "image/jpeg", buffer: jpeg(2000, 1500, 150 * 1024) });
  await page.waitForFunction((id) => document.getElementById(id).textContent === "", describedBy.split(" ").pop());
  assert.equal(await input.getAttribute("aria-invalid"), null);
});

test("no CSP violation, no page error, no request leaves the page's origin", () => {
  assert.deepStrictEqual(seen.cspViolations, []);
  assert.deepStrictEqual(seen.pageErrors, []);
  assert.deepStrictEqual(seen.foreignRequests, []);
});
