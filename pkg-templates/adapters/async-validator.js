// Rules in async-validator's shape (Element Plus, Ant Design Vue, Ant Design's rc-field-form):
// an `asyncValidator` whose promise rejects with an Error carrying the localized message.
// `asyncValidator`, not `validator`: Element Plus types `validator` as synchronous, and
// async-validator (which rc-field-form runs too) awaits `asyncValidator`'s promise.
import { checkWhenReady, errorAndWarningRules, firstError } from "./shared.js";

function rule(field, options, pick) {
  const { trigger, required = false } = options;
  const out = {
    // Only marks the field (the asterisk): the validator below words the "required" message.
    required,
    asyncValidator(_rule, value, _callback, source) {
      return Promise.resolve(checkWhenReady(field, value, options, source)).then((result) => {
        const message = result && pick(result);
        if (message) throw new Error(message);
      });
    },
  };
  if (trigger !== undefined) out.trigger = trigger;
  return out;
}

/**
 * A rule rejecting the value's first error (warnings go to `onWarning`, if given). `context`
 * is an object or a function of the validated values (async-validator's `source`) giving one.
 */
export function icpRule(field, options = {}) {
  return rule(field, options, firstError);
}

/**
 * [error rule, warning rule]: the second carries Ant Design's `warningOnly`, and rejects with
 * the first warning of a value that has no error.
 */
export function icpRules(field, options = {}) {
  const [error, warning] = errorAndWarningRules(rule, field, options);
  warning.warningOnly = true;
  return [error, warning];
}

