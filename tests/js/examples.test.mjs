// The Node example, run as a user would: `icp-validate` resolved as an installed package.
import test from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./helpers.mjs";

test("examples/node/validate-filing.mjs validates sample filings through the npm package", () => {
  const modules = join(ROOT, "examples/node/node_modules");
  rmSync(modules, { recursive: true, force: true });
  mkdirSync(modules, { recursive: true });
  symlinkSync(join(ROOT, "pkg"), join(modules, "icp-validate"), "dir");
  const run = (...args) => spawnSync(process.execPath, [join(ROOT, "examples/node/validate-filing.mjs"), ...args], { encoding: "utf8" });

  const ok = run(join(ROOT, "tests/filings/valid_website.json"), "--locale", "en");
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /valid_website\.json: valid \(0 errors, 0 warnings, electronic verification\)/);
  assert.match(ok.stdout, /document required Entity certificate/);

  const bad = run(join(ROOT, "tests/filings/emergency_same_as_contact.json"));
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /error entity\.person_in_charge\.emergency_phone filing\.emergency_same_as_contact: 应急联系电话不能与联系电话相同/);
  assert.equal(run().status, 2);
  rmSync(modules, { recursive: true, force: true });
});
