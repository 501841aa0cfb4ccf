// The package's entries as a caller meets them: isValid agrees with validateField, the web
// build says what to do when used before init() or before a locale's messages are loaded,
// and the tarball carries the wasm once.
import test from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { ROOT, loadWasm, loadVectors, loadFilings } from "./helpers.mjs";

const wasm = loadWasm();

test("isValid gives validateField's verdict for every vector and hostile value", () => {
  const vectors = loadVectors();
  assert.ok(vectors.length > 100);
  let valid = 0;
  for (const v of vectors) {
    const verdict = wasm.validateField(v.field, v.value, v.context).valid;
    assert.equal(wasm.isValid(v.field, v.value, v.context), verdict, `${v.file}[${v.index}]`);
    valid += verdict;
  }
  assert.ok(valid > 0 && valid < vectors.length);
  for (const [field, value, context] of [["resident_id", {}, null], ["no_such_field", "x"], ["resident_id", "11010519491231002X", { today: "nope" }], ["resident_id", "11010519491231002X", "text"], ["resident_id", "11010519491231002X"]]) {
    assert.equal(wasm.isValid(field, value, context), wasm.validateField(field, value, context).valid, `${field} ${JSON.stringify(value)}`);
  }
});

// A fresh instance of the web entry each time (a query string makes Node load web.js anew;
// the glue below it is shared, which is what a page reloading the entry would see).
let fresh = 0;
const freshWeb = () => import(`${pathToFileURL(join(ROOT, "pkg/web.js"))}?${++fresh}`);

test("the web build before init() throws an Error that says to call init(), for every function", async () => {
  const web = await freshWeb();
  const calls = {
    validateField: () => web.validateField("resident_id", "x"),
    isValid: () => web.isValid("resident_id", "x"),
    listFields: () => web.listFields(),
    validateAttachment: () => web.validateAttachment("app_icon", new Uint8Array(4), 4),
    validateFilingSync: () => web.validateFilingSync({}),
    attachmentHeaderLength: () => web.attachmentHeaderLength(),
    version: () => web.version(),
  };
  for (const [name, call] of Object.entries(calls)) {
    assert.throws(call, (e) => e instanceof Error && !(e instanceof TypeError) && /await init\(\)/.test(e.message), name);
  }
  for (const [name, call] of Object.entries({ validateFiling: () => web.validateFiling({}), loadFiling: () => web.loadFiling() })) {
    await assert.rejects(call(), (e) => e instanceof Error && !(e instanceof TypeError) && /await init\(\)/.test(e.message), name);
  }
});

test("the web build words a locale only once its messages are loaded, and says how", async () => {
  const web = await freshWeb();
  web.initSync({ module: readFileSync(join(ROOT, "pkg/web/icp_validate_bg.wasm")) });
  assert.equal(web.isValid("resident_id", "11010519491231002X"), true, "isValid needs no messages");
  assert.throws(() => web.validateField("resident_id", "x", null, "en"), /loadLocale\("en"\)/);
  await web.loadLocale("en-US");
  assert.equal(web.validateField("resident_id", "110105194912310021", null, "en").errors[0].message, wasm.validateField("resident_id", "110105194912310021", null, "en").errors[0].message);
  assert.throws(() => web.listFields("zh-CN"), /loadLocale\("zh-CN"\)/);
});

test("init({ locale }) loads that locale's messages with the wasm", async () => {
  const web = await freshWeb();
  const bytes = readFileSync(join(ROOT, "pkg/web/icp_validate_bg.wasm"));
  await web.default({ module_or_path: bytes, locale: "en" });
  assert.equal(web.listFields("en").find((f) => f.id === "resident_id").label, "Resident ID number");
  assert.throws(() => web.listFields("zh-CN"), /not loaded/);
});

// The IDN module arrives after the field module: until then a name that is not plain ASCII
// gets an Error saying what to await, ASCII names are answered at once, and once it has
// arrived the answers are the native ones. (The glue under a fresh web.js is shared by the
// whole file, so this test is the first here to install the IDN module.)
test("the web build answers plain ASCII names before the IDN module arrives, and others once it has", async () => {
  const web = await freshWeb();
  let arrive;
  const idnBytes = new Promise((resolve) => (arrive = resolve));
  await web.default({ module_or_path: readFileSync(join(ROOT, "pkg/web/icp_validate_bg.wasm")), idn: () => idnBytes });
  const names = [["domain", "例子.中国"], ["domain", "xn--fiqs8s.cn"], ["domain", "XN--FIQS8S.CN"], ["app_domain", "ａｐｐ.例子.中国"], ["email", "a@例子.中国"], ["email", "a@xn--fiqs8s.cn"]];
  for (const [field, value] of names) {
    for (const call of [() => web.validateField(field, value), () => web.isValid(field, value)]) {
      assert.throws(call, (e) => e.code === "ICP_IDN_NOT_LOADED" && /await loadIdn\(\)/.test(e.message), `${field} ${value}`);
    }
  }
  for (const [field, value] of [["domain", "Example.COM"], ["domain", "-a.com"], ["email", "A@Example.com"], ["email", "a@b_c.com"], ["resident_id", "11010519491231002X"]]) {
    assert.deepStrictEqual(web.validateField(field, value), wasm.validateField(field, value), `${field} ${value}`);
    assert.equal(web.isValid(field, value), wasm.isValid(field, value), `${field} ${value}`);
  }
  arrive(readFileSync(join(ROOT, "pkg/web/icp_validate_idn_bg.wasm")));
  await web.loadIdn();
  for (const [field, value] of names) {
    assert.deepStrictEqual(web.validateField(field, value), wasm.validateField(field, value), `${field} ${value}`);
    assert.equal(web.isValid(field, value), wasm.isValid(field, value), `${field} ${value}`);
  }
});

// The filing module asks the field module once per filing; a field module that does not
// answer in this build's form (another build's, a stand-in, one whose IDN module has not
// arrived) gets an Error naming the cause, never a trap.
test("the filing module throws a clear Error when the field module's answers are not of its form", () => {
  const require = createRequire(import.meta.url);
  const filingGlue = require(join(ROOT, "pkg/nodejs/filing_glue.js"));
  const filing = loadFilings().find((f) => f.name === "valid_website.json");
  const fieldModules = {
    "not answers": { fieldOutcomes: () => new TextEncoder().encode("garbage") },
    "a refusal": { fieldOutcomes: () => new TextEncoder().encode("!a name needs the IDN module, not loaded yet") },
    "a throw": { fieldOutcomes: () => { throw new Error("boom"); } },
    "no export": {},
  };
  for (const [name, fields] of Object.entries(fieldModules)) {
    assert.throws(() => filingGlue.filingResult(filing.filing, filing.options, fields), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError) && e.message.length > 10, name);
  }
  // And the real one answers.
  assert.equal(typeof filingGlue.filingResult(filing.filing, filing.options, require(join(ROOT, "pkg/nodejs/glue.js"))), "string");
});

// One reading of a locale tag per language: the filing module answers the locale Rust read
// from the options (`l`, Locale's FromStr), the JS reads the same tag from its generated table.
test("api.js reads every locale tag as the Rust core does", () => {
  const require = createRequire(import.meta.url);
  const filingGlue = require(join(ROOT, "pkg/nodejs/filing_glue.js"));
  const glue = require(join(ROOT, "pkg/nodejs/glue.js"));
  const { localeTag } = require(join(ROOT, "pkg/nodejs/api.js"));
  const tags = ["zh", "zh-CN", "zh_Hans_CN", " EN-us ", "en", "En_GB", "fr", "", "-", "_en", "english", "ZH", "constructor", "__proto__", "en\u3000", "\tzh-TW\n"];
  for (const tag of tags) {
    const rust = JSON.parse(filingGlue.filingResult({}, { locale: tag }, glue)).l;
    assert.equal(localeTag(tag), rust, JSON.stringify(tag));
  }
  for (const notText of [undefined, null, 7, {}]) assert.equal(localeTag(notText), JSON.parse(filingGlue.filingResult({}, {}, glue)).l);
});

test("the tarball carries each wasm module once", () => {
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", join(ROOT, "pkg")], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  const wasmFiles = packed.files.filter((f) => f.path.endsWith(".wasm")).map((f) => f.path);
  assert.deepStrictEqual(wasmFiles.sort(), ["web/icp_validate_app_file_bg.wasm", "web/icp_validate_bg.wasm", "web/icp_validate_filing_bg.wasm", "web/icp_validate_idn_bg.wasm"]);
  for (const locale of ["zh-CN", "en"]) assert.ok(packed.files.some((f) => f.path === `catalog/${locale}.js`), locale);
});

// The per-keystroke module carries no filing code and the filing module no field rule: it
// asks the field module (src/registry/bridge.rs).
test("the field and filing modules split the code: exports, and codes only the other side has", () => {
  const bytes = (name) => readFileSync(join(ROOT, "pkg/web", name));
  const exportsOf = (b) => WebAssembly.Module.exports(new WebAssembly.Module(b)).map((e) => e.name);
  const field = bytes("icp_validate_bg.wasm");
  const filing = bytes("icp_validate_filing_bg.wasm");
  assert.ok(exportsOf(field).includes("fieldResult") && exportsOf(field).includes("fieldOutcomes"));
  assert.ok(!exportsOf(field).includes("filingResult"), "the field module exports no filing check");
  assert.ok(exportsOf(filing).includes("filingResult"));
  for (const name of ["fieldResult", "fieldOutcomes", "isValid", "attachmentResult", "fieldList"]) assert.ok(!exportsOf(filing).includes(name), name);
  // A cross-field rule's code and the route's text only in the filing module; field rules'
  // codes only in the field module.
  // UTS 46 lives in the IDN module alone: its export, and a name of ICU4X's data, only there.
  const idn = bytes("icp_validate_idn_bg.wasm");
  assert.ok(exportsOf(idn).includes("idnToAscii") && !exportsOf(idn).includes("fieldResult"));
  assert.ok(exportsOf(field).includes("useIdn") && !exportsOf(field).includes("idnToAscii"));
  for (const id of ["filing.emergency_same_as_contact", "filing.record_province_mismatch"]) {
    assert.ok(filing.includes(id) && !field.includes(id), id);
  }
  for (const id of ["resident_id.checksum", "mobile.prefix_unallocated", "domain.label_hyphen", "uscc.checksum"]) {
    assert.ok(field.includes(id) && !filing.includes(id), id);
  }
});

test("validateFiling resolves to validateFilingSync's report", async () => {
  const c = JSON.parse(readFileSync(join(ROOT, "tests/filings/valid_website.json"), "utf8"));
  const pending = wasm.validateFiling(c.filing, c.options);
  assert.ok(pending instanceof Promise);
  assert.deepStrictEqual(await pending, wasm.validateFilingSync(c.filing, c.options));
});
