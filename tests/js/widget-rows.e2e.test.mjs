// www/widget/rows.js in Chromium: a removed row's controls are forgotten, each once, then the
// widget is told once per batch; a row moved (removed and put back) or a plain element is not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { widgetPage } from "./widget-page.mjs";

const browser = widgetPage();
const FORM = `<form>
  <fieldset id="row0"><input id="d0" data-icp-field="domain"><input id="f0" type="file" data-icp-attachment="licence"><select id="s0" data-icp-path="services[0].kind"></select><input id="plain"></fieldset>
  <fieldset id="row1"><input id="d1" data-icp-field="domain"><input id="a1" type="file" data-icp-app-file="services[1].platforms[0]"></fieldset>
  <p id="other">说明</p>
</form>`;

test("removing rows forgets their controls; moving a row or removing other elements does not", async () => {
  const page = await browser.fresh(FORM);
  const out = await page.evaluate(async () => {
    const { watchRows } = await import("/www/widget/rows.js");
    const form = document.querySelector("form");
    const forgotten = [];
    let batches = 0;
    const observer = watchRows(form, { forget: (c) => forgotten.push(c.id), removed: () => (batches += 1) });
    const settle = () => new Promise((r) => setTimeout(r, 0));
    const seen = [];
    const snap = () => seen.push([forgotten.splice(0), batches]);
    document.getElementById("other").remove();
    await settle();
    snap();
    // Moved within the form: still connected when the observer looks.
    form.append(document.getElementById("row1"));
    await settle();
    snap();
    document.getElementById("row0").remove();
    document.getElementById("d1").remove();
    await settle();
    snap();
    observer.disconnect();
    document.getElementById("a1").remove();
    await settle();
    snap();
    return seen;
  });
  assert.deepEqual(out, [
    [[], 0],
    [[], 0],
    [["d0", "f0", "s0", "d1"], 1],
    [[], 1],
  ]);
});
