import type { Context, FieldResult } from "../types.js";
import type { Locale } from "../index.js";

/** The developer's error of a wrong context (a `context.invalid` finding): never shown in the form. */
export interface IcpContextError extends TypeError {
  code: "ICP_CONTEXT_INVALID";
  field: string;
  problems: { key: string; value: string }[];
}

/** How an adapter checks one field. */
export interface FieldCheckOptions<Source = Record<string, unknown>> {
  /** The field's context, or a function giving it at each check (cross-field context). `""`, `null` and an absent key mean not given. */
  context?: Context | null | ((source?: Source) => Context | null | undefined);
  /** Message language (`zh-CN` by default); a locale other than the loaded ones needs `await loadLocale(tag)` first. */
  locale?: Locale | null;
  /** An empty value is an error rather than accepted. */
  required?: boolean;
  /** Gets the value's first warning after each check (null when it has none or has an error): warnings never block, the app shows them. */
  onWarning?: (message: string | null, field: string) => void;
  /** Opt-in write-back: gets the canonical form of a valid value that was typed otherwise (`11010519491231002x` -> `…X`). */
  normalize?: (canonical: string, result: FieldResult) => void;
  /** The canonical form of a domain: `"ascii"` (punycode, the default) or `"unicode"`. */
  canonical?: "ascii" | "unicode";
  /** Gets a context the caller got wrong (default: `console.error`, once per problem); the form shows the value's own findings. */
  onContextError?: (error: IcpContextError) => void;
}

/** The first error, else the first warning, of a result (null when there is none). */
export function firstFinding(result: { errors: readonly { message: string }[]; warnings: readonly { message: string }[] } | null): { type: "error" | "warning"; message: string } | null;

/** Whether an IME composition is under way in the page (the adapters wait for its end before reporting). */
export function isComposing(): boolean;
