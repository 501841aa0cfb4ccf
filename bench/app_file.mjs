// The demo in headless Chromium, choosing a large APK in the Android row's file input: the
// time from the input's change event to the package, MD5 and public key filled (the widget's
// onAppFile, called once they are), with what was sliced from the file. Cold: a fresh page,
// so the app-file module is imported and compiled first; warm: the same page again.
// Usage: node bench/app_file.mjs [--mb 100] [--runs 5]   (after tools/build-pkg.sh; the
// APK is made by tests/make_app_files.sh in a temporary directory, removed afterwards)
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveWww, launchChromium } from "../tests/js/browser.mjs";
import { ROOT } from "../tests/js/helpers.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const mb = arg("--mb", 100);
const runs = arg("--runs", 5);

const dir = mkdtempSync(join(tmpdir(), "icp-validate-app-file-bench-"));
const server = await serveWww();
const browser = await launchChromium();
try {
  execFileSync("bash", [join(ROOT, "tests/make_app_files.sh"), "--large", String(mb), dir], { stdio: ["ignore", "ignore", "inherit"] });
  const apk = join(dir, "large.apk");
  const page = await browser.newPage();
  // The moment the widget hands the result over, and the moment the file was chosen.
  await page.addInitScript(() => {
    let result = null;
    Object.defineProperty(window, "icpDemoAppFile", { get: () => result, set: (v) => ((result = v), (window.__filledAt = performance.now())) });
    document.addEventListener("change", (e) => e.target.id === "android_file" && (window.__chosenAt = performance.now()), true);
  });
  const once = async () => {
    await page.evaluate(() => {
      window.__filledAt = 0;
      for (const id of ["#android_package", "#android_md5", "#android_key"]) document.querySelector(id).value = "";
    });
    await page.setInputFiles("#android_file", []);
    await page.setInputFiles("#android_file", apk);
    await page.waitForFunction(() => window.__filledAt > 0 && document.querySelector("#android_md5").value !== "", null, { timeout: 30000 });
    return page.evaluate(() => ({ ms: window.__filledAt - window.__chosenAt, fetched: window.icpDemoAppFile.fetched, bytes_read: window.icpDemoAppFile.bytes_read, reads: window.icpDemoAppFile.reads }));
  };
  const cold = [];
  const warm = [];
  let last;
  for (let i = 0; i < runs; i++) {
    await page.goto(server.url);
    await page.waitForSelector("html[data-ready=true]");
    await page.selectOption("#service_type", "app");
    last = await once();
    cold.push(last.ms);
    warm.push((await once()).ms);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const out = { apk_mb: mb, runs, cold_ms_median: +median(cold).toFixed(1), cold_ms_max: +Math.max(...cold).toFixed(1), warm_ms_median: +median(warm).toFixed(1), warm_ms_max: +Math.max(...warm).toFixed(1), ...last, ms: undefined };
  console.log(JSON.stringify(out, null, 2));
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
