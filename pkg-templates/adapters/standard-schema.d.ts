// Standard Schema v1 for one field and for the whole filing.
import type { Filing, FilingOptions, FilingReport } from "../types.js";
import type { FieldCheckOptions } from "./shared.js";

export interface StandardIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey>;
}

export type StandardResult<Output> = { readonly value: Output; readonly issues?: undefined } | { readonly issues: ReadonlyArray<StandardIssue> };

/** The `~standard` interface, version 1. */
export interface StandardSchema<Input, Output, Answer> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "icp-validate";
    readonly validate: (value: unknown) => Answer;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** One field: the canonical value, or the errors (warnings go to `onWarning`); a promise only while an IME composition or a module load is under way. */
export function icpSchema(field: string, options?: FieldCheckOptions<never>): StandardSchema<string, string, StandardResult<string> | Promise<StandardResult<string>>>;

/** A field id, or a field id with its own options. */
export type FieldSpec<Data> = string | ({ field: string } & FieldCheckOptions<Data>);

/** A form's values key by key: the values with canonical forms, or each error at its key. */
export function icpFormSchema<Data extends Record<string, unknown>>(fields: { [Key in keyof Data]?: FieldSpec<Data> }, options?: FieldCheckOptions<Data>): StandardSchema<Data, Data, StandardResult<Data> | Promise<StandardResult<Data>>>;

export interface FilingSchemaOptions extends FilingOptions {
  /** The report paths the form has an input for (or a function of a path): an error elsewhere is an issue without a path, the form's own error. */
  inputs?: readonly string[] | ((path: string) => boolean);
  /** Gets the whole report of each check: its warnings (which block nothing) and documents. */
  onReport?: (report: FilingReport) => void;
}

/** The whole filing: a copy with the canonical forms written in, or its errors with their paths as keys. */
export function filingSchema(options?: FilingSchemaOptions | null): StandardSchema<Filing, Filing, Promise<StandardResult<Filing>>>;

/** A report's path (`services[0].domains[1]`) as keys: `["services", 0, "domains", 1]`. */
export function pathKeys(path: string): (string | number)[];
