// icp-validate form widget: progressive enhancement of an existing form.
// Plain ES modules, no framework, no network calls. Messages are written with textContent only.
// attach() wires the parts in widget/: per-control state (control-state.js), what is shown
// (render.js, summary.js), IME composition (composition.js), removed rows (rows.js), the
// whole-filing check (cross-field.js), APP files (app-file-input.js).
import { APP_FILE_SELECTOR, ATTACHMENT_SELECTOR, FIELD_SELECTOR, PATH_SELECTOR } from "./widget/dom.js";
import { contextSelectors, controlContext } from "./widget/form-data.js";
import { createControlState } from "./widget/control-state.js";
import { createRenderer } from "./widget/render.js";
import { createSummary } from "./widget/summary.js";
import { createComposition } from "./widget/composition.js";
import { createPointerGate } from "./widget/pointer.js";
import { watchRows } from "./widget/rows.js";
import { createFilingCheck } from "./widget/cross-field.js";
import { createAppFileInput } from "./widget/app-file-input.js";

export { filingFromForm } from "./widget/form-data.js";

const DEFAULT_HEADER_LENGTH = 256 * 1024;

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

  function clear(control) {
    render.clearResult(control);
    state.lastMessage.set(control, "");
    state.lastResult.delete(control);
    summary.refresh();
  }

  function show(control, result, announceChange) {
    state.lastResult.set(control, result);
    const text = render.showResult(control, result);
    if (announceChange && text !== state.lastMessage.get(control)) render.announce(text);
    state.lastMessage.set(control, text);
    if (options.onResult) options.onResult(control, result);
    summary.refresh();
    filing.schedule();
    return result;
  }

  function validate(control, { announceChange = true } = {}) {
    const context = controlContext(control, form, options.context);
    const value = control.value;
    const required = control.required || control.getAttribute("aria-required") === "true";
    if (value.trim() === "" && !required) {
      // An empty optional field is not an error; clear any earlier message.
      clear(control);
      return null;
    }
    let result;
    try {
      result = options.validateField(control.dataset.icpField, value, context, locale);
    } catch (e) {
      // Any module not here yet (the field module itself before the package's `ready`, the
      // IDN module for a name that is not plain ASCII, ...) throws a typed error carrying its
      // `ready` promise: the value is checked once it arrives, if it still stands; the message
      // shown meanwhile stays.
      const arrival = e && e.code === "ICP_IDN_NOT_LOADED" && typeof options.loadIdn === "function" ? options.loadIdn() : e && e.ready;
      if (!arrival || typeof arrival.then !== "function") throw e;
      arrival.then(
        () => control.isConnected && control.value === value && validate(control, { announceChange }),
        (err) => console.warn(`icp-validate: a module could not be loaded (${(e && e.code) || "unknown"})`, err),
      );
      return null;
    }
    return show(control, result, announceChange);
  }

  // Attachments: only the header slice is read, locally; nothing is uploaded.
  async function validateFile(control) {
    const file = control.files && control.files[0];
    if (!file || typeof options.validateAttachment !== "function") {
      clear(control);
      return null;
    }
    const length = options.attachmentHeaderLength || DEFAULT_HEADER_LENGTH;
    const header = new Uint8Array(await file.slice(0, length).arrayBuffer());
    const context = controlContext(control, form, options.context);
    return show(control, options.validateAttachment(control.dataset.icpAttachment, header, file.size, context, locale), true);
  }

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
        render.announce(locale === "en" ? `${count} field(s) need attention` : `有 ${count} 项需要修改`);
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

  // With an asynchronous validateFiling the submit waits for its report, then is submitted
  // again (passing through once) if everything is valid.
  let resubmitting = false;
  on(form, "submit", (event) => {
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
  });

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
