/** Message language. zh-CN is the default. */
export type Locale = "zh-CN" | "en" | string;

export type Severity = "error" | "warning";

/** A parameter or detail value. */
export type Value = string | number | boolean;

export interface Issue {
  /** Stable dotted code, e.g. "resident_id.checksum". */
  code: string;
  severity: Severity;
  /** Human message in the requested locale (plain text, never HTML). */
  message: string;
  params: Record<string, Value>;
}

export interface FieldResult {
  field: string;
  /** No error-severity finding; warnings allowed. */
  valid: boolean;
  /** Canonical form to file; present only when valid. */
  normalized: string | null;
  errors: Issue[];
  warnings: Issue[];
  details: Record<string, Value>;
}

/** Facts rules may need beyond the value; unknown keys are ignored. */
export interface Context {
  /** "YYYY-MM-DD"; defaults to today in China Standard Time. */
  today?: string;
  /** Entity province in any form: "北京", "京", "11", "Beijing". */
  province?: string;
  /** Provider profile: "nwcd" | "sinnet" | "aliyun" | "generic". */
  provider?: string;
  /** Certificate type for the "certificate" field. */
  type?: string;
  /** APP platform for "app_package". */
  platform?: string;
  entity_type?: string;
  national_document?: boolean;
  [key: string]: unknown;
}

export interface FieldInfo {
  id: string;
  family: string;
  label: string;
  codes: string[];
}

/** Validates one field. Never throws for bad input: problems come back as errors. */
export function validateField(field: string, value: string, context?: Context | null, locale?: Locale | null): FieldResult;

/** The field ids this build knows. */
export function listFields(locale?: Locale | null): FieldInfo[];

export interface AttachmentResult {
  kind: string;
  valid: boolean;
  /** Detected from magic bytes: "jpeg" | "png" | "gif" | "bmp" | "webp" | "heic" | "pdf" | "tiff" | "unknown". */
  format: string;
  /** Displayed size after EXIF orientation; null when the header could not be read. */
  width: number | null;
  height: number | null;
  colour_mode: string | null;
  byte_size: number;
  errors: Issue[];
  warnings: Issue[];
  details: Record<string, Value>;
}

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

/** A filing as JSON Schema docs/filing.schema.json describes it (kind, provider, entity, services, access, attachments). */
export type Filing = Record<string, unknown>;

export interface FilingOptions {
  /** Provider profile: "nwcd" | "sinnet" | "aliyun" | "generic"; overrides filing.provider. */
  provider?: string;
  /** YYYY-MM-DD; defaults to today in China from the JS clock. */
  today?: string;
  locale?: Locale;
}

export interface PathIssue extends Issue {
  /** Where in the filing: "entity.person_in_charge.mobile", "services[0].domains[1]". */
  path: string;
  /** The field rule that found it; absent for filing-level (cross-field) rules. */
  field?: string;
}

export interface DocumentItem {
  id: string;
  name: string;
  need: "required" | "conditional";
  reason: string;
  reason_code: string;
  /** The seed section that asks for it. */
  source: string;
  subject: string;
  attachment_kind?: string;
  provided?: boolean;
}

export interface FilingReport {
  valid: boolean;
  provider: string;
  kind: "new_filing" | "new_service" | "new_access" | "change" | "cancel";
  errors: PathIssue[];
  warnings: PathIssue[];
  /** Canonical forms that differ from what was typed, by path. */
  normalized: Record<string, string>;
  documents: DocumentItem[];
  verification?: { route: "electronic" | "manual"; reason: string; reason_code: string; sms_verification?: boolean; notes: string[] };
  summary: { errors: number; warnings: number; fields_checked: number; services: number; documents_required: number; documents_conditional: number };
}

/** Validates a whole filing: every field at its path, cross-field rules, documents checklist, route. Never throws. */
export function validateFiling(filing: Filing, options?: FilingOptions | null): FilingReport;

/** How many leading bytes of a file validateAttachment reads. */
export function attachmentHeaderLength(): number;

/** Crate version. */
export function version(): string;

/** Web target only: loads and instantiates the wasm module (call once before the others). */
export default function init(input?: unknown): Promise<unknown>;
