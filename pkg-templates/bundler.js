// Bundlers and browsers ("icp-validate", "icp-validate/bundler"): no init(), no top-level
// await. Importing starts loading the field module and the catalog of <html lang> (zh-CN by
// default); checks answer from the moment they arrive (`await ready` to wait; before, the
// synchronous functions throw ICP_NOT_READY with a `ready` promise). The IDN module loads
// when a name needs it, the filing module when the page is idle after the first field check
// (or on the first validateFiling). Every wasm is named as `new URL("./web/…", import.meta.url)`,
// which Vite, webpack, Rspack, Turbopack, Parcel and browsers resolve to an asset; those of the
// later modules in modules loaded with them.
import { start } from "./web.js";

// Vite 5–7's dev server copies this module into its dependency cache (node_modules/.vite/deps,
// node_modules/.cache/vite/client/deps under Nuxt) without the files it names
// (vitejs/vite#8427), so such a URL points at nothing; the files are still where the package
// is installed, in the node_modules that holds the cache. (Vite 8 and every build resolve the
// literal URL themselves.) The path is built at run time so that no bundler resolves it.
function located(url) {
  const path = url.pathname;
  const cache = path.indexOf("/node_modules/");
  if (cache < 0 || !/\/deps[^/]*\/web\/[^/]+$/.test(path)) return url;
  return new URL(path.slice(0, cache) + ["/node_modules", "icp-validate", "web", path.split("/").pop()].join("/"), url);
}

const fieldModule = located(new URL("./web/icp_validate_bg.wasm", import.meta.url));
// The later modules' URLs come with them (filing-wasm.js, idn-wasm.js).
const filingModule = () => import("./filing-wasm.js").then((m) => located(m.default));
const idnModule = () => import("./idn-wasm.js").then((m) => located(m.default));

// A server rendering the page (this entry picked without the "node" condition) neither
// fetches nor fails at import: it loads on first need.
const inBrowser = typeof document !== "undefined" || (typeof self !== "undefined" && typeof self.importScripts === "function");

start({ module_or_path: fieldModule, filing: filingModule, idn: idnModule }, { now: inBrowser });

export { ready, loadStatus, loadLocale, validateField, isValid, listFields, validateAttachment, validateAttachmentFile, validateFiling, validateFilingSync, loadFiling, loadIdn, attachmentHeaderLength, version, dataSources } from "./web.js";
