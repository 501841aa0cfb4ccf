// The demo page served from a www/ whose pkg/ was never built: a visible banner says how to
// build it, instead of a form that silently validates nothing.
import test from "node:test";
import assert from "node:assert/strict";
import { serveWww, launchChromium } from "./browser.mjs";

test("unbuilt www/ shows the not-built banner and disables the form", async () => {
  const server = await serveWww({ missing: "/pkg/" });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForSelector("html[data-ready=not-built]", { timeout: 15000 });
    const banner = page.locator("#not_built");
    assert.equal(await banner.isVisible(), true);
    assert.match(await banner.textContent(), /Not built: run tools\/demo\.sh/);
    assert.equal(await page.locator("#filing").evaluate((form) => form.inert), true);
  } finally {
    await browser.close();
    await server.close();
  }
});
