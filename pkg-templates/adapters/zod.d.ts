// zod refinements (for `.superRefine`).
import type { FieldCheckOptions } from "./shared.js";

/** What `.superRefine` passes: the part of zod's context the refinements use. */
export interface RefinementContext {
  addIssue(issue: { code: "custom"; message: string; path?: PropertyKey[] }): void;
}

/** A field id, or a field id with its own options. */
export type FieldSpec<Data> = string | ({ field: string } & FieldCheckOptions<Data>);

/** For a string schema: the value's first error as an issue. */
export function icpRefine(field: string, options?: FieldCheckOptions<never>): (value: unknown, ctx: RefinementContext) => void;

/** For an object schema: each key checked as its field, with a context function of the whole object. */
export function icpRefineObject<Data extends Record<string, unknown>>(fields: { [Key in keyof Data]?: FieldSpec<Data> }, options?: FieldCheckOptions<Data>): (data: Data, ctx: RefinementContext) => void;
