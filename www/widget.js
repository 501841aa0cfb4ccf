// icp-validate form widget: progressive enhancement of an existing form.
// Plain ES modules, no framework, no network calls. Messages are written with textContent only.
// attach() wires the parts in widget/ to the form's events: per-control state
// (control-state.js), a control's own check (field-check.js), what is shown (render.js,
// summary.js), IME composition (composition.js), the pointer (pointer.js), removed rows
// (rows.js), the whole-filing check (cross-field.js), APP files (app-file-input.js) and the
// submit (submit.js).
import { APP_FILE_SELECTOR, ATTACHMENT_SELECTOR, FIELD_SELECTOR, PATH_SELECTOR } from "./widget/dom.js";
import { contextSelectors } from "./widget/form-data.js";
import { createControlState } from "./widget/control-state.js";
import { createRenderer } from "./widget/render.js";
import { createSummary } from "./widget/summary.js";
import { createComposition } from "./widget/composition.js";
import { createPointerGate } from "./widget/pointer.js";
import { watchRows } from "./widget/rows.js";
import { createFilingCheck } from "./widget/cross-field.js";
import { createAppFileInput } from "./widget/app-file-input.js";
import { createFieldCheck } from "./widget/field-check.js";
import { createSubmit } from "./widget/submit.js";

export { filingFromForm } from "./widget/form-data.js";

function documentLocale() {
  const lang = (typeof document !== "undefined" && document.documentElement.lang) || "";
  return lang.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

// What a control shows of a valid value's canonical form: a domain in the Unicode form
// the user typed it in (例子.中国), not its A-label (xn--fsqu00a.xn--fiqs8s), which is what
// `normalized` and the filing carry.
function displayed(result) {
  const d = result.details || {};
  return d.a_label === result.normalized && typeof d.u_label === "string" && d.u_label ? d.u_label : result.normalized;
}

export function attach(form, options = {}) {
  if (!form || typeof options.validateField !== "function") {
    throw new TypeError("attach(form, { validateField }) needs a form and the validateField function");
  }
  const locale = options.locale || documentLocale();
  const normalizeOnBlur = options.normalizeOnBlur !== false;
  const state = createControlState();
  const render = createRenderer(form, locale);
  const summary = createSummary(form, locale, render.track);
  const filing = createFilingCheck({
    form, options, locale, state, render,
    after(report) {
      summary.refresh();
      if (options.onReport) options.onReport(report);
    },
  });

  const { validate, validateFile, clear } = createFieldCheck({ form, options, locale, state, render, summary, settled: filing.schedule });

  const readAppFile = createAppFileInput({
    form, options, locale, state, render, clear, validate,
    // The app-file part of the package, imported on the first APP file chosen.
    loadAppFile: typeof options.appFile === "function" ? options.appFile : () => import("./app-file.js"),
    settled() {
      summary.refresh();
      filing.schedule();
    },
  });

  const listeners = [];
  function on(target, type, handler, capture = false) {
    target.addEventListener(type, handler, capture);
    listeners.push([target, type, handler, capture]);
  }

  // Controls in a hidden section or disabled are not part of the form right now.
  const active = (control) => !control.disabled && !control.closest("[hidden]");
  const controls = () => Array.from(form.querySelectorAll(FIELD_SELECTOR)).filter(active);
  const composition = createComposition(state, validate);
  const pointer = createPointerGate();

  // One listener per event on the form (focusout, input and change bubble, blur does not):
  // controls added after attach() — a new domain row — are validated with no re-attach.
  const fieldControl = (target) => (target instanceof Element && target.matches(FIELD_SELECTOR) ? target : null);
  for (const control of form.querySelectorAll(`${FIELD_SELECTOR}, ${ATTACHMENT_SELECTOR}, ${APP_FILE_SELECTOR}`)) render.messageElement(control);

  on(document, "pointerdown", pointer.press, true);
  on(document, "pointerup", pointer.release, true);
  on(document, "pointercancel", pointer.release, true);

  function leave(control) {
    if (!control.isConnected) return;
    state.touched.add(control);
    const result = validate(control);
    // data-icp-normalize="false" keeps what the user typed (e.g. a province name, whose
    // canonical form is its GB code).
    const normalize = normalizeOnBlur && control.dataset.icpNormalize !== "false";
    if (normalize && result && result.valid && result.normalized != null && result.normalized !== control.value) {
      control.value = displayed(result);
    }
  }
  on(form, "focusout", (event) => {
    const control = fieldControl(event.target);
    if (!control) return;
    composition.leave(control);
    // An empty field merely tabbed past is not painted red before a submit.
    if (control.value === "" && !state.edited.has(control) && !state.submitted) return;
    pointer.run(() => leave(control));
  });
  on(form, "compositionstart", (event) => {
    const control = fieldControl(event.target);
    if (control) composition.start(control);
  });
  on(form, "compositionend", (event) => {
    const control = fieldControl(event.target);
    if (control) composition.end(control);
  });
  on(form, "input", (event) => {
    const control = fieldControl(event.target);
    if (!control) return;
    // What the file said of the value typed before holds no more once it is edited.
    render.clearAppNote(control);
    state.edited.add(control);
    composition.input(control, event);
  });

  // A change schedules the filing check; a control other fields read context from
  // (data-icp-context-*) revalidates them.
  on(form, "change", (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    if (target.matches(ATTACHMENT_SELECTOR)) {
      validateFile(target).catch((e) => console.warn("icp-validate: could not read the file", e));
    } else if (target.matches(APP_FILE_SELECTOR)) {
      readAppFile(target);
    } else if (target.matches(PATH_SELECTOR) && !target.matches(FIELD_SELECTOR)) {
      // Path-only controls (selects, checkboxes, plain inputs) feed the filing rules too.
      state.touched.add(target);
    }
    filing.schedule();
    for (const control of controls()) {
      if (control === target || !state.touched.has(control)) continue;
      if (contextSelectors(control).some(([, selector]) => target.matches(selector))) validate(control, { announceChange: false });
    }
  });

  const observer = watchRows(form, {
    forget(control) {
      render.forget(control);
      state.forget(control);
    },
    removed() {
      summary.refresh();
      filing.schedule();
    },
  });

  const { validateAll, onSubmit } = createSubmit({ form, options, locale, state, render, summary, filing, controls, validate });
  on(form, "submit", onSubmit);

  return {
    validateAll,
    /** The last whole-filing report (null before the first check or without validateFiling). */
    report: filing.report,
    /** The filing object the form currently describes. */
    filing: filing.current,
    detach() {
      observer.disconnect();
      // A field left for a click still waiting for the pointer's release is not checked now.
      pointer.cancel();
      for (const [target, type, handler, capture] of listeners) target.removeEventListener(type, handler, capture);
      filing.cancel();
      // Path-only controls got cross-field messages and aria-invalid too.
      render.detach(new Set([...controls(), ...form.querySelectorAll(`${ATTACHMENT_SELECTOR}, ${APP_FILE_SELECTOR}, ${PATH_SELECTOR}`)]));
    },
  };
}
