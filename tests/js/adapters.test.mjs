// The form-library adapters of the package (pkg/adapters/), each run by the real library it
// serves: async-validator (Element Plus, Ant Design Vue, Ant Design), Standard Schema v1
// consumers (React Hook Form's resolver, TanStack Form), TDesign's rule engine, zod and valibot.
import test from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import asyncValidator from "async-validator";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { FieldApi, FormApi } from "@tanstack/form-core";
import { z } from "zod";
import * as v from "valibot";
import { defineRule, validate as veeValidate } from "vee-validate";
import { createForm, registerValidateRules } from "@formily/core";
import { createRequire } from "node:module";
import { ROOT, loadFilings } from "./helpers.mjs";

// Ant Design's form engine: the rule runner its Field calls, which sorts a field's errors from
// its warnings by the rule's warningOnly.
const { validateRules: antdValidateRules } = createRequire(import.meta.url)("@rc-component/form/lib/utils/validateUtil.js");
// TDesign's own rule engine, the one its FormItem runs: validate(value, rules, { formData, name }).
// It needs no DOM; the components around it do, so they are not run here.
const { validate: tdesignValidate } = createRequire(import.meta.url)("tdesign-vue-next/cjs/form/utils/form-model.js");

// A CommonJS module whose class is its `default` export.
const Schema = asyncValidator.default ?? asyncValidator;
const adapter = (name) => import(pathToFileURL(join(ROOT, `pkg/adapters/${name}.js`)).href);
const { icpRule, icpRules } = await adapter("async-validator");
const { icpSchema, filingSchema, pathKeys } = await adapter("standard-schema");
const tdesign = await adapter("tdesign");
const { icpRefine, icpRefineObject } = await adapter("zod");
const { icpCheck, icpCheckObject } = await adapter("valibot");
const { icpValidator, defineIcpRules } = await adapter("vee-validate");
const formily = await adapter("formily");

const BAD_ID = "110105194912310021";
const GOOD_ID = "11010519491231002X";
const CHECKSUM = "身份证号码校验位不正确，请检查是否输错了某一位";
// 13800138000 is a Beijing number: valid alone, an error for an Aliyun filer in Shanghai.
const SHANGHAI_MISMATCH = "该号码归属北京市，与主体所在地上海市不一致";

// What async-validator reports: null when the values pass, else each error's field and message.
async function asyncValidate(descriptor, source) {
  try {
    await new Schema(descriptor).validate(source, { suppressWarning: true });
    return null;
  } catch (e) {
    if (!e.errors) throw e;
    return e.errors.map(({ field, message }) => ({ field, message }));
  }
}

test("async-validator: a wrong resident ID is rejected with the Chinese message, a right one passes", async () => {
  const descriptor = { id: icpRule("resident_id", { trigger: "blur" }) };
  assert.deepEqual(await asyncValidate(descriptor, { id: BAD_ID }), [{ field: "id", message: CHECKSUM }]);
  assert.equal(await asyncValidate(descriptor, { id: GOOD_ID }), null);
  assert.equal(descriptor.id.trigger, "blur");
});

test("async-validator: the locale words the message", async () => {
  const [error] = await asyncValidate({ id: icpRule("resident_id", { locale: "en" }) }, { id: BAD_ID });
  assert.match(error.message, /check/i);
  assert.doesNotMatch(error.message, /[\u4e00-\u9fff]/);
});

test("async-validator: an empty optional value passes, a required one does not", async () => {
  for (const empty of ["", "   ", undefined, null]) assert.equal(await asyncValidate({ id: icpRule("resident_id") }, { id: empty }), null, String(empty));
  const rule = icpRule("resident_id", { required: true });
  assert.equal(rule.required, true);
  assert.deepEqual(await asyncValidate({ id: rule }, { id: "" }), [{ field: "id", message: "请填写此项" }]);
});

test("async-validator: a context function reads another value of the form", async () => {
  const descriptor = { mobile: icpRule("mobile", { context: (source) => ({ province: source.province, provider: "aliyun" }) }) };
  assert.equal(await asyncValidate(descriptor, { mobile: "13800138000", province: "北京" }), null);
  assert.deepEqual(await asyncValidate(descriptor, { mobile: "13800138000", province: "上海" }), [{ field: "mobile", message: SHANGHAI_MISMATCH }]);
  // The same with a plain object.
  assert.deepEqual(await asyncValidate({ mobile: icpRule("mobile", { context: { province: "上海", provider: "aliyun" } }) }, { mobile: "13800138000" }), [{ field: "mobile", message: SHANGHAI_MISMATCH }]);
});

test("async-validator: icpRules puts the warning in a second, warningOnly rule", async () => {
  const context = { province: "上海" };
  const [errorRule, warningRule] = icpRules("uscc", { context, trigger: "change" });
  assert.equal(warningRule.warningOnly, true);
  assert.equal(warningRule.trigger, "change");
  assert.equal("required" in warningRule, false);
  // A Beijing code filed in Shanghai: no error, a warning.
  assert.equal(await asyncValidate({ uscc: errorRule }, { uscc: "91110000600037341L" }), null);
  const [warning] = await asyncValidate({ uscc: warningRule }, { uscc: "91110000600037341L" });
  assert.match(warning.message, /^统一社会信用代码的登记地为北京市，备案省份为上海市/);
  // A value with an error: the error rule says it, the warning rule stays quiet.
  assert.ok(await asyncValidate({ uscc: errorRule }, { uscc: "91110000600037341X" }));
  assert.equal(await asyncValidate({ uscc: warningRule }, { uscc: "91110000600037341X" }), null);
});

test("Ant Design (rc-field-form): errors and warningOnly warnings as its Field sorts them", async () => {
  async function field(rules, value) {
    const out = { errors: [], warnings: [] };
    try {
      await antdValidateRules(["f"], value, rules, {}, false, {});
    } catch (ruleErrors) {
      for (const { rule, errors } of ruleErrors) out[rule.warningOnly ? "warnings" : "errors"].push(...errors);
    }
    return out;
  }
  let province = "上海";
  const rules = icpRules("uscc", { required: true, context: () => ({ province }) });
  assert.deepEqual((await field(rules, "91110000600037341L")).errors, []);
  assert.match((await field(rules, "91110000600037341L")).warnings[0], /^统一社会信用代码的登记地为北京市，备案省份为上海市/);
  province = "北京";
  assert.deepEqual(await field(rules, "91110000600037341L"), { errors: [], warnings: [] });
  assert.deepEqual(await field(rules, ""), { errors: ["请填写此项"], warnings: [] });
  assert.deepEqual(await field([icpRule("resident_id")], BAD_ID), { errors: [CHECKSUM], warnings: [] });
});

test("Standard Schema: the ~standard props are what the spec's types say", () => {
  for (const schema of [icpSchema("resident_id"), filingSchema()]) {
    const props = schema["~standard"];
    assert.equal(props.version, 1);
    assert.equal(props.vendor, "icp-validate");
    assert.equal(typeof props.validate, "function");
  }
});

test("Standard Schema: one field gives the normalized value or the message as an issue", () => {
  const { validate } = icpSchema("resident_id")["~standard"];
  assert.deepEqual(validate(BAD_ID), { issues: [{ message: CHECKSUM }] });
  assert.deepEqual(validate("11010519491231002x"), { value: GOOD_ID });
  assert.deepEqual(validate(""), { value: "" });
  assert.deepEqual(icpSchema("resident_id", { required: true })["~standard"].validate(""), { issues: [{ message: "请填写此项" }] });
  let province = "北京";
  const mobile = icpSchema("mobile", { context: () => ({ province, provider: "aliyun" }) })["~standard"];
  assert.deepEqual(mobile.validate("13800138000"), { value: "13800138000" });
  province = "上海";
  assert.deepEqual(mobile.validate("13800138000"), { issues: [{ message: SHANGHAI_MISMATCH }] });
});

test("Standard Schema: report paths become keys", () => {
  assert.deepEqual(pathKeys("services[0].domains[1]"), ["services", 0, "domains", 1]);
  assert.deepEqual(pathKeys("entity.person_in_charge.name"), ["entity", "person_in_charge", "name"]);
  assert.deepEqual(pathKeys(""), []);
});

const filingNamed = (name) => loadFilings().find((f) => f.name === `${name}.json`);

test("Standard Schema: the whole filing gives its errors at their paths, or the normalized filing", async () => {
  const duplicate = filingNamed("domain_duplicate");
  const failed = await filingSchema(duplicate.options)["~standard"].validate(duplicate.filing);
  assert.deepEqual(failed, { issues: [{ message: "域名 yunfan.com.cn 重复（与 services[0].domains[0] 相同）", path: ["services", 1, "domains", 0] }] });
  const valid = filingNamed("valid_website");
  const passed = await filingSchema(valid.options)["~standard"].validate(valid.filing);
  assert.equal(passed.issues, undefined);
  // The province is filed as its code; the input is left as it was.
  assert.equal(passed.value.entity.province, "110000");
  assert.equal(valid.filing.entity.province, "北京");
  assert.deepEqual(passed.value.services, valid.filing.services);
});

test("Standard Schema in React Hook Form's standardSchemaResolver: errors by field path", async () => {
  const duplicate = filingNamed("domain_duplicate");
  const resolve = standardSchemaResolver(filingSchema(duplicate.options));
  const failed = await resolve(duplicate.filing, undefined, { fields: {}, shouldUseNativeValidation: false });
  assert.deepEqual(failed.values, {});
  assert.equal(failed.errors.services[1].domains[0].message, "域名 yunfan.com.cn 重复（与 services[0].domains[0] 相同）");
  const valid = filingNamed("valid_website");
  const passed = await standardSchemaResolver(filingSchema(valid.options))(valid.filing, undefined, { fields: {}, shouldUseNativeValidation: false });
  assert.deepEqual(passed.errors, {});
  assert.equal(passed.values.entity.province, "110000");
});

test("Standard Schema in TanStack Form: a field validator and a form validator", async () => {
  const valid = filingNamed("valid_website");
  const form = new FormApi({ defaultValues: { id: BAD_ID, ...valid.filing } });
  form.mount();
  const id = new FieldApi({ form, name: "id", validators: { onChange: icpSchema("resident_id") } });
  id.mount();
  id.setValue(BAD_ID);
  assert.deepEqual(id.state.meta.errors.map((e) => e.message), [CHECKSUM]);
  id.setValue(GOOD_ID);
  assert.deepEqual(id.state.meta.errors, []);
  // The filing schema as the form's async submit validator: the error lands on its field.
  const duplicate = filingNamed("domain_duplicate");
  const filingForm = new FormApi({ defaultValues: duplicate.filing, validators: { onSubmitAsync: filingSchema(duplicate.options) } });
  filingForm.mount();
  await filingForm.handleSubmit();
  assert.equal(filingForm.state.canSubmit, false);
  assert.deepEqual(filingForm.getFieldMeta("services[1].domains[0]").errors.map((e) => e.message), ["域名 yunfan.com.cn 重复（与 services[0].domains[0] 相同）"]);
});

test("TDesign: its rule engine gets { result, message, type } from the adapter; a warning passes and goes to onWarning", async () => {
  // The answers TDesign's FormItem shows: each failed rule's result, message and type.
  const run = async (rules, value, formData = {}) => (await tdesignValidate(value, rules, { formData, name: "f" })).filter((r) => r.result !== true).map(({ result, message, type }) => ({ result, message, type }));
  const id = tdesign.icpRule("resident_id", { trigger: "blur" });
  assert.equal(id.trigger, "blur");
  assert.deepEqual(await run([id], BAD_ID), [{ result: false, message: CHECKSUM, type: "error" }]);
  assert.deepEqual(await run([id], GOOD_ID), []);
  assert.deepEqual(await run([id], ""), []);
  assert.deepEqual(await run([tdesign.icpRule("resident_id", { required: true })], ""), [{ result: false, message: "请填写此项", type: "error" }]);
  // TDesign counts any answer but `result: true` against validate(): a warning passes, shown through onWarning.
  const shown = [];
  assert.deepEqual(await run([tdesign.icpRule("uscc", { context: { province: "上海" }, onWarning: (m, f) => shown.push([f, m]) })], "91110000600037341L"), []);
  assert.equal(shown.length, 1);
  assert.equal(shown[0][0], "uscc");
  assert.match(shown[0][1], /^统一社会信用代码的登记地为北京市/);
  // The context function reads another field from the form data TDesign passes.
  const mobile = [tdesign.icpRule("mobile", { context: (formData) => ({ province: formData.province, provider: "aliyun" }) })];
  assert.deepEqual(await run(mobile, "13800138000", { province: "北京" }), []);
  assert.deepEqual(await run(mobile, "13800138000", { province: "上海" }), [{ result: false, message: SHANGHAI_MISMATCH, type: "error" }]);
});

test("zod: superRefine gives the message, and the key as the path with another key as context", () => {
  const id = z.string().superRefine(icpRefine("resident_id"));
  assert.deepEqual(id.safeParse(BAD_ID).error.issues.map((i) => i.message), [CHECKSUM]);
  assert.equal(id.safeParse(GOOD_ID).success, true);
  assert.equal(id.safeParse("").success, true);
  assert.deepEqual(z.string().superRefine(icpRefine("resident_id", { required: true })).safeParse("").error.issues.map((i) => i.message), ["请填写此项"]);
  const person = z.object({ province: z.string(), mobile: z.string() }).superRefine(icpRefineObject({ mobile: { field: "mobile", context: (data) => ({ province: data.province, provider: "aliyun" }) } }));
  assert.equal(person.safeParse({ province: "北京", mobile: "13800138000" }).success, true);
  assert.deepEqual(person.safeParse({ province: "上海", mobile: "13800138000" }).error.issues.map(({ message, path }) => ({ message, path })), [{ message: SHANGHAI_MISMATCH, path: ["mobile"] }]);
});

test("valibot: rawCheck gives the message, and the key as the path with another key as context", () => {
  const id = v.pipe(v.string(), v.rawCheck(icpCheck("resident_id")));
  assert.deepEqual(v.safeParse(id, BAD_ID).issues.map((i) => i.message), [CHECKSUM]);
  assert.equal(v.safeParse(id, GOOD_ID).success, true);
  assert.equal(v.safeParse(id, "").success, true);
  assert.deepEqual(v.safeParse(v.pipe(v.string(), v.rawCheck(icpCheck("resident_id", { required: true }))), "").issues.map((i) => i.message), ["请填写此项"]);
  const person = v.pipe(v.object({ province: v.string(), mobile: v.string() }), v.rawCheck(icpCheckObject({ mobile: { field: "mobile", context: (data) => ({ province: data.province, provider: "aliyun" }) } })));
  assert.equal(v.safeParse(person, { province: "北京", mobile: "13800138000" }).success, true);
  assert.deepEqual(v.flatten(v.safeParse(person, { province: "上海", mobile: "13800138000" }).issues).nested, { mobile: [SHANGHAI_MISMATCH] });
});

test("VeeValidate: global rules by name and a field's own rule, through its validate()", async () => {
  defineIcpRules(defineRule, ["resident_id", "mobile"], { context: (form) => ({ province: form.province, provider: "aliyun" }) });
  assert.deepEqual((await veeValidate(BAD_ID, "icp_resident_id")).errors, [CHECKSUM]);
  assert.deepEqual((await veeValidate(GOOD_ID, "icp_resident_id")).errors, []);
  // The form's values reach the context function as ctx.form.
  assert.deepEqual((await veeValidate("13800138000", "icp_mobile", { values: { province: "北京" } })).errors, []);
  assert.deepEqual((await veeValidate("13800138000", "icp_mobile", { values: { province: "上海" } })).errors, [SHANGHAI_MISMATCH]);
  // A field's own rule function, in English; an empty optional value passes.
  const own = icpValidator("resident_id", { locale: "en" });
  const [message] = (await veeValidate(BAD_ID, own)).errors;
  assert.match(message, /check/i);
  assert.deepEqual((await veeValidate("", own)).errors, []);
  // A field's own function gets (value, ctx): the form's values reach the context there too.
  const mobile = icpValidator("mobile", { context: (form) => ({ province: form.province, provider: "aliyun" }) });
  assert.deepEqual((await veeValidate("13800138000", mobile, { values: { province: "上海" } })).errors, [SHANGHAI_MISMATCH]);
  assert.deepEqual((await veeValidate("13800138000", mobile, { values: { province: "北京" } })).errors, []);
});

// Formily's validate() rejects with the feedbacks when there are errors; the field keeps them.
const settle = (field) => field.validate().catch((feedbacks) => assert.ok(Array.isArray(feedbacks), String(feedbacks)));

test("Formily: its form engine gets the error, a warning apart, and the form's values as context", async () => {
  const form = createForm({ values: { province: "上海" } });
  const id = form.createField({ name: "id", validator: formily.icpValidator("resident_id") });
  await id.onInput(BAD_ID);
  await settle(id);
  assert.deepEqual(id.selfErrors, [CHECKSUM]);
  await id.onInput(GOOD_ID);
  await settle(id);
  assert.deepEqual(id.selfErrors, []);
  // A rule pack by name; the mobile's province comes from another field of the form.
  registerValidateRules(formily.icpValidateRules(["mobile"], { context: (values) => ({ province: values.province, provider: "aliyun" }) }));
  const mobile = form.createField({ name: "mobile", validator: { icp_mobile: true } });
  await mobile.onInput("13800138000");
  await settle(mobile);
  assert.deepEqual(mobile.selfErrors, [SHANGHAI_MISMATCH]);
  form.setValuesIn("province", "北京");
  await settle(mobile);
  assert.deepEqual(mobile.selfErrors, []);
  // A warning is kept apart from the errors: a website name of two Chinese characters.
  const name = form.createField({ name: "site", validator: formily.icpValidator("website_name") });
  await name.onInput("云帆");
  await settle(name);
  assert.deepEqual(name.selfErrors, []);
  assert.equal(name.selfWarnings.length, 1);
  assert.match(name.selfWarnings[0], /当前 2 个汉字/);
});

test("the adapters are exported with their types, and share the package's instance", () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, "pkg/package.json"), "utf8"));
  for (const name of ["async-validator", "formily", "standard-schema", "tdesign", "valibot", "vee-validate", "zod"]) {
    assert.deepEqual(manifest.exports[`./adapters/${name}`], { types: `./adapters/${name}.d.ts`, default: `./adapters/${name}.js` });
    // No side effects listed: a bundler drops an adapter nobody imports.
    assert.ok(!manifest.sideEffects.some((f) => f.includes("adapters")));
  }
  assert.match(readFileSync(join(ROOT, "pkg/adapters/shared.js"), "utf8"), /from "icp-validate"/);
});

test("a bundler resolves an adapter's own import to the app's instance, and drops what is not imported", async () => {
  const esbuild = await import("esbuild");
  const dir = mkdtempSync(join(tmpdir(), "icp-validate-adapters-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(join(ROOT, "pkg"), join(dir, "node_modules/icp-validate"), "dir");
    writeFileSync(join(dir, "with-rule.js"), 'import { validateField } from "icp-validate";\nimport { icpRule } from "icp-validate/adapters/async-validator";\nconsole.log(validateField, icpRule);\n');
    writeFileSync(join(dir, "without.js"), 'import { validateField } from "icp-validate";\nconsole.log(validateField);\n');
    const bundle = async (entry) => {
      const r = await esbuild.build({ entryPoints: [join(dir, entry)], bundle: true, write: false, format: "esm", platform: "browser", metafile: true, outdir: join(dir, "out"), logLevel: "error" });
      const inputs = Object.keys(r.metafile.inputs);
      return { inputs, text: r.outputFiles.find((f) => f.path.endsWith(`${entry}`)).text };
    };
    const withRule = await bundle("with-rule.js");
    assert.equal(withRule.inputs.filter((i) => i.endsWith("/bundler.js")).length, 1, withRule.inputs.join(" "));
    assert.ok(withRule.inputs.some((i) => i.endsWith("adapters/async-validator.js")));
    // icpRules was not imported: its warningOnly rule is not in the bundle.
    assert.doesNotMatch(withRule.text, /warningOnly/);
    const without = await bundle("without.js");
    assert.ok(!without.inputs.some((i) => i.includes("adapters/")), without.inputs.join(" "));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a context the caller got wrong goes to the developer, and the value is checked without it", async () => {
  const got = [];
  const descriptor = { mobile: icpRule("mobile", { context: { province: "火星", provider: "aliyun" }, onContextError: (e) => got.push(e) }) };
  // The value's own verdict, not "上下文参数 province …".
  assert.equal(await asyncValidate(descriptor, { mobile: "13800138000" }), null);
  assert.deepEqual(await asyncValidate(descriptor, { mobile: "1380013800" }).then((e) => e.length), 1);
  assert.doesNotMatch((await asyncValidate(descriptor, { mobile: "1380013800" }))[0].message, /上下文/);
  assert.equal(got[0].code, "ICP_CONTEXT_INVALID");
  assert.deepEqual(got[0].problems, [{ key: "province", value: "火星" }]);
  // "" and null are not given: nothing to report, the value checked as without them.
  const quiet = [];
  for (const province of ["", null, "  "]) assert.equal(await asyncValidate({ mobile: icpRule("mobile", { context: { province }, onContextError: (e) => quiet.push(e) }) }, { mobile: "13800138000" }), null);
  assert.deepEqual(quiet, []);
});

test("normalize writes back the canonical form, opt-in; a domain's Unicode form on request", async () => {
  const written = [];
  await asyncValidate({ id: icpRule("resident_id", { normalize: (v) => written.push(v) }) }, { id: "11010519491231002x" });
  await asyncValidate({ id: icpRule("resident_id", { normalize: (v) => written.push(v) }) }, { id: GOOD_ID });
  assert.deepEqual(written, [GOOD_ID]);
  const domains = [];
  await asyncValidate({ d: icpRule("domain", { normalize: (v) => domains.push(v) }) }, { d: "例子.中国" });
  await asyncValidate({ d: icpRule("domain", { canonical: "unicode", normalize: (v) => domains.push(v) }) }, { d: "xn--fsqu00a.xn--fiqs8s" });
  assert.deepEqual(domains, ["xn--fsqu00a.xn--fiqs8s", "例子.中国"]);
  assert.deepEqual(icpSchema("domain", { canonical: "unicode" })["~standard"].validate("xn--fsqu00a.xn--fiqs8s"), { value: "例子.中国" });
});

test("Standard Schema: an error at a path without an input is the form's own error (React Hook Form's errors.root)", async () => {
  const duplicate = filingNamed("domain_duplicate");
  const reports = [];
  const schema = filingSchema({ ...duplicate.options, inputs: ["entity.name"], onReport: (r) => reports.push(r) });
  const failed = await standardSchemaResolver(schema)(duplicate.filing, undefined, { fields: {}, shouldUseNativeValidation: false });
  assert.equal(failed.errors.root.message, "域名 yunfan.com.cn 重复（与 services[0].domains[0] 相同）");
  assert.equal(failed.errors.services, undefined);
  assert.equal(reports.length, 1);
  // With the path among the inputs it stays at its field.
  const atField = await standardSchemaResolver(filingSchema({ ...duplicate.options, inputs: (path) => path.startsWith("services") }))(duplicate.filing, undefined, { fields: {}, shouldUseNativeValidation: false });
  assert.equal(atField.errors.root, undefined);
  assert.ok(atField.errors.services[1].domains[0].message);
});

test("field and filing checks agree on severity for the same provider", async () => {
  const valid = filingNamed("valid_website");
  const { validateField, validateFiling } = await import(pathToFileURL(join(ROOT, "pkg/node.js")).href);
  for (const provider of ["aliyun", "nwcd", "sinnet", "generic"]) {
    // A Beijing mobile for an entity filed in Shanghai: each provider decides how much it matters.
    const filing = structuredClone(valid.filing);
    filing.entity.province = "上海";
    filing.entity.person_in_charge.mobile = "13800138000";
    const report = await validateFiling(filing, { ...valid.options, provider });
    const at = (list) => list.filter((f) => f.path === "entity.person_in_charge.mobile").map((f) => f.code);
    const field = validateField("mobile", "13800138000", { province: "上海", provider });
    assert.deepEqual([at(report.errors), at(report.warnings)], [field.errors.map((f) => f.code), field.warnings.map((f) => f.code)], provider);
    // Not vacuous: Aliyun makes it an error, the others a warning.
    assert.deepEqual((provider === "aliyun" ? field.errors : field.warnings).map((f) => f.code), ["phone.province_mismatch"], provider);
  }
});

test("Arco and Naive UI adapters are exported with their types", () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, "pkg/package.json"), "utf8"));
  for (const name of ["arco", "naive-ui"]) assert.deepEqual(manifest.exports[`./adapters/${name}`], { types: `./adapters/${name}.d.ts`, default: `./adapters/${name}.js` });
});
