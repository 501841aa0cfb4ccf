// What every adapter does the way the widget (www/widget.js) does it: an empty optional value
// passes, anything else goes to validateField with the context of the moment.
import { validateField } from "icp-validate";

/** A form value as the field rules take it: nothing as "", anything else as it is. */
export const asInput = (value) => (value === undefined || value === null ? "" : value);

/** Whether a value is left empty (only blanks), which an optional field accepts. */
export const isBlank = (value) => typeof value === "string" && value.trim() === "";

/** The context of this check: the object given, or what the function gives for `source`. */
export const contextFor = (context, source) => (typeof context === "function" ? context(source) : context);

/** The field's result, or null when the value is empty and the field optional. */
export function check(field, value, { context, locale, required = false } = {}, source) {
  const input = asInput(value);
  if (isBlank(input) && !required) return null;
  return validateField(field, input, contextFor(context, source), locale);
}

/** The finding a one-message library shows: the first error, else the first warning. */
export function firstFinding(result) {
  if (!result) return null;
  if (result.errors.length) return { type: "error", message: result.errors[0].message };
  if (result.warnings.length) return { type: "warning", message: result.warnings[0].message };
  return null;
}
