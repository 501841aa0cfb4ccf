import { useState } from "react";
import { createRoot } from "react-dom/client";
import { Button, Form, Input } from "@arco-design/web-react";
import { icpRules } from "icp-validate/adapters/arco";

function App() {
  const [form] = Form.useForm();
  const [status, setStatus] = useState("");
  return (
    <Form form={form} onSubmit={() => setStatus("submitted")} onSubmitFailed={() => setStatus("blocked")}>
      <Form.Item field="province" label="省份"><Input data-f="province" /></Form.Item>
      <Form.Item field="uscc" label="统一社会信用代码" validateTrigger="onBlur"
        rules={icpRules("uscc", { required: true, context: () => ({ province: form.getFieldValue("province") }) })}>
        <Input data-f="uscc" />
      </Form.Item>
      <Form.Item field="resident_id" label="身份证号码" validateTrigger="onBlur" rules={icpRules("resident_id", { required: true, normalize: (canonical) => form.setFieldValue("resident_id", canonical) })}><Input data-f="resident_id" /></Form.Item>
      <Form.Item field="person_name" label="姓名" rules={icpRules("person_name")}><Input data-f="person_name" /></Form.Item>
      <Button htmlType="submit" data-f="submit">提交</Button>
      <output id="status">{status}</output>
    </Form>
  );
}

createRoot(document.getElementById("app")).render(<App />);
