// Each adapter's rules typed as the library's own rule type, against the real packages'
// declarations: `tsc --strict` fails when an adapter's return type stops fitting.
import type { FormItemRule as ElementPlusRule, FormRules as ElementPlusRules } from "element-plus";
import type { FormRule as AntdRule } from "antd";
import type { FormRule as TdesignRule, FormRules as TdesignRules } from "tdesign-vue-next";
import type { RulesProps as ArcoRule } from "@arco-design/web-react";
import type { FormItemRule as NaiveRule, FormRules as NaiveRules } from "naive-ui";
import type { FieldValidator as FormilyValidator } from "@formily/core";
import { registerValidateRules } from "@formily/core";
import { defineRule, useField } from "vee-validate";
import { useForm } from "react-hook-form";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";

import { icpRule, icpRules } from "icp-validate/adapters/async-validator";
import { icpRule as tdesignRule } from "icp-validate/adapters/tdesign";
import { icpRules as arcoRules } from "icp-validate/adapters/arco";
import { icpRules as naiveRules } from "icp-validate/adapters/naive-ui";
import { icpValidateRules, icpValidator as formilyValidator } from "icp-validate/adapters/formily";
import { defineIcpRules, icpValidator as veeValidator } from "icp-validate/adapters/vee-validate";
import { filingSchema, icpFormSchema, icpSchema } from "icp-validate/adapters/standard-schema";

const form = { province: "" };

export const elementPlus: ElementPlusRules = {
  resident_id: [icpRule("resident_id", { required: true, trigger: "blur" })],
  uscc: [icpRule("uscc", { trigger: ["blur", "change"], context: () => ({ province: form.province }) })],
};
export const elementPlusOne: ElementPlusRule = icpRule("mobile");

export const antd: AntdRule[] = icpRules("uscc", { required: true, context: () => ({ province: form.province }) });

export const tdesign: TdesignRules<{ uscc: string }> = { uscc: [{ required: true }, tdesignRule("uscc", { trigger: "blur", context: (data) => ({ province: data?.province as string }) })] };
export const tdesignOne: TdesignRule = tdesignRule("mobile", { trigger: "change" });

export const arco: ArcoRule[] = arcoRules("uscc", { trigger: "onBlur", context: () => ({ province: form.province }) });

export const naive: NaiveRules = { uscc: naiveRules("uscc", { trigger: ["input", "blur"], context: () => ({ province: form.province }) }) };
export const naiveOne: NaiveRule[] = naiveRules("mobile");

export const formily: FormilyValidator = formilyValidator("uscc", { context: (values) => ({ province: values?.province as string }) });
registerValidateRules(icpValidateRules(["resident_id", "uscc"]));

defineIcpRules(defineRule, ["resident_id", "uscc"]);
export function veeField() {
  return useField<string>("mobile", veeValidator("mobile", { context: (values) => ({ province: values?.province as string }) }));
}

type Person = { province: string; uscc: string; resident_id: string };
export function rhf() {
  return useForm<Person>({ resolver: standardSchemaResolver(icpFormSchema<Person>({ uscc: { field: "uscc", context: (values) => ({ province: values?.province }) }, resident_id: "resident_id" })) });
}
export const oneField = icpSchema("resident_id", { normalize: (canonical) => canonical.toUpperCase(), onWarning: (message) => message?.length });
export const filing = filingSchema({ provider: "aliyun", inputs: ["entity.name"], onReport: (report) => report.warnings.length });
