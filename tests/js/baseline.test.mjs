// The committed result baseline (tests/baseline/, checked natively by tests/baseline.rs)
// through the npm package's real JS API in Node: every corpus line gives exactly the recorded
// result object in zh-CN and en.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, loadWasm, filingInput } from "./helpers.mjs";

const wasm = loadWasm();
const lines = (name) => readFileSync(join(ROOT, "tests/baseline", name), "utf8").trim().split("\n").map((l) => JSON.parse(l));
const plain = (v) => JSON.parse(JSON.stringify(v));

test("validateField gives the baseline result for every field corpus line", () => {
  const corpus = lines("fields.jsonl");
  const results = lines("fields.results.jsonl");
  assert.equal(corpus.length, results.length);
  corpus.forEach((c, i) => {
    for (const locale of ["zh-CN", "en"]) {
      const got = plain(wasm.validateField(c.field, c.value, c.context, locale));
      assert.deepStrictEqual(got, results[i][locale], `line ${i + 1} ${c.field} ${JSON.stringify(c.value).slice(0, 40)} ${locale}`);
    }
  });
});

test("validateFiling gives the baseline report for every sample filing", () => {
  const corpus = lines("filings.jsonl");
  const results = lines("filings.results.jsonl");
  assert.equal(corpus.length, results.length);
  corpus.forEach((c, i) => {
    for (const locale of ["zh-CN", "en"]) {
      const options = { ...c.options, locale };
      if (c.filing_json !== undefined) {
        // Raw text: JS hands the wasm an object, so the parser's position may differ; the
        // rest of the report may not.
        const parsed = filingInput(c);
        const strip = (r) => ({ ...r, errors: r.errors.map(({ message, params, ...rest }) => rest) });
        assert.deepStrictEqual(strip(plain(wasm.validateFilingSync(parsed, options))), strip(results[i][locale]), `line ${i + 1} ${locale}`);
      } else {
        assert.deepStrictEqual(plain(wasm.validateFilingSync(c.filing, options)), results[i][locale], `line ${i + 1} ${locale}`);
      }
    }
  });
});
