// "icp-validate/web": the web build. `await init()` loads the field module and the catalog of
// the page's locale (`init({ locale: "en" })`, else <html lang>, else zh-CN); another locale
// is loaded on first need with `await loadLocale(tag)`, the filing module on the first
// `validateFiling` (or `loadFiling()`), from beside the field module unless
// `init({ filing })` names it (what its init takes, or a function giving that). The IDN
// module (UTS 46, for names that are not plain ASCII) starts loading once init() has
// resolved, from beside the field module unless `init({ idn })` names it likewise; a
// validateField that needs it before it has arrived throws (`await loadIdn()`).
import glueInit, * as glue from "./web/icp_validate.js";
import { localeTag, makeApi } from "./api.js";
import { attachmentHelpers } from "./attachment-file.js";

let ready = false;

/** A module loaded on need: `get()` its glue once loaded, `load()` a promise of it; `input`
 * what its init takes, or a function giving a promise of its module_or_path. */
function lazyModule(importGlue, installed = () => {}) {
  let loaded = null;
  let loading = null;
  const m = {
    input: undefined,
    get: () => loaded,
    load() {
      // A failed load is not cached, so a later call can try again.
      loading = loading || (async () => {
        const g = await importGlue();
        await g.default(typeof m.input === "function" ? { module_or_path: await m.input() } : m.input);
        installed(g);
        loaded = g;
        return g;
      })().catch((e) => {
        loading = null;
        throw e;
      });
      return loading;
    },
  };
  return m;
}
// Literal paths, so that bundlers split each module's glue into its own chunk.
const filing = lazyModule(() => import("./web/icp_validate_filing.js"));
const idn = lazyModule(() => import("./web/icp_validate_idn.js"), (g) => glue.useIdn(g));
// Loaded in the background once the field module is ready; a failure waits for loadIdn().
const startIdn = () => idn.load().catch(() => {});
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
 * with an optional `locale`, `filing` and `idn` (that module's { module_or_path }, or a
 * function returning a promise of its module_or_path) beside `module_or_path`. */
export default async function init(input) {
  let locale = pageLocale();
  if (input && Object.getPrototypeOf(input) === Object.prototype && ("locale" in input || "filing" in input || "idn" in input)) {
    const { locale: wanted = locale, filing: filingAt, idn: idnAt, ...rest } = input;
    locale = wanted;
    filing.input = filingAt;
    idn.input = idnAt;
    input = "module_or_path" in rest ? rest : undefined;
  }
  await Promise.all([glueInit(input), loadLocale(locale)]);
  ready = true;
  startIdn();
}

/** Instantiates the field module synchronously; messages still need `await
 * loadLocale(tag)`, names that are not plain ASCII `await loadIdn()` (started here). */
export function initSync(module) {
  glue.initSync(module);
  ready = true;
  startIdn();
}

const api = makeApi(glue, catalogOf, assertReady, filing, idn);
export const { validateField, isValid, listFields, validateFiling, validateFilingSync, loadFiling, loadIdn, attachmentHeaderLength, version, dataSources } = api;
export const { validateAttachment, validateAttachmentFile } = attachmentHelpers(api);
