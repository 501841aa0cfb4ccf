// Shared by the Node tests: paths, the vector files, the wasm package and the native CLI.
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);

export function loadWasm() {
  const entry = join(ROOT, "pkg/nodejs/icp_validate.js");
  if (!existsSync(entry)) throw new Error("pkg/ is missing: run tools/build-pkg.sh first");
  return require(entry);
}

/** Every vector of tests/vectors/ (subdirectories too), with the file's `today` merged into its context. */
export function loadVectors() {
  const dir = join(ROOT, "tests/vectors");
  const out = [];
  const files = readdirSync(dir, { recursive: true }).map((f) => f.split(sep).join("/")).filter((f) => f.endsWith(".json")).sort();
  for (const file of files) {
    const doc = JSON.parse(readFileSync(join(dir, file), "utf8"));
    doc.vectors.forEach((v, index) => {
      const context = { ...(v.context || {}) };
      if (doc.today && context.today === undefined) context.today = doc.today;
      out.push({ file, index, field: v.field, value: v.value, context, expected: v });
    });
  }
  return out;
}

/** Runs the native CLI's batch mode over the vectors; one parsed result per vector. */
export function nativeBatch(vectors, locale) {
  const bin = process.env.ICP_VALIDATE_BIN || join(ROOT, "target/debug/icp-validate");
  const input = vectors.map((v) => JSON.stringify({ field: v.field, value: v.value, context: v.context })).join("\n") + "\n";
  let stdout;
  try {
    stdout = execFileSync(bin, ["batch", "--locale", locale], { input, maxBuffer: 1 << 28 });
  } catch (e) {
    // Exit status 1 only means some line was invalid.
    if (e.status !== 1) throw e;
    stdout = e.stdout;
  }
  return stdout.toString("utf8").trim().split("\n").map((line) => JSON.parse(line));
}

/** The sample filings of tests/filings/ as { name, options, filing (object or raw JSON), expect }. */
export function loadFilings() {
  const dir = join(ROOT, "tests/filings");
  return readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((name) => ({ name, ...JSON.parse(readFileSync(join(dir, name), "utf8")) }));
}

/** What a sample hands validateFiling: its raw `filing_json` text parsed when it is JSON
 * (JS passes objects), else the text as it is; or its `filing`. */
export function filingInput(sample) {
  if (sample.filing_json === undefined) return sample.filing;
  try {
    return JSON.parse(sample.filing_json);
  } catch {
    return sample.filing_json;
  }
}

/** The comparable digest of a report, as tests/common/mod.rs builds it. */
export function filingDigest(report) {
  const lines = (list) => (list || []).map((i) => `${i.path} ${i.code}`);
  return {
    valid: report.valid,
    errors: lines(report.errors),
    warnings: lines(report.warnings),
    route: report.verification ? report.verification.route : null,
    documents: (report.documents || []).map((d) => `${d.id} ${d.subject} ${d.need}`),
  };
}

/** Runs the native CLI on one filing JSON text (stdin) and returns the parsed report. */
export function nativeFiling(json, options) {
  const bin = process.env.ICP_VALIDATE_BIN || join(ROOT, "target/debug/icp-validate");
  const args = ["filing", "-", "--locale", options.locale || "zh-CN"];
  if (options.today) args.push("--today", options.today);
  if (options.provider) args.push("--provider", options.provider);
  try {
    return JSON.parse(execFileSync(bin, args, { input: json }).toString("utf8"));
  } catch (e) {
    if (e.status !== 1) throw e;
    return JSON.parse(e.stdout.toString("utf8"));
  }
}
