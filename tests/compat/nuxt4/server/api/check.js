// The server-side re-check: a server/api route calling validateField and validateFiling.
import * as icp from "icp-validate";
import { serverCheck } from "../icp-probe.js";

export default defineEventHandler(() => serverCheck(icp));
