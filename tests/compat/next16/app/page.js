"use client";
// A client page, rendered on the server first (the package's Node entry there), then
// hydrated: the probe runs in the browser and asks the route handler for its answer.
import { useEffect } from "react";
import * as icp from "icp-validate";
import { runProbe } from "../icp-probe.js";

export default function Page() {
  useEffect(() => {
    runProbe(icp, { serverRoute: "/api/check" });
  }, []);
  return (
    <main>
      <h1 id="form-title">ICP 备案</h1>
      <form>
        <label>身份证号码 <input name="resident_id" /></label>
        <label>域名 <input name="domain" /></label>
      </form>
      <output id="icp-result" />
    </main>
  );
}
