// A page in headless Chromium with the widget's modules (www/widget/) importable from
// "/www/widget/…", for the tests of the modules that draw: a real DOM, no wasm needed.
import { before, after } from "node:test";
import { ROOT } from "./helpers.mjs";
import { serveDir, launchChromium } from "./browser.mjs";

/** Registers before/after hooks; returns a getter of the page (a blank document per test via `fresh`). */
export function widgetPage() {
  let server, browser, page;
  before(async () => {
    server = await serveDir(ROOT);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("pageerror", (e) => console.error(String(e)));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    /** A fresh document holding `html` in its body; returns the page. */
    async fresh(html) {
      await page.goto(server.url + "tests/js/package.json");
      await page.evaluate((html) => {
        document.documentElement.lang = "zh-CN";
        document.body.innerHTML = html;
      }, html);
      return page;
    },
  };
}
