// The package's hand-written attachment helpers (pkg-templates/attachment-file.js), imported
// through the package's own exports as an installed dependency would be.
import test from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./helpers.mjs";

const dir = mkdtempSync(join(tmpdir(), "icp-validate-pkg-"));
mkdirSync(join(dir, "node_modules"));
symlinkSync(join(ROOT, "pkg"), join(dir, "node_modules/icp-validate"), "dir");
writeFileSync(join(dir, "probe.mjs"), 'export * as node from "icp-validate";\nexport * as web from "icp-validate/web";\n');
const { node, web } = await import(pathToFileURL(join(dir, "probe.mjs")));
rmSync(dir, { recursive: true, force: true });
web.initSync({ module: readFileSync(join(ROOT, "pkg/web/icp_validate_bg.wasm")) });
// initSync instantiates the wasm only; the messages of a locale load on request.
await web.loadLocale("en");

/** A baseline colour JPEG (SOF0, three components) of width×height, padded to size bytes (as tests/cli.rs). */
function jpeg(width, height, size) {
  const head = [0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0];
  const bytes = new Uint8Array(size);
  bytes.set(head);
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

const context = { today: "2026-11-23" };

for (const [name, pkg] of [["node", node], ["web", web]]) {
  test(`${name} entry: validateAttachmentFile reads the header slice of a File and its size`, async () => {
    assert.equal(typeof pkg.validateField, "function");
    const bytes = jpeg(1600, 1200, 150 * 1024);
    const file = new File([bytes], "licence.jpg", { type: "image/jpeg" });
    const result = await pkg.validateAttachmentFile("entity_certificate", file, context, "en");
    assert.equal(result.valid, true, JSON.stringify(result.errors));
    assert.equal(result.format, "jpeg");
    assert.equal(result.byte_size, 150 * 1024);
    assert.deepEqual(result, pkg.validateAttachment("entity_certificate", bytes, bytes.length, context, "en"));

    // Larger than the header: only the slice is read, the size is the whole file's.
    const big = jpeg(1280, 720, pkg.attachmentHeaderLength() + 4096);
    const bigResult = await pkg.validateAttachmentFile("entity_certificate", new Blob([big]), context, "en");
    assert.equal(bigResult.byte_size, big.length);
    assert.ok(bigResult.errors.some((e) => e.code === "attachment.too_small_dimensions"), JSON.stringify(bigResult.errors));
    assert.deepEqual(bigResult, pkg.validateAttachment("entity_certificate", big.subarray(0, pkg.attachmentHeaderLength()), big.length, context, "en"));
  });

  test(`${name} entry: validateAttachment stays synchronous and takes an ArrayBuffer`, () => {
    const bytes = jpeg(1600, 1200, 150 * 1024);
    const fromBuffer = pkg.validateAttachment("entity_certificate", bytes.buffer, bytes.length, context, "en");
    assert.equal(fromBuffer.format, "jpeg");
    assert.deepEqual(fromBuffer, pkg.validateAttachment("entity_certificate", bytes, bytes.length, context, "en"));
    assert.equal(pkg.validateAttachment("entity_certificate", new DataView(bytes.buffer), bytes.length, context, "en").format, "jpeg");
  });

  test(`${name} entry: anything but bytes or a File gets input.malformed, not a format verdict`, async () => {
    const blob = new Blob([jpeg(1600, 1200, 150 * 1024)]);
    const sync = pkg.validateAttachment("entity_certificate", blob, blob.size, context, "en");
    assert.equal(sync.valid, false);
    assert.deepEqual(sync.errors.map((e) => e.code), ["input.malformed"]);
    assert.equal(sync.errors[0].message, "Malformed input: the header is not a Uint8Array or ArrayBuffer (for a File or Blob use validateAttachmentFile)");
    assert.deepEqual(sync.errors[0].params, { detail: "Blob", reason: "not_bytes" });

    for (const [value, type] of [["licence.jpg", "string"], [new Uint8Array(4), "Uint8Array"], [null, "null"], [undefined, "undefined"], [{}, "Object"]]) {
      const r = await pkg.validateAttachmentFile("entity_certificate", value, context, "en");
      assert.deepEqual(r.errors.map((e) => e.code), ["input.malformed"], type);
      assert.equal(r.errors[0].message, "Malformed input: a File or Blob is expected");
      assert.deepEqual(r.errors[0].params, { detail: type, reason: "not_file" });
      assert.equal(r.valid, false);
    }
    const unreadable = { size: 10, slice: () => ({ arrayBuffer: () => Promise.reject(Object.assign(new Error("gone"), { name: "NotReadableError" })) }) };
    const r = await pkg.validateAttachmentFile("entity_certificate", unreadable, context, "en");
    assert.deepEqual(r.errors[0].params, { detail: "NotReadableError", reason: "file_unreadable" });
  });
}

test("the helpers' input.malformed messages are the engine's catalog, in both locales", async () => {
  const bin = process.env.ICP_VALIDATE_BIN || join(ROOT, "target/debug/icp-validate");
  const catalog = JSON.parse(execFileSync(bin, ["catalog"]).toString("utf8"));
  const cases = [
    ["not_file", () => node.validateAttachmentFile("other", 42, null, LOCALE)],
    ["not_bytes", () => node.validateAttachment("other", "x", 1, null, LOCALE)],
    ["file_unreadable", () => node.validateAttachmentFile("other", { size: 1, slice: () => ({ arrayBuffer: () => Promise.reject(new Error("gone")) }) }, null, LOCALE)],
  ];
  var LOCALE;
  for (LOCALE of ["zh-CN", "en"]) {
    for (const [reason, run] of cases) {
      const ours = (await run()).errors[0];
      const want = catalog.codes["input.malformed"][LOCALE].replace("{reason}", catalog.terms[reason][LOCALE]);
      assert.equal(ours.message, want, `${reason} ${LOCALE}`);
      assert.equal(ours.params.reason, reason);
    }
  }
});
