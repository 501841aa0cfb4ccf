// Bundlers and browsers ("icp-validate", "icp-validate/bundler"): ready on import, no init().
// The wasm is referenced as `new URL(..., import.meta.url)`, which Vite, webpack, Parcel and
// browsers resolve; the catalog of <html lang> (zh-CN by default) loads with it. The filing
// module is a chunk and an asset of its own, fetched on the first validateFiling; the IDN
// module likewise, fetched once the field module is ready and awaited here.
import * as web from "./web.js";

await web.default({
  module_or_path: new URL("./web/icp_validate_bg.wasm", import.meta.url),
  filing: { module_or_path: new URL("./web/icp_validate_filing_bg.wasm", import.meta.url) },
  idn: { module_or_path: new URL("./web/icp_validate_idn_bg.wasm", import.meta.url) },
});
// Ready on import means every name too: the form-library adapters call validateField
// synchronously. (The "./web" entry lets a page check fields before the IDN module is here.)
await web.loadIdn();

export const { loadLocale, validateField, isValid, listFields, validateAttachment, validateAttachmentFile, validateFiling, validateFilingSync, loadFiling, loadIdn, attachmentHeaderLength, version, dataSources } = web;
