// The console apps (tests/apps/pages, one per form library, built by run.sh) driven in headless
// Chromium as a filer uses them: the verdicts' texts, an empty context value accepted and a
// wrong one kept out of the form (the developer's console gets it), warnings shown without
// blocking the submit, errors blocking it, and an IME composition (through the DevTools
// protocol, as an input method sends it) reporting nothing until it ends.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launchChromium, serveDir } from "../js/browser.mjs";

const DIST = fileURLToPath(new URL("./dist", import.meta.url));
// Where each app shows a warning: the library's own warning element where it has one (antd
// warningOnly, TDesign status/tips, Arco validateLevel, Naive UI level, Formily's FormItem),
// the app's own line fed by onWarning where the library has none.
const WARNING_AT = {
  "element-plus": ".icp-warning",
  antd: ".ant-form-item-explain-warning",
  tdesign: ".t-form-item-tips.t-is-warning",
  arco: ".arco-form-message-help-warning",
  "naive-ui": ".n-form-item-feedback--warning",
  "react-hook-form": ".icp-warning",
  "vee-validate": ".icp-warning",
  formily: ".ant-formily-item-warning-help",
};
const APPS = Object.keys(WARNING_AT);

const BAD_ID = "110105194912310021";
const GOOD_ID = "11010519491231002X";
const CHECKSUM = "身份证号码校验位不正确";
// A Beijing USCC filed in Shanghai: a warning, not an error.
const BEIJING_USCC = "91110000600037341L";
const PROVINCE_WARNING = "统一社会信用代码的登记地为北京市，备案省份为上海市";
const TOO_SHORT = "姓名至少需要 2 个字";

let browser, server;
test.before(async () => {
  server = await serveDir(DIST);
  browser = await launchChromium();
});
test.after(async () => {
  await browser?.close();
  await server?.close();
});

const text = (page) => page.evaluate(() => document.body.innerText);
const waitText = (page, s) => page.waitForFunction((s) => document.body.innerText.includes(s), s, { timeout: 5000 });
const settle = (page) => page.waitForTimeout(400);

for (const app of APPS) {
  test(`${app}: verdicts, context, warnings shown that do not block, write-back, IME`, async () => {
    const page = await browser.newPage();
    const consoleErrors = [];
    const pageErrors = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    try {
      await page.goto(`${server.url}${app}.html`);
      const input = (name) => page.locator(`[data-f="${name}"]`).locator("xpath=descendant-or-self::input").first();
      const type = async (name, value) => {
        await input(name).fill(value);
        await input(name).blur();
      };
      await input("uscc").waitFor();

      // The province input starts at "": not given, so no province comparison and no message.
      await type("uscc", BEIJING_USCC);
      await settle(page);
      assert.doesNotMatch(await text(page), /上下文参数|登记地/);

      // A province the context cannot read: the developer's console, never the form.
      await type("province", "火星");
      await type("uscc", BEIJING_USCC + " ");
      await settle(page);
      assert.doesNotMatch(await text(page), /上下文参数|火星”/);
      assert.ok(consoleErrors.some((m) => m.includes('the context given for "uscc" is wrong') && m.includes("火星")), consoleErrors.join("\n"));

      // Shanghai: the Beijing code is a warning, shown.
      await type("province", "上海");
      await type("uscc", BEIJING_USCC);
      await waitText(page, PROVINCE_WARNING);
      assert.equal(await page.locator(WARNING_AT[app]).filter({ hasText: PROVINCE_WARNING }).count(), 1);

      // An error blocks the submit.
      await type("resident_id", BAD_ID);
      await waitText(page, CHECKSUM);
      await page.locator('[data-f="submit"]').click();
      await page.waitForFunction(() => document.querySelector("#status").textContent === "blocked", null, { timeout: 5000 });

      // Errors gone (typed with a lower-case x, written back in its canonical form by the
      // app's opt-in `normalize`), the warning still there: the submit goes through.
      await type("resident_id", GOOD_ID.toLowerCase());
      await page.waitForFunction((id) => document.querySelector('[data-f="resident_id"] input, input[data-f="resident_id"]').value === id, GOOD_ID, { timeout: 5000 });
      await page.waitForFunction((s) => !document.body.innerText.includes(s), CHECKSUM, { timeout: 5000 });
      await page.locator('[data-f="submit"]').click();
      await page.waitForFunction(() => document.querySelector("#status").textContent === "submitted", null, { timeout: 5000 });
      assert.equal(await page.locator(WARNING_AT[app]).filter({ hasText: PROVINCE_WARNING }).count(), 1);

      // IME: "z" being composed in the name field reports nothing; the committed "张" is checked.
      await input("person_name").focus();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Input.imeSetComposition", { text: "z", selectionStart: 1, selectionEnd: 1 });
      await settle(page);
      assert.equal(await input("person_name").inputValue(), "z");
      assert.doesNotMatch(await text(page), /姓名(至少|只能|不能|应)/);
      await cdp.send("Input.insertText", { text: "张" });
      await waitText(page, TOO_SHORT);
      assert.equal(await input("person_name").inputValue(), "张");

      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
}

// Today's bundler entry awaits the IDN module at import, so the app mounts after the delay;
// with an entry that loads it lazily, the rule's check waits on the not-loaded error's `ready`.
test("antd: a name that needs the IDN module is checked, its download delayed 1.5 s", async () => {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  try {
    let delayed = 0;
    await page.route(/idn[^/]*\.wasm$/, async (route) => {
      delayed += 1;
      await new Promise((ok) => setTimeout(ok, 1500));
      await route.continue();
    });
    await page.goto(`${server.url}antd.html`);
    const domain = page.locator('input[data-f="domain"]');
    await domain.waitFor();
    await domain.fill("例子.中国");
    await domain.blur();
    // Written back in its ASCII form: the check ran, through the IDN module, once it was there.
    await page.waitForFunction(() => document.querySelector('input[data-f="domain"]').value === "xn--fsqu00a.xn--fiqs8s", null, { timeout: 15000 });
    assert.equal(delayed, 1);
    assert.doesNotMatch(await text(page), /ICP_IDN|IDN module|loading/i);
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.close();
  }
});

test("react-hook-form-filing: an error at a path without an input is the form's own error, shown", async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}react-hook-form-filing.html`);
    await page.locator('[data-f="submit"]').click();
    await page.waitForFunction(() => document.querySelector("#status").textContent === "blocked", null, { timeout: 10000 });
    // The shared mobile of the service's person in charge has no input: above the form.
    assert.match(await page.locator(".form-error").innerText(), /不同负责人不能使用同一手机号码/);
    // The shared e-mail has one: at it, not above the form.
    assert.match(await page.locator(".field-error").innerText(), /不同负责人不能使用同一电子邮箱/);
    assert.doesNotMatch(await page.locator(".form-error").innerText(), /电子邮箱/);
  } finally {
    await page.close();
  }
});

test("the README's framework snippets are the apps' code", () => {
  const readme = readFileSync(new URL("../../pkg-templates/README.md", import.meta.url), "utf8");
  const snippets = [...readme.matchAll(/<!-- app: (\S+) -->\n```\w*\n([\s\S]*?)```/g)];
  assert.ok(snippets.length >= APPS.length, `${snippets.length} snippets marked`);
  const norm = (s) => s.split("\n").map((l) => l.trim()).filter(Boolean).join("\n");
  for (const [, file, code] of snippets) {
    const source = readFileSync(new URL(`./pages/${file}`, import.meta.url), "utf8");
    assert.ok(norm(source).includes(norm(code)), `pkg-templates/README.md's snippet for ${file} is not in it as written`);
  }
});
