// TDesign form rules: `validator` answers `{ result, message, type }` instead of rejecting,
// with `type: "warning"` for a finding that does not block.
import { check, firstFinding } from "./shared.js";

/**
 * A TDesign rule for one field: the first error, else the first warning as a warning.
 * `context` is an object or a function of the form's data (what TDesign passes as
 * `formData`) giving one.
 */
export function icpRule(field, options = {}) {
  const out = {
    validator(value, { formData } = {}) {
      const finding = firstFinding(check(field, value, options, formData));
      return finding ? { result: false, ...finding } : { result: true, message: "", type: "success" };
    },
  };
  if (options.trigger !== undefined) out.trigger = options.trigger;
  return out;
}
