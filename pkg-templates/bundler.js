// Bundlers and browsers ("icp-validate", "icp-validate/bundler"): ready on import, no init().
// The wasm is referenced as `new URL(..., import.meta.url)`, which Vite, webpack, Parcel and
// browsers resolve; the catalog of <html lang> (zh-CN by default) loads with it. The filing
// module is a chunk and an asset of its own, fetched on the first validateFiling.
import * as web from "./web.js";

await web.default({
  module_or_path: new URL("./web/icp_validate_bg.wasm", import.meta.url),
  filing: { module_or_path: new URL("./web/icp_validate_filing_bg.wasm", import.meta.url) },
});

export const { loadLocale, validateField, isValid, listFields, validateAttachment, validateAttachmentFile, validateFiling, validateFilingSync, loadFiling, attachmentHeaderLength, version, dataSources } = web;
