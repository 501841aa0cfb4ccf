// A control's own verdict: its value (or a chosen attachment's header) checked by the
// package's rule and shown at the control, announced when its message changes.
import { controlContext } from "./form-data.js";

const DEFAULT_HEADER_LENGTH = 256 * 1024;

/** `settled()` runs after each verdict shown (summary, whole-filing check). */
export function createFieldCheck({ form, options, locale, state, render, summary, settled }) {
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
    settled();
    return result;
  }

  /** Checks a data-icp-field control; its result, or null (empty and optional, or waiting
   * for a module). */
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

  return { validate, validateFile, clear };
}
