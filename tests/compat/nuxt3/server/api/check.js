// The server-side re-check: a server/api route calling validateField and validateFiling.
import { SAMPLE } from "../icp-probe.js";
import { validateField, validateFiling } from "icp-validate";

export default defineEventHandler(async () => {
  const field = validateField("resident_id", "110105194912310021");
  const report = await validateFiling(SAMPLE.filing, SAMPLE.options);
  return { field: field.errors.map((e) => e.code), filing: report.errors.map((e) => e.code), valid: report.valid };
});
