// "icp-validate/app-file": an APP's filing identity (package name / Bundle ID, the signing
// certificate's MD5 and public key) read from its own file, locally — an APK, IPA, HAP / APP,
// provisioning profile or certificate. Its own wasm module (crates/wasm/src/wasm_app_file.rs), loaded on
// the first readAppFile, so the per-keystroke path does not grow.
//
// Reading a File is asynchronous and the Rust reader is not, so the reading is restartable:
// the reader runs over the byte ranges sliced so far and names the ranges it lacked; they are
// sliced from the file and the reader runs again, until it answers (a few rounds, a few
// hundred KB of even a large APK). Findings come back as codes and are worded here from the
// catalog, by api.js as every other result.
import initGlue, { AppFileReading } from "./web/icp_validate_app_file.js";
import { localeTag, wordFindings } from "./api.js";

// Literal paths, so that bundlers split each catalog into its own chunk.
const LOADERS = { "zh-CN": () => import("./catalog/zh-CN.js"), en: () => import("./catalog/en.js") };
const catalogs = {};

// The reader's findings have the `e`/`w` form of every compact answer: api.js words them.
const worded = (e, w, locale) => wordFindings(e, w, catalogs[localeTag(locale)]);

/** A File or Blob, also from another realm (an iframe, Node's own Blob). */
const isBlob = (v) => v !== null && typeof v === "object" && typeof v.size === "number" && typeof v.slice === "function";

/** The bytes of a Uint8Array, any other typed view or an ArrayBuffer, else null. */
function bytesOf(v) {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return null;
}

const text = (v) => (typeof v === "string" && v.trim() !== "" ? v : undefined);

/** The reader over one module source: `defaultInput()` gives what wasm-bindgen's init takes,
 * unless initAppFile names another. The package's Node entry makes its own (app-file-node.js). */
export function appFileReader(defaultInput) {
  let input = defaultInput;
  let loading = null;

  function load() {
    // A failed load is not cached, so a later call can try again.
    loading = loading || (async () => {
      const source = typeof input === "function" ? await input() : await input;
      await initGlue({ module_or_path: source });
    })().catch((e) => {
      loading = null;
      throw e;
    });
    return loading;
  }

  /** Loads the module from `source` (the wasm's URL, a Response, its bytes or a compiled
   * Module, or a function returning a promise of one), instead of from beside this file. */
  function initAppFile(source) {
    input = source;
    loading = null;
    return load();
  }

  async function readAppFile(file, options = {}) {
    const blob = isBlob(file) ? file : null;
    const bytes = blob ? null : bytesOf(file);
    if (!blob && !bytes) throw new TypeError("readAppFile takes a File, a Blob, a Uint8Array or an ArrayBuffer");
    const locale = localeTag(options.locale);
    const typed = options.typed || {};
    const at = typeof options.path === "string" ? options.path : "";
    await Promise.all([load(), catalogs[locale] ? null : LOADERS[locale]().then((m) => (catalogs[locale] = m.default))]);
    const size = blob ? blob.size : bytes.length;
    const slice = blob ? async (o, n) => new Uint8Array(await blob.slice(o, o + n).arrayBuffer()) : async (o, n) => bytes.subarray(o, o + n);
    const fetched = { bytes: 0, slices: 0, rounds: 0 };
    const reading = new AppFileReading(size);
    let answer;
    try {
      // A slice that fails (the file changed or went away) ends the reading: the last run
      // answers with the reads it lacked as failed.
      let failed = false;
      for (;;) {
        answer = JSON.parse(reading.run(text(options.today) || "", text(typed.package), text(typed.md5), text(typed.public_key), text(options.platform), at, failed));
        if (!answer.need) break;
        try {
          for (const [offset, length] of answer.need) {
            reading.add(offset, await slice(offset, length));
            fetched.bytes += length;
            fetched.slices += 1;
          }
        } catch {
          failed = true;
        }
      }
    } finally {
      reading.free();
    }
    fetched.rounds = answer.rounds;
    const { errors, warnings } = worded(answer.e, answer.w, locale);
    const crossed = answer.x.map(([path, severity, code, params, map]) => [path.startsWith(".") ? path.slice(1) : path, severity, code, params, map]);
    const pick = (severity) => crossed.filter((x) => x[1] === severity).map((x) => [x[2], x[3], x[4]]);
    const paths = (severity) => crossed.filter((x) => x[1] === severity).map((x) => x[0]);
    const crossWorded = worded(pick("error"), pick("warning"), locale);
    const cross_check = [
      ...crossWorded.errors.map((issue, i) => ({ path: paths("error")[i], ...issue })),
      ...crossWorded.warnings.map((issue, i) => ({ path: paths("warning")[i], ...issue })),
    ];
    return { ...answer.info, valid: errors.length === 0, errors, warnings, cross_check, fetched };
  }

  return { initAppFile, readAppFile };
}

// Beside this file, as bundlers and browsers resolve it.
export const { initAppFile, readAppFile } = appFileReader(() => new URL("./web/icp_validate_app_file_bg.wasm", import.meta.url));
