// Node (require): the wasm-bindgen nodejs glue of the three modules (./glue.js,
// ./idn_glue.js, ./filing_glue.js) worded by api.js, with every catalog read at load (they are
// small, and Node calls are synchronous): validateFilingSync and IDN work at once. Each glue
// takes its wasm from a module of embedded bytes (./*_bytes.js, tools/build-pkg.sh), not from
// a path: server bundlers (Next.js, Nitro) move this code, and a module is what they keep.
"use strict";
const glue = require("./glue.js");
const filingGlue = require("./filing_glue.js");
const idnGlue = require("./idn_glue.js");
const { makeApi } = require("./api.js");

// The catalogs as CommonJS modules (tools/build-pkg.sh writes them from catalog/*.js).
const catalogs = { "zh-CN": require("./catalog-zh-CN.js"), en: require("./catalog-en.js") };
glue.useIdn(idnGlue);
const loaded = (g) => ({ get: () => g, load: async () => g });
const api = makeApi(glue, (tag) => catalogs[tag], () => {}, loaded(filingGlue), loaded(idnGlue));

// Everything is here at load: `ready` has resolved, every module is "loaded".
const ready = Promise.resolve();
const loadStatus = () => ({ field: "loaded", idn: "loaded", filing: "loaded" });

module.exports = { ...api, loadLocale: async () => {}, ready, loadStatus };
