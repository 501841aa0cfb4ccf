// www/widget/field-check.js: a control's own verdict, with stand-ins for the control, the
// renderer and the summary (recorders): when a value is checked, what is announced, the wait
// for a module not loaded yet, and attachments read by their header only.
import test from "node:test";
import assert from "node:assert/strict";
import { createControlState } from "../../www/widget/control-state.js";
import { createFieldCheck } from "../../www/widget/field-check.js";

const ok = { valid: true, errors: [], warnings: [] };
const bad = (message) => ({ valid: false, errors: [{ message }], warnings: [] });

function setup(options, locale = "zh-CN") {
  const state = createControlState();
  const log = [];
  const render = {
    showResult: (control, result) => (log.push(["show", control.id, result.valid]), (result.errors[0] || result.warnings[0] || { message: "" }).message),
    clearResult: (control) => log.push(["clear", control.id]),
    announce: (text) => log.push(["announce", text]),
  };
  const summary = { refresh: () => log.push(["summary"]) };
  const form = { querySelector: () => null };
  const check = createFieldCheck({ form, options, locale, state, render, summary, settled: () => log.push(["settled"]) });
  return { state, log, check };
}
const control = (over = {}) => ({ id: "c", value: "", required: false, dataset: { icpField: "mobile" }, getAttribute: () => null, isConnected: true, ...over });

test("a value is checked with its field, context and locale; the message is announced only when it changes", () => {
  const asked = [];
  const results = [bad("号码不对"), bad("号码不对"), ok];
  const { state, log, check } = setup({ validateField: (...args) => (asked.push(args), results.shift()), context: { provider: "p" } });
  const c = control({ value: "123" });
  assert.equal(check.validate(c).valid, false);
  assert.deepEqual(asked, [["mobile", "123", { provider: "p" }, "zh-CN"]]);
  assert.deepEqual(log.splice(0), [["show", "c", false], ["announce", "号码不对"], ["summary"], ["settled"]]);
  check.validate(c);
  assert.deepEqual(log.splice(0), [["show", "c", false], ["summary"], ["settled"]]);
  check.validate(c, { announceChange: false });
  assert.deepEqual(log.splice(0), [["show", "c", true], ["summary"], ["settled"]]);
  assert.equal(state.lastMessage.get(c), "");
  assert.equal(state.lastResult.get(c), ok);
});

test("an empty optional field is cleared, not checked; an empty required one is checked", () => {
  const asked = [];
  const { state, log, check } = setup({ validateField: (...args) => (asked.push(args), bad("请填写此项")) });
  const c = control({ value: "  " });
  state.lastResult.set(c, bad("x"));
  assert.equal(check.validate(c), null);
  assert.deepEqual(log.splice(0), [["clear", "c"], ["summary"]]);
  assert.equal(state.lastResult.has(c), false);
  assert.equal(asked.length, 0);
  check.validate(control({ value: "", required: true }));
  check.validate(control({ value: "", getAttribute: (name) => (name === "aria-required" ? "true" : null) }));
  assert.equal(asked.length, 2);
});

test("a module not loaded yet: nothing shown, checked when it arrives if the value still stands", async () => {
  let loaded = false;
  let loadIdn = 0;
  const notLoaded = Object.assign(new Error("IDN module not loaded"), { code: "ICP_IDN_NOT_LOADED", ready: Promise.resolve() });
  const { log, check } = setup({
    validateField: () => {
      if (!loaded) throw notLoaded;
      return ok;
    },
    loadIdn: () => (loadIdn++, Promise.resolve().then(() => (loaded = true))),
  });
  const c = control({ value: "例子.中国" });
  assert.equal(check.validate(c), null);
  assert.deepEqual(log, []);
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(loadIdn, 1);
  // Checked as the first time: the (empty) message is new, so the live region is cleared.
  assert.deepEqual(log.splice(0), [["show", "c", true], ["announce", ""], ["summary"], ["settled"]]);
  // Changed meanwhile: the value that stood is not checked (the new one is, by its own event).
  loaded = false;
  const d = control({ id: "d", value: "例子.中国" });
  check.validate(d);
  d.value = "其他.中国";
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(log, []);
});

test("an error that is not a module's wait is thrown; a module that fails to load is warned about", async (t) => {
  const { check } = setup({ validateField: () => { throw new TypeError("bug"); } });
  assert.throws(() => check.validate(control({ value: "x" })), /bug/);
  const warn = t.mock.method(console, "warn", () => {});
  const failing = setup({ validateField: () => { throw Object.assign(new Error("not ready"), { code: "ICP_NOT_READY", ready: Promise.reject(new Error("offline")) }); } });
  assert.equal(failing.check.validate(control({ value: "x" })), null);
  await new Promise((r) => setTimeout(r, 0));
  assert.match(warn.mock.calls[0].arguments[0], /could not be loaded \(ICP_NOT_READY\)/);
});

test("an attachment: only the header slice is read and checked with the file's size; no file clears", async () => {
  const asked = [];
  const { log, check } = setup({ validateAttachment: (...args) => (asked.push(args), ok), attachmentHeaderLength: 4 });
  const sliced = [];
  const file = { size: 10, slice: (start, end) => (sliced.push([start, end]), { arrayBuffer: async () => new Uint8Array([1, 2, 3, 4]).buffer }) };
  const input = control({ id: "f", files: [file], dataset: { icpAttachment: "licence" } });
  assert.equal(await check.validateFile(input), ok);
  assert.deepEqual(sliced, [[0, 4]]);
  assert.deepEqual(asked, [["licence", new Uint8Array([1, 2, 3, 4]), 10, {}, "zh-CN"]]);
  log.length = 0;
  assert.equal(await check.validateFile(control({ id: "f", files: [] })), null);
  assert.deepEqual(log, [["clear", "f"], ["summary"]]);
});
