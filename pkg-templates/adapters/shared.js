// What every adapter does the way the widget (www/widget.js) does it: an empty optional value
// passes, anything else goes to validateField with the context of the moment; nothing is
// reported while an IME composition is under way (the check waits for compositionend); a
// module still loading is waited for; a context the caller got wrong goes to the developer
// (console), never into the form.
import { validateField } from "icp-validate";
import { contextError } from "../api.js";

/** A form value as the field rules take it: nothing as "", anything else as it is. */
export const asInput = (value) => (value === undefined || value === null ? "" : value);

/** Whether a value is left empty (only blanks), which an optional field accepts. */
export const isBlank = (value) => typeof value === "string" && value.trim() === "";

/** The context of this check: the object given, or what the function gives for `source`. */
export const contextFor = (context, source) => (typeof context === "function" ? context(source) : context);

// The IME composition under way in the page, if any: a change-triggered check of a half-typed
// "z" would report "too short" in the filer's face. Listened to on the document (capture), as
// the adapters do not own the inputs.
let composing = false;
let compositionEnded = [];
if (typeof document !== "undefined" && typeof document.addEventListener === "function") {
  document.addEventListener("compositionstart", () => (composing = true), true);
  document.addEventListener(
    "compositionend",
    () => {
      composing = false;
      const waiting = compositionEnded;
      compositionEnded = [];
      for (const resume of waiting) resume();
    },
    true,
  );
}

/** Whether an IME composition is under way in the page. */
export const isComposing = () => composing;

// Each wrong context reported once, not at every keystroke.
const reported = new Set();
function toDeveloper(error, options) {
  if (typeof options.onContextError === "function") return options.onContextError(error);
  const key = error.field + JSON.stringify(error.problems);
  if (reported.has(key)) return;
  reported.add(key);
  console.error(error);
}

// The context without the keys the caller got wrong; null when the whole of it was wrong.
function withoutKeys(context, problems) {
  if (context === null || typeof context !== "object" || Array.isArray(context) || problems.some((p) => p.key === "context")) return null;
  const out = { ...context };
  for (const { key } of problems) delete out[key];
  return out;
}

// One check; a wrong context goes to the developer and the value is checked without the keys
// it got wrong, so the form shows the value's own findings.
function checkNow(field, input, options, source) {
  const context = contextFor(options.context, source);
  const result = validateField(field, input, context, options.locale);
  const error = contextError(result);
  if (!error) return result;
  toDeveloper(error, options);
  return validateField(field, input, withoutKeys(context, error.problems), options.locale);
}

/** The message of a result's first error, if any. */
export const firstError = (result) => result.errors[0]?.message;

/** The message of the first warning of a result without errors, if any. */
export const firstWarning = (result) => (result.errors.length === 0 ? result.warnings[0]?.message : undefined);

/**
 * [error rule, warning rule] for the libraries that show a warning through a rule of its own,
 * each made by the adapter's `rule(field, options, pick)`: the warning rule gets the options
 * without `onWarning` and `normalize` (the error rule reports them once) and does not mark the
 * field required (one rule does). The adapter then sets the warning rule's level.
 */
export function errorAndWarningRules(rule, field, options) {
  const { onWarning, normalize, ...quiet } = options;
  const warning = rule(field, quiet, firstWarning);
  delete warning.required;
  return [rule(field, options, firstError), warning];
}

// What the options ask after a check: the first warning to `onWarning` (null when none), the
// canonical form to `normalize` when it differs from the value typed.
function after(field, value, options, result) {
  if (typeof options.onWarning === "function") options.onWarning((result && firstWarning(result)) ?? null, field);
  if (result && result.valid && typeof options.normalize === "function") {
    const canonical = canonicalOf(result, options);
    if (typeof canonical === "string" && canonical !== value) options.normalize(canonical, result);
  }
  return result;
}

/** The canonical form of a valid result: `normalized`, or a domain's Unicode form when
 * `canonical: "unicode"`. */
export function canonicalOf(result, { canonical } = {}) {
  if (canonical === "unicode" && result.details && typeof result.details.u_label === "string") return result.details.u_label;
  return result.normalized;
}

/**
 * The field's result now, or null when the value is empty and the field optional. For the
 * synchronous libraries (zod, valibot): a module not loaded yet throws its typed error.
 */
export function check(field, value, options = {}, source) {
  const input = asInput(value);
  if (isBlank(input) && !options.required) return after(field, value, options, null);
  return after(field, value, options, checkNow(field, input, options, source));
}

/**
 * The field's result, or a promise of it: while an IME composition is under way it waits for
 * compositionend, and while a module is still loading (an error with a `ready` promise) it
 * waits for that. A module that failed to load leaves the value unchecked (null) and is
 * reported to the developer: the server checks the filing anyway.
 */
export function checkWhenReady(field, value, options = {}, source) {
  if (composing) return new Promise((resume) => compositionEnded.push(resume)).then(() => checkWhenReady(field, value, options, source));
  try {
    return check(field, value, options, source);
  } catch (e) {
    if (!e || typeof e.ready?.then !== "function") throw e;
    return e.ready.then(
      () => checkWhenReady(field, value, options, source),
      (failed) => {
        console.error(failed);
        return null;
      },
    );
  }
}

/** Applies `answer` to a result or a promise of one. */
export const then = (resultOrPromise, answer) => (resultOrPromise && typeof resultOrPromise.then === "function" ? resultOrPromise.then(answer) : answer(resultOrPromise));

/** The finding a one-message library shows: the first error, else the first warning. */
export function firstFinding(result) {
  if (!result) return null;
  if (result.errors.length) return { type: "error", message: result.errors[0].message };
  if (result.warnings.length) return { type: "warning", message: result.warnings[0].message };
  return null;
}
