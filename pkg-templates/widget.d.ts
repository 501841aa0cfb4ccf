import type { AttachmentResult, Context, FieldResult, Filing, FilingOptions, FilingReport, Locale } from "./index.js";

export interface AttachOptions {
  /** The validateField function of the icp-validate module (after init()). */
  validateField: (field: string, value: string, context?: Context | null, locale?: Locale | null) => FieldResult;
  /** The loadIdn function: a name that is not plain ASCII, typed before the IDN module has
   * arrived, is checked once it has (without it, the wait the package's error names). */
  loadIdn?: () => Promise<void>;
  /** The validateAttachment function, for `<input type=file data-icp-attachment="<kind>">`. */
  validateAttachment?: (kind: string, header: Uint8Array, totalSize: number, context?: Context | null, locale?: Locale | null) => AttachmentResult;
  /**
   * The validateFiling function: with it the widget builds the filing from every control with
   * `data-icp-path="entity.person_in_charge.mobile"` (`data-icp-list` splits a value into an array),
   * shows cross-field findings at their controls and fills `[data-icp-checklist]` and `[data-icp-route]`.
   */
  validateFiling?: (filing: Filing, options?: FilingOptions | null) => FilingReport | Promise<FilingReport>;
  /** Options passed to validateFiling (provider, today); locale is the widget's. */
  filingOptions?: FilingOptions;
  /** Last change to the filing object before it is validated (e.g. copy a person). */
  adjustFiling?: (filing: Filing) => Filing | void;
  /** Called after every whole-filing check. */
  onReport?: (report: FilingReport) => void;
  /** Leading bytes read from a chosen file (attachmentHeaderLength(); default 262144). */
  attachmentHeaderLength?: number;
  /** Message language; defaults to the document's lang, then zh-CN. */
  locale?: Locale;
  /** Context shared by every field, or a function computing it at validation time. */
  context?: Context | (() => Context);
  /** Write the normalized value back into the input on blur when valid (default true);
   * a control with `data-icp-normalize="false"` keeps what was typed. */
  normalizeOnBlur?: boolean;
  /**
   * Where the app-file part is, for `<input type=file data-icp-app-file="services[0].platforms[0]">`
   * (the platform's path: its `.package`, `.md5` and `.public_key` controls are filled from the
   * file): a function returning a promise of the "icp-validate/app-file" module, called on the
   * first file chosen. Default: `import("./app-file.js")` beside the widget, as the package has it.
   */
  appFile?: () => Promise<{ readAppFile: typeof import("./app-file.js").readAppFile }>;
  /** Called after an APP file is read (null when it could not be). */
  onAppFile?: (input: HTMLInputElement, result: import("./app-file.js").AppFileResult | null) => void;
  /** Called after every validation. */
  onResult?: (input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, result: FieldResult | AttachmentResult) => void;
}

export interface WidgetController {
  /** Validates every field; true when none has an error (a promise of it when validateFiling
   * answers with one). */
  validateAll(): boolean | Promise<boolean>;
  /** The last whole-filing report, or null. */
  report(): FilingReport | null;
  /** The filing object the form currently describes. */
  filing(): Filing;
  /** Removes listeners and the elements the widget added. */
  detach(): void;
}

/**
 * Progressive enhancement of an existing form: every control with `data-icp-field="<field id>"`
 * is validated on blur, then as the user types; `aria-invalid` and `aria-describedby` are set,
 * messages are rendered as text, and changes are announced through a polite live region.
 * Per-input context: `data-icp-context='{"type":"居民身份证"}'` and
 * `data-icp-context-<key>="<CSS selector of another control>"` (value read at validation time).
 */
export function attach(form: HTMLFormElement, options: AttachOptions): WidgetController;

/** The filing object a form describes through its `data-icp-path` controls. */
export function filingFromForm(form: HTMLFormElement): Filing;
