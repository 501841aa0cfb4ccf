// Demo wiring: load the wasm module, enhance the form. No inline script (the page runs
// under a strict Content-Security-Policy).
import init, { validateField, validateAttachment, attachmentHeaderLength, listFields, version } from "./pkg/icp_validate.js";
import { attach } from "./widget.js";

await init();
const form = document.getElementById("filing");
const known = new Set(listFields().map((f) => f.id));
// Fields this build does not know yet are left as plain inputs instead of erroring.
for (const input of form.querySelectorAll("[data-icp-field]")) {
  if (!known.has(input.dataset.icpField)) input.removeAttribute("data-icp-field");
}
const controller = attach(form, { validateField, validateAttachment, attachmentHeaderLength: attachmentHeaderLength() });
document.getElementById("engine").textContent = `icp-validate ${version()} · ${known.size} fields`;
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const ok = controller.validateAll();
  document.getElementById("summary").textContent = ok ? "全部通过 · All fields pass" : "";
});
document.documentElement.dataset.ready = "true";
