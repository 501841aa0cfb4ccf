// www/widget/composition.js: no check in the middle of an IME composition, in the event order
// of Chromium and Safari (input with isComposing, then compositionend) and of Firefox
// (compositionend, then input without it).
import test from "node:test";
import assert from "node:assert/strict";
import { createControlState } from "../../www/widget/control-state.js";
import { createComposition } from "../../www/widget/composition.js";

function setup({ touched = true } = {}) {
  const state = createControlState();
  const checked = [];
  const composition = createComposition(state, (control) => checked.push(control));
  const control = {};
  if (touched) state.touched.add(control);
  return { state, checked, composition, control };
}

test("Chromium order: inputs during the composition are quiet, its end checks once", () => {
  const { checked, composition, control } = setup();
  composition.start(control);
  composition.input(control, { isComposing: true });
  composition.input(control, { isComposing: true });
  assert.equal(checked.length, 0);
  composition.end(control);
  assert.deepEqual(checked, [control]);
});

test("Firefox order: the input after compositionend is checked, an input marked composing is not", () => {
  const { checked, composition, control } = setup();
  composition.start(control);
  // Without isComposing, the composition started is enough to wait.
  composition.input(control, { isComposing: false });
  assert.equal(checked.length, 0);
  composition.end(control);
  composition.input(control, { isComposing: false });
  assert.deepEqual(checked, [control, control]);
});

test("a control not yet left is quiet, composing or not; leaving ends its composition", () => {
  const { state, checked, composition, control } = setup({ touched: false });
  composition.start(control);
  composition.end(control);
  composition.input(control, { isComposing: false });
  assert.equal(checked.length, 0);
  composition.start(control);
  composition.leave(control);
  assert.equal(state.composing.has(control), false);
  state.touched.add(control);
  composition.input(control, { isComposing: false });
  assert.deepEqual(checked, [control]);
});

test("an input marked isComposing is quiet even with no compositionstart seen (one begun before attach)", () => {
  const { checked, composition, control } = setup();
  composition.input(control, { isComposing: true });
  assert.equal(checked.length, 0);
  composition.input(control, {});
  assert.deepEqual(checked, [control]);
});

test("each control composes on its own", () => {
  const { state, checked, composition, control } = setup();
  const other = {};
  state.touched.add(other);
  composition.start(control);
  composition.input(other, { isComposing: false });
  composition.input(control, { isComposing: false });
  assert.deepEqual(checked, [other]);
});
