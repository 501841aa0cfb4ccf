// The same vectors through the wasm package in Node (the real JS -> wasm boundary) and
// through the native CLI must give identical result objects, and meet the expectations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadWasm, loadVectors, nativeBatch } from "./helpers.mjs";

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
