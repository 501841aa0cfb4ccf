// "icp-validate/web": the web build. `await init()` loads the field module and the catalog of
// the page's locale (`init({ locale: "en" })`, else <html lang>, else zh-CN); another locale
// is loaded on first need with `await loadLocale(tag)`, the filing module on the first
// `validateFiling` (or `loadFiling()`), from beside the field module unless
// `init({ filing })` names it (what its init takes, or a function giving that). The IDN
// module (UTS 46) loads only when a name needs it — one with a label that is not plain ASCII
// or starts with `xn--` — from beside the field module unless `init({ idn })` names it; a
// validateField that meets such a name before it has arrived throws ICP_IDN_NOT_LOADED
// (`await loadIdn()`, or the error's `ready`). The bundler entry (bundler.js) calls start()
// on import instead of init(): no top-level await anywhere.
import glueInit, * as glue from "./web/icp_validate.js";
import { localeTag, makeApi } from "./api.js";
import { attachmentHelpers } from "./attachment-file.js";

// A failed download is tried twice more, after these pauses (ms), before the module is
// reported "failed"; any later call that needs it starts a new round.
const RETRY_PAUSES = [400, 1600];
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A module loaded on need, with retries: `state` is "idle", "loading", "loaded" or
 * "failed"; `get()` its glue once loaded (else null), `load()` a promise of it that rejects
 * with an ICP_NOT_LOADED Error after the last try; `input` what its init takes, or a function
 * giving a promise of its module_or_path. */
function lazyModule(name, loadOnce) {
  let loaded = null;
  let loading = null;
  const m = {
    name,
    state: "idle",
    input: undefined,
    get: () => loaded,
    /** Marks it loaded by other means (initSync). */
    settle(g) {
      loaded = g;
      m.state = "loaded";
    },
    load() {
      if (loading) return loading;
      m.state = "loading";
      loading = (async () => {
        for (let attempt = 0; ; attempt++) {
          try {
            // A function giving the wasm's location runs beside the glue's import.
            const input = typeof m.input === "function" ? Promise.resolve(m.input()).then((at) => ({ module_or_path: at })) : m.input;
            loaded = await loadOnce(input);
            m.state = "loaded";
            return loaded;
          } catch (cause) {
            if (attempt >= RETRY_PAUSES.length) throw notLoadedError(m, cause);
            await pause(RETRY_PAUSES[attempt]);
          }
        }
      })();
      // Registered first, so it runs before any caller's handler sees the rejection.
      loading.catch(() => {
        loading = null;
        m.state = "failed";
      });
      return loading;
    },
  };
  return m;
}

/** The rejection of a module that could not be loaded: code ICP_NOT_LOADED, `module` its
 * name, `cause` the last try's error. */
function notLoadedError(m, cause) {
  const e = new Error(`icp-validate: the ${m.name} module could not be loaded (${(cause && cause.message) || cause}); the next call that needs it tries again`, { cause });
  e.code = "ICP_NOT_LOADED";
  e.module = m.name;
  return e;
}

const catalogs = {};
// Literal paths, so that bundlers split each catalog into its own chunk.
const LOADERS = { "zh-CN": () => import("./catalog/zh-CN.js"), en: () => import("./catalog/en.js") };
const pageLocale = () => (typeof document !== "undefined" && document.documentElement && document.documentElement.lang) || "zh-CN";

/** Loads the messages of a locale (zh-CN or en; other tags read as zh-CN). */
export async function loadLocale(locale) {
  const tag = localeTag(locale);
  if (!catalogs[tag]) catalogs[tag] = (await LOADERS[tag]()).default;
}

// The field module with the page locale's messages: what every check needs.
let bootLocale = "zh-CN";
const field = lazyModule("field", async (input) => {
  await Promise.all([glueInit(input), loadLocale(bootLocale)]);
  return glue;
});
// Literal paths, so that bundlers split each module's glue into its own chunk.
const filing = lazyModule("filing", async (input) => {
  const [g, at] = await Promise.all([import("./web/icp_validate_filing.js"), input]);
  await g.default(at);
  return g;
});
const idn = lazyModule("IDN", async (input) => {
  const [g, at] = await Promise.all([import("./web/icp_validate_idn.js"), input]);
  await g.default(at);
  glue.useIdn(g);
  return g;
});

let resolveReady;
let rejectReady;
/** Settles with the first load of the field module and the page locale's messages: resolves
 * once they are here (checks answer from then on), rejects with an ICP_NOT_LOADED Error when
 * the download failed after its retries (a later call tries again). */
export const ready = new Promise((resolve, reject) => {
  resolveReady = resolve;
  rejectReady = reject;
});
ready.catch(() => {}); // not waiting for it is no error

// Whether init(), initSync() or start() has been called: before, the functions say to.
let started = false;
// A start({ now: false }) loads on first need, and `ready` follows that load.
let readyFollows = false;
function startedLate() {
  if (readyFollows) return;
  readyFollows = true;
  field.load().then(() => resolveReady(), rejectReady);
}

/** Starts loading the field module (and the messages of `locale`) from `input` without
 * waiting: what the bundler entry does on import. Returns `ready`. With `{ now: false }` it
 * only says where the modules are: the first call that needs the field module loads it. */
export function start(input, { now = true } = {}) {
  let wanted = pageLocale();
  if (input && Object.getPrototypeOf(input) === Object.prototype && ("locale" in input || "filing" in input || "idn" in input)) {
    const { locale = wanted, filing: filingAt, idn: idnAt, ...rest } = input;
    wanted = locale;
    filing.input = filingAt;
    idn.input = idnAt;
    input = "module_or_path" in rest ? rest : undefined;
  }
  if (!started) {
    started = true;
    bootLocale = wanted;
    field.input = input;
    if (now) startedLate();
    return ready;
  }
  // A later call: another try after a failure, or a wait for the first.
  return field.load().then(() => loadLocale(wanted));
}

/** What wasm-bindgen's init takes (a URL, Response, bytes, Module or { module_or_path }),
 * with an optional `locale`, `filing` and `idn` (that module's { module_or_path }, or a
 * function returning a promise of its module_or_path) beside `module_or_path`. */
export default async function init(input) {
  await start(input);
}

/** Instantiates the field module synchronously; messages still need `await
 * loadLocale(tag)`, names that are not plain ASCII `await loadIdn()`. */
export function initSync(module) {
  glue.initSync(module);
  started = true;
  field.settle(glue);
  resolveReady();
}

/** How far each module has come: "idle" (not asked for yet), "loading", "loaded" or
 * "failed" (its download failed after retries; the next call that needs it tries again). */
export function loadStatus() {
  return { field: field.state, idn: idn.state, filing: filing.state };
}

/** Throws, before the field module is here, an Error saying what to wait for: code
 * ICP_NOT_READY with `state` ("idle", "loading", "failed") and `ready`, a promise of its
 * arrival (a new try after a failure). */
function assertReady() {
  if (field.get()) return;
  if (started) startedLate();
  const e = new Error(!started
    ? 'icp-validate/web: call `await init()` (or initSync) before any other function; bundlers can import "icp-validate", which needs no init()'
    : `icp-validate: the field module is ${field.state === "failed" ? "not loaded (its download failed; trying again)" : "still loading"}: \`await ready\` (or this error's \`ready\`) first`);
  e.code = "ICP_NOT_READY";
  e.state = started ? field.state : "idle";
  e.ready = started ? field.load().then(() => undefined) : ready;
  e.ready.catch(() => {});
  throw e;
}

function catalogOf(tag) {
  assertReady();
  if (!catalogs[tag]) {
    const e = new Error(`icp-validate/web: the ${tag} messages are not loaded: \`await loadLocale("${tag}")\` (or init({ locale: "${tag}" })) first`);
    e.code = "ICP_LOCALE_NOT_LOADED";
    e.ready = loadLocale(tag);
    e.ready.catch(() => {});
    throw e;
  }
  return catalogs[tag];
}

// The first field check asks for the filing module when the page is next idle (a failure
// is left for validateFiling to retry).
filing.prefetch = () => {
  const idle = typeof requestIdleCallback === "function" ? requestIdleCallback : (f) => setTimeout(f, 200);
  idle(() => filing.load().catch(() => {}));
};
// What loadIdn, loadFiling and validateFiling wait for: the field module (a new try after a
// failure), or the Error saying to call init() first.
const whenReady = async () => {
  if (field.get()) return;
  if (!started) assertReady();
  startedLate();
  await field.load();
};

const api = makeApi(glue, catalogOf, assertReady, filing, idn, whenReady);
export const { validateField, isValid, listFields, validateFiling, validateFilingSync, loadFiling, loadIdn, attachmentHeaderLength, version, dataSources } = api;
export const { validateAttachment, validateAttachmentFile } = attachmentHelpers(api);
