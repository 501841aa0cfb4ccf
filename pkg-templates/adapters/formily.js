// Formily validators: a validator answers "" (passes), or `{ type, message }`, where a
// `warning` lands in the field's warnings, apart from its errors (Formily's FormItem shows
// it with `feedbackStatus: "warning"`, and the form's submit is not blocked by it).
import { checkWhenReady, firstFinding, then } from "./shared.js";

/**
 * A Formily validator for one field: the first error, else the first warning as a warning.
 * `context` is an object or a function of the form's values (`ctx.form.values`).
 */
export function icpValidator(field, options = {}) {
  return (value, _rule, ctx) => {
    return then(checkWhenReady(field, value, options, ctx && ctx.form ? ctx.form.values : undefined), (result) => firstFinding(result) || "");
  };
}

/**
 * A rule pack for Formily's `registerValidateRules`: one rule per field, named `icp_<field>`
 * (`x-validator: { icp_resident_id: true }`). The same options apply to every field.
 */
export function icpValidateRules(fields, options = {}) {
  return Object.fromEntries(fields.map((field) => [`icp_${field}`, icpValidator(field, options)]));
}
