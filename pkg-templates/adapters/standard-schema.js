// Standard Schema v1 (the `~standard` interface that React Hook Form's standardSchemaResolver,
// TanStack Form and others accept): a valid value comes back normalized, an error as an issue.
// Warnings block nothing and have no place in the interface: they go to `onWarning` (a field)
// or `onReport` (the filing), for the app to show.
import { validateFiling } from "icp-validate";
import { asInput, canonicalOf, checkWhenReady, then } from "./shared.js";

const standard = (validate) => ({ "~standard": { version: 1, vendor: "icp-validate", validate } });

/**
 * One field. `context` is an object or a function (of nothing) giving one at each check;
 * `required` makes an empty value an error. A valid value comes out in its canonical form
 * (`canonical: "unicode"` for a domain's Unicode form). The answer is a promise only while an
 * IME composition or a module load is under way.
 */
export function icpSchema(field, options = {}) {
  return standard((value) =>
    then(checkWhenReady(field, value, options), (result) => {
      if (!result) return { value: asInput(value) };
      if (result.valid) return { value: canonicalOf(result, options) ?? value };
      return { issues: result.errors.map((e) => ({ message: e.message })) };
    }),
  );
}

/**
 * A form's values, key by key: each key of `fields` checked as its field id (a string) or as
 * `{ field, context, required, ... }`, where a context function gets the whole object. The
 * values come out with the canonical forms written in; each error is an issue at its key.
 */
export function icpFormSchema(fields, options = {}) {
  return standard((data) => {
    const values = data !== null && typeof data === "object" ? data : {};
    const keys = Object.keys(fields);
    const specs = keys.map((key) => {
      const { field, ...own } = typeof fields[key] === "string" ? { field: fields[key] } : fields[key];
      return { field, options: { ...options, ...own } };
    });
    const checks = specs.map(({ field, options: own }, i) => checkWhenReady(field, values[keys[i]], own, values));
    const answer = (results) => {
      const issues = [];
      const value = { ...values };
      results.forEach((result, i) => {
        if (!result) return;
        if (result.valid) value[keys[i]] = canonicalOf(result, specs[i].options) ?? values[keys[i]];
        else for (const e of result.errors) issues.push({ message: e.message, path: [keys[i]] });
      });
      return issues.length ? { issues } : { value };
    };
    return checks.some((c) => c && typeof c.then === "function") ? Promise.all(checks).then(answer) : answer(checks);
  });
}

/** A report's path (`services[0].domains[1]`) as keys: ["services", 0, "domains", 1]. */
export function pathKeys(path) {
  const keys = [];
  for (const [, name, index] of String(path ?? "").matchAll(/([^.[\]]+)|\[(\d+)\]/g)) keys.push(index === undefined ? name : Number(index));
  return keys;
}

// A copy of the filing with the report's canonical forms written in at their paths.
function normalizedFiling(filing, normalized) {
  if (filing === null || typeof filing !== "object") return filing;
  const out = structuredClone(filing);
  for (const [path, value] of Object.entries(normalized || {})) {
    const keys = pathKeys(path);
    const last = keys.pop();
    const parent = keys.reduce((at, key) => (at !== null && typeof at === "object" ? at[key] : undefined), out);
    if (parent !== null && typeof parent === "object" && last in parent) parent[last] = value;
  }
  return out;
}

// Whether a report path has an input, by `inputs`: a list of paths, or a function of one.
function hasInput(inputs, path) {
  if (inputs === undefined || inputs === null) return true;
  if (typeof inputs === "function") return Boolean(inputs(path));
  return inputs.includes(path);
}

/**
 * The whole filing (validateFiling, so the result is a promise): a copy of the filing with
 * the canonical forms written in, or its errors with their paths. `options` are
 * validateFiling's (`locale`, `provider`, ...) and `inputs` (the paths the form has an input
 * for, or a function of a path): an error at any other path (a duplicate e-mail across the
 * people in charge, a rule of the whole filing) is an issue without a path, which form
 * libraries keep as the form's own error (React Hook Form: `errors.root`). `onReport` gets
 * the whole report (its warnings, which block nothing, and documents).
 */
export function filingSchema(options = {}) {
  const { inputs, onReport, ...filingOptions } = options;
  return standard(async (filing) => {
    const report = await validateFiling(filing, filingOptions);
    if (typeof onReport === "function") onReport(report);
    if (report.valid) return { value: normalizedFiling(filing, report.normalized) };
    return {
      issues: report.errors.map((e) => {
        const path = pathKeys(e.path);
        return path.length && hasInput(inputs, e.path) ? { message: e.message, path } : { message: e.message };
      }),
    };
  });
}
