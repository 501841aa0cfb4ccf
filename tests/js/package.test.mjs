// The npm package as `npm pack` would publish it: one version everywhere, licence texts and
// the hand-written entries inside.
import test from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { ROOT, loadWasm } from "./helpers.mjs";

test("crate, npm package, wasm module and CLI report the same version", () => {
  const crate = readFileSync(join(ROOT, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];
  const pkg = JSON.parse(readFileSync(join(ROOT, "pkg/package.json"), "utf8")).version;
  const bin = process.env.ICP_VALIDATE_BIN || join(ROOT, "target/debug/icp-validate");
  const cli = execFileSync(bin, ["--version"], { encoding: "utf8" });
  // version() and the CLI add the data version as semver build metadata.
  const full = loadWasm().version();
  assert.match(full, new RegExp(`^${crate.replace(/\./g, "\\.")}\\+data\\.\\d{4}-\\d{2}(-\\d{2})?$`));
  assert.deepEqual([pkg, cli], [crate, `icp-validate ${full}\n`]);
  const sources = loadWasm().dataSources();
  assert.ok(sources.length >= 7 && sources.every((d) => d.source && d.date <= full.split("+data.")[1]));
});

test("npm pack carries the licence texts and every file the exports name", () => {
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", join(ROOT, "pkg")], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  const files = new Set(packed.files.map((f) => f.path));
  for (const f of ["LICENSE-MIT", "LICENSE-APACHE", "README.md", "attachment-file.js", "adapters/shared.js", "adapters/shared.d.ts"]) assert.ok(files.has(f), f);
  const manifest = JSON.parse(readFileSync(join(ROOT, "pkg/package.json"), "utf8"));
  const targets = (v) => (typeof v === "string" ? [v] : Object.values(v).flatMap(targets));
  for (const t of [...targets(manifest.exports), manifest.main, manifest.module, manifest.types]) assert.ok(files.has(t.replace(/^\.\//, "")), `${t} is exported but not packed`);
  assert.equal(manifest.engines.node, ">=18");
  // Every declaration file a packed one imports is packed too (types.d.ts, generated).
  for (const dts of [...files].filter((f) => f.endsWith(".d.ts"))) {
    for (const [, spec] of readFileSync(join(ROOT, "pkg", dts), "utf8").matchAll(/from "(\.\.?\/[^"]+)"/g)) {
      // Relative to the importing file: adapters/*.d.ts import ../types.js and ./shared.js.
      const target = posix.join(posix.dirname(dts), spec.replace(/\.js$/, "") + ".d.ts");
      assert.ok(files.has(target), `${dts} imports ${spec}, but ${target} is not packed`);
    }
  }
});

// What every bundler handles (issue 34): no top-level await in any browser module (Vite 5 and
// 6 builds target es2020, where esbuild refuses it), and the bundler entry's names as plain
// `export { … } from` (Rolldown panicked on `export const { … } = namespace`).
test("the browser modules have no top-level await; the bundler entry re-exports plainly", async () => {
  const esbuild = await import("esbuild");
  for (const file of ["bundler.js", "web.js", "api.js", "attachment-file.js", "filing-wasm.js", "idn-wasm.js", "web/icp_validate.js", "web/icp_validate_idn.js", "web/icp_validate_filing.js", "widget.js", "app-file.js"]) {
    const code = readFileSync(join(ROOT, "pkg", file), "utf8");
    await esbuild.transform(code, { format: "esm", target: "es2020", loader: "js" }).catch((e) => assert.fail(`${file}: ${e.message}`));
  }
  const entry = readFileSync(join(ROOT, "pkg/bundler.js"), "utf8");
  assert.doesNotMatch(entry, /export\s+const\s*\{/);
  assert.match(entry, /^export \{[^}]*\bvalidateField\b[^}]*\} from "\.\/web\.js";$/m);
  // Refused with a top-level await, as the previous entry had.
  await assert.rejects(esbuild.transform("await Promise.resolve();\nexport {};\n", { format: "esm", target: "es2020" }), /Top-level await/);
});
