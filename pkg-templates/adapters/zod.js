// zod refinements: `.superRefine(icpRefine(field))` on a string, `.superRefine(icpRefineObject({ key: field }))`
// on an object for context from its other keys. The first error becomes a custom issue;
// warnings go to `onWarning`. Synchronous: nothing is reported while an IME composition is
// under way (the next check, at blur or submit, reports), and a module not loaded yet throws
// its typed error (`await ready` before a synchronous parse).
import { check, isComposing } from "./shared.js";

/** For a string schema: the value's first error as an issue. */
export function icpRefine(field, options = {}) {
  return (value, ctx) => {
    if (isComposing()) return; // checked again at the next trigger, the composition ended
    const error = check(field, value, options)?.errors[0];
    if (error) ctx.addIssue({ code: "custom", message: error.message });
  };
}

/**
 * For an object schema: each key of `fields` checked as its field id (a string) or as
 * `{ field, context, required, locale }`, where a context function gets the whole object.
 * Issues carry the key as their path.
 */
export function icpRefineObject(fields, options = {}) {
  return (data, ctx) => {
    if (isComposing()) return;
    for (const [key, spec] of Object.entries(fields)) {
      const { field, ...own } = typeof spec === "string" ? { field: spec } : spec;
      const error = check(field, data?.[key], { ...options, ...own }, data)?.errors[0];
      if (error) ctx.addIssue({ code: "custom", message: error.message, path: [key] });
    }
  };
}
