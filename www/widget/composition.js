// IME composition (pinyin being typed, not yet a character): a control in the middle of one
// is never validated until it ends. Chrome and Safari fire `input` before `compositionend`,
// with `isComposing` set; both orders are handled.

/** The typing rules of the widget's input listeners; `validate(control)` checks a control. */
export function createComposition(state, validate) {
  return {
    start(control) {
      state.composing.add(control);
    },
    // The composed text is final: checked now if the control is checked as typed.
    end(control) {
      state.composing.delete(control);
      if (state.touched.has(control)) validate(control);
    },
    // Quiet while the user types a field for the first time; live after the first blur.
    input(control, event) {
      if (event.isComposing || state.composing.has(control)) return;
      if (state.touched.has(control)) validate(control);
    },
    // Leaving the control ends its composition.
    leave(control) {
      state.composing.delete(control);
    },
  };
}
