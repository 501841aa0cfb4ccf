// The sample filings through the npm package in Node: the expected digest, and the very same
// report (messages included) as the native CLI.
import test from "node:test";
import assert from "node:assert/strict";
import { loadWasm, loadFilings, filingDigest, nativeFiling, filingInput } from "./helpers.mjs";

const wasm = loadWasm();

for (const c of loadFilings()) {
  test(`filing ${c.name}: wasm in Node gives the expected report, equal to native`, () => {
    for (const locale of ["zh-CN", "en"]) {
      const options = { ...c.options, locale };
      let report;
      if (c.filing_json !== undefined) {
        report = wasm.validateFilingSync(filingInput(c), options);
        // Parser messages differ between serde_json and JS objects; compare the digest only.
        assert.deepStrictEqual(filingDigest(report), c.expect);
        continue;
      }
      report = wasm.validateFilingSync(c.filing, options);
      assert.deepStrictEqual(filingDigest(report), c.expect, `${c.name} ${locale}`);
      assert.deepStrictEqual(report, nativeFiling(JSON.stringify(c.filing), options), `${c.name} ${locale}: wasm and native differ`);
    }
  });
}

test("validateFiling answers non-objects and hostile shapes with filing.malformed, and stays usable", () => {
  for (const bad of [null, 42, "x", [], { services: "no" }, { entity: { person_in_charge: { name: 7 } } }, { entity: { type: "alien" } }]) {
    const r = wasm.validateFilingSync(bad, { today: "2026-11-23" });
    assert.equal(r.valid, false);
    assert.equal(r.errors[0].code, "filing.malformed", JSON.stringify(bad));
  }
  const deep = JSON.parse("[".repeat(5000) + "]".repeat(5000));
  assert.equal(wasm.validateFilingSync({ entity: { city: deep } }, {}).errors[0].code, "filing.malformed");
  assert.equal(wasm.validateFilingSync({ entity: { name: "名".repeat(4 << 20) } }, {}).errors[0].code, "filing.too_large");
  const cyclic = {};
  cyclic.self = cyclic;
  assert.equal(wasm.validateFilingSync(cyclic, {}).errors[0].code, "filing.malformed");
  const huge = { entity: { name: "名".repeat(300000) }, services: Array.from({ length: 500 }, () => ({ name: "站" })) };
  const r = wasm.validateFilingSync(huge, { today: "2026-11-23", provider: "nwcd" });
  assert.ok(r.errors.some((e) => e.path === "entity.name" && e.code === "input.too_long"));
  assert.ok(r.errors.some((e) => e.path === "services" && e.code === "filing.too_many"));
  assert.ok(r.errors.every((e) => e.message.length < 400), "messages stay bounded");
  const ok = loadFilings().find((c) => c.name === "valid_website.json");
  assert.equal(wasm.validateFilingSync(ok.filing, ok.options).valid, true);
});
