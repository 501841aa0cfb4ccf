// A message shown between mousedown and mouseup moves the button being clicked, and the
// click is lost: a field left for a pointer press is checked once the pointer is released.

export function createPointerGate() {
  let held = false;
  let waiting = [];
  return {
    press() {
      held = true;
    },
    release() {
      held = false;
      const due = waiting;
      waiting = [];
      if (due.length) setTimeout(() => due.forEach((check) => check()), 0);
    },
    /** Runs `check` now, or a task after the pointer held down is released. */
    run(check) {
      if (held) waiting.push(check);
      else check();
    },
    /** Drops the checks still waiting for a release. */
    cancel() {
      waiting = [];
    },
  };
}
