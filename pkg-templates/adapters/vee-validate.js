// VeeValidate (4) rules: a validator answers `true` or the message, for `defineRule` and for a
// field's own `rules`. VeeValidate has no warning level: warnings do not block, and go to
// `onWarning` for the app to show.
import { checkWhenReady, then } from "./shared.js";

/**
 * A VeeValidate validator for one field: `true`, or the first error's message. `context` is an
 * object or a function of the form's values (VeeValidate passes them as `ctx.form`).
 */
export function icpValidator(field, options = {}) {
  // VeeValidate calls a defined rule with (value, params, ctx), a field's own function with
  // (value, ctx): the context of the check comes last either way.
  return (value, ...rest) => {
    const ctx = rest[rest.length - 1];
    return then(checkWhenReady(field, value, options, ctx && typeof ctx === "object" ? ctx.form : undefined), (result) => (result && result.errors.length ? result.errors[0].message : true));
  };
}

/**
 * Registers one global rule per field, named `icp_<field>` (`rules="required|icp_resident_id"`).
 * VeeValidate's `defineRule` is passed in, so this module does not import vee-validate.
 */
export function defineIcpRules(defineRule, fields, options = {}) {
  for (const field of fields) defineRule(`icp_${field}`, icpValidator(field, options));
}
