// VeeValidate (4) rules.
import type { FieldCheckOptions } from "./shared.js";

/** What VeeValidate passes last to a rule: the form's values among others. */
export interface VeeRuleContext {
  form?: Record<string, unknown>;
  field?: string;
}

/** VeeValidate's validator: `(value, params, ctx)` as a defined rule, `(value, ctx)` as a field's own; `true` or the message. */
export type VeeValidator = (value: any, ...rest: any[]) => true | string | Promise<true | string>;

/** A validator answering `true` or the first error's message; `context` may be a function of `ctx.form`. */
export function icpValidator(field: string, options?: FieldCheckOptions): VeeValidator;

/** Registers `icp_<field>` rules with the `defineRule` given. */
export function defineIcpRules(defineRule: (name: string, validator: VeeValidator) => void, fields: readonly string[], options?: FieldCheckOptions): void;
