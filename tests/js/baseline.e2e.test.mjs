// The committed result baseline (tests/baseline/) through the package's web entry in headless
// Chromium: messages are worded in JS there from the locale catalogs, so the browser answers
// are held to the same recorded results as native, Node and the wasm tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ROOT } from "./helpers.mjs";
import { serveDir, launchChromium } from "./browser.mjs";

test("the web entry in Chromium gives the baseline result for every field and sample filing", async () => {
  const server = await serveDir(ROOT);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.url + "tests/js/package.json");
    const out = await page.evaluate(async () => {
      const web = await import("/pkg/web.js");
      await web.default({ locale: "zh-CN" });
      // Names that are not plain ASCII need the IDN module, which init() starts loading.
      await web.loadIdn();
      await web.loadLocale("en");
      const lines = async (name) => (await (await fetch(`/tests/baseline/${name}`)).text()).trim().split("\n").map((l) => JSON.parse(l));
      const plain = (v) => JSON.parse(JSON.stringify(v));
      const same = (a, b) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
      const sorted = (v) => (Array.isArray(v) ? v.map(sorted) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v);
      const differ = [];
      const [fields, fieldResults] = [await lines("fields.jsonl"), await lines("fields.results.jsonl")];
      fields.forEach((c, i) => {
        for (const locale of ["zh-CN", "en"]) {
          if (!same(plain(web.validateField(c.field, c.value, c.context, locale)), fieldResults[i][locale])) differ.push(`fields line ${i + 1} ${locale}`);
        }
      });
      const [filings, filingResults] = [await lines("filings.jsonl"), await lines("filings.results.jsonl")];
      let compared = 0;
      for (let i = 0; i < filings.length; i++) {
        const c = filings[i];
        if (c.filing === undefined) continue; // raw text: the parser's position differs for objects
        for (const locale of ["zh-CN", "en"]) {
          const report = await web.validateFiling(c.filing, { ...c.options, locale });
          if (!same(plain(report), filingResults[i][locale])) differ.push(`filings line ${i + 1} ${locale}`);
          compared++;
        }
      }
      return { fields: fields.length, compared, differ };
    });
    assert.ok(out.fields > 1000 && out.compared > 20, JSON.stringify(out));
    assert.deepEqual(out.differ.slice(0, 10), [], `${out.differ.length} results differ in Chromium`);
  } finally {
    await browser.close();
    await server.close();
  }
});
