// Bundlers and browsers ("icp-validate", "icp-validate/bundler"): no init(), no top-level
// await. Importing starts loading the field module and the catalog of <html lang> (zh-CN by
// default); checks answer from the moment they arrive (`await ready` to wait; before, the
// synchronous functions throw ICP_NOT_READY with a `ready` promise). The IDN module loads
// when a name needs it, the filing module when the page is idle after the first field check
// (or on the first validateFiling). Every wasm is named as `new URL("./web/…", import.meta.url)`,
// which Vite, webpack, Rspack, Turbopack, Parcel and browsers resolve to an asset.
import { start } from "./web.js";

// Vite 5–7's dev server copies this module into node_modules/.vite/deps without the files it
// names (vitejs/vite#8427), so such a URL points at nothing; the files are still where the
// package is installed, three levels up from that URL. (Vite 8 and every build resolve the
// literal URL themselves.) The path is built at run time so that no bundler resolves it.
const located = (url) => (/\/\.vite\/deps[^/]*\/web\/[^/]+$/.test(url.pathname) ? new URL(["..", "..", "..", "icp-validate", "web", url.pathname.split("/").pop()].join("/"), url) : url);

const fieldModule = located(new URL("./web/icp_validate_bg.wasm", import.meta.url));
const filingModule = located(new URL("./web/icp_validate_filing_bg.wasm", import.meta.url));
const idnModule = located(new URL("./web/icp_validate_idn_bg.wasm", import.meta.url));

// A server rendering the page (this entry picked without the "node" condition) neither
// fetches nor fails at import: it loads on first need.
const inBrowser = typeof document !== "undefined" || (typeof self !== "undefined" && typeof self.importScripts === "function");

start({ module_or_path: fieldModule, filing: { module_or_path: filingModule }, idn: { module_or_path: idnModule } }, { now: inBrowser });

export { ready, loadStatus, loadLocale, validateField, isValid, listFields, validateAttachment, validateAttachmentFile, validateFiling, validateFilingSync, loadFiling, loadIdn, attachmentHeaderLength, version, dataSources } from "./web.js";
