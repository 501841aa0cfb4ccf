// The server-side re-check: a route handler calling validateField and validateFiling.
import { validateField, validateFiling } from "icp-validate";
import { SAMPLE } from "../../../icp-probe.js";

export const dynamic = "force-dynamic";

export async function GET() {
  const field = validateField("resident_id", "110105194912310021");
  const report = await validateFiling(SAMPLE.filing, SAMPLE.options);
  return Response.json({ field: field.errors.map((e) => e.code), filing: report.errors.map((e) => e.code), valid: report.valid });
}
