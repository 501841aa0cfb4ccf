// The entries "icp-validate" (Node, bundlers) and "icp-validate/bundler". In Node everything
// is loaded on import; in a browser importing starts loading the field module (no top-level
// await): `await ready`, or catch ICP_NOT_READY. "icp-validate/web" adds init()/initSync()
// (web.d.ts).
import type { AttachmentResult, Context, FieldInfo, FieldResult, Filing, FilingOptions, FilingReport } from "./types.js";

// The types of what the functions take and return are generated from the Rust types
// (types.d.ts, through the JSON Schema docs/api.schema.json of the source tree).
export * from "./types.js";

/** Message language. zh-CN is the default. */
export type Locale = "zh-CN" | "en" | string;

/** Validates one field. Never throws for bad input: problems come back as errors. */
export function validateField(field: string, value: string, context?: Context | null, locale?: Locale | null): FieldResult;

/** The field ids this build knows. */
export function listFields(locale?: Locale | null): FieldInfo[];

/**
 * Checks an attachment from its first `attachmentHeaderLength()` bytes, already read, and the
 * file's size. Synchronous; anything but bytes (a File or Blob included) gets an
 * `input.malformed` result: read a File with `validateAttachmentFile` instead.
 */
export function validateAttachment(kind: string, header: Uint8Array | ArrayBuffer | ArrayBufferView, totalSize: number, context?: Context | null, locale?: Locale | null): AttachmentResult;

/**
 * Reads `file.slice(0, attachmentHeaderLength())` and checks it with `file.size`. Resolves to an
 * `input.malformed` result, never rejects, when `file` is not a File or Blob or cannot be read.
 * ES module entries only (`import`), not `require("icp-validate")`.
 */
export function validateAttachmentFile(kind: string, file: Blob, context?: Context | null, locale?: Locale | null): Promise<AttachmentResult>;

/**
 * Validates a whole filing: every field at its path, cross-field rules, documents checklist,
 * route. The first call loads the filing module (in browsers a second wasm, fetched on this
 * first need); never rejects for bad input.
 */
export function validateFiling(filing: Filing, options?: FilingOptions | null): Promise<FilingReport>;

/**
 * `validateFiling` at once, once the filing module is loaded (always in Node; in browsers
 * after `await loadFiling()` or a first `validateFiling`); before that it throws an Error of
 * code `ICP_FILING_NOT_LOADED` (and `ICP_IDN_NOT_LOADED` when a name of the filing needs the
 * IDN module, not loaded yet).
 */
export function validateFilingSync(filing: Filing, options?: FilingOptions | null): FilingReport;

/** Loads the filing module (what the first `validateFiling` does; a browser page prefetches it
 * when idle after the first field check); Node has it loaded. */
export function loadFiling(): Promise<void>;

/**
 * Loads the IDN module (UTS 46), which names that are not plain ASCII or have an `xn--` label
 * (`例子.中国`, `xn--fiqs8s.cn`) need; browsers load it when such a name is first checked, Node
 * has it loaded. Until it has arrived, `validateField` and `isValid` on such a name throw an
 * Error whose `code` is `"ICP_IDN_NOT_LOADED"` and whose `ready` is a promise of its arrival.
 */
export function loadIdn(): Promise<void>;

/** How many leading bytes of a file validateAttachment reads. */
export function attachmentHeaderLength(): number;

/** Crate version with the data version as build metadata: `0.1.0+data.2026-11-23`. */
export function version(): string;
/** Every generated table (mobile blocks, area codes, GB/T 2260, PSL, approved TLDs, case table) with its source and date. */
export function dataSources(): { table: string; source: string; date: string }[];

/**
 * Whether a value is valid for a field: exactly `validateField(...).valid`, without building a
 * result or wording a message (the keystroke-level and bulk path).
 */
export function isValid(field: string, value: string, context?: Context | null): boolean;

/**
 * Loads the messages of a locale (`zh-CN` or `en`; other tags read as zh-CN). Node has every
 * locale loaded; the bundler entry starts loading `<html lang>`'s (zh-CN by default) on import.
 */
export function loadLocale(locale: Locale): Promise<void>;

/** The modules of the package, each loaded on need in a browser (all loaded in Node). */
export type ModuleState = "idle" | "loading" | "loaded" | "failed";

/** How far each module has come: `field` (every check; starts loading on import), `idn` (names
 * that are not plain ASCII or have an `xn--` label; loads when such a name is checked) and
 * `filing` (validateFiling; prefetched when the page is idle after the first field check).
 * "failed": its download failed after retries; the next call that needs it tries again. */
export function loadStatus(): { field: ModuleState; idn: ModuleState; filing: ModuleState };

/**
 * Resolves once the field module and the messages of the page's locale are here (checks answer
 * from then on); rejects with an {@link IcpLoadError} of code `ICP_NOT_LOADED` when their
 * download failed after retries (any later call tries again). Resolved on import in Node.
 */
export const ready: Promise<void>;

/**
 * What the functions throw (or reject with) when a module they need is not here:
 * - `ICP_NOT_READY`: the field module is still loading (`state: "loading"`) or its download
 *   failed (`"failed"`, a new try has started); the browser bundler entry before `ready`.
 * - `ICP_IDN_NOT_LOADED`: a name needs the IDN module, now loading (or failed and retrying).
 * - `ICP_FILING_NOT_LOADED`: validateFilingSync before the filing module is here.
 * - `ICP_LOCALE_NOT_LOADED`: a locale whose messages are not loaded (`loadLocale`).
 * - `ICP_NOT_LOADED` (the rejection of `ready`, loadIdn, loadFiling, validateFiling): a
 *   download failed after retries; `module` names it, `cause` is the last try's error.
 * `ready` (not on ICP_NOT_LOADED) resolves when what was missing has arrived: check again then.
 */
export interface IcpLoadError extends Error {
  code: "ICP_NOT_READY" | "ICP_IDN_NOT_LOADED" | "ICP_FILING_NOT_LOADED" | "ICP_LOCALE_NOT_LOADED" | "ICP_NOT_LOADED";
  state?: "idle" | "loading" | "failed";
  module?: "field" | "IDN" | "filing";
  ready?: Promise<void>;
}
