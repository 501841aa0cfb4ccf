import { useState } from "react";
import { createRoot } from "react-dom/client";
import { useForm } from "react-hook-form";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { icpFormSchema } from "icp-validate/adapters/standard-schema";

function App() {
  const [warnings, setWarnings] = useState({});
  const onWarning = (message, field) => setWarnings((w) => (w[field] === message ? w : { ...w, [field]: message }));
  const schema = icpFormSchema({
    uscc: { field: "uscc", required: true, onWarning, context: (values) => ({ province: values.province }) },
    resident_id: { field: "resident_id", required: true, normalize: (canonical) => setValue("resident_id", canonical, { shouldValidate: true }) },
    person_name: "person_name",
  });
  const { register, handleSubmit, setValue, formState: { errors } } = useForm({ mode: "onBlur", reValidateMode: "onChange", defaultValues: { province: "", uscc: "", resident_id: "", person_name: "" }, resolver: standardSchemaResolver(schema) });
  // handleSubmit gives the values in their canonical forms (upper-case X).
  const [status, setStatus] = useState("");
  return (
    <form onSubmit={handleSubmit(() => setStatus("submitted"), () => setStatus("blocked"))}>
      <label>省份 <input {...register("province")} data-f="province" /></label>
      <label>统一社会信用代码 <input {...register("uscc")} data-f="uscc" /></label>
      <p role="alert">{errors.uscc?.message}</p>
      {warnings.uscc && <p className="icp-warning" role="status">{warnings.uscc}</p>}
      <label>身份证号码 <input {...register("resident_id")} data-f="resident_id" /></label>
      <p role="alert">{errors.resident_id?.message}</p>
      <label>姓名 <input {...register("person_name")} data-f="person_name" /></label>
      <p role="alert">{errors.person_name?.message}</p>
      <button type="submit" data-f="submit">提交</button>
      <output id="status">{status}</output>
    </form>
  );
}

createRoot(document.getElementById("app")).render(<App />);
