// Arco Design (React) form rules: b-validate's `validator(value, callback)`, called back with
// the localized message; the warning rule carries Arco's `validateLevel: "warning"`, which the
// FormItem shows without blocking the submit. Arco passes a validator the value alone, so a
// cross-field context is a function of nothing that reads the form instance.
import { checkWhenReady, errorAndWarningRules, then } from "./shared.js";

function rule(field, options, pick) {
  const out = {
    validator(value, callback) {
      then(checkWhenReady(field, value, options), (result) => {
        const message = result && pick(result);
        return message ? callback(message) : callback();
      });
    },
  };
  if (options.required) out.required = true;
  if (options.trigger !== undefined) out.validateTrigger = options.trigger;
  return out;
}

/**
 * [error rule, warning rule] for a Form.Item's `rules`: the first error blocks, the first
 * warning (of a value without errors) shows as a warning.
 */
export function icpRules(field, options = {}) {
  const [error, warning] = errorAndWarningRules(rule, field, options);
  warning.validateLevel = "warning";
  return [error, warning];
}
