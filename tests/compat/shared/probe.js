// What every compat app's page does with the package, in the order an app meets it
// (tests/compat/run.mjs copies this file into each app as icp-probe.js, the sample filing
// filled in, and checks what it writes into <output id="icp-result">).
export const SAMPLE = __SAMPLE__;

/** Checks a field before and after the field module arrives, a name that needs the IDN module,
 * a whole filing and (given its path) the app's server route; writes the outcome as JSON. */
let started = false;
export async function runProbe(icp, { serverRoute } = {}) {
  // React's StrictMode runs an effect twice in development: one probe per page.
  if (started) return;
  started = true;
  const out = {};
  try {
    // Before the field module has arrived: the typed not-ready error (or, when it already
    // has, the answer).
    try {
      icp.validateField("resident_id", "11010519491231002X");
      out.before = "answered";
    } catch (e) {
      out.before = e.code;
      out.beforeReady = typeof e.ready?.then === "function";
    }
    await icp.ready;
    const field = icp.validateField("resident_id", "110105194912310021");
    performance.mark("icp-ready");
    out.field = { valid: field.valid, codes: field.errors.map((e) => e.code), message: field.errors[0]?.message ?? "" };
    out.isValid = icp.isValid("resident_id", "11010519491231002X");
    out.idnBefore = icp.loadStatus().idn;
    let idn;
    try {
      idn = icp.validateField("domain", "例子.中国");
    } catch (e) {
      out.idnFirst = e.code;
      await e.ready;
      idn = icp.validateField("domain", "例子.中国");
    }
    out.idn = { valid: idn.valid, normalized: idn.normalized };
    const report = await icp.validateFiling(SAMPLE.filing, SAMPLE.options);
    out.filing = { valid: report.valid, codes: report.errors.map((e) => e.code) };
    out.status = icp.loadStatus();
    if (serverRoute) out.server = await (await fetch(serverRoute)).json();
  } catch (e) {
    out.error = `${e && e.code ? e.code + ": " : ""}${e && e.message}`;
  }
  document.getElementById("icp-result").dataset.result = JSON.stringify(out);
}
