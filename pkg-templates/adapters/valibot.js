// valibot actions' functions: `v.rawCheck(icpCheck(field))` in a string pipe,
// `v.rawCheck(icpCheckObject({ key: field }))` in an object pipe for context from its other
// keys. The first error becomes an issue;
// warnings go to `onWarning`. Synchronous: nothing is reported while an IME composition is
// under way (the next check, at blur or submit, reports).
import { check, isComposing } from "./shared.js";

/** For a string pipe: the value's first error as an issue. */
export function icpCheck(field, options = {}) {
  return ({ dataset, addIssue }) => {
    if (!dataset.typed || isComposing()) return; // checked again at the next trigger
    const error = check(field, dataset.value, options)?.errors[0];
    if (error) addIssue({ message: error.message });
  };
}

/**
 * For an object pipe: each key of `fields` checked as its field id (a string) or as
 * `{ field, context, required, locale }`, where a context function gets the whole object.
 * Issues carry the key as their path.
 */
export function icpCheckObject(fields, options = {}) {
  return ({ dataset, addIssue }) => {
    if (!dataset.typed || isComposing()) return;
    const data = dataset.value;
    for (const [key, spec] of Object.entries(fields)) {
      const { field, ...own } = typeof spec === "string" ? { field: spec } : spec;
      const error = check(field, data[key], { ...options, ...own }, data)?.errors[0];
      if (error) addIssue({ message: error.message, path: [{ type: "object", origin: "value", input: data, key, value: data[key] }] });
    }
  };
}
