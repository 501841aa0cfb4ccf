// Rules in async-validator's shape: Element Plus, Ant Design Vue, Ant Design (rc-field-form).
import type { FieldCheckOptions } from "./shared.js";

export interface IcpRuleOptions extends FieldCheckOptions {
  /** When the form library runs the rule (`"blur"`, `"change"`, `["blur", "change"]`). */
  trigger?: string | string[];
}

/** An async-validator RuleItem whose `asyncValidator` rejects with the localized message. */
export interface IcpRuleItem {
  required: boolean;
  trigger?: string | string[];
  asyncValidator(rule: unknown, value: unknown, callback?: unknown, source?: Record<string, any>): Promise<void>;
}

/** The warning rule of `icpRules`: Ant Design shows it without blocking the submit. */
export interface IcpWarningRuleItem extends Omit<IcpRuleItem, "required"> {
  warningOnly: true;
}

/** A rule rejecting the value's first error. */
export function icpRule(field: string, options?: IcpRuleOptions): IcpRuleItem;

/** The error rule and a `warningOnly` rule for the first warning (Ant Design). */
export function icpRules(field: string, options?: IcpRuleOptions): [IcpRuleItem, IcpWarningRuleItem];
