// The wasm package through its real JS API, and the JS peers, on the inputs dumped by
// `cargo run --release --example bench_native -- --dump FILE`. Prints one JSON object.
//   node bench/wasm.mjs INPUTS.json [--secs S] [node] [chromium] [peers] [memory]
// node:     pkg/nodejs validateField / validateAttachment / validateFiling, ns/op; instantiate time
// chromium: the same through pkg/web in headless Debian Chromium (page served on 127.0.0.1)
// peers:    validator.js and libphonenumber-js on the same values, ns/op
// memory:   1M mixed validateField calls; wasm linear memory after 10k and after 1M
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { measure, benchWasm } from "./measure.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..");
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const inputsPath = args.find((a) => a.endsWith(".json"));
if (!inputsPath) throw new Error("usage: node bench/wasm.mjs INPUTS.json [--secs S] [node] [chromium] [peers] [memory]");
const secsAt = args.indexOf("--secs");
const secs = secsAt >= 0 ? Number(args[secsAt + 1]) : 1;
const want = (k) => args.includes(k);
const inputsText = readFileSync(inputsPath, "utf8");
const inputs = JSON.parse(inputsText);
const result = {};

/** Loads pkg/nodejs (CommonJS glue) and keeps the wasm instance it creates: the glue does not
 * export its memory, so WebAssembly.Module/Instance are wrapped while it loads. */
function loadNodePkg() {
  const { Module, Instance } = WebAssembly;
  const t = {};
  let instance;
  WebAssembly.Module = function (bytes) {
    const s = performance.now();
    const m = new Module(bytes);
    t.compile_ms ??= performance.now() - s;
    return m;
  };
  // The nodejs entry loads the field module first, then the filing and IDN modules: the
  // figures (and the memory watched) are the field module's.
  WebAssembly.Instance = function (m, imports) {
    const s = performance.now();
    const made = new Instance(m, imports);
    if (!instance) {
      instance = made;
      t.instantiate_ms = performance.now() - s;
    }
    return made;
  };
  const s = performance.now();
  try {
    const api = require(join(ROOT, "pkg/nodejs/icp_validate.js"));
    t.require_ms = performance.now() - s;
    return { api, memory: instance.exports.memory, timing: t };
  } finally {
    WebAssembly.Module = Module;
    WebAssembly.Instance = Instance;
  }
}

const wasmNode = loadNodePkg();

if (want("node")) {
  if (wasmNode.api.loadFiling) await wasmNode.api.loadFiling();
  const { ns, valid, is_valid } = benchWasm(wasmNode.api, inputs, secs);
  result.node = { ns, valid, is_valid, load: wasmNode.timing };
}

if (want("memory")) {
  // Round-robin over every field set, so all families allocate and free in turn.
  const { api, memory } = wasmNode;
  const items = [];
  for (const set of inputs.fields) set.values.forEach((v, i) => items.push([set.field, v, set.contexts[i]]));
  const mem = { calls: 0, start: memory.buffer.byteLength };
  const t = performance.now();
  for (let i = 0; i < 1_000_000; i++) {
    const [f, v, c] = items[(i * 7919) % items.length];
    api.validateField(f, v, c, i & 1 ? "en" : "zh-CN");
    if (i + 1 === 10_000) mem.after_10k = memory.buffer.byteLength;
  }
  mem.after_1m = memory.buffer.byteLength;
  mem.calls = 1_000_000;
  mem.ns_per_call = ((performance.now() - t) * 1e6) / mem.calls;
  result.memory = mem;
}

if (want("peers")) {
  const validator = require("validator");
  const { parsePhoneNumberFromString } = require("libphonenumber-js");
  const byName = Object.fromEntries(inputs.fields.map((s) => [s.name, s.values]));
  const peers = {
    resident_id: { "validator.js": (v) => validator.isIdentityCard(v, "zh-CN") },
    domain: { "validator.js": (v) => validator.isFQDN(v) },
    mobile: {
      "validator.js": (v) => validator.isMobilePhone(v, "zh-CN"),
      "libphonenumber-js": (v) => {
        const p = parsePhoneNumberFromString(v, "CN");
        return !!p && p.isValid() && p.country === "CN";
      },
    },
    md5: { "validator.js": (v) => validator.isMD5(v) },
  };
  const out = {};
  for (const [set, libs] of Object.entries(peers)) {
    const values = byName[set];
    for (const [lib, fn] of Object.entries(libs)) {
      let sink = 0;
      const ns = measure(values.length, secs, () => {
        for (const v of values) sink += fn(v) ? 1 : 0;
      });
      (out[set] ||= {})[lib] = { ns, valid: values.filter(fn).length };
    }
  }
  result.peers = out;
}

if (want("chromium")) {
  result.chromium = await inChromium();
}

process.stdout.write(JSON.stringify(result) + "\n");

async function inChromium() {
  const { chromium } = require("playwright-core");
  const types = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };
  // Only the package (its web entry), the timing module, validator.js's ES build (its
  // extension-less imports resolved as the bundlers it is written for do) and the inputs.
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/") return res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>bench</title>");
    if (path === "/inputs.json") return res.writeHead(200, { "content-type": "application/json" }).end(inputsText);
    let file = null;
    if (path === "/bench/measure.mjs") file = join(HERE, "measure.mjs");
    else if (path.startsWith("/pkg/") && !path.includes("..")) file = join(ROOT, path);
    else if (path.startsWith("/validator/") && !path.includes("..")) {
      file = join(HERE, "node_modules/validator/es", path.slice("/validator/".length));
      if (!existsSync(file) && existsSync(file + ".js")) file += ".js";
    }
    if (!file || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const version = await browser.version();
    const out = await page.evaluate(async (secs) => {
      const web = await import("/pkg/web.js");
      const { benchWasm } = await import("/bench/measure.mjs");
      const bytes = await (await fetch("/pkg/web/icp_validate_bg.wasm")).arrayBuffer();
      let t = performance.now();
      const module = await WebAssembly.compile(bytes);
      const compile_ms = performance.now() - t;
      t = performance.now();
      web.initSync({ module });
      const instantiate_ms = performance.now() - t;
      await web.loadLocale("zh-CN");
      const inputs = await (await fetch("/inputs.json")).json();
      if (web.loadFiling) await web.loadFiling();
      const { ns, valid, is_valid } = benchWasm(web, inputs, secs);
      // validator.js in the same page, on the same resident IDs (the peer isValid is held to).
      const { default: isIdentityCard } = await import("/validator/lib/isIdentityCard.js");
      const { measure } = await import("/bench/measure.mjs");
      const ids = inputs.fields.find((s) => s.name === "resident_id").values;
      let sink = 0;
      const peer = measure(ids.length, secs, () => {
        for (const v of ids) sink += isIdentityCard(v, "zh-CN") ? 1 : 0;
      });
      return { ns, valid, is_valid, peers: { "validator.js": { resident_id: peer } }, sink, load: { compile_ms, instantiate_ms } };
    }, secs);
    out.version = version;
    return out;
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
}
