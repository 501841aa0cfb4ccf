// Dynamic rows: controls added after attach() (a new domain row) need nothing, since the
// widget listens on the form; a control removed from the form (a deleted row) takes its
// messages and state with it and leaves the summary and the filing.
import { APP_FILE_SELECTOR, ATTACHMENT_SELECTOR, FIELD_SELECTOR, PATH_SELECTOR } from "./dom.js";

const WATCHED = `${FIELD_SELECTOR}, ${ATTACHMENT_SELECTOR}, ${APP_FILE_SELECTOR}, ${PATH_SELECTOR}`;

/** The widget's controls among removed nodes (each node and its descendants) that have left
 * the document. */
export function removedControls(nodes) {
  const out = [];
  for (const node of nodes) {
    if (!(node instanceof Element) || node.isConnected) continue;
    for (const control of [node, ...node.querySelectorAll(WATCHED)]) if (control.matches(WATCHED)) out.push(control);
  }
  return out;
}

/** Watches `form`: `forget(control)` for each control removed, then `removed()` once per batch
 * that removed any. Returns the observer (disconnect() on detach). */
export function watchRows(form, { forget, removed }) {
  const observer = new MutationObserver((records) => {
    const controls = removedControls(records.flatMap((record) => Array.from(record.removedNodes)));
    for (const control of controls) forget(control);
    if (controls.length) removed();
  });
  observer.observe(form, { childList: true, subtree: true });
  return observer;
}
