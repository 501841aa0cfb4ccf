// www/widget/cross-field.js: which cross-field findings reach which control, when "required"
// shows, that only the latest asynchronous report is shown, and that checks coalesce. The
// renderer is a recorder: what is drawn is render.js's part (widget-render.e2e.test.mjs).
import test from "node:test";
import assert from "node:assert/strict";
import { setTimeout as tick } from "node:timers/promises";
import { createControlState } from "../../www/widget/control-state.js";
import { createFilingCheck } from "../../www/widget/cross-field.js";

const finding = (path, code, severity = "error", field = undefined) => ({ path, code, severity, message: `${code} at ${path}`, field });
const report = (errors, warnings = []) => ({ valid: errors.length === 0, errors, warnings, documents: [], verification: null });

function setup(validateFiling, extra = {}) {
  const state = createControlState();
  const controls = ["entity.name", "entity.mobile", "services[0].name"].map((icpPath) => ({ dataset: { icpPath }, value: "", closest: () => null, hasAttribute: () => false }));
  const form = { querySelectorAll: (s) => (s === "[data-icp-path]" ? controls : []) };
  const drawn = [];
  const render = {
    showCross: (control, shown, fieldInvalid) => drawn.push([control.dataset.icpPath, shown && shown.code, fieldInvalid]),
    showChecklist: (r) => drawn.push(["checklist", r.errors.length]),
  };
  const after = [];
  const options = { validateFiling, filingOptions: { today: "2026-01-01" }, ...extra };
  const check = createFilingCheck({ form, options, locale: "en", state, render, after: (r) => after.push(r) });
  return { state, controls, drawn, after, check };
}

test("findings go to touched controls at their path; field findings and untouched controls get none", () => {
  const seen = [];
  const r = report([finding("entity.name", "filing.x"), finding("entity.name", "filing.second"), finding("entity.mobile", "mobile.format", "error", "mobile")], [finding("services[0].name", "filing.w", "warning")]);
  const { state, controls, drawn, after, check } = setup((filing, options) => (seen.push([filing, options]), r));
  state.touched.add(controls[0]).add(controls[1]);
  state.lastResult.set(controls[1], { valid: false });
  assert.equal(check.run(), r);
  // The filing read from the form (empty here) with the widget's locale over filingOptions.
  assert.deepEqual(seen, [[{}, { today: "2026-01-01", locale: "en" }]]);
  assert.deepEqual(drawn, [["entity.name", "filing.x", false], ["entity.mobile", null, true], ["services[0].name", null, false], ["checklist", 3]]);
  assert.deepEqual(after, [r]);
  assert.equal(check.report(), r);
});

test('"filing.required" waits for a submit, then shows on every later check', () => {
  const r = report([finding("entity.name", "filing.required")]);
  const { state, controls, drawn, check } = setup(() => r);
  state.touched.add(controls[0]);
  check.run();
  assert.deepEqual(drawn[0], ["entity.name", null, false]);
  drawn.length = 0;
  check.run({ submit: true });
  assert.equal(state.submitted, true);
  assert.deepEqual(drawn[0], ["entity.name", "filing.required", false]);
  drawn.length = 0;
  check.run();
  assert.deepEqual(drawn[0], ["entity.name", "filing.required", false]);
});

test("asynchronous reports: only the latest is shown; each caller still gets its own", async () => {
  const pending = [];
  const { drawn, after, check } = setup(() => new Promise((resolve) => pending.push(resolve)));
  const first = check.run();
  const second = check.run({ submit: true });
  const older = report([finding("entity.name", "filing.old")]);
  const newer = report([]);
  pending[1](newer);
  pending[0](older);
  assert.equal(await second, newer);
  assert.equal(await first, older);
  assert.deepEqual(after, [newer]);
  assert.equal(check.report(), newer);
  assert.equal(drawn.filter(([p]) => p === "checklist").length, 1);
});

test("adjustFiling changes the filing checked; schedule coalesces into one check a task later; cancel drops it", async () => {
  const filings = [];
  const { check } = setup((filing) => (filings.push(filing), report([])), { adjustFiling: (f) => ({ ...f, adjusted: true }) });
  assert.deepEqual(check.current(), { adjusted: true });
  check.schedule();
  check.schedule();
  assert.equal(filings.length, 0);
  await tick(5);
  assert.equal(filings.length, 1);
  check.schedule();
  check.cancel();
  await tick(5);
  assert.equal(filings.length, 1);
  // An adjustFiling returning nothing keeps the filing (changed in place or not).
  const kept = setup(() => report([]), { adjustFiling: (f) => void (f.touched = 1) });
  assert.deepEqual(kept.check.current(), { touched: 1 });
});

test("without validateFiling, schedule does nothing; a failing asynchronous check is warned about", async (t) => {
  const { check } = setup(undefined);
  check.schedule();
  await tick(5);
  assert.equal(check.report(), null);
  const warn = t.mock.method(console, "warn", () => {});
  const failing = setup(() => Promise.reject(new Error("no module")));
  failing.check.schedule();
  await tick(5);
  assert.equal(warn.mock.callCount(), 1);
  assert.match(warn.mock.calls[0].arguments[0], /filing check failed/);
});
