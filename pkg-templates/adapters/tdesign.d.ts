// TDesign form rules.
import type { FieldCheckOptions } from "./shared.js";

export interface TdesignRuleOptions extends FieldCheckOptions {
  /** When TDesign runs the rule. */
  trigger?: "blur" | "change" | "submit" | "all";
}

/** TDesign's custom validator answer. */
export interface TdesignValidateResult {
  result: boolean;
  message: string;
  type: "error" | "warning" | "success";
}

export interface TdesignRule {
  trigger?: "blur" | "change" | "submit" | "all";
  validator(value: unknown, context?: { formData: Record<string, any>; name: string }): TdesignValidateResult | Promise<TdesignValidateResult>;
}

/** A rule answering the first error; a warning passes and goes to `onWarning` (show it with the FormItem's `status` and `tips`). */
export function icpRule(field: string, options?: TdesignRuleOptions): TdesignRule;
