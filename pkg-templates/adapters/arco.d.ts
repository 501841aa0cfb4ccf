// Arco Design (React) form rules.
import type { FieldCheckOptions } from "./shared.js";

export interface ArcoRuleOptions extends FieldCheckOptions<never> {
  /** When Arco runs the rule (the rule's `validateTrigger`: `"onBlur"`, `"onChange"`). */
  trigger?: string | string[];
}

/** A rule for Arco's Form.Item `rules` (its RulesProps). */
export interface ArcoRule {
  required?: boolean;
  validateTrigger?: string | string[];
  validateLevel?: "error" | "warning";
  validator(value: any, callback: (error?: string) => void): void;
}

/** The error rule and a `validateLevel: "warning"` rule for the first warning. */
export function icpRules(field: string, options?: ArcoRuleOptions): [ArcoRule, ArcoRule];
