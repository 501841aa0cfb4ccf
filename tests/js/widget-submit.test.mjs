// www/widget/submit.js: what a submit counts, where focus goes, and the resubmit after an
// asynchronous report. Controls, form, renderer, summary and whole-filing check are stand-ins.
import test from "node:test";
import assert from "node:assert/strict";
import { createControlState } from "../../www/widget/control-state.js";
import { createSubmit, problemsAnnouncement } from "../../www/widget/submit.js";

const el = (id, path) => ({ id, dataset: path ? { icpPath: path } : {}, focused: 0, focus() { this.focused += 1; } });

function setup({ verdicts = {}, attachments = [], paths = [], report, summaryCount = 0, locale = "en" } = {}) {
  const state = createControlState();
  const fields = Object.keys(verdicts).map((id) => el(id, `entity.${id}`));
  const form = {
    querySelectorAll: (s) => (s.includes("data-icp-attachment") ? attachments : s === "[data-icp-path]" ? [...fields, ...paths] : []),
    submits: [],
    // As a browser does: the submit event fired at once, through the widget's listener.
    requestSubmit(submitter) {
      const again = { prevented: 0, preventDefault() { this.prevented += 1; }, submitter };
      submit.onSubmit(again);
      this.submits.push([submitter, again.prevented]);
    },
  };
  const log = [];
  const render = { announce: (t) => log.push(["announce", t]) };
  const summary = { refresh: (o = {}) => (log.push(["summary", Boolean(o.focus)]), o.focus ? summaryCount : 0) };
  const filing = report === undefined ? null : { cancel: () => log.push(["cancel"]), run: (o) => (log.push(["run", o.submit]), typeof report === "function" ? report() : report) };
  const validate = (control, o) => (log.push(["validate", control.id, o.announceChange]), verdicts[control.id]);
  const submit = createSubmit({ form, options: filing ? { validateFiling: () => {} } : {}, locale, state, render, summary, filing, controls: () => fields, validate });
  return { state, form, fields, log, submit };
}

test("announcement wording", () => {
  assert.equal(problemsAnnouncement(3, "en"), "3 field(s) need attention");
  assert.equal(problemsAnnouncement(3, "zh-CN"), "有 3 项需要修改");
});

test("all valid: true, nothing announced, every field touched and checked quietly", () => {
  const { state, fields, log, submit } = setup({ verdicts: { a: { valid: true }, b: null } });
  assert.equal(submit.validateAll(), true);
  assert.deepEqual(log, [["validate", "a", false], ["validate", "b", false], ["summary", false]]);
  assert.ok(fields.every((f) => state.touched.has(f)));
});

test("fields, attachments and the filing's own errors counted once each; focus to the summary, else the first", () => {
  const attachment = el("file");
  const other = el("other", "services[0].name");
  const report = { valid: false, errors: [{ path: "entity.a", field: undefined }, { path: "services[0].name" }, { path: "entity.b", field: "mobile" }] };
  const run = setup({ verdicts: { a: { valid: false }, b: { valid: true } }, attachments: [attachment], paths: [other], report, summaryCount: 0 });
  run.state.lastResult.set(attachment, { valid: false });
  assert.equal(run.submit.validateAll(), false);
  // a (field), the attachment, services[0].name (filing); entity.a not twice, entity.b is a field finding.
  assert.deepEqual(run.log.slice(-3), [["run", true], ["announce", "3 field(s) need attention"], ["summary", true]]);
  assert.ok(run.state.touched.has(other));
  assert.equal(run.fields[0].focused, 1, "no summary shown: the first problem");
  const withSummary = setup({ verdicts: { a: { valid: false } }, summaryCount: 1 });
  withSummary.submit.validateAll();
  assert.equal(withSummary.fields[0].focused, 0);
});

test("the submit event: stopped when invalid; with an asynchronous report, resubmitted once if valid", { timeout: 5000 }, async () => {
  const event = () => ({ prevented: 0, preventDefault() { this.prevented += 1; }, submitter: { isConnected: true } });
  const invalid = setup({ verdicts: { a: { valid: false } } });
  const e1 = event();
  invalid.submit.onSubmit(e1);
  assert.equal(e1.prevented, 1);
  const valid = setup({ verdicts: { a: { valid: true } } });
  const e2 = event();
  valid.submit.onSubmit(e2);
  assert.equal(e2.prevented, 0);
  // Asynchronous and valid: stopped now, submitted again a task later with the same submitter,
  // and that submit passes through without a second check.
  const later = setup({ verdicts: { a: { valid: true } }, report: () => Promise.resolve({ valid: true, errors: [] }) });
  const e3 = event();
  later.submit.onSubmit(e3);
  assert.equal(e3.prevented, 1);
  const checks = later.log.filter(([k]) => k === "run").length;
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(later.form.submits, [[e3.submitter, 0]]);
  assert.equal(later.log.filter(([k]) => k === "run").length, checks);
  // Asynchronous and invalid: no resubmit.
  const refused = setup({ verdicts: { a: { valid: true } }, report: () => Promise.resolve({ valid: false, errors: [{ path: "entity.a" }] }) });
  refused.submit.onSubmit(event());
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(refused.form.submits, []);
});
