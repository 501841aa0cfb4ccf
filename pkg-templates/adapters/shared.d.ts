import type { Context } from "../types.js";
import type { Locale } from "../index.js";

/** How an adapter checks one field. */
export interface FieldCheckOptions<Source = Record<string, unknown>> {
  /** The field's context, or a function giving it at each check (cross-field context). */
  context?: Context | null | ((source?: Source) => Context | null | undefined);
  /** Message language (`zh-CN` by default); a locale other than the loaded ones needs `await loadLocale(tag)` first. */
  locale?: Locale | null;
  /** An empty value is an error rather than accepted. */
  required?: boolean;
}

/** The first error, else the first warning, of a result (null when there is none). */
export function firstFinding(result: { errors: readonly { message: string }[]; warnings: readonly { message: string }[] } | null): { type: "error" | "warning"; message: string } | null;
