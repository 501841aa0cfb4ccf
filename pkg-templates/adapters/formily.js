// Formily validators: a validator answers "" (passes), or `{ type, message }`, where a
// `warning` lands in the field's warnings, apart from its errors.
import { check } from "./shared.js";

/**
 * A Formily validator for one field: the first error, else the first warning as a warning.
 * `context` is an object or a function of the form's values (`ctx.form.values`).
 */
export function icpValidator(field, options = {}) {
  return (value, _rule, ctx) => {
    const result = check(field, value, options, ctx && ctx.form ? ctx.form.values : undefined);
    if (!result) return "";
    const [error] = result.errors;
    if (error) return { type: "error", message: error.message };
    const [warning] = result.warnings;
    if (warning) return { type: "warning", message: warning.message };
    return "";
  };
}

/**
 * A rule pack for Formily's `registerValidateRules`: one rule per field, named `icp_<field>`
 * (`x-validator: { icp_resident_id: true }`). The same options apply to every field.
 */
export function icpValidateRules(fields, options = {}) {
  return Object.fromEntries(fields.map((field) => [`icp_${field}`, icpValidator(field, options)]));
}
