// www/widget/control-state.js: what the widget keeps per control, and that a removed control
// leaves none of it behind.
import test from "node:test";
import assert from "node:assert/strict";
import { createControlState } from "../../www/widget/control-state.js";

test("each control has its own state; forget drops all of it and nothing of another", () => {
  const state = createControlState();
  const [a, b] = [{}, {}];
  for (const c of [a, b]) {
    for (const set of [state.touched, state.edited, state.composing]) set.add(c);
    state.lastMessage.set(c, "请填写此项");
    state.lastResult.set(c, { valid: false });
    state.appFileRuns.set(c, 2);
  }
  state.forget(a);
  for (const kept of [state.touched, state.edited, state.composing, state.lastMessage, state.lastResult, state.appFileRuns]) {
    assert.equal(kept.has(a), false);
    assert.equal(kept.has(b), true);
  }
});

test("invalid: only a last result that is not valid", () => {
  const state = createControlState();
  const c = {};
  assert.equal(state.invalid(c), false);
  state.lastResult.set(c, { valid: true });
  assert.equal(state.invalid(c), false);
  state.lastResult.set(c, { valid: false });
  assert.equal(state.invalid(c), true);
  assert.equal(state.submitted, false);
});
