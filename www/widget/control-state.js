// What the widget knows of each control, held weakly (a control dropped from the page drops
// its state with it) and forgotten at once when a row is removed.

export function createControlState() {
  return {
    // Left once (or part of a submit): checked as typed from now on; cross-field findings show.
    touched: new WeakSet(),
    // Typed into by the user (a value set by script alone does not count).
    edited: new WeakSet(),
    // In the middle of an IME composition (see composition.js).
    composing: new WeakSet(),
    // The message last shown (announced again only when it changes) and the last result.
    lastMessage: new WeakMap(),
    lastResult: new WeakMap(),
    // The latest APP file reading per file input: an older one finishing late is dropped.
    appFileRuns: new WeakMap(),
    // After the first submit, "required" findings stay shown until fixed, not only at submit.
    submitted: false,
    /** Whether the control's last field result has an error. */
    invalid(control) {
      const result = this.lastResult.get(control);
      return Boolean(result && !result.valid);
    },
    forget(control) {
      for (const state of [this.touched, this.composing, this.edited, this.lastMessage, this.lastResult, this.appFileRuns]) state.delete(control);
    },
  };
}
