// The compatibility matrix: the package built from this tree (pkg/, packed as npm would),
// installed into tiny apps on the real tools from npm, each started (dev) or built and served
// (build), then driven in headless Chromium. A setup passes when the page renders, the probe's
// verdicts (and the server route's, where the app has one) are right, only the field module's
// wasm is fetched before the first check, no response is 400 or more and no page error is seen.
// Usage: node tests/compat/run.mjs [--install] [--json FILE] [NAME-PATTERN...]
//   (--install: npm ci in each app that lacks node_modules; names as `list` prints them)
import { spawn, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveDir, launchChromium } from "../js/browser.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "../..");
const SAMPLE = readFileSync(join(ROOT, "tests/filings/emergency_same_as_contact.json"), "utf8");
const quiet = { NEXT_TELEMETRY_DISABLED: "1", NUXT_TELEMETRY_DISABLED: "1", BROWSERSLIST_IGNORE_OLD_DATA: "1", NO_COLOR: "1", CI: "true" };

const version = (app, name) => JSON.parse(readFileSync(join(HERE, app, "node_modules", name, "package.json"), "utf8")).version;
const freePort = () => new Promise((ok) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const { port } = s.address();
    s.close(() => ok(port));
  });
});
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Runs a command to its end in `cwd`; throws with its output when it fails. */
function run(cwd, cmd, args, env = {}) {
  try {
    return execFileSync(cmd, args, { cwd, env: { ...process.env, ...quiet, ...env }, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 26, timeout: 600000 }).toString();
  } catch (e) {
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${String(e.stdout || "").slice(-3000)}\n${String(e.stderr || "").slice(-3000)}`);
  }
}

/** Starts a long-running command in its own process group; `stop()` ends that group. */
function startProcess(cwd, cmd, args, env = {}) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...quiet, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output = (output + d).slice(-6000)));
  child.stderr.on("data", (d) => (output = (output + d).slice(-6000)));
  return {
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      try { process.kill(-child.pid, "SIGTERM"); } catch {}
      for (let i = 0; i < 50 && child.exitCode === null; i++) await sleep(100);
      try { process.kill(-child.pid, "SIGKILL"); } catch {}
    },
  };
}

/** Waits until `url` answers (any status below 500), up to `seconds`. */
async function waitFor(url, seconds, proc) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {}
    await sleep(300);
  }
  throw new Error(`${url} did not answer in ${seconds} s\n${proc ? proc.output() : ""}`);
}

// The package as `npm pack` makes it, unpacked into an app as `npm install` would.
let tarball = null;
function installPackage(app) {
  if (!tarball) {
    const dest = mkdtempSync(join(tmpdir(), "icp-validate-pack-"));
    const [packed] = JSON.parse(run(ROOT, "npm", ["pack", "--json", "--pack-destination", dest, join(ROOT, "pkg")]));
    tarball = join(dest, packed.filename);
  }
  const to = join(HERE, app, "node_modules/icp-validate");
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  run(to, "tar", ["xzf", tarball, "--strip-components=1"]);
}

/** The app's copy of the probe (and, for the bundler apps, the page); caches of earlier runs go. */
function prepare(app, { src = ".", page = false } = {}) {
  const probe = readFileSync(join(HERE, "shared/probe.js"), "utf8").replace("__SAMPLE__", SAMPLE.trim());
  writeFileSync(join(HERE, app, "icp-probe.js"), probe);
  // Nitro's dev server resolves a server route's imports from outside server/ wrongly: a copy.
  if (app.startsWith("nuxt")) writeFileSync(join(HERE, app, "server/icp-probe.js"), probe);
  if (page) {
    mkdirSync(join(HERE, app, src), { recursive: true });
    writeFileSync(join(HERE, app, src, "main.js"), readFileSync(join(HERE, "shared/main.js"), "utf8").replace("./icp-probe.js", src === "." ? "./icp-probe.js" : "../icp-probe.js"));
    writeFileSync(join(HERE, app, "index.html"), readFileSync(join(HERE, "shared/index.html"), "utf8"));
  }
  for (const cache of ["node_modules/.vite", "node_modules/.cache", ".next", ".nuxt", ".output", "dist"]) rmSync(join(HERE, app, cache), { recursive: true, force: true });
  // Notes a tool writes into the app for its users (Next.js 16 does): not ours to keep.
  for (const f of readdirSync(join(HERE, app))) if (f.endsWith(".md")) rmSync(join(HERE, app, f));
}

let browser = null;
/** Opens the page and checks what the probe wrote; returns measured figures. */
async function drive(url, { server = false, title = true } = {}) {
  browser = browser || (await launchChromium());
  const context = await browser.newContext();
  const page = await context.newPage();
  const bad = [];
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("response", (r) => r.status() >= 400 && bad.push(`${r.status()} ${r.url()}`));
  const t0 = Date.now();
  try {
    await page.goto(url, { timeout: 180000 });
    if (title) await page.waitForSelector("#form-title", { timeout: 120000 });
    const rendered = Date.now() - t0;
    await page.waitForFunction(() => document.getElementById("icp-result")?.dataset.result, null, { timeout: 120000 });
    const r = JSON.parse(await page.evaluate(() => document.getElementById("icp-result").dataset.result));
    // The wasm fetched before the first check: what the page load costs.
    const atLoad = await page.evaluate(() => {
      const mark = performance.getEntriesByName("icp-ready")[0]?.startTime ?? -1;
      return performance.getEntriesByType("resource").filter((e) => e.startTime <= mark && /\.wasm(\?|$)/.test(e.name)).map((e) => ({ file: new URL(e.name).pathname.split("/").pop(), bytes: e.transferSize, by: e.initiatorType }));
    });
    // A framework's prefetch hint and the package's fetch of the same file are one file.
    const atLoadFiles = [...new Set(atLoad.map((e) => e.file))];
    const problems = [];
    const expect = (ok, what) => ok || problems.push(what);
    expect(!r.error, `probe threw ${r.error}`);
    expect(["ICP_NOT_READY", "answered"].includes(r.before), `before ready: ${r.before}`);
    expect(r.field && r.field.valid === false && r.field.codes.includes("resident_id.checksum") && r.field.message.length > 0, `field: ${JSON.stringify(r.field)}`);
    expect(r.isValid === true, "isValid");
    expect(r.idnBefore === "idle", `IDN module before a name needed it: ${r.idnBefore}`);
    expect(r.idn && r.idn.valid === true, `IDN name: ${JSON.stringify(r.idn)}`);
    expect(r.filing && r.filing.valid === false && r.filing.codes.includes("filing.emergency_same_as_contact"), `filing: ${JSON.stringify(r.filing)}`);
    expect(r.status && r.status.field === "loaded" && r.status.idn === "loaded" && r.status.filing === "loaded", `status ${JSON.stringify(r.status)}`);
    // Bundlers rename the asset (webpack to its hash alone): one wasm, and the IDN module was
    // not asked for yet (idnBefore), so it is the field module.
    expect(atLoadFiles.length === 1, `wasm at load: ${JSON.stringify(atLoad)}`);
    if (server) {
      const s = r.server || {};
      expect(s.valid === false && (s.field || []).includes("resident_id.checksum") && (s.filing || []).includes("filing.emergency_same_as_contact"), `server route: ${JSON.stringify(r.server)}`);
    }
    await sleep(300); // late responses (the idle prefetch) still count
    expect(bad.length === 0, `responses >= 400: ${bad.join(", ")}`);
    expect(errors.length === 0, `page errors: ${errors.join(" | ")}`);
    if (problems.length) throw new Error(problems.join("; "));
    return { rendered, atLoad };
  } finally {
    await context.close();
  }
}

async function warmUp(url) {
  browser = browser || (await launchChromium());
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { timeout: 180000 });
    await page.waitForFunction(() => document.getElementById("icp-result")?.dataset.result, null, { timeout: 120000 }).catch(() => {});
  } finally {
    await context.close();
  }
}

/** A dev server or built app served on a port: start, wait, drive, stop. */
async function serveAndDrive(app, cmd, args, { env = {}, path = "/", server = false, wait = 180, dev = false } = {}) {
  const port = await freePort();
  const proc = startProcess(join(HERE, app), cmd, args.map((a) => (a === "$PORT" ? String(port) : a)), { PORT: String(port), ...env });
  try {
    const url = `http://127.0.0.1:${port}${path}`;
    await waitFor(url, wait, proc);
    // A dev server's first visit may find its dependency cache cold: Vite then optimizes the
    // dependencies it discovers, answers 504 for the outdated ones and reloads the page, as for
    // any dependency. That visit is a warm-up; the checked one comes after.
    if (dev) await warmUp(url);
    return await drive(url, { server });
  } catch (e) {
    e.message += `\n--- output ---\n${proc.output().slice(-2500)}`;
    throw e;
  } finally {
    await proc.stop();
  }
}

const SETUPS = [];
const setup = (name, tool, app, fn) => SETUPS.push({ name, tool, app, fn });

for (const v of [5, 6, 7, 8]) {
  const bin = `node_modules/vite${v}/bin/vite.js`;
  setup(`vite${v}-dev`, [`Vite ${v}`, "dev server", () => version("vite", `vite${v}`)], "vite", async () => {
    prepare("vite", { page: true });
    return serveAndDrive("vite", "node", [bin, "--host", "127.0.0.1", "--port", "$PORT", "--strictPort"], { dev: true });
  });
  setup(`vite${v}-build`, [`Vite ${v}`, "build + preview", () => version("vite", `vite${v}`)], "vite", async () => {
    prepare("vite", { page: true });
    run(join(HERE, "vite"), "node", [bin, "build"]);
    return serveAndDrive("vite", "node", [bin, "preview", "--host", "127.0.0.1", "--port", "$PORT", "--strictPort"]);
  });
}

setup("webpack-build", ["webpack 5", "build (no config)", () => version("bundlers", "webpack")], "bundlers", async () => {
  prepare("bundlers", { src: "src", page: true });
  // What `webpack` does with no configuration: ./src/index.js to ./dist/main.js.
  writeFileSync(join(HERE, "bundlers/src/index.js"), 'import "./main.js";\n');
  run(join(HERE, "bundlers"), "node", ["-e", 'const webpack = require("webpack"); webpack({ mode: "production" }, (e, s) => { if (e || s.hasErrors()) { console.error(e || s.toString("errors-only")); process.exit(1); } });']);
  writeFileSync(join(HERE, "bundlers/dist/index.html"), readFileSync(join(HERE, "bundlers/index.html"), "utf8").replace("./main.js", "./main.js"));
  const server = await serveDir(join(HERE, "bundlers/dist"));
  try {
    return await drive(server.url);
  } finally {
    await server.close();
  }
});
setup("webpack-dev-server", ["webpack 5", "webpack-dev-server", () => `${version("bundlers", "webpack")}, dev server ${version("bundlers", "webpack-dev-server")}`], "bundlers", async () => {
  prepare("bundlers", { src: "src", page: true });
  writeFileSync(join(HERE, "bundlers/src/index.js"), 'import "./main.js";\n');
  const script = 'const webpack = require("webpack"); const Server = require("webpack-dev-server"); new Server({ host: "127.0.0.1", port: Number(process.env.PORT), static: { directory: "." }, hot: false, client: false }, webpack({ mode: "development" })).start();';
  return serveAndDrive("bundlers", "node", ["-e", script], { dev: true });
});
setup("rsbuild-dev", ["Rsbuild", "dev server", () => version("bundlers", "@rsbuild/core")], "bundlers", async () => {
  prepare("bundlers", { src: "src", page: true });
  writeFileSync(join(HERE, "bundlers/src/index.js"), 'import "./main.js";\n');
  return serveAndDrive("bundlers", "node", ["node_modules/@rsbuild/core/bin/rsbuild.js", "dev", "--host", "127.0.0.1", "--port", "$PORT"], { dev: true });
});
setup("rsbuild-build", ["Rsbuild", "build + preview", () => version("bundlers", "@rsbuild/core")], "bundlers", async () => {
  prepare("bundlers", { src: "src", page: true });
  writeFileSync(join(HERE, "bundlers/src/index.js"), 'import "./main.js";\n');
  run(join(HERE, "bundlers"), "node", ["node_modules/@rsbuild/core/bin/rsbuild.js", "build"]);
  return serveAndDrive("bundlers", "node", ["node_modules/@rsbuild/core/bin/rsbuild.js", "preview", "--host", "127.0.0.1", "--port", "$PORT"]);
});
setup("esbuild", ["esbuild", "build, wasm copied as the README says", () => version("bundlers", "esbuild")], "bundlers", async () => {
  prepare("bundlers", { src: "src", page: true });
  const dir = join(HERE, "bundlers");
  // The README's commands ("Use it with"), run as written there.
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const commands = readme.slice(readme.indexOf("### Use it with")).match(/```sh\n([\s\S]*?)```/)[1];
  if (!commands.includes("esbuild")) throw new Error("the README's esbuild commands are missing");
  run(dir, "sh", ["-ec", commands]);
  cpSync(join(dir, "index.html"), join(dir, "dist/index.html"));
  const server = await serveDir(join(dir, "dist"));
  try {
    return await drive(server.url);
  } finally {
    await server.close();
  }
});

for (const v of [15, 16]) {
  const app = `next${v}`;
  const next = "node_modules/next/dist/bin/next";
  // Next.js 16 defaults to Turbopack, 15 to webpack; each is asked for the other by a flag.
  for (const bundler of ["turbopack", "webpack"]) {
    const flag = (v === 16) === (bundler === "turbopack") ? [] : [`--${bundler}`];
    setup(`${app}-${bundler}-dev`, [`Next.js ${v}`, `dev (${bundler}) + route handler`, () => version(app, "next")], app, async () => {
      prepare(app);
      return serveAndDrive(app, "node", [next, "dev", ...flag, "-H", "127.0.0.1", "-p", "$PORT"], { server: true, dev: true });
    });
    setup(`${app}-${bundler}-build`, [`Next.js ${v}`, `build (${bundler}) + start + route handler`, () => version(app, "next")], app, async () => {
      prepare(app);
      run(join(HERE, app), "node", [next, "build", ...flag]);
      return serveAndDrive(app, "node", [next, "start", "-H", "127.0.0.1", "-p", "$PORT"], { server: true });
    });
  }
}

for (const v of [3, 4]) {
  const app = `nuxt${v}`;
  const nuxt = "node_modules/nuxt/bin/nuxt.mjs";
  setup(`${app}-dev`, [`Nuxt ${v}`, "dev + server/api route", () => version(app, "nuxt")], app, async () => {
    prepare(app);
    return serveAndDrive(app, "node", [nuxt, "dev", "--host", "127.0.0.1", "--port", "$PORT"], { server: true, dev: true });
  });
  setup(`${app}-build`, [`Nuxt ${v}`, "build + built server + server/api route", () => version(app, "nuxt")], app, async () => {
    prepare(app);
    run(join(HERE, app), "node", [nuxt, "build"]);
    return serveAndDrive(app, "node", [".output/server/index.mjs"], { server: true, env: { HOST: "127.0.0.1", NITRO_HOST: "127.0.0.1" } });
  });
}

// Node itself: import and require of the installed package, in a project of its own.
for (const [name, file, code] of [
  ["node-esm", "check.mjs", 'import { validateField, validateFiling, ready, loadStatus } from "icp-validate";\nawait ready;\nconst f = validateField("resident_id", "110105194912310021");\nconst r = await validateFiling(SAMPLE.filing, SAMPLE.options);\nconsole.log(JSON.stringify({ field: f.errors.map((e) => e.code), filing: r.errors.map((e) => e.code), status: loadStatus() }));\n'],
  ["node-cjs", "check.cjs", 'const { validateField, validateFilingSync, loadStatus } = require("icp-validate");\nconst f = validateField("resident_id", "110105194912310021");\nconst r = validateFilingSync(SAMPLE.filing, SAMPLE.options);\nconsole.log(JSON.stringify({ field: f.errors.map((e) => e.code), filing: r.errors.map((e) => e.code), status: loadStatus() }));\n'],
]) {
  setup(name, [`Node ${process.versions.node.split(".")[0]}`, name === "node-esm" ? "import (ESM)" : "require (CommonJS)", () => process.versions.node], "bundlers", async () => {
    const dir = join(HERE, "bundlers");
    writeFileSync(join(dir, file), `const SAMPLE = ${SAMPLE.trim()};\n${code}`);
    const t0 = Date.now();
    const out = JSON.parse(run(dir, "node", [file]).trim().split("\n").pop());
    rmSync(join(dir, file));
    if (!out.field.includes("resident_id.checksum") || !out.filing.includes("filing.emergency_same_as_contact") || out.status.field !== "loaded") throw new Error(JSON.stringify(out));
    return { rendered: Date.now() - t0, atLoad: [] };
  });
}

// --- main ---
const argv = process.argv.slice(2);
if (argv[0] === "list") {
  for (const s of SETUPS) console.log(s.name);
  process.exit(0);
}
const install = argv.includes("--install");
const jsonAt = argv.includes("--json") ? argv[argv.indexOf("--json") + 1] : null;
const patterns = argv.filter((a, i) => !a.startsWith("--") && argv[i - 1] !== "--json");
const chosen = SETUPS.filter((s) => !patterns.length || patterns.some((p) => s.name === p || s.name.startsWith(p + "-") || s.name.startsWith(p)));
if (!existsSync(join(ROOT, "pkg/package.json"))) throw new Error("pkg/ is missing: run tools/build-pkg.sh first");

const results = [];
const installed = new Set();
for (const s of chosen) {
  const t0 = Date.now();
  let result;
  try {
    if (!installed.has(s.app)) {
      if (!existsSync(join(HERE, s.app, "node_modules"))) {
        if (!install) throw new Error(`tests/compat/${s.app}: no node_modules (run with --install)`);
        run(join(HERE, s.app), "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline"]);
      }
      installPackage(s.app);
      installed.add(s.app);
    }
    const m = await s.fn();
    result = { name: s.name, tool: s.tool[0], how: s.tool[1], version: s.tool[2](), ok: true, seconds: (Date.now() - t0) / 1000, rendered_ms: m.rendered, wasm_at_load: m.atLoad };
  } catch (e) {
    let v = "?";
    try { v = s.tool[2](); } catch {}
    result = { name: s.name, tool: s.tool[0], how: s.tool[1], version: v, ok: false, seconds: (Date.now() - t0) / 1000, error: String(e.message || e).slice(0, 4000) };
  }
  results.push(result);
  console.log(`${result.ok ? "pass" : "FAIL"} ${s.name} (${result.version}) ${result.seconds.toFixed(1)} s${result.ok ? "" : "\n  " + result.error.split("\n").join("\n  ")}`);
}
await browser?.close();
if (jsonAt) writeFileSync(jsonAt, JSON.stringify({ date: new Date().toISOString().slice(0, 10), node: process.versions.node, results }, null, 2) + "\n");
console.log(`${results.filter((r) => r.ok).length} of ${results.length} setups pass`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
