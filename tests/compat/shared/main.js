// The page of the bundler apps (Vite, webpack, Rsbuild, esbuild): a form rendered at once,
// then the probe. No configuration for the package anywhere.
import * as icp from "icp-validate";
import { runProbe } from "./icp-probe.js";

const root = document.getElementById("app") || document.getElementById("root") || document.body.appendChild(document.createElement("div"));
root.innerHTML = '<h1 id="form-title">ICP 备案</h1><form><label>身份证号码 <input name="resident_id"></label><label>域名 <input name="domain"></label></form><output id="icp-result"></output>';
runProbe(icp);
