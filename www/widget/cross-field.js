// The whole filing, checked after the fields: cross-field findings (codes from the filing
// rules, at their paths) on touched controls, plus the documents checklist and route.
import { PATH_SELECTOR } from "./dom.js";
import { filingFromForm } from "./form-data.js";

/** `after(report)` runs once a shown report is rendered (the summary follows it). */
export function createFilingCheck({ form, options, locale, state, render, after }) {
  let timer = null;
  let lastReport = null;
  // validateFiling may answer at once or with a promise (the package's loads the filing
  // module on its first call); only the answer to the latest check is shown.
  let latest = 0;

  // The filing the form describes, after the page's adjustFiling hook.
  function current() {
    const filing = filingFromForm(form);
    return (typeof options.adjustFiling === "function" && options.adjustFiling(filing)) || filing;
  }

  function show(report, submit) {
    lastReport = report;
    const byPath = new Map();
    for (const issue of [...report.errors, ...report.warnings]) {
      // Field-rule findings are shown by the field itself; "required" waits for a submit.
      if (issue.field || (issue.code === "filing.required" && !submit && !state.submitted)) continue;
      if (!byPath.has(issue.path)) byPath.set(issue.path, issue);
    }
    for (const control of form.querySelectorAll(PATH_SELECTOR)) {
      const issue = byPath.get(control.dataset.icpPath);
      render.showCross(control, issue && state.touched.has(control) ? issue : null, state.invalid(control));
    }
    render.showChecklist(report);
    after(report);
    return report;
  }

  function run({ submit = false } = {}) {
    if (submit) state.submitted = true;
    const id = ++latest;
    const report = options.validateFiling(current(), { ...(options.filingOptions || {}), locale });
    // The caller gets its own report even when a newer check has started (a submit must not
    // be judged by an older one).
    if (report && typeof report.then === "function") return report.then((r) => (id === latest ? show(r, submit) : r));
    return show(report, submit);
  }

  return {
    current,
    run,
    /** A check a task from now, replacing one already scheduled. */
    schedule() {
      if (typeof options.validateFiling !== "function") return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const report = run();
        if (report && typeof report.catch === "function") report.catch((e) => console.warn("icp-validate: the filing check failed", e));
      }, 0);
    },
    cancel() {
      clearTimeout(timer);
    },
    /** The last whole-filing report (null before the first check). */
    report: () => lastReport,
  };
}
