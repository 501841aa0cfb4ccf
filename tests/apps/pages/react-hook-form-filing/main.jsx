import { useState } from "react";
import { createRoot } from "react-dom/client";
// A filing whose two people in charge share one mobile and one e-mail (a test sample).
import sample from "../../../filings/mobile_and_email_shared.json";
import { useForm } from "react-hook-form";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { filingSchema } from "icp-validate/adapters/standard-schema";

// The paths the form has inputs for: an error elsewhere is the form's own (errors.root).
const inputs = ["entity.person_in_charge.mobile", "entity.person_in_charge.email", "services[0].person_in_charge.email"];
const resolver = standardSchemaResolver(filingSchema({ provider: "nwcd", inputs }));
// useForm({ defaultValues: filing, resolver }): formState.errors.services?.[0]?.person_in_charge?.email?.message at its input, formState.errors.root?.message above the form

function App() {
  const [status, setStatus] = useState("");
  const { register, handleSubmit, formState: { errors } } = useForm({ defaultValues: sample.filing, resolver });
  return (
    <form onSubmit={handleSubmit(() => setStatus("submitted"), () => setStatus("blocked"))}>
      {errors.root && <p className="form-error" role="alert">{errors.root.message}</p>}
      <label>主体负责人手机 <input {...register("entity.person_in_charge.mobile")} data-f="entity_mobile" /></label>
      <label>主体负责人邮箱 <input {...register("entity.person_in_charge.email")} data-f="entity_email" /></label>
      <label>网站负责人邮箱 <input {...register("services.0.person_in_charge.email")} data-f="service_email" /></label>
      <p className="field-error" role="alert">{errors.services?.[0]?.person_in_charge?.email?.message}</p>
      <button type="submit" data-f="submit">提交</button>
      <output id="status">{status}</output>
    </form>
  );
}

createRoot(document.getElementById("app")).render(<App />);
