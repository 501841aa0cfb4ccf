import { useState } from "react";
import { createRoot } from "react-dom/client";
import { Button, Form, Input } from "antd";
import { icpRules } from "icp-validate/adapters/async-validator";

function App() {
  const [form] = Form.useForm();
  const [status, setStatus] = useState("");
  return (
    <Form form={form} onFinish={() => setStatus("submitted")} onFinishFailed={() => setStatus("blocked")}>
      <Form.Item name="province" label="省份"><Input data-f="province" /></Form.Item>
      <Form.Item name="uscc" label="统一社会信用代码" validateTrigger="onBlur" dependencies={["province"]}
        rules={icpRules("uscc", { required: true, context: () => ({ province: form.getFieldValue("province") }) })}>
        <Input data-f="uscc" />
      </Form.Item>
      <Form.Item name="resident_id" label="身份证号码" validateTrigger="onBlur" rules={icpRules("resident_id", { required: true, normalize: (canonical) => form.setFieldValue("resident_id", canonical) })}><Input data-f="resident_id" /></Form.Item>
      <Form.Item name="person_name" label="姓名" rules={icpRules("person_name")}><Input data-f="person_name" /></Form.Item>
      <Form.Item name="domain" label="域名" validateTrigger="onBlur" rules={icpRules("domain", { normalize: (canonical) => form.setFieldValue("domain", canonical) })}><Input data-f="domain" /></Form.Item>
      <Button htmlType="submit" data-f="submit">提交</Button>
      <output id="status">{status}</output>
    </Form>
  );
}

createRoot(document.getElementById("app")).render(<App />);
