// Node (require): the wasm-bindgen nodejs glue of the three modules (./glue.js,
// ./idn_glue.js, ./filing_glue.js) worded by api.js, with every catalog read at load (they are
// small, and Node calls are synchronous): validateFilingSync and IDN work at once.
"use strict";
const { readFileSync } = require("fs");
const { join } = require("path");
const glue = require("./glue.js");
const filingGlue = require("./filing_glue.js");
const idnGlue = require("./idn_glue.js");
const { makeApi } = require("./api.js");

// The catalog modules are `export default {JSON};` (tools/build-pkg.sh writes them).
function catalog(tag) {
  const text = readFileSync(join(__dirname, "..", "catalog", `${tag}.js`), "utf8");
  return JSON.parse(text.slice(text.indexOf("export default ") + "export default ".length).replace(/;\s*$/, ""));
}
const catalogs = { "zh-CN": catalog("zh-CN"), en: catalog("en") };
glue.useIdn(idnGlue);
const loaded = (g) => ({ get: () => g, load: async () => g });
const api = makeApi(glue, (tag) => catalogs[tag], () => {}, loaded(filingGlue), loaded(idnGlue));

module.exports = { ...api, loadLocale: async () => {} };
