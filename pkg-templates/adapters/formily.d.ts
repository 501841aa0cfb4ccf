// Formily validators.
import type { FieldCheckOptions } from "./shared.js";

/** Formily's validator answer: "" when the value passes. */
export type FormilyAnswer = "" | { type: "error" | "warning"; message: string };

/** What Formily passes a validator last: the field and the form (its `values`). */
export interface FormilyValidatorContext {
  form?: { values?: Record<string, unknown> };
  field?: unknown;
}

export type FormilyValidator = (value: any, rule: any, ctx: any) => FormilyAnswer | Promise<FormilyAnswer>;

/** A validator answering the first error, else the first warning as `type: "warning"`. */
export function icpValidator(field: string, options?: FieldCheckOptions): FormilyValidator;

/** `{ icp_<field>: validator }` for `registerValidateRules`. */
export function icpValidateRules(fields: readonly string[], options?: FieldCheckOptions): Record<string, FormilyValidator>;
