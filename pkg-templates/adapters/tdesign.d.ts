// TDesign form rules.
import type { FieldCheckOptions } from "./shared.js";

export interface TdesignRuleOptions extends FieldCheckOptions {
  /** When TDesign runs the rule (`"blur"`, `"change"`). */
  trigger?: "blur" | "change" | "submit" | string;
}

/** TDesign's custom validator answer. */
export interface TdesignValidateResult {
  result: boolean;
  message: string;
  type: "error" | "warning" | "success";
}

export interface TdesignRule {
  trigger?: string;
  validator(value: unknown, context?: { formData?: Record<string, unknown>; name?: string }): TdesignValidateResult;
}

/** A rule answering the first error, else the first warning as `type: "warning"`. */
export function icpRule(field: string, options?: TdesignRuleOptions): TdesignRule;
