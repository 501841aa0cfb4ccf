// tools/demo.sh on a busy port: one line saying so and how to pick another, before any build.
import test from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { ROOT } from "./helpers.mjs";

test("tools/demo.sh names a busy port and the way to pick another", async () => {
  const server = createServer();
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  try {
    const out = spawnSync("bash", [join(ROOT, "tools/demo.sh"), String(port)], { encoding: "utf8", timeout: 20000 });
    assert.equal(out.status, 1, out.stderr);
    assert.equal(out.stdout, "");
    assert.equal(out.stderr, `demo: port ${port} on 127.0.0.1 is busy (another server?); pick another: tools/demo.sh ${port + 1}\n`);
  } finally {
    await new Promise((ok) => server.close(ok));
  }
  const bad = spawnSync("bash", [join(ROOT, "tools/demo.sh"), "eighty"], { encoding: "utf8" });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^usage: tools\/demo\.sh \[PORT\]/);
});
