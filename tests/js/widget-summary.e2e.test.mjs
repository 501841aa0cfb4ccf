// www/widget/summary.js: the error summary, built from what the controls show. Its wording in
// Node; the element in Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { problemText, summaryHeading } from "../../www/widget/summary.js";
import { widgetPage } from "./widget-page.mjs";

test("wording: a link names its field in the locale's punctuation; the heading counts", () => {
  assert.equal(problemText("手机号码", "请填写此项", "zh-CN"), "手机号码：请填写此项");
  assert.equal(problemText("Mobile", "Required", "en"), "Mobile: Required");
  assert.equal(problemText("", "请填写此项", "zh-CN"), "请填写此项");
  assert.equal(summaryHeading(2, "zh-CN"), "有 2 项需要修改");
  assert.equal(summaryHeading(1, "en"), "1 item(s) need attention");
});

const browser = widgetPage();
const FORM = `<form>
  <label for="m">手机
    号码</label><input id="m" aria-invalid="true" aria-describedby="m-msg"><p id="m-msg">&lt;b&gt;请填写此项&lt;/b&gt;</p>
  <input aria-label="域名" aria-invalid="true" aria-describedby="d-hidden d-msg"><p id="d-hidden" hidden>旧的</p><p id="d-msg">域名格式不对</p>
  <input id="quiet" aria-invalid="true" aria-describedby="q-msg"><p id="q-msg" hidden>不显示</p>
  <input id="ok" aria-describedby="ok-msg"><p id="ok-msg">有效</p>
</form>`;

test("not shown before a blocked submit; then the count, one link per shown problem, focus", async () => {
  const page = await browser.fresh(FORM);
  const out = await page.evaluate(async () => {
    const { createSummary } = await import("/www/widget/summary.js");
    const form = document.querySelector("form");
    const tracked = [];
    const summary = createSummary(form, "zh-CN", (el) => tracked.push(el));
    const quiet = [summary.refresh(), form.querySelector("[data-icp-summary]")];
    const count = summary.refresh({ focus: true });
    const el = form.querySelector("[data-icp-summary]");
    const links = Array.from(el.querySelectorAll("a")).map((a) => [a.textContent, a.getAttribute("href"), a.children.length]);
    const focused = document.activeElement === el;
    el.querySelectorAll("a")[1].click();
    const linkFocus = document.activeElement.getAttribute("aria-label");
    return {
      quiet: [quiet[0], quiet[1]],
      count,
      first: form.firstElementChild === el,
      tracked: tracked.length === 1 && tracked[0] === el,
      labelledBy: document.getElementById(el.getAttribute("aria-labelledby")).textContent,
      tabIndex: el.tabIndex,
      links,
      focused,
      linkFocus,
      hash: location.hash,
    };
  });
  assert.deepEqual(out.quiet, [0, null]);
  assert.equal(out.count, 2);
  assert.equal(out.first, true);
  assert.equal(out.tracked, true);
  assert.equal(out.labelledBy, "有 2 项需要修改");
  assert.equal(out.tabIndex, -1);
  // Messages as text: markup in one stays characters.
  assert.deepEqual(out.links[0], ["手机 号码：<b>请填写此项</b>", "#m", 0]);
  // A control without an id is given one to link to.
  assert.match(out.links[1][1], /^#icp-control-/);
  assert.equal(out.links[1][0], "域名：域名格式不对");
  assert.equal(out.focused, true);
  // A link focuses its control without following the href.
  assert.equal(out.linkFocus, "域名");
  assert.equal(out.hash, "");
});

test("follows the form as problems are fixed, hides with none left, shows again, in English", async () => {
  const page = await browser.fresh(FORM);
  const out = await page.evaluate(async () => {
    const { createSummary } = await import("/www/widget/summary.js");
    const form = document.querySelector("form");
    const summary = createSummary(form, "en", () => {});
    summary.refresh({ focus: true });
    const el = form.querySelector("[data-icp-summary]");
    const seen = [];
    const snap = (count) => seen.push([count, el.hidden, el.querySelector("h2").textContent, el.querySelectorAll("li").length]);
    document.getElementById("m").removeAttribute("aria-invalid");
    snap(summary.refresh());
    for (const c of form.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
    snap(summary.refresh());
    document.getElementById("m").setAttribute("aria-invalid", "true");
    snap(summary.refresh());
    return { seen, summaries: form.querySelectorAll("[data-icp-summary]").length };
  });
  assert.deepEqual(out.seen, [
    [1, false, "1 item(s) need attention", 1],
    [0, true, "0 item(s) need attention", 0],
    [1, false, "1 item(s) need attention", 1],
  ]);
  assert.equal(out.summaries, 1);
});
