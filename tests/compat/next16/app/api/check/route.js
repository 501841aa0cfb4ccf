// The server-side re-check: a route handler calling validateField and validateFiling.
import * as icp from "icp-validate";
import { serverCheck } from "../../../icp-probe.js";

export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(await serverCheck(icp));
}
