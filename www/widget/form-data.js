// What the form says, read at validation time: the filing its data-icp-path controls describe
// and the context each data-icp-field control's rule is given.

const CONTEXT_PREFIX = "icpContext"; // dataset key prefix of data-icp-context-<key>

// data-icp-context-entity-type="#entity_type" -> { entity_type: <value of #entity_type> }
// The control's data-icp-context-<key> attributes: [datasetKey, selector] pairs.
export function contextSelectors(control) {
  return Object.entries(control.dataset).filter(([key]) => key.startsWith(CONTEXT_PREFIX) && key !== CONTEXT_PREFIX);
}

/** "icpContextEntityType" (data-icp-context-entity-type) -> "entity_type" */
export const contextName = (datasetKey) =>
  datasetKey
    .slice(CONTEXT_PREFIX.length)
    .replace(/^[A-Z]/, (c) => c.toLowerCase())
    .replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function contextFromDataset(control, form) {
  const context = {};
  const json = control.dataset.icpContext;
  if (json) {
    try {
      Object.assign(context, JSON.parse(json));
    } catch {
      // A broken attribute must not break validation; the author sees it in the console.
      console.warn("icp-validate: data-icp-context is not JSON", control);
    }
  }
  for (const [key, selector] of contextSelectors(control)) {
    const source = form.querySelector(selector);
    if (source && source.value !== "") context[contextName(key)] = source.value;
  }
  return context;
}

/** What a control's rule is given: the page's shared context (an object, or a function
 * computing it), then the control's own. */
export function controlContext(control, form, shared) {
  const c = typeof shared === "function" ? shared() : shared;
  return { ...(c && typeof c === "object" ? c : {}), ...contextFromDataset(control, form) };
}

// "services[0].domains[1]" -> ["services", 0, "domains", 1]
export function pathSegments(path) {
  const out = [];
  for (const part of path.split(".")) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return null;
    out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

export function setPath(target, segments, value) {
  let node = target;
  segments.forEach((key, i) => {
    if (i === segments.length - 1) {
      node[key] = value;
      return;
    }
    if (node[key] == null) node[key] = typeof segments[i + 1] === "number" ? [] : {};
    node = node[key];
  });
}

// Sparse arrays (a skipped empty row) become dense so the filing stays valid JSON.
export const densify = (node) => {
  if (Array.isArray(node)) return node.filter((v) => v !== undefined).map(densify);
  if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, densify(v)]));
  return node;
};

// The filing object the form describes: every enabled control with data-icp-path, outside
// hidden sections; checkboxes give booleans, data-icp-list splits lines into an array.
export function filingFromForm(form) {
  const filing = {};
  for (const control of form.querySelectorAll("[data-icp-path]")) {
    if (control.disabled || control.closest("[hidden]")) continue;
    const segments = pathSegments(control.dataset.icpPath);
    if (!segments) continue;
    let value = control.type === "checkbox" ? control.checked : control.value;
    if (control.hasAttribute("data-icp-list")) value = String(value).split(/[\n,，]+/).map((v) => v.trim()).filter(Boolean);
    else if (typeof value === "string" && value.trim() === "") continue;
    setPath(filing, segments, value);
  }
  return densify(filing);
}
