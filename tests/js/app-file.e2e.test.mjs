// End to end in headless Chromium: the demo's APP platform rows read an APP file chosen in
// their file input (data-icp-app-file) and fill the package, MD5 and public key controls. The
// files come from tests/make_app_files.sh (a 100 MB APK among them); the expected values are
// printed by aapt, apksigner and openssl, never typed here.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveWww, launchChromium } from "./browser.mjs";
import { ROOT } from "./helpers.mjs";

const dir = mkdtempSync(join(tmpdir(), "icp-validate-app-file-e2e-"));
const MAKE = join(ROOT, "tests/make_app_files.sh");
let server, browser, page;
const seen = { pageErrors: [], foreignRequests: [] };

const run = (program, args) => execFileSync(program, args, { cwd: dir, encoding: "utf8" });

/** What the tools say of an APK: its package, its signer's MD5 (hex), its public key. */
function expectedOf(apk, pem) {
  const badging = run("aapt", ["dump", "badging", apk]);
  const certs = run("apksigner", ["verify", "--print-certs", apk]);
  const key = run("openssl", ["x509", "-in", pem, "-noout", "-pubkey"]).split("\n").filter((l) => l && !l.startsWith("-----")).join("");
  return {
    package: /package: name='([^']+)'/.exec(badging)[1],
    md5: /Signer #1 certificate MD5 digest: ([0-9a-f]+)/.exec(certs)[1].toUpperCase(),
    md5Colon: /Signer #1 certificate MD5 digest: ([0-9a-f]+)/.exec(certs)[1].toUpperCase().match(/../g).join(":"),
    public_key: key,
  };
}

before(async () => {
  execFileSync("bash", [MAKE, dir], { stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("bash", [MAKE, "--large", "100", dir], { stdio: ["ignore", "ignore", "inherit"] });
  server = await serveWww();
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("pageerror", (e) => seen.pageErrors.push(String(e)));
  page.on("request", (r) => !r.url().startsWith(server.url) && !r.url().startsWith("data:") && seen.foreignRequests.push(r.url()));
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => (window.__csp = [...(window.__csp || []), e.violatedDirective])));
  await page.goto(server.url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 15000 });
  await page.selectOption("#service_type", "app");
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The text of the element of one kind ("message", "app-note") a control's aria-describedby names. */
async function describedText(selector, kind) {
  return page.evaluate(
    ([selector, kind]) => {
      const control = document.querySelector(selector);
      const el = (control.getAttribute("aria-describedby") || "").split(" ").map((id) => document.getElementById(id)).find((e) => e && e.hasAttribute(`data-icp-${kind}`));
      return el && !el.hidden ? el.textContent : "";
    },
    [selector, kind],
  );
}

const values = () => page.evaluate(() => ({ package: document.querySelector("#android_package").value, md5: document.querySelector("#android_md5").value, public_key: document.querySelector("#android_key").value }));

test("a 100 MB APK fills the Android package, MD5 and public key, reading under 1 MB of it", async () => {
  const apk = join(dir, "large.apk");
  assert.ok(statSync(apk).size > 100e6);
  const expected = expectedOf("large.apk", "alpha.pem");
  await page.setInputFiles("#android_file", apk);
  await page.waitForFunction(() => window.icpDemoAppFile && document.querySelector("#android_md5").value !== "", null, { timeout: 15000 });
  assert.deepEqual(await values(), { package: expected.package, md5: expected.md5, public_key: expected.public_key });
  const { fetched, bytes_read } = await page.evaluate(() => window.icpDemoAppFile);
  assert.ok(fetched.bytes < 1 << 20, `sliced ${fetched.bytes} bytes`);
  assert.ok(bytes_read < 1 << 20, `read ${bytes_read} bytes`);
  // The filled values are validated as typed: none is invalid.
  for (const id of ["#android_package", "#android_md5", "#android_key"]) assert.equal(await page.getAttribute(id, "aria-invalid"), null, id);
  assert.match(await describedText("#android_file", "message"), /已从文件读取/);
  assert.deepEqual(seen, { pageErrors: [], foreignRequests: [] });
  assert.equal(await page.evaluate(() => window.__csp), undefined);
});

test("an MD5 typed before is kept, and where it differs from the certificate's, it says so", async () => {
  const expected = expectedOf("v123.apk", "alpha.pem");
  const beta = run("openssl", ["x509", "-in", "beta.pem", "-noout", "-fingerprint", "-md5"]).trim().split("=")[1];
  await page.evaluate(() => {
    window.icpDemoAppFile = null;
    for (const id of ["#android_package", "#android_md5", "#android_key"]) document.querySelector(id).value = "";
  });
  await page.fill("#android_md5", beta);
  await page.setInputFiles("#android_file", join(dir, "v123.apk"));
  await page.waitForFunction(() => window.icpDemoAppFile && document.querySelector("#android_package").value !== "", null, { timeout: 15000 });
  assert.deepEqual(await values(), { package: expected.package, md5: beta, public_key: expected.public_key });
  const said = await describedText("#android_md5", "app-note");
  assert.ok(said.includes(expected.md5Colon) && said.includes("不一致"), said);
  await page.waitForFunction((text) => document.querySelector("[data-icp-live]").textContent.includes(text), expected.md5Colon);
  // Edited, the value is the user's again: the note goes.
  await page.fill("#android_md5", expected.md5);
  assert.equal(await describedText("#android_md5", "app-note"), "");
});

test("a debug-signed APK is an error at the file input and fills nothing; an APK in the iOS row names the platform", async () => {
  await page.evaluate(() => {
    for (const id of ["#android_package", "#android_md5", "#android_key"]) document.querySelector(id).value = "";
  });
  await page.setInputFiles("#android_file", join(dir, "debug.apk"));
  await page.waitForFunction(() => document.querySelector("#android_file").getAttribute("aria-invalid") === "true");
  assert.match(await describedText("#android_file", "message"), /调试证书/);
  assert.deepEqual(await values(), { package: "", md5: "", public_key: "" });
  await page.setInputFiles("#ios_file", join(dir, "v123.apk"));
  await page.waitForFunction(() => document.querySelector("#ios_file").getAttribute("aria-invalid") === "true");
  assert.equal(await describedText("#ios_file", "message"), "所选文件是 Android 安装包或证书，而此处填写的是 iOS 平台");
  assert.equal(await page.inputValue("#ios_bundle"), "");
});

/** What the tools say of a HarmonyOS package: module.json's bundleName (Python's zipfile), and
 * openssl's MD5 and public key of the certificate the test signed it with. */
function harmonyExpected(hap, pem) {
  const bundle = JSON.parse(run("python3", ["-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('module.json').decode())", hap])).app.bundleName;
  const md5Colon = run("openssl", ["x509", "-in", pem, "-noout", "-fingerprint", "-md5"]).trim().split("=")[1];
  const key = run("openssl", ["x509", "-in", pem, "-noout", "-pubkey"]).split("\n").filter((l) => l && !l.startsWith("-----")).join("");
  return { package: bundle, md5: md5Colon.replaceAll(":", ""), public_key: key };
}

test("a HarmonyOS row reads a signed HAP, an .app pack and a debug-profile HAP", async () => {
  await page.locator("#add_platform").click();
  const row = page.locator("#extra_platforms > .row").last();
  const ids = await row.evaluate((r) => ({
    file: r.querySelector("input[type=file]").id,
    package: r.querySelector("[data-icp-field=harmony_bundle_name]").id,
    md5: r.querySelector("[data-icp-field=md5]").id,
    public_key: r.querySelector("[data-icp-field=public_key]").id,
  }));
  assert.equal(await page.getAttribute(`#${ids.file}`, "data-icp-app-file"), "services[0].platforms[2]");
  const harmonyValues = () => page.evaluate((ids) => ({ package: document.getElementById(ids.package).value, md5: document.getElementById(ids.md5).value, public_key: document.getElementById(ids.public_key).value }), ids);
  const clear = () => page.evaluate((ids) => { window.icpDemoAppFile = null; for (const k of ["package", "md5", "public_key"]) document.getElementById(ids[k]).value = ""; }, ids);
  for (const [file, pem] of [["hap_v3.hap", "hm_ec.pem"], ["hap_rsa.hap", "hm_rsa.pem"], ["filing.app", "hm_ec.pem"]]) {
    await clear();
    await page.setInputFiles(`#${ids.file}`, join(dir, file));
    await page.waitForFunction((id) => window.icpDemoAppFile && document.getElementById(id).value !== "", ids.md5, { timeout: 15000 });
    assert.deepEqual(await harmonyValues(), harmonyExpected(file === "filing.app" ? "hap_v3.hap" : file, pem), file);
    for (const k of ["package", "md5", "public_key"]) assert.equal(await page.getAttribute(`#${ids[k]}`, "aria-invalid"), null, `${file} ${k}`);
    // The re-signing note is what the file input says: a warning, not an error.
    assert.match(await describedText(`#${ids.file}`, "message"), /AppGallery Connect/);
    assert.equal(await page.getAttribute(`#${ids.file}`, "aria-invalid"), null);
  }
  const filing = await page.evaluate(() => window.icpDemo.filing().services[0].platforms[2]);
  assert.deepEqual(filing, { platform: "harmony", ...(await harmonyValues()) });
  // A debug profile: an error at the file input, nothing filled.
  await clear();
  await page.setInputFiles(`#${ids.file}`, join(dir, "hap_debug.hap"));
  await page.waitForFunction((id) => document.getElementById(id).getAttribute("aria-invalid") === "true", ids.file);
  assert.match(await describedText(`#${ids.file}`, "message"), /调试 Profile/);
  assert.deepEqual(await harmonyValues(), { package: "", md5: "", public_key: "" });
  // An unsigned HAP says so.
  await page.setInputFiles(`#${ids.file}`, join(dir, "entry.hap"));
  await page.waitForFunction((id) => /没有签名块/.test(document.getElementById(id).parentElement.textContent), ids.file);
  await row.locator(".remove-row").click();
  assert.deepEqual(seen, { pageErrors: [], foreignRequests: [] });
});
