// www/widget/app-file-input.js: what a file input says of an APP file reading, what the file
// fills, and that a file chosen since wins. The form, controls and renderer are small
// stand-ins recording what they are told; the reading itself is the app-file part's (tested
// in app-file.test.mjs, and the whole flow in Chromium by app-file.e2e.test.mjs).
import test from "node:test";
import assert from "node:assert/strict";
import { createControlState } from "../../www/widget/control-state.js";
import { appFileVerdict, createAppFileInput } from "../../www/widget/app-file-input.js";

const at = "services[0].platforms[0]";
const reading = (over = {}) => ({ valid: true, errors: [], warnings: [], cross_check: [], package: "com.example.app", md5: "0".repeat(32), public_key: "PK", ...over });
const issue = (path, message, severity = "error") => ({ path, message, severity });

test("the verdict: unreadable, a platform mismatch, an error, a warning, or read", () => {
  assert.deepEqual(appFileVerdict(null, at, "en"), { text: "The file could not be read.", kind: "error", fills: false });
  assert.deepEqual(appFileVerdict(null, at, "zh-CN").text, "无法读取该文件。");
  const mismatch = reading({ cross_check: [issue(`${at}.platform`, "not this platform")], warnings: [issue("x", "a warning", "warning")] });
  assert.deepEqual(appFileVerdict(mismatch, at, "en"), { text: "not this platform", kind: "error", fills: false });
  assert.deepEqual(appFileVerdict(reading({ valid: false, errors: [issue("x", "debug certificate")] }), at, "en"), { text: "debug certificate", kind: "error", fills: false });
  assert.deepEqual(appFileVerdict(reading({ warnings: [issue("x", "expires soon", "warning")] }), at, "en"), { text: "expires soon", kind: "warning", fills: true });
  assert.deepEqual(appFileVerdict(reading(), at, "en"), { text: "Read from the file: check the values filled in below.", kind: "success", fills: true });
  assert.equal(appFileVerdict(reading(), at, "zh-CN").text, "已从文件读取，请核对下方填入的值。");
});

function setup(readAppFile) {
  const state = createControlState();
  const target = (name, value = "", field = true) => ({ dataset: { icpPath: `${at}.${name}` }, value, matches: () => field, name });
  const controls = { platform: target("platform", "android", false), package: target("package"), md5: target("md5", "typed-md5"), public_key: target("public_key") };
  const form = { querySelectorAll: () => Object.values(controls) };
  const log = [];
  const render = {
    appNoteElement: (control) => control.name,
    showAppNote: (el, text, severity) => log.push(["note", el, text, severity]),
    showFileMessage: (_control, text, kind) => log.push(["file", text, kind]),
    announce: (text) => log.push(["announce", text]),
  };
  const calls = { loads: 0, asked: [] };
  const read = createAppFileInput({
    form, options: { filingOptions: { today: "2026-01-01" } }, locale: "en", state, render,
    loadAppFile: async () => (calls.loads++, { readAppFile: (file, opts) => (calls.asked.push(opts), readAppFile(file)) }),
    clear: (control) => log.push(["clear", control.name]),
    validate: (control) => log.push(["validate", control.name]),
    settled: () => log.push(["settled"]),
  });
  const input = { dataset: { icpAppFile: at }, files: [], name: "input" };
  return { state, controls, log, calls, read, input };
}

test("a read file fills the empty controls (validated as typed), notes a typed value that differs, and says so", async () => {
  const { state, controls, log, calls, read, input } = setup(async () => reading({ cross_check: [issue(`${at}.md5`, "the file's MD5 differs", "warning")] }));
  input.files = [{ name: "app.apk" }];
  await read(input);
  assert.deepEqual(calls.asked, [{ locale: "en", typed: { md5: "typed-md5" }, path: at, platform: "android", today: "2026-01-01" }]);
  assert.equal(controls.package.value, "com.example.app");
  assert.equal(controls.md5.value, "typed-md5");
  assert.ok(state.touched.has(controls.package) && state.edited.has(controls.package));
  assert.equal(state.lastMessage.get(input), "Read from the file: check the values filled in below.");
  assert.deepEqual(log.slice(3), [
    ["file", "Read from the file: check the values filled in below.", "success"],
    ["validate", "package"],
    ["note", "md5", "the file's MD5 differs", "warning"],
    ["validate", "public_key"],
    ["announce", "Read from the file: check the values filled in below. the file's MD5 differs"],
    ["settled"],
  ]);
  // Every earlier note is cleared first.
  assert.deepEqual(log.slice(0, 3).map(([kind, el, text]) => [kind, el, text]), [["note", "package", ""], ["note", "md5", ""], ["note", "public_key", ""]]);
  // The part is loaded once.
  await read(input);
  assert.equal(calls.loads, 1);
});

test("a file with an error fills nothing; no file clears; a file chosen since wins", async (t) => {
  t.mock.method(console, "warn", () => {});
  let answer = async () => reading({ valid: false, errors: [issue("x", "debug certificate")] });
  const { controls, log, read, input } = setup((file) => answer(file));
  input.files = [{}];
  await read(input);
  assert.equal(controls.package.value, "");
  assert.deepEqual(log.filter(([k]) => k === "file"), [["file", "debug certificate", "error"]]);
  log.length = 0;
  input.files = [];
  assert.equal(await read(input), null);
  assert.deepEqual(log.at(-1), ["clear", "input"]);
  // Two files in a row: the first, answering last, is dropped.
  let release;
  answer = (file) => (file.slow ? new Promise((r) => (release = () => r(reading({ package: "slow" })))) : Promise.resolve(reading({ package: "fast" })));
  input.files = [{ slow: true }];
  const slow = read(input);
  await new Promise((r) => setTimeout(r, 5));
  input.files = [{}];
  await read(input);
  release();
  assert.equal(await slow, null);
  assert.equal(controls.package.value, "fast");
  // A reading that throws: "could not be read", nothing filled.
  log.length = 0;
  controls.package.value = "";
  answer = async () => {
    throw new Error("broken zip");
  };
  assert.equal(await read(input), null);
  assert.deepEqual(log.filter(([k]) => k === "file"), [["file", "The file could not be read.", "error"]]);
  assert.equal(controls.package.value, "");
});
