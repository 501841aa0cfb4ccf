// Shared by the Node tests: paths, the vector files, the wasm package and the native CLI.
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);

export function loadWasm() {
  const entry = join(ROOT, "pkg/nodejs/icp_validate.js");
  if (!existsSync(entry)) throw new Error("pkg/ is missing: run tools/build-pkg.sh first");
  return require(entry);
}

/** Every vector of tests/vectors/*.json, with the file's `today` merged into its context. */
export function loadVectors() {
  const dir = join(ROOT, "tests/vectors");
  const out = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
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
