// Everything the widget shows at the controls, as text only: the polite live region, each
// control's message elements (linked through aria-describedby), aria-invalid, and the
// documents checklist and route. Every element it adds is removed again on detach.
import { describedBy, describedByIds, uniqueId } from "./dom.js";

export function createRenderer(form, locale) {
  const added = [];

  let live = form.querySelector("[data-icp-live]");
  if (!live) {
    live = document.createElement("div");
    live.setAttribute("data-icp-live", "");
    live.className = "icp-live";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    // Visually hidden but read by screen readers.
    live.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap";
    form.appendChild(live);
    added.push(live);
  }

  let pendingAnnouncement = null;
  function announce(text) {
    // Clearing first makes repeated identical messages announce again; a newer message (or
    // none) cancels the one still waiting, so the live region never reads an outdated one.
    clearTimeout(pendingAnnouncement);
    live.textContent = "";
    if (text) pendingAnnouncement = setTimeout(() => (live.textContent = text), 50);
  }

  // The control's message element of one kind ("message", "cross" or "app-note"), created
  // after `anchor` and linked through aria-describedby on first use.
  function describedElement(control, kind, anchor) {
    const existing = describedBy(control).find((el) => el && el.hasAttribute(`data-icp-${kind}`));
    if (existing) return existing;
    const el = document.createElement("p");
    el.id = uniqueId(`icp-${kind === "message" ? "msg" : kind}`);
    el.className = kind === "message" ? "icp-message" : `icp-message icp-${kind}`;
    el.setAttribute(`data-icp-${kind}`, "");
    el.hidden = true;
    anchor.insertAdjacentElement("afterend", el);
    control.setAttribute("aria-describedby", [...describedByIds(control), el.id].join(" "));
    added.push(el);
    return el;
  }

  const messageElement = (control) => describedElement(control, "message", control);
  // Cross-field findings get their own element, so a field's own message is never overwritten.
  const crossElement = (control) => describedElement(control, "cross", messageElement(control));
  // What an APP file said of the value a control holds.
  const appNoteElement = (control) => describedElement(control, "app-note", messageElement(control));

  const setInvalid = (control, invalid) => (invalid ? control.setAttribute("aria-invalid", "true") : control.removeAttribute("aria-invalid"));

  function showText(el, text, className) {
    el.textContent = text;
    el.hidden = text === "";
    el.className = className;
  }

  const showAppNote = (el, text, severity) => showText(el, text, `icp-message icp-app-note${severity ? ` icp-${severity}` : ""}`);

  return {
    announce,
    messageElement,
    crossElement,
    appNoteElement,
    setInvalid,
    showAppNote,

    /** A field's (or attachment's) result at its control; returns the text shown. */
    showResult(control, result) {
      const el = messageElement(control);
      const first = result.errors[0] || result.warnings[0];
      const text = first ? first.message : "";
      setInvalid(control, !result.valid);
      showText(el, text, `icp-message ${result.valid ? (first ? "icp-warning" : "") : "icp-error"}`.trim());
      return text;
    },

    /** No verdict at the control (an empty optional field, no file). */
    clearResult(control) {
      const el = messageElement(control);
      control.removeAttribute("aria-invalid");
      showText(el, "", "icp-message");
    },

    /** The message at a file input; `kind` is "error", "warning" or "success". */
    showFileMessage(control, text, kind) {
      const el = messageElement(control);
      el.textContent = text;
      el.hidden = false;
      el.className = `icp-message icp-${kind}`;
      setInvalid(control, kind === "error");
    },

    /** A cross-field finding (or null) at a control, announced when its text changes; the
     * control stays invalid while its own field result is. */
    showCross(control, finding, fieldInvalid) {
      const el = crossElement(control);
      const text = finding ? finding.message : "";
      if (text !== el.textContent) {
        showText(el, text, `icp-message icp-cross ${finding && finding.severity === "error" ? "icp-error" : "icp-warning"}`);
        if (text) announce(text);
      }
      if (finding && finding.severity === "error") control.setAttribute("aria-invalid", "true");
      else if (!fieldInvalid) control.removeAttribute("aria-invalid");
    },

    /** Hides what an APP file said of a control's value, if it said anything. */
    clearAppNote(control) {
      const note = describedBy(control).find((el) => el && el.hasAttribute("data-icp-app-note"));
      if (note) showAppNote(note, "", null);
    },

    /** The documents checklist and the verification route of a filing report. */
    showChecklist(report) {
      const list = form.querySelector("[data-icp-checklist]") || document.querySelector("[data-icp-checklist]");
      if (list) {
        list.replaceChildren(
          ...report.documents.map((d) => {
            const li = document.createElement("li");
            li.className = `icp-document icp-${d.need}`;
            const name = document.createElement("strong");
            name.textContent = d.name;
            const need = document.createElement("span");
            need.className = "icp-need";
            need.textContent = d.need === "required" ? (locale === "en" ? " (required)" : "（必需）") : locale === "en" ? " (may be asked for)" : "（视情况）";
            const reason = document.createElement("span");
            reason.className = "icp-reason";
            reason.textContent = ` — ${d.reason}`;
            li.append(name, need, reason);
            return li;
          }),
        );
      }
      const route = form.querySelector("[data-icp-route]") || document.querySelector("[data-icp-route]");
      if (route) route.textContent = report.verification ? report.verification.reason : "";
    },

    /** Keeps an element the widget added elsewhere (the summary), to remove it on detach. */
    track(el) {
      added.push(el);
    },

    /** A control removed from the form takes its message elements with it. */
    forget(control) {
      for (const id of describedByIds(control)) {
        const i = added.findIndex((el) => el.id === id);
        if (i >= 0) added.splice(i, 1)[0].remove();
      }
    },

    /** Removes every element added, and from `controls` aria-invalid and the ids of those
     * elements in aria-describedby (the page's own ids stay). */
    detach(controls) {
      for (const el of added) el.remove();
      for (const control of controls) {
        control.removeAttribute("aria-invalid");
        const ids = describedByIds(control).filter((id) => !added.some((el) => el.id === id));
        if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
        else control.removeAttribute("aria-describedby");
      }
    },
  };
}
