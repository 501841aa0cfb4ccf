// Rules in async-validator's shape (Element Plus, Ant Design Vue, Ant Design's rc-field-form):
// `validator` returns a promise that rejects with an Error carrying the localized message.
import { check } from "./shared.js";

function rule(field, options, pick) {
  const { trigger, required = false } = options;
  const out = {
    // Only marks the field (the asterisk): the validator below words the "required" message.
    required,
    validator(_rule, value, _callback, source) {
      const result = check(field, value, options, source);
      const message = result && pick(result);
      return message ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  };
  if (trigger !== undefined) out.trigger = trigger;
  return out;
}

/**
 * A rule rejecting the value's first error. `context` is an object or a function of the
 * validated values (async-validator's `source`) giving one.
 */
export function icpRule(field, options = {}) {
  return rule(field, options, (result) => result.errors[0]?.message);
}

/**
 * [error rule, warning rule]: the second carries Ant Design's `warningOnly`, and rejects with
 * the first warning of a value that has no error.
 */
export function icpRules(field, options = {}) {
  const warning = rule(field, options, (result) => (result.errors.length === 0 ? result.warnings[0]?.message : undefined));
  warning.warningOnly = true;
  delete warning.required; // one rule marks the field
  return [icpRule(field, options), warning];
}
