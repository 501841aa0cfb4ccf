// The submit: every active field checked, attachments' last results and the whole filing's
// errors counted; with problems the submit is stopped, announced, and focus goes to the
// summary (or the first problem). An asynchronous validateFiling makes the submit wait for
// its report, then submit again (passing through once) if everything is valid.
import { ATTACHMENT_SELECTOR, PATH_SELECTOR } from "./dom.js";

export const problemsAnnouncement = (count, locale) => (locale === "en" ? `${count} field(s) need attention` : `有 ${count} 项需要修改`);

/** `controls()` lists the active data-icp-field controls; `validate` and `filing` are the
 * field check's and the whole-filing check's. */
export function createSubmit({ form, options, locale, state, render, summary, filing, controls, validate }) {
  function validateAll() {
    let firstInvalid = null;
    let count = 0;
    const counted = new Set();
    for (const control of controls()) {
      state.touched.add(control);
      const result = validate(control, { announceChange: false });
      if (result && !result.valid) {
        counted.add(control);
        count += 1;
        firstInvalid = firstInvalid || control;
      }
    }
    // Attachments were checked when chosen; their last results count here.
    for (const control of form.querySelectorAll(ATTACHMENT_SELECTOR)) {
      if (state.invalid(control)) {
        count += 1;
        firstInvalid = firstInvalid || control;
      }
    }
    const finish = (report) => {
      if (report && !report.valid) {
        const paths = new Set(report.errors.filter((e) => !e.field).map((e) => e.path));
        for (const control of form.querySelectorAll(PATH_SELECTOR)) {
          if (paths.has(control.dataset.icpPath) && !counted.has(control)) {
            count += 1;
            firstInvalid = firstInvalid || control;
          }
        }
      }
      if (count > 0) {
        render.announce(problemsAnnouncement(count, locale));
        // Focus goes to the summary, which lists every problem; without one shown, to the field.
        if (!summary.refresh({ focus: true })) firstInvalid.focus();
      } else {
        summary.refresh();
      }
      return count === 0;
    };
    if (typeof options.validateFiling !== "function") return finish(null);
    for (const control of form.querySelectorAll(PATH_SELECTOR)) state.touched.add(control);
    filing.cancel();
    const report = filing.run({ submit: true });
    return report && typeof report.then === "function" ? report.then(finish) : finish(report);
  }

  let resubmitting = false;
  function onSubmit(event) {
    if (resubmitting) {
      resubmitting = false;
      return;
    }
    const ok = validateAll();
    if (ok === true) return;
    event.preventDefault();
    if (ok === false) return;
    ok.then((valid) => {
      if (!valid) return;
      // A task later: a report ready within a microtask arrives while this submit event is
      // still being fired, when requestSubmit() is silently ignored.
      setTimeout(() => {
        resubmitting = true;
        form.requestSubmit(event.submitter && event.submitter.isConnected ? event.submitter : undefined);
        resubmitting = false;
      }, 0);
    });
  }

  return { validateAll, onSubmit };
}
