// www/widget/render.js in Chromium: the live region, each control's message elements linked
// through aria-describedby, aria-invalid, messages as text, the checklist, and that detach
// and a removed control leave the page as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { widgetPage } from "./widget-page.mjs";

const browser = widgetPage();
const FORM = '<form><input id="a" aria-describedby="hint"><p id="hint">页面自己的提示</p><input id="b"><ul data-icp-checklist></ul><p data-icp-route></p></form>';

test("the live region: added once, polite, announces the latest text only, again when repeated", async () => {
  const page = await browser.fresh(FORM);
  const out = await page.evaluate(async () => {
    const { createRenderer } = await import("/www/widget/render.js");
    const form = document.querySelector("form");
    const render = createRenderer(form, "zh-CN");
    const live = form.querySelector("[data-icp-live]");
    const wait = () => new Promise((r) => setTimeout(r, 120));
    render.announce("旧的");
    render.announce("新的");
    const before = live.textContent;
    await wait();
    const after = live.textContent;
    render.announce("新的");
    const cleared = live.textContent;
    await wait();
    render.announce("");
    await wait();
    // A second renderer on the same form reuses the region.
    createRenderer(form, "zh-CN");
    return { role: live.getAttribute("role"), polite: live.getAttribute("aria-live"), before, after, cleared, end: live.textContent, regions: form.querySelectorAll("[data-icp-live]").length };
  });
  assert.deepEqual(out, { role: "status", polite: "polite", before: "", after: "新的", cleared: "", end: "", regions: 1 });
});

test("message elements: one per kind, after the control, linked after the page's own ids; results as text", async () => {
  const page = await browser.fresh(FORM);
  const out = await page.evaluate(async () => {
    const { createRenderer } = await import("/www/widget/render.js");
    const form = document.querySelector("form");
    const a = document.getElementById("a");
    const render = createRenderer(form, "zh-CN");
    const message = render.messageElement(a);
    const again = render.messageElement(a) === message;
    const cross = render.crossElement(a);
    const note = render.appNoteElement(a);
    const order = Array.from(form.children).slice(0, 4).map((el) => el.id === "a" ? "a" : el.id === "hint" ? "hint" : el.hasAttribute("data-icp-message") ? "message" : el.hasAttribute("data-icp-cross") ? "cross" : el.hasAttribute("data-icp-app-note") ? "note" : el.tagName);
    const html = "<b>粗</b><img src=x onerror=alert(1)>";
    const text = render.showResult(a, { valid: false, errors: [{ message: html }], warnings: [] });
    const error = { invalid: a.getAttribute("aria-invalid"), className: message.className, hidden: message.hidden, text: message.textContent, children: message.children.length };
    render.showResult(a, { valid: true, errors: [], warnings: [{ message: "注意" }] });
    const warning = { invalid: a.getAttribute("aria-invalid"), className: message.className, hidden: message.hidden };
    render.showResult(a, { valid: true, errors: [], warnings: [] });
    const valid = { className: message.className, hidden: message.hidden };
    render.showFileMessage(a, "无法读取该文件。", "error");
    const file = { invalid: a.getAttribute("aria-invalid"), className: message.className, hidden: message.hidden };
    render.clearResult(a);
    const cleared = { invalid: a.getAttribute("aria-invalid"), className: message.className, hidden: message.hidden, text: message.textContent };
    return { again, order, describedby: a.getAttribute("aria-describedby").split(" ").map((id) => (id === "hint" ? id : document.getElementById(id) === message ? "message" : document.getElementById(id) === cross ? "cross" : document.getElementById(id) === note ? "note" : "?")), text, error, warning, valid, file, cleared };
  });
  assert.deepEqual(out.order, ["a", "message", "note", "cross"]);
  assert.deepEqual(out.describedby, ["hint", "message", "cross", "note"]);
  assert.equal(out.again, true);
  assert.equal(out.text, "<b>粗</b><img src=x onerror=alert(1)>");
  assert.deepEqual(out.error, { invalid: "true", className: "icp-message icp-error", hidden: false, text: out.text, children: 0 });
  assert.deepEqual(out.warning, { invalid: null, className: "icp-message icp-warning", hidden: false });
  assert.deepEqual(out.valid, { className: "icp-message", hidden: true });
  assert.deepEqual(out.file, { invalid: "true", className: "icp-message icp-error", hidden: false });
  assert.deepEqual(out.cleared, { invalid: null, className: "icp-message", hidden: true, text: "" });
});

test("cross-field findings: own element, announced on change, aria-invalid kept while the field's own result is", async () => {
  const page = await browser.fresh(FORM);
  const out = await page.evaluate(async () => {
    const { createRenderer } = await import("/www/widget/render.js");
    const form = document.querySelector("form");
    const live = () => form.querySelector("[data-icp-live]").textContent;
    const b = document.getElementById("b");
    const render = createRenderer(form, "en");
    const wait = () => new Promise((r) => setTimeout(r, 120));
    const steps = [];
    const snap = () => {
      const el = render.crossElement(b);
      steps.push({ invalid: b.getAttribute("aria-invalid"), text: el.textContent, hidden: el.hidden, className: el.className, live: live() });
    };
    render.showCross(b, { message: "needs a person", severity: "error" }, false);
    await wait();
    snap();
    render.showCross(b, { message: "only a hint", severity: "warning" }, false);
    await wait();
    snap();
    // The field's own result is invalid: the cross finding going does not clear it.
    render.showCross(b, null, true);
    snap();
    b.setAttribute("aria-invalid", "true");
    render.showCross(b, null, false);
    snap();
    // What an APP file said, cleared when the value is edited.
    const note = render.appNoteElement(b);
    render.showAppNote(note, "differs from the file", "warning");
    const noted = [note.className, note.hidden];
    render.clearAppNote(b);
    return { steps, noted, clearedNote: [note.className, note.hidden, note.textContent] };
  });
  assert.deepEqual(out.steps, [
    { invalid: "true", text: "needs a person", hidden: false, className: "icp-message icp-cross icp-error", live: "needs a person" },
    { invalid: null, text: "only a hint", hidden: false, className: "icp-message icp-cross icp-warning", live: "only a hint" },
    { invalid: null, text: "", hidden: true, className: "icp-message icp-cross icp-warning", live: "only a hint" },
    { invalid: null, text: "", hidden: true, className: "icp-message icp-cross icp-warning", live: "only a hint" },
  ]);
  assert.deepEqual(out.noted, ["icp-message icp-app-note icp-warning", false]);
  assert.deepEqual(out.clearedNote, ["icp-message icp-app-note", true, ""]);
});

test("checklist and route, in both locales, as text", async () => {
  const page = await browser.fresh(FORM);
  const out = await page.evaluate(async () => {
    const { createRenderer } = await import("/www/widget/render.js");
    const form = document.querySelector("form");
    const report = { documents: [{ name: "营业执照", need: "required", reason: "<i>单位</i>" }, { name: "授权书", need: "conditional", reason: "委托" }], verification: { reason: "人脸核验" } };
    const read = () => [Array.from(form.querySelectorAll("[data-icp-checklist] li")).map((li) => [li.className, li.textContent, li.querySelectorAll("i").length]), form.querySelector("[data-icp-route]").textContent];
    createRenderer(form, "zh-CN").showChecklist(report);
    const zh = read();
    createRenderer(form, "en").showChecklist({ ...report, verification: null });
    return { zh, en: read() };
  });
  assert.deepEqual(out.zh, [[["icp-document icp-required", "营业执照（必需） — <i>单位</i>", 0], ["icp-document icp-conditional", "授权书（视情况） — 委托", 0]], "人脸核验"]);
  assert.deepEqual(out.en, [[["icp-document icp-required", "营业执照 (required) — <i>单位</i>", 0], ["icp-document icp-conditional", "授权书 (may be asked for) — 委托", 0]], ""]);
});

test("forget removes a control's elements; detach removes every element added and only the widget's ids", async () => {
  const page = await browser.fresh(FORM);
  const out = await page.evaluate(async () => {
    const { createRenderer } = await import("/www/widget/render.js");
    const form = document.querySelector("form");
    const [a, b] = [document.getElementById("a"), document.getElementById("b")];
    const render = createRenderer(form, "zh-CN");
    render.crossElement(a);
    render.crossElement(b);
    const extra = document.createElement("div");
    form.prepend(extra);
    render.track(extra);
    const added = form.querySelectorAll(".icp-message").length;
    // As the widget does for a control removed from the form (a deleted row).
    b.remove();
    render.forget(b);
    const afterForget = form.querySelectorAll(".icp-message").length;
    render.showResult(a, { valid: false, errors: [{ message: "x" }], warnings: [] });
    render.detach([a]);
    return { added, afterForget, left: form.querySelectorAll(".icp-message, [data-icp-live]").length, extra: extra.isConnected, a: [a.getAttribute("aria-describedby"), a.getAttribute("aria-invalid")] };
  });
  assert.deepEqual(out, { added: 4, afterForget: 2, left: 0, extra: false, a: ["hint", null] });
});
