// TypeScript users get the package's declarations (pkg-templates/index.d.ts and the types.d.ts
// generated from the Rust types): types/fixture.ts uses them the way a caller would and
// type-checks under both module resolutions, its `@ts-expect-error` lines (a misspelt filing
// key, null where a key is absent) are errors, and a mistake outside them fails the check.
// Needs only `npm ci` here, not the built package.
import test from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./helpers.mjs";

const TSC = join(ROOT, "tests/js/node_modules/typescript/bin/tsc");
const DIR = join(ROOT, "tests/js/types");

function tsc(config) {
  assert.ok(existsSync(TSC), "typescript is missing: run `npm ci` in tests/js (tools/setup.sh)");
  const r = spawnSync(process.execPath, [TSC, "-p", join(DIR, config)], { encoding: "utf8" });
  return { status: r.status, output: r.stdout + r.stderr };
}

for (const resolution of ["nodenext", "bundler"]) {
  test(`the declarations type-check a caller under moduleResolution ${resolution}`, () => {
    const { status, output } = tsc(`tsconfig.${resolution}.json`);
    assert.equal(status, 0, output);
  });
}

test("a misspelt filing key fails the type check", () => {
  const { status, output } = tsc("tsconfig.mistake.json");
  assert.notEqual(status, 0, "tsc accepted types/mistake.ts");
  assert.match(output, /'entiy' does not exist in type 'Filing'/);
});
