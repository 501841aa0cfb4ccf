// What the widget's modules share: which controls it handles, the ids it gives, and the
// elements a control's aria-describedby names.

export const FIELD_SELECTOR = "[data-icp-field]";
export const ATTACHMENT_SELECTOR = "input[type=file][data-icp-attachment]";
// data-icp-app-file="services[0].platforms[0]": the platform whose controls the file fills.
export const APP_FILE_SELECTOR = "input[type=file][data-icp-app-file]";
export const PATH_SELECTOR = "[data-icp-path]";

let nextId = 0;

export function uniqueId(prefix) {
  nextId += 1;
  return `${prefix}-${Date.now().toString(36)}-${nextId}`;
}

export function describedByIds(control) {
  return (control.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
}

/** The elements (or null for an id not in the document) the control's aria-describedby names. */
export const describedBy = (control) => describedByIds(control).map((id) => document.getElementById(id));
