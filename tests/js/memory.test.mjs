// No allocation growth across the JS -> wasm boundary: after a warm-up of 10k validateField
// calls, 190k more (every vector, both locales, in turn) must leave the wasm linear memory at
// the same size. A leak of even a few bytes per call would grow it by pages. (Timings and the
// 1M-call figure are in bench/wasm.mjs; tests do not time things.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT, loadVectors } from "./helpers.mjs";

/** pkg/nodejs does not export its memory: keep the instance the glue creates while it loads. */
function loadWithMemory() {
  const Real = WebAssembly.Instance;
  let instance;
  WebAssembly.Instance = function (module, imports) {
    instance = new Real(module, imports);
    return instance;
  };
  try {
    const api = createRequire(import.meta.url)(join(ROOT, "pkg/nodejs/icp_validate.js"));
    return { api, memory: instance.exports.memory };
  } finally {
    WebAssembly.Instance = Real;
  }
}

test("200k validateField calls leave wasm memory where it was after the first 10k", () => {
  const { api, memory } = loadWithMemory();
  assert.ok(memory instanceof WebAssembly.Memory);
  const vectors = loadVectors();
  assert.ok(vectors.length > 100);
  let afterWarmUp = 0;
  let valid = 0;
  for (let i = 0; i < 200_000; i++) {
    const v = vectors[i % vectors.length];
    if (api.validateField(v.field, v.value, v.context, i & 1 ? "en" : "zh-CN").valid) valid++;
    if (i + 1 === 10_000) afterWarmUp = memory.buffer.byteLength;
  }
  assert.ok(valid > 0 && valid < 200_000, "a mix of valid and invalid values");
  assert.equal(memory.buffer.byteLength, afterWarmUp);
});
