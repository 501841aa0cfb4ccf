// Attachment helpers the wasm-bindgen glue cannot provide: the glue copies only typed arrays
// (an ArrayBuffer or a Blob arrives as zero bytes and gets a format verdict), and reading a
// File is asynchronous. Shared by the web, bundler and Node entries of the package.

// input.malformed as the engine words it (its template and reason terms in src/input.rs, as
// `icp-validate catalog` exports them), for arguments that never reach the engine. `detail`
// names what was passed, in the engine's own words, and is not shown.
const MALFORMED = { zh: "输入格式错误：{reason}", en: "Malformed input: {reason}" };
export const REASONS = {
  not_bytes: {
    zh: "文件头应为 Uint8Array 或 ArrayBuffer（File 或 Blob 请用 validateAttachmentFile）",
    en: "the header is not a Uint8Array or ArrayBuffer (for a File or Blob use validateAttachmentFile)",
  },
  not_file: { zh: "应为 File 或 Blob", en: "a File or Blob is expected" },
  file_unreadable: { zh: "无法读取该文件", en: "the file could not be read" },
};

function malformed(kind, reason, detail, size, locale) {
  const en = typeof locale === "string" && /^\s*en([-_]|\s*$)/i.test(locale);
  const lang = en ? "en" : "zh";
  return {
    kind: String(kind),
    valid: false,
    format: "unknown",
    width: null,
    height: null,
    colour_mode: null,
    byte_size: Number.isFinite(size) && size > 0 ? Math.floor(size) : 0,
    errors: [{ code: "input.malformed", severity: "error", message: MALFORMED[lang].replace("{reason}", REASONS[reason][lang]), params: { detail, reason } }],
    warnings: [],
    details: {},
  };
}

function describe(value) {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  return (value.constructor && value.constructor.name) || "object";
}

/** A File or Blob, also from another realm (iframe, a Node polyfill). */
function isBlob(value) {
  return value !== null && typeof value === "object" && typeof value.size === "number" && typeof value.slice === "function";
}

/** `validateAttachment` taking a Uint8Array, any other typed view or an ArrayBuffer, and
 * `validateAttachmentFile` reading the header slice of a File or Blob itself. */
export function attachmentHelpers(glue) {
  function validateAttachment(kind, header, totalSize, context, locale) {
    let bytes = header;
    if (header instanceof ArrayBuffer) bytes = new Uint8Array(header);
    else if (ArrayBuffer.isView(header) && !(header instanceof Uint8Array)) bytes = new Uint8Array(header.buffer, header.byteOffset, header.byteLength);
    if (!(bytes instanceof Uint8Array)) {
      return malformed(kind, "not_bytes", describe(header), totalSize, locale);
    }
    return glue.validateAttachment(kind, bytes, totalSize, context, locale);
  }

  async function validateAttachmentFile(kind, file, context, locale) {
    if (!isBlob(file)) return malformed(kind, "not_file", describe(file), 0, locale);
    let header;
    try {
      header = new Uint8Array(await file.slice(0, glue.attachmentHeaderLength()).arrayBuffer());
    } catch (e) {
      return malformed(kind, "file_unreadable", String(e && e.name ? e.name : e), file.size, locale);
    }
    return glue.validateAttachment(kind, header, file.size, context, locale);
  }

  return { validateAttachment, validateAttachmentFile };
}
