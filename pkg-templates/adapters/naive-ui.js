// Naive UI form rules (async-validator underneath): an `asyncValidator` rejecting with the
// localized message; the warning rule carries Naive UI's `level: "warning"`, which the
// FormItem shows as a warning and `validate()` resolves with (the submit is not blocked).
import { checkWhenReady, errorAndWarningRules } from "./shared.js";

function rule(field, options, pick) {
  const out = {
    asyncValidator(_rule, value, _callback, source) {
      return Promise.resolve(checkWhenReady(field, value, options, source)).then((result) => {
        const message = result && pick(result);
        if (message) throw new Error(message);
      });
    },
  };
  if (options.required) out.required = true;
  if (options.trigger !== undefined) out.trigger = options.trigger;
  return out;
}

/**
 * [error rule, warning rule] for a FormItem's `rule` (or the form's `rules[path]`). `context`
 * is an object or a function of the form's model (async-validator's `source`) giving one.
 */
export function icpRules(field, options = {}) {
  const [error, warning] = errorAndWarningRules(rule, field, options);
  warning.level = "warning";
  return [error, warning];
}
