// Attachment helpers the wasm-bindgen glue cannot provide: the glue copies only typed arrays
// (an ArrayBuffer or a Blob arrives as zero bytes and gets a format verdict), and reading a
// File is asynchronous. Shared by the web, bundler and Node entries of the package.

// input.malformed as the engine renders it (src/input.rs), for arguments that never reach it.
const MALFORMED = { zh: "输入格式错误：", en: "Malformed input: " };

function malformed(kind, reason, size, locale) {
  const en = typeof locale === "string" && /^\s*en([-_]|\s*$)/i.test(locale);
  return {
    kind: String(kind),
    valid: false,
    format: "unknown",
    width: null,
    height: null,
    colour_mode: null,
    byte_size: Number.isFinite(size) && size > 0 ? Math.floor(size) : 0,
    errors: [{ code: "input.malformed", severity: "error", message: (en ? MALFORMED.en : MALFORMED.zh) + reason, params: { reason } }],
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
      const hint = isBlob(header) ? "; for a File or Blob use validateAttachmentFile" : "";
      return malformed(kind, `header must be a Uint8Array or ArrayBuffer, not ${describe(header)}${hint}`, totalSize, locale);
    }
    return glue.validateAttachment(kind, bytes, totalSize, context, locale);
  }

  async function validateAttachmentFile(kind, file, context, locale) {
    if (!isBlob(file)) return malformed(kind, `expected a File or Blob, not ${describe(file)}`, 0, locale);
    let header;
    try {
      header = new Uint8Array(await file.slice(0, glue.attachmentHeaderLength()).arrayBuffer());
    } catch (e) {
      return malformed(kind, `the file could not be read (${e && e.name ? e.name : e})`, file.size, locale);
    }
    return glue.validateAttachment(kind, header, file.size, context, locale);
  }

  return { validateAttachment, validateAttachmentFile };
}
