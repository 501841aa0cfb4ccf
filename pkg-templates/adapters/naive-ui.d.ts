// Naive UI form rules.
import type { FieldCheckOptions } from "./shared.js";

export interface NaiveRuleOptions extends FieldCheckOptions {
  /** When Naive UI runs the rule (`"blur"`, `"input"`, `["input", "blur"]`). */
  trigger?: string | string[];
}

/** A rule for Naive UI's FormItem (its FormItemRule). */
export interface NaiveRule {
  required?: boolean;
  trigger?: string | string[];
  level?: "error" | "warning";
  asyncValidator(rule: unknown, value: any, callback: unknown, source: Record<string, any>): Promise<void>;
}

/** The error rule and a `level: "warning"` rule for the first warning. */
export function icpRules(field: string, options?: NaiveRuleOptions): [NaiveRule, NaiveRule];
