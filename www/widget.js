// icp-validate form widget: progressive enhancement of an existing form.
// Plain ES module, no framework, no network calls. Messages are written with textContent only.

const FIELD_SELECTOR = "[data-icp-field]";
const ATTACHMENT_SELECTOR = "input[type=file][data-icp-attachment]";
// data-icp-app-file="services[0].platforms[0]": the platform whose controls the file fills.
const APP_FILE_SELECTOR = "input[type=file][data-icp-app-file]";
// The platform's controls an APP file fills, by the last step of their data-icp-path.
const APP_FILE_VALUES = ["package", "md5", "public_key"];
const DEFAULT_HEADER_LENGTH = 256 * 1024;
const CONTEXT_PREFIX = "icpContext"; // dataset key prefix of data-icp-context-<key>
let nextId = 0;

function uniqueId(prefix) {
  nextId += 1;
  return `${prefix}-${Date.now().toString(36)}-${nextId}`;
}

function documentLocale() {
  const lang = (typeof document !== "undefined" && document.documentElement.lang) || "";
  return lang.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

// data-icp-context-entity-type="#entity_type" -> { entity_type: <value of #entity_type> }
// The control's data-icp-context-<key> attributes: [datasetKey, selector] pairs.
function contextSelectors(control) {
  return Object.entries(control.dataset).filter(([key]) => key.startsWith(CONTEXT_PREFIX) && key !== CONTEXT_PREFIX);
}

function contextFromDataset(control, form) {
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
    const name = key
      .slice(CONTEXT_PREFIX.length)
      .replace(/^[A-Z]/, (c) => c.toLowerCase())
      .replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const source = form.querySelector(selector);
    if (source && source.value !== "") context[name] = source.value;
  }
  return context;
}

// "services[0].domains[1]" -> ["services", 0, "domains", 1]
function pathSegments(path) {
  const out = [];
  for (const part of path.split(".")) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return null;
    out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

function setPath(target, segments, value) {
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
  // Sparse arrays (a skipped empty row) become dense so the filing stays valid JSON.
  const densify = (node) => {
    if (Array.isArray(node)) return node.filter((v) => v !== undefined).map(densify);
    if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, densify(v)]));
    return node;
  };
  return densify(filing);
}

function describedByIds(control) {
  return (control.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
}

export function attach(form, options = {}) {
  if (!form || typeof options.validateField !== "function") {
    throw new TypeError("attach(form, { validateField }) needs a form and the validateField function");
  }
  const locale = options.locale || documentLocale();
  // The app-file part of the package, imported on the first APP file chosen.
  const loadAppFile = typeof options.appFile === "function" ? options.appFile : () => import("./app-file.js");
  let appFilePart = null;
  const normalizeOnBlur = options.normalizeOnBlur !== false;
  const added = [];
  const listeners = [];
  const touched = new WeakSet();
  const lastMessage = new WeakMap();
  const lastResult = new WeakMap();
  let filingTimer = null;
  let lastReport = null;
  // After the first submit, "required" findings stay shown until fixed, not only at submit.
  let submitted = false;

  let live = form.querySelector("[data-icp-live]");
  if (!live) {
    live = document.createElement("div");
    live.setAttribute("data-icp-live", "");
    live.className = "icp-live";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    // Visually hidden but read by screen readers.
    live.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap";
    form.appendChild(live);
    added.push(live);
  }

  let pendingAnnouncement = null;
  function announce(text) {
    // Clearing first makes repeated identical messages announce again; a newer message (or
    // none) cancels the one still waiting, so the live region never reads an outdated one.
    clearTimeout(pendingAnnouncement);
    live.textContent = "";
    if (text) pendingAnnouncement = setTimeout(() => (live.textContent = text), 50);
  }

  // The control's message element of one kind ("message" or "cross"), created after `anchor`
  // and linked through aria-describedby on first use.
  function describedElement(control, kind, anchor) {
    const existing = describedByIds(control)
      .map((id) => document.getElementById(id))
      .find((el) => el && el.hasAttribute(`data-icp-${kind}`));
    if (existing) return existing;
    const el = document.createElement("p");
    el.id = uniqueId(`icp-${kind === "message" ? "msg" : kind}`);
    el.className = kind === "message" ? "icp-message" : `icp-message icp-${kind}`;
    el.setAttribute(`data-icp-${kind}`, "");
    el.hidden = true;
    anchor.insertAdjacentElement("afterend", el);
    control.setAttribute("aria-describedby", [...describedByIds(control), el.id].join(" "));
    added.push(el);
    return el;
  }

  // The error summary (the GOV.UK design system's pattern): after a blocked submit, a heading
  // with the count and one link per problem to its control, at the top of the form; it follows
  // the form as problems are fixed and goes when none is left. Built from what the controls
  // show (aria-invalid and their messages), so fields and cross-field findings both count.
  let summary = null;
  function refreshSummary({ focus = false } = {}) {
    if (!summary && !focus) return 0;
    const problems = [];
    for (const control of form.querySelectorAll('[aria-invalid="true"]')) {
      const texts = describedByIds(control).map((id) => document.getElementById(id)).filter((el) => el && !el.hidden && el.textContent);
      if (!texts.length) continue;
      // The link names its field: "请填写此项" eleven times says nothing on its own.
      const label = control.getAttribute("aria-label") || (control.labels && control.labels[0] ? control.labels[0].textContent.trim().replace(/\s+/g, " ") : "");
      const message = texts[0].textContent;
      problems.push([control, label ? (locale === "en" ? `${label}: ${message}` : `${label}：${message}`) : message]);
    }
    if (!summary) {
      summary = document.createElement("div");
      summary.className = "icp-summary";
      summary.setAttribute("data-icp-summary", "");
      summary.tabIndex = -1;
      const heading = document.createElement("h2");
      heading.id = uniqueId("icp-summary-title");
      summary.setAttribute("aria-labelledby", heading.id);
      summary.append(heading, document.createElement("ul"));
      form.prepend(summary);
      added.push(summary);
    }
    const [heading, list] = summary.children;
    heading.textContent = locale === "en" ? `${problems.length} item(s) need attention` : `有 ${problems.length} 项需要修改`;
    list.replaceChildren(
      ...problems.map(([control, text]) => {
        if (!control.id) control.id = uniqueId("icp-control");
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = `#${control.id}`;
        a.textContent = text;
        a.addEventListener("click", (event) => {
          event.preventDefault();
          control.focus();
        });
        li.append(a);
        return li;
      }),
    );
    summary.hidden = problems.length === 0;
    if (focus && problems.length) summary.focus();
    return problems.length;
  }

  const messageElement = (control) => describedElement(control, "message", control);
  // Cross-field findings get their own element, so a field's own message is never overwritten.
  const crossElement = (control) => describedElement(control, "cross", messageElement(control));

  // The whole filing, checked after the fields: cross-field findings (codes from the filing
  // rules, at their paths) on touched controls, plus the documents checklist and route.
  function scheduleFiling() {
    if (typeof options.validateFiling !== "function") return;
    clearTimeout(filingTimer);
    filingTimer = setTimeout(() => {
      const report = runFiling();
      if (report && typeof report.catch === "function") report.catch((e) => console.warn("icp-validate: the filing check failed", e));
    }, 0);
  }

  // The filing the form describes, after the page's adjustFiling hook.
  function currentFiling() {
    const filing = filingFromForm(form);
    return (typeof options.adjustFiling === "function" && options.adjustFiling(filing)) || filing;
  }

  // validateFiling may answer at once or with a promise (the package's loads the filing
  // module on its first call); only the answer to the latest check is shown.
  let filingRun = 0;
  function runFiling({ submit = false } = {}) {
    if (submit) submitted = true;
    const run = ++filingRun;
    const report = options.validateFiling(currentFiling(), { ...(options.filingOptions || {}), locale });
    // The caller gets its own report even when a newer check has started (a submit must not
    // be judged by an older one).
    if (report && typeof report.then === "function") return report.then((r) => (run === filingRun ? showReport(r, submit) : r));
    return showReport(report, submit);
  }

  function showReport(report, submit) {
    lastReport = report;
    const byPath = new Map();
    for (const issue of [...report.errors, ...report.warnings]) {
      // Field-rule findings are shown by the field itself; "required" waits for a submit.
      if (issue.field || (issue.code === "filing.required" && !submit && !submitted)) continue;
      if (!byPath.has(issue.path)) byPath.set(issue.path, issue);
    }
    for (const control of form.querySelectorAll("[data-icp-path]")) {
      const issue = byPath.get(control.dataset.icpPath);
      const shown = issue && touched.has(control) ? issue : null;
      const el = crossElement(control);
      const text = shown ? shown.message : "";
      if (text !== el.textContent) {
        el.textContent = text;
        el.hidden = text === "";
        el.className = `icp-message icp-cross ${shown && shown.severity === "error" ? "icp-error" : "icp-warning"}`;
        if (text) announce(text);
      }
      const fieldInvalid = lastResult.get(control) && !lastResult.get(control).valid;
      if (shown && shown.severity === "error") control.setAttribute("aria-invalid", "true");
      else if (!fieldInvalid) control.removeAttribute("aria-invalid");
    }
    renderChecklist(report);
    refreshSummary();
    if (options.onReport) options.onReport(report);
    return report;
  }

  function renderChecklist(report) {
    const list = form.querySelector("[data-icp-checklist]") || document.querySelector("[data-icp-checklist]");
    if (list) {
      list.replaceChildren(
        ...report.documents.map((d) => {
          const li = document.createElement("li");
          li.className = `icp-document icp-${d.need}`;
          const name = document.createElement("strong");
          name.textContent = d.name;
          const need = document.createElement("span");
          need.className = "icp-need";
          need.textContent = d.need === "required" ? (locale === "en" ? " (required)" : "（必需）") : locale === "en" ? " (may be asked for)" : "（视情况）";
          const reason = document.createElement("span");
          reason.className = "icp-reason";
          reason.textContent = ` — ${d.reason}`;
          li.append(name, need, reason);
          return li;
        }),
      );
    }
    const route = form.querySelector("[data-icp-route]") || document.querySelector("[data-icp-route]");
    if (route) route.textContent = report.verification ? report.verification.reason : "";
  }

  function sharedContext() {
    const c = typeof options.context === "function" ? options.context() : options.context;
    return c && typeof c === "object" ? c : {};
  }

  // What a control's rule is given: the page's shared context, then the control's own.
  const contextFor = (control) => ({ ...sharedContext(), ...contextFromDataset(control, form) });

  function clear(control) {
    const el = messageElement(control);
    control.removeAttribute("aria-invalid");
    el.textContent = "";
    el.hidden = true;
    el.className = "icp-message";
    lastMessage.set(control, "");
    lastResult.delete(control);
    refreshSummary();
  }

  function validate(control, { announceChange = true } = {}) {
    const context = contextFor(control);
    const value = control.value;
    const required = control.required || control.getAttribute("aria-required") === "true";
    if (value.trim() === "" && !required) {
      // An empty optional field is not an error; clear any earlier message.
      clear(control);
      return null;
    }
    let result;
    try {
      result = options.validateField(control.dataset.icpField, value, context, locale);
    } catch (e) {
      // Any module not here yet (the field module itself before the package's `ready`, the
      // IDN module for a name that is not plain ASCII, ...) throws a typed error carrying its
      // `ready` promise: the value is checked once it arrives, if it still stands; the message
      // shown meanwhile stays.
      const arrival = e && e.code === "ICP_IDN_NOT_LOADED" && typeof options.loadIdn === "function" ? options.loadIdn() : e && e.ready;
      if (!arrival || typeof arrival.then !== "function") throw e;
      arrival.then(
        () => control.isConnected && control.value === value && validate(control, { announceChange }),
        (err) => console.warn(`icp-validate: a module could not be loaded (${(e && e.code) || "unknown"})`, err),
      );
      return null;
    }
    return show(control, result, announceChange);
  }

  // Attachments: only the header slice is read, locally; nothing is uploaded.
  async function validateFile(control) {
    const file = control.files && control.files[0];
    if (!file || typeof options.validateAttachment !== "function") {
      clear(control);
      return null;
    }
    const length = options.attachmentHeaderLength || DEFAULT_HEADER_LENGTH;
    const header = new Uint8Array(await file.slice(0, length).arrayBuffer());
    const context = contextFor(control);
    return show(control, options.validateAttachment(control.dataset.icpAttachment, header, file.size, context, locale), true);
  }

  // An APP file (APK, IPA, HAP, certificate) read locally by the app-file part, which slices
  // the few ranges it needs: its package name, MD5 and public key fill the platform's empty
  // controls, which are then validated as if typed; a value already typed is kept, and where
  // it differs from the file's the control says so. The file's own findings (a debug
  // certificate, an expired one) and a file of another platform are shown at the file input,
  // and fill nothing.
  const appFileRuns = new WeakMap();
  const appFileElement = (control) => describedElement(control, "app-note", messageElement(control));
  const platformControl = (at, name) => Array.from(form.querySelectorAll("[data-icp-path]")).find((c) => c.dataset.icpPath === `${at}.${name}`);

  function showAppFileText(el, text, severity) {
    el.textContent = text;
    el.hidden = text === "";
    el.className = `icp-message icp-app-note${severity ? ` icp-${severity}` : ""}`;
  }

  async function readAppFileInput(control) {
    const run = (appFileRuns.get(control) || 0) + 1;
    appFileRuns.set(control, run);
    const file = control.files && control.files[0];
    const at = control.dataset.icpAppFile;
    const targets = Object.fromEntries(APP_FILE_VALUES.map((name) => [name, platformControl(at, name)]));
    for (const target of Object.values(targets)) if (target) showAppFileText(appFileElement(target), "", null);
    if (!file) {
      clear(control);
      return null;
    }
    const typed = {};
    for (const [name, target] of Object.entries(targets)) if (target && target.value.trim() !== "") typed[name] = target.value;
    const platform = platformControl(at, "platform");
    let result;
    try {
      appFilePart = appFilePart || loadAppFile().catch((e) => {
        appFilePart = null;
        throw e;
      });
      const { readAppFile } = await appFilePart;
      result = await readAppFile(file, { locale, typed, path: at, platform: platform ? platform.value : undefined, today: (options.filingOptions || {}).today });
    } catch (e) {
      console.warn("icp-validate: could not read the APP file", e);
      result = null;
    }
    // A file chosen since has its own reading.
    if (appFileRuns.get(control) !== run) return null;
    const mismatch = result && result.cross_check.find((i) => i.path === `${at}.platform`);
    const first = result ? mismatch || result.errors[0] || result.warnings[0] : null;
    const el = messageElement(control);
    let text;
    if (!result) text = locale === "en" ? "The file could not be read." : "无法读取该文件。";
    else if (first) text = first.message;
    else text = locale === "en" ? "Read from the file: check the values filled in below." : "已从文件读取，请核对下方填入的值。";
    el.textContent = text;
    el.hidden = false;
    const failed = !result || mismatch || !result.valid;
    el.className = `icp-message ${failed ? "icp-error" : first ? "icp-warning" : "icp-success"}`;
    if (failed) control.setAttribute("aria-invalid", "true");
    else control.removeAttribute("aria-invalid");
    lastMessage.set(control, text);
    let announcement = text;
    // A file with an error (a debug certificate, a damaged signature) fills nothing: its
    // values are not the ones to file.
    if (result && !mismatch && result.valid) {
      for (const [name, target] of Object.entries(targets)) {
        if (!target || result[name] == null) continue;
        const issue = result.cross_check.find((i) => i.path === `${at}.${name}`);
        if (issue) {
          showAppFileText(appFileElement(target), issue.message, issue.severity);
          announcement += ` ${issue.message}`;
        } else if (target.value.trim() === "") {
          target.value = result[name];
          touched.add(target);
          edited.add(target);
          if (target.matches(FIELD_SELECTOR)) validate(target, { announceChange: false });
        }
      }
    }
    announce(announcement);
    if (options.onAppFile) options.onAppFile(control, result);
    refreshSummary();
    scheduleFiling();
    return result;
  }

  // What a control shows of a valid value's canonical form: a domain in the Unicode form
  // the user typed it in (例子.中国), not its A-label (xn--fsqu00a.xn--fiqs8s), which is what
  // `normalized` and the filing carry.
  function displayed(result) {
    const d = result.details || {};
    return d.a_label === result.normalized && typeof d.u_label === "string" && d.u_label ? d.u_label : result.normalized;
  }

  function show(control, result, announceChange) {
    const el = messageElement(control);
    lastResult.set(control, result);
    const first = result.errors[0] || result.warnings[0];
    const text = first ? first.message : "";
    if (result.valid) control.removeAttribute("aria-invalid");
    else control.setAttribute("aria-invalid", "true");
    el.textContent = text;
    el.hidden = text === "";
    el.className = `icp-message ${result.valid ? (first ? "icp-warning" : "") : "icp-error"}`.trim();
    if (announceChange && text !== lastMessage.get(control)) announce(text);
    lastMessage.set(control, text);
    if (options.onResult) options.onResult(control, result);
    refreshSummary();
    scheduleFiling();
    return result;
  }

  function on(target, type, handler, capture = false) {
    target.addEventListener(type, handler, capture);
    listeners.push([target, type, handler, capture]);
  }

  // Controls in a hidden section or disabled are not part of the form right now.
  const active = (control) => !control.disabled && !control.closest("[hidden]");
  const controls = () => Array.from(form.querySelectorAll(FIELD_SELECTOR)).filter(active);

  // Controls in the middle of an IME composition (pinyin being typed, not yet a character):
  // never validated until the composition ends. Chrome and Safari fire `input` before
  // `compositionend`, with `isComposing` set; both orders are handled.
  const composing = new WeakSet();
  // Controls the user has typed into (a value set by script alone does not count).
  const edited = new WeakSet();

  // One listener per event on the form (focusout, input and change bubble, blur does not):
  // controls added after attach() — a new domain row — are validated with no re-attach.
  const fieldControl = (target) => (target instanceof Element && target.matches(FIELD_SELECTOR) ? target : null);
  for (const control of form.querySelectorAll(`${FIELD_SELECTOR}, ${ATTACHMENT_SELECTOR}, ${APP_FILE_SELECTOR}`)) messageElement(control);

  // A message shown between mousedown and mouseup moves the button being clicked, and the
  // click is lost; a field left for a pointer press is checked once the pointer is released.
  let pointerHeld = false;
  let afterRelease = [];
  on(document, "pointerdown", () => (pointerHeld = true), true);
  const release = () => {
    pointerHeld = false;
    const waiting = afterRelease;
    afterRelease = [];
    if (waiting.length) setTimeout(() => waiting.forEach((check) => check()), 0);
  };
  on(document, "pointerup", release, true);
  on(document, "pointercancel", release, true);

  function leave(control) {
    if (!control.isConnected) return;
    touched.add(control);
    const result = validate(control);
    // data-icp-normalize="false" keeps what the user typed (e.g. a province name, whose
    // canonical form is its GB code).
    const normalize = normalizeOnBlur && control.dataset.icpNormalize !== "false";
    if (normalize && result && result.valid && result.normalized != null && result.normalized !== control.value) {
      control.value = displayed(result);
    }
  }
  on(form, "focusout", (event) => {
    const control = fieldControl(event.target);
    if (!control) return;
    composing.delete(control);
    // An empty field merely tabbed past is not painted red before a submit.
    if (control.value === "" && !edited.has(control) && !submitted) return;
    if (pointerHeld) afterRelease.push(() => leave(control));
    else leave(control);
  });
  on(form, "compositionstart", (event) => {
    const control = fieldControl(event.target);
    if (control) composing.add(control);
  });
  on(form, "compositionend", (event) => {
    const control = fieldControl(event.target);
    if (!control) return;
    composing.delete(control);
    if (touched.has(control)) validate(control);
  });
  on(form, "input", (event) => {
    const control = fieldControl(event.target);
    if (!control) return;
    // What the file said of the value typed before holds no more once it is edited.
    const note = describedByIds(control).map((id) => document.getElementById(id)).find((el) => el && el.hasAttribute("data-icp-app-note"));
    if (note) showAppFileText(note, "", null);
    edited.add(control);
    if (event.isComposing || composing.has(control)) return;
    // Quiet while the user types a field for the first time; live after the first blur.
    if (touched.has(control)) validate(control);
  });

  // A change schedules the filing check; a control other fields read context from
  // (data-icp-context-*) revalidates them.
  on(form, "change", (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    if (target.matches(ATTACHMENT_SELECTOR)) {
      validateFile(target).catch((e) => console.warn("icp-validate: could not read the file", e));
    } else if (target.matches(APP_FILE_SELECTOR)) {
      readAppFileInput(target);
    } else if (target.matches("[data-icp-path]") && !target.matches(FIELD_SELECTOR)) {
      // Path-only controls (selects, checkboxes, plain inputs) feed the filing rules too.
      touched.add(target);
    }
    scheduleFiling();
    for (const control of controls()) {
      if (control === target || !touched.has(control)) continue;
      if (contextSelectors(control).some(([, selector]) => target.matches(selector))) validate(control, { announceChange: false });
    }
  });

  // A control removed from the form (a deleted row) takes its messages with it and leaves the
  // summary and the filing.
  const WATCHED = `${FIELD_SELECTOR}, ${ATTACHMENT_SELECTOR}, ${APP_FILE_SELECTOR}, [data-icp-path]`;
  function forget(control) {
    for (const id of describedByIds(control)) {
      const i = added.findIndex((el) => el.id === id);
      if (i >= 0) added.splice(i, 1)[0].remove();
    }
    for (const state of [touched, composing, edited, lastMessage, lastResult, appFileRuns]) state.delete(control);
  }
  const observer = new MutationObserver((records) => {
    let removed = false;
    for (const record of records) {
      for (const node of record.removedNodes) {
        if (!(node instanceof Element) || node.isConnected) continue;
        for (const control of [node, ...node.querySelectorAll(WATCHED)]) {
          if (!control.matches(WATCHED)) continue;
          forget(control);
          removed = true;
        }
      }
    }
    if (removed) {
      refreshSummary();
      scheduleFiling();
    }
  });
  observer.observe(form, { childList: true, subtree: true });

  function validateAll() {
    let firstInvalid = null;
    let count = 0;
    const counted = new Set();
    for (const control of controls()) {
      touched.add(control);
      const result = validate(control, { announceChange: false });
      if (result && !result.valid) {
        counted.add(control);
        count += 1;
        firstInvalid = firstInvalid || control;
      }
    }
    // Attachments were checked when chosen; their last results count here.
    for (const control of form.querySelectorAll(ATTACHMENT_SELECTOR)) {
      const result = lastResult.get(control);
      if (result && !result.valid) {
        count += 1;
        firstInvalid = firstInvalid || control;
      }
    }
    const finish = (report) => {
      if (report && !report.valid) {
        const paths = new Set(report.errors.filter((e) => !e.field).map((e) => e.path));
        for (const control of form.querySelectorAll("[data-icp-path]")) {
          if (paths.has(control.dataset.icpPath) && !counted.has(control)) {
            count += 1;
            firstInvalid = firstInvalid || control;
          }
        }
      }
      if (count > 0) {
        announce(locale === "en" ? `${count} field(s) need attention` : `有 ${count} 项需要修改`);
        // Focus goes to the summary, which lists every problem; without one shown, to the field.
        if (!refreshSummary({ focus: true })) firstInvalid.focus();
      } else {
        refreshSummary();
      }
      return count === 0;
    };
    if (typeof options.validateFiling !== "function") return finish(null);
    for (const control of form.querySelectorAll("[data-icp-path]")) touched.add(control);
    clearTimeout(filingTimer);
    const report = runFiling({ submit: true });
    return report && typeof report.then === "function" ? report.then(finish) : finish(report);
  }

  // With an asynchronous validateFiling the submit waits for its report, then is submitted
  // again (passing through once) if everything is valid.
  let resubmitting = false;
  on(form, "submit", (event) => {
    if (resubmitting) {
      resubmitting = false;
      return;
    }
    const ok = validateAll();
    if (ok === true) return;
    event.preventDefault();
    if (ok === false) return;
    ok.then((valid) => {
      if (!valid) return;
      // A task later: a report ready within a microtask arrives while this submit event is
      // still being fired, when requestSubmit() is silently ignored.
      setTimeout(() => {
        resubmitting = true;
        form.requestSubmit(event.submitter && event.submitter.isConnected ? event.submitter : undefined);
        resubmitting = false;
      }, 0);
    });
  });

  return {
    validateAll,
    /** The last whole-filing report (null before the first check or without validateFiling). */
    report: () => lastReport,
    /** The filing object the form currently describes. */
    filing: currentFiling,
    detach() {
      observer.disconnect();
      // A field left for a click still waiting for the pointer's release is not checked now.
      afterRelease = [];
      for (const [target, type, handler, capture] of listeners) target.removeEventListener(type, handler, capture);
      clearTimeout(filingTimer);
      for (const el of added) el.remove();
      // Path-only controls got cross-field messages and aria-invalid too.
      const touchedControls = new Set([...controls(), ...form.querySelectorAll(`${ATTACHMENT_SELECTOR}, ${APP_FILE_SELECTOR}, [data-icp-path]`)]);
      for (const control of touchedControls) {
        control.removeAttribute("aria-invalid");
        const ids = describedByIds(control).filter((id) => !added.some((el) => el.id === id));
        if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
        else control.removeAttribute("aria-describedby");
      }
    },
  };
}
