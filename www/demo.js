// Demo wiring: load the wasm module, enhance the form. No inline script (the page runs
// under a strict Content-Security-Policy).
import { attach } from "./widget.js";

const form = document.getElementById("filing");
// www/pkg/ is built by tools/build-pkg.sh (git-ignored): without it, say so instead of
// showing a form that validates nothing.
let glue, wasmBytes;
try {
  glue = await import("./pkg/icp_validate.js");
  wasmBytes = (await import("./pkg/icp_validate_bg.wasm.js")).default;
} catch (e) {
  document.getElementById("not_built").hidden = false;
  form.inert = true;
  document.documentElement.dataset.ready = "not-built";
  throw e;
}
const { default: init, validateField, validateAttachment, validateFiling, loadIdn, attachmentHeaderLength, listFields, version } = glue;
// The bytes come from a module import: the page's CSP has connect-src 'none'. The filing
// module's bytes too, imported on the first whole-filing check.
await init({
  module_or_path: wasmBytes,
  filing: () => import("./pkg/icp_validate_filing_bg.wasm.js").then((m) => m.default),
  idn: () => import("./pkg/icp_validate_idn_bg.wasm.js").then((m) => m.default),
});
const known = new Set(listFields().map((f) => f.id));
// Fields this build does not know are left as plain inputs instead of erroring.
for (const input of form.querySelectorAll("[data-icp-field]")) {
  if (!known.has(input.dataset.icpField)) input.removeAttribute("data-icp-field");
}

const serviceType = document.getElementById("service_type");
const samePerson = document.getElementById("same_person");
function showSections() {
  for (const section of form.querySelectorAll("[data-service]")) section.hidden = section.dataset.service !== serviceType.value;
  document.getElementById("service_person").hidden = samePerson.checked;
}
serviceType.addEventListener("change", showSections);
samePerson.addEventListener("change", showSections);
showSections();

const controller = attach(form, {
  validateField,
  loadIdn,
  validateAttachment,
  validateFiling,
  attachmentHeaderLength: attachmentHeaderLength(),
  // The app-file part, on the first APP file chosen; its wasm bytes as a module too (CSP).
  async appFile() {
    const [part, bytes] = await Promise.all([import("./pkg/app-file.js"), import("./pkg/icp_validate_app_file_bg.wasm.js")]);
    await part.initAppFile(bytes.default);
    return part;
  },
  // The last APP file's reading (what was sliced from it), for the console and the tests.
  onAppFile(control, result) {
    window.icpDemoAppFile = result;
  },
  // The checkbox stands for "copy the entity's person in charge into the service".
  adjustFiling(filing) {
    if (samePerson.checked && filing.entity && filing.entity.person_in_charge && filing.services && filing.services[0]) {
      filing.services[0].person_in_charge = { ...filing.entity.person_in_charge };
    }
    return filing;
  },
});
// Rows added and removed at will: the widget validates a new row's controls with no
// re-attach, and a removed row takes its messages with it. Paths are renumbered so the
// filing's lists stay in order.
let rowId = 0;
function rowList(container, button, first, make) {
  const renumber = () =>
    container.querySelectorAll(":scope > .row").forEach((row, i) => {
      for (const el of row.querySelectorAll("[data-path-template]")) el.dataset.icpPath = el.dataset.pathTemplate.replace("{i}", first + i);
      for (const el of row.querySelectorAll("[data-app-file-template]")) el.dataset.icpAppFile = el.dataset.appFileTemplate.replace("{i}", first + i);
      for (const el of row.querySelectorAll("[data-number]")) el.textContent = String(first + i + 1);
      // "删除" alone does not say which row a screen reader user would remove.
      row.querySelector(".remove-row").setAttribute("aria-label", `删除${row.querySelector("label").textContent}`);
    });
  button.addEventListener("click", () => {
    rowId += 1;
    const row = document.createElement("div");
    row.className = "row";
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "remove-row";
    remove.textContent = "删除";
    remove.addEventListener("click", () => {
      row.remove();
      renumber();
    });
    row.append(...make(rowId), remove);
    container.append(row);
    renumber();
    row.querySelector("input:not([type=hidden])").focus();
  });
}
function labelled(id, text, input) {
  const label = document.createElement("label");
  label.htmlFor = id;
  const number = document.createElement("span");
  number.dataset.number = "";
  label.append(text[0], number, text[1]);
  input.id = id;
  return [label, input];
}
function input(attributes, tag = "input") {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  return el;
}
rowList(document.getElementById("extra_domains"), document.getElementById("add_domain"), 1, (id) =>
  labelled(`extra_domain_${id}`, ["域名 ", "（可选）"], input({ "data-icp-field": "domain", "data-path-template": "services[0].domains[{i}]" })),
);
rowList(document.getElementById("extra_platforms"), document.getElementById("add_platform"), 2, (id) => [
  input({ type: "hidden", value: "harmony", "data-path-template": "services[0].platforms[{i}].platform" }),
  ...labelled(`harmony_bundle_${id}`, ["鸿蒙应用包名（平台 ", "）"], input({ placeholder: "com.example.app", "data-icp-field": "harmony_bundle_name", "data-path-template": "services[0].platforms[{i}].package" })),
  // A signed HAP or APP (or the release .cer) fills the bundle name, MD5 and public key.
  ...labelled(`harmony_file_${id}`, ["从 HAP / APP 读取（平台 ", "，可选）"], input({ type: "file", accept: ".hap,.app,.cer,.crt,.pem", "data-app-file-template": "services[0].platforms[{i}]" })),
  ...labelled(`harmony_md5_${id}`, ["鸿蒙签名 MD5（平台 ", "）"], input({ placeholder: "AB:CD:…", "data-icp-field": "md5", "data-path-template": "services[0].platforms[{i}].md5" })),
  ...labelled(`harmony_key_${id}`, ["鸿蒙公钥（平台 ", "）"], input({ rows: "3", "data-icp-field": "public_key", "data-path-template": "services[0].platforms[{i}].public_key" }, "textarea")),
]);

document.getElementById("engine").textContent = `icp-validate ${version()} · ${known.size} fields`;
form.addEventListener("submit", (event) => {
  // The widget's own submit listener (added first, by attach) has just validated the form and
  // cancelled the submit if anything is invalid.
  const ok = !event.defaultPrevented;
  event.preventDefault();
  document.getElementById("summary").textContent = ok ? "全部通过 · All checks pass" : "";
});
// The controller, for trying it from the browser console (the end-to-end tests read it too).
window.icpDemo = controller;
document.documentElement.dataset.ready = "true";
