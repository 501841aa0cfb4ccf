// valibot `rawCheck` functions.
import type { FieldCheckOptions } from "./shared.js";

/** What `v.rawCheck` passes: the part of valibot's context the checks use. */
export interface RawCheckContext<Value> {
  dataset: { typed: boolean; value: Value };
  addIssue(issue: { message: string; path?: { type: "object"; origin: "value"; input: unknown; key: string; value: unknown }[] }): void;
}

/** A field id, or a field id with its own options. */
export type FieldSpec<Data> = string | ({ field: string } & FieldCheckOptions<Data>);

/** For a string pipe: the value's first error as an issue. */
export function icpCheck(field: string, options?: FieldCheckOptions<never>): (context: RawCheckContext<unknown>) => void;

/** For an object pipe: each key checked as its field, with a context function of the whole object. */
export function icpCheckObject<Data extends Record<string, unknown>>(fields: { [Key in keyof Data]?: FieldSpec<Data> }, options?: FieldCheckOptions<Data>): (context: RawCheckContext<Data>) => void;
