// Standard Schema v1 for one field and for the whole filing.
import type { Filing, FilingOptions } from "../types.js";
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

/** One field: the normalized value, or the errors (warnings are left out). */
export function icpSchema(field: string, options?: FieldCheckOptions<never>): StandardSchema<string, string, StandardResult<string>>;

/** The whole filing: a copy with the canonical forms written in, or its errors with their paths as keys. */
export function filingSchema(options?: FilingOptions | null): StandardSchema<Filing, Filing, Promise<StandardResult<Filing>>>;

/** A report's path (`services[0].domains[1]`) as keys: `["services", 0, "domains", 1]`. */
export function pathKeys(path: string): (string | number)[];
