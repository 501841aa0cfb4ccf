// "icp-validate/app-file" in Node: for every file tests/make_app_files.sh makes (the files
// tests/app_file.rs reads; HarmonyOS HAPs and APPs among them), readAppFile over a Blob and over the bytes gives exactly what the
// native `icp-validate app-info FILE` prints, in both locales; the typed values' cross-check
// is worded from the catalog at the platform's paths.
import test from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, openAsBlob, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./helpers.mjs";

const { readAppFile } = await import(join(ROOT, "pkg/app-file-node.js"));
const BIN = process.env.ICP_VALIDATE_BIN || join(ROOT, "target/debug/icp-validate");
const TODAY = new Date().toISOString().slice(0, 10);
const FILES = ["v1.apk", "v2.apk", "v123.apk", "debug.apk", "two.apk", "rotated.apk", "unsigned.apk", "app.ipa", "embedded.mobileprovision", "apple_dev.cer", "apple_dev.pem", "chain.pem", "profile.plist"];
// HarmonyOS: HAPs signed by hap-sign, damaged and unsigned ones, and .app packs of signed HAPs.
const HARMONY = ["hap_v3.hap", "hap_v3_no_code.hap", "hap_v2.hap", "hap_rsa.hap", "hap_root_first.hap", "hap_debug.hap", "hap_raw_profile.hap", "hap_profile_other_cert.hap", "hap_profile_other_bundle.hap", "hap_truncated_block.hap", "entry.hap", "filing.app", "filing_deflated.app", "mixed.app", "unsigned.app"];
FILES.push(...HARMONY);

const dir = mkdtempSync(join(tmpdir(), "icp-validate-app-file-js-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));
execFileSync("bash", [join(ROOT, "tests/make_app_files.sh"), dir], { stdio: ["ignore", "ignore", "inherit"] });

function cli(file, locale) {
  const r = spawnSync(BIN, ["app-info", join(dir, file), "--today", TODAY, "--locale", locale], { encoding: "utf8" });
  assert.ok(r.status === 0 || r.status === 1, `${file}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// What the CLI prints: the result less what only the JS side has.
const asCli = ({ cross_check, fetched, ...rest }) => rest;

for (const locale of ["zh-CN", "en"]) {
  test(`readAppFile equals app-info for every test file (${locale})`, async () => {
    for (const file of FILES) {
      const expected = cli(file, locale);
      const fromBlob = await readAppFile(await openAsBlob(join(dir, file)), { today: TODAY, locale });
      assert.deepEqual(asCli(fromBlob), expected, file);
      assert.deepEqual(fromBlob.cross_check, []);
      // The bytes whole: the same answer, one round of slices at most per missing range.
      const fromBytes = await readAppFile(readFileSync(join(dir, file)), { today: TODAY, locale });
      assert.deepEqual(asCli(fromBytes), expected, file);
      assert.ok(fromBlob.fetched.rounds >= 1 && fromBlob.fetched.bytes <= readFileSync(join(dir, file)).length, `${file}: ${JSON.stringify(fromBlob.fetched)}`);
    }
  });
}

test("the typed values are checked at the platform's paths, worded from the catalog", async () => {
  const apk = await openAsBlob(join(dir, "v123.apk"));
  const beta = cli("two.apk", "en").certificates.find((c) => c.subject.includes("Beta")).md5;
  const own = await readAppFile(apk, { today: TODAY });
  const at = "services[0].platforms[0]";
  const same = await readAppFile(apk, { today: TODAY, path: at, platform: "android", typed: { package: own.package, md5: own.certificates[0].md5, public_key: own.public_key } });
  assert.deepEqual(same.cross_check, []);
  const wrong = await readAppFile(apk, { today: TODAY, locale: "en", path: at, typed: { package: "com.example.other", md5: beta } });
  assert.deepEqual(wrong.cross_check.map((i) => [i.path, i.code, i.severity]), [
    [`${at}.package`, "app_file.package_mismatch", "error"],
    [`${at}.md5`, "app_file.md5_mismatch", "error"],
  ]);
  assert.ok(wrong.cross_check[1].message.includes(own.certificates[0].md5), wrong.cross_check[1].message);
  assert.deepEqual(wrong.cross_check[0].params, { file: own.package, typed: "com.example.other" });
  // The file's own findings are not the form's: the APK is still valid.
  assert.equal(wrong.valid, true);
  const ios = await readAppFile(apk, { today: TODAY, platform: "ios", typed: { md5: beta } });
  assert.deepEqual(ios.cross_check.map((i) => [i.path, i.code]), [["platform", "app_file.platform_mismatch"]]);
  assert.equal(ios.cross_check[0].message, "所选文件是 Android 安装包或证书，而此处填写的是 iOS 平台");
});

test("a signed HAP's MD5 and public key are openssl's of the certificate it was signed with", async () => {
  const run = (program, args) => execFileSync(program, args, { cwd: dir, encoding: "utf8" });
  for (const [file, pem] of [["hap_v3.hap", "hm_ec.pem"], ["hap_rsa.hap", "hm_rsa.pem"], ["hap_root_first.hap", "hm_ec.pem"], ["filing.app", "hm_ec.pem"]]) {
    const md5 = run("openssl", ["x509", "-in", pem, "-noout", "-fingerprint", "-md5"]).trim().split("=")[1];
    const key = run("openssl", ["x509", "-in", pem, "-noout", "-pubkey"]).split("\n").filter((l) => l && !l.startsWith("-----")).join("");
    const r = await readAppFile(await openAsBlob(join(dir, file)), { today: TODAY, locale: "en", platform: "harmony", typed: { package: "com.example.filing.harmony" } });
    assert.deepEqual([r.package, r.certificates[0].md5, r.md5, r.public_key], ["com.example.filing.harmony", md5, md5.replaceAll(":", ""), key], file);
    assert.deepEqual([r.valid, r.errors, r.warnings.map((w) => w.code), r.cross_check], [true, [], ["app_file.harmony_store_resigns"], []], file);
  }
  const debug = await readAppFile(await openAsBlob(join(dir, "hap_debug.hap")), { today: TODAY, locale: "en" });
  assert.deepEqual([debug.valid, debug.errors.map((e) => e.code)], [false, ["app_file.harmony_debug_profile"]]);
});

test("a slice that fails ends the reading with a read failure, and a non-file is a TypeError", async () => {
  const bytes = readFileSync(join(dir, "v123.apk"));
  const broken = { size: bytes.length, slice: () => ({ arrayBuffer: async () => Promise.reject(new Error("NotReadableError")) }) };
  const r = await readAppFile(broken, { today: TODAY, locale: "en" });
  assert.equal(r.valid, false);
  assert.deepEqual(r.errors.map((e) => e.code), ["app_file.read_failed"]);
  assert.equal(r.errors[0].message, "The file could not be read; choose it again");
  await assert.rejects(readAppFile("v123.apk"), TypeError);
});

test("the app-file module is the reader alone, and the field module has none of it", () => {
  const bytes = (name) => readFileSync(join(ROOT, "pkg/web", name));
  const exportsOf = (b) => WebAssembly.Module.exports(new WebAssembly.Module(b)).map((e) => e.name);
  const appFile = bytes("icp_validate_app_file_bg.wasm");
  const field = bytes("icp_validate_bg.wasm");
  assert.ok(exportsOf(appFile).includes("appfilereading_run"));
  for (const name of ["fieldResult", "filingResult", "isValid", "attachmentResult", "version"]) assert.ok(!exportsOf(appFile).includes(name), name);
  assert.ok(!exportsOf(field).some((name) => name.startsWith("appfilereading")));
  for (const id of ["resident_id.checksum", "filing.emergency_same_as_contact"]) assert.ok(!appFile.includes(id), id);
  assert.ok(appFile.includes("app_file.debug_certificate"));
});
