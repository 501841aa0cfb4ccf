import { useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { createForm } from "@formily/core";
import { Field, FormProvider } from "@formily/react";
import { FormItem, Input } from "@formily/antd-v5";
import { icpValidator } from "icp-validate/adapters/formily";

function App() {
  const form = useMemo(() => createForm(), []);
  const [status, setStatus] = useState("");
  const submit = () => form.submit(() => setStatus("submitted")).catch(() => setStatus("blocked"));
  return (
    <FormProvider form={form}>
      <Field name="province" title="省份" decorator={[FormItem]} component={[Input, { "data-f": "province" }]} />
      <Field name="uscc" title="统一社会信用代码" decorator={[FormItem]} component={[Input, { "data-f": "uscc" }]} validateFirst
        validator={{ triggerType: "onBlur", validator: icpValidator("uscc", { required: true, context: (values) => ({ province: values.province }) }) }} />
      <Field name="resident_id" title="身份证号码" decorator={[FormItem]} component={[Input, { "data-f": "resident_id" }]}
        validator={{ triggerType: "onBlur", validator: icpValidator("resident_id", { required: true, normalize: (canonical) => form.setValuesIn("resident_id", canonical) }) }} />
      <Field name="person_name" title="姓名" decorator={[FormItem]} component={[Input, { "data-f": "person_name" }]} validator={icpValidator("person_name")} />
      <button type="button" data-f="submit" onClick={submit}>提交</button>
      <output id="status">{status}</output>
    </FormProvider>
  );
}

createRoot(document.getElementById("app")).render(<App />);
