// The public API over the wasm's compact answers: the wasm returns codes with typed params
// (src/wasm.rs), and the messages are worded here from the locale's catalog, generated from
// the Rust catalog (`icp-validate catalog`) — a port of fill/push_value in
// src/registry/render.rs. Shared by every entry; tools/build-pkg.sh also writes a CommonJS
// copy of this file (so keep to `export function` declarations).

/** The catalog tag of a locale argument, as Locale::parse reads it (zh-CN by default). */
export function localeTag(locale) {
  if (typeof locale !== "string") return "zh-CN";
  const primary = locale.trim().split(/[-_]/)[0].replace(/[A-Z]/g, (c) => c.toLowerCase());
  return primary === "en" ? "en" : "zh-CN";
}

const isTagged = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

// One value as the message shows it; a term's text may name the finding's other params.
function pushValue(v, params, cat, nested) {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return v.join(cat.separator);
  if ("$p" in v) return cat.provinces[v.$p] ?? String(v.$p);
  if ("$r" in v) return cat.providers[v.$r] ?? v.$r;
  if ("$t" in v) {
    const text = cat.terms[v.$t] ?? v.$t;
    return nested ? text : fill(text, params, cat, true);
  }
  if ("$T" in v) return v.$T.map((id) => cat.terms[id] ?? id).join(cat.separator);
  return "";
}

// Whether the UTF-16 unit at `i` belongs to a non-ASCII character (a surrogate of an
// astral one is above 0x7f too).
const wide = (s, i) => i >= 0 && i < s.length && s.charCodeAt(i) > 0x7f;

// A placeholder's value with the template's spaces around it where they belong: zh-CN
// templates space a placeholder off from Chinese text for Latin or digit values; next to a
// value that starts or ends with a non-ASCII character, or an empty one, the space goes. In
// English an empty value leaves one space, not two. Mirrors `spaced` (src/registry/render.rs).
function spaced(out, value, rest, zh) {
  if (zh) {
    if (out.endsWith(" ") && wide(out, out.length - 2) && (value === "" || wide(value, 0))) out = out.slice(0, -1);
    if (rest.startsWith(" ") && wide(rest, 1) && (value === "" || wide(value, value.length - 1))) rest = rest.slice(1);
  } else if (value === "" && out.endsWith(" ") && rest.startsWith(" ")) {
    rest = rest.slice(1);
  }
  return [out + value, rest];
}

// `{name}` placeholders filled from the params (the first of a repeated name); unknown
// ones stay as written, an unclosed brace is kept verbatim.
function fill(template, params, cat, nested = false) {
  let out = "";
  let rest = template;
  const zh = cat.locale === "zh-CN";
  for (let open = rest.indexOf("{"); open >= 0; open = rest.indexOf("{")) {
    out += rest.slice(0, open);
    const after = rest.slice(open + 1);
    const close = after.indexOf("}");
    if (close < 0) return out + rest.slice(open);
    const name = after.slice(0, close);
    const param = params.find((p) => p[0] === name);
    rest = after.slice(close + 1);
    if (param) [out, rest] = spaced(out, pushValue(param[1], params, cat, nested), rest, zh);
    else out += `{${name}}`;
  }
  return out + rest;
}

// The public form of a param: a province as its code, a provider or term as its id.
const plain = (v) => (!isTagged(v) ? v : "$p" in v ? v.$p : "$r" in v ? v.$r : "$t" in v ? v.$t : "$T" in v ? v.$T : v);

// The public params map: sorted keys, a repeated key keeps its last value (to_map).
function paramMap(params) {
  const last = new Map(params.map(([k, v]) => [k, v]));
  const out = {};
  for (const k of [...last.keys()].sort()) out[k] = plain(last.get(k));
  return out;
}

const message = (code, params, cat) => fill(cat.codes[code] ?? code, params, cat);
const issue = (severity, cat) => ([code, params]) => ({ code, severity, message: message(code, params, cat), params: paramMap(params) });

/** The errors and warnings of a compact answer (`e`, `w`: lists of [code, params]) worded in
 * the catalog `cat`, as every result of the package is: for the app-file part. */
export function wordFindings(e, w, cat) {
  return { errors: e.map(issue("error", cat)), warnings: w.map(issue("warning", cat)) };
}

/** The developer's error of a field result whose context the caller got wrong (its
 * `context.invalid` findings), else null: an Error with `code: "ICP_CONTEXT_INVALID"` and
 * `problems` ([{ key, value }]). The result itself is every shell's (the same bytes as the
 * CLI); a form shows the value's own findings and reports this to the developer instead. */
export function contextError(result) {
  const problems = (result && result.errors ? result.errors : []).filter((e) => e.code === "context.invalid").map((e) => ({ key: e.params.key, value: e.params.value }));
  if (!problems.length) return null;
  const e = new TypeError(`icp-validate: the context given for "${result.field}" is wrong: ${problems.map((p) => `${p.key} = ${JSON.stringify(p.value)}`).join(", ")} (give a value the context accepts, or "" / null / leave the key out for none)`);
  e.code = "ICP_CONTEXT_INVALID";
  e.field = result.field;
  e.problems = problems;
  return e;
}

/** The messages, results and reports of the package, given the field module's glue, a
 * function returning the loaded catalog of a locale tag (it throws when that catalog is not
 * loaded), one that throws while the field module is not here, the filing module and the IDN
 * module (`get()` its glue once loaded, else null; `load()` a promise of it, the IDN module's
 * loader installing it in the field module; the filing module's optional `prefetch()`, called
 * after the first field check), and `whenReady()`, a promise of the field module. */
export function makeApi(glue, catalogOf, assertReady, filing, idn, whenReady = async () => assertReady()) {

  // A plain object goes over as JSON text, stringified here (far cheaper than from the wasm)
  // and marked with U+0001; the wasm keeps the last one's parse. Anything else goes as it is,
  // to be refused there with context.invalid.
  // When the very object comes again with the same keys and values, U+0002 says "the same
  // as last time", and nothing is stringified or copied.
  let lastContext = null;
  let lastEntries = null;
  const unchanged = (context) => {
    if (context !== lastContext) return false;
    const keys = Object.keys(context);
    // Only flat values compare safely by identity; a nested object may have changed inside.
    return keys.length === lastEntries.length && keys.every((k, i) => k === lastEntries[i][0] && context[k] === lastEntries[i][1] && (context[k] === null || typeof context[k] !== "object"));
  };
  const wire = (context) => {
    if (context === null || typeof context !== "object" || Array.isArray(context)) return context;
    if (unchanged(context)) return "\u0002";
    try {
      const text = "\u0001" + JSON.stringify(context);
      lastContext = context;
      lastEntries = Object.entries(context);
      return text;
    } catch {
      lastContext = null;
      return context; // a cycle or a BigInt: the wasm says what it can
    }
  };

  // The field module answers U+0003 (isValid: undefined) when a name is not plain ASCII
  // and the IDN module, loaded when such a name is first checked, has not arrived yet
  // (src/rules/idn.rs).
  const IDN_NOT_LOADED = "\u0003";
  function idnNotLoaded() {
    const failed = idn.state === "failed";
    const e = new Error(`icp-validate: this name is not plain ASCII (or has an xn-- label) and needs the IDN module, ${failed ? "whose download failed (trying again)" : "loading now"}: \`await loadIdn()\` first`);
    e.code = "ICP_IDN_NOT_LOADED";
    e.state = failed ? "failed" : "loading";
    // What to wait for before asking again (the widget does); marked handled, so a caller
    // that ignores it sees no unhandled rejection.
    e.ready = idn.load().then(() => undefined);
    e.ready.catch(() => {});
    return e;
  }

  // The filing module is fetched when the page is next idle after the first field check, so
  // the first whole-filing check does not wait for it.
  let prefetched = false;
  function prefetchFiling() {
    prefetched = true;
    if (filing.prefetch) filing.prefetch();
  }

  function validateField(field, value, context, locale) {
    const cat = catalogOf(localeTag(locale));
    const text = glue.fieldResult(field, value, wire(context));
    if (!prefetched) prefetchFiling();
    if (text === IDN_NOT_LOADED) throw idnNotLoaded();
    const r = JSON.parse(text);
    return { field: r.field, valid: r.valid, normalized: r.normalized, errors: r.e.map(issue("error", cat)), warnings: r.w.map(issue("warning", cat)), details: r.details };
  }

  function isValid(field, value, context) {
    assertReady();
    const valid = glue.isValid(field, value, wire(context));
    if (!prefetched) prefetchFiling();
    if (valid === undefined) throw idnNotLoaded();
    return valid;
  }

  /** Loads the IDN module (a name that needs it starts it; Node has it loaded). */
  async function loadIdn() {
    await whenReady();
    await idn.load();
  }

  let fields = null;
  function listFields(locale) {
    const cat = catalogOf(localeTag(locale));
    fields = fields || JSON.parse(glue.fieldList());
    const dataVersion = glue.dataVersion();
    return fields.map(([id, family, codes]) => ({ id, family, label: cat.fields[id] ?? id, codes: codes.slice(), data_version: dataVersion }));
  }

  function validateAttachment(kind, header, totalSize, context, locale) {
    const cat = catalogOf(localeTag(locale));
    const r = JSON.parse(glue.attachmentResult(kind, header, totalSize, wire(context)));
    const { e, w, ...rest } = r;
    return { kind: rest.kind, valid: rest.valid, format: rest.format, width: rest.width, height: rest.height, colour_mode: rest.colour_mode, byte_size: rest.byte_size, errors: e.map(issue("error", cat)), warnings: w.map(issue("warning", cat)), details: rest.details };
  }

  // The filing module asks the field module for every field outcome (src/registry/bridge.rs).
  function filingReport(filingGlue, doc, options) {
    const r = JSON.parse(filingGlue.filingResult(doc, options, glue));
    const cat = catalogOf(r.l);
    const pathIssue = (severity) => ([path, field, code, params]) => {
      const out = { path };
      if (field !== null) out.field = field;
      return Object.assign(out, { code, severity, message: message(code, params, cat), params: paramMap(params) });
    };
    const documents = r.documents.map(([id, need, reasonCode, params, source, subject, attachmentKind, upload, provided]) => {
      const d = { id, name: cat.documents[id] ?? id, need, reason: message(reasonCode, params, cat), reason_code: reasonCode, source, subject };
      if (attachmentKind !== null) d.attachment_kind = attachmentKind;
      d.upload = upload;
      if (provided !== null) d.provided = provided;
      return d;
    });
    const errors = r.e.map(pathIssue("error"));
    const warnings = r.w.map(pathIssue("warning"));
    const report = { valid: r.valid, provider: r.provider, kind: r.kind, errors, warnings, normalized: r.normalized, documents };
    const v = r.verification;
    if (v !== null) {
      report.verification = { route: v.route, reason: message(v.code, v.params, cat), reason_code: v.code };
      if (v.sms !== null) report.verification.sms_verification = v.sms;
      report.verification.notes = v.notes.map((code) => message(code, [], cat));
    }
    const count = (need) => documents.filter((d) => d.need === need).length;
    report.summary = { errors: errors.length, warnings: warnings.length, fields_checked: r.fields_checked, services: r.services, documents_required: count("required"), documents_conditional: count("conditional") };
    return report;
  }

  // The filing module throws this (src/wasm.rs, fieldOutcomes) when a name of the filing
  // needed the IDN module before it had arrived.
  const neededIdn = (e) => !idn.get() && e instanceof Error && /needs the IDN module/.test(e.message);

  /** The report, once the filing module is loaded (the first call loads it, and the IDN
   * module when a name of the filing needs it). */
  async function validateFiling(doc, options) {
    await whenReady();
    const filingGlue = await filing.load();
    try {
      return filingReport(filingGlue, doc, options);
    } catch (e) {
      if (!neededIdn(e)) throw e;
    }
    await idn.load();
    return filingReport(filingGlue, doc, options);
  }

  /** The report at once; the filing module must be loaded (`await loadFiling()`), and the
   * IDN module too when a name of the filing needs it (ICP_IDN_NOT_LOADED otherwise). */
  function validateFilingSync(doc, options) {
    assertReady();
    const filingGlue = filing.get();
    if (!filingGlue) {
      const e = new Error("icp-validate: the filing module is not loaded yet: `await loadFiling()` first, or call the async validateFiling");
      e.code = "ICP_FILING_NOT_LOADED";
      e.state = filing.state === "failed" ? "failed" : "loading";
      e.ready = filing.load().then(() => undefined);
      e.ready.catch(() => {});
      throw e;
    }
    try {
      return filingReport(filingGlue, doc, options);
    } catch (e) {
      if (neededIdn(e)) throw idnNotLoaded();
      throw e;
    }
  }

  /** Loads the filing module (validateFiling does on its first call; the page prefetches it
   * when idle after the first field check). */
  async function loadFiling() {
    await whenReady();
    await filing.load();
  }

  function attachmentHeaderLength() {
    assertReady();
    return glue.attachmentHeaderLength();
  }

  function version() {
    assertReady();
    return glue.version();
  }

  function dataSources() {
    assertReady();
    return JSON.parse(glue.dataSources());
  }

  return { validateField, isValid, listFields, validateAttachment, validateFiling, validateFilingSync, loadFiling, loadIdn, attachmentHeaderLength, version, dataSources };
}
