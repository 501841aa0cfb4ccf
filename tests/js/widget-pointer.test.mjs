// www/widget/pointer.js: a check asked for while a pointer is held waits until a task after
// its release, so a message appearing cannot move the button being clicked.
import test from "node:test";
import assert from "node:assert/strict";
import { setTimeout as tick } from "node:timers/promises";
import { createPointerGate } from "../../www/widget/pointer.js";

test("no pointer held: the check runs at once", () => {
  const gate = createPointerGate();
  const ran = [];
  gate.run(() => ran.push(1));
  assert.deepEqual(ran, [1]);
});

test("held: checks wait for the release, then run a task later, in order", async () => {
  const gate = createPointerGate();
  const ran = [];
  gate.press();
  gate.run(() => ran.push("a"));
  gate.run(() => ran.push("b"));
  await tick(5);
  assert.deepEqual(ran, []);
  gate.release();
  assert.deepEqual(ran, [], "not inside the pointerup listener");
  await tick(5);
  assert.deepEqual(ran, ["a", "b"]);
  // Released: the next runs at once, and the earlier ones do not run again.
  gate.run(() => ran.push("c"));
  gate.release();
  await tick(5);
  assert.deepEqual(ran, ["a", "b", "c"]);
});

test("cancel drops the checks still waiting", async () => {
  const gate = createPointerGate();
  const ran = [];
  gate.press();
  gate.run(() => ran.push("a"));
  gate.cancel();
  gate.release();
  await tick(5);
  assert.deepEqual(ran, []);
});
