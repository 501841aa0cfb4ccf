// "icp-validate/web": the web build. `await init()` loads the field module and the catalog of
// the page's locale (`init({ locale: "en" })`, else <html lang>, else zh-CN); another locale
// is loaded on first need with `await loadLocale(tag)`, the filing module on the first
// `validateFiling` (or `loadFiling()`), from beside the field module unless
// `init({ filing })` names it (what its init takes, or a function giving that).
import glueInit, * as glue from "./web/icp_validate.js";
import { localeTag, makeApi } from "./api.js";
import { attachmentHelpers } from "./attachment-file.js";

let ready = false;
let filingInput;
let filingGlue = null;
let filingLoad = null;
const filing = {
  get: () => filingGlue,
  load() {
    // A failed load is not cached, so a later call can try again.
    filingLoad = filingLoad || (async () => {
      const m = await import("./web/icp_validate_filing.js");
      await m.default(typeof filingInput === "function" ? { module_or_path: await filingInput() } : filingInput);
      filingGlue = m;
      return m;
    })().catch((e) => {
      filingLoad = null;
      throw e;
    });
    return filingLoad;
  },
};
const catalogs = {};
// Literal paths, so that bundlers split each catalog into its own chunk.
const LOADERS = { "zh-CN": () => import("./catalog/zh-CN.js"), en: () => import("./catalog/en.js") };

function assertReady() {
  if (!ready) throw new Error('icp-validate/web: call `await init()` (or initSync) before any other function; bundlers can import "icp-validate", which needs no init()');
}

function catalogOf(tag) {
  assertReady();
  if (!catalogs[tag]) throw new Error(`icp-validate/web: the ${tag} messages are not loaded: \`await loadLocale("${tag}")\` (or init({ locale: "${tag}" })) first`);
  return catalogs[tag];
}

const pageLocale = () => (typeof document !== "undefined" && document.documentElement && document.documentElement.lang) || "zh-CN";

/** Loads the messages of a locale (zh-CN or en; other tags read as zh-CN). */
export async function loadLocale(locale) {
  const tag = localeTag(locale);
  if (!catalogs[tag]) catalogs[tag] = (await LOADERS[tag]()).default;
}

/** What wasm-bindgen's init takes (a URL, Response, bytes, Module or { module_or_path }),
 * with an optional `locale` and `filing` (the filing module's { module_or_path }, or a
 * function returning a promise of its module_or_path) beside `module_or_path`. */
export default async function init(input) {
  let locale = pageLocale();
  if (input && Object.getPrototypeOf(input) === Object.prototype && ("locale" in input || "filing" in input)) {
    const { locale: wanted = locale, filing: filingAt, ...rest } = input;
    locale = wanted;
    filingInput = filingAt;
    input = "module_or_path" in rest ? rest : undefined;
  }
  await Promise.all([glueInit(input), loadLocale(locale)]);
  ready = true;
}

/** Instantiates the wasm synchronously; messages still need `await loadLocale(tag)`. */
export function initSync(module) {
  glue.initSync(module);
  ready = true;
}

const api = makeApi(glue, catalogOf, assertReady, filing);
export const { validateField, isValid, listFields, validateFiling, validateFilingSync, loadFiling, attachmentHeaderLength, version, dataSources } = api;
export const { validateAttachment, validateAttachmentFile } = attachmentHelpers(api);
