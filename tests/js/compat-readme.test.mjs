// The README's "Use it with" section shows only code the compatibility matrix runs: each js
// snippet is, line for line, part of a file of tests/compat/ (the esbuild commands are run from
// the README itself by tests/compat/run.mjs).
import test from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./helpers.mjs";

const lines = (text) => text.split("\n").map((l) => l.trim()).filter(Boolean);

test("every js snippet of the README's \"Use it with\" is code of a compat app", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Use it with"), readme.indexOf("### CLI"));
  const snippets = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => lines(m[1]));
  assert.ok(snippets.length >= 4, "snippets found");
  const dir = join(ROOT, "tests/compat");
  const files = readdirSync(dir, { recursive: true })
    .filter((f) => /\.(js|mjs|vue)$/.test(f) && !f.split("/").includes("node_modules"))
    .map((f) => ({ f, text: lines(readFileSync(join(dir, f), "utf8")).join("\n") }));
  for (const snippet of snippets) {
    const body = snippet.join("\n");
    assert.ok(files.some(({ text }) => text.includes(body)), `not in any tests/compat file:\n${body}`);
  }
});
