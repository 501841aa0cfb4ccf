// Standard Schema v1 (the `~standard` interface that React Hook Form's standardSchemaResolver,
// TanStack Form and others accept): a valid value comes back normalized, an error as an issue.
// Warnings block nothing and have no place in the interface, so they are left out.
import { validateFiling } from "icp-validate";
import { asInput, check } from "./shared.js";

const standard = (validate) => ({ "~standard": { version: 1, vendor: "icp-validate", validate } });

/**
 * One field. `context` is an object or a function (of nothing) giving one at each check;
 * `required` makes an empty value an error.
 */
export function icpSchema(field, options = {}) {
  return standard((value) => {
    const result = check(field, value, options);
    if (!result) return { value: asInput(value) };
    if (result.valid) return { value: result.normalized ?? value };
    return { issues: result.errors.map((e) => ({ message: e.message })) };
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

/**
 * The whole filing (validateFiling, so the result is a promise): a copy of the filing with
 * the canonical forms written in, or its errors with their paths. `options` are
 * validateFiling's (`locale`, `provider`, ...).
 */
export function filingSchema(options = {}) {
  return standard(async (filing) => {
    const report = await validateFiling(filing, options);
    if (report.valid) return { value: normalizedFiling(filing, report.normalized) };
    return {
      issues: report.errors.map((e) => {
        const path = pathKeys(e.path);
        return path.length ? { message: e.message, path } : { message: e.message };
      }),
    };
  });
}
