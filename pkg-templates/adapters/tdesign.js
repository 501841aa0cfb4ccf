// TDesign form rules: `validator` answers `{ result, message, type }` instead of rejecting,
// with `type: "warning"` for a finding that does not block.
import { check } from "./shared.js";

/**
 * A TDesign rule for one field: the first error, else the first warning as a warning.
 * `context` is an object or a function of the form's data (what TDesign passes as
 * `formData`) giving one.
 */
export function icpRule(field, options = {}) {
  const out = {
    validator(value, { formData } = {}) {
      const result = check(field, value, options, formData);
      if (!result) return { result: true, message: "", type: "success" };
      const [error] = result.errors;
      if (error) return { result: false, message: error.message, type: "error" };
      const [warning] = result.warnings;
      if (warning) return { result: false, message: warning.message, type: "warning" };
      return { result: true, message: "", type: "success" };
    },
  };
  if (options.trigger !== undefined) out.trigger = options.trigger;
  return out;
}
