// The same vectors through the wasm package in Node (the real JS -> wasm boundary) and
// through the native CLI must give identical result objects, and meet the expectations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT, loadWasm, loadVectors, nativeBatch } from "./helpers.mjs";

const wasm = loadWasm();
const vectors = loadVectors();

for (const locale of ["zh-CN", "en"]) {
  test(`wasm in Node equals native for every vector (${locale})`, () => {
    assert.ok(vectors.length > 0);
    const native = nativeBatch(vectors, locale);
    assert.equal(native.length, vectors.length);
    vectors.forEach((v, i) => {
      const js = wasm.validateField(v.field, v.value, v.context, locale);
      const where = `${v.file}[${v.index}] ${v.field} ${JSON.stringify(v.value).slice(0, 40)}`;
      assert.deepStrictEqual(JSON.parse(JSON.stringify(js)), native[i], where);
      assert.equal(js.valid, v.expected.valid, `${where}: valid`);
      const codes = [...js.errors, ...js.warnings].map((e) => e.code);
      if (v.expected.codes) assert.deepStrictEqual(codes, v.expected.codes, `${where}: codes`);
    });
  });
}

test("hostile values come back as errors and the module stays usable", () => {
  const cases = [
    ["\ud800\udc00\ud800", "input.invalid_char"], // lone surrogate -> U+FFFD
    ["11010519491231002X\u0000", "input.invalid_char"],
    ["\u202e11010519491231002X", "input.invalid_char"],
    ["\u200d", "input.invalid_char"],
    ["1".repeat(10 * 1024 * 1024), "input.too_long"],
  ];
  for (const [value, code] of cases) {
    for (const field of wasm.listFields().map((f) => f.id)) {
      const r = wasm.validateField(field, value, null, "en");
      assert.equal(r.valid, false, field);
      assert.ok(r.errors.some((e) => e.code === code), `${field}: ${JSON.stringify(r.errors)}`);
      // Errors never echo the whole input back.
      assert.ok(JSON.stringify(r).length < 2000, `${field}: result too large`);
    }
  }
  assert.equal(wasm.validateField("resident_id", {}, null, "en").errors[0].code, "input.malformed");
  assert.equal(wasm.validateField("resident_id", "11010519491231002X", { today: "nope" }, "en").errors[0].code, "context.invalid");
  assert.equal(wasm.validateField("no_such_field", "x", undefined, undefined).errors[0].code, "field.unknown");
  assert.equal(wasm.validateField("resident_id", "11010519491231002X").valid, true);
});

test("listFields labels follow the locale", () => {
  const zh = wasm.listFields("zh-CN").find((f) => f.id === "resident_id");
  const en = wasm.listFields("en").find((f) => f.id === "resident_id");
  assert.equal(zh.label, "居民身份证号码");
  assert.equal(en.label, "Resident ID number");
  assert.ok(en.codes.includes("resident_id.checksum"));
});

// The generated corpus (tools/gen_parity_corpus.py: >= 100k mutations of every vector, over
// every registered field) through the wasm package and the native CLI `batch`: any
// difference in the result objects fails. Generated at test time, never committed.
function nativeBatchRaw(input, locale) {
  const bin = process.env.ICP_VALIDATE_BIN || join(ROOT, "target/debug/icp-validate");
  try {
    return execFileSync(bin, ["batch", "--locale", locale], { input, maxBuffer: 1 << 30 });
  } catch (e) {
    if (e.status !== 1) throw e; // 1 only means some line was invalid
    return e.stdout;
  }
}

test("generated parity corpus: wasm in Node equals native CLI batch", () => {
  const t0 = performance.now();
  const input = execFileSync("python3", [join(ROOT, "tools/gen_parity_corpus.py")], { maxBuffer: 1 << 30 }).toString("utf8");
  const lines = input.split("\n").filter((l) => l.length > 0);
  const t1 = performance.now();
  assert.ok(lines.length >= 100_000, `corpus has ${lines.length} cases`);
  const fields = new Set(wasm.listFields().map((f) => f.id));
  const covered = new Set();
  const stats = [];
  for (const locale of ["zh-CN", "en"]) {
    const tn = performance.now();
    const native = nativeBatchRaw(input, locale).toString("utf8").split("\n").filter((l) => l.length > 0);
    const tw = performance.now();
    assert.equal(native.length, lines.length, `${locale}: one native result per case`);
    let diffs = 0;
    let valid = 0;
    lines.forEach((line, i) => {
      const c = JSON.parse(line);
      covered.add(c.field);
      const js = JSON.stringify(wasm.validateField(c.field, c.value, c.context, locale));
      if (js === native[i]) {
        valid += native[i].startsWith(`{"field":${JSON.stringify(c.field)},"valid":true`) ? 1 : 0;
        return;
      }
      // Key order can differ without meaning; compare structurally before reporting.
      const a = JSON.parse(js);
      const b = JSON.parse(native[i]);
      try {
        assert.deepStrictEqual(a, b);
      } catch (e) {
        diffs += 1;
        if (diffs <= 5) console.error(`${locale} case ${i} ${c.field} ${JSON.stringify(c.value).slice(0, 60)}\n wasm   ${js.slice(0, 300)}\n native ${native[i].slice(0, 300)}`);
      }
    });
    stats.push(`${locale}: native ${((tw - tn) / 1000).toFixed(1)}s, wasm+compare ${((performance.now() - tw) / 1000).toFixed(1)}s, ${valid} valid`);
    assert.equal(diffs, 0, `${locale}: ${diffs} of ${lines.length} cases differ between wasm and native`);
  }
  for (const f of fields) assert.ok(covered.has(f), `field ${f} missing from the corpus (add vectors for it)`);
  console.log(`parity corpus: ${lines.length} cases over ${covered.size} fields, generated in ${((t1 - t0) / 1000).toFixed(1)}s; ${stats.join("; ")}`);
});
