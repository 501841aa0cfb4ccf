// A TypeScript user of the package's declarations (pkg-templates/index.d.ts and the types.d.ts
// generated from the Rust types). Type-checked only, never run: tests/js/types.test.mjs.
import { isValid, listFields, loadFiling, validateAttachment, validateField, validateFiling, validateFilingSync } from "../../../pkg-templates/index.js";
import type { AttachmentResult, Context, DocumentItem, FieldResult, Filing, FilingReport, Format, PathIssue, Value } from "../../../pkg-templates/index.js";

// The shape of examples/filings/website.json.
const person = {
  name: "张三",
  certificate_type: "居民身份证",
  certificate_number: "11010519491231002X",
  certificate_validity: "2016-08-01~长期",
  mobile: "13000100000",
  emergency_phone: "010-82998299",
  email: "zhangsan@yunfan.com.cn",
};
const filing: Filing = {
  kind: "new_filing",
  provider: "nwcd",
  entity: {
    type: "enterprise",
    name: "北京云帆科技有限公司",
    certificate_type: "营业执照",
    certificate_number: "91110108MA01ABCD5T",
    province: "北京",
    city: "北京市",
    address: "北京市海淀区中关村大街1号",
    person_in_charge: person,
  },
  services: [
    {
      categories: ["企业官网"],
      domains: ["yunfan.com.cn"],
      languages: ["中文简体"],
      name: "云帆科技官网",
      person_in_charge: person,
      type: "website",
    },
  ],
  access: { account_company_name: "北京云帆科技有限公司", account_id: "123456789012", ips: ["52.80.1.10"] },
};

const pending: Promise<FilingReport> = validateFiling(filing, { provider: "nwcd", locale: "en", today: "2026-11-23" });
const filingLoaded: Promise<void> = loadFiling();
const report: FilingReport = validateFilingSync(filing, { provider: "nwcd", locale: "en", today: "2026-11-23" });
const first: PathIssue = report.errors[0];
const path: string = first.path;
const field: string | undefined = first.field;
const severity: "error" | "warning" = first.severity;
const route: "electronic" | "manual" | undefined = report.verification?.route;
const documents: DocumentItem[] = report.documents;
const provided: boolean | undefined = documents[0].provided;
const count: number = report.summary.documents_required;
const normalizedByPath: Record<string, string> = report.normalized;

// @ts-expect-error a misspelt key of the filing
const misspelt: Filing = { entiy: {} };
// @ts-expect-error a misspelt key deeper down
const deeper: Filing = { entity: { person_in_charge: { mobil: "13000100000" } } };
// @ts-expect-error not a kind of application
const renewal: Filing = { kind: "renewal" };
// @ts-expect-error a path is text
const pathNumber: number = report.errors[0].path;
// @ts-expect-error the report has no `messages`
report.messages;
// @ts-expect-error verification is absent when no route applies
const sure: string = report.verification.route;
// @ts-expect-error an omitted key is absent, never null
const fieldNull: PathIssue["field"] = null;

const context: Context = { today: "2026-11-23", province: "北京", type: "居民身份证", someOtherFormKey: 1 };
const result: FieldResult = validateField("certificate", "11010519491231002X", context, "en");
const normalized: string | null = result.normalized;
// @ts-expect-error normalized is null when the value is invalid
const surely: string = result.normalized;
const params: Record<string, Value> = result.errors[0].params;
const values: Value[] = [true, 11, "nwcd", ["a", 1]];
// @ts-expect-error a province in the context is text
const numeric: Context = { province: 11 };

const attachment: AttachmentResult = validateAttachment("app_icon", new Uint8Array(16), 16);
const format: Format = attachment.format;
const width: number | null = attachment.width;
// @ts-expect-error formats are the detected ones
const gif: Format = "giff";
const labels: string[] = listFields("en").map((f) => f.label);

// The widget's declarations (pkg-templates/widget.d.ts) resolve under both resolutions.
import { attach, filingFromForm } from "../../../pkg-templates/widget.js";
import type { AttachOptions, WidgetController } from "../../../pkg-templates/widget.js";
declare const form: HTMLFormElement;
const options: AttachOptions = { validateField, validateFiling, locale: "en" };
const syncOptions: AttachOptions = { validateField, validateFiling: validateFilingSync };
const controller: WidgetController = attach(form, options);
const described: Filing = filingFromForm(form);
// @ts-expect-error validateField is required
attach(form, { validateFiling });
// @ts-expect-error the field validator returns a FieldResult
attach(form, { validateField: () => true });
const ok: boolean = isValid("resident_id", "11010519491231002X", context);

// The entries' own declarations: "icp-validate/web" has init(), the others none.
import init, { initSync, loadLocale } from "../../../pkg-templates/web.js";
const started: Promise<void> = init({ locale: "en" });
const loaded: Promise<void> = loadLocale("en");
initSync(new Uint8Array(8));
import * as ready from "../../../pkg-templates/index.js";
// @ts-expect-error "icp-validate" (Node, bundlers) is ready on import: it has no init()
ready.initSync;

// The form-library adapters.
import { icpRule, icpRules } from "../../../pkg-templates/adapters/async-validator.js";
import { filingSchema, icpSchema, pathKeys } from "../../../pkg-templates/adapters/standard-schema.js";
import { icpRule as tdesignRule } from "../../../pkg-templates/adapters/tdesign.js";
import type { StandardSchemaV1 } from "@standard-schema/spec";

const mobileRule = icpRule("mobile", { trigger: ["blur", "change"], required: true, context: (source) => ({ province: String(source?.province ?? "") }) });
const checked: Promise<void> = mobileRule.asyncValidator({}, "13800138000", undefined, { province: "北京" });
const [errorRule, warningRule] = icpRules("uscc", { context: { province: "上海" }, locale: "en" });
const warningOnly: true = warningRule.warningOnly;
const marked: boolean = errorRule.required;
// The schemas are Standard Schema v1 as the spec's own types define it.
const fieldSchema: StandardSchemaV1<string, string> = icpSchema("resident_id", { context: () => ({ today: "2026-11-23" }) });
const wholeFiling: StandardSchemaV1<Filing, Filing> = filingSchema({ locale: "en", today: "2026-11-23" });
const keys: (string | number)[] = pathKeys("services[0].domains[1]");
const answer = tdesignRule("resident_id", { trigger: "blur" }).validator("11010519491231002X");
const kind: Promise<"error" | "warning" | "success"> = Promise.resolve(answer).then((a) => a.type);
tdesignRule("mobile", { context: (formData) => ({ province: String(formData?.province ?? "") }) }).validator("13800138000", { formData: { province: "北京" }, name: "mobile" });
// @ts-expect-error a context function gives a context object, not a string
tdesignRule("mobile", { context: (formData) => String(formData?.province) });
import { icpRefine, icpRefineObject } from "../../../pkg-templates/adapters/zod.js";
import { icpCheck, icpCheckObject } from "../../../pkg-templates/adapters/valibot.js";
const refine: (value: unknown, ctx: { addIssue(issue: { code: "custom"; message: string; path?: PropertyKey[] }): void }) => void = icpRefine("resident_id", { required: true });
icpRefineObject<{ province: string; mobile: string }>({ mobile: { field: "mobile", context: (data) => ({ province: data?.province ?? "" }) } });
icpCheck("resident_id")({ dataset: { typed: true, value: "11010519491231002X" }, addIssue: () => {} });
icpCheckObject<{ province: string; mobile: string }>({ mobile: "mobile" });
// @ts-expect-error a key the object does not have
icpCheckObject<{ province: string; mobile: string }>({ phone: "mobile" });
import { defineIcpRules, icpValidator } from "../../../pkg-templates/adapters/vee-validate.js";
const veeAnswer: true | string | Promise<true | string> = icpValidator("resident_id", { context: (form) => ({ province: String(form?.province ?? "") }) })("11010519491231002X", undefined, { form: { province: "北京" } });
defineIcpRules((name: string, validator: (value: unknown) => unknown) => void [name, validator], ["resident_id", "mobile"]);
import { icpValidateRules, icpValidator as formilyValidator } from "../../../pkg-templates/adapters/formily.js";
const formilyAnswer = Promise.resolve(formilyValidator("resident_id")("11010519491231002X", undefined, { form: { values: {} } }));
const formilyKind: Promise<"error" | "warning" | undefined> = formilyAnswer.then((a) => (a === "" ? undefined : a.type));
const pack: Record<string, unknown> = icpValidateRules(["resident_id"], { locale: "en" });

// "icp-validate/app-file": the APP-file reader, loaded on first use.
import { initAppFile, readAppFile } from "../../../pkg-templates/app-file.js";
import type { AppFileResult } from "../../../pkg-templates/app-file.js";
declare const chosen: File;
const appInfo: Promise<AppFileResult> = readAppFile(chosen, { today: "2026-11-23", locale: "en", platform: "android", path: "services[0].platforms[0]", typed: { md5: "AB:CD", package: null } });
appInfo.then((r) => {
  const md5: string | null = r.md5;
  const colon: string | undefined = r.certificates[0]?.md5;
  const where: string[] = r.cross_check.map((i) => i.path);
  const read: number = r.fetched.bytes + r.bytes_read;
});
readAppFile(new Uint8Array(8));
initAppFile(() => Promise.resolve(new Uint8Array(8)));
// @ts-expect-error a path is not a file: readAppFile reads a File, a Blob or bytes
readAppFile("app.apk");

// The browser entry's loading: wait for `ready`, or catch the typed not-ready errors.
import { ready as fieldModuleReady, loadStatus } from "../../../pkg-templates/index.js";
import type { IcpLoadError, ModuleState } from "../../../pkg-templates/index.js";
async function checkWhenReady(value: string): Promise<boolean> {
  try {
    return isValid("resident_id", value);
  } catch (e) {
    const error = e as IcpLoadError;
    if (error.code === "ICP_NOT_READY" || error.code === "ICP_IDN_NOT_LOADED") {
      await (error.ready ?? fieldModuleReady);
      return isValid("resident_id", value);
    }
    throw e;
  }
}
const idnState: ModuleState = loadStatus().idn;
checkWhenReady("11010519491231002X").then((ok) => ok && idnState);
// @ts-expect-error a state the package never reports
const notAState: ModuleState = "ready";
