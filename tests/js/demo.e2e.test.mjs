// End to end in headless Chromium: the demo page as a person uses it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveWww, launchChromium } from "./browser.mjs";

let server, browser, page;
const seen = { cspViolations: [], foreignRequests: [], pageErrors: [], atLoad: [], afterLoad: [], notFound: [] };
let loaded = false;

before(async () => {
  server = await serveWww();
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("console", (m) => /Content Security Policy/i.test(m.text()) && seen.cspViolations.push(m.text()));
  page.on("pageerror", (e) => seen.pageErrors.push(String(e)));
  page.on("request", (r) => !r.url().startsWith(server.url) && !r.url().startsWith("data:") && seen.foreignRequests.push(r.url()));
  page.on("request", (r) => (loaded ? seen.afterLoad : seen.atLoad).push(r.url()));
  page.on("response", (r) => r.status() === 404 && seen.notFound.push(r.url()));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(server.url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 15000 });
  loaded = true;
});

/** The element holding a control's own message (or its cross-field message with kind "cross"). */
async function messageOf(input, kind = "message") {
  const ids = (await input.getAttribute("aria-describedby")).split(" ");
  for (const id of ids) {
    const el = page.locator(`#${id}`);
    if ((await el.getAttribute(`data-icp-${kind}`)) !== null) return el;
  }
  throw new Error(`no ${kind} element`);
}

after(async () => {
  await browser?.close();
  await server?.close();
});

test("a wrong resident ID check character shows the message and sets aria-invalid", async () => {
  const input = page.locator("#person_id");
  await input.fill("110105194912310021");
  await input.press("Tab");
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  const message = await messageOf(input);
  assert.match(await message.textContent(), /校验位不正确/);
  assert.equal(await message.isVisible(), true);
  await page.waitForFunction(() => document.querySelector("[data-icp-live]").textContent.includes("校验位"));
});

test("an empty required field merely tabbed past is not painted red before a submit", async () => {
  const input = page.locator("#website_name");
  await input.focus();
  await input.press("Tab");
  assert.equal(await input.getAttribute("aria-invalid"), null);
  assert.equal(await (await messageOf(input)).isVisible(), false);
  // Typed into and emptied again, it is.
  await input.fill("x");
  await input.fill("");
  await input.press("Tab");
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  assert.match(await (await messageOf(input)).textContent(), /请填写/);
});

test("required controls are marked at their label, optional ones are not", async () => {
  const mark = (id) => page.evaluate((id) => getComputedStyle(document.querySelector(`label[for=${id}]`), "::after").content, id);
  assert.equal(await mark("website_name"), '" *"');
  assert.equal(await mark("person_id"), '" *"');
  assert.equal(await mark("domain_holder"), "none");
});

test("fixing the value clears the error while typing, and blur writes the normalized form", async () => {
  const input = page.locator("#person_id");
  await input.fill("11010519491231002x");
  assert.equal(await input.getAttribute("aria-invalid"), null);
  await input.press("Tab");
  assert.equal(await input.inputValue(), "11010519491231002X");
});

test("an IME composition is not validated until it ends (pinyin typed into a touched name)", async () => {
  const input = page.locator("#person_name");
  await input.fill("张三");
  await input.press("Tab");
  const message = await messageOf(input);
  assert.equal(await message.textContent(), "");
  await input.focus();
  await input.press("End");
  const cdp = await page.context().newCDPSession(page);
  // Pinyin in the middle of composition: the field holds "张三zh", which as a name is wrong.
  await cdp.send("Input.imeSetComposition", { text: "zh", selectionStart: 2, selectionEnd: 2 });
  assert.equal(await input.inputValue(), "张三zh");
  assert.equal(await message.textContent(), "", "no message during composition");
  assert.equal(await input.getAttribute("aria-invalid"), null);
  // The composition ends with a Latin letter committed: now it is checked.
  await cdp.send("Input.insertText", { text: "z" });
  assert.equal(await input.inputValue(), "张三z");
  await page.waitForFunction((id) => document.getElementById(id).getAttribute("aria-invalid") === "true", await input.getAttribute("id"));
  assert.notEqual(await message.textContent(), "");
  await input.fill("张三");
  await cdp.detach();
});

test("a newer announcement cancels the one still waiting", async () => {
  const input = page.locator("#person_id");
  // A wrong number then at once the right one: the live region must not read the error late.
  await page.evaluate(() => {
    const el = document.getElementById("person_id");
    for (const v of ["110105194912310021", "11010519491231002X"]) {
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
  await page.waitForTimeout(200);
  const live = await page.locator("[data-icp-live]").textContent();
  assert.doesNotMatch(live, /校验位/);
  assert.equal(await input.getAttribute("aria-invalid"), null);
});

test("a Unicode domain keeps its Unicode form on blur, other normalisations still apply", async () => {
  const input = page.locator("#website_domain");
  await input.fill("例子.中国");
  await input.press("Tab");
  assert.equal(await input.inputValue(), "例子.中国");
  await input.fill("EXAMPLE.cn");
  await input.press("Tab");
  assert.equal(await input.inputValue(), "example.cn", "other normalisations still apply");
  await input.fill("");
});

test("markup typed into a field is shown as text and never executed", async () => {
  const input = page.locator("#entity_cert_no");
  await input.fill('<img src=x onerror="window.__pwned=1">');
  await input.press("Tab");
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("form img").count(), 0);
});

test("a blocked submit shows the error summary, focused, with a link to each problem", async () => {
  await page.locator("#person_id").fill("110105194912310021");
  await page.locator("button[type=submit]").click();
  const summary = page.locator("[data-icp-summary]");
  assert.equal(await summary.isVisible(), true);
  assert.equal(await page.evaluate(() => document.activeElement.hasAttribute("data-icp-summary")), true);
  const links = summary.locator("a");
  const count = await links.count();
  assert.ok(count > 1, `${count} links`);
  assert.equal(await summary.locator("h2").textContent(), `有 ${count} 项需要修改`);
  // Every link names a control that is marked invalid, with its message as the link text.
  const targets = await links.evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.textContent]));
  for (const [href, text] of targets) {
    assert.equal(await page.locator(href).getAttribute("aria-invalid"), "true", href);
    assert.ok(text.length > 0);
  }
  // Following the resident ID's link focuses that field; fixing it takes it off the summary.
  const idLink = summary.locator('a[href="#person_id"]');
  assert.match(await idLink.textContent(), /^居民身份证号码.*：身份证号码校验位不正确/);
  await idLink.click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "person_id");
  await page.locator("#person_id").fill("11010519491231002X");
  await page.locator("#person_id").press("Tab");
  assert.equal(await summary.locator('a[href="#person_id"]').count(), 0);
  // The other problems stay, "required" ones included, until they are fixed in turn.
  const remaining = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(remaining, targets.map(([href]) => href).filter((href) => href !== "#person_id"));
  assert.equal(await summary.locator("h2").textContent(), `有 ${count - 1} 项需要修改`);
});

test("rows added after attach are validated, and a removed row takes its messages with it", async () => {
  await page.locator("#add_domain").click();
  await page.locator("#add_domain").click();
  const rows = page.locator("#extra_domains > .row");
  assert.equal(await rows.count(), 2);
  // Locators are lazy: hold the row's input by its id, which stays when rows are removed.
  const second = page.locator(`#${await rows.nth(1).locator("input").getAttribute("id")}`);
  assert.equal(await second.getAttribute("data-icp-path"), "services[0].domains[2]");
  await second.fill("bad..example.com");
  await second.press("Tab");
  assert.equal(await second.getAttribute("aria-invalid"), "true");
  const message = await messageOf(second);
  assert.ok((await message.textContent()).length > 0);
  const messageId = await message.getAttribute("id");
  // Removing the first row renumbers the second; its message still follows it.
  await rows.nth(0).locator(".remove-row").click();
  assert.equal(await second.getAttribute("data-icp-path"), "services[0].domains[1]");
  assert.equal(await rows.nth(0).locator(".remove-row").getAttribute("aria-label"), "删除域名 2（可选）");
  assert.equal(await page.evaluate(() => JSON.stringify(window.icpDemo.filing()).includes("bad..example.com")), true);
  await page.locator("#filing").evaluate((form) => form.requestSubmit());
  const summary = page.locator("[data-icp-summary]");
  const secondId = await second.getAttribute("id");
  assert.ok(await summary.isVisible());
  assert.equal(await summary.locator(`a[href="#${secondId}"]`).count(), 1);
  // Removing it takes the message, the summary's link and the filing's entry away.
  await rows.nth(0).locator(".remove-row").click();
  await page.waitForFunction((id) => !document.querySelector(`[data-icp-summary] a[href="#${id}"]`), secondId);
  assert.equal(await page.locator(`#${messageId}`).count(), 0);
  assert.equal(await page.evaluate(() => JSON.stringify(window.icpDemo.filing()).includes("bad..example.com")), false);
});

test("an APP platform row added after attach is validated as its field", async () => {
  await page.selectOption("#service_type", "app");
  await page.locator("#add_platform").click();
  const bundle = page.locator("#extra_platforms > .row input[data-icp-field=harmony_bundle_name]");
  assert.equal(await bundle.getAttribute("data-icp-path"), "services[0].platforms[2].package");
  await bundle.fill("1com.example");
  await bundle.press("Tab");
  assert.equal(await bundle.getAttribute("aria-invalid"), "true");
  await bundle.fill("com.example.app");
  assert.equal(await bundle.getAttribute("aria-invalid"), null);
  const platforms = await page.evaluate(() => window.icpDemo.filing().services[0].platforms);
  assert.deepEqual(platforms[2], { platform: "harmony", package: "com.example.app" });
  await page.locator("#extra_platforms .remove-row").click();
  await page.selectOption("#service_type", "website");
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
  const message = await messageOf(input);
  const id = await message.getAttribute("id");
  await page.waitForFunction((id) => document.getElementById(id).textContent !== "", id);
  assert.match(await message.textContent(), /1280×720.*1500×1100/);
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  await input.setInputFiles({ name: "licence.jpg", mimeType: "image/jpeg", buffer: jpeg(2000, 1500, 150 * 1024) });
  await page.waitForFunction((id) => document.getElementById(id).textContent === "", id);
  assert.equal(await input.getAttribute("aria-invalid"), null);
});

test("cross-field: the province of the mobile and an emergency number equal to the mobile", async () => {
  await page.locator("#province").fill("北京");
  await page.locator("#province").press("Tab");
  assert.equal(await page.locator("#province").inputValue(), "北京", "data-icp-normalize=false keeps the typed name");
  const mobile = page.locator("#person_mobile");
  await mobile.fill("13000200296"); // a Shanghai prefix
  await mobile.press("Tab");
  assert.match(await (await messageOf(mobile)).textContent(), /上海/);
  const emergency = page.locator("#person_emergency");
  await emergency.fill("130 0020 0296");
  await emergency.press("Tab");
  const cross = await messageOf(emergency, "cross");
  await page.waitForFunction((id) => document.getElementById(id).textContent !== "", await cross.getAttribute("id"));
  assert.match(await cross.textContent(), /应急联系电话不能与联系电话相同/);
  assert.equal(await emergency.getAttribute("aria-invalid"), "true");
  await emergency.fill("010-82998299");
  await emergency.press("Tab");
  await page.waitForFunction((id) => document.getElementById(id).textContent === "", await cross.getAttribute("id"));
});

test("the documents checklist follows the filing: website, then APP, then another person in charge", async () => {
  await page.locator("#entity_name").fill("北京云帆科技有限公司");
  await page.locator("#entity_name").press("Tab");
  await page.locator("#website_domain").fill("yunfan.com.cn");
  await page.locator("#website_domain").press("Tab");
  const items = page.locator("[data-icp-checklist] li");
  await page.waitForFunction(() => document.querySelectorAll("[data-icp-checklist] li").length > 0);
  const text = async () => (await items.allTextContents()).join("\n");
  assert.match(await text(), /主办单位证件/);
  assert.match(await text(), /yunfan\.com\.cn/);
  assert.match(await page.locator("[data-icp-route]").textContent(), /电子核验/);
  await page.locator("#service_type").selectOption("app");
  assert.equal(await page.locator("#app_section").isVisible(), true);
  assert.equal(await page.locator("#website_section").isVisible(), false);
  await page.locator("#app_name").fill("云帆笔记");
  await page.locator("#app_name").press("Tab");
  await page.waitForFunction(() => document.querySelector("[data-icp-checklist]").textContent.includes("APP图标"));
  await page.locator("#same_person").uncheck();
  await page.locator("#sp_name").fill("王五");
  await page.locator("#sp_name").press("Tab");
  await page.waitForFunction(() => document.querySelector("[data-icp-checklist]").textContent.includes("负责人授权书"));
  assert.equal(await page.locator("[data-icp-checklist] img").count(), 0);
});

test("no CSP violation, no page error, no request leaves the page's origin", async () => {
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'none'"]) assert.ok(policy.includes(directive), directive);
  assert.deepStrictEqual(await page.evaluate(() => window.__csp), []);
  assert.deepStrictEqual(seen.cspViolations, []);
  assert.deepStrictEqual(seen.pageErrors, []);
  assert.deepStrictEqual(seen.foreignRequests, []);
  // The filing and IDN modules are no part of the load; the filing module comes after the
  // first field check, the IDN module once a name that is not plain ASCII is typed (例子.中国
  // above), each once, and nothing else is requested after load.
  assert.ok(seen.atLoad.some((u) => u.endsWith("/pkg/icp_validate_bg.wasm.js")), seen.atLoad.join(" "));
  assert.deepStrictEqual(seen.atLoad.filter((u) => u.includes("filing") || u.includes("idn")), [], "the filing and IDN modules are not loaded with the page");
  assert.deepStrictEqual(seen.afterLoad.map((u) => new URL(u).pathname).sort(), ["/pkg/icp_validate_filing_bg.wasm.js", "/pkg/icp_validate_idn_bg.wasm.js", "/pkg/web/icp_validate_filing.js", "/pkg/web/icp_validate_idn.js"], "after load, only the filing and IDN modules");
  assert.deepStrictEqual(seen.notFound, [], "no 404");
  // Headless Chromium never asks for /favicon.ico; a desktop browser does unless the page names one.
  assert.match(await page.locator('link[rel="icon"]').getAttribute("href"), /^data:/);
});
