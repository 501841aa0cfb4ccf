// TDesign form rules: `validator` answers `{ result, message, type }` (or a promise of it while
// an IME composition or a module load is under way). TDesign counts every answer that is not
// `result: true` against `validate()`, a `type: "warning"` one too, so a warning is answered
// as passing and handed to `onWarning`: the app shows it with the FormItem's own
// `status="warning"` and `tips` props, and the form stays valid.
import { checkWhenReady, then } from "./shared.js";

const PASS = { result: true, message: "", type: "success" };

/**
 * A TDesign rule for one field: the first error blocks; the first warning goes to `onWarning`.
 * `context` is an object or a function of the form's data (what TDesign passes as `formData`).
 */
export function icpRule(field, options = {}) {
  const out = {
    validator(value, { formData } = {}) {
      return then(checkWhenReady(field, value, options, formData), (result) => (result && result.errors.length ? { result: false, message: result.errors[0].message, type: "error" } : PASS));
    },
  };
  if (options.trigger !== undefined) out.trigger = options.trigger;
  return out;
}
